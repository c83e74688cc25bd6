"""Wrong versions of models/sigmoid."""

import numpy as np

from mlkata.mutants import mutant


def _checked(z):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty input")
    return z


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


@mutant("sigmoid", hint="the input is empty")
def empty_input_accepted(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return _shaped(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


@mutant("sigmoid", hint="return a single number")
def scalar_becomes_an_array(z):
    z = np.atleast_1d(_checked(z))
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
