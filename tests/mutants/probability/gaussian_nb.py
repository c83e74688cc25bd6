"""Wrong versions of probability/gaussian_nb (fit mutants return the solution's model dict)."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, y, var_smoothing=0.0):
    X, y = np.asarray(X, float), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.size == 0:
        raise ValueError("bad shapes")
    if var_smoothing < 0:
        raise ValueError("var_smoothing must be >= 0")
    return X, y


def _model(classes, X, y, var, log_prior=None):
    theta = np.array([X[y == c].mean(axis=0) for c in classes])
    if log_prior is None:
        log_prior = np.log(np.array([np.mean(y == c) for c in classes]))
    return {"classes": np.asarray(classes), "log_prior": log_prior, "theta": theta, "var": var}


def _fit(X, y, var_smoothing, ddof=0, per_feature=False, order="sorted", uniform=False):
    classes = np.unique(y) if order == "sorted" else np.array(list(dict.fromkeys(y.tolist())))
    spread = X.var(axis=0) if per_feature else X.var(axis=0).max()
    var = np.array([X[y == c].var(axis=0, ddof=ddof) for c in classes]) + var_smoothing * spread
    log_prior = np.full(len(classes), -np.log(len(classes))) if uniform else None
    return _model(classes, X, y, var, log_prior)


def _joint(model, X):
    X = np.asarray(X, float)
    theta, var = model["theta"], model["var"]
    if X.ndim != 2 or X.shape[1] != theta.shape[1] or X.shape[0] == 0:
        raise ValueError("bad shape")
    squares = ((X[:, None, :] - theta[None]) ** 2 / var[None]).sum(axis=2)
    return model["log_prior"] - 0.5 * np.log(2 * np.pi * var).sum(axis=1) - 0.5 * squares


def _softmax(joint):
    top = joint.max(axis=1, keepdims=True)
    e = np.exp(joint - top)
    return e / e.sum(axis=1, keepdims=True)


@mutant("gaussian_nb_fit", hint="population variance")
def sample_variance(X, y, var_smoothing=1e-9):
    X, y = _checked(X, y, var_smoothing)
    with np.errstate(all="ignore"):
        return _fit(X, y, var_smoothing, ddof=1)


@mutant("gaussian_nb_fit", hint="LARGEST feature variance")
def epsilon_per_feature(X, y, var_smoothing=1e-9):
    X, y = _checked(X, y, var_smoothing)
    return _fit(X, y, var_smoothing, per_feature=True)


@mutant("gaussian_nb_fit", hint="not uniform")
def uniform_prior(X, y, var_smoothing=1e-9):
    X, y = _checked(X, y, var_smoothing)
    return _fit(X, y, var_smoothing, uniform=True)


@mutant("gaussian_nb_fit", hint="sorted ascending")
def classes_in_order_of_appearance(X, y, var_smoothing=1e-9):
    X, y = _checked(X, y, var_smoothing)
    return _fit(X, y, var_smoothing, order="appearance")


@mutant("gaussian_nb_fit")
def negative_smoothing_accepted(X, y, var_smoothing=1e-9):
    X, y = _checked(X, y)
    return _fit(X, y, var_smoothing)


@mutant("gaussian_nb_predict_proba", hint="log-sum-exp")
def naive_normalisation(model, X):
    with np.errstate(all="ignore"):
        e = np.exp(_joint(model, X))
        return e / e.sum(axis=1, keepdims=True)


@mutant("gaussian_nb_predict_proba", hint="1/sqrt(2 pi var)")
def density_without_its_normaliser(model, X):
    joint = _joint(model, X) + 0.5 * np.log(2 * np.pi * model["var"]).sum(axis=1)
    return _softmax(joint)


@mutant("gaussian_nb_predict_proba")
def feature_count_not_checked(model, X):
    X = np.asarray(X, float)
    squares = ((X[:, None, :] - model["theta"][None]) ** 2 / model["var"][None]).sum(axis=2)
    return _softmax(model["log_prior"] - 0.5 * np.log(2 * np.pi * model["var"]).sum(axis=1) - 0.5 * squares)
