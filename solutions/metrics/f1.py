"""F1 score: the harmonic mean of precision and recall."""

import numpy as np


def f1(y_true, y_pred, average="binary", zero_division=0.0):
    r"""F1 score of predicted labels, for the positive class or averaged over classes.

    For one class ``c``, the harmonic mean of its precision and recall:

    .. math:: F_c = \frac{2 P_c R_c}{P_c + R_c} = \frac{2\,TP_c}{2\,TP_c + FP_c + FN_c}

    and ``zero_division`` when the class is neither present nor predicted
    (``2 TP_c + FP_c + FN_c = 0``). The right-hand form is the one to compute: it is 0,
    not undefined, when ``TP_c = 0`` but the class occurs or is predicted.

    - ``"binary"``: ``F_1``, the F1 score of the positive label 1.
    - ``"micro"``: pool the counts of all classes, ``2 sum TP / sum (2 TP + FP + FN)`` (for
      single-label data this equals the accuracy).
    - ``"macro"``: the plain mean of ``F_c`` over the classes.
    - ``"weighted"``: the mean of ``F_c`` weighted by the support ``n_c`` (the number of
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
        The value, in ``[0, 1]``, of an F1 score whose denominator is 0.

    Returns
    -------
    float
        The F1 score, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length; if ``average`` is not one
        of the four names; if ``zero_division`` is not in ``[0, 1]``; or, for
        ``average="binary"``, if there are more than two distinct labels, or two of which
        none is 1.

    See Also
    --------
    sklearn.metrics.f1_score : the reference.
    precision, recall

    Examples
    --------
    >>> f1([0, 1, 1, 0, 1, 1], [1, 1, 0, 0, 1, 0])
    0.5714285714285714
    >>> round(f1([0, 1, 2, 2], [0, 0, 1, 2], average="macro"), 6)
    0.444444
    >>> f1([0, 0], [0, 0], zero_division=1.0)
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
        raise ValueError("empty input: F1 of no samples is undefined")
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
    denominator = support + np.sum(is_pred, axis=0)
    if average == "micro":
        total = denominator.sum()
        return float(2 * tp.sum() / total) if total else float(zero_division)
    per_class = np.where(denominator > 0, 2 * tp / np.maximum(denominator, 1), zero_division)
    if average == "weighted":
        return float(np.average(per_class, weights=support))
    return float(np.mean(per_class))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Macro F1 is the mean of the per-class F1 scores. Is that the same as the F1 of the macro "
    "precision and the macro recall?",
    "Per class, F1 = 2 TP / (2 TP + FP + FN) = 2 TP / (predicted count + true count): that "
    "form needs zero_division only when the class is neither present nor predicted.",
    "denominator = is_true.sum(0) + is_pred.sum(0); per_class = np.where(denominator > 0, "
    "2 * tp / np.maximum(denominator, 1), zero_division); then average as for precision.",
)
TALKING_POINTS = {
    "use": (
        "One number balancing precision and recall for an imbalanced positive class, when true negatives "
        "should not count."
    ),
    "assumes": "Precision and recall matter equally (otherwise use F-beta) and labels are hard.",
    "pitfalls": (
        (
            "Compute 2 TP / (2 TP + FP + FN): the 2PR / (P + R) form divides 0 by 0 when TP = 0, where F1 "
            "is simply 0."
        ),
        (
            "Averages: 'macro' is the plain mean of per-class F1; 'weighted' uses support and can give an "
            "F1 outside [P, R] (scikit-learn's docs warn of it)."
        ),
        "Threshold: F1 depends on it; tune the threshold on validation data, not on test.",
    ),
    "cost": "O(n) time; O(k) memory for the per-class counts.",
    "follow_ups": (
        (
            "Why the harmonic mean?",
            ("It is dominated by the smaller of P and R: P = 1, R = 0.01 gives F1 of about 0.02, not 0.5."),
        ),
        (
            "What is F-beta?",
            "(1 + b^2) P R / (b^2 P + R): recall counts b times as much as precision.",
        ),
        (
            "Does F1 use true negatives?",
            "No: it is the same whether there are 10 or 10 million of them.",
        ),
    ),
}
QUIZ = (
    {
        "question": "F1 with precision 1 and recall 0.5?",
        "answer": 0.6667,
        "tolerance": 0.001,
        "check": "f1([1, 1, 0], [1, 0, 0])",
        "why": "2 * 1 * 0.5 / 1.5; here TP = 1, FN = 1, FP = 0.",
    },
    {
        "question": "f1([0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2], average='macro')?",
        "answer": 0.8222,
        "tolerance": 0.001,
        "check": "f1([0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2], average='macro')",
        "why": "Per class 1, 2/3 and 4/5; their plain mean.",
    },
)
### END META
