"""Wrong versions of trees/entropy."""

import math

import numpy as np

from mlkata.mutants import mutant


def _p(y, base=2):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad input")
    if not base > 0 or base == 1:
        raise ValueError("bad base")
    return np.unique(y, return_counts=True)[1] / y.size


@mutant("entropy", hint="yours is in nats")
def natural_log_whatever_the_base(y, base=2):
    p = _p(y, base)
    return float(-np.sum(p * np.log(p)))


@mutant("entropy", hint="yours is always in bits")
def log2_whatever_the_base(y, base=2):
    p = _p(y, base)
    return float(-np.sum(p * np.log2(p)))


@mutant("entropy", hint="DIVIDE by ln(base)")
def multiplied_by_log_base(y, base=2):
    p = _p(y, base)
    return float(-np.sum(p * np.log(p)) * math.log(base))


@mutant("entropy", hint="sign is flipped")
def sign_flipped(y, base=2):
    p = _p(y, base)
    return float(np.sum(p * np.log(p)) / math.log(base))


@mutant("entropy", hint="not np.bincount(y)")
def bincount_with_empty_classes(y, base=2):
    _p(y, base)
    p = np.bincount(np.asarray(y)) / np.size(y)
    with np.errstate(all="ignore"):
        return float(-np.sum(p * np.log(p)) / math.log(base))


@mutant("entropy", hint="summed over the samples")
def summed_over_samples(y, base=2):
    y = np.asarray(y)
    p = _p(y, base)
    index = np.unique(y, return_inverse=True)[1]
    return float(-np.sum(np.log(p[index])) / math.log(base))


@mutant("entropy")
def base_not_checked(y, base=2):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad input")
    p = np.unique(y, return_counts=True)[1] / y.size
    with np.errstate(all="ignore"):
        return float(-np.sum(p * np.log(p)) / np.log(base))


@mutant("entropy")
def empty_accepted(y, base=2):
    """-sum over no classes: 0.0 for no labels at all."""
    y = np.asarray(y).ravel()
    if not base > 0 or base == 1:
        raise ValueError("bad base")
    p = np.unique(y, return_counts=True)[1] / max(y.size, 1)
    return float(-np.sum(p * np.log(p)) / math.log(base))


@mutant("entropy", hint="a bare string is one label")
def bare_string_read_by_character(y, base=2):
    """collections.Counter(y) on a str: "abc" counted as three labels a, b, c (0-d input accepted)."""
    if isinstance(y, str):
        y = list(y)
    p = _p(y, base)
    return float(-np.sum(p * np.log(p)) / math.log(base)) + 0.0


@mutant("entropy", hint="labels are any values", level=2)
def counts_integer_labels_by_value(y, base=2):
    # np.bincount for integer labels (fine up to ★'s labels -10**6 .. 10**6), np.unique otherwise
    _p(y, base)
    y = np.asarray(y)
    if y.dtype.kind in "biu":
        codes = y.astype(np.int64)
        counts = np.bincount(codes - codes.min())
        p = counts[counts > 0] / y.size
    else:
        p = np.unique(y, return_counts=True)[1] / y.size
    return float(-np.sum(p * np.log(p)) / math.log(base)) + 0.0
