"""Grader for ranking/mean_reciprocal_rank, against the definition.

No library computes it with this exercise's tie rule (lower document index first), so the
reference is the definition written independently of any vectorised solution: a Python sort
of each query's documents by (-score, index), one over the position (from 1) of the first
relevant one, 0 for a query with none, averaged over all queries.
"""

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import Differential, expect_cases, expect_rejected
from mlkata.grading.extremes import ranking_extremes
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.ranking import order_mistakes, ranked, ranking_bad_inputs, ranking_domain

mean_reciprocal_rank = student_function("mean_reciprocal_rank")
REFERENCE = (
    "the definition: 1 / rank of the first relevant by (-score, index), else 0 (independent implementation)"
)
DOMAIN = ranking_domain(2604, with_k=False)


def _mrr(relevance, scores, order="lower index first", empty=0.0, per_query=None):
    """MRR with one step done differently (for recognising mistakes)."""
    values = []
    for row in ranked(relevance, scores, order):
        ranks = [i + 1 for i, rel in enumerate(row) if rel]
        if not ranks:
            if empty is not None:
                values.append(empty)
            continue
        values.append(1.0 / ranks[0] if per_query is None else per_query(ranks))
    return float(np.mean(values)) if values else 0.0


@cached_reference
def reference(relevance, scores):
    return _mrr(relevance, scores)


def _optimistic(relevance, scores):
    """Rank of the best relevant document as 1 + the number of strictly higher scores."""
    rel, s = np.asarray(relevance) != 0, np.asarray(scores, dtype=np.float64)
    values = []
    for r, row in zip(rel, s, strict=True):
        values.append(1.0 / (1 + np.sum(row > row[r].max())) if r.any() else 0.0)
    return float(np.mean(values))


def _reciprocal_of_mean_rank(relevance, scores):
    ranks = [row.index(1) + 1 for row in ranked(relevance, scores) if 1 in row]
    return 1.0 / np.mean(ranks) if ranks else 0.0


MISTAKES = (
    *order_mistakes(_mrr),
    Mistake(
        "a query with no relevant document scores 0: argmax of an all-zero row is 0, which looks like "
        "a relevant document at rank 1",
        lambda r, s: _mrr(r, s, empty=1.0),
    ),
    Mistake(
        "a query with no relevant document scores 0 and still counts in the mean: you left it out",
        lambda r, s: _mrr(r, s, empty=None),
    ),
    Mistake(
        "only the first relevant document counts: you averaged 1 / rank over every relevant document",
        lambda r, s: _mrr(r, s, per_query=lambda ranks: float(np.mean([1.0 / q for q in ranks]))),
    ),
    Mistake(
        "only the first relevant document counts: you summed 1 / rank over every relevant document",
        lambda r, s: _mrr(r, s, per_query=lambda ranks: float(np.sum([1.0 / q for q in ranks]))),
    ),
    Mistake(
        "average the reciprocal ranks, not the ranks: you took 1 / (mean rank)",
        _reciprocal_of_mean_rank,
    ),
    Mistake(
        "a document tied with the first relevant one but of lower index ranks ahead of it: count "
        "it too (you counted only strictly higher scores)",
        _optimistic,
    ),
)


@points(3)
def test_matches_the_definition_on_random_rankings(mean_reciprocal_rank):
    rng = seeded(2601)
    for queries, docs in ((4, 10), (1, 5), (30, 50), (6, 8), (3, 12)):
        relevance = (rng.random((queries, docs)) < 0.2).astype(int)
        relevance[:, -1] = 1  # every query has a relevant document
        scores = relevance + rng.normal(scale=1.5, size=(queries, docs))
        expect_close(
            mean_reciprocal_rank.call(relevance, scores),
            reference(relevance, scores),
            reference=REFERENCE,
            mistakes=MISTAKES,
        )


@points(2)
def test_tied_scores_go_to_the_lower_index(mean_reciprocal_rank):
    expect_close(
        mean_reciprocal_rank.call([[0, 0, 0, 1, 0]], [[0.2, 0.7, 0.7, 0.7, 0.7]]),
        1 / 3,
        reference="documents 1 to 4 tie: document 3, the relevant one, is third (after 1 and 2)",
        mistakes=MISTAKES,
    )
    rng = seeded(2602)
    for queries, docs in ((5, 6), (8, 12), (20, 30)):
        relevance = (rng.random((queries, docs)) < 0.3).astype(int)
        relevance[:, -1] = 1
        scores = rng.integers(0, 3, size=(queries, docs)).astype(float)  # many ties
        expect_close(
            mean_reciprocal_rank.call(relevance, scores),
            reference(relevance, scores),
            reference=REFERENCE + " with tied scores",
            mistakes=MISTAKES,
        )


@points(1)
def test_a_query_without_relevant_documents_scores_0(mean_reciprocal_rank):
    relevance = [[0, 1, 0, 1], [1, 0, 0, 0], [0, 0, 0, 0]]
    scores = [[0.9, 0.8, 0.3, 0.1], [0.1, 0.5, 0.5, 0.3], [0.4, 0.3, 0.2, 0.1]]
    expect_close(
        mean_reciprocal_rank.call(relevance, scores),
        0.25,
        reference="the docstring's example: (1/2 + 1/4 + 0) / 3",
        mistakes=MISTAKES,
    )


@points(2)
def test_every_corner_of_the_domain(mean_reciprocal_rank):
    expect_cases(
        mean_reciprocal_rank, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(mean_reciprocal_rank):
    expect_rejected(mean_reciprocal_rank, ranking_bad_inputs(DOMAIN, with_k=False))


def _masked_with(sentinel):
    """MRR with the irrelevant documents' scores replaced by ``sentinel`` to find the first relevant."""

    def compute(relevance, scores):
        relevant, s = np.asarray(relevance) != 0, np.asarray(scores, dtype=np.float64)
        first = np.argmax(np.where(relevant, s, sentinel), axis=1)[:, None]
        best = np.take_along_axis(s, first, axis=1)
        before = (s > best) | ((s == best) & (np.arange(s.shape[1]) < first))
        return float(np.mean(np.where(relevant.any(axis=1), 1.0 / (1 + before.sum(axis=1)), 0.0)))

    return compute


SENTINEL = Mistake(
    "masking the irrelevant documents with a large negative number (-1e9) is not enough: scores may "
    "be lower still (here down to -1e300); mask with -np.inf, or search the relevant documents only",
    _masked_with(-1e9),
)


@robust()
@points(1)
def test_extreme_inputs(mean_reciprocal_rank):
    cases = ranking_extremes(seeded(2605), with_k=False)
    expect_cases(
        mean_reciprocal_rank, cases, reference, reference_name=REFERENCE, mistakes=(*MISTAKES, SENTINEL)
    )


def _rankings(n, rng):
    """n documents: n // 100 queries of 100, 20 % relevant, scores rounded to 2 decimals (ties)."""
    shape = (max(n // 100, 1), 100)
    scores = np.round(rng.normal(size=shape), 2)
    return {"relevance": (rng.random(shape) < 0.2).astype(int), "scores": scores}


FAST = Fast(inputs=_rankings, within=5.0)


PROPERTIES = (Differential("mean_reciprocal_rank", DOMAIN, reference, REFERENCE),)
