"""Grader for probability/kl_divergence, against scipy.stats.entropy(p, q)."""

import warnings

import numpy as np
from scipy.stats import entropy

from mlkata.grading import Mistake, expect_close, expect_raises, points, seeded, student_function
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    expect_case,
    expect_cases,
    expect_rejected,
)
from mlkata.grading.corners import overflowing_sums
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, any_float32, as_given, near_float32_max
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

kl_divergence = student_function("kl_divergence")
REFERENCE = "scipy.stats.entropy(p, q): natural log, both inputs normalised"


def _counts(values, rng):
    """Integer counts (q at least 1, so the divergence stays finite) summing to anything."""
    values["p"] = rng.integers(0, 21, size=values["p"].shape)
    values["q"] = rng.integers(1, 21, size=values["q"].shape)
    return values


def _zeros_in_p(values, rng):
    """Outcomes P never has: their terms are 0 (0 ln 0 = 0), whatever q is there."""
    p = values["p"].copy()
    p[::3] = 0.0
    p[-1] = max(p[-1], 0.5)
    values["p"] = p
    return values


def _impossible_under_q(values, rng):
    """q = 0 where p > 0: P puts mass where Q says it cannot be, the divergence is inf."""
    p, q = values["p"].copy(), values["q"].copy()
    p[0], q[0] = 1.5, 0.0
    values["p"], values["q"] = p, q
    return values


def _zeros_in_both(values, rng):
    """Outcomes neither distribution has (p = q = 0): they add nothing."""
    p, q = values["p"].copy(), values["q"].copy()
    p[1::2], q[1::2] = 0.0, 0.0
    values["p"], values["q"] = p, q
    return values


def _same_distribution(values, rng):
    """q is 4 p: the same distribution once normalised, so the divergence is 0."""
    values["q"] = 4.0 * values["p"]
    return values


def _tiny_divergence(values, rng):
    """q is 2 p but at outcome 0, where p has 1e-9 of its mass and q 1e-12: KL is about 6e-9.

    An epsilon added "for safety" (1e-10 is a hundred times q's mass there) is most of the answer.
    """
    p = values["p"].copy() if values["p"].size > 1 else np.array([0.0, 1.3])
    p[0], p[-1] = 0.0, max(p[-1], 0.5)
    total = p.sum()
    p[0] = 1e-9 * total
    q = 2.0 * p
    q[0] = 2e-12 * total
    values["p"], values["q"] = p, q
    return values


DOMAIN = Domain(
    seed=1203,
    args=(
        Reals("p", low=0.0, high=3.0, uint8=True, tiny=True, nan_rejected=True),
        Reals("q", low=0.05, high=3.0, uint8=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (1, 4, 9, 300)},
    custom={
        "integer counts": _counts,
        "zeros in p": _zeros_in_p,
        "q = 0 where p > 0": _impossible_under_q,
        "zeros in p and q at the same places": _zeros_in_both,
        "q proportional to p": _same_distribution,
        "a tiny divergence": _tiny_divergence,
    },
)


@cached_reference
def reference(p, q):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(entropy(np.asarray(p, float), np.asarray(q, float)))


def _kl(p, q, *, normalise="both", log=np.log, eps=0.0, keep="p", where_p_zero="skip"):
    """sum p ln(p / q), with one knob per common mistake."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    if normalise in ("both", "p"):
        p = p / p.sum()
    if normalise in ("both", "q"):
        q = q / q.sum()
    with np.errstate(all="ignore"):
        terms = p * log((p + eps) / (q + eps))
    if where_p_zero == "skip":
        mask = p > 0
        if keep == "both":
            mask &= q > 0
        terms = terms[mask]
    return float(np.sum(terms))


MISTAKES = (
    Mistake(
        "normalise both inputs first (divide each by its sum): p and q may be counts or unnormalised weights",
        lambda p, q: _kl(p, q, normalise="none"),
    ),
    Mistake("normalise q too: divide it by its sum", lambda p, q: _kl(p, q, normalise="p")),
    Mistake("normalise p too: divide it by its sum", lambda p, q: _kl(p, q, normalise="q")),
    Mistake(
        "use the natural log (np.log), not log2: the divergence is in nats",
        lambda p, q: _kl(p, q, log=np.log2),
    ),
    Mistake(
        "that is KL(Q || P): the divergence is not symmetric; weight the log by p, ln(p / q)",
        lambda p, q: _kl(q, p),
    ),
    Mistake(
        "that is the cross-entropy -sum p ln q; KL subtracts P's own entropy: sum p ln(p / q)",
        lambda p, q: float(-np.sum(_n(p)[_n(p) > 0] * np.log(_n(q)[_n(p) > 0]))),
    ),
    Mistake(
        "where q_i = 0 < p_i the divergence is inf (P puts mass where Q has none): do not drop those terms",
        lambda p, q: _kl(p, q, keep="both"),
    ),
    Mistake(
        "0 * ln(0) is nan in numpy, but its limit is 0: leave out the terms with p_i = 0",
        lambda p, q: _kl(p, q, where_p_zero="keep"),
    ),
    *(
        Mistake(
            "an epsilon added 'for safety' changes the divergence, and on small probabilities it "
            "dominates: q_i = 0 < p_i must give inf, and p_i = 0 terms are simply left out",
            lambda p, q, eps=eps: _kl(p, q, eps=eps),
        )
        for eps in (1e-12, 1e-10, 1e-8)
    ),
)


def _n(x):
    x = np.asarray(x, float)
    return x / x.sum()


@points(3)
def test_matches_scipy_on_random_inputs(kl_divergence):
    rng = seeded(1201)
    for k in (2, 3, 10, 400):
        weights = rng.uniform(0.1, 5.0, size=k), rng.uniform(0.1, 5.0, size=k)
        probabilities = rng.dirichlet(np.ones(k)), rng.dirichlet(np.full(k, 0.5))
        for p, q in (weights, probabilities):
            expect_close(kl_divergence.call(p, q), reference(p, q), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_zeros_infinity_and_equal_distributions(kl_divergence):
    for p, q, why in (
        ([1, 1], [9, 1], "counts [1, 1] and [9, 1] are the distributions [0.5, 0.5] and [0.9, 0.1]"),
        ([1.0, 0.0], [0.5, 0.5], "the term with p_i = 0 is 0"),
        ([0.2, 0.0, 0.8], [0.5, 0.0, 0.5], "p_i = 0 where q_i = 0 too: that term is 0, not nan"),
        ([0.5, 0.5], [1.0, 0.0], "q_i = 0 < p_i: the divergence is inf"),
        ([3, 1, 0, 6], [6, 2, 0, 12], "the same distribution twice (once doubled): 0"),
        ([2.0], [7.0], "one outcome: both normalise to [1], the divergence is 0"),
    ):
        expect_close(
            kl_divergence.call(p, q), reference(p, q), reference=f"{REFERENCE}; {why}", mistakes=MISTAKES
        )


@points(2)
def test_every_corner_of_the_domain(kl_divergence):
    expect_cases(kl_divergence, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(kl_divergence):
    expect_rejected(
        kl_divergence,
        [
            BadInput("p holds a negative weight", ([0.5, -0.1, 0.6], [0.3, 0.3, 0.4])),
            BadInput("q holds a negative weight", ([0.5, 0.5], [1.2, -0.2])),
            BadInput("p sums to 0: it is not a distribution", ([0.0, 0.0], [0.5, 0.5])),
            BadInput("q sums to 0: it is not a distribution", ([0.5, 0.5], [0.0, 0.0])),
            BadInput("q holds inf", ([0.5, 0.5], [np.inf, 1.0])),
            BadInput("p holds inf", ([1.0, np.inf], [0.5, 0.5])),
            BadInput("p has 3 entries and q 2", ([0.2, 0.3, 0.5], [0.5, 0.5])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("p and q must be 1-D", ([[0.5, 0.5]], [[0.5, 0.5]])),
            *DOMAIN.bad_inputs(),  # p = [x] against several q too: it is not broadcast
            *overflowing_sums(DOMAIN, "p", "q"),
        ],
    )


def _judge(function, case):
    if not all(np.sum(np.asarray(x, float)) > 0 for x in case.args):  # small integer draws can be all 0
        expect_raises(call_case(function, case), because="weights summing to 0 are not a distribution")
        return
    expect_case(function, case, reference, reference_name=REFERENCE, mistakes=MISTAKES)


def _kl_as_given(p, q):
    """sum p ln(p / q) in the inputs' own dtype: float32 sums of values near 3e38 overflow."""
    if not any_float32(p, q):
        return None
    p, q = as_given(p), as_given(q)
    with np.errstate(all="ignore"):
        p, q = p / p.sum(), q / q.sum()
        keep = p > 0
        return float(np.sum(p[keep] * np.log(p[keep] / q[keep])))


@robust()
@points(1)
def test_huge_weights_tiny_masses_and_float32(kl_divergence):
    """Weights of 1e300, masses of 1e-300 beside ordinary ones, float32 weights near 3e38."""
    rng = seeded(1204)
    mistakes = (*MISTAKES, Mistake(FLOAT32_OVERFLOW, _kl_as_given))
    for p, q, why in (
        ([1e300, 3e300, 2e300], [2e300, 1e300, 1e300], "weights of 1e300 (their sum stays finite)"),
        ([1e-300, 0.5, 0.5], [0.25, 1e-300, 0.75], "masses of 1e-300: ln(p / q) is about 690"),
        (np.full(8, 3e38, np.float32), np.linspace(1.0, 2.0, 8), "float32 p, 3e38 everywhere"),
        (np.abs(near_float32_max(rng, 8)), np.abs(near_float32_max(rng, 8)), "float32 weights near 3.4e38"),
    ):
        expect_close(
            kl_divergence.call(p, q), reference(p, q), reference=f"{REFERENCE}; {why}", mistakes=mistakes
        )


def _fast_inputs(n, rng):
    return {"p": rng.dirichlet(np.ones(n)), "q": rng.dirichlet(np.ones(n))}


FAST = Fast(inputs=_fast_inputs, within=5.0)


PROPERTIES = (Differential("kl_divergence", DOMAIN, judge=_judge),)
