"""Entropy of a set of class labels: the information needed to name a label, on average."""

import math

import numpy as np


def entropy(y, base=2):
    r"""Shannon entropy of the class frequencies of the labels ``y``.

    With ``p_k`` the fraction of the ``n`` labels that are class ``k`` (only classes that
    occur, so every ``p_k > 0``):

    .. math::

        H_b = -\sum_k p_k \log_b p_k = -\frac{1}{\ln b} \sum_k p_k \ln p_k

    In bits for ``base=2`` (the decision-tree convention), in nats for ``base=math.e``.
    It is 0 for a pure set and ``log_b K`` for ``K`` equally frequent classes.

    Parameters
    ----------
    y : array_like of shape (n,)
        Class labels: integers, strings, booleans (any values ``numpy.unique`` can sort).
    base : float, default=2
        The base of the logarithm: a positive number other than 1.

    Returns
    -------
    float
        The entropy, ``>= 0`` for ``base > 1``.

    Raises
    ------
    ValueError
        If ``y`` is not 1-D or is empty, or if ``base`` is not a positive number other
        than 1.

    See Also
    --------
    scipy.stats.entropy : the reference, ``entropy(counts, base=base)`` of the class counts.

    Examples
    --------
    One label in four is "x", three are "y": ``-(1/4 log2 1/4 + 3/4 log2 3/4)`` bits.

    >>> round(entropy(["x", "y", "y", "y"]), 6)
    0.811278
    >>> round(entropy([0, 1, 2, 3], base=4), 12), entropy([5, 5])
    (1.0, 0.0)
    """
    ### BEGIN SOLUTION
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if y.size == 0:
        raise ValueError("empty input: the entropy of no labels is undefined")
    try:
        log_base = math.log(float(base))
    except (TypeError, ValueError):  # not a number, or not positive (log of 0 or less)
        raise ValueError(f"base must be a positive number other than 1, got {base!r}") from None
    if log_base == 0 or not math.isfinite(log_base):
        raise ValueError(f"base must be a positive number other than 1, got {base!r}")
    counts = None
    if y.dtype.kind in "biu":  # integers in a small range: one counting pass, no sort
        lo, hi = int(y.min()), int(y.max())
        if hi - lo <= 2 * y.size and hi <= np.iinfo(np.intp).max:
            counts = np.bincount(y.astype(np.intp) - lo)
            counts = counts[counts > 0]  # absent classes: 0 * log 0 counts as 0
    if counts is None:
        counts = np.unique(y, return_counts=True)[1]  # any sortable labels: strings too
    p = counts / float(y.size)
    return float(-np.dot(p, np.log(p)) / log_base) + 0.0  # + 0.0: a pure set gives 0.0, not -0.0
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Which probabilities go into the formula: one per sample, or one per class? And what is "
    "log2 of a number in terms of np.log?",
    "np.unique(y, return_counts=True) gives each class's count (strings too); p = counts / n. "
    "Only classes that occur appear, so log(p) is never log(0). Change base with log_b(x) = ln(x) / ln(b).",
    "p = np.unique(y, return_counts=True)[1] / len(y); return float(-np.sum(p * np.log(p)) / np.log(base)), "
    "after rejecting a base that is <= 0 or equal to 1.",
)
TALKING_POINTS = {
    "use": (
        "The impurity (uncertainty) of a node's labels: the basis of information gain in ID3, C4.5 and "
        "sklearn's criterion='entropy'."
    ),
    "assumes": "Class frequencies estimate the class probabilities; only classes that occur count.",
    "pitfalls": (
        "0 log 0: absent classes must add 0; np.log(0) is -inf and 0 * -inf is nan.",
        "Base: bits (log2) for trees, nats for scipy.stats.entropy's default; H_2 = H_e / ln 2.",
        (
            "Counts, not labels: scipy.stats.entropy(pk) reads pk as (unnormalised) probabilities; pass the "
            "class counts, not the labels themselves."
        ),
    ),
    "cost": "O(n) time with bincount for small integer labels, O(n log n) with np.unique; O(k) memory.",
    "follow_ups": (
        (
            "The largest entropy with K classes?",
            "log_b K, when all are equally frequent: 1 bit for two balanced classes.",
        ),
        (
            "Entropy or Gini for a tree?",
            (
                "Both are 0 when pure and largest when uniform, and usually choose similar splits; Gini "
                "needs no logarithm."
            ),
        ),
        (
            "Entropy and cross-entropy?",
            "H(P, Q) = H(P) + KL(P || Q) >= H(P): the cost of coding P with Q's code.",
        ),
    ),
}
QUIZ = (
    {
        "question": "entropy(['a', 'a', 'b', 'b', 'c', 'c', 'c', 'c']) in bits?",
        "answer": 1.5,
        "tolerance": 1e-12,
        "check": "entropy(['a', 'a', 'b', 'b', 'c', 'c', 'c', 'c'])",
        "why": "-(1/4 log2 1/4 + 1/4 log2 1/4 + 1/2 log2 1/2) = 0.5 + 0.5 + 0.5.",
    },
    {
        "question": "The entropy in bits of a node with two balanced classes?",
        "choices": (
            "0",
            "0.5",
            "1",
            "ln 2",
        ),
        "answer": 2,
        "why": "log2 2 = 1.",
    },
)
### END META
