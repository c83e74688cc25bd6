"""Wrong versions of neural_networks/batch_norm_forward."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(X, gamma, beta, eps):
    if isinstance(eps, str | bytes):
        raise ValueError("eps must be a number")
    X, gamma, beta = (np.asarray(a, dtype=float) for a in (X, gamma, beta))
    if X.ndim != 2 or len(X) == 0 or gamma.shape != (X.shape[1],) or beta.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    if not eps > 0:
        raise ValueError("eps must be positive")
    return X, gamma, beta


def _result(X_hat, gamma, beta, inv_std):
    return gamma * X_hat + beta, (X_hat, gamma, inv_std)


@mutant("batch_norm_forward", hint="sample variance (N - 1)")
def sample_variance(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    inv_std = (
        1 / np.sqrt(X.var(axis=0, ddof=1) + eps) if len(X) > 1 else 1 / np.sqrt(np.zeros(X.shape[1]) + eps)
    )
    return _result((X - X.mean(axis=0)) * inv_std, gamma, beta, inv_std)


@mutant("batch_norm_forward", hint="eps goes inside the square root")
def eps_outside_the_root(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    inv_std = 1 / (X.std(axis=0) + eps)
    return _result((X - X.mean(axis=0)) * inv_std, gamma, beta, inv_std)


@mutant("batch_norm_forward", hint="not by the variance")
def divides_by_the_variance(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    inv_std = 1 / (X.var(axis=0) + eps)
    return _result((X - X.mean(axis=0)) * inv_std, gamma, beta, inv_std)


@mutant("batch_norm_forward", hint="not per sample")
def per_sample(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    inv_std = 1 / np.sqrt(X.var(axis=1, keepdims=True) + eps)
    return _result((X - X.mean(axis=1, keepdims=True)) * inv_std, gamma, beta, inv_std)


@mutant("batch_norm_forward", hint="swapped gamma and beta")
def gamma_and_beta_swapped(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    inv_std = 1 / np.sqrt(X.var(axis=0) + eps)
    return _result((X - X.mean(axis=0)) * inv_std, beta, gamma, inv_std)


@mutant("batch_norm_forward", hint="E[X^2] - E[X]^2 cancels", level=2)
def variance_from_moments(X, gamma, beta, eps=1e-5):
    """E[X^2] - E[X]^2: catastrophic cancellation for features near 1e9."""
    X, gamma, beta = _checked(X, gamma, beta, eps)
    var = np.maximum((X**2).mean(axis=0) - X.mean(axis=0) ** 2, 0.0)
    inv_std = 1 / np.sqrt(var + eps)
    return _result((X - X.mean(axis=0)) * inv_std, gamma, beta, inv_std)


@mutant("batch_norm_forward")
def returns_out_only(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    return gamma * (X - X.mean(axis=0)) / np.sqrt(X.var(axis=0) + eps) + beta


@mutant("batch_norm_forward")
def centres_in_place(X, gamma, beta, eps=1e-5):
    """X -= mu on the caller's array: a read-only input raises."""
    _checked(X, gamma, beta, eps)
    X = np.asarray(X)
    if X.dtype.kind != "f":
        X = X.astype(float)
    gamma, beta = np.asarray(gamma, float), np.asarray(beta, float)
    X -= X.mean(axis=0)
    inv_std = 1 / np.sqrt((X**2).mean(axis=0) + eps)
    return _result(X * inv_std, gamma, beta, inv_std)


@mutant("batch_norm_forward")
def accepts_zero_eps(X, gamma, beta, eps=1e-5):
    X, gamma, beta = (np.asarray(a, dtype=float) for a in (X, gamma, beta))
    if X.ndim != 2 or len(X) == 0 or gamma.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    with np.errstate(all="ignore"):
        inv_std = 1 / np.sqrt(X.var(axis=0) + eps)
        return _result((X - X.mean(axis=0)) * inv_std, gamma, beta, inv_std)


@mutant("batch_norm_forward")
def cache_as_an_object(X, gamma, beta, eps=1e-5):
    """The cache is a class instance: not plain data."""
    X, gamma, beta = _checked(X, gamma, beta, eps)

    class Cache:
        pass

    cache = Cache()
    out = gamma * (X - X.mean(axis=0)) / np.sqrt(X.var(axis=0) + eps) + beta
    return out, cache


@mutant("batch_norm_forward")
def gamma_length_broadcasts(X, gamma, beta, eps=1e-5):
    """Checks that gamma and beta are 1-D only: a single gamma broadcasts over every feature."""
    X, gamma, beta = (np.asarray(a, dtype=float) for a in (X, gamma, beta))
    if X.ndim != 2 or len(X) == 0 or gamma.ndim != 1 or beta.ndim != 1 or not eps > 0:
        raise ValueError("bad input")
    if gamma.shape[0] not in (1, X.shape[1]) or beta.shape[0] not in (1, X.shape[1]):
        raise ValueError("bad shapes")
    inv_std = 1 / np.sqrt(X.var(axis=0) + eps)
    return _result((X - X.mean(axis=0)) * inv_std, gamma, beta, inv_std)


@mutant("batch_norm_forward")
def accepts_string_eps(X, gamma, beta, eps=1e-5):
    """float(eps) reads eps='1e-05' as a number; the docstring refuses strings."""
    eps = float(eps)
    X, gamma, beta = _checked(X, gamma, beta, eps)
    inv_std = 1 / np.sqrt(X.var(axis=0) + eps)
    return _result((X - X.mean(axis=0)) * inv_std, gamma, beta, inv_std)


@mutant("batch_norm_forward", level=3)
def loop_over_features(X, gamma, beta, eps=1e-5):
    """Correct, one feature and one value at a time in Python (two passes per feature)."""
    X, gamma, beta = _checked(X, gamma, beta, eps)
    n, d = X.shape
    columns = X.T.tolist()
    x_hat = np.empty((n, d))
    inv_std = np.empty(d)
    for j, column in enumerate(columns):
        mean = math.fsum(column) / n
        var = math.fsum((v - mean) ** 2 for v in column) / n
        inv_std[j] = 1.0 / (var + eps) ** 0.5
        x_hat[:, j] = [(v - mean) * inv_std[j] for v in column]
    return _result(x_hat, gamma, beta, inv_std)
