"""Bayes' rule over a finite set of hypotheses."""

import numpy as np


def bayes_posterior(prior, likelihood):
    r"""Posterior probabilities of hypotheses from their prior and the likelihood of the data.

    .. math::

        P(h_i \mid D) = \frac{P(h_i)\, P(D \mid h_i)}{\sum_j P(h_j)\, P(D \mid h_j)}

    The denominator is the evidence ``P(D)``: multiplying prior by likelihood gives the joint
    ``P(h_i, D)``, and dividing by its sum makes the posterior sum to 1.

    Parameters
    ----------
    prior : array_like of shape (k,)
        Prior probabilities ``P(h_i)``: non-negative, summing to 1 (within 1e-6).
    likelihood : array_like of shape (k,)
        Likelihoods ``P(D | h_i)``, non-negative. They need not sum to 1 (they are a
        function of the hypothesis, not a distribution over it) and, for continuous data,
        may be density values above 1.

    Returns
    -------
    numpy.ndarray of shape (k,)
        The posterior ``P(h_i | D)``, summing to 1.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if an entry is negative
        or not finite, if the prior does not sum to 1 (within 1e-6; an unnormalised prior is
        refused rather than silently rescaled), or if the evidence is 0 (every hypothesis
        with prior mass gives the data likelihood 0, so the posterior is undefined).

    See Also
    --------
    fractions.Fraction : the grader computes the exact posterior with rational arithmetic.

    Examples
    --------
    A test with 90% sensitivity and a 5% false-positive rate, for a condition with 1%
    prevalence; the posterior after a positive result:

    >>> bayes_posterior([0.01, 0.99], [0.9, 0.05]).round(4)
    array([0.1538, 0.8462])
    """
    ### BEGIN SOLUTION
    prior = np.asarray(prior, dtype=np.float64)
    likelihood = np.asarray(likelihood, dtype=np.float64)
    if prior.ndim != 1 or likelihood.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {prior.shape} and {likelihood.shape}")
    if prior.shape != likelihood.shape:
        raise ValueError(
            f"length mismatch: prior has {prior.size} hypotheses, likelihood has {likelihood.size}"
        )
    if prior.size == 0:
        raise ValueError("empty input: there are no hypotheses")
    # One pass per check: min propagates nan and meets -inf; the prior's sum (which must be 1)
    # and the evidence meet +inf; max is looked at only then, to tell inf from an overflow.
    p_low, l_low = prior.min(), likelihood.min()
    if not (np.isfinite(p_low) and np.isfinite(l_low)):
        raise ValueError("prior and likelihood must be finite")
    if p_low < 0 or l_low < 0:
        raise ValueError("prior and likelihood must be non-negative")
    total = prior.sum()
    if not np.isfinite(total) and not np.isfinite(prior.max()):
        raise ValueError("prior and likelihood must be finite")
    if abs(total - 1.0) > 1e-6:
        raise ValueError(f"the prior must sum to 1, it sums to {total!r}")
    with np.errstate(invalid="ignore", over="ignore"):  # an inf is refused just below
        evidence = np.dot(prior, likelihood)  # sum of prior * likelihood, in one pass (BLAS)
    if not np.isfinite(evidence) and not np.isfinite(likelihood.max()):
        raise ValueError("prior and likelihood must be finite")
    if evidence == 0:
        raise ValueError("evidence is 0: the data is impossible under every hypothesis with prior mass")
    posterior = prior * likelihood
    posterior /= evidence  # in place: no second array
    return posterior
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "prior * likelihood is the joint P(h, D) for each hypothesis. Does it sum to 1? What must "
    "you divide by so that it does?",
    "The evidence P(D) is the sum of prior * likelihood over the hypotheses (not the sum of the "
    "likelihoods). Check the inputs first: negative entries, a prior whose sum is not 1, and "
    "an evidence of 0 are all ValueErrors.",
    "joint = prior * likelihood; return joint / joint.sum(), after raising ValueError when joint.sum() == 0.",
)
TALKING_POINTS = {
    "use": (
        "Update beliefs over a finite set of hypotheses from evidence: diagnostic tests, spam filters, which "
        "coin is the biased one."
    ),
    "assumes": (
        "Mutually exclusive, exhaustive hypotheses (the prior sums to 1); known likelihoods P(D | h)."
    ),
    "pitfalls": (
        (
            "Base-rate neglect: 1 % prevalence, 90 % sensitivity and 5 % false positives give a posterior of "
            "only 15 % after a positive test."
        ),
        (
            "Underflow: a product of many small likelihoods is 0.0; add logs (log prior + log likelihood) "
            "and normalise with log-sum-exp."
        ),
        (
            "Zero evidence: if every hypothesis with prior mass gives the data likelihood 0, the posterior "
            "is 0 / 0."
        ),
    ),
    "cost": "O(k) time and memory.",
    "follow_ups": (
        (
            "Why need the likelihoods not sum to 1?",
            (
                "P(D | h_i) is a function of h_i, not a distribution over it; only their ratios matter once "
                "the posterior is normalised."
            ),
        ),
        (
            "A second, independent test result?",
            (
                "Use the posterior as the new prior (the same as multiplying both likelihoods, if they are "
                "independent given h)."
            ),
        ),
        (
            "Posterior odds?",
            "Prior odds times the likelihood ratio (the Bayes factor).",
        ),
    ),
}
QUIZ = (
    {
        "question": "bayes_posterior([0.2, 0.8], [0.9, 0.1])[0]?",
        "answer": 0.6923,
        "tolerance": 0.001,
        "check": "bayes_posterior([0.2, 0.8], [0.9, 0.1])[0]",
        "why": "0.18 / (0.18 + 0.08).",
    },
    {
        "question": "Prevalence 0.1 %, sensitivity 99 %, false positives 1 %: P(ill | positive)?",
        "choices": (
            "about 99 %",
            "about 50 %",
            "about 9 %",
            "about 1 %",
        ),
        "answer": 2,
        "why": "0.00099 / (0.00099 + 0.00999): false positives outnumber true ones ten to one.",
    },
)
### END META
