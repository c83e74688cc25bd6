"""Recall: of the samples truly of a class, the fraction predicted as it."""

import numpy as np


def recall(y_true, y_pred, average="binary", zero_division=0.0):
    r"""Recall of predicted labels, for the positive class or averaged over classes.

    For one class ``c`` with true positives ``TP_c`` and false negatives ``FN_c``:

    .. math:: R_c = \frac{TP_c}{TP_c + FN_c}

    and ``zero_division`` when the class never truly occurs (``TP_c + FN_c = 0``).

    - ``"binary"``: ``R_1``, the recall of the positive label 1.
    - ``"micro"``: pool the counts of all classes, ``sum TP / sum (TP + FN)`` (for
      single-label data this equals the accuracy).
    - ``"macro"``: the plain mean of ``R_c`` over the classes.
    - ``"weighted"``: the mean of ``R_c`` weighted by the support ``n_c`` (the number of
      true samples of class ``c``).

    The classes are the sorted union of the labels in ``y_true`` and ``y_pred``.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        True labels.
    y_pred : array_like of shape (n,)
        Predicted labels.
    average : {"binary", "micro", "macro", "weighted"}, default="binary"
        How to combine the classes. ``"binary"`` needs at most two distinct labels, one of
        them 1 when there are two (e.g. {0, 1} or {-1, 1}).
    zero_division : float, default=0.0
        The value, in ``[0, 1]``, of a recall whose denominator is 0.

    Returns
    -------
    float
        The recall, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length; if ``average`` is not one
        of the four names; if ``zero_division`` is not in ``[0, 1]``; or, for
        ``average="binary"``, if there are more than two distinct labels, or two of which
        none is 1.

    See Also
    --------
    sklearn.metrics.recall_score : the reference.
    precision, f1

    Examples
    --------
    >>> recall([0, 1, 1, 0, 1, 1], [1, 1, 0, 0, 1, 0])
    0.5
    >>> recall([0, 1, 2, 2], [0, 0, 1, 2], average="macro")
    0.5
    >>> recall([0, 0], [0, 1], zero_division=1.0)
    1.0
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_pred.shape}")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_pred has {y_pred.size}")
    if y_true.size == 0:
        raise ValueError("empty input: recall of no samples is undefined")
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError(f"average must be 'binary', 'micro', 'macro' or 'weighted', got {average!r}")
    if not 0.0 <= zero_division <= 1.0:
        raise ValueError(f"zero_division must lie in [0, 1], got {zero_division}")
    classes = np.union1d(y_true, y_pred)
    if average == "binary":
        if classes.size > 2:
            raise ValueError(f"average='binary' needs two classes, got {classes.size}: {classes}")
        if classes.size == 2 and not np.any(classes == 1):
            raise ValueError(f"the positive label 1 is not one of the labels {classes}")
        classes = np.array([1])
    is_true = y_true[:, None] == classes
    is_pred = y_pred[:, None] == classes
    tp = np.sum(is_true & is_pred, axis=0)
    support = np.sum(is_true, axis=0)
    if average == "micro":
        total = support.sum()
        return float(tp.sum() / total) if total else float(zero_division)
    per_class = np.where(support > 0, tp / np.maximum(support, 1), zero_division)
    if average == "weighted":
        return float(np.average(per_class, weights=support))
    return float(np.mean(per_class))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Recall divides the true positives by what: all the samples predicted positive, or all "
    "the samples that truly are positive? And what if no sample is truly positive?",
    "Count TP_c and TP_c + FN_c = (number of true samples of c, the support) for every class c "
    "of np.union1d(y_true, y_pred); micro pools the counts before dividing, macro and "
    "weighted average the per-class ratios (weights = the supports).",
    "is_true = y_true[:, None] == classes; tp = (is_true & (y_pred[:, None] == classes)).sum(0); "
    "per_class = np.where(support > 0, tp / np.maximum(support, 1), zero_division).",
)
TALKING_POINTS = {
    "use": (
        "When misses are costly (screening, fraud): of the real positives, how many were found. Also "
        "called sensitivity or the true positive rate."
    ),
    "assumes": "Hard labels with a positive class (label 1 for binary) or a label set to average over.",
    "pitfalls": (
        (
            "Zero division: a class absent from y_true has 0/0 recall; scikit-learn returns 0 and warns "
            "by default."
        ),
        "A recall of 1 is easy: predict everything positive; always report it with precision.",
        (
            "Class imbalance: macro recall over the true classes is balanced accuracy; micro recall "
            "equals accuracy for single-label data."
        ),
    ),
    "cost": "O(n) time; O(k) memory for the per-class counts.",
    "follow_ups": (
        (
            "How do you raise recall?",
            "Lower the decision threshold: more positives found, more false alarms too.",
        ),
        (
            "Recall versus specificity?",
            (
                "Recall is the share of positives found, TP / (TP + FN); specificity is the recall of the "
                "negatives, TN / (TN + FP)."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "recall([1, 1, 1, 0], [1, 0, 0, 0])?",
        "answer": 0.3333,
        "tolerance": 0.001,
        "check": "recall([1, 1, 1, 0], [1, 0, 0, 0])",
        "why": "One of the three positives is found.",
    },
    {
        "question": "Which prediction always reaches a recall of 1?",
        "choices": ("All negative", "All positive", "The majority class", "A random guess"),
        "answer": 1,
        "why": "No positive can be missed, whatever the precision.",
    },
)
### END META
