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
    ### BEGIN SOLUTION
    relevance = np.asarray(relevance)
    scores = np.asarray(scores, dtype=np.float64)
    if relevance.ndim != 2 or scores.ndim != 2:
        raise ValueError(
            f"expected 2-D (queries, docs) inputs, got shapes {relevance.shape} and {scores.shape}"
        )
    if relevance.shape != scores.shape:
        raise ValueError(f"shape mismatch: relevance {relevance.shape}, scores {scores.shape}")
    n_queries, n_docs = scores.shape
    if n_queries == 0 or n_docs == 0:
        raise ValueError(f"no queries or no documents: shape {scores.shape}")
    if not np.all((relevance == 0) | (relevance == 1)):
        raise ValueError("relevance must be binary: every value 0 or 1")
    if not np.all(np.isfinite(scores)):
        raise ValueError("scores must be finite")
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")
    relevant = relevance.astype(bool)
    if k >= n_docs:
        hits = np.count_nonzero(relevant, axis=1)
    else:
        # The k-th largest score of each query; every document above it is in the top k, and
        # of the documents tied with it, the first ones by index fill the places left.
        kth = -np.partition(-scores, k - 1, axis=1)[:, k - 1 : k]
        above = scores > kth
        tied = scores == kth
        room = k - np.count_nonzero(above, axis=1)
        in_top = above | (tied & (np.cumsum(tied, axis=1) <= room[:, None]))
        hits = np.count_nonzero(relevant & in_top, axis=1)
    return float(np.mean(hits) / k)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "For each query: which k documents come first when sorted by score, and how many of them "
    "are relevant? When two scores are equal, which document comes first?",
    "np.argsort(-scores, axis=1, kind='stable') ranks each row, ties by lower index (the "
    "default quicksort does not keep ties in order). Divide by k, not by the number of "
    "documents you got back, even when k > n_docs.",
    "order = np.argsort(-scores, axis=1, kind='stable')[:, :k]; hits = np.take_along_axis("
    "relevance, order, axis=1).sum(axis=1); return the mean of hits / k.",
)
TALKING_POINTS = {
    "use": (
        "How good the first page is: the share of the top k results that are relevant, when users only "
        "look at k."
    ),
    "assumes": "Binary relevance, and that order within the top k does not matter.",
    "pitfalls": (
        (
            "k > n_docs: here (as trec_eval) the missing positions count as irrelevant, so P@k < 1; other "
            "tools divide by n_docs. Say which."
        ),
        (
            "Ties in scores: break them deterministically (lower index first here), or the metric changes "
            "from run to run."
        ),
        "It ignores how many relevant documents exist: with 2 relevant, P@10 is at most 0.2.",
    ),
    "cost": (
        "O(q d log d) with a full sort; O(q d) with np.argpartition for the top k (then mind the tie rule)."
    ),
    "follow_ups": (
        (
            "P@k or R@k?",
            "P@k when the user sees k results; R@k when a later stage reranks the k found.",
        ),
        (
            "What does it miss?",
            "Order inside the top k: a hit at 1 or at k counts the same; use AP or NDCG.",
        ),
    ),
}
QUIZ = (
    {
        "question": "precision_at_k([[1, 0, 1, 0]], [[0.9, 0.8, 0.3, 0.1]], k=2)?",
        "answer": 0.5,
        "tolerance": 1e-09,
        "check": "precision_at_k([[1, 0, 1, 0]], [[0.9, 0.8, 0.3, 0.1]], k=2)",
        "why": "The top two are documents 0 and 1; one is relevant.",
    },
    {
        "question": "A query has 2 relevant documents: the best possible P@10?",
        "answer": 0.2,
        "tolerance": 1e-09,
        "check": "precision_at_k([[1, 1] + [0] * 8], [list(range(10, 0, -1))], k=10)",
        "why": "At most 2 of the 10 positions can be relevant.",
    },
)
### END META
