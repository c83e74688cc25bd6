"""Grader for probability/multinomial_nb, against sklearn.naive_bayes.MultinomialNB.

The fitted model is opaque: whatever ``multinomial_nb_fit`` returns is kept as a handle and
passed back to the learner's ``multinomial_nb_predict_proba``; only probabilities are compared.
alpha <= 0 is bad input here (scikit-learn accepts alpha=0 and returns NaN for a sample with a
feature unseen in every class), so the reference only ever runs with alpha > 0. The checks
themselves are shared with gaussian_nb (:mod:`mlkata.grading.naive_bayes`).
"""

import numpy as np
from sklearn.naive_bayes import MultinomialNB

from mlkata.grading import Mistake, points, seeded, student_function
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

multinomial_nb_fit = student_function("multinomial_nb_fit")
multinomial_nb_predict_proba = student_function("multinomial_nb_predict_proba")
REFERENCE = "sklearn.naive_bayes.MultinomialNB(alpha).fit(X, y).predict_proba(X_test)"


def _variant(X, y, X_test, alpha=1.0, **change):
    """Multinomial naive Bayes with one ingredient changed (the default is the right one)."""
    how = {"smoothing": "both", "prior": "frequency", "feature_axis": 1, "binary": False, **change}
    given = np.asarray(X)
    X, X_test, y = np.asarray(X, float), np.asarray(X_test, float), np.asarray(y)
    if how.get("truncated"):
        X = np.trunc(X)
    if how["binary"]:
        X = (X > 0).astype(float)
    if how["binary"] == "train and test":
        X_test = (X_test > 0).astype(float)
    classes = classes_of(y, how.get("order", "sorted"))
    if how.get("buffers") == "input dtype" and given.dtype.kind in "iu":
        counts = np.array([given[y == c].sum(axis=0, dtype=given.dtype) for c in classes], float)
    else:
        counts = np.array([X[y == c].sum(axis=0) for c in classes])
    totals, d = counts.sum(axis=1, keepdims=True), X.shape[1]
    theta = {
        "both": lambda: (counts + alpha) / (counts + alpha).sum(axis=how["feature_axis"], keepdims=True),
        "numerator only": lambda: (counts + alpha) / totals,
        "alpha once": lambda: (counts + alpha) / (totals + alpha),
        "always 1": lambda: (counts + 1.0) / (totals + d),
        "none": lambda: counts / totals,
    }[how["smoothing"]]()
    if how["prior"] == "share of the counts":
        prior = np.log(totals[:, 0] / totals.sum())
    else:
        prior = log_prior(y, classes, how["prior"])
    return normalise(X_test @ np.log(theta).T + prior, how.get("normalise", "log-sum-exp"))


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
        wrong(
            "the denominator adds alpha once per feature: sum_j N_cj + alpha * n_features, not + alpha",
            smoothing="alpha once",
        ),
        wrong("use the alpha you were given, not a fixed Laplace +1", smoothing="always 1"),
        wrong(
            "smooth the counts with alpha: an unseen feature gets probability 0 and log(0) = -inf",
            smoothing="none",
        ),
        *common_mistakes(wrong, "for long documents"),
        wrong(
            "the class prior is the share of the samples (n_c / n), not the share of the total count",
            prior="share of the counts",
        ),
        wrong(
            "each class's feature probabilities sum to 1 over the features (axis=1), not over the classes",
            feature_axis=0,
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
            "X may hold non-integer weights (tf-idf, say): keep them as floats, do not convert X to integers",
            truncated=True,
        ),
        wrong(
            "your per-class counts wrapped around: summing uint8 counts in a uint8 array overflows "
            "at 255; accumulate in floats (np.asarray(X, dtype=float))",
            buffers="input dtype",
        ),
    )


def _unseen_features(values, rng):
    """The last feature never occurs in training, the first never with the first class; the
    test documents hold both."""
    X, y, X_test = values["X"].copy(), values["y"], values["X_test"].copy()
    X[:, -1] = 0.0
    X[y == y[0], 0] = 0.0
    X_test[:, [0, -1]] += 2.0
    values.update(X=X, X_test=X_test)
    return values


def _sparse_counts(values, rng):
    """Word counts, mostly 0 (Poisson with small rates), alpha=0.5."""
    values["X"] = rng.poisson(0.4, size=values["X"].shape).astype(float)
    values["X_test"] = rng.poisson(0.4, size=values["X_test"].shape).astype(float)
    values["alpha"] = 0.5
    return values


def _long_documents(values, rng):
    """Test documents of 1e3 to 1e5 words, where exp(log-likelihood) underflows."""
    values["X_test"] = values["X_test"] * rng.choice([1e3, 1e4, 1e5], size=(values["X_test"].shape[0], 1))
    return values


PARAM = Param(
    "alpha",
    1.0,
    values=(0.5, 3.0, 1e-3),
    invalid=(0.0, -0.5, float("nan")),
    why_invalid="is not a number > 0 (alpha=0 gives log(0) for unseen features)",
)


def _documented(model):
    """The docstring's model entries, from scikit-learn's fitted attributes."""
    return {"log_prior": model.class_log_prior_, "feature_log_prob": model.feature_log_prob_}


reference, reference_model = sklearn_references(MultinomialNB, PARAM, _documented)

DOMAIN = Domain(
    seed=1311,
    args=(
        Reals("X", ("n", "d"), scale=3.0, nonneg=True, uint8=True, nan_rejected=True),
        LABELS,
        Reals("X_test", ("t", "d"), scale=3.0, nonneg=True, uint8=True, nan_rejected=True),
    ),
    sizes={"n": (6, 30, 12, 200), "t": (4, 10, 7, 40), "d": (1, 6, 3, 20)},
    params=(PARAM,),
    custom={
        **LABEL_CORNERS,
        "features unseen in training": _unseen_features,
        "sparse word counts": _sparse_counts,
        "long documents": _long_documents,
    },
)

NB = NaiveBayes("multinomial_nb", DOMAIN, reference, reference_model, REFERENCE, mistakes, counts=True)


def _documents(rng, n, d, labels, shuffle=True, length=20.0):
    index, y = unbalanced_labels(rng, n, labels, shuffle)
    rates = rng.dirichlet(np.full(d, 0.7), size=len(labels)) * length
    X = rng.poisson(rates[index]).astype(float)
    return X, y, rng.poisson(rng.dirichlet(np.ones(d), size=max(4, n // 3)) * length).astype(float)


@points(3)
def test_matches_sklearn_on_random_inputs(multinomial_nb_fit, multinomial_nb_predict_proba):
    rng = seeded(1301)
    for n, d, labels in ((4, 3, [0, 1]), (30, 6, [-1, 4, 9]), (200, 20, [0, 1, 2, 3])):
        NB.expect(multinomial_nb_fit, multinomial_nb_predict_proba, *_documents(rng, n, d, labels))


@points(2)
def test_smoothing_with_alpha(multinomial_nb_fit, multinomial_nb_predict_proba):
    rng = seeded(1302)
    X, y, X_test = _documents(rng, 24, 5, [0, 1, 2])
    X[:, 4] = 0.0
    X[y == 1, 3] = 0.0  # feature 3 never seen with class 1; feature 4 never seen at all
    X_test[:, 3:] += 2.0
    for alpha in (1.0, 0.5, 3.0, 1e-3):
        what = f" with alpha={alpha}; some features unseen in training"
        NB.expect(multinomial_nb_fit, multinomial_nb_predict_proba, X, y, X_test, what, alpha=alpha)


@points(2)
def test_long_documents_stay_finite(multinomial_nb_fit, multinomial_nb_predict_proba):
    X, y, _ = _documents(seeded(1303), 30, 4, [0, 1, 2])
    long = [
        [5000.0, 0.0, 3000.0, 20.0],
        [1e5, 1e5, 1e5, 1e5],
        [0.0, 0.0, 0.0, 2e4],
        [900.0, 1100.0, 1000.0, 950.0],
    ]
    what = "; long documents, where exp(log-likelihood) underflows"
    NB.expect(
        multinomial_nb_fit, multinomial_nb_predict_proba, X, y, np.array([*long, [1.0, 0.0, 0.0, 1.0]]), what
    )


@points(1)
def test_columns_follow_the_sorted_classes(multinomial_nb_fit, multinomial_nb_predict_proba):
    rng = seeded(1304)
    for labels in ([7, 2, 5], ["spam", "eggs", "ham"]):
        X, y, X_test = _documents(rng, 24, 4, labels, shuffle=False)  # y starts with labels, unsorted
        what = f"; classes {sorted(labels)} in that column order"
        NB.expect(multinomial_nb_fit, multinomial_nb_predict_proba, X, y, X_test, what)


@points(2)
def test_every_corner_of_the_domain(multinomial_nb_fit, multinomial_nb_predict_proba):
    NB.expect_corners(multinomial_nb_fit, multinomial_nb_predict_proba)


@points(1)
def test_rejects_bad_input(multinomial_nb_fit, multinomial_nb_predict_proba):
    NB.expect_rejected(multinomial_nb_fit, multinomial_nb_predict_proba)


@robust()
@points(1)
def test_empty_documents_and_huge_counts(multinomial_nb_fit, multinomial_nb_predict_proba):
    """Empty documents (all counts 0, a whole class of them), and counts of 1e12."""
    rng = seeded(1304)
    X, y, X_test = _documents(rng, 24, 5, [0, 1, 2])
    X[y == 2] = 0.0  # every document of class 2 is empty
    X_test[:2] = 0.0  # an empty document's posterior is the prior
    NB.expect(multinomial_nb_fit, multinomial_nb_predict_proba, X, y, X_test, "; empty documents")
    X, y, X_test = _documents(rng, 24, 5, [0, 1, 2])
    NB.expect(
        multinomial_nb_fit, multinomial_nb_predict_proba, X * 1e12, y, X_test * 1e12, "; counts of 1e12"
    )


def _fast_inputs(n, rng):
    k, d = 3, 10
    feature_log_prob = np.log(rng.dirichlet(np.ones(d), size=k))
    model = {
        "classes": np.arange(k),
        "log_prior": np.log(np.full(k, 1 / k)),
        "feature_log_prob": feature_log_prob,
    }
    return {"model": model, "X": rng.poisson(2.0, size=(n // d, d)).astype(float)}


FAST = Fast(
    inputs=_fast_inputs,
    function="multinomial_nb_predict_proba",
    within=5.0,
    why="predict_proba on n / 10 documents of 10 features, 3 classes: the fit is one pass of the same kind",
)


PROPERTIES = NB.properties()
