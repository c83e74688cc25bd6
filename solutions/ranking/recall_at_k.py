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
    total = np.count_nonzero(relevant, axis=1)
    if k >= n_docs:
        hits = total
    else:
        # The k-th largest score of each query; every document above it is in the top k, and
        # of the documents tied with it, the first ones by index fill the places left.
        kth = -np.partition(-scores, k - 1, axis=1)[:, k - 1 : k]
        above = scores > kth
        tied = scores == kth
        room = k - np.count_nonzero(above, axis=1)
        in_top = above | (tied & (np.cumsum(tied, axis=1) <= room[:, None]))
        hits = np.count_nonzero(relevant & in_top, axis=1)
    recall = np.divide(hits, total, out=np.zeros(n_queries), where=total > 0)
    return float(np.mean(recall))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "For each query: which k documents come first when sorted by score, and what share of "
    "the query's relevant documents is among them? What if the query has none?",
    "np.argsort(-scores, axis=1, kind='stable') ranks each row, ties by lower index (the "
    "default quicksort does not keep ties in order). Divide each query's hits by its own "
    "number of relevant documents; a query with none scores 0 and stays in the mean.",
    "order = np.argsort(-scores, axis=1, kind='stable')[:, :k]; hits = np.take_along_axis("
    "relevance, order, axis=1).sum(axis=1); total = relevance.sum(axis=1); the mean of "
    "np.where(total > 0, hits / np.maximum(total, 1), 0).",
)
TALKING_POINTS = {
    "use": (
        "Candidate retrieval before reranking: the share of all relevant documents that make it into the "
        "top k."
    ),
    "assumes": "Binary relevance and a known total of relevant documents per query.",
    "pitfalls": (
        (
            "No relevant document: R = 0 gives 0/0; here (as torchmetrics) it scores 0 and still counts "
            "in the mean, which lowers the average."
        ),
        "Easy to game: it never falls as k grows, and k = n_docs gives 1.",
        "Ties at the cut-off: break them by a fixed rule (lower index first here).",
    ),
    "cost": (
        "O(q d log d) with a full sort; O(q d) with np.argpartition for the top k (then mind the tie rule)."
    ),
    "follow_ups": (
        (
            "Why do retrieval systems report recall@100 or more?",
            "The first stage only needs to find candidates; a reranker fixes the order.",
        ),
        (
            "How do P@k and R@k relate for one query?",
            "R@k = P@k * k / R, with R the number of relevant documents.",
        ),
    ),
}
QUIZ = (
    {
        "question": "recall_at_k([[1, 0, 1, 0]], [[0.9, 0.8, 0.3, 0.1]], k=2)?",
        "answer": 0.5,
        "tolerance": 1e-09,
        "check": "recall_at_k([[1, 0, 1, 0]], [[0.9, 0.8, 0.3, 0.1]], k=2)",
        "why": "One of the two relevant documents is in the top two.",
    },
    {
        "question": "As k grows, recall@k?",
        "choices": ("Never decreases", "Never increases", "Stays the same", "Can go either way"),
        "answer": 0,
        "why": "A larger top k holds every document of the smaller one.",
    },
)
### END META
