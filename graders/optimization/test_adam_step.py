"""Grader for optimization/adam_step, against scikit-learn's AdamOptimizer.

The reference is ``sklearn.neural_network._stochastic_optimizers.AdamOptimizer`` (what
``MLPClassifier(solver="adam")`` steps with) driven for one step in the state of step ``t``:
built with ``lr``, ``beta1``, ``beta2`` and ``eps``, its ``ms = [m]``, ``vs = [v]`` and
``t = t - 1`` set (it counts its steps itself, adding 1 before each), then one
``_get_updates([grad])``: ``w_new`` is ``w`` plus that update, ``m_new`` and ``v_new`` its new
moments. Its form is lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t), step -lr_t * m / (sqrt(v) + eps).
The three parts must be float64 arrays of ``w``'s shape, as the docstring promises: 0-d arrays
for a number ``w`` (not numpy scalars), float64 for float32 or integer inputs
(:func:`mlkata.grading.result_types.expect_float64`).
"""

import numpy as np
from sklearn.neural_network._stochastic_optimizers import AdamOptimizer

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
from mlkata.grading.functions import Given
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import expect_float64

adam_step = student_function("adam_step")
REFERENCE = "sklearn AdamOptimizer(lr, beta1, beta2, eps), one step from ms=[m], vs=[v] at step t"
PARTS = ("w_new", "m_new", "v_new")


@cached_reference
def reference(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, grad, m, v = (np.array(a, dtype=np.float64) for a in (w, grad, m, v))
    optimizer = AdamOptimizer([w], learning_rate_init=lr, beta_1=beta1, beta_2=beta2, epsilon=eps)
    optimizer.t, optimizer.ms, optimizer.vs = int(t) - 1, [m], [v]
    (update,) = optimizer._get_updates([grad])
    return w + update, optimizer.ms[0], optimizer.vs[0]


def _step(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, *, how):
    """The step as a learner with one mistake (``how``) takes it; None where it changes nothing."""
    given = np.asarray(w)
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, grad, m, v))
    if how == "betas swapped":
        m_new, v_new = beta2 * m + (1 - beta2) * g, beta1 * v + (1 - beta1) * g**2
    else:
        m_new, v_new = beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g**2
    c1, c2 = 1 - beta1**t, 1 - beta2**t
    steps = {
        "paper": lambda: (m_new / c1) / (np.sqrt(v_new / c2) + eps),
        "t + 1": lambda: (
            lr * np.sqrt(1 - beta2 ** (t + 1)) / (1 - beta1 ** (t + 1)) * m_new / (np.sqrt(v_new) + eps)
        ),
        "no correction": lambda: lr * m_new / (np.sqrt(v_new) + eps),
        "no root in the correction": lambda: lr * c2 / c1 * m_new / (np.sqrt(v_new) + eps),
        "first moment corrected only": lambda: lr / c1 * m_new / (np.sqrt(v_new) + eps),
        "old moments": lambda: lr * np.sqrt(c2) / c1 * m / (np.sqrt(v) + eps),
    }
    right = lr * np.sqrt(c2) / c1 * m_new / (np.sqrt(v_new) + eps)
    if how == "paper":
        return w - lr * steps["paper"](), m_new, v_new
    if how == "betas swapped":
        return w - right, m_new, v_new
    if how == "truncated":
        return ((w - right).astype(given.dtype), m_new, v_new) if given.dtype.kind in "biu" else None
    return w - steps[how](), m_new, v_new


def _with(**fixed):
    """The right step with a keyword replaced by its default (None when it is the default)."""

    def compute(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        given = {"lr": lr, "beta1": beta1, "beta2": beta2, "eps": eps}
        if all(given[k] == value for k, value in fixed.items()):
            return None
        return reference(w, grad, m, v, t, **{**given, **fixed})

    return compute


_WRONG = (
    (
        "paper",
        "that is the paper's first form, m_hat / (sqrt(v_hat) + eps) with corrected moments; this "
        "exercise (as sklearn) folds the correction into the step size: lr_t = lr * sqrt(1 - beta2**t) "
        "/ (1 - beta1**t), step lr_t * m_new / (np.sqrt(v_new) + eps), and they differ where "
        "sqrt(v) is near eps",
    ),
    ("t + 1", "t is the number of this step, counting from 1: use beta**t as given, do not add 1 to t"),
    ("no correction", "correct the bias of the moments: lr_t = lr * sqrt(1 - beta2**t) / (1 - beta1**t)"),
    (
        "no root in the correction",
        "the step size is lr * sqrt(1 - beta2**t) / (1 - beta1**t): take the square root",
    ),
    (
        "first moment corrected only",
        "correct both moments: lr_t = lr * sqrt(1 - beta2**t) / (1 - beta1**t); the factor "
        "sqrt(1 - beta2**t) is v's",
    ),
    ("old moments", "step with the updated moments m_new and v_new, not the m and v you were given"),
    ("betas swapped", "beta1 is the decay of m (the gradient's mean), beta2 of v (its square's mean)"),
    (
        "truncated",
        "w_new must be a float array: np.zeros_like or an integer w's own dtype truncates the update "
        "(start from np.asarray(w, dtype=float))",
    ),
)
MISTAKES = (
    *(Mistake(hint, lambda *a, how=how, **k: _step(*a, **k, how=how)) for how, hint in _WRONG),
    *(
        Mistake(f"use the {name} you are given, not {value:g}", _with(**{name: value}))
        for name, value in (("lr", 0.001), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8))
    ),
)
PART_MISTAKES = tuple(part_mistakes(MISTAKES, i, whole_must_agree=True) for i in range(len(PARTS)))


def _rounding(expected, args):
    """A few ulps of each part's terms: how far correct float64 orders of the arithmetic may differ."""
    u = 16 * np.finfo(float).eps
    w, g, m, v = (np.abs(np.asarray(a, float)) for a in args[:4])
    if not w.size:
        return 0.0, 0.0, 0.0
    return (
        u * float(np.max(w + np.abs(expected[0] - np.asarray(args[0], float)))),
        u * float(np.max(m + g)),
        u * float(np.max(v + g * g)),
    )


def check(outcome, args, kwargs, suffix="", tolerances=None):
    returned(outcome)
    expected = reference(*args, **kwargs)
    atols = _rounding(expected, args)
    for index, name in enumerate(PARTS):
        rtol, atol = tolerances[index] if tolerances else (1e-9, 0.0)
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + suffix,
            rtol=rtol,
            atol=max(atol, atols[index]),
            mistakes=PART_MISTAKES[index],
        )
    expect_float64(outcome, PARTS)


def _problem(rng, shape, w_scale=1.0):
    grad = rng.normal(size=shape)
    return (
        w_scale * rng.normal(size=shape),
        grad,
        0.3 * rng.normal(size=shape),
        0.5 * rng.normal(size=shape) ** 2,
    )


@points(3)
def test_matches_sklearn(adam_step):
    rng = seeded(2401)
    for shape, t in (((1,), 1), ((5,), 2), ((40,), 7), ((3, 4), 30)):
        args = (*_problem(rng, shape), t)
        check(adam_step.call(*args), args, {}, f", t={t}")
    w, grad = rng.integers(-5, 6, size=6), rng.integers(-3, 4, size=6)
    args = (w, grad, np.zeros(6), np.zeros(6), 1)
    check(adam_step.call(*args, lr=0.25), args, {"lr": 0.25}, ", integer w and grad")


@points(2)
def test_bias_correction_at_step_t(adam_step):
    """w = 0, so w_new is the step itself, at t = 1, 2, 10, 1000 (where the correction is gone)."""
    rng = seeded(2402)
    for t in (1, 2, 10, 1000):
        args = (*_problem(rng, (6,), w_scale=0.0), t)
        check(adam_step.call(*args, lr=0.1), args, {"lr": 0.1}, f", t={t}, w = 0")


@points(2)
def test_where_eps_matters(adam_step):
    """Gradients and moments so small that sqrt(v) is near eps: the form of the step shows."""
    rng = seeded(2403)
    for t, scale in ((1, 1e-8), (3, 3e-9), (20, 1e-8)):
        w, grad, m, v = _problem(rng, (5,), w_scale=0.0)
        args = (w, scale * grad, scale * m, scale**2 * v, t)
        check(adam_step.call(*args, lr=0.1), args, {"lr": 0.1}, f", t={t}, gradients of about {scale:g}")


@points(1)
def test_every_keyword(adam_step):
    rng = seeded(2404)
    for kwargs in (
        {"lr": 0.05},
        {"beta1": 0.5},
        {"beta2": 0.9},
        {"eps": 1e-3},
        {"beta1": 0.0, "beta2": 0.0, "lr": 0.2},
    ):
        args = (*_problem(rng, (7,), w_scale=0.0), 3)
        check(adam_step.call(*args, **kwargs), args, kwargs, f" with {kwargs}, t=3, w = 0")


def _judge(function, case: Case):
    outcome = case_outcome(function, case)
    args, kwargs = case.widened, case.widened_kwargs
    expected = reference(*args, **kwargs)
    tolerances = [
        case_tolerances(lambda *a, i=i, **k: reference(*a, **k)[i], case, expected[i], rtol=1e-9, atol=0.0)
        for i in range(len(PARTS))
    ]
    check(outcome, args, kwargs, case_suffix(case) + f", t={case.args[4]}", tolerances)


def _zero_w(values, rng):
    values["w"] = np.zeros_like(values["w"])
    return values


def _eps_matters(values, rng):
    shape = np.shape(values["w"])
    scale = 1e-8
    values.update(
        w=np.zeros(shape),
        grad=scale * rng.normal(size=shape),
        m=scale * rng.normal(size=shape),
        v=(scale * rng.normal(size=shape)) ** 2,
        t=int(rng.integers(1, 4)),
    )
    return values


def _first_step(values, rng):
    values.update(m=np.zeros_like(values["m"]), v=np.zeros_like(values["v"]), t=1, lr=0.1)
    return values


DOMAIN = Domain(
    seed=2411,
    args=(
        Reals("w", any_shape=True, uint8=True, offset=True, tiny=True),
        Reals("grad", any_shape=True, uint8=True, tiny=True),
        Reals("m", scale=0.3, any_shape=True, uint8=True, tiny=True),
        Reals("v", scale=0.5, nonneg=True, any_shape=True, uint8=True, tiny=True),
        Given("t", lambda rng, dims: int(rng.choice([1, 2, 3, 10, 100]))),
    ),
    params=(
        Param(
            "lr",
            0.001,
            values=(0.01, 0.3),
            invalid=(0.0, -1e-3, float("nan"), float("inf")),
            why_invalid="is not a positive step size",
        ),
        Param(
            "beta1", 0.9, values=(0.0, 0.5), invalid=(1.0, -0.1, float("nan")), why_invalid="is not in [0, 1)"
        ),
        Param("beta2", 0.999, values=(0.0, 0.9), invalid=(1.0, -0.5), why_invalid="is not in [0, 1)"),
        Param(
            "eps",
            1e-8,
            values=(1e-3, 0.1),
            invalid=(0.0, -1e-8, float("nan")),
            why_invalid="is not a positive number",
        ),
    ),
    sizes={"n": (1, 3, 10, 200)},
    empty="map",
    custom={
        "w = 0": _zero_w,
        "tiny gradients and moments: eps matters": _eps_matters,
        "the first step, t=1, lr=0.1": _first_step,
    },
)


@points(2)
def test_every_corner_of_the_domain(adam_step):
    for case in DOMAIN.corner_cases():
        _judge(adam_step, case)


@points(1)
def test_numbers_and_empty_arrays(adam_step):
    for args in ((1.5, -2.0, 0.25, 0.5, 4), (*(np.zeros((2, 0)),) * 4, 1), ([], [], [], [], 2)):
        check(adam_step.call(*args), args, {}, ", an elementwise update of any shape")


@points(1)
def test_rejects_bad_input(adam_step):
    w = [1.0, 2.0, 3.0]
    expect_rejected(
        adam_step,
        [
            BadInput("t counts from 1: at t=0, 1 - beta1**0 is 0", (w, w, w, w, 0)),
            BadInput("t must be >= 1", (w, w, w, w, -2)),
            BadInput("t is a step number, an integer, not 1.5", (w, w, w, w, 1.5)),
            BadInput("t is a step number, not True", (w, w, w, w, True)),
            BadInput("v is an average of squares: -1 is impossible", (w, w, w, [1.0, -1.0, 0.0], 1)),
            BadInput("grad has 2 values for 3 parameters", (w, [0.1, 0.2], w, w, 1)),
            BadInput("m has shape (1,), w (3,): no broadcasting", (w, w, [0.5], w, 1)),
            BadInput("lr must be positive", (w, w, w, w, 1), {"lr": 0.0}),
            BadInput("beta1 must be below 1", (w, w, w, w, 1), {"beta1": 1.0}),
            BadInput("beta2 must be below 1", (w, w, w, w, 1), {"beta2": 1.0}),
            BadInput("eps must be positive", (w, w, w, w, 1), {"eps": -1e-8}),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("adam_step", DOMAIN, judge=_judge),)


@robust()
@points(1)
def test_extreme_gradients_and_steps(adam_step):
    """Gradients of 1e150 and 1e-200 (whose squares underflow), zero gradients, betas near 1."""
    rng = seeded(2405)
    w, grad, m, v = _problem(rng, (6,))
    zeros = np.zeros(6)
    cases = (
        ((w, 1e150 * grad, zeros, zeros, 1), {}, ": gradients of 1e150 at the first step"),
        ((w, 1e150 * grad, 1e149 * m, 1e299 * v, 5), {"lr": 0.1}, ": gradients and moments of 1e150"),
        ((zeros, 1e-200 * grad, zeros, zeros, 1), {"lr": 0.1}, ": gradients of 1e-200, squares underflow"),
        ((w, zeros, zeros, zeros, 1), {}, ": zero gradients from zero moments: no step"),
        ((w, zeros, m, v, 3), {"lr": 1e-12}, ": zero gradients, lr = 1e-12"),
        ((w, grad, m, v, 10**6), {"beta1": 0.999999, "beta2": 0.9999999}, ": t = 1e6, betas near 1"),
        ((w[:1], grad[:1], m[:1], v[:1], 2), {"beta1": 0.0, "beta2": 0.0}, ": one parameter, betas 0"),
    )
    for args, kwargs, what in cases:
        check(adam_step.call(*args, **kwargs), args, kwargs, what)


def _parameters(n, rng):
    w, grad, m, v = _problem(rng, (n,))
    return {"w": w, "grad": grad, "m": m, "v": v, "t": 10}


FAST = Fast(inputs=_parameters, why="one step on n parameters at t = 10")
