"""Wrong versions of data/k_fold_indices."""

import numpy as np

from mlkata.mutants import mutant


def _checked(n_samples, n_splits):
    for value in (n_samples, n_splits):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise ValueError("not an integer")
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("bad n_splits")
    return int(n_samples), int(n_splits)


def _folds(n, sizes):
    stops = np.cumsum(sizes)
    return [
        (np.concatenate((np.arange(start), np.arange(stop, n))), np.arange(start, stop))
        for start, stop in zip(stops - sizes, stops, strict=True)
    ]


@mutant("k_fold_indices", hint="not all of the remainder in the last fold")
def remainder_in_the_last_fold(n_samples, n_splits=5):
    n, k = _checked(n_samples, n_splits)
    sizes = np.full(k, n // k)
    sizes[-1] += n % k
    return _folds(n, sizes)


@mutant("k_fold_indices", hint="in exactly one test fold")
def drops_the_remainder(n_samples, n_splits=5):
    """Folds of n // k: the last n % k samples are never tested."""
    n, k = _checked(n_samples, n_splits)
    size = n // k
    return [
        (np.setdiff1d(np.arange(n), np.arange(j * size, (j + 1) * size)), np.arange(j * size, (j + 1) * size))
        for j in range(k)
    ]


@mutant("k_fold_indices", hint="the FIRST n % k folds")
def extra_samples_in_the_last_folds(n_samples, n_splits=5):
    n, k = _checked(n_samples, n_splits)
    sizes = np.full(k, n // k)
    sizes[k - n % k :] += 1
    return _folds(n, sizes)


@mutant("k_fold_indices", hint="folds of ceil(n / k)")
def ceil_sized_folds(n_samples, n_splits=5):
    n, k = _checked(n_samples, n_splits)
    size = -(-n // k)
    sizes = np.clip(n - size * np.arange(k), 0, size)
    return _folds(n, sizes)


@mutant("k_fold_indices", hint="never train on its test fold")
def trains_on_everything(n_samples, n_splits=5):
    n, k = _checked(n_samples, n_splits)
    return [(np.arange(n), test) for test in np.array_split(np.arange(n), k)]


@mutant("k_fold_indices", hint="indices start at 0")
def one_based(n_samples, n_splits=5):
    n, k = _checked(n_samples, n_splits)
    return [
        (np.setdiff1d(np.arange(1, n + 1), test + 1), test + 1) for test in np.array_split(np.arange(n), k)
    ]


@mutant("k_fold_indices", hint="return a list")
def a_generator(n_samples, n_splits=5):
    n, k = _checked(n_samples, n_splits)
    return ((np.setdiff1d(np.arange(n), test), test) for test in np.array_split(np.arange(n), k))


@mutant("k_fold_indices", hint="indices are integers")
def boolean_masks(n_samples, n_splits=5):
    n, k = _checked(n_samples, n_splits)
    folds = []
    for test in np.array_split(np.arange(n), k):
        mask = np.zeros(n, bool)
        mask[test] = True
        folds.append((~mask, mask))
    return folds


@mutant("k_fold_indices")
def accepts_one_split(n_samples, n_splits=5):
    n = int(n_samples)
    return [
        (np.setdiff1d(np.arange(n), test), test)
        for test in np.array_split(np.arange(n), max(int(n_splits), 1))
    ]


@mutant("k_fold_indices", level=3)
def python_loops(n_samples, n_splits=5):
    n, k = _checked(n_samples, n_splits)
    folds, start = [], 0
    for fold in range(k):
        stop = start + n // k + (1 if fold < n % k else 0)
        train = [i for i in range(n) if i < start or i >= stop]
        folds.append((np.array(train, dtype=int), np.array(list(range(start, stop)), dtype=int)))
        start = stop
    return folds
