"""Wrong versions of neural_networks/mlp_backward."""

import numpy as np

from mlkata.mutants import mutant

G = {
    "identity": (lambda z: z, lambda z: np.ones_like(z)),
    "relu": (lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(float)),
    "logistic": (lambda z: 1 / (1 + np.exp(-z)), lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
}


def _checked(X, y, weights, biases, activation):
    if activation not in G:
        raise ValueError("unknown activation")
    if not weights or len(weights) != len(biases):
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
    if y.ndim != 1 or len(y) != len(X) or np.any(y % 1 != 0):
        raise ValueError("bad y")
    return X, y, Ws, bs, width


def _forward(X, Ws, bs, activation):
    g = G[activation][0]
    inputs, pre = [X], []
    for W, b in zip(Ws, bs, strict=True):
        pre.append(inputs[-1] @ W + b)
        inputs.append(g(pre[-1]))
    Z = pre[-1]
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    return inputs, pre, P / P.sum(axis=1, keepdims=True)


def _backward(X, y, Ws, bs, activation, *, mean=True, at_activation=False, bias_sum=True, transpose=False):
    inputs, pre, P = _forward(X, Ws, bs, activation)
    n = len(X)
    delta = P
    delta[np.arange(n), y.astype(int)] -= 1
    if mean:
        delta /= n
    gw, gb = [], []
    for layer in range(len(Ws) - 1, -1, -1):
        gw.append(delta.T @ inputs[layer] if transpose else inputs[layer].T @ delta)
        gb.append(delta.sum(axis=0) if bias_sum else delta)
        if layer > 0:
            where = inputs[layer] if at_activation else pre[layer - 1]
            delta = (delta @ Ws[layer].T) * G[activation][1](where)
    return gw[::-1], gb[::-1]


def _labels_ok(y, k):
    if np.any(y < 0) or np.any(y >= k):
        raise ValueError("labels out of range")


@mutant("mlp_backward", hint="divide the output error (P - onehot(y)) by n")
def sum_not_mean(X, y, weights, biases, activation="relu"):
    X, y, Ws, bs, k = _checked(X, y, weights, biases, activation)
    _labels_ok(y, k)
    return _backward(X, y, Ws, bs, activation, mean=False)


@mutant("mlp_backward", hint="evaluate g' at the pre-activation Z")
def derivative_at_activation(X, y, weights, biases, activation="relu"):
    X, y, Ws, bs, k = _checked(X, y, weights, biases, activation)
    _labels_ok(y, k)
    return _backward(X, y, Ws, bs, activation, at_activation=True)


@mutant("mlp_backward", hint="sums delta over the samples")
def bias_gradient_not_summed(X, y, weights, biases, activation="relu"):
    X, y, Ws, bs, k = _checked(X, y, weights, biases, activation)
    _labels_ok(y, k)
    return _backward(X, y, Ws, bs, activation, bias_sum=False)


@mutant("mlp_backward", hint="A.T @ delta, not delta.T @ A")
def weight_gradient_transposed(X, y, weights, biases, activation="relu"):
    X, y, Ws, bs, k = _checked(X, y, weights, biases, activation)
    _labels_ok(y, k)
    return _backward(X, y, Ws, bs, activation, transpose=True)


@mutant("mlp_backward")
def negative_labels_wrap(X, y, weights, biases, activation="relu"):
    X, y, Ws, bs, k = _checked(X, y, weights, biases, activation)
    if np.any(y >= k):
        raise ValueError("labels out of range")
    return _backward(X, y, Ws, bs, activation)


@mutant("mlp_backward")
def relu_derivative_one_at_zero(X, y, weights, biases, activation="relu"):
    """relu'(z) taken as 1[z >= 0]: at a pre-activation of exactly 0 the docstring's g' is 0."""
    X, y, Ws, bs, k = _checked(X, y, weights, biases, activation)
    _labels_ok(y, k)
    saved = G["relu"]
    G["relu"] = (saved[0], lambda z: (z >= 0).astype(float))
    try:
        return _backward(X, y, Ws, bs, activation)
    finally:
        G["relu"] = saved


@mutant("mlp_backward")
def gradients_in_zeros_like(X, y, weights, biases, activation="relu"):
    """Each gradient accumulated into np.zeros_like(W): integer weights make it integer."""
    X_, y_, Ws, bs, k = _checked(X, y, weights, biases, activation)
    _labels_ok(y_, k)
    gw, gb = _backward(X_, y_, Ws, bs, activation)
    out_w, out_b = [], []
    for g, W in zip(gw, weights, strict=True):
        buffer = np.zeros_like(np.asarray(W))
        buffer += g.astype(buffer.dtype)
        out_w.append(buffer)
    for g, b in zip(gb, biases, strict=True):
        buffer = np.zeros_like(np.asarray(b))
        buffer[...] = g
        out_b.append(buffer)
    return out_w, out_b


@mutant("mlp_backward", hint="inf / inf = nan once -z passes 709", level=2)
def logistic_derivative_overflows(X, y, weights, biases, activation="relu"):
    """sigma'(z) = e^-z / (1 + e^-z)^2: inf / inf = nan for z = -1000 (the value is 0)."""
    X, y, Ws, bs, k = _checked(X, y, weights, biases, activation)
    _labels_ok(y, k)
    with np.errstate(all="ignore"):
        return _backward(X, y, Ws, bs, activation)


def _logistic(z):
    return np.exp(-np.logaddexp(0.0, -z))


SAFE = {**G, "logistic": (_logistic, lambda z: _logistic(z) * (1 - _logistic(z)))}
"""The activations with sigma'(z) = sigma(z) (1 - sigma(z)), finite for every z."""


@mutant("mlp_backward", level=3)
def loop_over_samples(X, y, weights, biases, activation="relu"):
    """Correct, one sample at a time: forward, backward, and the gradients summed in Python."""
    X, y, Ws, bs, k = _checked(X, y, weights, biases, activation)
    _labels_ok(y, k)
    g, g_prime = SAFE[activation]
    gw = [np.zeros_like(W) for W in Ws]
    gb = [np.zeros_like(b) for b in bs]
    n = len(X)
    for x, label in zip(X, y.astype(int), strict=True):
        inputs, pre = [x], []
        for W, b in zip(Ws, bs, strict=True):
            pre.append(inputs[-1] @ W + b)
            inputs.append(g(pre[-1]))
        delta = np.exp(pre[-1] - pre[-1].max())
        delta /= delta.sum()
        delta[label] -= 1.0
        delta /= n
        for layer in range(len(Ws) - 1, -1, -1):
            gw[layer] += np.outer(inputs[layer], delta)
            gb[layer] += delta
            if layer > 0:
                delta = (Ws[layer] @ delta) * g_prime(pre[layer - 1])
    return gw, gb
