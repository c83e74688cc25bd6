"""Correct, differently written versions of ranking/precision_at_k."""

import numbers

import numpy as np


def _inputs(relevance, scores, k):
    r, s = np.asarray(relevance), np.asarray(scores)
    if r.ndim != 2 or r.shape != s.shape or r.shape[0] == 0 or r.shape[1] == 0:
        raise ValueError("relevance and scores must be 2-D, non-empty, of one shape")
    if r.dtype.kind not in "biuf" or s.dtype.kind not in "biuf":
        raise ValueError("numeric inputs expected")
    if not np.all((r == 0) | (r == 1)):
        raise ValueError("relevance must be 0 or 1")
    if not np.all(np.isfinite(s)):
        raise ValueError("scores must be finite")
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or k < 1:
        raise ValueError("k must be a positive integer")
    return r.astype(bool), s.astype(np.float64), int(k)


def variant_sorted_key_loop(relevance, scores, k):
    r, s, k = _inputs(relevance, scores, k)
    total = 0.0
    for rel_row, score_row in zip(r.tolist(), s.tolist(), strict=True):
        order = sorted(range(len(score_row)), key=lambda j: (-score_row[j], j))
        total += sum(rel_row[j] for j in order[:k]) / k
    return total / len(r)


def variant_lexsort(relevance, scores, k):
    r, s, k = _inputs(relevance, scores, k)
    idx = np.broadcast_to(np.arange(s.shape[1]), s.shape)
    order = np.lexsort((idx, -s), axis=1)[:, :k]
    hits = np.take_along_axis(r, order, axis=1).sum(axis=1)
    return float(np.mean(hits / k))


def variant_beaten_by_count(relevance, scores, k):
    # a document is in the top k iff fewer than k documents rank ahead of it
    # (a higher score, or an equal score and a lower index)
    r, s, k = _inputs(relevance, scores, k)
    n = s.shape[1]
    higher = s[:, None, :] > s[:, :, None]  # [q, j, i]: doc i beats doc j by score
    lower_index = np.arange(n)[None, :] < np.arange(n)[:, None]  # [j, i]: i < j
    ahead = (higher | ((s[:, None, :] == s[:, :, None]) & lower_index)).sum(axis=2)
    in_top = ahead < k
    return float(np.mean((in_top & r).sum(axis=1) / k))
