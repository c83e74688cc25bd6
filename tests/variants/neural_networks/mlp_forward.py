"""Correct, differently written versions of neural_networks/mlp_forward."""

import math

import numpy as np
from scipy.special import expit, softmax

HIDDEN = ("identity", "relu", "logistic", "tanh")
OUTPUTS = ("softmax", "logistic", "identity")


def _checked(X, weights, biases, activation, output):
    if activation not in HIDDEN or output not in OUTPUTS:
        raise ValueError("unknown function")
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
    return X, Ws, bs


def variant_scipy(X, weights, biases, activation="relu", output="softmax"):
    A, Ws, bs = _checked(X, weights, biases, activation, output)
    g = {"identity": lambda z: z, "relu": lambda z: np.clip(z, 0, None), "logistic": expit, "tanh": np.tanh}
    for W, b in zip(Ws[:-1], bs[:-1], strict=True):
        A = g[activation](np.einsum("ij,jk->ik", A, W) + b)
    Z = A @ Ws[-1] + bs[-1]
    return {"softmax": lambda z: softmax(z, axis=1), "logistic": expit, "identity": lambda z: z}[output](Z)


def variant_loops(X, weights, biases, activation="relu", output="softmax"):
    A, Ws, bs = _checked(X, weights, biases, activation, output)

    def sigmoid(z):
        return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))

    g = {"identity": lambda z: z, "relu": lambda z: max(z, 0.0), "logistic": sigmoid, "tanh": math.tanh}
    rows = A.tolist()
    for layer, (W, b) in enumerate(zip(Ws, bs, strict=True)):
        last = layer == len(Ws) - 1
        new_rows = []
        for row in rows:
            z = [math.fsum(row[j] * W[j, k] for j in range(len(row))) + b[k] for k in range(W.shape[1])]
            if not last:
                new_rows.append([g[activation](v) for v in z])
            elif output == "softmax":
                top = max(z)
                e = [math.exp(v - top) for v in z]
                total = math.fsum(e)
                new_rows.append([v / total for v in e])
            else:
                new_rows.append([sigmoid(v) for v in z] if output == "logistic" else z)
        rows = new_rows
    return np.array(rows, dtype=float).reshape(len(A), Ws[-1].shape[1])
