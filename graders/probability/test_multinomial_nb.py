"""Grader for probability/multinomial_nb, against sklearn.naive_bayes.MultinomialNB.

The fitted model is opaque: whatever ``multinomial_nb_fit`` returns is kept as a handle and
passed back to the learner's ``multinomial_nb_predict_proba``; only probabilities are compared.
alpha <= 0 is bad input here (scikit-learn accepts alpha=0 and returns NaN for a sample with a
feature unseen in every class), so the reference only ever runs with alpha > 0.
"""

import numpy as np
from scipy.special import logsumexp
from sklearn.naive_bayes import MultinomialNB

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, expect_rejected
from mlkata.grading.memo import cached_reference

multinomial_nb_fit = student_function("multinomial_nb_fit")
multinomial_nb_predict_proba = student_function("multinomial_nb_predict_proba")
REFERENCE = "sklearn.naive_bayes.MultinomialNB(alpha).fit(X, y).predict_proba(X_test)"
RTOL, ATOL = 1e-6, 1e-9


@cached_reference
def reference(X, y, X_test, alpha=1.0):
    model = MultinomialNB(alpha=alpha).fit(np.asarray(X, float), np.asarray(y))
    return model.predict_proba(np.asarray(X_test, float))


def _variant(
    X,
    y,
    X_test,
    alpha=1.0,
    *,
    smoothing="both",
    prior="frequency",
    normalise="log-sum-exp",
    feature_axis=1,
    binary=False,
    order="sorted",
):
    """Multinomial naive Bayes with one ingredient changed (the default is the right one)."""
    X, X_test, y = np.asarray(X, float), np.asarray(X_test, float), np.asarray(y)
    if binary:
        X = (X > 0).astype(float)
    if binary == "train and test":
        X_test = (X_test > 0).astype(float)
    classes = np.unique(y) if order == "sorted" else np.array(list(dict.fromkeys(y.tolist())))
    counts = np.array([X[y == c].sum(axis=0) for c in classes])
    d = X.shape[1]
    if smoothing == "both":
        theta = (counts + alpha) / (counts + alpha).sum(axis=feature_axis, keepdims=True)
    elif smoothing == "numerator only":
        theta = (counts + alpha) / counts.sum(axis=1, keepdims=True)
    elif smoothing == "always 1":
        theta = (counts + 1.0) / (counts.sum(axis=1, keepdims=True) + d)
    else:
        theta = counts / counts.sum(axis=1, keepdims=True)
    sizes = np.array([np.sum(y == c) for c in classes], float)
    log_prior = {
        "frequency": np.log(sizes / sizes.sum()),
        "uniform": np.full(len(classes), -np.log(len(classes))),
    }[prior]
    joint = X_test @ np.log(theta).T + log_prior
    if normalise == "log-sum-exp":
        return np.exp(joint - logsumexp(joint, axis=1, keepdims=True))
    e = np.exp(joint)
    return e / e.sum(axis=1, keepdims=True)


def mistakes(X, y, X_test, alpha=1.0):
    """The known mistakes for one (training set, test set), as what predict_proba would return."""

    def wrong(hint, **change):
        return Mistake(hint, lambda *args, **kwargs: _variant(X, y, X_test, alpha, **change))

    return (
        wrong(
            "add alpha * n_features to each class's total count (the denominator) too, or the "
            "smoothed probabilities do not sum to 1",
            smoothing="numerator only",
        ),
        wrong("use the alpha you were given, not a fixed Laplace +1", smoothing="always 1"),
        wrong(
            "smooth the counts with alpha: an unseen feature gets probability 0 and log(0) = -inf",
            smoothing="none",
        ),
        # Leaving the log prior out shifts every class's log-likelihood alike, as a uniform prior
        # does: predict_proba cannot tell the two apart, so one hint names both.
        wrong(
            "the class prior is n_c / n (class frequency), not uniform: add the log prior "
            "log(n_c / n) to each class's log-likelihood (leaving it out is a uniform prior)",
            prior="uniform",
        ),
        wrong(
            "each class's feature probabilities sum to 1 over the features (axis=1), not over the classes",
            feature_axis=0,
        ),
        wrong(
            "for long documents exp(log-likelihood) underflows to 0 for every class, and 0/0 is "
            "nan: normalise in log space with log-sum-exp (subtract the row maximum first)",
            normalise="naive",
        ),
        wrong(
            "use the counts themselves, not whether each feature is present (that is Bernoulli-like)",
            binary="train and test",
        ),
        wrong(
            "N_cj is the total count of feature j over the samples of class c, not the number of "
            "samples that contain it",
            binary="train",
        ),
        wrong(
            "the columns of predict_proba follow the classes sorted ascending (np.unique(y)), "
            "not the order in which they first appear in y",
            order="appearance",
        ),
    )


def _expect_proba(fit, predict, X, y, X_test, alpha=None, reference_name=REFERENCE):
    kwargs = {} if alpha is None else {"alpha": alpha}
    smoothing = 1.0 if alpha is None else alpha
    model = fit.keep(X, y, **kwargs)
    expect_close(
        predict.call(model, X_test),
        reference(X, y, X_test, smoothing),
        reference=reference_name,
        rtol=RTOL,
        atol=ATOL,
        mistakes=mistakes(X, y, X_test, smoothing),
    )


def _documents(rng, n, d, labels, shuffle=True, length=20.0):
    labels = np.asarray(labels)
    k = len(labels)
    weights = np.linspace(3.0, 1.0, k)  # unbalanced classes, each present at least twice
    index = np.concatenate([np.arange(k), np.arange(k), rng.choice(k, n - 2 * k, p=weights / weights.sum())])
    if shuffle:
        rng.shuffle(index)
    rates = rng.dirichlet(np.full(d, 0.7), size=len(labels)) * length
    X = rng.poisson(rates[index]).astype(float)
    X_test = rng.poisson(rng.dirichlet(np.ones(d), size=max(4, n // 3)) * length).astype(float)
    return X, labels[index], X_test


@points(3)
def test_matches_sklearn_on_random_inputs(multinomial_nb_fit, multinomial_nb_predict_proba):
    rng = seeded(1301)
    for n, d, labels in ((4, 3, [0, 1]), (30, 6, [-1, 4, 9]), (200, 20, [0, 1, 2, 3])):
        X, y, X_test = _documents(rng, n, d, labels)
        _expect_proba(multinomial_nb_fit, multinomial_nb_predict_proba, X, y, X_test)


@points(2)
def test_smoothing_with_alpha(multinomial_nb_fit, multinomial_nb_predict_proba):
    rng = seeded(1302)
    X, y, X_test = _documents(rng, 24, 5, [0, 1, 2])
    X[:, 4] = 0.0
    X[y == 1, 3] = 0.0  # feature 3 never seen with class 1; feature 4 never seen at all
    X_test[:, 3:] += 2.0
    for alpha in (1.0, 0.5, 3.0, 1e-3):
        _expect_proba(
            multinomial_nb_fit,
            multinomial_nb_predict_proba,
            X,
            y,
            X_test,
            alpha,
            reference_name=REFERENCE + f" with alpha={alpha}; some features unseen in training",
        )


@points(2)
def test_long_documents_stay_finite(multinomial_nb_fit, multinomial_nb_predict_proba):
    rng = seeded(1303)
    X, y, _ = _documents(rng, 30, 4, [0, 1, 2])
    long = np.array(
        [
            [5000.0, 0.0, 3000.0, 20.0],
            [1e5, 1e5, 1e5, 1e5],
            [0.0, 0.0, 0.0, 2e4],
            [900.0, 1100.0, 1000.0, 950.0],
            [1.0, 0.0, 0.0, 1.0],
        ]
    )
    _expect_proba(
        multinomial_nb_fit,
        multinomial_nb_predict_proba,
        X,
        y,
        long,
        reference_name=REFERENCE + "; long documents, where exp(log-likelihood) underflows",
    )


@points(1)
def test_columns_follow_the_sorted_classes(multinomial_nb_fit, multinomial_nb_predict_proba):
    rng = seeded(1304)
    for labels in ([7, 2, 5], ["spam", "eggs", "ham"]):
        X, y, X_test = _documents(rng, 24, 4, labels, shuffle=False)  # y starts with labels, unsorted
        _expect_proba(
            multinomial_nb_fit,
            multinomial_nb_predict_proba,
            X,
            y,
            X_test,
            reference_name=REFERENCE + f"; classes {sorted(labels)} in that column order",
        )


@points(1)
def test_accepts_lists_and_float32(multinomial_nb_fit, multinomial_nb_predict_proba):
    rng = seeded(1305)
    X, y, X_test = _documents(rng, 30, 4, [0, 1])
    X, X_test = X * rng.uniform(0.5, 1.5, size=X.shape), X_test * 0.75  # tf-idf-like weights
    model = multinomial_nb_fit.keep(X.tolist(), y.tolist())
    expect_close(
        multinomial_nb_predict_proba.call(model, X_test.tolist()),
        reference(X, y, X_test),
        reference=REFERENCE + ", inputs given as Python lists",
        rtol=RTOL,
        atol=ATOL,
    )
    X32, X_test32 = X.astype(np.float32), X_test.astype(np.float32)
    model = multinomial_nb_fit.keep(X32, y)
    expect_close(
        multinomial_nb_predict_proba.call(model, X_test32),
        reference(X32.astype(float), y, X_test32.astype(float)),
        reference=REFERENCE + ", inputs given as float32 arrays",
        rtol=2e-5,
        atol=1e-6,
    )


@points(1)
def test_rejects_bad_input(multinomial_nb_fit, multinomial_nb_predict_proba):
    X = np.array([[2.0, 0.0, 1.0], [3.0, 1.0, 0.0], [0.0, 2.0, 4.0], [1.0, 3.0, 3.0]])
    y = np.array([0, 0, 1, 1])
    negative = X.copy()
    negative[1, 2] = -1.0
    expect_rejected(
        multinomial_nb_fit,
        [
            BadInput("X has 4 rows and y 3 labels", (X, y[:3])),
            BadInput("X and y are empty", (np.zeros((0, 3)), np.array([], dtype=int))),
            BadInput("X must be 2-D (n_samples, n_features), not a 1-D list", ([2.0, 3.0, 0.0, 1.0], y)),
            BadInput("a count is negative (-1)", (negative, y)),
            BadInput("alpha must be > 0: alpha=0 gives log(0) for unseen features", (X, y), {"alpha": 0.0}),
            BadInput("alpha must be > 0", (X, y), {"alpha": -0.5}),
        ],
    )
    model = multinomial_nb_fit.keep(X, y)
    expect_rejected(
        multinomial_nb_predict_proba,
        [
            BadInput("the model was fitted on 3 features and X has 4", (model, np.ones((2, 4)))),
            BadInput("the model was fitted on 3 features and X has 1", (model, np.ones((2, 1)))),
        ],
    )
