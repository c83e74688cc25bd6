"""Wrong versions of ranking/average_precision."""

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score, dtype=float)
    if y.ndim != 1 or y.shape != s.shape or y.size == 0:
        raise ValueError("bad shapes")
    if not np.all((y == 0) | (y == 1)) or not np.any(y == 1) or not np.all(np.isfinite(s)):
        raise ValueError("bad values")
    return y.astype(float), s


def _grouped(y, s):
    order = np.argsort(-s, kind="stable")
    y, s = y[order], s[order]
    ends = np.flatnonzero(np.append(s[1:] != s[:-1], True))
    found = np.cumsum(y)[ends]
    return found, found / (ends + 1)


@mutant("average_precision", hint="you ranked tied documents in input order")
def ties_broken_by_index(y_true, y_score):
    y, s = _checked(y_true, y_score)
    ranked = y[np.argsort(-s, kind="stable")]
    precision = np.cumsum(ranked) / np.arange(1, y.size + 1)
    return float(np.sum(precision * ranked) / ranked.sum())


@mutant("average_precision", hint="trapezoidal area")
def trapezoidal_area(y_true, y_score):
    y, s = _checked(y_true, y_score)
    found, precision = _grouped(y, s)
    recall = np.concatenate([[0.0], found / y.sum()])
    precision = np.concatenate([[1.0], precision])
    return float(np.sum(np.diff(recall) * (precision[1:] + precision[:-1]) / 2))


@mutant("average_precision", hint="you interpolated it")
def interpolated_precision(y_true, y_score):
    y, s = _checked(y_true, y_score)
    found, precision = _grouped(y, s)
    best = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.diff(found, prepend=0) @ best / y.sum())


@mutant("average_precision", hint="you divided by n")
def divided_by_n(y_true, y_score):
    y, s = _checked(y_true, y_score)
    found, precision = _grouped(y, s)
    return float(np.diff(found, prepend=0) @ precision / y.size)


@mutant("average_precision", hint="rank by decreasing score")
def ascending_scores(y_true, y_score):
    y, s = _checked(y_true, y_score)
    found, precision = _grouped(y, -s)
    return float(np.diff(found, prepend=0) @ precision / y.sum())


@mutant("average_precision", hint="compare them exactly")
def isclose_ties(y_true, y_score):
    y, s = _checked(y_true, y_score)
    order = np.argsort(-s, kind="stable")
    y, s = y[order], s[order]
    ends = np.flatnonzero(np.append(~np.isclose(s[1:], s[:-1]), True))
    found = np.cumsum(y)[ends]
    return float(np.diff(found, prepend=0) @ (found / (ends + 1)) / y.sum())


@mutant("average_precision")
def no_positive_returns_zero(y_true, y_score):
    """As scikit-learn (without its warning): 0 instead of a ValueError."""
    y, s = np.asarray(y_true), np.asarray(y_score, dtype=float)
    if y.ndim != 1 or y.shape != s.shape or y.size == 0:
        raise ValueError("bad shapes")
    if not np.all((y == 0) | (y == 1)) or not np.all(np.isfinite(s)):
        raise ValueError("bad values")
    if not np.any(y == 1):
        return 0.0
    found, precision = _grouped(y.astype(float), s)
    return float(np.diff(found, prepend=0) @ precision / y.sum())


@mutant("average_precision")
def minus_one_labels_accepted(y_true, y_score):
    """Labels -1/1 taken as negative/positive."""
    y = np.asarray(y_true)
    y = np.where(y == -1, 0, y)
    y, s = _checked(y, y_score)
    found, precision = _grouped(y, s)
    return float(np.diff(found, prepend=0) @ precision / y.sum())


@mutant("average_precision")
def sorted_in_place(y_true, y_score):
    """Sorts the caller's scores in place (a read-only input raises)."""
    y, _ = _checked(y_true, y_score)
    s = np.asarray(y_score)
    if s.dtype != float:
        s = s.astype(float)
    order = np.argsort(-s, kind="stable")
    s[:] = s[order]
    y = y[order]
    ends = np.flatnonzero(np.append(s[1:] != s[:-1], True))
    found = np.cumsum(y)[ends]
    return float(np.diff(found, prepend=0) @ (found / (ends + 1)) / y.sum())
