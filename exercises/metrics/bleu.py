"""Sentence-level BLEU score of a tokenised hypothesis against references."""

import math
from collections import Counter


def bleu(references, hypothesis, max_n=4):
    r"""BLEU: the geometric mean of clipped n-gram precisions times a brevity penalty.

    .. math::

        \text{BLEU} = BP \cdot \exp\Big(\frac{1}{N}\sum_{n=1}^{N} \log p_n\Big), \qquad
        BP = \begin{cases} 1 & c > r \\ e^{1 - r/c} & c \le r \end{cases}

    with ``N = max_n``. The modified precision ``p_n`` counts each n-gram of the hypothesis
    at most as many times as it occurs in the one reference that has it most often
    (clipping, so "the the the the" gets no credit for repeating "the"), divided by the
    number of n-grams in the hypothesis (or by 1 if it has none). ``c`` is the hypothesis
    length and ``r`` the length of the reference closest to it (the shorter one on a tie).

    If any ``p_n`` is 0 (no matching n-gram of some order, as for a hypothesis shorter than
    ``max_n`` tokens) the score is 0.0: there is no smoothing. An empty hypothesis scores
    0.0. This is ``nltk.translate.bleu_score.sentence_bleu`` with equal weights ``1/N``.

    Parameters
    ----------
    references : sequence of sequences of str
        One or more reference translations, each a list of tokens.
    hypothesis : sequence of str
        The candidate translation, a list of tokens.
    max_n : int, default=4
        The longest n-gram order used.

    Returns
    -------
    float
        The BLEU score, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If there are no references, if a reference or the hypothesis is a string rather than
        a list of tokens, or if ``max_n`` is not a positive integer.

    See Also
    --------
    nltk.translate.bleu_score.sentence_bleu : the reference.

    Examples
    --------
    >>> refs = [["the", "cat", "is", "on", "the", "mat"], ["there", "is", "a", "cat", "on", "the", "mat"]]
    >>> bleu(refs, ["the", "the", "the", "the", "the", "the", "the"], max_n=1)
    0.2857142857142857
    >>> round(bleu(refs, ["a", "cat", "is", "on", "the", "mat"]), 6)
    0.840896
    >>> bleu(refs, ["the", "cat"])
    0.0
    """
    # YOUR CODE HERE
    raise NotImplementedError()
