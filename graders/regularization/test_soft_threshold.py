"""Grader for regularization/soft_threshold, against the piecewise definition."""

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

soft_threshold = student_function("soft_threshold")
REFERENCE = "x - lam where x > lam, x + lam where x < -lam, 0 elsewhere"
RTOL, ATOL = 1e-12, 1e-15


@cached_reference
def reference(x, lam):
    x = np.asarray(x, dtype=np.float64)
    result = np.where(x > lam, x - lam, np.where(x < -lam, x + lam, 0.0))
    return float(result) if result.ndim == 0 else result


def _f(x):
    return np.asarray(x, dtype=np.float64)


MISTAKES = (
    Mistake(
        "put the sign back: max(|x| - lam, 0) loses the sign of negative entries",
        lambda x, lam: np.maximum(np.abs(_f(x)) - lam, 0.0),
    ),
    Mistake(
        "clip at 0: an entry with |x| < lam becomes 0, it must not cross zero (x - lam * sign(x) overshoots)",
        lambda x, lam: _f(x) - lam * np.sign(_f(x)),
    ),
    Mistake(
        "shrink negative entries towards 0 too: max(x - lam, 0) is one-sided",
        lambda x, lam: np.maximum(_f(x) - lam, 0.0),
    ),
    Mistake(
        "that is HARD thresholding (keep x where |x| > lam): soft thresholding also shrinks the "
        "survivors by lam",
        lambda x, lam: np.where(np.abs(_f(x)) > lam, _f(x), 0.0),
    ),
    Mistake(
        "that is clip(x, -lam, lam), the part soft thresholding removes: return x minus it",
        lambda x, lam: np.clip(_f(x), -lam, lam),
    ),
    Mistake(
        "shrink by lam, not lam / 2", lambda x, lam: np.sign(_f(x)) * np.maximum(np.abs(_f(x)) - lam / 2, 0.0)
    ),
)


def _expect(outcome, x, lam, why=""):
    expect_close(
        outcome, reference(x, lam), reference=REFERENCE + why, rtol=RTOL, atol=ATOL, mistakes=MISTAKES
    )


@points(3)
def test_matches_the_definition_on_random_inputs(soft_threshold):
    rng = seeded(1421)
    for size, lam in ((1, 0.5), (9, 1.0), (500, 0.3), (40, 2.5)):
        x = rng.normal(scale=2, size=size)
        _expect(soft_threshold.call(x, lam), x, lam)


@points(2)
def test_edge_cases(soft_threshold):
    x = np.array([-2.0, -1.0, -0.25, 0.0, 0.25, 1.0, 2.0])
    _expect(soft_threshold.call(x, 1.0), x, 1.0, "; |x| == lam gives exactly 0")
    _expect(soft_threshold.call(x, 0.0), x, 0.0, "; lam = 0 leaves x unchanged")
    _expect(soft_threshold.call(x, 10.0), x, 10.0, "; lam above every |x| gives all zeros")
    _expect(soft_threshold.call(-3.0, 1.0), -3.0, 1.0, "; a scalar x gives a single number")
    matrix = np.array([[3.0, -0.5, 1.5], [-4.0, 0.2, 0.0]])
    _expect(soft_threshold.call(matrix, 1.0), matrix, 1.0, "; elementwise on a 2-D array, shape kept")


@points(1)
def test_accepts_lists_and_float32(soft_threshold):
    rng = seeded(1422)
    args = (rng.normal(scale=2, size=30), 0.75)
    expect_input_types_accepted(soft_threshold, args, reference, reference_name=REFERENCE)


@points(1)
def test_rejects_bad_input(soft_threshold):
    negative_lam = Mistake(
        "a negative threshold is meaningless (it would push entries away from 0): raise ValueError "
        "for lam < 0",
        lambda x, lam: np.sign(_f(x)) * np.maximum(np.abs(_f(x)) - lam, 0.0),
    )
    expect_rejected(
        soft_threshold,
        [BadInput("lam must be >= 0", ([1.0, -2.0, 0.5], -0.5), mistakes=(negative_lam,))],
    )
