"""Correct, differently written versions of metrics/bleu."""

import math
from collections import Counter


def _checked(references, hypothesis, max_n):
    if isinstance(max_n, bool) or not isinstance(max_n, int) or max_n < 1:
        raise ValueError("max_n must be a positive integer")
    if isinstance(hypothesis, str) or any(isinstance(r, str) for r in references):
        raise ValueError("token lists, not strings")
    references, hypothesis = [list(r) for r in references], list(hypothesis)
    if not references:
        raise ValueError("at least one reference")
    return references, hypothesis


def _closest_length(references, c):
    return sorted((abs(len(r) - c), len(r)) for r in references)[0][1]


def variant_product(references, hypothesis, max_n=4):
    """The geometric mean as a product of the precisions to the power 1 / N."""
    references, hypothesis = _checked(references, hypothesis, max_n)
    c = len(hypothesis)
    if c == 0:
        return 0.0
    product = 1.0
    for n in range(1, max_n + 1):
        grams = Counter(tuple(hypothesis[i : i + n]) for i in range(c - n + 1))
        most = Counter()
        for ref in references:
            most |= Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1))
        matched = sum(min(k, most[g]) for g, k in grams.items())
        if matched == 0:
            return 0.0
        product *= matched / max(1, c - n + 1)
    r = _closest_length(references, c)
    return min(1.0, math.exp(1 - r / c)) * product ** (1.0 / max_n)


def variant_dicts(references, hypothesis, max_n=4):
    """Plain dicts and loops, logs summed with fsum."""
    references, hypothesis = _checked(references, hypothesis, max_n)
    c = len(hypothesis)
    if c == 0:
        return 0.0
    logs = []
    for n in range(1, max_n + 1):
        counts = {}
        for i in range(c - n + 1):
            gram = tuple(hypothesis[i : i + n])
            counts[gram] = counts.get(gram, 0) + 1
        clipped = 0
        for gram, k in counts.items():
            best = max(
                sum(1 for j in range(len(r) - n + 1) if tuple(r[j : j + n]) == gram) for r in references
            )
            clipped += min(k, best)
        if clipped == 0:
            return 0.0
        logs.append(math.log(clipped) - math.log(max(1, c - n + 1)))
    r = _closest_length(references, c)
    return math.exp(min(0.0, 1 - r / c)) * math.exp(math.fsum(logs) / max_n)
