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


# --- the red team's slips and the domains that now catch them ------------------------------------


def _predict_checked(model, X, negative_ok=False, nan_ok=False):
    X = np.asarray(X, float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != model["feature_log_prob"].shape[1]:
        raise ValueError("bad shape")
    if not nan_ok and not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    if not negative_ok and np.any(X < 0):
        raise ValueError("negative counts")
    return X


def _proba(model, X):
    joint = X @ model["feature_log_prob"].T + model["log_prior"]
    joint -= joint.max(axis=1, keepdims=True)
    e = np.exp(joint)
    return e / e.sum(axis=1, keepdims=True)


@mutant("multinomial_nb_fit", hint="wrapped around")
def uint8_count_buffers(X, y, alpha=1.0):
    """Per-class totals accumulated in an array of X's own dtype: uint8 counts wrap at 255."""
    _checked(X, y, alpha)
    X, y = np.asarray(X), np.asarray(y)
    classes, index = np.unique(y, return_inverse=True)
    totals = np.zeros((len(classes), X.shape[1]), dtype=X.dtype)
    np.add.at(totals, index.ravel(), X)
    return {
        "classes": classes,
        "log_prior": np.log(np.bincount(index.ravel()) / len(y)),
        "feature_log_prob": np.log(_laplace(alpha)(totals.astype(float))),
    }


@mutant("multinomial_nb_fit", hint="not + alpha")
def alpha_added_once(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    return _model(X, y, lambda counts: (counts + alpha) / (counts.sum(axis=1, keepdims=True) + alpha))


@mutant("multinomial_nb_fit", hint="not the share of the total count")
def prior_from_count_share(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    model = _model(X, y, _laplace(alpha))
    totals = np.array([X[y == c].sum() for c in model["classes"]])
    return model | {"log_prior": np.log(totals / totals.sum())}


@mutant("multinomial_nb_fit", hint="non-integer weights")
def counts_as_integers(X, y, alpha=1.0):
    X, y = _checked(X, y, alpha)
    return _model(X.astype(np.int64).astype(float), y, _laplace(alpha))


@mutant("multinomial_nb_predict_proba", hint="leaving it out")
def prior_left_out(model, X):
    return _proba(model | {"log_prior": np.zeros_like(model["log_prior"])}, _predict_checked(model, X))


@mutant("multinomial_nb_fit")
def nan_alpha_accepted(X, y, alpha=1.0):
    """``alpha <= 0`` is False for NaN, so NaN gets through."""
    X, y = _checked(X, y, 1.0)
    if alpha <= 0:
        raise ValueError("alpha must be > 0")
    return _model(X, y, _laplace(alpha))


@mutant("multinomial_nb_fit")
def inf_counts_accepted(X, y, alpha=1.0):
    """Checks for NaN only: an infinite count gets through."""
    X, y = _checked(X, y, alpha)
    if np.any(np.isnan(X)):
        raise ValueError("X holds NaN")
    return _model(X, y, _laplace(alpha))


@mutant("multinomial_nb_predict_proba")
def predict_negative_accepted(model, X):
    return _proba(model, _predict_checked(model, X, negative_ok=True))


@mutant("multinomial_nb_predict_proba")
def predict_nan_accepted(model, X):
    with np.errstate(all="ignore"):
        return _proba(model, _predict_checked(model, X, nan_ok=True))


@mutant("multinomial_nb_predict_proba")
def promotes_1d(model, X):
    """np.atleast_2d turns a 1-D X into one document instead of refusing it."""
    return _proba(model, _predict_checked(model, np.atleast_2d(np.asarray(X, float))))
