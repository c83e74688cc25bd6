"""Grader for probability/js_divergence, against scipy.spatial.distance.jensenshannon(p, q) ** 2."""

import numpy as np
from scipy.spatial.distance import jensenshannon

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

js_divergence = student_function("js_divergence")
REFERENCE = "scipy.spatial.distance.jensenshannon(p, q) ** 2: natural log, both inputs normalised"


def _counts(values, rng):
    """Integer counts, zeros included, with different totals."""
    values["p"] = rng.integers(0, 21, size=values["p"].shape)
    values["q"] = rng.integers(0, 6, size=values["q"].shape)
    values["p"][0], values["q"][-1] = 3, 2
    return values


def _zeros(name):
    def corner(values, rng):
        x = values[name].copy()
        x[::3] = 0.0
        x[-1] = max(x[-1], 0.5)
        values[name] = x
        return values

    return corner


def _disjoint(values, rng):
    """p and q never share an outcome: the divergence is ln 2, its largest value."""
    p, q = values["p"].copy(), values["q"].copy()
    p[1::2], q[0::2] = 0.0, 0.0
    if p.size == 1:
        p, q = np.array([0.7, 0.0]), np.array([0.0, 1.3])
    values["p"], values["q"] = p, q
    return values


def _same_distribution(values, rng):
    """q is 5 p: the same distribution once normalised, so the divergence is 0."""
    values["q"] = 5.0 * values["p"]
    return values


def _tiny_divergence(values, rng):
    """q is 3 p but at outcome 0, where p has 1e-9 of its mass and q none: JS is about 3.5e-10.

    An epsilon added inside the logs "for safety" moves that by 10% and more.
    """
    p = values["p"].copy() if values["p"].size > 1 else np.array([0.0, 1.3])
    p[0], p[-1] = 0.0, max(p[-1], 0.5)
    p[0] = 1e-9 * p.sum()
    q = 3.0 * p
    q[0] = 0.0
    values["p"], values["q"] = p, q
    return values


DOMAIN = Domain(
    seed=1303,
    args=(
        Reals("p", low=0.0, high=3.0, uint8=True, tiny=True, nan_rejected=True),
        Reals("q", low=0.0, high=1.0, uint8=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (1, 4, 9, 300)},
    custom={
        "integer counts": _counts,
        "zeros in p": _zeros("p"),
        "zeros in q": _zeros("q"),
        "disjoint supports": _disjoint,
        "q proportional to p": _same_distribution,
        "a tiny divergence": _tiny_divergence,
    },
)


@cached_reference
def reference(p, q):
    with np.errstate(invalid="ignore"):
        distance = float(jensenshannon(np.asarray(p, float), np.asarray(q, float)))
    return 0.0 if np.isnan(distance) else distance**2  # nan: scipy's sqrt of a rounded -1e-17


def _n(x):
    x = np.asarray(x, float)
    return x / x.sum()


def _kl(a, m, log=np.log, eps=0.0, skip_zeros=True, inside=0.0):
    with np.errstate(all="ignore"):
        terms = a * log((a + inside) / (m + eps + inside))
    return float(np.sum(terms[a > 0] if skip_zeros else terms))


def _js(
    p, q, *, normalise=True, log=np.log, mixture="half", eps=0.0, skip_zeros=True, halves=True, inside=0.0
):
    """The divergence, with one knob per common mistake (``inside``: an epsilon in every log)."""
    p, q = (_n(p), _n(q)) if normalise else (np.asarray(p, float), np.asarray(q, float))
    m = (p + q) / 2 if mixture == "half" else p + q
    both = _kl(p, m, log, eps, skip_zeros, inside) + _kl(q, m, log, eps, skip_zeros, inside)
    return both / 2 if halves else both


def _raw_mixture(p, q):
    """The mistake of mixing the raw weights: M = (P + Q) / sum(P + Q), not (p + q) / 2."""
    raw = np.asarray(p, float) + np.asarray(q, float)
    m = raw / raw.sum()
    return (_kl(_n(p), m) + _kl(_n(q), m)) / 2


MISTAKES = (
    Mistake(
        "scipy's jensenshannon returns the Jensen-Shannon *distance*, the square root of the "
        "divergence: return the divergence itself, without np.sqrt",
        lambda p, q: float(np.sqrt(max(_js(p, q), 0.0))),
    ),
    Mistake(
        "normalise both inputs first (divide each by its sum): p and q may be counts or unnormalised weights",
        lambda p, q: _js(p, q, normalise=False),
    ),
    Mistake(
        "use the natural log (np.log), not log2: the divergence is in nats",
        lambda p, q: _js(p, q, log=np.log2),
    ),
    Mistake(
        "the mixture is M = (p + q) / 2, the average of the two distributions, not their sum",
        lambda p, q: _js(p, q, mixture="sum"),
    ),
    Mistake(
        "average the two divergences: JS = KL(P || M) / 2 + KL(Q || M) / 2; you added them",
        lambda p, q: _js(p, q, halves=False),
    ),
    Mistake(
        "JS has two halves, KL(P || M) / 2 and KL(Q || M) / 2: you left out Q's",
        lambda p, q: _kl(_n(p), (_n(p) + _n(q)) / 2) / 2,
    ),
    Mistake(
        "JS has two halves, KL(P || M) / 2 and KL(Q || M) / 2: you computed KL(P || M) alone",
        lambda p, q: _kl(_n(p), (_n(p) + _n(q)) / 2),
    ),
    Mistake(
        "M is the average of the *normalised* distributions, (p / sum(p) + q / sum(q)) / 2, not the "
        "normalised sum of the raw weights",
        _raw_mixture,
    ),
    Mistake(
        "0 * ln(0) is nan in numpy, but its limit is 0: leave out the terms with p_i = 0 (and q_i = 0)",
        lambda p, q: _js(p, q, skip_zeros=False),
    ),
    *(
        Mistake(
            "an epsilon added to M 'for safety' takes about k * epsilon off the divergence, which "
            "shows when the distributions are close: M is positive wherever p or q is, so nothing "
            "divides by 0",
            lambda p, q, eps=eps: _js(p, q, eps=eps),
        )
        for eps in (1e-12, 1e-10, 1e-8)
    ),
    *(
        Mistake(
            "an epsilon added inside the logs 'for safety', ln((p + eps) / (m + eps)), changes every "
            "term, and a tiny divergence is mostly that change: M is positive wherever p or q is, and "
            "the terms with p_i = 0 are simply left out",
            lambda p, q, eps=eps: _js(p, q, skip_zeros=False, inside=eps),
        )
        for eps in (1e-12, 1e-10, 1e-8)
    ),
)


@points(3)
def test_matches_scipy_on_random_inputs(js_divergence):
    rng = seeded(1301)
    for k in (2, 3, 10, 400):
        weights = rng.uniform(0.1, 5.0, size=k), rng.uniform(0.0, 1.0, size=k)
        probabilities = rng.dirichlet(np.ones(k)), rng.dirichlet(np.full(k, 0.5))
        close = probabilities[0], probabilities[0] * rng.uniform(0.9, 1.1, size=k)
        for p, q in (weights, probabilities, close):
            expect_close(js_divergence.call(p, q), reference(p, q), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_zeros_disjoint_and_equal_distributions(js_divergence):
    for p, q, why in (
        ([1, 0], [1, 1], "the docstring's example: M = [0.75, 0.25]"),
        ([0.0, 0.3, 0.7], [0.6, 0.4, 0.0], "a zero in each: those terms are 0, and M stays positive"),
        ([1, 0], [0, 1], "disjoint supports: the largest divergence, ln 2"),
        ([0.2, 0.0, 0.8], [0.5, 0.0, 0.5], "an outcome neither has: it adds nothing"),
        ([3, 1, 0, 6], [6, 2, 0, 12], "the same distribution twice (once doubled): 0"),
        ([2.0], [7.0], "one outcome: both normalise to [1], the divergence is 0"),
    ):
        expect_close(
            js_divergence.call(p, q), reference(p, q), reference=f"{REFERENCE}; {why}", mistakes=MISTAKES
        )


@points(2)
def test_every_corner_of_the_domain(js_divergence):
    expect_cases(js_divergence, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(js_divergence):
    expect_rejected(
        js_divergence,
        [
            BadInput("p holds a negative weight", ([0.5, -0.1, 0.6], [0.3, 0.3, 0.4])),
            BadInput("q holds a negative weight", ([0.5, 0.5], [1.2, -0.2])),
            BadInput("p sums to 0: it is not a distribution", ([0.0, 0.0], [0.5, 0.5])),
            BadInput("q sums to 0: it is not a distribution", ([0.5, 0.5], [0.0, 0.0])),
            BadInput("p holds inf", ([np.inf, 1.0], [0.5, 0.5])),
            BadInput("q holds inf", ([0.5, 0.5], [1.0, np.inf])),
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


def _js_as_given(p, q):
    """The divergence in the inputs' own dtype: float32 sums of values near 3e38 overflow."""
    if not any_float32(p, q):
        return None
    p, q = as_given(p), as_given(q)
    with np.errstate(all="ignore"):
        p, q = p / p.sum(), q / q.sum()
        m = (p + q) / 2
        return (_kl(p, m) + _kl(q, m)) / 2


@robust()
@points(1)
def test_huge_weights_tiny_masses_and_float32(js_divergence):
    """Weights of 1e300, masses of 1e-300 beside ordinary ones, float32 weights near 3e38."""
    rng = seeded(1304)
    mistakes = (*MISTAKES, Mistake(FLOAT32_OVERFLOW, _js_as_given))
    for p, q, why in (
        ([1e300, 3e300, 2e300], [2e300, 1e300, 1e300], "weights of 1e300 (their sum stays finite)"),
        ([1e-300, 0.5, 0.5], [0.25, 1e-300, 0.75], "masses of 1e-300"),
        (np.full(8, 3e38, np.float32), np.linspace(1.0, 2.0, 8), "float32 p, 3e38 everywhere"),
        (np.abs(near_float32_max(rng, 8)), np.abs(near_float32_max(rng, 8)), "float32 weights near 3.4e38"),
    ):
        outcome = js_divergence.call(p, q)
        expect_close(outcome, reference(p, q), reference=f"{REFERENCE}; {why}", mistakes=mistakes)


def _fast_inputs(n, rng):
    return {"p": rng.dirichlet(np.ones(n)), "q": rng.dirichlet(np.ones(n))}


FAST = Fast(inputs=_fast_inputs, within=5.0)


PROPERTIES = (Differential("js_divergence", DOMAIN, judge=_judge),)
