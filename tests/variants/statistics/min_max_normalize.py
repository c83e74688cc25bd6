"""Correct, differently written versions of statistics/min_max_normalize."""

import numpy as np
from sklearn.preprocessing import MinMaxScaler


def _matrix(X):
    X = np.asarray(X)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be a non-empty 2-D array")
    return X


def variant_loops(X):
    rows = _matrix(X).tolist()
    d = len(rows[0])
    low = [min(float(r[j]) for r in rows) for j in range(d)]
    high = [max(float(r[j]) for r in rows) for j in range(d)]
    return np.array(
        [
            [(float(r[j]) - low[j]) / (high[j] - low[j]) if high[j] > low[j] else 0.0 for j in range(d)]
            for r in rows
        ]
    )


def variant_sklearn_keeps_float32(X):
    X = _matrix(X)
    return MinMaxScaler().fit_transform(X if X.dtype == np.float32 else X.astype(np.float64))


def variant_ptp_and_where(X):
    X = _matrix(X).astype(np.float64)
    spread = np.ptp(X, axis=0)
    return np.divide(X - X.min(axis=0), spread, out=np.zeros_like(X), where=spread != 0)
