"""Grader for optimization/sgd_momentum_step, against scikit-learn's SGDOptimizer.

The reference is ``sklearn.neural_network._stochastic_optimizers.SGDOptimizer`` (what
``MLPClassifier(solver="sgd")`` steps with) driven for one step: built with ``lr``,
``momentum`` and ``nesterov``, its ``velocities`` set to the given velocity, then one
``_get_updates([grad])``; ``w_new`` is ``w`` plus that update, ``velocity_new`` the
optimizer's new velocity. The inputs are given to it as float64 copies. Both parts must be
float64 arrays of ``w``'s shape, as the docstring promises: 0-d arrays for a number ``w`` (not
numpy scalars), float64 for float32 or integer inputs
(:func:`mlkata.grading.result_types.expect_float64`).
"""

import numpy as np
from sklearn.neural_network._stochastic_optimizers import SGDOptimizer

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

sgd_momentum_step = student_function("sgd_momentum_step")
REFERENCE = "sklearn SGDOptimizer(lr, momentum, nesterov), one step from velocities=[velocity]"
PARTS = ("w_new", "velocity_new")


@cached_reference
def reference(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, grad, velocity = (np.array(a, dtype=np.float64) for a in (w, grad, velocity))
    optimizer = SGDOptimizer([w], learning_rate_init=lr, momentum=momentum, nesterov=nesterov)
    optimizer.velocities = [velocity]
    (update,) = optimizer._get_updates([grad])
    return w + update, optimizer.velocities[0]


def _step(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False, *, how):
    """The step as a learner with one mistake (``how``) takes it; None where it changes nothing."""
    given = np.asarray(w)
    w, g, v = (np.asarray(a, dtype=float) for a in (w, grad, velocity))
    if how == "plus":
        v_new = momentum * v + lr * g
        return (w + momentum * v_new + lr * g if nesterov else w + v_new), v_new
    if how == "minus velocity":
        v_new = momentum * v + lr * g
        return (w - momentum * v_new - lr * g if nesterov else w - v_new), v_new
    if how == "torch":
        v_new = momentum * v + g
        return (w - lr * (g + momentum * v_new) if nesterov else w - lr * v_new), v_new
    if how == "old velocity moves w":
        return None if nesterov else (w + v, momentum * v - lr * g)
    v_new = momentum * v - lr * g
    if how == "no nesterov":
        return (w + v_new, v_new) if nesterov else None
    if how == "look-ahead only":
        return (w + momentum * v_new, v_new) if nesterov else None
    if how == "returns the step":
        return (w + momentum * v_new - lr * g, momentum * v_new - lr * g) if nesterov else None
    if how == "truncated":
        w_new = w + momentum * v_new - lr * g if nesterov else w + v_new
        return (w_new.astype(given.dtype), v_new) if given.dtype.kind in "biu" else None
    raise AssertionError(how)


def _with(**fixed):
    """The right step with a keyword replaced by its default (None when it is the default)."""

    def compute(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
        given = {"lr": lr, "momentum": momentum}
        if all(given[k] == v for k, v in fixed.items()):
            return None
        return reference(w, grad, velocity, **{**given, **fixed}, nesterov=nesterov)

    return compute


_WRONG = (
    ("plus", "the velocity points against the gradient: velocity_new = momentum * velocity - lr * grad"),
    (
        "minus velocity",
        "the velocity is momentum * velocity - lr * grad, and w moves by + velocity_new: yours has "
        "the opposite sign (w - velocity_new with velocity = momentum * velocity + lr * grad)",
    ),
    (
        "torch",
        "that is PyTorch's form (velocity = momentum * velocity + grad, w - lr * velocity): here lr "
        "is inside the velocity, velocity_new = momentum * velocity - lr * grad",
    ),
    ("old velocity moves w", "w moves by the new velocity: w_new = w + velocity_new, not w + velocity"),
    (
        "no nesterov",
        "with nesterov=True the step is the look-ahead momentum * velocity_new - lr * grad, not velocity_new",
    ),
    (
        "look-ahead only",
        "the Nesterov step is momentum * velocity_new - lr * grad: you left out the - lr * grad",
    ),
    (
        "returns the step",
        "return velocity_new = momentum * velocity - lr * grad as the velocity, not the Nesterov step",
    ),
    (
        "truncated",
        "w_new must be a float array: np.zeros_like or an integer w's own dtype truncates the update "
        "(start from np.asarray(w, dtype=float))",
    ),
)
MISTAKES = (
    *(Mistake(hint, lambda *a, how=how, **k: _step(*a, **k, how=how)) for how, hint in _WRONG),
    Mistake("use the lr you are given, not 0.01", _with(lr=0.01)),
    Mistake("use the momentum you are given, not 0.9", _with(momentum=0.9)),
)
PART_MISTAKES = tuple(part_mistakes(MISTAKES, i, whole_must_agree=True) for i in range(len(PARTS)))


def _rounding(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    """A few ulps of the terms added: how far correct float64 orders of the sums may differ."""
    terms = [np.abs(np.asarray(a, float)) for a in (w, velocity, grad)]
    scale = terms[0] + momentum * terms[1] + lr * terms[2] * (1 + momentum)
    return 8 * np.finfo(float).eps * float(np.max(scale, initial=0.0))


def check(outcome, args, kwargs, suffix="", tolerances=None):
    returned(outcome)
    expected = reference(*args, **kwargs)
    atol = _rounding(*args, **kwargs)
    for index, name in enumerate(PARTS):
        rtol, part_atol = tolerances[index] if tolerances else (1e-9, atol)
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + suffix,
            rtol=rtol,
            atol=max(part_atol, atol),
            mistakes=PART_MISTAKES[index],
        )
    expect_float64(outcome, PARTS)


def _judge(function, case: Case):
    outcome = case_outcome(function, case)
    args, kwargs = case.widened, case.widened_kwargs
    expected = reference(*args, **kwargs)
    tolerances = [
        case_tolerances(
            lambda *a, i=i, **k: reference(*a, **k)[i],
            case,
            expected[i],
            rtol=1e-9,
            atol=_rounding(*args, **kwargs),
        )
        for i in range(len(PARTS))
    ]
    check(outcome, args, kwargs, case_suffix(case), tolerances)


def _problem(rng, shape):
    return rng.normal(size=shape), rng.normal(size=shape), 0.1 * rng.normal(size=shape)


@points(3)
def test_matches_sklearn(sgd_momentum_step):
    rng = seeded(2201)
    for shape in ((1,), (5,), (40,)):
        args = _problem(rng, shape)
        check(sgd_momentum_step.call(*args), args, {})
    w, grad, velocity = rng.integers(-5, 6, size=6), rng.normal(size=6), rng.integers(-2, 3, size=6)
    check(sgd_momentum_step.call(w, grad, velocity, lr=0.3), (w, grad, velocity), {"lr": 0.3}, ", integer w")


@points(2)
def test_nesterov(sgd_momentum_step):
    rng = seeded(2202)
    for shape, kwargs in (((4,), {}), ((30,), {"lr": 0.2}), ((3, 3), {"lr": 0.05, "momentum": 0.5})):
        args = _problem(rng, shape)
        check(sgd_momentum_step.call(*args, nesterov=True, **kwargs), args, {**kwargs, "nesterov": True})


@points(1)
def test_every_keyword(sgd_momentum_step):
    rng = seeded(2203)
    for kwargs in (
        {"lr": 0.5},
        {"momentum": 0.0},
        {"momentum": 0.99, "lr": 1e-3},
        {"momentum": 0.0, "nesterov": True},
    ):
        args = _problem(rng, (8,))
        check(sgd_momentum_step.call(*args, **kwargs), args, kwargs, f" with {kwargs}")


@points(1)
def test_numbers_and_empty_arrays(sgd_momentum_step):
    for args in ((1.5, -2.0, 0.25), (np.zeros((2, 0)),) * 3, ([], [], [])):
        check(
            sgd_momentum_step.call(*args, lr=0.1), args, {"lr": 0.1}, ", an elementwise update of any shape"
        )


def _zero_w(values, rng):
    """w = 0: w_new is the step itself, judged to its own precision."""
    values["w"] = np.zeros_like(values["w"])
    return values


def _nesterov_everything(values, rng):
    values.update(w=np.zeros_like(values["w"]), lr=0.3, momentum=0.6, nesterov=True)
    return values


def _first_step(values, rng):
    values["velocity"] = np.zeros_like(values["velocity"])
    values["nesterov"] = True
    return values


DOMAIN = Domain(
    seed=2211,
    args=(
        Reals("w", any_shape=True, uint8=True, offset=True, tiny=True),
        Reals("grad", any_shape=True, uint8=True, tiny=True),
        Reals("velocity", scale=0.1, any_shape=True, uint8=True, tiny=True),
    ),
    params=(
        Param(
            "lr",
            0.01,
            values=(0.2, 1.0),
            invalid=(0.0, -0.1, float("nan"), float("inf")),
            why_invalid="is not a positive step size",
        ),
        Param(
            "momentum",
            0.9,
            values=(0.0, 0.5),
            invalid=(1.0, -0.1, 1.5, float("nan")),
            why_invalid="is not in [0, 1)",
        ),
        Param("nesterov", False, values=(True,)),
    ),
    sizes={"n": (1, 3, 10, 200)},
    empty="map",
    custom={
        "w = 0": _zero_w,
        "nesterov, lr=0.3, momentum=0.6, w = 0": _nesterov_everything,
        "the first step (velocity 0)": _first_step,
    },
)


@points(2)
def test_every_corner_of_the_domain(sgd_momentum_step):
    for case in DOMAIN.corner_cases():
        _judge(sgd_momentum_step, case)


@points(1)
def test_rejects_bad_input(sgd_momentum_step):
    w = [1.0, 2.0, 3.0]
    expect_rejected(
        sgd_momentum_step,
        [
            BadInput("grad has 2 values for 3 parameters", (w, [0.1, 0.2], [0.0, 0.0, 0.0])),
            BadInput("velocity has shape (1,), w (3,): no broadcasting", (w, [0.1, 0.2, 0.3], [0.0])),
            BadInput("grad has shape (3, 1), w (3,)", (w, [[0.1], [0.2], [0.3]], [0.0, 0.0, 0.0])),
            BadInput("lr must be positive", (w, w, w), {"lr": -0.01}),
            BadInput("momentum must be below 1", (w, w, w), {"momentum": 1.0}),
            BadInput("w must be numeric", (["a", "b", "c"], w, w)),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("sgd_momentum_step", DOMAIN, judge=_judge),)


@robust()
@points(1)
def test_extreme_magnitudes_and_steps(sgd_momentum_step):
    """Parameters, velocities and gradients of 1e300, lr = 1e-300, zero gradients, momentum near 1."""
    rng = seeded(2304)
    w, grad, velocity = _problem(rng, (6,))
    zeros = np.zeros(6)
    cases = (
        ((1e300 * w, 1e300 * grad, 1e300 * velocity), {"lr": 0.25, "momentum": 0.5}, ": sizes of 1e300"),
        ((w, 1e300 * grad, zeros), {"lr": 1e-300}, ": gradients of 1e300, lr = 1e-300"),
        ((w, 1e-300 * grad, zeros), {"lr": 1e-10}, ": steps of 1e-310 (subnormal)"),
        ((w, zeros, zeros), {}, ": zero gradients and velocity: no step"),
        ((w, grad, velocity), {"momentum": 0.999999}, ": momentum near 1"),
        ((w[:1], grad[:1], velocity[:1]), {"momentum": 0.0}, ": one parameter, no momentum"),
    )
    for args, kwargs, what in cases:
        for nesterov in (False, True):
            given = {**kwargs, "nesterov": nesterov}
            check(sgd_momentum_step.call(*args, **given), args, given, what + f", nesterov={nesterov}")


FAST = Fast(
    inputs=lambda n, rng: {
        "w": rng.normal(size=n),
        "grad": rng.normal(size=n),
        "velocity": rng.normal(size=n),
    },
    why="one step on n parameters",
)
