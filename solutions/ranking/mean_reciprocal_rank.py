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
    relevant = relevance.astype(bool)
    # The first relevant document in the ranking: the relevant one of highest score, the lowest
    # index among ties (np.argmax returns the first maximum).
    first = np.argmax(np.where(relevant, scores, -np.inf), axis=1)[:, None]
    best = np.take_along_axis(scores, first, axis=1)
    before = (scores > best) | ((scores == best) & (np.arange(n_docs) < first))
    rank = 1.0 + np.count_nonzero(before, axis=1)
    reciprocal = np.where(relevant.any(axis=1), 1.0 / rank, 0.0)
    return float(np.mean(reciprocal))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "For each query, where in the ranking is the first relevant document? Ranks start at 1. "
    "What if there is none, and what if it ties with an irrelevant document?",
    "Rank each row with np.argsort(-scores, axis=1, kind='stable') (ties keep the lower index "
    "first), look up the relevance in that order, and find the first 1; a row without any 1 "
    "gives 0.",
    "ranked = np.take_along_axis(relevance, np.argsort(-scores, axis=1, kind='stable'), axis=1); "
    "first = ranked.argmax(axis=1); rr = np.where(ranked.any(axis=1), 1 / (first + 1), 0); "
    "return rr.mean().",
)
TALKING_POINTS = {
    "use": (
        "When only the first relevant result matters: question answering, navigational search, autocomplete."
    ),
    "assumes": "Binary relevance; documents after the first relevant one are ignored.",
    "pitfalls": (
        "No relevant document: the query scores 0 and still counts in the mean.",
        (
            "Ties: a fixed rule (lower index first here) keeps it reproducible; an optimistic tie rule "
            "inflates it."
        ),
        "Heavily skewed: moving a hit from rank 1 to 2 costs 0.5, from 10 to 20 only 0.05.",
    ),
    "cost": (
        "O(q d log d) with a sort; O(q d) without one: the first hit is the best-scored relevant "
        "document, its rank 1 + the documents ranked above it."
    ),
    "follow_ups": (
        (
            "MRR or MAP?",
            "MRR for one right answer per query; MAP when all relevant documents matter.",
        ),
        (
            "Is MRR the reciprocal of the mean rank?",
            "No: ranks 1 and 3 give an MRR of 2/3, while the reciprocal of their mean rank is 1/2.",
        ),
    ),
}
QUIZ = (
    {
        "question": "MRR of two queries whose first relevant documents are at ranks 1 and 4?",
        "answer": 0.625,
        "tolerance": 1e-09,
        "check": "mean_reciprocal_rank([[1, 0, 0, 0], [0, 0, 0, 1]], [[4, 3, 2, 1], [4, 3, 2, 1]])",
        "why": "(1 + 1/4) / 2.",
    },
    {
        "question": "What does MRR ignore?",
        "choices": (
            "The first relevant document",
            "Every relevant document after the first",
            "Queries with a relevant document",
            "The number of queries",
        ),
        "answer": 1,
        "why": "Only the rank of the first hit counts.",
    },
)
### END META
