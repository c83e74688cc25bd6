"""Correct, differently written versions of metrics/precision."""

from collections import Counter

import numpy as np


def _checked(y_true, y_pred, average, zero_division):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("the inputs must be 1-D, of one length, not empty")
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError(f"unknown average {average!r}")
    if not 0 <= zero_division <= 1:
        raise ValueError("zero_division must lie in [0, 1]")
    classes = sorted(set(y_true.tolist()) | set(y_pred.tolist()))
    if average == "binary":
        if len(classes) > 2 or (len(classes) == 2 and 1 not in classes):
            raise ValueError("average='binary' needs labels of which one is 1")
        classes = [1]
    return y_true.tolist(), y_pred.tolist(), classes


def _ratio(tp, predicted, true):
    """The numerator and denominator of one class's score."""
    return tp, predicted


def variant_loops(y_true, y_pred, average="binary", zero_division=0.0):
    y_true, y_pred, classes = _checked(y_true, y_pred, average, zero_division)
    parts, support = [], []
    for c in classes:
        tp = sum(1 for t, p in zip(y_true, y_pred, strict=True) if t == c and p == c)
        parts.append(_ratio(tp, y_pred.count(c), y_true.count(c)))
        support.append(y_true.count(c))
    if average == "micro":
        top, bottom = sum(n for n, _ in parts), sum(d for _, d in parts)
        return top / bottom if bottom else float(zero_division)
    scores = [n / d if d else float(zero_division) for n, d in parts]
    if average == "weighted":
        return sum(s * w for s, w in zip(scores, support, strict=True)) / sum(support)
    return sum(scores) / len(scores)


def variant_confusion_matrix(y_true, y_pred, average="binary", zero_division=0.0):
    _checked(y_true, y_pred, average, zero_division)
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    labels = np.union1d(y_true, y_pred)
    k = labels.size
    counts = np.zeros((k, k), dtype=np.int64)
    np.add.at(counts, (np.searchsorted(labels, y_true), np.searchsorted(labels, y_pred)), 1)
    tp, predicted, true = np.diag(counts), counts.sum(axis=0), counts.sum(axis=1)
    if average == "binary":
        keep = labels == 1
        tp, predicted, true = (
            x[keep] if keep.any() else np.zeros(1, np.int64) for x in (tp, predicted, true)
        )
    top, bottom = _ratio(tp, predicted, true)
    if average == "micro":
        return float(top.sum() / bottom.sum()) if bottom.sum() else float(zero_division)
    scores = np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1), zero_division)
    if average == "weighted":
        return float(scores @ true / true.sum())
    return float(scores.mean())


def variant_counters(y_true, y_pred, average="binary", zero_division=0.0):
    y_true, y_pred, classes = _checked(y_true, y_pred, average, zero_division)
    hits = Counter(t for t, p in zip(y_true, y_pred, strict=True) if t == p)
    predicted, true = Counter(y_pred), Counter(y_true)
    parts = {c: _ratio(hits[c], predicted[c], true[c]) for c in classes}
    if average == "micro":
        bottom = sum(d for _, d in parts.values())
        return sum(n for n, _ in parts.values()) / bottom if bottom else float(zero_division)
    scores = [n / d if d else float(zero_division) for n, d in parts.values()]
    weights = [true[c] for c in classes] if average == "weighted" else None
    return float(np.average(scores, weights=weights))
