"""Wrong versions of metrics/f1."""

import numpy as np

from mlkata.mutants import mutant


def _counts(y_true, y_pred, average, classes=None):
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


def _ratio(num, den, fill):
    return np.where(den > 0, num / np.maximum(den, 1), fill)


@mutant("f1", hint="not the F1 of the averaged precision and recall")
def f1_of_macro_precision_and_recall(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average)
    if average == "micro":
        return float(tp.sum() / support.sum())
    p = _average(_ratio(tp, predicted, zero_division), support, average)
    r = _average(_ratio(tp, support, zero_division), support, average)
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


@mutant("f1", hint="zero_division is only for a class with")
def zero_division_when_precision_or_recall_undefined(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average)
    if average == "micro":
        return float(tp.sum() / support.sum())
    undefined = (predicted == 0) | (support == 0)
    per_class = np.where(undefined, zero_division, 2 * tp / np.maximum(predicted + support, 1))
    return _average(per_class, support, average)


@mutant("f1", hint="harmonic mean")
def arithmetic_mean(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average)
    if average == "micro":
        return float(tp.sum() / support.sum())
    per_class = (_ratio(tp, predicted, zero_division) + _ratio(tp, support, zero_division)) / 2
    return _average(per_class, support, average)


@mutant("f1", hint="micro pools the counts")
def micro_as_macro(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average)
    per_class = _ratio(2 * tp, predicted + support, zero_division)
    return _average(per_class, support, average)


@mutant("f1", hint="needs binary labels")
def binary_accepts_multiclass(y_true, y_pred, average="binary", zero_division=0.0):
    if average == "binary":
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        if y_true.shape != y_pred.shape or y_true.size == 0:
            raise ValueError("bad input")
        tp = np.sum((y_true == 1) & (y_pred == 1))
        denominator = np.sum(y_true == 1) + np.sum(y_pred == 1)
        return float(2 * tp / denominator) if denominator else zero_division
    tp, predicted, support = _counts(y_true, y_pred, average)
    if average == "micro":
        return float(tp.sum() / support.sum())
    return _average(_ratio(2 * tp, predicted + support, zero_division), support, average)


def _right(tp, predicted, support, average, zero_division):
    if average == "micro":
        return float(2 * tp.sum() / (predicted.sum() + support.sum()))
    return _average(_ratio(2 * tp, predicted + support, zero_division), support, average)


@mutant("f1", hint="sum(y_true * y_pred)")
def counts_as_products(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average)
    if average == "binary":  # right for labels {0, 1} only
        t, p = np.asarray(y_true, float), np.asarray(y_pred, float)
        total = t.sum() + p.sum()
        return float(2 * (t @ p) / total) if total else float(zero_division)
    return _right(tp, predicted, support, average, zero_division)


@mutant("f1", hint="not by the number predicted")
def weighted_by_predicted(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average)
    if average == "weighted":
        return _average(_ratio(2 * tp, predicted + support, zero_division), predicted, average)
    return _right(tp, predicted, support, average, zero_division)


@mutant("f1", hint="not for P + R = 0")
def zero_division_when_precision_and_recall_are_zero(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average)
    if average == "micro":
        return _right(tp, predicted, support, average, zero_division)
    p = _ratio(tp, predicted, zero_division)
    r = _ratio(tp, support, zero_division)
    with np.errstate(all="ignore"):
        per_class = np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), zero_division)
    return _average(per_class, support, average)


@mutant("f1", hint="the positive label is 1")
def positive_is_the_largest_label(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average)
    if average != "binary":
        return _right(tp, predicted, support, average, zero_division)
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    positive = np.union1d(y_true, y_pred).max()
    total = np.sum(y_true == positive) + np.sum(y_pred == positive)
    hits = np.sum((y_true == positive) & (y_pred == positive))
    return float(2 * hits / total) if total else zero_division


@mutant("f1")
def zero_division_range_unchecked(y_true, y_pred, average="binary", zero_division=0.0):
    tp, predicted, support = _counts(y_true, y_pred, average)
    return _right(tp, predicted, support, average, zero_division)
