"""Benchmark 3: every reference solution against its library reference, at n = 1e6.

One :class:`Case` per exercise function of the curriculum (a few functions get a second
row for another mode, e.g. each metric of ``pairwise_distances``). A case makes inputs of
size n = 1e6, or the matching size for its shape: ``(1e5, 10)`` for row-wise 2-D input,
``1000×1000`` for matrices, ``2000×2000×64`` for pairwise distances, ``1e5×10`` for fits.
It times the solution module (loaded by path, as the speed tier loads it) against the
library call its grader checks it with, configured to compute the same thing; for a
reduction it also times the physical floor: ``np.dot(a, a)`` over every input array, one
pass over all the input bytes.

Timing: a warm-up call of each side first (which also checks that both compute the same
result), then ``runs`` rounds that interleave solution, reference and floor (the order
alternating from round to round), so load on the shared machine hits all alike; each
figure is the median over the rounds. A call shorter than :data:`MIN_SAMPLE` is repeated
within a round and timed as a whole. Cases whose solution module does not exist yet are
skipped and listed.

Iterative fits (logistic regression, SVM, lasso, k-means) stop on different criteria than
their references, so they are timed at the configuration their note gives and get no goal
verdict. Where the grader's reference is exact arithmetic (``fractions.Fraction``, a Python
loop) or finite differences, the reference timed is a numerical computation of the same value,
named in the row.

Two settings keep the two sides comparable on a small shared machine, and both are written
into the results: BLAS and OpenMP run one thread on both sides (:data:`THREADS`), and glibc
keeps freed memory for reuse (:func:`keep_freed_memory`).

Run through ``benchmarks/run.py`` or alone: ``python benchmarks/solutions.py [--quick]``.
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from mlkata.catalog import all_exercises
from mlkata.learner.speed import CLASSES, FAMILIES, SIZE, load_reference

QUICK_SIZE = 10_000
"""n for ``--quick``: every shape shrinks with it (1000×10, 100×100, 200×200×64, ...)."""
RUNS = 11
"""Timed rounds per case (after the warm-up)."""
MIN_RUNS = 3
"""A case slower than :data:`BUDGET` a round still gets this many rounds."""
BUDGET = 20.0
"""Seconds of timed rounds a case should take at most."""
MIN_SAMPLE = 0.02
"""A call faster than this is repeated within a round until the round takes this long."""
THREADS = 1
"""BLAS and OpenMP threads on both sides: on a shared 2-core machine a second thread mostly waits."""
NOISE = 0.05
"""A ratio up to 1 + NOISE counts as even (≈): run-to-run noise on a shared machine."""


# --- the case table --------------------------------------------------------------------


@dataclass(frozen=True)
class Trial:
    """One case made ready to time: three zero-argument calls on the same data."""

    size: str
    solution: Callable[[], Any]
    reference: Callable[[], Any]
    floor: Callable[[], Any] | None = None
    """One pass over the input (``np.dot(a, a)`` per array), for reductions only."""
    same: Callable[[Any, Any], bool] | None = None
    """Whether (solution result, reference result) agree; ``None`` compares them as arrays."""
    compare: bool = True


@dataclass(frozen=True)
class Case:
    exercise: str
    """``<topic>/<module>``: the solution module."""
    function: str
    against: str
    """The reference call, as the grader names it."""
    prepare: Callable[[ModuleType, int, np.random.Generator], Trial]
    variant: str = ""
    note: str = ""
    iterative: bool = False
    """An iterative fit: not comparable one-to-one, so no goal verdict."""
    unreferenced: bool = False
    """No library computes it (the grader's reference is exact arithmetic): what it is timed
    against is the bare formula, a floor rather than a reference, so no goal verdict."""
    numpy_floor: str = ""
    """Set when the case's floor is not one pass over the input bytes but the least work any
    sequence of numpy calls must do for it (said here, for the table's footnote). A row slower
    than its reference whose numpy floor is slower too is marked bounded: no vectorised numpy
    can meet the goal there, only compiled code."""

    @property
    def label(self) -> str:
        topic = self.exercise.split("/")[0]
        return f"{topic}/{self.function}" + (f" ({self.variant})" if self.variant else "")


CASES: list[Case] = []


def case(
    exercise: str,
    against: str,
    *,
    function: str | None = None,
    variant: str = "",
    note: str = "",
    iterative: bool = False,
    unreferenced: bool = False,
    numpy_floor: str = "",
):
    """Register the decorated ``prepare(module, n, rng) -> Trial`` as a case."""

    def register(prepare):
        name = function or exercise.split("/")[1]
        CASES.append(
            Case(exercise, name, against, prepare, variant, note, iterative, unreferenced, numpy_floor)
        )
        return prepare

    return register


# --- helpers for making inputs ------------------------------------------------------------

_FAMILIES = dict(FAMILIES)


def family(name: str, rng: np.random.Generator, n: int) -> dict[str, Any]:
    """Inputs of the speed tier's family ``name`` (see ``mlkata.learner.speed.FAMILIES``)."""
    return _FAMILIES[name](rng, n)


def rows(n: int) -> int:
    """Rows of a row-wise 2-D input of n values: (n / 10, 10), as the speed tier makes them."""
    return max(n // CLASSES, 2)


def side(n: int) -> int:
    """The side of a square matrix of n entries."""
    return max(math.isqrt(n), 2)


def fmt(n: int) -> str:
    """``1000000 -> '1e6'``; other numbers as they are."""
    exponent = round(math.log10(n)) if n > 0 else 0
    return f"1e{exponent}" if n >= 10_000 and n == 10**exponent else str(n)


def shape(*dims: int) -> str:
    return "×".join(fmt(d) for d in dims)


def floor_of(*arrays: np.ndarray) -> Callable[[], Any]:
    """One pass over every input byte: ``np.dot(a, a)`` for each array (booleans as bytes)."""
    flat = [np.ascontiguousarray(a).reshape(-1) for a in arrays]
    flat = [a.view(np.uint8) if a.dtype == bool else a for a in flat]

    def floor():
        return [np.dot(a, a) for a in flat]

    return floor


def quiet(function: Callable) -> Callable:
    """``function`` with warnings silenced, as the graders call their references."""

    def call(*args, **kwargs):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return function(*args, **kwargs)

    return call


def close(a: Any, b: Any, rtol: float = 1e-6, atol: float = 1e-8) -> bool:
    """Whether two results (numbers, arrays, or tuples of them) agree."""
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(close(x, y, rtol, atol) for x, y in zip(a, b, strict=True))
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def same_fit(solution: Any, fitted: Any) -> bool:
    """Whether the exercise's ``(w, b)`` agrees with a fitted scikit-learn linear model."""
    return close(solution, (fitted.coef_, float(fitted.intercept_)))


def blobs(rng: np.random.Generator, m: int, d: int, k: int = CLASSES) -> tuple[np.ndarray, np.ndarray]:
    """``m`` points in ``d`` dimensions around ``k`` centres, and their labels."""
    labels = rng.integers(0, k, size=m)
    centres = rng.normal(scale=3.0, size=(k, d))
    return centres[labels] + rng.normal(size=(m, d)), labels


def regression(rng: np.random.Generator, m: int, d: int, sparse: bool = False):
    X = rng.normal(size=(m, d))
    w = rng.normal(size=d)
    if sparse:
        w[::2] = 0.0
    return X, X @ w + 0.5 + 0.3 * rng.normal(size=m)


# --- losses ----------------------------------------------------------------------------


@case("losses/mean_absolute_error", "sklearn.metrics.mean_absolute_error")
def _mae(m, n, rng):
    from sklearn.metrics import mean_absolute_error

    x = family("two 1-D arrays", rng, n)
    y, p = x["y_true"], x["y_pred"]
    return Trial(
        fmt(n), lambda: m.mean_absolute_error(y, p), lambda: mean_absolute_error(y, p), floor_of(y, p)
    )


@case("losses/mean_squared_error", "sklearn.metrics.mean_squared_error")
def _mse(m, n, rng):
    from sklearn.metrics import mean_squared_error

    x = family("two 1-D arrays", rng, n)
    y, p = x["y_true"], x["y_pred"]
    return Trial(fmt(n), lambda: m.mean_squared_error(y, p), lambda: mean_squared_error(y, p), floor_of(y, p))


@case("losses/huber_loss", "mean of scipy.special.huber(1.0, y - p)")
def _huber(m, n, rng):
    from scipy.special import huber

    x = family("two 1-D arrays", rng, n)
    y, p = x["y_true"], x["y_pred"]
    return Trial(
        fmt(n), lambda: m.huber_loss(y, p), lambda: float(np.mean(huber(1.0, y - p))), floor_of(y, p)
    )


@case("losses/log_loss", "sklearn.metrics.log_loss(y, clip(p, eps, 1 - eps))")
def _log_loss(m, n, rng):
    from sklearn.metrics import log_loss

    x = family("labels and probabilities", rng, n)
    y, p = x["y_true"], x["y_prob"]
    reference = quiet(lambda: log_loss(y, np.clip(p, 1e-15, 1 - 1e-15), labels=[0, 1]))
    return Trial(fmt(n), lambda: m.log_loss(y, p), reference, floor_of(y, p))


@case("losses/cross_entropy", "sklearn.metrics.log_loss(y, clip(probs), labels=range(k))")
def _cross_entropy(m, n, rng):
    from sklearn.metrics import log_loss

    x = family("labels and class scores", rng, n)
    y, probs = x["y_true"], x["probs"]
    k = probs.shape[1]
    reference = quiet(lambda: log_loss(y, np.clip(probs, 1e-15, 1 - 1e-15), labels=range(k)))
    return Trial(shape(*probs.shape), lambda: m.cross_entropy(y, probs), reference, floor_of(y, probs))


@case("losses/cross_entropy_from_logits", "-mean of scipy.special.log_softmax(logits, axis=1)[i, y_i]")
def _cross_entropy_from_logits(m, n, rng):
    from scipy.special import log_softmax

    x = family("labels and class scores", rng, n)
    y, logits = x["y_true"], x["logits"]

    def reference():
        return float(-np.mean(log_softmax(logits, axis=1)[np.arange(len(logits)), y]))

    return Trial(
        shape(*logits.shape), lambda: m.cross_entropy_from_logits(y, logits), reference, floor_of(y, logits)
    )


@case("losses/hinge_loss", "sklearn.metrics.hinge_loss")
def _hinge(m, n, rng):
    from sklearn.metrics import hinge_loss

    x = family("labels and margins", rng, n)
    y, d = x["y_true"], x["decision"]
    return Trial(fmt(n), lambda: m.hinge_loss(y, d), lambda: hinge_loss(y, d), floor_of(y, d))


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


# --- neural networks -------------------------------------------------------------------


@case("neural_networks/relu", "numpy.maximum(z, 0)")
def _relu(m, n, rng):
    z = rng.normal(size=n)
    return Trial(fmt(n), lambda: m.relu(z), lambda: np.maximum(z, 0.0))


@case("neural_networks/softmax", "scipy.special.softmax(z, axis=-1)")
def _softmax(m, n, rng):
    from scipy.special import softmax

    z = 3 * rng.normal(size=(rows(n), CLASSES))
    return Trial(shape(*z.shape), lambda: m.softmax(z), lambda: softmax(z, axis=-1))


def _dense(activation):
    def prepare(m, n, rng):
        from sklearn.neural_network._base import ACTIVATIONS

        X = rng.normal(size=(rows(n), CLASSES))
        W, b = rng.normal(size=(CLASSES, CLASSES)), rng.normal(size=CLASSES)

        def reference():
            Z = X @ W + b
            ACTIVATIONS[activation](Z)  # in place
            return Z

        return Trial(
            f"{shape(*X.shape)} @ {CLASSES}×{CLASSES}",
            lambda: m.dense_forward(X, W, b, activation=activation),
            reference,
        )

    return prepare


case(
    "neural_networks/dense_forward",
    "sklearn.neural_network._base.ACTIVATIONS['relu'](X @ W + b)",
    variant="relu",
)(_dense("relu"))
case(
    "neural_networks/dense_forward",
    "sklearn.neural_network._base.ACTIVATIONS['logistic'](X @ W + b)",
    variant="logistic",
)(_dense("logistic"))

HIDDEN = 32


def _network(rng: np.random.Generator, n: int):
    """Inputs (n/10, 10), one hidden relu layer of 32 units, 10 classes; the same sklearn net."""
    from sklearn.neural_network import MLPClassifier

    X = rng.normal(size=(rows(n), CLASSES))
    weights = [rng.normal(size=(CLASSES, HIDDEN)) / 3, rng.normal(size=(HIDDEN, CLASSES)) / 5]
    biases = [rng.normal(size=HIDDEN), rng.normal(size=CLASSES)]
    net = MLPClassifier(
        hidden_layer_sizes=(HIDDEN,), activation="relu", alpha=0.0, max_iter=1, random_state=0
    )
    quiet(net.fit)(rng.normal(size=(2 * CLASSES, CLASSES)), np.arange(2 * CLASSES) % CLASSES)
    net.coefs_, net.intercepts_ = weights, biases
    return X, weights, biases, net


def _layers(X: np.ndarray) -> str:
    return f"{shape(*X.shape)}, layers {CLASSES}-{HIDDEN}-{CLASSES}"


@case("neural_networks/mlp_forward", "sklearn MLPClassifier.predict_proba with coefs_/intercepts_ set")
def _mlp_forward(m, n, rng):
    X, weights, biases, net = _network(rng, n)
    return Trial(_layers(X), lambda: m.mlp_forward(X, weights, biases), lambda: net.predict_proba(X))


@case(
    "neural_networks/mlp_backward",
    "sklearn MLPClassifier._backprop (alpha=0) with coefs_ set",
    note="grader: finite differences; timed against scikit-learn's private backprop (one-hot y given)",
)
def _mlp_backward(m, n, rng):
    X, weights, biases, net = _network(rng, n)
    y = rng.integers(0, CLASSES, size=len(X))
    onehot = np.eye(CLASSES)[y]

    def reference():
        layers = len(weights)
        return net._backprop(
            X,
            onehot,
            None,
            [X] + [None] * layers,
            [None] * layers,
            [np.empty_like(W) for W in weights],
            [np.empty_like(b) for b in biases],
        )

    def same(solution, expected):
        return close(solution, (expected[1], expected[2]))

    return Trial(_layers(X), lambda: m.mlp_backward(X, y, weights, biases), reference, same=same)


# --- probability -----------------------------------------------------------------------


@case(
    "probability/bayes_posterior",
    "prior * likelihood / sum(prior * likelihood) in numpy",
    unreferenced=True,
    note="no library reference (the grader's is exact fractions): timed against the bare "
    "formula, 3 passes that check nothing; the solution's 6 check every documented error",
)
def _bayes(m, n, rng):
    prior = rng.random(n)
    prior /= prior.sum()
    likelihood = rng.random(n)

    def reference():
        joint = prior * likelihood
        return joint / joint.sum()

    return Trial(fmt(n), lambda: m.bayes_posterior(prior, likelihood), reference)


def _nb_data(rng, n, counts=False):
    X, y = blobs(rng, rows(n), CLASSES)
    if counts:
        X = rng.poisson(np.exp(X / 4)).astype(np.float64)
    return X, y


@case("probability/gaussian_nb", "sklearn GaussianNB().fit(X, y)", function="gaussian_nb_fit")
def _gaussian_fit(m, n, rng):
    from sklearn.naive_bayes import GaussianNB

    X, y = _nb_data(rng, n)

    def same(model, fitted):
        return close((model["theta"], model["var"]), (fitted.theta_, fitted.var_))

    return Trial(shape(*X.shape), lambda: m.gaussian_nb_fit(X, y), lambda: GaussianNB().fit(X, y), same=same)


@case("probability/gaussian_nb", "sklearn GaussianNB.predict_proba", function="gaussian_nb_predict_proba")
def _gaussian_predict(m, n, rng):
    from sklearn.naive_bayes import GaussianNB

    X, y = _nb_data(rng, n)
    model, fitted = m.gaussian_nb_fit(X, y), GaussianNB().fit(X, y)
    return Trial(
        shape(*X.shape), lambda: m.gaussian_nb_predict_proba(model, X), lambda: fitted.predict_proba(X)
    )


@case("probability/multinomial_nb", "sklearn MultinomialNB().fit(X, y)", function="multinomial_nb_fit")
def _multinomial_fit(m, n, rng):
    from sklearn.naive_bayes import MultinomialNB

    X, y = _nb_data(rng, n, counts=True)

    def same(model, fitted):
        return close(model["feature_log_prob"], fitted.feature_log_prob_)

    return Trial(
        shape(*X.shape), lambda: m.multinomial_nb_fit(X, y), lambda: MultinomialNB().fit(X, y), same=same
    )


@case(
    "probability/multinomial_nb",
    "sklearn MultinomialNB.predict_proba",
    function="multinomial_nb_predict_proba",
)
def _multinomial_predict(m, n, rng):
    from sklearn.naive_bayes import MultinomialNB

    X, y = _nb_data(rng, n, counts=True)
    model, fitted = m.multinomial_nb_fit(X, y), MultinomialNB().fit(X, y)
    return Trial(
        shape(*X.shape), lambda: m.multinomial_nb_predict_proba(model, X), lambda: fitted.predict_proba(X)
    )


# --- regularization --------------------------------------------------------------------


@case(
    "regularization/l1_penalty",
    "alpha * scipy.linalg.norm(w, 1)",
    note="grader: exact fractions; scipy's norm checks finiteness like the solution",
)
def _l1(m, n, rng):
    from scipy.linalg import norm

    w = rng.normal(size=n)
    return Trial(fmt(n), lambda: m.l1_penalty(w, 0.5), lambda: 0.5 * norm(w, 1), floor_of(w))


@case(
    "regularization/l2_penalty",
    "alpha * scipy.linalg.norm(w) ** 2",
    note="grader: exact fractions; scipy's norm checks finiteness like the solution",
)
def _l2(m, n, rng):
    from scipy.linalg import norm

    w = rng.normal(size=n)
    return Trial(fmt(n), lambda: m.l2_penalty(w, 0.5), lambda: 0.5 * norm(w) ** 2, floor_of(w))


@case("regularization/soft_threshold", "where(x > lam, x - lam, where(x < -lam, x + lam, 0)) (the grader's)")
def _soft_threshold(m, n, rng):
    x = rng.normal(size=n)
    lam = 0.5

    def reference():
        return np.where(x > lam, x - lam, np.where(x < -lam, x + lam, 0.0))

    return Trial(fmt(n), lambda: m.soft_threshold(x, lam), reference)


@case("regularization/ridge_fit", "sklearn Ridge(alpha=1).fit(X, y)")
def _ridge(m, n, rng):
    from sklearn.linear_model import Ridge

    X, y = regression(rng, rows(n), CLASSES)
    return Trial(
        shape(*X.shape), lambda: m.ridge_fit(X, y), lambda: Ridge(alpha=1.0).fit(X, y), same=same_fit
    )


@case(
    "regularization/lasso_fit",
    "sklearn Lasso(alpha=0.1, max_iter=1000, tol=1e-8).fit(X, y)",
    iterative=True,
    note="iterative: both cyclic coordinate descent, the solution stops when no coefficient moves "
    "by 1e-8, sklearn on its duality gap",
)
def _lasso(m, n, rng):
    from sklearn.linear_model import Lasso

    X, y = regression(rng, rows(n), CLASSES, sparse=True)

    def same(solution, fitted):
        return close(solution, (fitted.coef_, float(fitted.intercept_)), rtol=1e-4, atol=1e-6)

    return Trial(
        shape(*X.shape),
        lambda: m.lasso_fit(X, y, alpha=0.1),
        lambda: Lasso(alpha=0.1, max_iter=1000, tol=1e-8).fit(X, y),
        same=same,
    )


# --- metrics ---------------------------------------------------------------------------


def _labels(rng, n, k=CLASSES):
    y_true = rng.integers(0, k, size=n)
    y_pred = np.where(rng.random(n) < 0.7, y_true, rng.integers(0, k, size=n))
    return y_true, y_pred


@case("metrics/confusion_matrix", "sklearn.metrics.confusion_matrix", note=f"{CLASSES} classes")
def _confusion(m, n, rng):
    from sklearn.metrics import confusion_matrix

    y, p = _labels(rng, n)
    return Trial(fmt(n), lambda: m.confusion_matrix(y, p), lambda: confusion_matrix(y, p), floor_of(y, p))


@case("metrics/accuracy", "sklearn.metrics.accuracy_score", note=f"{CLASSES} classes")
def _accuracy(m, n, rng):
    from sklearn.metrics import accuracy_score

    y, p = _labels(rng, n)
    return Trial(fmt(n), lambda: m.accuracy(y, p), lambda: accuracy_score(y, p), floor_of(y, p))


def _binary_score(name):
    def prepare(m, n, rng):
        import sklearn.metrics

        score = quiet(getattr(sklearn.metrics, f"{name}_score"))
        y, p = _labels(rng, n, k=2)
        return Trial(
            fmt(n),
            lambda: getattr(m, name)(y, p),
            lambda: score(y, p, average="binary", zero_division=0.0),
            floor_of(y, p),
        )

    return prepare


for _name in ("precision", "recall", "f1"):
    case(f"metrics/{_name}", f"sklearn.metrics.{_name}_score", note="average='binary'")(_binary_score(_name))


@case("metrics/r2_score", "sklearn.metrics.r2_score")
def _r2(m, n, rng):
    from sklearn.metrics import r2_score

    y = rng.normal(size=n)
    p = y + 0.5 * rng.normal(size=n)
    return Trial(fmt(n), lambda: m.r2_score(y, p), lambda: r2_score(y, p), floor_of(y, p))


@case("metrics/roc_auc", "sklearn.metrics.roc_auc_score", note="needs a sort: the floor is not reachable")
def _roc_auc(m, n, rng):
    from sklearn.metrics import roc_auc_score

    x = family("labels and probabilities", rng, n)
    y, s = x["y_true"], x["y_score"] + x["y_true"]
    return Trial(fmt(n), lambda: m.roc_auc(y, s), lambda: roc_auc_score(y, s), floor_of(y, s))


@case("metrics/ndcg_at_k", "sklearn.metrics.ndcg_score", note="needs a sort per query")
def _ndcg(m, n, rng):
    from sklearn.metrics import ndcg_score

    q = side(n)
    relevance = rng.integers(0, 5, size=(q, q)).astype(np.float64)
    scores = relevance + rng.normal(size=(q, q))
    return Trial(
        shape(q, q),
        lambda: m.ndcg_at_k(relevance, scores),
        lambda: ndcg_score(relevance, scores),
        floor_of(relevance, scores),
    )


@case(
    "metrics/box_iou",
    "shapely box(*a).intersection(box(*b)).area / ... .union(...).area",
    note="one pair of boxes: the time of a single call",
)
def _box_iou(m, n, rng):
    from shapely.geometry import box

    a, b = np.array([0.0, 0.0, 2.0, 3.0]), np.array([1.0, 1.0, 4.0, 2.5])

    def reference():
        first, second = box(*map(float, a)), box(*map(float, b))
        return first.intersection(second).area / first.union(second).area

    return Trial("1 pair", lambda: m.box_iou(a, b), reference)


def _masks(rng, n):
    q = side(n)
    a = rng.random((q, q)) < 0.3
    return a, a ^ (rng.random((q, q)) < 0.1)


@case("metrics/mask_iou", "sklearn.metrics.jaccard_score(a.ravel(), b.ravel(), zero_division=1.0)")
def _mask_iou(m, n, rng):
    from sklearn.metrics import jaccard_score

    a, b = _masks(rng, n)
    return Trial(
        shape(*a.shape),
        lambda: m.mask_iou(a, b),
        lambda: jaccard_score(a.ravel(), b.ravel(), zero_division=1.0),
        floor_of(a, b),
    )


@case("metrics/dice_coefficient", "1 - scipy.spatial.distance.dice(a.ravel(), b.ravel())")
def _dice(m, n, rng):
    from scipy.spatial.distance import dice

    a, b = _masks(rng, n)
    return Trial(
        shape(*a.shape),
        lambda: m.dice_coefficient(a, b),
        quiet(lambda: 1.0 - dice(a.ravel(), b.ravel())),
        floor_of(a, b),
    )


@case(
    "metrics/bleu",
    "nltk sentence_bleu(references, hypothesis, weights=(1/4,) * 4)",
    note="pure Python on both sides",
)
def _bleu(m, n, rng):
    from nltk.translate.bleu_score import sentence_bleu

    length = max(n // 100, 20)
    words = np.array([f"w{i}" for i in range(1000)])
    hypothesis = words[rng.integers(0, 1000, size=length)]
    references = []
    for _ in range(4):
        noisy = hypothesis.copy()
        swap = rng.random(length) < 0.2
        noisy[swap] = words[rng.integers(0, 1000, size=swap.sum())]
        references.append(noisy.tolist())
    hypothesis = hypothesis.tolist()
    reference = quiet(lambda: sentence_bleu(references, hypothesis, weights=(0.25,) * 4))
    return Trial(f"4 refs × {fmt(length)} tokens", lambda: m.bleu(references, hypothesis), reference)


# --- distances -------------------------------------------------------------------------


def _vectors(name, scipy_name, transform=float):
    def prepare(m, n, rng):
        from scipy.spatial import distance

        x = family("vectors", rng, n)
        u, v = x["u"], x["v"]
        library = getattr(distance, scipy_name)
        return Trial(fmt(n), lambda: getattr(m, name)(u, v), lambda: transform(library(u, v)), floor_of(u, v))

    return prepare


case("distances/cosine_similarity", "1 - scipy.spatial.distance.cosine(u, v)")(
    _vectors("cosine_similarity", "cosine", lambda d: 1.0 - d)
)
case("distances/euclidean_distance", "scipy.spatial.distance.euclidean")(
    _vectors("euclidean_distance", "euclidean")
)
case("distances/manhattan_distance", "scipy.spatial.distance.cityblock")(
    _vectors("manhattan_distance", "cityblock")
)

FEATURES = 64


def _points(rng, n):
    p = 2 * side(n)
    return rng.normal(size=(p, FEATURES)), rng.normal(size=(p, FEATURES))


BLOCK = 2**18
"""Values per block of differences in the manhattan solution (``solutions/distances``)."""


def one_subtract_pass(X: np.ndarray, Y: np.ndarray) -> Callable[[], Any]:
    """The least numpy work for an L1 distance matrix: one broadcast ``np.subtract`` pass.

    Every pairwise L1 distance needs each of the n·m·d differences ``x - y``; numpy makes them
    with one ufunc call per block of rows, at best into a buffer reused from block to block (the
    blocks as large as the solution's). The ``abs`` and the sum over features come on top.
    """
    n, m, d = len(X), len(Y), X.shape[1]
    rows = max(1, BLOCK // (m * d))
    block = np.empty((rows, m, d))

    def floor():
        for start in range(0, n, rows):
            x = X[start : start + rows, None, :]
            np.subtract(x, Y[None, :, :], out=block[: len(x)])

    return floor


def _pairwise(metric, scipy_metric):
    def prepare(m, n, rng):
        from scipy.spatial.distance import cdist

        X, Y = _points(rng, n)
        floor = one_subtract_pass(X, Y) if metric == "manhattan" else None
        return Trial(
            shape(len(X), len(Y), FEATURES),
            lambda: m.pairwise_distances(X, Y, metric=metric),
            lambda: cdist(X, Y, scipy_metric),
            floor,
        )

    return prepare


_PAIRWISE_NOTES = {
    "manhattan": "three vectorised passes over cache-sized blocks (subtract, abs, sum as a product "
    "with ones) against cdist's one fused C loop; no matrix product computes an L1 sum",
}
_PAIRWISE_FLOORS = {
    "manhattan": "one broadcast `np.subtract` over the n·m·d differences into a reused block, "
    "the first of the solution's three passes",
}
for _metric, _scipy in (("euclidean", "euclidean"), ("manhattan", "cityblock"), ("cosine", "cosine")):
    case(
        "distances/pairwise_distances",
        f"scipy.spatial.distance.cdist(X, Y, '{_scipy}')",
        variant=_metric,
        note=_PAIRWISE_NOTES.get(_metric, ""),
        numpy_floor=_PAIRWISE_FLOORS.get(_metric, ""),
    )(_pairwise(_metric, _scipy))


@case(
    "distances/knn_predict",
    'sklearn KNeighborsClassifier(n_neighbors=5, algorithm="brute")',
    note=f"fit + predict; {CLASSES} classes",
)
def _knn(m, n, rng):
    from sklearn.neighbors import KNeighborsClassifier

    X_train, X_test = _points(rng, n)
    y_train = rng.integers(0, CLASSES, size=len(X_train))

    def reference():
        return KNeighborsClassifier(n_neighbors=5, algorithm="brute").fit(X_train, y_train).predict(X_test)

    return Trial(
        shape(len(X_test), len(X_train), FEATURES), lambda: m.knn_predict(X_train, y_train, X_test), reference
    )


@case(
    "distances/kmeans",
    'sklearn KMeans(init=..., n_init=1, algorithm="lloyd", max_iter=100, tol=0)',
    iterative=True,
    note="iterative: both Lloyd from the same 8 initial centroids until the labels stop changing "
    "(n_iter=100 at most); sklearn runs in parallel threads",
)
def _kmeans(m, n, rng):
    from sklearn.cluster import KMeans

    X, _ = blobs(rng, rows(n), CLASSES, k=8)
    init = X[rng.choice(len(X), size=8, replace=False)]

    def reference():
        return KMeans(n_clusters=8, init=init, n_init=1, algorithm="lloyd", max_iter=100, tol=0.0).fit(X)

    def same(solution, fitted):
        return close(solution, (fitted.cluster_centers_, fitted.labels_))

    return Trial(f"{shape(*X.shape)}, k=8", lambda: m.kmeans(X, init), reference, same=same)


# --- statistics ------------------------------------------------------------------------


@case("statistics/chi_squared_test", "scipy.stats.chisquare(observed)")
def _chi_squared(m, n, rng):
    from scipy.stats import chisquare

    observed = rng.poisson(100, size=n).astype(np.float64)
    return Trial(
        fmt(n), lambda: m.chi_squared_test(observed), lambda: tuple(chisquare(observed)), floor_of(observed)
    )


@case("statistics/chi_squared_independence", "scipy.stats.chi2_contingency(table, correction=False)")
def _chi_squared_independence(m, n, rng):
    from scipy.stats import chi2_contingency

    q = side(n)
    table = rng.poisson(20, size=(q, q)).astype(np.float64) + 1.0
    return Trial(
        shape(q, q),
        lambda: m.chi_squared_independence(table),
        lambda: tuple(chi2_contingency(table, correction=False)),
        floor_of(table),
    )


@case("statistics/confidence_interval", "scipy.stats.t.interval(0.95, n - 1, mean, scipy.stats.sem)")
def _confidence_interval(m, n, rng):
    from scipy import stats

    sample = rng.normal(loc=3.0, size=n)

    def reference():
        return stats.t.interval(0.95, len(sample) - 1, loc=np.mean(sample), scale=stats.sem(sample))

    return Trial(fmt(n), lambda: m.confidence_interval(sample), reference, floor_of(sample))


@case("statistics/standardize", "sklearn StandardScaler().fit_transform(X)")
def _standardize(m, n, rng):
    from sklearn.preprocessing import StandardScaler

    X = rng.normal(loc=2.0, scale=3.0, size=(rows(n), CLASSES))
    return Trial(shape(*X.shape), lambda: m.standardize(X), lambda: StandardScaler().fit_transform(X))


@case("statistics/min_max_normalize", "sklearn MinMaxScaler().fit_transform(X)")
def _min_max(m, n, rng):
    from sklearn.preprocessing import MinMaxScaler

    X = rng.normal(loc=2.0, scale=3.0, size=(rows(n), CLASSES))
    return Trial(shape(*X.shape), lambda: m.min_max_normalize(X), lambda: MinMaxScaler().fit_transform(X))


# --- bias_variance ---------------------------------------------------------------------


class _Replay:
    """An 'estimator' whose r-th fit predicts the r-th row of ``predictions`` (as the grader's)."""

    def __init__(self, predictions):
        self.predictions = predictions
        self.round = -1

    def fit(self, X, y):
        self.round += 1
        return self

    def predict(self, X):
        return self.predictions[self.round]


@case(
    "bias_variance/bias_variance_decomposition",
    "mlxtend.evaluate.bias_variance_decomp(loss='mse') on a replay estimator",
    note="100 rounds; mlxtend loops over the rounds in Python",
)
def _bias_variance(m, n, rng):
    from mlxtend.evaluate import bias_variance_decomp

    n_rounds = 100
    points = max(n // n_rounds, 10)
    y = rng.normal(size=points)
    predictions = y + 0.3 + 0.5 * rng.normal(size=(n_rounds, points))
    dummy = np.zeros((points, 1))

    def reference():
        return bias_variance_decomp(
            _Replay(predictions), dummy, y, dummy, y, loss="mse", num_rounds=n_rounds, random_seed=0
        )

    return Trial(
        shape(n_rounds, points),
        lambda: m.bias_variance_decomposition(predictions, y),
        reference,
        floor_of(predictions, y),
    )


# --- measuring -------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    case: Case
    size: str = ""
    solution: float | None = None
    """Seconds per call (median over the rounds); likewise ``reference`` and ``floor``."""
    reference: float | None = None
    floor: float | None = None
    runs: int = 0
    problem: str = ""
    """An error, or the solution disagreeing with the reference: the row is not valid."""

    @property
    def ratio(self) -> float | None:
        if self.solution is None or not self.reference:
            return None
        return self.solution / self.reference

    @property
    def floor_ratio(self) -> float | None:
        if self.solution is None or not self.floor:
            return None
        return self.solution / self.floor

    @property
    def goal(self) -> str:
        if self.problem or self.ratio is None:
            return "—"
        if self.case.iterative or self.case.unreferenced:
            return "n/a"
        if self.ratio <= 1.0:
            return "✓"
        if self.ratio <= 1.0 + NOISE:
            return "≈"
        return "✗ bounded" if self.bounded else "✗"

    @property
    def bounded(self) -> bool:
        """Whether numpy's least work for the case (its numpy floor) is slower than the reference."""
        return bool(
            self.case.numpy_floor
            and self.floor
            and self.reference
            and self.floor > self.reference * (1.0 + NOISE)
        )


@dataclass(frozen=True)
class Report:
    rows: list[Row]
    missing: list[Case]
    """Cases whose solution module does not exist yet."""
    n: int
    runs: int
    threads: int | None = None
    kept_memory: bool = False

    def settings(self) -> str:
        """How the figures were taken, in a sentence for the results file."""
        threads = f"{self.threads} BLAS/OpenMP thread(s)" if self.threads else "default BLAS/OpenMP threads"
        memory = (
            "freed memory kept for reuse (glibc mallopt)"
            if self.kept_memory
            else "the allocator's default handling of freed memory"
        )
        rounds = (
            (
                f"median of {self.runs} interleaved rounds after a warm-up (fewer, but at least "
                f"{MIN_RUNS}, where {self.runs} would take over {BUDGET:.0f} s)"
            )
            if self.runs > 1
            else ("one run per case (the warm-up itself): a smoke run, not a measurement")
        )
        return f"n = {fmt(self.n)}; {rounds}; {threads}; {memory}."


def _call_time(call: Callable[[], Any], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        call()
    return (time.perf_counter() - start) / number


def _time(trial: Trial, runs: int, quick: bool) -> tuple[list[float | None], int, str]:
    calls = [trial.solution, trial.reference, trial.floor]
    present = [c for c in calls if c is not None]
    first, results = [], []
    for call in present:  # warm-up, and the results to compare
        start = time.perf_counter()
        results.append(call())
        first.append(time.perf_counter() - start)
    problem = ""
    if trial.compare:
        same = trial.same or close
        if not same(results[0], results[1]):
            problem = "the solution's result differs from the reference's"
    if quick:
        samples = [[t] for t in first]
        rounds = 1
    else:
        numbers = [max(1, math.ceil(MIN_SAMPLE / max(t, 1e-9))) for t in first]
        rounds = max(MIN_RUNS, min(runs, int(BUDGET / max(sum(first), 1e-9))))
        samples = [[] for _ in present]
        for r in range(rounds):
            order = list(range(len(present)))
            if r % 2:
                order.reverse()
            for i in order:
                samples[i].append(_call_time(present[i], numbers[i]))
    medians = iter(statistics.median(s) for s in samples)
    return [next(medians) if c is not None else None for c in calls], rounds, problem


def keep_freed_memory() -> bool:
    """Ask glibc to keep freed memory for reuse rather than give it back to the kernel.

    By default glibc returns a freed block of 8 MB (one array of 1e6 floats) to the kernel, and
    the next array of that size faults its pages in afresh. In a virtual machine a page fault
    can cost more than the arithmetic on the page, and whether a call pays it depends on what
    the call before it, often the other side's, freed. With freed memory kept, each side's time
    is its own steady-state time. Returns whether the setting took (glibc only).
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError, TypeError):
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3
    return bool(mallopt(m_mmap_threshold, 1 << 30)) and bool(mallopt(m_trim_threshold, 2**31 - 1))


def measure(
    root: Path,
    quick: bool = False,
    runs: int = RUNS,
    only: list[str] | None = None,
    threads: int | None = THREADS,
    keep_memory: bool = True,
) -> Report:
    """Time every case whose solution exists (those of ``only`` topics/exercises, if given).

    ``threads`` limits BLAS and OpenMP (numpy, scipy and scikit-learn alike); ``None`` leaves
    them as they are. ``keep_memory`` applies :func:`keep_freed_memory` first.
    """
    # threadpoolctl limits only the BLAS/OpenMP pools already loaded: load the references' first.
    import scipy.spatial.distance  # noqa: F401
    import sklearn.cluster
    import sklearn.metrics
    import sklearn.neighbors  # noqa: F401
    from threadpoolctl import threadpool_limits

    kept = keep_freed_memory() if keep_memory else False
    with threadpool_limits(limits=threads):
        report = _measure(root, quick, runs, only)
    return Report(report.rows, report.missing, report.n, report.runs, threads, kept)


def _measure(root: Path, quick: bool, runs: int, only: list[str] | None) -> Report:
    n = QUICK_SIZE if quick else SIZE
    exercises = {e.key: e for e in all_exercises(root)}
    rows, missing = [], []
    modules: dict[str, ModuleType] = {}
    for c in CASES:
        if only and not {c.exercise, c.exercise.split("/")[0], c.function} & set(only):
            continue
        exercise = exercises.get(c.exercise)
        if exercise is None or c.function not in exercise.functions:
            missing.append(c)
            continue
        try:
            if c.exercise not in modules:
                modules[c.exercise] = load_reference(exercise, root)
            trial = c.prepare(modules[c.exercise], n, np.random.default_rng(0))
            gc.collect()
            gc.disable()
            try:
                (solution, reference, floor), rounds, problem = _time(trial, runs, quick)
            finally:
                gc.enable()
        except Exception as error:  # a broken case is a row, not a crash
            rows.append(Row(c, problem=f"error: {type(error).__name__}: {error}"))
            continue
        rows.append(Row(c, trial.size, solution, reference, floor, rounds, problem))
    return Report(rows, missing, n, 1 if quick else runs)


# --- the table -------------------------------------------------------------------------


def ms(seconds: float | None) -> str:
    if seconds is None:
        return ""
    value = seconds * 1e3
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


def times(ratio: float | None) -> str:
    if ratio is None:
        return ""
    return f"{ratio:.0f}×" if ratio >= 100 else f"{ratio:.3g}×"


def table(report: Report) -> str:
    lines = [
        "| exercise | size | reference | solution (ms) | reference (ms) | solution / reference "
        "| floor (ms) | solution / floor | goal ≤ 1× reference | note |",
        "|---|---|---|---:|---:|---:|---:|---:|:---:|---|",
    ]
    escaped = "\\|"
    footnotes = []
    for r in report.rows:
        note = "; ".join(x for x in (r.problem, r.case.note) if x).replace("|", escaped)
        floor = ms(r.floor)
        if r.case.numpy_floor and floor:
            footnotes.append(r)
            floor += "†" * len(footnotes)
        lines.append(
            f"| {r.case.label} | {r.size} | {r.case.against.replace('|', escaped)} | {ms(r.solution)} "
            f"| {ms(r.reference)} | {times(r.ratio)} | {floor} | {times(r.floor_ratio)} "
            f"| {r.goal} | {note} |"
        )
    for number, r in enumerate(footnotes, 1):
        versus = times(r.floor / r.reference) if r.reference else ""
        lines += [
            "",
            f"{'†' * number} {r.case.label}: the floor is numpy's least work, "
            f"{r.case.numpy_floor}; it alone takes {versus} the reference's time.",
        ]
    if report.missing:
        names = sorted({c.exercise for c in report.missing})
        lines += ["", f"Not measured yet (no solution module): {', '.join(names)}."]
    valid = [r for r in report.rows if r.goal in ("✓", "≈", "✗", "✗ bounded")]
    if valid:
        met = sum(not r.goal.startswith("✗") for r in valid)
        bounded = sum(r.goal == "✗ bounded" for r in valid)
        lines += [
            "",
            f"Goal met by {met} of {len(valid)} comparable rows "
            f"(≈: within {NOISE:.0%} of the reference, the noise of this machine)"
            + (
                f"; {bounded} bounded: numpy's least work there is already slower than the "
                "reference, so only compiled code could meet the goal."
                if bounded
                else "."
            ),
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - run through benchmarks/run.py
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"n = {QUICK_SIZE} and one run per case")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--threads", type=int, default=THREADS, help="BLAS/OpenMP threads (0: leave as is)")
    parser.add_argument("--fresh-memory", action="store_true", help="leave glibc's handling of freed memory")
    parser.add_argument("--only", default="", help="comma-separated topics, exercises or functions")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[1]
    only = [o for o in args.only.split(",") if o]
    report = measure(root, args.quick, args.runs, only or None, args.threads or None, not args.fresh_memory)
    print(report.settings() + "\n\n" + table(report))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
