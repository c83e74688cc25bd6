"""Correct, differently written versions of statistics/standardize."""

import math

import numpy as np
from sklearn.preprocessing import StandardScaler


def _matrix(X):
    X = np.asarray(X)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be a non-empty 2-D array")
    return X


def variant_fsum_loops(X):
    rows = _matrix(X).tolist()
    n, d = len(rows), len(rows[0])
    out = [[0.0] * d for _ in range(n)]
    for j in range(d):
        column = [float(row[j]) for row in rows]
        mean = math.fsum(column) / n
        std = math.sqrt(math.fsum((x - mean) ** 2 for x in column) / n)
        for i, x in enumerate(column):
            out[i][j] = 0.0 if max(column) == min(column) else (x - mean) / std
    return np.array(out)


def variant_hint_code_keeps_float32(X):
    """The exercise's own hint: float32 in, float32 out."""
    X = _matrix(X)
    X = X if X.dtype == np.float32 else X.astype(np.float64)
    std = X.std(axis=0)
    constant = np.ptp(X, axis=0) == 0
    Z = (X - X.mean(axis=0)) / np.where(constant, 1, std)
    Z[:, constant] = 0
    return Z


def variant_sklearn_standard_scaler(X):
    """scikit-learn itself, float32 kept as float32."""
    X = _matrix(X)
    return StandardScaler().fit_transform(X if X.dtype == np.float32 else X.astype(np.float64))


def variant_einsum_of_centred(X):
    X = _matrix(X).astype(np.float64)
    Z = X - np.einsum("ij->j", X) / len(X)
    std = np.sqrt(np.einsum("ij,ij->j", Z, Z) / len(X))
    constant = X.max(axis=0) == X.min(axis=0)
    return np.where(constant, 0.0, Z / np.where(constant, 1.0, std))
