"""Wrong versions of neural_networks/dropout."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, p, mask):
    X, mask = np.asarray(X, dtype=float), np.asarray(mask)
    if not 0 <= float(p) < 1 or mask.shape != X.shape:
        raise ValueError("bad p or mask")
    if mask.dtype != bool and not np.all((mask == 0) | (mask == 1)):
        raise ValueError("mask must be boolean")
    return X, float(p), mask != 0


@mutant("dropout", hint="you only applied the mask")
def no_rescaling(X, p, mask):
    X, p, mask = _checked(X, p, mask)
    return X * mask


@mutant("dropout", hint="you multiplied by it")
def multiplies_by_keep_probability(X, p, mask):
    X, p, mask = _checked(X, p, mask)
    return X * mask * (1 - p)


@mutant("dropout", hint="not by the drop probability p")
def divides_by_p(X, p, mask):
    X, p, mask = _checked(X, p, mask)
    return X * mask / p if p > 0 else X * mask


@mutant("dropout", hint="True in the mask means keep")
def mask_inverted(X, p, mask):
    X, p, mask = _checked(X, p, mask)
    return X * ~mask / (1 - p)


@mutant("dropout", hint="truncated to integers")
def integer_result(X, p, mask):
    dtype = np.asarray(X).dtype
    X, p, mask = _checked(X, p, mask)
    out = X * mask / (1 - p)
    return out.astype(dtype) if dtype.kind in "iu" else out


@mutant("dropout")
def accepts_any_p(X, p, mask):
    X, mask = np.asarray(X, dtype=float), np.asarray(mask)
    if mask.shape != X.shape:
        raise ValueError("bad mask")
    with np.errstate(all="ignore"):
        return X * (mask != 0) / (1 - float(p))


@mutant("dropout")
def mask_broadcast(X, p, mask):
    X, mask = np.asarray(X, dtype=float), np.asarray(mask)
    if not 0 <= float(p) < 1 or not np.all((mask == 0) | (mask == 1)):
        raise ValueError("bad p or mask")
    return X * (mask != 0) / (1 - float(p))


@mutant("dropout")
def mask_values_not_checked(X, p, mask):
    """A mask of 0.5 scales instead of raising."""
    X, mask = np.asarray(X, dtype=float), np.asarray(mask, dtype=float)
    if not 0 <= float(p) < 1 or mask.shape != X.shape:
        raise ValueError("bad p or mask")
    return X * mask / (1 - float(p))


@mutant("dropout")
def zeroes_in_place(X, p, mask):
    """X[~mask] = 0 on the caller's array: a read-only input raises."""
    _, p, mask = _checked(X, p, mask)
    X = np.asarray(X)
    if X.dtype.kind != "f" or X.ndim == 0:
        X = np.array(X, dtype=float)
    X[~mask] = 0.0
    X /= 1 - p
    return X


@mutant("dropout", hint="not the input")
def p_zero_returns_input(X, p, mask):
    """'p = 0 is the identity': returns X as given, a list or an integer array included."""
    checked, p, mask = _checked(X, p, mask)
    return X if p == 0 else checked * mask / (1 - p)


@mutant("dropout", hint="a number gives a number")
def scalar_as_0d_array(X, p, mask):
    """X * mask / (1 - p) on np.asarray(X): a number gives a 0-d array."""
    X, p, mask = _checked(X, p, mask)
    return np.asarray(X * mask / (1 - p))


@mutant("dropout")
def accepts_string_p(X, p, mask):
    """float(p) reads p='0.5' as a number; the docstring refuses strings."""
    X, p, mask = _checked(X, float(p), mask)
    return X * mask / (1 - p)


@mutant("dropout", level=3)
def python_loop(X, p, mask):
    """Correct, one unit at a time in Python."""
    try:
        X = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"X must hold real numbers: {error}") from None
    given = np.asarray(p) if not isinstance(p, str | bytes) else None
    if given is None or given.ndim != 0 or given.dtype.kind not in "biuf" or not 0.0 <= given < 1.0:
        raise ValueError(f"p must be a number in [0, 1), got {p!r}")
    mask = np.asarray(mask)
    if mask.shape != X.shape:
        raise ValueError(f"mask must have the shape of X, {X.shape}; got {mask.shape}")
    if mask.dtype != bool and (mask.dtype.kind not in "iuf" or not np.all((mask == 0) | (mask == 1))):
        raise ValueError("mask must hold only True/False (or 1/0)")
    keep = 1.0 - float(given)
    if X.ndim == 0:
        return float(X) / keep if mask else 0.0
    pairs = zip(X.reshape(-1).tolist(), mask.reshape(-1).tolist(), strict=True)
    return np.array([x / keep if m else 0.0 for x, m in pairs]).reshape(X.shape)
