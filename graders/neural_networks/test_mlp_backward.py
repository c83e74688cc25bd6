"""Grader for neural_networks/mlp_backward, against central finite differences of the loss.

The reference loss is computed here in float64 (scikit-learn's activations, then
scipy.special.log_softmax); each gradient entry is (L(p + eps) - L(p - eps)) / (2 eps) with
eps = 1e-6. The data are drawn so that no hidden pre-activation lies within 1e-3 of 0: the
finite differences never step across a relu kink.
"""

import itertools
from dataclasses import replace

import numpy as np
from scipy.special import log_softmax
from scipy.special import softmax as scipy_softmax
from sklearn.neural_network._base import ACTIVATIONS

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
from mlkata.grading.domains import Domain, Labels, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

mlp_backward = student_function("mlp_backward")
REFERENCE = "central finite differences (eps=1e-6) of the mean softmax cross-entropy"
EPS = 1e-6
RTOL, ATOL = 1e-5, 1e-8


def _act(name, Z):
    Z = np.array(Z, dtype=float)  # sklearn's activations work in place: on a copy
    ACTIVATIONS[name](Z)
    return Z


def _plain_act(name, Z):
    """The activation in plain numpy: only for drawing inputs, so that drawing imports no reference."""
    with np.errstate(over="ignore"):
        return {
            "identity": Z,
            "relu": np.maximum(Z, 0),
            "tanh": np.tanh(Z),
            "logistic": 1 / (1 + np.exp(-Z)),
        }[name]


def _pre_activations(X, weights, biases, activation, act=_act):
    A, pre = np.asarray(X, dtype=float), []
    for W, b in zip(weights, biases, strict=True):
        pre.append(A @ np.asarray(W, float) + np.asarray(b, float))
        A = act(activation, pre[-1])
    return pre


def loss(X, y, weights, biases, activation):
    logits = _pre_activations(X, weights, biases, activation)[-1]
    return -np.mean(log_softmax(logits, axis=1)[np.arange(len(logits)), np.asarray(y, int)])


@cached_reference
def finite_differences(X, y, weights, biases, activation="relu"):
    weights = [np.array(W, dtype=float) for W in weights]
    biases = [np.array(b, dtype=float) for b in biases]
    grads = []
    for params in (weights, biases):
        grads.append([])
        for p in params:
            g = np.zeros_like(p)
            for index in np.ndindex(p.shape):
                old = p[index]
                p[index] = old + EPS
                up = loss(X, y, weights, biases, activation)
                p[index] = old - EPS
                down = loss(X, y, weights, biases, activation)
                p[index] = old
                g[index] = (up - down) / (2 * EPS)
            grads[-1].append(g)
    return tuple(grads)


# --- what common mistakes return -------------------------------------------------------

_DERIVATIVE_AT_Z = {
    "identity": lambda Z: np.ones_like(Z),
    "relu": lambda Z: (Z > 0).astype(float),
    "logistic": lambda Z: _act("logistic", Z) * (1 - _act("logistic", Z)),
    "tanh": lambda Z: 1 - np.tanh(Z) ** 2,
}
_POST_FORMULA = {  # sklearn's derivative formulas, which take the activation A = g(Z)
    "identity": lambda A: np.ones_like(A),
    "relu": lambda A: (A > 0).astype(float),
    "logistic": lambda A: A * (1 - A),
    "tanh": lambda A: 1 - A**2,
}


def _exp_ratio_derivative(Z):
    """sigma'(z) written e^-z / (1 + e^-z)^2: inf / inf = nan for z below -709."""
    with np.errstate(all="ignore"):
        return np.exp(-Z) / (1 + np.exp(-Z)) ** 2


def _backprop(
    X,
    y,
    weights,
    biases,
    activation="relu",
    *,
    mean=True,
    derivative="right",
    bias="sum",
    transpose=False,
    sign=1.0,
):
    X = np.asarray(X, dtype=float)
    Ws = [np.asarray(W, float) for W in weights]
    pre = _pre_activations(X, weights, biases, activation)
    inputs = [X] + [_act(activation, Z) for Z in pre[:-1]]
    n = len(X)
    delta = scipy_softmax(pre[-1], axis=1)
    delta[np.arange(n), np.asarray(y, int)] -= 1
    delta *= sign / n if mean else sign
    gw, gb = [], []
    for layer in range(len(Ws) - 1, -1, -1):
        gw.append(delta.T @ inputs[layer] if transpose else inputs[layer].T @ delta)
        gb.append({"sum": delta.sum(axis=0), "mean": delta.mean(axis=0), "none": delta}[bias])
        if layer > 0:
            Z, A = pre[layer - 1], inputs[layer]
            factor = {
                "right": _DERIVATIVE_AT_Z[activation](Z),
                "at_activation": _DERIVATIVE_AT_Z[activation](A),
                "post_formula_on_z": _POST_FORMULA[activation](Z),
                "missing": 1.0,
                "exp_ratio": _exp_ratio_derivative(Z) if derivative == "exp_ratio" else None,
            }[derivative]
            delta = (delta @ Ws[layer].T) * factor
    return gw[::-1], gb[::-1]


def _variant(**options):
    return lambda X, y, weights, biases, activation="relu": _backprop(
        X, y, weights, biases, activation, **options
    )


MISTAKES = (
    Mistake(
        "the loss is the mean over the n samples: divide the output error (P - onehot(y)) by n",
        _variant(mean=False),
    ),
    Mistake(
        "evaluate g' at the pre-activation Z: you applied the derivative formula to the "
        "activation A = g(Z) (e.g. 1 - tanh(A)**2 instead of 1 - tanh(Z)**2)",
        _variant(derivative="at_activation"),
    ),
    Mistake(
        "1 - a**2 (tanh) and a * (1 - a) (logistic) take the activation a = g(z), not the pre-activation z",
        _variant(derivative="post_formula_on_z"),
    ),
    Mistake(
        "multiply by the activation's derivative g'(Z) when going back through a hidden layer",
        _variant(derivative="missing"),
    ),
    Mistake(
        "sigma'(z) = e^-z / (1 + e^-z)^2 is inf / inf = nan once -z passes 709: write it "
        "sigma(z) (1 - sigma(z)), with sigma = 1 / (1 + exp(-z)), which goes to 0 as it should",
        lambda X, y, weights, biases, activation="relu": (
            _backprop(X, y, weights, biases, activation, derivative="exp_ratio")
            if activation == "logistic"
            else None
        ),
    ),
    Mistake(
        "the bias gradient sums delta over the samples (axis 0): delta.sum(axis=0)",
        _variant(bias="none"),
    ),
    Mistake(
        "the bias gradient is delta.sum(axis=0): the 1/n is already inside delta, so the mean "
        "divides by n twice",
        _variant(bias="mean"),
    ),
    Mistake(
        "the weight gradient has the shape of W, (d_in, d_out): A.T @ delta, not delta.T @ A",
        _variant(transpose=True),
    ),
    Mistake(
        "the output error is P - onehot(y) (softmax minus one-hot), not onehot(y) - P: that is "
        "the ascent direction",
        _variant(sign=-1.0),
    ),
)


def expect_gradients(outcome, expected, *, reference=REFERENCE, rtol=RTOL, atol=ATOL):
    """Check both lists of the returned (grad_weights, grad_biases), layer by layer."""
    returned(outcome)
    for which, name in enumerate(("grad_weights", "grad_biases")):
        part = outcome.part(which, name)
        value = part.value
        if not isinstance(value, list | tuple) or len(value) != len(expected[which]):
            raise GradeFailure(
                f"{part.call}\n  expected a list of {len(expected[which])} arrays, one per layer, "
                f"got {type(value).__name__} {value!r:.120}"
            )
        for layer, want in enumerate(expected[which]):
            expect_close(
                part.part(layer, f"[{layer}]"),
                want,
                reference=reference,
                rtol=rtol,
                atol=atol,
                mistakes=part_mistakes(MISTAKES, which, layer, whole_must_agree=True),
            )


def _problem(rng, sizes, n, activation):
    k = sizes[-1]
    while True:
        weights = [rng.normal(size=(a, c)) for a, c in itertools.pairwise(sizes)]
        biases = [rng.normal(scale=0.5, size=c) for c in sizes[1:]]
        X = rng.normal(size=(n, sizes[0]))
        y = rng.integers(0, k, size=n)
        y[: min(n, k)] = np.arange(min(n, k))
        hidden = _pre_activations(X, weights, biases, activation, _plain_act)[:-1]
        if all(np.min(np.abs(Z)) > 1e-3 for Z in hidden):
            return X, y, weights, biases


CASES = (
    ((4, 6, 3), "relu", 8),
    ((3, 5, 4, 3), "tanh", 6),
    ((3, 4, 4, 4), "logistic", 5),
    ((2, 3, 3), "identity", 4),
    ((5, 3), "relu", 7),
    ((4, 5, 4, 3), "relu", 10),
    ((3, 3, 4), "tanh", 1),
)


@points(3)
def test_gradients_match_finite_differences(mlp_backward):
    rng = seeded(1501)
    for sizes, activation, n in CASES:
        X, y, weights, biases = _problem(rng, sizes, n, activation)
        expect_gradients(
            mlp_backward.call(X, y, weights, biases, activation=activation),
            finite_differences(X, y, weights, biases, activation),
        )
    X, y, weights, biases = _problem(rng, (3, 4, 3), 6, "relu")
    expect_gradients(
        mlp_backward.call(X, y, weights, biases),
        finite_differences(X, y, weights, biases, "relu"),
        reference=REFERENCE + ", default activation='relu'",
    )


@points(1)
def test_returns_gradients_shaped_like_the_parameters(mlp_backward):
    rng = seeded(1502)
    X, y, weights, biases = _problem(rng, (5, 2, 7, 3), 4, "tanh")
    outcome = mlp_backward.call(X, y, weights, biases, activation="tanh")
    value = returned(outcome)
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise GradeFailure(f"{outcome.call}\n  return a pair (grad_weights, grad_biases), got {value!r:.120}")
    for got, params, name in ((value[0], weights, "grad_weights"), (value[1], biases, "grad_biases")):
        want = [np.shape(p) for p in params]
        shapes = [np.shape(g) for g in got] if isinstance(got, list | tuple) else None
        if shapes != want:
            raise GradeFailure(
                f"{outcome.call}\n  {name} must be a list of arrays shaped like the parameters, "
                f"{want}; got {shapes if shapes is not None else type(got).__name__}"
            )


@robust()
@points(1)
def test_large_logits_stay_finite(mlp_backward):
    rng = seeded(1503)
    X = rng.normal(size=(6, 3))
    W = rng.normal(scale=400.0, size=(3, 4))
    b = rng.normal(size=4)
    y = np.array([0, 1, 2, 3, 0, 1])
    P = scipy_softmax(X @ W + b, axis=1)
    P[np.arange(6), y] -= 1
    expect_gradients(
        mlp_backward.call(X, y, [W], [b], activation="relu"),
        ([X.T @ P / 6], [P.mean(axis=0)]),
        reference="the exact gradient X.T @ (P - Y) / n, P = scipy.special.softmax (logits in the hundreds)",
        rtol=1e-7,
        atol=1e-10,
    )


def _huge_logits_anywhere(values, rng):
    """Output weights scaled so that some logits are in the hundreds, for the true class or not."""
    values["W2"] = values["W2"] * rng.uniform(100, 400, size=values["W2"].shape)
    return values


def _huge_logistic(values, rng):
    """Hidden pre-activations in the hundreds, of both signs, into logistic units."""
    values["X"] = values["X"] * rng.uniform(100, 1000, size=(len(values["X"]), 1))
    values["activation"] = "logistic"
    return values


def _kinks(values, rng):
    """Integer X, W1 and b1: many hidden pre-activations are exactly 0, where relu' is 0."""
    for name in ("X", "W1", "b1"):
        values[name] = rng.integers(-2, 3, size=values[name].shape)
    values["activation"] = "relu"
    return values


def _integer_weights(values, rng):
    """Integer X and weights with fractional biases: gradients kept in an integer array truncate."""
    for name in ("X", "W1", "W2"):
        values[name] = rng.integers(-2, 3, size=values[name].shape)
    for name in ("b1", "b2"):
        values[name] = rng.integers(-2, 2, size=values[name].shape) + 0.5
    values["activation"] = "tanh"
    return values


DOMAIN = Domain(
    seed=1511,
    args=(
        Reals("X", ("n", "d0")),
        Labels("y", classes="k", alternatives=()),
        Reals("W1", ("d0", "d1")),
        Reals("b1", ("d1",), scale=0.5),
        Reals("W2", ("d1", "k")),
        Reals("b2", ("k",), scale=0.5),
    ),
    sizes={"n": (1, 5, 12, 40), "d0": (3, 1, 4, 2), "d1": (4, 2, 1, 6), "k": (3, 2, 4, 5)},
    params=(
        Param("activation", "relu", values=("identity", "logistic", "tanh"), invalid=("gelu", "softmax")),
    ),
    custom={
        "huge logits anywhere": _huge_logits_anywhere,
        "huge hidden pre-activations, logistic": _huge_logistic,
        "pre-activations exactly 0 (relu kinks)": _kinks,
        "integer X and weights, biases k + 0.5": _integer_weights,
    },
)
"""One hidden layer, its arguments flat: :func:`_network_args` regroups them as the call's lists."""
EXTREME = ("huge logits anywhere", "huge hidden pre-activations, logistic")
"""The corners of level ★★ (robust), judged by test_huge_logits_and_pre_activations_anywhere."""


def _network_args(args):
    X, y, W1, b1, W2, b2 = args
    return (X, y, [W1, W2], [b1, b2])


def analytic(X, y, weights, biases, activation="relu"):
    """Backpropagation written out (checked against finite differences above); relu'(0) = 0."""
    return _backprop(X, y, weights, biases, activation)


def _flat(X, y, weights, biases, activation="relu"):
    grads = analytic(X, y, weights, biases, activation)
    return np.concatenate([np.ravel(g) for part in grads for g in part])


def _judge(function, case):
    case = replace(case, args=_network_args(case.args))
    outcome = case_outcome(function, case)
    expected = analytic(*case.widened, **case.widened_kwargs)
    flat = np.concatenate([np.ravel(g) for part in expected for g in part])
    rtol, atol = case_tolerances(_flat, case, flat, rtol=1e-9, atol=1e-12)
    expect_gradients(
        outcome,
        expected,
        reference="backpropagation: Delta_L = (softmax(Z_L) - onehot(y)) / n, relu'(0) = 0"
        + case_suffix(case),
        rtol=rtol,
        atol=atol,
    )


@points(2)
def test_every_corner_of_the_domain(mlp_backward):
    for case in DOMAIN.corner_cases():
        if case.name not in EXTREME:
            _judge(mlp_backward, case)


@robust()
@points(1)
def test_huge_logits_and_pre_activations_anywhere(mlp_backward):
    for case in DOMAIN.corner_cases(only=EXTREME):
        _judge(mlp_backward, case)


@robust()
@points(1)
def test_one_sample_certain_of_its_class(mlp_backward):
    """One sample whose true class's logit leads by 1e4: P - onehot(y) is 0, so is every gradient."""
    X = np.array([[1.0, -2.0]])
    weights = [
        np.array([[1.0, 0.5, -1.0], [0.0, -1.0, 2.0]]),
        np.array([[1e4, 0.0], [0.0, 1.0], [3e3, -5e3]]),
    ]
    biases = [np.array([0.5, 0.25, -0.5]), np.array([0.0, 0.0])]
    for activation in ("relu", "logistic", "tanh"):
        for y in (np.array([0]), np.array([1])):
            case = replace(
                DOMAIN.random_cases()[0],
                name="one sample",
                args=(X, y, weights[0], biases[0], weights[1], biases[1]),
                kwargs={"activation": activation},
            )
            _judge(mlp_backward, case)


@points(1)
def test_rejects_bad_input(mlp_backward):
    rng = seeded(1505)
    X, y, (W1, W2), (b1, b2) = _problem(rng, (3, 4, 3), 5, "relu")
    expect_rejected(
        mlp_backward,
        [
            BadInput("label 3 is outside 0..2 for 3 output units", (X, [0, 1, 2, 3, 0], [W1, W2], [b1, b2])),
            BadInput(
                "label -1 is outside 0..2 (indexing with -1 silently picks the last class)",
                (X, [0, 1, -1, 2, 0], [W1, W2], [b1, b2]),
            ),
            BadInput("label 0.5 is not an integer", (X, [0, 1, 0.5, 2, 0], [W1, W2], [b1, b2])),
            BadInput("4 labels for 5 rows of X", (X, [0, 1, 2, 0], [W1, W2], [b1, b2])),
            BadInput(
                "y must be 1-D labels, not one-hot rows", (X, np.eye(3)[[0, 1, 2, 0, 1]], [W1, W2], [b1, b2])
            ),
            BadInput("'gelu' is not a hidden activation", (X, y, [W1, W2], [b1, b2]), {"activation": "gelu"}),
            BadInput("2 weight matrices but 1 bias vector", (X, y, [W1, W2], [b1])),
            BadInput("there are no layers", (X, y, [], [])),
            BadInput("X has 2 columns but the first W has 3 rows", (X[:, :2], y, [W1, W2], [b1, b2])),
            BadInput("the first bias has 3 entries, its layer 4 units", (X, y, [W1, W2], [b2, b2])),
            BadInput("X has no rows", (np.zeros((0, 3)), np.zeros(0, dtype=int), [W1, W2], [b1, b2])),
            *(replace(bad, args=_network_args(bad.args)) for bad in DOMAIN.bad_inputs()),
        ],
    )


PROPERTIES = (Differential("mlp_backward", DOMAIN, judge=_judge),)


def _network_of(n, rng):
    weights = [rng.normal(size=(10, 16)), rng.normal(size=(16, 10))]
    biases = [rng.normal(scale=0.5, size=16), rng.normal(scale=0.5, size=10)]
    X = rng.normal(size=(n // 10, 10))
    return {"X": X, "y": rng.integers(0, 10, size=len(X)), "weights": weights, "biases": biases}


FAST = Fast(
    inputs=_network_of, why="n // 10 samples of 10 features, 16 relu units, 10 classes: one backward pass"
)
