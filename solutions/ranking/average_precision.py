"""Average precision: the area under the precision-recall curve, as a step sum."""

import numpy as np


def average_precision(y_true, y_score):
    r"""Average precision of binary labels ranked by decreasing score.

    Each distinct score is a threshold ``t``; predicting positive for every score ``>= t``
    gives a precision ``P`` and a recall ``R``. Taking the thresholds from the highest score
    down,

    .. math::

        \text{AP} = \sum_{n} (R_n - R_{n-1})\, P_n, \qquad R_0 = 0

    so, without ties, AP is the mean of the precision at the rank of each positive. Tied
    scores are one threshold: all the documents of a tie group come in together and share one
    precision, the one at the end of the group (no order among them is chosen). This is the
    step sum of scikit-learn, not the trapezoidal area under the curve, and not an
    interpolated (running-maximum) precision.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Labels, each 0 or 1 (bool, int or float); at least one must be 1.
    y_score : array_like of shape (n,)
        Scores, finite; higher means more likely positive.

    Returns
    -------
    float
        The average precision, in ``(0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0 or 1,
        if no label is 1 (the recall is undefined: scikit-learn warns and returns 0 there),
        or if a score is not finite.

    See Also
    --------
    sklearn.metrics.average_precision_score : the reference.

    Examples
    --------
    >>> round(average_precision([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1]), 12)  # (1/1 + 2/3) / 2
    0.833333333333
    >>> round(average_precision([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.1]), 12)  # one tie group: 2/3
    0.666666666667
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=np.float64)
    if y_true.ndim != 1 or y_score.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_score.shape}")
    if y_true.shape != y_score.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_score has {y_score.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the average precision of no samples is undefined")
    positive = y_true == 1
    if not np.all(positive | (y_true == 0)):
        raise ValueError(f"labels must be 0 or 1, got {np.unique(y_true)}")
    n_positive = np.count_nonzero(positive)
    if n_positive == 0:
        raise ValueError("no positive label: the recall, and so the average precision, is undefined")
    if not np.all(np.isfinite(y_score)):
        raise ValueError("scores must be finite")

    order = np.argsort(-y_score)  # any order within a tie: the groups below merge them
    ranked = y_score[order]
    true_positives = np.cumsum(positive[order])
    # The last position of each group of equal scores: one threshold each.
    ends = np.flatnonzero(np.append(ranked[1:] != ranked[:-1], True))
    found = true_positives[ends]
    precision = found / (ends + 1.0)
    recall_step = np.diff(found, prepend=0) / n_positive
    return float(recall_step @ precision)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Sort by decreasing score and walk down the list: where does the recall go up, and what "
    "is the precision there? What should three documents with the same score do?",
    "Without ties AP is the mean, over the positives, of the precision at each positive's "
    "rank. With ties, a group of equal scores is one threshold: take cumulative counts at the "
    "last position of each group only, and weigh each group's precision by the recall it adds.",
    "order = np.argsort(-s); tp = np.cumsum(y[order]); ends = positions where the next sorted "
    "score differs (and the last); precision = tp[ends] / (ends + 1); AP = sum(np.diff(tp[ends], "
    "prepend=0) / n_pos * precision).",
)
TALKING_POINTS = {
    "use": (
        "One number for a ranking of binary labels that rewards putting positives early; the area-like "
        "summary of the precision-recall curve, good for rare positives."
    ),
    "assumes": "Binary labels with at least one positive, and scores where higher means more positive.",
    "pitfalls": (
        (
            "Not the trapezoid: scikit-learn sums (R_n - R_n-1) P_n, with no interpolation; the "
            "trapezoidal area under the PR curve can be too optimistic."
        ),
        "Ties: one threshold per distinct score, so a tie group shares one precision.",
        "Baseline: a random ranking scores about the positive rate, not 0.5 as AUC would.",
    ),
    "cost": "O(n log n) time to sort, O(n) memory.",
    "follow_ups": (
        (
            "AP or ROC AUC with 1% positives?",
            "AP: it moves with precision, which the many negatives drag down; AUC can stay high.",
        ),
        (
            "What is MAP?",
            "The mean of the APs of many queries, the classic retrieval metric.",
        ),
    ),
}
QUIZ = (
    {
        "question": "average_precision([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1])?",
        "answer": 0.8333,
        "tolerance": 0.001,
        "check": "average_precision([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1])",
        "why": "Precision 1/1 at the first positive and 2/3 at the second; their mean.",
    },
    {
        "question": (
            "average_precision([0, 1, 0, 0], [0.4, 0.3, 0.2, 0.1]): the one positive ranked second?"
        ),
        "answer": 0.5,
        "tolerance": 1e-09,
        "check": "average_precision([0, 1, 0, 0], [0.4, 0.3, 0.2, 0.1])",
        "why": "The precision at its rank, 1/2.",
    },
)
### END META
