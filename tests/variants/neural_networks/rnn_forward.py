"""Correct, differently written versions of neural_networks/rnn_forward."""

import math

import numpy as np


def _inputs(X, h0, W_x, W_h, b):
    arrays = [np.asarray(a) for a in (X, h0, W_x, W_h, b)]
    if any(a.dtype.kind not in "biuf" for a in arrays):
        raise ValueError("inputs must be numeric")
    x, h, wx, wh, bb = (a.astype(np.float64) for a in arrays)
    if x.ndim != 2 or x.shape[0] < 1 or h.ndim != 1 or bb.ndim != 1 or wx.ndim != 2 or wh.ndim != 2:
        raise ValueError("X, W_x, W_h must be 2-D (X with a time step), h0 and b 1-D")
    d = h.shape[0]
    if wx.shape != (x.shape[1], d) or wh.shape != (d, d) or bb.shape != (d,):
        raise ValueError("shapes disagree")
    return x, h, wx, wh, bb


def variant_pure_python(X, h0, W_x, W_h, b):
    x, h, wx, wh, bb = _inputs(X, h0, W_x, W_h, b)
    xs, wxl, whl, bl = x.tolist(), wx.tolist(), wh.tolist(), bb.tolist()
    d, d_in = len(bl), len(wxl)
    state = h.tolist()
    rows = []
    for xt in xs:
        pre = []
        for j in range(d):
            terms = [bl[j]] + [xt[i] * wxl[i][j] for i in range(d_in)]
            terms += [state[i] * whl[i][j] for i in range(d)]
            pre.append(math.fsum(terms))
        state = [math.tanh(v) for v in pre]
        rows.append(state)
    H = np.array(rows, dtype=np.float64).reshape(len(xs), d)
    return H, H[-1].copy()


def variant_precomputed_inputs_einsum(X, h0, W_x, W_h, b):
    # the input part of every step at once, then the recurrence
    x, h, wx, wh, bb = _inputs(X, h0, W_x, W_h, b)
    xin = np.einsum("ti,ij->tj", x, wx) + bb
    H = np.empty((x.shape[0], h.shape[0]))
    for t in range(x.shape[0]):
        h = np.tanh(xin[t] + np.einsum("i,ij->j", h, wh))
        H[t] = h
    return H, h


def variant_stacked_weights(X, h0, W_x, W_h, b):
    # one matrix [W_x; W_h] applied to [x_t, h_{t-1}]
    x, h, wx, wh, bb = _inputs(X, h0, W_x, W_h, b)
    W = np.vstack([wx, wh])
    states = []
    for xt in x:
        h = np.tanh(np.concatenate([xt, h]) @ W + bb)
        states.append(h)
    return np.stack(states), states[-1]
