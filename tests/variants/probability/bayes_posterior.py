"""Correct, differently written versions of probability/bayes_posterior (the red team's)."""

import math
from fractions import Fraction

import numpy as np


def _rt_inputs(prior, likelihood, check_finite=True, check_sum="tol", check_neg=True, lik_max_one=False):
    p = np.asarray(prior, dtype=np.float64)
    lik = np.asarray(likelihood, dtype=np.float64)
    if p.ndim != 1 or lik.ndim != 1:
        raise ValueError("1-D expected")
    if p.shape != lik.shape:
        raise ValueError("length mismatch")
    if p.size == 0:
        raise ValueError("empty")
    if check_finite and not (np.isfinite(p).all() and np.isfinite(lik).all()):
        raise ValueError("not finite")
    if check_neg and (np.any(p < 0) or np.any(lik < 0)):
        raise ValueError("negative")
    if lik_max_one and np.any(lik > 1):
        raise ValueError("likelihood must be a probability")
    if check_sum == "tol" and abs(p.sum() - 1.0) > 1e-6:
        raise ValueError("prior must sum to 1")
    if check_sum == "exact" and p.sum() != 1.0:
        raise ValueError("prior must sum to 1")
    if check_sum == "isclose" and not np.isclose(p.sum(), 1.0):
        raise ValueError("prior must sum to 1")
    return p, lik


def _rt_post(p, lik):
    joint = p * lik
    ev = joint.sum()
    if ev == 0:
        raise ValueError("evidence is 0")
    return joint / ev


def variant_bp_log_space(prior, likelihood):
    p, lik = _rt_inputs(prior, likelihood)
    with np.errstate(divide="ignore"):
        logj = np.log(p) + np.log(lik)
    if np.all(np.isneginf(logj)):
        raise ValueError("evidence is 0")
    m = logj.max()
    return np.exp(logj - (m + np.log(np.exp(logj - m).sum())))


def variant_bp_fractions(prior, likelihood):
    p, lik = _rt_inputs(prior, likelihood)
    joint = [Fraction(a) * Fraction(b) for a, b in zip(p.tolist(), lik.tolist(), strict=True)]
    ev = sum(joint)
    if ev == 0:
        raise ValueError("evidence is 0")
    return np.array([float(j / ev) for j in joint])


def variant_bp_fsum(prior, likelihood):
    p, lik = _rt_inputs(prior, likelihood)
    joint = [a * b for a, b in zip(p.tolist(), lik.tolist(), strict=True)]
    ev = math.fsum(joint)
    if ev == 0:
        raise ValueError("evidence is 0")
    return np.array(joint) / ev
