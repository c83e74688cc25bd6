"""Correct, differently written versions of neural_networks/relu."""

import numpy as np


def _floats(z):
    try:
        return np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(str(error)) from None


def variant_where(z):
    x = _floats(z)
    out = np.where(x > 0, x, 0.0)
    return float(out) if out.ndim == 0 else out


def variant_list_comprehension(z):
    x = _floats(z)
    if x.ndim == 0:
        return max(float(x), 0.0)
    return np.array([v if v > 0 else 0.0 for v in x.reshape(-1).tolist()], dtype=float).reshape(x.shape)
