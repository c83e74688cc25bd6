"""Correct, differently written versions of models/sigmoid."""

import math

import numpy as np


def _numeric(z):
    z = np.asarray(z)
    if z.dtype.kind not in "biuf":
        raise ValueError("z must be numeric")
    return z.astype(np.float64)


def variant_logaddexp(z):
    out = np.exp(-np.logaddexp(0.0, -_numeric(z)))
    return float(out) if out.ndim == 0 else out


def variant_loop(z):
    x = _numeric(z)

    def one(v):
        if v >= 0:
            return 1.0 / (1.0 + math.exp(-v))
        e = math.exp(v)
        return e / (1.0 + e)

    if x.ndim == 0:
        return one(float(x))
    return np.array([one(v) for v in x.reshape(-1).tolist()], dtype=float).reshape(x.shape)
