"""Area under the ROC curve, from ranks (the Mann-Whitney U statistic)."""

import numpy as np


def roc_auc(y_true, y_score):
    r"""Probability that a random positive scores higher than a random negative.

    .. math::

        \text{AUC} = \frac{1}{n_+ n_-} \sum_{i:\,y_i=1} \sum_{j:\,y_j=0}
            \left([s_i > s_j] + \tfrac12 [s_i = s_j]\right)
            = \frac{R_+ - n_+(n_+ + 1)/2}{n_+ n_-}

    where ``R_+`` is the sum of the ranks (1 = lowest score) of the positives, tied scores
    sharing the average of their ranks. A tie between a positive and a negative counts one
    half; this equals the area under the ROC curve drawn through every threshold.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Labels, each 0 or 1; both must occur.
    y_score : array_like of shape (n,)
        Scores, higher meaning more likely positive (probabilities or decision values).

    Returns
    -------
    float
        The AUC, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0 or
        1, if only one class is present (the AUC is undefined), or if a score is not finite.

    See Also
    --------
    sklearn.metrics.roc_auc_score : the reference.

    Examples
    --------
    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> roc_auc([0, 1], [0.5, 0.5])
    0.5
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=np.float64)
    if y_true.ndim != 1 or y_score.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_score.shape}")
    if y_true.shape != y_score.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_score has {y_score.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the AUC of no samples is undefined")
    if not np.all((y_true == 0) | (y_true == 1)):
        raise ValueError(f"labels must be 0 or 1, got {np.unique(y_true)}")
    if not np.all(np.isfinite(y_score)):
        raise ValueError("scores must be finite")
    positive = y_true == 1
    n_pos = int(positive.sum())
    n_neg = y_true.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("only one class is present in y_true: the AUC is undefined")
    _, group, counts = np.unique(y_score, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    average_rank = ends - (counts - 1) / 2.0
    rank_sum = average_rank[group.ravel()][positive].sum()
    return float((rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Out of all (positive, negative) pairs, in how many does the positive score higher? What "
    "should a pair with equal scores count?",
    "Rank all scores (1 = lowest), giving tied scores the average of their ranks; the rank "
    "sum of the positives, minus n_pos (n_pos + 1) / 2, counts the winning pairs, ties as 1/2.",
    "np.unique(y_score, return_inverse=True, return_counts=True) gives the tie groups; average "
    "rank = np.cumsum(counts) - (counts - 1) / 2; AUC = (R_pos - n_pos(n_pos+1)/2) / (n_pos n_neg).",
)
TALKING_POINTS = {
    "use": (
        "Judging how well scores rank positives above negatives, threshold-free: the probability that a "
        "random positive outscores a random negative."
    ),
    "assumes": "Binary labels, both classes present, scores where higher means more positive.",
    "pitfalls": (
        (
            "Ties: a tied positive-negative pair counts one half (average ranks); counting it as 0 or 1 "
            "biases the AUC."
        ),
        "One class only: AUC is undefined; scikit-learn warns and returns nan.",
        (
            "Class imbalance: AUC does not change with the class ratio, so with rare positives it can "
            "look good while precision is poor; show the PR curve or average precision too."
        ),
    ),
    "cost": "O(n log n) time to rank (argsort), O(n) memory.",
    "follow_ups": (
        (
            "How does it relate to the Mann-Whitney U statistic?",
            "AUC = U / (n+ n-), with U computed from the positives' rank sum.",
        ),
        (
            "What happens if you square every score?",
            "For non-negative scores nothing: AUC depends only on the order of the scores.",
        ),
        (
            "What does an AUC of 0.3 mean?",
            "The ranking is informative but inverted: flip the scores to get 0.7.",
        ),
    ),
}
QUIZ = (
    {
        "question": "roc_auc([0, 1, 0, 1], [0.5, 0.5, 0.1, 0.9])?",
        "answer": 0.875,
        "tolerance": 1e-09,
        "check": "roc_auc([0, 1, 0, 1], [0.5, 0.5, 0.1, 0.9])",
        "why": "Of the 4 positive-negative pairs, 3 are ordered right and 1 tie counts 1/2.",
    },
    {
        "question": "A random scorer's expected ROC AUC?",
        "choices": ("0", "0.5", "The positive rate", "1"),
        "answer": 1,
        "why": "A random positive outscores a random negative half of the time.",
    },
)
### END META
