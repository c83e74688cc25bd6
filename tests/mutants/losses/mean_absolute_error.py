"""Wrong versions of losses/mean_absolute_error."""

import numpy as np

from mlkata.mutants import mutant


@mutant("mean_absolute_error", hint="take np.abs first")
def signed_errors(y_true, y_pred):
    return float(np.mean(np.asarray(y_true, float) - np.asarray(y_pred, float)))


@mutant("mean_absolute_error", hint="divide by n")
def sum_not_mean(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.shape != y_pred.shape or y_true.size == 0 or y_true.ndim != 1:
        raise ValueError("bad input")
    return float(np.sum(np.abs(y_true - y_pred)))


@mutant("mean_absolute_error", hint="median")
def median_not_mean(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.shape != y_pred.shape or y_true.size == 0 or y_true.ndim != 1:
        raise ValueError("bad input")
    return float(np.median(np.abs(y_true - y_pred)))


@mutant("mean_absolute_error")
def no_length_check(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    n = min(len(y_true), len(y_pred))
    return float(np.mean(np.abs(y_true[:n] - y_pred[:n]))) if n else 0.0


def _checked(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.shape != y_pred.shape or y_true.size == 0 or y_true.ndim != 1:
        raise ValueError("bad input")
    return y_true, y_pred


@mutant("mean_absolute_error", hint="n - 1")
def divides_by_n_minus_one(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    return float(np.sum(np.abs(y_true - y_pred)) / max(len(y_true) - 1, 1))


@mutant("mean_absolute_error")
def subtracts_in_the_input_dtype(y_true, y_pred):
    """uint8 inputs: y_true - y_pred wraps around before np.abs sees it."""
    y, p = np.asarray(y_true), np.asarray(y_pred)
    _checked(y, p)
    return float(np.mean(np.abs(y - p)))


@mutant("mean_absolute_error")
def shifts_in_place(y_true, y_pred):
    """Works on the caller's arrays: a read-only input raises."""
    y = np.asarray(y_true)
    _checked(y, y_pred)
    if isinstance(y, np.ndarray) and y.dtype.kind == "f":
        y -= np.asarray(y_pred, float)
        return float(np.mean(np.abs(y)))
    return float(np.mean(np.abs(np.asarray(y_true, float) - np.asarray(y_pred, float))))


@mutant("mean_absolute_error")
def epsilon_for_safety(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    return float(np.mean(np.abs(y_true - y_pred) + 1e-10))


@mutant("mean_absolute_error", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(y_true, y_pred):
    """Converts integer inputs only: float32 values near 3e38 overflow in y - p."""
    y, p = np.asarray(y_true), np.asarray(y_pred)
    _checked(y, p)
    y = y if y.dtype.kind == "f" else y.astype(float)
    p = p if p.dtype.kind == "f" else p.astype(float)
    return float(np.mean(np.abs(y - p)))


@mutant("mean_absolute_error", hint="take np.abs(r)", level=2)
def abs_as_root_of_square(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    return float(np.mean(np.sqrt((y_true - y_pred) ** 2)))


@mutant("mean_absolute_error", level=3)
def python_loop(y_true, y_pred):
    """Correct, one residual at a time: far slower than numpy at n = 1e6."""
    y_true, y_pred = _checked(y_true, y_pred)
    total = 0.0
    for a, b in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        total += abs(a - b)
    return total / len(y_true)
