"""Normalised discounted cumulative gain of rankings, averaged over queries."""

import numpy as np


def ndcg_at_k(relevance, scores, k=None):
    r"""Mean NDCG@k of the rankings that ``scores`` induce, one row per query.

    For one query, rank the documents by decreasing score; the document at position
    ``i = 1, 2, ...`` contributes its relevance ``rel_i`` (linear gain) times the discount
    ``1 / log2(i + 1)``, for the top ``k`` positions only:

    .. math::

        \text{DCG@k} = \sum_{i=1}^{k} \frac{rel_i}{\log_2(i + 1)}, \qquad
        \text{NDCG@k} = \frac{\text{DCG@k}}{\text{IDCG@k}}

    where the ideal ``IDCG@k`` is the DCG@k of the documents sorted by relevance.

    Tied scores leave the order among them undecided, so every document of a tie group gets
    the group's mean relevance (the expected gain over the orders of the tie); the group's
    positions keep their own discounts, cut at ``k``. A query with no relevant document
    (IDCG = 0) scores 0 and still counts in the mean, as in scikit-learn.

    Parameters
    ----------
    relevance : array_like of shape (n_queries, n_docs)
        True relevance of each document, non-negative; n_docs >= 2.
    scores : array_like of shape (n_queries, n_docs)
        Predicted scores; higher ranks first.
    k : int, optional
        Only the top ``k`` positions count. ``None`` (default) means all documents; a ``k``
        larger than n_docs is the same as ``None``.

    Returns
    -------
    float
        The mean NDCG@k over the queries, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 2-D or differ in shape, if there are no queries or fewer than
        two documents, if a relevance is negative, if a value is not finite, or if ``k`` is
        not a positive integer.

    See Also
    --------
    sklearn.metrics.ndcg_score : the reference.

    Examples
    --------
    >>> round(ndcg_at_k([[3, 2, 0, 1]], [[0.9, 0.2, 0.5, 0.1]]), 6)
    0.930451
    >>> round(ndcg_at_k([[3, 2, 0, 1]], [[0.9, 0.2, 0.5, 0.1]], k=2), 6)
    0.703918
    >>> round(ndcg_at_k([[1, 0], [0, 0]], [[0.5, 0.5], [0.3, 0.1]]), 6)
    0.407732
    """
    # YOUR CODE HERE
    raise NotImplementedError()
