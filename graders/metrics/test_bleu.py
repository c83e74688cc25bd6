"""Grader for metrics/bleu, against nltk.translate.bleu_score.sentence_bleu (no smoothing)."""

import math
import warnings
from collections import Counter
from dataclasses import dataclass

from nltk.translate.bleu_score import sentence_bleu

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Param
from mlkata.grading.extremes import case
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

bleu = student_function("bleu")
REFERENCE = "nltk sentence_bleu(references, hypothesis, weights=(1/max_n,) * max_n)"

WORDS = ("a", "b", "c", "d")


@dataclass(frozen=True)
class Tokens:
    """Token lists: ``references`` (two or three of them) or a ``hypothesis`` copying some of them."""

    name: str
    shape: tuple = ()

    def draw(self, rng, dims):
        if self.name == "references":
            return [[str(w) for w in rng.choice(WORDS, size=int(n))] for n in rng.integers(6, 12, size=3)]
        return [str(w) for w in rng.choice(WORDS, size=int(rng.integers(5, 11)))]


def _sentences(how):
    """A hypothesis made from the references, of a length that decides the brevity penalty."""

    def corner(values, rng):
        refs = values["references"]
        if how == "copied":
            hyp = list(refs[0][: len(refs[0]) - 1])
        elif how == "lengths tie":
            refs = [refs[0][:6], refs[1][:10] + ["a"] * (10 - len(refs[1][:10]))]
            hyp = refs[1][:8]
        elif how == "longer than all":
            hyp = refs[0] + refs[1] + refs[2]
        elif how == "capitals":
            refs = [[w.upper() if i % 3 == 0 else w for i, w in enumerate(ref)] for ref in refs]
            hyp = [w.lower() for w in refs[0]]
        else:  # tuples
            refs = tuple(tuple(ref) for ref in refs)
            hyp = tuple(refs[1][1:])
        return {**values, "references": refs, "hypothesis": hyp, "max_n": 2}

    return corner


DOMAIN = Domain(
    seed=2203,
    args=(Tokens("references"), Tokens("hypothesis")),
    sizes={"n": (1,)},
    params=(
        Param(
            "max_n", 4, values=(1, 2, 3), invalid=(0, -1, 2.0, True), why_invalid="is not a positive integer"
        ),
    ),
    custom={
        "a hypothesis copied from a reference": _sentences("copied"),
        "two references equally close in length": _sentences("lengths tie"),
        "a hypothesis longer than every reference": _sentences("longer than all"),
        "tokens that differ in case only": _sentences("capitals"),
        "tuples of tokens": _sentences("tuples"),
    },
    empty=None,
)


@cached_reference
def reference(references, hypothesis, max_n=4):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nltk warns when an n-gram precision is 0
        return float(sentence_bleu(references, hypothesis, weights=(1 / max_n,) * max_n))


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _variant(references, hypothesis, max_n=4, *, clip="max", length="closest", mean="geometric"):
    """BLEU computed with one step done differently (for recognising mistakes)."""
    c = len(hypothesis)
    if c == 0:
        return 0.0
    precisions = []
    for n in range(1, max_n + 1):
        counts = _ngrams(hypothesis, n)
        allowed = Counter()
        for ref in references:
            if clip == "sum":
                allowed += _ngrams(ref, n)
            else:
                allowed |= _ngrams(ref, n)
        if clip == "none":
            matched = sum(count for gram, count in counts.items() if allowed[gram])
        else:
            matched = sum(min(count, allowed[gram]) for gram, count in counts.items())
        precisions.append(matched / max(1, sum(counts.values())))
    lengths = [len(ref) for ref in references]
    r = {
        "closest": min(lengths, key=lambda x: (abs(x - c), x)),
        "closest, longer on a tie": min(lengths, key=lambda x: (abs(x - c), -x)),
        "shortest": min(lengths),
        "longest": max(lengths),
        "mean": sum(lengths) / len(lengths),
    }.get(length, 0)
    penalty = 1.0 if c > r else math.exp(1 - r / c)
    if mean == "arithmetic":
        return penalty * sum(precisions) / max_n
    if min(precisions) == 0:
        return 0.0
    return penalty * math.exp(sum(math.log(p) for p in precisions) / max_n)


def _no_penalty_where_shortest_is_closest(references, hypothesis, max_n=4):
    """BLEU with no brevity penalty, on inputs where the shortest reference is the closest one.

    Where it is not, the shortest is shorter than the hypothesis, so taking r from it gives no
    penalty either: on every such input the two mistakes give the same score, and the hint of
    the shortest-reference mistake names both (this one returns None, which matches nothing).
    """
    lengths, c = [len(ref) for ref in references], len(hypothesis)
    if min(lengths) != min(lengths, key=lambda x: (abs(x - c), x)):
        return None
    return _variant(references, hypothesis, max_n, length="none")


MISTAKES = (
    Mistake(
        "clip each hypothesis n-gram's count at its largest count in a single reference: "
        "'the the the the' must not get credit for every 'the'",
        lambda refs, hyp, max_n=4: _variant(refs, hyp, max_n, clip="none"),
    ),
    Mistake(
        "the clip is the maximum count in any ONE reference, not the sum of the counts over all "
        "references (use Counter's |, not +)",
        lambda refs, hyp, max_n=4: _variant(refs, hyp, max_n, clip="sum"),
    ),
    Mistake(
        "apply the brevity penalty exp(1 - r / c) when the hypothesis is not longer than the "
        "reference length r",
        _no_penalty_where_shortest_is_closest,
    ),
    Mistake(
        "r is the length of the reference closest to the hypothesis length, not of the shortest "
        "reference: a hypothesis longer than the shortest reference still gets the brevity penalty "
        "exp(1 - r / c) when it is not longer than the closest one",
        lambda refs, hyp, max_n=4: _variant(refs, hyp, max_n, length="shortest"),
    ),
    Mistake(
        "r is the length of the reference closest to the hypothesis length, not of the longest "
        "reference: the longest one penalises a hypothesis as long as a shorter reference",
        lambda refs, hyp, max_n=4: _variant(refs, hyp, max_n, length="longest"),
    ),
    Mistake(
        "r is the length of the reference closest to the hypothesis length, not the mean reference length",
        lambda refs, hyp, max_n=4: _variant(refs, hyp, max_n, length="mean"),
    ),
    Mistake(
        "when two references are equally close in length, r is the shorter one",
        lambda refs, hyp, max_n=4: _variant(refs, hyp, max_n, length="closest, longer on a tie"),
    ),
    Mistake(
        "BLEU takes the geometric mean of the precisions, exp(mean(log p_n)), not their arithmetic mean",
        lambda refs, hyp, max_n=4: _variant(refs, hyp, max_n, mean="arithmetic"),
    ),
)


def _sentence(rng, words, length):
    return [str(w) for w in rng.choice(words, size=length)]


@points(3)
def test_matches_nltk_on_random_sentences(bleu):
    rng = seeded(2201)
    words = ["a", "b", "c", "d", "e"]
    for max_n in (1, 2, 3, 4):
        for hyp_length, ref_lengths in ((8, (8,)), (6, (9, 7)), (12, (8, 10, 9)), (10, (10, 14))):
            refs = [_sentence(rng, words, n) for n in ref_lengths]
            # a hypothesis that copies a reference in places, so higher-order n-grams match
            noise = _sentence(rng, words, hyp_length)
            copied = rng.random(hyp_length) < 0.7
            hyp = [refs[0][i % len(refs[0])] if copied[i] else w for i, w in enumerate(noise)]
            expect_close(
                bleu.call(refs, hyp, max_n=max_n),
                reference(refs, hyp, max_n),
                reference=f"{REFERENCE} (max_n={max_n})",
                mistakes=MISTAKES,
            )
    # c = 7 and reference lengths 8, 5, 9: the closest (8), the shortest (5) and the mean (7.33) differ
    hyp = ["a", "b", "c", "a", "b", "d", "a"]
    refs = [
        ["a", "b", "c", "a", "d", "a", "b", "c"],
        ["b", "c", "a", "b", "d"],
        ["d", "a", "b", "c", "a", "b", "d", "c", "e"],
    ]
    expect_close(bleu.call(refs, hyp), reference(refs, hyp), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_clipping_and_brevity_penalty(bleu):
    refs = [["the", "cat", "is", "on", "the", "mat"], ["there", "is", "a", "cat", "on", "the", "mat"]]
    cases = (
        (refs, ["the"] * 7, 1, "clipping: 'the' counts at most twice"),
        (
            [["the", "cat", "the", "mat"], ["the", "the", "dog"]],
            ["the", "the", "the", "cat"],
            1,
            "clip per reference",
        ),
        (refs, ["a", "cat", "is", "on", "the", "mat"], 4, "equal length to the closest reference"),
        (refs, ["cat", "is", "on", "the"], 2, "shorter than every reference"),
        (
            refs,
            ["there", "is", "a", "cat", "on", "the", "mat", "now", "yes"],
            3,
            "longer than every reference",
        ),
        (
            [
                ["a", "b", "c", "d"],
                ["a", "b", "c", "d", "e", "f"],
                ["c", "d", "e", "a", "b", "c", "d", "e", "f"],
            ],
            ["a", "b", "c", "d", "e"],
            2,
            "tie: 4 and 6 (and 9, the longest)",
        ),
        (
            [["x", "a", "b", "c", "d", "e"], ["a", "b", "c"], ["a", "b", "x", "c", "d", "e", "y"]],
            ["a", "b", "c", "d", "e"],
            2,
            "r = 6, the closest length: not 3, the shortest, nor 5.33, the mean",
        ),
    )
    for references, hypothesis, max_n, what in cases:
        expect_close(
            bleu.call(references, hypothesis, max_n=max_n),
            reference(references, hypothesis, max_n),
            reference=f"{REFERENCE} (max_n={max_n}; {what})",
            mistakes=MISTAKES,
        )


@points(1)
def test_zero_when_an_ngram_order_has_no_match(bleu):
    refs = [["the", "cat", "is", "on", "the", "mat"]]
    cases = (
        (["the", "mat", "is", "cat", "on"], 4, "no 3-gram or 4-gram matches"),
        (["the", "cat"], 4, "two tokens have no 3-grams or 4-grams"),
        (["dog"], 1, "no word matches"),
        ([], 2, "the empty hypothesis"),
    )
    for hypothesis, max_n, what in cases:
        expect_close(
            bleu.call(refs, hypothesis, max_n=max_n),
            0.0,
            reference=f"{REFERENCE} (max_n={max_n}): 0 for {what}",
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(bleu):
    expect_cases(bleu, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(bleu):
    hyp = ["the", "cat", "sat"]
    expect_rejected(
        bleu,
        [
            BadInput("there are no references", ([], hyp)),
            BadInput(
                "references is a list of token lists; a single flat token list is a mistake "
                "(wrap it: [reference])",
                (["the", "cat", "sat"], hyp),
            ),
            BadInput("the hypothesis must be a list of tokens, not a string", ([hyp], "the cat sat")),
            BadInput("max_n must be a positive integer, and 0 is not", ([hyp], hyp), {"max_n": 0}),
            BadInput("a reference must be a list of tokens, not a string", ([hyp, "the cat"], hyp)),
            *DOMAIN.bad_inputs(),
        ],
    )


def _joined(references, hypothesis, max_n=4):
    """BLEU with each n-gram a string of its tokens joined by spaces."""

    def grams(tokens, n):
        return Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))

    c = len(hypothesis)
    logs = 0.0
    for n in range(1, max_n + 1):
        counts, most = grams(list(hypothesis), n), Counter()
        for ref in references:
            most |= grams(list(ref), n)
        matched = sum(min(k, most[g]) for g, k in counts.items())
        if matched == 0:
            return 0.0
        logs += math.log(matched / max(1, sum(counts.values())))
    r = min((abs(len(ref) - c), len(ref)) for ref in references)[1]
    return (1.0 if c > r else math.exp(1 - r / c)) * math.exp(logs / max_n)


@robust()
@points(1)
def test_extreme_inputs(bleu):
    rng = seeded(2205)
    words = [f"w{i}" for i in range(50)]
    long = _sentence(rng, words, 3000)
    many = [_sentence(rng, words, 12) for _ in range(50)]
    cases = [
        case(
            "tokens that hold spaces",
            [["New York", "is", "big", "and", "old"]],
            ["New", "York is", "big", "and", "old"],
            max_n=2,
        ),
        case("a 3000-token hypothesis equal to its reference", [long], list(long)),
        case("50 references", many, [*many[7][:10], "w3"]),
        case("one token repeated 1000 times", [["w1", "w2"] * 5], ["w1"] * 1000, max_n=1),
        case("5 tokens against a reference of 1000", [long[:1000]], long[:5], max_n=1),
        case("max_n = 8 on a 40-token match", [long[:40]], long[:39], max_n=8),
        case("non-ASCII tokens", [["猫", "が", "いる", "🐈"]], ["猫", "が", "いる"], max_n=2),
    ]
    joined = Mistake(
        "an n-gram is a tuple of tokens: joining them into one string with spaces makes "
        "('New', 'York is') and ('New York', 'is') the same n-gram",
        _joined,
    )
    expect_cases(bleu, cases, reference, reference_name=REFERENCE, mistakes=(joined,))


def _sentences_of(n, rng):
    """A hypothesis of n tokens from 1000 words, 80 % copied from the first of two references."""
    words = [f"w{i}" for i in range(1000)]
    first = [words[i] for i in rng.integers(0, 1000, size=n)]
    other = [words[i] for i in rng.integers(0, 1000, size=n)]
    hypothesis = [w if keep else o for w, o, keep in zip(first, other, rng.random(n) < 0.8, strict=True)]
    second = [words[i] for i in rng.integers(0, 1000, size=n)]
    return {"references": [first, second], "hypothesis": hypothesis}


FAST = Fast(
    inputs=_sentences_of,
    size=20_000,
    within=5.0,
    why="BLEU is linear in the tokens, but its reference counts n-grams in Python Counters (about "
    "7 microseconds a token for two references and four orders): 20,000 tokens take it about 0.1 s. "
    "What is timed is that each n-gram is counted once, not searched for in a list (quadratic)",
)


PROPERTIES = (Differential("bleu", DOMAIN, reference, REFERENCE),)
