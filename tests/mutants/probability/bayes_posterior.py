"""Wrong versions of probability/bayes_posterior."""

import numpy as np

from mlkata.mutants import mutant


def _checked(prior, likelihood):
    p, q = np.asarray(prior, float), np.asarray(likelihood, float)
    if p.ndim != 1 or p.shape != q.shape or p.size == 0:
        raise ValueError("bad shapes")
    if np.any(p < 0) or np.any(q < 0) or abs(p.sum() - 1) > 1e-6:
        raise ValueError("bad values")
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(q))):
        raise ValueError("not finite")
    if (p * q).sum() == 0:
        raise ValueError("evidence is 0")
    return p, q


@mutant("bayes_posterior", hint="divide by the evidence")
def joint_not_normalised(prior, likelihood):
    p, q = _checked(prior, likelihood)
    return p * q


@mutant("bayes_posterior", hint="not sum(likelihood)")
def evidence_from_likelihood_only(prior, likelihood):
    p, q = _checked(prior, likelihood)
    return p * q / q.sum()


@mutant("bayes_posterior", hint="ignored the prior")
def ignores_the_prior(prior, likelihood):
    _, q = _checked(prior, likelihood)
    return q / q.sum()


@mutant("bayes_posterior")
def prior_sum_compared_exactly(prior, likelihood):
    p, q = _checked(prior, likelihood)
    if p.sum() != 1:
        raise ValueError("the prior must sum to 1")
    return p * q / (p * q).sum()


@mutant("bayes_posterior", hint="evidence is 0")
def divides_zero_by_zero(prior, likelihood):
    p, q = np.asarray(prior, float), np.asarray(likelihood, float)
    if p.ndim != 1 or p.shape != q.shape or p.size == 0:
        raise ValueError("bad shapes")
    if np.any(p < 0) or np.any(q < 0) or abs(p.sum() - 1) > 1e-6:
        raise ValueError("bad values")
    with np.errstate(all="ignore"):
        return p * q / (p * q).sum()


@mutant("bayes_posterior", hint="rather than rescaling")
def rescales_the_prior(prior, likelihood):
    p, q = np.asarray(prior, float), np.asarray(likelihood, float)
    if p.ndim != 1 or p.shape != q.shape or p.size == 0 or np.any(p < 0) or np.any(q < 0):
        raise ValueError("bad input")
    if (p * q).sum() == 0:
        raise ValueError("evidence is 0")
    return p * q / (p * q).sum()


# From the red team's tries (/work/redteam):


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


@mutant("bayes_posterior")
def nan_slips_through(prior, likelihood):
    p, lik = _rt_inputs(prior, likelihood, check_finite=False)
    with np.errstate(all="ignore"):
        joint = p * lik
        ev = joint.sum()
    if ev == 0:
        raise ValueError("evidence is 0")
    return joint / ev


@mutant("bayes_posterior")
def isclose_sum_check(prior, likelihood):
    p, lik = _rt_inputs(prior, likelihood, check_sum="isclose")
    return _rt_post(p, lik)


@mutant("bayes_posterior")
def in_place(prior, likelihood):
    p, lik = _rt_inputs(prior, likelihood)
    ev = float(p @ lik)
    if ev == 0:
        raise ValueError("evidence is 0")
    p *= lik
    p /= ev
    return p


@mutant("bayes_posterior", hint="refuse only an evidence of exactly 0", level=2)
def evidence_below_eps_refused(prior, likelihood):
    # "evidence is 0" tested as evidence < machine epsilon: right down to ★'s 1e-9 likelihoods
    p, q = _checked(prior, likelihood)
    if (p * q).sum() < np.finfo(float).eps:
        raise ValueError("evidence is 0")
    return p * q / (p * q).sum()


@mutant("bayes_posterior", level=2)
def keeps_float32(prior, likelihood):
    # integers widened to float64, float32 kept as given: its products underflow below 1e-38
    _checked(prior, likelihood)
    p, q = (np.asarray(v) for v in (prior, likelihood))
    p, q = (v if v.dtype.kind == "f" else v.astype(float) for v in (p, q))
    with np.errstate(all="ignore"):
        return p * q / (p * q).sum()
