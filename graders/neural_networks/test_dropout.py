"""Grader for neural_networks/dropout, against inverted dropout X * mask / (1 - p) in numpy."""

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.corners import numbers_as_strings
from mlkata.grading.domains import Case, Domain, Labels, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.typed import expect_typed_case, expect_typed_cases, typed_judge

dropout = student_function("dropout")
REFERENCE = "X * mask / (1 - p) (numpy, mask as bool)"


def _f(a):
    return np.asarray(a, dtype=float)


def _m(mask):
    return np.asarray(mask) != 0


@cached_reference
def reference(X, p, mask):
    return _f(X) * _m(mask) / (1.0 - float(p))


def _truncated(X, p, mask):
    if np.asarray(X).dtype.kind not in "iub":
        return None  # nothing to recognise for float input
    return np.trunc(reference(X, p, mask))


MISTAKES = (
    Mistake(
        "inverted dropout divides the kept values by the keep probability 1 - p, so that each unit's "
        "expected value is unchanged: you only applied the mask",
        lambda X, p, mask: _f(X) * _m(mask),
    ),
    Mistake(
        "divide the kept values by 1 - p: you multiplied by it (that is test-time scaling in the "
        "original, non-inverted dropout)",
        lambda X, p, mask: _f(X) * _m(mask) * (1.0 - float(p)),
    ),
    Mistake(
        "divide by the keep probability 1 - p, not by the drop probability p",
        lambda X, p, mask: _f(X) * _m(mask) / float(p),
    ),
    Mistake(
        "True in the mask means keep: you dropped the units marked True",
        lambda X, p, mask: _f(X) * ~_m(mask) / (1.0 - float(p)),
    ),
    Mistake(
        "apply the mask: the units marked False become 0",
        lambda X, p, mask: _f(X) / (1.0 - float(p)),
    ),
    Mistake(
        "your result was truncated to integers: compute in float, e.g. X = np.asarray(X, dtype=float)",
        _truncated,
    ),
)


def _draw(rng, shape, p):
    return rng.normal(scale=2, size=shape), rng.random(shape) >= p


@points(3)
def test_matches_inverted_dropout(dropout):
    rng = seeded(2701)
    for shape, p in (((8,), 0.5), ((4, 5), 0.2), ((3, 4, 2), 0.75), ((50,), 0.1), ((6, 6), 0.9)):
        X, mask = _draw(rng, shape, p)
        expect_close(dropout.call(X, p, mask), reference(X, p, mask), reference=REFERENCE, mistakes=MISTAKES)
    X, mask = [3, -2, 5, 1], [True, True, False, True]
    expect_close(
        dropout.call(X, 0.3, mask),
        reference(X, 0.3, mask),
        reference=REFERENCE + ", integer X (the result is float)",
        mistakes=MISTAKES,
    )


@points(1)
def test_p_zero_keeps_everything(dropout):
    X = seeded(2702).normal(size=(5, 4))
    expect_close(
        dropout.call(X, 0.0, np.ones(X.shape, dtype=bool)),
        X,
        reference="p = 0 drops nothing (the mask is all True): the result equals X",
        rtol=0,
        atol=0,
        mistakes=MISTAKES,
    )
    for name, given in (("a list", [3, -1, 2]), ("integers", np.array([[4, -2], [0, 7]]))):
        case = Case(f"p = 0, X {name}", (given, 0.0, np.ones(np.shape(given), dtype=bool)))
        expect_typed_case(dropout, case, reference, reference_name=REFERENCE + ": X as a float array")


@points(1)
def test_hand_worked(dropout):
    expect_close(
        dropout.call([1.0, 2.0, 3.0, 4.0], 0.5, [True, False, True, True]),
        [2.0, 0.0, 6.0, 8.0],
        reference="by hand: the kept values divided by 1 - 0.5",
        mistakes=MISTAKES,
    )
    expect_close(
        dropout.call([[1, -2], [3, 4]], 0.2, [[1, 1], [0, 1]]),
        [[1.25, -2.5], [0.0, 5.0]],
        reference="by hand: a 0/1 mask is read as False/True; kept values divided by 0.8",
        mistakes=MISTAKES,
    )
    expect_close(
        dropout.call(3.0, 0.25, True),
        4.0,
        reference="by hand: a number and its mask give a number",
        mistakes=MISTAKES,
    )


def _keep_everything(values, rng):
    values.update(p=0.0, mask=np.ones_like(values["mask"], dtype=bool))
    return values


def _nearly_all_dropped(values, rng):
    values["p"] = 0.999
    return values


def _all_dropped(values, rng):
    values["mask"] = np.zeros_like(values["mask"], dtype=bool)
    return values


def _integer_x(values, rng):
    values.update(X=rng.integers(-5, 6, size=values["X"].shape), p=0.3)
    return values


def _keep_integers(values, rng):
    """p = 0 on integer X: the result is still a float array, not X."""
    values.update(X=rng.integers(-5, 6, size=values["X"].shape), p=0.0)
    values["mask"] = np.ones_like(values["mask"], dtype=bool)
    return values


def _a_number(values, rng):
    """X and its mask a number each: a number gives a number."""
    values.update(X=float(values["X"][0]), mask=bool(values["mask"][0]))
    return values


DOMAIN = Domain(
    seed=2711,
    args=(
        Reals("X", ("n",), scale=2, uint8=True, offset=True, tiny=True),
        Reals("p", (), low=0.05, high=0.9, integers=False),
        Labels("mask", ("n",), classes=(False, True), alternatives=((0, 1), (0.0, 1.0)), bad_label=None),
    ),
    sizes={"n": (1, 6, 25, 300)},
    custom={
        "p = 0, every unit kept": _keep_everything,
        "p = 0.999": _nearly_all_dropped,
        "every unit dropped": _all_dropped,
        "integer X, p = 0.3": _integer_x,
        "p = 0, integer X": _keep_integers,
        "X a number": _a_number,
    },
    empty="map",
)


@points(2)
def test_every_corner_of_the_domain(dropout):
    expect_typed_cases(dropout, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(dropout):
    rng = seeded(2703)
    X, mask = _draw(rng, (4, 3), 0.5)
    expect_rejected(
        dropout,
        [
            BadInput("p=1 drops every unit and divides by 1 - p = 0", (X, 1.0, mask)),
            BadInput("p=1.5 is not a probability", (X, 1.5, mask)),
            BadInput("p=-0.1 is not a probability", (X, -0.1, mask)),
            BadInput("p=nan is not a probability", (X, np.nan, mask)),
            BadInput("mask has shape (3, 4) for X of shape (4, 3)", (X, 0.5, mask.T.copy())),
            BadInput("mask has shape (3,): numpy would broadcast it, the grader does not", (X, 0.5, mask[0])),
            BadInput("mask holds 0.5, neither True nor False", (X, 0.5, np.where(mask, 1.0, 0.5))),
            BadInput("mask holds 2, neither 1 nor 0", (X, 0.5, np.where(mask, 2, 0))),
            BadInput("'a' is not a number", (["a", "b"], 0.5, [True, False])),
            BadInput("p=[0.5] is an array, not a number", (X, np.array([0.5]), mask)),
            *DOMAIN.bad_inputs(),
            *numbers_as_strings(DOMAIN),
        ],
    )


@points(1)
def test_empty_input_gives_an_empty_array(dropout):
    for empty in ([], np.zeros((0, 3))):
        expect_close(
            dropout.call(empty, 0.5, np.zeros(np.shape(empty), dtype=bool)),
            np.zeros(np.shape(empty)),
            reference="an empty X (and mask) gives an empty float array of its shape",
        )


PROPERTIES = (Differential("dropout", DOMAIN, judge=typed_judge(reference, REFERENCE)),)


@robust()
@points(1)
def test_extreme_keep_probabilities_and_magnitudes(dropout):
    """p a hair below 1 (kept units scaled by 1e9), values near 1.8e308 or subnormal, one unit."""
    big = np.finfo(np.float64).max
    cases = (
        (np.array([1.0, -2.0, 3.0, 0.5]), 1.0 - 1e-9, np.array([True, False, False, True])),
        (np.array([big, -big, 1e308, 5e-324]), 0.0, np.array([True, True, False, True])),
        (np.array([[1.5e308, -1.5e308], [1e-310, -1e-310]]), 1e-3, np.array([[True, False], [True, True]])),
        (np.array([[7.0]]), 0.999, np.array([[True]])),
        (np.array([1e300, -1e300, 2.0]), 0.9, np.zeros(3, dtype=bool)),
    )
    for X, p, mask in cases:
        expect_close(
            dropout.call(X, p, mask),
            reference(X, p, mask),
            reference=REFERENCE,
            mistakes=MISTAKES,
            rtol=1e-15,
            atol=0,
        )


FAST = Fast(inputs=lambda n, rng: {"X": rng.normal(size=n), "p": 0.3, "mask": rng.random(n) >= 0.3})
