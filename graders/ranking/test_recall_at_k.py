"""Grader for ranking/recall_at_k, against the definition on the top k by score.

No library computes it with this exercise's tie rule (lower document index first), so the
reference is the definition written independently of any vectorised solution: a Python sort
of each query's documents by (-score, index), the relevant ones among the first k counted and
divided by the query's number of relevant documents. A query with none scores 0 and counts in
the mean (torchmetrics' retrieval_recall returns 0 for it too).
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

recall_at_k = student_function("recall_at_k")
REFERENCE = "the definition: relevant in the top k by (-score, index) / relevant (independent implementation)"
DOMAIN = ranking_domain(2504, with_k=True)


def _recall(relevance, scores, k, order="lower index first", divide_by="relevant", top=None, empty=0.0):
    """Mean R@k with one step done differently (for recognising mistakes)."""
    values = []
    for row in ranked(relevance, scores, order):
        hits, total = sum(row[: k if top is None else top(k)]), sum(row)
        if total == 0:
            if empty is not None:
                values.append(empty)
            continue
        values.append(hits / {"relevant": total, "k": k, "min(k, relevant)": min(k, total)}[divide_by])
    return float(np.mean(values)) if values else 0.0


@cached_reference
def reference(relevance, scores, k):
    return _recall(relevance, scores, k)


MISTAKES = (
    *order_mistakes(_recall),
    Mistake(
        "recall divides the hits by the query's number of relevant documents; dividing by k is precision",
        lambda r, s, k: _recall(r, s, k, divide_by="k"),
    ),
    Mistake(
        "recall divides the hits by the number of relevant documents, not by min(k, relevant)",
        lambda r, s, k: _recall(r, s, k, divide_by="min(k, relevant)"),
    ),
    Mistake(
        "a query with no relevant document scores 0 and still counts in the mean: you left it out",
        lambda r, s, k: _recall(r, s, k, empty=None),
    ),
    Mistake(
        "a query with no relevant document scores 0 (there is nothing to find): you scored it 1",
        lambda r, s, k: _recall(r, s, k, empty=1.0),
    ),
    Mistake(
        "the top k is k documents: you took k + 1", lambda r, s, k: _recall(r, s, k, top=lambda k: k + 1)
    ),
    Mistake(
        "the top k is k documents: you took k - 1", lambda r, s, k: _recall(r, s, k, top=lambda k: k - 1)
    ),
)


@points(3)
def test_matches_the_definition_on_random_rankings(recall_at_k):
    shapes = ((4, 10, 3), (1, 5, 2), (30, 50, 10), (6, 8, 1), (3, 12, 12))
    expect_random_rankings_at_k(recall_at_k, seeded(2501), shapes, reference, REFERENCE, MISTAKES)


@points(2)
def test_tied_scores_go_to_the_lower_index(recall_at_k):
    expect_close(
        recall_at_k.call([[0, 0, 1, 1]], [[0.5, 0.5, 0.5, 0.9]], 2),
        0.5,
        reference="documents 0, 1, 2 tie behind document 3: the top 2 are 3 and 0, one of the two relevant",
        mistakes=MISTAKES,
    )
    expect_tied_rankings_at_k(recall_at_k, seeded(2502), reference, REFERENCE, MISTAKES, last_relevant=True)


@points(1)
def test_irrelevant_queries_and_k_beyond_n_docs(recall_at_k):
    relevance = np.array([[0, 0, 0, 0, 0], [1, 1, 0, 0, 0], [1, 0, 0, 1, 0]])
    scores = np.array([[0.8, 0.7, 1.0, 0.1, 0.6], [1.4, 1.1, 0.0, 0.3, 0.4], [0.5, 1.3, 0.9, 0.2, 1.2]])
    why = "an all-zero query scores 0 and counts; k > n_docs finds all"
    expect_at_each_k(recall_at_k, relevance, scores, (2, 4, 7, 1), reference, REFERENCE, why, MISTAKES)


@points(2)
def test_every_corner_of_the_domain(recall_at_k):
    expect_cases(recall_at_k, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(recall_at_k):
    expect_rejected(recall_at_k, ranking_bad_inputs(DOMAIN, with_k=True))


@robust()
@points(1)
def test_extreme_inputs(recall_at_k):
    cases = ranking_extremes(seeded(2505), with_k=True)
    expect_cases(recall_at_k, cases, reference, reference_name=REFERENCE, mistakes=MISTAKES)


def _rankings(n, rng):
    """n documents: n // 100 queries of 100, 20 % relevant, scores rounded to 2 decimals (ties)."""
    shape = (max(n // 100, 1), 100)
    scores = np.round(rng.normal(size=shape), 2)
    return {"relevance": (rng.random(shape) < 0.2).astype(int), "scores": scores, "k": 10}


FAST = Fast(inputs=_rankings, within=5.0)


PROPERTIES = (Differential("recall_at_k", DOMAIN, reference, REFERENCE),)
