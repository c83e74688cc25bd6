"""Wrong versions of probability/js_divergence."""

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


def _kl(a, m, log=np.log):
    keep = a > 0
    return float(np.sum(a[keep] * log(a[keep] / m[keep])))


def _js(p, q, log=np.log):
    m = (p + q) / 2
    return 0.5 * _kl(p, m, log) + 0.5 * _kl(q, m, log)


@mutant("js_divergence", hint="*distance*")
def returns_the_distance(p, q):
    p, q = _checked(p, q)
    return float(np.sqrt(max(_js(p / p.sum(), q / q.sum()), 0.0)))


@mutant("js_divergence", hint="normalise both inputs first")
def skips_normalisation(p, q):
    return _js(*_checked(p, q))


@mutant("js_divergence", hint="natural log")
def log_base_two(p, q):
    p, q = _checked(p, q)
    return _js(p / p.sum(), q / q.sum(), log=np.log2)


@mutant("js_divergence", hint="not their sum")
def mixture_without_the_half(p, q):
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    return 0.5 * _kl(p, p + q) + 0.5 * _kl(q, p + q)


@mutant("js_divergence", hint="normalised sum of the raw weights")
def mixture_of_raw_weights(p, q):
    p, q = _checked(p, q)
    m = (p + q) / (p + q).sum()
    return 0.5 * _kl(p / p.sum(), m) + 0.5 * _kl(q / q.sum(), m)


@mutant("js_divergence", hint="0 * ln(0) is nan")
def zero_log_zero_is_nan(p, q):
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    m = (p + q) / 2
    with np.errstate(all="ignore"):
        return float(0.5 * np.sum(p * np.log(p / m)) + 0.5 * np.sum(q * np.log(q / m)))


@mutant("js_divergence", hint="'for safety'")
def epsilon_for_safety(p, q):
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    m = (p + q) / 2 + 1e-10
    return 0.5 * _kl(p, m) + 0.5 * _kl(q, m)


@mutant("js_divergence", hint="you left out Q's")
def one_half_only(p, q):
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    return 0.5 * _kl(p, (p + q) / 2)


@mutant("js_divergence")
def accepts_zero_sums(p, q):
    """Weights summing to 0 divide 0 by 0 into nan instead of raising ValueError."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    if p.ndim != 1 or p.shape != q.shape or p.size == 0 or np.any(p < 0) or np.any(q < 0):
        raise ValueError("bad input")
    with np.errstate(all="ignore"):
        return _js(p / p.sum(), q / q.sum())


@mutant("js_divergence", hint="inside the logs 'for safety'")
def epsilon_inside_every_log(p, q):
    """ln((p + 1e-10) / (m + 1e-10)) "against log(0)": a tiny divergence shrinks by 13%."""
    p, q = _checked(p, q)
    p, q = p / p.sum(), q / q.sum()
    m, eps = (p + q) / 2, 1e-10
    return float(
        0.5 * np.sum(p * np.log((p + eps) / (m + eps))) + 0.5 * np.sum(q * np.log((q + eps) / (m + eps)))
    )


@mutant("js_divergence")
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
        return _js(p / p.sum(), q / q.sum())


@mutant("js_divergence")
def length_one_broadcasts(p, q):
    """Checks each input is 1-D, not that their lengths agree: p = [x] broadcasts against q."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    if p.ndim != 1 or q.ndim != 1 or p.size == 0 or q.size == 0:
        raise ValueError("bad shape")
    p, q = np.broadcast_arrays(p, q)
    return _js(*_checked(p, q))


@mutant("js_divergence", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(p, q):
    # integers widened to float64, float32 kept as given: sums of weights near 3e38 overflow
    _checked(p, q)
    p, q = (np.asarray(x) for x in (p, q))
    p, q = (x if x.dtype.kind == "f" else x.astype(float) for x in (p, q))
    with np.errstate(all="ignore"):
        return _js(p / p.sum(), q / q.sum())
