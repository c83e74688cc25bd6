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
