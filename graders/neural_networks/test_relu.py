"""Grader for neural_networks/relu, against numpy.maximum(z, 0)."""

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
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

relu = student_function("relu")
REFERENCE = "numpy.maximum(z, 0)"


def _at_the_kink(values, rng):
    """Exact zeros (also -0.0) among the values: relu(0) is 0."""
    z = values["z"].copy()
    z.reshape(-1)[::2] = rng.choice([0.0, -0.0], size=z.reshape(-1)[::2].shape)
    values["z"] = z
    return values


DOMAIN = Domain(
    seed=1103,
    args=(Reals("z", ("n",), scale=2, any_shape=True, uint8=True, offset=True, tiny=True),),
    sizes={"n": (7, 200)},
    empty="map",
    custom={"values exactly at the kink": _at_the_kink},
)


@cached_reference
def reference(z):
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def _z(z):
    return np.asarray(z, dtype=float)


MISTAKES = (
    Mistake(
        "np.max(z, 0) is a reduction (the largest entry along axis 0), not relu: use the "
        "elementwise np.maximum(z, 0)",
        lambda z: np.max(_z(z), 0),
    ),
    Mistake(
        "that is relu's derivative (a 0/1 step), not relu: keep the positive values themselves",
        lambda z: (_z(z) > 0).astype(float),
    ),
    Mistake(
        "relu is not capped at 1: only negative values change",
        lambda z: np.clip(_z(z), 0, 1),
    ),
    Mistake(
        "negative inputs become 0, not a small multiple of themselves (that is leaky relu)",
        lambda z: np.where(_z(z) > 0, _z(z), 0.01 * _z(z)),
    ),
    Mistake(
        "negative inputs become 0, not their absolute value",
        lambda z: np.abs(_z(z)),
    ),
    Mistake(
        "(z + |z|) / 2 overflows to inf for z above half the largest float (8.9e307): use the "
        "elementwise np.maximum(z, 0), which never leaves the range of z",
        lambda z: (_z(z) + np.abs(_z(z))) / 2,
    ),
    Mistake(
        "relu keeps positive values and zeroes negative ones: you did the opposite",
        lambda z: np.minimum(_z(z), 0),
    ),
)


@points(3)
def test_matches_numpy_on_random_inputs(relu):
    rng = seeded(1101)
    for shape in ((7,), (4, 4), (3, 5), (2, 3, 4), (200,)):
        z = rng.normal(scale=2, size=shape)
        expect_close(relu.call(z), reference(z), reference=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_zero_large_values_and_scalars(relu):
    z = np.array([-1e300, -1e4, -1.0, -1e-300, 0.0, 1e-300, 1.0, 1e4, 1e300])
    expect_close(relu.call(z), reference(z), reference=REFERENCE, mistakes=MISTAKES, rtol=0, atol=0)
    for scalar in (-2.5, 0.0, 3.0):
        expect_close(
            relu.call(scalar),
            max(scalar, 0.0),
            reference="max(z, 0): a number gives a number",
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(relu):
    expect_cases(relu, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(relu):
    expect_rejected(
        relu,
        [
            BadInput(
                "'a' and 'b' are not numbers: convert with np.asarray(z, dtype=float), which "
                "raises ValueError",
                (["a", "b"],),
            ),
            BadInput("the nested list is ragged, so it is not an array", ([[1.0, 2.0], [3.0]],)),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("relu", DOMAIN, reference, REFERENCE),)


@points(1)
def test_empty_input_gives_an_empty_array(relu):
    expect_empty_maps_to_empty(relu)


@robust()
@points(1)
def test_near_the_largest_float(relu):
    """relu never leaves the range of its input: values near 1.8e308, subnormals, float32 extremes."""
    big = np.finfo(np.float64).max
    cases = (
        np.array([big, -big, 1.5e308, -1.5e308, 9e307, 5e-324, -5e-324, 0.0]),
        np.array([[big, 1e308], [-1e308, 1e-310]]),
        np.array([3.4e38, -3.4e38, 1e-45, 1.0], dtype=np.float32),
    )
    for z in cases:
        expect_close(relu.call(z), reference(z), reference=REFERENCE, mistakes=MISTAKES, rtol=0, atol=0)


FAST = Fast()
