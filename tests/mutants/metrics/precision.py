"""Wrong versions of metrics/precision."""

import numpy as np

from mlkata.mutants import mutant


def _counts(y_true, y_pred, average, zero_division, classes=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError("bad average")
    present = np.union1d(y_true, y_pred)
    if average == "binary":
        if present.size > 2 or (present.size == 2 and 1 not in present.tolist()):
            raise ValueError("not binary")
        classes = np.array([1])
    elif classes is None:
        classes = present
    is_true = y_true[:, None] == classes
    is_pred = y_pred[:, None] == classes
    return (is_true & is_pred).sum(0), is_pred.sum(0), is_true.sum(0)


def _average(per_class, support, average):
    if average == "weighted":
        return float(np.average(per_class, weights=support))
    return float(np.mean(per_class))


@mutant("precision", hint="which is the recall")
def divides_by_support(y_true, y_pred, average="binary", zero_division=0.0):
    tp, _predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average == "micro":
        return float(tp.sum() / support.sum())
    per_class = np.where(support > 0, tp / np.maximum(support, 1), zero_division)
    return _average(per_class, support, average)


@mutant("precision", hint="micro pools the counts")
def micro_as_macro(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average, zero_division)
    per_class = np.where(predicted > 0, tp / np.maximum(predicted, 1), zero_division)
    return _average(per_class, support, average)


@mutant("precision", hint="use zero_division")
def zero_division_ignored(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average == "micro":
        return float(tp.sum() / predicted.sum())
    per_class = np.where(predicted > 0, tp / np.maximum(predicted, 1), 0.0)
    return _average(per_class, support, average)


@mutant("precision", hint="classes are the union")
def classes_from_y_true_only(y_true, y_pred, average="binary", zero_division=0.0):
    classes = None if average == "binary" else np.unique(np.asarray(y_true))
    tp, predicted, support = _counts(y_true, y_pred, average, zero_division, classes)
    if average == "micro":
        return float(tp.sum() / max(predicted.sum(), 1))
    per_class = np.where(predicted > 0, tp / np.maximum(predicted, 1), zero_division)
    return _average(per_class, support, average)


@mutant("precision", hint="needs binary labels")
def binary_accepts_multiclass(y_true, y_pred, average="binary", zero_division=0.0):
    if average == "binary":
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        if y_true.shape != y_pred.shape or y_true.size == 0:
            raise ValueError("bad input")
        predicted = np.sum(y_pred == 1)
        return float(np.sum((y_true == 1) & (y_pred == 1)) / predicted) if predicted else zero_division
    tp, predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average == "micro":
        return float(tp.sum() / predicted.sum())
    per_class = np.where(predicted > 0, tp / np.maximum(predicted, 1), zero_division)
    return _average(per_class, support, average)
