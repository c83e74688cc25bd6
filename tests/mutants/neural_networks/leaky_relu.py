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
