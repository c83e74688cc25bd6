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

    # YOUR CODE HERE
    raise NotImplementedError()
