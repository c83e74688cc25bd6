"""Wrong versions of statistics/chi_squared_test."""

import numpy as np
from scipy.stats import chi2

from mlkata.mutants import mutant


def _checked(observed, expected, check_total=True):
    o = np.asarray(observed, float)
    if o.ndim != 1 or o.size == 0 or np.any(o < 0):
        raise ValueError("bad observed")
    e = np.full_like(o, o.mean()) if expected is None else np.asarray(expected, float)
    if e.shape != o.shape or np.any(e <= 0):
        raise ValueError("bad expected")
    if check_total and not np.isclose(o.sum(), e.sum(), rtol=1e-8, atol=0):
        raise ValueError("totals differ")
    return o, e


def _dof(k, ddof):
    if k - 1 - ddof < 1:
        raise ValueError("no degrees of freedom")
    return k - 1 - ddof


@mutant("chi_squared_test", hint="1 - chi2.cdf")
def one_minus_cdf(observed, expected=None, ddof=0):
    o, e = _checked(observed, expected)
    statistic = float(np.sum((o - e) ** 2 / e))
    return statistic, float(1 - chi2.cdf(statistic, _dof(o.size, ddof)))


@mutant("chi_squared_test", hint="you used k - ddof")
def forgot_the_minus_one(observed, expected=None, ddof=0):
    o, e = _checked(observed, expected)
    statistic = float(np.sum((o - e) ** 2 / e))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof) + 1))


@mutant("chi_squared_test", hint="you left out ddof")
def ignores_ddof(observed, expected=None, ddof=0):
    o, e = _checked(observed, expected)
    statistic = float(np.sum((o - e) ** 2 / e))
    _dof(o.size, ddof)
    return statistic, float(chi2.sf(statistic, o.size - 1))


@mutant("chi_squared_test", hint="not the observed count")
def divides_by_observed(observed, expected=None, ddof=0):
    o, e = _checked(observed, expected)
    with np.errstate(divide="ignore"):
        statistic = float(np.sum((o - e) ** 2 / o))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof)))


@mutant("chi_squared_test", hint="same total as observed")
def totals_not_checked(observed, expected=None, ddof=0):
    o, e = _checked(observed, expected, check_total=False)
    statistic = float(np.sum((o - e) ** 2 / e))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof)))


@mutant("chi_squared_test", hint="wrapped around")
def subtracts_in_the_input_dtype(observed, expected=None, ddof=0):
    o = np.asarray(observed)
    if o.ndim != 1 or o.size == 0 or np.any(o < 0):
        raise ValueError("bad observed")
    e = np.full(o.shape, o.mean()) if expected is None else np.asarray(expected)
    if e.shape != o.shape or np.any(e <= 0) or not np.isclose(o.sum(), e.sum(), rtol=1e-8, atol=0):
        raise ValueError("bad expected")
    statistic = float(np.sum((o - e) ** 2 / e))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof)))


@mutant("chi_squared_test", hint="total // k truncates")
def integer_mean_count(observed, expected=None, ddof=0):
    o = np.asarray(observed)
    if expected is not None:
        return _plain(observed, expected, ddof)
    if o.ndim != 1 or o.size == 0 or np.any(o < 0):
        raise ValueError("bad observed")
    e = np.full(o.shape, o.sum() // o.size, dtype=o.dtype)
    if np.any(e <= 0):
        raise ValueError("bad expected")
    statistic = float(np.sum((o - e) ** 2 / e))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof)))


@mutant("chi_squared_test", hint="'for safety'")
def epsilon_for_safety(observed, expected=None, ddof=0):
    o, e = _checked(observed, expected)
    statistic = float(np.sum((o - e) ** 2 / (e + 1e-10)))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof)))


@mutant("chi_squared_test", hint="read-only")
def subtracts_in_place(observed, expected=None, ddof=0):
    o, e = _checked(observed, expected)
    if isinstance(observed, np.ndarray) and observed.dtype == np.float64:
        o = observed  # np.asarray(observed, float) returns the caller's own array
    o -= e
    statistic = float(np.sum(o**2 / e))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof)))


def _plain(observed, expected, ddof):
    o, e = _checked(observed, expected)
    statistic = float(np.sum((o - e) ** 2 / e))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof)))


@mutant("chi_squared_test", hint="cancels catastrophically")
def shortcut_formula(observed, expected=None, ddof=0):
    o, e = _checked(observed, expected)
    statistic = float(max(0.0, np.sum(o * o / e) - np.sum(o)))
    return statistic, float(chi2.sf(statistic, _dof(o.size, ddof)))
