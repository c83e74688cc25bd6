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


# From the red team's tries (/work/redteam):


def _rt_prep(X, y, alpha, n_iter, tol, *, finite=True, itchk=True, achk=True):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or y.ndim != 1:
        raise ValueError("X must be 2-D and y 1-D")
    if X.shape[0] != y.shape[0]:
        raise ValueError("length mismatch")
    if X.size == 0:
        raise ValueError("empty input")
    if finite and not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
        raise ValueError("X and y must be finite")
    if achk and (np.ndim(alpha) != 0 or not np.isfinite(alpha) or alpha < 0):
        raise ValueError("alpha must be a single number >= 0")
    if itchk and n_iter < 1:
        raise ValueError("n_iter must be >= 1")
    if not tol >= 0:
        raise ValueError("tol must be >= 0")
    return X, y


def _rt_cd(X, y, alpha, n_iter, tol, *, guard=True, stop="max", jacobi=False):
    n, d = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    s = (Xc**2).sum(axis=0) / n
    w = np.zeros(d)
    r = y - ym
    for _ in range(int(n_iter)):
        old = w.copy()
        changes = []
        r0 = r.copy()
        for j in range(d):
            if guard and s[j] == 0:
                continue
            rr = r0 if jacobi else r
            rho = Xc[:, j] @ rr / n + s[j] * old[j] if jacobi else Xc[:, j] @ r / n + s[j] * w[j]
            with np.errstate(invalid="ignore", divide="ignore"):
                new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / s[j]
            if not jacobi:
                r = r - (new - w[j]) * Xc[:, j]
            changes.append(abs(new - w[j]))
            w[j] = new
        if jacobi:
            r = (y - ym) - Xc @ w
        if not changes:
            break
        crit = {"max": max(changes), "last": changes[-1]}[stop]
        if crit < tol:
            break
    return w, float(ym - xm @ w)


@mutant("lasso_fit")
def hard_codes_n_iter(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    # differs on: n_iter=1 with correlated columns (a single sweep is not converged)  (parameter)
    X, y = _rt_prep(X, y, alpha, n_iter, tol)
    return _rt_cd(X, y, alpha, 1000, tol)


@mutant("lasso_fit")
def hard_codes_tol(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    # differs on: tol=0.5 (the solution stops after the first sweep)  (parameter)
    X, y = _rt_prep(X, y, alpha, n_iter, tol)
    return _rt_cd(X, y, alpha, n_iter, 1e-8)


@mutant("lasso_fit", level=2)
def constant_column_nan(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    # no guard for ||x_j|| = 0: 0/0 gives nan. differs on: X with a constant column  (degenerate)
    X, y = _rt_prep(X, y, alpha, n_iter, tol)
    return _rt_cd(X, y, alpha, n_iter, tol, guard=False)


@mutant("lasso_fit")
def nan_alpha_accepted(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    # `alpha < 0` lets nan through. differs on: alpha=nan  (parameter)
    X, y = _rt_prep(X, y, alpha, n_iter, tol, achk=False)
    if alpha < 0:
        raise ValueError("alpha must be >= 0")
    return _rt_cd(X, y, alpha, n_iter, tol)


@mutant("lasso_fit")
def nan_input_accepted(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    # differs on: y with a nan -> nan weights instead of ValueError  (degenerate)
    X, y = _rt_prep(X, y, alpha, n_iter, tol, finite=False)
    return _rt_cd(X, y, alpha, n_iter, tol)


@mutant("lasso_fit")
def reverse_sweep_order(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    # sweeps j = d-1 .. 0 (same optimum, different iterates). differs on: n_iter=1 with correlated
    # columns (contract)
    X, y = _rt_prep(X, y, alpha, n_iter, tol)
    X = X[:, ::-1]
    w, b = _rt_cd(X, y, alpha, n_iter, tol)
    return w[::-1].copy(), b
