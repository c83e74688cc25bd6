"""Grader for ranking/precision_at_k, against the definition on the top k by score.

No library computes it with this exercise's tie rule (lower document index first), so the
reference is the definition written independently of any vectorised solution: a Python sort
of each query's documents by (-score, index), the relevant ones among the first k counted and
divided by k (as trec_eval and torchmetrics' retrieval_precision do, also for k > n_docs).
"""

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import Differential, expect_cases, expect_rejected
from mlkata.grading.extremes import ranking_extremes
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.ranking import (
    expect_at_each_k,
    expect_random_rankings_at_k,
    expect_tied_rankings_at_k,
    order_mistakes,
    ranked,
    ranking_bad_inputs,
    ranking_domain,
)

precision_at_k = student_function("precision_at_k")
REFERENCE = "the definition: relevant among the top k by (-score, index), / k (independent implementation)"
DOMAIN = ranking_domain(2404, with_k=True)


def _precision(relevance, scores, k, order="lower index first", divide_by="k", top=None, skip_empty=False):
    """Mean P@k with one step done differently (for recognising mistakes)."""
    values = []
    for row in ranked(relevance, scores, order):
        hits = sum(row[: k if top is None else top(k)])
        if skip_empty and not any(row):
            continue
        denominator = {"k": k, "min(k, n)": min(k, len(row)), "relevant": max(sum(row), 1)}[divide_by]
        values.append(hits / denominator)
    return float(np.mean(values)) if values else 0.0


@cached_reference
def reference(relevance, scores, k):
    return _precision(relevance, scores, k)


MISTAKES = (
    *order_mistakes(_precision),
    Mistake(
        "divide by k even when k > n_docs: the missing positions count as irrelevant (you divided by "
        "min(k, n_docs))",
        lambda r, s, k: _precision(r, s, k, divide_by="min(k, n)"),
    ),
    Mistake(
        "precision divides the hits by k; dividing by the number of relevant documents is recall",
        lambda r, s, k: _precision(r, s, k, divide_by="relevant"),
    ),
    Mistake(
        "a query with no relevant document scores 0 and still counts in the mean",
        lambda r, s, k: _precision(r, s, k, skip_empty=True),
    ),
    Mistake(
        "the top k is k documents: you took k + 1", lambda r, s, k: _precision(r, s, k, top=lambda k: k + 1)
    ),
    Mistake(
        "the top k is k documents: you took k - 1", lambda r, s, k: _precision(r, s, k, top=lambda k: k - 1)
    ),
)


@points(3)
def test_matches_the_definition_on_random_rankings(precision_at_k):
    shapes = ((1, 5, 2), (4, 10, 3), (30, 50, 10), (6, 8, 1), (3, 12, 12))
    expect_random_rankings_at_k(precision_at_k, seeded(2401), shapes, reference, REFERENCE, MISTAKES)


@points(2)
def test_tied_scores_go_to_the_lower_index(precision_at_k):
    expect_close(
        precision_at_k.call([[0, 0, 1, 1]], [[0.5, 0.5, 0.5, 0.9]], 2),
        0.5,
        reference="documents 0, 1, 2 tie behind document 3: the top 2 are documents 3 and 0, one relevant",
        mistakes=MISTAKES,
    )
    expect_tied_rankings_at_k(precision_at_k, seeded(2402), reference, REFERENCE, MISTAKES)


@points(1)
def test_k_beyond_n_docs_and_irrelevant_queries(precision_at_k):
    relevance = np.array([[0, 0, 0, 0, 0], [0, 0, 1, 1, 1], [1, 0, 1, 0, 1]])
    scores = np.array([[0.3, 0.4, 1.1, 1.0, 0.8], [0.2, 0.6, 0.5, 1.3, 0.7], [1.2, 0.9, 0.1, 1.4, 0.0]])
    why = "an all-zero query scores 0 and counts; k > n_docs divides by k"
    expect_at_each_k(precision_at_k, relevance, scores, (1, 2, 4, 7), reference, REFERENCE, why, MISTAKES)


@points(2)
def test_every_corner_of_the_domain(precision_at_k):
    expect_cases(
        precision_at_k, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(precision_at_k):
    expect_rejected(precision_at_k, ranking_bad_inputs(DOMAIN, with_k=True))


@robust()
@points(1)
def test_extreme_inputs(precision_at_k):
    cases = ranking_extremes(seeded(2405), with_k=True)
    expect_cases(precision_at_k, cases, reference, reference_name=REFERENCE, mistakes=MISTAKES)


def _rankings(n, rng):
    """n documents: n // 100 queries of 100, 20 % relevant, scores rounded to 2 decimals (ties)."""
    shape = (max(n // 100, 1), 100)
    scores = np.round(rng.normal(size=shape), 2)
    return {"relevance": (rng.random(shape) < 0.2).astype(int), "scores": scores, "k": 10}


FAST = Fast(inputs=_rankings, within=5.0)


PROPERTIES = (Differential("precision_at_k", DOMAIN, reference, REFERENCE),)
