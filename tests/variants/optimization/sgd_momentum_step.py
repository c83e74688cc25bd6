"""Correct, differently written versions of optimization/sgd_momentum_step."""

import math

import numpy as np


def _as_arrays(*results):
    """float64 arrays (0-d for a number), as documented."""
    return tuple(np.asarray(r, dtype=np.float64) for r in results)


def _arrays(*arrays):
    out = []
    for a in arrays:
        a = np.asarray(a)
        if a.dtype.kind not in "biuf":
            raise ValueError(f"inputs must be numeric, got dtype {a.dtype}")
        out.append(a.astype(np.float64))
    if any(a.shape != out[0].shape for a in out):
        raise ValueError("grad and velocity must have w's shape")
    return out


def _params(lr, momentum):
    if not (math.isfinite(lr) and lr > 0):
        raise ValueError("lr must be positive and finite")
    if not 0 <= momentum < 1:
        raise ValueError("momentum must be in [0, 1)")


def variant_elementwise_loop(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    """A Python loop over the flattened coordinates."""
    W, G, V = _arrays(w, grad, velocity)
    _params(lr, momentum)
    w_new, v_new = [], []
    for wi, gi, vi in zip(W.ravel().tolist(), G.ravel().tolist(), V.ravel().tolist(), strict=False):
        vn = momentum * vi - lr * gi
        v_new.append(vn)
        w_new.append(wi + momentum * vn - lr * gi if nesterov else wi + vn)
    w_new = np.array(w_new, dtype=np.float64).reshape(W.shape)
    v_new = np.array(v_new, dtype=np.float64).reshape(W.shape)
    return _as_arrays(w_new, v_new)


def variant_bengio_nesterov(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    """Nesterov in Bengio et al.'s form w - mu v + (1 + mu) v_new (equal to w + mu v_new - lr g)."""
    W, G, V = _arrays(w, grad, velocity)
    _params(lr, momentum)
    v_new = momentum * V - lr * G
    if nesterov:
        w_new = W - momentum * V + (1 + momentum) * v_new
    else:
        w_new = W + v_new
    return _as_arrays(w_new, v_new)


def variant_torch_scaled(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    """PyTorch's bookkeeping b = -v / lr (b = mu b + g, step -lr * (g + mu b) for Nesterov), mapped back."""
    W, G, V = _arrays(w, grad, velocity)
    _params(lr, momentum)
    b = momentum * (-V / lr) + G
    step = G + momentum * b if nesterov else b
    w_new = W - lr * step
    v_new = momentum * V - lr * G  # = -lr * b, kept exact
    return _as_arrays(w_new, v_new)
