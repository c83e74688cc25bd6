"""Leaky relu: relu with a small slope for negative inputs, so no unit is ever flat."""

import numpy as np


def leaky_relu(z, alpha=0.01):
    r"""Leaky rectified linear unit, applied elementwise.

    .. math::

        \mathrm{leaky\_relu}(z) = \begin{cases} z & z > 0 \\ \alpha z & z \le 0 \end{cases}

    Positive entries pass through unchanged; the others are multiplied by ``alpha``
    (``leaky_relu(0) = 0``). ``alpha = 0`` gives relu and ``alpha = 1`` the identity. Any
    finite ``alpha`` is allowed, also ``alpha > 1`` and negative ones: the definition by
    cases above holds for all of them (``max(z, alpha * z)`` equals it for ``alpha <= 1``
    only). The result has the shape of ``z`` (a number gives a number), is float even for
    integer ``z`` (``leaky_relu(-3, alpha=0.5)`` is ``-1.5``), and ``z`` is not modified.

    Parameters
    ----------
    z : array_like of any shape
        Pre-activations (real numbers).
    alpha : float, default=0.01
        The slope for ``z <= 0``; a finite real number.

    Returns
    -------
    numpy.ndarray or float
        ``z`` where ``z > 0``, ``alpha * z`` elsewhere, with the shape of ``z``.

    Raises
    ------
    ValueError
        If ``z`` is not an array of numbers: entries that are strings (numeric ones such as
        ``'2'`` too), ``None`` or other objects, or ragged nested lists (numeric dtypes
        only: integers, floats and booleans); or if ``alpha`` is not a finite real number
        (nan, inf, a string such as ``'0.5'``, an array).

    See Also
    --------
    numpy.where : the reference, ``np.where(z > 0, z, alpha * z)``.
    relu : the case ``alpha = 0``.

    Examples
    --------
    >>> leaky_relu([-2.0, 0.0, 3.5])
    array([-0.02,  0.  ,  3.5 ])
    >>> leaky_relu([[-4, 1], [2, -1]], alpha=0.5)
    array([[-2. ,  1. ],
           [ 2. , -0.5]])
    >>> leaky_relu([-1.0, 2.0], alpha=3.0)
    array([-3.,  2.])
    """
    ### BEGIN SOLUTION
    try:
        z = np.asarray(z)
    except (TypeError, ValueError) as error:  # ragged nested lists
        raise ValueError(f"z must be an array of real numbers: {error}") from None
    if z.dtype.kind not in "biuf":  # strings ('2' too), None, objects: not numbers
        raise ValueError(f"z must hold real numbers, not entries of dtype {z.dtype}")
    z = z.astype(np.float64)
    given = np.asarray(alpha) if not isinstance(alpha, str | bytes) else None
    if given is None or given.ndim != 0 or given.dtype.kind not in "biuf" or not np.isfinite(given):
        raise ValueError(f"alpha must be a finite real number, got {alpha!r}")
    alpha = float(given)
    out = z * alpha
    # z > 0: z beats alpha * z when alpha < 1, loses to it when alpha > 1 (and the reverse
    # for z < 0): so leaky relu is the larger of the two for alpha <= 1, the smaller above.
    combine = np.maximum if alpha <= 1.0 else np.minimum
    out = combine(z, out, out=out) if out.ndim else combine(z, out)
    return out
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Which entries change? What is leaky_relu(-2.0) with alpha=0.01, and leaky_relu(-2) with "
    "alpha=0.5 (an integer input still gives a float)?",
    "np.where(z > 0, z, alpha * z), on z = np.asarray(z, dtype=float). Careful with the shortcut "
    "np.maximum(z, alpha * z): what does it give for z = 2 when alpha = 3?",
    "z = np.asarray(z, dtype=float); check that alpha is a finite number; "
    "return np.where(z > 0, z, alpha * z)",
)
TALKING_POINTS = {
    "use": "A relu that keeps a small slope alpha for z <= 0, so a unit with negative "
    "pre-activations still gets a gradient and cannot die.",
    "assumes": "alpha is fixed and usually small (PyTorch's nn.LeakyReLU defaults to "
    "negative_slope=0.01, as here); PReLU learns it instead.",
    "pitfalls": (
        "The shortcut max(z, alpha * z) equals it only for alpha <= 1: with alpha = 3 it returns "
        "3z for z > 0; np.where(z > 0, z, alpha * z) is always right.",
        "Integers: leaky_relu(-3, alpha=0.5) must be -1.5; compute in float, not in the input's "
        "integer dtype.",
    ),
    "cost": "O(n) time, one output array.",
    "follow_ups": (
        (
            "Its derivative?",
            "1 for z > 0 and alpha for z < 0; at 0 any value between them is a subgradient (for "
            "alpha <= 1), a convention.",
        ),
        (
            "What is PReLU?",
            "Leaky relu with alpha learned by backprop, one shared or one per channel; PyTorch's "
            "nn.PReLU starts it at 0.25.",
        ),
        (
            "Why not a large alpha, say 0.9?",
            "The unit becomes nearly linear, and a stack of linear units collapses to one affine map.",
        ),
    ),
}
QUIZ = (
    {
        "question": "leaky_relu(-5.0, alpha=0.1)?",
        "answer": -0.5,
        "tolerance": 1e-12,
        "check": "leaky_relu(-5.0, alpha=0.1)",
        "why": "z <= 0, so alpha * z = 0.1 * -5.",
    },
    {
        "question": "For which alpha is max(z, alpha * z) not leaky relu?",
        "choices": ("0", "0.01", "1", "2"),
        "answer": 3,
        "why": "For alpha > 1, alpha * z beats z when z > 0.",
    },
)
### END META
