"""Wrong versions of ranking/mean_reciprocal_rank."""

import numpy as np

from mlkata.mutants import mutant


def _checked(relevance, scores):
    rel, s = np.asarray(relevance), np.asarray(scores)
    if rel.ndim != 2 or rel.shape != s.shape or 0 in rel.shape:
        raise ValueError("bad shapes")
    if not np.all((rel == 0) | (rel == 1)) or not np.all(np.isfinite(s)):
        raise ValueError("bad values")
    return rel.astype(bool), s.astype(float)


def _ranked(rel, s, kind="stable"):
    return np.take_along_axis(rel, np.argsort(-s, axis=1, kind=kind), axis=1)


@mutant("mean_reciprocal_rank", hint="argmax of an all-zero row")
def argmax_of_an_empty_row(relevance, scores):
    ranked = _ranked(*_checked(relevance, scores))
    return float(np.mean(1.0 / (ranked.argmax(axis=1) + 1)))


@mutant("mean_reciprocal_rank", hint="you left it out")
def irrelevant_queries_skipped(relevance, scores):
    ranked = _ranked(*_checked(relevance, scores))
    found = ranked.any(axis=1)
    return float(np.mean(1.0 / (ranked[found].argmax(axis=1) + 1))) if found.any() else 0.0


@mutant("mean_reciprocal_rank", hint="np.argsort's default quicksort")
def unstable_sort(relevance, scores):
    ranked = _ranked(*_checked(relevance, scores), kind="quicksort")
    return float(np.mean(np.where(ranked.any(axis=1), 1.0 / (ranked.argmax(axis=1) + 1), 0.0)))


@mutant("mean_reciprocal_rank", hint="count it too")
def ties_counted_in_favour(relevance, scores):
    rel, s = _checked(relevance, scores)
    best = np.where(rel, s, -np.inf).max(axis=1, keepdims=True)
    rank = 1 + (s > best).sum(axis=1)
    return float(np.mean(np.where(rel.any(axis=1), 1.0 / rank, 0.0)))


@mutant("mean_reciprocal_rank", hint="averaged 1 / rank over every relevant document")
def every_relevant_document_counted(relevance, scores):
    ranked = _ranked(*_checked(relevance, scores))
    reciprocal = ranked / np.arange(1, ranked.shape[1] + 1)
    count = ranked.sum(axis=1)
    return float(np.mean(np.where(count > 0, reciprocal.sum(axis=1) / np.maximum(count, 1), 0.0)))


@mutant("mean_reciprocal_rank", hint="wraps around")
def negated_in_the_input_dtype(relevance, scores):
    rel, _ = _checked(relevance, scores)
    ranked = np.take_along_axis(rel, np.argsort(-np.asarray(scores), axis=1, kind="stable"), axis=1)
    return float(np.mean(np.where(ranked.any(axis=1), 1.0 / (ranked.argmax(axis=1) + 1), 0.0)))


@mutant("mean_reciprocal_rank", hint="1 / (mean rank)")
def reciprocal_of_the_mean_rank(relevance, scores):
    ranked = _ranked(*_checked(relevance, scores))
    found = ranked.any(axis=1)
    return float(1.0 / np.mean(ranked[found].argmax(axis=1) + 1)) if found.any() else 0.0


@mutant("mean_reciprocal_rank")
def graded_relevance_accepted(relevance, scores):
    rel = np.asarray(relevance, dtype=float) > 0
    _, s = _checked(rel, scores)
    ranked = _ranked(rel, s)
    return float(np.mean(np.where(ranked.any(axis=1), 1.0 / (ranked.argmax(axis=1) + 1), 0.0)))


@mutant("mean_reciprocal_rank", hint="large negative number (-1e9)", level=2)
def masks_with_minus_1e9(relevance, scores):
    """The irrelevant documents masked with -1e9, as attention masks do: scores below it break it."""
    rel, s = _checked(relevance, scores)
    first = np.argmax(np.where(rel, s, -1e9), axis=1)[:, None]
    best = np.take_along_axis(s, first, axis=1)
    before = (s > best) | ((s == best) & (np.arange(s.shape[1]) < first))
    return float(np.mean(np.where(rel.any(axis=1), 1.0 / (1 + before.sum(axis=1)), 0.0)))
