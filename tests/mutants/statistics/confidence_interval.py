"""Wrong versions of statistics/confidence_interval."""

from statistics import NormalDist

import numpy as np
from scipy.stats import t

from mlkata.mutants import mutant


def _checked(sample, confidence):
    x = np.asarray(sample, float)
    if x.ndim != 1 or x.size < 2 or not 0 < confidence < 1:
        raise ValueError("bad input")
    return x


@mutant("confidence_interval", hint="not the normal one")
def normal_quantile(sample, confidence=0.95):
    x = _checked(sample, confidence)
    half = NormalDist().inv_cdf((1 + confidence) / 2) * x.std(ddof=1) / np.sqrt(x.size)
    return float(x.mean() - half), float(x.mean() + half)


@mutant("confidence_interval", hint="ddof=1")
def population_std(sample, confidence=0.95):
    x = _checked(sample, confidence)
    half = t.ppf((1 + confidence) / 2, x.size - 1) * x.std() / np.sqrt(x.size)
    return float(x.mean() - half), float(x.mean() + half)


@mutant("confidence_interval", hint="two-sided")
def one_sided_quantile(sample, confidence=0.95):
    x = _checked(sample, confidence)
    half = t.ppf(confidence, x.size - 1) * x.std(ddof=1) / np.sqrt(x.size)
    return float(x.mean() - half), float(x.mean() + half)


@mutant("confidence_interval", hint="not n")
def n_degrees_of_freedom(sample, confidence=0.95):
    x = _checked(sample, confidence)
    half = t.ppf((1 + confidence) / 2, x.size) * x.std(ddof=1) / np.sqrt(x.size)
    return float(x.mean() - half), float(x.mean() + half)


@mutant("confidence_interval", hint="not a percentage")
def confidence_not_checked(sample, confidence=0.95):
    x = np.asarray(sample, float)
    if x.ndim != 1 or x.size < 2:
        raise ValueError("bad sample")
    half = t.ppf((1 + confidence) / 2, x.size - 1) * x.std(ddof=1) / np.sqrt(x.size)
    return float(x.mean() - half), float(x.mean() + half)


@mutant("confidence_interval", hint="cancels catastrophically")
def variance_from_raw_moments(sample, confidence=0.95):
    # also from the red team (variance_by_moments)
    x = np.asarray(sample, float)
    if x.ndim != 1 or x.size < 2 or not 0 < confidence < 1:
        raise ValueError("bad input")
    n = x.size
    sd = np.sqrt(max(0.0, (np.sum(x * x) - n * x.mean() ** 2) / (n - 1)))
    q = t.ppf((1 + confidence) / 2, n - 1)
    return x.mean() - q * sd / np.sqrt(n), x.mean() + q * sd / np.sqrt(n)


@mutant("confidence_interval")
def squares_in_the_input_dtype(sample, confidence=0.95):
    x = np.asarray(sample)
    if x.ndim != 1 or x.size < 2 or not 0 < confidence < 1:
        raise ValueError("bad input")
    n = x.size
    mean = x.sum() / n
    sd = np.sqrt(max(0.0, float(np.sum((x - mean) ** 2)) / (n - 1)))
    wrapped = np.sqrt(abs(float(np.sum(x * x)) - n * mean**2) / (n - 1)) if x.dtype == np.uint8 else sd
    q = t.ppf((1 + confidence) / 2, n - 1)
    return mean - q * wrapped / np.sqrt(n), mean + q * wrapped / np.sqrt(n)


@mutant("confidence_interval", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(sample, confidence=0.95):
    # integers widened to float64, float32 kept as given: its sum overflows near 3.4e38
    x = np.asarray(sample)
    x = x if x.dtype.kind == "f" else x.astype(float)
    _checked(x, confidence)
    half = t.ppf((1 + confidence) / 2, x.size - 1) * x.std(ddof=1) / np.sqrt(x.size)
    return float(x.mean() - half), float(x.mean() + half)


@mutant("confidence_interval", level=3)
def python_loops(sample, confidence=0.95):
    values = _checked(sample, confidence).tolist()
    n = len(values)
    mean = 0.0
    for v in values:
        mean += v
    mean /= n
    squares = 0.0
    for v in values:
        squares += (v - mean) ** 2
    half = t.ppf((1 + confidence) / 2, n - 1) * (squares / (n - 1)) ** 0.5 / n**0.5
    return float(mean - half), float(mean + half)
