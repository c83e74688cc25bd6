"""Benchmark cases of the probability exercises."""

from __future__ import annotations

import numpy as np

from . import (
    CLASSES,
    Trial,
    blobs,
    case,
    close,
    floor_of,
    fmt,
    rows,
    shape,
)

# --- probability -----------------------------------------------------------------------


@case(
    "probability/bayes_posterior",
    "prior * likelihood / sum(prior * likelihood) in numpy",
    unreferenced=True,
    note="no library reference (the grader's is exact fractions): timed against the bare "
    "formula, 3 passes that check nothing; the solution's 6 check every documented error",
)
def _bayes(m, n, rng):
    prior = rng.random(n)
    prior /= prior.sum()
    likelihood = rng.random(n)

    def reference():
        joint = prior * likelihood
        return joint / joint.sum()

    return Trial(fmt(n), lambda: m.bayes_posterior(prior, likelihood), reference)


def _nb_data(rng, n, counts=False):
    X, y = blobs(rng, rows(n), CLASSES)
    if counts:
        X = rng.poisson(np.exp(X / 4)).astype(np.float64)
    return X, y


@case("probability/gaussian_nb", "sklearn GaussianNB().fit(X, y)", function="gaussian_nb_fit")
def _gaussian_fit(m, n, rng):
    from sklearn.naive_bayes import GaussianNB

    X, y = _nb_data(rng, n)

    def same(model, fitted):
        return close((model["theta"], model["var"]), (fitted.theta_, fitted.var_))

    return Trial(shape(*X.shape), lambda: m.gaussian_nb_fit(X, y), lambda: GaussianNB().fit(X, y), same=same)


@case("probability/gaussian_nb", "sklearn GaussianNB.predict_proba", function="gaussian_nb_predict_proba")
def _gaussian_predict(m, n, rng):
    from sklearn.naive_bayes import GaussianNB

    X, y = _nb_data(rng, n)
    model, fitted = m.gaussian_nb_fit(X, y), GaussianNB().fit(X, y)
    return Trial(
        shape(*X.shape), lambda: m.gaussian_nb_predict_proba(model, X), lambda: fitted.predict_proba(X)
    )


@case("probability/multinomial_nb", "sklearn MultinomialNB().fit(X, y)", function="multinomial_nb_fit")
def _multinomial_fit(m, n, rng):
    from sklearn.naive_bayes import MultinomialNB

    X, y = _nb_data(rng, n, counts=True)

    def same(model, fitted):
        return close(model["feature_log_prob"], fitted.feature_log_prob_)

    return Trial(
        shape(*X.shape), lambda: m.multinomial_nb_fit(X, y), lambda: MultinomialNB().fit(X, y), same=same
    )


@case(
    "probability/multinomial_nb",
    "sklearn MultinomialNB.predict_proba",
    function="multinomial_nb_predict_proba",
)
def _multinomial_predict(m, n, rng):
    from sklearn.naive_bayes import MultinomialNB

    X, y = _nb_data(rng, n, counts=True)
    model, fitted = m.multinomial_nb_fit(X, y), MultinomialNB().fit(X, y)
    return Trial(
        shape(*X.shape), lambda: m.multinomial_nb_predict_proba(model, X), lambda: fitted.predict_proba(X)
    )


@case("probability/kl_divergence", "scipy.stats.entropy(p, q)")
def _kl(m, n, rng):
    from scipy.stats import entropy

    p, q = rng.random(n), rng.random(n)
    return Trial(fmt(n), lambda: m.kl_divergence(p, q), lambda: entropy(p, q), floor_of(p, q))


@case("probability/js_divergence", "scipy.spatial.distance.jensenshannon(p, q) ** 2")
def _js(m, n, rng):
    from scipy.spatial.distance import jensenshannon

    p, q = rng.random(n), rng.random(n)
    return Trial(fmt(n), lambda: m.js_divergence(p, q), lambda: jensenshannon(p, q) ** 2, floor_of(p, q))


@case("probability/mutual_information", "sklearn.metrics.mutual_info_score(x, y)")
def _mutual_information(m, n, rng):
    from sklearn.metrics import mutual_info_score

    x = rng.integers(0, CLASSES, size=n)
    y = (x + rng.integers(0, 3, size=n)) % (CLASSES + 2)  # dependent, 12 labels against 10
    return Trial(fmt(n), lambda: m.mutual_information(x, y), lambda: mutual_info_score(x, y), floor_of(x, y))
