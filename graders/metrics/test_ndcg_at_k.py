"""Grader for metrics/ndcg_at_k, against sklearn.metrics.ndcg_score."""

import numpy as np
from sklearn.metrics import ndcg_score

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.extremes import case, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

ndcg_at_k = student_function("ndcg_at_k")
REFERENCE = "sklearn.metrics.ndcg_score"


def _scores(how):
    """Tied scores, scores closer together than np.isclose (or float32) tells apart, irrelevant queries."""

    def corner(values, rng):
        relevance, scores = values["relevance"], values["scores"]
        if how == "ties":
            return {**values, "scores": np.round(relevance / 2 + rng.normal(size=scores.shape))}
        if how == "near ties":
            return {**values, "scores": 0.5 + 1e-10 * (relevance + rng.normal(size=scores.shape))}
        relevance = relevance.copy()
        relevance[::2] = 0.0  # every other query has no relevant document
        return {**values, "relevance": relevance, "k": 3}

    return corner


DOMAIN = Domain(
    seed=1804,
    args=(
        Reals(
            "relevance",
            shape=("n", "d"),
            low=0.0,
            high=3.0,
            uint8=True,
            offset=False,
            tiny=True,
            nan_rejected=True,
        ),
        Reals("scores", shape=("n", "d"), offset=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (1, 4, 30), "d": (5, 10, 50)},
    params=(
        Param(
            "k", None, values=(1, 3, 100), invalid=(0, -1, 2.5, True), why_invalid="is not a positive integer"
        ),
    ),
    custom={
        "tied scores": _scores("ties"),
        "scores 1e-10 apart": _scores("near ties"),
        "queries with no relevant document, k=3": _scores("irrelevant"),
    },
)


@cached_reference
def reference(relevance, scores, k=None):
    with np.errstate(invalid="ignore"):  # sklearn casts relevance near 1e300 to int64 to test its type
        return float(ndcg_score(np.asarray(relevance, float), np.asarray(scores, float), k=k))


def _variant(
    relevance,
    scores,
    k=None,
    *,
    gain=lambda r: r,
    first_position=1,
    order="average ties",
    ideal_cut=True,
    skip_irrelevant=False,
):
    """NDCG computed with one step done differently (for recognising mistakes)."""
    rel, s = np.asarray(relevance, float), np.asarray(scores, float)
    n_docs = rel.shape[1]
    discount = 1 / np.log2(np.arange(n_docs) + first_position + 1)
    cut = discount.copy()
    if k is not None:
        cut[k:] = 0
    results = []
    for r, row in zip(rel, s, strict=True):
        if order == "average ties":
            values, inverse = np.unique(-row, return_inverse=True)
            mean_gain = np.array([gain(r)[inverse == g].mean() for g in range(values.size)])
            ranked = mean_gain[inverse[np.argsort(-row, kind="stable")]]
        elif order == "first wins ties":
            ranked = gain(r)[np.argsort(-row, kind="stable")]
        else:  # last wins ties
            ranked = gain(r)[np.argsort(row, kind="stable")[::-1]]
        ideal = np.sort(gain(r))[::-1] @ (cut if ideal_cut else discount)
        if ideal == 0:
            results.append(np.nan if skip_irrelevant else 0.0)
        else:
            results.append(ranked @ cut / ideal)
    return np.nanmean(results)


def _isclose_ties(relevance, scores, k=None):
    s = np.asarray(scores, float)
    merged = np.zeros_like(s)
    for row, values in enumerate(s):
        order = np.argsort(-values, kind="stable")
        group = np.concatenate([[0], np.cumsum(~np.isclose(values[order][1:], values[order][:-1]))])
        merged[row, order] = -group
    return reference(relevance, merged, k)


MISTAKES = (
    Mistake(
        "the gain here is linear, the relevance itself: you used the exponential gain 2^rel - 1",
        lambda rel, s, k=None: _variant(rel, s, k, gain=lambda r: 2**r - 1),
    ),
    Mistake(
        "tied scores leave the order open: give every document of a tie group the group's mean "
        "relevance (you ranked tied documents in input order)",
        lambda rel, s, k=None: _variant(rel, s, k, order="first wins ties"),
    ),
    Mistake(
        "tied scores leave the order open: give every document of a tie group the group's mean "
        "relevance (you ranked tied documents in reverse input order)",
        lambda rel, s, k=None: _variant(rel, s, k, order="last wins ties"),
    ),
    Mistake(
        "scores that differ, however little, are not tied: compare them exactly, in float64 "
        "(np.isclose, or scores rounded to float32, make close scores ties)",
        _isclose_ties,
    ),
    Mistake(
        "the discount of position i (from 1) is 1 / log2(i + 1), so the top document's is "
        "1 / log2(2) = 1: your discounts are shifted by one position",
        lambda rel, s, k=None: _variant(rel, s, k, first_position=2),
    ),
    Mistake(
        "cut the ideal DCG at k too: IDCG@k sums only the k best relevances",
        lambda rel, s, k=None: _variant(rel, s, k, ideal_cut=False),
    ),
    Mistake(
        "only the top k positions count: you ignored k",
        lambda rel, s, k=None: reference(rel, s),
    ),
    Mistake(
        "a query with no relevant document (ideal DCG 0) scores 0 and still counts in the mean",
        lambda rel, s, k=None: _variant(rel, s, k, skip_irrelevant=True),
    ),
)


@points(3)
def test_matches_sklearn_on_random_rankings(ndcg_at_k):
    rng = seeded(1801)
    for queries, docs, k in ((1, 5, None), (4, 10, 3), (30, 50, 10), (6, 8, 8), (3, 4, 1)):
        relevance = rng.integers(0, 4, size=(queries, docs)).astype(float)
        relevance[:, 0] = 3  # every query has a relevant document
        scores = relevance + rng.normal(scale=1.5, size=(queries, docs))
        expect_close(
            ndcg_at_k.call(relevance, scores, k=k),
            reference(relevance, scores, k),
            reference=f"{REFERENCE}(k={k})",
            mistakes=MISTAKES,
        )


@points(2)
def test_tied_scores_share_their_gain(ndcg_at_k):
    expect_close(
        ndcg_at_k.call([[3.0, 0.0, 1.0, 2.0]], [[1.0, 1.0, 1.0, 0.0]]),
        reference([[3.0, 0.0, 1.0, 2.0]], [[1.0, 1.0, 1.0, 0.0]]),
        reference=REFERENCE + ": the first three documents tie, each gains (3 + 0 + 1) / 3",
        mistakes=MISTAKES,
    )
    rng = seeded(1802)
    for queries, docs, k in ((5, 6, None), (8, 12, 4), (20, 30, 7)):
        relevance = rng.integers(0, 3, size=(queries, docs)).astype(float)
        relevance[:, -1] = 2
        scores = rng.integers(0, 3, size=(queries, docs)).astype(float)  # many ties
        expect_close(
            ndcg_at_k.call(relevance, scores, k=k),
            reference(relevance, scores, k),
            reference=f"{REFERENCE}(k={k}) with tied scores",
            mistakes=MISTAKES,
        )


@points(1)
def test_irrelevant_queries_and_large_k(ndcg_at_k):
    relevance = np.array([[0.0, 0.0, 0.0, 0.0], [2.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 3.0]])
    scores = np.array([[0.4, 0.3, 0.2, 0.1], [0.1, 0.4, 0.3, 0.2], [0.9, 0.5, 0.1, 0.7]])
    for k in (None, 2, 10):
        expect_close(
            ndcg_at_k.call(relevance, scores, k=k),
            reference(relevance, scores, k),
            reference=f"{REFERENCE}(k={k}): an all-zero query scores 0 and counts; k > n_docs is all",
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(ndcg_at_k):
    expect_cases(ndcg_at_k, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(ndcg_at_k):
    expect_rejected(
        ndcg_at_k,
        [
            BadInput("relevance is (1, 3) and scores (1, 2)", ([[1, 0, 2]], [[0.1, 0.2]])),
            BadInput(
                "the inputs must be 2-D (queries, docs): wrap one query as [[...]]",
                ([1, 0, 2], [0.3, 0.2, 0.1]),
            ),
            BadInput("NDCG needs at least two documents per query", ([[1], [2]], [[0.5], [0.1]])),
            BadInput("a relevance is negative", ([[1, -1, 2]], [[0.3, 0.2, 0.1]])),
            BadInput("k must be a positive integer and 0 is not", ([[1, 0, 2]], [[0.3, 0.2, 0.1]]), {"k": 0}),
            BadInput("a score is infinite", ([[1, 0, 2]], [[0.3, np.inf, 0.1]])),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_extreme_inputs(ndcg_at_k):
    rng = seeded(1805)
    relevance = rng.integers(0, 4, size=(40, 10)).astype(float)
    cases = [
        case("relevance near 1e300", np.abs(near_overflow(rng, (5, 10))), rng.normal(size=(5, 10))),
        case("scores near +-1e300", relevance, near_overflow(rng, (40, 10))),
        case("every score of every query tied", relevance, np.zeros((40, 10))),
        case(
            "2000 queries of 2 documents, k=1",
            rng.integers(0, 3, size=(2000, 2)),
            rng.normal(size=(2000, 2)),
            k=1,
        ),
        case(
            "one query of 5000 documents, k=10",
            rng.integers(0, 5, size=(1, 5000)),
            rng.normal(size=(1, 5000)),
            k=10,
        ),
        case("no relevant document anywhere", np.zeros((3, 6)), rng.normal(size=(3, 6))),
    ]
    expect_cases(ndcg_at_k, cases, reference, reference_name=REFERENCE, mistakes=MISTAKES)


def _rankings(n, rng):
    """n values: n // 100 queries of 100 documents, relevance 0 to 3, scores with some ties."""
    shape = (max(n // 100, 1), 100)
    return {
        "relevance": rng.integers(0, 4, size=shape).astype(float),
        "scores": np.round(rng.normal(size=shape), 2),
    }


FAST = Fast(inputs=_rankings, within=5.0)


PROPERTIES = (Differential("ndcg_at_k", DOMAIN, reference, REFERENCE),)
