"""Grader for neural_networks/rnn_forward, against an independent loop (and hand-worked cases).

No library runs this RNN, so the reference is written here: a Python loop over the time steps
and the hidden units, each pre-activation an exactly rounded sum (math.fsum) of the terms
x_t[i] W_x[i, j], h_{t-1}[k] W_h[k, j] and b[j], then math.tanh.
"""

import math

import numpy as np

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    part_mistakes,
    points,
    returned,
    seeded,
    student_function,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

rnn_forward = student_function("rnn_forward")
REFERENCE = "a loop: h_t = tanh(fsum of x_t[i] W_x[i, j], h_{t-1}[k] W_h[k, j], b[j]), from h0"


def _f(a):
    return np.asarray(a, dtype=float)


@cached_reference
def reference(X, h0, W_x, W_h, b):
    X, W_x, W_h, b = _f(X).tolist(), _f(W_x).tolist(), _f(W_h).tolist(), _f(b).tolist()
    h = _f(h0).tolist()
    d_in, d_hidden = len(W_x), len(h)
    H = []
    for x in X:
        h = [
            math.tanh(
                math.fsum(
                    [x[i] * W_x[i][j] for i in range(d_in)]
                    + [h[k] * W_h[k][j] for k in range(d_hidden)]
                    + [b[j]]
                )
            )
            for j in range(d_hidden)
        ]
        H.append(h)
    return np.array(H), np.array(h)


def _run(
    X,
    h0,
    W_x,
    W_h,
    b,
    *,
    start="h0",
    previous=True,
    W_h_t=False,
    W_x_t=False,
    act=True,
    keep="post",
    last=-1,
    bias=True,
    tanh=np.tanh,
):
    """The RNN with one thing changed (the right one by default)."""
    X, W_x, W_h, b = _f(X), _f(W_x), _f(W_h), _f(b)
    W_h = W_h.T if W_h_t else W_h
    W_x = W_x.T if W_x_t else W_x
    h = _f(h0) if start == "h0" else np.zeros_like(_f(h0))
    rows = []
    for x in X:
        a = x @ W_x + (h @ W_h if previous else 0.0) + (b if bias else 0.0)
        h = tanh(a) if act else a
        rows.append(a if keep == "pre" else h)
    H = np.array(rows)
    return H, (H[last] if last is not None else _f(h0))


def _tanh_by_exp(a):
    with np.errstate(all="ignore"):
        e = np.exp(2 * a)
        return (e - 1) / (e + 1)


def _variant(**how):
    return lambda X, h0, W_x, W_h, b: _run(X, h0, W_x, W_h, b, **how)


MISTAKES = (
    Mistake(
        "the first step uses h0: h_1 = tanh(x_1 W_x + h0 W_h + b); you started from zeros "
        "(H[t - 1] at t = 0 is H[-1], the last row, not h0)",
        _variant(start="zeros"),
    ),
    Mistake(
        "each step uses the previous hidden state h_{t-1} (h0 for the first): your recurrence used "
        "the state of the current step, still 0, so W_h had no effect",
        _variant(previous=False),
    ),
    Mistake(
        "h_{t-1} @ W_h with W_h of shape (d_hidden, d_hidden) as given: you used W_h.T (or W_h @ h)",
        _variant(W_h_t=True),
    ),
    Mistake(
        "x_t @ W_x with W_x of shape (d_in, d_hidden) as given: you used W_x.T",
        _variant(W_x_t=True),
    ),
    Mistake(
        "H holds the hidden states tanh(a_t), not the pre-activations a_t = x_t W_x + h_{t-1} W_h + b",
        _variant(keep="pre"),
    ),
    Mistake("apply tanh at every step: h_t = tanh(x_t W_x + h_{t-1} W_h + b)", _variant(act=False)),
    Mistake(
        "tanh written (exp(2a) - 1) / (exp(2a) + 1) is inf / inf = nan once a passes 355: use "
        "np.tanh, which saturates at +-1",
        _variant(tanh=_tanh_by_exp),
    ),
    Mistake("h_last is the state after the last step, H[-1]: you returned the first, H[0]", _variant(last=0)),
    Mistake("h_last is the state after the last step, H[-1], not h0", _variant(last=None)),
    Mistake("you forgot the bias: h_t = tanh(x_t W_x + h_{t-1} W_h + b)", _variant(bias=False)),
)


def expect_states(outcome, expected, *, reference=REFERENCE, rtol=1e-9, atol=1e-12):
    """Check the returned (H, h_last), part by part."""
    value = returned(outcome)
    if not (isinstance(value, tuple | list) and len(value) == 2):
        raise GradeFailure(f"{outcome.call} returned {type(value).__name__}; return the pair (H, h_last)")
    for index, name in enumerate(("H", "h_last")):
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=reference,
            rtol=rtol,
            atol=atol,
            mistakes=part_mistakes(MISTAKES, index, whole_must_agree=True),
        )


def _sequence(rng, T, d_in, d_hidden):
    return (
        rng.normal(size=(T, d_in)),
        rng.normal(scale=0.5, size=d_hidden),
        rng.normal(scale=0.7, size=(d_in, d_hidden)),
        rng.normal(scale=0.5, size=(d_hidden, d_hidden)),
        rng.normal(scale=0.3, size=d_hidden),
    )


@points(3)
def test_matches_an_independent_loop(rnn_forward):
    rng = seeded(2801)
    for T, d_in, d_hidden in ((5, 3, 2), (8, 1, 4), (12, 4, 4), (20, 3, 6), (40, 2, 3), (1, 2, 3)):
        args = _sequence(rng, T, d_in, d_hidden)
        expect_states(rnn_forward.call(*args), reference(*args))


@points(1)
def test_hand_worked(rnn_forward):
    args = ([[1.0], [2.0]], [0.0], [[1.0]], [[0.5]], [0.0])
    t1 = math.tanh(1.0)
    expect_states(
        rnn_forward.call(*args),
        (np.array([[t1], [math.tanh(2.0 + 0.5 * t1)]]), np.array([math.tanh(2.0 + 0.5 * t1)])),
        reference="by hand: h_1 = tanh(1), h_2 = tanh(2 + 0.5 h_1)",
    )
    W_h = [[0.0, 1.0], [0.0, 0.0]]  # unit 0 feeds unit 1, not the other way round
    args = ([[1.0], [0.0]], [0.0, 0.0], [[1.0, 0.0]], W_h, [0.0, 0.0])
    expect_states(
        rnn_forward.call(*args),
        (np.array([[t1, 0.0], [0.0, math.tanh(t1)]]), np.array([0.0, math.tanh(t1)])),
        reference="by hand: h_1 = (tanh 1, 0); h_1 @ W_h = (0, tanh 1), so h_2 = (0, tanh(tanh 1))",
    )


@points(1)
def test_the_first_step_uses_h0(rnn_forward):
    W_h = [[0.0, 1.0], [0.0, 0.0]]
    args = ([[0.0], [0.0]], [1.0, 0.0], [[1.0, 1.0]], W_h, [0.0, 0.0])
    t1 = math.tanh(1.0)
    expect_states(
        rnn_forward.call(*args),
        (np.array([[0.0, t1], [0.0, 0.0]]), np.array([0.0, 0.0])),
        reference="by hand: h_1 = tanh(h0 @ W_h) = (0, tanh 1), then h_2 = tanh(h_1 @ W_h) = (0, 0)",
    )


def _saturated(values, rng):
    """Inputs in the hundreds: tanh saturates at +-1 (no overflow, no nan)."""
    values["X"] = values["X"] * 300.0
    return values


def _one_step(values, rng):
    values["X"] = values["X"][:1].copy()
    return values


def _integers(values, rng):
    """Integer inputs and weights: a hidden-state buffer of the input dtype truncates tanh to 0."""
    for name in ("X", "h0", "W_x", "W_h", "b"):
        values[name] = rng.integers(-1, 2, size=values[name].shape)
    return values


def _long(values, rng):
    """200 time steps with a contracting W_h."""
    values["X"] = rng.normal(size=(200, values["X"].shape[1]))
    return values


DOMAIN = Domain(
    seed=2811,
    args=(
        Reals("X", ("n", "d"), uint8=True),
        Reals("h0", ("h",), scale=0.5),
        Reals("W_x", ("d", "h"), scale=0.7),
        Reals("W_h", ("h", "h"), scale=0.5),
        Reals("b", ("h",), scale=0.3),
    ),
    sizes={"n": (1, 4, 12, 40), "d": (3, 1, 4, 2), "h": (2, 3, 5, 4)},
    custom={
        "saturated units": _saturated,
        "one time step": _one_step,
        "integer inputs and weights": _integers,
        "200 time steps": _long,
    },
)
EXTREME = ("saturated units",)
"""The corners of level ★★ (robust), judged by test_saturated_units."""


def judge(function, case):
    outcome = case_outcome(function, case)
    expected = reference(*case.widened)

    def flat(*args):
        return np.concatenate([np.ravel(part) for part in reference(*args)])

    rtol, atol = case_tolerances(flat, case, flat(*case.widened), rtol=1e-9, atol=1e-12)
    expect_states(outcome, expected, reference=REFERENCE + case_suffix(case), rtol=rtol, atol=atol)


@points(2)
def test_every_corner_of_the_domain(rnn_forward):
    for case in DOMAIN.corner_cases():
        if case.name not in EXTREME:
            judge(rnn_forward, case)


@robust()
@points(1)
def test_saturated_units(rnn_forward):
    for case in DOMAIN.corner_cases(only=EXTREME):
        judge(rnn_forward, case)


@robust()
@points(1)
def test_pre_activations_of_1e4_and_one_unit(rnn_forward):
    """Inputs of size 1e4 (every unit at +-1 at once), and one hidden unit over one step."""
    rng = seeded(2802)
    X, h0, W_x, W_h, b = _sequence(rng, 6, 3, 4)
    expect_states(rnn_forward.call(X * 1e4, h0, W_x, W_h, b), reference(X * 1e4, h0, W_x, W_h, b))
    one = (np.array([[-2e4]]), np.array([1.0]), np.array([[1.0]]), np.array([[0.5]]), np.array([0.0]))
    expect_states(rnn_forward.call(*one), reference(*one))


@points(1)
def test_rejects_bad_input(rnn_forward):
    X, h0, W_x, W_h, b = _sequence(seeded(2803), 5, 3, 4)
    expect_rejected(
        rnn_forward,
        [
            BadInput("X has 3 features but W_x has 2 rows", (X, h0, W_x[:2], W_h, b)),
            BadInput("W_x has 3 columns for 4 hidden units", (X, h0, W_x[:, :3], W_h, b)),
            BadInput("W_h is (4, 3), not square", (X, h0, W_x, W_h[:, :3], b)),
            BadInput("W_h is (3, 3) for 4 hidden units", (X, h0, W_x, W_h[:3, :3], b)),
            BadInput("b has 3 entries for 4 hidden units", (X, h0, W_x, W_h, b[:3])),
            BadInput("b has 1 entry for 4 hidden units (numpy would broadcast it)", (X, h0, W_x, W_h, b[:1])),
            BadInput("h0 is (1, 4): one sequence has one initial state, 1-D", (X, h0[None], W_x, W_h, b)),
            BadInput("X has no time steps", (np.zeros((0, 3)), h0, W_x, W_h, b)),
            BadInput("X is 1-D: a sequence is (T, d_in)", (X[0], h0, W_x, W_h, b)),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("rnn_forward", DOMAIN, judge=judge),)


def _long_sequence(n, rng):
    return dict(zip(("X", "h0", "W_x", "W_h", "b"), _sequence(rng, n // 100, 100, 100), strict=True))


FAST = Fast(
    inputs=_long_sequence,
    size=100_000,
    why="1000 time steps of 100 inputs into 100 hidden units: the recurrence is sequential (each "
    "step waits for the last), so a loop over time is expected and the size is 1e5, not 1e6",
)
