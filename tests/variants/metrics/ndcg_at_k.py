"""Correct, differently written versions of metrics/ndcg_at_k."""

import math

import numpy as np


def _checked(relevance, scores, k):
    relevance, scores = np.asarray(relevance, dtype=float), np.asarray(scores, dtype=float)
    if relevance.ndim != 2 or relevance.shape != scores.shape:
        raise ValueError("relevance and scores must be 2-D arrays of one shape")
    if relevance.shape[0] == 0 or relevance.shape[1] < 2:
        raise ValueError("one query and two documents at least")
    if not (np.isfinite(relevance).all() and np.isfinite(scores).all()) or np.any(relevance < 0):
        raise ValueError("values must be finite, relevance non-negative")
    if k is not None and (isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1):
        raise ValueError("k must be a positive integer")
    n_docs = relevance.shape[1]
    cut = n_docs if k is None else min(k, n_docs)
    return relevance, scores, cut


def variant_tie_groups(relevance, scores, k=None):
    """Each tie group's mean gain times its positions' discounts (natural log: the base cancels)."""
    relevance, scores, cut = _checked(relevance, scores, k)
    discount = [1 / math.log(i + 2) if i < cut else 0.0 for i in range(relevance.shape[1])]
    total = 0.0
    for rel, row in zip(relevance.tolist(), scores.tolist(), strict=True):
        groups = {}
        for r, s in zip(rel, row, strict=True):
            groups.setdefault(s, []).append(r)
        dcg, start = 0.0, 0
        for s in sorted(groups, reverse=True):
            members = groups[s]
            dcg += sum(members) / len(members) * sum(discount[start : start + len(members)])
            start += len(members)
        ideal = sum(r * d for r, d in zip(sorted(rel, reverse=True), discount, strict=True))
        total += dcg / ideal if ideal > 0 else 0.0
    return total / relevance.shape[0]


def variant_pairwise_ranks(relevance, scores, k=None):
    """A document's positions run from the number scoring higher to the number scoring at least as high."""
    relevance, scores, cut = _checked(relevance, scores, k)
    n_docs = relevance.shape[1]
    discount = np.where(np.arange(n_docs) < cut, 1 / np.log2(np.arange(n_docs) + 2.0), 0.0)
    cumulative = np.concatenate([[0.0], np.cumsum(discount)])
    higher = (scores[:, None, :] > scores[:, :, None]).sum(axis=2)
    at_least = (scores[:, None, :] >= scores[:, :, None]).sum(axis=2)
    share = (cumulative[at_least] - cumulative[higher]) / (at_least - higher)
    dcg = np.einsum("qd,qd->q", relevance, share)
    ideal = -np.sort(-relevance, axis=1) @ discount
    return float(np.mean(np.divide(dcg, ideal, out=np.zeros_like(dcg), where=ideal > 0)))
