"""Grader for neural_networks/batch_norm_backward, against central finite differences.

The learner's batch_norm_backward is given the cache of the learner's own batch_norm_forward
(``student_function(..., module="batch_norm_forward")``: the module next to this one in the
graded folder), whose ``out`` must be right first. The loss differentiated is
``L = sum(dout * out)``, so its gradients are what the backward pass returns; the reference
computes ``out`` here in float64 and takes (L(p + h) - L(p - h)) / (2 h), h = 1e-6, for every
entry of X, gamma and beta. The corner cases are judged against the chain rule written out
step by step through the forward pass's graph (checked against the finite differences).

The property tests judge the solution's backward on its own: they hand it the cache the
forward pass's docstring suggests, ``(x_hat, gamma, inv_std)``.
"""

import numpy as np

from mlkata.grading import (
    GradeFailure,
    Mistake,
    NotImplementedYet,
    StudentFunction,
    expect_close,
    part_mistakes,
    points,
    returned,
    seeded,
    student_function,
    with_hints,
)
from mlkata.grading.checks import (
    READ_ONLY_HINT,
    BadInput,
    Differential,
    call_case,
    case_outcome,
    case_suffix,
    case_tolerances,
    conditioning_tolerance,
    expect_rejected,
)
from mlkata.grading.domains import Case, Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

batch_norm_backward = student_function("batch_norm_backward")
batch_norm_forward = student_function("batch_norm_forward", module="batch_norm_forward")
REFERENCE = "central finite differences (h=1e-6) of sum(dout * batch_norm(X, gamma, beta, eps))"
STAGED = "the chain rule through mean, variance and x_hat, step by step"
H = 1e-6
NAMES = ("dX", "dgamma", "dbeta")


def _f(a):
    return np.asarray(a, dtype=float)


def forward(X, gamma, beta, eps=1e-5):
    X = _f(X)
    return _f(gamma) * (X - X.mean(axis=0)) / np.sqrt(X.var(axis=0) + eps) + _f(beta)


@cached_reference
def finite_differences(X, gamma, beta, dout, eps=1e-5):
    params = [np.array(p, dtype=float) for p in (X, gamma, beta)]
    dout = _f(dout)
    grads = []
    for p in params:
        g = np.zeros_like(p)
        for index in np.ndindex(p.shape):
            old = p[index]
            p[index] = old + H
            up = np.sum(dout * forward(*params, eps))
            p[index] = old - H
            down = np.sum(dout * forward(*params, eps))
            p[index] = old
            g[index] = (up - down) / (2 * H)
        grads.append(g)
    return tuple(grads)


def staged(
    X, gamma, beta, dout, eps=1e-5, *, mean=True, variance=True, scale=True, dgamma="x_hat", sums=True
):
    """Backpropagation node by node (the right one by default; the options are known mistakes)."""
    X, gamma, dout = _f(X), _f(gamma), _f(dout)
    n = len(X)
    centred = X - X.mean(axis=0)
    std = np.sqrt((centred**2).mean(axis=0) + eps)
    x_hat = centred / std
    dx_hat = dout * gamma if scale else dout
    dvar = np.sum(dx_hat * centred, axis=0) * -0.5 * std**-3
    dmu = -np.sum(dx_hat, axis=0) / std + dvar * np.mean(-2.0 * centred, axis=0)
    dX = dx_hat / std + (dvar * 2.0 * centred / n if variance else 0.0) + (dmu / n if mean else 0.0)
    reduce = (lambda a: a.sum(axis=0)) if sums else (lambda a: a)
    dg, db = reduce(dout * x_hat), reduce(dout)
    if dgamma == "dout":
        dg = db
    if dgamma == "swapped":
        dg, db = db, dg
    return dX, dg, db


@cached_reference
def analytic(X, gamma, beta, dout, eps=1e-5):
    return staged(X, gamma, beta, dout, eps)


def _flat(X, gamma, beta, dout, eps=1e-5):
    return np.concatenate([np.ravel(g) for g in staged(X, gamma, beta, dout, eps)])


def mistakes(X, gamma, beta, dout, eps=1e-5):
    """The known wrong gradients for one batch, as what batch_norm_backward would return."""

    def wrong(hint, **how):
        return Mistake(hint, lambda *args, **kwargs: staged(X, gamma, beta, dout, eps, **how))

    return (
        wrong(
            "the batch mean and variance depend on every sample too, so dX is not just "
            "dout * gamma / sqrt(var + eps): dX = gamma * inv_std / N * (N * dout - dout.sum(axis=0) "
            "- x_hat * (dout * x_hat).sum(axis=0))",
            mean=False,
            variance=False,
        ),
        wrong(
            "the batch variance depends on X too: dX lacks the term - x_hat * (dout * x_hat).sum(axis=0) "
            "(times gamma * inv_std / N)",
            variance=False,
        ),
        wrong(
            "the batch mean depends on X too: dX lacks the term - dout.sum(axis=0) "
            "(times gamma * inv_std / N)",
            mean=False,
        ),
        wrong("out = gamma * x_hat + beta: dX carries the factor gamma", scale=False),
        wrong("dgamma is the sum over the batch of dout * x_hat, not of dout alone", dgamma="dout"),
        wrong(
            "you swapped dgamma and dbeta: dbeta = dout.sum(axis=0), dgamma = (dout * x_hat).sum(axis=0)",
            dgamma="swapped",
        ),
        wrong(
            "sum over the batch (axis 0): dgamma and dbeta have one entry per feature, shape (D,)",
            sums=False,
        ),
    )


PLAIN_CACHE = (
    "batch_norm_backward is graded with the cache of your batch_norm_forward: that must return "
    "(out, cache), the cache plain data (numbers, numpy arrays, and tuples, lists or dicts of them)"
)


def learner_cache(forward_function, case):
    """The cache the learner's batch_norm_forward makes for the case's batch (its out must be right)."""
    batch = Case(case.name, case.args[:3], case.kwargs, case.float32)
    outcome = call_case(forward_function, batch)
    if outcome.raised is not None and "read-only" in outcome.raised.message:
        raise GradeFailure(with_hints(f"{outcome.call} raised {outcome.raised.summary()}", READ_ONLY_HINT))
    if outcome.unplain is not None:
        raise GradeFailure(with_hints(f"{outcome.call} returned {outcome.unplain}", PLAIN_CACHE))
    try:
        value = returned(outcome)
    except NotImplementedYet:
        raise NotImplementedYet(
            "batch_norm_backward is graded with the cache of your batch_norm_forward, which is not "
            "implemented yet: write batch_norm_forward first"
        ) from None
    if not (isinstance(value, tuple | list) and len(value) == 2):
        raise GradeFailure(
            with_hints(f"{outcome.call} returned {type(value).__name__}, not (out, cache)", PLAIN_CACHE)
        )
    expected = forward(*batch.widened, **batch.widened_kwargs)
    rtol, atol = case_tolerances(forward, batch, expected, rtol=1e-7, atol=1e-12)
    got = np.asarray(value[0], dtype=float) if np.ndim(value[0]) == 2 else None
    if got is None or got.shape != expected.shape or not np.allclose(got, expected, rtol=rtol, atol=atol):
        raise GradeFailure(
            f"{outcome.call}: the out of your batch_norm_forward is wrong on this batch. "
            "batch_norm_backward is graded with its cache: make batch_norm_forward pass its own checks first"
        )
    return value[1]


def expect_gradients(outcome, expected, wrong, *, reference, rtol, atol):
    """Check the returned (dX, dgamma, dbeta), part by part."""
    value = returned(outcome)
    if not (isinstance(value, tuple | list) and len(value) == 3):
        raise GradeFailure(f"{outcome.call} returned {type(value).__name__}; return (dX, dgamma, dbeta)")
    for index, (name, want) in enumerate(zip(NAMES, expected, strict=True)):
        expect_close(
            outcome.part(index, name),
            want,
            reference=reference,
            rtol=rtol,
            atol=atol,
            mistakes=part_mistakes(wrong, index, whole_must_agree=True),
        )


def judge_with(forward_function, backward, case, *, reference=None):
    """One case: the backward pass on the cache ``forward_function`` makes, against ``reference``."""
    cache = learner_cache(forward_function, case)
    X, gamma, beta, dout = case.widened
    eps = case.widened_kwargs.get("eps", 1e-5)
    outcome = case_outcome(backward, Case(case.name, (case.args[3], cache), {}, case.float32))
    if reference is None:  # the chain rule, to nearly float64 precision
        expected = analytic(X, gamma, beta, dout, eps)
        scale = max(float(np.max(np.abs(np.concatenate([np.ravel(g) for g in expected])))), 1.0)
        flat = _flat(X, gamma, beta, dout, eps)
        rtol, atol = case_tolerances(_flat, case, flat, rtol=1e-7, atol=1e-10 * scale)
        atol = max(atol, conditioning_tolerance(_flat, case, flat))  # features near 1e6: ill-conditioned
        name = STAGED + case_suffix(case)
    else:
        expected, rtol, atol, name = reference(X, gamma, beta, dout, eps), 1e-5, 1e-7, REFERENCE
    expect_gradients(
        outcome, expected, mistakes(X, gamma, beta, dout, eps), reference=name, rtol=rtol, atol=atol
    )


def _problem(rng, n, d, eps=1e-5):
    X = rng.normal(loc=rng.normal(scale=2, size=d), scale=rng.uniform(0.5, 2, size=d), size=(n, d))
    return Case(
        "random",
        (X, rng.uniform(0.5, 2, size=d), rng.normal(size=d), rng.normal(size=(n, d))),
        {} if eps == 1e-5 else {"eps": eps},
    )


@points(3)
def test_gradients_match_finite_differences(batch_norm_forward, batch_norm_backward):
    rng = seeded(2601)
    for n, d, eps in ((4, 3, 1e-5), (2, 2, 1e-5), (7, 1, 1e-3), (10, 4, 1e-5), (5, 5, 0.5), (1, 3, 1e-5)):
        judge_with(
            batch_norm_forward, batch_norm_backward, _problem(rng, n, d, eps), reference=finite_differences
        )


@points(1)
def test_hand_worked(batch_norm_forward, batch_norm_backward):
    case = Case("random", ([[0.0], [1.0], [5.0]], [2.0], [0.0], [[1.0], [0.0], [0.0]]))
    cache = learner_cache(batch_norm_forward, case)
    outcome = batch_norm_backward.call([[1.0], [0.0], [0.0]], cache)
    inv_var = 1 / (14 / 3 + 1e-5)  # mean 2, deviations (-2, -1, 3), variance 14/3
    x_hat = np.array([-2.0, -1.0, 3.0]) * np.sqrt(inv_var)
    dX = 2 * np.sqrt(inv_var) / 3 * (np.array([2.0, -1.0, -1.0]) + 2 * inv_var * np.array([-2.0, -1.0, 3.0]))
    expect_gradients(
        outcome,
        (dX[:, None], x_hat[:1], np.array([1.0])),
        mistakes(*case.args),
        reference="by hand: x_hat = (-2, -1, 3) / sqrt(14/3 + eps), dgamma = x_hat[0], dbeta = 1, "
        "dX = 2 inv_std / 3 * ((2, -1, -1) - x_hat * dgamma)",
        rtol=1e-9,
        atol=1e-12,
    )


def _constant_feature(values, rng):
    X = values["X"].copy()
    X[:, 0] = 3.0
    values["X"] = X
    return values


def _one_sample(values, rng):
    values["X"], values["dout"] = values["X"][:1].copy(), values["dout"][:1].copy()
    return values


def _dout_constant(values, rng):
    """dout the same for every sample: the mean's share cancels it, dX = 0."""
    values["dout"] = np.broadcast_to(rng.normal(size=values["X"].shape[1]), values["X"].shape).copy()
    return values


def _dout_along_x_hat(values, rng):
    """dout proportional to x_hat: the variance's share cancels it, dX = 0."""
    X = values["X"]
    values["dout"] = (X - X.mean(axis=0)) * rng.normal(size=X.shape[1])
    return values


def _offset_features(values, rng):
    values["X"] = values["X"] + rng.choice([-1e6, 1e6], size=values["X"].shape[1])
    return values


DOMAIN = Domain(
    seed=2611,
    args=(
        Reals("X", ("n", "d"), scale=2, loc=1, uint8=True, offset=True, tiny=True),
        Reals("gamma", ("d",), low=0.5, high=2.0),
        Reals("beta", ("d",)),
        Reals("dout", ("n", "d")),
    ),
    sizes={"n": (2, 5, 12, 40), "d": (3, 1, 4, 2)},
    params=(Param("eps", 1e-5, values=(1e-3, 0.5)),),
    custom={
        "a constant feature": _constant_feature,
        "one sample": _one_sample,
        "dout constant over the batch": _dout_constant,
        "dout along x_hat": _dout_along_x_hat,
        "features near +-1e6": _offset_features,
    },
)
"""The batch (X, gamma, beta, eps) for batch_norm_forward, and the dout for batch_norm_backward."""
EXTREME = ("offset", "features near +-1e6", "a constant feature", "one sample")
"""The corners of level ★★ (robust): features far from 0, of variance 0, a batch of one."""


@points(2)
def test_every_corner_of_the_domain(batch_norm_forward, batch_norm_backward):
    for case in DOMAIN.corner_cases():
        if case.name not in EXTREME:
            judge_with(batch_norm_forward, batch_norm_backward, case)


@robust()
@points(1)
def test_features_far_from_zero_and_of_variance_zero(batch_norm_forward, batch_norm_backward):
    for case in DOMAIN.corner_cases(only=EXTREME):
        judge_with(batch_norm_forward, batch_norm_backward, case)


@robust()
@points(1)
def test_zero_and_huge_upstream_gradients(batch_norm_forward, batch_norm_backward):
    """dout all 0 (every gradient 0), dout of size 1e150, and a constant feature of 2^996 (7e299)."""
    rng = seeded(2604)
    X = np.column_stack([np.full(8, 2.0**996), 1e150 * rng.normal(size=8), rng.normal(size=8)])
    gamma, beta = rng.uniform(0.5, 2, size=3), rng.normal(size=3)
    for dout in (np.zeros((8, 3)), 1e150 * rng.normal(size=(8, 3))):
        judge_with(batch_norm_forward, batch_norm_backward, Case("extreme", (X, gamma, beta, dout)))


@points(1)
def test_rejects_bad_input(batch_norm_forward, batch_norm_backward):
    case = _problem(seeded(2603), 5, 3)
    dout = case.args[3]
    cache = learner_cache(batch_norm_forward, case)
    bad = [
        BadInput("dout has 4 rows for a batch of 5", (dout[:4], cache)),
        BadInput("dout has 4 columns for 3 features", (np.ones((5, 4)), cache)),
        BadInput("dout is 1-D: it must have the batch's shape (5, 3)", (dout.ravel(), cache)),
        BadInput("dout is transposed, (3, 5) for a batch (5, 3)", (dout.T, cache)),
        BadInput("dout is one row, (3,): numpy would broadcast it over the batch (5, 3)", (dout[0], cache)),
        BadInput("dout has 1 row for a batch of 5 (numpy would broadcast it)", (dout[:1], cache)),
        BadInput("'a' is not a number", ([["a"] * 3] * 5, cache)),
    ]
    # the domain's own bad inputs that change dout only (the others are batch_norm_forward's errors)
    base = DOMAIN.bad_inputs()
    reference_batch = next(b for b in base if b.because.startswith("dout has")).args[:3]
    base_cache = learner_cache(batch_norm_forward, Case("random", (*reference_batch, None)))
    for wrong in base:
        changes_dout_only = not wrong.kwargs and all(
            np.shape(a) == np.shape(b) and np.array_equal(a, b)
            for a, b in zip(wrong.args[:3], reference_batch, strict=True)
        )
        if changes_dout_only:
            bad.append(BadInput(wrong.because, (wrong.args[3], base_cache)))
    expect_rejected(batch_norm_backward, bad)


def _suggested_forward(X, gamma, beta, eps=1e-5):
    """The forward pass with the cache its docstring suggests, (x_hat, gamma, inv_std)."""
    X = _f(X)
    inv_std = 1 / np.sqrt(X.var(axis=0) + eps)
    x_hat = (X - X.mean(axis=0)) * inv_std
    return _f(gamma) * x_hat + _f(beta), (x_hat, _f(gamma), inv_std)


def _judge_alone(backward, case):
    judge_with(StudentFunction.of(_suggested_forward, "batch_norm_forward"), backward, case)


PROPERTIES = (Differential("batch_norm_backward", DOMAIN, judge=_judge_alone),)


def _upstream(n, rng):
    X = rng.normal(loc=3.0, size=(n // 100, 100))
    _, cache = _suggested_forward(X, rng.uniform(0.5, 2, size=100), rng.normal(size=100))
    return {"dout": rng.normal(size=X.shape), "cache": cache}


FAST = Fast(
    inputs=_upstream,
    why="a batch of n // 100 samples of 100 features, with the cache (x_hat, gamma, inv_std) that "
    "the docstring suggests",
)
