"""Benchmark cases of the neural networks exercises."""

from __future__ import annotations

import numpy as np

from . import (
    CLASSES,
    Trial,
    case,
    close,
    fmt,
    quiet,
    rows,
    shape,
)

# --- neural networks -------------------------------------------------------------------


@case("neural_networks/relu", "numpy.maximum(z, 0)")
def _relu(m, n, rng):
    z = rng.normal(size=n)
    return Trial(fmt(n), lambda: m.relu(z), lambda: np.maximum(z, 0.0))


@case("neural_networks/softmax", "scipy.special.softmax(z, axis=-1)")
def _softmax(m, n, rng):
    from scipy.special import softmax

    z = 3 * rng.normal(size=(rows(n), CLASSES))
    return Trial(shape(*z.shape), lambda: m.softmax(z), lambda: softmax(z, axis=-1))


def _dense(activation):
    def prepare(m, n, rng):
        from sklearn.neural_network._base import ACTIVATIONS

        X = rng.normal(size=(rows(n), CLASSES))
        W, b = rng.normal(size=(CLASSES, CLASSES)), rng.normal(size=CLASSES)

        def reference():
            Z = X @ W + b
            ACTIVATIONS[activation](Z)  # in place
            return Z

        return Trial(
            f"{shape(*X.shape)} @ {CLASSES}×{CLASSES}",
            lambda: m.dense_forward(X, W, b, activation=activation),
            reference,
        )

    return prepare


case(
    "neural_networks/dense_forward",
    "sklearn.neural_network._base.ACTIVATIONS['relu'](X @ W + b)",
    variant="relu",
)(_dense("relu"))
case(
    "neural_networks/dense_forward",
    "sklearn.neural_network._base.ACTIVATIONS['logistic'](X @ W + b)",
    variant="logistic",
)(_dense("logistic"))

HIDDEN = 32


def _network(rng: np.random.Generator, n: int):
    """Inputs (n/10, 10), one hidden relu layer of 32 units, 10 classes; the same sklearn net."""
    from sklearn.neural_network import MLPClassifier

    X = rng.normal(size=(rows(n), CLASSES))
    weights = [rng.normal(size=(CLASSES, HIDDEN)) / 3, rng.normal(size=(HIDDEN, CLASSES)) / 5]
    biases = [rng.normal(size=HIDDEN), rng.normal(size=CLASSES)]
    net = MLPClassifier(
        hidden_layer_sizes=(HIDDEN,), activation="relu", alpha=0.0, max_iter=1, random_state=0
    )
    quiet(net.fit)(rng.normal(size=(2 * CLASSES, CLASSES)), np.arange(2 * CLASSES) % CLASSES)
    net.coefs_, net.intercepts_ = weights, biases
    return X, weights, biases, net


def _layers(X: np.ndarray) -> str:
    return f"{shape(*X.shape)}, layers {CLASSES}-{HIDDEN}-{CLASSES}"


@case("neural_networks/mlp_forward", "sklearn MLPClassifier.predict_proba with coefs_/intercepts_ set")
def _mlp_forward(m, n, rng):
    X, weights, biases, net = _network(rng, n)
    return Trial(_layers(X), lambda: m.mlp_forward(X, weights, biases), lambda: net.predict_proba(X))


@case(
    "neural_networks/mlp_backward",
    "sklearn MLPClassifier._backprop (alpha=0) with coefs_ set",
    note="grader: finite differences; timed against scikit-learn's private backprop (one-hot y given)",
)
def _mlp_backward(m, n, rng):
    X, weights, biases, net = _network(rng, n)
    y = rng.integers(0, CLASSES, size=len(X))
    onehot = np.eye(CLASSES)[y]

    def reference():
        layers = len(weights)
        return net._backprop(
            X,
            onehot,
            None,
            [X] + [None] * layers,
            [None] * layers,
            [np.empty_like(W) for W in weights],
            [np.empty_like(b) for b in biases],
        )

    def same(solution, expected):
        return close(solution, (expected[1], expected[2]))

    return Trial(_layers(X), lambda: m.mlp_backward(X, y, weights, biases), reference, same=same)


@case("neural_networks/leaky_relu", "numpy.where(z > 0, z, alpha * z)")
def _leaky_relu(m, n, rng):
    z = rng.normal(size=n)
    return Trial(fmt(n), lambda: m.leaky_relu(z, alpha=0.1), lambda: np.where(z > 0, z, 0.1 * z))


@case(
    "neural_networks/gelu",
    "0.5 * z * (1 + scipy.special.erf(z / sqrt(2)))",
    note="the learner may import scipy.stats.norm only (norm.cdf is Phi); its argument checks cost "
    "about as much again as erf itself, so the solution cannot match the bare erf formula",
)
def _gelu(m, n, rng):
    from scipy.special import erf

    z = rng.normal(size=n)
    return Trial(fmt(n), lambda: m.gelu(z), lambda: 0.5 * z * (1.0 + erf(z / np.sqrt(2.0))))


IMAGE = (3, 32, 32)


@case("neural_networks/conv2d", "scipy.signal.correlate(X[n, c], W[f, c], 'valid') summed over c")
def _conv2d(m, n, rng):
    from scipy.signal import correlate

    X = rng.normal(size=(max(n // int(np.prod(IMAGE)), 1), *IMAGE))
    W, b = rng.normal(size=(8, IMAGE[0], 3, 3)), rng.normal(size=8)

    def reference():
        padded = np.pad(X, ((0, 0), (0, 0), (1, 1), (1, 1)))
        out = np.empty((len(X), len(W), *IMAGE[1:]))
        for i in range(len(X)):
            for f in range(len(W)):
                out[i, f] = (
                    sum(correlate(padded[i, c], W[f, c], mode="valid") for c in range(IMAGE[0])) + b[f]
                )
        return out

    return Trial(
        f"{shape(*X.shape)} * {shape(*W.shape)}, padding 1", lambda: m.conv2d(X, W, b, padding=1), reference
    )


@case(
    "neural_networks/max_pool2d",
    "sliding_window_view(X, (3, 3), axis=(2, 3))[:, :, ::2, ::2].max(axis=(4, 5))",
)
def _max_pool2d(m, n, rng):
    from numpy.lib.stride_tricks import sliding_window_view

    X = rng.normal(size=(max(n // (8 * 32 * 32), 1), 8, 32, 32))

    def reference():
        return sliding_window_view(X, (3, 3), axis=(2, 3))[:, :, ::2, ::2].max(axis=(4, 5))

    return Trial(f"{shape(*X.shape)}, size 3, stride 2", lambda: m.max_pool2d(X, size=3, stride=2), reference)


@case(
    "neural_networks/batch_norm_forward",
    "gamma * (X - X.mean(0)) / sqrt(X.var(0) + eps) + beta in numpy",
    unreferenced=True,
    note="no library reference (the grader's is numpy's mean and var): timed against the bare formula",
)
def _batch_norm_forward(m, n, rng):
    X = rng.normal(size=(rows(n), CLASSES))
    gamma, beta = rng.uniform(0.5, 2, size=CLASSES), rng.normal(size=CLASSES)

    def reference():
        return gamma * (X - X.mean(axis=0)) / np.sqrt(X.var(axis=0) + 1e-5) + beta

    return Trial(
        shape(*X.shape),
        lambda: m.batch_norm_forward(X, gamma, beta),
        reference,
        same=lambda solution, expected: close(solution[0], expected),
    )


@case(
    "neural_networks/batch_norm_backward",
    "gamma * inv_std / N * (N * dout - dout.sum(0) - x_hat * (dout * x_hat).sum(0)) in numpy",
    unreferenced=True,
    note="grader: finite differences; timed against the bare formula, on the cache the forward pass's "
    "docstring suggests",
)
def _batch_norm_backward(m, n, rng):
    X = rng.normal(size=(rows(n), CLASSES))
    gamma, dout = rng.uniform(0.5, 2, size=CLASSES), rng.normal(size=X.shape)
    inv_std = 1 / np.sqrt(X.var(axis=0) + 1e-5)
    x_hat = (X - X.mean(axis=0)) * inv_std
    cache = (x_hat, gamma, inv_std)

    def reference():
        N = len(dout)
        dgamma, dbeta = (dout * x_hat).sum(axis=0), dout.sum(axis=0)
        return gamma * inv_std / N * (N * dout - dbeta - x_hat * dgamma), dgamma, dbeta

    return Trial(shape(*X.shape), lambda: m.batch_norm_backward(dout, cache), reference)


@case(
    "neural_networks/dropout",
    "X * mask / (1 - p) in numpy",
    unreferenced=True,
    note="no library reference (inverted dropout is its formula): the bare formula, which checks nothing",
)
def _dropout(m, n, rng):
    X = rng.normal(size=n)
    mask = rng.random(n) >= 0.3
    return Trial(fmt(n), lambda: m.dropout(X, 0.3, mask), lambda: X * mask / (1 - 0.3))


@case(
    "neural_networks/rnn_forward",
    "h = np.tanh(X[t] @ W_x + h @ W_h + b) for each t, in numpy",
    unreferenced=True,
    note="no library reference (the grader's is an independent loop): timed against the plain per-step loop",
)
def _rnn_forward(m, n, rng):
    d_in, d_hidden = CLASSES, 32
    X = rng.normal(size=(rows(n), d_in))
    h0 = rng.normal(scale=0.5, size=d_hidden)
    W_x, W_h = rng.normal(scale=0.3, size=(d_in, d_hidden)), rng.normal(scale=0.2, size=(d_hidden, d_hidden))
    b = rng.normal(scale=0.3, size=d_hidden)

    def reference():
        H = np.empty((len(X), d_hidden))
        h = h0
        for t in range(len(X)):
            h = np.tanh(X[t] @ W_x + h @ W_h + b)
            H[t] = h
        return H, h

    return Trial(
        f"{shape(*X.shape)}, {d_hidden} hidden units", lambda: m.rnn_forward(X, h0, W_x, W_h, b), reference
    )
