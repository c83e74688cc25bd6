"""Correct, differently written versions of statistics/welch_t_test."""

import math

import numpy as np
from scipy.special import betainc
from scipy.stats import t


def _samples(a, b):
    out = []
    for s in (a, b):
        x = np.asarray(s)
        if x.ndim != 1 or x.size < 2 or x.dtype.kind not in "biuf":
            raise ValueError("each sample must be 1-D with at least 2 numbers")
        x = x.astype(np.float64)
        if not np.all(np.isfinite(x)):
            raise ValueError("samples must be finite")
        out.append(x)
    return out


def _welch(ma, va, na, mb, vb, nb):
    qa, qb = va / na, vb / nb
    se2 = qa + qb
    if se2 == 0:
        raise ValueError("both samples are constant")
    stat = (ma - mb) / math.sqrt(se2)
    df = se2**2 / (qa**2 / (na - 1) + qb**2 / (nb - 1))
    return stat, df


def variant_fsum_loops(a, b):
    x, y = _samples(a, b)
    moments = []
    for s in (x.tolist(), y.tolist()):
        n = len(s)
        m = math.fsum(s) / n
        moments += [m, math.fsum((v - m) ** 2 for v in s) / (n - 1), n]
    stat, df = _welch(*moments)
    return stat, float(2 * t.sf(abs(stat), df))


def variant_shifted_einsum_cdf(a, b):
    # both samples shifted by one common value (exact for huge offsets); p from t.cdf(-|t|)
    x, y = _samples(a, b)
    shift = x[0]
    x, y = x - shift, y - shift
    moments = []
    for s in (x, y):
        c = s - s.mean()
        moments += [s.mean(), float(np.einsum("i,i->", c, c)) / (s.size - 1), s.size]
    stat, df = _welch(*moments)
    return stat, float(2 * t.cdf(-abs(stat), df))


def variant_incomplete_beta(a, b):
    # two-sided Student-t tail through the regularised incomplete beta function
    x, y = _samples(a, b)
    stat, df = _welch(x.mean(), x.var(ddof=1), x.size, y.mean(), y.var(ddof=1), y.size)
    return stat, float(betainc(df / 2, 0.5, df / (df + stat * stat)))
