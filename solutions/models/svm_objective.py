"""The primal objective of the soft-margin linear SVM."""

import numpy as np


def svm_objective(w, b, X, y, C=1.0):
    r"""The soft-margin SVM objective of a linear classifier ``sign(X @ w + b)``.

    .. math::

        f(w, b) = \frac{1}{2}\lVert w\rVert^2
                  + C \sum_{i=1}^{n} \max\left(0,\ 1 - y_i (x_i \cdot w + b)\right)

    The first term widens the margin; the second charges every sample inside the margin or
    on the wrong side. It is a *sum* over the samples (not a mean), the convention of
    libsvm and scikit-learn's ``SVC``; the intercept ``b`` is not penalised.

    Parameters
    ----------
    w : array_like of shape (d,)
        The coefficients.
    b : float
        The intercept.
    X : array_like of shape (n, d)
        The features.
    y : array_like of shape (n,)
        Labels, each -1 or +1.
    C : float, default=1.0
        The weight of the hinge losses, ``> 0``.

    Returns
    -------
    float
        :math:`f(w, b)`.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``w`` and ``y`` not 1-D, ``b`` not a single number, if the
        lengths do not match, if the input is empty, if a label is not -1 or +1 (labels in
        {0, 1} must be mapped first), or if ``C <= 0``.

    See Also
    --------
    sklearn.metrics.hinge_loss : the reference: ``0.5 * w @ w + C * n * hinge_loss(y, X @ w + b)``.

    Examples
    --------
    >>> X = [[2.0, 0.0], [0.0, 1.0], [-1.0, -1.0]]
    >>> svm_objective([1.0, 0.5], -0.5, X, [1, -1, -1], C=2.0)
    2.625
    """
    ### BEGIN SOLUTION
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if np.ndim(b) != 0:
        raise ValueError(f"b must be a single number, got shape {np.shape(b)}")
    if X.ndim != 2 or w.ndim != 1 or y.ndim != 1:
        raise ValueError(f"expected w (d,), X (n, d) and y (n,), got {w.shape}, {X.shape} and {y.shape}")
    if X.shape[1] != w.shape[0]:
        raise ValueError(f"length mismatch: w has {w.shape[0]} values, X has {X.shape[1]} columns")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.shape[0]} labels")
    if y.size == 0:
        raise ValueError("empty input: X and y hold no samples")
    if not np.all((y == -1) | (y == 1)):
        raise ValueError(f"labels must be -1 or +1, got {np.unique(y)}")
    if not C > 0:
        raise ValueError(f"C must be > 0, got {C}")
    margins = y * (X @ w + float(b))
    return float(0.5 * (w @ w) + C * np.sum(np.maximum(0.0, 1.0 - margins)))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Which samples cost something in the second term: those with y * (x . w + b) above 1, or "
    "below? And is the second term a mean or a sum?",
    "Compute the margins y * (X @ w + b), the hinge np.maximum(0, 1 - margins), and add C times "
    "their sum to half the squared norm of w (b does not enter the norm).",
    "0.5 * w @ w + C * np.sum(np.maximum(0, 1 - y * (X @ w + b))), after the ValueError checks.",
)
TALKING_POINTS = {
    "use": (
        "Scores a linear classifier as a soft-margin SVM does, margin width (||w||^2 / 2) against hinge "
        "losses: what svm_fit minimises, and how to compare two fits."
    ),
    "assumes": "Labels -1 or +1; decision function x . w + b; C > 0.",
    "pitfalls": (
        (
            "Sum, not mean: libsvm (SVC) multiplies the summed hinge by C; sklearn's hinge_loss is the mean, "
            "so the objective is 0.5 ||w||^2 + C n hinge_loss."
        ),
        (
            "Labels in {0, 1}: with y = 0 every margin is 0 and every negative costs 1 whatever w is; map "
            "them to -1 first."
        ),
        "The intercept is not in the penalty; adding b^2 / 2 (liblinear's choice) moves the optimum.",
    ),
    "cost": "O(n d) time, O(n) extra memory.",
    "follow_ups": (
        (
            "Why is the hinge a good surrogate for the 0-1 loss?",
            "It is convex and an upper bound: a misclassified point has margin <= 0, so its hinge is >= 1.",
        ),
        (
            "How wide is the margin?",
            "The planes x . w + b = +1 and -1 are 2 / ||w|| apart: minimising ||w||^2 widens the margin.",
        ),
        (
            "Hinge or log loss?",
            (
                "The hinge is exactly 0 beyond margin 1 (sparse support vectors, no probabilities); the log "
                "loss is never 0 and gives probabilities."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "A sample with margin y (x . w + b) = 1.5 adds how much to the hinge sum?",
        "choices": (
            "0",
            "0.5",
            "-0.5",
            "1.5",
        ),
        "answer": 0,
        "why": "max(0, 1 - 1.5) = 0.",
    },
    {
        "question": "svm_objective([1, 0], 0, [[2, 0], [0.5, 0], [-1, 0]], [1, 1, 1], C=1)?",
        "answer": 3.0,
        "tolerance": 1e-09,
        "check": "svm_objective([1.0, 0.0], 0.0, [[2.0, 0.0], [0.5, 0.0], [-1.0, 0.0]], [1, 1, 1], C=1.0)",
        "why": "Margins 2, 0.5, -1: hinges 0 + 0.5 + 2, plus ||w||^2 / 2 = 0.5.",
    },
)
### END META
