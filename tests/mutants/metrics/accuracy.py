"""Wrong versions of metrics/accuracy."""

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    return y_true, y_pred


@mutant("accuracy", hint="divide by n")
def count_not_fraction(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    return int(np.sum(y_true == y_pred))


@mutant("accuracy", hint="error rate")
def error_rate(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    return float(np.mean(y_true != y_pred))


@mutant("accuracy", hint="check the lengths")
def broadcasts_length_one(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.size == 0 or y_pred.size == 0:
        raise ValueError("empty")
    return float(np.mean(y_true == y_pred))


@mutant("accuracy", hint="Python lists")
def compares_lists_whole(y_true, y_pred):
    if len(y_true) != len(y_pred) or len(y_true) == 0 or np.ndim(y_true) != 1:
        raise ValueError("bad input")
    return float(np.mean(y_true == y_pred))


@mutant("accuracy")
def indexes_by_the_true_labels(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    classes = np.unique(y_true)  # a label only predicted lands on a true label's index
    true_index = np.searchsorted(classes, y_true)
    pred_index = np.clip(np.searchsorted(classes, y_pred), 0, classes.size - 1)
    return float(np.mean(true_index == pred_index))


@mutant("accuracy", level=3)
def python_loop(y_true, y_pred):
    """Correct, one sample at a time: far slower than numpy at n = 1e6."""
    y_true, y_pred = _checked(y_true, y_pred)
    right = 0
    for t, p in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        right += t == p
    return right / len(y_true)
