"""Grader for models/logistic_loss_and_gradient.

The loss is checked against ``sklearn.metrics.log_loss`` of ``expit(X @ w + b)`` plus
``(l2/2) ||w||^2``; the gradient against central finite differences of that same reference
loss, and then, more tightly, against its analytic value ``X.T @ (p - y) / n + l2 * w``,
``mean(p - y)``. ``log_loss`` clips probabilities to machine epsilon, so the random inputs
keep ``|z|`` below about 15, where clipping never acts; the test with huge logits compares
with the exact loss ``mean(logaddexp(0, z) - y * z)`` instead.
"""

import warnings

import numpy as np
from scipy.special import expit
from sklearn.metrics import log_loss

from mlkata.grading import (
    Mistake,
    expect_close,
    expect_finite_scalar,
    expect_no_warnings,
    part_mistakes,
    points,
    returned,
    seeded,
    student_function,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Labels, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

logistic_loss_and_gradient = student_function("logistic_loss_and_gradient")
REFERENCE = "sklearn.metrics.log_loss(y, expit(X @ w + b)) + (l2/2) * ||w||^2"


def _arrays(w, b, X, y):
    return np.asarray(w, float), float(b), np.asarray(X, float), np.asarray(y, float)


@cached_reference
def reference_loss(w, b, X, y, l2=0.0):
    w, b, X, y = _arrays(w, b, X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = log_loss(y, expit(X @ w + b), labels=[0, 1])
    return float(data + 0.5 * l2 * (w @ w))


@cached_reference
def exact_loss(w, b, X, y, l2=0.0):
    w, b, X, y = _arrays(w, b, X, y)
    z = X @ w + b
    return float(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * (w @ w))


@cached_reference
def analytic_gradient(w, b, X, y, l2=0.0):
    w, b, X, y = _arrays(w, b, X, y)
    residual = expit(X @ w + b) - y
    return X.T @ residual / len(y) + l2 * w, float(np.mean(residual))


@cached_reference
def finite_difference_gradient(w, b, X, y, l2=0.0, h=1e-6):
    w, b, X, y = _arrays(w, b, X, y)
    grad_w = np.empty_like(w)
    for j in range(w.size):
        step = np.zeros_like(w)
        step[j] = h
        grad_w[j] = (reference_loss(w + step, b, X, y, l2) - reference_loss(w - step, b, X, y, l2)) / (2 * h)
    grad_b = (reference_loss(w, b + h, X, y, l2) - reference_loss(w, b - h, X, y, l2)) / (2 * h)
    return grad_w, grad_b


def _wrong(w, b, X, y, l2=0.0, *, n_scale=True, sign=1.0, bias_penalty=0.0, w_factor=1.0, loss_factor=0.5):
    """The loss and gradient with one knob per common mistake."""
    w, b, X, y = _arrays(w, b, X, y)
    z = X @ w + b
    n = len(y) if n_scale else 1.0
    data = np.sum(np.logaddexp(0.0, z) - y * z) / n
    residual = sign * (expit(z) - y)
    loss = data + loss_factor * l2 * (w @ w) + 0.5 * bias_penalty * l2 * b * b
    return loss, X.T @ residual / n + w_factor * l2 * w, float(np.sum(residual) / n + bias_penalty * l2 * b)


def _clipped(w, b, X, y, l2=0.0, eps=1e-15):
    w, b, X, y = _arrays(w, b, X, y)
    p = np.clip(expit(X @ w + b), eps, 1 - eps)
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) + 0.5 * l2 * (w @ w)
    return (loss, *analytic_gradient(w, b, X, y, l2))


_WRONG = (
    ("divide by n: the loss and its gradient are means over the samples, not sums", dict(n_scale=False)),
    (
        "the gradient of the log loss in z is p - y, not y - p: you have the sign the wrong way round",
        dict(sign=-1.0),
    ),
    ("the intercept b is not penalised: leave l2 out of the loss and gradient in b", dict(bias_penalty=1.0)),
    ("the gradient of (l2/2) * ||w||^2 is l2 * w", dict(w_factor=2.0)),
    ("the gradient of (l2/2) * ||w||^2 is l2 * w", dict(w_factor=0.5)),
    ("the penalty is (l2/2) * ||w||^2, with the factor one half", dict(loss_factor=1.0)),
)


MISTAKES = (
    *(
        Mistake(hint, lambda w, b, X, y, l2=0.0, how=how: _wrong(w, b, X, y, l2, **how))
        for hint, how in _WRONG
    ),
    Mistake(
        "clipping p to [eps, 1 - eps] caps each loss at -log(eps): compute the loss from z as "
        "np.logaddexp(0, z) - y * z, which is exact for any z",
        lambda w, b, X, y, l2=0.0: _clipped(w, b, X, y, l2),
    ),
)
LOSS_MISTAKES, GRAD_W_MISTAKES, GRAD_B_MISTAKES = (part_mistakes(MISTAKES, i) for i in range(3))


def _returned_normally(outcome):
    """``outcome`` once the call returned: a stub (or a call that raised) fails here, with the
    message the checks would give, before the reference for it is computed."""
    returned(outcome)
    return outcome


def _check_loss(outcome, expected, what="", rtol=1e-7, atol=1e-12):
    expect_close(
        outcome.part(0, "loss"),
        expected,
        reference=what or REFERENCE,
        rtol=rtol,
        atol=atol,
        mistakes=LOSS_MISTAKES,
    )


def _check_gradient(outcome, expected, what, rtol, atol):
    grad_w, grad_b = expected
    expect_close(
        outcome.part(1, "grad_w"), grad_w, reference=what, rtol=rtol, atol=atol, mistakes=GRAD_W_MISTAKES
    )
    expect_close(
        outcome.part(2, "grad_b"), grad_b, reference=what, rtol=rtol, atol=atol, mistakes=GRAD_B_MISTAKES
    )


def _problem(rng, n, d):
    X = rng.normal(size=(n, d))
    w = rng.normal(scale=1.5, size=d)
    b = float(rng.normal())
    y = (rng.uniform(size=n) < expit(X @ w + b)).astype(int)
    return w, b, X, y


SIZES = ((1, 1), (2, 3), (10, 2), (200, 5))


@points(3)
def test_loss_matches_sklearn_log_loss(logistic_loss_and_gradient):
    rng = seeded(1301)
    for (n, d), l2 in zip(SIZES, (0.0, 0.1, 0.0, 2.0), strict=True):
        args = _problem(rng, n, d)
        kwargs = {"l2": l2} if l2 else {}
        outcome = _returned_normally(logistic_loss_and_gradient.call(*args, **kwargs))
        _check_loss(outcome, reference_loss(*args, l2=l2))


@points(3)
def test_gradient_matches_finite_differences(logistic_loss_and_gradient):
    rng = seeded(1302)
    for (n, d), l2 in zip(SIZES, (0.5, 0.0, 0.1, 1.0), strict=True):
        args = _problem(rng, n, d)
        kwargs = {"l2": l2} if l2 else {}
        outcome = _returned_normally(logistic_loss_and_gradient.call(*args, **kwargs))
        _check_gradient(
            outcome,
            finite_difference_gradient(*args, l2=l2),
            "central finite differences (h = 1e-6) of " + REFERENCE,
            rtol=1e-5,
            atol=1e-7,
        )
        _check_gradient(
            outcome,
            analytic_gradient(*args, l2=l2),
            "X.T @ (expit(X @ w + b) - y) / n + l2 * w and mean(expit(X @ w + b) - y)",
            rtol=1e-8,
            atol=1e-12,
        )


@points(1)
def test_intercept_is_not_penalised(logistic_loss_and_gradient):
    rng = seeded(1303)
    w, _, X, y = _problem(rng, 40, 3)
    for b in (3.0, -2.0):
        args = (w, b, X, y)
        outcome = _returned_normally(logistic_loss_and_gradient.call(*args, l2=5.0))
        what = REFERENCE + " with l2=5 and b unpenalised"
        _check_loss(outcome, reference_loss(*args, l2=5.0), what)
        _check_gradient(outcome, analytic_gradient(*args, l2=5.0), what, rtol=1e-8, atol=1e-12)


@points(1)
def test_huge_logits_stay_exact(logistic_loss_and_gradient):
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [-1.0, 0.5]])
    y = np.array([0, 1, 1, 0])
    for w, b in ((np.array([800.0, -600.0]), 0.0), (np.array([1e4, 1e4]), -5.0)):
        outcome = logistic_loss_and_gradient.call(w, b, X, y)
        expect_no_warnings(
            outcome,
            because="with |z| in the hundreds exp(-z) overflows and log(sigmoid(z)) is log(0): compute "
            "the loss as np.logaddexp(0, z) - y * z and the sigmoid from exp(-|z|)",
        )
        expect_finite_scalar(outcome.part(0, "loss"))
        _check_loss(outcome, exact_loss(w, b, X, y), "mean(np.logaddexp(0, z) - y * z), the exact loss")
        _check_gradient(
            outcome, analytic_gradient(w, b, X, y), "the analytic gradient", rtol=1e-8, atol=1e-12
        )


def _huge_logits_anywhere(values, rng):
    """Rows whose logit z is in the hundreds or thousands, of either sign, for either label."""
    X = values["X"].copy()
    rows = rng.random(len(X)) < 0.4
    X[rows] *= rng.uniform(200, 2000, size=(int(rows.sum()), 1))
    values["X"] = X
    return values


def _integer_w_and_x(values, rng):
    """Integer w and X with a fractional b and l2: ``l2 * w`` or ``X.T @ r`` kept integer truncates."""
    values["w"] = rng.integers(-2, 3, size=values["w"].shape)
    values["X"] = rng.integers(-3, 4, size=values["X"].shape)
    values["b"] = 0.5 + float(rng.integers(-2, 2))
    values["l2"] = 0.3
    return values


DOMAIN = Domain(
    seed=1311,
    args=(
        Reals("w", ("d",), scale=1.5),
        Reals("b", ()),
        Reals("X", ("n", "d"), loc=1.0),
        Labels("y", alternatives=()),
    ),
    sizes={"n": (1, 2, 10, 200), "d": (1, 3, 2, 5)},
    params=(
        Param("l2", 0.0, values=(0.1, 2.0), invalid=(-0.1, float("nan")), why_invalid="is not a number >= 0"),
    ),
    custom={"huge logits anywhere": _huge_logits_anywhere, "integer w and X, b = k + 0.5": _integer_w_and_x},
)


def _part(index):
    def part(*args, **kwargs):
        if index == 0:
            return exact_loss(*args, **kwargs)
        return np.asarray(analytic_gradient(*args, **kwargs)[index - 1], float)

    return part


def _judge(function, case):
    """The loss as the exact ``mean(logaddexp(0, z) - y z)``, the gradient as the analytic one."""
    outcome = case_outcome(function, case)
    loss = exact_loss(*case.widened, **case.widened_kwargs)
    gradient = analytic_gradient(*case.widened, **case.widened_kwargs)
    suffix = case_suffix(case)
    rtol, atol = case_tolerances(_part(0), case, loss, rtol=1e-8, atol=1e-12)
    _check_loss(outcome, loss, "mean(np.logaddexp(0, z) - y * z) + (l2/2) ||w||^2" + suffix, rtol, atol)
    tolerances = [case_tolerances(_part(i), case, gradient[i - 1], rtol=1e-8, atol=1e-12) for i in (1, 2)]
    _check_gradient(
        outcome,
        gradient,
        "X.T @ (expit(X @ w + b) - y) / n + l2 * w and mean(expit(X @ w + b) - y)" + suffix,
        rtol=max(t[0] for t in tolerances),
        atol=max(t[1] for t in tolerances),
    )


@points(2)
def test_every_corner_of_the_domain(logistic_loss_and_gradient):
    for case in DOMAIN.corner_cases():
        _judge(logistic_loss_and_gradient, case)


@points(1)
def test_rejects_bad_input(logistic_loss_and_gradient):
    X = [[1.0, 2.0], [0.5, -1.0], [0.0, 1.0]]
    w = [0.5, -0.5]
    expect_rejected(
        logistic_loss_and_gradient,
        [
            BadInput(
                "labels must be 0 or 1, and -1 is not (map {-1, +1} labels first)", (w, 0.0, X, [1, -1, 1])
            ),
            BadInput("the label 2 is not 0 or 1", (w, 0.0, X, [1, 2, 0])),
            BadInput("w has 3 values but X has 2 columns", ([0.5, -0.5, 1.0], 0.0, X, [1, 0, 1])),
            BadInput("X has 3 rows and y 2 labels", (w, 0.0, X, [1, 0])),
            BadInput("the input is empty", (w, 0.0, np.zeros((0, 2)), [])),
            BadInput("l2 must be >= 0", (w, 0.0, X, [1, 0, 1]), {"l2": -0.1}),
            BadInput("b must be a single number, not an array", (w, [0.5], X, [1, 0, 1])),
            BadInput("y has 1 label for 3 rows of X (numpy would broadcast it)", (w, 0.0, X, [1])),
            BadInput("the label 0.5 is not 0 or 1", (w, 0.0, X, [1, 0.5, 0])),
            *DOMAIN.bad_inputs(),
        ],
    )


HUGE_Z = "with |z| near 1e300 exp(z) overflows: build the loss and p from exp(-|z|), never above 1"


@robust()
@points(1)
def test_logits_near_1e300_and_one_sample(logistic_loss_and_gradient):
    """X and w of 1e150 (logits of 1e300, right and wrong), then a single sample."""
    X = np.array([[1e150, 0.0], [0.0, -1e150], [1e150, 1e150], [-1e150, 0.5]])
    y = np.array([1, 0, 0, 1])
    w, b = np.array([1e150, 1e150]), 0.0
    cases = ((w, b, X, y), (np.array([0.5]), -1.0, np.array([[2.0]]), np.array([1])))
    for args, why in zip(cases, ("; logits of 1e300", "; one sample"), strict=True):
        outcome = _returned_normally(logistic_loss_and_gradient.call(*args))
        expect_no_warnings(
            outcome, because="with |z| near 1e300 exp(z) overflows: build the loss and p from exp(-|z|)"
        )
        _check_loss(outcome, exact_loss(*args), "mean(np.logaddexp(0, z) - y * z), the exact loss" + why)
        _check_gradient(
            outcome, analytic_gradient(*args), "the analytic gradient" + why, rtol=1e-8, atol=1e-12
        )


def _fast_inputs(n, rng):
    d = 10
    X = rng.normal(size=(n // d, d))
    return {"w": rng.normal(size=d), "b": 0.5, "X": X, "y": rng.integers(0, 2, size=n // d)}


FAST = Fast(inputs=_fast_inputs, within=5.0, why="n / 10 samples of 10 features")


PROPERTIES = (Differential("logistic_loss_and_gradient", DOMAIN, judge=_judge),)
