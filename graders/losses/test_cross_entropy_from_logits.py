"""Grader for losses/cross_entropy_from_logits, against scipy.special.log_softmax."""

import numpy as np
from scipy.special import log_softmax

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, case, near_float32_max
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

cross_entropy_from_logits = student_function("cross_entropy_from_logits")
REFERENCE = "-mean of scipy.special.log_softmax(logits, axis=1)[i, y_i]"


def _huge_anywhere(values, rng):
    """Huge logits (+-1e3 to 1e4) at random places of the rows: at the true class, elsewhere, or
    every logit of a row huge and negative, so a log of a stabilised softmax meets log(0)."""
    z = values["logits"].copy()
    n, k = z.shape
    where = rng.integers(0, k, size=n)
    z[np.arange(n), where] = rng.choice([1.0, -1.0], size=n) * rng.uniform(1e3, 1e4, size=n)
    z[0] = -1e4 + rng.normal(size=k)
    values["logits"] = z
    return values


def _true_class_far_below(values, rng):
    """The true class 1000 below another logit: y = [1], logits = [[1000, 0]], in every row."""
    z = values["logits"].copy()
    y = values["y_true"]
    other = (y + 1) % z.shape[1]
    z[np.arange(len(y)), other] = z[np.arange(len(y)), y] + 1000.0
    values["logits"] = z
    return values


DOMAIN = Domain(
    seed=603,
    args=(
        Labels("y_true", classes="k", alternatives=()),
        Reals("logits", ("n", "k"), scale=3, uint8=True, offset=True),
    ),
    sizes={"n": (1, 8, 300), "k": (2, 3, 10)},
    custom={"huge logits anywhere in a row": _huge_anywhere, "true class far below": _true_class_far_below},
)


@cached_reference
def reference(y, logits):
    logits = np.asarray(logits, float)
    return float(-np.mean(log_softmax(logits, axis=1)[np.arange(len(logits)), np.asarray(y)]))


def _pick(y, matrix):
    return matrix[np.arange(len(matrix)), np.asarray(y, int)]


def _naive(y, z):
    z = np.asarray(z, float)
    with np.errstate(all="ignore"):
        e = np.exp(z)
        return -np.mean(np.log(_pick(y, e / e.sum(axis=1, keepdims=True))))


def _log_norm_without_max(z):
    z = np.asarray(z, float)
    return np.log(np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1))


def _log_of_stable_softmax(y, z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    with np.errstate(all="ignore"):
        return -np.mean(np.log(_pick(y, e / e.sum(axis=1, keepdims=True))))


MISTAKES = (
    Mistake(
        "you took the log of the (stabilised) softmax probabilities: a true class far below the "
        "row's maximum has a probability that underflows to 0, and log(0) = -inf; compute "
        "log-softmax directly as z - m - log(sum(exp(z - m)))",
        _log_of_stable_softmax,
    ),
    Mistake(
        "np.exp overflowed: subtract each row's maximum logit before exponentiating (the log-sum-exp trick)",
        _naive,
    ),
    Mistake(
        "normalise over the classes of each row (axis=1), not over the samples (axis=0)",
        lambda y, z: (
            -np.mean(
                _pick(
                    y, np.asarray(z, float) - np.log(np.exp(np.asarray(z, float)).sum(axis=0, keepdims=True))
                )
            )
        ),
    ),
    Mistake(
        "you subtracted the max but did not add it back: log-sum-exp(z) = m + "
        "log(sum(exp(z - m))), and the loss is logsumexp(z) - z[y]",
        lambda y, z: np.mean(_log_norm_without_max(z) - _pick(y, np.asarray(z, float))),
    ),
    Mistake(
        "average over the samples: you summed",
        lambda y, z: -np.sum(_pick(y, log_softmax(np.asarray(z, float), axis=1))),
    ),
    Mistake(
        "that is -mean(z[y]) without the log-sum-exp normaliser",
        lambda y, z: -np.mean(_pick(y, np.asarray(z, float))),
    ),
)


@points(3)
def test_matches_scipy_on_random_inputs(cross_entropy_from_logits):
    rng = seeded(601)
    for n, k in ((1, 2), (8, 3), (300, 10)):
        y, logits = rng.integers(0, k, size=n), rng.normal(scale=3, size=(n, k))
        expect_close(
            cross_entropy_from_logits.call(y, logits),
            reference(y, logits),
            reference=REFERENCE,
            mistakes=MISTAKES,
        )


@points(2)
def test_stays_finite_for_huge_logits(cross_entropy_from_logits):
    y = np.array([0, 1, 2, 0])
    logits = np.array([[1e4, 0.0, -1e4], [1e4, 1e4 - 1, 0.0], [-1e4, -1e4, -1e4 + 2], [5e3, 5e3, 5e3]])
    expect_close(
        cross_entropy_from_logits.call(y, logits),
        reference(y, logits),
        reference=REFERENCE,
        mistakes=MISTAKES,
    )
    # The true class far below the row's maximum: a probability of exp(-740) keeps 2 digits (its
    # log is off by 0.003, and no other mistake gives that), exp(-1000) none (log(0) = -inf).
    for y, logits in (([1], [[740.0, 0.0]]), ([1], [[1000.0, 0.0]])):
        y, logits = np.array(y), np.array(logits)
        expect_close(
            cross_entropy_from_logits.call(y, logits),
            reference(y, logits),
            reference=REFERENCE,
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(cross_entropy_from_logits):
    expect_cases(
        cross_entropy_from_logits,
        DOMAIN.corner_cases(),
        reference,
        reference_name=REFERENCE,
        mistakes=MISTAKES,
    )


@points(1)
def test_rejects_bad_input(cross_entropy_from_logits):
    z = [[1.0, 2.0], [0.5, -0.5]]
    expect_rejected(
        cross_entropy_from_logits,
        [
            BadInput("label 2 is outside 0..1 for 2 columns", ([0, 2], z)),
            BadInput("label -1 is outside 0..1", ([-1, 0], z)),
            BadInput("3 labels but 2 rows of logits", ([0, 1, 0], z)),
            BadInput("logits must be 2-D (n, k)", ([0, 1], [1.0, 2.0])),
            BadInput("the input is empty", ([], np.zeros((0, 2)))),
            *DOMAIN.bad_inputs(),
        ],
    )


def _in_float32(y, z):
    z = np.asarray(z)
    with np.errstate(all="ignore"):
        shifted = z - z.max(axis=1, keepdims=True)
        return np.mean(np.log(np.exp(shifted).sum(axis=1)) - _pick(y, shifted))


@robust()
@points(1)
def test_near_overflow_logits(cross_entropy_from_logits):
    rng = seeded(605)
    spread = np.array([[1e307, -1e307, 0.0], [-4e307, 4e307, 1e300], [2e307, 2e307, -2e307]])
    cases = [
        case("float32 logits near +-3e38", rng.integers(0, 4, size=30), near_float32_max(rng, (30, 4))),
        case("logits near +-1e307", np.array([1, 0, 2]), spread),
        case("every logit of a row 1e4 (ties), n = 1", np.array([2]), np.full((1, 3), 1e4)),
        case("one sample, one class", np.array([0]), np.array([[-1e300]])),
        case("k = 10000 classes", rng.integers(0, 10000, size=3), rng.normal(scale=50, size=(3, 10000))),
    ]
    expect_cases(
        cross_entropy_from_logits,
        cases,
        reference,
        reference_name=REFERENCE,
        mistakes=(Mistake(FLOAT32_OVERFLOW, _in_float32),),
    )


FAST = Fast(within=5.0)

PROPERTIES = (Differential("cross_entropy_from_logits", DOMAIN, reference, REFERENCE),)
