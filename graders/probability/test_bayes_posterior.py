"""Grader for probability/bayes_posterior, against exact rational arithmetic."""

from fractions import Fraction

import numpy as np

from mlkata.grading import GradeFailure, Mistake, expect_close, points, seeded, student_function, with_hints
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Probs, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

bayes_posterior = student_function("bayes_posterior")
REFERENCE = "prior * likelihood / sum(prior * likelihood), computed exactly with fractions.Fraction"
RTOL, ATOL = 1e-11, 1e-15


def _integer_likelihoods(values, rng):
    """Integer likelihoods (counts, or unnormalised weights): the posterior is still a ratio."""
    values["likelihood"] = rng.integers(1, 6, size=values["likelihood"].shape)
    return values


def _zero_prior_mass(values, rng):
    """Hypotheses with prior 0 (their posterior is 0) and likelihoods of 0 elsewhere."""
    prior, likelihood = values["prior"].copy(), values["likelihood"].copy()
    if len(prior) > 2:
        prior[0] = 0.0
        prior /= prior.sum()
        likelihood[1] = 0.0
    values["prior"], values["likelihood"] = prior, likelihood
    return values


DOMAIN = Domain(
    seed=1103,
    args=(
        Probs("prior", simplex=True),
        Reals("likelihood", low=0.05, high=0.95, integers=False, uint8=True, tiny=True, nan_rejected=True),
    ),
    sizes={"n": (1, 4, 7, 50)},
    custom={"integer likelihoods": _integer_likelihoods, "hypotheses with prior 0": _zero_prior_mass},
)


@cached_reference
def reference(prior, likelihood):
    joint = [Fraction(float(p)) * Fraction(float(q)) for p, q in zip(prior, likelihood, strict=True)]
    evidence = sum(joint)
    return np.array([float(j / evidence) for j in joint])


def _f(a):
    return np.asarray(a, dtype=np.float64)


MISTAKES = (
    Mistake(
        "divide by the evidence: prior * likelihood is the joint P(h, D), which sums to P(D), not to 1",
        lambda p, q: _f(p) * _f(q),
    ),
    Mistake(
        "the evidence is sum(prior * likelihood), not sum(likelihood)",
        lambda p, q: _f(p) * _f(q) / _f(q).sum(),
    ),
    Mistake(
        "you ignored the prior: the posterior is proportional to prior * likelihood",
        lambda p, q: _f(q) / _f(q).sum(),
    ),
    Mistake(
        "multiply the prior by the likelihood; you divided by it",
        lambda p, q: (_f(p) / _f(q)) / (_f(p) / _f(q)).sum(),
    ),
    Mistake(
        "you returned the prior unchanged: the data must update it",
        lambda p, q: _f(p),
    ),
)


def _expect_posterior(outcome, prior, likelihood, because=""):
    if outcome.raised is not None and outcome.raised.is_value_error and because:
        raise GradeFailure(f"{outcome.call} raised {outcome.raised.summary()}, but {because}")
    expect_close(
        outcome, reference(prior, likelihood), reference=REFERENCE, rtol=RTOL, atol=ATOL, mistakes=MISTAKES
    )


@points(3)
def test_matches_exact_arithmetic_on_random_inputs(bayes_posterior):
    rng = seeded(1101)
    for k in (1, 2, 5, 300):
        prior = rng.dirichlet(np.ones(k))
        prior = prior / prior.sum()
        for likelihood in (rng.uniform(0.01, 1.0, size=k), rng.gamma(2.0, 3.0, size=k)):
            _expect_posterior(bayes_posterior.call(prior, likelihood), prior, likelihood)


@points(2)
def test_edge_cases(bayes_posterior):
    cases = (
        ([0.5, 0.0, 0.5], [0.2, 0.9, 0.6], "a hypothesis with prior 0 keeps posterior 0"),
        ([0.2, 0.3, 0.5], [0.4, 0.4, 0.4], "equal likelihoods leave the prior unchanged"),
        ([0.3, 0.7], [0.0, 0.25], "a likelihood of 0 rules its hypothesis out"),
        ([0.25, 0.25, 0.5], [3.5, 0.2, 12.0], "likelihoods may be density values above 1"),
        ([1.0], [0.3], "one hypothesis has posterior 1"),
    )
    for prior, likelihood, why in cases:
        _expect_posterior(bayes_posterior.call(prior, likelihood), prior, likelihood, because=why)
    sevenths = [1 / 7] * 7
    likelihood = [0.1 * (i + 1) for i in range(7)]
    _expect_posterior(
        bayes_posterior.call(sevenths, likelihood),
        sevenths,
        likelihood,
        because=f"seven priors of 1/7 are a valid prior, and their float sum is {float(np.sum(sevenths))!r}, "
        "not exactly 1: compare the sum with 1 within a tolerance (say 1e-6), not with ==",
    )


@points(2)
def test_every_corner_of_the_domain(bayes_posterior):
    expect_cases(
        bayes_posterior,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
        rtol=RTOL,
        atol=ATOL,
    )


@points(1)
def test_rejects_bad_input(bayes_posterior):
    dividing_zero_by_zero = Mistake(
        "evidence is 0: every hypothesis with prior mass has likelihood 0, so raise ValueError "
        "instead of dividing 0 by 0",
        lambda p, q: _f(p) * _f(q) / (_f(p) * _f(q)).sum(),
    )
    rescaling = Mistake(
        "a prior that does not sum to 1 is bad input here: raise ValueError rather than rescaling it",
        lambda p, q: _f(p) * _f(q) / (_f(p) * _f(q)).sum(),
    )
    expect_rejected(
        bayes_posterior,
        [
            BadInput(
                "the evidence sum(prior * likelihood) is 0",
                ([0.5, 0.5, 0.0], [0.0, 0.0, 0.7]),
                mistakes=(dividing_zero_by_zero,),
            ),
            BadInput("the prior sums to 0.9, not 1", ([0.3, 0.6], [0.5, 0.5]), mistakes=(rescaling,)),
            BadInput("the prior sums to 2, not 1", ([1.0, 1.0], [0.5, 0.2]), mistakes=(rescaling,)),
            BadInput("a prior probability is negative", ([1.2, -0.2], [0.5, 0.5])),
            BadInput("a likelihood is negative", ([0.5, 0.5], [0.5, -0.1])),
            BadInput("prior has 3 entries and likelihood 2", ([0.2, 0.3, 0.5], [0.5, 0.5])),
            BadInput("both inputs are empty", ([], [])),
            BadInput(
                "the prior sums to 1.000005, more than 1e-6 from 1",
                ([0.5, 0.500005], [0.5, 0.5]),
                mistakes=(rescaling,),
            ),
            BadInput("a likelihood is inf", ([0.5, 0.5], [0.5, np.inf])),
            BadInput("a prior probability is nan", ([0.5, np.nan], [0.5, 0.5])),
            *DOMAIN.bad_inputs(),
        ],
    )


TINY_EVIDENCE = (
    "likelihoods of 1e-300 are tiny, not 0: the evidence is a tiny positive number and the "
    "posterior an ordinary one; refuse only an evidence of exactly 0 (a threshold such as "
    "evidence < 1e-12 refuses valid data)"
)


@robust()
@points(1)
def test_tiny_and_huge_likelihoods(bayes_posterior):
    """Likelihoods of 1e-300 and 1e300, and float32 likelihoods below float32's smallest normal (1e-38)."""
    prior = [0.2, 0.3, 0.5]
    subnormal = np.array([3e-44, 1e-44, 4e-44], dtype=np.float32)  # exact multiples of 1.4e-45
    for prior_, likelihood, what in (
        (prior, [3e-300, 1e-300, 5e-301], "likelihoods of 1e-300"),
        (prior, [3e300, 1e300, 1.5e300], "likelihoods of 1e300"),
        (np.array([0.25, 0.25, 0.5], np.float32), subnormal, "float32 likelihoods of 1e-44"),
    ):
        outcome = bayes_posterior.call(prior_, likelihood)
        if outcome.raised is not None and outcome.raised.is_value_error:
            raise GradeFailure(
                with_hints(f"{outcome.call} raised {outcome.raised.summary()} on {what}", TINY_EVIDENCE)
            )
        expect_close(
            outcome,
            reference(prior_, likelihood),
            reference=f"{REFERENCE}; {what}",
            rtol=RTOL,
            atol=0.0,
            mistakes=MISTAKES,
        )


FAST = Fast(
    inputs=lambda n, rng: {"prior": rng.dirichlet(np.ones(n)), "likelihood": rng.uniform(0.01, 1.0, n)},
    within=5.0,
)


PROPERTIES = (Differential("bayes_posterior", DOMAIN, reference, REFERENCE, rtol=RTOL, atol=ATOL),)
