"""Grader for neural_networks/dense_forward, against scikit-learn's MLP activations."""

import numpy as np
from sklearn.neural_network._base import ACTIVATIONS

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

dense_forward = student_function("dense_forward")
REFERENCE = "sklearn.neural_network._base.ACTIVATIONS[activation](X @ W + b)"
NAMES = ("identity", "relu", "logistic", "tanh")


def _f(a):
    return np.asarray(a, dtype=float)


def _apply(name, Z):
    Z = np.array(Z, dtype=float)  # sklearn's activations work in place: on a copy
    ACTIVATIONS[name](Z)
    return Z


@cached_reference
def reference(X, W, b, activation="relu"):
    return _apply(activation, _f(X) @ _f(W) + _f(b))


def _sigmoid(Z):
    return _apply("logistic", Z)


def _exp_over_one_plus_exp(X, W, b, activation):
    if activation != "logistic":
        return None
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(_f(X) @ _f(W) + _f(b))
        return e / (1.0 + e)


MISTAKES = (
    Mistake(
        "add the bias b to X @ W before applying the activation",
        lambda X, W, b, activation="relu": _apply(activation, _f(X) @ _f(W)) + _f(b),
    ),
    Mistake(
        "you forgot the bias: the layer computes g(X @ W + b)",
        lambda X, W, b, activation="relu": _apply(activation, _f(X) @ _f(W)),
    ),
    Mistake(
        "the logistic function is 1 / (1 + exp(-z)): you lost the minus sign",
        lambda X, W, b, activation="relu": _sigmoid(-(_f(X) @ _f(W) + _f(b))),
    ),
    Mistake(
        "exp(z) / (1 + exp(z)) is inf / inf = nan once z passes 709: write the logistic function "
        "as 1 / (1 + exp(-z)), whose exp(-z) overflowing to inf gives the right limit 0",
        lambda X, W, b, activation="relu": _exp_over_one_plus_exp(X, W, b, activation),
    ),
    Mistake(
        "that is tanh: 'logistic' is the sigmoid 1 / (1 + exp(-z))",
        lambda X, W, b, activation="relu": np.tanh(_f(X) @ _f(W) + _f(b)),
    ),
    Mistake(
        "that is the sigmoid: 'tanh' is np.tanh",
        lambda X, W, b, activation="relu": _sigmoid(_f(X) @ _f(W) + _f(b)),
    ),
    Mistake(
        "relu is elementwise np.maximum(z, 0), not the reduction np.max(z, 0)",
        lambda X, W, b, activation="relu": np.max(_f(X) @ _f(W) + _f(b), 0),
    ),
    Mistake(
        "relu keeps the positive part: you kept the 0/1 step (its derivative)",
        lambda X, W, b, activation="relu": (_f(X) @ _f(W) + _f(b) > 0).astype(float),
    ),
    Mistake(
        "multiply by W itself (X @ W, W of shape (d_in, d_out)), not by W.T",
        lambda X, W, b, activation="relu": _apply(activation, _f(X) @ _f(W).T + _f(b)),
    ),
    Mistake(
        "the activation you applied is not the one asked for: you applied relu",
        lambda X, W, b, activation="relu": _apply("relu", _f(X) @ _f(W) + _f(b)),
    ),
)


def _layer(rng, n, d_in, d_out, scale=1.0):
    return rng.normal(size=(n, d_in)), rng.normal(scale=scale, size=(d_in, d_out)), rng.normal(size=d_out)


@points(3)
def test_matches_sklearn_activations(dense_forward):
    rng = seeded(1301)
    for n, d_in, d_out in ((1, 3, 2), (6, 4, 4), (20, 5, 3)):
        X, W, b = _layer(rng, n, d_in, d_out)
        for name in NAMES:
            expect_close(
                dense_forward.call(X, W, b, activation=name),
                reference(X, W, b, name),
                reference=REFERENCE,
                mistakes=MISTAKES,
            )


@points(1)
def test_default_activation_is_relu(dense_forward):
    X, W, b = _layer(seeded(1302), 5, 3, 4)
    expect_close(
        dense_forward.call(X, W, b),
        reference(X, W, b, "relu"),
        reference=REFERENCE + " with the default activation='relu'",
        mistakes=MISTAKES,
    )


@robust()
@points(1)
def test_large_pre_activations_stay_finite(dense_forward):
    X = np.array([[1.0], [-1.0], [0.001]])
    W = np.array([[1000.0, -800.0, 40.0]])
    b = np.array([0.0, 5.0, -3.0])
    for name in NAMES:
        expect_close(
            dense_forward.call(X, W, b, activation=name),
            reference(X, W, b, name),
            reference=REFERENCE + ": pre-activations of size 1000 (exp(1000) overflows)",
            mistakes=MISTAKES,
        )


def _huge_anywhere(values, rng):
    """Rows scaled so that some pre-activations are in the thousands, of either sign."""
    X = values["X"].copy()
    rows = rng.random(len(X)) < 0.5
    X[rows] *= rng.uniform(300, 3000, size=(int(rows.sum()), 1))
    values.update(X=X, activation=str(rng.choice(["logistic", "tanh"])))
    return values


def _integer_x_and_w(values, rng):
    """Integer X and W with a fractional b: ``Z = X @ W`` is integer, ``Z += b`` cannot stay so."""
    values["X"] = rng.integers(-3, 4, size=values["X"].shape)
    values["W"] = rng.integers(-2, 3, size=values["W"].shape)
    values["b"] = rng.integers(-2, 3, size=values["b"].shape) + 0.5
    values["activation"] = "logistic"
    return values


def _integers_squashed(values, rng):
    """Integer X, W and b under tanh: a result written back into the integer Z truncates to 0."""
    for name in ("X", "W", "b"):
        values[name] = rng.integers(-2, 3, size=values[name].shape)
    values["activation"] = "tanh"
    return values


DOMAIN = Domain(
    seed=1311,
    args=(Reals("X", ("n", "d_in")), Reals("W", ("d_in", "d_out")), Reals("b", ("d_out",))),
    sizes={"n": (1, 6, 20, 200), "d_in": (3, 1, 4, 5), "d_out": (2, 1, 4, 3)},
    params=(
        Param(
            "activation",
            "relu",
            values=("identity", "logistic", "tanh"),
            invalid=("gelu", "softmax", "ReLU"),
            why_invalid="is not one of identity, relu, logistic, tanh",
        ),
    ),
    custom={
        "huge pre-activations anywhere": _huge_anywhere,
        "integer X and W, b = k + 0.5": _integer_x_and_w,
        "integer X, W and b under tanh": _integers_squashed,
    },
)
EXTREME = ("huge pre-activations anywhere",)
"""The corners of level ★★ (robust), judged by test_huge_pre_activations_anywhere."""


@points(2)
def test_every_corner_of_the_domain(dense_forward):
    ordinary = [case for case in DOMAIN.corner_cases() if case.name not in EXTREME]
    expect_cases(dense_forward, ordinary, reference, reference_name=REFERENCE, mistakes=MISTAKES)


@robust()
@points(1)
def test_huge_pre_activations_anywhere(dense_forward):
    extreme = DOMAIN.corner_cases(only=EXTREME)
    expect_cases(dense_forward, extreme, reference, reference_name=REFERENCE, mistakes=MISTAKES)


@robust()
@points(1)
def test_one_sample_saturating_every_unit(dense_forward):
    """One sample whose pre-activations reach 1e300: every activation saturates, none overflows."""
    X = np.array([[1.0, -2.0]])
    W = np.array([[1e300, -1e300, 750.0, -750.0, 1e-300], [0.0, 0.0, 0.0, 0.0, 0.0]])
    b = np.array([0.0, 0.0, -0.5, 0.5, 0.0])
    for name in NAMES:
        expect_close(
            dense_forward.call(X, W, b, activation=name),
            reference(X, W, b, name),
            reference=REFERENCE + ": one sample, pre-activations from -1e300 to 1e300",
            mistakes=MISTAKES,
        )


@points(1)
def test_rejects_bad_input(dense_forward):
    X, W, b = _layer(seeded(1304), 4, 3, 2)
    broadcasts = Mistake(
        "numpy broadcasts a bias of length 1 over all the units, so check len(b) == W.shape[1] yourself",
        lambda X, W, b, activation="relu": reference(X, W, b, activation),
    )
    one_sample = Mistake(
        "X must be 2-D (n, d_in): a 1-D X silently gives a 1-D result, check X.ndim yourself",
        lambda X, W, b, activation="relu": _apply(activation, _f(X) @ _f(W) + _f(b)),
    )
    expect_rejected(
        dense_forward,
        [
            BadInput(
                "'gelu' is not one of identity, relu, logistic, tanh", (X, W, b), {"activation": "gelu"}
            ),
            BadInput("'softmax' is not a hidden activation here", (X, W, b), {"activation": "softmax"}),
            BadInput("X has 3 features but W has 4 rows", (X, np.ones((4, 2)), b)),
            BadInput("b has 3 entries but W has 2 columns", (X, W, np.ones(3))),
            BadInput("b has 1 entry but W has 2 columns", (X, W, np.ones(1)), mistakes=(broadcasts,)),
            BadInput("X is 1-D, not (n, d_in)", (X[0], W, b), mistakes=(one_sample,)),
            BadInput("X has no rows", (np.zeros((0, 3)), W, b)),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("dense_forward", DOMAIN, reference, REFERENCE),)


def _layer_of_ten(n, rng):
    rows = n // 10
    return {
        "X": rng.normal(size=(rows, 10)),
        "W": rng.normal(size=(10, 10)),
        "b": rng.normal(size=10),
        "activation": "logistic",
    }


FAST = Fast(inputs=_layer_of_ten, why="n // 10 samples of 10 features into 10 logistic units")
