"""Wrong versions of losses/mean_squared_error."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.shape != y_pred.shape or y_true.size == 0 or y_true.ndim != 1:
        raise ValueError("bad input")
    return y_true - y_pred


@mutant("mean_squared_error", hint="RMSE")
def rmse(y_true, y_pred):
    return math.sqrt(float(np.mean(_checked(y_true, y_pred) ** 2)))


@mutant("mean_squared_error", hint="sum of squared errors")
def sum_not_mean(y_true, y_pred):
    return float(np.sum(_checked(y_true, y_pred) ** 2))


@mutant("mean_squared_error", hint="n - 1")
def divides_by_n_minus_one(y_true, y_pred):
    r = _checked(y_true, y_pred)
    return float(np.sum(r**2) / max(len(r) - 1, 1))


@mutant("mean_squared_error", hint="mean *absolute* error")
def absolute_not_squared(y_true, y_pred):
    return float(np.mean(np.abs(_checked(y_true, y_pred))))


@mutant("mean_squared_error", hint="cancels catastrophically")
def expanded_square(y_true, y_pred):
    _checked(y_true, y_pred)
    y, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    return float(np.mean(y**2) - 2 * np.mean(y * p) + np.mean(p**2))


@mutant("mean_squared_error")
def squares_in_the_input_dtype(y_true, y_pred):
    """uint8 inputs: y_true - y_pred wraps around, and so does its square."""
    _checked(y_true, y_pred)
    y, p = np.asarray(y_true), np.asarray(y_pred)
    return float(np.mean((y - p) ** 2))


@mutant("mean_squared_error", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(y_true, y_pred):
    """Converts integer inputs only: float32 residuals near 1e38 overflow when squared."""
    y, p = np.asarray(y_true), np.asarray(y_pred)
    _checked(y, p)
    y = y if y.dtype.kind == "f" else y.astype(float)
    p = p if p.dtype.kind == "f" else p.astype(float)
    return float(np.mean((y - p) ** 2))
