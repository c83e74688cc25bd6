"""Wrong versions of decomposition/covariance_matrix."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, dtype=float):
    X = np.asarray(X, dtype=dtype)
    if X.ndim != 2 or X.shape[1] == 0 or X.shape[0] < 2:
        raise ValueError("bad input")
    return X


@mutant("covariance_matrix", hint="not by n")
def population_covariance(X):
    X = _checked(X)
    centred = X - X.mean(axis=0)
    return centred.T @ centred / X.shape[0]


@mutant("covariance_matrix", hint="subtract each feature's mean first")
def not_centred(X):
    X = _checked(X)
    return X.T @ X / (X.shape[0] - 1)


@mutant("covariance_matrix", hint="cancels catastrophically")
def one_pass_moments(X):
    X = _checked(X)
    n = X.shape[0]
    mean = X.mean(axis=0)
    return (X.T @ X - n * np.outer(mean, mean)) / (n - 1)


@mutant("covariance_matrix", hint="mean of each FEATURE")
def mean_of_each_sample(X):
    X = _checked(X)
    centred = X - X.mean(axis=1, keepdims=True)
    return centred.T @ centred / (X.shape[0] - 1)


@mutant("covariance_matrix", hint="input's integer type")
def integer_arithmetic(X):
    X = np.asarray(X)
    _checked(X)
    if X.dtype.kind in "iu":
        centred = X - (X.sum(axis=0) // X.shape[0]).astype(X.dtype)
        return (centred.T @ centred).astype(float) / (X.shape[0] - 1)
    centred = X - X.mean(axis=0)
    return centred.T @ centred / (X.shape[0] - 1)


@mutant("covariance_matrix", hint="wrote into an input array")
def centred_in_place(X):
    X = np.asarray(X)
    _checked(X)
    if X.dtype != np.float64:
        X = X.astype(np.float64)
    X -= X.mean(axis=0)
    return X.T @ X / (X.shape[0] - 1)


@mutant("covariance_matrix", hint="rowvar=True")
def numpy_cov_rowvar_default(X):
    """np.cov(X): rows taken as the variables, an (n, n) matrix."""
    return np.atleast_2d(np.cov(_checked(X)))


@mutant("covariance_matrix")
def float32_arithmetic(X):
    X = _checked(X, np.float32)
    centred = X - X.mean(axis=0)
    return centred.T @ centred / (X.shape[0] - 1)


@mutant("covariance_matrix")
def one_sample_accepted(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("bad input")
    centred = X - X.mean(axis=0)
    with np.errstate(all="ignore"):
        return centred.T @ centred / (X.shape[0] - 1)


@mutant("covariance_matrix", hint="np.atleast_2d")
def single_feature_as_a_number(X):
    """np.cov's 0-d result passed on for a single feature."""
    return np.cov(_checked(X), rowvar=False)


@mutant("covariance_matrix", hint="keeps a float32 input's dtype")
def keeps_a_float32_x(X):
    """np.asarray(X) keeps float32: the centred product, and the result, are float32."""
    X = np.asarray(X)
    _checked(X)
    X = X if X.dtype.kind == "f" else X.astype(np.float64)
    centred = X - X.mean(axis=0)
    return centred.T @ centred / (X.shape[0] - 1)
