"""The L2 (ridge) penalty of a weight vector."""

import numpy as np


def l2_penalty(w, alpha):
    r"""The squared-L2 penalty ``alpha * sum w_j^2``.

    .. math:: \Omega(w) = \alpha \lVert w \rVert_2^2 = \alpha \sum_j w_j^2

    It is the term ridge regression adds to its loss (scikit-learn's ``Ridge`` minimises
    ``||y - Xw - b||^2 + alpha * ||w||^2``, with this very penalty). Note: the *squared*
    norm, and no factor 1/2.

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
    l1_penalty : the lasso penalty.

    Examples
    --------
    >>> l2_penalty([0.5, -2.0, 0.0, 1.5], alpha=0.1)
    0.65
    """
    ### BEGIN SOLUTION
    w = np.asarray(w, dtype=np.float64)
    if w.size == 0:
        raise ValueError("empty input: w has no weights")
    total = np.dot(w.ravel(), w.ravel())  # the sum of squares, one pass and no temporary
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
    "Is the ridge penalty the length of w, or its length squared? Is there a factor 1/2?",
    "Square each weight, add them all up (no square root, no mean), then scale by alpha; a "
    "negative alpha is a ValueError.",
    "alpha * np.sum(w ** 2), after checking that w is not empty and alpha >= 0.",
)
TALKING_POINTS = {
    "use": "Ridge regression and weight decay: shrinks every weight smoothly towards 0, which "
    "stabilises ill-conditioned or collinear problems.",
    "assumes": "Standardised features (the penalty depends on their scale); the intercept is not penalised.",
    "pitfalls": (
        "Factors: alpha ||w||^2 (Ridge's) has gradient 2 alpha w, (lambda / 2) ||w||^2 has lambda "
        "w; check a library's convention before comparing alphas.",
        "Weight decay equals an L2 penalty for plain SGD, not for Adam, which rescales the "
        "penalty's gradient; AdamW decays w directly.",
        "scikit-learn's MLP adds (alpha / 2) ||W||^2 divided by the number of samples.",
    ),
    "cost": "O(d) time, O(1) extra memory (one dot product).",
    "follow_ups": (
        (
            "Why doesn't L2 zero weights?",
            "Its gradient 2 alpha w vanishes as w does, so near 0 any nonzero loss gradient wins: "
            "weights get small, rarely exactly 0.",
        ),
        (
            "Its effect in ridge regression?",
            "Along each eigenvector of X^T X (eigenvalue s) the least-squares coefficient is "
            "scaled by s / (s + alpha): weak directions shrink most.",
        ),
        (
            "Gradient descent with it?",
            "w <- (1 - 2 lr alpha) w - lr grad L: every step first decays w, hence 'weight decay'.",
        ),
    ),
}
QUIZ = (
    {
        "question": "l2_penalty([3.0, -4.0], 0.5)?",
        "answer": 12.5,
        "tolerance": 1e-12,
        "check": "l2_penalty([3.0, -4.0], 0.5)",
        "why": "0.5 * (9 + 16) = 0.5 * 25: squared, no 1/2.",
    },
    {
        "question": "The gradient of alpha * ||w||^2?",
        "choices": ("2 alpha w", "alpha w", "alpha sign(w)", "2 alpha ||w||"),
        "answer": 0,
        "why": "d/dw_j of alpha w_j^2 is 2 alpha w_j.",
    },
)
### END META
