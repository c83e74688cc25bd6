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


# --- the red team's slips and the domains that now catch them ------------------------------------


@mutant("gaussian_nb_fit", hint="cancels catastrophically")
def variance_by_moments(X, y, var_smoothing=1e-9):
    """E[x^2] - E[x]^2 per class: right on standard data, garbage at an offset of 1e9."""
    X, y = _checked(X, y, var_smoothing)
    classes = np.unique(y)
    rows = [X[y == c] for c in classes]
    var = np.array([(r**2).mean(axis=0) - r.mean(axis=0) ** 2 for r in rows])
    return _model(classes, X, y, var + var_smoothing * X.var(axis=0).max())


@mutant("gaussian_nb_fit", hint="truncated to integers")
def integer_buffers(X, y, var_smoothing=1e-9):
    """Means and variances stored in arrays of X's own dtype: integer X truncates them."""
    X, y = np.asarray(X), np.asarray(y)
    _checked(X, y, var_smoothing)
    classes = np.unique(y)
    theta = np.zeros((len(classes), X.shape[1]), dtype=X.dtype)
    var = np.zeros_like(theta)
    for i, c in enumerate(classes):
        theta[i] = X[y == c].mean(axis=0)
        var[i] = X[y == c].var(axis=0)
    log_prior = np.log(np.array([np.mean(y == c) for c in classes]))
    var = var + var_smoothing * X.astype(float).var(axis=0).max()
    return {"classes": classes, "log_prior": log_prior, "theta": theta.astype(float), "var": var}


@mutant("gaussian_nb_fit", hint="wrote into an input array")
def centres_in_place(X, y, var_smoothing=1e-9):
    """Centres X for accuracy (right), but in the caller's own array."""
    X, y = _checked(X, y, var_smoothing)
    mean = X.mean(axis=0)
    X -= mean
    model = _fit(X, y, var_smoothing)
    model["theta"] = model["theta"] + mean
    return model


@mutant("gaussian_nb_fit", hint="not from the per-class variances")
def epsilon_from_class_variances(X, y, var_smoothing=1e-9):
    X, y = _checked(X, y, var_smoothing)
    classes = np.unique(y)
    var = np.array([X[y == c].var(axis=0) for c in classes])
    return _model(classes, X, y, var + var_smoothing * var.max())


@mutant("gaussian_nb_fit", hint="not var_smoothing itself")
def absolute_epsilon(X, y, var_smoothing=1e-9):
    X, y = _checked(X, y, var_smoothing)
    classes = np.unique(y)
    return _model(classes, X, y, np.array([X[y == c].var(axis=0) for c in classes]) + var_smoothing)


@mutant("gaussian_nb_fit", hint="yours is the default 1e-9")
def var_smoothing_ignored(X, y, var_smoothing=1e-9):
    X, y = _checked(X, y, var_smoothing)
    return _fit(X, y, 1e-9)


@mutant("gaussian_nb_predict_proba", hint="leaving it out")
def prior_left_out(model, X):
    return _softmax(_joint(model, X) - model["log_prior"])


@mutant("gaussian_nb_fit")
def nan_accepted(X, y, var_smoothing=1e-9):
    X, y = _checked(X, y, var_smoothing)
    with np.errstate(all="ignore"):
        return _fit(X, y, var_smoothing)


@mutant("gaussian_nb_fit")
def nan_smoothing_accepted(X, y, var_smoothing=1e-9):
    """``var_smoothing < 0`` is False for NaN, so NaN gets through."""
    X, y = _checked(X, y, var_smoothing)
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    with np.errstate(all="ignore"):
        return _fit(X, y, var_smoothing)


@mutant("gaussian_nb_fit")
def only_constant_x_refused(X, y, var_smoothing=1e-9):
    """Refuses a constant X, but not a zero variance left by var_smoothing=0."""
    X, y = _checked(X, y, var_smoothing)
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    if np.all(X.var(axis=0) == 0):
        raise ValueError("every feature is constant")
    return _fit(X, y, var_smoothing)


@mutant("gaussian_nb_predict_proba")
def nan_predict_accepted(model, X):
    X = np.asarray(X, float)
    if X.ndim != 2 or X.shape[1] != model["theta"].shape[1] or X.shape[0] == 0:
        raise ValueError("bad shape")
    with np.errstate(all="ignore"):
        return _softmax(_joint(model, X))


@mutant("gaussian_nb_predict_proba")
def promotes_1d(model, X):
    """np.atleast_2d turns a 1-D X into one sample instead of refusing it."""
    X = np.atleast_2d(np.asarray(X, float))
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    return _softmax(_joint(model, X))
