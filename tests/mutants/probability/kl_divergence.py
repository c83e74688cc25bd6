"""Wrong versions of probability/kl_divergence."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    if p.ndim != 1 or p.shape != q.shape or p.size == 0:
        raise ValueError("bad shape")
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(q))) or np.any(p < 0) or np.any(q < 0):
        raise ValueError("bad weights")
    if p.sum() == 0 or q.sum() == 0:
        raise ValueError("sums to 0")
    if not (np.isfinite(p.sum()) and np.isfinite(q.sum())):
        raise ValueError("a sum overflows")
    return p, q


def _kl(p, q):
    keep = p > 0
    with np.errstate(divide="ignore"):
        return float(np.sum(p[keep] * np.log(p[keep] / q[keep])))


@mutant("kl_divergence", hint="normalise both inputs first")
def skips_normalisation(p, q):
    return _kl(*_checked(p, q))


@mutant("kl_divergence", hint="natural log")
def log_base_two(p, q):
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    keep = p > 0
    with np.errstate(divide="ignore"):
        return float(np.sum(p[keep] * np.log2(p[keep] / q[keep])))


@mutant("kl_divergence", hint="'for safety'")
def epsilon_for_safety(p, q):
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    keep = p > 0
    return float(np.sum(p[keep] * np.log(p[keep] / (q[keep] + 1e-10))))


@mutant("kl_divergence", hint="KL(Q || P)")
def arguments_swapped(p, q):
    p, q = _checked(p, q)
    return _kl(q / q.sum(), p / p.sum())


@mutant("kl_divergence", hint="do not drop those terms")
def drops_impossible_outcomes(p, q):
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    keep = (p > 0) & (q > 0)
    return float(np.sum(p[keep] * np.log(p[keep] / q[keep])))


@mutant("kl_divergence", hint="0 * ln(0) is nan")
def zero_log_zero_is_nan(p, q):
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    with np.errstate(all="ignore"):
        return float(np.sum(p * np.log(p / q)))


@mutant("kl_divergence", hint="cross-entropy")
def cross_entropy(p, q):
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    keep = p > 0
    with np.errstate(divide="ignore"):
        return float(-np.sum(p[keep] * np.log(q[keep])))


@mutant("kl_divergence", hint="read-only")
def normalises_in_place(p, q):
    """np.asarray returns the caller's float64 array, and /= writes into it."""
    _checked(p, q)
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    p /= p.sum()
    q /= q.sum()
    return _kl(p, q)


@mutant("kl_divergence")
def accepts_negative_weights(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    if p.ndim != 1 or p.shape != q.shape or p.size == 0 or p.sum() == 0 or q.sum() == 0:
        raise ValueError("bad input")
    return _kl(p / p.sum(), q / q.sum())


@mutant("kl_divergence")
def tiny_epsilon_in_q(p, q):
    """Keeps the inf rule but adds 1e-12 to q "against log(0)": a tiny divergence drops by 12%."""
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    keep = p > 0
    if np.any(q[keep] == 0):
        return float("inf")
    return float(np.sum(p[keep] * np.log(p[keep] / (q[keep] + 1e-12))))


@mutant("kl_divergence")
def overflowing_sum_accepted(p, q):
    """Only sum == 0 is refused: weights of 1e308 sum to inf and normalise to nan and 0."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    if p.ndim != 1 or p.shape != q.shape or p.size == 0:
        raise ValueError("bad shape")
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(q))) or np.any(p < 0) or np.any(q < 0):
        raise ValueError("bad weights")
    if p.sum() == 0 or q.sum() == 0:
        raise ValueError("sums to 0")
    with np.errstate(all="ignore"):
        return _kl(p / p.sum(), q / q.sum())


@mutant("kl_divergence")
def length_one_broadcasts(p, q):
    """Checks each input is 1-D, not that their lengths agree: p = [x] broadcasts against q."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    if p.ndim != 1 or q.ndim != 1 or p.size == 0 or q.size == 0:
        raise ValueError("bad shape")
    p, q = np.broadcast_arrays(p, q)
    p, q = _checked(p, q)
    return _kl(p / p.sum(), q / q.sum())


@mutant("kl_divergence", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(p, q):
    # integers widened to float64, float32 kept as given: sums of weights near 3e38 overflow
    _checked(p, q)
    p, q = (np.asarray(x) for x in (p, q))
    p, q = (x if x.dtype.kind == "f" else x.astype(float) for x in (p, q))
    with np.errstate(all="ignore"):
        return _kl(p / p.sum(), q / q.sum())


@mutant("kl_divergence", level=3)
def python_loop(p, q):
    p, q = _checked(p, q)
    p_total, q_total = float(p.sum()), float(q.sum())
    divergence = 0.0
    for a, b in zip(p.tolist(), q.tolist(), strict=True):
        if a > 0:
            if b == 0:
                return float("inf")
            divergence += a * math.log(a / b)
    return max(divergence / p_total + math.log(q_total / p_total), 0.0)
