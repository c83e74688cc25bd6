"""Grader for neural_networks/mlp_forward, against scikit-learn's MLPClassifier / MLPRegressor.

The reference network is a real scikit-learn model: it is fitted for one iteration on a few
random points with the right layer sizes (so that scikit-learn sets ``n_layers_``,
``n_outputs_``, ``out_activation_``, ``classes_`` ... itself), then its ``coefs_`` and
``intercepts_`` are overwritten with the learner's ``weights`` and ``biases``.
"""

import itertools
import warnings
from dataclasses import replace

import numpy as np
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.neural_network._base import ACTIVATIONS

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_case, expect_rejected
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

mlp_forward = student_function("mlp_forward")
HIDDEN = ("relu", "identity", "logistic", "tanh")
REFERENCES = {
    "softmax": "sklearn MLPClassifier.predict_proba (multi-class) with coefs_/intercepts_ set",
    "logistic": "sklearn MLPClassifier.predict_proba (multi-label: logistic outputs) with coefs_/intercepts_",
    "identity": "sklearn MLPRegressor.predict with coefs_/intercepts_ set",
}


def _sklearn_net(weights, biases, activation, output):
    weights = [np.array(W, dtype=float) for W in weights]
    biases = [np.array(b, dtype=float) for b in biases]
    d_in, k = weights[0].shape[0], weights[-1].shape[1]
    hidden = tuple(W.shape[1] for W in weights[:-1])
    rng = np.random.default_rng(0)
    m = 2 * max(k, 2)
    X_fit = rng.normal(size=(m, d_in))
    if output == "softmax":
        assert k >= 3, "scikit-learn uses softmax for 3 classes or more"
        model, y_fit = MLPClassifier, np.arange(m) % k
    elif output == "logistic":
        model = MLPClassifier
        y_fit = np.arange(m) % 2 if k == 1 else (np.arange(m)[:, None] + np.arange(k)) % 2
    else:
        model, y_fit = MLPRegressor, rng.normal(size=(m, k))
    net = model(hidden_layer_sizes=hidden, activation=activation, max_iter=1, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net.fit(X_fit, y_fit)
    assert net.out_activation_ == output
    assert [c.shape for c in net.coefs_] == [W.shape for W in weights]
    net.coefs_, net.intercepts_ = weights, biases
    return net


@cached_reference
def reference(X, weights, biases, activation="relu", output="softmax"):
    X = np.asarray(X, dtype=float)
    net = _sklearn_net(weights, biases, activation, output)
    if output == "identity":
        return net.predict(X).reshape(len(X), -1)
    proba = net.predict_proba(X)
    return proba[:, 1:] if output == "logistic" and np.shape(weights[-1])[1] == 1 else proba


def _act(name, Z):
    Z = np.array(Z, dtype=float)  # sklearn's activations work in place: on a copy
    ACTIVATIONS[name](Z)
    return Z


def _forward(X, weights, biases, hidden, output, *, hidden_on_last=False, between=True, softmax_axis=1):
    A = np.asarray(X, dtype=float)
    layers = list(zip(weights, biases, strict=True))
    for W, b in layers[:-1]:
        Z = A @ np.asarray(W, float) + np.asarray(b, float)
        A = _act(hidden, Z) if between else Z
    W, b = layers[-1]
    Z = A @ np.asarray(W, float) + np.asarray(b, float)
    if hidden_on_last:
        Z = _act(hidden, Z)
    if output == "softmax":
        e = np.exp(Z - Z.max(axis=softmax_axis, keepdims=True))
        return e / e.sum(axis=softmax_axis, keepdims=True)
    return _act(output, Z)


def _naive_softmax_forward(X, weights, biases, activation="relu", output="softmax"):
    if output != "softmax":
        return None
    logits = _forward(X, weights, biases, activation, "identity")
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


def _global_max_forward(X, weights, biases, activation, output):
    if output != "softmax":
        return None
    logits = _forward(X, weights, biases, activation, "identity")
    with np.errstate(all="ignore"):
        e = np.exp(logits - logits.max())
        return e / e.sum(axis=1, keepdims=True)


def _exp_ratio_forward(X, weights, biases, activation, output):
    """Every logistic unit computed as exp(z) / (1 + exp(z))."""
    if "logistic" not in (activation, output):
        return None

    def g(name, Z):
        if name == "logistic":
            return np.exp(Z) / (1 + np.exp(Z))
        if name == "softmax":
            e = np.exp(Z - Z.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)
        return _act(name, Z)

    A = np.asarray(X, dtype=float)
    with np.errstate(all="ignore"):
        for i, (W, b) in enumerate(zip(weights, biases, strict=True)):
            A = g(
                activation if i < len(weights) - 1 else output,
                A @ np.asarray(W, float) + np.asarray(b, float),
            )
    return A


MISTAKES = (
    Mistake(
        "the hidden activation follows every layer but the last: the output layer goes straight "
        "into the output function",
        lambda X, W, b, activation="relu", output="softmax": _forward(
            X, W, b, activation, output, hidden_on_last=True
        ),
    ),
    Mistake(
        "apply the hidden activation after every hidden layer: without it the network is one linear map",
        lambda X, W, b, activation="relu", output="softmax": _forward(
            X, W, b, activation, output, between=False
        ),
    ),
    Mistake(
        "softmax normalises each row (one sample's class scores, axis=1), not each column",
        lambda X, W, b, activation="relu", output="softmax": _forward(
            X, W, b, activation, output, softmax_axis=0
        ),
    ),
    Mistake(
        "np.exp overflowed: subtract each row's maximum logit before the softmax",
        _naive_softmax_forward,
    ),
    Mistake(
        "subtract each row's own maximum logit (Z.max(axis=1, keepdims=True)), not the largest "
        "logit of the whole batch: a row far below it underflows to 0 / 0",
        lambda X, W, b, activation="relu", output="softmax": _global_max_forward(X, W, b, activation, output),
    ),
    Mistake(
        "exp(z) / (1 + exp(z)) is inf / inf = nan once z passes 709: write the logistic function "
        "as 1 / (1 + exp(-z)) (scipy.special.expit)",
        lambda X, W, b, activation="relu", output="softmax": _exp_ratio_forward(X, W, b, activation, output),
    ),
    Mistake(
        "use the `output` argument for the last layer: you always applied softmax",
        lambda X, W, b, activation="relu", output="softmax": _forward(X, W, b, activation, "softmax"),
    ),
    Mistake(
        "use the `activation` argument for the hidden layers: you always used relu",
        lambda X, W, b, activation="relu", output="softmax": _forward(X, W, b, "relu", output),
    ),
    Mistake(
        "the output function comes after the last layer's affine map, not instead of the "
        "hidden activation: you applied it after every layer",
        lambda X, W, b, activation="relu", output="softmax": (
            _forward(X, W, b, output, output) if output != "softmax" else None
        ),
    ),
)


def _network(rng, sizes, scale=1.0):
    weights = [rng.normal(scale=scale, size=(a, c)) for a, c in itertools.pairwise(sizes)]
    biases = [rng.normal(size=c) for c in sizes[1:]]
    return weights, biases


@points(3)
def test_softmax_output_matches_mlpclassifier(mlp_forward):
    rng = seeded(1401)
    for sizes, n in (((4, 5, 3), 7), ((3, 6, 4, 4), 12), ((5, 3), 4), ((2, 3, 3, 3, 5), 1), ((6, 8, 3), 40)):
        weights, biases = _network(rng, sizes)
        X = rng.normal(size=(n, sizes[0]))
        for activation in HIDDEN:
            expect_close(
                mlp_forward.call(X, weights, biases, activation=activation, output="softmax"),
                reference(X, weights, biases, activation, "softmax"),
                reference=REFERENCES["softmax"],
                mistakes=MISTAKES,
            )
    weights, biases = _network(rng, (3, 4, 3))
    X = rng.normal(size=(5, 3))
    expect_close(
        mlp_forward.call(X, weights, biases),
        reference(X, weights, biases),
        reference=REFERENCES["softmax"] + ", defaults activation='relu', output='softmax'",
        mistakes=MISTAKES,
    )


@points(2)
def test_logistic_and_identity_outputs(mlp_forward):
    rng = seeded(1402)
    for output, sizes in (
        ("logistic", (4, 5, 3)),
        ("logistic", (3, 4, 1)),
        ("identity", (4, 5, 1)),
        ("identity", (3, 6, 2, 2)),
    ):
        weights, biases = _network(rng, sizes)
        X = rng.normal(size=(9, sizes[0]))
        for activation in ("relu", "tanh"):
            expect_close(
                mlp_forward.call(X, weights, biases, activation=activation, output=output),
                reference(X, weights, biases, activation, output),
                reference=REFERENCES[output] + " (the result is always 2-D, (n, d_out))",
                mistakes=MISTAKES,
            )


@robust()
@points(1)
def test_large_logits_stay_finite(mlp_forward):
    rng = seeded(1403)
    weights, biases = _network(rng, (3, 4, 4), scale=30.0)
    X = rng.normal(scale=30.0, size=(8, 3))
    for activation in ("relu", "identity"):
        expect_close(
            mlp_forward.call(X, weights, biases, activation=activation),
            reference(X, weights, biases, activation),
            reference=REFERENCES["softmax"] + ": logits in the thousands",
            mistakes=MISTAKES,
        )


def _huge_logits_anywhere(values, rng):
    """Output weights scaled so that some logits are in the thousands, not only at the row maximum."""
    values["W2"] = values["W2"] * rng.uniform(100, 1000, size=values["W2"].shape)
    return values


def _huge_logistic(values, rng):
    """Pre-activations in the hundreds and thousands, of both signs, into logistic units and outputs."""
    values["X"] = values["X"] * rng.uniform(100, 1000, size=(len(values["X"]), 1))
    values["W2"] = values["W2"] * 3000
    values.update(activation="logistic", output="logistic")
    return values


def _integer_weights(values, rng):
    """Integer X and weights with fractional biases: ``A @ W += b`` cannot stay integer."""
    for name in ("X", "W1", "W2"):
        values[name] = rng.integers(-2, 3, size=values[name].shape)
    for name in ("b1", "b2"):
        values[name] = rng.integers(-2, 2, size=values[name].shape) + 0.5
    values["activation"] = "logistic"
    return values


def _one_hidden_unit(values, rng):
    """A hidden layer of width 1: W1 is (d0, 1), W2 is (1, k)."""
    values["W1"] = values["W1"][:, :1]
    values["b1"] = values["b1"][:1]
    values["W2"] = values["W2"][:1]
    values["activation"] = "tanh"
    return values


DOMAIN = Domain(
    seed=1411,
    args=(
        Reals("X", ("n", "d0")),
        Reals("W1", ("d0", "d1")),
        Reals("b1", ("d1",)),
        Reals("W2", ("d1", "k")),
        Reals("b2", ("k",)),
    ),
    sizes={"n": (1, 5, 12, 40), "d0": (3, 1, 4, 2), "d1": (4, 2, 1, 6), "k": (3, 4, 3, 5)},
    params=(
        Param("activation", "relu", values=HIDDEN[1:], invalid=("gelu", "softmax")),
        Param("output", "softmax", values=("logistic", "identity"), invalid=("sigmoid", "relu")),
    ),
    custom={
        "huge logits anywhere": _huge_logits_anywhere,
        "huge pre-activations, logistic everywhere": _huge_logistic,
        "integer X and weights, biases k + 0.5": _integer_weights,
        "one hidden unit": _one_hidden_unit,
    },
)
"""One hidden layer, its arguments flat: :func:`_network_case` regroups them as the call's lists."""
EXTREME = ("huge logits anywhere", "huge pre-activations, logistic everywhere")
"""The corners of level ★★ (robust), judged by test_huge_logits_and_pre_activations_anywhere."""


def _network_args(args):
    X, W1, b1, W2, b2 = args
    return (X, [W1, W2], [b1, b2])


def _network_case(case):
    return replace(case, args=_network_args(case.args))


def _judge(function, case):
    case = _network_case(case)
    output = case.kwargs.get("output", "softmax")
    expect_case(function, case, reference, reference_name=REFERENCES[output], mistakes=MISTAKES)


@points(2)
def test_every_corner_of_the_domain(mlp_forward):
    for case in DOMAIN.corner_cases():
        if case.name not in EXTREME:
            _judge(mlp_forward, case)


@robust()
@points(1)
def test_huge_logits_and_pre_activations_anywhere(mlp_forward):
    for case in DOMAIN.corner_cases(only=EXTREME):
        _judge(mlp_forward, case)


@robust()
@points(1)
def test_one_sample_with_logits_of_1e5(mlp_forward):
    """A batch of one whose logits are +-1e5: softmax and logistic outputs saturate, stay finite."""
    X = np.array([[1.0, -1.0]])
    weights = [np.array([[2.0, -1.0], [0.5, 1.0]]), np.array([[1e5, -1e5, 3.0], [-2e5, 1e5, 0.0]])]
    biases = [np.array([0.1, -0.2]), np.array([0.0, 0.0, -1e5])]
    for activation, output in (("relu", "softmax"), ("tanh", "softmax"), ("logistic", "logistic")):
        expect_close(
            mlp_forward.call(X, weights, biases, activation=activation, output=output),
            reference(X, weights, biases, activation, output),
            reference=REFERENCES[output] + ": one sample, logits of size 1e5",
            mistakes=MISTAKES,
        )


@points(1)
def test_rejects_bad_input(mlp_forward):
    rng = seeded(1405)
    (W1, W2), (b1, b2) = _network(rng, (3, 4, 3))
    X = rng.normal(size=(5, 3))
    expect_rejected(
        mlp_forward,
        [
            BadInput("'gelu' is not a hidden activation", (X, [W1, W2], [b1, b2]), {"activation": "gelu"}),
            BadInput(
                "'sigmoid' is not an output: use 'logistic'", (X, [W1, W2], [b1, b2]), {"output": "sigmoid"}
            ),
            BadInput("2 weight matrices but 1 bias vector", (X, [W1, W2], [b1])),
            BadInput("there are no layers", (X, [], [])),
            BadInput("X has 2 columns but the first W has 3 rows", (X[:, :2], [W1, W2], [b1, b2])),
            BadInput(
                "W1 has 4 columns but W2 has 5 rows",
                (X, [W1, rng.normal(size=(5, 3))], [b1, b2]),
            ),
            BadInput("the first bias has 3 entries, its layer 4 units", (X, [W1, W2], [b2, b2])),
            BadInput("the first bias has 1 entry, its layer 4 units", (X, [W1, W2], [b1[:1], b2])),
            BadInput("X must be 2-D (n, d_0)", (X[0], [W1, W2], [b1, b2])),
            BadInput("X has no rows", (np.zeros((0, 3)), [W1, W2], [b1, b2])),
            *(replace(bad, args=_network_args(bad.args)) for bad in DOMAIN.bad_inputs()),
        ],
    )


PROPERTIES = (Differential("mlp_forward", DOMAIN, judge=_judge),)


def _network_of(n, rng):
    weights, biases = _network(rng, (10, 16, 10))
    return {"X": rng.normal(size=(n // 10, 10)), "weights": weights, "biases": biases}


FAST = Fast(inputs=_network_of, why="n // 10 samples of 10 features through 16 relu units into 10 classes")
