"""Correct, differently written versions of neural_networks/softmax."""

import math

import numpy as np


def _floats(z, axis):
    try:
        x = np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(str(error)) from None
    if not -x.ndim <= axis < x.ndim:
        raise ValueError("axis out of range")
    return x


def variant_log_softmax(z, axis=-1):
    x = _floats(z, axis)
    if x.size == 0:
        return x.copy()
    return np.exp(x - np.logaddexp.reduce(x, axis=axis, keepdims=True))


def variant_loop_over_slices(z, axis=-1):
    x = _floats(z, axis)
    moved = np.moveaxis(x, axis, -1).copy()
    flat = moved.reshape(-1, moved.shape[-1]) if moved.size else moved.reshape(0, moved.shape[-1])
    for row in flat:
        m = max(row.tolist())
        e = [math.exp(v - m) for v in row.tolist()]
        total = math.fsum(e)
        row[:] = [v / total for v in e]
    return np.moveaxis(flat.reshape(moved.shape), -1, axis)
