"""Wrong versions of neural_networks/max_pool2d."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from mlkata.mutants import mutant


def _checked(X, size, stride):
    X = np.asarray(X, dtype=float)
    if X.ndim != 4 or int(size) != size or int(stride) != stride or size < 1 or stride < 1:
        raise ValueError("bad input")
    if size > X.shape[2] or size > X.shape[3]:
        raise ValueError("window too large")
    return X, int(size), int(stride)


def _windows(X, size, stride):
    return sliding_window_view(X, (size, size), axis=(2, 3))[:, :, ::stride, ::stride]


@mutant("max_pool2d", hint="not from 0")
def maximum_starts_at_zero(X, size=2, stride=2):
    X, size, stride = _checked(X, size, stride)
    windows = _windows(X, size, stride)
    out = np.zeros(windows.shape[:4])
    for u in range(size):
        for v in range(size):
            out = np.maximum(out, windows[..., u, v])
    return out


@mutant("max_pool2d", hint="average pooling")
def average_pooling(X, size=2, stride=2):
    X, size, stride = _checked(X, size, stride)
    return _windows(X, size, stride).mean(axis=(4, 5))


@mutant("max_pool2d", hint="stepped by the window size")
def steps_by_the_size(X, size=2, stride=2):
    X, size, stride = _checked(X, size, stride)
    return _windows(X, size, size).max(axis=(4, 5))


@mutant("max_pool2d", hint="partial window")
def keeps_partial_windows(X, size=2, stride=2):
    X, size, stride = _checked(X, size, stride)
    extra = [(-(d - size)) % stride for d in X.shape[2:]]
    X = np.pad(X, ((0, 0), (0, 0), (0, extra[0]), (0, extra[1])), constant_values=-np.inf)
    return _windows(X, size, stride).max(axis=(4, 5))


@mutant("max_pool2d", hint="np.nanmax")
def skips_nan(X, size=2, stride=2):
    X, size, stride = _checked(X, size, stride)
    with np.errstate(invalid="ignore"):
        return np.nanmax(_windows(X, size, stride), axis=(4, 5))


@mutant("max_pool2d", hint="you swapped them")
def size_and_stride_swapped(X, size=2, stride=2):
    X, size, stride = _checked(X, size, stride)
    if stride > X.shape[2] or stride > X.shape[3]:
        raise ValueError("window too large")
    return _windows(X, stride, size).max(axis=(4, 5))


@mutant("max_pool2d")
def reshape_trick(X, size=2, stride=2):
    """Blocks by reshaping: right only when stride == size and size divides H and W."""
    X, size, stride = _checked(X, size, stride)
    n, c, h, w = X.shape
    rows, cols = h // size, w // size
    blocks = X[:, :, : rows * size, : cols * size].reshape(n, c, rows, size, cols, size)
    return blocks.max(axis=(3, 5))


@mutant("max_pool2d")
def greater_than_loop(X, size=2, stride=2):
    """best = first value; best = x if x > best: a NaN after the first value is skipped."""
    X, size, stride = _checked(X, size, stride)
    windows = _windows(X, size, stride)
    best = windows[..., 0, 0].copy()
    for u in range(size):
        for v in range(size):
            value = windows[..., u, v]
            best = np.where(value > best, value, best)
    return best


@mutant("max_pool2d")
def accepts_fractional_size(X, size=2, stride=2):
    X = np.asarray(X, dtype=float)
    if X.ndim != 4:
        raise ValueError("bad input")
    size, stride = max(int(size), 1), max(int(stride), 1)
    if size > X.shape[2] or size > X.shape[3]:
        raise ValueError("window too large")
    return _windows(X, size, stride).max(axis=(4, 5))


@mutant("max_pool2d", hint="compute in float")
def keeps_input_dtype(X, size=2, stride=2):
    """np.empty(shape, dtype=X.dtype): an integer image pools to integers, not float64."""
    dtype = np.asarray(X).dtype
    X, size, stride = _checked(X, size, stride)
    out = _windows(X, size, stride).max(axis=(4, 5))
    return out.astype(dtype) if dtype.kind in "iub" else out


@mutant("max_pool2d", hint="convert to float64 first")
def keeps_float32(X, size=2, stride=2):
    """Pools a float32 image in float32: the docstring promises float64."""
    dtype = np.asarray(X).dtype
    X, size, stride = _checked(X, size, stride)
    out = _windows(X, size, stride).max(axis=(4, 5))
    return out.astype(np.float32) if dtype == np.float32 else out


def _strict(X, size, stride):
    """The solution's checks: integer size and stride (2.0 too is refused)."""
    if isinstance(size, float) or isinstance(stride, float):
        raise ValueError("size and stride must be integers")
    return _checked(X, size, stride)


@mutant("max_pool2d", hint="not from the most negative float", level=2)
def maximum_starts_at_the_lowest_float(X, size=2, stride=2):
    """best = -sys.float_info.max: right unless a whole window is -inf."""
    X, size, stride = _strict(X, size, stride)
    windows = _windows(X, size, stride)
    out = np.full(windows.shape[:4], -np.finfo(np.float64).max)
    for u in range(size):
        for v in range(size):
            out = np.maximum(out, windows[..., u, v])
    return out


@mutant("max_pool2d", level=3)
def loop_over_windows(X, size=2, stride=2):
    """Correct, one window at a time in Python."""
    X, size, stride = _strict(X, size, stride)
    n, c, h, w = X.shape
    rows, cols = (h - size) // stride + 1, (w - size) // stride + 1
    out = np.empty((n, c, rows, cols))
    for i in range(n):
        for k in range(c):
            for r in range(rows):
                for q in range(cols):
                    top, left = r * stride, q * stride
                    out[i, k, r, q] = X[i, k, top : top + size, left : left + size].max()
    return out
