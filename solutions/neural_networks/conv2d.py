"""A 2-D convolution layer's forward pass (a cross-correlation, as deep learning libraries define it)."""

import operator

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(X, W, b, stride=1, padding=0):
    r"""Forward pass of a 2-D convolution layer: cross-correlation of each image with each filter.

    .. math::

        \mathrm{out}[n, f, i, j] = b_f + \sum_{c=1}^{C} \sum_{u=0}^{k_h-1} \sum_{v=0}^{k_w-1}
            W[f, c, u, v] \; \tilde X[n, c,\ i s + u,\ j s + v]

    where :math:`s` is ``stride`` and :math:`\tilde X` is ``X`` with ``padding`` rows and
    columns of zeros added on *every* side (top, bottom, left and right). The kernel is
    not flipped: this is a cross-correlation, what deep learning libraries call a
    convolution. Each filter ``f`` sums over all ``C`` input channels and adds its bias
    ``b[f]`` once. Windows slide by ``stride`` pixels; one that would run past the padded
    edge is dropped, so the output has

    .. math::

        H' = \left\lfloor \frac{H + 2p - k_h}{s} \right\rfloor + 1, \qquad
        W' = \left\lfloor \frac{W + 2p - k_w}{s} \right\rfloor + 1

    rows and columns. A batch of ``N = 0`` images gives an empty ``(0, F, H', W')`` result.
    The inputs are not modified.

    Parameters
    ----------
    X : array_like of shape (N, C, H, W)
        A batch of ``N`` images of ``C`` channels each (uint8 pixels are fine).
    W : array_like of shape (F, C, kh, kw)
        ``F`` filters, each with a ``kh`` by ``kw`` kernel per input channel.
    b : array_like of shape (F,)
        One bias per filter (output channel).
    stride : int, default=1
        The step between windows, in pixels; at least 1.
    padding : int, default=0
        Rows and columns of zeros added on each side of every image; at least 0.

    Returns
    -------
    numpy.ndarray of shape (N, F, H', W')
        One feature map per image and filter, float64.

    Raises
    ------
    ValueError
        If ``X`` or ``W`` is not 4-D or ``b`` not 1-D; if ``X`` and ``W`` have different
        numbers of channels, or ``b`` does not hold one bias per filter (nothing is
        broadcast: a one-channel ``W``, or a single bias, is refused too); if ``stride`` is not
        an integer of at least 1 or ``padding`` not an integer of at least 0 (``1.5`` is
        refused); if the kernel is empty or larger than the padded image (no window fits);
        or if an input is not numeric.

    See Also
    --------
    scipy.signal.correlate : the reference, ``correlate(X[n, c], W[f, c], mode="valid")``
        summed over the channels ``c`` (on the padded image, every ``stride``-th entry).

    Examples
    --------
    >>> X = np.arange(9.0).reshape(1, 1, 3, 3)
    >>> W = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    >>> conv2d(X, W, [1.0])
    array([[[[28., 38.],
             [58., 68.]]]])
    >>> conv2d(X, W, [0.0], stride=2, padding=1)
    array([[[[ 0., 11.],
             [30., 67.]]]])
    """

    ### BEGIN SOLUTION
    def count(value, name, least):
        try:
            value = operator.index(value)
        except TypeError:
            raise ValueError(f"{name} must be an integer, got {value!r}") from None
        if value < least:
            raise ValueError(f"{name} must be at least {least}, got {value}")
        return value

    try:
        X, W, b = (np.asarray(a, dtype=np.float64) for a in (X, W, b))
    except (TypeError, ValueError) as error:
        raise ValueError(f"X, W and b must be arrays of real numbers: {error}") from None
    if X.ndim != 4 or W.ndim != 4 or b.ndim != 1:
        raise ValueError(
            f"X must be (N, C, H, W), W (F, C, kh, kw) and b (F,); got shapes {X.shape}, {W.shape}, {b.shape}"
        )
    n, channels, height, width = X.shape
    filters, w_channels, kh, kw = W.shape
    if w_channels != channels:
        raise ValueError(f"X has {channels} channels but W's filters have {w_channels}")
    if b.shape[0] != filters:
        raise ValueError(f"b has {b.shape[0]} entries for {filters} filters")
    stride = count(stride, "stride", 1)
    padding = count(padding, "padding", 0)
    if kh == 0 or kw == 0 or kh > height + 2 * padding or kw > width + 2 * padding:
        raise ValueError(
            f"a {kh}x{kw} kernel does not fit a {height}x{width} image padded by {padding}: no window"
        )
    if padding:
        padded = np.zeros((n, channels, height + 2 * padding, width + 2 * padding))
        padded[:, :, padding : padding + height, padding : padding + width] = X
    else:
        padded = X
    # every window, (N, C, H', W', kh, kw), as a view; the windows that do not fit never appear
    windows = sliding_window_view(padded, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.tensordot(windows, W, axes=([1, 4, 5], [1, 2, 3]))  # (N, H', W', F), one matmul
    out += b
    return np.ascontiguousarray(out.transpose(0, 3, 1, 2))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "Start with one image, one channel, one filter, stride 1, no padding: out[i, j] is the sum "
    "of W * (the kh x kw window of X whose top-left corner is (i, j)). Is W flipped? (No.) "
    "How many windows fit in a row of width W?",
    "Pad with np.pad(X, ((0, 0), (0, 0), (p, p), (p, p))) (zeros on both sides), then take the "
    "windows: numpy.lib.stride_tricks.sliding_window_view(Xp, (kh, kw), axis=(2, 3)) has shape "
    "(N, C, H+2p-kh+1, W+2p-kw+1, kh, kw); keep every stride-th with [:, :, ::s, ::s]. The bias "
    "is added once per filter, after summing over the channels.",
    "out = np.einsum('nchwuv,fcuv->nfhw', windows, W) + b[None, :, None, None]",
)
TALKING_POINTS = {
    "use": "The layer of CNNs for images and other grids: small filters shared across positions, so "
    "parameters do not grow with the image and features shift with the input.",
    "assumes": "NCHW inputs and (F, C, kh, kw) filters as PyTorch's nn.Conv2d; a cross-correlation (no "
    "kernel flip); the same zero padding on every side.",
    "pitfalls": (
        "Flipping the kernel: that is the mathematical convolution (scipy.signal.convolve2d); "
        "deep learning libraries cross-correlate. Learned filters don't care; loaded weights do.",
        "Output size floor((H + 2p - k) / s) + 1: off-by-ones and windows past the edge are the usual bugs.",
        "Layout: PyTorch is NCHW, TensorFlow/Keras default to NHWC (channels_last); a transposed "
        "array can still have a valid-looking shape.",
    ),
    "cost": "O(N F C kh kw H' W') time; im2col-style windows take O(N C kh kw H' W') memory.",
    "follow_ups": (
        (
            "Parameters of a conv layer?",
            "F C kh kw weights plus F biases, whatever the image size.",
        ),
        (
            "Why two 3x3 convolutions rather than one 5x5?",
            "The same 5x5 receptive field with 18 C^2 weights instead of 25 C^2 (C channels in "
            "and out), and one more nonlinearity.",
        ),
        (
            "What does a 1x1 convolution do?",
            "A dense layer over the channels at every pixel: it mixes channels and changes their "
            "number cheaply.",
        ),
    ),
}
QUIZ = (
    {
        "question": "conv2d(np.zeros((1, 1, 32, 32)), np.zeros((1, 1, 5, 5)), [0.0], stride=2, "
        "padding=2).shape[-1]?",
        "answer": 16,
        "tolerance": 0,
        "check": "conv2d(np.zeros((1, 1, 32, 32)), np.zeros((1, 1, 5, 5)), [0.0], stride=2, "
        "padding=2).shape[-1]",
        "why": "floor((32 + 2 * 2 - 5) / 2) + 1 = 15 + 1.",
    },
    {
        "question": "conv2d(np.ones((1, 1, 3, 3)), np.ones((1, 1, 3, 3)), [0.0], padding=1)[0, 0, 0, 0], "
        "the corner?",
        "answer": 4.0,
        "tolerance": 1e-12,
        "check": "conv2d(np.ones((1, 1, 3, 3)), np.ones((1, 1, 3, 3)), [0.0], padding=1)[0, 0, 0, 0]",
        "why": "The padded corner window holds 4 ones and 5 zeros.",
    },
    {
        "question": "Parameters of a 3x3 convolution from 16 to 32 channels, with biases?",
        "choices": ("4608", "4640", "4624", "160"),
        "answer": 1,
        "why": "32 * 16 * 3 * 3 = 4608 weights plus 32 biases.",
    },
)
### END META
