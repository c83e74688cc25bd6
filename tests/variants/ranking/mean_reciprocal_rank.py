"""Correct, differently written versions of ranking/mean_reciprocal_rank."""

import math

import numpy as np


def _inputs(relevance, scores):
    r, s = np.asarray(relevance), np.asarray(scores)
    if r.ndim != 2 or r.shape != s.shape or r.shape[0] == 0 or r.shape[1] == 0:
        raise ValueError("relevance and scores must be 2-D, non-empty, of one shape")
    if r.dtype.kind not in "biuf" or s.dtype.kind not in "biuf":
        raise ValueError("numeric inputs expected")
    if not np.all((r == 0) | (r == 1)):
        raise ValueError("relevance must be 0 or 1")
    if not np.all(np.isfinite(s)):
        raise ValueError("scores must be finite")
    return r.astype(bool), s.astype(np.float64)


def variant_scan_loop(relevance, scores):
    r, s = _inputs(relevance, scores)
    terms = []
    for rel_row, score_row in zip(r.tolist(), s.tolist(), strict=True):
        order = sorted(range(len(score_row)), key=lambda j: (-score_row[j], j))
        rank = next((pos for pos, j in enumerate(order, start=1) if rel_row[j]), None)
        terms.append(0.0 if rank is None else 1.0 / rank)
    return math.fsum(terms) / len(terms)


def variant_best_relevant_rank(relevance, scores):
    # the rank of a document = 1 + number of documents ahead of it; take the best relevant one
    r, s = _inputs(relevance, scores)
    n = s.shape[1]
    lower = np.arange(n)[None, :] < np.arange(n)[:, None]
    ahead = ((s[:, None, :] > s[:, :, None]) | ((s[:, None, :] == s[:, :, None]) & lower)).sum(axis=2)
    rank = np.where(r, ahead + 1, np.iinfo(np.int64).max)
    best = rank.min(axis=1)
    return float(np.mean(np.where(r.any(axis=1), 1.0 / np.minimum(best, n), 0.0)))


def variant_argmax_of_sorted(relevance, scores):
    r, s = _inputs(relevance, scores)
    idx = np.broadcast_to(np.arange(s.shape[1]), s.shape)
    order = np.lexsort((idx, -s), axis=1)
    ranked = np.take_along_axis(r, order, axis=1)
    first = ranked.argmax(axis=1)
    return float(np.mean(np.where(ranked.any(axis=1), 1.0 / (first + 1), 0.0)))
