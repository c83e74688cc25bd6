"""Wrong versions of decomposition/pca (fit mutants return the docstring's model dict)."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, n_components, dtype=float):
    X = np.asarray(X, dtype=dtype)
    if X.ndim != 2 or X.shape[1] == 0 or X.shape[0] < 2 or not np.all(np.isfinite(X)):
        raise ValueError("bad X")
    if isinstance(n_components, bool) or not isinstance(n_components, int | np.integer):
        raise ValueError("n_components must be an int")
    if not 1 <= n_components <= min(X.shape):
        raise ValueError("n_components out of range")
    return X


def _svd_model(X, k, ddof=1, centre=True):
    mean = X.mean(axis=0)
    _, s, vt = np.linalg.svd(X - mean if centre else X, full_matrices=False)
    return {"components": vt[:k], "explained_variance": s[:k] ** 2 / (X.shape[0] - ddof), "mean": mean}


@mutant("pca_fit", hint="not S**2 / n")
def population_variance(X, n_components):
    return _svd_model(_checked(X, n_components), n_components, ddof=0)


@mutant("pca_fit", hint="centre X")
def not_centred(X, n_components):
    return _svd_model(_checked(X, n_components), n_components, centre=False)


@mutant("pca_fit", hint="DECREASING variance")
def eigh_in_increasing_order(X, n_components):
    X = _checked(X, n_components)
    values, vectors = np.linalg.eigh(np.atleast_2d(np.cov(X, rowvar=False)))
    return {
        "components": vectors.T[:n_components],
        "explained_variance": values[:n_components],
        "mean": X.mean(axis=0),
    }


@mutant("pca_fit", hint="ROWS of Vt")
def rows_of_v(X, n_components):
    model = _svd_model(_checked(X, n_components), n_components)
    X = np.asarray(X, dtype=float)
    vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)[2]
    model["components"] = vt.T[:n_components]
    return model


@mutant("pca_fit", hint="do not standardise")
def standardised_first(X, n_components):
    X = _checked(X, n_components)
    std = X.std(axis=0)
    model = _svd_model(X / np.where(std > 0, std, 1.0), n_components)
    model["mean"] = X.mean(axis=0)
    return model


@mutant("pca_fit", hint="not the singular value S")
def singular_values_as_variances(X, n_components):
    X = _checked(X, n_components)
    model = _svd_model(X, n_components)
    model["explained_variance"] = np.sqrt(model["explained_variance"] * (X.shape[0] - 1))
    return model


@mutant("pca_fit", hint="not its ratio")
def variance_ratio(X, n_components):
    X = _checked(X, n_components)
    model = _svd_model(X, n_components)
    total = np.sum(np.var(X, axis=0, ddof=1))
    model["explained_variance"] = model["explained_variance"] / total
    return model


@mutant("pca_fit", hint="cancels catastrophically")
def covariance_by_moments(X, n_components):
    """The covariance as E[x x^T] - E[x] E[x]^T: garbage for data near 1e9."""
    X = _checked(X, n_components)
    n, mean = X.shape[0], X.mean(axis=0)
    covariance = (X.T @ X / n - np.outer(mean, mean)) * n / (n - 1)
    values, vectors = np.linalg.eigh(covariance)
    return {
        "components": vectors[:, ::-1].T[:n_components],
        "explained_variance": values[::-1][:n_components],
        "mean": mean,
    }


@mutant("pca_fit", hint="wrote into an input array")
def centred_in_place(X, n_components):
    X = np.asarray(X)
    _checked(X, n_components)
    if X.dtype != np.float64:
        X = X.astype(np.float64)
    mean = X.mean(axis=0)
    X -= mean
    _, s, vt = np.linalg.svd(X, full_matrices=False)
    k = n_components
    return {"components": vt[:k], "explained_variance": s[:k] ** 2 / (X.shape[0] - 1), "mean": mean}


@mutant("pca_fit")
def n_components_not_checked(X, n_components):
    """Slices whatever it is given: Vt[:0] is empty, Vt[:10] of 3 features has 3 rows."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] == 0 or X.shape[0] < 2 or not np.all(np.isfinite(X)):
        raise ValueError("bad X")
    return _svd_model(X, int(n_components))


@mutant("pca_fit")
def float32_svd(X, n_components):
    X = _checked(X, n_components).astype(np.float32)
    mean = X.mean(axis=0)
    _, s, vt = np.linalg.svd(X - mean, full_matrices=False)
    k = n_components
    return {"components": vt[:k], "explained_variance": s[:k] ** 2 / (X.shape[0] - 1), "mean": mean}


def _transform_checked(model, X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != np.shape(model["components"])[1]:
        raise ValueError("bad X")
    return X, np.asarray(model["components"], float), np.asarray(model["mean"], float)


@mutant("pca_transform", hint="TRAINING mean")
def centred_with_its_own_mean(model, X):
    X, components, _ = _transform_checked(model, X)
    return (X - X.mean(axis=0)) @ components.T


@mutant("pca_transform", hint="subtract the training mean")
def not_centred_at_all(model, X):
    X, components, _ = _transform_checked(model, X)
    return X @ components.T


@mutant("pca_transform", hint="do not whiten")
def whitened(model, X):
    X, components, mean = _transform_checked(model, X)
    return (X - mean) @ components.T / np.sqrt(np.asarray(model["explained_variance"], float))


@mutant("pca_transform", hint="untransposed")
def components_untransposed(model, X):
    """(X - mean) @ components: right shape only when k == d, and then wrong."""
    X, components, mean = _transform_checked(model, X)
    if components.shape[0] != components.shape[1]:
        return (X - mean) @ components.T
    return (X - mean) @ components


@mutant("pca_transform", hint="wrote into an input array")
def centred_in_place_transform(model, X):
    X = np.asarray(X)
    _transform_checked(model, X)
    if X.dtype != np.float64:
        X = X.astype(np.float64)
    X -= np.asarray(model["mean"], float)
    return X @ np.asarray(model["components"], float).T


@mutant("pca_transform")
def empty_accepted(model, X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != np.shape(model["components"])[1]:
        raise ValueError("bad X")
    return (X - np.asarray(model["mean"])) @ np.asarray(model["components"]).T


@mutant("pca_transform")
def one_d_taken_as_one_sample(model, X):
    X = np.atleast_2d(np.asarray(X, dtype=float))
    X, components, mean = _transform_checked(model, X)
    return (X - mean) @ components.T


@mutant("pca_transform")
def float32_projection(model, X):
    X, components, mean = _transform_checked(model, X)
    return ((X - mean).astype(np.float32) @ components.T.astype(np.float32)).astype(np.float32)


@mutant("pca_fit", hint="keeps a float32 input's dtype")
def model_in_the_input_dtype(X, n_components):
    """Fitted in float64, the model's arrays returned in X's float dtype (float32 in, float32 out)."""
    given = np.asarray(X)
    model = _svd_model(_checked(X, n_components), n_components)
    if given.dtype.kind != "f":
        return model
    return {key: value.astype(given.dtype) for key, value in model.items()}


@mutant("pca_transform", hint="keeps a float32 input's dtype")
def projections_in_the_input_dtype(model, X):
    """Projected in float64, returned in X's float dtype (float32 in, float32 out)."""
    given = np.asarray(X)
    X, components, mean = _transform_checked(model, X)
    projected = (X - mean) @ components.T
    return projected.astype(given.dtype) if given.dtype.kind == "f" else projected
