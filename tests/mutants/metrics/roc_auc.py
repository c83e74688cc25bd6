"""Wrong versions of metrics/roc_auc."""

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score, float)
    if y.ndim != 1 or y.shape != s.shape or y.size == 0:
        raise ValueError("bad input")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if y.min() == y.max():
        raise ValueError("one class")
    return y, s


@mutant("roc_auc", hint="you counted it as 0")
def ties_count_zero(y_true, y_score):
    y, s = _checked(y_true, y_score)
    return float(np.mean(s[y == 1][:, None] > s[y == 0][None, :]))


@mutant("roc_auc", hint="share the average of their ranks")
def ordinal_ranks(y_true, y_score):
    y, s = _checked(y_true, y_score)
    ranks = np.argsort(np.argsort(s)) + 1
    n_pos = int(y.sum())
    return float((ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * (y.size - n_pos)))


@mutant("roc_auc", hint="reversed")
def lower_score_is_positive(y_true, y_score):
    y, s = _checked(y_true, y_score)
    wins = (s[y == 0][:, None] > s[y == 1][None, :]) + 0.5 * (s[y == 0][:, None] == s[y == 1][None, :])
    return float(np.mean(wins))


@mutant("roc_auc")
def one_class_gives_half(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score, float)
    if y.ndim != 1 or y.shape != s.shape or y.size == 0 or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    if y.min() == y.max():
        return 0.5
    diff = s[y == 1][:, None] - s[y == 0][None, :]
    return float(np.mean((diff > 0) + 0.5 * (diff == 0)))


@mutant("roc_auc")
def positive_means_greater_than_zero(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score, float)
    if y.ndim != 1 or y.shape != s.shape or y.size == 0 or np.any(y > 1):
        raise ValueError("bad input")
    positive = y == 1
    if positive.all() or not positive.any():
        raise ValueError("one class")
    diff = s[positive][:, None] - s[~positive][None, :]
    return float(np.mean((diff > 0) + 0.5 * (diff == 0)))


def _auc(y, s):
    diff = s[y == 1][:, None] - s[y == 0][None, :]
    return float(np.mean((diff > 0) + 0.5 * (diff == 0)))


@mutant("roc_auc")
def nan_score_accepted(y_true, y_score):
    y, s = _checked(y_true, y_score)  # no np.isfinite check: a NaN compares False with everything
    return _auc(y, s)


@mutant("roc_auc", hint="compare them exactly")
def isclose_ties(y_true, y_score):
    y, s = _checked(y_true, y_score)
    if not np.all(np.isfinite(s)):
        raise ValueError("scores must be finite")
    positive, negative = s[y == 1][:, None], s[y == 0][None, :]
    tie = np.isclose(positive, negative)
    return float(np.mean(np.where(tie, 0.5, positive > negative)))


@mutant("roc_auc", hint="compare them exactly")
def float32_scores(y_true, y_score):
    y, s = _checked(y_true, y_score)
    if not np.all(np.isfinite(s)):
        raise ValueError("scores must be finite")
    return _auc(y, s.astype(np.float32))


@mutant("roc_auc", level=3)
def python_loop(y_true, y_score):
    """Correct: sorts and walks the tie groups in Python (far slower than numpy at n = 1e6)."""
    y, s = _checked(y_true, y_score)
    if not np.all(np.isfinite(s)):
        raise ValueError("scores must be finite")
    scores, labels = s.tolist(), y.tolist()
    order = sorted(range(len(scores)), key=scores.__getitem__)
    rank_sum, start = 0.0, 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        average = (start + end) / 2 + 1
        for i in order[start : end + 1]:
            rank_sum += average * labels[i]
        start = end + 1
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
