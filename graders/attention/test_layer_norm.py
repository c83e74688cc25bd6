"""Grader for attention/layer_norm, against an independent float64 layer normalisation.

torch is not installed, so the reference is ``torch.nn.LayerNorm``'s definition evaluated row
by row in plain Python: the mean and the population variance of each vector along the last
axis with ``math.fsum`` (exactly rounded sums), ``eps`` inside the square root. Cases worked
by hand (the docstring's example among them) pin the definition down. Every result must be a
float64 array, as the docstring promises, also for float32, integer and uint8 ``X``
(:func:`mlkata.grading.result_types.expect_float64`).
"""

import math

import numpy as np

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.domains import CORNERS, Case, Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import (
    expect_float64,
    expect_float64_case,
    expect_float64_cases,
    float64_judge,
)

layer_norm = student_function("layer_norm")
REFERENCE = (
    "torch.nn.LayerNorm's definition, row by row with math.fsum (population variance, eps in the sqrt)"
)


def _f(a):
    return np.asarray(a, dtype=np.float64)


@cached_reference
def reference(X, gamma, beta, eps=1e-5):
    X, gamma, beta = _f(X), _f(gamma).tolist(), _f(beta).tolist()
    d = X.shape[-1]
    rows = X.reshape(-1, d)
    out = np.empty(rows.shape)
    for r, row in enumerate(rows.tolist()):
        mean = math.fsum(row) / d
        root = math.sqrt(math.fsum((x - mean) ** 2 for x in row) / d + eps)
        out[r] = [g * ((x - mean) / root) + b for x, g, b in zip(row, gamma, beta, strict=True)]
    return out.reshape(X.shape)


def _norm(X, gamma, beta, eps=1e-5, *, axis=-1, ddof=0, where="inside", shortcut=False):
    """Layer norm with one knob per common mistake."""
    X = _f(X)
    mean = X.mean(axis=axis, keepdims=True)
    if shortcut:
        var = (X * X).mean(axis=axis, keepdims=True) - mean**2
    else:
        var = X.var(axis=axis, ddof=ddof, keepdims=True)
    scale = {
        "inside": np.sqrt(var + eps),
        "outside": np.sqrt(var) + eps,
        "none": np.sqrt(var),
        "no sqrt": var + eps,
    }[where]
    return _f(gamma) * (X - mean) / scale + _f(beta)


def _wrong(**knobs):
    return lambda X, gamma, beta, eps=1e-5: _norm(X, gamma, beta, eps, **knobs)


MISTAKES = (
    Mistake(
        "layer norm takes the statistics over the features of each sample (axis=-1), not over the "
        "samples (axis=0): that is batch normalisation",
        lambda X, gamma, beta, eps=1e-5: _norm(X, gamma, beta, eps, axis=0) if np.ndim(X) > 1 else None,
    ),
    Mistake(
        "use the population variance (divide by d, ddof=0), as torch.nn.LayerNorm does: you divided by d - 1",
        _wrong(ddof=1),
    ),
    Mistake(
        "eps goes inside the square root, sqrt(var + eps): you added it to the standard deviation",
        _wrong(where="outside"),
    ),
    Mistake("add eps to the variance before the square root: you left it out", _wrong(where="none")),
    Mistake("divide by the standard deviation sqrt(var + eps), not by the variance", _wrong(where="no sqrt")),
    Mistake(
        "use the eps you are given: your result is the one for the default eps=1e-5",
        lambda X, gamma, beta, eps=1e-5: _norm(X, gamma, beta),
    ),
    Mistake(
        "gamma scales and beta shifts (gamma * x_hat + beta): you swapped them",
        lambda X, gamma, beta, eps=1e-5: _norm(X, beta, gamma, eps),
    ),
    Mistake(
        "normalise each vector along the last axis on its own: you used the mean and variance of the "
        "whole array",
        _wrong(axis=None),
    ),
    Mistake(
        "mean(x**2) - mean(x)**2 cancels catastrophically when X is offset by 1e9: compute the "
        "variance from the centred values, mean((x - mean)**2)",
        _wrong(shortcut=True),
    ),
    Mistake(
        "your result was truncated to integers: an output made with np.empty_like(X) or "
        "np.zeros_like(X) of an integer X is an integer array; make it float",
        lambda X, gamma, beta, eps=1e-5: (
            _norm(X, gamma, beta, eps).astype(np.asarray(X).dtype)
            if np.asarray(X).dtype.kind in "iu"
            else None
        ),
    ),
)


def _inputs(rng, shape, scale=2.0):
    d = shape[-1]
    X = 0.5 + scale * rng.normal(size=shape)
    return X, 1.0 + 0.5 * rng.normal(size=d), 0.5 * rng.normal(size=d)


def _call(function, args, eps=None, what=""):
    outcome = function.call(*args) if eps is None else function.call(*args, eps=eps)
    want = reference(*args) if eps is None else reference(*args, eps)
    expect_close(outcome, want, reference=REFERENCE + what, mistakes=MISTAKES)
    expect_float64(outcome)


@points(3)
def test_matches_the_reference_on_random_inputs(layer_norm):
    rng = seeded(2501)
    for shape in ((4, 3), (10, 8), (5, 16), (1, 6)):
        _call(layer_norm, _inputs(rng, shape))
    _call(layer_norm, _inputs(rng, (6, 5)), 1e-3, ", eps=1e-3")
    _call(layer_norm, _inputs(rng, (7,)), what=": one vector of shape (d,)")
    _call(layer_norm, _inputs(rng, (2, 3, 4)), what=": a batch of sequences (batch, n, d)")


@points(1)
def test_cases_worked_by_hand(layer_norm):
    root = math.sqrt(2 / 3 + 0.01)
    cases = (
        (
            ([[1.0, 2.0, 3.0], [2.0, 2.0, 2.0]], [1.0, 1.0, 2.0], [0.0, 0.0, 1.0], 0.01),
            [[-1 / root, 0.0, 2 / root + 1], [0.0, 0.0, 1.0]],
            "the docstring's example: mean 2, variance 2/3 (divided by d = 3); a constant row gives beta",
        ),
        (
            ([0.0, 2.0], [1.0, 1.0], [0.0, 0.0], 0.25),
            [-1 / math.sqrt(1.25), 1 / math.sqrt(1.25)],
            "mean 1, variance 1, so each value is +-1 / sqrt(1 + eps)",
        ),
    )
    for (X, gamma, beta, eps), want, why in cases:
        outcome = layer_norm.call(X, gamma, beta, eps=eps)
        expect_close(outcome, np.array(want), reference=f"worked by hand: {why}", mistakes=MISTAKES)
        expect_float64(outcome)


@robust()
@points(1)
def test_large_offsets_keep_their_accuracy(layer_norm):
    X, gamma, beta = _inputs(seeded(2502), (8, 6))
    case = Case("offset", (X + 1e9, gamma, beta))
    expect_float64_case(layer_norm, case, reference, reference_name=REFERENCE, mistakes=MISTAKES)


def _three_axes(values, rng):
    values["X"] = 0.5 + 2 * rng.normal(size=(2, 3, values["X"].shape[1]))
    return values


def _one_vector(values, rng):
    values["X"] = values["X"][0]
    return values


def _constant_rows(values, rng):
    """Rows with no spread: the variance is 0, the output beta (eps keeps it finite)."""
    X = values["X"].copy()
    X[0] = 3.7
    X[-1] = -2.0
    values["X"] = X
    return values


def _rows_of_different_scales(values, rng):
    X = values["X"]
    values["X"] = X * np.logspace(-3, 3, len(X))[:, None]
    return values


DOMAIN = Domain(
    seed=2511,
    args=(
        Reals("X", ("n", "d"), scale=2, loc=0.5, uint8=True, offset=True, tiny=True, any_shape=True),
        Reals("gamma", ("d",), scale=0.5, loc=1.0),
        Reals("beta", ("d",), scale=0.5),
    ),
    params=(
        Param("eps", 1e-5, values=(1e-3, 0.5), invalid=(0.0, -1e-5, float("nan")), why_invalid="is not > 0"),
    ),
    sizes={"n": (1, 4, 10, 300), "d": (1, 3, 8, 16)},
    corners=tuple(c for c in CORNERS if c != "matrix"),  # any leading shape: the custom corners
    custom={
        "X of shape (2, 3, d)": _three_axes,
        "X of shape (d,)": _one_vector,
        "constant rows": _constant_rows,
        "rows of scales 1e-3 to 1e3": _rows_of_different_scales,
    },
)
EXTREME = ("offset", "constant rows")
"""The corners of level ★★ (robust), judged by test_offsets_and_constant_rows."""


@points(2)
def test_every_corner_of_the_domain(layer_norm):
    ordinary = [case for case in DOMAIN.corner_cases() if case.name not in EXTREME]
    expect_float64_cases(layer_norm, ordinary, reference, reference_name=REFERENCE, mistakes=MISTAKES)


@robust()
@points(1)
def test_offsets_and_constant_rows(layer_norm):
    extreme = DOMAIN.corner_cases(only=EXTREME)
    expect_float64_cases(layer_norm, extreme, reference, reference_name=REFERENCE, mistakes=MISTAKES)


@robust()
@points(1)
def test_huge_magnitudes_and_one_feature(layer_norm):
    """Rows of size 1e150 to 7e299 (their squares overflow), constant or not, and d = 1.

    The constants are powers of 2 and d = 8, so that a constant row's mean is exact however it
    is summed, and the row is centred to exactly 0 (its output is beta).
    """
    rng = seeded(2503)
    X = np.vstack(
        [np.full(8, 2.0**996), np.full(8, -(2.0**700)), 1e150 * rng.normal(size=8), rng.normal(size=8)]
    )
    gamma, beta = 1.0 + 0.5 * rng.normal(size=8), 0.5 * rng.normal(size=8)
    _call(layer_norm, (X, gamma, beta), what=": rows of size up to 7e299")
    one = (np.array([[1e300], [-4.0], [0.0]]), np.array([2.0]), np.array([0.5]))
    _call(layer_norm, one, what=": d = 1, every row constant, so the output is beta")


@points(1)
def test_rejects_bad_input(layer_norm):
    X, gamma, beta = _inputs(seeded(2503), (4, 3))
    broadcasts = Mistake(
        "numpy broadcasts a gamma of length 1 over all the features: check gamma.shape == (d,) yourself",
        lambda X, gamma, beta, eps=1e-5: _norm(X, gamma, beta, eps),
    )
    expect_rejected(
        layer_norm,
        [
            BadInput("gamma has 2 entries but X has d = 3 features", (X, gamma[:2], beta)),
            BadInput("beta has 4 entries but X has d = 3 features", (X, gamma, np.ones(4))),
            BadInput("gamma of length 1 for d = 3 features", (X, np.ones(1), beta), mistakes=(broadcasts,)),
            BadInput("beta is 2-D", (X, gamma, beta[None, :])),
            BadInput("X is a single number, with no feature axis", (3.0, [1.0], [0.0])),
            BadInput("X has no rows", (np.zeros((0, 3)), gamma, beta)),
            BadInput("eps = 0 divides a constant row by 0", (X, gamma, beta), {"eps": 0.0}),
            BadInput("eps must be > 0", (X, gamma, beta), {"eps": -1.0}),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("layer_norm", DOMAIN, judge=float64_judge(reference, REFERENCE)),)


def _tokens(n, rng):
    X, gamma, beta = _inputs(rng, (n // 100, 100))
    return {"X": X, "gamma": gamma, "beta": beta}


FAST = Fast(inputs=_tokens, why="n // 100 tokens of 100 features, each normalised over its features")
