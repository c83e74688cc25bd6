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
    ### BEGIN SOLUTION
    relevance = np.asarray(relevance, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if relevance.ndim != 2 or scores.ndim != 2:
        raise ValueError(
            f"expected 2-D (queries, docs) inputs, got shapes {relevance.shape} and {scores.shape}"
        )
    if relevance.shape != scores.shape:
        raise ValueError(f"shape mismatch: relevance {relevance.shape}, scores {scores.shape}")
    n_queries, n_docs = relevance.shape
    if n_queries == 0:
        raise ValueError("no queries: the mean NDCG is undefined")
    if n_docs < 2:
        raise ValueError(f"NDCG needs at least two documents per query, got {n_docs}")
    if not (np.all(np.isfinite(relevance)) and np.all(np.isfinite(scores))):
        raise ValueError("relevance and scores must be finite")
    if np.any(relevance < 0):
        raise ValueError("relevance must not be negative")
    if k is not None and (isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1):
        raise ValueError(f"k must be a positive integer or None, got {k!r}")
    discount = 1.0 / np.log2(np.arange(n_docs) + 2.0)
    if k is not None:
        discount[k:] = 0.0

    # Any order of tied scores will do: the tie groups below average their gains. So no stable
    # sort, which is several times slower than numpy's default one.
    order = np.argsort(-scores, axis=1)
    ranked_scores = np.take_along_axis(scores, order, axis=1)
    ranked_gain = np.take_along_axis(relevance, order, axis=1)
    # Tie groups among the sorted scores: each position's group runs from start to end.
    new_group = np.ones((n_queries, n_docs), dtype=bool)
    new_group[:, 1:] = ranked_scores[:, 1:] != ranked_scores[:, :-1]
    positions = np.arange(n_docs)
    start = np.maximum.accumulate(np.where(new_group, positions, 0), axis=1)
    last = np.ones((n_queries, n_docs), dtype=bool)
    last[:, :-1] = new_group[:, 1:]
    end = np.minimum.accumulate(np.where(last, positions, n_docs - 1)[:, ::-1], axis=1)[:, ::-1]
    cumulative = np.zeros((n_queries, n_docs + 1))
    cumulative[:, 1:] = np.cumsum(ranked_gain, axis=1)
    rows = np.arange(n_queries)[:, None]
    group_mean = (cumulative[rows, end + 1] - cumulative[rows, start]) / (end - start + 1)
    dcg = group_mean @ discount

    ideal = -np.sort(-relevance, axis=1) @ discount
    ndcg = np.divide(dcg, ideal, out=np.zeros(n_queries), where=ideal > 0)
    return float(np.mean(ndcg))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "Where does the best possible DCG come from, and what should a query score whose documents "
    "are all irrelevant (best DCG = 0)? And if two documents have the same score, which one "
    "comes first?",
    "Sort each row by decreasing score; the gain is the relevance itself (not 2^rel - 1), the "
    "discount 1 / log2(position + 1) with positions from 1, zeroed after k. Within a tie group "
    "of scores, give every document the group's mean relevance.",
    "discount = 1 / np.log2(np.arange(n_docs) + 2); discount[k:] = 0; ideal = "
    "-np.sort(-relevance, axis=1) @ discount; dcg = tie-averaged sorted relevance @ discount; "
    "mean of dcg / ideal with 0 where ideal == 0.",
)
TALKING_POINTS = {
    "use": (
        "Scoring rankings with graded relevance (search, recommendations), where the top positions matter "
        "most."
    ),
    "assumes": (
        "Relevance grades are non-negative, gains are linear in them, and position i is discounted by 1 / "
        "log2(i + 1)."
    ),
    "pitfalls": (
        (
            "Ties: scikit-learn averages the gain over tied documents (ignore_ties=False); breaking ties "
            "by index gives another answer."
        ),
        (
            "A query with no relevant document has IDCG = 0: it scores 0 and still counts in the mean, as "
            "in scikit-learn."
        ),
        "Gains: many papers use 2^rel - 1, not rel; say which, as the scores differ.",
    ),
    "cost": "O(q d log d) time to sort each query's documents, O(q d) memory.",
    "follow_ups": (
        (
            "Why normalise by the ideal DCG?",
            "So that queries with many or few relevant documents are comparable, in [0, 1].",
        ),
        (
            "NDCG or MAP?",
            "NDCG uses graded relevance and a position discount; MAP needs binary relevance.",
        ),
    ),
}
QUIZ = (
    {
        "question": "ndcg_at_k([[0, 1]], [[0.9, 0.1]]): the relevant document ranked second?",
        "answer": 0.6309,
        "tolerance": 0.001,
        "check": "ndcg_at_k([[0, 1]], [[0.9, 0.1]])",
        "why": "DCG = 1 / log2(3) and IDCG = 1 / log2(2) = 1.",
    },
    {
        "question": "The discount of position 3 in DCG?",
        "choices": ("1/3", "1 / log2(3)", "1 / log2(4) = 1/2", "1 / 2^3"),
        "answer": 2,
        "why": "Position i is discounted by 1 / log2(i + 1).",
    },
)
### END META
