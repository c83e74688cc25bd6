"""The L1 (lasso) penalty of a weight vector."""

import numpy as np


def l1_penalty(w, alpha):
    r"""The L1 penalty ``alpha * sum |w_j|``.

    .. math:: \Omega(w) = \alpha \lVert w \rVert_1 = \alpha \sum_j |w_j|

    It is the term the lasso adds to its loss; its kink at 0 is what sets some
    coefficients exactly to zero.

    Parameters
    ----------
    w : array_like
        The weights, of any shape (a vector, or a matrix of weights); the sum runs over
        every entry. The intercept is not part of ``w``: it is never penalised.
    alpha : float
        The regularisation strength, ``>= 0``.

    Returns
    -------
    float
        The penalty.

    Raises
    ------
    ValueError
        If ``w`` is empty or has non-finite entries, or if ``alpha`` is not a single finite
        number ``>= 0``.

    See Also
    --------
    l2_penalty : the ridge penalty.

    Examples
    --------
    >>> l1_penalty([0.5, -2.0, 0.0, 1.5], alpha=0.1)
    0.4
    """
    ### BEGIN SOLUTION
    w = np.asarray(w, dtype=np.float64)
    if w.size == 0:
        raise ValueError("empty input: w has no weights")
    total = np.sum(np.abs(w))  # the sum of |w|
    # A nan or inf weight makes the total nan or inf: only then is each weight checked.
    if not np.isfinite(total) and not np.all(np.isfinite(w)):
        raise ValueError("w must be finite")
    if np.ndim(alpha) != 0 or not np.isfinite(alpha) or alpha < 0:
        raise ValueError(f"alpha must be a single number >= 0, got {alpha!r}")
    return float(alpha * total)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "The L1 norm of w adds up the sizes of the weights. What is the size of -2?",
    "Take np.abs before summing, sum over every entry (not the mean), then scale by alpha; a "
    "negative alpha would reward large weights, so it is a ValueError.",
    "alpha * np.sum(np.abs(w)), after checking that w is not empty and alpha >= 0.",
)
TALKING_POINTS = {
    "use": "The lasso's penalty: added to a loss it drives some coefficients exactly to zero, a "
    "built-in feature selection.",
    "assumes": "Features on comparable scales (standardise first: the penalty is not scale-invariant); "
    "the intercept is not penalised.",
    "pitfalls": (
        "Not differentiable at 0: plain gradient descent oscillates around 0 and never lands on "
        "it; use coordinate descent or a proximal step (soft thresholding).",
        "alpha means different things: Lasso puts 1 / (2n) on the squared error, while "
        "LogisticRegression's C is the inverse of the penalty's strength.",
        "Correlated features: the lasso tends to keep one of a group, somewhat arbitrarily; "
        "elastic net shares the weight.",
    ),
    "cost": "O(d) time, O(1) extra memory.",
    "follow_ups": (
        (
            "What does L1 do that L2 doesn't?",
            "Exact zeros: at w = 0 L1's subgradient is the interval [-alpha, alpha], which "
            "absorbs a small loss gradient; L2's gradient 2 alpha w vanishes there.",
        ),
        (
            "The Bayesian view?",
            "L1 gives the MAP estimate under a Laplace prior on w; L2 under a Gaussian prior.",
        ),
        (
            "L1 and L2 together?",
            "Elastic net (scikit-learn's ElasticNet, mixed by l1_ratio): sparse, but correlated "
            "features share their weight.",
        ),
    ),
}
QUIZ = (
    {
        "question": "l1_penalty([3.0, -4.0], 0.5)?",
        "answer": 3.5,
        "tolerance": 1e-12,
        "check": "l1_penalty([3.0, -4.0], 0.5)",
        "why": "0.5 * (|3| + |-4|) = 0.5 * 7.",
    },
    {
        "question": "Which penalty sets coefficients exactly to zero?",
        "choices": ("L1", "L2", "Both equally", "Neither"),
        "answer": 0,
        "why": "L1's kink at 0 holds small coefficients there; L2 only shrinks them.",
    },
)
### END META
