"""Wrong versions of data/one_hot_encode."""

import numpy as np

from mlkata.mutants import mutant


def _labels(y):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or y.dtype.kind not in "biuf":
        raise ValueError("bad y")
    if np.any(y < 0) or np.any(y != np.round(y)):
        raise ValueError("bad label")
    return y.astype(int)


def _k(y, n_classes):
    if n_classes is None:
        return int(y.max()) + 1
    if isinstance(n_classes, bool) or not isinstance(n_classes, int) or n_classes < 1 or y.max() >= n_classes:
        raise ValueError("bad n_classes")
    return n_classes


@mutant("one_hot_encode", hint="not the j-th distinct label")
def columns_of_the_distinct_labels(y, n_classes=None):
    y = _labels(y)
    _k(y, n_classes)
    classes, index = np.unique(y, return_inverse=True)
    return np.eye(classes.size)[index]


@mutant("one_hot_encode", hint="use n_classes columns")
def ignores_n_classes(y, n_classes=None):
    y = _labels(y)
    _k(y, n_classes)
    return np.eye(int(y.max()) + 1)[y]


@mutant("one_hot_encode", hint="two classes still get two columns")
def one_column_for_two_classes(y, n_classes=None):
    """What label_binarize does."""
    y = _labels(y)
    k = _k(y, n_classes)
    if k == 2:
        return (y == 1).astype(float)[:, None]
    return np.eye(k)[y]


@mutant("one_hot_encode", hint="not (k, n)")
def classes_by_samples(y, n_classes=None):
    y = _labels(y)
    return np.eye(_k(y, n_classes))[:, y]


@mutant("one_hot_encode", hint="return a float64 array")
def integer_matrix(y, n_classes=None):
    y = _labels(y)
    out = np.zeros((y.size, _k(y, n_classes)), dtype=int)
    out[np.arange(y.size), y] = 1
    return out


@mutant("one_hot_encode")
def negative_labels_index_from_the_end(y, n_classes=None):
    """np.eye(k)[y] with no check: -1 silently becomes the last class."""
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or y.dtype.kind not in "biuf" or np.any(y != np.round(y)):
        raise ValueError("bad y")
    y = y.astype(int)
    k = int(y.max()) + 1 if n_classes is None else n_classes
    if not isinstance(k, int) or k < 1 or y.max() >= k:
        raise ValueError("bad n_classes")
    return np.eye(k)[y]


@mutant("one_hot_encode")
def fractional_labels_truncated(y, n_classes=None):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or y.dtype.kind not in "biuf" or np.any(y < 0):
        raise ValueError("bad y")
    y = y.astype(int)
    return np.eye(_k(y, n_classes))[y]


@mutant("one_hot_encode")
def no_check_against_n_classes(y, n_classes=None):
    """A label >= n_classes raises IndexError from the indexing, not ValueError."""
    y = _labels(y)
    k = int(y.max()) + 1 if n_classes is None else n_classes
    out = np.zeros((y.size, k))
    out[np.arange(y.size), y] = 1.0
    return out


@mutant("one_hot_encode", hint="which no input is")
def float32_matrix(y, n_classes=None):
    """np.eye(k, dtype=np.float32)[y]: right 0s and 1s, not the documented float64."""
    y = _labels(y)
    return np.eye(_k(y, n_classes), dtype=np.float32)[y]
