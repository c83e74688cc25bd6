"""Grader for decomposition/pca, against sklearn.decomposition.PCA(svd_solver="full").

The fit's model must hold scikit-learn's mean and explained variance and its components up to
sign (any orthonormal eigenvectors where a component is not unique); the transform is judged
with the learner's own model and with scikit-learn's. The checks are in
:mod:`mlkata.grading.pca`.
"""

from dataclasses import replace

import numpy as np

from mlkata.grading import expect_raises, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.domains import Case, Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.pca import (
    AUTO,
    expect_fit,
    expect_fit_and_transform,
    expect_transform,
    judge_transform_alone,
    sklearn_model,
)

pca_fit = student_function("pca_fit")
pca_transform = student_function("pca_transform")


# --- the domain ------------------------------------------------------------------------------------


def _scales(values, rng):
    """Features in units 1e-3 to 1e3 apart: PCA is not scale-invariant, standardising is wrong."""
    scale = np.logspace(-3, 3, values["X"].shape[1])
    values["X"], values["X_new"] = values["X"] * scale, values["X_new"] * scale
    return values


def _correlated(values, rng):
    mixing = rng.normal(size=(values["X"].shape[1],) * 2)
    values["X"], values["X_new"] = values["X"] @ mixing, values["X_new"] @ mixing
    return values


def _new_data_elsewhere(values, rng):
    """New samples 50 away from the training mean: centring them by their own mean is wrong."""
    values["X_new"] = values["X_new"] + 50.0
    return values


def _one_new_sample(values, rng):
    values["X_new"] = values["X_new"][:1]
    return values


def _copied_feature(values, rng):
    """The last feature a linear function of the first: one variance is exactly 0."""
    X = values["X"].copy()
    X[:, -1] = 2.0 * X[:, 0] - 1.0
    values["X"], values["n_components"] = X, X.shape[1]
    return values


def _constant_feature(values, rng):
    X = values["X"].copy()
    X[:, 0] = 5.0
    values["X"], values["n_components"] = X, X.shape[1]
    return values


def _few_samples(values, rng):
    """3 samples of 4 or more features, 3 components: the third has variance 0 and is not unique."""
    values["X"] = values["X"][:3]
    values["n_components"] = min(3, values["X"].shape[1])
    return values


def _tied_variances(values, rng):
    """Samples at +-3 along every axis: every variance is the same, no component is unique."""
    d = values["X"].shape[1]
    values["X"] = np.vstack([3.0 * np.eye(d), -3.0 * np.eye(d)]) + 1.5
    values["n_components"] = min(2, d)
    return values


def _all_components(values, rng):
    values["n_components"] = min(values["X"].shape)
    return values


DOMAIN = Domain(
    seed=2601,
    args=(
        Reals("X", ("n", "d"), scale=2.0, uint8=True, offset=True, tiny=True, nan_rejected=True),
        Reals("X_new", ("t", "d"), scale=3.0, uint8=True, offset=True, tiny=True),
    ),
    params=(
        Param(
            "n_components",
            AUTO,
            values=(1, 2, 3),
            invalid=(0, -1, 2.5, None),
            why_invalid="is not an int in 1 .. min(n, d)",
        ),
    ),
    sizes={"n": (3, 12, 40, 200), "t": (1, 5, 7, 20), "d": (2, 3, 4, 5)},
    custom={
        "features of scales 1e-3 to 1e3": _scales,
        "correlated features": _correlated,
        "new data 50 from the training mean": _new_data_elsewhere,
        "a single new sample": _one_new_sample,
        "a feature copying another (a variance 0)": _copied_feature,
        "a constant feature": _constant_feature,
        "3 samples, 3 components": _few_samples,
        "equal variances (no component unique)": _tied_variances,
        "all components": _all_components,
    },
)


# --- the checks ------------------------------------------------------------------------------------


def _data(rng, n, d, spread=(0.5, 5.0)):
    mixing = np.linalg.qr(rng.normal(size=(d, d)))[0]
    X = rng.normal(size=(n, d)) * np.linspace(*spread, d)[::-1] @ mixing + rng.normal(size=d) * 3
    return X, rng.normal(size=(max(n // 4, 2), d)) * 2 + X.mean(axis=0)


@points(3)
def test_fit_matches_sklearn_on_random_data(pca_fit, pca_transform):
    rng = seeded(2602)
    for n, d, k in ((12, 2, 1), (40, 4, 2), (200, 6, 6), (5, 3, 3)):
        X, X_new = _data(rng, n, d)
        expect_fit_and_transform(pca_fit, pca_transform, Case("random", (X, X_new), {"n_components": k}))


@points(2)
def test_transform_centres_with_the_training_mean(pca_fit, pca_transform):
    rng = seeded(2603)
    X, X_new = _data(rng, 50, 3)
    for new, what in (
        (X_new + 20.0, "; new data far from the training data"),
        (X_new[:1], "; one new sample"),
    ):
        case = Case("random", (X, new), {"n_components": 2})
        model = sklearn_model(X, 2)
        expect_transform(pca_transform, model, model, case, what + " (scikit-learn's model)")
        expect_fit_and_transform(pca_fit, pca_transform, case, what)


@points(1)
def test_features_are_not_standardised(pca_fit, pca_transform):
    rng = seeded(2604)
    X = rng.normal(size=(60, 3)) * [100.0, 1.0, 0.01] + [5.0, -2.0, 0.3]
    expect_fit_and_transform(
        pca_fit,
        pca_transform,
        Case("random", (X, X[:5]), {"n_components": 3}),
        "; features of scales 100, 1, 0.01",
    )


@points(1)
def test_worked_cases(pca_fit, pca_transform):
    for X, X_new, k, why in (
        (
            [[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]],
            [[1.0, 0.5], [3.0, 3.0]],
            2,
            "the docstring's axes",
        ),
        ([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.0]], [[2.5, 2.5], [0.0, 0.0]], 1, "points on a line"),
    ):
        case = Case("random", (np.array(X), np.array(X_new)), {"n_components": k})
        expect_fit_and_transform(pca_fit, pca_transform, case, f"; {why}")


@points(2)
def test_every_corner_of_the_domain(pca_fit, pca_transform):
    for case in DOMAIN.corner_cases():
        expect_fit_and_transform(pca_fit, pca_transform, case)


def _fit_bad_inputs():
    fit_domain = Domain(seed=DOMAIN.seed, args=DOMAIN.args[:1], sizes=DOMAIN.sizes, params=DOMAIN.params)
    bad = [replace(b, kwargs={"n_components": 1, **b.kwargs}) for b in fit_domain.bad_inputs()]
    X = np.random.default_rng(2605).normal(size=(6, 3))
    return [
        *bad,
        BadInput("n_components=4 is more than min(n, d) = 3", (X, 4)),
        BadInput("n_components=3 is more than min(n, d) = 2 (two samples)", (X[:2], 3)),
        BadInput("one sample: the variance divides by n - 1 = 0", (X[:1], 1)),
        BadInput("X has no columns", (np.zeros((5, 0)), 1)),
        BadInput("X holds infinity", (np.where(X > 1.5, np.inf, X), 2)),
    ]


@points(1)
def test_rejects_bad_input(pca_fit, pca_transform):
    expect_rejected(pca_fit, _fit_bad_inputs())
    X = np.random.default_rng(2606).normal(size=(10, 3))
    model = pca_fit.keep(X, 2)
    for bad, because in (
        (np.ones((4, 4)), "the model was fitted on 3 features and X has 4"),
        (np.ones((4, 2)), "the model was fitted on 3 features and X has 2"),
        (np.ones(3), "X is 1-D (one sample of 3 features, or 3 samples?): it must be 2-D"),
        (np.zeros((0, 3)), "X has no rows"),
    ):
        expect_raises(pca_transform.call(model, bad), because=because)


@robust()
@points(1)
def test_duplicated_rows_two_samples_and_extreme_scales(pca_fit, pca_transform):
    """Every row twice, 2 samples of 5 features, features of scale 1e150 and 1e-100."""
    rng = seeded(2606)
    X, X_new = _data(rng, 30, 3)
    for data, new, k, what in (
        (np.repeat(X, 2, axis=0), X_new, 3, "; every row twice"),
        (rng.normal(size=(2, 5)), rng.normal(size=(3, 5)), 1, "; 2 samples of 5 features"),
        (X * 1e150, X_new * 1e150, 2, "; features of scale 1e150"),
        (X * 1e-100, X_new * 1e-100, 2, "; features of scale 1e-100"),
    ):
        expect_fit_and_transform(
            pca_fit, pca_transform, Case("extreme", (data, new), {"n_components": k}), what
        )


def _fast_inputs(n, rng):
    X = rng.normal(size=(n // 10, 10)) * np.linspace(1.0, 5.0, 10)
    return {"X": X, "n_components": 3}


FAST = Fast(inputs=_fast_inputs, within=5.0, why="n / 10 samples of 10 features, 3 components")


PROPERTIES = (
    Differential("pca_fit", DOMAIN, judge=lambda fit, case: expect_fit(fit, case) and None),
    Differential("pca_transform", DOMAIN, judge=judge_transform_alone),
)
