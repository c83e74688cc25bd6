"""Wrong versions of text/perplexity."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(token_probs):
    p = np.asarray(token_probs, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or not np.all((p > 0) & (p <= 1)):
        raise ValueError("bad probabilities")
    return p


@mutant("perplexity", hint="underflows")
def product_form(token_probs):
    p = _checked(token_probs)
    return float(np.prod(p) ** (-1.0 / p.size))


@mutant("perplexity", hint="NEGATIVE log probability")
def sign_dropped(token_probs):
    return float(np.exp(np.mean(np.log(_checked(token_probs)))))


@mutant("perplexity", hint="2 ** of a natural-log mean")
def mixed_log_bases(token_probs):
    return float(2.0 ** -np.mean(np.log(_checked(token_probs))))


@mutant("perplexity", hint="not the sum")
def sum_not_mean(token_probs):
    return float(np.exp(-np.sum(np.log(_checked(token_probs)))))


@mutant("perplexity", hint="no epsilon")
def epsilon_for_safety(token_probs):
    return float(np.exp(-np.mean(np.log(_checked(token_probs) + 1e-10))))


@mutant("perplexity")
def zero_probability_accepted(token_probs):
    """p = 0 gives log 0 = -inf and an infinite perplexity instead of a ValueError."""
    p = np.asarray(token_probs, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or not np.all((p >= 0) & (p <= 1)):
        raise ValueError("bad probabilities")
    with np.errstate(divide="ignore"):
        return float(np.exp(-np.mean(np.log(p))))


@mutant("perplexity")
def above_one_accepted(token_probs):
    p = np.asarray(token_probs, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or not np.all(p > 0):
        raise ValueError("bad probabilities")
    return float(np.exp(-np.mean(np.log(p))))


@mutant("perplexity")
def batch_flattened(token_probs):
    """A 2-D input is pooled instead of refused."""
    return float(np.exp(-np.mean(np.log(_checked(np.ravel(token_probs))))))


@mutant("perplexity")
def computed_in_float32(token_probs):
    p = _checked(token_probs).astype(np.float32)
    return float(np.exp(-np.mean(np.log(p))))


@mutant("perplexity", level=3)
def python_loop(token_probs):
    p = np.asarray(token_probs, dtype=float)
    if p.ndim != 1 or p.size == 0 or not (p.min() > 0 and p.max() <= 1):
        raise ValueError("bad probabilities")
    total = 0.0
    for value in p.tolist():
        total += math.log(value)
    return math.exp(-total / p.size)
