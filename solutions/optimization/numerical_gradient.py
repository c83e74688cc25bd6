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
    ### BEGIN SOLUTION
    given = np.asarray(x)
    if given.dtype.kind not in "biuf":
        raise ValueError(f"x must be numeric, got an array of dtype {given.dtype}")
    if given.size == 0:
        raise ValueError("x is empty: there is no coordinate to differentiate along")
    number = isinstance(eps, int | float | np.integer | np.floating) and not isinstance(eps, bool)
    if not (number and 0 < eps < np.inf):
        raise ValueError(f"eps must be a positive finite number, got {eps!r}")
    point = np.array(given, dtype=np.float64)  # always a copy: ours to perturb, x is never written
    coordinates = point.reshape(-1)  # a view: setting coordinates[i] moves point
    gradient = np.empty(point.size)
    # f is a black box of the whole array, so the coordinates are visited one by one; each
    # visit moves one entry of our copy up and down by eps and puts it back exactly.
    for i, value in enumerate(coordinates.tolist()):
        coordinates[i] = value + eps
        above = f(point)
        coordinates[i] = value - eps
        below = f(point)
        coordinates[i] = value
        gradient[i] = (float(above) - float(below)) / (2.0 * eps)
    return gradient.reshape(point.shape)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Change one coordinate of x at a time, by +eps and by -eps, and see how much f changes. "
    "What do you divide that change by?",
    "Work on a float64 copy, x = np.array(x, dtype=float): for coordinate i (use x.reshape(-1) "
    "to reach every entry of any shape) evaluate f at x + eps * e_i and x - eps * e_i; put the "
    "entry back before the next one.",
    "grad.flat[i] = (f(x_plus) - f(x_minus)) / (2 * eps) with x_plus, x_minus copies of x whose "
    "entry i is x_i + eps and x_i - eps; return grad of x's shape.",
)
TALKING_POINTS = {
    "use": "Gradient checking: compare a hand-written backward pass with finite differences on a "
    "small input; or a derivative-free gradient when d is small.",
    "assumes": "f is smooth near x (three times differentiable for the O(eps^2) error) and computed in "
    "float64; it is called 2d times.",
    "pitfalls": (
        "eps too small: rounding adds ~1e-16 |f| / eps while the central error is O(eps^2); eps "
        "around 1e-5 to 1e-6 balances the two.",
        "Kinks (relu at 0, abs, max): a difference across a kink is meaningless; check away from them.",
        "Integer or float32 x: x + eps is truncated or rounded away; work on a float64 copy and "
        "restore each entry.",
    ),
    "cost": "2d evaluations of f, O(d cost(f)): fine for a check, far too slow for training, where "
    "backprop costs a few evaluations.",
    "follow_ups": (
        (
            "Why central rather than forward differences?",
            "The f'' terms of the two Taylor expansions cancel: error O(eps^2) instead of O(eps). "
            "scipy.optimize.approx_fprime is forward.",
        ),
        (
            "How do you compare with the analytic gradient?",
            "Relative error |a - b| / max(|a|, |b|); in float64 about 1e-7 or less usually means "
            "right, 1e-2 a bug.",
        ),
        (
            "What step does approx_fprime use by default?",
            "sqrt(machine epsilon), about 1.49e-8: the balance point for forward differences.",
        ),
    ),
}
QUIZ = (
    {
        "question": "numerical_gradient(lambda x: x**3, 2.0)?",
        "answer": 12.0,
        "tolerance": 0.0001,
        "check": "numerical_gradient(lambda x: x**3, 2.0)",
        "why": "d/dx x^3 = 3 x^2 = 12.",
    },
    {
        "question": "numerical_gradient(lambda x: x**3, 0.0, eps=0.1), where the derivative is 0?",
        "answer": 0.01,
        "tolerance": 1e-09,
        "check": "numerical_gradient(lambda x: x**3, 0.0, eps=0.1)",
        "why": "(0.1^3 - (-0.1)^3) / 0.2 = eps^2: the O(eps^2) error, seen exactly.",
    },
    {
        "question": "How many evaluations of f for d = 1000 parameters?",
        "choices": ("1000", "2000", "1", "1000000"),
        "answer": 1,
        "why": "Two per coordinate: f(x + eps e_i) and f(x - eps e_i).",
    },
)
### END META
