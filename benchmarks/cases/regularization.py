"""Benchmark cases of the regularization exercises."""

from __future__ import annotations

import numpy as np

from . import (
    CLASSES,
    Trial,
    case,
    close,
    floor_of,
    fmt,
    regression,
    rows,
    same_fit,
    shape,
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
