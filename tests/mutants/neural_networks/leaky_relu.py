"""Wrong versions of neural_networks/leaky_relu."""

import numpy as np

from mlkata.mutants import mutant


def _floats(z, alpha):
    if not np.isfinite(float(alpha)):
        raise ValueError("alpha must be finite")
    return np.asarray(z, dtype=float)


@mutant("leaky_relu", hint="always multiplied the negative inputs by 0.01")
def ignores_alpha(z, alpha=0.01):
    z = _floats(z, alpha)
    return np.where(z > 0, z, 0.01 * z)


@mutant("leaky_relu", hint="only for alpha <= 1")
def maximum_shortcut(z, alpha=0.01):
    z = _floats(z, alpha)
    return np.maximum(z, alpha * z)


@mutant("leaky_relu", hint="that is relu")
def plain_relu(z, alpha=0.01):
    return np.maximum(_floats(z, alpha), 0.0)


@mutant("leaky_relu", hint="positive ones pass through unchanged")
def scales_the_wrong_side(z, alpha=0.01):
    z = _floats(z, alpha)
    return np.where(z > 0, alpha * z, z)


@mutant("leaky_relu", hint="truncated to integers")
def scales_in_the_input_dtype(z, alpha=0.01):
    """out[z <= 0] *= alpha on a copy that keeps an integer dtype."""
    _floats(z, alpha)
    out = np.array(z)
    if out.dtype.kind not in "iuf":
        out = out.astype(float)
    negative = out <= 0
    out[negative] = out[negative] * alpha
    return out


@mutant("leaky_relu")
def scales_in_place(z, alpha=0.01):
    """Writes into the caller's array: a read-only input raises."""
    _floats(z, alpha)
    out = np.asarray(z)
    if out.dtype.kind != "f" or out.ndim == 0:
        out = np.array(out, dtype=float)
    out[out <= 0] *= alpha
    return out


@mutant("leaky_relu")
def accepts_any_alpha(z, alpha=0.01):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, float(alpha) * z)


@mutant("leaky_relu")
def empty_raises(z, alpha=0.01):
    z = _floats(z, alpha)
    if z.size == 0:
        raise ValueError("empty input")
    return np.where(z > 0, z, alpha * z)


@mutant("leaky_relu", hint="a number gives a number")
def scalar_as_0d_array(z, alpha=0.01):
    """np.where on np.asarray(z): a number gives a 0-d array, not a number."""
    z = _floats(z, alpha)
    return np.where(z > 0, z, alpha * z)


@mutant("leaky_relu", hint="float even for an integer input")
def python_branch_for_numbers(z, alpha=0.01):
    """z if z > 0 else alpha * z for a number: leaky_relu(3) is the int 3, not 3.0."""
    if np.ndim(z) == 0 and not isinstance(z, np.ndarray):
        _floats(z, alpha)
        return z if z > 0 else alpha * z
    z = _floats(z, alpha)
    return np.where(z > 0, z, alpha * z)


@mutant("leaky_relu")
def accepts_numeric_string_alpha(z, alpha=0.01):
    """float(alpha) reads alpha='0.5' as 0.5; the docstring refuses strings."""
    alpha = float(alpha)
    z = _floats(z, alpha)
    return np.where(z > 0, z, alpha * z)


@mutant("leaky_relu")
def parses_numeric_strings(z, alpha=0.01):
    """np.asarray(z, dtype=float) reads ['-2'] as [-2.0] and None as nan: numbers only."""
    if isinstance(alpha, str):
        raise ValueError("alpha must be a number")
    z = _floats(z, alpha)
    return np.where(z > 0, z, alpha * z)


@mutant("leaky_relu", hint="overflows to inf", level=2)
def from_absolute_values(z, alpha=0.01):
    """(z + |z|) / 2 + alpha (z - |z|) / 2: right until |z| passes 8.9e307, where z +- |z| is inf."""
    z = np.asarray(z)
    if z.dtype.kind not in "biuf":
        raise ValueError(f"z must hold real numbers, not entries of dtype {z.dtype}")
    z = z.astype(float)
    given = np.asarray(alpha) if not isinstance(alpha, str | bytes) else None
    if given is None or given.ndim != 0 or given.dtype.kind not in "biuf" or not np.isfinite(given):
        raise ValueError(f"alpha must be a finite real number, got {alpha!r}")
    alpha = float(given)
    out = (z + np.abs(z)) / 2 + alpha * (z - np.abs(z)) / 2
    return out if out.ndim else float(out)
