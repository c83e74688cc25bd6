"""Grader for losses/log_loss, against sklearn.metrics.log_loss on clipped probabilities."""

import warnings

import numpy as np
from sklearn.metrics import log_loss as sklearn_log_loss

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels, Param, Probs
from mlkata.grading.extremes import case
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

log_loss = student_function("log_loss")
REFERENCE = "sklearn.metrics.log_loss(y, clip(p, eps, 1 - eps))"


def _certain(values, rng):
    """Probabilities of exactly 0 and 1, right and wrong: only the clip keeps the loss finite."""
    y = values["y_true"]
    values["y_prob"] = np.where(rng.random(y.shape) < 0.5, y, 1 - y).astype(float)
    values["eps"] = 1e-4
    return values


DOMAIN = Domain(
    seed=403,
    args=(Labels("y_true", alternatives=()), Probs("y_prob")),
    params=(Param("eps", 1e-15, values=(1e-3, 0.2)),),
    sizes={"n": (2, 9, 300)},
    custom={"probabilities 0 and 1 with eps=1e-4": _certain},
)


@cached_reference
def reference(y, p, eps=1e-15):
    clipped = np.clip(np.asarray(p, float), eps, 1 - eps)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(sklearn_log_loss(np.asarray(y), clipped, labels=[0, 1]))


def _terms(y, p):
    y, p = np.asarray(y, float), np.asarray(p, float)
    with np.errstate(all="ignore"):
        return y * np.log(p) + (1 - y) * np.log(1 - p)


MISTAKES = (
    Mistake(
        "clip the probabilities to [eps, 1 - eps] before the log: log(0) is -inf",
        lambda y, p, eps=1e-15: -np.mean(_terms(y, p)),
    ),
    Mistake(
        "the loss is the *negative* mean log-likelihood: you lost the minus sign",
        lambda y, p, eps=1e-15: np.mean(_terms(y, np.clip(p, eps, 1 - eps))),
    ),
    Mistake(
        "that is the sum of the losses: divide by n for the mean",
        lambda y, p, eps=1e-15: -np.sum(_terms(y, np.clip(p, eps, 1 - eps))),
    ),
    Mistake(
        "use the natural log (np.log), not log2 or log10",
        lambda y, p, eps=1e-15: -np.mean(_terms(y, np.clip(p, eps, 1 - eps))) / np.log(2),
    ),
    Mistake(
        "use the natural log (np.log), not log2 or log10",
        lambda y, p, eps=1e-15: -np.mean(_terms(y, np.clip(p, eps, 1 - eps))) / np.log(10),
    ),
    Mistake(
        "you clipped with a fixed bound, not the eps you were given: clip to [eps, 1 - eps]",
        lambda y, p, eps=1e-15: reference(y, p, 1e-15),
    ),
    Mistake(
        "you clipped with a fixed bound, not the eps you were given: clip to [eps, 1 - eps]",
        lambda y, p, eps=1e-15: reference(y, p, 1e-7),
    ),
    Mistake(
        "y_prob is P(y = 1): for a positive the loss is -log(p), not -log(1 - p)",
        lambda y, p, eps=1e-15: -np.mean(_terms(1 - np.asarray(y), np.clip(p, eps, 1 - eps))),
    ),
)


@points(3)
def test_matches_sklearn_on_random_inputs(log_loss):
    rng = seeded(401)
    for n in (2, 9, 300):
        y = rng.integers(0, 2, size=n)
        y[:2] = [0, 1]
        p = rng.uniform(0.01, 0.99, size=n)
        expect_close(log_loss.call(y, p), reference(y, p), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_probabilities_at_zero_and_one_are_clipped(log_loss):
    y = np.array([1, 0, 1, 0, 1])
    p = np.array([0.0, 1.0, 1.0, 0.0, 0.5])
    expect_close(log_loss.call(y, p), reference(y, p), reference=REFERENCE, mistakes=MISTAKES, rtol=1e-6)
    expect_close(
        log_loss.call(y, p, eps=1e-3),
        reference(y, p, 1e-3),
        reference=REFERENCE + " with eps=1e-3",
        mistakes=MISTAKES,
        rtol=1e-6,
    )


@points(2)
def test_every_corner_of_the_domain(log_loss):
    expect_cases(log_loss, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input(log_loss):
    treats_as_zero_one = Mistake(
        "labels must be 0 or 1: -1 is not a valid label here, raise ValueError",
        lambda y, p, eps=1e-15: reference(np.asarray(y) == 1, p, eps),
    )
    expect_rejected(
        log_loss,
        [
            BadInput(
                "the label -1 is not 0 or 1", ([1, -1, 1], [0.9, 0.2, 0.7]), mistakes=(treats_as_zero_one,)
            ),
            BadInput("the label 2 is not 0 or 1", ([1, 2], [0.9, 0.2])),
            BadInput("1.5 is not a probability", ([1, 0], [1.5, 0.2])),
            BadInput("-0.1 is not a probability", ([1, 0], [0.5, -0.1])),
            BadInput("y_true has 3 values and y_prob 2", ([1, 0, 1], [0.5, 0.5])),
            BadInput("both inputs are empty", ([], [])),
            *DOMAIN.bad_inputs(),
        ],
    )


def _in_float32(y, p, eps=1e-15):
    p = np.asarray(p)
    clipped = np.clip(p, p.dtype.type(eps), p.dtype.type(1 - eps))
    with np.errstate(all="ignore"):
        return -np.mean(np.where(np.asarray(y) == 1, np.log(clipped), np.log1p(-clipped)))


def _log_of_the_likelihood(y, p, eps=1e-15):
    q = np.clip(np.asarray(p, float), eps, 1 - eps)
    return -np.log(np.prod(np.where(np.asarray(y) == 1, q, 1 - q))) / len(q)


ROBUST_MISTAKES = (
    Mistake(
        "in float32, 1 - eps rounds to 1 for any eps below 3e-8, so the clip leaves p = 1 and "
        "log(1 - p) = log(0): convert the probabilities to float64 first (np.asarray(p, dtype=float))",
        _in_float32,
    ),
    Mistake(
        "the product of thousands of probabilities underflows to 0, and log(0) = -inf: sum the "
        "log-probabilities instead of taking the log of the likelihood",
        _log_of_the_likelihood,
    ),
)


@robust()
@points(1)
def test_extreme_inputs(log_loss):
    rng = seeded(405)
    y = rng.integers(0, 2, size=40)
    certain = np.where(rng.random(40) < 0.5, y, 1 - y)
    many = rng.integers(0, 2, size=5000)
    cases = [
        case("float32 probabilities of exactly 0 and 1", y, certain.astype(np.float32)),
        case("n = 5000 samples", many, rng.uniform(0.05, 0.95, size=5000)),
        case("one sample, p = 0 for a positive", np.array([1]), np.array([0.0])),
        case("every label 0, p = 1e-300", np.zeros(6, int), np.full(6, 1e-300)),
    ]
    expect_cases(log_loss, cases, reference, reference_name=REFERENCE, mistakes=ROBUST_MISTAKES, rtol=1e-6)


FAST = Fast(within=5.0)

PROPERTIES = (Differential("log_loss", DOMAIN, reference, REFERENCE),)
