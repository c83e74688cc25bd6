"""Wrong versions of metrics/r2_score."""

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size < 2:
        raise ValueError("bad input")
    return y_true, y_pred


def _finish(residual, total):
    if total == 0:
        return 1.0 if residual == 0 else 0.0
    return float(1 - residual / total)


@mutant("r2_score", hint="swapped y_true and y_pred")
def swapped_arguments(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    return _finish(np.sum((y_true - y_pred) ** 2), np.sum((y_pred - y_pred.mean()) ** 2))


@mutant("r2_score", hint="squared correlation")
def squared_correlation(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    if np.ptp(y_true) == 0 or np.ptp(y_pred) == 0:
        return 1.0 if np.all(y_true == y_pred) else 0.0
    return float(np.corrcoef(y_true, y_pred)[0, 1] ** 2)


@mutant("r2_score", hint="mixed a mean and a sum")
def mean_over_sum(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    return _finish(np.mean((y_true - y_pred) ** 2), np.sum((y_true - y_true.mean()) ** 2))


@mutant("r2_score")
def no_constant_case(y_true, y_pred):
    y_true, y_pred = _checked(y_true, y_pred)
    with np.errstate(all="ignore"):
        return float(1 - np.sum((y_true - y_pred) ** 2) / np.sum((y_true - y_true.mean()) ** 2))


@mutant("r2_score")
def accepts_one_sample(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    return _finish(np.sum((y_true - y_pred) ** 2), np.sum((y_true - y_true.mean()) ** 2))


def _sums(y_true, y_pred, dtype=float):
    y_true, y_pred = np.asarray(y_true, dtype=dtype), np.asarray(y_pred, dtype=dtype)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size < 2:
        raise ValueError("bad input")
    return y_true, y_pred


def _finish(residual, total):
    if total == 0:
        return 1.0 if residual == 0 else 0.0
    return float(1 - residual / total)


@mutant("r2_score", hint="cancels catastrophically")
def total_by_moments(y_true, y_pred):
    y_true, y_pred = _sums(y_true, y_pred)
    total = y_true.size * (np.mean(y_true**2) - np.mean(y_true) ** 2)
    return _finish(np.sum((y_true - y_pred) ** 2), total)


@mutant("r2_score", hint="wraps around")
def no_float_cast(y_true, y_pred):
    y_true, y_pred = _sums(y_true, y_pred, dtype=None)
    return _finish(np.sum((y_true - y_pred) ** 2), np.sum((y_true - y_true.mean()) ** 2))


@mutant("r2_score", hint="wrote into an input array")
def centres_y_true_in_place(y_true, y_pred):
    y_true, y_pred = _sums(y_true, y_pred)
    residual = np.sum((y_true - y_pred) ** 2)
    y_true -= y_true.mean()  # np.asarray did not copy a float64 array: this is the caller's
    return _finish(residual, np.sum(y_true**2))


@mutant("r2_score")
def isclose_finds_constant_targets(y_true, y_pred):
    y_true, y_pred = _sums(y_true, y_pred)
    residual, total = np.sum((y_true - y_pred) ** 2), np.sum((y_true - y_true.mean()) ** 2)
    if np.isclose(total, 0.0):
        return 1.0 if np.isclose(residual, 0.0) else 0.0
    return float(1 - residual / total)


@mutant("r2_score", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(y_true, y_pred):
    """Converts integer inputs only: float32 values near 3e38 overflow when squared."""
    _checked(y_true, y_pred)
    y, p = np.asarray(y_true), np.asarray(y_pred)
    y = y if y.dtype.kind == "f" else y.astype(float)
    p = p if p.dtype.kind == "f" else p.astype(float)
    with np.errstate(all="ignore"):
        return _finish(np.sum((y - p) ** 2), np.sum((y - y.mean()) ** 2))
