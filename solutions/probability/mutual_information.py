"""Mutual information between two discrete labellings."""

import numpy as np


def mutual_information(x, y):
    r"""Mutual information ``I(X; Y)`` of two labellings of the same samples, in nats.

    .. math::

        I(X; Y) = \sum_{a, b} p(a, b) \ln \frac{p(a, b)}{p(a)\, p(b)}
                = \sum_{a, b} \frac{n_{ab}}{n} \ln \frac{n\, n_{ab}}{n_a\, n_b}

    ``n_ab`` counts the samples labelled ``a`` in ``x`` and ``b`` in ``y`` (the contingency
    table), ``n_a`` and ``n_b`` are its row and column sums. Only the pairs that occur
    contribute (``0 ln 0 = 0``). It is symmetric, at least 0, and 0 when the labellings
    are independent (a constant labelling carries no information); it is at most the
    entropy of either labelling, reached when one determines the other. Only which
    samples share a label matters, not the label values: renaming the labels, or using
    strings, leaves it unchanged.

    Parameters
    ----------
    x : array_like of shape (n,)
        One labelling: integers, strings or any sortable labels.
    y : array_like of shape (n,)
        The other labelling of the same ``n`` samples; its label set may differ from
        ``x``'s, in values and in size.

    Returns
    -------
    float
        ``I(X; Y) >= 0`` (natural log).

    Raises
    ------
    ValueError
        If an input is not 1-D or is empty, or if ``x`` and ``y`` differ in length.

    See Also
    --------
    sklearn.metrics.mutual_info_score : the reference.

    Examples
    --------
    >>> round(mutual_information([0, 0, 1, 1], ["a", "a", "b", "b"]), 6)  # y names x: ln 2
    0.693147
    >>> mutual_information([0, 1, 0, 1], [5, 5, 7, 7])  # independent labellings
    0.0
    >>> round(mutual_information([0, 0, 1, 1, 1, 1], [0, 1, 1, 1, 2, 2]), 6)  # ln(3)/6 + ln(1.5)/3
    0.318257
    """
    ### BEGIN SOLUTION
    x = np.asarray(x)
    y = np.asarray(y)
    if x.ndim != 1 or y.ndim != 1:
        raise ValueError(f"x and y must be 1-D label vectors, got shapes {x.shape} and {y.shape}")
    if x.shape != y.shape:
        raise ValueError(f"length mismatch: x has {x.size} labels, y has {y.size}")
    n = x.size
    if n == 0:
        raise ValueError("empty input: there are no samples")
    # Each label's index in the sorted label set, and how many samples carry it.
    _, row, n_a = np.unique(x, return_inverse=True, return_counts=True)
    _, col, n_b = np.unique(y, return_inverse=True, return_counts=True)
    if n_a.size == 1 or n_b.size == 1:
        return 0.0  # a constant labelling: every term is ln(n n_b / (n n_b)) = 0
    # The cells of the contingency table that occur, each as one code row * k_b + col.
    cells, n_ab = np.unique(row * n_b.size + col, return_counts=True)
    i, j = np.divmod(cells, n_b.size)
    expected = n_a[i].astype(np.float64) * n_b[j]  # n_a n_b, in float: no integer overflow
    information = np.dot(n_ab, np.log(n * n_ab / expected)) / n
    return max(float(information), 0.0)  # rounding must not take it below 0
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "How often does each pair (label of x, label of y) occur? And what would that count be "
    "if the two labellings were independent?",
    "Count the pairs (the contingency table n_ab) and the labels of each side (n_a, n_b). "
    "Add (n_ab / n) * ln(n * n_ab / (n_a * n_b)) over the pairs that occur; np.unique with "
    "return_inverse=True turns any labels (strings too) into indices 0..k-1.",
    "_, i = np.unique(x, return_inverse=True); _, j = np.unique(y, return_inverse=True); "
    "table = np.zeros((i.max() + 1, j.max() + 1)); np.add.at(table, (i, j), 1); p = table / n; "
    "outer = np.outer(p.sum(1), p.sum(0)); keep = p > 0; return np.sum(p[keep] * "
    "np.log(p[keep] / outer[keep])).",
)
TALKING_POINTS = {
    "use": (
        "How much one discrete variable tells about another: selecting categorical features, comparing two "
        "clusterings."
    ),
    "assumes": "Two discrete labellings of the same samples; probabilities estimated by their frequencies.",
    "pitfalls": (
        (
            "Bias: on finite samples it is positive even for independent labels, more so with many labels; "
            "adjusted_mutual_info_score corrects for chance."
        ),
        "Scale: it is at most min(H(X), H(Y)); compare pairs with a normalised version.",
        (
            "Continuous variables: binning changes the value; mutual_info_regression uses a k-NN estimator "
            "instead."
        ),
    ),
    "cost": "O(n log n) time (np.unique sorts), O(n) memory.",
    "follow_ups": (
        (
            "In entropies?",
            "I(X; Y) = H(X) - H(X | Y) = H(X) + H(Y) - H(X, Y).",
        ),
        (
            "As a KL divergence?",
            "I(X; Y) = KL(P(X, Y) || P(X) P(Y)): how far the joint is from independence.",
        ),
        (
            "MI = 0 or correlation = 0?",
            (
                "MI = 0 means independence, which implies zero correlation; zero correlation does not imply "
                "MI = 0."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "mutual_information([0, 0, 1, 1], [0, 0, 0, 1])?",
        "answer": 0.2158,
        "tolerance": 0.001,
        "check": "mutual_information([0, 0, 1, 1], [0, 0, 0, 1])",
        "why": "0.5 ln(4/3) + 0.25 ln(2/3) + 0.25 ln 2.",
    },
    {
        "question": "mutual_information(y, y) equals:",
        "choices": (
            "0",
            "the entropy of y, in nats",
            "1",
            "ln 2, whatever y is",
        ),
        "answer": 1,
        "why": "I(Y; Y) = H(Y) - H(Y | Y) = H(Y).",
    },
)
### END META
