"""Grader for distances/pairwise_distances, against scipy.spatial.distance.cdist.

Besides matching cdist, the euclidean metric is timed against cdist (see ``SPEED_STAGES``).
"""

import time
from dataclasses import replace

import numpy as np
from scipy.spatial.distance import cdist

from mlkata.grading import (
    GradeFailure,
    Mistake,
    SubmissionError,
    expect_close,
    points,
    seeded,
    student_function,
    with_hints,
)
from mlkata.grading.checks import BadInput, Differential, call_case, expect_case, expect_rejected
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case, near_float32_max, near_overflow
from mlkata.grading.judge import returned
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

pairwise_distances = student_function("pairwise_distances")
SCIPY_METRIC = {"euclidean": "euclidean", "manhattan": "cityblock", "cosine": "cosine"}
REFERENCE = "scipy.spatial.distance.cdist (metric 'cityblock' for manhattan)"
# The expansion |x|^2 - 2 x.y + |y|^2 loses absolute (not relative) precision: about
# sqrt(eps) * |x| where the true distance is 0. atol covers that for the data used here.
RTOL, ATOL = 1e-7, 1e-6
METRICS = ("euclidean", "manhattan", "cosine")


def _int8(values, rng):
    """int8 points from -128 to 127: differences (and squares, and X @ Y.T) kept in int8 wrap."""
    for name in ("X", "Y"):
        values[name] = rng.integers(-128, 128, size=values[name].shape).astype(np.int8)
    return values


def _shared_and_parallel_rows(values, rng):
    """Y repeats rows of X and multiples of them: distances exactly 0 (cosine: parallel rows)."""
    X, Y = values["X"], values["Y"].copy()
    k = min(len(X), len(Y))
    Y[: k // 2] = X[: k // 2]
    Y[k // 2 : k] = 3.0 * X[k // 2 : k]
    values["Y"] = Y
    return values


DOMAIN = Domain(
    seed=7405,
    args=(
        Reals("X", ("n", "d"), uint8=True, offset=True, tiny=True),
        Reals("Y", ("m", "d"), loc=0.5, scale=2.0, uint8=True, offset=True, tiny=True),
    ),
    params=(
        Param(
            "metric",
            "euclidean",
            values=("manhattan", "cosine"),
            invalid=("chebyshev", "cityblock", "sqeuclidean"),
            why_invalid="is not one of euclidean, manhattan, cosine",
        ),
    ),
    sizes={"n": (1, 3, 40, 7), "m": (1, 5, 30, 200), "d": (1, 2, 8, 64)},
    custom={"int8 points": _int8, "shared and parallel rows": _shared_and_parallel_rows},
)
"""Every corner is tried with each metric (:func:`_with_metric`)."""


@cached_reference
def reference(X, Y, metric="euclidean"):
    return cdist(np.asarray(X, float), np.asarray(Y, float), SCIPY_METRIC[metric])


def _only(which, compute):
    """A mistake that only applies to one metric (None, never matching, for the others)."""
    return lambda X, Y, metric="euclidean": compute(X, Y) if metric == which else None


def _expansion(X, Y, cross=2.0):
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    return (X**2).sum(1)[:, None] - cross * X @ Y.T + (Y**2).sum(1)[None, :]


MISTAKES = (
    Mistake(
        "|x|^2 - 2 x.y + |y|^2 cancels catastrophically for points far from 0 (here near 1e9): "
        "subtract a common centre (X.mean(axis=0)) from X and Y first; distances do not change",
        _only("euclidean", lambda X, Y: np.sqrt(np.maximum(_expansion(X, Y), 0))),
    ),
    Mistake(
        "take the square root: these are squared Euclidean distances",
        _only("euclidean", lambda X, Y: reference(X, Y) ** 2),
    ),
    Mistake(
        "the result has shape (n, m), D[i, j] being the distance from X[i] to Y[j]: you returned "
        "its transpose (m, n)",
        lambda X, Y, metric="euclidean": reference(X, Y, metric).T,
    ),
    Mistake(
        "the expansion is |x|^2 - 2 x.y + |y|^2: check the sign of the cross term",
        _only("euclidean", lambda X, Y: np.sqrt(np.maximum(_expansion(X, Y, -2.0), 0))),
    ),
    Mistake(
        "the expansion is |x|^2 - 2 x.y + |y|^2: the cross term needs its factor 2",
        _only("euclidean", lambda X, Y: np.sqrt(np.maximum(_expansion(X, Y, 1.0), 0))),
    ),
    Mistake(
        "for metric='euclidean' square the differences: you computed Manhattan distances",
        _only("euclidean", lambda X, Y: reference(X, Y, "manhattan")),
    ),
    Mistake(
        "for metric='manhattan' sum |x_k - y_k|: you computed Euclidean distances",
        _only("manhattan", lambda X, Y: reference(X, Y, "euclidean")),
    ),
    Mistake(
        "for metric='cosine' return the cosine *distance* 1 - cos, not the similarity",
        _only("cosine", lambda X, Y: 1.0 - reference(X, Y, "cosine")),
    ),
    Mistake(
        "for metric='cosine' divide x . y by both norms |x| |y|: you returned the raw dot products, "
        "or 1 minus them",
        _only("cosine", lambda X, Y: 1.0 - np.asarray(X, float) @ np.asarray(Y, float).T),
    ),
)


def _check(outcome, X, Y, metric, what=""):
    expect_close(
        outcome,
        reference(X, Y, metric),
        reference=f"{REFERENCE}{what}",
        rtol=RTOL,
        atol=ATOL,
        mistakes=MISTAKES,
    )


@points(3)
def test_matches_cdist_on_random_inputs(pairwise_distances):
    rng = seeded(7401)
    for n, m, d in ((1, 1, 1), (3, 5, 2), (40, 30, 8), (7, 200, 64)):
        X, Y = rng.normal(size=(n, d)), rng.normal(loc=0.5, scale=2.0, size=(m, d))
        _check(pairwise_distances.call(X, Y), X, Y, "euclidean", " with the default metric, euclidean")
        for metric in ("euclidean", "manhattan", "cosine"):
            _check(pairwise_distances.call(X, Y, metric=metric), X, Y, metric)


@points(2)
def test_zero_distances_stay_accurate(pairwise_distances):
    rng = seeded(7402)
    X = rng.normal(size=(200, 6))
    Y = np.concatenate([X[::2], rng.normal(size=(20, 6))])
    for A, B, what in (
        (X, X, "pairwise_distances(X, X): every point is at distance 0 from itself"),
        (X, Y, "Y repeats half the rows of X"),
    ):
        outcome = pairwise_distances.call(A, B)
        got = np.asarray(returned(outcome), dtype=float)
        if got.shape == (len(A), len(B)) and np.isnan(got).any():
            raise GradeFailure(
                with_hints(
                    f"{outcome.call} returned nan at {int(np.isnan(got).sum())} entries ({what}).",
                    "rounding makes |x|^2 - 2 x.y + |y|^2 slightly negative when x = y; clip it at 0 "
                    "(np.maximum(..., 0)) before the square root",
                )
            )
        _check(outcome, A, B, "euclidean", f"; {what}")


# --- speed --------------------------------------------------------------------------------
# A stage: what, (n, m, d), allowed ratio of the learner's time to cdist's, the ratio above
# which retrying is pointless, attempts, and seconds of learner calls after which to stop.
# Ratios measured on a 2-core VM, idle to heavily loaded (load average 5), best of 3 attempts:
#   20000 x 2 x 3:    |x|^2 - 2x.y + |y|^2 1.2-18x, (n, m, d) broadcast 2-10x,
#                     loop over the rows of X 97-440x
#   2 x 20000 x 3:    expansion 3-9x, broadcast 8-11x, loop over the rows of Y 395-1050x
#   1000 x 1000 x 64: expansion 0.5x, loop over the features 6x, loop over rows 3x (!),
#                     broadcast 6x (its 512 MB temporaries paged in; more on a first call under
#                     load: the attempts leave room for a second), loop over pairs 85x
#                     (at 2000 x 2000 x 64, idle: 0.3x, 8x, 4x, 6x and 145x, for 4x the time)
# A loop over rows only shows on the first two shapes, where the per-row overhead dominates;
# a run there takes about a millisecond, so a loaded machine needs several attempts. The last
# shape keeps every loop-free formulation well inside 20x, a loop over pairs far outside it,
# and cdist at about 25 ms, so that grading it stays quick.
SPEED_STAGES = (
    ("20000 x 2 points with 3 features", (20000, 2, 3), 40.0, 400.0, 7, 3.0),
    ("2 x 20000 points with 3 features", (2, 20000, 3), 40.0, 400.0, 7, 3.0),
    ("1000 x 1000 points with 64 features", (1000, 1000, 64), 20.0, 50.0, 3, 12.0),
)
LOOP_STAGES = 2
"""The first stages, which time about a millisecond of work and so need in-process timing."""
REMOTE_OVERHEAD = 5e-4
"""Seconds a trivial call takes at least when calls go to a worker process (pytest --sandbox):
there ``outcome.seconds`` includes sending the arrays both ways, several milliseconds for the
first stages, so only the last stage (where cdist itself takes ~25 ms) can be judged."""
VECTORISE = (
    "vectorise: a Python loop over the rows (or over pairs of rows) is far slower than numpy. "
    "Compute all n * m distances at once: get every cross term x_i . y_j from one matrix product "
    "X @ Y.T and use |x - y|^2 = |x|^2 - 2 x.y + |y|^2 (broadcasting X[:, None, :] - Y[None, :, :] "
    "also works, but needs n * m * d memory)"
)


def _timed_call(function, X, Y, what):
    try:
        outcome = function.call(X, Y)
    except SubmissionError:
        raise
    except GradeFailure as stopped:  # stopped: out of time, or (pytest --sandbox) out of memory
        text = str(stopped)
        if "ran for more than" not in text and "out of memory" not in text:
            raise
        raise GradeFailure(with_hints(f"{text} (on {what})", VECTORISE)) from None
    if outcome.raised is not None and outcome.raised.type_name == "MemoryError":
        raise GradeFailure(with_hints(f"{outcome.call} ran out of memory on {what}", VECTORISE))
    returned(outcome)
    return outcome


def _expect_fast(function, X, Y, stage):
    """The learner's outcome and cdist's result, once a call took at most ``within`` x cdist."""
    what, _, within, give_up_above, attempts, budget = stage
    best, spent, runs = None, 0.0, 0
    while runs < attempts:
        # Time the reference right before each call, so both see the same machine load: once
        # before the first call (its result is needed anyway, and a vectorised call is far inside
        # the allowance), best of three before a retry, when the ratio is near the limit.
        reference_seconds = float("inf")
        for _ in range(1 if runs == 0 else 3):
            start = time.perf_counter()
            expected = cdist(X, Y)
            reference_seconds = min(reference_seconds, time.perf_counter() - start)
        outcome = _timed_call(function, X, Y, what)
        runs += 1
        spent += outcome.seconds
        ratio = outcome.seconds / reference_seconds
        if ratio <= within:
            return outcome, expected
        if best is None or ratio < best[0]:
            best = (ratio, outcome.seconds, reference_seconds)
        if ratio > give_up_above or spent > budget:
            break
    ratio, seconds, reference_seconds = best
    raise GradeFailure(
        with_hints(
            f"pairwise_distances on {what} took {seconds:.3g} s, {ratio:.0f} times as long as "
            f"scipy.spatial.distance.cdist ({reference_seconds:.3g} s); it may take at most {within:.0f} "
            f"times as long (best of {runs} {'runs' if runs > 1 else 'run'})",
            VECTORISE,
        )
    )


def _call_overhead(function):
    """The shortest of a few calls on 2 x 2 points: microseconds when called in-process."""
    X = np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 1.0]])
    return min(_timed_call(function, X, X[::-1], "2 x 2 points").seconds for _ in range(5))


@points(2)
def test_fast_as_vectorised_numpy(pairwise_distances):
    rng = seeded(7403)
    remote = _call_overhead(pairwise_distances) > REMOTE_OVERHEAD
    for stage in SPEED_STAGES[LOOP_STAGES:] if remote else SPEED_STAGES:
        what, (n, m, d) = stage[:2]
        X, Y = rng.normal(size=(n, d)), rng.normal(size=(m, d))
        outcome, expected = _expect_fast(pairwise_distances, X, Y, stage)
        expect_close(
            outcome, expected, reference=f"{REFERENCE} on {what}", rtol=RTOL, atol=ATOL, mistakes=MISTAKES
        )


def _with_metric(case, metric):
    return replace(case, kwargs={**case.kwargs, "metric": metric}) if metric != "euclidean" else case


def _judge(function, case):
    metric = case.kwargs.get("metric", "euclidean")
    if metric == "cosine" and any(not np.all(np.any(np.asarray(a) != 0, axis=1)) for a in case.args):
        return  # a zero row: refused, which test_rejects_bad_input checks
    expect_case(function, case, reference, reference_name=REFERENCE, mistakes=MISTAKES, rtol=RTOL, atol=ATOL)
    outcome = call_case(function, case)
    got = np.asarray(returned(outcome), dtype=float)
    if np.any(got < 0):
        raise GradeFailure(
            with_hints(
                f"{outcome.call} returned negative distances (the smallest {got.min()!r})",
                "rounding takes a distance of 0 (parallel rows for cosine) slightly below 0: clip "
                "(cosine distances to [0, 2])",
            )
        )


@points(2)
def test_every_corner_of_the_domain(pairwise_distances):
    for metric in METRICS:
        for corner in DOMAIN.corner_cases():
            _judge(pairwise_distances, _with_metric(corner, metric))


@points(1)
def test_rejects_bad_input(pairwise_distances):
    X, Y = [[0.0, 1.0], [2.0, 3.0]], [[1.0, 1.0]]
    expect_rejected(
        pairwise_distances,
        [
            BadInput(
                "'chebyshev' is not one of the metrics euclidean, manhattan, cosine",
                (X, Y),
                {"metric": "chebyshev"},
            ),
            BadInput(
                "'minkowski' is not one of the metrics euclidean, manhattan, cosine",
                (X, Y),
                {"metric": "minkowski"},
            ),
            BadInput("X has 2 features (columns) and Y has 3", (X, [[1.0, 1.0, 1.0]])),
            BadInput("X has 2 features (columns) and Y has 1", (X, [[1.0], [2.0]])),
            BadInput("X must be 2-D, one point per row", ([0.0, 1.0], Y)),
            BadInput("X has no rows", (np.zeros((0, 2)), Y)),
            BadInput(
                "the cosine distance is undefined for the zero row [0, 0]",
                ([[0.0, 0.0], [1.0, 2.0]], Y),
                {"metric": "cosine"},
            ),
            *DOMAIN.bad_inputs(),
        ],
    )


def _in_float32(X, Y, metric="euclidean"):
    """The distances computed in the points' own float32 (centred expansion, or |x - y| summed)."""
    X, Y = np.asarray(X), np.asarray(Y)
    with np.errstate(all="ignore"):
        if metric == "manhattan":
            return np.abs(X[:, None, :] - Y[None, :, :]).sum(axis=2)
        if metric != "euclidean":
            return None
        shift = X.mean(axis=0)
        X, Y = X - shift, Y - shift
        squared = (X * X).sum(1)[:, None] - 2 * X @ Y.T + (Y * Y).sum(1)[None, :]
        return np.sqrt(np.maximum(squared, 0))


@robust()
@points(1)
def test_extreme_magnitudes(pairwise_distances):
    rng = seeded(7405)
    X32, Y32 = near_float32_max(rng, (6, 4)), near_float32_max(rng, (5, 4))
    X, Y = near_overflow(rng, (6, 4), 1e150), near_overflow(rng, (5, 4), 1e150)
    x, many = rng.normal(size=(1, 64)), rng.normal(size=(5000, 64))
    cases = [
        case("float32 points near 3e38", X32, Y32),
        case("float32 points near 3e38", X32, Y32, metric="manhattan"),
        case("points near 1e150", X, Y),
        case("points near 1e150", X, Y, metric="manhattan"),
        case("one point each, one feature", np.array([[1e150]]), np.array([[-1e150]])),
        case("1 x 5000 points of 64 features", x, many),
        case("1 x 5000 points of 64 features", x, many, metric="cosine"),
    ]
    for extreme in cases:
        expect_case(
            pairwise_distances,
            extreme,
            reference,
            reference_name=REFERENCE,
            mistakes=(Mistake(FLOAT32_OVERFLOW, _in_float32),),
            rtol=RTOL,
            atol=ATOL,
        )


def _points(n, rng):
    """n distances: sqrt(n) points of 32 features in each of X and Y (euclidean, the default)."""
    rows = max(int(np.sqrt(n)), 1)
    return {"X": rng.normal(size=(rows, 32)), "Y": rng.normal(size=(rows, 32))}


FAST = Fast(
    inputs=_points,
    within=5.0,
    why="n is the number of distances: 1000 x 1000 points of 32 features (the work grows as n * d)",
)


PROPERTIES = (Differential("pairwise_distances", DOMAIN, judge=_judge),)
