"""Wrong versions of neural_networks/relu."""

import numpy as np

from mlkata.mutants import mutant


@mutant("relu", hint="np.max(z, 0) is a reduction")
def max_instead_of_maximum(z):
    return np.max(np.asarray(z, dtype=float), 0)


@mutant("relu", hint="relu's derivative")
def returns_the_step(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


@mutant("relu", hint="leaky relu")
def leaky(z):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, 0.01 * z)


@mutant("relu")
def no_float_conversion(z):
    z = np.asarray(z)
    return np.where(z > 0, z, 0)


@mutant("relu")
def forgets_asarray(z):
    return z * (z > 0)


@mutant("relu")
def zeroes_in_place(z):
    """z[z < 0] = 0 on the caller's array: a read-only input raises."""
    z = np.asarray(z)
    if z.dtype.kind not in "f" or z.ndim == 0:
        z = np.array(z, dtype=float)
    z[z < 0] = 0.0
    return z


@mutant("relu")
def empty_raises(z):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty input")
    return np.maximum(z, 0.0)


@mutant("relu", hint="overflows to inf", level=2)
def half_of_z_plus_abs(z):
    """(z + |z|) / 2: right everywhere except above 8.9e307, where z + |z| is inf."""
    z = np.asarray(z, dtype=float)
    return (z + np.abs(z)) / 2


@mutant("relu", level=3)
def python_loop(z):
    """Correct, one entry at a time in Python."""
    z = np.asarray(z, dtype=float)
    if z.ndim == 0:
        return max(float(z), 0.0)
    return np.array([v if v > 0 else 0.0 for v in z.reshape(-1).tolist()]).reshape(z.shape)
