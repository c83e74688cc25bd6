"""Recall at k of rankings, averaged over queries."""

import numpy as np


def recall_at_k(relevance, scores, k):
    r"""Mean over queries of the fraction of the relevant documents found in the top ``k``.

    For one query, rank its documents by decreasing score; documents with equal scores are
    ranked by their index, the lower index first (so ``[0.5, 0.9, 0.5]`` ranks documents 1,
    0, 2). With ``rel_(i)`` the relevance (0 or 1) of the document at position ``i`` and
    ``R`` the number of relevant documents of the query:

    .. math::

        \text{R@k} = \frac{1}{R}\sum_{i=1}^{\min(k,\, n_{docs})} rel_{(i)}

    A ``k`` at or beyond ``n_docs`` finds every relevant document (R@k = 1). A query with no
    relevant document (``R = 0``) scores 0 and still counts in the mean, as torchmetrics'
    ``retrieval_recall`` does (it returns 0 when no target is relevant).

    Parameters
    ----------
    relevance : array_like of shape (n_queries, n_docs)
        Binary relevance of each document to each query: 0 or 1 (bool, int or float).
    scores : array_like of shape (n_queries, n_docs)
        Predicted scores, finite; higher ranks first.
    k : int
        How many top positions count; a positive integer (a ``k`` beyond ``n_docs`` is
        allowed: every document is then retrieved).

    Returns
    -------
    float
        The mean R@k over the queries, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 2-D or differ in shape, if there are no queries or no
        documents, if a relevance is not 0 or 1, if a score is not finite, or if ``k`` is
        not a positive integer (``True`` and ``2.0`` are not integers here).

    See Also
    --------
    precision_at_k : the fraction of the top k documents that are relevant.
    ndcg_at_k : a graded, position-discounted version.

    Examples
    --------
    >>> relevance = [[1, 0, 1, 0], [0, 0, 0, 1]]
    >>> scores = [[0.9, 0.8, 0.3, 0.1], [0.5, 0.5, 0.5, 0.4]]
    >>> recall_at_k(relevance, scores, k=2)  # (1/2 + 0/1) / 2
    0.25
    >>> recall_at_k(relevance, scores, k=3)  # (2/2 + 0/1) / 2
    0.5
    >>> recall_at_k([[1, 0, 1], [0, 0, 0]], [[0.2, 0.2, 0.2], [0.1, 0.2, 0.3]], k=1)  # (1/2 + 0) / 2
    0.25
    """
    # YOUR CODE HERE
    raise NotImplementedError()
