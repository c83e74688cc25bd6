"""Grader for neural_networks/leaky_relu, against numpy.where(z > 0, z, alpha * z)."""

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_empty_maps_to_empty, expect_rejected
from mlkata.grading.corners import entries_as_strings, number_corners, numbers_as_strings
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.typed import expect_typed_cases, typed_judge

leaky_relu = student_function("leaky_relu")
REFERENCE = "numpy.where(z > 0, z, alpha * z)"
ALPHAS = (0.01, 0.2, 0.0, 1.0, 1.5, 3.0, -0.5)


def _at_the_kink(values, rng):
    """Exact zeros (also -0.0) among the values: leaky_relu(0) is 0."""
    z = values["z"].copy()
    z.reshape(-1)[::2] = rng.choice([0.0, -0.0], size=z.reshape(-1)[::2].shape)
    values["z"] = z
    return values


def _steep(values, rng):
    """A slope above 1: max(z, alpha * z) is then alpha * z for the positive entries."""
    values["alpha"] = 2.5
    return values


DOMAIN = Domain(
    seed=2103,
    args=(Reals("z", ("n",), scale=2, any_shape=True, uint8=True, offset=True, tiny=True),),
    params=(
        Param("alpha", 0.01, values=(0.2, 0.0, 1.5), invalid=(np.nan, np.inf), why_invalid="is not finite"),
    ),
    sizes={"n": (7, 200)},
    empty="map",
    custom={
        "values exactly at the kink": _at_the_kink,
        "alpha = 2.5 (above 1)": _steep,
        **number_corners("z"),  # a number gives a number (a float, not a 0-d array)
    },
)


@cached_reference
def reference(z, alpha=0.01):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, alpha * z)


def _z(z):
    return np.asarray(z, dtype=float)


def _truncated(z, alpha=0.01):
    if np.asarray(z).dtype.kind not in "iub":
        return None  # no mistake to recognise for float input
    return np.where(_z(z) > 0, _z(z), np.trunc(alpha * _z(z)))


MISTAKES = (
    Mistake(
        "use the alpha argument: you always multiplied the negative inputs by 0.01",
        lambda z, alpha=0.01: np.where(_z(z) > 0, _z(z), 0.01 * _z(z)),
    ),
    Mistake(
        "np.maximum(z, alpha * z) is leaky relu only for alpha <= 1: for alpha > 1 it returns "
        "alpha * z for the positive inputs; use the definition by cases, np.where(z > 0, z, alpha * z)",
        lambda z, alpha=0.01: np.maximum(_z(z), alpha * _z(z)),
    ),
    Mistake(
        "negative inputs are multiplied by alpha, not set to 0: that is relu",
        lambda z, alpha=0.01: np.maximum(_z(z), 0.0),
    ),
    Mistake(
        "alpha scales the inputs z <= 0; positive ones pass through unchanged: you did the opposite",
        lambda z, alpha=0.01: np.where(_z(z) > 0, alpha * _z(z), _z(z)) if alpha <= 1 else None,
    ),  # for alpha > 1 that is np.maximum(z, alpha * z), which the hint above explains
    Mistake(
        "(z + |z|) / 2 + alpha (z - |z|) / 2 overflows to inf for |z| above half the largest "
        "float (8.9e307): use the definition by cases, np.where(z > 0, z, alpha * z)",
        lambda z, alpha=0.01: (_z(z) + np.abs(_z(z))) / 2 + alpha * (_z(z) - np.abs(_z(z))) / 2,
    ),
    Mistake(
        "a negative input gives alpha * z, which stays negative: you used alpha * |z|",
        lambda z, alpha=0.01: np.where(_z(z) > 0, _z(z), alpha * np.abs(_z(z))),
    ),
    Mistake(
        "your result was truncated to integers (alpha * z written into an integer array): "
        "compute in float, e.g. z = np.asarray(z, dtype=float)",
        _truncated,
    ),
)


@points(3)
def test_matches_numpy_on_random_inputs(leaky_relu):
    rng = seeded(2101)
    for shape, alpha in (((7,), 0.01), ((4, 4), 0.2), ((3, 5), 0.0), ((2, 3, 4), 0.3), ((200,), 0.01)):
        z = rng.normal(scale=2, size=shape)
        expect_close(
            leaky_relu.call(z, alpha=alpha), reference(z, alpha), reference=REFERENCE, mistakes=MISTAKES
        )
    z = [-3, -1, 0, 2, 5]
    expect_close(
        leaky_relu.call(z, alpha=0.5),
        reference(z, 0.5),
        reference=REFERENCE + ", integer z (the result is float: -3 gives -1.5)",
        mistakes=MISTAKES,
    )


@points(2)
def test_every_alpha_including_above_one(leaky_relu):
    z = seeded(2102).normal(scale=3, size=(5, 6))
    for alpha in ALPHAS:
        expect_close(
            leaky_relu.call(z, alpha=alpha),
            reference(z, alpha),
            reference=REFERENCE + f", alpha={alpha} (the definition by cases holds for any finite alpha)",
            mistakes=MISTAKES,
        )


@points(1)
def test_default_alpha_zero_large_values_and_scalars(leaky_relu):
    z = np.array([-1e300, -1e4, -1.0, -1e-300, -0.0, 0.0, 1e-300, 1.0, 1e4, 1e300])
    expect_close(leaky_relu.call(z), reference(z), reference=REFERENCE, mistakes=MISTAKES, rtol=1e-15, atol=0)
    for scalar in (-2.5, 0.0, 3.0):
        expect_close(
            leaky_relu.call(scalar),
            scalar if scalar > 0 else 0.01 * scalar,
            reference="z if z > 0 else 0.01 * z: a number gives a number",
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(leaky_relu):
    expect_typed_cases(
        leaky_relu, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(leaky_relu):
    expect_rejected(
        leaky_relu,
        [
            BadInput("'a' and 'b' are not numbers", (["a", "b"],)),
            BadInput("the nested list is ragged, so it is not an array", ([[1.0, 2.0], [3.0]],)),
            BadInput("alpha='big' is not a number", ([1.0, -2.0],), {"alpha": "big"}),
            BadInput("alpha=-inf is not finite", ([1.0, -2.0],), {"alpha": -np.inf}),
            BadInput("alpha=[0.5] is an array, not a number", ([1.0, -2.0],), {"alpha": np.array([0.5])}),
            *DOMAIN.bad_inputs(),
            *numbers_as_strings(DOMAIN),
            *entries_as_strings(DOMAIN),
        ],
    )


@points(1)
def test_empty_input_gives_an_empty_array(leaky_relu):
    expect_empty_maps_to_empty(leaky_relu)
    expect_empty_maps_to_empty(leaky_relu, alpha=0.3)


PROPERTIES = (Differential("leaky_relu", DOMAIN, judge=typed_judge(reference, REFERENCE)),)


@robust()
@points(1)
def test_near_the_largest_float(leaky_relu):
    """Values near 1.8e308 (alpha * z stays finite for alpha <= 1), and subnormals."""
    big = np.finfo(np.float64).max
    cases = (
        (np.array([big, -big, 1.5e308, -1.5e308, 9e307, -9e307, 5e-324, -5e-324]), 0.01),
        (np.array([[big, -1e308], [-big, 1e-310]]), 0.5),
    )
    for z, alpha in cases:
        expect_close(
            leaky_relu.call(z, alpha=alpha),
            reference(z, alpha),
            reference=REFERENCE + f", alpha={alpha}",
            mistakes=MISTAKES,
            rtol=1e-15,
            atol=0,
        )


FAST = Fast(inputs=lambda n, rng: {"z": rng.normal(scale=2, size=n), "alpha": 0.01})
