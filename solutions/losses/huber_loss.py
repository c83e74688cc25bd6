"""Huber loss: squared for small errors, linear for large ones."""

import numpy as np


def huber_loss(y_true, y_pred, delta=1.0):
    r"""Mean Huber loss of the residuals ``r = y_true - y_pred``.

    .. math::

        L_\delta(r) = \begin{cases}
            \frac{1}{2} r^2 & |r| \le \delta \\
            \delta \left(|r| - \frac{1}{2}\delta\right) & |r| > \delta
        \end{cases}
        \qquad \text{loss} = \frac{1}{n}\sum_i L_\delta(r_i)

    The two pieces meet with the same value and slope at ``|r| = delta``, so the loss is
    smooth like the MSE near zero and robust like the MAE for outliers.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Targets.
    y_pred : array_like of shape (n,)
        Predictions.
    delta : float, default=1.0
        Where the loss turns from quadratic to linear; must be positive.

    Returns
    -------
    float
        The mean Huber loss.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty, differ in length, or ``delta <= 0``.

    See Also
    --------
    scipy.special.huber : the elementwise reference, ``huber(delta, r)``.

    Examples
    --------
    >>> huber_loss([0.0, 0.0], [0.5, 3.0])
    1.3125
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true, dtype=np.float64)
    y_pred = np.asarray(y_pred, dtype=np.float64)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_pred.shape}")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_pred has {y_pred.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the mean of no losses is undefined")
    if not delta > 0:
        raise ValueError(f"delta must be positive, got {delta}")
    size = np.abs(y_true - y_pred)
    quadratic = np.minimum(size, delta)  # |r| up to delta
    linear = np.subtract(size, quadratic, out=size)  # the part of |r| beyond delta (in place)
    # mean of 0.5 * quadratic**2 + delta * linear, without more temporaries of size n
    return float((0.5 * np.dot(quadratic, quadratic) + delta * linear.sum()) / y_true.size)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Two regimes: which one applies to a residual of 0.5 when delta is 1? And to 3?",
    "np.where(np.abs(r) <= delta, ..., ...) picks a formula per element. Check the linear "
    "piece: at |r| = delta it must equal 0.5 * delta**2.",
    "Linear part: delta * (abs(r) - 0.5 * delta). Quadratic part: 0.5 * r**2. Average them.",
)
TALKING_POINTS = {
    "use": (
        "Regression with a few outliers: quadratic like the MSE for small residuals, linear like the MAE "
        "beyond delta, with no kink where the two meet."
    ),
    "assumes": (
        "Residuals within delta are ordinary noise and larger ones outliers; delta is in the target's "
        "units and must be tuned (or set from a robust spread)."
    ),
    "pitfalls": (
        (
            "The halves: r^2 / 2 inside and delta (|r| - delta / 2) outside; drop either half and the "
            "pieces no longer meet at |r| = delta."
        ),
        (
            "Scale: a delta above every residual gives MSE / 2; a delta near 0 gives about delta times "
            "the MAE."
        ),
    ),
    "cost": "O(n) time, O(n) temporary memory.",
    "follow_ups": (
        (
            "Its derivative with respect to the residual?",
            "r for |r| <= delta, else delta sign(r): the residual clipped to [-delta, delta].",
        ),
        (
            "Why not just the MAE?",
            (
                "Huber's gradient shrinks near the optimum, so gradient descent settles; the MAE's stays "
                "at plus or minus 1."
            ),
        ),
        (
            "Where else does it appear?",
            (
                "As the smooth L1 loss of box regression in object detectors (Huber with delta = 1), and "
                "in scikit-learn's HuberRegressor."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "huber_loss([0.0], [3.0], delta=1.0)?",
        "answer": 2.5,
        "tolerance": 1e-09,
        "check": "huber_loss([0.0], [3.0], delta=1.0)",
        "why": "Linear piece: 1 * (3 - 1/2).",
    },
    {
        "question": "huber_loss([0.0], [0.5], delta=1.0)?",
        "answer": 0.125,
        "tolerance": 1e-09,
        "check": "huber_loss([0.0], [0.5], delta=1.0)",
        "why": "Quadratic piece: 0.5^2 / 2.",
    },
    {
        "question": "For |r| > delta, how large is the Huber loss's derivative?",
        "choices": ("|r|", "delta", "r^2", "0"),
        "answer": 1,
        "why": "The linear piece has slope delta: outliers pull with a bounded force.",
    },
)
### END META
