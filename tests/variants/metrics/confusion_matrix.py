"""Correct, differently written versions of metrics/confusion_matrix."""

import numpy as np


def _checked(y_true, y_pred, labels):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("the inputs must be 1-D, of one length, not empty")
    if labels is None:
        return y_true, y_pred, np.union1d(y_true, y_pred)
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.size == 0 or np.unique(labels).size != labels.size:
        raise ValueError("labels must be a non-empty 1-D list of distinct labels")
    return y_true, y_pred, labels


def variant_dict(y_true, y_pred, labels=None):
    y_true, y_pred, labels = _checked(y_true, y_pred, labels)
    index = {label: i for i, label in enumerate(labels.tolist())}
    counts = np.zeros((len(index), len(index)), dtype=np.int64)
    for t, p in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        if t in index and p in index:
            counts[index[t], index[p]] += 1
    return counts


def variant_einsum(y_true, y_pred, labels=None):
    y_true, y_pred, labels = _checked(y_true, y_pred, labels)
    is_true = (y_true[:, None] == labels).astype(np.int64)
    is_pred = (y_pred[:, None] == labels).astype(np.int64)
    return np.einsum("ni,nj->ij", is_true, is_pred)
