"""Grader for optimization/numerical_gradient, against analytic gradients of known functions.

Each function is a :class:`~mlkata.sandbox.formula.Formula` (it crosses into the sandbox as
data, :mod:`mlkata.grading.functions`) carrying its analytic gradient, computed here with SciPy
where SciPy has it (``scipy.optimize.rosen_der``, ``scipy.special.softmax``) and by hand
otherwise. A learner's answer is checked twice: against the analytic gradient, within what
central differences at that ``eps`` can reach (estimated from this grader's own central
differences, a separate loop, and the rounding of ``f``); then against those central
differences themselves, within rounding, which is what shows that ``eps`` is the step.
``scipy.optimize.approx_fprime`` is the forward-difference version: it is how the
forward-difference mistake is recognised. The gradient must be a float64 array of ``x``'s
shape, as the docstring promises: 0-d for a number ``x`` (not a numpy scalar)
(:func:`mlkata.grading.result_types.expect_float64`).
"""

import numpy as np
from scipy.optimize import approx_fprime, rosen, rosen_der
from scipy.special import softmax

from mlkata.grading import Mistake, expect_close, points, returned, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, case_outcome, case_suffix, expect_rejected
from mlkata.grading.domains import Case, Domain, Param, Reals
from mlkata.grading.functions import Formula, Given, log1p, log_sum_exp, sin
from mlkata.grading.levels import Fast, robust
from mlkata.grading.result_types import expect_float64

numerical_gradient = student_function("numerical_gradient")
REFERENCE = "the analytic gradient"
CENTRAL = "central differences (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)"

x = Formula.variable().ravel()


def _flat(gradient):
    """A gradient of the flattened x, given back in x's shape."""
    return lambda point: np.asarray(gradient(np.ravel(point)), float).reshape(np.shape(point))


def _coupled(p):
    g = p + 1.0
    g[1:] += p[:-1]
    g[:-1] += p[1:]
    return g


def _rosen_der(p):
    return rosen_der(p) if p.size > 1 else np.zeros_like(p)  # one coordinate: f is 0


SUM_OF_SINES = sin(x).sum().named("sum_of_sines").with_gradient(_flat(np.cos))
LOG_SUM_EXP = log_sum_exp(x).named("log_sum_exp").with_gradient(_flat(softmax))
ROSENBROCK = (
    (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)
    .sum()
    .named("rosenbrock")
    .with_gradient(_flat(_rosen_der))
)
COUPLED_QUADRATIC = (
    (0.5 * (x**2).sum() + (x[1:] * x[:-1]).sum() + x.sum())
    .named("coupled_quadratic")
    .with_gradient(_flat(_coupled))
)
LOG_NORM = log1p((x**2).sum()).named("log1p_norm").with_gradient(_flat(lambda p: 2 * p / (1 + p @ p)))
KNOWN = (SUM_OF_SINES, LOG_SUM_EXP, ROSENBROCK, COUPLED_QUADRATIC, LOG_NORM)


def quadratic(A, b):
    """``0.5 x^T A x + b^T x`` of the flattened x, gradient ``0.5 (A + A^T) x + b``."""
    A, b = np.asarray(A, float), np.asarray(b, float)
    f = (0.5 * (x @ (A @ x)) + b @ x).named("quadratic")
    return f.with_gradient(_flat(lambda p: 0.5 * (A + A.T) @ p + b))


ROWS = Formula.variable()  # not flattened: f depends on the shape it is called with
ROW_PRODUCT = (
    (ROWS[:1] * ROWS[1:2]).sum().named("row0_dot_row1").with_gradient(lambda p: np.stack([p[1], p[0]]))
)
SQUARES = (x**2).sum().named("sum_of_squares").with_gradient(_flat(lambda p: 2 * p))
PRODUCT = (x[:1] * x[1:2]).sum().named("x0_times_x1").with_gradient(_flat(lambda p: np.array([p[1], p[0]])))


def _central(f, point, eps):
    """This grader's own central differences: x + eps * e_i built from rows of the identity."""
    flat = np.asarray(point, float).reshape(-1)
    steps = np.eye(flat.size) * eps
    values = [
        (f((flat + s).reshape(np.shape(point))) - f((flat - s).reshape(np.shape(point)))) for s in steps
    ]
    return (np.array(values) / (2 * eps)).reshape(np.shape(point))


def _rounding(f, point, eps, analytic):
    """How far correct float64 central differences may differ from ours: rounding of f and of x + eps."""
    u = np.finfo(float).eps
    scale = max(1.0, abs(f(point))) * (1 + np.log2(np.size(point)))
    moved = np.max(np.abs(analytic) * np.spacing(np.abs(np.asarray(point, float)))) / eps
    return 16 * u * scale / eps + 4 * moved + 1e-12 * (1 + np.max(np.abs(analytic)))


def _forward(f, x, eps=1e-6):
    point = np.asarray(x, float)
    flat = approx_fprime(point.reshape(-1), lambda z: f(z.reshape(point.shape)), eps)
    return flat.reshape(point.shape)


def _float32(f, x, eps=1e-6):
    if np.asarray(x).dtype != np.float32:
        return None
    point = np.array(x, dtype=np.float32)
    flat = point.reshape(-1)
    out = np.empty(point.shape, np.float32).reshape(-1)
    for i in range(flat.size):
        up, down = point.copy(), point.copy()
        up.reshape(-1)[i] += np.float32(eps)
        down.reshape(-1)[i] -= np.float32(eps)
        out[i] = (f(up) - f(down)) / (2 * eps)
    return out.reshape(point.shape)


def _not_restored(f, x, eps=1e-6):
    """Each coordinate left at x_i - eps after its turn: later ones are taken at a shifted point."""
    point = np.array(x, dtype=float)
    flat = point.reshape(-1)
    out = np.empty(flat.size)
    for i in range(flat.size):
        flat[i] += eps
        up = f(point)
        flat[i] -= 2 * eps
        out[i] = (up - f(point)) / (2 * eps)
    return out.reshape(point.shape)


MISTAKES = (
    Mistake(
        "that is the forward difference (f(x + eps e_i) - f(x)) / eps, what scipy.optimize.approx_fprime "
        "computes: its error is O(eps); step both ways, (f(x + eps e_i) - f(x - eps e_i)) / (2 eps), "
        "for an O(eps^2) error",
        _forward,
    ),
    Mistake(
        "x + eps e_i and x - eps e_i are 2 * eps apart: divide the difference by 2 * eps, not eps",
        lambda f, x, eps=1e-6: 2 * _central(f, x, eps),
    ),
    Mistake(
        "move one coordinate at a time: x + eps moves every coordinate at once and gives the same "
        "directional derivative in every entry",
        lambda f, x, eps=1e-6: np.full(
            np.shape(x), (f(np.asarray(x, float) + eps) - f(np.asarray(x, float) - eps)) / (2 * eps)
        ),
    ),
    Mistake(
        "convert x to float first (np.array(x, dtype=float)): on an integer array x_i + eps is "
        "truncated back to x_i, and every difference is 0",
        lambda f, x, eps=1e-6: np.zeros(np.shape(x)) if np.asarray(x).dtype.kind in "biu" else None,
    ),
    Mistake(
        "compute in float64 (np.array(x, dtype=float)): a float32 copy of x rounds x_i + 1e-6 to a "
        "multiple of 6e-8 near 1, so the step is not eps",
        _float32,
    ),
    Mistake(
        "return the gradient in x's shape (gradient.reshape(x.shape)), not flattened",
        lambda f, x, eps=1e-6: _central(f, x, eps).reshape(-1) if np.ndim(x) != 1 else None,
    ),
    Mistake(
        "call f with arrays of x's own shape: perturb a flat view (x.reshape(-1)) of a copy of x, "
        "but hand f the copy itself, not the flat array",
        lambda f, x, eps=1e-6: _central(lambda z: f(np.ravel(z)), x, eps) if np.ndim(x) > 1 else None,
    ),
    Mistake(
        "put each coordinate back to x_i after its two evaluations: otherwise the next coordinates "
        "are differentiated at a shifted point",
        _not_restored,
    ),
    Mistake(
        "use the eps you are given as the step: your result is the central difference at eps = 1e-6",
        lambda f, x, eps=1e-6: _central(f, x, 1e-6) if eps != 1e-6 else None,
    ),
)


def check(outcome, f, point, eps=1e-6, suffix=""):
    """The learner's gradient against the analytic one, then against central differences at eps."""
    returned(outcome)
    point = np.asarray(point, float)
    analytic = f.gradient(point)
    central = _central(f, point, eps)
    rounding = _rounding(f, point, eps, analytic)
    reach = 4 * float(np.max(np.abs(central - analytic))) + rounding
    expect_close(
        outcome,
        analytic,
        reference=f"{REFERENCE} of {f.name}{suffix}; central differences at eps={eps:g} reach {reach:.1e}",
        rtol=1e-8,
        atol=reach,
        mistakes=MISTAKES,
    )
    expect_close(
        outcome,
        central,
        reference=f"{CENTRAL} at eps={eps:g}{suffix}, up to rounding",
        rtol=0,
        atol=rounding,
        mistakes=MISTAKES,
    )
    expect_float64(outcome)


def _judge(function, case: Case):
    outcome = case_outcome(function, case)
    f, point = case.args[0], case.widened[1]
    check(outcome, f, point, case.kwargs.get("eps", 1e-6), case_suffix(case))


def _any_known(rng, dims):
    return KNOWN[int(rng.integers(len(KNOWN)))]


def _dense_quadratic(values, rng):
    """A dense, non-symmetric quadratic fitted to x's size: every coordinate moves every partial."""
    size = np.size(values["x"])
    values["f"] = quadratic(rng.normal(size=(size, size)), rng.normal(size=size))
    return values


def _integer_x_with_a_big_step(values, rng):
    """Integer x and eps = 0.25: x + eps kept integer is truncated."""
    values["x"] = rng.integers(-3, 4, size=np.shape(values["x"]))
    values["f"], values["eps"] = ROSENBROCK, 0.25
    return values


DOMAIN = Domain(
    seed=2101,
    args=(Given("f", _any_known), Reals("x", any_shape=True, uint8=True, tiny=True)),
    params=(
        Param(
            "eps",
            1e-6,
            values=(1e-3, 1e-2),
            invalid=(0.0, -1e-6, float("inf"), float("nan")),
            why_invalid="is not a positive finite step",
        ),
    ),
    sizes={"n": (1, 4, 9, 30)},
    custom={"a dense quadratic": _dense_quadratic, "integer x, eps=0.25": _integer_x_with_a_big_step},
)


@points(3)
def test_known_functions(numerical_gradient):
    """At eps = 1e-3, where each common mistake is far from the right answer (and from the others)."""
    rng = seeded(2102)
    for f in KNOWN:
        for n in (2, 5, 12):
            point = rng.normal(size=n)
            check(numerical_gradient.call(f, point, eps=1e-3), f, point, 1e-3)
    A, b = rng.normal(size=(4, 4)), rng.normal(size=4)
    point = rng.normal(size=4)
    check(numerical_gradient.call(quadratic(A, b), point, eps=1e-3), quadratic(A, b), point, 1e-3)


@points(1)
def test_worked_cases(numerical_gradient):
    """The docstring's example and gradients known by hand: 2x, a minimum, a symmetric point."""
    for f, point, kwargs in (
        (SQUARES, [1.0, -2.0], {}),  # [2, -4]
        (PRODUCT, [[3.0, 5.0]], {"eps": 1e-3}),  # [[5, 3]]
        (ROSENBROCK, [1.0, 1.0, 1.0], {}),  # the minimum: [0, 0, 0]
        (ROSENBROCK, [0.0, 0.0], {}),  # [-2, 0]
        (LOG_SUM_EXP, [0.0, 0.0, 0.0], {}),  # [1/3, 1/3, 1/3]
        (SUM_OF_SINES, [0.0, np.pi / 2, np.pi], {"eps": 1e-2}),  # cos: [1, 0, -1], within eps^2 / 6
    ):
        check(numerical_gradient.call(f, point, **kwargs), f, point, **kwargs)


@points(2)
def test_eps_is_the_step(numerical_gradient):
    rng = seeded(2103)
    for f, eps in ((SUM_OF_SINES, 1e-2), (ROSENBROCK, 1e-3), (LOG_NORM, 0.05), (COUPLED_QUADRATIC, 1e-4)):
        point = rng.normal(size=6)
        check(numerical_gradient.call(f, point, eps=eps), f, point, eps)


@points(1)
def test_any_shape_keeps_its_shape(numerical_gradient):
    rng = seeded(2104)
    for shape, f in (
        ((), SUM_OF_SINES),
        ((3, 4), ROSENBROCK),
        ((2, 3, 2), LOG_SUM_EXP),
        ((1,), LOG_NORM),
        ((2, 3), ROW_PRODUCT),  # f(x) = x[0] @ x[1]: call f with arrays of x's own shape
    ):
        point = rng.normal(size=shape)
        check(numerical_gradient.call(f, point), f, point, suffix=f", x of shape {shape}")


@points(2)
def test_every_corner_of_the_domain(numerical_gradient):
    for case in DOMAIN.corner_cases():
        _judge(numerical_gradient, case)


@points(1)
def test_rejects_bad_input(numerical_gradient):
    expect_rejected(
        numerical_gradient,
        [
            BadInput("x is empty: there is nothing to differentiate", (SUM_OF_SINES, [])),
            BadInput("x is empty", (SUM_OF_SINES, np.zeros((0, 3)))),
            BadInput("eps must be positive", (SUM_OF_SINES, [1.0, 2.0]), {"eps": -0.1}),
            BadInput("x must be numeric", (SUM_OF_SINES, ["a", "b"])),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("numerical_gradient", DOMAIN, judge=_judge),)
assert all(np.isclose(ROSENBROCK(p), rosen(p)) for p in (np.arange(4.0), np.ones(3), np.array([0.5, -2])))


@robust()
@points(1)
def test_extreme_points(numerical_gradient):
    """Far from 0 (1e6, where x + eps rounds), saturated log-sum-exp, a steep valley, one integer."""
    rng = seeded(2105)
    for f, point, eps in (
        (SUM_OF_SINES, 1e6 + rng.normal(size=5), 1e-2),
        (LOG_SUM_EXP, 500.0 * rng.normal(size=6), 1e-6),
        (LOG_SUM_EXP, np.array([-700.0, 700.0, 699.0]), 1e-4),
        (ROSENBROCK, 1e3 * rng.normal(size=4), 1e-3),
        (LOG_NORM, np.zeros(7), 1e-6),
        (SQUARES, 3, 0.5),
        (SQUARES, [-2], 1e-3),
    ):
        shown = f", x = {point!r}" if np.ndim(point) == 0 or np.size(point) == 1 else ""
        check(numerical_gradient.call(f, point, eps=eps), f, point, eps, shown)


FAST = Fast(
    inputs=lambda n, rng: {"f": SUM_OF_SINES, "x": rng.normal(size=n)},
    size=1_000,
    why="f is a black box, so its 2n calls are the algorithm (each O(n) here: O(n^2) in all): "
    "n = 1000 coordinates, where those calls dominate",
)
