"""Wrong versions of regularization/l2_penalty."""

import numpy as np

from mlkata.mutants import mutant


def _checked(w, alpha):
    w = np.asarray(w, float)
    if w.size == 0 or alpha < 0:
        raise ValueError("bad input")
    return w


@mutant("l2_penalty", hint="SQUARED norm")
def norm_not_squared(w, alpha):
    return float(alpha * np.linalg.norm(_checked(w, alpha)))


@mutant("l2_penalty", hint="no factor 1/2")
def half_alpha(w, alpha):
    return float(0.5 * alpha * np.sum(_checked(w, alpha) ** 2))


@mutant("l2_penalty", hint="not a mean")
def mean_not_sum(w, alpha):
    return float(alpha * np.mean(_checked(w, alpha) ** 2))


@mutant("l2_penalty", hint="you squared the sum")
def square_of_the_sum(w, alpha):
    return float(alpha * np.sum(_checked(w, alpha)) ** 2)


@mutant("l2_penalty", hint="raise ValueError for alpha < 0")
def negative_alpha_accepted(w, alpha):
    w = np.asarray(w, float)
    if w.size == 0:
        raise ValueError("empty")
    return float(alpha * np.sum(w**2))


# From the red team's tries (/work/redteam):


def _rt_check_w(w):
    if w.size == 0:
        raise ValueError("empty input: w has no weights")
    if not np.all(np.isfinite(w)):
        raise ValueError("w must be finite")


def _rt_check_alpha(alpha):
    if np.ndim(alpha) != 0 or not np.isfinite(alpha) or alpha < 0:
        raise ValueError(f"alpha must be a single finite number >= 0, got {alpha!r}")


@mutant("l2_penalty")
def spectral_norm_squared(w, alpha):
    # np.linalg.norm(w, 2) ** 2: the spectral norm for a matrix. differs on: [[1, 2], [3, 4]]
    # (shape)
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    if w.ndim == 2:  # "the 2-norm of a weight matrix"
        return float(alpha * np.linalg.norm(w, 2) ** 2)
    return float(alpha * np.sum(w * w))


@mutant("l2_penalty")
def int8_square_wraps(w, alpha):
    # keeps the input dtype: int8 16**2 wraps to 0. differs on: int8 [16] -> 0 instead of 256a
    # (dtype)
    w = np.asarray(w)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    return float(alpha * np.sum(w**2))


@mutant("l2_penalty")
def int64_dot_overflows(w, alpha):
    # np.dot on an int64 array overflows. differs on: int64 [2**32] -> 0  (dtype/scale)
    w = np.asarray(w)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    return float(alpha * np.dot(w.ravel(), w.ravel()))


@mutant("l2_penalty")
def nan_weights_accepted(w, alpha):
    # differs on: [nan] -> nan instead of ValueError  (degenerate)
    w = np.asarray(w, dtype=np.float64)
    if w.size == 0:
        raise ValueError("empty input")
    _rt_check_alpha(alpha)
    return float(alpha * np.sum(w * w))


@mutant("l2_penalty")
def nan_alpha_accepted(w, alpha):
    # differs on: alpha=nan -> nan instead of ValueError  (parameter)
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    if alpha < 0:
        raise ValueError("alpha must be >= 0")
    return float(alpha * np.sum(w * w))


@mutant("l2_penalty")
def inf_alpha_accepted(w, alpha):
    # checks alpha >= 0 only. differs on: alpha=inf -> inf instead of ValueError  (parameter)
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    if np.ndim(alpha) != 0 or not alpha >= 0:
        raise ValueError("alpha must be >= 0")
    return float(alpha * np.sum(w * w))


@mutant("l2_penalty", level=3)
def python_loop(w, alpha):
    """Correct, one weight at a time in Python."""
    w = np.asarray(w, dtype=np.float64)
    _rt_check_w(w)
    _rt_check_alpha(alpha)
    total = 0.0
    for v in w.reshape(-1).tolist():
        total += v * v
    return float(alpha * total)
