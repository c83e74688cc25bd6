"""Wrong versions of regularization/lasso_fit."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, y, alpha, negative_ok=False, n_iter=1):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.size == 0:
        raise ValueError("bad shapes")
    if n_iter < 1:
        raise ValueError("n_iter must be >= 1")
    if alpha < 0 and not negative_ok:
        raise ValueError("alpha must be >= 0")
    return X, y


def _descent(X, y, threshold, n_iter, tol, per_n=True, last_change_only=False, sweeps=None):
    """Cyclic coordinate descent on centred X, y; returns w and the means."""
    n, d = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, r = X - x_mean, y - y_mean
    scale = (Xc**2).sum(axis=0) / (n if per_n else 1)
    w = np.zeros(d)
    for _ in range(sweeps or n_iter):
        largest = change = 0.0
        for j in range(d):
            rho = Xc[:, j] @ r / (n if per_n else 1) + scale[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - threshold, 0.0) / scale[j]
            change = abs(new - w[j])
            r -= (new - w[j]) * Xc[:, j]
            w[j] = new
            largest = max(largest, change)
        if (change if last_change_only else largest) < tol:
            break
    return w, x_mean, y_mean


def _fit(X, y, threshold, n_iter, tol, **options):
    w, x_mean, y_mean = _descent(X, y, threshold, n_iter, tol, **options)
    return w, float(y_mean - x_mean @ w)


@mutant("lasso_fit", hint="scaled by 1/(2n)")
def squared_error_not_divided_by_n(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _checked(X, y, alpha, n_iter=n_iter)
    return _fit(X, y, alpha, n_iter, tol, per_n=False)


@mutant("lasso_fit", hint="a threshold of alpha/2")
def threshold_at_half_alpha(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _checked(X, y, alpha, n_iter=n_iter)
    return _fit(X, y, alpha / 2, n_iter, tol)


@mutant("lasso_fit", hint="iterate until no coefficient moves by tol")
def a_single_sweep(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _checked(X, y, alpha, n_iter=n_iter)
    return _fit(X, y, alpha, n_iter, tol, sweeps=1)


@mutant("lasso_fit")
def stops_when_the_last_coordinate_is_still(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _checked(X, y, alpha, n_iter=n_iter)
    return _fit(X, y, alpha, n_iter, tol, last_change_only=True)


@mutant("lasso_fit", hint="the intercept is not penalised")
def penalised_intercept_column(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _checked(X, y, alpha, n_iter=n_iter)
    A = np.column_stack([X, np.ones(len(X))])
    n, d = A.shape
    scale = (A**2).sum(axis=0) / n
    w, r = np.zeros(d), y.copy()
    for _ in range(n_iter):
        largest = 0.0
        for j in range(d):
            rho = A[:, j] @ r / n + scale[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / scale[j]
            r -= (new - w[j]) * A[:, j]
            largest = max(largest, abs(new - w[j]))
            w[j] = new
        if largest < tol:
            break
    return w[:-1], float(w[-1])


@mutant("lasso_fit", hint="soft-threshold update sets them to exactly 0")
def subgradient_descent(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _checked(X, y, alpha, n_iter=n_iter)
    n, d = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    step = 1.0 / np.linalg.norm(Xc, 2) ** 2 * n
    w = np.zeros(d)
    for _ in range(20 * n_iter):
        w = w - step * (-(Xc.T @ (yc - Xc @ w)) / n + alpha * np.sign(w))
    return w, float(y_mean - x_mean @ w)


@mutant("lasso_fit", hint="forgot the mean(X) . w term")
def intercept_is_mean_y(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _checked(X, y, alpha, n_iter=n_iter)
    w, _, y_mean = _descent(X, y, alpha, n_iter, tol)
    return w, float(y_mean)


@mutant("lasso_fit")
def negative_alpha_accepted(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _checked(X, y, alpha, negative_ok=True, n_iter=n_iter)
    return _fit(X, y, alpha, n_iter, tol)
