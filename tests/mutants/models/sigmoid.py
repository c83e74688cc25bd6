"""Wrong versions of models/sigmoid."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(z):
    return np.asarray(z, dtype=float)


def _shaped(out):
    return float(out) if np.ndim(out) == 0 else out


@mutant("sigmoid", hint="compute e = exp(-|z|)")
def naive_formula_overflows(z):
    z = _checked(z)
    return _shaped(1.0 / (1.0 + np.exp(-z)))


@mutant("sigmoid", hint="np.where evaluates both of its branches")
def where_with_both_exponentials(z):
    z = _checked(z)
    return _shaped(np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z))))


@mutant("sigmoid", hint="cancels almost every digit")
def one_minus_for_negatives(z):
    z = _checked(z)
    e = np.exp(-np.abs(z))
    return _shaped(np.where(z >= 0, 1.0 / (1.0 + e), 1.0 - 1.0 / (1.0 + e)))


@mutant("sigmoid", hint="clipping z to [-30, 30]")
def clipped_inputs(z):
    z = np.clip(_checked(z), -30, 30)
    return _shaped(1.0 / (1.0 + np.exp(-z)))


@mutant("sigmoid")
def empty_input_rejected(z):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty input")
    e = np.exp(-np.abs(z))
    return _shaped(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


@mutant("sigmoid")
def negates_in_the_input_dtype(z):
    """-z on a uint8 array wraps around (-1 is 255) before the float conversion."""
    z = np.asarray(z)
    if z.dtype.kind not in "biuf":
        raise ValueError("not numeric")
    e = np.exp(np.minimum(z, -z).astype(float))
    return _shaped(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


@mutant("sigmoid")
def writes_into_the_input(z):
    """Computes in the caller's float array: a read-only input raises."""
    z = np.asarray(z)
    if z.dtype.kind != "f" or z.ndim == 0:
        z = np.array(z, dtype=float)
    e = np.exp(-np.abs(z))
    z[...] = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return _shaped(z)


@mutant("sigmoid", hint="return a single number")
def scalar_becomes_an_array(z):
    z = np.atleast_1d(_checked(z))
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


@mutant("sigmoid", hint="clipping z to [-500, 500]", level=2)
def clipped_to_avoid_overflow(z):
    # no overflow, every ★ value within 1e-12: only probabilities below exp(-500) are lost
    z = np.clip(_checked(z), -500.0, 500.0)
    return _shaped(1.0 / (1.0 + np.exp(-z)))


@mutant("sigmoid", level=3)
def python_loop(z):
    z = _checked(z)
    out = []
    for v in z.ravel().tolist():
        e = math.exp(-abs(v))
        out.append(1.0 / (1.0 + e) if v >= 0 else e / (1.0 + e))
    return _shaped(np.array(out, dtype=float).reshape(z.shape))
