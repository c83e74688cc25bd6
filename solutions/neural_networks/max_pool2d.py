"""2-D max pooling: the largest value of each window of every feature map."""

import operator

import numpy as np


def max_pool2d(X, size=2, stride=2):
    r"""Forward pass of 2-D max pooling over every image and channel.

    .. math::

        \mathrm{out}[n, c, i, j] = \max_{0 \le u, v < k} X[n, c,\ i s + u,\ j s + v],
        \qquad H' = \left\lfloor \frac{H - k}{s} \right\rfloor + 1, \quad
        W' = \left\lfloor \frac{W - k}{s} \right\rfloor + 1

    with ``k = size`` (square ``k`` by ``k`` windows) and ``s = stride``. Windows start every
    ``stride`` pixels, so they overlap when ``stride < size``; a window that would run past
    the image's edge is dropped (no padding), so the last rows or columns may belong to no
    window. The maximum of a window of negative values is negative. A window holding NaN
    pools to NaN, as ``np.max`` gives. A batch of ``N = 0`` images gives an empty
    ``(0, C, H', W')`` result; ``X`` is not modified.

    Parameters
    ----------
    X : array_like of shape (N, C, H, W)
        A batch of ``N`` images (or feature maps) of ``C`` channels.
    size : int, default=2
        The side of each square window; at least 1.
    stride : int, default=2
        The step between windows, in pixels; at least 1.

    Returns
    -------
    numpy.ndarray of shape (N, C, H', W')
        The maximum of each window, float64.

    Raises
    ------
    ValueError
        If ``X`` is not 4-D or not numeric; if ``size`` or ``stride`` is not an integer of
        at least 1 (``2.5`` is refused); or if ``size`` exceeds the image's height or width
        (no window fits).

    See Also
    --------
    numpy.lib.stride_tricks.sliding_window_view : the reference,
        ``sliding_window_view(X, (size, size), axis=(2, 3))[:, :, ::stride, ::stride].max(axis=(4, 5))``.

    Examples
    --------
    >>> X = np.arange(16.0).reshape(1, 1, 4, 4)
    >>> max_pool2d(X)
    array([[[[ 5.,  7.],
             [13., 15.]]]])
    >>> max_pool2d(-X - 1.0, size=3, stride=1)
    array([[[[-1., -2.],
             [-5., -6.]]]])
    """

    ### BEGIN SOLUTION
    def count(value, name):
        try:
            value = operator.index(value)
        except TypeError:
            raise ValueError(f"{name} must be an integer, got {value!r}") from None
        if value < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")
        return value

    try:
        X = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"X must be an array of real numbers: {error}") from None
    if X.ndim != 4:
        raise ValueError(f"X must be 4-D (N, C, H, W), got shape {X.shape}")
    size, stride = count(size, "size"), count(stride, "stride")
    height, width = X.shape[2:]
    if size > height or size > width:
        raise ValueError(f"a {size}x{size} window does not fit a {height}x{width} image")
    rows, cols = (height - size) // stride + 1, (width - size) // stride + 1
    out = None
    for u in range(size):  # size**2 strided views, one per place in the window
        for v in range(size):
            part = X[:, :, u : u + stride * (rows - 1) + 1 : stride, v : v + stride * (cols - 1) + 1 : stride]
            out = part.copy() if out is None else np.maximum(out, part, out=out)  # NaN propagates
    return out
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "How many windows of size 2 and stride 2 fit in a row of 5 pixels? Of size 3 and stride 1? "
    "And what is the maximum of the window [[-3, -1], [-2, -5]]?",
    "sliding_window_view(X, (size, size), axis=(2, 3)) gives every window of stride 1, shape "
    "(N, C, H-size+1, W-size+1, size, size); [:, :, ::stride, ::stride] keeps the ones you "
    "want. Do not start the maximum from 0, and keep NaN (np.max, not np.nanmax).",
    "windows = sliding_window_view(X, (size, size), axis=(2, 3))[:, :, ::stride, ::stride]; "
    "return windows.max(axis=(4, 5))",
)
TALKING_POINTS = {
    "use": "Downsampling CNN feature maps: the strongest activation of each window survives; size 2, "
    "stride 2 halves H and W and tolerates small shifts.",
    "assumes": "NCHW, square windows, no padding, floor mode: PyTorch's nn.MaxPool2d defaults (stride = "
    "kernel_size, ceil_mode=False).",
    "pitfalls": (
        "Starting the running max at 0 (or relu-ing the input): a window of negatives must pool "
        "to its largest negative value.",
        "Edges: H = 5 with size 2, stride 2 gives 2 rows and drops the last input row; PyTorch's "
        "ceil_mode=True keeps a partial window.",
        "NaN: np.max propagates it, np.nanmax skips it; choose deliberately.",
    ),
    "cost": "O(N C H' W' k^2) time, O(N C H' W') memory; no parameters.",
    "follow_ups": (
        (
            "The backward pass?",
            "Each window's gradient goes to the position of its max (one of them on ties); every "
            "other input gets 0.",
        ),
        (
            "Max or average pooling?",
            "Max keeps whether a feature fired anywhere in the window; average smooths. Global "
            "average pooling (ResNet) replaces the big dense layers before the classifier.",
        ),
    ),
}
QUIZ = (
    {
        "question": "max_pool2d(np.zeros((1, 1, 7, 7)), size=3, stride=2).shape[2]?",
        "answer": 3,
        "tolerance": 0,
        "check": "max_pool2d(np.zeros((1, 1, 7, 7)), size=3, stride=2).shape[2]",
        "why": "floor((7 - 3) / 2) + 1 = 3.",
    },
    {
        "question": "max_pool2d(-np.arange(1.0, 5.0).reshape(1, 1, 2, 2))[0, 0, 0, 0]?",
        "answer": -1.0,
        "tolerance": 1e-12,
        "check": "max_pool2d(-np.arange(1.0, 5.0).reshape(1, 1, 2, 2))[0, 0, 0, 0]",
        "why": "The window is (-1, -2, -3, -4): its max is -1, not 0.",
    },
)
### END META
