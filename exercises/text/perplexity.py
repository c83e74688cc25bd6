"""Perplexity of a language model on a sequence, from the probabilities it gave each token."""

import numpy as np


def perplexity(token_probs):
    r"""Exponential of the mean negative log probability of the tokens.

    .. math::

        \text{PPL} = \exp\Big(-\frac{1}{n}\sum_{i=1}^{n} \ln p_i\Big)
                   = \Big(\prod_{i=1}^{n} p_i\Big)^{-1/n}

    where ``p_i`` is the probability the model gave the ``i``-th token that actually came.
    It is the reciprocal of the geometric mean probability: a model that spreads its bets
    evenly over ``m`` tokens has perplexity ``m``; a certain and right one has 1. The product
    form underflows to 0 after a few hundred tokens (0.01 ** 200 is below the smallest
    double), so sum logarithms instead. Any log base gives the same result with the matching
    exponential (``2 ** mean(-log2 p)``); mixing bases does not.

    Parameters
    ----------
    token_probs : array_like of shape (n,)
        The probability of each observed token, each in ``(0, 1]``; for a batch of
        sequences, pass their tokens as one flat sequence (the corpus perplexity).

    Returns
    -------
    float
        The perplexity, at least 1.

    Raises
    ------
    ValueError
        If ``token_probs`` is not 1-D or is empty, or if a probability is not in ``(0, 1]``
        (0, negative, above 1 or NaN).

    See Also
    --------
    numpy.log : the reference is ``exp(-mean(log(p)))`` computed in float64 (there is no
        library function); the grader checks it with ``math.fsum`` of ``math.log``.

    Examples
    --------
    >>> perplexity([0.25, 0.25, 0.25, 0.25])
    4.0
    >>> round(perplexity([0.5, 0.125]), 12)  # (0.5 * 0.125) ** (-1 / 2) = 16 ** 0.5
    4.0
    >>> perplexity([1.0, 1.0])
    1.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
