"""Correct, differently written versions of ranking/average_precision."""

import math

import numpy as np


def _inputs(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score)
    if y.ndim != 1 or s.ndim != 1 or y.size == 0 or y.shape != s.shape:
        raise ValueError("y_true and y_score must be non-empty 1-D arrays of one length")
    if y.dtype.kind not in "biuf" or s.dtype.kind not in "biuf":
        raise ValueError("numeric inputs expected")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if not np.any(y == 1):
        raise ValueError("no positive label")
    if not np.all(np.isfinite(s)):
        raise ValueError("scores must be finite")
    return y.astype(bool), s.astype(np.float64)


def variant_threshold_loop(y_true, y_score):
    y, s = _inputs(y_true, y_score)
    pairs = list(zip(s.tolist(), y.tolist(), strict=True))
    n_pos = sum(y.tolist())
    terms, tp, seen, prev_recall = [], 0, 0, 0.0
    for t in sorted(set(s.tolist()), reverse=True):
        group = [lab for sc, lab in pairs if sc == t]
        tp += sum(group)
        seen += len(group)
        recall = tp / n_pos
        terms.append((recall - prev_recall) * (tp / seen))
        prev_recall = recall
    return math.fsum(terms)


def variant_unique_cumsum(y_true, y_score):
    y, s = _inputs(y_true, y_score)
    values, inverse = np.unique(-s, return_inverse=True)  # ascending -s: highest score first
    pos = np.bincount(inverse.reshape(-1), weights=y.astype(float), minlength=values.size)
    cnt = np.bincount(inverse.reshape(-1), minlength=values.size)
    tp, seen = np.cumsum(pos), np.cumsum(cnt)
    return float(np.sum(pos / y.sum() * tp / seen))


def variant_pairwise_precision(y_true, y_score):
    # mean over positives i of #{positives with score >= s_i} / #{all with score >= s_i}
    y, s = _inputs(y_true, y_score)
    ge = s[None, :] >= s[y][:, None]
    return float(np.mean((ge & y[None, :]).sum(axis=1) / ge.sum(axis=1)))
