"""Wrong versions of ranking/recall_at_k."""

import numpy as np

from mlkata.mutants import mutant


def _checked(relevance, scores, k):
    rel, s = np.asarray(relevance), np.asarray(scores)
    if rel.ndim != 2 or rel.shape != s.shape or 0 in rel.shape:
        raise ValueError("bad shapes")
    if not np.all((rel == 0) | (rel == 1)) or not np.all(np.isfinite(s)):
        raise ValueError("bad values")
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise ValueError("bad k")
    return rel.astype(float), s.astype(float)


def _hits(rel, s, k, kind="stable"):
    order = np.argsort(-s, axis=1, kind=kind)[:, :k]
    return np.take_along_axis(rel, order, axis=1).sum(axis=1)


def _mean_recall(hits, total, empty=0.0):
    return float(np.mean(np.where(total > 0, hits / np.maximum(total, 1), empty)))


@mutant("recall_at_k", hint="np.argsort's default quicksort")
def unstable_sort(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    return _mean_recall(_hits(rel, s, k, kind="quicksort"), rel.sum(axis=1))


@mutant("recall_at_k", hint="dividing by k is precision")
def divided_by_k(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    return float(np.mean(_hits(rel, s, k)) / k)


@mutant("recall_at_k", hint="not by min(k, relevant)")
def divided_by_min_k_and_relevant(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    cap = np.minimum(rel.sum(axis=1), k)
    return _mean_recall(_hits(rel, s, k), cap)


@mutant("recall_at_k", hint="you left it out")
def irrelevant_queries_skipped(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    total = rel.sum(axis=1)
    keep = total > 0
    return float(np.mean(_hits(rel, s, k)[keep] / total[keep])) if keep.any() else 0.0


@mutant("recall_at_k", hint="you scored it 1")
def irrelevant_queries_score_one(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    return _mean_recall(_hits(rel, s, k), rel.sum(axis=1), empty=1.0)


@mutant("recall_at_k", hint="wraps around")
def negated_in_the_input_dtype(relevance, scores, k):
    rel, _ = _checked(relevance, scores, k)
    order = np.argsort(-np.asarray(scores), axis=1, kind="stable")[:, :k]
    return _mean_recall(np.take_along_axis(rel, order, axis=1).sum(axis=1), rel.sum(axis=1))


@mutant("recall_at_k", hint="higher index first")
def ties_to_the_higher_index(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    order = np.argsort(s, axis=1, kind="stable")[:, ::-1][:, :k]
    return _mean_recall(np.take_along_axis(rel, order, axis=1).sum(axis=1), rel.sum(axis=1))


@mutant("recall_at_k")
def infinite_scores_accepted(relevance, scores, k):
    rel, s = np.asarray(relevance, dtype=float), np.asarray(scores, dtype=float)
    if rel.ndim != 2 or rel.shape != s.shape or 0 in rel.shape or not np.all((rel == 0) | (rel == 1)):
        raise ValueError("bad input")
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1 or np.isnan(s).any():
        raise ValueError("bad input")
    return _mean_recall(_hits(rel, s, k), rel.sum(axis=1))
