"""The soft-thresholding operator, the proximal step of the lasso."""

import numpy as np


def soft_threshold(x, lam):
    r"""Shrink every entry of ``x`` towards 0 by ``lam``, stopping at 0.

    .. math:: S_\lambda(x) = \operatorname{sign}(x)\,\max(|x| - \lambda,\ 0)

    elementwise. It is the proximal operator of ``lam * |.|``: the minimiser over ``z`` of
    ``(z - x)^2 / 2 + lam * |z|``. Entries with ``|x| <= lam`` become exactly 0; the others
    move ``lam`` closer to 0 without crossing it. Coordinate descent for the lasso applies
    it once per coordinate update.

    Parameters
    ----------
    x : array_like
        Values, of any shape (a scalar too). An empty array gives an empty array.
    lam : float
        The threshold, ``>= 0``.

    Returns
    -------
    numpy.ndarray or float
        ``S_lam(x)``, with the shape of ``x`` (a float for a scalar ``x``).

    Raises
    ------
    ValueError
        If ``lam`` is not a single finite number ``>= 0``, or ``x`` has non-finite entries.

    See Also
    --------
    l1_penalty : the penalty whose proximal step this is.

    Examples
    --------
    >>> soft_threshold([-3.0, -0.5, 0.0, 0.8, 2.5], 1.0)
    array([-2. , -0. ,  0. ,  0. ,  1.5])
    """
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    if np.ndim(lam) != 0 or not np.isfinite(lam) or lam < 0:
        raise ValueError(f"lam must be a single number >= 0, got {lam!r}")
    if not np.all(np.isfinite(x)):
        raise ValueError("x must be finite")
    shrunk = np.sign(x) * np.maximum(np.abs(x) - lam, 0.0)
    return float(shrunk) if shrunk.ndim == 0 else shrunk
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What should soft_threshold(-3.0, 1.0) be, and soft_threshold(0.4, 1.0)? Does an entry ever change sign?",
    "Shrink the magnitude, |x| - lam, clip it at 0 with np.maximum, then put the sign of x "
    "back. A negative lam is a ValueError.",
    "np.sign(x) * np.maximum(np.abs(x) - lam, 0.0).",
)
TALKING_POINTS = {
    "use": "The proximal operator of the L1 norm: the per-coordinate update of lasso coordinate "
    "descent and the shrink step of ISTA and FISTA.",
    "assumes": "A threshold lam >= 0, applied elementwise.",
    "pitfalls": (
        "Crossing zero: x - lam * sign(x) overshoots when |x| < lam; clip the magnitude first, "
        "max(|x| - lam, 0).",
        "Hard thresholding (keep x where |x| > lam, else 0) is another operator: it does not "
        "shrink the survivors.",
        "sign(x) * 0 gives -0.0 for negative x (printed -0.); harmless, it equals 0.",
    ),
    "cost": "O(n) time, one output array.",
    "follow_ups": (
        (
            "Derive it.",
            "Minimise (z - x)^2 / 2 + lam |z|: z = x - lam sign(x) if |x| > lam; otherwise z = 0, "
            "since 0 is in z - x + lam [-1, 1] at z = 0.",
        ),
        (
            "What is ISTA?",
            "Proximal gradient descent for the lasso: w <- S_{lr alpha}(w - lr grad f(w)); FISTA "
            "adds Nesterov momentum.",
        ),
        (
            "The proximal operator of (lam / 2) z^2 instead?",
            "x / (1 + lam): proportional shrinkage that never reaches 0, which is why ridge is not sparse.",
        ),
    ),
}
QUIZ = (
    {
        "question": "soft_threshold(-3.0, 1.0)?",
        "answer": -2.0,
        "tolerance": 1e-12,
        "check": "soft_threshold(-3.0, 1.0)",
        "why": "1 closer to 0, keeping the sign.",
    },
    {
        "question": "soft_threshold(0.4, 1.0)?",
        "answer": 0.0,
        "tolerance": 1e-12,
        "check": "soft_threshold(0.4, 1.0)",
        "why": "|0.4| <= 1: it stops at 0 instead of crossing it.",
    },
    {
        "question": "Soft and hard thresholding of x = 3 at lam = 1 give",
        "choices": ("2 and 3", "3 and 2", "2 and 2", "3 and 3"),
        "answer": 0,
        "why": "Soft shrinks the survivor by lam; hard keeps it unchanged.",
    },
)
### END META
