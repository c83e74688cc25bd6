"""Correct, differently written versions of bias_variance/bias_variance_decomposition (the red team's)."""

import math

import numpy as np


def _rt_prep(P, y, dtype=np.float64, pdim=True, lenchk=True, empty=True):
    P = np.asarray(P) if dtype is None else np.asarray(P, dtype=dtype)
    y = np.asarray(y) if dtype is None else np.asarray(y, dtype=dtype)
    if pdim and P.ndim != 2:
        raise ValueError(f"predictions must be 2-D (n_rounds, n_points), got {P.shape}")
    if y.ndim != 1:
        raise ValueError(f"y_true must be 1-D, got {y.shape}")
    if lenchk and P.shape[-1] != y.shape[0]:
        raise ValueError(f"predictions cover {P.shape[-1]} points but y_true has {y.shape[0]}")
    if empty and P.size == 0:
        raise ValueError(f"empty input: predictions has shape {P.shape}")
    return P, y


def _rt_out(P, y):
    m = P.mean(axis=0)
    return float(np.mean((P - y) ** 2)), float(np.mean((m - y) ** 2)), float(np.mean((P - m) ** 2))


def variant_bv_loops(predictions, y_true):
    P, y = _rt_prep(predictions, y_true)
    R, N = P.shape
    loss, bias, var = [], [], []
    for i in range(N):
        col = P[:, i].tolist()
        m = math.fsum(col) / R
        loss.append(math.fsum((f - y[i]) ** 2 for f in col) / R)
        bias.append((m - y[i]) ** 2)
        var.append(math.fsum((f - m) ** 2 for f in col) / R)
    return math.fsum(loss) / N, math.fsum(bias) / N, math.fsum(var) / N


def variant_bv_identity(predictions, y_true):
    P, y = _rt_prep(predictions, y_true)
    m = P.mean(axis=0)
    bias = float(np.mean((m - y) ** 2))
    var = float(np.mean(np.var(P, axis=0)))
    loss = float(np.mean((P - y[None, :]) ** 2))
    return loss, bias, var


def variant_bv_einsum(predictions, y_true):
    P, y = _rt_prep(predictions, y_true)
    R, N = P.shape
    m = np.einsum("rn->n", P) / R
    E = P - y
    D = P - m
    b = m - y
    return (
        float(np.einsum("rn,rn->", E, E) / (R * N)),
        float(b @ b / N),
        float(np.einsum("rn,rn->", D, D) / (R * N)),
    )
