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
    ### BEGIN SOLUTION
    p = np.asarray(token_probs, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"token_probs must be 1-D (one probability per token), got shape {p.shape}")
    if p.size == 0:
        raise ValueError("token_probs is empty: the perplexity of no tokens is undefined")
    if not (p.min() > 0 and p.max() <= 1):  # a NaN makes min and max NaN, and fails both
        raise ValueError("every probability must be in (0, 1]")
    return float(np.exp(-np.mean(np.log(p))))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Perplexity is one over the geometric mean of the probabilities. What happens to the "
    "product of 1000 probabilities of 0.01 in floating point?",
    "Work with logarithms: the mean of -log(p) is the cross-entropy per token (in nats), and "
    "perplexity is its exponential. Use the same base for the log and the exponential.",
    "np.exp(-np.mean(np.log(p))) with p as a float64 array, after checking 0 < p <= 1.",
)
TALKING_POINTS = {
    "use": (
        "Evaluate a language model on held-out text: the effective number of equally likely choices per "
        "token; lower is better."
    ),
    "assumes": (
        "The probabilities are the model's on text it was not trained on; comparisons only between models "
        "with the same tokenisation and vocabulary."
    ),
    "pitfalls": (
        (
            "Underflow: the product of token probabilities is 0.0 after a few hundred tokens; average the "
            "logs instead."
        ),
        (
            "Log base: exp of the mean natural-log loss, or 2 to the mean log2 loss; mixing them gives "
            "nonsense."
        ),
        (
            "Tokenisation: perplexities over characters, BPE pieces or words are not comparable; normalise "
            "per character or byte instead."
        ),
    ),
    "cost": "O(n) time, O(n) memory for the logs (O(1) in a running sum).",
    "follow_ups": (
        (
            "Relation to cross-entropy?",
            "ln(PPL) is the mean cross-entropy per token: a loss of 2 nats is a perplexity of e^2 = 7.39.",
        ),
        (
            "A uniform model over V tokens?",
            "Perplexity exactly V.",
        ),
        (
            "A corpus of many sequences?",
            (
                "Pool the tokens: exp of the total negative log-likelihood over the total token count, not "
                "the mean of per-sequence perplexities."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "perplexity([0.5, 0.5, 0.125, 0.125])?",
        "answer": 4.0,
        "tolerance": 1e-09,
        "check": "perplexity([0.5, 0.5, 0.125, 0.125])",
        "why": "The geometric mean probability is (1/4 * 1/64) ** (1/4) = 1/4.",
    },
    {
        "question": "The perplexity of a model whose mean loss is 2 nats per token?",
        "answer": 7.389,
        "tolerance": 0.001,
        "check": "perplexity([np.exp(-2.0)] * 3)",
        "why": "e^2.",
    },
    {
        "question": "A model uniform over 50,000 tokens has perplexity:",
        "choices": (
            "1",
            "ln 50000",
            "50000",
            "50000^2",
        ),
        "answer": 2,
        "why": "exp(-ln(1/V)) = V.",
    },
)
### END META
