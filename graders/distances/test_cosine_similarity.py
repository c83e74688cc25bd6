"""Grader for distances/cosine_similarity, against 1 - scipy.spatial.distance.cosine."""

import numpy as np
from scipy.spatial.distance import cosine

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    expect_raises,
    points,
    returned,
    seeded,
    student_function,
    with_hints,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    expect_case,
    expect_cases,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case, near_float32_max, near_overflow
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

cosine_similarity = student_function("cosine_similarity")
REFERENCE = "1 - scipy.spatial.distance.cosine(u, v)"


def _int8(values, rng):
    """int8 vectors from -128 to 127: u - v kept in int8 wraps around."""
    for name in ("u", "v"):
        values[name] = rng.integers(-128, 128, size=values[name].shape).astype(np.int8)
    return values


def _large_integers(values, rng):
    """int64 entries near 5e9: their squares and products overflow int64."""
    for name in ("u", "v"):
        values[name] = rng.integers(-5_000_000_000, 5_000_000_000, size=values[name].shape)
    return values


def _parallel(values, rng):
    """v = -u / 2 (cosine -1), drawn where rounding takes u . v / (|u| |v|) past -1."""
    for _ in range(200):  # a few tries for 7 entries; in 1-D the cosine is exactly -1
        u = rng.normal(size=values["u"].shape)
        v = -0.5 * u
        if np.dot(u, v) / (np.sqrt(np.dot(u, u)) * np.sqrt(np.dot(v, v))) < -1:
            break
    values["u"], values["v"] = u, v
    return values


DOMAIN = Domain(
    seed=7103,
    args=(
        Reals("u", uint8=True, offset=True, tiny=True),
        Reals("v", scale=2, loc=0.5, uint8=True, offset=True, tiny=True),
    ),
    sizes={"n": (1, 3, 50, 1000)},
    custom={
        "int8 vectors": _int8,
        "large integers": _large_integers,
        "parallel and opposite vectors": _parallel,
    },
)
RTOL = 1e-10
"""Sums of a few thousand terms: correct float64 code is within 1e-13; float32 is not."""


@cached_reference
def reference(u, v):
    return 1.0 - float(cosine(np.asarray(u, float), np.asarray(v, float)))


def _f(a):
    return np.asarray(a, float)


def _cos(u, v):
    u, v = _f(u), _f(v)
    return np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))


MISTAKES = (
    Mistake(
        "divide the dot product by both norms: you returned u . v itself",
        lambda u, v: np.dot(_f(u), _f(v)),
    ),
    Mistake(
        "divide by the norms of both vectors, |u| * |v|: you divided by one of them only",
        lambda u, v: np.dot(_f(u), _f(v)) / np.linalg.norm(_f(u)),
    ),
    Mistake(
        "divide by the norms of both vectors, |u| * |v|: you divided by one of them only",
        lambda u, v: np.dot(_f(u), _f(v)) / np.linalg.norm(_f(v)),
    ),
    Mistake(
        "divide by the norms |u| |v|, not by the squared norms (u . u)(v . v)",
        lambda u, v: np.dot(_f(u), _f(v)) / (np.dot(_f(u), _f(u)) * np.dot(_f(v), _f(v))),
    ),
    Mistake(
        "that is the cosine *distance* 1 - cos: return the similarity itself",
        lambda u, v: 1.0 - _cos(u, v),
    ),
    Mistake(
        "you centred the vectors first: that is Pearson's correlation, not the cosine similarity",
        lambda u, v: _cos(_f(u) - np.mean(u), _f(v) - np.mean(v)),
    ),
    Mistake(
        "use the Euclidean (L2) norms, not the sums of absolute values (L1 norms)",
        lambda u, v: np.dot(_f(u), _f(v)) / (np.sum(np.abs(_f(u))) * np.sum(np.abs(_f(v)))),
    ),
)


@points(3)
def test_matches_scipy_on_random_inputs(cosine_similarity):
    rng = seeded(7101)
    for d in (1, 3, 50, 1000):
        u, v = rng.normal(size=d), rng.normal(loc=0.5, size=d)
        expect_close(cosine_similarity.call(u, v), reference(u, v), reference=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_parallel_orthogonal_and_opposite(cosine_similarity):
    u = np.array([1.0, 2.0, -2.0])
    for v, what in (
        (3 * u, "3u points the same way as u: cosine 1"),
        (-0.5 * u, "-u/2 points the opposite way: cosine -1"),
        (np.array([2.0, 1.0, 2.0]), "orthogonal vectors (u . v = 0): cosine 0"),
        (np.array([2.0, 0.0, 0.0]), "length does not matter, only direction"),
    ):
        expect_close(
            cosine_similarity.call(u, v), reference(u, v), reference=f"{REFERENCE}; {what}", mistakes=MISTAKES
        )


@points(1)
def test_zero_vector_raises(cosine_similarity):
    zero_is_zero = Mistake(
        "some libraries (sklearn.metrics.pairwise.cosine_similarity) return 0 for a zero vector, "
        "but the angle is undefined: raise ValueError",
        lambda u, v: 0.0,
    )
    nan = Mistake(
        "dividing by a zero norm gives nan: check the norms and raise ValueError", lambda u, v: np.nan
    )
    hints = (zero_is_zero, nan)
    expect_rejected(
        cosine_similarity,
        [
            BadInput(
                "u is the zero vector, which has no direction",
                ([0.0, 0.0, 0.0], [1.0, 2.0, 3.0]),
                mistakes=hints,
            ),
            BadInput(
                "v is the zero vector, which has no direction", ([1.0, -1.0], [0.0, 0.0]), mistakes=hints
            ),
            BadInput("both vectors are zero", ([0.0], [0.0]), mistakes=hints),
        ],
    )


@points(2)
def test_every_corner_of_the_domain(cosine_similarity):
    expect_cases(
        cosine_similarity,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
        rtol=RTOL,
    )
    for corner in DOMAIN.corner_cases(only=("parallel and opposite vectors",)):
        outcome = call_case(cosine_similarity, corner)
        value = float(returned(outcome))
        if not -1.0 <= value <= 1.0:
            raise GradeFailure(
                with_hints(
                    f"{outcome.call} returned {value!r}, outside [-1, 1]",
                    "rounding takes u . v / (|u| |v|) just past 1 or -1 for (anti)parallel vectors: clip "
                    "the cosine to [-1, 1]",
                )
            )


@points(1)
def test_rejects_bad_input(cosine_similarity):
    expect_rejected(
        cosine_similarity,
        [
            BadInput("u has 3 entries and v has 2", ([1.0, 2.0, 3.0], [1.0, 2.0])),
            BadInput(
                "u has 1 entry and v has 3: the vectors have different lengths", ([2.0], [1.0, 2.0, 3.0])
            ),
            BadInput("both vectors are empty", ([], [])),
            BadInput("u and v must be 1-D vectors, not matrices", ([[1.0, 2.0]], [[3.0, 4.0]])),
            *DOMAIN.bad_inputs(),
        ],
    )


def _judge(function, case):
    if not all(np.any(np.asarray(x) != 0) for x in case.args):  # small integer draws can be 0
        expect_raises(call_case(function, case), because="the zero vector has no direction")
        return
    expect_case(function, case, reference, reference_name=REFERENCE, mistakes=MISTAKES, rtol=RTOL)


@robust()
@points(1)
def test_extreme_magnitudes(cosine_similarity):
    rng = seeded(7105)
    u = near_overflow(rng, 50, 1e75)
    cases = [
        case("float32 entries near 3e38", near_float32_max(rng, 50), near_float32_max(rng, 50)),
        case("entries near 1e75", u, near_overflow(rng, 50, 1e75)),
        case("u near 1e75, v = -u / 3", u, -u / 3),
        case("one entry each", np.array([-1e150]), np.array([2e-150])),
        case("100000 entries", rng.normal(size=100_000), rng.normal(size=100_000)),
    ]
    in_float32 = Mistake(
        FLOAT32_OVERFLOW, lambda u, v: np.dot(u, v) / (np.sqrt(np.dot(u, u)) * np.sqrt(np.dot(v, v)))
    )
    expect_cases(
        cosine_similarity, cases, reference, reference_name=REFERENCE, mistakes=(in_float32,), rtol=RTOL
    )


FAST = Fast(within=5.0)


PROPERTIES = (Differential("cosine_similarity", DOMAIN, judge=_judge),)
