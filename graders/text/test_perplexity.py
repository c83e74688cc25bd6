"""Grader for text/perplexity, against an independent float64 implementation and hand-worked cases.

No library computes the perplexity of given token probabilities, so the reference is the
definition itself, ``exp(-mean(log p))``, written independently of the solution: a
``math.fsum`` of ``math.log`` over the tokens, in Python floats.
"""

import math

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Probs
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

perplexity = student_function("perplexity")
REFERENCE = "exp(-fsum(log p) / n) in float64 (independent implementation)"


@cached_reference
def reference(token_probs):
    p = [float(x) for x in np.asarray(token_probs, dtype=np.float64)]
    return math.exp(-math.fsum(math.log(x) for x in p) / len(p))


def _tiny(values, rng):
    p = values["token_probs"].copy()
    p[::3] = 10.0 ** rng.uniform(-300, -250, size=p[::3].shape)  # a product of two underflows
    return {**values, "token_probs": p}


def _certain(values, rng):
    p = values["token_probs"].copy()
    p[::2] = 1.0  # log 1 = 0: those tokens add no surprise
    return {**values, "token_probs": p}


def _long_uniform(values, rng):
    return {**values, "token_probs": np.full(3000, 1 / 50)}  # 0.02 ** 3000 underflows; PPL is 50


DOMAIN = Domain(
    seed=2304,
    args=(Probs("token_probs", low=1e-4, high=1.0),),
    sizes={"n": (1, 3, 40, 500)},
    corners=("float32", "readonly", "lists"),
    custom={
        "probabilities down to 1e-300": _tiny,
        "tokens predicted with probability 1": _certain,
        "3000 tokens of probability 0.02": _long_uniform,
    },
)


def _f(p):
    return np.asarray(p, dtype=np.float64)


PRODUCT = Mistake(
    "the product of many probabilities underflows to 0 (0.01 ** 200 is below the smallest "
    "double): average the logarithms instead, exp(-mean(log p))",
    lambda p: float(np.prod(_f(p)) ** (-1.0 / _f(p).size)),
)
SUM = Mistake(
    "take the mean of -log p over the tokens, not the sum",
    lambda p: float(np.exp(-np.sum(np.log(_f(p))))),
)
MISTAKES = (
    PRODUCT,
    Mistake(
        "perplexity is exp of the mean NEGATIVE log probability: you returned its reciprocal "
        "(the geometric mean probability)",
        lambda p: float(np.exp(np.mean(np.log(_f(p))))),
    ),
    SUM,
    Mistake(
        "you returned the mean negative log probability (the cross-entropy): perplexity is its exponential",
        lambda p: float(-np.mean(np.log(_f(p)))),
    ),
    Mistake(
        "use one base for the log and the exponential: you took 2 ** of a natural-log mean",
        lambda p: float(2.0 ** (-np.mean(np.log(_f(p))))),
    ),
    Mistake(
        "use one base for the log and the exponential: you took exp of a log2 mean",
        lambda p: float(np.exp(-np.mean(np.log2(_f(p))))),
    ),
    Mistake(
        "that is the mean of 1 / p (an arithmetic mean); perplexity is a geometric mean: exp(-mean(log p))",
        lambda p: float(np.mean(1.0 / _f(p))),
    ),
    Mistake(
        "that is 1 / mean(p); perplexity is 1 over the geometric mean: exp(-mean(log p))",
        lambda p: float(1.0 / np.mean(_f(p))),
    ),
    Mistake(
        "no epsilon: log(p + eps) changes small probabilities (the inputs are already in (0, 1])",
        lambda p: float(np.exp(-np.mean(np.log(_f(p) + 1e-10)))),
    ),
    Mistake(
        "no clipping: the probabilities are already in (0, 1], and clipping changes the small ones",
        lambda p: float(np.exp(-np.mean(np.log(np.clip(_f(p), 1e-12, 1.0))))),
    ),
)


@points(3)
def test_matches_the_definition_on_random_probabilities(perplexity):
    rng = seeded(2301)
    for n, low in ((1, 0.1), (4, 0.01), (60, 1e-3), (800, 0.3)):  # no product underflows here
        p = rng.uniform(low, 1.0, size=n)
        expect_close(perplexity.call(p), reference(p), reference=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_hand_worked_cases(perplexity):
    for p, want, why in (
        ([0.25, 0.25, 0.25, 0.25], 4.0, "a model spreading its bets evenly over 4 tokens has perplexity 4"),
        ([0.5, 0.125], 4.0, "(0.5 * 0.125) ** (-1/2) = 16 ** 0.5"),
        ([1.0, 1.0, 1.0], 1.0, "a certain and right model has perplexity 1"),
        ([0.1], 10.0, "one token: 1 / p"),
    ):
        expect_close(perplexity.call(p), want, reference=why, mistakes=MISTAKES)


FLOAT32 = Mistake(
    "compute in float64: float32 holds nothing below about 1e-45, so a probability of 1e-300 "
    "becomes 0 and its log -inf",
    lambda p: float(np.exp(-np.mean(np.log(_f(p).astype(np.float32))))),
)
UNDERFLOW_MISTAKES = (*(m for m in MISTAKES if m is not SUM), FLOAT32)
"""Where the product underflows, the sum of -log p overflows exp: both give inf, and so neither
would get a hint (two mistakes that give inf alike tell nothing apart); leaving the sum out,
an infinite result for 2000 tokens of 0.01 is the product's."""


@points(2)
def test_tiny_probabilities_do_not_underflow(perplexity):
    p = np.full(2000, 0.01)
    expect_close(
        perplexity.call(p),
        100.0,
        reference="2000 tokens of probability 0.01: perplexity 100",
        mistakes=UNDERFLOW_MISTAKES,
    )
    p = np.array([1e-300, 0.5, 1e-200, 0.9, 1e-250])
    expect_close(
        perplexity.call(p),
        reference(p),
        reference=REFERENCE + ": p down to 1e-300",
        mistakes=UNDERFLOW_MISTAKES,
    )


@points(2)
def test_every_corner_of_the_domain(perplexity):
    expect_cases(perplexity, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(perplexity):
    expect_rejected(
        perplexity,
        [
            BadInput(
                "a probability is 0 (the model ruled the token out: infinite perplexity)", ([0.5, 0.0],)
            ),
            BadInput("a probability is above 1", ([0.5, 1.2],)),
            BadInput("a probability is negative", ([-0.5, 0.5],)),
            BadInput("a probability is NaN", ([0.5, np.nan],)),
            BadInput("no tokens: the mean of nothing is undefined", ([],)),
            BadInput(
                "token_probs must be 1-D: pass a batch of sequences as one flat sequence",
                ([[0.5, 0.25], [0.5, 0.5]],),
            ),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_subnormal_probabilities_and_a_million_tokens(perplexity):
    """Probabilities of 1e-320 and 5e-324 (float64's smallest) among ordinary ones; 10^6 tokens."""
    for p, why in (
        (np.array([1e-320, 0.5, 5e-324, 0.25, 0.9, 0.9, 0.9, 0.9]), ": subnormal probabilities"),
        (np.full(1_000_000, 0.5), ": a million tokens of 0.5, perplexity 2"),
        (np.array([1e-300]), ": one token of 1e-300, perplexity 1e300"),
    ):
        expect_close(perplexity.call(p), reference(p), reference=REFERENCE + why, mistakes=UNDERFLOW_MISTAKES)


FAST = Fast(inputs=lambda n, rng: {"token_probs": rng.uniform(1e-4, 1.0, size=n)}, within=5.0)


PROPERTIES = (Differential("perplexity", DOMAIN, reference, REFERENCE),)
