"""Benchmark cases of the models exercises."""

from __future__ import annotations

import numpy as np

from . import (
    CLASSES,
    Trial,
    case,
    close,
    floor_of,
    fmt,
    quiet,
    regression,
    rows,
    same_fit,
    shape,
)

# --- models ----------------------------------------------------------------------------


@case("models/sigmoid", "scipy.special.expit")
def _sigmoid(m, n, rng):
    from scipy.special import expit

    z = 5 * rng.normal(size=n)
    return Trial(fmt(n), lambda: m.sigmoid(z), lambda: expit(z))


@case("models/linear_regression_fit", "sklearn LinearRegression().fit(X, y)")
def _linear_regression(m, n, rng):
    from sklearn.linear_model import LinearRegression

    X, y = regression(rng, rows(n), CLASSES)
    return Trial(
        shape(*X.shape),
        lambda: m.linear_regression_fit(X, y),
        lambda: LinearRegression().fit(X, y),
        same=same_fit,
    )


@case(
    "models/logistic_loss_and_gradient",
    "sklearn LinearModelLoss(HalfBinomialLoss()).loss_gradient (LogisticRegression's objective)",
    note="l2 = 0.01; the reference is scikit-learn's private loss module",
)
def _logistic_loss(m, n, rng):
    from sklearn._loss.loss import HalfBinomialLoss
    from sklearn.linear_model._linear_loss import LinearModelLoss

    X = rng.normal(size=(rows(n), CLASSES))
    y = rng.integers(0, 2, size=rows(n))
    w, b, l2 = rng.normal(size=CLASSES), 0.3, 0.01
    objective = LinearModelLoss(base_loss=HalfBinomialLoss(), fit_intercept=True)
    coef = np.r_[w, b]

    def reference():
        return objective.loss_gradient(coef, X, y.astype(np.float64), l2_reg_strength=l2)

    def same(solution, expected):
        return close(solution, (expected[0], expected[1][:-1], expected[1][-1]))

    return Trial(
        shape(*X.shape),
        lambda: m.logistic_loss_and_gradient(w, b, X, y, l2=l2),
        reference,
        floor_of(X, y),
        same=same,
    )


@case(
    "models/logistic_regression_fit",
    "sklearn LogisticRegression(C=1/(n*l2)).fit(X, y)",
    iterative=True,
    note="iterative: 5000 fixed gradient steps (the defaults) vs L-BFGS to its default tol",
)
def _logistic_fit(m, n, rng):
    from scipy.special import expit
    from sklearn.linear_model import LogisticRegression

    X = rng.normal(size=(max(n // 100, 20), CLASSES))
    y = (rng.random(len(X)) < expit(X @ rng.normal(size=CLASSES))).astype(int)
    y[:2] = [0, 1]
    l2 = 1e-2
    model = LogisticRegression(C=1.0 / (len(X) * l2))
    return Trial(
        shape(*X.shape),
        lambda: m.logistic_regression_fit(X, y, l2=l2),
        quiet(lambda: model.fit(X, y)),
        compare=False,
    )


@case("models/svm_objective", "0.5*||w||^2 + C*n*sklearn.metrics.hinge_loss(y, X @ w + b)")
def _svm_objective(m, n, rng):
    from sklearn.metrics import hinge_loss

    X = rng.normal(size=(rows(n), CLASSES))
    y = rng.choice([-1, 1], size=rows(n))
    w, b, C = rng.normal(size=CLASSES), 0.3, 1.0

    def reference():
        return 0.5 * (w @ w) + C * len(y) * hinge_loss(y, X @ w + b)

    return Trial(shape(*X.shape), lambda: m.svm_objective(w, b, X, y, C=C), reference, floor_of(X, y))


@case(
    "models/svm_fit",
    'sklearn SVC(kernel="linear", C=1).fit(X, y)',
    iterative=True,
    note="iterative: 5000 subgradient steps (the defaults) vs libsvm's SMO",
)
def _svm_fit(m, n, rng):
    from sklearn.svm import SVC

    X = rng.normal(size=(max(n // 500, 20), CLASSES))
    y = np.where(X @ rng.normal(size=CLASSES) + 0.5 * rng.normal(size=len(X)) > 0, 1, -1)
    y[:2] = [-1, 1]
    return Trial(
        shape(*X.shape), lambda: m.svm_fit(X, y), lambda: SVC(kernel="linear", C=1.0).fit(X, y), compare=False
    )


@case(
    "models/softmax_regression_fit",
    "sklearn LogisticRegression(C=1/(n*l2)).fit(X, y), multinomial",
    iterative=True,
    note="iterative: 5000 fixed gradient steps (the defaults) vs L-BFGS to its default tol",
)
def _softmax_fit(m, n, rng):
    from scipy.special import softmax
    from sklearn.linear_model import LogisticRegression

    k = 3
    X = rng.normal(size=(max(n // 100, 20), CLASSES))
    P = softmax(X @ rng.normal(size=(CLASSES, k)), axis=1)
    y = (rng.random((len(X), 1)) > np.cumsum(P, axis=1)).sum(axis=1)
    y[:k] = np.arange(k)
    l2 = 1e-2
    model = LogisticRegression(C=1.0 / (len(X) * l2))
    return Trial(
        shape(*X.shape),
        lambda: m.softmax_regression_fit(X, y, l2=l2),
        quiet(lambda: model.fit(X, y)),
        compare=False,
    )
