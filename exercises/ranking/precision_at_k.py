"""Precision at k of rankings, averaged over queries."""

import numpy as np


def precision_at_k(relevance, scores, k):
    r"""Mean over queries of the fraction of the top ``k`` documents that are relevant.

    For one query, rank its documents by decreasing score; documents with equal scores are
    ranked by their index, the lower index first (so ``[0.5, 0.9, 0.5]`` ranks documents 1,
    0, 2). With ``rel_(i)`` the relevance (0 or 1) of the document at position ``i``:

    .. math::

        \text{P@k} = \frac{1}{k}\sum_{i=1}^{\min(k,\, n_{docs})} rel_{(i)}

    The denominator is ``k`` even when ``k > n_docs``: the missing positions count as
    irrelevant (as trec_eval, and torchmetrics' ``retrieval_precision`` by default, do). A
    query with no relevant document scores 0 and counts in the mean.

    Parameters
    ----------
    relevance : array_like of shape (n_queries, n_docs)
        Binary relevance of each document to each query: 0 or 1 (bool, int or float).
    scores : array_like of shape (n_queries, n_docs)
        Predicted scores, finite; higher ranks first.
    k : int
        How many top positions count; a positive integer (a ``k`` beyond ``n_docs`` is
        allowed, see above).

    Returns
    -------
    float
        The mean P@k over the queries, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 2-D or differ in shape, if there are no queries or no
        documents, if a relevance is not 0 or 1, if a score is not finite, or if ``k`` is
        not a positive integer (``True`` and ``2.0`` are not integers here).

    See Also
    --------
    recall_at_k : the fraction of the relevant documents found in the top k.
    ndcg_at_k : a graded, position-discounted version.

    Examples
    --------
    >>> relevance = [[1, 0, 1, 0], [0, 0, 0, 1]]
    >>> scores = [[0.9, 0.8, 0.3, 0.1], [0.5, 0.5, 0.5, 0.4]]
    >>> precision_at_k(relevance, scores, k=2)  # (1/2 + 0/2) / 2
    0.25
    >>> precision_at_k(relevance, scores, k=4)  # (2/4 + 1/4) / 2
    0.375
    >>> precision_at_k([[1, 0]], [[0.2, 0.2]], k=1)  # a tie: document 0 first
    1.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
