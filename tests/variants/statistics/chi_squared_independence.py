"""Correct, differently written versions of statistics/chi_squared_independence (after the red team's)."""

import math

import numpy as np
from scipy.stats import chi2


def _table(table):
    T = np.asarray(table, dtype=np.float64)
    if T.ndim != 2 or T.shape[0] < 2 or T.shape[1] < 2:
        raise ValueError("table must be at least 2 x 2")
    if np.any(T < 0):
        raise ValueError("negative counts")
    R, C = T.sum(1), T.sum(0)
    if np.any(R == 0) or np.any(C == 0):
        raise ValueError("a row or column adds up to 0")
    return T, R, C


def _finish(T, E, statistic):
    dof = (T.shape[0] - 1) * (T.shape[1] - 1)
    return float(statistic), float(chi2.sf(statistic, dof)), int(dof), E


def variant_fsum_loops(table):
    T, R, C = _table(table)
    N = math.fsum(R)
    r, c = T.shape
    E = np.empty_like(T)
    terms = []
    for i in range(r):
        for j in range(c):
            E[i, j] = R[i] * C[j] / N
            terms.append((T[i, j] - E[i, j]) ** 2 / E[i, j])
    return _finish(T, E, math.fsum(terms))


def variant_proportions(table):
    T, R, C = _table(table)
    N = T.sum()
    E = N * np.outer(R / N, C / N)
    return _finish(T, E, np.sum((T - E) ** 2 / E))


def variant_einsum(table):
    T, R, C = _table(table)
    E = np.einsum("i,j->ij", R, C) / T.sum()
    D = T - E
    return _finish(T, E, np.einsum("ij,ij->", D, D / E))
