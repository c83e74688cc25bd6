"""Correct, differently written versions of data/one_hot_encode."""

import numbers

import numpy as np


def _checked(y, n_classes):
    a = np.asarray(y)
    if a.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {a.shape}")
    if a.size == 0:
        raise ValueError("y is empty")
    if a.dtype.kind not in "biuf":
        raise ValueError(f"labels must be integers, got dtype {a.dtype}")
    f = a.astype(np.float64)
    if not np.all(np.isfinite(f)) or np.any(f != np.floor(f)):
        raise ValueError("labels must be whole numbers")
    if np.any(f < 0):
        raise ValueError("labels must be >= 0")
    top = int(f.max())
    if n_classes is None:
        k = top + 1
    else:
        if (
            isinstance(n_classes, (bool, np.bool_))
            or not isinstance(n_classes, numbers.Integral)
            or n_classes < 1
        ):
            raise ValueError("n_classes must be a positive integer")
        k = int(n_classes)
        if top >= k:
            raise ValueError(f"label {top} is >= n_classes={k}")
    return a.astype(np.int64), k


def variant_loop(y, n_classes=None):
    """Python lists of zeros with a 1 set per row."""
    labels, k = _checked(y, n_classes)
    rows = []
    for lab in labels.tolist():
        row = [0.0] * k
        row[lab] = 1.0
        rows.append(row)
    return np.array(rows, dtype=np.float64).reshape(len(rows), k)


def variant_broadcast_compare(y, n_classes=None):
    """y[:, None] == arange(k), cast to float."""
    labels, k = _checked(y, n_classes)
    return (labels[:, None] == np.arange(k)[None, :]).astype(np.float64)


def variant_flat_put(y, n_classes=None):
    """Zeros of size n*k with np.put at the flat positions i*k + y_i."""
    labels, k = _checked(y, n_classes)
    out = np.zeros(labels.size * k)
    np.put(out, np.arange(labels.size) * k + labels, 1.0)
    return out.reshape(labels.size, k)
