"""Correct, differently written versions of neural_networks/conv2d."""

import operator

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _int(value, least, name):
    try:
        v = operator.index(value)
    except TypeError:
        raise ValueError(f"{name} must be an integer") from None
    if v < least:
        raise ValueError(f"{name} must be at least {least}")
    return v


def _inputs(X, W, b, stride, padding):
    x, w, bb = np.asarray(X), np.asarray(W), np.asarray(b)
    for a in (x, w, bb):
        if a.dtype.kind not in "biuf":
            raise ValueError("inputs must be numeric")
    if x.ndim != 4 or w.ndim != 4 or bb.ndim != 1:
        raise ValueError("X and W must be 4-D, b 1-D")
    if x.shape[1] != w.shape[1] or bb.shape[0] != w.shape[0]:
        raise ValueError("channel or filter counts disagree")
    s, p = _int(stride, 1, "stride"), _int(padding, 0, "padding")
    kh, kw = w.shape[2:]
    if kh == 0 or kw == 0 or kh > x.shape[2] + 2 * p or kw > x.shape[3] + 2 * p:
        raise ValueError("the kernel does not fit")
    x = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (p, p), (p, p)))
    return x, w.astype(np.float64), bb.astype(np.float64), s


def _out_size(x, w, s):
    return (x.shape[2] - w.shape[2]) // s + 1, (x.shape[3] - w.shape[3]) // s + 1


def variant_window_loops(X, W, b, stride=1, padding=0):
    x, w, bb, s = _inputs(X, W, b, stride, padding)
    ho, wo = _out_size(x, w, s)
    kh, kw = w.shape[2:]
    out = np.empty((x.shape[0], w.shape[0], ho, wo))
    flat_w = w.reshape(w.shape[0], w.shape[1] * kh * kw)
    for i in range(ho):
        for j in range(wo):
            patch = x[:, :, i * s : i * s + kh, j * s : j * s + kw].reshape(x.shape[0], x.shape[1] * kh * kw)
            out[:, :, i, j] = patch @ flat_w.T + bb
    return out


def variant_einsum_windows(X, W, b, stride=1, padding=0):
    x, w, bb, s = _inputs(X, W, b, stride, padding)
    win = sliding_window_view(x, w.shape[2:], axis=(2, 3))[:, :, ::s, ::s]
    return np.einsum("ncijuv,fcuv->nfij", win, w) + bb[None, :, None, None]


def variant_shift_and_add(X, W, b, stride=1, padding=0):
    # sum over kernel offsets (u, v) of W[:, :, u, v] times a strided slice of the image
    x, w, bb, s = _inputs(X, W, b, stride, padding)
    ho, wo = _out_size(x, w, s)
    out = np.zeros((x.shape[0], w.shape[0], ho, wo)) + bb[None, :, None, None]
    for u in range(w.shape[2]):
        for v in range(w.shape[3]):
            sl = x[:, :, u : u + (ho - 1) * s + 1 : s, v : v + (wo - 1) * s + 1 : s]
            out += np.tensordot(sl, w[:, :, u, v], axes=([1], [1])).transpose(0, 3, 1, 2)
    return out
