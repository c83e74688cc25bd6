"""Grader for models/sigmoid, against scipy.special.expit."""

import numpy as np
from scipy.special import expit

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    expect_no_warnings,
    points,
    returned,
    seeded,
    student_function,
    with_hints,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    expect_cases,
    expect_empty_maps_to_empty,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

sigmoid = student_function("sigmoid")
REFERENCE = "scipy.special.expit"


def _large_anywhere(values, rng):
    """Values of size 700 to 1e4, of both signs, at random places among ordinary ones."""
    z = values["z"].copy()
    flat = z.reshape(-1)
    where = rng.random(flat.shape) < 0.3
    flat[where] = rng.choice([-1.0, 1.0], size=int(where.sum())) * rng.uniform(
        700, 1e4, size=int(where.sum())
    )
    values["z"] = z
    return values


DOMAIN = Domain(
    seed=1103,
    args=(Reals("z", ("n",), scale=6, any_shape=True, uint8=True, offset=True, tiny=True),),
    sizes={"n": (7, 500)},
    empty="map",
    custom={"large values anywhere": _large_anywhere},
)
NO_OVERFLOW = (
    "np.exp overflows above about 709, and np.where evaluates both of its branches: compute "
    "e = exp(-|z|), which never exceeds 1, and use 1 / (1 + e) for z >= 0, e / (1 + e) for z < 0"
)


@cached_reference
def reference(z):
    return expit(np.asarray(z, dtype=np.float64))


def _one_minus(z):
    e = np.exp(-np.abs(np.asarray(z, float)))
    return np.where(np.asarray(z) >= 0, 1 / (1 + e), 1 - 1 / (1 + e))


MISTAKES = (
    Mistake(
        "for z < 0 you computed 1 - 1 / (1 + exp(z)): the subtraction cancels almost every digit "
        "of a small probability; use exp(z) / (1 + exp(z)) there",
        _one_minus,
    ),
    Mistake(
        "that is sigmoid(-z): the sigmoid is 1 / (1 + exp(-z)), with a minus sign",
        lambda z: expit(-np.asarray(z, float)),
    ),
    Mistake(
        "clipping z to [-30, 30] changes the tails: sigmoid(-40) is 4.2e-18, not sigmoid(-30)",
        lambda z: expit(np.clip(np.asarray(z, float), -30, 30)),
    ),
)


def _returned_normally(outcome):
    """``outcome`` once the call returned: a stub (or a call that raised) fails here, with the
    message the checks would give, before the reference for it is computed."""
    returned(outcome)
    return outcome


def _as_floats(outcome):
    try:
        return np.asarray(returned(outcome), dtype=np.float64)
    except (TypeError, ValueError):
        raise GradeFailure(
            f"{outcome.call} returned {returned(outcome)!r:.80}, which is not numeric"
        ) from None


def _expect_in_unit_interval(outcome):
    values = _as_floats(outcome)
    if not np.all((values >= 0) & (values <= 1)):
        raise GradeFailure(
            f"{outcome.call} returned values outside [0, 1] (or nan): {values!r:.200}\n  "
            "a probability must lie in [0, 1] exactly"
        )


@points(3)
def test_matches_expit_on_random_inputs(sigmoid):
    rng = seeded(1101)
    for shape in ((7,), (3, 4), (500,)):
        z = rng.normal(scale=6, size=shape)
        expect_close(
            _returned_normally(sigmoid.call(z)), reference(z), reference=REFERENCE, mistakes=MISTAKES
        )
    for z in (0.25, -3, float(rng.normal(scale=6))):
        expect_close(
            _returned_normally(sigmoid.call(z)),
            reference(z),
            reference=REFERENCE + " (a scalar gives a float)",
            mistakes=MISTAKES,
        )


@points(2)
def test_no_overflow_warning_at_extremes(sigmoid):
    for z in (-1e4, 1e4, np.array([-1e4, -800.0, -50.0, 0.0, 50.0, 800.0, 1e4])):
        outcome = sigmoid.call(z)
        expect_no_warnings(outcome, because=NO_OVERFLOW)
        _expect_in_unit_interval(outcome)
        expect_close(outcome, reference(z), reference=REFERENCE, mistakes=MISTAKES)
    expect_close(
        sigmoid.call(np.array([-np.inf, np.inf])),
        [0.0, 1.0],
        reference="sigmoid(-inf) = 0, sigmoid(inf) = 1",
        mistakes=MISTAKES,
    )


@points(1)
def test_tiny_probabilities_keep_their_precision(sigmoid):
    z = -np.linspace(15.0, 45.0, 31)
    outcome = sigmoid.call(z)
    expect_no_warnings(outcome, because=NO_OVERFLOW)
    try:
        expect_close(
            outcome, reference(z), reference=REFERENCE + ", to 9 significant digits", rtol=1e-9, atol=0.0
        )
    except GradeFailure as failure:
        # The values are far below the absolute tolerance of the usual hint matching: match relatively.
        got = _as_floats(outcome)
        hints = [
            m.hint
            for m in MISTAKES
            if got.shape == z.shape and np.allclose(got, m.compute(z), rtol=1e-6, atol=0.0)
        ]
        raise GradeFailure(with_hints(str(failure), *hints)) from None


@points(2)
def test_every_corner_of_the_domain(sigmoid):
    expect_cases(sigmoid, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(sigmoid):
    expect_rejected(
        sigmoid,
        [
            BadInput("'a' and 'b' are not numbers", (["a", "b"],)),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_probabilities_down_to_1e_minus_307(sigmoid):
    """sigmoid(-500) to sigmoid(-707), relatively (an np.clip(z, -500, 500) flattens them), and nan."""
    z = -np.linspace(500.0, 707.0, 24)
    outcome = sigmoid.call(z)
    expect_no_warnings(outcome, because=NO_OVERFLOW)
    try:
        expect_close(outcome, reference(z), reference=REFERENCE + ", relatively", rtol=1e-9, atol=0.0)
    except GradeFailure as failure:
        got = _as_floats(outcome)
        flattened = got.shape == z.shape and got[-1] > 2 * reference(z)[-1]  # the tail held up
        raise GradeFailure(with_hints(str(failure), *([CLIPPED] if flattened else []))) from None
    expect_close(
        sigmoid.call(np.array([np.nan, 0.0])),
        [np.nan, 0.5],
        reference="sigmoid(nan) = nan, as documented",
        mistakes=MISTAKES,
    )


CLIPPED = (
    "sigmoid(-700) is 1e-304, an ordinary float64 number: clipping z to [-500, 500] (or rounding "
    "tiny probabilities to 0) loses it; build the value from e = exp(-|z|) without clipping"
)
FAST = Fast(within=5.0)


PROPERTIES = (Differential("sigmoid", DOMAIN, reference, REFERENCE),)


@points(1)
def test_empty_input_gives_an_empty_array(sigmoid):
    expect_empty_maps_to_empty(sigmoid)
