"""Wrong versions of neural_networks/gelu."""

import math

import numpy as np
from scipy.special import erf
from scipy.stats import norm

from mlkata.mutants import mutant


def _floats(z):
    return np.asarray(z, dtype=float)


@mutant("gelu", hint="tanh approximation")
def tanh_approximation(z):
    z = _floats(z)
    return 0.5 * z * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (z + 0.044715 * z**3)))


@mutant("gelu", hint="sigmoid approximation")
def sigmoid_approximation(z):
    z = _floats(z)
    return z / (1.0 + np.exp(-1.702 * z))


@mutant("gelu", hint="left out the 1/2")
def without_the_half(z):
    z = _floats(z)
    return z * (1.0 + erf(z / math.sqrt(2.0)))


@mutant("gelu", hint="divide z by sqrt(2) inside erf")
def erf_of_z(z):
    z = _floats(z)
    return 0.5 * z * (1.0 + erf(z))


@mutant("gelu", hint="multiply by z")
def phi_alone(z):
    return norm.cdf(_floats(z))


@mutant("gelu")
def multiplies_in_place(z):
    """z *= Phi(z) on the caller's array: a read-only input raises."""
    z = np.asarray(z)
    if z.dtype.kind != "f" or z.ndim == 0:
        z = np.array(z, dtype=float)
    z *= norm.cdf(z)
    return z


@mutant("gelu")
def in_float32(z):
    z = np.asarray(z, dtype=np.float32)
    return z * (0.5 * (1.0 + erf(z / np.float32(math.sqrt(2.0))))).astype(np.float32)


@mutant("gelu")
def math_erf_on_numbers_only(z):
    """A loop over a flat list: fine for 1-D input, wrong shape for matrices."""
    z = _floats(z)
    if z.ndim == 0:
        return 0.5 * float(z) * (1.0 + math.erf(float(z) / math.sqrt(2.0)))
    return np.array([0.5 * v * (1.0 + math.erf(v / math.sqrt(2.0))) for v in z.reshape(-1).tolist()])


@mutant("gelu", hint="a number gives a number")
def scalar_as_0d_array(z):
    """z * norm.cdf(z) on np.asarray(z): a number gives a 0-d array, not a number."""
    z = _floats(z)
    return np.asarray(z * norm.cdf(z))


@mutant("gelu")
def parses_numeric_strings(z):
    """np.asarray(z, dtype=float) reads ['-2'] as [-2.0] and None as nan: numbers only."""
    z = _floats(z)
    out = z * norm.cdf(z)
    return out if out.ndim else float(out)


@mutant("gelu", hint="1 + erf(z / sqrt(2)) is 1 - 1", level=2)
def one_plus_erf(z):
    """The formula as written: right to 1e-12, but 0 instead of -7.6e-23 at z = -10."""
    z = np.asarray(z)
    if z.dtype.kind not in "biuf":
        raise ValueError(f"z must hold real numbers, not entries of dtype {z.dtype}")
    z = z.astype(float)
    out = 0.5 * z * (1.0 + erf(z / math.sqrt(2.0)))
    return out if out.ndim else float(out)
