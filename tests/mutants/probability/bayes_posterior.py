"""Wrong versions of probability/bayes_posterior."""

import numpy as np

from mlkata.mutants import mutant


def _checked(prior, likelihood):
    p, q = np.asarray(prior, float), np.asarray(likelihood, float)
    if p.ndim != 1 or p.shape != q.shape or p.size == 0:
        raise ValueError("bad shapes")
    if np.any(p < 0) or np.any(q < 0) or abs(p.sum() - 1) > 1e-6:
        raise ValueError("bad values")
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
