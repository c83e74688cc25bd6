"""Correct, differently written versions of optimization/adam_step."""

import math
import numbers

import numpy as np


def _as_arrays(*results):
    """float64 arrays (0-d for a number), as documented."""
    return tuple(np.asarray(r, dtype=np.float64) for r in results)


def _checked(w, grad, m, v, t, lr, beta1, beta2, eps):
    arrs = []
    for a in (w, grad, m, v):
        a = np.asarray(a)
        if a.dtype.kind not in "biuf":
            raise ValueError("inputs must be numeric")
        arrs.append(np.array(a, dtype=np.float64))
    W, G, M, V = arrs
    if any(a.shape != W.shape for a in (G, M, V)):
        raise ValueError("grad, m and v must have w's shape")
    if np.any(V < 0):
        raise ValueError("v cannot be negative")
    if isinstance(t, (bool, np.bool_)) or not isinstance(t, numbers.Integral) or t < 1:
        raise ValueError("t must be an integer >= 1")
    for name, val in (("lr", lr), ("eps", eps)):
        if not (math.isfinite(val) and val > 0):
            raise ValueError(f"{name} must be positive and finite")
    for name, val in (("beta1", beta1), ("beta2", beta2)):
        if not 0 <= val < 1:
            raise ValueError(f"{name} must be in [0, 1)")
    return W, G, M, V, int(t)


def variant_loop(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """Coordinate by coordinate with math.sqrt."""
    W, G, M, V, t = _checked(w, grad, m, v, t, lr, beta1, beta2, eps)
    lr_t = lr * math.sqrt(1 - beta2**t) / (1 - beta1**t)
    wn, mn, vn = [], [], []
    for wi, gi, mi, vi in zip(*(a.ravel().tolist() for a in (W, G, M, V)), strict=False):
        a = beta1 * mi + (1 - beta1) * gi
        b = beta2 * vi + (1 - beta2) * gi * gi
        mn.append(a)
        vn.append(b)
        wn.append(wi - lr_t * a / (math.sqrt(b) + eps))
    shape = W.shape
    return tuple(np.array(x, dtype=np.float64).reshape(shape) for x in (wn, mn, vn))


def variant_paper_hats_rescaled_eps(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """The paper's m_hat / (sqrt(v_hat) + eps_hat) with eps_hat = eps / sqrt(1 - beta2^t): the same step."""
    W, G, M, V, t = _checked(w, grad, m, v, t, lr, beta1, beta2, eps)
    m_new = M + (1 - beta1) * (G - M)
    v_new = V + (1 - beta2) * (G * G - V)
    c2 = math.sqrt(1 - beta2**t)
    m_hat = m_new / (1 - beta1**t)
    v_hat_root = np.sqrt(v_new) / c2
    w_new = W - lr * m_hat / (v_hat_root + eps / c2)
    return _as_arrays(w_new, m_new, v_new)


def variant_log_space_bias(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """Bias factors via expm1/log1p (1 - beta^t = -expm1(t log beta)), moments by einsum."""
    W, G, M, V, t = _checked(w, grad, m, v, t, lr, beta1, beta2, eps)
    one_minus_b1t = -math.expm1(t * math.log(beta1)) if beta1 > 0 else 1.0
    one_minus_b2t = -math.expm1(t * math.log(beta2)) if beta2 > 0 else 1.0
    m_new = beta1 * M + (1 - beta1) * G
    v_new = beta2 * V + (1 - beta2) * np.einsum("...,...->...", G, G)
    step = (lr * math.sqrt(one_minus_b2t) / one_minus_b1t) * m_new / (np.sqrt(v_new) + eps)
    w_new = W - step
    return _as_arrays(w_new, m_new, v_new)
