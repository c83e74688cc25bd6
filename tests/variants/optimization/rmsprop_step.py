"""Correct, differently written versions of optimization/rmsprop_step."""

import math

import numpy as np


def _as_arrays(*results):
    """float64 arrays (0-d for a number), as documented."""
    return tuple(np.asarray(r, dtype=np.float64) for r in results)


def _checked(w, grad, sq_avg, lr, rho, eps):
    arrs = []
    for a in (w, grad, sq_avg):
        a = np.asarray(a)
        if a.dtype.kind not in "biuf":
            raise ValueError("inputs must be numeric")
        arrs.append(np.array(a, dtype=np.float64))
    W, G, S = arrs
    if G.shape != W.shape or S.shape != W.shape:
        raise ValueError("grad and sq_avg must have w's shape")
    if np.any(S < 0):
        raise ValueError("sq_avg cannot be negative")
    for name, val in (("lr", lr), ("eps", eps)):
        if not (math.isfinite(val) and val > 0):
            raise ValueError(f"{name} must be positive and finite")
    if not 0 <= rho < 1:
        raise ValueError("rho must be in [0, 1)")
    return W, G, S


def variant_loop(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    """Coordinate by coordinate with math.sqrt."""
    W, G, S = _checked(w, grad, sq_avg, lr, rho, eps)
    wn, sn = [], []
    for wi, gi, si in zip(W.ravel().tolist(), G.ravel().tolist(), S.ravel().tolist(), strict=False):
        s = rho * si + (1 - rho) * gi * gi
        sn.append(s)
        wn.append(wi - lr * gi / (math.sqrt(s) + eps))
    return _as_arrays(np.array(wn).reshape(W.shape), np.array(sn).reshape(W.shape))


def variant_interpolation(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    """The average as an interpolation s + (1 - rho) (g^2 - s); np.add / np.divide ufuncs."""
    W, G, S = _checked(w, grad, sq_avg, lr, rho, eps)
    s_new = S + (1 - rho) * (np.square(G) - S)
    denom = np.add(np.sqrt(s_new), eps)
    w_new = W - np.divide(lr * G, denom)
    return _as_arrays(w_new, s_new)


def variant_einsum_square(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    """g^2 via einsum of g with itself, step as a multiplication by the reciprocal."""
    W, G, S = _checked(w, grad, sq_avg, lr, rho, eps)
    g2 = np.einsum("...,...->...", G, G)
    s_new = np.multiply(rho, S) + np.multiply(1.0 - rho, g2)
    w_new = W - lr * G * np.reciprocal(np.sqrt(s_new) + eps)
    return _as_arrays(w_new, s_new)
