"""Grader for models/logistic_regression_fit, against sklearn LogisticRegression(C=1/(n*l2)).

scikit-learn minimises ``C * sum(log loss) + ||w||^2 / 2`` with the intercept unpenalised,
which is ``C * n`` times the exercise's ``mean(log loss) + (l2/2) ||w||^2`` when
``C = 1 / (n * l2)``: the same minimiser. It runs here with ``tol=1e-10, max_iter=10000``, so
its answer is the optimum to about 1e-9. A fit is graded on what a user of it sees: the
objective it reaches, the coefficients and ``sigmoid(X @ w + b)`` (``predict_proba``). The
data are standardised, with noisy labels (never separable), so the optimum is unique and
the documented defaults (``lr=0.1, n_iter=5000``) reach it to about 1e-6 in ``w`` for
``l2 >= 1e-2``; the tolerances leave a margin of about 100 over that.
"""

import numpy as np
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

from mlkata.grading import GradeFailure, Mistake, points, seeded, student_function, with_hints
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.describe import describe_value
from mlkata.grading.domains import Case, Domain, Labels, Param, Reals
from mlkata.grading.extremes import hint_when_not_finite
from mlkata.grading.fits import Trajectory, expect_parts, fit_hints, linear_fit_parts
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

logistic_regression_fit = student_function("logistic_regression_fit")
REFERENCE = "sklearn LogisticRegression(C=1/(n*l2), tol=1e-10, max_iter=10000)"


def _sklearn_fit(X, y, C, fit_intercept=True):
    model = LogisticRegression(C=C, tol=1e-10, max_iter=10000, fit_intercept=fit_intercept)
    return model.fit(X, y)


@cached_reference
def reference(X, y, l2=1e-2):
    X, y = np.asarray(X, float), np.asarray(y, int)
    model = _sklearn_fit(X, y, 1.0 / (len(y) * l2))
    return model.coef_[0], float(model.intercept_[0])


def objective(w, b, X, y, l2):
    z = np.asarray(X, float) @ np.asarray(w, float) + b
    return float(np.mean(np.logaddexp(0.0, z) - np.asarray(y, float) * z) + 0.5 * l2 * (w @ w))


def _penalised_intercept(X, y, l2=1e-2, **_):
    ones = np.hstack([np.asarray(X, float), np.ones((len(y), 1))])
    coef = _sklearn_fit(ones, np.asarray(y, int), 1.0 / (len(y) * l2), fit_intercept=False).coef_[0]
    return coef[:-1], float(coef[-1])


def _no_intercept(X, y, l2=1e-2, **_):
    model = _sklearn_fit(np.asarray(X, float), np.asarray(y, int), 1.0 / (len(y) * l2), fit_intercept=False)
    return model.coef_[0], 0.0


FIT_MISTAKES = (
    (
        "the intercept b is not penalised: its gradient is mean(p - y), without l2 * b",
        _penalised_intercept,
    ),
    ("you did not fit the intercept: b must be learned too", _no_intercept),
    (
        "you minimised the log loss without the penalty: add l2 * w to the gradient in w",
        lambda X, y, l2=1e-2, **_: reference(X, y, 1e-9),
    ),
    (
        "use the l2 you are given: your fit is the one for the default l2=1e-2",
        lambda X, y, l2=1e-2, **_: reference(X, y),
    ),
    (
        "the gradient of (l2/2) * ||w||^2 is l2 * w: your fit minimised l2 * ||w||^2",
        lambda X, y, l2=1e-2, **_: reference(X, y, 2 * l2),
    ),
    (
        "the penalty belongs to the mean of the log losses: your fit minimised their sum plus "
        "(l2/2) * ||w||^2",
        lambda X, y, l2=1e-2, **_: reference(X, y, l2 / len(y)),
    ),
)


DIVERGED = "gradient descent diverged: check the gradient (a mean over the samples, p - y) and the step"


def _parts(outcome, d):
    return linear_fit_parts(outcome, d, DIVERGED)


def _check_fit(outcome, X, y, l2=1e-2, what="", obj_rtol=1e-6, atol=1e-4, proba_atol=1e-5):
    X, y = np.asarray(X, float), np.asarray(y, int)
    w, b = _parts(outcome, X.shape[1])  # first: a stub stops here, before the sklearn fit
    ref_w, ref_b = reference(X, y, l2)
    reached, optimum = objective(w, b, X, y, l2), objective(ref_w, ref_b, X, y, l2)

    def failure(text):
        return GradeFailure(with_hints(text, *fit_hints(w, b, outcome.args, outcome.kwargs, FIT_MISTAKES)))

    if reached > optimum + obj_rtol * abs(optimum):
        raise failure(
            f"{outcome.call}\n  reached the objective mean(log loss) + (l2/2)||w||^2 = {reached!r}\n  "
            f"the optimum is {optimum!r}  ({REFERENCE}{what})\n  your (w, b) = "
            f"({describe_value(w)}, {b!r}), the optimum's = ({describe_value(ref_w)}, {ref_b!r})\n  "
            "a correct gradient descent with the documented lr and n_iter gets there: check the "
            "gradient and that you take n_iter steps of size lr"
        )
    for part, got, want, name in ((0, w, ref_w, "w"), (1, b, ref_b, "b")):
        if not np.allclose(got, want, rtol=atol, atol=atol):
            raise failure(
                f"{outcome.part(part, name).call}\n  expected {describe_value(want)}  ({REFERENCE}{what}, "
                f"within {atol:g})\n  got      {describe_value(got)}"
            )
    want_p = expit(X @ ref_w + ref_b)
    if not np.allclose(expit(X @ w + b), want_p, rtol=0, atol=proba_atol):
        raise failure(
            f"{outcome.call}: sigmoid(X @ w + b) differs from predict_proba(X)[:, 1] of {REFERENCE}{what} "
            f"by up to {np.max(np.abs(expit(X @ w + b) - want_p)):.3g} (allowed {proba_atol:g})"
        )


def _data(rng, n, d, scale=1.5, bias=0.0):
    X = rng.normal(size=(n, d))
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    w = rng.normal(scale=scale, size=d)
    y = (rng.uniform(size=n) < expit(X @ w + bias + 0.3 * rng.normal())).astype(int)
    return X, y


@points(3)
def test_matches_sklearn_with_the_defaults(logistic_regression_fit):
    rng = seeded(1401)
    for n, d, scale in ((100, 2, 1.0), (200, 3, 1.5), (300, 5, 2.0)):
        X, y = _data(rng, n, d, scale)
        _check_fit(logistic_regression_fit.call(X, y), X, y, what=" with l2=1e-2 (the default)")


@points(1)
def test_honours_l2_and_leaves_the_intercept_unpenalised(logistic_regression_fit):
    rng = seeded(1402)
    X, y = _data(rng, 150, 3, scale=1.0, bias=1.5)
    for l2 in (0.1, 0.03):
        _check_fit(logistic_regression_fit.call(X, y, l2=l2), X, y, l2, f" with l2={l2}")


@points(1)
def test_honours_lr_and_n_iter(logistic_regression_fit):
    rng = seeded(1403)
    X, y = _data(rng, 120, 3)
    yf = y.astype(float)
    w, b = np.zeros(3), 0.0
    for n_iter in (1, 2, 3):
        r = expit(X @ w + b) - yf
        w, b = w - 0.5 * (X.T @ r / len(y) + 0.2 * w), b - 0.5 * np.mean(r)
        outcome = logistic_regression_fit.call(X, y, l2=0.2, lr=0.5, n_iter=n_iter)
        what = f"{n_iter} gradient step(s) of size lr from w = 0, b = 0"
        expect_parts(
            outcome, (w, b), ("w", "b"), reference=what, mistakes=TRAJECTORY_MISTAKES, rtol=1e-9, atol=1e-12
        )
    _check_fit(logistic_regression_fit.call(X, y, l2=0.1, lr=1.0, n_iter=300), X, y, 0.1, " with l2=0.1")


@cached_reference
def descent(X, y, l2=1e-2, lr=0.1, n_iter=5000, *, bias_l2=0.0):
    """The documented algorithm itself: n_iter gradient steps from w = 0, b = 0 (float64)."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(int(n_iter)):
        r = expit(X @ w + b) - y
        w, b = w - lr * (X.T @ r / n + l2 * w), b - lr * (np.mean(r) + bias_l2 * b)
    return w, float(b)


def _wrong_descent(**how):
    def wrong(X, y, l2=1e-2, lr=0.1, n_iter=5000):
        knobs = {"l2": l2, "lr": lr, "n_iter": n_iter, **how}
        if "bias_l2" in how:
            knobs["bias_l2"] = l2
        return descent(X, y, **knobs)

    return wrong


TRAJECTORY_MISTAKES = (
    Mistake("use the l2 you are given: your fit is the one for the default l2=1e-2", _wrong_descent(l2=1e-2)),
    Mistake("use the lr you are given: your steps have the default size lr=0.1", _wrong_descent(lr=0.1)),
    Mistake("take n_iter steps: your fit took the default 5000", _wrong_descent(n_iter=5000)),
    Mistake(
        "the intercept b is not penalised: its gradient is mean(p - y), without l2 * b",
        _wrong_descent(bias_l2=1.0),
    ),
)


def _far_from_standard(values, rng):
    """Features of scale 1e3 with means of 1e4 (nobody standardised them), a few tiny steps."""
    X = values["X"]
    values["X"] = 1e3 * X + 1e4 * rng.uniform(-1, 1, size=X.shape[1])
    values.update(lr=1e-8, n_iter=5)
    return values


def _every_keyword(values, rng):
    """l2, lr and n_iter all away from their defaults at once."""
    values.update(l2=0.3, lr=0.7, n_iter=40)
    return values


DOMAIN = Domain(
    seed=1411,
    args=(Reals("X", ("n", "d"), loc=0.5), Labels("y", alternatives=())),
    sizes={"n": (2, 12, 40, 120), "d": (1, 3, 2, 4)},
    params=(
        Param(
            "l2", 1e-2, values=(0.1, 0.0), invalid=(-0.1, float("nan")), why_invalid="is not a number >= 0"
        ),
        Param("lr", 0.1, values=(0.5,), invalid=(0.0, -1.0, float("nan")), why_invalid="is not a number > 0"),
        Param("n_iter", 5000, values=(0, 1, 7), invalid=(-1, 2.5), why_invalid="is not an integer >= 0"),
    ),
    custom={"features of scale 1e3, means 1e4": _far_from_standard, "every keyword changed": _every_keyword},
)
"""The domain's cases are judged against the documented algorithm (:func:`descent`), step for
step: the random tests above judge the optimum it converges to."""


def _one_class(case):
    y = np.asarray(case.args[1])
    if y.size and np.all(y == y.reshape(-1)[0]):  # property tests draw n = 1: one class only
        return "y holds one class only"
    return None


TRAJECTORY = Trajectory(
    descent,
    ("w", "b"),
    "n_iter gradient steps of size lr from w = 0, b = 0 (the docstring's update)",
    TRAJECTORY_MISTAKES,
    parts=lambda outcome, case: _parts(outcome, np.shape(case.args[0])[1]),
    refuses=_one_class,
)


@points(2)
def test_every_corner_of_the_domain(logistic_regression_fit):
    TRAJECTORY.expect_corners(logistic_regression_fit, DOMAIN)


@points(1)
def test_rejects_bad_input(logistic_regression_fit):
    X = [[1.0, 2.0], [0.5, -1.0], [0.0, 1.0], [-1.0, 0.5]]
    y = [1, 0, 1, 0]
    expect_rejected(
        logistic_regression_fit,
        [
            BadInput("labels must be 0 or 1, and -1 is not (map {-1, +1} labels first)", (X, [1, -1, 1, -1])),
            BadInput("the label 2 is not 0 or 1", (X, [1, 2, 0, 0])),
            BadInput(
                "y holds one class only, so the unpenalised intercept has no optimum", (X, [1, 1, 1, 1])
            ),
            BadInput("X has 4 rows and y 3 labels", (X, [1, 0, 1])),
            BadInput("the input is empty", (np.zeros((0, 2)), [])),
            BadInput("l2 must be >= 0", (X, y), {"l2": -0.1}),
            BadInput("lr must be > 0", (X, y), {"lr": 0.0}),
            BadInput("y has 1 label for 4 rows of X (numpy would broadcast it)", (X, [1])),
            BadInput("the label 0.5 is not 0 or 1", (X, [1, 0.5, 0, 0])),
            BadInput(
                "X must be 2-D (n, d): use X.reshape(-1, 1) for one feature", ([1.0, 2.0, 0.0, -1.0], y)
            ),
            *DOMAIN.bad_inputs(),
        ],
    )


SIGMOID_OVERFLOW = (
    "with logits past 709 np.exp(z) is inf and exp(z) / (1 + exp(z)) is inf / inf = nan: compute "
    "the sigmoid from e = exp(-|z|), 1 / (1 + e) for z >= 0 and e / (1 + e) for z < 0"
)


@robust()
@points(1)
def test_logits_in_the_tens_of_thousands(logistic_regression_fit):
    """Unstandardised features (scale 1e3, means 1e4) and steps of 1e-3: the logits reach 6e4."""
    rng = seeded(1404)
    X = rng.normal(size=(40, 2))
    y = (X[:, 0] + 0.3 * rng.normal(size=40) > 0).astype(int)
    X = 1e3 * X + 1e4 * np.array([1.0, -0.5])
    case = Case("logits up to 6e4", (X, y), {"lr": 1e-3, "n_iter": 10})
    with hint_when_not_finite(SIGMOID_OVERFLOW):
        TRAJECTORY.judge(logistic_regression_fit, case)


def _fast_inputs(n, rng):
    X, y = _data(rng, n // 5, 5)
    return {"X": X, "y": y}


FAST = Fast(
    inputs=_fast_inputs,
    size=20_000,
    within=5.0,
    why="5000 gradient steps (the default n_iter) over 4000 samples of 5 features: the steps are "
    "sequential, each a pass over the data",
)


PROPERTIES = (Differential("logistic_regression_fit", DOMAIN, judge=TRAJECTORY.judge),)
