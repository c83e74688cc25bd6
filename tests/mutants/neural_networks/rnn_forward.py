"""Wrong versions of neural_networks/rnn_forward."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(X, h0, W_x, W_h, b):
    X, h0, W_x, W_h, b = (np.asarray(a, dtype=float) for a in (X, h0, W_x, W_h, b))
    if X.ndim != 2 or len(X) == 0 or h0.ndim != 1:
        raise ValueError("bad X or h0")
    d_in, d = X.shape[1], len(h0)
    if W_x.shape != (d_in, d) or W_h.shape != (d, d) or b.shape != (d,):
        raise ValueError("bad shapes")
    return X, h0, W_x, W_h, b


def _loop(X, h0, W_x, W_h, b, step):
    H = np.zeros((len(X), len(h0)))
    h = h0
    for t in range(len(X)):
        H[t], h = step(t, X[t], h, H)
    return H, h


@mutant("rnn_forward", hint="you started from zeros")
def forgets_h0(X, h0, W_x, W_h, b):
    X, h0, W_x, W_h, b = _checked(X, h0, W_x, W_h, b)
    H = np.zeros((len(X), len(h0)))
    for t in range(len(X)):
        H[t] = np.tanh(X[t] @ W_x + H[t - 1] @ W_h + b)  # H[-1] at t = 0: zeros, not h0
    return H, H[-1]


@mutant("rnn_forward", hint="the state of the current step")
def uses_the_current_state(X, h0, W_x, W_h, b):
    X, h0, W_x, W_h, b = _checked(X, h0, W_x, W_h, b)
    H = np.zeros((len(X), len(h0)))
    for t in range(len(X)):
        H[t] = np.tanh(X[t] @ W_x + H[t] @ W_h + b)
    return H, H[-1]


@mutant("rnn_forward", hint="you used W_h.T")
def w_h_transposed(X, h0, W_x, W_h, b):
    X, h0, W_x, W_h, b = _checked(X, h0, W_x, W_h, b)
    return _loop(X, h0, W_x, W_h, b, lambda t, x, h, H: (np.tanh(x @ W_x + W_h @ h + b),) * 2)


@mutant("rnn_forward", hint="not the pre-activations")
def stores_pre_activations(X, h0, W_x, W_h, b):
    X, h0, W_x, W_h, b = _checked(X, h0, W_x, W_h, b)

    def step(t, x, h, H):
        a = x @ W_x + h @ W_h + b
        return a, np.tanh(a)

    H, _ = _loop(X, h0, W_x, W_h, b, step)
    return H, H[-1]


@mutant("rnn_forward", hint="apply tanh at every step")
def linear_rnn(X, h0, W_x, W_h, b):
    X, h0, W_x, W_h, b = _checked(X, h0, W_x, W_h, b)
    return _loop(X, h0, W_x, W_h, b, lambda t, x, h, H: (x @ W_x + h @ W_h + b,) * 2)


@mutant("rnn_forward", hint="you returned the first, H[0]")
def first_state_as_last(X, h0, W_x, W_h, b):
    X, h0, W_x, W_h, b = _checked(X, h0, W_x, W_h, b)
    H, _ = _loop(X, h0, W_x, W_h, b, lambda t, x, h, H: (np.tanh(x @ W_x + h @ W_h + b),) * 2)
    return H, H[0]


@mutant("rnn_forward")
def states_in_the_input_dtype(X, h0, W_x, W_h, b):
    """H = np.zeros_like(X @ W_x): integer inputs give an integer H, tanh truncated."""
    _checked(X, h0, W_x, W_h, b)
    X, h0, W_x, W_h, b = (np.asarray(a) for a in (X, h0, W_x, W_h, b))
    H = np.zeros_like(X @ W_x)
    h = h0
    for t in range(len(X)):
        H[t] = np.tanh(X[t] @ W_x + h @ W_h + b)
        h = H[t]
    return H, H[-1].copy()


@mutant("rnn_forward")
def updates_h0_in_place(X, h0, W_x, W_h, b):
    """h = h0; h[:] = ... writes into the caller's h0: a read-only input raises."""
    X, _, W_x, W_h, b = _checked(X, h0, W_x, W_h, b)
    h = np.asarray(h0)
    if h.dtype.kind != "f":
        h = h.astype(float)
    H = np.zeros((len(X), len(h)))
    for t in range(len(X)):
        h[:] = np.tanh(X[t] @ W_x + h @ W_h + b)
        H[t] = h
    return H, H[-1]


@mutant("rnn_forward")
def bias_broadcasts(X, h0, W_x, W_h, b):
    X, h0, W_x, W_h, b = (np.asarray(a, dtype=float) for a in (X, h0, W_x, W_h, b))
    if X.ndim != 2 or len(X) == 0 or h0.ndim != 1 or b.ndim != 1:
        raise ValueError("bad input")
    if W_x.shape != (X.shape[1], len(h0)) or W_h.shape != (len(h0), len(h0)):
        raise ValueError("bad shapes")
    return _loop(X, h0, W_x, W_h, b, lambda t, x, h, H: (np.tanh(x @ W_x + h @ W_h + b),) * 2)


@mutant("rnn_forward", hint="inf / inf = nan once a passes 355", level=2)
def tanh_by_exp(X, h0, W_x, W_h, b):
    """tanh(a) = (exp(2a) - 1) / (exp(2a) + 1): right until a unit's pre-activation passes 355."""
    X, h0, W_x, W_h, b = _checked(X, h0, W_x, W_h, b)

    def step(t, x, h, H):
        with np.errstate(all="ignore"):
            e = np.exp(2 * (x @ W_x + h @ W_h + b))
            h = (e - 1) / (e + 1)
        return h, h

    return _loop(X, h0, W_x, W_h, b, step)


@mutant("rnn_forward", level=3)
def loop_over_units(X, h0, W_x, W_h, b):
    """Correct, but every hidden unit of every step summed in Python."""
    X, h0, W_x, W_h, b = _checked(X, h0, W_x, W_h, b)
    Wx, Wh, bias = W_x.T.tolist(), W_h.T.tolist(), b.tolist()
    h = h0.tolist()
    H = []
    for x in X.tolist():
        h = [
            math.tanh(
                sum(a * w for a, w in zip(x, wx, strict=True))
                + sum(a * w for a, w in zip(h, wh, strict=True))
                + c
            )
            for wx, wh, c in zip(Wx, Wh, bias, strict=True)
        ]
        H.append(h)
    return np.array(H), np.array(h)
