"""Wrong versions of neural_networks/conv2d."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy.signal import correlate

from mlkata.mutants import mutant


def _checked(X, W, b, stride, padding):
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if X.ndim != 4 or W.ndim != 4 or b.ndim != 1 or X.shape[1] != W.shape[1] or len(b) != len(W):
        raise ValueError("bad shapes")
    if int(stride) != stride or stride < 1 or int(padding) != padding or padding < 0:
        raise ValueError("bad stride or padding")
    if W.shape[2] > X.shape[2] + 2 * padding or W.shape[3] > X.shape[3] + 2 * padding:
        raise ValueError("kernel too large")
    return X, W, b, int(stride), int(padding)


def _conv(X, W, b, stride, pads, *, flip=False, mode="constant", bias_times=1):
    if flip:
        W = W[:, :, ::-1, ::-1]
    Xp = np.pad(X, ((0, 0), (0, 0), *pads), mode=mode) if X.size else X
    windows = sliding_window_view(Xp, W.shape[2:], axis=(2, 3))[:, :, ::stride, ::stride]
    return np.einsum("nchwuv,fcuv->nfhw", windows, W) + bias_times * b[None, :, None, None]


@mutant("conv2d", hint="convolution with the kernel flipped")
def flips_the_kernel(X, W, b, stride=1, padding=0):
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    return _conv(X, W, b, s, ((p, p), (p, p)), flip=True)


@mutant("conv2d", hint="for every input channel")
def bias_per_input_channel(X, W, b, stride=1, padding=0):
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    return _conv(X, W, b, s, ((p, p), (p, p)), bias_times=X.shape[1])


@mutant("conv2d", hint="padded one side only")
def pads_top_and_left_only(X, W, b, stride=1, padding=0):
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    return _conv(X, W, b, s, ((p, 0), (p, 0)))


@mutant("conv2d", hint="use the stride keyword")
def ignores_the_stride(X, W, b, stride=1, padding=0):
    X, W, b, _, p = _checked(X, W, b, stride, padding)
    return _conv(X, W, b, 1, ((p, p), (p, p)))


@mutant("conv2d", hint="repeated the edge pixels")
def edge_padding(X, W, b, stride=1, padding=0):
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    return _conv(X, W, b, s, ((p, p), (p, p)), mode="edge")


@mutant("conv2d", hint="swapped the kernel's two axes")
def kernel_axes_swapped(X, W, b, stride=1, padding=0):
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    if W.shape[2] == W.shape[3]:
        W = W.transpose(0, 1, 3, 2)
    return _conv(X, W, b, s, ((p, p), (p, p)))


@mutant("conv2d")
def output_size_rounds_up(X, W, b, stride=1, padding=0):
    """ceil((H + 2p - kh) / s) + 1 rows: a last, partial window padded with extra zeros."""
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    kh, kw = W.shape[2:]
    extra_h = (-(X.shape[2] + 2 * p - kh)) % s
    extra_w = (-(X.shape[3] + 2 * p - kw)) % s
    return _conv(X, W, b, s, ((p, p + extra_h), (p, p + extra_w)))


@mutant("conv2d")
def accepts_fractional_stride(X, W, b, stride=1, padding=0):
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if X.ndim != 4 or W.ndim != 4 or b.ndim != 1 or X.shape[1] != W.shape[1] or len(b) != len(W):
        raise ValueError("bad shapes")
    s, p = max(int(stride), 1), max(int(padding), 0)
    return _conv(X, W, b, s, ((p, p), (p, p)))


@mutant("conv2d")
def channels_not_checked(X, W, b, stride=1, padding=0):
    """Sums over W's channels only: X with more channels than W goes through."""
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if X.ndim != 4 or W.ndim != 4 or b.ndim != 1 or len(b) != len(W):
        raise ValueError("bad shapes")
    _checked(X[:, : W.shape[1]], W, b, stride, padding)
    p = int(padding)
    return _conv(X[:, : W.shape[1]], W, b, int(stride), ((p, p), (p, p)))


@mutant("conv2d")
def integer_output_buffer(X, W, b, stride=1, padding=0):
    """out = np.zeros(..., dtype=X.dtype): integer images truncate the result."""
    dtype = np.asarray(X).dtype
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    result = _conv(X, W, b, s, ((p, p), (p, p)))
    return result.astype(dtype) if dtype.kind in "iu" else result


@mutant("conv2d")
def channel_count_broadcasts(X, W, b, stride=1, padding=0):
    """(window * W[f]).sum(): a one-channel filter broadcasts over every channel of the image."""
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if W.ndim == 4 and X.ndim == 4 and W.shape[1] == 1:
        W = np.repeat(W, X.shape[1], axis=1)
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    return _conv(X, W, b, s, ((p, p), (p, p)))


@mutant("conv2d")
def single_bias_broadcasts(X, W, b, stride=1, padding=0):
    """out + b[None, :, None, None] with one bias: it is added to every filter's map."""
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if b.shape == (1,) and W.ndim == 4:
        b = np.repeat(b, W.shape[0])
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    return _conv(X, W, b, s, ((p, p), (p, p)))


@mutant("conv2d", hint="compute in float")
def keeps_integer_dtype(X, W, b, stride=1, padding=0):
    """np.zeros(shape, dtype=np.result_type(X, W, b)): integer inputs give an integer map."""
    dtype = np.result_type(np.asarray(X), np.asarray(W), np.asarray(b))
    X, W, b, s, p = _checked(X, W, b, stride, padding)
    Xp = np.pad(X, ((0, 0), (0, 0), (p, p), (p, p)))
    windows = sliding_window_view(Xp, W.shape[2:], axis=(2, 3))[:, :, ::s, ::s]
    result = np.einsum("nchwuv,fcuv->nfhw", windows, W) + b[None, :, None, None]
    return result.astype(dtype) if dtype.kind in "iu" else result


def _strict(X, W, b, stride, padding):
    """The solution's checks: integer stride and padding (2.0 too is refused)."""
    if isinstance(stride, float) or isinstance(padding, float):
        raise ValueError("stride and padding must be integers")
    return _checked(X, W, b, stride, padding)


@mutant("conv2d", hint="correlation by FFT", level=2)
def correlates_by_fft(X, W, b, stride=1, padding=0):
    """scipy.signal.correlate(..., method='fft'): fast, but rounds to 1e-16 of the largest pixel."""
    X, W, b, stride, padding = _strict(X, W, b, stride, padding)
    Xp = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    rows = (Xp.shape[2] - W.shape[2]) // stride + 1
    cols = (Xp.shape[3] - W.shape[3]) // stride + 1
    out = np.zeros((len(X), len(W), rows, cols))
    for i, image in enumerate(Xp):
        for j, kernel in enumerate(W):
            out[i, j] = correlate(image, kernel, mode="valid", method="fft")[0, ::stride, ::stride] + b[j]
    return out


@mutant("conv2d", level=3)
def loop_over_every_output(X, W, b, stride=1, padding=0):
    """Correct, one output value at a time in Python."""
    X, W, b, stride, padding = _strict(X, W, b, stride, padding)
    Xp = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    f, _, kh, kw = W.shape
    rows = (Xp.shape[2] - kh) // stride + 1
    cols = (Xp.shape[3] - kw) // stride + 1
    out = np.zeros((len(X), f, rows, cols))
    for i in range(len(X)):
        for j in range(f):
            for r in range(rows):
                for q in range(cols):
                    window = Xp[i, :, r * stride : r * stride + kh, q * stride : q * stride + kw]
                    out[i, j, r, q] = float((window * W[j]).sum()) + b[j]
    return out
