"""Grader for probability/gaussian_nb, against sklearn.naive_bayes.GaussianNB.

The fitted model is opaque: whatever ``gaussian_nb_fit`` returns is kept as a handle and
passed back to the learner's ``gaussian_nb_predict_proba``; only probabilities are compared.
The checks themselves are shared with multinomial_nb (:mod:`mlkata.grading.naive_bayes`).
"""

import numpy as np
from sklearn.naive_bayes import GaussianNB

from mlkata.grading import Mistake, points, seeded, student_function
from mlkata.grading.checks import BadInput
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.naive_bayes import (
    LABEL_CORNERS,
    LABELS,
    NaiveBayes,
    classes_of,
    common_mistakes,
    log_prior,
    normalise,
    sklearn_references,
    unbalanced_labels,
)

gaussian_nb_fit = student_function("gaussian_nb_fit")
gaussian_nb_predict_proba = student_function("gaussian_nb_predict_proba")
REFERENCE = "sklearn.naive_bayes.GaussianNB(var_smoothing).fit(X, y).predict_proba(X_test)"


def refuses(X, y, var_smoothing=1e-9):
    """A variance still 0 after smoothing (a constant class with var_smoothing=0, constant X)."""
    X, y = np.asarray(X, float), np.asarray(y)
    epsilon = var_smoothing * X.var(axis=0).max()
    if any(np.any(X[y == c].var(axis=0) + epsilon == 0) for c in np.unique(y)):
        return "a variance is 0 even after smoothing"
    return None


def _variant(X, y, X_test, var_smoothing=1e-9, **change):
    """Gaussian naive Bayes with one ingredient changed (the default is the right one)."""
    how = {"ddof": 0, "epsilon": "max over features", "variance": "two-pass", "buffers": "float"}
    how.update({"log_norm": True, "divide_by": "var", "half": True}, **change)
    integer = np.asarray(X).dtype.kind in "iub"
    X, X_test, y = np.asarray(X, float), np.asarray(X_test, float), np.asarray(y)
    classes = classes_of(y, how.get("order", "sorted"))
    rows = [X[y == c] for c in classes]
    theta = np.array([r.mean(axis=0) for r in rows])
    if how["variance"] == "moments":
        var = np.array([(r**2).mean(axis=0) - r.mean(axis=0) ** 2 for r in rows])
    else:
        var = np.array([r.var(axis=0, ddof=how["ddof"]) for r in rows])
    if how["buffers"] == "input dtype" and integer:
        theta, var = np.trunc(theta), np.trunc(var)
    var = (
        var
        + {
            "max over features": var_smoothing * X.var(axis=0).max(),
            "per feature": var_smoothing * X.var(axis=0),
            "from class variances": var_smoothing * np.array([r.var(axis=0) for r in rows]).max(),
            "absolute": var_smoothing,
            "default": 1e-9 * X.var(axis=0).max(),
            "none": 0.0,
        }[how["epsilon"]]
    )
    scale = var if how["divide_by"] == "var" else np.sqrt(var)
    squares = ((X_test[:, None, :] - theta[None]) ** 2 / scale[None]).sum(axis=2)
    joint = log_prior(y, classes, how.get("prior", "frequency")) - (0.5 if how["half"] else 1.0) * squares
    if how["log_norm"]:
        joint = joint - 0.5 * np.log(2 * np.pi * var).sum(axis=1)
    return normalise(joint, how.get("normalise", "log-sum-exp"))


def mistakes(X, y, X_test, var_smoothing=1e-9):
    """The known mistakes for one (training set, test set), as what predict_proba would return."""

    def wrong(hint, **change):
        return Mistake(hint, lambda *args, **kwargs: _variant(X, y, X_test, var_smoothing, **change))

    return (
        wrong("use the population variance (divide by n_c, ddof=0), not the sample variance", ddof=1),
        wrong(
            "epsilon is one number, var_smoothing times the LARGEST feature variance of X, added to "
            "every variance; you scaled each feature by its own variance",
            epsilon="per feature",
        ),
        wrong(
            "epsilon comes from the variances of the whole training X (np.var(X, axis=0).max()), not "
            "from the per-class variances",
            epsilon="from class variances",
        ),
        wrong(
            "epsilon is var_smoothing times the largest feature variance of X, not var_smoothing itself",
            epsilon="absolute",
        ),
        wrong("use the var_smoothing you are given: yours is the default 1e-9", epsilon="default"),
        wrong("add epsilon = var_smoothing * max feature variance to every variance", epsilon="none"),
        *common_mistakes(wrong, "far from the training data"),
        wrong(
            "the Gaussian density has the factor 1/sqrt(2 pi var): include -0.5 * sum(log(2 pi var)) "
            "in each class's log-likelihood (it differs between classes)",
            log_norm=False,
        ),
        wrong("divide the squared distance by the variance, not by the standard deviation", divide_by="std"),
        wrong("the exponent of the Gaussian is -(x - mu)^2 / (2 var): you lost the 1/2", half=False),
        wrong(
            "E[x^2] - E[x]^2 cancels catastrophically for data far from 0 (here near 1e9): compute "
            "the variance as the mean of (x - mean)^2 (np.var)",
            variance="moments",
        ),
        wrong(
            "your means or variances were truncated to integers: with integer X, compute in floats "
            "(np.asarray(X, dtype=float), or float arrays from np.zeros)",
            buffers="input dtype",
        ),
    )


def _scales_far_apart(values, rng):
    """Features of scales 1e-2 to 1e2 with means far from 0, var_smoothing=0.1: every way of
    making epsilon gives a different answer."""
    d = values["X"].shape[1]
    scale, shift = np.logspace(-2, 2, d), rng.uniform(-1e3, 1e3, size=d)
    values["X"] = values["X"] * scale + shift
    values["X_test"] = values["X_test"] * scale + shift
    values["var_smoothing"] = 0.1
    return values


def _constant_in_a_class(values, rng):
    """The first feature is constant within the first class: its variance is epsilon alone."""
    X, y = values["X"].copy(), values["y"]
    X[y == y[0], 0] = 0.5
    values["X"] = X
    return values


def _far_from_the_data(values, rng):
    """Test points 1e3 to 1e5 from the data, where exp(log-likelihood) underflows."""
    values["X_test"] = values["X_test"] * rng.choice([1e3, 1e4, 1e5], size=values["X_test"].shape)
    return values


PARAM = Param(
    "var_smoothing",
    1e-9,
    values=(0.0, 0.05, 1.0),
    invalid=(-0.1, float("nan")),
    why_invalid="is not a number >= 0",
)


def _documented(model):
    """The docstring's model entries, from scikit-learn's fitted attributes."""
    return {"log_prior": np.log(model.class_prior_), "theta": model.theta_, "var": model.var_}


reference, reference_model = sklearn_references(GaussianNB, PARAM, _documented)

DOMAIN = Domain(
    seed=1211,
    args=(
        Reals("X", ("n", "d"), scale=2.0, uint8=True, offset=True, tiny=True, nan_rejected=True),
        LABELS,
        Reals("X_test", ("t", "d"), scale=3.0, uint8=True, offset=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (6, 30, 12, 200), "t": (4, 10, 7, 40), "d": (1, 3, 2, 5)},
    params=(PARAM,),
    custom={
        **LABEL_CORNERS,
        "features of scales 1e-2 to 1e2, means far from 0": _scales_far_apart,
        "a feature constant within a class": _constant_in_a_class,
        "test points far from the data": _far_from_the_data,
    },
)

NB = NaiveBayes("gaussian_nb", DOMAIN, reference, reference_model, REFERENCE, mistakes, refuses=refuses)


def _blobs(rng, n, d, labels, spread=2.0, shuffle=True):
    index, y = unbalanced_labels(rng, n, labels, shuffle)
    centers = rng.normal(scale=spread, size=(len(labels), d))
    scales = rng.uniform(0.5, 2.0, size=(len(labels), d)) * rng.uniform(0.5, 3.0, size=d)
    X = centers[index] + scales[index] * rng.normal(size=(n, d))
    return X, y, rng.normal(scale=2 * spread, size=(max(4, n // 3), d))


@points(3)
def test_matches_sklearn_on_random_inputs(gaussian_nb_fit, gaussian_nb_predict_proba):
    rng = seeded(1201)
    for n, d, labels in ((6, 1, [0, 1]), (40, 3, [-1, 4, 9]), (300, 5, [0, 1, 2, 3])):
        NB.expect(gaussian_nb_fit, gaussian_nb_predict_proba, *_blobs(rng, n, d, labels))


@points(2)
def test_var_smoothing_uses_the_largest_feature_variance(gaussian_nb_fit, gaussian_nb_predict_proba):
    rng = seeded(1202)
    X, y, X_test = _blobs(rng, 30, 3, [0, 1, 2])
    X[:, 2] *= 20.0  # one feature with a much larger variance than the others
    X[y == 1, 0] = 0.5  # a feature constant within class 1: its variance is epsilon alone
    X_test[:, 2] *= 20.0
    for var_smoothing in (0.05, 1.0, 1e-9):
        what = f" with var_smoothing={var_smoothing}"
        NB.expect(gaussian_nb_fit, gaussian_nb_predict_proba, X, y, X_test, what, var_smoothing=var_smoothing)


@points(2)
def test_far_away_points_stay_finite(gaussian_nb_fit, gaussian_nb_predict_proba):
    X, y, _ = _blobs(seeded(1203), 60, 3, [0, 1, 2], spread=1.0)
    far = [[40.0, -40.0, 40.0], [1e3, 1e3, 1e3], [-1e4, 0.0, 5.0], [1e5, -1e5, 1e5], [0.0, 0.0, 0.0]]
    what = "; far from the data, where exp(log-likelihood) underflows"
    NB.expect(gaussian_nb_fit, gaussian_nb_predict_proba, X, y, np.array(far), what)


@points(1)
def test_columns_follow_the_sorted_classes(gaussian_nb_fit, gaussian_nb_predict_proba):
    rng = seeded(1204)
    for labels in ([7, 2, 5], ["spam", "eggs", "ham"]):
        X, y, X_test = _blobs(rng, 24, 2, labels, shuffle=False)  # y starts with labels, unsorted
        what = f"; classes {sorted(labels)} in that column order"
        NB.expect(gaussian_nb_fit, gaussian_nb_predict_proba, X, y, X_test, what)


@points(2)
def test_every_corner_of_the_domain(gaussian_nb_fit, gaussian_nb_predict_proba):
    NB.expect_corners(gaussian_nb_fit, gaussian_nb_predict_proba)


@points(1)
def test_rejects_bad_input(gaussian_nb_fit, gaussian_nb_predict_proba):
    X = np.array([[0.0, 1.0], [0.0, 1.0], [3.0, 3.5], [4.0, 2.5]])
    y = np.array([0, 0, 1, 1])
    extra = [
        BadInput("var_smoothing must be >= 0", (X, y), {"var_smoothing": -0.1}),
        BadInput("every feature of X is constant, so every variance is 0", (np.ones((4, 2)), y)),
        BadInput(
            "class 0 is constant and var_smoothing=0: its variances are 0 even after smoothing",
            (X, y),
            {"var_smoothing": 0.0},
        ),
    ]
    NB.expect_rejected(gaussian_nb_fit, gaussian_nb_predict_proba, extra)


@robust()
@points(1)
def test_one_sample_classes_and_huge_scales(gaussian_nb_fit, gaussian_nb_predict_proba):
    """A class of one sample (its variance: epsilon alone), and features of scale 1e150."""
    rng = seeded(1205)
    X, y, X_test = _blobs(rng, 30, 3, [0, 1, 2])
    X, y = np.vstack([X, [[9.0, -9.0, 9.0]]]), np.append(y, 3)  # class 3: one sample
    NB.expect(gaussian_nb_fit, gaussian_nb_predict_proba, X, y, X_test, "; class 3 has one sample")
    NB.expect(
        gaussian_nb_fit, gaussian_nb_predict_proba, X * 1e150, y, X_test * 1e150, "; features of scale 1e150"
    )


def _fast_inputs(n, rng):
    k, d = 3, 10
    model = {
        "classes": np.arange(k),
        "log_prior": np.log(np.full(k, 1 / k)),
        "theta": rng.normal(size=(k, d)),
        "var": rng.uniform(0.5, 2.0, size=(k, d)),
    }
    return {"model": model, "X": rng.normal(size=(n // d, d))}


FAST = Fast(
    inputs=_fast_inputs,
    function="gaussian_nb_predict_proba",
    within=5.0,
    why="predict_proba on n / 10 rows of 10 features, 3 classes: the fit is one pass of the same kind",
)


PROPERTIES = NB.properties()
