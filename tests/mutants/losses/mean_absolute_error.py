"""Wrong versions of losses/mean_absolute_error."""

import numpy as np

from mlkata.mutants import mutant


@mutant("mean_absolute_error", hint="take np.abs first")
def signed_errors(y_true, y_pred):
    return float(np.mean(np.asarray(y_true, float) - np.asarray(y_pred, float)))


@mutant("mean_absolute_error", hint="divide by n")
def sum_not_mean(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.shape != y_pred.shape or y_true.size == 0 or y_true.ndim != 1:
        raise ValueError("bad input")
    return float(np.sum(np.abs(y_true - y_pred)))


@mutant("mean_absolute_error", hint="median")
def median_not_mean(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.shape != y_pred.shape or y_true.size == 0 or y_true.ndim != 1:
        raise ValueError("bad input")
    return float(np.median(np.abs(y_true - y_pred)))


@mutant("mean_absolute_error", hint="ValueError")
def no_length_check(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    n = min(len(y_true), len(y_pred))
    return float(np.mean(np.abs(y_true[:n] - y_pred[:n]))) if n else 0.0
