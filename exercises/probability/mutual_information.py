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
    # YOUR CODE HERE
    raise NotImplementedError()
