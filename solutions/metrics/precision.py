"""Precision: of the samples predicted as a class, the fraction that truly are."""

import numpy as np


def precision(y_true, y_pred, average="binary", zero_division=0.0):
    r"""Precision of predicted labels, for the positive class or averaged over classes.

    For one class ``c`` with true positives ``TP_c`` and false positives ``FP_c``:

    .. math:: P_c = \frac{TP_c}{TP_c + FP_c}

    and ``zero_division`` when the class is never predicted (``TP_c + FP_c = 0``).

    - ``"binary"``: ``P_1``, the precision of the positive label 1.
    - ``"micro"``: pool the counts of all classes, ``sum TP / sum (TP + FP)`` (for
      single-label data this equals the accuracy).
    - ``"macro"``: the plain mean of ``P_c`` over the classes.
    - ``"weighted"``: the mean of ``P_c`` weighted by the support ``n_c`` (the number of
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
        The value, in ``[0, 1]``, of a precision whose denominator is 0.

    Returns
    -------
    float
        The precision, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length; if ``average`` is not one
        of the four names; if ``zero_division`` is not in ``[0, 1]``; or, for
        ``average="binary"``, if there are more than two distinct labels, or two of which
        none is 1.

    See Also
    --------
    sklearn.metrics.precision_score : the reference.
    recall, f1

    Examples
    --------
    >>> precision([0, 1, 1, 0, 1], [1, 1, 0, 0, 1])
    0.6666666666666666
    >>> precision([0, 1, 2, 2], [0, 0, 1, 2], average="macro")
    0.5
    >>> precision([0, 0], [0, 0], zero_division=1.0)
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
        raise ValueError("empty input: precision of no predictions is undefined")
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
    predicted = np.sum(is_pred, axis=0)
    if average == "micro":
        total = predicted.sum()
        return float(tp.sum() / total) if total else float(zero_division)
    per_class = np.where(predicted > 0, tp / np.maximum(predicted, 1), zero_division)
    if average == "weighted":
        return float(np.average(per_class, weights=is_true.sum(axis=0)))
    return float(np.mean(per_class))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Precision divides the true positives by what: all the samples that truly are positive, "
    "or all the samples predicted positive? And what if nothing was predicted positive?",
    "Count TP_c and TP_c + FP_c = (number predicted as c) for every class c of "
    "np.union1d(y_true, y_pred); micro pools the counts before dividing, macro and weighted "
    "average the per-class ratios (weights = true counts of each class).",
    "is_pred = y_pred[:, None] == classes; tp = (is_pred & (y_true[:, None] == classes)).sum(0); "
    "per_class = np.where(predicted > 0, tp / np.maximum(predicted, 1), zero_division).",
)
TALKING_POINTS = {
    "use": (
        "When false positives are costly (spam filters, alerts): of what was flagged, how much was right."
    ),
    "assumes": "Hard labels with a positive class (label 1 for binary) or a label set to average over.",
    "pitfalls": (
        (
            "Zero division: a class never predicted has 0/0 precision; scikit-learn returns 0 and warns "
            "by default (zero_division='warn')."
        ),
        (
            "Class imbalance: 'macro' weighs a tiny class like a big one; 'weighted' weights by support; "
            "'micro' pools counts and equals accuracy for single-label data."
        ),
        "A precision of 1 is easy: predict positive only once, on the surest case.",
    ),
    "cost": "O(n) time; O(k) memory for the per-class counts.",
    "follow_ups": (
        (
            "How do you raise precision?",
            "Raise the decision threshold: fewer, surer positives, at the cost of recall.",
        ),
        (
            "Macro or micro for imbalanced classes?",
            "Macro, to see the rare classes: micro is dominated by the frequent ones.",
        ),
    ),
}
QUIZ = (
    {
        "question": "precision([0, 0, 0, 0, 1], [0, 0, 0, 0, 0], average='macro')?",
        "answer": 0.4,
        "tolerance": 1e-09,
        "check": "precision([0, 0, 0, 0, 1], [0, 0, 0, 0, 0], average='macro')",
        "why": "Class 0: 4/5; class 1 is never predicted: 0 (zero_division). Mean 0.4.",
    },
    {
        "question": "What does average='macro' do?",
        "choices": (
            "Pools the counts of all classes",
            "Takes the unweighted mean of the per-class scores",
            "Weights each class by its support",
            "Scores the positive class only",
        ),
        "answer": 1,
        "why": "scikit-learn: the unweighted mean, which does not take label imbalance into account.",
    },
)
### END META
