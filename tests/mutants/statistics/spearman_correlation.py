"""Wrong versions of statistics/spearman_correlation."""

import numpy as np

from mlkata.mutants import mutant


def _checked(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.ndim != 1 or x.shape != y.shape or x.size < 2:
        raise ValueError("bad shape")
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise ValueError("not finite")
    if np.ptp(x) == 0 or np.ptp(y) == 0:
        raise ValueError("constant")
    return x, y


def _r(a, b):
    a, b = a - a.mean(), b - b.mean()
    return float(np.clip(np.dot(a, b) / np.sqrt(np.dot(a, a) * np.dot(b, b)), -1, 1))


def _average_ranks(x):
    _, place, counts = np.unique(x, return_inverse=True, return_counts=True)
    return (np.cumsum(counts) - (counts - 1) / 2)[place]


@mutant("spearman_correlation", hint="breaks ties by position")
def argsort_of_argsort(x, y):
    x, y = _checked(x, y)
    return _r(np.argsort(np.argsort(x)).astype(float), np.argsort(np.argsort(y)).astype(float))


@mutant("spearman_correlation", hint="not the lowest")
def lowest_rank_for_ties(x, y):
    x, y = _checked(x, y)
    return _r(
        np.searchsorted(np.sort(x), x, side="left") + 1.0, np.searchsorted(np.sort(y), y, side="left") + 1.0
    )


@mutant("spearman_correlation", hint="dense ranks")
def dense_ranks(x, y):
    x, y = _checked(x, y)
    return _r(np.unique(x, return_inverse=True)[1] + 1.0, np.unique(y, return_inverse=True)[1] + 1.0)


@mutant("spearman_correlation", hint="holds only without ties")
def no_ties_shortcut(x, y):
    x, y = _checked(x, y)
    d = _average_ranks(x) - _average_ranks(y)
    n = x.size
    return float(1 - 6 * np.sum(d * d) / (n * (n * n - 1)))


@mutant("spearman_correlation", hint="not their ranks")
def argsort_once(x, y):
    x, y = _checked(x, y)
    return _r(np.argsort(x).astype(float), np.argsort(y).astype(float))


@mutant("spearman_correlation", hint="replace the values by their ranks")
def pearson_of_values(x, y):
    return _r(*_checked(x, y))


@mutant("spearman_correlation", hint="instead of returning nan")
def constant_gives_nan(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.ndim != 1 or x.shape != y.shape or x.size < 2 or not np.all(np.isfinite(np.r_[x, y])):
        raise ValueError("bad input")
    with np.errstate(all="ignore"):
        a, b = _average_ranks(x), _average_ranks(y)
        a, b = a - a.mean(), b - b.mean()
        return float(np.dot(a, b) / np.sqrt(np.dot(a, a) * np.dot(b, b)))


@mutant("spearman_correlation")
def ranks_over_both_samples(x, y):
    """Ranks x and y together, as one sample (np.r_[x, y]), then splits the ranks."""
    x, y = _checked(x, y)
    ranks = _average_ranks(np.r_[x, y])
    return _r(ranks[: x.size], ranks[x.size :])


@mutant("spearman_correlation", hint="a test of the sum", level=2)
def finiteness_from_the_float32_sum(x, y):
    # nan and inf tested through the sum, in the input's own float dtype: float32 near 3.4e38 overflows
    for values in (x, y):
        values = np.asarray(values)
        values = values if values.dtype.kind == "f" else values.astype(float)
        if not np.isfinite(values.sum()):
            raise ValueError("must hold finite numbers")
    x, y = _checked(x, y)
    return _r(_average_ranks(x), _average_ranks(y))
