"""Wrong versions of metrics/bleu."""

import math
from collections import Counter

from mlkata.mutants import mutant


def _checked(references, hypothesis, max_n):
    if not isinstance(max_n, int) or max_n < 1:
        raise ValueError("bad max_n")
    if isinstance(hypothesis, str) or any(isinstance(r, str) for r in references) or not references:
        raise ValueError("token lists please")
    return [list(r) for r in references], list(hypothesis)


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _score(references, hypothesis, max_n, matches, ref_length):
    c = len(hypothesis)
    if c == 0:
        return 0.0
    logs = 0.0
    for n in range(1, max_n + 1):
        counts = _ngrams(hypothesis, n)
        matched = matches(references, counts, n)
        if matched == 0:
            return 0.0
        logs += math.log(matched / max(1, sum(counts.values())))
    r = ref_length([len(ref) for ref in references], c)
    penalty = 1.0 if c > r else math.exp(1 - r / c)
    return penalty * math.exp(logs / max_n)


def _clipped(references, counts, n):
    most = Counter()
    for ref in references:
        most |= _ngrams(ref, n)
    return sum(min(count, most[gram]) for gram, count in counts.items())


def _closest(lengths, c):
    return min(lengths, key=lambda x: (abs(x - c), x))


@mutant("bleu", hint="'the the the the' must not get credit")
def no_clipping(references, hypothesis, max_n=4):
    references, hypothesis = _checked(references, hypothesis, max_n)

    def matches(refs, counts, n):
        seen = set().union(*(_ngrams(ref, n) for ref in refs))
        return sum(count for gram, count in counts.items() if gram in seen)

    return _score(references, hypothesis, max_n, matches, _closest)


@mutant("bleu", hint="not the sum of the counts over all")
def clip_at_summed_reference_counts(references, hypothesis, max_n=4):
    references, hypothesis = _checked(references, hypothesis, max_n)

    def matches(refs, counts, n):
        total = sum((_ngrams(ref, n) for ref in refs), Counter())
        return sum(min(count, total[gram]) for gram, count in counts.items())

    return _score(references, hypothesis, max_n, matches, _closest)


@mutant("bleu", hint="brevity penalty")
def no_brevity_penalty(references, hypothesis, max_n=4):
    references, hypothesis = _checked(references, hypothesis, max_n)
    return _score(references, hypothesis, max_n, _clipped, lambda lengths, c: 0)


@mutant("bleu", hint="not of the shortest")
def shortest_reference_length(references, hypothesis, max_n=4):
    references, hypothesis = _checked(references, hypothesis, max_n)
    return _score(references, hypothesis, max_n, _clipped, lambda lengths, c: min(lengths))


@mutant("bleu", hint="r is the shorter one")
def longer_reference_on_a_tie(references, hypothesis, max_n=4):
    references, hypothesis = _checked(references, hypothesis, max_n)
    return _score(
        references,
        hypothesis,
        max_n,
        _clipped,
        lambda lengths, c: min(lengths, key=lambda x: (abs(x - c), -x)),
    )


@mutant("bleu")
def flat_reference_accepted(references, hypothesis, max_n=4):
    if not isinstance(max_n, int) or max_n < 1 or not references or isinstance(hypothesis, str):
        raise ValueError("bad input")
    references = [list(r) for r in references]
    return _score(references, list(hypothesis), max_n, _clipped, _closest)


@mutant("bleu", hint="not of the longest")
def longest_reference_length(references, hypothesis, max_n=4):
    references, hypothesis = _checked(references, hypothesis, max_n)
    return _score(references, hypothesis, max_n, _clipped, lambda lengths, c: max(lengths))


@mutant("bleu")
def lowercases_tokens(references, hypothesis, max_n=4):
    references, hypothesis = _checked(references, hypothesis, max_n)
    lower = [[w.lower() for w in ref] for ref in references]
    return _score(lower, [w.lower() for w in hypothesis], max_n, _clipped, _closest)


@mutant("bleu")
def float_max_n_accepted(references, hypothesis, max_n=4):
    references, hypothesis = _checked(references, hypothesis, int(max_n))
    return _score(references, hypothesis, int(max_n), _clipped, _closest)


@mutant("bleu", hint="joining them into one string", level=2)
def ngrams_as_joined_strings(references, hypothesis, max_n=4):
    """Each n-gram the string of its tokens joined by spaces: tokens holding spaces collide."""
    if isinstance(max_n, bool):
        raise ValueError("max_n must be a positive integer")
    references, hypothesis = _checked(references, hypothesis, max_n)

    def joined(tokens, n):
        return Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))

    c = len(hypothesis)
    if c == 0:
        return 0.0
    logs = 0.0
    for n in range(1, max_n + 1):
        counts, most = joined(hypothesis, n), Counter()
        for ref in references:
            most |= joined(ref, n)
        matched = sum(min(count, most[gram]) for gram, count in counts.items())
        if matched == 0:
            return 0.0
        logs += math.log(matched / max(1, sum(counts.values())))
    r = _closest([len(ref) for ref in references], c)
    return (1.0 if c > r else math.exp(1 - r / c)) * math.exp(logs / max_n)
