"""Grader for models/svm_fit, against sklearn SVC(kernel="linear", C=C, tol=1e-8).

``SVC`` solves the dual of the exercise's primal ``0.5 ||w||^2 + C * sum(hinge)`` (libsvm,
intercept unpenalised) to ``tol=1e-8``, so its ``coef_`` and ``intercept_`` are the optimum.
Subgradient descent only approaches it, so a fit is graded on what a user of it sees: its
objective must be within 1 % of the optimum's, ``sign(X @ w + b)`` must agree with
``SVC.predict`` on at least 95 % of the samples, and ``w`` and ``b`` must lie within 10 % of
``1 + |optimum|``. The data are standardised with noisy labels (never separable), so the
optimum is unique; on them the documented defaults (``lr=20, n_iter=3000``) reach the
objective to about 0.01 % and the coefficients to about 2 %, returning the best or the
last iterate alike.
"""

import warnings

import numpy as np
from sklearn.svm import SVC, LinearSVC

from mlkata.grading import GradeFailure, Mistake, points, seeded, student_function, with_hints
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.describe import describe_value
from mlkata.grading.domains import Case, Domain, Labels, Param, Reals
from mlkata.grading.fits import Trajectory, linear_fit_parts
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

svm_fit = student_function("svm_fit")
REFERENCE = 'sklearn SVC(kernel="linear", C=C, tol=1e-8)'
OBJECTIVE_SLACK = 0.01
COEF_SLACK = 0.1
AGREEMENT = 0.95


@cached_reference
def reference(X, y, C=1.0):
    model = SVC(kernel="linear", C=C, tol=1e-8).fit(np.asarray(X, float), np.asarray(y, int))
    return model.coef_[0], float(model.intercept_[0])


def objective(w, b, X, y, C, bias_penalty=0.0):
    margins = np.asarray(y, float) * (np.asarray(X, float) @ w + b)
    return float(0.5 * (w @ w + bias_penalty * b * b) + C * np.sum(np.maximum(0.0, 1.0 - margins)))


def _penalised_intercept(X, y, C=1.0):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = LinearSVC(loss="hinge", C=C, tol=1e-10, max_iter=200_000, intercept_scaling=1.0)
        model.fit(np.asarray(X, float), np.asarray(y, int))
    return model.coef_[0], float(model.intercept_[0])


# (hint, the optimum the mistake converges to, the objective that optimum minimises)
FIT_MISTAKES = (
    (
        "the intercept b is not penalised: its subgradient is -sum of y_i over the samples inside the "
        "margin, divided by n, with nothing for b itself",
        _penalised_intercept,
        lambda w, b, X, y, C: objective(w, b, X, y, C, bias_penalty=1.0),
    ),
    (
        "use the C you are given: your fit is the one for C = 1",
        lambda X, y, C=1.0: reference(X, y, 1.0),
        lambda w, b, X, y, C: objective(w, b, X, y, 1.0),
    ),
    (
        "C multiplies the sum of the hinge losses, not their mean: your fit is the one for C / n",
        lambda X, y, C=1.0: reference(X, y, C / len(y)),
        lambda w, b, X, y, C: objective(w, b, X, y, C / len(y)),
    ),
)


def _fit_hints(w, b, X, y, C, ref):
    """The hints of the mistakes whose optimum the learner's fit is nearer than the true one."""
    ref_w, ref_b = ref
    hints = []
    for hint, wrong_fit, wrong_objective in FIT_MISTAKES:
        try:
            wrong_w, wrong_b = wrong_fit(X, y, C)
        except Exception:
            continue
        nearer = np.hypot(np.linalg.norm(w - wrong_w), b - wrong_b) < np.hypot(
            np.linalg.norm(w - ref_w), b - ref_b
        )
        best = wrong_objective(wrong_w, wrong_b, X, y, C)
        if nearer and wrong_objective(w, b, X, y, C) <= (1 + OBJECTIVE_SLACK) * best:
            hints.append(hint)
    return hints


DIVERGED = "the descent diverged: check the sign of the subgradient and the step lr / sqrt(t)"


def _parts(outcome, d):
    return linear_fit_parts(outcome, d, DIVERGED)


def _check_fit(outcome, X, y, C=1.0, what=""):
    X, y = np.asarray(X, float), np.asarray(y, int)
    w, b = _parts(outcome, X.shape[1])  # first: a stub stops here, before the sklearn fit
    ref = reference(X, y, C)
    ref_w, ref_b = ref
    reached, optimum = objective(w, b, X, y, C), objective(ref_w, ref_b, X, y, C)
    fit_text = (
        f"your (w, b) = ({describe_value(w)}, {b!r}), the optimum's = ({describe_value(ref_w)}, {ref_b!r})"
    )

    def failure(text):
        return GradeFailure(with_hints(text, *_fit_hints(w, b, X, y, C, ref)))

    if reached > (1 + OBJECTIVE_SLACK) * optimum:
        raise failure(
            f"{outcome.call}\n  reached the objective 0.5 * ||w||^2 + C * sum(hinge) = {reached!r}\n  "
            f"the optimum is {optimum!r}  ({REFERENCE}{what}); within 1 % is enough\n  {fit_text}\n  "
            "check which samples enter the subgradient (margin < 1), its sign, and the step "
            "lr / sqrt(t)"
        )
    agree = float(np.mean(np.where(X @ w + b >= 0, 1, -1) == np.where(X @ ref_w + ref_b >= 0, 1, -1)))
    if agree < AGREEMENT:
        raise failure(
            f"{outcome.call}\n  sign(X @ w + b) agrees with {REFERENCE}{what}.predict(X) on "
            f"{agree:.1%} of the samples (at least {AGREEMENT:.0%} needed)\n  {fit_text}"
        )
    far_w = np.abs(w - ref_w) > COEF_SLACK * (1 + np.abs(ref_w))
    if np.any(far_w) or abs(b - ref_b) > COEF_SLACK * (1 + abs(ref_b)):
        raise failure(
            f"{outcome.call}\n  (w, b) is not within 10 % of (1 + |optimum|) of {REFERENCE}{what}: {fit_text}"
        )


def _data(rng, n, d, offset=0.0, noise=0.5):
    X = rng.normal(size=(n, d))
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    direction = rng.normal(size=d)
    direction /= np.linalg.norm(direction)
    y = np.where(X @ direction + offset + noise * rng.normal(size=n) > 0, 1, -1)
    return X, y


@points(3)
def test_reaches_the_svc_optimum_with_the_defaults(svm_fit):
    rng = seeded(1601)
    for n, d in ((100, 2), (200, 3), (300, 5)):
        X, y = _data(rng, n, d)
        _check_fit(svm_fit.call(X, y), X, y, what=" with C=1 (the default)")


@points(1)
def test_honours_c(svm_fit):
    rng = seeded(1602)
    X, y = _data(rng, 200, 4)
    for C in (0.1, 10.0):
        _check_fit(svm_fit.call(X, y, C=C), X, y, C, f" with C={C}")


@points(1)
def test_intercept_is_not_penalised(svm_fit):
    rng = seeded(1603)
    X, y = _data(rng, 150, 3, offset=1.0)
    _check_fit(svm_fit.call(X, y, C=0.1), X, y, 0.1, " with C=0.1 on classes of unequal size")


@cached_reference
def descent(X, y, C=1.0, lr=20.0, n_iter=3000, *, bias_penalty=0.0):
    """The documented algorithm itself: n_iter subgradient steps of lr / sqrt(t), the best iterate."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    best = (np.inf, w, b)
    for t in range(1, int(n_iter) + 2):
        margins = y * (X @ w + b)
        f = objective(w, b, X, y, C, bias_penalty)
        if f < best[0]:
            best = (f, w, b)
        if t > n_iter:
            break
        inside = margins < 1
        step = lr / np.sqrt(t)
        g_w = w / (C * n) - (y[inside] @ X[inside]) / n
        g_b = bias_penalty * b / (C * n) - np.sum(y[inside]) / n
        w, b = w - step * g_w, b - step * g_b
    return best[1], float(best[2])


def _wrong_descent(**how):
    def wrong(X, y, C=1.0, lr=20.0, n_iter=3000):
        return descent(X, y, **{"C": C, "lr": lr, "n_iter": n_iter, **how})

    return wrong


TRAJECTORY_MISTAKES = (
    Mistake("use the C you are given: your fit is the one for C = 1", _wrong_descent(C=1.0)),
    Mistake("use the lr you are given: your steps start at the default lr=20", _wrong_descent(lr=20.0)),
    Mistake("take n_iter steps: your fit took the default 3000", _wrong_descent(n_iter=3000)),
)


NAN = float("nan")


def _far_from_standard(values, rng):
    """Features of scale 1e3 with means of 1e4 (nobody standardised them), a few small steps."""
    X = values["X"]
    values["X"] = 1e3 * X + 1e4 * rng.uniform(-1, 1, size=X.shape[1])
    values.update(lr=1e-3, n_iter=5)
    return values


def _every_keyword(values, rng):
    """C, lr and n_iter all away from their defaults at once."""
    values.update(C=0.3, lr=5.0, n_iter=60)
    return values


def _small_steps(values, rng):
    """A few small steps, each lowering the objective: the last iterate is the best one."""
    values.update(lr=0.5, n_iter=4)
    return values


def _one_class(values, rng):
    """Every label the same: the fit is defined all the same (w -> 0, b -> the label)."""
    values["y"] = np.full(len(values["y"]), int(rng.choice([-1, 1])))
    return values


def _float_labels(values, rng):
    values["y"] = values["y"].astype(float)
    return values


DOMAIN = Domain(
    seed=1611,
    args=(Reals("X", ("n", "d"), loc=0.5), Labels("y", classes=(-1, 1), alternatives=())),
    sizes={"n": (1, 12, 40, 120), "d": (1, 3, 2, 4)},
    params=(
        Param(
            "C", 1.0, values=(0.1, 10.0), invalid=(0.0, -1.0, float("nan")), why_invalid="is not a number > 0"
        ),
        Param(
            "lr", 20.0, values=(5.0,), invalid=(0.0, -1.0, float("nan")), why_invalid="is not a number > 0"
        ),
        Param("n_iter", 3000, values=(0, 1, 7), invalid=(-1, 2.5), why_invalid="is not an integer >= 0"),
    ),
    custom={
        "features of scale 1e3, means 1e4": _far_from_standard,
        "every keyword changed": _every_keyword,
        "small steps (the last iterate is the best)": _small_steps,
        "one class only": _one_class,
        "float labels": _float_labels,
    },
)
"""The domain's cases are judged against the documented algorithm (:func:`descent`), step for
step: the random tests above judge the optimum it approaches."""


TRAJECTORY = Trajectory(
    descent,
    ("w", "b"),
    "n_iter subgradient steps of lr / sqrt(t) from w = 0, b = 0, the best iterate",
    TRAJECTORY_MISTAKES,
    parts=lambda outcome, case: _parts(outcome, np.shape(case.args[0])[1]),
    rtol=1e-6,
    atol=1e-9,
)


@points(2)
def test_every_corner_of_the_domain(svm_fit):
    TRAJECTORY.expect_corners(svm_fit, DOMAIN)


@points(1)
def test_rejects_bad_input(svm_fit):
    X = [[1.0, 2.0], [0.5, -1.0], [0.0, 1.0], [-1.0, 0.5]]
    y = [1, -1, 1, -1]
    expect_rejected(
        svm_fit,
        [
            BadInput("labels must be -1 or +1: labels in {0, 1} must be mapped first", (X, [1, 0, 1, 0])),
            BadInput("the label 2 is not -1 or +1", (X, [1, 2, -1, -1])),
            BadInput("X has 4 rows and y 3 labels", (X, [1, -1, 1])),
            BadInput("the input is empty", (np.zeros((0, 2)), [])),
            BadInput("C must be > 0", (X, y), {"C": 0.0}),
            BadInput("C must be > 0", (X, y), {"C": -1.0}),
            BadInput("lr must be > 0", (X, y), {"lr": -1.0}),
            BadInput("y has 1 label for 4 rows of X (numpy would broadcast it)", (X, [1])),
            BadInput(
                "X must be 2-D (n, d): use X.reshape(-1, 1) for one feature", ([1.0, 2.0, 0.0, -1.0], y)
            ),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_duplicated_rows_a_constant_feature_and_a_huge_c(svm_fit):
    """Every point three times, a feature constant at 7, C = 1e3; then unstandardised features."""
    rng = seeded(1604)
    X, y = _data(rng, 20, 2)
    X = np.column_stack([np.repeat(X, 3, axis=0), np.full(60, 7.0)])
    y = np.repeat(y, 3)
    TRAJECTORY.judge(
        svm_fit, Case("duplicated rows, a constant feature, C = 1e3", (X, y), {"C": 1e3, "n_iter": 300})
    )
    X, y = _data(rng, 40, 2)
    X = 1e3 * X + 1e4 * np.array([1.0, -0.5])
    TRAJECTORY.judge(svm_fit, Case("features of scale 1e3, means 1e4", (X, y), {"lr": 1.0, "n_iter": 50}))


def _fast_inputs(n, rng):
    X, y = _data(rng, n // 5, 5)
    return {"X": X, "y": y}


FAST = Fast(
    inputs=_fast_inputs,
    size=20_000,
    within=5.0,
    why="3000 subgradient steps (the default n_iter) over 4000 samples of 5 features: the steps "
    "are sequential, each a pass over the data",
)


PROPERTIES = (Differential("svm_fit", DOMAIN, judge=TRAJECTORY.judge),)
