"""The core the weight-penalty graders share (``l1_penalty``, ``l2_penalty``).

Both exercises are ``f(w, alpha)``: ``alpha`` times a sum over the weights of any shape,
judged against the same sum in exact rational arithmetic to :data:`RTOL`. A grader builds its
domain with :func:`penalty_domain` and runs its checks with :func:`expect_penalty` (one
call), :func:`expect_random_penalties`, :func:`expect_penalty_corners` and
:func:`expect_penalty_rejected`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from mlkata.grading.bad_inputs import BadInput
from mlkata.grading.checks import expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.judge import Mistake, expect_close
from mlkata.grading.outcome import Outcome
from mlkata.grading.proxy import StudentFunction

RTOL, ATOL = 1e-11, 1e-300
"""The tolerances: an exact reference, and sums that float64 code gets to about 1e-13."""


def _int8(values, rng):
    """int8 entries, -128 among them: np.abs and squares kept in int8 wrap around."""
    values["w"] = rng.integers(-128, 128, size=values["w"].shape).astype(np.int8)
    values["w"].reshape(-1)[0] = -128
    return values


def _large_integers(values, rng):
    """int64 entries near 2**32: their squares overflow int64."""
    values["w"] = rng.integers(2**32 - 100, 2**32 + 100, size=values["w"].shape)
    return values


def penalty_domain(seed: int) -> Domain:
    """The domain of ``f(w, alpha)``: weights of any shape (never empty), alpha in [0.1, 3]."""
    return Domain(
        seed=seed,
        args=(
            Reals("w", scale=3, any_shape=True, uint8=True, nan_rejected=True),
            Reals("alpha", (), low=0.1, high=3.0),
        ),
        sizes={"n": (1, 6, 40, 1000)},
        empty="reject",
        custom={"int8 entries": _int8, "large integers": _large_integers},
    )


def expect_penalty(
    outcome: Outcome,
    w: object,
    alpha: float,
    reference: Callable[..., float],
    reference_name: str,
    mistakes: Iterable[Mistake],
    why: str = "",
) -> None:
    """The learner's ``outcome`` of ``f(w, alpha)`` against ``reference(w, alpha)``; ``why`` is
    added to the reference's name in the message."""
    expect_close(
        outcome, reference(w, alpha), reference=reference_name + why, rtol=RTOL, atol=ATOL, mistakes=mistakes
    )


def expect_random_penalties(
    function: StudentFunction,
    rng: np.random.Generator,
    sizes_and_alphas: Iterable[tuple[int, float]],
    reference: Callable[..., float],
    reference_name: str,
    mistakes: Iterable[Mistake],
) -> None:
    """Random normal weights (scale 3) for each ``(size, alpha)``."""
    mistakes = tuple(mistakes)
    for size, alpha in sizes_and_alphas:
        w = rng.normal(scale=3, size=size)
        expect_penalty(function.call(w, alpha), w, alpha, reference, reference_name, mistakes)


def expect_penalty_corners(
    function: StudentFunction,
    domain: Domain,
    reference: Callable[..., float],
    reference_name: str,
    mistakes: Iterable[Mistake],
) -> None:
    """Every corner of ``domain``, to :data:`RTOL` and :data:`ATOL`."""
    expect_cases(
        function,
        domain.corner_cases(),
        reference,
        reference_name=reference_name,
        mistakes=mistakes,
        rtol=RTOL,
        atol=ATOL,
    )


def expect_penalty_rejected(
    function: StudentFunction, domain: Domain, unsigned: Callable[[object, float], float]
) -> None:
    """Every ValueError of the Raises section, then the domain's bad inputs.

    ``unsigned(w, alpha)`` is the penalty computed whatever the sign of ``alpha``: what a
    function that lets a negative alpha through returns.
    """
    negative_alpha = Mistake(
        "a negative alpha rewards large weights: raise ValueError for alpha < 0", unsigned
    )
    expect_rejected(
        function,
        [
            BadInput("alpha must be >= 0", ([1.0, -2.0], -0.5), mistakes=(negative_alpha,)),
            BadInput("w is empty", ([], 1.0)),
            BadInput("w holds inf, which is not finite", ([1.0, np.inf], 1.0)),
            BadInput("alpha=nan is not a finite number", ([1.0, -2.0], np.nan)),
            BadInput("alpha=inf is not a finite number", ([1.0, -2.0], np.inf)),
            BadInput("alpha=[0.1, 0.2] is not a single number", ([1.0, -2.0], [0.1, 0.2])),
            *domain.bad_inputs(),
        ],
    )
