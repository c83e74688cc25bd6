"""Mean reciprocal rank: how soon the first relevant document comes, averaged over queries."""

import numpy as np


def mean_reciprocal_rank(relevance, scores):
    r"""Mean over queries of one over the rank of the first relevant document.

    For one query, rank its documents by decreasing score; documents with equal scores are
    ranked by their index, the lower index first (so ``[0.5, 0.9, 0.5]`` ranks documents 1,
    0, 2). Ranks count from 1. With ``rank_q`` the rank of the first relevant document of
    query ``q``:

    .. math::

        \text{MRR} = \frac{1}{n_{queries}} \sum_{q} \frac{1}{\text{rank}_q}

    A query with no relevant document scores 0 and still counts in the mean.

    Parameters
    ----------
    relevance : array_like of shape (n_queries, n_docs)
        Binary relevance of each document to each query: 0 or 1 (bool, int or float).
    scores : array_like of shape (n_queries, n_docs)
        Predicted scores, finite; higher ranks first.

    Returns
    -------
    float
        The MRR, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 2-D or differ in shape, if there are no queries or no
        documents, if a relevance is not 0 or 1, or if a score is not finite.

    See Also
    --------
    precision_at_k, recall_at_k : the same ranking and tie rule.

    Examples
    --------
    >>> relevance = [[0, 1, 0, 1], [1, 0, 0, 0], [0, 0, 0, 0]]
    >>> scores = [[0.9, 0.8, 0.3, 0.1], [0.1, 0.5, 0.5, 0.3], [0.4, 0.3, 0.2, 0.1]]
    >>> round(mean_reciprocal_rank(relevance, scores), 12)  # (1/2 + 1/4 + 0) / 3
    0.25
    >>> mean_reciprocal_rank([[0, 1, 1]], [[0.7, 0.7, 0.7]])  # tied: document 1 is second
    0.5
    """
    # YOUR CODE HERE
    raise NotImplementedError()
