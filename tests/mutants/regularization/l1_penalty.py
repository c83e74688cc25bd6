"""Wrong versions of regularization/l1_penalty."""

import numpy as np

from mlkata.mutants import mutant


def _checked(w, alpha):
    w = np.asarray(w, float)
    if w.size == 0 or alpha < 0:
        raise ValueError("bad input")
    return w


@mutant("l1_penalty", hint="absolute value")
def no_absolute_value(w, alpha):
    return float(alpha * np.sum(_checked(w, alpha)))


@mutant("l1_penalty", hint="not a mean")
def mean_not_sum(w, alpha):
    return float(alpha * np.mean(np.abs(_checked(w, alpha))))


@mutant("l1_penalty", hint="Euclidean length")
def euclidean_norm(w, alpha):
    return float(alpha * np.linalg.norm(_checked(w, alpha)))


@mutant("l1_penalty")
def negative_alpha_accepted(w, alpha):
    w = np.asarray(w, float)
    if w.size == 0:
        raise ValueError("empty")
    return float(alpha * np.sum(np.abs(w)))


@mutant("l1_penalty")
def empty_is_zero(w, alpha):
    if alpha < 0:
        raise ValueError("alpha must be >= 0")
    return float(alpha * np.sum(np.abs(np.asarray(w, float))))


# From the red team's tries (/work/redteam):


def _rt_check_w(w):
    if w.size == 0:
        raise ValueError("empty input: w has no weights")
    if not np.all(np.isfinite(w)):
        raise ValueError("w must be finite")


def _rt_check_alpha(alpha):
    if np.ndim(alpha) != 0 or not np.isfinite(alpha) or alpha < 0:
        raise ValueError(f"alpha must be a single finite number >= 0, got {alpha!r}")


@mutant("l1_penalty")
def matrix_one_norm(w, alpha):
    # np.linalg.norm(w, 1): the max column sum for a matrix: 6a instead of 10a on [[1, 2], [3, 4]]
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    return float(alpha * np.linalg.norm(w, 1))


@mutant("l1_penalty")
def nan_weights_accepted(w, alpha):
    # differs on: [nan, 1] -> nan instead of ValueError  (degenerate)
    w = np.asarray(w, dtype=np.float64)
    if w.size == 0:
        raise ValueError("empty input")
    _rt_check_alpha(alpha)
    return float(alpha * np.sum(np.abs(w)))


@mutant("l1_penalty")
def only_nan_rejected(w, alpha):
    # np.isnan check lets inf through. differs on: [inf] -> inf instead of ValueError  (degenerate)
    w = np.asarray(w, dtype=np.float64)
    if w.size == 0 or np.any(np.isnan(w)):
        raise ValueError("w must be non-empty and not nan")
    _rt_check_alpha(alpha)
    return float(alpha * np.sum(np.abs(w)))


@mutant("l1_penalty")
def nan_alpha_accepted(w, alpha):
    # `alpha < 0` lets nan through. differs on: alpha=nan -> nan instead of ValueError  (parameter)
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    if alpha < 0:
        raise ValueError("alpha must be >= 0")
    return float(alpha * np.sum(np.abs(w)))


@mutant("l1_penalty")
def int8_abs_wraps(w, alpha):
    # keeps the input dtype: np.abs(int8(-128)) is -128
    w = np.asarray(w)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    return float(alpha * np.sum(np.abs(w)))


@mutant("l1_penalty")
def alpha_array_typeerror(w, alpha):
    # no scalar check: alpha=[.1, .2] broadcasts, float() raises TypeError
    # differs on: alpha=[0.1, 0.2] -> TypeError instead of ValueError  (parameter)
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    if np.any(np.asarray(alpha) < 0) or not np.all(np.isfinite(alpha)):
        raise ValueError("alpha must be >= 0")
    return float(np.asarray(alpha) * np.sum(np.abs(w)))


def _strict(w, alpha):
    """The solution's checks: non-empty finite weights, a single finite alpha >= 0."""
    w = np.asarray(w, dtype=np.float64)
    if w.size == 0 or not np.all(np.isfinite(w)):
        raise ValueError("w must be non-empty and finite")
    if np.ndim(alpha) != 0 or not np.isfinite(alpha) or alpha < 0:
        raise ValueError("alpha must be a single finite number >= 0")
    return w


@mutant("l1_penalty", hint="np.sqrt(w**2) overflows", level=2)
def absolute_value_as_root_of_square(w, alpha):
    """|w| = sqrt(w^2): exact in between, inf above 1e154 and 0 below 1e-162."""
    w = _strict(w, alpha)
    return float(alpha * np.sum(np.sqrt(w**2)))


@mutant("l1_penalty", level=3)
def python_loop(w, alpha):
    """Correct, one weight at a time in Python."""
    w = _strict(w, alpha)
    total = 0.0
    for v in w.reshape(-1).tolist():
        total += abs(v)
    return float(alpha * total)
