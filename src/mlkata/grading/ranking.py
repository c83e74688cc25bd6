"""What the graders of the ranking exercises share: the domain, the reference ranking, tie rules.

``precision_at_k``, ``recall_at_k`` and ``mean_reciprocal_rank`` take ``(relevance, scores)``
of shape ``(n_queries, n_docs)``, rank each query's documents by decreasing score with ties
to the lower document index, and average a per-query number. Their graders build their domain
with :func:`ranking_domain`, their reference on :func:`ranked`, a plain Python sort per query
(independent of any vectorised solution), and recognise tie and order mistakes with the other
``order`` values of :func:`ranked`. The graders of the metrics at ``k`` run their random, tied
and fixed rankings through :func:`expect_random_rankings_at_k`, :func:`expect_tied_rankings_at_k`
and :func:`expect_at_each_k`.

Examples
--------
>>> ranked([[1, 0, 1]], [[0.5, 0.9, 0.5]])
[[0, 1, 1]]
>>> ranked([[1, 0, 1]], [[0.5, 0.9, 0.5]], order="higher index first")
[[0, 1, 1]]
>>> ranked([[1, 0, 0]], [[0.5, 0.9, 0.5]], order="higher index first")
[[0, 0, 1]]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from mlkata.grading.bad_inputs import BadInput
from mlkata.grading.domains import Domain, Labels, Reals
from mlkata.grading.judge import Mistake, expect_close
from mlkata.grading.proxy import StudentFunction
from mlkata.grading.scalars import Integer

ORDERS = (
    "lower index first",
    "higher index first",
    "numpy quicksort",
    "ascending",
    "float32",
    "uint8 negated",
)
"""How :func:`ranked` may order documents: the exercise's rule first, then the mistakes."""


def _order(score_row: np.ndarray, order: str) -> list[int]:
    n = len(score_row)
    if order == "lower index first":
        values = [float(s) for s in score_row]
        return sorted(range(n), key=lambda j: (-values[j], j))
    if order == "higher index first":
        values = [float(s) for s in score_row]
        return sorted(range(n), key=lambda j: (-values[j], -j))
    if order == "numpy quicksort":
        return [int(j) for j in np.argsort(-np.asarray(score_row, dtype=np.float64))]
    if order == "ascending":
        values = [float(s) for s in score_row]
        return sorted(range(n), key=lambda j: (values[j], j))
    if order == "float32":
        return _order(np.asarray(score_row, dtype=np.float64).astype(np.float32), "lower index first")
    if order == "uint8 negated":  # -scores in the scores' own dtype: uint8 wraps around
        return [int(j) for j in np.argsort(-np.asarray(score_row), kind="stable")]
    raise ValueError(f"unknown order {order!r}; one of {ORDERS}")


def ranked(relevance: Any, scores: Any, order: str = "lower index first") -> list[list[int]]:
    """Each query's relevance (0 or 1) in ranked order: by decreasing score, ties by ``order``."""
    relevance, scores = np.asarray(relevance), np.asarray(scores)
    return [
        [int(rel[j] != 0) for j in _order(row, order)] for rel, row in zip(relevance, scores, strict=True)
    ]


def _ties(how: str):
    def corner(values: dict, rng: np.random.Generator) -> dict:
        relevance, scores = values["relevance"], values["scores"]
        if how == "ties":
            return {**values, "scores": rng.integers(0, 3, size=scores.shape).astype(float)}
        if how == "all tied":
            return {**values, "scores": np.full(scores.shape, 0.25)}
        if how == "near ties":
            return {**values, "scores": 0.5 + 1e-10 * rng.normal(size=scores.shape)}
        if how == "sparse":
            sparse = (rng.random(relevance.shape) < 0.08).astype(relevance.dtype)
            sparse[::3] = 0  # every third query has no relevant document
            return {**values, "relevance": sparse}
        if how == "float relevance":
            return {**values, "relevance": relevance.astype(float)}
        if how == "k beyond":
            return {**values, "k": scores.shape[1] + 3}
        if how == "k = 1":
            return {**values, "k": 1, "scores": np.round(scores)}
        raise ValueError(how)

    return corner


def ranking_domain(seed: int, with_k: bool) -> Domain:
    """The domain of ``f(relevance, scores[, k])``: binary relevance, scores with ties and offsets.

    ``k`` (when ``with_k``) takes the sizes 1, 3, 10 and 5 (beyond the 3 documents of the last
    random case); the custom corners add many ties, all ties, scores 1e-10 apart, queries with
    no relevant document, float relevance, and for ``k`` a ``k`` beyond n_docs and ``k = 1``
    on tied scores.
    """
    args: tuple = (
        Labels("relevance", shape=("n", "d"), classes=(0, 1), alternatives=()),
        Reals("scores", shape=("n", "d"), uint8=True, offset=True, tiny=True, nan_rejected=True),
    )
    sizes = {"n": (1, 4, 30, 8), "d": (5, 10, 50, 3)}
    custom = {
        "many tied scores": _ties("ties"),
        "every score tied": _ties("all tied"),
        "scores 1e-10 apart": _ties("near ties"),
        "queries with no relevant document": _ties("sparse"),
        "float relevance": _ties("float relevance"),
    }
    if with_k:
        args = (*args, Integer("k"))
        sizes = {**sizes, "k": (1, 3, 10, 5)}
        custom = {**custom, "k beyond n_docs": _ties("k beyond"), "k = 1 on tied scores": _ties("k = 1")}
    corners = ("integers", "uint8", "bool", "float32", "offset", "tiny", "readonly", "lists")
    return Domain(seed=seed, args=args, sizes=sizes, corners=corners, custom=custom)


def ranking_bad_inputs(domain: Domain, with_k: bool) -> list[BadInput]:
    """The ``ValueError`` cases of the three exercises (``k`` included when ``with_k``)."""
    k = (2,) if with_k else ()
    rel, scores = [[1, 0, 1], [0, 1, 0]], [[0.3, 0.2, 0.1], [0.5, 0.4, 0.6]]
    bad = [
        BadInput("relevance is (1, 3) and scores (1, 2)", ([[1, 0, 1]], [[0.1, 0.2]], *k)),
        BadInput(
            "the inputs must be 2-D (queries, docs): wrap one query as [[...]]",
            ([1, 0, 1], [0.3, 0.2, 0.1], *k),
        ),
        BadInput("there are no documents", (np.zeros((2, 0)), np.zeros((2, 0)), *k)),
        BadInput("relevance must be binary, and 2 is not 0 or 1", ([[2, 0, 1]], [[0.3, 0.2, 0.1]], *k)),
        BadInput("relevance must be binary, and -1 is not 0 or 1", ([[1, -1, 0]], [[0.3, 0.2, 0.1]], *k)),
        BadInput("a score is infinite", (rel, [[0.3, np.inf, 0.1], [0.5, 0.4, 0.6]], *k)),
        BadInput("a score is NaN", (rel, [[0.3, 0.2, 0.1], [np.nan, 0.4, 0.6]], *k)),
    ]
    if with_k:
        for wrong, why in ((0, "0 is not positive"), (-1, "-1 is not positive"), (2.0, "2.0 is a float")):
            bad.append(BadInput(f"k must be a positive integer: {why}", (rel, scores, wrong)))
        bad.append(BadInput("k must be a positive integer: True is a bool", (rel, scores, True)))
    return [*bad, *domain.bad_inputs()]


ORDER_HINTS = {
    "higher index first": "tied scores go to the lower document index first: you ranked tied documents "
    "higher index first",
    "numpy quicksort": "tied scores go to the lower document index first: np.argsort's default quicksort "
    "leaves tied documents in no particular order; use kind='stable' on -scores",
    "ascending": "rank by decreasing score: you ranked the lowest scores first",
    "uint8 negated": "negating uint8 scores wraps around (-1 becomes 255): convert the scores to float first",
    "float32": "scores that differ, however little, are not tied: compare them in float64 (you rounded "
    "them to float32)",
}
"""The hint for each wrong ``order`` of :func:`ranked`."""


def order_mistakes(metric: Any) -> tuple[Mistake, ...]:
    """A :class:`~mlkata.grading.Mistake` per wrong order: ``metric(*args, order=...)`` computes it."""
    return tuple(
        Mistake(hint, lambda *args, order=order: metric(*args, order=order))
        for order, hint in ORDER_HINTS.items()
    )


# --- the checks of the metrics at k ---------------------------------------------------------------


def _expect_at_k(function, relevance, scores, k, reference, reference_name, mistakes):
    expect_close(
        function.call(relevance, scores, k),
        reference(relevance, scores, k),
        reference=reference_name,
        mistakes=mistakes,
    )


def expect_random_rankings_at_k(
    function: StudentFunction,
    rng: np.random.Generator,
    shapes: Iterable[tuple[int, int, int]],
    reference: Callable[..., float],
    reference_name: str,
    mistakes: Iterable[Mistake],
) -> None:
    """``f(relevance, scores, k)`` on a random ranking for each ``(queries, docs, k)`` of ``shapes``.

    About 40 % of the documents are relevant, document 0 in every query, and the scores lean
    towards the relevant ones.
    """
    mistakes = tuple(mistakes)
    for queries, docs, k in shapes:
        relevance = (rng.random((queries, docs)) < 0.4).astype(int)
        relevance[:, 0] = 1  # every query has a relevant document
        scores = relevance + rng.normal(scale=1.2, size=(queries, docs))
        _expect_at_k(function, relevance, scores, k, reference, f"{reference_name}, k={k}", mistakes)


def expect_tied_rankings_at_k(
    function: StudentFunction,
    rng: np.random.Generator,
    reference: Callable[..., float],
    reference_name: str,
    mistakes: Iterable[Mistake],
    last_relevant: bool = False,
) -> None:
    """``f(relevance, scores, k)`` on random rankings with many tied scores (each 0, 1 or 2).

    With ``last_relevant`` the last document of every query is relevant (so that every query
    has one).
    """
    mistakes = tuple(mistakes)
    for queries, docs, k in ((5, 6, 2), (8, 12, 4), (20, 30, 7)):
        relevance = rng.integers(0, 2, size=(queries, docs))
        if last_relevant:
            relevance[:, -1] = 1
        scores = rng.integers(0, 3, size=(queries, docs)).astype(float)  # many ties
        what = f"{reference_name}, k={k}, with tied scores"
        _expect_at_k(function, relevance, scores, k, reference, what, mistakes)


def expect_at_each_k(
    function: StudentFunction,
    relevance: np.ndarray,
    scores: np.ndarray,
    ks: Iterable[int],
    reference: Callable[..., float],
    reference_name: str,
    why: str,
    mistakes: Iterable[Mistake],
) -> None:
    """``f(relevance, scores, k)`` for each of ``ks``; ``why`` says in the message what is checked."""
    mistakes = tuple(mistakes)
    for k in ks:
        what = f"{reference_name}, k={k}: {why}"
        _expect_at_k(function, relevance, scores, k, reference, what, mistakes)
