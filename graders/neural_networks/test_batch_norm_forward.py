"""Grader for neural_networks/batch_norm_forward, against the batch's own mean and population variance.

Only ``out`` is compared; the cache is the learner's own (batch_norm_backward's grader hands
it to their batch_norm_backward), and must only be plain data.
"""

import numpy as np

from mlkata.grading import GradeFailure, Mistake, expect_close, points, seeded, student_function, with_hints
from mlkata.grading.checks import (
    READ_ONLY_HINT,
    BadInput,
    Differential,
    call_case,
    case_suffix,
    case_tolerances,
    conditioning_tolerance,
    expect_rejected,
)
from mlkata.grading.corners import numbers_as_strings
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

batch_norm_forward = student_function("batch_norm_forward")
REFERENCE = "gamma * (X - X.mean(axis=0)) / sqrt(X.var(axis=0) + eps) + beta (numpy, population variance)"
PLAIN_CACHE = (
    "return (out, cache) with a cache of plain data: numbers, numpy arrays, and tuples, lists or "
    "dicts of them (the graders keep it for your batch_norm_backward)"
)


def _f(a):
    return np.asarray(a, dtype=float)


@cached_reference
def reference(X, gamma, beta, eps=1e-5):
    X = _f(X)
    return _f(gamma) * (X - X.mean(axis=0)) / np.sqrt(X.var(axis=0) + eps) + _f(beta)


def _normalised(X, gamma, beta, eps=1e-5, *, axis=0, ddof=0, where="inside", scale=True):
    X, gamma, beta = _f(X), _f(gamma), _f(beta)
    mean = X.mean(axis=axis, keepdims=True)
    var = X.var(axis=axis, ddof=ddof, keepdims=True)
    spread = {
        "inside": np.sqrt(var + eps),
        "outside": np.sqrt(var) + eps,
        "none": np.sqrt(var),
        "no sqrt": var + eps,
    }[where]
    x_hat = (X - mean) / spread
    return gamma * x_hat + beta if scale else x_hat


def _variant(**how):
    return lambda X, gamma, beta, eps=1e-5: _normalised(X, gamma, beta, eps, **how)


def _from_moments(X, gamma, beta, eps=1e-5):
    X = _f(X)
    with np.errstate(over="ignore", invalid="ignore"):
        var = np.maximum((X**2).mean(axis=0) - X.mean(axis=0) ** 2, 0.0)
        return _f(gamma) * (X - X.mean(axis=0)) / np.sqrt(var + eps) + _f(beta)


MISTAKES = (
    Mistake(
        "the variance as E[X^2] - E[X]^2 cancels catastrophically for a feature far from 0 (and "
        "X^2 overflows beyond 1e154): centre first, var = mean((X - mu)^2), as np.var does",
        _from_moments,
    ),
    Mistake(
        "use the population variance (divide by N, np.var's default ddof=0), not the sample variance (N - 1)",
        _variant(ddof=1),
    ),
    Mistake(
        "eps goes inside the square root: (X - mu) / sqrt(var + eps), not / (sqrt(var) + eps)",
        _variant(where="outside"),
    ),
    Mistake(
        "use the eps argument: it is added to the variance inside the square root",
        _variant(where="none"),
    ),
    Mistake(
        "divide by the standard deviation sqrt(var + eps), not by the variance",
        _variant(where="no sqrt"),
    ),
    Mistake(
        "normalise each feature (column) over the batch: mean and variance along axis 0, not per sample",
        _variant(axis=1),
    ),
    Mistake(
        "each feature has its own mean and variance (axis=0): you used those of all the entries together",
        _variant(axis=None),
    ),
    Mistake(
        "out = gamma * x_hat + beta: you swapped gamma and beta",
        lambda X, gamma, beta, eps=1e-5: _normalised(X, beta, gamma, eps),
    ),
    Mistake(
        "that is x_hat: scale it by gamma and shift it by beta",
        _variant(scale=False),
    ),
)


def expect_out(outcome, expected, *, reference_name=REFERENCE, rtol=1e-7, atol=1e-12):
    """Check the returned (out, cache): a pair, a plain cache, and out."""
    if outcome.unplain is not None:
        raise GradeFailure(with_hints(f"{outcome.call} returned {outcome.unplain}", PLAIN_CACHE))
    value = outcome.value
    if outcome.raised is None and not (isinstance(value, tuple | list) and len(value) == 2):
        raise GradeFailure(
            with_hints(
                f"{outcome.call} returned {type(value).__name__} {value!r:.100}; expected a pair "
                "(out, cache)",
                PLAIN_CACHE,
            )
        )
    expect_close(
        outcome.part(0, "out"), expected, reference=reference_name, rtol=rtol, atol=atol, mistakes=MISTAKES
    )


def judge(function, case):
    """One domain case: ``out`` against the reference (float32 and offset cases widened)."""
    outcome = call_case(function, case)
    if outcome.raised is not None and "read-only" in outcome.raised.message:
        raise GradeFailure(with_hints(f"{outcome.call} raised {outcome.raised.summary()}", READ_ONLY_HINT))
    expected = reference(*case.widened, **case.widened_kwargs)
    rtol, atol = case_tolerances(reference, case, expected, rtol=1e-7, atol=1e-12)
    atol = max(atol, conditioning_tolerance(reference, case, expected))  # features near 1e6
    expect_out(outcome, expected, reference_name=REFERENCE + case_suffix(case), rtol=rtol, atol=atol)


def _problem(rng, n, d):
    X = rng.normal(loc=rng.normal(scale=3, size=d), scale=rng.uniform(0.5, 3, size=d), size=(n, d))
    return X, rng.uniform(0.5, 2.0, size=d), rng.normal(size=d)


@points(3)
def test_matches_the_batch_statistics(batch_norm_forward):
    rng = seeded(2501)
    for (n, d), eps in (((2, 3), 1e-5), ((5, 1), 1e-5), ((8, 4), 1e-3), ((30, 6), 1e-5), ((4, 7), 0.1)):
        X, gamma, beta = _problem(rng, n, d)
        expect_out(batch_norm_forward.call(X, gamma, beta, eps=eps), reference(X, gamma, beta, eps))
    X, gamma, beta = _problem(rng, 6, 3)
    expect_out(
        batch_norm_forward.call(X, gamma, beta),
        reference(X, gamma, beta),
        reference_name=REFERENCE + ", default eps=1e-5",
    )


@points(1)
def test_hand_worked(batch_norm_forward):
    expect_out(
        batch_norm_forward.call([[1.0, 2.0], [3.0, 6.0]], [2.0, 1.0], [0.5, -1.0], eps=1e-12),
        [[-1.5, -2.0], [2.5, 0.0]],
        reference_name="by hand: means (2, 4), variances (1, 4), so x_hat = -1 and +1 in both columns",
        rtol=1e-9,
    )


@robust()
@points(1)
def test_one_sample_and_constant_features(batch_norm_forward):
    rng = seeded(2502)
    gamma, beta = rng.uniform(0.5, 2, size=3), rng.normal(size=3)
    one = rng.normal(size=(1, 3))
    expect_out(
        batch_norm_forward.call(one, gamma, beta),
        reference(one, gamma, beta),
        reference_name="one sample: its variance is 0, x_hat = 0 / sqrt(0 + eps) = 0, so out = beta",
    )
    constant = np.column_stack([np.full(5, 4.0), rng.normal(size=5), np.full(5, -2.0)])
    expect_out(
        batch_norm_forward.call(constant, gamma, beta, eps=1e-3),
        reference(constant, gamma, beta, 1e-3),
        reference_name=REFERENCE + ": a constant feature gives out = beta",
    )


def _offset_features(values, rng):
    """Features near 1e6 and -1e6 with unit spread: E[X^2] - E[X]^2 cancels catastrophically."""
    X = values["X"]
    values["X"] = X + rng.choice([-1e6, 1e6, 5e5], size=X.shape[1])
    return values


def _constant_feature(values, rng):
    X = values["X"].copy()
    X[:, 0] = 3.0
    values["X"] = X
    return values


def _one_sample(values, rng):
    values["X"] = values["X"][:1].copy()
    return values


def _tiny_and_big_scales(values, rng):
    """Features of spread 1e-4 (variance near eps) and 1e4 side by side."""
    X = values["X"].copy()
    X[:, ::2] *= 1e-4
    X[:, 1::2] *= 1e4
    values["X"] = X
    return values


DOMAIN = Domain(
    seed=2511,
    args=(
        Reals("X", ("n", "d"), scale=2, loc=1, uint8=True, offset=True, tiny=True),
        Reals("gamma", ("d",), low=0.5, high=2.0),
        Reals("beta", ("d",)),
    ),
    sizes={"n": (2, 5, 12, 40), "d": (3, 1, 4, 2)},
    params=(
        Param("eps", 1e-5, values=(1e-3, 0.5), invalid=(0.0, -1e-5, np.nan), why_invalid="is not positive"),
    ),
    custom={
        "features near +-1e6": _offset_features,
        "a constant feature": _constant_feature,
        "one sample": _one_sample,
        "spreads of 1e-4 and 1e4": _tiny_and_big_scales,
    },
)
EXTREME = ("offset", "features near +-1e6", "a constant feature", "one sample")
"""The corners of level ★★ (robust): features far from 0, of variance 0, a batch of one."""


@points(2)
def test_every_corner_of_the_domain(batch_norm_forward):
    for case in DOMAIN.corner_cases():
        if case.name not in EXTREME:
            judge(batch_norm_forward, case)


@robust()
@points(1)
def test_features_far_from_zero_and_of_variance_zero(batch_norm_forward):
    for case in DOMAIN.corner_cases(only=EXTREME):
        judge(batch_norm_forward, case)


@robust()
@points(1)
def test_huge_magnitudes(batch_norm_forward):
    """Features of size 1e200 and 1e300 (constant, or spread 1e150): their squares overflow.

    The constants are powers of 2 and there are eight samples, so that however the mean of a
    constant feature is summed, it is exact and the feature is centred to exactly 0.
    """
    rng = seeded(2504)
    X = np.column_stack(
        [np.full(8, 2.0**996), np.full(8, -(2.0**664)), 1e150 * rng.normal(size=8), rng.normal(size=8)]
    )
    gamma, beta = rng.uniform(0.5, 2, size=4), rng.normal(size=4)
    expect_out(
        batch_norm_forward.call(X, gamma, beta),
        reference(X, gamma, beta),
        reference_name=REFERENCE + ": constant features give out = beta, whatever their size",
    )
    one = np.array([[1e300, -1e300, 5e-324]])
    expect_out(
        batch_norm_forward.call(one, gamma[:3], beta[:3]),
        reference(one, gamma[:3], beta[:3]),
        reference_name="one sample of size 1e300: its variance is 0, so out = beta",
    )


@points(1)
def test_rejects_bad_input(batch_norm_forward):
    X, gamma, beta = _problem(seeded(2503), 5, 3)
    expect_rejected(
        batch_norm_forward,
        [
            BadInput("gamma has 2 entries for 3 features", (X, gamma[:2], beta)),
            BadInput("beta has 4 entries for 3 features", (X, gamma, np.ones(4))),
            BadInput("X is one sample as a 1-D array: it must be 2-D (N, D)", (X[0], gamma, beta)),
            BadInput("X has no rows: a batch of no samples has no mean", (np.zeros((0, 3)), gamma, beta)),
            BadInput("eps=0.0 is not positive", (X, gamma, beta), {"eps": 0.0}),
            BadInput("'a' is not a number", ([["a", "b", "c"]], gamma, beta)),
            *DOMAIN.bad_inputs(),  # a single gamma or beta too: they are not broadcast
            *numbers_as_strings(DOMAIN),
        ],
    )


PROPERTIES = (Differential("batch_norm_forward", DOMAIN, judge=judge),)


def _batch(n, rng):
    return {
        "X": rng.normal(loc=3.0, size=(n // 100, 100)),
        "gamma": rng.uniform(0.5, 2, size=100),
        "beta": rng.normal(size=100),
    }


FAST = Fast(inputs=_batch, why="a batch of n // 100 samples of 100 features")
