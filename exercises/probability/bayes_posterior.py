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
    # YOUR CODE HERE
    raise NotImplementedError()
