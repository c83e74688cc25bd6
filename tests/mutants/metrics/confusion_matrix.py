"""Wrong versions of metrics/confusion_matrix."""

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    return y_true, y_pred


def _count(y_true, y_pred, labels):
    labels = list(labels)
    if len(set(labels)) != len(labels):
        raise ValueError("repeated label")
    index = {label: i for i, label in enumerate(labels)}
    counts = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        if t in index and p in index:
            counts[index[t], index[p]] += 1
    return counts


@mutant("confusion_matrix", hint="transposed")
def rows_are_predictions(y_true, y_pred, labels=None):
    y_true, y_pred = _checked(y_true, y_pred)
    labels = np.union1d(y_true, y_pred).tolist() if labels is None else labels
    return _count(y_true, y_pred, labels).T


@mutant("confusion_matrix", hint="position in the sorted labels")
def label_values_as_indices(y_true, y_pred, labels=None):
    y_true, y_pred = _checked(y_true, y_pred)
    k = int(max(y_true.max(), y_pred.max())) + 1
    if labels is not None:
        k = max(k, int(max(labels)) + 1)
    counts = np.zeros((k, k), dtype=int)
    np.add.at(counts, (y_true.astype(int), y_pred.astype(int)), 1)
    return counts


@mutant("confusion_matrix", hint="use the labels argument")
def ignores_labels(y_true, y_pred, labels=None):
    y_true, y_pred = _checked(y_true, y_pred)
    if labels is not None and len(set(labels)) != len(labels):
        raise ValueError("repeated label")
    return _count(y_true, y_pred, np.union1d(y_true, y_pred).tolist())


@mutant("confusion_matrix")
def float_counts(y_true, y_pred, labels=None):
    y_true, y_pred = _checked(y_true, y_pred)
    labels = np.union1d(y_true, y_pred).tolist() if labels is None else labels
    return _count(y_true, y_pred, labels).astype(float)


@mutant("confusion_matrix")
def zip_drops_unmatched_samples(y_true, y_pred, labels=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.size == 0 or y_true.ndim != 1:
        raise ValueError("bad input")
    n = min(y_true.size, y_pred.size)
    y_true, y_pred = y_true[:n], y_pred[:n]
    labels = np.union1d(y_true, y_pred).tolist() if labels is None else labels
    return _count(y_true, y_pred, labels)


def _checked_labels(y_true, y_pred, labels):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    return y_true, y_pred, np.union1d(y_true, y_pred) if labels is None else np.asarray(labels)


@mutant("confusion_matrix")
def empty_labels_accepted(y_true, y_pred, labels=None):
    y_true, y_pred, labels = _checked_labels(y_true, y_pred, labels)
    if labels.ndim != 1 or np.unique(labels).size != labels.size:
        raise ValueError("labels must be 1-D and distinct")
    return ((y_true[:, None] == labels)[:, :, None] & (y_pred[:, None] == labels)[:, None, :]).sum(0)


@mutant("confusion_matrix")
def other_labels_clipped_into_the_last_row(y_true, y_pred, labels=None):
    y_true, y_pred, labels = _checked_labels(y_true, y_pred, labels)
    if labels.ndim != 1 or labels.size == 0 or np.unique(labels).size != labels.size:
        raise ValueError("labels must be 1-D, non-empty and distinct")
    order = np.argsort(labels)
    rows = order[np.clip(np.searchsorted(labels[order], y_true), 0, labels.size - 1)]
    cols = order[np.clip(np.searchsorted(labels[order], y_pred), 0, labels.size - 1)]
    counts = np.zeros((labels.size, labels.size), dtype=np.int64)
    np.add.at(counts, (rows, cols), 1)
    return counts


@mutant("confusion_matrix", level=3)
def python_loop(y_true, y_pred, labels=None):
    """Correct, one sample at a time into a dict of rows: far slower than bincount at n = 1e6."""
    y_true, y_pred = _checked(y_true, y_pred)
    if labels is None:
        labels = np.union1d(y_true, y_pred)
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.size == 0:
        raise ValueError("labels must be a non-empty 1-D list")
    return _count(y_true, y_pred, labels.tolist())
