"""Grader for neural_networks/gelu, against 0.5 z (1 + scipy.special.erf(z / sqrt 2)).

The reference is computed as ``0.5 * z * scipy.special.erfc(-z / sqrt(2))``, the same
function written so that it keeps its relative precision in the far negative tail, where
``1 + erf`` is 1 - 1. The tanh approximation is off by up to 5e-4 and is refused with a hint.
"""

import numpy as np
from scipy.special import erf, erfc, expit

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_empty_maps_to_empty, expect_rejected
from mlkata.grading.corners import entries_as_strings, number_corners
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.typed import expect_typed_cases, typed_judge

gelu = student_function("gelu")
REFERENCE = "0.5 * z * (1 + scipy.special.erf(z / sqrt(2)))"
SQRT2 = np.sqrt(2.0)


def _at_zero(values, rng):
    """Exact zeros (also -0.0) among the values: gelu(0) is 0."""
    z = values["z"].copy()
    z.reshape(-1)[::3] = rng.choice([0.0, -0.0], size=z.reshape(-1)[::3].shape)
    values["z"] = z
    return values


def _where_tanh_is_off(values, rng):
    """Values around |z| = 2.7, where the tanh approximation is furthest from the exact GELU."""
    z = values["z"]
    values["z"] = rng.choice([-1.0, 1.0], size=z.shape) * rng.uniform(1.5, 3.5, size=z.shape)
    return values


def _tails(values, rng):
    """Large values of both signs (|z| from 5 to 40): gelu(z) is z, or a tiny negative number."""
    z = values["z"]
    values["z"] = rng.choice([-1.0, 1.0], size=z.shape) * rng.uniform(5.0, 40.0, size=z.shape)
    return values


DOMAIN = Domain(
    seed=2203,
    args=(Reals("z", ("n",), scale=2, any_shape=True, uint8=True, offset=True, tiny=True),),
    sizes={"n": (7, 200)},
    empty="map",
    custom={
        "values exactly 0": _at_zero,
        "where the tanh approximation is off": _where_tanh_is_off,
        "both tails": _tails,
        **number_corners("z"),  # a number gives a number (a float, not a 0-d array)
    },
)


@cached_reference
def reference(z):
    z = np.asarray(z, dtype=float)
    return 0.5 * z * erfc(-z / SQRT2)


def _z(z):
    return np.asarray(z, dtype=float)


def _tanh_form(z):
    z = _z(z)
    return 0.5 * z * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (z + 0.044715 * z**3)))


def _one_plus_erf(z):
    return 0.5 * _z(z) * (1.0 + erf(_z(z) / SQRT2))


MISTAKES = (
    Mistake(
        "that is the tanh approximation 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3))), off by up "
        "to 5e-4: this exercise asks for the exact GELU, z * Phi(z) = 0.5 z (1 + erf(z / sqrt(2))) "
        "(Phi is scipy.stats.norm.cdf)",
        _tanh_form,
    ),
    Mistake(
        "that is the sigmoid approximation z * sigmoid(1.702 z): use the exact z * Phi(z), Phi the "
        "standard normal CDF (scipy.stats.norm.cdf)",
        lambda z: _z(z) * expit(1.702 * _z(z)),
    ),
    Mistake(
        "far in the negative tail 1 + erf(z / sqrt(2)) is 1 - 1, which cancels to 0 (or noise): "
        "Phi(z) there is tiny but not 0; use erfc, Phi(z) = erfc(-z / sqrt(2)) / 2, or "
        "scipy.stats.norm.cdf, which keep their relative precision",
        _one_plus_erf,
    ),
    Mistake(
        "Phi(z) = (1 + erf(z / sqrt(2))) / 2: you left out the 1/2",
        lambda z: _z(z) * (1.0 + erf(_z(z) / SQRT2)),
    ),
    Mistake(
        "the standard normal CDF is (1 + erf(z / sqrt(2))) / 2: divide z by sqrt(2) inside erf",
        lambda z: 0.5 * _z(z) * (1.0 + erf(_z(z))),
    ),
    Mistake(
        "divide by sqrt(2) inside erf, not by 2",
        lambda z: 0.5 * _z(z) * (1.0 + erf(_z(z) / 2.0)),
    ),
    Mistake(
        "gelu weights the input by Phi(z): multiply by z (you returned Phi(z) alone)",
        lambda z: 0.5 * erfc(-_z(z) / SQRT2),
    ),
    Mistake(
        "Phi is the normal CDF, not its density: gelu(z) = z * Phi(z)",
        lambda z: _z(z) * np.exp(-0.5 * _z(z) ** 2) / np.sqrt(2 * np.pi),
    ),
)


@points(3)
def test_matches_scipy_erf_on_random_inputs(gelu):
    rng = seeded(2201)
    for shape in ((7,), (4, 4), (3, 5), (2, 3, 4), (200,)):
        z = rng.normal(scale=2, size=shape)
        expect_close(gelu.call(z), reference(z), reference=REFERENCE, mistakes=MISTAKES)
    z = [-3, -1, 0, 1, 2]
    expect_close(gelu.call(z), reference(z), reference=REFERENCE + ", integer z", mistakes=MISTAKES)


@points(2)
def test_exact_form_not_the_tanh_approximation(gelu):
    z = np.linspace(-4.0, 4.0, 33)
    expect_close(
        gelu.call(z),
        reference(z),
        reference=REFERENCE + ": the exact GELU (the tanh formula is off by up to 5e-4 here)",
        mistakes=MISTAKES,
        rtol=1e-9,
        atol=1e-13,
    )


@points(1)
def test_tails_and_scalars(gelu):
    z = np.array([-1e4, -40.0, -10.0, -5.0, -1e-300, -0.0, 0.0, 1e-300, 5.0, 10.0, 40.0, 1e4])
    expect_close(gelu.call(z), reference(z), reference=REFERENCE + ": far in both tails", mistakes=MISTAKES)
    for scalar in (-1.0, 0.0, 2.0):
        expect_close(
            gelu.call(scalar),
            float(reference(scalar)),
            reference=REFERENCE + ": a number gives a number",
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(gelu):
    expect_typed_cases(gelu, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(gelu):
    expect_rejected(
        gelu,
        [
            BadInput("'a' and 'b' are not numbers", (["a", "b"],)),
            BadInput("the nested list is ragged, so it is not an array", ([[1.0, 2.0], [3.0]],)),
            *DOMAIN.bad_inputs(),
            *entries_as_strings(DOMAIN),
        ],
    )


@points(1)
def test_empty_input_gives_an_empty_array(gelu):
    expect_empty_maps_to_empty(gelu)


PROPERTIES = (Differential("gelu", DOMAIN, judge=typed_judge(reference, REFERENCE)),)


@robust()
@points(1)
def test_relative_precision_in_the_negative_tail(gelu):
    """gelu goes to 0 from below: z Phi(z) for z down to -30 is tiny and negative, not 0."""
    z = np.concatenate([-np.geomspace(4.0, 30.0, 15), [-1e-200, 1e-200], np.geomspace(4.0, 30.0, 4)])
    expect_close(
        gelu.call(z),
        reference(z),
        reference=REFERENCE + ", computed with erfc: relative precision in the negative tail",
        mistakes=MISTAKES,
        rtol=1e-7,
        atol=0,
    )


FAST = Fast()
