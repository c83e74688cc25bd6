"""Correct, differently written versions of metrics/roc_auc."""

import numpy as np


def _checked(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score, dtype=float)
    if y.ndim != 1 or y.shape != s.shape or y.size == 0:
        raise ValueError("the inputs must be 1-D, of one length, not empty")
    if not np.all((y == 0) | (y == 1)) or not np.all(np.isfinite(s)):
        raise ValueError("labels must be 0 or 1 and scores finite")
    positive = y == 1
    if positive.all() or not positive.any():
        raise ValueError("both classes must occur")
    return positive, s


def variant_pairs(y_true, y_score):
    positive, s = _checked(y_true, y_score)
    wins, negatives = s[positive][:, None], s[~positive][None, :]
    return (np.count_nonzero(wins > negatives) + 0.5 * np.count_nonzero(wins == negatives)) / (
        wins.size * negatives.size
    )


def variant_trapezoid(y_true, y_score):
    positive, s = _checked(y_true, y_score)
    thresholds = np.unique(s)[::-1]
    tpr = np.concatenate([[0.0], [np.sum(positive & (s >= t)) for t in thresholds]]) / positive.sum()
    fpr = np.concatenate([[0.0], [np.sum(~positive & (s >= t)) for t in thresholds]]) / (~positive).sum()
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))


def variant_searchsorted(y_true, y_score):
    positive, s = _checked(y_true, y_score)
    negatives = np.sort(s[~positive])
    below = np.searchsorted(negatives, s[positive], side="left")
    up_to = np.searchsorted(negatives, s[positive], side="right")
    return float((below.sum() + 0.5 * (up_to - below).sum()) / (positive.sum() * negatives.size))
