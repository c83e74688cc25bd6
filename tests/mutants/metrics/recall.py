"""Wrong versions of metrics/recall."""

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


@mutant("recall", hint="which is the precision")
def divides_by_predicted(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average == "micro":
        return float(tp.sum() / predicted.sum())
    per_class = np.where(predicted > 0, tp / np.maximum(predicted, 1), zero_division)
    return _average(per_class, support, average)


@mutant("recall", hint="micro pools the counts")
def micro_as_macro(y_true, y_pred, average="binary", zero_division=0.0):
    tp, _predicted, support = _counts(y_true, y_pred, average, zero_division)
    per_class = np.where(support > 0, tp / np.maximum(support, 1), zero_division)
    return _average(per_class, support, average)


@mutant("recall", hint="use zero_division")
def zero_division_ignored(y_true, y_pred, average="binary", zero_division=0.0):
    tp, _predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average == "micro":
        return float(tp.sum() / support.sum())
    per_class = np.where(support > 0, tp / np.maximum(support, 1), 0.0)
    return _average(per_class, support, average)


@mutant("recall", hint="classes are the union")
def classes_from_y_true_only(y_true, y_pred, average="binary", zero_division=0.0):
    classes = None if average == "binary" else np.unique(np.asarray(y_true))
    tp, _predicted, support = _counts(y_true, y_pred, average, zero_division, classes)
    if average == "micro":
        return float(tp.sum() / max(support.sum(), 1))
    per_class = np.where(support > 0, tp / np.maximum(support, 1), zero_division)
    return _average(per_class, support, average)


@mutant("recall", hint="needs binary labels")
def binary_accepts_multiclass(y_true, y_pred, average="binary", zero_division=0.0):
    if average == "binary":
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        if y_true.shape != y_pred.shape or y_true.size == 0:
            raise ValueError("bad input")
        positives = np.sum(y_true == 1)
        return float(np.sum((y_true == 1) & (y_pred == 1)) / positives) if positives else zero_division
    tp, _predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average == "micro":
        return float(tp.sum() / support.sum())
    per_class = np.where(support > 0, tp / np.maximum(support, 1), zero_division)
    return _average(per_class, support, average)


def _right(tp, predicted, support, average, zero_division):
    if average == "micro":
        return float(tp.sum() / support.sum())
    per_class = np.where(support > 0, tp / np.maximum(support, 1), zero_division)
    return _average(per_class, support, average)


@mutant("recall", hint="sum(y_true * y_pred)")
def counts_as_products(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average == "binary":  # right for labels {0, 1} only
        t, p = np.asarray(y_true, float), np.asarray(y_pred, float)
        return float(t @ p / t.sum()) if t.sum() else float(zero_division)
    return _right(tp, predicted, support, average, zero_division)


@mutant("recall", hint="not by the number predicted")
def weighted_by_predicted(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average == "weighted":
        per_class = np.where(support > 0, tp / np.maximum(support, 1), zero_division)
        return _average(per_class, predicted, average)
    return _right(tp, predicted, support, average, zero_division)


@mutant("recall", hint="the positive label is 1")
def positive_is_the_largest_label(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average != "binary":
        return _right(tp, predicted, support, average, zero_division)
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    positive = np.union1d(y_true, y_pred).max()
    true = np.sum(y_true == positive)
    return float(np.sum((y_true == positive) & (y_pred == positive)) / true) if true else zero_division


@mutant("recall")
def zero_division_range_unchecked(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average, zero_division)
    if average == "micro":
        return float(tp.sum() / support.sum()) if support.sum() else float(zero_division)
    return _right(tp, predicted, support, average, zero_division)


@mutant("recall", level=3)
def python_loop(y_true, y_pred, average="binary", zero_division=0.0):
    """Correct, counting one sample at a time in dicts: far slower than numpy at n = 1e6."""
    if not 0.0 <= zero_division <= 1.0:
        raise ValueError("zero_division must lie in [0, 1]")
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError("bad average")
    classes = sorted(set(y_true.tolist()) | set(y_pred.tolist()))
    if average == "binary":
        if len(classes) > 2 or (len(classes) == 2 and 1 not in classes):
            raise ValueError("not binary")
        classes = [1]
    hits, seen = dict.fromkeys(classes, 0), dict.fromkeys(classes, 0)
    for t, p in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        if t in seen:
            seen[t] += 1
            hits[t] += t == p
    if average == "micro":
        total = sum(seen.values())
        return sum(hits.values()) / total if total else float(zero_division)
    per_class = [hits[c] / seen[c] if seen[c] else zero_division for c in classes]
    if average == "weighted":
        return float(np.average(per_class, weights=[seen[c] for c in classes]))
    return sum(per_class) / len(per_class)
