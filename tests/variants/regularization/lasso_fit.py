"""Correct, differently written versions of regularization/lasso_fit (the red team's)."""

import numpy as np


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


def variant_lasso_recompute(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _rt_prep(X, y, alpha, n_iter, tol)
    n, d = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc, yc = X - xm, y - ym
    s = np.einsum("ij,ij->j", Xc, Xc) / n
    w = np.zeros(d)
    for _ in range(int(n_iter)):
        biggest = 0.0
        for j in range(d):
            if s[j] <= 0:
                continue
            r = yc - Xc @ w
            rho = Xc[:, j] @ (r + Xc[:, j] * w[j]) / n
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / s[j]
            biggest = max(biggest, abs(new - w[j]))
            w[j] = new
        if biggest < tol:
            break
    return w, float(ym - xm @ w)


def variant_lasso_gram(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _rt_prep(X, y, alpha, n_iter, tol)
    n, d = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    G = Xc.T @ Xc / n
    c = Xc.T @ (y - ym) / n
    w = np.zeros(d)
    for _ in range(int(n_iter)):
        biggest = 0.0
        for j in range(d):
            if G[j, j] <= 0:
                continue
            rho = c[j] - G[j] @ w + G[j, j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / G[j, j]
            biggest = max(biggest, abs(new - w[j]))
            w[j] = new
        if biggest < tol:
            break
    return w, float(ym - xm @ w)


def variant_lasso_while(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    X, y = _rt_prep(X, y, alpha, n_iter, tol)
    n, d = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    s = (Xc * Xc).sum(axis=0) / n
    active = [j for j in range(d) if s[j] > 0]
    w = np.zeros(d)
    r = (y - ym).copy()
    sweeps, done = 0, False
    while sweeps < int(n_iter) and not done:
        sweeps += 1
        delta = 0.0
        for j in active:
            rho = Xc[:, j] @ r / n + s[j] * w[j]
            new = (rho - np.clip(rho, -alpha, alpha)) / s[j]
            step = new - w[j]
            if step:
                r -= step * Xc[:, j]
                w[j] = new
            delta = max(delta, abs(step))
        done = delta < tol
    return w, float(ym - xm @ w)
