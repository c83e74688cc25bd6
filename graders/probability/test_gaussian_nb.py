"""Grader for probability/gaussian_nb, against sklearn.naive_bayes.GaussianNB.

The fitted model is opaque: whatever ``gaussian_nb_fit`` returns is kept as a handle and
passed back to the learner's ``gaussian_nb_predict_proba``; only probabilities are compared.
"""

import numpy as np
from scipy.special import logsumexp
from sklearn.naive_bayes import GaussianNB

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_rejected
from mlkata.grading.memo import cached_reference

gaussian_nb_fit = student_function("gaussian_nb_fit")
gaussian_nb_predict_proba = student_function("gaussian_nb_predict_proba")
REFERENCE = "sklearn.naive_bayes.GaussianNB(var_smoothing).fit(X, y).predict_proba(X_test)"
RTOL, ATOL = 1e-6, 1e-9


@cached_reference
def reference(X, y, X_test, var_smoothing=1e-9):
    model = GaussianNB(var_smoothing=var_smoothing).fit(np.asarray(X, float), np.asarray(y))
    return model.predict_proba(np.asarray(X_test, float))


def _variant(
    X,
    y,
    X_test,
    var_smoothing=1e-9,
    *,
    ddof=0,
    epsilon="max over features",
    prior="frequency",
    normalise="log-sum-exp",
    log_norm=True,
    divide_by="var",
    half=True,
    order="sorted",
):
    """Gaussian naive Bayes with one ingredient changed (the default is the right one)."""
    X, X_test, y = np.asarray(X, float), np.asarray(X_test, float), np.asarray(y)
    classes = np.unique(y) if order == "sorted" else np.array(list(dict.fromkeys(y.tolist())))
    theta = np.array([X[y == c].mean(axis=0) for c in classes])
    var = np.array([X[y == c].var(axis=0, ddof=ddof) for c in classes])
    counts = np.array([np.sum(y == c) for c in classes], float)
    eps = {
        "max over features": var_smoothing * X.var(axis=0).max(),
        "per feature": var_smoothing * X.var(axis=0),
        "from class variances": var_smoothing * np.array([X[y == c].var(axis=0) for c in classes]).max(),
        "none": 0.0,
    }[epsilon]
    var = var + eps
    log_prior = (
        np.log(counts / counts.sum())
        if prior == "frequency"
        else np.full(len(classes), -np.log(len(classes)))
    )
    scale = var if divide_by == "var" else np.sqrt(var)
    squares = ((X_test[:, None, :] - theta[None]) ** 2 / scale[None]).sum(axis=2)
    joint = log_prior - (0.5 if half else 1.0) * squares
    if log_norm:
        joint = joint - 0.5 * np.log(2 * np.pi * var).sum(axis=1)
    if normalise == "log-sum-exp":
        return np.exp(joint - logsumexp(joint, axis=1, keepdims=True))
    e = np.exp(joint)
    return e / e.sum(axis=1, keepdims=True)


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
        wrong("add epsilon = var_smoothing * max feature variance to every variance", epsilon="none"),
        wrong("the class prior is n_c / n (class frequency), not uniform", prior="uniform"),
        wrong(
            "far from the training data exp(log-likelihood) underflows to 0 for every class, and "
            "0/0 is nan: normalise in log space with log-sum-exp (subtract the row maximum first)",
            normalise="naive",
        ),
        wrong(
            "the Gaussian density has the factor 1/sqrt(2 pi var): include -0.5 * sum(log(2 pi var)) "
            "in each class's log-likelihood (it differs between classes)",
            log_norm=False,
        ),
        wrong("divide the squared distance by the variance, not by the standard deviation", divide_by="std"),
        wrong("the exponent of the Gaussian is -(x - mu)^2 / (2 var): you lost the 1/2", half=False),
        wrong(
            "the columns of predict_proba follow the classes sorted ascending (np.unique(y)), "
            "not the order in which they first appear in y",
            order="appearance",
        ),
    )


def _expect_proba(fit, predict, X, y, X_test, var_smoothing=None, reference_name=REFERENCE, **tol):
    kwargs = {} if var_smoothing is None else {"var_smoothing": var_smoothing}
    smoothing = 1e-9 if var_smoothing is None else var_smoothing
    model = fit.keep(X, y, **kwargs)
    expect_close(
        predict.call(model, X_test),
        reference(X, y, X_test, smoothing),
        reference=reference_name,
        rtol=tol.get("rtol", RTOL),
        atol=tol.get("atol", ATOL),
        mistakes=mistakes(X, y, X_test, smoothing),
    )


def _blobs(rng, n, d, labels, spread=2.0, shuffle=True):
    labels = np.asarray(labels)
    k = len(labels)
    weights = np.linspace(3.0, 1.0, k)  # unbalanced classes, each present at least twice
    index = np.concatenate([np.arange(k), np.arange(k), rng.choice(k, n - 2 * k, p=weights / weights.sum())])
    if shuffle:
        rng.shuffle(index)
    centers = rng.normal(scale=spread, size=(len(labels), d))
    scales = rng.uniform(0.5, 2.0, size=(len(labels), d)) * rng.uniform(0.5, 3.0, size=d)
    X = centers[index] + scales[index] * rng.normal(size=(n, d))
    X_test = rng.normal(scale=2 * spread, size=(max(4, n // 3), d))
    return X, labels[index], X_test


@points(3)
def test_matches_sklearn_on_random_inputs(gaussian_nb_fit, gaussian_nb_predict_proba):
    rng = seeded(1201)
    for n, d, labels in ((6, 1, [0, 1]), (40, 3, [-1, 4, 9]), (300, 5, [0, 1, 2, 3])):
        X, y, X_test = _blobs(rng, n, d, labels)
        _expect_proba(gaussian_nb_fit, gaussian_nb_predict_proba, X, y, X_test)


@points(2)
def test_var_smoothing_uses_the_largest_feature_variance(gaussian_nb_fit, gaussian_nb_predict_proba):
    rng = seeded(1202)
    X, y, X_test = _blobs(rng, 30, 3, [0, 1, 2])
    X[:, 2] *= 20.0  # one feature with a much larger variance than the others
    X[y == 1, 0] = 0.5  # a feature constant within class 1: its variance is epsilon alone
    X_test[:, 2] *= 20.0
    for var_smoothing in (0.05, 1.0, 1e-9):
        _expect_proba(
            gaussian_nb_fit,
            gaussian_nb_predict_proba,
            X,
            y,
            X_test,
            var_smoothing,
            reference_name=REFERENCE + f" with var_smoothing={var_smoothing}",
        )


@points(2)
def test_far_away_points_stay_finite(gaussian_nb_fit, gaussian_nb_predict_proba):
    rng = seeded(1203)
    X, y, _ = _blobs(rng, 60, 3, [0, 1, 2], spread=1.0)
    far = np.array(
        [
            [40.0, -40.0, 40.0],
            [1e3, 1e3, 1e3],
            [-1e4, 0.0, 5.0],
            [1e5, -1e5, 1e5],
            [0.0, 0.0, 0.0],
        ]
    )
    _expect_proba(
        gaussian_nb_fit,
        gaussian_nb_predict_proba,
        X,
        y,
        far,
        reference_name=REFERENCE + "; far from the data, where exp(log-likelihood) underflows",
    )


@points(1)
def test_columns_follow_the_sorted_classes(gaussian_nb_fit, gaussian_nb_predict_proba):
    rng = seeded(1204)
    for labels in ([7, 2, 5], ["spam", "eggs", "ham"]):
        X, y, X_test = _blobs(rng, 24, 2, labels, shuffle=False)  # y starts with labels, unsorted
        _expect_proba(
            gaussian_nb_fit,
            gaussian_nb_predict_proba,
            X,
            y,
            X_test,
            reference_name=REFERENCE + f"; classes {sorted(labels)} in that column order",
        )


@points(1)
def test_accepts_lists_and_float32(gaussian_nb_fit, gaussian_nb_predict_proba):
    rng = seeded(1205)
    X, y, X_test = _blobs(rng, 30, 2, [0, 1])
    model = gaussian_nb_fit.keep(X.tolist(), y.tolist())
    expect_close(
        gaussian_nb_predict_proba.call(model, X_test.tolist()),
        reference(X, y, X_test),
        reference=REFERENCE + ", inputs given as Python lists",
        rtol=RTOL,
        atol=ATOL,
    )
    X32, X_test32 = X.astype(np.float32), X_test.astype(np.float32)
    model = gaussian_nb_fit.keep(X32, y)
    expect_close(
        gaussian_nb_predict_proba.call(model, X_test32),
        reference(X32.astype(float), y, X_test32.astype(float)),
        reference=REFERENCE + ", inputs given as float32 arrays",
        rtol=2e-5,
        atol=1e-6,
    )


@points(1)
def test_rejects_bad_input(gaussian_nb_fit, gaussian_nb_predict_proba):
    X = np.array([[0.0, 1.0], [1.0, 0.5], [3.0, 3.5], [4.0, 2.5]])
    y = np.array([0, 0, 1, 1])
    expect_rejected(
        gaussian_nb_fit,
        [
            BadInput("X has 4 rows and y 3 labels", (X, y[:3])),
            BadInput("X and y are empty", (np.zeros((0, 2)), np.array([], dtype=int))),
            BadInput("X must be 2-D (n_samples, n_features), not a 1-D list", ([0.0, 1.0, 3.0, 4.0], y)),
            BadInput("var_smoothing must be >= 0", (X, y), {"var_smoothing": -0.1}),
        ],
    )
    model = gaussian_nb_fit.keep(X, y)
    expect_rejected(
        gaussian_nb_predict_proba,
        [
            BadInput("the model was fitted on 2 features and X has 3", (model, np.ones((2, 3)))),
            BadInput("the model was fitted on 2 features and X has 1", (model, np.ones((2, 1)))),
        ],
    )
