"""Grader for losses/cross_entropy, against sklearn.metrics.log_loss(labels=range(k))."""

import warnings

import numpy as np
from sklearn.metrics import log_loss as sklearn_log_loss

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels, Param, Probs
from mlkata.grading.extremes import case
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

cross_entropy = student_function("cross_entropy")
REFERENCE = "sklearn.metrics.log_loss(y, clip(probs, eps, 1 - eps), labels=range(k))"


def _one_class_only(values, rng):
    """Every label the same class: the other columns still count in the rows' sums."""
    values["y_true"] = np.zeros_like(values["y_true"])
    return values


def _true_class_impossible(values, rng):
    """The true class given probability 0 in some rows, with eps = 1e-3: the clip decides."""
    y, probs = values["y_true"], values["probs"].copy()
    rows = np.arange(0, len(y), 2)
    probs[rows, y[rows]] = 0.0
    values["probs"] = probs / probs.sum(axis=1, keepdims=True)
    values["eps"] = 1e-3
    return values


DOMAIN = Domain(
    seed=503,
    args=(Labels("y_true", classes="k", alternatives=()), Probs("probs", ("n", "k"), simplex=True)),
    params=(Param("eps", 1e-15, values=(1e-3,)),),
    sizes={"n": (3, 10, 200), "k": (2, 3, 10)},
    custom={"one class only": _one_class_only, "true class impossible, eps=1e-3": _true_class_impossible},
)


@cached_reference
def reference(y, probs, eps=1e-15):
    probs = np.clip(np.asarray(probs, float), eps, 1 - eps)
    if probs.shape[1] == 1:  # sklearn refuses a single class; the documented formula decides
        return float(-np.mean(np.log(probs[:, 0])))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(sklearn_log_loss(np.asarray(y), probs, labels=range(probs.shape[1])))


def _chosen(y, probs):
    probs = np.asarray(probs, float)
    return probs[np.arange(len(probs)), np.asarray(y, int)]


MISTAKES = (
    Mistake(
        "only the probability of the true class counts: pick probs[i, y_true[i]], do not "
        "average the log of every entry",
        lambda y, q, eps=1e-15: -np.mean(np.log(np.clip(q, eps, 1 - eps))),
    ),
    Mistake(
        "average over the n samples: you summed over them",
        lambda y, q, eps=1e-15: -np.sum(np.log(np.clip(_chosen(y, q), eps, 1 - eps))),
    ),
    Mistake(
        "clip the probabilities to [eps, 1 - eps] before the log: log(0) is -inf",
        lambda y, q, eps=1e-15: -np.mean(np.log(_chosen(y, q))),
    ),
    Mistake(
        "you clipped with a fixed bound, not the eps you were given: clip to [eps, 1 - eps]",
        lambda y, q, eps=1e-15: reference(y, q, 1e-15),
    ),
    Mistake(
        "you took the predicted (argmax) class's probability: use the true class y_true[i]",
        lambda y, q, eps=1e-15: -np.mean(np.log(np.clip(np.max(q, axis=1), eps, 1 - eps))),
    ),
    Mistake(
        "you divided by n * k: the mean is over samples only",
        lambda y, q, eps=1e-15: -np.sum(np.log(np.clip(_chosen(y, q), eps, 1 - eps))) / np.size(q),
    ),
)


def _random_case(rng, n, k):
    probs = rng.dirichlet(np.ones(k), size=n)
    y = rng.integers(0, k, size=n)
    y[: min(n, k)] = np.arange(min(n, k))
    return y, probs


@points(3)
def test_matches_sklearn_on_random_inputs(cross_entropy):
    rng = seeded(501)
    for n, k in ((3, 2), (10, 3), (200, 10)):
        y, probs = _random_case(rng, n, k)
        expect_close(
            cross_entropy.call(y, probs), reference(y, probs), reference=REFERENCE, mistakes=MISTAKES
        )


@points(1)
def test_zero_probability_for_the_true_class_is_clipped(cross_entropy):
    y = np.array([0, 1, 2])
    probs = np.array([[0.0, 0.5, 0.5], [0.0, 1.0, 0.0], [0.2, 0.3, 0.5]])
    expect_close(
        cross_entropy.call(y, probs), reference(y, probs), reference=REFERENCE, mistakes=MISTAKES, rtol=1e-6
    )


@points(2)
def test_every_corner_of_the_domain(cross_entropy):
    expect_cases(cross_entropy, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(cross_entropy):
    good = [[0.5, 0.5], [0.2, 0.8]]
    expect_rejected(
        cross_entropy,
        [
            BadInput("label 2 is outside 0..1 for k = 2 columns", ([0, 2], good)),
            BadInput("label -1 is outside 0..1", ([0, -1], good)),
            BadInput("label 0.5 is not an integer", ([0, 0.5], good)),
            BadInput("the rows of probs do not sum to 1", ([0, 1], [[0.5, 0.6], [0.2, 0.8]])),
            BadInput("1.2 and -0.2 are not probabilities", ([0, 1], [[1.2, -0.2], [0.2, 0.8]])),
            BadInput("3 labels but 2 rows of probabilities", ([0, 1, 1], good)),
            BadInput("probs must be 2-D (n, k)", ([0, 1], [0.5, 0.5])),
            BadInput("the input is empty", ([], np.zeros((0, 3)))),
            *DOMAIN.bad_inputs(),
        ],
    )


ROBUST_MISTAKES = (
    Mistake(
        "the product of thousands of probabilities underflows to 0, and log(0) = -inf: sum the "
        "log-probabilities instead of taking the log of the likelihood",
        lambda y, q, eps=1e-15: -np.log(np.prod(np.clip(_chosen(y, q), eps, 1 - eps))) / len(y),
    ),
)


@robust()
@points(1)
def test_extreme_inputs(cross_entropy):
    rng = seeded(505)
    one_hot = np.eye(4)[rng.integers(0, 4, size=12)]
    y_hot = np.where(rng.random(12) < 0.5, one_hot.argmax(axis=1), (one_hot.argmax(axis=1) + 1) % 4)
    cases = [
        case("n = 5000 samples", *_random_case(rng, 5000, 10)),
        case("k = 1000 classes", *_random_case(rng, 20, 1000)),
        case("float32 one-hot rows, right and wrong", y_hot, one_hot.astype(np.float32)),
        case("one sample, one class", np.array([0]), np.array([[1.0]])),
        case("the true class at 1e-300", np.array([0, 1]), np.array([[1e-300, 1.0], [0.5, 0.5]])),
    ]
    expect_cases(
        cross_entropy, cases, reference, reference_name=REFERENCE, mistakes=ROBUST_MISTAKES, rtol=1e-6
    )


FAST = Fast(within=5.0)

PROPERTIES = (Differential("cross_entropy", DOMAIN, reference, REFERENCE),)
