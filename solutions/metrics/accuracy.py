"""Accuracy: the fraction of correct predictions."""

import numpy as np


def accuracy(y_true, y_pred):
    r"""Fraction of samples whose predicted label equals the true label.

    .. math:: \text{accuracy} = \frac{1}{n}\sum_{i=1}^{n} [\,\hat y_i = y_i\,]

    Parameters
    ----------
    y_true : array_like of shape (n,)
        True labels (integers or strings).
    y_pred : array_like of shape (n,)
        Predicted labels.

    Returns
    -------
    float
        The accuracy, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length.

    See Also
    --------
    sklearn.metrics.accuracy_score : the reference.

    Examples
    --------
    >>> accuracy([0, 1, 2, 2], [0, 2, 2, 2])
    0.75
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_pred.shape}")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_pred has {y_pred.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the accuracy of no predictions is undefined")
    return float(np.mean(y_true == y_pred))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What does y_true == y_pred give for two numpy arrays, and what is the mean of booleans?",
    "Convert both to arrays first (a list == a list is a single True or False), and check "
    "the lengths match: numpy would broadcast a length-1 input silently.",
    "float(np.mean(np.asarray(y_true) == np.asarray(y_pred))) after the ValueError checks.",
)
TALKING_POINTS = {
    "use": "A quick summary for balanced classes when every mistake costs the same.",
    "assumes": "Hard labels, roughly balanced classes, and equal costs for all errors.",
    "pitfalls": (
        (
            "Class imbalance: with 1% positives, predicting all negative scores 99%; compare with the "
            "majority-class baseline, or report balanced accuracy or F1."
        ),
        (
            "Thresholds: it scores labels, not probabilities; a better-ranked model can lose at the "
            "default 0.5 threshold."
        ),
        (
            "Types: the string '1' never equals the label 1, nor a probability 0.9 a label; compare "
            "labels with labels."
        ),
    ),
    "cost": "O(n) time, O(n) temporary memory for the comparison.",
    "follow_ups": (
        (
            "What is balanced accuracy?",
            (
                "The mean of the recalls of the classes: 0.5 for a constant prediction in the binary "
                "case, whatever the imbalance."
            ),
        ),
        (
            "How does it relate to micro-averaged F1?",
            "For single-label multiclass data, micro precision, recall and F1 all equal the accuracy.",
        ),
    ),
}
QUIZ = (
    {
        "question": "9 negatives and 1 positive, all predicted negative: the accuracy?",
        "answer": 0.9,
        "tolerance": 1e-09,
        "check": "accuracy([0] * 9 + [1], [0] * 10)",
        "why": "9 of 10 are right, though the positive is missed.",
    },
    {
        "question": "Which metric stays at 0.5 for a constant binary prediction, whatever the imbalance?",
        "choices": ("accuracy", "precision", "balanced accuracy", "micro F1"),
        "answer": 2,
        "why": "It averages the recalls: 1 for one class, 0 for the other.",
    },
)
### END META
