"""GELU, the Gaussian error linear unit of BERT and most transformers, in its exact form."""

import numpy as np
from scipy.stats import norm


def gelu(z):
    r"""Gaussian error linear unit (exact form), applied elementwise.

    .. math::

        \mathrm{gelu}(z) = z\,\Phi(z) = \frac{z}{2}\left(1 + \mathrm{erf}(z / \sqrt 2)\right)

    where :math:`\Phi` is the standard normal cumulative distribution function. Each input
    is weighted by the probability that a standard normal variable lies below it: large
    positive inputs pass almost unchanged, large negative ones go to 0 (from below), and
    ``gelu(0) = 0``. This is the exact GELU, not the tanh approximation
    ``0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z**3)))``, which is off by up to 5e-4.

    numpy has no ``erf``: use ``scipy.stats.norm.cdf`` for :math:`\Phi` (the one scipy
    name this exercise allows), or ``math.erf`` entry by entry. The result has the shape of
    ``z`` (a number gives a number), and ``z`` is not modified.

    Parameters
    ----------
    z : array_like of any shape
        Pre-activations (finite real numbers).

    Returns
    -------
    numpy.ndarray or float
        ``z * Phi(z)`` entry by entry, with the shape of ``z``.

    Raises
    ------
    ValueError
        If ``z`` is not an array of numbers: entries that are strings (numeric ones such as
        ``'2'`` too), ``None`` or other objects, or ragged nested lists (numeric dtypes
        only: integers, floats and booleans).

    See Also
    --------
    scipy.special.erf : the reference, ``0.5 * z * (1 + erf(z / sqrt(2)))``.
    scipy.stats.norm : ``norm.cdf`` is :math:`\Phi`.

    Examples
    --------
    >>> gelu([-1.0, 0.0, 1.0, 2.0]).round(4)
    array([-0.1587,  0.    ,  0.8413,  1.9545])
    >>> round(gelu(3.0), 6)  # 3 * Phi(3) = 3 * 0.99865
    2.99595
    """
    ### BEGIN SOLUTION
    try:
        z = np.asarray(z)
    except (TypeError, ValueError) as error:  # ragged nested lists
        raise ValueError(f"z must be an array of real numbers: {error}") from None
    if z.dtype.kind not in "biuf":  # strings ('2' too), None, objects: not numbers
        raise ValueError(f"z must hold real numbers, not entries of dtype {z.dtype}")
    z = z.astype(np.float64, copy=False)
    out = np.asarray(norm.cdf(z), dtype=np.float64)  # Phi(z), accurate in both tails
    out *= z
    return out if out.ndim else float(out)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "gelu(z) = z * Phi(z), with Phi the standard normal CDF. What are Phi(0), Phi(large) and "
    "Phi(very negative)? So what is gelu near 0, for large z, for very negative z?",
    "Phi(z) = (1 + erf(z / sqrt(2))) / 2 is scipy.stats.norm.cdf(z) (from scipy.stats import "
    "norm). Not the tanh formula with 0.044715: that is an approximation.",
    "z = np.asarray(z, dtype=float); return z * norm.cdf(z)",
)
ALLOWED_IMPORTS = ("scipy.stats.norm",)
TALKING_POINTS = {
    "use": "The smooth activation of BERT, GPT-2 and most transformer MLPs: z weighted by Phi(z), "
    "the standard normal CDF.",
    "assumes": "The exact z * Phi(z), PyTorch's nn.GELU default (approximate='none'); run a model with "
    "the form it was trained with.",
    "pitfalls": (
        "The tanh approximation 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3))) is off by up to "
        "5e-4 (near z = -2.7): fine to train with, not to match a reference.",
        "Tails: 1 + erf(z / sqrt(2)) cancels for very negative z (exactly 0 below about -8.4); "
        "norm.cdf or 0.5 * erfc(-z / sqrt(2)) keeps the tiny value.",
        "Not monotone: its minimum is about -0.17 at z = -0.75, and gelu(z) < 0 for every z < 0.",
    ),
    "cost": "O(n) time, one erf per entry: dearer than relu's comparison.",
    "follow_ups": (
        (
            "Its derivative?",
            "Phi(z) + z phi(z), with phi the normal density: smooth everywhere, negative for z "
            "below about -0.75.",
        ),
        (
            "Why GELU rather than relu in transformers?",
            "It matched or beat relu in the GELU paper's experiments and BERT and GPT adopted it; "
            "it is smooth, with a gradient for small negative z.",
        ),
        (
            "A cheaper approximation?",
            "z * sigmoid(1.702 z), from the GELU paper, off by up to 0.02; or the tanh form, off by 5e-4.",
        ),
    ),
}
QUIZ = (
    {
        "question": "gelu(1.0) (to 4 decimals)?",
        "answer": 0.8413,
        "tolerance": 0.0001,
        "check": "gelu(1.0)",
        "why": "1 * Phi(1) = 0.8413.",
    },
    {
        "question": "gelu(-1.0) (to 4 decimals)?",
        "answer": -0.1587,
        "tolerance": 0.0001,
        "check": "gelu(-1.0)",
        "why": "-1 * Phi(-1) = -(1 - 0.8413).",
    },
    {
        "question": "Which is true of GELU?",
        "choices": (
            "It is monotone",
            "It has a negative minimum near z = -0.75",
            "It equals relu for |z| > 1",
            "It is bounded above",
        ),
        "answer": 1,
        "why": "z Phi(z) dips to about -0.17 at z = -0.75, then rises.",
    },
)
### END META
