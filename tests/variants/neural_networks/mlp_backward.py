"""Correct, differently written versions of neural_networks/mlp_backward."""

import numpy as np
from scipy.special import expit, softmax


def _checked(X, y, weights, biases, activation):
    if activation not in ("identity", "relu", "logistic", "tanh"):
        raise ValueError("unknown activation")
    if len(weights) == 0 or len(weights) != len(biases):
        raise ValueError("bad layers")
    X = np.asarray(X, dtype=float)
    Ws = [np.asarray(W, dtype=float) for W in weights]
    bs = [np.asarray(b, dtype=float) for b in biases]
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X")
    width = X.shape[1]
    for W, b in zip(Ws, bs, strict=True):
        if W.ndim != 2 or b.ndim != 1 or W.shape[0] != width or b.shape[0] != W.shape[1]:
            raise ValueError("shapes do not chain")
        width = W.shape[1]
    y = np.asarray(y)
    if y.ndim != 1 or len(y) != len(X) or y.dtype.kind not in "iuf" or np.any(y % 1 != 0):
        raise ValueError("bad y")
    if np.any(y < 0) or np.any(y >= width):
        raise ValueError("labels out of range")
    return X, y.astype(int), Ws, bs, width


def _g(activation, z):
    return {"identity": z, "relu": np.maximum(z, 0.0), "logistic": expit(z), "tanh": np.tanh(z)}[activation]


def _g_prime(activation, z):
    if activation == "relu":
        return (z > 0).astype(float)
    if activation == "logistic":
        return expit(z) * expit(-z)
    if activation == "tanh":
        return 1.0 / np.cosh(z) ** 2
    return np.ones_like(z)


def variant_one_hot_and_einsum(X, y, weights, biases, activation="relu"):
    X, y, Ws, bs, k = _checked(X, y, weights, biases, activation)
    n = len(X)
    inputs, pre = [X], []
    for W, b in zip(Ws, bs, strict=True):
        pre.append(np.einsum("ij,jk->ik", inputs[-1], W) + b)
        inputs.append(_g(activation, pre[-1]))
    delta = (softmax(pre[-1], axis=1) - np.eye(k)[y]) / n
    gw, gb = [None] * len(Ws), [None] * len(Ws)
    for layer in reversed(range(len(Ws))):
        gw[layer] = np.einsum("ij,ik->jk", inputs[layer], delta)
        gb[layer] = np.einsum("ik->k", delta)
        if layer:
            delta = np.einsum("ik,jk->ij", delta, Ws[layer]) * _g_prime(activation, pre[layer - 1])
    return gw, gb


def variant_per_sample(X, y, weights, biases, activation="relu"):
    """Backpropagation one sample at a time, the gradients averaged at the end."""
    X, y, Ws, bs, _ = _checked(X, y, weights, biases, activation)
    n = len(X)
    gw = [np.zeros(W.shape) for W in Ws]
    gb = [np.zeros(b.shape) for b in bs]
    for x, label in zip(X, y, strict=True):
        a, inputs, pre = x, [x], []
        for W, b in zip(Ws, bs, strict=True):
            pre.append(a @ W + b)
            a = _g(activation, pre[-1])
            inputs.append(a)
        z = pre[-1]
        p = np.exp(z - z.max())
        delta = p / p.sum()
        delta[label] -= 1.0
        for layer in reversed(range(len(Ws))):
            gw[layer] += np.outer(inputs[layer], delta) / n
            gb[layer] += delta / n
            if layer:
                delta = (Ws[layer] @ delta) * _g_prime(activation, pre[layer - 1])
    return gw, gb
