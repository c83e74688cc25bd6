"""Wrong versions of probability/multinomial_nb (fit mutants return the solution's model dict)."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, y, alpha=1.0, negative_ok=False, zero_alpha_ok=False):
    X, y = np.asarray(X, float), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.size == 0:
        raise ValueError("bad shapes")
    if np.any(X < 0) and not negative_ok:
        raise ValueError("negative counts")
    if alpha < 0 or (alpha == 0 and not zero_alpha_ok):
        raise ValueError("alpha must be > 0")
    return X, y


def _model(X, y, theta_of_counts, uniform=False):
    classes = np.unique(y)
    counts = np.array([X[y == c].sum(axis=0) for c in classes])
    sizes = np.array([np.sum(y == c) for c in classes], float)
    log_prior = np.full(len(classes), -np.log(len(classes))) if uniform else np.log(sizes / sizes.sum())
    with np.errstate(all="ignore"):
        return {
            "classes": classes,
            "log_prior": log_prior,
            "feature_log_prob": np.log(theta_of_counts(counts)),
        }


def _laplace(alpha):
    return lambda counts: (counts + alpha) / (counts + alpha).sum(axis=1, keepdims=True)


@mutant("multinomial_nb_fit", hint="alpha * n_features")
def denominator_not_smoothed(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    return _model(X, y, lambda counts: (counts + alpha) / counts.sum(axis=1, keepdims=True))


@mutant("multinomial_nb_fit", hint="not a fixed Laplace +1")
def alpha_ignored(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    return _model(X, y, _laplace(1.0))


@mutant("multinomial_nb_fit", hint="not uniform")
def uniform_prior(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    return _model(X, y, _laplace(alpha), uniform=True)


@mutant("multinomial_nb_fit", hint="not the number of samples that contain it")
def presence_not_counts(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    return _model((X > 0).astype(float), y, _laplace(alpha))


@mutant("multinomial_nb_fit")
def negative_counts_accepted(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha, negative_ok=True)
    return _model(X, y, _laplace(alpha))


@mutant("multinomial_nb_fit")
def zero_alpha_accepted(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha, zero_alpha_ok=True)
    return _model(X, y, _laplace(alpha))


@mutant("multinomial_nb_predict_proba", hint="log-sum-exp")
def naive_normalisation(model, X):
    X = np.asarray(X, float)
    if X.ndim != 2 or X.shape[1] != model["feature_log_prob"].shape[1]:
        raise ValueError("bad shape")
    with np.errstate(all="ignore"):
        e = np.exp(X @ model["feature_log_prob"].T + model["log_prior"])
        return e / e.sum(axis=1, keepdims=True)
