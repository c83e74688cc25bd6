"""Grader for optimization/rmsprop_step, against an independent implementation and hand cases.

No library exposes one RMSprop step on plain arrays, so the reference here is a separate
float64 implementation: a Python loop over the entries with ``math.sqrt`` (not the
solution's vectorised code), checked first against cases worked by hand (the docstring's
among them). The update is PyTorch's ``torch.optim.RMSprop`` without momentum: the step
divides by ``sqrt(sq_avg_new) + eps``, with the updated average and ``eps`` outside the root.
Both parts must be float64 arrays of ``w``'s shape, as the docstring promises: 0-d arrays for a
number ``w`` (not numpy scalars), float64 for float32 or integer inputs
(:func:`mlkata.grading.result_types.expect_float64`).
"""

import math

import numpy as np

from mlkata.grading import Mistake, expect_close, part_mistakes, points, returned, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Case, Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import expect_float64

rmsprop_step = student_function("rmsprop_step")
REFERENCE = "an independent float64 loop: s = rho*s + (1-rho)*g*g; w - lr*g/(math.sqrt(s) + eps)"
HAND = "worked by hand"
PARTS = ("w_new", "sq_avg_new")


@cached_reference
def reference(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    w, g, s = (np.array(a, dtype=np.float64) for a in (w, grad, sq_avg))
    w_new, s_new = np.empty(w.shape), np.empty(w.shape)
    for i in np.ndindex(w.shape):
        g_i = float(g[i])
        s_new[i] = rho * float(s[i]) + (1.0 - rho) * (g_i * g_i)
        w_new[i] = float(w[i]) - lr * g_i / (math.sqrt(s_new[i]) + eps)
    return w_new, s_new


def _step(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8, *, how):
    """The step as a learner with one mistake (``how``) takes it; None where it changes nothing."""
    given = np.asarray(w)
    w, g, s = (np.asarray(a, dtype=float) for a in (w, grad, sq_avg))
    s_new = rho * s + (1 - rho) * g**2
    if how == "eps inside":
        return w - lr * g / np.sqrt(s_new + eps), s_new
    if how == "old average":
        return w - lr * g / (np.sqrt(s) + eps), s_new
    if how == "rho swapped":
        swapped = (1 - rho) * s + rho * g**2
        return w - lr * g / (np.sqrt(swapped) + eps), swapped
    if how == "no root":
        return w - lr * g / (s_new + eps), s_new
    if how == "abs":
        kept = rho * s + (1 - rho) * np.abs(g)
        return w - lr * g / (np.sqrt(kept) + eps), kept
    if how == "truncated":
        w_new = w - lr * g / (np.sqrt(s_new) + eps)
        return (w_new.astype(given.dtype), s_new) if given.dtype.kind in "biu" else None
    raise AssertionError(how)


def _with(**fixed):
    """The right step with a keyword replaced by its default (None when it is the default)."""

    def compute(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
        given = {"lr": lr, "rho": rho, "eps": eps}
        if all(given[k] == v for k, v in fixed.items()):
            return None
        return reference(w, grad, sq_avg, **{**given, **fixed})

    return compute


_WRONG = (
    (
        "eps inside",
        "eps goes outside the root: divide by np.sqrt(sq_avg_new) + eps, not np.sqrt(sq_avg_new + eps)",
    ),
    (
        "old average",
        "divide by the updated average: sq_avg_new first, then the step with np.sqrt(sq_avg_new)",
    ),
    ("rho swapped", "rho weighs the old average: sq_avg_new = rho * sq_avg + (1 - rho) * grad**2"),
    ("no root", "divide by the root of the average, np.sqrt(sq_avg_new) + eps, not the average itself"),
    ("abs", "the average is of squared gradients: (1 - rho) * grad**2, not |grad|"),
    (
        "truncated",
        "w_new must be a float array: np.zeros_like or an integer w's own dtype truncates the update "
        "(start from np.asarray(w, dtype=float))",
    ),
)
MISTAKES = (
    *(Mistake(hint, lambda *a, how=how, **k: _step(*a, **k, how=how)) for how, hint in _WRONG),
    Mistake("use the lr you are given, not 0.01", _with(lr=0.01)),
    Mistake("use the rho you are given, not 0.9", _with(rho=0.9)),
    Mistake("use the eps you are given, not 1e-8", _with(eps=1e-8)),
)
PART_MISTAKES = tuple(part_mistakes(MISTAKES, i, whole_must_agree=True) for i in range(len(PARTS)))


def _rounding(expected, w):
    """A few ulps of the terms: how far correct float64 orders of the arithmetic may differ."""
    u = np.finfo(float).eps
    w = np.abs(np.asarray(w, float))
    moved = np.abs(expected[0] - np.asarray(w, float)) if np.size(w) else w
    return (
        16 * u * float(np.max(w + moved + np.abs(expected[0]), initial=0.0)),
        16 * u * float(np.max(expected[1], initial=0.0)),
    )


def check(outcome, args, kwargs, expected=None, what=REFERENCE, tolerances=None):
    returned(outcome)
    expected = reference(*args, **kwargs) if expected is None else expected
    atols = _rounding(expected, args[0])
    for index, name in enumerate(PARTS):
        rtol, atol = tolerances[index] if tolerances else (1e-9, 0.0)
        expect_close(
            outcome.part(index, name),
            np.asarray(expected[index], float),
            reference=what,
            rtol=rtol,
            atol=max(atol, atols[index]),
            mistakes=PART_MISTAKES[index],
        )
    expect_float64(outcome, PARTS)


@points(2)
def test_worked_by_hand(rmsprop_step):
    eps = 1e-8
    cases = (
        # the docstring: sq_avg_new = 0.75 * [4, 0] + 0.25 * [4, 16] = [4, 4], roots 2
        (
            ([1.0, 2.0], [2.0, -4.0], [4.0, 0.0]),
            {"lr": 0.5, "rho": 0.75},
            ([1 - 1 / (2 + eps), 2 + 2 / (2 + eps)], [4, 4]),
        ),
        # the first step from 0: lr * g / (|g| sqrt(1 - rho) + eps), about lr / sqrt(0.1)
        (([0.5], [0.3], [0.0]), {}, ([0.5 - 0.01 * 0.3 / (0.3 * math.sqrt(0.1) + eps)], [0.1 * 0.09])),
        # rho = 0: the average is grad**2, the step lr * sign(grad) (eps aside)
        (
            ([0.0, 0.0], [3.0, -0.5], [7.0, 7.0]),
            {"lr": 0.1, "rho": 0.0},
            ([-0.3 / (3 + eps), 0.05 / (0.5 + eps)], [9, 0.25]),
        ),
        # no gradient: no step, and the average decays
        (([1.0, -1.0], [0.0, 0.0], [1.0, 4.0]), {}, ([1.0, -1.0], [0.9, 3.6])),
        # a gradient of 1e-8 from 0: sqrt(1e-17) = 3.2e-9 is below eps, which then matters
        (([0.0], [1e-8], [0.0]), {}, ([-0.01 * 1e-8 / (math.sqrt(1e-17) + eps)], [1e-17])),
    )
    for args, kwargs, expected in cases:
        check(rmsprop_step.call(*args, **kwargs), args, kwargs, expected, HAND)
        check(rmsprop_step.call(*args, **kwargs), args, kwargs)  # the reference agrees with the hand


@points(2)
def test_matches_the_reference(rmsprop_step):
    rng = seeded(2301)
    for shape in ((1,), (6,), (50,), (4, 5)):
        args = (rng.normal(size=shape), rng.normal(size=shape), np.abs(rng.normal(size=shape)))
        check(rmsprop_step.call(*args), args, {})
    w, grad, sq_avg = rng.integers(-5, 6, size=5), rng.integers(-3, 4, size=5), rng.integers(0, 9, size=5)
    check(
        rmsprop_step.call(w, grad, sq_avg, lr=0.5),
        (w, grad, sq_avg),
        {"lr": 0.5},
        what=REFERENCE + ", integers",
    )


@points(1)
def test_every_keyword(rmsprop_step):
    rng = seeded(2302)
    for kwargs in (
        {"lr": 0.3},
        {"rho": 0.5},
        {"rho": 0.99},
        {"eps": 1e-3},
        {"lr": 0.05, "rho": 0.0, "eps": 0.5},
    ):
        args = (np.zeros(6), 0.1 * rng.normal(size=6), 0.01 * np.abs(rng.normal(size=6)))
        check(rmsprop_step.call(*args, **kwargs), args, kwargs, what=f"{REFERENCE} with {kwargs}, w = 0")


def _judge(function, case: Case):
    outcome = case_outcome(function, case)
    args, kwargs = case.widened, case.widened_kwargs
    expected = reference(*args, **kwargs)
    tolerances = [
        case_tolerances(lambda *a, i=i, **k: reference(*a, **k)[i], case, expected[i], rtol=1e-9, atol=0.0)
        for i in range(len(PARTS))
    ]
    check(outcome, args, kwargs, expected, REFERENCE + case_suffix(case), tolerances)


def _zero_w(values, rng):
    values["w"] = np.zeros_like(values["w"])
    return values


def _eps_dominates(values, rng):
    """Gradients of about 1e-9 from an average of 0: the root is below eps."""
    shape = np.shape(values["w"])
    values.update(w=np.zeros(shape), grad=1e-9 * rng.normal(size=shape), sq_avg=np.zeros(shape))
    return values


def _no_gradient(values, rng):
    values["grad"] = np.zeros_like(values["grad"])
    return values


DOMAIN = Domain(
    seed=2311,
    args=(
        Reals("w", any_shape=True, uint8=True, offset=True, tiny=True),
        Reals("grad", any_shape=True, uint8=True, tiny=True),
        Reals("sq_avg", any_shape=True, nonneg=True, uint8=True, tiny=True),
    ),
    params=(
        Param(
            "lr",
            0.01,
            values=(0.1, 1.0),
            invalid=(0.0, -0.1, float("nan"), float("inf")),
            why_invalid="is not a positive step size",
        ),
        Param(
            "rho",
            0.9,
            values=(0.0, 0.5, 0.99),
            invalid=(1.0, -0.1, float("nan")),
            why_invalid="is not in [0, 1)",
        ),
        Param(
            "eps",
            1e-8,
            values=(1e-3, 0.5),
            invalid=(0.0, -1e-8, float("nan")),
            why_invalid="is not a positive number",
        ),
    ),
    sizes={"n": (1, 3, 10, 200)},
    empty="map",
    custom={
        "w = 0": _zero_w,
        "tiny gradients from 0: eps dominates": _eps_dominates,
        "grad = 0": _no_gradient,
    },
)


@points(2)
def test_every_corner_of_the_domain(rmsprop_step):
    for case in DOMAIN.corner_cases():
        _judge(rmsprop_step, case)


@points(1)
def test_numbers_and_empty_arrays(rmsprop_step):
    for args in ((1.5, -2.0, 0.25), (np.zeros((2, 0)),) * 3, ([], [], [])):
        check(rmsprop_step.call(*args), args, {}, what=REFERENCE + ", an elementwise update of any shape")


@points(1)
def test_rejects_bad_input(rmsprop_step):
    w = [1.0, 2.0, 3.0]
    expect_rejected(
        rmsprop_step,
        [
            BadInput("sq_avg is an average of squares: -1 is impossible", (w, w, [1.0, -1.0, 0.0])),
            BadInput("grad has 2 values for 3 parameters", (w, [0.1, 0.2], w)),
            BadInput("sq_avg has shape (1,), w (3,): no broadcasting", (w, w, [0.5])),
            BadInput("lr must be positive", (w, w, w), {"lr": 0.0}),
            BadInput("rho must be below 1", (w, w, w), {"rho": 1.0}),
            BadInput("eps must be positive", (w, w, w), {"eps": 0.0}),
            BadInput("grad must be numeric", (w, ["a", "b", "c"], w)),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("rmsprop_step", DOMAIN, judge=_judge),)


@robust()
@points(1)
def test_extreme_gradients_and_steps(rmsprop_step):
    """Gradients of 1e150 and 1e-200 (whose squares underflow), zero gradients, rho near 1."""
    rng = seeded(2303)
    w, grad, sq_avg = rng.normal(size=6), rng.normal(size=6), np.abs(rng.normal(size=6))
    zeros = np.zeros(6)
    cases = (
        ((w, 1e150 * grad, zeros), {}, ": gradients of 1e150 from a zero average"),
        ((w, 1e150 * grad, 1e300 * sq_avg), {"lr": 0.1}, ": gradients of 1e150, average of 1e300"),
        ((zeros, 1e-200 * grad, zeros), {}, ": gradients of 1e-200, squares underflow (eps decides)"),
        ((w, zeros, zeros), {}, ": zero gradients from a zero average: no step"),
        ((w, grad, sq_avg), {"lr": 1e-12, "rho": 0.999999}, ": lr = 1e-12, rho near 1"),
        ((w[:1], grad[:1], sq_avg[:1]), {"rho": 0.0, "eps": 1e-300}, ": one parameter, rho 0, eps 1e-300"),
    )
    for args, kwargs, what in cases:
        check(rmsprop_step.call(*args, **kwargs), args, kwargs, what=REFERENCE + what)


FAST = Fast(
    inputs=lambda n, rng: {
        "w": rng.normal(size=n),
        "grad": rng.normal(size=n),
        "sq_avg": np.abs(rng.normal(size=n)),
    },
    why="one step on n parameters",
)
