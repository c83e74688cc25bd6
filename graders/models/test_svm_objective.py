"""Grader for models/svm_objective, against 0.5 * ||w||^2 + C * n * sklearn.metrics.hinge_loss."""

import numpy as np
from sklearn.metrics import hinge_loss

from mlkata.grading import Mistake, expect_close, points, returned, seeded, student_function
from mlkata.grading.checks import BadInput, expect_input_types_accepted, expect_rejected
from mlkata.grading.memo import cached_reference

svm_objective = student_function("svm_objective")
REFERENCE = "0.5 * w @ w + C * n * sklearn.metrics.hinge_loss(y, X @ w + b)"


@cached_reference
def reference(w, b, X, y, C=1.0):
    w, X, y = np.asarray(w, float), np.asarray(X, float), np.asarray(y)
    return float(0.5 * (w @ w) + C * len(y) * hinge_loss(y, X @ w + float(b), labels=[-1, 1]))


def _hinges(w, b, X, y):
    w, X, y = np.asarray(w, float), np.asarray(X, float), np.asarray(y, float)
    return np.maximum(0.0, 1.0 - y * (X @ w + float(b))), 0.5 * (w @ w)


def _wrong(w, b, X, y, C=1.0, *, mean=False, bias=False, half=True, no_max=False, c_on_norm=False):
    h, norm = _hinges(w, b, X, y)
    if no_max:
        w_, X_, y_ = np.asarray(w, float), np.asarray(X, float), np.asarray(y, float)
        h = 1.0 - y_ * (X_ @ w_ + float(b))
    data = np.mean(h) if mean else np.sum(h)
    norm = norm + (0.5 * float(b) ** 2 if bias else 0.0)
    norm = norm if half else 2 * norm
    return norm * C + data if c_on_norm else norm + C * data


MISTAKES = (
    Mistake(
        "the second term is C times the *sum* of the hinge losses, not their mean (libsvm's convention)",
        lambda *a, **k: _wrong(*a, **k, mean=True),
    ),
    Mistake(
        "the intercept b is not part of the penalty: the first term is 0.5 * ||w||^2 only",
        lambda *a, **k: _wrong(*a, **k, bias=True),
    ),
    Mistake("the first term is one half of ||w||^2", lambda *a, **k: _wrong(*a, **k, half=False)),
    Mistake(
        "did you forget the max(0, ...)? A sample beyond the margin costs 0, not a negative amount",
        lambda *a, **k: _wrong(*a, **k, no_max=True),
    ),
    Mistake(
        "C multiplies the hinge losses, not the penalty 0.5 * ||w||^2",
        lambda *a, **k: _wrong(*a, **k, c_on_norm=True),
    ),
)


def _returned_normally(outcome):
    """``outcome`` once the call returned: a stub (or a call that raised) fails here, with the
    message the checks would give, before the reference for it is computed."""
    returned(outcome)
    return outcome


def _problem(rng, n, d):
    X = rng.normal(size=(n, d))
    w = rng.normal(size=d)
    b = float(rng.normal())
    y = np.where(X @ w + b + rng.normal(size=n) > 0, 1, -1)
    y[:2] = [-1, 1]
    return w, b, X, y


@points(3)
def test_matches_the_reference_on_random_inputs(svm_objective):
    rng = seeded(1501)
    for (n, d), C in zip(((2, 1), (7, 3), (300, 5)), (1.0, 0.3, 10.0), strict=True):
        args = _problem(rng, n, d)
        kwargs = {} if C == 1.0 else {"C": C}
        expect_close(
            _returned_normally(svm_objective.call(*args, **kwargs)),
            reference(*args, C=C),
            reference=REFERENCE,
            mistakes=MISTAKES,
        )


@points(1)
def test_margin_cases(svm_objective):
    X = np.array([[2.0, 0.0], [0.5, 0.0], [0.0, 1.0], [-1.0, -1.0], [1.0, 1.0]])
    y = np.array([1, 1, -1, -1, -1])
    w, b = np.array([1.0, 0.5]), -0.5
    # decision values 1.5, 0.0, 0.0, -2.0, 1.0; margins 1.5, 0, 0, 2, -1; hinges 0, 1, 1, 0, 2
    expect_close(
        svm_objective.call(w, b, X, y, C=2.0),
        0.5 * 1.25 + 2.0 * 4.0,
        reference="0.5 * ||w||^2 + C * (0 + 1 + 1 + 0 + 2)",
        mistakes=MISTAKES,
    )


@points(1)
def test_accepts_lists_and_float32(svm_objective):
    rng = seeded(1502)
    args = _problem(rng, 25, 3)
    expect_input_types_accepted(svm_objective, args, reference, reference_name=REFERENCE, kwargs={"C": 0.5})


@points(1)
def test_rejects_bad_input(svm_objective):
    X = [[1.0, 2.0], [0.5, -1.0], [0.0, 1.0]]
    w = [0.5, -0.5]
    expect_rejected(
        svm_objective,
        [
            BadInput(
                "labels must be -1 or +1: labels in {0, 1} must be mapped first",
                (w, 0.0, X, [1, 0, 1]),
                mistakes=(
                    Mistake(
                        "labels in {0, 1} must be rejected: with y = 0 the margin is always 0, so every "
                        "negative silently costs C",
                        lambda *a, **k: _wrong(*a, **k),
                    ),
                ),
            ),
            BadInput("the label 2 is not -1 or +1", (w, 0.0, X, [1, 2, -1])),
            BadInput("w has 3 values but X has 2 columns", ([0.5, -0.5, 1.0], 0.0, X, [1, -1, 1])),
            BadInput("X has 3 rows and y 2 labels", (w, 0.0, X, [1, -1])),
            BadInput("the input is empty", (w, 0.0, np.zeros((0, 2)), [])),
            BadInput("C must be > 0", (w, 0.0, X, [1, -1, 1]), {"C": -1.0}),
        ],
    )
