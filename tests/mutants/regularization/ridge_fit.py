"""Wrong versions of regularization/ridge_fit."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, y, alpha, negative_ok=False):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.size == 0:
        raise ValueError("bad shapes")
    if alpha < 0 and not negative_ok:
        raise ValueError("alpha must be >= 0")
    return X, y


def _centred(X, y, alpha):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ (y - y_mean))
    return w, x_mean, y_mean


@mutant("ridge_fit", hint="the intercept is not penalised")
def penalised_intercept(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    A = np.column_stack([X, np.ones(len(X))])
    coef = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return coef[:-1], float(coef[-1])


@mutant("ridge_fit", hint="fit an intercept")
def no_intercept(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    return np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y), 0.0


@mutant("ridge_fit", hint="scaled alpha by n")
def mean_squared_error_convention(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    w, x_mean, y_mean = _centred(X, y, alpha * len(y))
    return w, float(y_mean - x_mean @ w)


@mutant("ridge_fit", hint="off by a factor 2")
def half_penalty(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    w, x_mean, y_mean = _centred(X, y, alpha / 2)
    return w, float(y_mean - x_mean @ w)


@mutant("ridge_fit", hint="forgot the mean(X) . w term")
def intercept_is_mean_y(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    w, _, y_mean = _centred(X, y, alpha)
    return w, float(y_mean)


@mutant("ridge_fit")
def negative_alpha_accepted(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha, negative_ok=True)
    w, x_mean, y_mean = _centred(X, y, alpha)
    return w, float(y_mean - x_mean @ w)


# From the red team's tries (/work/redteam):


def _rt_prep(X, y, alpha, *, finite=True, achk=True, dtype=np.float64, xdim=True):
    X = np.asarray(X, dtype=dtype)
    y = np.asarray(y, dtype=dtype)
    if xdim and X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError("length mismatch")
    if X.size == 0:
        raise ValueError("empty input")
    if finite and not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
        raise ValueError("X and y must be finite")
    if achk and (np.ndim(alpha) != 0 or not np.isfinite(alpha) or alpha < 0):
        raise ValueError(f"alpha must be a single number >= 0, got {alpha!r}")
    return X, y


def _rt_solve(X, y, alpha):
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    G = Xc.T @ Xc + alpha * np.eye(X.shape[1])
    try:
        w = np.linalg.solve(G, Xc.T @ (y - ym))
    except np.linalg.LinAlgError:
        raise ValueError("X^T X + alpha I is singular: use alpha > 0") from None
    return w, float(ym - xm @ w)


@mutant("ridge_fit")
def lstsq_when_singular(X, y, alpha=1.0):
    # falls back to the min-norm solution for alpha = 0 and dependent columns
    # differs on: X=[[1,2],[2,4],[3,6]], alpha=0 -> a fit instead of ValueError
    # (degenerate/contract)
    X, y = _rt_prep(X, y, alpha)
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    w = np.linalg.lstsq(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ (y - ym), rcond=None)[0]
    return w, float(ym - xm @ w)


@mutant("ridge_fit", hint="loses every digit", level=2)
def augmented_uncentred(X, y, alpha=1.0):
    # [X 1] with the penalty diag(alpha, ..., 0): exact in theory, loses digits when X sits near 1e8
    # differs on: X = 1e8 + [[0],[1],[2],[3]], y = [1, 3, 5, 8]  (scale)
    X, y = _rt_prep(X, y, alpha)
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    P = np.diag(np.r_[np.full(d, float(alpha)), 0.0])
    try:
        theta = np.linalg.solve(A.T @ A + P, A.T @ y)
    except np.linalg.LinAlgError:
        raise ValueError("singular") from None
    return theta[:d], float(theta[d])


@mutant("ridge_fit")
def nan_input_accepted(X, y, alpha=1.0):
    # differs on: X with a nan -> nan weights instead of ValueError  (degenerate)
    X, y = _rt_prep(X, y, alpha, finite=False)
    return _rt_solve(X, y, alpha)


@mutant("ridge_fit")
def nan_alpha_accepted(X, y, alpha=1.0):
    # `alpha < 0` lets nan through. differs on: alpha=nan  (parameter)
    X, y = _rt_prep(X, y, alpha, achk=False)
    if alpha < 0:
        raise ValueError("alpha must be >= 0")
    return _rt_solve(X, y, alpha)


@mutant("ridge_fit")
def centres_in_place(X, y, alpha=1.0):
    # X -= X.mean(0) on np.asarray(X): overwrites a float64 caller array; int X raises TypeError
    # differs on: float64 ndarray X (mutated) and int X [[0],[1],[2],[3]] (TypeError)
    # (contract/dtype)
    X = np.asarray(X)
    y = np.asarray(y, dtype=np.float64)
    _rt_prep(X, y, alpha)
    xm = X.mean(axis=0)
    X -= xm
    ym = y.mean()
    w = np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ (y - ym))
    return w, float(ym - xm @ w)
