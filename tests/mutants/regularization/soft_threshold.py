"""Wrong versions of regularization/soft_threshold."""

import numpy as np

from mlkata.mutants import mutant


def _checked(x, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return np.asarray(x, float)


@mutant("soft_threshold", hint="put the sign back")
def sign_lost(x, lam):
    return np.maximum(np.abs(_checked(x, lam)) - lam, 0.0)


@mutant("soft_threshold", hint="must not cross zero")
def no_clipping_at_zero(x, lam):
    x = _checked(x, lam)
    return x - lam * np.sign(x)


@mutant("soft_threshold", hint="HARD thresholding")
def hard_threshold(x, lam):
    x = _checked(x, lam)
    return np.where(np.abs(x) > lam, x, 0.0)


@mutant("soft_threshold", hint="one-sided")
def relu_shift(x, lam):
    return np.maximum(_checked(x, lam) - lam, 0.0)


@mutant("soft_threshold", hint="raise ValueError for lam < 0")
def negative_lam_accepted(x, lam):
    x = np.asarray(x, float)
    return np.sign(x) * np.maximum(np.abs(x) - lam, 0.0)


@mutant("soft_threshold")
def loops_over_a_vector(x, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    if np.ndim(x) == 0:
        return float(np.sign(x) * max(abs(x) - lam, 0.0))
    return np.array([np.sign(v) * max(abs(v) - lam, 0.0) for v in np.ravel(x)])


# From the red team's tries (/work/redteam):


def _rt_prep(x, lam):
    x = np.asarray(x, dtype=np.float64)
    if np.ndim(lam) != 0 or not np.isfinite(lam) or lam < 0:
        raise ValueError(f"lam must be a single finite number >= 0, got {lam!r}")
    if not np.all(np.isfinite(x)):
        raise ValueError("x must be finite")
    return x


def _rt_ret(out):
    return float(out) if np.ndim(out) == 0 else out


@mutant("soft_threshold")
def nan_x_accepted(x, lam):
    # differs on: [nan] -> nan instead of ValueError  (degenerate)
    x = np.asarray(x, dtype=np.float64)
    if np.ndim(lam) != 0 or not np.isfinite(lam) or lam < 0:
        raise ValueError("lam must be >= 0")
    return _rt_ret(np.sign(x) * np.maximum(np.abs(x) - lam, 0.0))


@mutant("soft_threshold")
def nan_lam_accepted(x, lam):
    # `lam < 0` lets nan through. differs on: lam=nan -> nan array instead of ValueError (parameter)
    x = np.asarray(x, dtype=np.float64)
    if lam < 0:
        raise ValueError("lam must be >= 0")
    if not np.all(np.isfinite(x)):
        raise ValueError("x must be finite")
    return _rt_ret(np.sign(x) * np.maximum(np.abs(x) - lam, 0.0))


@mutant("soft_threshold")
def empty_raises(x, lam):
    # differs on: [] -> ValueError instead of an empty array  (degenerate)
    x = _rt_prep(x, lam)
    if x.size == 0:
        raise ValueError("empty input")
    return _rt_ret(np.sign(x) * np.maximum(np.abs(x) - lam, 0.0))


@mutant("soft_threshold")
def shrinks_in_place(x, lam):
    # differs on: a float64 ndarray: the caller's array is overwritten  (contract)
    x = _rt_prep(x, lam)
    s = np.sign(x)
    np.abs(x, out=x)
    x -= lam
    np.maximum(x, 0.0, out=x)
    x *= s
    return _rt_ret(x)


@mutant("soft_threshold")
def int8_abs_wraps(x, lam):
    # keeps the dtype: np.abs(int8(-128)) = -128. differs on: int8 [-128], lam=1 -> -0 instead of
    # -127 (dtype)
    x0 = np.asarray(x)
    _rt_prep(x0, lam)
    return _rt_ret(np.sign(x0) * np.maximum(np.abs(x0) - lam, 0.0))


@mutant("soft_threshold")
def float32_precision(x, lam):
    # differs on: x=[1e8 + 3.0], lam=1e8 -> 0 or 4 instead of 3  (dtype/scale)
    x = np.asarray(x, dtype=np.float32)
    _rt_prep(x, lam)
    out = np.sign(x) * np.maximum(np.abs(x) - np.float32(lam), np.float32(0))
    return float(out) if out.ndim == 0 else out.astype(np.float64)
