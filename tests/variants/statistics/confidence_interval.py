"""Correct, differently written versions of statistics/confidence_interval (after the red team's)."""

import math
import statistics

import numpy as np
from scipy.stats import t


def _inputs(sample, confidence):
    x = np.asarray(sample, dtype=np.float64)
    if x.ndim != 1 or x.size < 2:
        raise ValueError("sample must be 1-D with at least 2 values")
    if not 0 < confidence < 1:
        raise ValueError("confidence must lie strictly between 0 and 1")
    return x


def _interval(mean, sd, n, confidence):
    h = t.ppf((1 + confidence) / 2, df=n - 1) * sd / math.sqrt(n)
    return float(mean - h), float(mean + h)


def variant_stdlib(sample, confidence=0.95):
    values = _inputs(sample, confidence).tolist()
    return _interval(math.fsum(values) / len(values), statistics.stdev(values), len(values), confidence)


def variant_lower_tail(sample, confidence=0.95):
    x = _inputs(sample, confidence)
    n = x.size
    sem = math.sqrt(np.sum((x - x.mean()) ** 2) / (n - 1) / n)
    q = -t.ppf((1 - confidence) / 2, df=n - 1)
    return float(x.mean() - q * sem), float(x.mean() + q * sem)


def variant_shifted(sample, confidence=0.95):
    x = _inputs(sample, confidence)
    k = x[0]
    y = x - k
    m = y.mean()
    sd = math.sqrt(float((y - m) @ (y - m)) / (y.size - 1))
    low, high = _interval(m, sd, y.size, confidence)
    return low + float(k), high + float(k)
