"""Hinge loss, the loss of the linear SVM."""

import numpy as np


def hinge_loss(y_true, decision):
    r"""Mean hinge loss of decision values against labels in {-1, +1}.

    .. math:: \text{loss} = \frac{1}{n}\sum_{i=1}^{n} \max(0,\ 1 - y_i d_i)

    A sample classified correctly with margin at least 1 (``y * d >= 1``) costs nothing;
    inside the margin or on the wrong side, the cost grows linearly.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Labels, each -1 or +1.
    decision : array_like of shape (n,)
        Decision values ``w . x + b``.

    Returns
    -------
    float
        The mean hinge loss.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, or if a label is not
        -1 or +1 (labels in {0, 1} must be mapped first).

    See Also
    --------
    sklearn.metrics.hinge_loss : the reference.

    Examples
    --------
    >>> hinge_loss([1, -1, 1], [2.0, -0.5, -1.0])
    0.8333333333333334
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    decision = np.asarray(decision, dtype=np.float64)
    if y_true.ndim != 1 or decision.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {decision.shape}")
    if y_true.shape != decision.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, decision has {decision.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the mean of no losses is undefined")
    if not np.all((y_true == -1) | (y_true == 1)):
        raise ValueError(f"labels must be -1 or +1, got {np.unique(y_true)}")
    return float(np.mean(np.maximum(0.0, 1.0 - y_true * decision)))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What should a sample with y * d = 3 (right side, far from the boundary) cost? What does "
    "1 - y * d give for it?",
    "np.maximum (not np.max) compares elementwise with 0. And check the labels: {0, 1} labels "
    "are a bug here, not a variant.",
    "np.mean(np.maximum(0.0, 1.0 - y_true * decision)) after the ValueError checks.",
)
TALKING_POINTS = {
    "use": (
        "Training and scoring max-margin linear classifiers (the linear SVM): a convex upper bound on the "
        "0-1 loss that is 0 for points beyond the margin."
    ),
    "assumes": "Labels are -1 or +1 and decisions are raw scores w.x + b, not probabilities.",
    "pitfalls": (
        (
            "Labels in {0, 1}: a label 0 makes the sample cost exactly 1 whatever its score; map the "
            "labels to {-1, +1} first."
        ),
        "np.max instead of np.maximum: the max of the whole array, not elementwise against 0.",
        "A kink at y d = 1: use a subgradient there, or the squared hinge for a smooth loss.",
    ),
    "cost": "O(n) time, O(n) temporary memory.",
    "follow_ups": (
        (
            "Hinge or log loss?",
            (
                "Hinge is exactly 0 beyond the margin (only support vectors matter) but gives no "
                "probabilities; log loss never reaches 0 and estimates probabilities."
            ),
        ),
        (
            "Its subgradient in w for one sample?",
            ("-y x when y d < 1 and 0 when y d > 1; at y d = 1, anything on the segment between the two."),
        ),
        (
            "Why does the total bound the number of mistakes?",
            "A mistake has y d <= 0, so it costs at least 1.",
        ),
    ),
}
QUIZ = (
    {
        "question": "hinge_loss([1, -1], [0.5, 0.5])?",
        "answer": 1.0,
        "tolerance": 1e-09,
        "check": "hinge_loss([1, -1], [0.5, 0.5])",
        "why": "(max(0, 1 - 0.5) + max(0, 1 + 0.5)) / 2 = (0.5 + 1.5) / 2.",
    },
    {
        "question": "A sample with y = +1 and decision d = 3 costs?",
        "choices": ("0", "1", "-2", "3"),
        "answer": 0,
        "why": "y d = 3 >= 1: beyond the margin, no loss.",
    },
)
### END META
