"""The core the graders of a distance between two vectors share (euclidean, manhattan).

Both exercises are ``f(u, v)`` on two 1-D vectors of the same length, judged against
``scipy.spatial.distance`` to :data:`RTOL`. A grader builds its domain with
:func:`vector_domain`, its mistakes on :func:`difference` (and :data:`WRAPPED` for the
difference kept in the inputs' integer type), and runs its checks with
:func:`expect_random_vectors`, :func:`expect_simple_vectors`, :func:`expect_vector_corners`
and :func:`vector_bad_inputs`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from mlkata.grading.bad_inputs import BadInput
from mlkata.grading.checks import expect_cases
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.judge import Mistake, expect_close
from mlkata.grading.proxy import StudentFunction

RTOL = 1e-10
"""Sums of a few thousand terms: correct float64 code is within 1e-13; float32 is not."""

WRAPPED = (
    "u - v wrapped around: uint8 and int8 have no room for the difference (0 - 1 is 255); "
    "convert to float first (np.asarray(u, dtype=float))"
)
"""The hint for a difference computed in the inputs' own integer type."""


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


def vector_domain(seed: int) -> Domain:
    """The domain of ``f(u, v)``: vectors of 1 to 1000 entries, int8 and large integer corners."""
    return Domain(
        seed=seed,
        args=(
            Reals("u", uint8=True, offset=True, tiny=True),
            Reals("v", scale=2, uint8=True, offset=True, tiny=True),
        ),
        sizes={"n": (1, 3, 50, 1000)},
        custom={
            "int8 vectors": _int8,
            "large integers": _large_integers,
        },
    )


def difference(u: object, v: object) -> np.ndarray:
    """``u - v`` in float64 (what a mistake other than :data:`WRAPPED` is computed from).

    >>> difference([1, 2], [3, 0])
    array([-2.,  2.])
    """
    return np.asarray(u, float) - np.asarray(v, float)


def expect_random_vectors(
    function: StudentFunction,
    rng: np.random.Generator,
    reference: Callable[..., float],
    reference_name: str,
    mistakes: Iterable[Mistake],
    v_loc: float = 0.0,
) -> None:
    """Random normal vectors of 1, 3, 50 and 1000 entries; ``v`` of scale 2 around ``v_loc``."""
    mistakes = tuple(mistakes)
    for d in (1, 3, 50, 1000):
        u, v = rng.normal(size=d), rng.normal(loc=v_loc, scale=2.0, size=d)
        expect_close(function.call(u, v), reference(u, v), reference=reference_name, mistakes=mistakes)


def expect_simple_vectors(
    function: StudentFunction,
    cases: Iterable[tuple[list, list, str]],
    reference: Callable[..., float],
    reference_name: str,
    mistakes: Iterable[Mistake],
) -> None:
    """Each ``(u, v, what)`` of ``cases``, ``what`` named in the message after the reference."""
    mistakes = tuple(mistakes)
    for u, v, what in cases:
        expect_close(
            function.call(u, v), reference(u, v), reference=f"{reference_name}; {what}", mistakes=mistakes
        )


def expect_vector_corners(
    function: StudentFunction,
    domain: Domain,
    reference: Callable[..., float],
    reference_name: str,
    mistakes: Iterable[Mistake],
) -> None:
    """Every corner of ``domain``, to :data:`RTOL`."""
    expect_cases(
        function,
        domain.corner_cases(),
        reference,
        reference_name=reference_name,
        mistakes=mistakes,
        rtol=RTOL,
    )


def vector_bad_inputs(domain: Domain) -> list[BadInput]:
    """The ``ValueError`` cases of both exercises: lengths that differ, no entries, matrices."""
    return [
        BadInput("u has 3 entries and v has 2", ([1.0, 2.0, 3.0], [1.0, 2.0])),
        BadInput(
            "u has 1 entry and v has 3: numpy would broadcast, but the vectors have different lengths",
            ([2.0], [1.0, 2.0, 3.0]),
        ),
        BadInput("both vectors are empty", ([], [])),
        BadInput(
            "u and v must be 1-D vectors, not matrices",
            ([[1.0, 2.0], [0.0, 1.0]], [[3.0, 4.0], [1.0, 1.0]]),
        ),
        *domain.bad_inputs(),
    ]
