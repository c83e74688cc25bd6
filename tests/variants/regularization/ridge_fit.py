"""Correct, differently written versions of regularization/ridge_fit (the red team's)."""

import numpy as np


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


def variant_ridge_svd(X, y, alpha=1.0):
    X, y = _rt_prep(X, y, alpha)
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    if alpha == 0 and np.linalg.matrix_rank(Xc) < X.shape[1]:
        raise ValueError("alpha = 0 with linearly dependent columns: the solution is not unique")
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)

    coef = Vt.T @ ((s / (s**2 + alpha)) * (U.T @ (y - ym)))
    return coef, float(ym - xm @ coef)


def variant_ridge_augmented_rows(X, y, alpha=1.0):
    X, y = _rt_prep(X, y, alpha)
    _n, d = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    if alpha == 0 and np.linalg.matrix_rank(Xc) < d:
        raise ValueError("alpha = 0 with linearly dependent columns: the solution is not unique")
    A = np.vstack([Xc, np.sqrt(alpha) * np.eye(d)])
    t = np.concatenate([y - ym, np.zeros(d)])
    w = np.linalg.lstsq(A, t, rcond=None)[0]
    return w, float(ym - xm @ w)


def variant_ridge_dual(X, y, alpha=1.0):
    X, y = _rt_prep(X, y, alpha)
    n, _d = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    if alpha > 0:
        w = Xc.T @ np.linalg.solve(Xc @ Xc.T + alpha * np.eye(n), y - ym)
    else:
        try:
            w = np.linalg.solve(Xc.T @ Xc, Xc.T @ (y - ym))
        except np.linalg.LinAlgError:
            raise ValueError("alpha = 0 with linearly dependent columns") from None
    return w, float(ym - xm @ w)
