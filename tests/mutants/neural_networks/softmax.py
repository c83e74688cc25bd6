"""Wrong versions of neural_networks/softmax."""

import numpy as np

from mlkata.mutants import mutant


def _checked(z, axis):
    z = np.asarray(z, dtype=float)
    if z.shape[np.lib.array_utils.normalize_axis_index(axis, z.ndim)] == 0:
        raise ValueError("nothing to normalise")
    return z


@mutant("softmax", hint="subtract the maximum along the axis")
def naive(z, axis=-1):
    z = _checked(z, axis)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


@mutant("softmax", hint="not the overall maximum")
def global_max(z, axis=-1):
    z = _checked(z, axis)
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


@mutant("softmax", hint="nothing to normalise in an empty slice")
def empty_returns_empty(z, axis=-1):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        return np.zeros(z.shape)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
