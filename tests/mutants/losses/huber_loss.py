"""Wrong versions of losses/huber_loss."""

import numpy as np

from mlkata.mutants import mutant


def _residual(y_true, y_pred, delta):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.shape != y_pred.shape or y_true.size == 0 or y_true.ndim != 1 or delta <= 0:
        raise ValueError("bad input")
    return y_true - y_pred


@mutant("huber_loss", hint="- delta / 2")
def linear_piece_without_offset(y_true, y_pred, delta=1.0):
    r = _residual(y_true, y_pred, delta)
    return float(np.mean(np.where(np.abs(r) <= delta, 0.5 * r**2, delta * np.abs(r))))


@mutant("huber_loss", hint="left out the 1/2")
def quadratic_without_half(y_true, y_pred, delta=1.0):
    r = _residual(y_true, y_pred, delta)
    return float(np.mean(np.where(np.abs(r) <= delta, r**2, delta * (np.abs(r) - delta / 2))))


@mutant("huber_loss", hint="size |r|")
def signed_residual_picks_the_piece(y_true, y_pred, delta=1.0):
    r = _residual(y_true, y_pred, delta)
    return float(np.mean(np.where(r <= delta, 0.5 * r**2, delta * (np.abs(r) - delta / 2))))


@mutant("huber_loss", hint="half the mean squared error")
def always_quadratic(y_true, y_pred, delta=1.0):
    return float(np.mean(0.5 * _residual(y_true, y_pred, delta) ** 2))


@mutant("huber_loss")
def accepts_any_delta(y_true, y_pred, delta=1.0):
    r = np.asarray(y_true, float) - np.asarray(y_pred, float)
    if r.size == 0:
        raise ValueError("empty")
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, 0.5 * r**2, delta * (a - delta / 2))))


@mutant("huber_loss")
def residual_in_the_input_dtype(y_true, y_pred, delta=1.0):
    """uint8 inputs: y_true - y_pred wraps around before np.abs."""
    _residual(y_true, y_pred, delta)
    r = np.asarray(y_true) - np.asarray(y_pred)
    a = np.abs(r).astype(float)
    return float(np.mean(np.where(a <= delta, 0.5 * a**2, delta * (a - delta / 2))))


@mutant("huber_loss")
def residual_in_place(y_true, y_pred, delta=1.0):
    """Subtracts into the caller's y_true: a read-only input raises."""
    _residual(y_true, y_pred, delta)
    r = np.asarray(y_true)
    if r.dtype.kind != "f":
        r = r.astype(float)
    r -= np.asarray(y_pred, float)
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, 0.5 * a**2, delta * (a - delta / 2))))


@mutant("huber_loss", hint="compute the linear piece", level=2)
def difference_of_squares(y_true, y_pred, delta=1.0):
    """r**2 / 2 - (|r| - delta)**2 / 2: the linear piece in exact arithmetic, not in floats."""
    size = np.abs(_residual(y_true, y_pred, delta))
    return float(np.mean(0.5 * size**2 - 0.5 * np.maximum(size - delta, 0.0) ** 2))


@mutant("huber_loss", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(y_true, y_pred, delta=1.0):
    """Converts integer inputs only: float32 values near 3e38 overflow in y - p."""
    _residual(y_true, y_pred, delta)
    y, p = np.asarray(y_true), np.asarray(y_pred)
    y = y if y.dtype.kind == "f" else y.astype(float)
    p = p if p.dtype.kind == "f" else p.astype(float)
    size = np.abs(y - p)
    small = np.minimum(size, delta)
    return float(np.mean(0.5 * small**2 + delta * (size - small)))


@mutant("huber_loss", level=3)
def python_loop(y_true, y_pred, delta=1.0):
    """Correct, one residual at a time: far slower than numpy at n = 1e6."""
    r = _residual(y_true, y_pred, delta)
    total = 0.0
    for value in r.tolist():
        size = abs(value)
        total += 0.5 * size * size if size <= delta else delta * (size - 0.5 * delta)
    return total / len(r)
