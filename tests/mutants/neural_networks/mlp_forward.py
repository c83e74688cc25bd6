"""Wrong versions of neural_networks/mlp_forward."""

import numpy as np

from mlkata.mutants import mutant

HIDDEN = {
    "identity": lambda z: z,
    "relu": lambda z: np.maximum(z, 0),
    "logistic": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
}


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


OUTPUTS = {"softmax": _softmax, "logistic": HIDDEN["logistic"], "identity": HIDDEN["identity"]}


def _checked(X, weights, biases, activation, output):
    if activation not in HIDDEN or output not in OUTPUTS:
        raise ValueError("unknown function")
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
    return X, Ws, bs


@mutant("mlp_forward", hint="the output layer goes straight into the output function")
def hidden_activation_on_output_layer(X, weights, biases, activation="relu", output="softmax"):
    A, Ws, bs = _checked(X, weights, biases, activation, output)
    for W, b in zip(Ws, bs, strict=True):
        A = HIDDEN[activation](A @ W + b)
    return OUTPUTS[output](A)


@mutant("mlp_forward", hint="not each column")
def softmax_over_samples(X, weights, biases, activation="relu", output="softmax"):
    A, Ws, bs = _checked(X, weights, biases, activation, output)
    for W, b in zip(Ws[:-1], bs[:-1], strict=True):
        A = HIDDEN[activation](A @ W + b)
    Z = A @ Ws[-1] + bs[-1]
    if output == "softmax":
        e = np.exp(Z - Z.max(axis=0, keepdims=True))
        return e / e.sum(axis=0, keepdims=True)
    return OUTPUTS[output](Z)


@mutant("mlp_forward", hint="subtract each row's maximum logit", level=2)
def naive_softmax(X, weights, biases, activation="relu", output="softmax"):
    A, Ws, bs = _checked(X, weights, biases, activation, output)
    for W, b in zip(Ws[:-1], bs[:-1], strict=True):
        A = HIDDEN[activation](A @ W + b)
    Z = A @ Ws[-1] + bs[-1]
    if output == "softmax":
        return np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    return OUTPUTS[output](Z)


@mutant("mlp_forward", hint="you always applied softmax")
def ignores_output(X, weights, biases, activation="relu", output="softmax"):
    A, Ws, bs = _checked(X, weights, biases, activation, output)
    for W, b in zip(Ws[:-1], bs[:-1], strict=True):
        A = HIDDEN[activation](A @ W + b)
    return _softmax(A @ Ws[-1] + bs[-1])


@mutant("mlp_forward")
def no_shape_checks(X, weights, biases, activation="relu", output="softmax"):
    if activation not in HIDDEN or output not in OUTPUTS:
        raise ValueError("unknown function")
    A = np.asarray(X, dtype=float)
    for W, b in list(zip(weights, biases, strict=True))[:-1]:
        A = HIDDEN[activation](A @ np.asarray(W, float) + np.asarray(b, float))
    return OUTPUTS[output](A @ np.asarray(weights[-1], float) + np.asarray(biases[-1], float))


@mutant("mlp_forward", hint="not the largest logit of the whole batch", level=2)
def softmax_minus_the_global_maximum(X, weights, biases, activation="relu", output="softmax"):
    """Subtracts the largest logit of the whole batch: a row far below it underflows to 0 / 0."""
    A, Ws, bs = _checked(X, weights, biases, activation, output)
    for W, b in zip(Ws[:-1], bs[:-1], strict=True):
        A = HIDDEN[activation](A @ W + b)
    Z = A @ Ws[-1] + bs[-1]
    if output == "softmax":
        with np.errstate(all="ignore"):
            e = np.exp(Z - Z.max())
            return e / e.sum(axis=1, keepdims=True)
    return OUTPUTS[output](Z)


@mutant("mlp_forward")
def bias_added_in_place(X, weights, biases, activation="relu", output="softmax"):
    """A = A @ W; A += b: integer X and weights make A integer, and a fractional b cannot be added."""
    _checked(X, weights, biases, activation, output)
    A = np.asarray(X)
    layers = list(zip(weights, biases, strict=True))
    for W, b in layers[:-1]:
        A = A @ np.asarray(W)
        A += np.asarray(b)
        A = HIDDEN[activation](A)
    Z = A @ np.asarray(layers[-1][0])
    Z += np.asarray(layers[-1][1])
    return OUTPUTS[output](Z.astype(float))


@mutant("mlp_forward", hint="inf / inf = nan", level=2)
def logistic_as_exp_over_one_plus_exp(X, weights, biases, activation="relu", output="softmax"):
    """exp(z) / (1 + exp(z)), hidden and output: inf / inf = nan once z passes 709."""
    A, Ws, bs = _checked(X, weights, biases, activation, output)

    def logistic(z):
        with np.errstate(all="ignore"):
            return np.exp(z) / (1 + np.exp(z))

    hidden = {**HIDDEN, "logistic": logistic}
    for W, b in zip(Ws[:-1], bs[:-1], strict=True):
        A = hidden[activation](A @ W + b)
    Z = A @ Ws[-1] + bs[-1]
    return logistic(Z) if output == "logistic" else OUTPUTS[output](Z)


@mutant("mlp_forward", level=3)
def loop_over_samples(X, weights, biases, activation="relu", output="softmax"):
    """Correct, one sample at a time through the layers (a Python loop over the batch)."""
    X, Ws, bs = _checked(X, weights, biases, activation, output)
    rows = []
    for x in X:
        a = x
        for W, b in zip(Ws[:-1], bs[:-1], strict=True):
            a = HIDDEN[activation]((a @ W + b)[None, :])[0]
        z = a @ Ws[-1] + bs[-1]
        if output == "softmax":
            e = np.exp(z - z.max())
            rows.append(e / e.sum())
        else:
            rows.append(OUTPUTS[output](z[None, :])[0])
    return np.array(rows)
