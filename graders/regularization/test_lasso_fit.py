"""Grader for regularization/lasso_fit, against sklearn.linear_model.Lasso.

The reference runs far past the learner's defaults (tol=1e-12 on sklearn's duality gap,
max_iter=100000), so it is the optimum to rounding. lasso_fit is iterative, so it is graded
on what its answer achieves: the objective (1/2n)||y - Xw - b||^2 + alpha*||w||_1 it reaches,
its predictions, its coefficients within a tolerance that cyclic coordinate descent with the
documented defaults (n_iter=1000, stop when no coefficient moves by tol=1e-8) reaches easily
on these well-conditioned problems, and exact zeros where the optimum has them.
"""

import warnings
from dataclasses import replace

import numpy as np
from sklearn.linear_model import Lasso

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    points,
    returned,
    seeded,
    student_function,
    with_hints,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.judge import hints_for_check
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

lasso_fit = student_function("lasso_fit")
REFERENCE = "sklearn.linear_model.Lasso(alpha, tol=1e-12, max_iter=100000).fit(X, y)"
OBJECTIVE = "(1/2n)||y - Xw - b||^2 + alpha*||w||_1"
W_TOL = {"rtol": 1e-5, "atol": 1e-5}
B_TOL = {"rtol": 1e-5, "atol": 1e-4}
PREDICTION_TOL = {"rtol": 1e-5, "atol": 1e-4}
OBJECTIVE_TOL = {"rtol": 1e-7, "atol": 1e-10}
ZERO = 1e-6


def _lasso(X, y, alpha, fit_intercept=True):
    model = Lasso(alpha=alpha, fit_intercept=fit_intercept, tol=1e-12, max_iter=100000)
    model.fit(np.asarray(X, float), np.asarray(y, float))
    return model.coef_, float(model.intercept_)


@cached_reference
def reference(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    return _lasso(X, y, alpha)


@cached_reference
def sweeps(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    """The docstring's stopping rule, one sklearn sweep at a time: at most ``n_iter`` sweeps (from
    w = 0, coordinates in order), stopping after a sweep that moves no coefficient by ``tol``.
    sklearn's own ``tol`` is a duality gap; one ``max_iter=1`` fit is exactly one sweep."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    model = Lasso(alpha=alpha, max_iter=1, tol=0.0, warm_start=True)
    w = np.zeros(X.shape[1])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning: one sweep is all it is asked for
        for _ in range(n_iter):
            model.fit(X, y)
            change, w = np.max(np.abs(model.coef_ - w), initial=0.0), model.coef_.copy()
            if change < tol:
                break
    return w, float(model.intercept_)


def _constant_column(values, rng):
    """A constant column: its weight is 0 (there is nothing to fit), not 0 / 0."""
    X = values["X"].copy()
    X[:, 0] = 3.0
    values["X"] = X
    return values


DOMAIN = Domain(
    seed=1446,
    args=(
        Reals("X", ("n", "d"), uint8=True, offset=True, nan_rejected=True),
        Reals("y", scale=30, uint8=True, offset=True, nan_rejected=True),
    ),
    params=(
        Param("alpha", 1.0, values=(0.05, 4.0), invalid=(-0.1, float("nan"), float("inf"))),
        Param("n_iter", 1000, values=(1, 2), invalid=(0, -3), why_invalid="is not >= 1"),
        Param("tol", 1e-8, values=(0.5,), invalid=(-1.0,), why_invalid="is not >= 0"),
    ),
    sizes={"n": (8, 150, 40, 300), "d": (2, 12, 5, 20)},
    custom={"a constant column": _constant_column},
)
"""Cases at the default n_iter and tol are judged at the optimum; the others after the sweeps
the docstring's stopping rule gives (:func:`sweeps`)."""
EXTREME = ("offset", "a constant column")
"""The corners of level ★★ (robust): features near 1e9, a column of variance 0."""


def objective(X, y, w, b, alpha):
    X, y = np.asarray(X, float), np.asarray(y, float)
    residual = y - X @ np.asarray(w, float) - b
    return float(residual @ residual / (2 * len(y)) + alpha * np.abs(w).sum())


def _penalised_intercept(X, y, alpha=1.0, **ignored):
    X = np.asarray(X, float)
    coef, _ = _lasso(np.column_stack([X, np.ones(len(X))]), y, alpha, fit_intercept=False)
    return coef[:-1], coef[-1]


def _with_b(b_of):
    def fit(X, y, alpha=1.0, **ignored):
        w, _ = _lasso(X, y, alpha)
        return w, b_of(np.asarray(X, float), np.asarray(y, float), w)

    return fit


WRONG_FITS = (
    (
        "the squared error is scaled by 1/(2n): with rho_j = x_j . r and z_j = ||x_j||^2 (no 1/n) the "
        "threshold is n * alpha; or divide both by n and threshold at alpha",
        lambda X, y, alpha=1.0, **ignored: _lasso(X, y, alpha / len(y)),
    ),
    (
        "with the 1/(2n) objective the soft threshold is alpha: a threshold of alpha/2 minimises a "
        "1/n objective",
        lambda X, y, alpha=1.0, **ignored: _lasso(X, y, alpha / 2),
    ),
    ("soft-threshold at alpha, not 2 * alpha", lambda X, y, alpha=1.0, **ignored: _lasso(X, y, 2 * alpha)),
    (
        "fit the intercept: centre X and y first, then b = mean(y) - mean(X) . w",
        lambda X, y, alpha=1.0, **ignored: _lasso(X, y, alpha, fit_intercept=False),
    ),
    (
        "the intercept is not penalised: centre X and y rather than adding a column of ones to X",
        _penalised_intercept,
    ),
    ("b = mean(y) - mean(X) . w: you forgot the mean(X) . w term", _with_b(lambda X, y, w: float(y.mean()))),
    (
        "you fitted on centred data: add the intercept back, b = mean(y) - mean(X) . w",
        _with_b(lambda X, y, w: 0.0),
    ),
)


def _mistakes(of):
    """Mistake list whose compute maps a wrong fit's (X, y, w, b) through ``of``."""

    def compute(fit):
        def wrong(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
            w, b = fit(X, y, alpha)
            return of(np.asarray(X, float), np.asarray(y, float), w, b, alpha)

        return wrong

    return tuple(Mistake(hint, compute(fit)) for hint, fit in WRONG_FITS)


W_MISTAKES = _mistakes(lambda X, y, w, b, alpha: w)
B_MISTAKES = _mistakes(lambda X, y, w, b, alpha: b)
OBJECTIVE_MISTAKES = _mistakes(objective)


def _w_and_b(outcome, d):
    """The learner's (w, b) as float arrays, or a GradeFailure saying what is wrong with them."""
    w_part, b_part = outcome.part(0, "w"), outcome.part(1, "b")
    try:
        w = np.asarray(returned(w_part), dtype=np.float64)
        b = float(np.asarray(returned(b_part), dtype=np.float64))
    except (TypeError, ValueError):
        raise GradeFailure(
            f"{outcome.call} must return (w, b): w an array of {d} numbers, b a number"
        ) from None
    if w.shape != (d,):
        raise GradeFailure(f"{outcome.call} returned w of shape {w.shape}; expected shape ({d},)")
    return w, b


def _objective_outcome(outcome, X, y, alpha):
    w, b = _w_and_b(outcome, np.shape(X)[1])
    return replace(outcome, value=objective(X, y, w, b, alpha), label=f" -> objective {OBJECTIVE}")


def _prediction_outcome(outcome, X, X_test):
    w, b = _w_and_b(outcome, np.shape(X)[1])
    return replace(outcome, value=np.asarray(X_test, float) @ w + b, label=" -> predictions X_test @ w + b")


def _regression(rng, n, d, corr=0.5, keep=0.5, offset=1.0):
    """Well-conditioned correlated features, a sparse true w, an intercept and some noise."""
    C = corr * np.ones((d, d)) + (1 - corr) * np.eye(d)
    scale, shift = rng.uniform(0.5, 2.0, size=d), offset * rng.normal(size=d)
    X = rng.normal(size=(n, d)) @ np.linalg.cholesky(C).T * scale + shift
    w = rng.normal(scale=2.0, size=d) * (rng.random(d) < keep)
    y = X @ w + rng.normal(scale=3.0) + 0.5 * rng.normal(size=n)
    X_test = rng.normal(size=(10, d)) * scale + shift
    return X, y, X_test


def _exact_zeros(X, y, w, b, alpha):
    """The coefficients that are 0 at the optimum (w, b), each with a safe margin in its KKT
    condition |x_j . r| / n <= alpha, so that a correct solver sets it to exactly 0 too."""
    slack = np.abs((X - X.mean(axis=0)).T @ (y - X @ w - b)) / len(y)
    return np.flatnonzero((w == 0) & (slack < 0.9 * alpha))


def _expect_optimum(outcome, X, y, w, b, alpha):
    """The objective the learner's (w, b) reaches is the optimum's; when it is higher and no known
    mistake explains it, say so if none of the optimum's zero coefficients is exactly 0 in w."""
    reached, optimum = _objective_outcome(outcome, X, y, alpha), objective(X, y, w, b, alpha)
    try:
        expect_close(
            reached,
            optimum,
            reference=f"the optimum of {OBJECTIVE}, reached by {REFERENCE}; if yours is higher, "
            "iterate until no coefficient moves by tol",
            mistakes=OBJECTIVE_MISTAKES,
            **OBJECTIVE_TOL,
        )
    except GradeFailure as failure:
        known = hints_for_check(reached, OBJECTIVE_MISTAKES, optimum, **OBJECTIVE_TOL)
        zeros = _exact_zeros(X, y, w, b, alpha)
        learner_w, _ = _w_and_b(outcome, len(w))
        if known or not zeros.size or np.any(np.abs(learner_w[zeros]) < ZERO):
            raise
        raise GradeFailure(
            with_hints(
                str(failure),
                f"the optimum has w[j] = 0 for j in {zeros.tolist()} and none of yours is exactly 0 "
                "there: the soft-threshold update sets them to exactly 0 (gradient or subgradient "
                "steps on |w| only ever get near 0); with it, iterate until no coefficient moves by tol",
            )
        ) from None


PROBLEMS = ((8, 2, 0.1, 0.3), (40, 5, 0.3, 0.5), (150, 12, 0.2, 0.5), (300, 20, 0.5, 0.4))


@points(3)
def test_reaches_the_optimum(lasso_fit):
    rng = seeded(1441)
    for n, d, alpha, corr in PROBLEMS:
        X, y, X_test = _regression(rng, n, d, corr)
        w, b = reference(X, y, alpha)
        outcome = lasso_fit.call(X, y, alpha=alpha)
        _expect_optimum(outcome, X, y, w, b, alpha)
        prediction_mistakes = _mistakes(lambda X, y, w, b, alpha, _t=X_test: _t @ w + b)
        expect_close(
            _prediction_outcome(outcome, X, X_test),
            X_test @ w + b,
            reference=REFERENCE + ".predict(X_test)",
            mistakes=prediction_mistakes,
            **PREDICTION_TOL,
        )


@points(2)
def test_coefficients_match_sklearn(lasso_fit):
    rng = seeded(1442)
    for n, d, alpha, corr in PROBLEMS:
        X, y, _ = _regression(rng, n, d, corr)
        w, b = reference(X, y, alpha)
        outcome = lasso_fit.call(X, y, alpha=alpha)
        expect_close(outcome.part(0, "w"), w, reference=REFERENCE, mistakes=W_MISTAKES, **W_TOL)
        expect_close(outcome.part(1, "b"), b, reference=REFERENCE, mistakes=B_MISTAKES, **B_TOL)
    X, y, _ = _regression(rng, 60, 4, 0.3)
    w, b = reference(X, y, 1.0)
    outcome = lasso_fit.call(X, y)
    why = " with the default alpha=1.0"
    expect_close(outcome.part(0, "w"), w, reference=REFERENCE + why, mistakes=W_MISTAKES, **W_TOL)
    expect_close(outcome.part(1, "b"), b, reference=REFERENCE + why, mistakes=B_MISTAKES, **B_TOL)


@points(2)
def test_zero_coefficients_are_exact(lasso_fit):
    rng = seeded(1443)
    for n, d, alpha in ((50, 6, 0.4), (200, 15, 0.3)):
        X, y, _ = _regression(rng, n, d, 0.4, keep=0.4)
        w_ref, b_ref = reference(X, y, alpha)
        zeros = _exact_zeros(X, y, w_ref, b_ref, alpha)
        assert zeros.size >= 2, "grader data: expected coefficients that are 0 at the optimum"
        outcome = lasso_fit.call(X, y, alpha=alpha)
        w, _ = _w_and_b(outcome, d)
        expect_close(
            replace(outcome, value=w[zeros], label=f" -> w[{zeros.tolist()}]"),
            np.zeros(zeros.size),
            reference=f"these coefficients are exactly 0 at the optimum ({REFERENCE}), so they must be "
            f"|w| < {ZERO:g}: the soft-threshold update sets them to exactly 0 (gradient or "
            "subgradient steps on |w| only ever get near 0)",
            rtol=0.0,
            atol=ZERO,
        )
        expect_close(outcome.part(0, "w"), w_ref, reference=REFERENCE, mistakes=W_MISTAKES, **W_TOL)


@points(1)
def test_alpha_above_alpha_max_zeroes_every_weight(lasso_fit):
    rng = seeded(1444)
    X, y, _ = _regression(rng, 30, 4, 0.3, keep=1.0)
    alpha_max = np.max(np.abs((X - X.mean(axis=0)).T @ (y - y.mean()))) / len(y)
    outcome = lasso_fit.call(X, y, alpha=float(1.5 * alpha_max))
    why = (
        f"; alpha = 1.5 * max_j |x_j . (y - mean(y))| / n = {1.5 * alpha_max:.4g}: "
        "every w_j is 0, b = mean(y)"
    )
    expect_close(
        outcome.part(0, "w"), np.zeros(4), reference=REFERENCE + why, rtol=0.0, atol=ZERO, mistakes=W_MISTAKES
    )
    expect_close(outcome.part(1, "b"), y.mean(), reference=REFERENCE + why, mistakes=B_MISTAKES, **B_TOL)


def _judge(function, case):
    outcome = case_outcome(function, case)
    stopped_early = "n_iter" in case.kwargs or "tol" in case.kwargs
    judge = sweeps if stopped_early else reference
    expected = judge(*case.widened, **case.widened_kwargs)
    what = REFERENCE if not stopped_early else "sklearn Lasso, one max_iter=1 sweep at a time from w = 0"
    for index, (name, mistakes, tol) in enumerate((("w", W_MISTAKES, W_TOL), ("b", B_MISTAKES, B_TOL))):

        def part(*args, index=index, **kwargs):
            return judge(*args, **kwargs)[index]

        rtol, atol = (1e-9, 1e-9) if stopped_early else (tol["rtol"], tol["atol"])
        rtol, atol = case_tolerances(part, case, expected[index], rtol=rtol, atol=atol)
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=what + case_suffix(case),
            rtol=rtol,
            atol=atol,
            mistakes=() if stopped_early else mistakes,
        )


@points(2)
def test_every_corner_of_the_domain(lasso_fit):
    for case in DOMAIN.corner_cases():
        if case.name not in EXTREME:
            _judge(lasso_fit, case)


@robust()
@points(1)
def test_far_from_zero_and_a_constant_column(lasso_fit):
    for case in DOMAIN.corner_cases(only=EXTREME):
        _judge(lasso_fit, case)


@robust()
@points(1)
def test_one_sample_constant_y_and_huge_scales(lasso_fit):
    """One sample (w = 0, b = y), a constant y, every column constant, sizes of 1e100."""
    rng = seeded(1445)
    X, y, _ = _regression(rng, 30, 4, 0.3)
    for X_, y_, alpha, why in (
        (X[:1], y[:1], 0.5, "; one sample: every column is constant, w = 0 and b = y"),
        (X, np.full(30, 2.5), 0.1, "; a constant y: w = 0, b = y"),
        (np.tile(X[:1], (30, 1)), y, 0.1, "; every column constant: w = 0, b = mean(y)"),
        (X * 1e100, y * 1e100, 0.3e200, "; X and y of 1e100, alpha of 3e199: w as at scale 1"),
    ):
        w, b = reference(X_, y_, alpha)
        outcome = lasso_fit.call(X_, y_, alpha=alpha)
        expect_close(outcome.part(0, "w"), w, reference=REFERENCE + why, mistakes=W_MISTAKES, **W_TOL)
        expect_close(outcome.part(1, "b"), b, reference=REFERENCE + why, mistakes=B_MISTAKES, **B_TOL)


@points(1)
def test_rejects_bad_input(lasso_fit):
    X = np.array([[0.0, 1.0], [1.0, 0.5], [3.0, 3.5], [4.0, 2.5]])
    y = np.array([1.0, 2.0, 3.0, 4.0])
    expect_rejected(
        lasso_fit,
        [
            BadInput("alpha must be >= 0", (X, y), {"alpha": -0.1}),
            BadInput("X has 4 rows and y 3 targets", (X, y[:3])),
            BadInput("X and y are empty", (np.zeros((0, 2)), np.zeros(0))),
            BadInput("X must be 2-D (n_samples, n_features), not a 1-D list", ([0.0, 1.0, 3.0, 4.0], y)),
            BadInput("n_iter must be >= 1", (X, y), {"n_iter": 0}),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("lasso_fit", DOMAIN, judge=_judge),)


def _tall(n, rng):
    X, y, _ = _regression(rng, n // 10, 10, 0.3)
    return {"X": X, "y": y, "alpha": 0.1}


FAST = Fast(
    inputs=_tall,
    size=200_000,
    why="20,000 samples of 10 features at alpha = 0.1: coordinate descent is iterative (sweeps "
    "until no coefficient moves by tol, each coordinate a pass over the samples), so 2e5 values",
)
