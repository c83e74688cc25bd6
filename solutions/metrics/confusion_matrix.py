"""Confusion matrix of a classifier's predictions."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    r"""Count, for every pair of labels, how often the true one was predicted as the other.

    .. math:: C_{ij} = \#\{\, s : y^{true}_s = \ell_i \ \text{and}\ y^{pred}_s = \ell_j \,\}

    Row ``i`` is the true label ``labels[i]``, column ``j`` the predicted label
    ``labels[j]``; so the diagonal counts the correct predictions and each row sums to the
    number of samples of that true label.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        True labels (integers or strings).
    y_pred : array_like of shape (n,)
        Predicted labels.
    labels : array_like of shape (k,), optional
        The labels that index the rows and columns, in this order. A label that appears
        in neither input gets a row and a column of zeros; samples whose true or predicted
        label is not in ``labels`` are left out. By default, the sorted union of the labels
        in ``y_true`` and ``y_pred``.

    Returns
    -------
    numpy.ndarray of shape (k, k), integer dtype
        The counts.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, or if ``labels`` is
        empty, not 1-D or holds a label twice.

    See Also
    --------
    sklearn.metrics.confusion_matrix : the reference.

    Examples
    --------
    >>> confusion_matrix([0, 1, 2, 2, 1], [0, 2, 2, 2, 1])
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 2]])
    >>> confusion_matrix([0, 1, 1], [1, 1, 0], labels=[1, 0, 5])
    array([[1, 1, 0],
           [1, 0, 0],
           [0, 0, 0]])
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_pred.shape}")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_pred has {y_pred.size}")
    if y_true.size == 0:
        raise ValueError("empty input: there is nothing to count")
    if labels is None:
        labels = np.union1d(y_true, y_pred)
    else:
        labels = np.asarray(labels)
        if labels.ndim != 1 or labels.size == 0:
            raise ValueError(f"labels must be a non-empty 1-D list, got shape {labels.shape}")
        if np.unique(labels).size != labels.size:
            raise ValueError("labels must not repeat a label")
    order = np.argsort(labels, kind="stable")
    ordered = labels[order]

    def positions(values):
        place = np.clip(np.searchsorted(ordered, values), 0, ordered.size - 1)
        return order[place], ordered[place] == values

    rows, true_known = positions(y_true)
    cols, pred_known = positions(y_pred)
    keep = true_known & pred_known
    k = labels.size
    counts = np.bincount(rows[keep] * k + cols[keep], minlength=k * k)
    return counts.reshape(k, k).astype(np.int64)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Which label is the row and which the column? And if the labels are 3, 7 and 9, which "
    "row does label 7 go to?",
    "Map each label to its index in `labels` (np.searchsorted on the sorted labels, or a "
    "dict), then count the (row, column) pairs: np.add.at or np.bincount(row * k + col).",
    "labels = np.union1d(y_true, y_pred) by default; counts = np.zeros((k, k), int); "
    "np.add.at(counts, (index_of[y_true], index_of[y_pred]), 1).",
)
TALKING_POINTS = {
    "use": (
        "The first table to look at for any classifier: every precision, recall, F1 and accuracy is a "
        "ratio of its cells."
    ),
    "assumes": "Hard predicted labels (a threshold is already chosen) from one fixed label set.",
    "pitfalls": (
        (
            "Orientation: rows are true labels and columns predicted, as in scikit-learn; some texts "
            "transpose it, so say which."
        ),
        (
            "Labels: a class absent from both inputs gets no row unless passed in labels, so two matrices "
            "can differ in shape; pass labels to compare them."
        ),
        "Class imbalance: raw counts hide a rare class; normalise each row to read its recall.",
    ),
    "cost": (
        "O(n log n) to map labels to indices (a sort, np.searchsorted), then O(n + k^2) to count with "
        "np.bincount; O(k^2) memory."
    ),
    "follow_ups": (
        (
            "Where are TN, FP, FN and TP in scikit-learn's binary matrix?",
            "tn, fp, fn, tp = confusion_matrix(y_true, y_pred).ravel().",
        ),
        (
            "How do you read precision and recall off it?",
            "Recall of class c: its diagonal cell over its row sum; precision: over its column sum.",
        ),
    ),
}
QUIZ = (
    {
        "question": "In scikit-learn's binary confusion matrix C, which cell holds the false negatives?",
        "choices": ("C[0, 0]", "C[0, 1]", "C[1, 0]", "C[1, 1]"),
        "answer": 2,
        "why": "Row 1 is the true positives' row; column 0 is predicted negative.",
    },
    {
        "question": "confusion_matrix([0, 1, 1], [1, 1, 1]).sum()?",
        "answer": 3,
        "tolerance": 0,
        "check": "confusion_matrix([0, 1, 1], [1, 1, 1]).sum()",
        "why": "Every sample lands in exactly one cell.",
    },
)
### END META
