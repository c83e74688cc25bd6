"""Correct, differently written versions of decomposition/covariance_matrix."""

import math

import numpy as np


def _checked(X):
    A = np.asarray(X, dtype=np.float64)
    if A.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {A.shape}")
    if A.shape[1] == 0:
        raise ValueError("X has no columns")
    if A.shape[0] < 2:
        raise ValueError("the sample covariance needs at least 2 rows")
    return A


def variant_pairwise_fsum(X):
    """Centre, then each entry as math.fsum of the products of two centred columns."""
    A = _checked(X)
    n, d = A.shape
    C = A - A.mean(axis=0)
    out = np.empty((d, d))
    for j in range(d):
        for k in range(j, d):
            out[j, k] = out[k, j] = math.fsum((C[:, j] * C[:, k]).tolist()) / (n - 1)
    return out


def variant_einsum(X):
    """Centred cross-products by einsum."""
    A = _checked(X)
    C = A - np.einsum("ij->j", A) / A.shape[0]
    return np.einsum("ij,ik->jk", C, C) / (A.shape[0] - 1)


def variant_welford(X):
    """Welford's online update, one row at a time, on the data shifted by its first row.

    (The covariance is shift-invariant; the shift keeps the running mean small, so that its
    rounding does not swamp the spread of data far from 0.)
    """
    A = _checked(X)
    A = A - A[0]
    n, d = A.shape
    mean = np.zeros(d)
    M2 = np.zeros((d, d))
    for i in range(n):
        delta = A[i] - mean
        mean = mean + delta / (i + 1)
        M2 += np.outer(delta, A[i] - mean)
    M2 = (M2 + M2.T) / 2.0
    return M2 / (n - 1)
