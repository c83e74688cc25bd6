"""Wrong versions of ranking/precision_at_k."""

import numpy as np

from mlkata.mutants import mutant


def _checked(relevance, scores, k, cast=True):
    rel, s = np.asarray(relevance), np.asarray(scores)
    if rel.ndim != 2 or rel.shape != s.shape or 0 in rel.shape:
        raise ValueError("bad shapes")
    if not np.all((rel == 0) | (rel == 1)) or not np.all(np.isfinite(s)):
        raise ValueError("bad values")
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise ValueError("bad k")
    return rel.astype(float), (s.astype(float) if cast else s)


def _hits(rel, order, k):
    return np.take_along_axis(rel, order[:, :k], axis=1).sum(axis=1)


@mutant("precision_at_k", hint="np.argsort's default quicksort")
def unstable_sort(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    return float(np.mean(_hits(rel, np.argsort(-s, axis=1), k)) / k)


@mutant("precision_at_k", hint="higher index first")
def ties_to_the_higher_index(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    order = np.argsort(s, axis=1, kind="stable")[:, ::-1]
    return float(np.mean(_hits(rel, order, k)) / k)


@mutant("precision_at_k", hint="min(k, n_docs)")
def adaptive_k(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    order = np.argsort(-s, axis=1, kind="stable")
    return float(np.mean(_hits(rel, order, k)) / min(k, rel.shape[1]))


@mutant("precision_at_k", hint="still counts in the mean")
def irrelevant_queries_skipped(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    hits = _hits(rel, np.argsort(-s, axis=1, kind="stable"), k)
    keep = rel.any(axis=1)
    return float(np.mean(hits[keep]) / k) if keep.any() else 0.0


@mutant("precision_at_k", hint="wraps around")
def negated_in_the_input_dtype(relevance, scores, k):
    rel, _ = _checked(relevance, scores, k)
    s = np.asarray(scores)
    return float(np.mean(_hits(rel, np.argsort(-s, axis=1, kind="stable"), k)) / k)


@mutant("precision_at_k", hint="compare them in float64")
def float32_scores(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    order = np.argsort(-s.astype(np.float32), axis=1, kind="stable")
    return float(np.mean(_hits(rel, order, k)) / k)


@mutant("precision_at_k", hint="you took k + 1")
def one_too_many(relevance, scores, k):
    rel, s = _checked(relevance, scores, k)
    return float(np.mean(_hits(rel, np.argsort(-s, axis=1, kind="stable"), k + 1)) / k)


@mutant("precision_at_k")
def float_k_accepted(relevance, scores, k):
    if isinstance(k, float) and k.is_integer():
        k = int(k)
    rel, s = _checked(relevance, scores, k)
    return float(np.mean(_hits(rel, np.argsort(-s, axis=1, kind="stable"), k)) / k)


@mutant("precision_at_k")
def graded_relevance_accepted(relevance, scores, k):
    """Relevance 2 counts as relevant instead of being refused."""
    rel = (np.asarray(relevance, dtype=float) > 0).astype(float)
    _, s = _checked(rel, scores, k)
    return float(np.mean(_hits(rel, np.argsort(-s, axis=1, kind="stable"), k)) / k)


@mutant("precision_at_k", level=3)
def python_loop(relevance, scores, k):
    """Correct, a Python sort per query: far slower than numpy at 1e6 documents."""
    rel, s = _checked(relevance, scores, k)
    total = 0.0
    for row_rel, row_s in zip(rel.tolist(), s.tolist(), strict=True):
        order = sorted(range(len(row_s)), key=lambda j: (-row_s[j], j))
        total += sum(row_rel[j] for j in order[:k]) / k
    return total / len(rel)
