"""Wrong versions of losses/cross_entropy."""

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, probs):
    y, q = np.asarray(y_true), np.asarray(probs, float)
    if y.ndim != 1 or q.ndim != 2 or len(y) != len(q) or y.size == 0:
        raise ValueError("bad shapes")
    if np.any(y < 0) or np.any(y >= q.shape[1]) or np.any(y % 1):
        raise ValueError("bad labels")
    if np.any((q < 0) | (q > 1)) or not np.allclose(q.sum(axis=1), 1):
        raise ValueError("bad probabilities")
    return y.astype(int), q


@mutant("cross_entropy", hint="only the probability of the true class counts")
def averages_every_entry(y_true, probs, eps=1e-15):
    _, q = _checked(y_true, probs)
    return float(-np.mean(np.log(np.clip(q, eps, 1 - eps))))


@mutant("cross_entropy", hint="average over the n samples")
def sum_not_mean(y_true, probs, eps=1e-15):
    y, q = _checked(y_true, probs)
    return float(-np.sum(np.log(np.clip(q[np.arange(len(y)), y], eps, 1 - eps))))


@mutant("cross_entropy", hint="clip the probabilities")
def no_clipping(y_true, probs, eps=1e-15):
    y, q = _checked(y_true, probs)
    with np.errstate(all="ignore"):
        return float(-np.mean(np.log(q[np.arange(len(y)), y])))


@mutant("cross_entropy", hint="argmax")
def predicted_class_not_true_class(y_true, probs, eps=1e-15):
    _, q = _checked(y_true, probs)
    return float(-np.mean(np.log(np.clip(q.max(axis=1), eps, 1 - eps))))


@mutant("cross_entropy")
def no_row_sum_check(y_true, probs, eps=1e-15):
    y, q = np.asarray(y_true).astype(int), np.asarray(probs, float)
    if q.ndim != 2 or len(y) != len(q) or y.size == 0:
        raise ValueError("bad shapes")
    if np.any(y < 0) or np.any(y >= q.shape[1]):
        raise ValueError("bad labels")
    return float(-np.mean(np.log(np.clip(q[np.arange(len(y)), y], eps, 1 - eps))))


@mutant("cross_entropy", hint="not the eps you were given")
def clips_at_a_fixed_bound(y_true, probs, eps=1e-15):
    y, q = _checked(y_true, probs)
    return float(-np.mean(np.log(np.clip(q[np.arange(len(y)), y], 1e-15, 1.0))))


@mutant("cross_entropy")
def clips_in_place(y_true, probs, eps=1e-15):
    """np.clip(..., out=probs) writes into the caller's array: a read-only input raises."""
    _checked(y_true, probs)
    y, q = np.asarray(y_true).astype(int), np.asarray(probs)
    if q.dtype.kind != "f":
        q = q.astype(float)
    np.clip(q, eps, 1 - eps, out=q)
    return float(-np.mean(np.log(q[np.arange(len(y)), y])))


@mutant("cross_entropy", hint="log of the likelihood", level=2)
def log_of_the_likelihood(y_true, probs, eps=1e-15):
    """-log(prod of the true class's probabilities) / n: the product underflows for large n."""
    y, q = _checked(y_true, probs)
    with np.errstate(divide="ignore"):
        return float(-np.log(np.prod(np.clip(q[np.arange(len(y)), y], eps, 1 - eps))) / len(y))
