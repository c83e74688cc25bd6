"""Correct, differently written versions of neural_networks/batch_norm_forward."""

import math

import numpy as np


def _inputs(X, gamma, beta, eps):
    x, g, b = np.asarray(X), np.asarray(gamma), np.asarray(beta)
    for a in (x, g, b):
        if a.dtype.kind not in "biuf":
            raise ValueError("inputs must be numeric")
    if x.ndim != 2 or x.shape[0] < 1:
        raise ValueError("X must be 2-D with at least one row")
    if g.shape != (x.shape[1],) or b.shape != (x.shape[1],):
        raise ValueError("gamma and beta need one entry per feature")
    if isinstance(eps, (str, bytes)) or np.ndim(eps) != 0:
        raise ValueError("eps must be a positive number")
    e = float(eps)
    if not (0 < e < math.inf):
        raise ValueError("eps must be a positive number")
    return x.astype(np.float64), g.astype(np.float64), b.astype(np.float64), e


def variant_column_loops(X, gamma, beta, eps=1e-5):
    x, g, b, e = _inputs(X, gamma, beta, eps)
    n, d = x.shape
    out = np.empty((n, d))
    x_hat = np.empty((n, d))
    inv = np.empty(d)
    for j in range(d):
        col = x[:, j].tolist()
        mu = math.fsum(col) / n
        var = math.fsum((v - mu) ** 2 for v in col) / n
        inv[j] = 1.0 / math.sqrt(var + e)
        for i in range(n):
            x_hat[i, j] = (col[i] - mu) * inv[j]
            out[i, j] = g[j] * x_hat[i, j] + b[j]
    return out, (x_hat, g, inv)


def variant_einsum_dict_cache(X, gamma, beta, eps=1e-5):
    # the cache is a dict of other names: the grader must not read it
    x, g, b, e = _inputs(X, gamma, beta, eps)
    n = x.shape[0]
    c = x - np.einsum("ij->j", x) / n
    var = np.einsum("ij,ij->j", c, c) / n
    std = np.sqrt(var + e)
    x_hat = c / std
    return np.einsum("ij,j->ij", x_hat, g) + b, {"centred": c, "std": std, "gamma": g}


def variant_shifted_two_pass(X, gamma, beta, eps=1e-5):
    # shift by the first row before the moments (exact for huge offsets), list cache
    x, g, b, e = _inputs(X, gamma, beta, eps)
    shifted = x - x[0]
    m = shifted.mean(axis=0)
    c = shifted - m
    var = (c * c).mean(axis=0)
    x_hat = c / np.sqrt(var + e)
    return x_hat * g + b, [x_hat, g, 1 / np.sqrt(var + e)]
