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
    ### BEGIN SOLUTION
    if isinstance(max_n, bool) or not isinstance(max_n, int) or max_n < 1:
        raise ValueError(f"max_n must be a positive integer, got {max_n!r}")
    if isinstance(hypothesis, str) or any(isinstance(r, str) for r in references):
        raise ValueError("references and hypothesis must be lists of tokens, not strings")
    references = [list(r) for r in references]
    hypothesis = list(hypothesis)
    if not references:
        raise ValueError("at least one reference is needed")
    c = len(hypothesis)
    if c == 0:
        return 0.0

    def ngrams(tokens, n):  # zip of n shifted views: the n-grams as tuples, made in C
        return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))  # the shortest ends it

    log_sum = 0.0
    for n in range(1, max_n + 1):
        counts = ngrams(hypothesis, n)
        most = Counter()
        for reference in references:
            most |= ngrams(reference, n)
        matched = sum(min(count, most[gram]) for gram, count in counts.items())
        if matched == 0:
            return 0.0
        log_sum += math.log(matched / max(1, sum(counts.values())))
    r = min((abs(len(ref) - c), len(ref)) for ref in references)[1]
    penalty = 1.0 if c > r else math.exp(1.0 - r / c)
    return float(penalty * math.exp(log_sum / max_n))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "If the hypothesis is 'the the the the' and a reference has 'the' twice, how many of the "
    "four should count as matches? And what stops a one-word hypothesis from scoring 1?",
    "For each n, clip each hypothesis n-gram count at its maximum count in any single "
    "reference (Counter's | operator takes maxima) and divide by the number of hypothesis "
    "n-grams; r is the reference length closest to the hypothesis length, the shorter on a tie.",
    "p_n = sum(min(c, max_ref[g]) for g, c in hyp.items()) / max(1, total); return 0.0 if any "
    "p_n == 0; BP = 1 if c > r else exp(1 - r / c); BLEU = BP * exp(mean(log p_n)).",
)
TALKING_POINTS = {
    "use": (
        "Scoring machine translation against reference translations by n-gram overlap; meaningful over a "
        "corpus, noisy for one sentence."
    ),
    "assumes": (
        "Tokenised text, and that n-gram overlap with some reference tracks quality (it ignores meaning "
        "and synonyms)."
    ),
    "pitfalls": (
        (
            "Clipping: count each n-gram at most as often as the reference that has it most often, or "
            "'the the the' scores a precision of 1."
        ),
        (
            "Zeros: one n-gram order with no match makes the geometric mean 0; nltk warns, and smoothing "
            "exists for short sentences."
        ),
        "Corpus BLEU pools counts over all sentences; it is not the mean of sentence BLEUs.",
    ),
    "cost": "O(N L) time and memory with hashed n-gram counts, for L tokens in all and N n-gram orders.",
    "follow_ups": (
        (
            "Why the brevity penalty?",
            (
                "Precision alone rewards short outputs; BP = exp(1 - r / c) when the hypothesis length c "
                "is at most the closest reference length r."
            ),
        ),
        (
            "Why do papers report sacreBLEU?",
            "Scores change with tokenisation; sacreBLEU fixes it and prints a signature.",
        ),
    ),
}
QUIZ = (
    {
        "question": "BLEU (max_n = 4) of a hypothesis equal to its only reference, ['a', 'b', 'c', 'd']?",
        "answer": 1.0,
        "tolerance": 1e-09,
        "check": "bleu([['a', 'b', 'c', 'd']], ['a', 'b', 'c', 'd'])",
        "why": "Every precision is 1 and the lengths match, so BP = 1.",
    },
    {
        "question": "What does clipping the n-gram counts prevent?",
        "choices": (
            "Short hypotheses scoring high",
            "Repeating a matching word to inflate precision",
            "Division by zero",
            "Unknown words",
        ),
        "answer": 1,
        "why": "An n-gram earns credit at most as often as a reference holds it.",
    },
)
### END META
