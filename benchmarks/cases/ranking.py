"""Benchmark cases of the ranking exercises."""

from __future__ import annotations

import numpy as np

from . import Trial, case, fmt, quiet, shape, side

# --- ranking -----------------------------------------------------------------------------

K = 10


def _queries(rng, n):
    """A square (queries, docs) problem of n entries: 5% relevant, scores a noisy signal."""
    q = side(n)
    relevance = rng.random((q, q)) < 0.05
    return relevance, relevance + rng.normal(size=(q, q))


def _top_k_hits(relevance, scores, k):
    ranked = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(relevance, ranked, axis=1).sum(axis=1)


_BARE = "no library reference (the grader's is a loop over sorted documents): timed against the bare "
_BARE += "formula on a stable argsort per query, which checks nothing"


@case(
    "ranking/precision_at_k",
    f"stable np.argsort per query, hits in the top k / k (k={K})",
    unreferenced=True,
    note=_BARE,
)
def _precision(m, n, rng):
    relevance, scores = _queries(rng, n)
    return Trial(
        shape(*scores.shape),
        lambda: m.precision_at_k(relevance, scores, K),
        lambda: float(np.mean(_top_k_hits(relevance, scores, K)) / K),
    )


@case(
    "ranking/recall_at_k",
    f"stable np.argsort per query, hits in the top k / relevant (k={K})",
    unreferenced=True,
    note=_BARE,
)
def _recall(m, n, rng):
    relevance, scores = _queries(rng, n)

    def reference():
        total = relevance.sum(axis=1)
        hits = _top_k_hits(relevance, scores, K)
        return float(np.mean(np.where(total > 0, hits / np.maximum(total, 1), 0.0)))

    return Trial(shape(*scores.shape), lambda: m.recall_at_k(relevance, scores, K), reference)


@case("ranking/average_precision", "sklearn.metrics.average_precision_score")
def _average_precision(m, n, rng):
    from sklearn.metrics import average_precision_score

    y = (rng.random(n) < 0.3).astype(np.int64)
    score = y + rng.normal(size=n)
    reference = quiet(lambda: average_precision_score(y, score))
    return Trial(fmt(n), lambda: m.average_precision(y, score), reference)


@case(
    "ranking/mean_reciprocal_rank",
    "stable np.argsort per query, 1 / rank of the first relevant",
    unreferenced=True,
    note=_BARE,
)
def _mrr(m, n, rng):
    relevance, scores = _queries(rng, n)

    def reference():
        ranked = np.take_along_axis(relevance, np.argsort(-scores, axis=1, kind="stable"), axis=1)
        return float(np.mean(np.where(ranked.any(axis=1), 1.0 / (ranked.argmax(axis=1) + 1), 0.0)))

    return Trial(shape(*scores.shape), lambda: m.mean_reciprocal_rank(relevance, scores), reference)
