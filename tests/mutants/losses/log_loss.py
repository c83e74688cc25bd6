"""Wrong versions of losses/log_loss."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, y_prob):
    y, p = np.asarray(y_true), np.asarray(y_prob, float)
    if y.shape != p.shape or y.size == 0 or y.ndim != 1:
        raise ValueError("bad input")
    if not np.all((y == 0) | (y == 1)) or np.any((p < 0) | (p > 1)):
        raise ValueError("bad values")
    return y, p


@mutant("log_loss", hint="clip the probabilities")
def no_clipping(y_true, y_prob, eps=1e-15):
    y, p = _checked(y_true, y_prob)
    with np.errstate(all="ignore"):
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


@mutant("log_loss", hint="natural log")
def log_base_two(y_true, y_prob, eps=1e-15):
    y, p = _checked(y_true, y_prob)
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log2(p) + (1 - y) * np.log2(1 - p)))


@mutant("log_loss", hint="divide by n")
def sum_not_mean(y_true, y_prob, eps=1e-15):
    y, p = _checked(y_true, y_prob)
    p = np.clip(p, eps, 1 - eps)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


@mutant("log_loss", hint="-1 is not a valid label")
def accepts_minus_one_labels(y_true, y_prob, eps=1e-15):
    y, p = np.asarray(y_true), np.clip(np.asarray(y_prob, float), eps, 1 - eps)
    if y.shape != p.shape or y.size == 0:
        raise ValueError("bad input")
    if np.any((np.asarray(y_prob) < 0) | (np.asarray(y_prob) > 1)):
        raise ValueError("bad probabilities")
    positive = y == 1
    return float(-np.mean(np.where(positive, np.log(p), np.log(1 - p))))


@mutant("log_loss", hint="not the eps you were given")
def ignores_eps(y_true, y_prob, eps=1e-15):
    y, p = _checked(y_true, y_prob)
    p = np.clip(p, 1e-15, 1 - 1e-15)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


@mutant("log_loss", hint="not the eps you were given")
def clips_at_a_fixed_1e_7(y_true, y_prob, eps=1e-15):
    y, p = _checked(y_true, y_prob)
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


@mutant("log_loss")
def clips_in_place(y_true, y_prob, eps=1e-15):
    """np.clip(..., out=y_prob) writes into the caller's array: a read-only input raises."""
    y, _ = _checked(y_true, y_prob)
    p = np.asarray(y_prob)
    if p.dtype.kind != "f":
        p = p.astype(float)
    np.clip(p, eps, 1 - eps, out=p)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


@mutant("log_loss", hint="1 - eps rounds to 1", level=2)
def clips_in_float32(y_true, y_prob, eps=1e-15):
    """Keeps float32 probabilities: clip(1, eps, 1 - eps) is still 1, and log(1 - 1) = -inf."""
    y, _ = _checked(y_true, y_prob)
    p = np.asarray(y_prob)
    p = p if p.dtype.kind == "f" else p.astype(float)
    p = np.clip(p, p.dtype.type(eps), p.dtype.type(1 - eps))
    with np.errstate(divide="ignore"):
        return float(-np.mean(np.where(y == 1, np.log(p), np.log1p(-p))))


@mutant("log_loss", hint="log of the likelihood", level=2)
def log_of_the_likelihood(y_true, y_prob, eps=1e-15):
    """-log(prod of the probabilities) / n: the product underflows for large n."""
    y, p = _checked(y_true, y_prob)
    q = np.clip(p, eps, 1 - eps)
    with np.errstate(divide="ignore"):
        return float(-np.log(np.prod(np.where(y == 1, q, 1 - q))) / len(q))


@mutant("log_loss", level=3)
def python_loop(y_true, y_prob, eps=1e-15):
    """Correct, one sample at a time: far slower than numpy at n = 1e6."""
    y, p = _checked(y_true, y_prob)
    total = 0.0
    for label, q in zip(y.tolist(), p.tolist(), strict=True):
        q = min(max(q, eps), 1 - eps)
        total -= math.log(q) if label == 1 else math.log1p(-q)
    return total / len(p)
