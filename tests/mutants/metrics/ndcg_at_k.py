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
