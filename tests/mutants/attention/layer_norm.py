"""Wrong versions of attention/layer_norm."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(X, gamma, beta, eps):
    X, gamma, beta = (np.asarray(a, dtype=float) for a in (X, gamma, beta))
    if X.ndim == 0 or X.size == 0 or gamma.shape != X.shape[-1:] or beta.shape != X.shape[-1:]:
        raise ValueError("bad shapes")
    if not eps > 0:
        raise ValueError("eps must be > 0")
    return X, gamma, beta


@mutant("layer_norm", hint="axis=0")
def batch_norm_instead(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    mean, var = X.mean(axis=0, keepdims=True), X.var(axis=0, keepdims=True)
    return gamma * (X - mean) / np.sqrt(var + eps) + beta


@mutant("layer_norm", hint="divided by d - 1")
def sample_variance(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    mean = X.mean(axis=-1, keepdims=True)
    var = X.var(axis=-1, ddof=1, keepdims=True) if X.shape[-1] > 1 else np.zeros_like(mean)
    return gamma * (X - mean) / np.sqrt(var + eps) + beta


@mutant("layer_norm", hint="added it to the standard deviation")
def eps_outside_the_sqrt(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    mean, std = X.mean(axis=-1, keepdims=True), X.std(axis=-1, keepdims=True)
    return gamma * (X - mean) / (std + eps) + beta


@mutant("layer_norm", hint="you swapped them")
def gamma_and_beta_swapped(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    mean, var = X.mean(axis=-1, keepdims=True), X.var(axis=-1, keepdims=True)
    return beta * (X - mean) / np.sqrt(var + eps) + gamma


@mutant("layer_norm", hint="the default eps=1e-5")
def eps_ignored(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    mean, var = X.mean(axis=-1, keepdims=True), X.var(axis=-1, keepdims=True)
    return gamma * (X - mean) / np.sqrt(var + 1e-5) + beta


@mutant("layer_norm", hint="whole array")
def statistics_of_the_whole_array(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _checked(X, gamma, beta, eps)
    return gamma * (X - X.mean()) / np.sqrt(X.var() + eps) + beta


@mutant("layer_norm", hint="cancels catastrophically", level=2)
def variance_by_the_shortcut(X, gamma, beta, eps=1e-5):
    """mean(x**2) - mean(x)**2: cancels at a 1e9 offset (and goes negative: nan)."""
    X, gamma, beta = _checked(X, gamma, beta, eps)
    mean = X.mean(axis=-1, keepdims=True)
    var = (X**2).mean(axis=-1, keepdims=True) - mean**2
    with np.errstate(invalid="ignore"):
        return gamma * (X - mean) / np.sqrt(var + eps) + beta


@mutant("layer_norm", hint="wrote into an input array")
def centred_in_place(X, gamma, beta, eps=1e-5):
    """X -= mean on the caller's array (float input): a read-only X raises."""
    _checked(X, gamma, beta, eps)
    X = np.asarray(X)
    if X.dtype != np.float64:
        X = X.astype(np.float64)
    X -= X.mean(axis=-1, keepdims=True)
    X /= np.sqrt((X**2).mean(axis=-1, keepdims=True) + eps)
    return np.asarray(gamma, dtype=float) * X + np.asarray(beta, dtype=float)


@mutant("layer_norm", hint="truncated to integers")
def output_like_the_input(X, gamma, beta, eps=1e-5):
    """out = np.empty_like(X): integer X makes an integer result, truncated."""
    _checked(X, gamma, beta, eps)
    raw = np.asarray(X)
    X, gamma, beta = _checked(X, gamma, beta, eps)
    out = np.empty_like(raw)
    mean, var = X.mean(axis=-1, keepdims=True), X.var(axis=-1, keepdims=True)
    out[...] = gamma * (X - mean) / np.sqrt(var + eps) + beta
    return out


@mutant("layer_norm", hint="check gamma.shape")
def length_one_gamma_broadcast(X, gamma, beta, eps=1e-5):
    X, gamma, beta = (np.asarray(a, dtype=float) for a in (X, gamma, beta))
    if X.ndim == 0 or X.size == 0 or not eps > 0 or gamma.ndim != 1 or beta.ndim != 1:
        raise ValueError("bad input")
    mean, var = X.mean(axis=-1, keepdims=True), X.var(axis=-1, keepdims=True)
    return gamma * (X - mean) / np.sqrt(var + eps) + beta


@mutant("layer_norm", hint="keeps a float32 input's dtype")
def keeps_the_input_dtype(X, gamma, beta, eps=1e-5):
    """Computed in float64, returned in X's float dtype: float32 in, float32 out (float64 documented)."""
    given = np.asarray(X)
    X, gamma, beta = _checked(X, gamma, beta, eps)
    mean, var = X.mean(axis=-1, keepdims=True), X.var(axis=-1, keepdims=True)
    out = gamma * (X - mean) / np.sqrt(var + eps) + beta
    return out.astype(given.dtype) if given.dtype.kind == "f" else out


@mutant("layer_norm", level=3)
def loop_over_rows(X, gamma, beta, eps=1e-5):
    """Correct, one row and one value at a time in Python (two passes per row)."""
    X, gamma, beta = _checked(X, gamma, beta, eps)
    rows = X.reshape(-1, X.shape[-1])
    out = np.empty_like(rows)
    g, b = gamma.tolist(), beta.tolist()
    for i, row in enumerate(rows.tolist()):
        mean = math.fsum(row) / len(row)
        scale = 1.0 / math.sqrt(math.fsum((v - mean) ** 2 for v in row) / len(row) + eps)
        out[i] = [(v - mean) * scale * gj + bj for v, gj, bj in zip(row, g, b, strict=True)]
    return out.reshape(X.shape)
