"""Wrong versions of neural_networks/softmax."""

import numpy as np

from mlkata.mutants import mutant


def _checked(z, axis):
    z = np.asarray(z, dtype=float)
    np.lib.array_utils.normalize_axis_index(axis, z.ndim)
    return z


@mutant("softmax", hint="subtract the maximum along the axis", level=2)
def naive(z, axis=-1):
    z = _checked(z, axis)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


@mutant("softmax", hint="not the overall maximum", level=2)
def global_max(z, axis=-1):
    z = _checked(z, axis)
    if z.size == 0:
        return z.copy()
    e = np.exp(z - z.max())
    return e / e.sum(axis=axis, keepdims=True)


@mutant("softmax", hint="you always used the last axis")
def ignores_axis(z, axis=-1):
    z = _checked(z, axis)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@mutant("softmax", hint="keepdims=True")
def sum_without_keepdims(z, axis=-1):
    z = _checked(z, axis)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis)


@mutant("softmax")
def empty_raises(z, axis=-1):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("nothing to normalise")
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


@mutant("softmax")
def shifts_in_the_input_dtype(z, axis=-1):
    """uint8 scores: z - z.max() wraps around before the float conversion."""
    _checked(z, axis)
    z = np.asarray(z)
    shifted = (z - z.max(axis=axis, keepdims=True)).astype(float)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


@mutant("softmax")
def shifts_in_place(z, axis=-1):
    """Subtracts the maximum from the caller's array: a read-only input raises."""
    _checked(z, axis)
    z = np.asarray(z)
    if z.dtype.kind != "f":
        z = z.astype(float)
    z -= z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


@mutant("softmax", level=3)
def loop_over_slices(z, axis=-1):
    """Correct, one slice at a time in Python: far slower than whole-array numpy at n = 1e6."""
    z = _checked(z, axis)
    moved = np.moveaxis(z, axis, -1)
    out = np.empty_like(moved)
    for index in np.ndindex(moved.shape[:-1]):
        row = moved[index]
        e = [np.exp(v - max(row)) for v in row]
        total = sum(e)
        out[index] = [v / total for v in e]
    return np.moveaxis(out, -1, axis)
