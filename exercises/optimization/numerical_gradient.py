"""The gradient of a function by central finite differences."""

import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    r"""Estimate the gradient of ``f`` at ``x`` by central differences, one coordinate at a time.

    .. math::

        \frac{\partial f}{\partial x_i}(x) \approx
        \frac{f(x + \epsilon e_i) - f(x - \epsilon e_i)}{2 \epsilon}

    where :math:`e_i` is the array of ``x``'s shape with a 1 at coordinate ``i`` (in C order)
    and 0 elsewhere. The error is :math:`O(\epsilon^2)` (the :math:`f''` terms of the two
    Taylor expansions cancel), against :math:`O(\epsilon)` for the forward difference
    :math:`(f(x + \epsilon e_i) - f(x)) / \epsilon`; rounding adds about
    :math:`10^{-16} |f| / \epsilon`, which is why ``eps`` is not made ever smaller. This is
    how gradients are checked in practice ("gradient checking" of a backward pass).

    ``x`` is converted to float64 first (an integer array would truncate ``x + eps`` back
    to ``x``; in float32 a step of 1e-6 is mostly rounded away), and ``x`` itself is never
    modified. The step is exactly ``eps`` as written above: ``f`` is called with float64
    arrays of ``x``'s shape, twice per coordinate.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns one number for a float64 array of ``x``'s shape.
    x : array_like
        Where to take the gradient: a number or an array of any shape.
    eps : float, default=1e-6
        The step, positive and finite.

    Returns
    -------
    numpy.ndarray
        The gradient estimate, float64, of ``x``'s shape (0-d for a scalar ``x``).

    Raises
    ------
    ValueError
        If ``x`` is empty or not numeric, or if ``eps`` is not a positive finite number.

    See Also
    --------
    scipy.optimize.approx_fprime : the forward-difference version, for 1-D ``x``.

    Examples
    --------
    The gradient of :math:`\sum_i x_i^2` is :math:`2x`:

    >>> g = numerical_gradient(lambda x: np.sum(x ** 2), [1.0, -2.0])
    >>> g.shape, np.round(g, 6)
    ((2,), array([ 2., -4.]))

    and of :math:`x_0 x_1` at :math:`(3, 5)` it is :math:`(5, 3)`, of any shape:

    >>> np.round(numerical_gradient(lambda x: x[0, 0] * x[0, 1], [[3, 5]], eps=1e-3), 6)
    array([[5., 3.]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
