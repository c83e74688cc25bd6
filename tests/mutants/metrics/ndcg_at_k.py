"""Wrong versions of metrics/ndcg_at_k."""

import numpy as np

from mlkata.mutants import mutant


def _checked(relevance, scores, k):
    rel, s = np.asarray(relevance, float), np.asarray(scores, float)
    if rel.ndim != 2 or rel.shape != s.shape or rel.shape[0] == 0 or rel.shape[1] < 2:
        raise ValueError("bad shapes")
    if np.any(rel < 0):
        raise ValueError("negative relevance")
    if k is not None and k < 1:
        raise ValueError("bad k")
    return rel, s


def _discounts(n_docs, k):
    discount = 1 / np.log2(np.arange(n_docs) + 2)
    if k is not None:
        discount[k:] = 0
    return discount


def _tie_averaged(rel_row, score_row):
    values, inverse = np.unique(-score_row, return_inverse=True)
    means = np.array([rel_row[inverse == g].mean() for g in range(values.size)])
    return means[inverse[np.argsort(-score_row, kind="stable")]]


def _mean_ndcg(dcg, ideal):
    return float(np.mean(np.where(ideal > 0, dcg / np.where(ideal > 0, ideal, 1), 0.0)))


@mutant("ndcg_at_k", hint="exponential gain")
def exponential_gain(relevance, scores, k=None):
    rel, s = _checked(relevance, scores, k)
    gain = 2**rel - 1
    discount = _discounts(rel.shape[1], k)
    dcg = np.array([_tie_averaged(g, row) @ discount for g, row in zip(gain, s, strict=True)])
    return _mean_ndcg(dcg, -np.sort(-gain, axis=1) @ discount)


@mutant("ndcg_at_k", hint="tied scores leave the order open")
def ties_in_input_order(relevance, scores, k=None):
    rel, s = _checked(relevance, scores, k)
    discount = _discounts(rel.shape[1], k)
    ranked = np.take_along_axis(rel, np.argsort(-s, axis=1, kind="stable"), axis=1)
    return _mean_ndcg(ranked @ discount, -np.sort(-rel, axis=1) @ discount)


@mutant("ndcg_at_k", hint="cut the ideal DCG at k too")
def ideal_over_all_documents(relevance, scores, k=None):
    rel, s = _checked(relevance, scores, k)
    discount = _discounts(rel.shape[1], k)
    dcg = np.array([_tie_averaged(r, row) @ discount for r, row in zip(rel, s, strict=True)])
    return _mean_ndcg(dcg, -np.sort(-rel, axis=1) @ _discounts(rel.shape[1], None))


@mutant("ndcg_at_k", hint="still counts in the mean")
def irrelevant_queries_skipped(relevance, scores, k=None):
    rel, s = _checked(relevance, scores, k)
    discount = _discounts(rel.shape[1], k)
    dcg = np.array([_tie_averaged(r, row) @ discount for r, row in zip(rel, s, strict=True)])
    ideal = -np.sort(-rel, axis=1) @ discount
    return float(np.mean(dcg[ideal > 0] / ideal[ideal > 0]))


@mutant("ndcg_at_k")
def one_dimensional_accepted(relevance, scores, k=None):
    rel, s = np.atleast_2d(np.asarray(relevance, float)), np.atleast_2d(np.asarray(scores, float))
    rel, s = _checked(rel, s, k)
    discount = _discounts(rel.shape[1], k)
    dcg = np.array([_tie_averaged(r, row) @ discount for r, row in zip(rel, s, strict=True)])
    return _mean_ndcg(dcg, -np.sort(-rel, axis=1) @ discount)


def _ndcg(rel, s, k):
    discount = _discounts(rel.shape[1], k)
    scores = []
    for rel_row, score_row in zip(rel, s, strict=True):
        ideal = np.sort(rel_row)[::-1] @ discount
        scores.append(_tie_averaged(rel_row, score_row) @ discount / ideal if ideal > 0 else 0.0)
    return float(np.mean(scores))


def _strict(relevance, scores, k):
    if isinstance(k, bool) or (k is not None and not isinstance(k, int | np.integer)):
        raise ValueError("k must be an integer")
    rel, s = _checked(relevance, scores, k)
    if not (np.all(np.isfinite(rel)) and np.all(np.isfinite(s))):
        raise ValueError("not finite")
    return rel, s


@mutant("ndcg_at_k")
def nan_accepted(relevance, scores, k=None):
    if isinstance(k, bool) or (k is not None and not isinstance(k, int | np.integer)):
        raise ValueError("k must be an integer")
    rel, s = _checked(relevance, scores, k)  # no np.isfinite check
    return _ndcg(rel, s, k)


@mutant("ndcg_at_k", hint="compare them exactly")
def float32_scores(relevance, scores, k=None):
    rel, s = _strict(relevance, scores, k)
    return _ndcg(rel, s.astype(np.float32), k)


@mutant("ndcg_at_k", hint="compare them exactly")
def isclose_ties(relevance, scores, k=None):
    rel, s = _strict(relevance, scores, k)
    merged = np.zeros_like(s)
    for row, values in enumerate(s):
        order = np.argsort(-values, kind="stable")
        group = np.concatenate([[0], np.cumsum(~np.isclose(values[order][1:], values[order][:-1]))])
        merged[row, order] = -group
    return _ndcg(rel, merged, k)


@mutant("ndcg_at_k")
def float_k_accepted(relevance, scores, k=None):
    rel, s = _checked(relevance, scores, k)
    if not (np.all(np.isfinite(rel)) and np.all(np.isfinite(s))):
        raise ValueError("not finite")
    return _ndcg(rel, s, None if k is None else int(k))
