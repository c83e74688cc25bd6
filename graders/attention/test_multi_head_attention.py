"""Grader for attention/multi_head_attention, against a per-head reference on scipy.special.softmax.

The reference loops over the heads: head ``h`` takes the columns ``h*d_h:(h+1)*d_h`` of
``X @ W_q``, ``X @ W_k`` and ``X @ W_v``, attends with ``scipy.special.softmax`` of its scores
over ``sqrt(d_h)`` (``-inf`` above the diagonal when causal), and the heads' outputs, side by
side, are multiplied by ``W_o``. Random weights make every head, and every wrong split of the
columns, tell apart. The output must be a float64 array, as the docstring promises, also for
float32 inputs (:func:`mlkata.grading.result_types.expect_float64`).
"""

import numpy as np
from scipy.special import softmax

from mlkata.grading import Mistake, expect_close, expect_no_warnings, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import expect_float64, expect_float64_cases, float64_judge
from mlkata.grading.scalars import Integer

multi_head_attention = student_function("multi_head_attention")
REFERENCE = (
    "a loop over the heads, each softmax(Q_h K_h^T / sqrt(d_h)) V_h with scipy.special.softmax, then @ W_o"
)


def _f(a):
    return np.asarray(a, dtype=np.float64)


def _heads(
    X,
    W_q,
    W_k,
    W_v,
    W_o,
    n_heads,
    causal=False,
    *,
    split="blocks",
    width="head",
    project=True,
    transpose=False,
    mask="causal",
    axis=1,
    stable=True,
    fill=-np.inf,
):
    """Multi-head attention with one knob per common mistake (the defaults are the reference)."""
    X, W_q, W_k, W_v, W_o = (_f(a) for a in (X, W_q, W_k, W_v, W_o))
    if transpose:
        W_q, W_k, W_v, W_o = W_q.T, W_k.T, W_v.T, W_o.T
    n, d_model = X.shape
    d_head = d_model // n_heads
    Q, K, V = X @ W_q, X @ W_k, X @ W_v
    root = np.sqrt(d_head if width == "head" else d_model)
    keep = {
        "causal": np.tril(np.ones((n, n), dtype=bool)),
        "strict": np.tril(np.ones((n, n), dtype=bool), k=-1),
        "inverted": np.triu(np.ones((n, n), dtype=bool)),
    }[mask]
    concatenated = np.empty((n, d_model))
    for h in range(n_heads):
        # the columns of head h, and where its output goes back
        columns = (
            np.arange(h * d_head, (h + 1) * d_head) if split == "blocks" else np.arange(h, d_model, n_heads)
        )
        S = Q[:, columns] @ K[:, columns].T / root
        if causal:
            S = np.where(keep, S, fill)
        if stable:
            A = softmax(S, axis=axis)
        else:
            A = np.exp(S) / np.exp(S).sum(axis=axis, keepdims=True)
        concatenated[:, columns] = A @ V[:, columns]
    return concatenated @ W_o if project else concatenated


def _reshaped_without_transpose(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    """Q.reshape(n_heads, n, d_head): the flat rows cut into heads, positions mixed up."""
    X = _f(X)
    n, d_model = X.shape
    Q, K, V = (X @ _f(W).reshape(d_model, d_model) for W in (W_q, W_k, W_v))
    Q, K, V = (M.reshape(n_heads, n, d_model // n_heads) for M in (Q, K, V))
    S = Q @ K.transpose(0, 2, 1) / np.sqrt(d_model // n_heads)
    if causal:
        S = np.where(np.tril(np.ones((n, n), dtype=bool)), S, -np.inf)
    return (softmax(S, axis=-1) @ V).reshape(n, d_model) @ _f(W_o)


@cached_reference
def reference(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    return _heads(X, W_q, W_k, W_v, W_o, n_heads, causal)


def _wrong(**knobs):
    return lambda X, W_q, W_k, W_v, W_o, n_heads, causal=False: _heads(
        X, W_q, W_k, W_v, W_o, n_heads, causal, **knobs
    )


MISTAKES = (
    Mistake(
        "head h takes the contiguous columns h*d_head:(h+1)*d_head (reshape to (n, n_heads, d_head)): "
        "your heads took every n_heads-th column (a reshape to (n, d_head, n_heads))",
        _wrong(split="interleaved"),
    ),
    Mistake(
        "Q.reshape(n_heads, n, d_head) cuts the flat array, mixing positions: reshape to "
        "(n, n_heads, d_head), then move the head axis first with .transpose(1, 0, 2)",
        _reshaped_without_transpose,
    ),
    Mistake(
        "scale each head's scores by 1 / sqrt(d_head), d_head = d_model // n_heads: you divided by "
        "sqrt(d_model)",
        _wrong(width="model"),
    ),
    Mistake(
        "the heads' outputs, side by side, are multiplied by the output projection W_o: you returned "
        "them without it",
        _wrong(project=False),
    ),
    Mistake(
        "the weights multiply from the right, X @ W_q (row i of X is position i): you used X @ W_q.T",
        _wrong(transpose=True),
    ),
    Mistake(
        "with causal=True position i attends to the positions j <= i only: you did not mask the future",
        lambda X, W_q, W_k, W_v, W_o, n_heads, causal=False: (
            _heads(X, W_q, W_k, W_v, W_o, n_heads, False) if causal else None
        ),
    ),
    Mistake(
        "the causal mask keeps the diagonal: each position attends to itself (and row 0 has no other key)",
        _wrong(mask="strict"),
    ),
    Mistake(
        "your causal mask is the wrong way round: position i sees j <= i (the past), not j >= i",
        _wrong(mask="inverted"),
    ),
    Mistake(
        "a large finite filler such as -1e9 above the diagonal is not minus infinity: when the scores "
        "themselves are below it (here about -1e10), the future takes the weight; use -np.inf",
        _wrong(fill=-1e9),
    ),
    Mistake(
        "a future score set to 0 still gets weight exp(0 - max): set the scores above the diagonal to "
        "-np.inf",
        lambda X, W_q, W_k, W_v, W_o, n_heads, causal=False: (
            None
            if np.allclose(*(_heads(X, W_q, W_k, W_v, W_o, n_heads, causal, fill=f) for f in (0.0, -1e9)))
            else _heads(X, W_q, W_k, W_v, W_o, n_heads, causal, fill=0.0)
        ),
    ),
    Mistake(
        "the softmax runs along the keys (the last axis), so that each query's weights sum to 1",
        _wrong(axis=0),
    ),
    Mistake(
        "np.exp overflowed: subtract each row's maximum score before exponentiating",
        _wrong(stable=False),
    ),
)


def _layer(rng, n, d_model, scale=1.0):
    X = scale * rng.normal(size=(n, d_model))
    return (X, *(rng.normal(scale=d_model**-0.5, size=(d_model, d_model)) for _ in range(4)))


def _call(function, args, n_heads, causal, what=""):
    outcome = function.call(*args, n_heads, causal=causal) if causal else function.call(*args, n_heads)
    expect_close(outcome, reference(*args, n_heads, causal), reference=REFERENCE + what, mistakes=MISTAKES)
    expect_float64(outcome)
    return outcome


SHAPES = ((1, 4, 1), (5, 6, 2), (7, 8, 4), (6, 12, 3), (10, 8, 8))
"""(n, d_model, n_heads): one head, heads of width 3, 2, 4 and 1."""


@points(3)
def test_matches_the_per_head_reference(multi_head_attention):
    rng = seeded(2301)
    for n, d_model, n_heads in SHAPES:
        _call(multi_head_attention, _layer(rng, n, d_model), n_heads, False)


@points(2)
def test_causal(multi_head_attention):
    rng = seeded(2302)
    for n, d_model, n_heads in SHAPES:
        _call(multi_head_attention, _layer(rng, n, d_model), n_heads, True, ", causal=True")


def _opposite_queries_and_keys(rng, n, d_model, size=1e4):
    """Positions near one direction, W_k = -W_q: every score about -1e10, spread by about 1e8."""
    X = size * (1.0 + 0.01 * rng.normal(size=(n, d_model)))
    W_q = 10.0 * np.eye(d_model)
    return X, W_q, -W_q, rng.normal(size=(d_model, d_model)), rng.normal(size=(d_model, d_model))


@robust()
@points(1)
def test_large_scores_stay_finite(multi_head_attention):
    rng = seeded(2303)
    args = _layer(rng, 6, 8, scale=40.0)  # scores in the thousands
    for causal in (False, True):
        outcome = _call(multi_head_attention, args, 2, causal, ": scores in the thousands")
        expect_no_warnings(
            outcome, because="exp overflowed: subtract each row's maximum score before exponentiating"
        )
    args = _opposite_queries_and_keys(rng, 5, 4)
    _call(multi_head_attention, args, 2, True, ": every score about -1e10, causal=True")


def _big_scores(values, rng):
    values["X"] = 40 * values["X"]
    values["causal"] = True
    return values


def _minus_1e10(values, rng):
    n, d_model = values["X"].shape
    X, W_q, W_k, W_v, W_o = _opposite_queries_and_keys(rng, n, d_model)
    values.update(X=X, W_q=W_q, W_k=W_k, W_v=W_v, W_o=W_o, causal=True)
    return values


def _heads_of_width_one(values, rng):
    values["n_heads"] = values["X"].shape[1]
    return values


def _repeated_positions(values, rng):
    """Every position the same: all weights equal, whatever the mask."""
    X = values["X"].copy()
    X[:] = X[0]
    values.update(X=X, causal=True)
    return values


DOMAIN = Domain(
    seed=2311,
    args=(
        Reals("X", ("n", "d")),
        *(Reals(name, ("d", "d"), scale=0.5) for name in ("W_q", "W_k", "W_v", "W_o")),
        Integer("n_heads", dim="h"),
    ),
    params=(Param("causal", False, values=(True,)),),
    sizes={"n": (1, 5, 8, 40), "d": (4, 6, 8, 12), "h": (1, 2, 4, 3)},
    custom={
        "causal, scores in the thousands": _big_scores,
        "causal, scores about -1e10": _minus_1e10,
        "heads of width 1": _heads_of_width_one,
        "every position the same": _repeated_positions,
    },
)
EXTREME = ("causal, scores in the thousands", "causal, scores about -1e10")
"""The corners of level ★★ (robust), judged by test_huge_scores_in_the_domain."""


@points(2)
def test_every_corner_of_the_domain(multi_head_attention):
    ordinary = [case for case in DOMAIN.corner_cases() if case.name not in EXTREME]
    expect_float64_cases(
        multi_head_attention, ordinary, reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@robust()
@points(1)
def test_huge_scores_in_the_domain(multi_head_attention):
    extreme = DOMAIN.corner_cases(only=EXTREME)
    expect_float64_cases(
        multi_head_attention, extreme, reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@robust()
@points(1)
def test_one_position_with_huge_scores(multi_head_attention):
    """One position (its own only key, weight 1 whatever its score), scores of 1e4 to 1e6 per head."""
    rng = seeded(2304)
    X, W_q, W_k, W_v, W_o = _layer(rng, 1, 4)
    for scale in (1e3, 1e2):
        args = (scale * X, scale * W_q, -scale * W_k, W_v, W_o)
        for causal in (False, True):
            _call(multi_head_attention, args, 2, causal, f": one position, inputs scaled by {scale:g}")
    args = _opposite_queries_and_keys(rng, 3, 4, size=1e5)
    _call(multi_head_attention, args, 4, False, ": every score about -1e12, heads of width 1")


@points(1)
def test_rejects_bad_input(multi_head_attention):
    rng = seeded(2304)
    args = _layer(rng, 4, 6)
    X, W_q, W_k, W_v, W_o = args
    wide = _layer(rng, 3, 10)
    expect_rejected(
        multi_head_attention,
        [
            BadInput("4 heads do not divide d_model = 6", (*args, 4)),
            BadInput("n_heads = 0: there is no head", (*args, 0)),
            BadInput("n_heads = -2 is not a number of heads", (*args, -2)),
            BadInput("n_heads = 2.5 is not an integer (even though 10 / 2.5 = 4 is)", (*wide, 2.5)),
            BadInput("W_k has shape (6, 5), not (6, 6)", (X, W_q, W_k[:, :5], W_v, W_o, 2)),
            BadInput("W_o has shape (5, 6), not (6, 6)", (X, W_q, W_k, W_v, W_o[:5], 2)),
            BadInput("X has no positions", (X[:0], W_q, W_k, W_v, W_o, 2)),
            BadInput("X is 1-D: one position must be X[None, :] of shape (1, d_model)", (X[0], *args[1:], 2)),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("multi_head_attention", DOMAIN, judge=float64_judge(reference, REFERENCE)),)


def _sequence(n, rng):
    args = _layer(rng, max(n // 64, 1), 64)
    return dict(zip(("X", "W_q", "W_k", "W_v", "W_o"), args, strict=True)) | {"n_heads": 8, "causal": True}


FAST = Fast(
    inputs=_sequence,
    size=64_000,
    why="1000 positions of 64 features, 8 heads, causal: the n x n scores of every head make the "
    "work grow as n^2, so n = 1000 positions (64,000 input values), not 1e6",
)
