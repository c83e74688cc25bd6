"""Wrong versions of neural_networks/dense_forward."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(X, W, b, activation):
    if activation not in ("identity", "relu", "logistic", "tanh"):
        raise ValueError("unknown activation")
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if X.ndim != 2 or W.ndim != 2 or b.ndim != 1 or len(X) == 0:
        raise ValueError("bad shapes")
    if X.shape[1] != W.shape[0] or b.shape[0] != W.shape[1]:
        raise ValueError("shapes do not fit")
    return X, W, b


def _g(name, Z):
    if name == "relu":
        return np.maximum(Z, 0)
    if name == "logistic":
        return 1 / (1 + np.exp(-Z))
    if name == "tanh":
        return np.tanh(Z)
    return Z


@mutant("dense_forward", hint="add the bias b to X @ W before applying the activation")
def bias_after_activation(X, W, b, activation="relu"):
    X, W, b = _checked(X, W, b, activation)
    return _g(activation, X @ W) + b


@mutant("dense_forward", hint="1 / (1 + exp(-z))")
def sigmoid_sign_flipped(X, W, b, activation="relu"):
    X, W, b = _checked(X, W, b, activation)
    Z = X @ W + b
    if activation == "logistic":
        return 1 / (1 + np.exp(Z))
    return _g(activation, Z)


@mutant("dense_forward", hint="inf / inf = nan", level=2)
def sigmoid_overflows_to_nan(X, W, b, activation="relu"):
    X, W, b = _checked(X, W, b, activation)
    Z = X @ W + b
    if activation == "logistic":
        return np.exp(Z) / (1 + np.exp(Z))
    return _g(activation, Z)


@mutant("dense_forward", hint="check len(b) == W.shape[1]")
def trusts_numpy_broadcasting(X, W, b, activation="relu"):
    if activation not in ("identity", "relu", "logistic", "tanh"):
        raise ValueError("unknown activation")
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if len(X) == 0:
        raise ValueError("no rows")
    return _g(activation, X @ W + b)


@mutant("dense_forward", hint="not the one asked for")
def always_relu(X, W, b, activation="relu"):
    X, W, b = _checked(X, W, b, activation)
    return np.maximum(X @ W + b, 0)


@mutant("dense_forward")
def bias_added_in_place(X, W, b, activation="relu"):
    """Z = X @ W; Z += b: integer X and W make Z integer, and a fractional b cannot be added in place."""
    _checked(X, W, b, activation)
    Z = np.asarray(X) @ np.asarray(W)
    Z += np.asarray(b)
    return _g(activation, Z)


@mutant("dense_forward")
def squeezes_the_result(X, W, b, activation="relu"):
    """np.squeeze drops the axis of one output unit (or one sample): the result must stay (n, d_out)."""
    X, W, b = _checked(X, W, b, activation)
    return np.squeeze(_g(activation, X @ W + b))


@mutant("dense_forward")
def tanh_from_exponentials(X, W, b, activation="relu"):
    """(e^z - e^-z) / (e^z + e^-z) is inf / inf = nan once |z| passes 710."""
    X, W, b = _checked(X, W, b, activation)
    Z = X @ W + b
    if activation == "tanh":
        with np.errstate(all="ignore"):
            return (np.exp(Z) - np.exp(-Z)) / (np.exp(Z) + np.exp(-Z))
    return _g(activation, Z)


@mutant("dense_forward")
def activation_written_back_into_integers(X, W, b, activation="relu"):
    """Z keeps the inputs' dtype and the activation is written back into it: integer Z truncates."""
    _checked(X, W, b, activation)
    Z = np.asarray(X) @ np.asarray(W) + np.asarray(b)
    Z[...] = _g(activation, Z)
    return Z


@mutant("dense_forward", level=3)
def loop_over_samples_and_units(X, W, b, activation="relu"):
    """Correct, one output unit of one sample at a time in Python."""
    X, W, b = _checked(X, W, b, activation)
    rows = []
    for x in X.tolist():
        row = []
        for j in range(W.shape[1]):
            z = sum(xi * wij for xi, wij in zip(x, W[:, j].tolist(), strict=True)) + float(b[j])
            row.append(float(_g(activation, np.float64(z))) if activation != "logistic" else _logistic(z))
        rows.append(row)
    return np.array(rows)


def _logistic(z):
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
