"""Grader for neural_networks/softmax, against scipy.special.softmax."""

import numpy as np
from scipy.special import softmax as scipy_softmax

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    expect_no_warnings,
    points,
    returned,
    seeded,
    student_function,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    expect_cases,
    expect_empty_maps_to_empty,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

softmax = student_function("softmax")
REFERENCE = "scipy.special.softmax"


def _huge_anywhere(values, rng):
    """Huge scores (+-1e3 to 1e4) at random places of the rows, and a row of huge negatives."""
    z = values["z"].copy()
    n, k = z.shape
    z[np.arange(n), rng.integers(0, k, size=n)] = rng.choice([1.0, -1.0], size=n) * rng.uniform(
        1e3, 1e4, size=n
    )
    z[0] = -1e4 + rng.normal(size=k)
    values["z"] = z
    return values


def _ties(values, rng):
    """Every score of a row equal (the uniform distribution), and rows of two tied maxima."""
    z = values["z"].copy()
    z[0] = 3.0
    if len(z) > 1:
        z[1:, :2] = z[1:, :1].max() + 1.0
    values["z"] = z
    return values


DOMAIN = Domain(
    seed=1203,
    args=(Reals("z", ("n", "k"), scale=3, any_shape=True, uint8=True, offset=True, tiny=True),),
    params=(Param("axis", -1, values=(0,), invalid=(2, -3), why_invalid="is not an axis of a 2-D z"),),
    sizes={"n": (4, 50), "k": (3, 10)},
    empty="map",
    custom={"huge scores anywhere": _huge_anywhere, "ties": _ties},
)
EXTREME = ("offset", "huge scores anywhere")
"""The corners of level ★★ (robust): scores of 1e3 to 1e9, judged by test_huge_scores_anywhere."""


@cached_reference
def reference(z, axis=-1):
    return scipy_softmax(np.asarray(z, dtype=float), axis=axis)


def _z(z):
    return np.asarray(z, dtype=float)


def _naive(z, axis=-1):
    e = np.exp(_z(z))
    return e / e.sum(axis=axis, keepdims=True)


def _global_max(z, axis=-1):
    e = np.exp(_z(z) - _z(z).max())
    return e / e.sum(axis=axis, keepdims=True)


def _no_keepdims(z, axis=-1):
    e = np.exp(_z(z) - _z(z).max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis)


MISTAKES = (
    Mistake(
        "np.exp overflowed (or every exp underflowed to 0): subtract the maximum along the axis "
        "before exponentiating",
        _naive,
    ),
    Mistake(
        "subtract the maximum of each slice along the axis (z.max(axis=axis, keepdims=True)), "
        "not the overall maximum: a slice far below the overall max underflows to 0 / 0",
        _global_max,
    ),
    Mistake(
        "normalise along the given axis: you divided by the sum of all entries",
        lambda z, axis=-1: np.exp(_z(z) - _z(z).max()) / np.exp(_z(z) - _z(z).max()).sum(),
    ),
    Mistake(
        "normalise along the `axis` argument: you always used the last axis",
        lambda z, axis=-1: reference(z, -1),
    ),
    Mistake(
        "normalise along the `axis` argument: you used axis 0",
        lambda z, axis=-1: reference(z, 0),
    ),
    Mistake(
        "the sum needs keepdims=True to broadcast back along the axis you summed over",
        _no_keepdims,
    ),
    Mistake(
        "that is log-softmax: return the probabilities themselves",
        lambda z, axis=-1: np.log(reference(z, axis)),
    ),
    Mistake(
        "exponentiate before normalising: you divided the raw scores by their sum",
        lambda z, axis=-1: _z(z) / _z(z).sum(axis=axis, keepdims=True),
    ),
)


@points(3)
def test_matches_scipy_on_random_inputs(softmax):
    rng = seeded(1201)
    cases = (((5,), -1), ((4, 4), -1), ((4, 4), 0), ((4, 4), 1), ((3, 6), 0), ((2, 3, 4), 1), ((50, 10), -1))
    for shape, axis in cases:
        z = rng.normal(scale=3, size=shape)
        expect_close(softmax.call(z, axis=axis), reference(z, axis), reference=REFERENCE, mistakes=MISTAKES)
    z = rng.normal(size=(3, 5))
    expect_close(softmax.call(z), reference(z), reference=REFERENCE + ", default axis=-1", mistakes=MISTAKES)


@robust()
@points(2)
def test_stable_for_large_inputs(softmax):
    cases = (
        (np.array([1e4, 1e4 - 1.0, 0.0, -1e4]), -1),
        (np.array([[1e4, 1e4], [-1e4, -1e4 + 2.0], [5e3, -5e3]]), -1),
        (np.array([[1e4, -1e4], [1e4 - 3.0, -1e4 + 1.0]]), 0),
    )
    for z, axis in cases:
        outcome = softmax.call(z, axis=axis)
        expect_close(outcome, reference(z, axis), reference=REFERENCE, mistakes=MISTAKES)
        expect_no_warnings(
            outcome, because="exp overflowed or 0/0 was taken: subtract the maximum along the axis first"
        )
        sums = np.asarray(returned(outcome), dtype=float).sum(axis=axis)
        if not np.allclose(sums, 1.0, rtol=0, atol=1e-12):
            raise GradeFailure(f"{outcome.call}\n  the probabilities sum to {sums} along axis {axis}, not 1")


@points(2)
def test_every_corner_of_the_domain(softmax):
    ordinary = [case for case in DOMAIN.corner_cases() if case.name not in EXTREME]
    expect_cases(softmax, ordinary, reference, reference_name=REFERENCE, mistakes=MISTAKES)


@robust()
@points(1)
def test_huge_scores_anywhere(softmax):
    expect_cases(
        softmax, DOMAIN.corner_cases(only=EXTREME), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@robust()
@points(1)
def test_one_class_and_near_overflow(softmax):
    """A single class is certain whatever its score; scores near 1e300 stay finite."""
    cases = (
        (np.array([[1e4], [-1e4], [0.0]]), -1),
        (np.array([[1e4, -1e4, 3.0]]), 0),
        (np.array([1e300, -1e300, 0.0]), -1),
        (np.array([[-1e300, -1e300 * (1 - 1e-15)], [1e300, 0.0]]), -1),
    )
    for z, axis in cases:
        outcome = softmax.call(z, axis=axis)
        expect_close(outcome, reference(z, axis), reference=REFERENCE, mistakes=MISTAKES)
        expect_no_warnings(
            outcome, because="exp overflowed or 0/0 was taken: subtract the maximum along the axis first"
        )


@points(1)
def test_rejects_bad_input(softmax):
    expect_rejected(
        softmax,
        [
            BadInput("z of shape (2, 2) has no axis 2", ([[1.0, 2.0], [3.0, 4.0]],), {"axis": 2}),
            BadInput("'a' and 'b' are not numbers", (["a", "b"],)),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("softmax", DOMAIN, reference, REFERENCE),)


def _rows_of_ten(n, rng):
    return {"z": rng.normal(scale=3, size=(n // 10, 10))}


FAST = Fast(inputs=_rows_of_ten, why="n // 10 rows of 10 scores, each row a distribution (axis=-1)")


@points(1)
def test_empty_input_gives_an_empty_array(softmax):
    expect_empty_maps_to_empty(softmax)
