"""Correct, differently written versions of optimization/numerical_gradient."""

import math

import numpy as np


def _checked(x, eps):
    a = np.asarray(x)
    if a.dtype.kind not in "biuf":
        raise ValueError(f"x must be numeric, got dtype {a.dtype}")
    if a.size == 0:
        raise ValueError("x is empty")
    if isinstance(eps, (bool, np.bool_)) or not isinstance(eps, (int, float, np.integer, np.floating)):
        raise ValueError("eps must be a number")
    if not (math.isfinite(eps) and eps > 0):
        raise ValueError("eps must be positive and finite")
    return np.array(a, dtype=np.float64), float(eps)


def variant_ndindex_copies(f, x, eps=1e-6):
    """A fresh copy per evaluation, coordinates visited with np.ndindex (C order)."""
    base, eps = _checked(x, eps)
    g = np.empty(base.shape)
    for idx in np.ndindex(base.shape):
        plus = base.copy()
        plus[idx] = base[idx] + eps
        minus = base.copy()
        minus[idx] = base[idx] - eps
        g[idx] = (float(f(plus)) - float(f(minus))) / (2 * eps)
    return g


def variant_basis_vectors(f, x, eps=1e-6):
    """x +- eps * e_i with e_i the rows of an identity matrix, reshaped to x's shape."""
    base, eps = _checked(x, eps)
    flat = base.ravel()
    basis = np.eye(flat.size)
    out = [
        (float(f((flat + eps * e).reshape(base.shape))) - float(f((flat - eps * e).reshape(base.shape))))
        / (2.0 * eps)
        for e in basis
    ]
    return np.array(out, dtype=np.float64).reshape(base.shape)


def variant_put_list(f, x, eps=1e-6):
    """Flat positions with np.put on copies; the results collected in a Python list."""
    base, eps = _checked(x, eps)
    vals = base.ravel().tolist()
    grads = []
    for i, xi in enumerate(vals):
        hi = base.copy()
        np.put(hi, i, xi + eps)
        lo = base.copy()
        np.put(lo, i, xi - eps)
        grads.append((f(hi) - f(lo)) * (0.5 / eps))
    return np.asarray(grads, dtype=np.float64).reshape(base.shape)
