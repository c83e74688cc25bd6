"""Grader for models/svm_objective, against 0.5 * ||w||^2 + C * n * sklearn.metrics.hinge_loss."""

import numpy as np
from sklearn.metrics import hinge_loss

from mlkata.grading import Mistake, expect_close, points, returned, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels, Param, Reals
from mlkata.grading.extremes import FLOAT32_OVERFLOW, any_float32, as_given
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

svm_objective = student_function("svm_objective")
REFERENCE = "0.5 * w @ w + C * n * sklearn.metrics.hinge_loss(y, X @ w + b)"


@cached_reference
def reference(w, b, X, y, C=1.0):
    w, X, y = np.asarray(w, float), np.asarray(X, float), np.asarray(y, float).astype(int)
    # hinge_loss takes a y with one class only for the other one: one more sample of each
    # class, weighted 0, keeps both present without changing the mean
    both = np.concatenate([y, [-1, 1]])
    decision = np.concatenate([X @ w + float(b), [0.0, 0.0]])
    weights = np.concatenate([np.ones(len(y)), [0.0, 0.0]])
    mean_hinge = hinge_loss(both, decision, labels=[-1, 1], sample_weight=weights)
    return float(0.5 * (w @ w) + C * len(y) * mean_hinge)


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


def _on_the_margin(values, rng):
    """Half of the samples exactly on the margin (y * (x . w + b) = 1): the hinge's kink, cost 0."""
    X, y = values["X"], values["y"]
    w = np.asarray(values["w"], float)
    on = rng.random(len(y)) < 0.5
    b = float(values["b"])
    X = X.copy()
    # move each chosen x along w until its decision value is y exactly: w @ w is a power of two
    w = np.round(w * 4) / 4
    w[0] = 1.0
    scale = w @ w
    shift = (y[on] - (X[on] @ w + b)) / scale
    X[on] += shift[:, None] * w
    values.update(X=X, w=w)
    return values


def _one_class(values, rng):
    """Every label the same: the objective is defined all the same (a fit's is, too)."""
    values["y"] = np.full(len(values["y"]), int(rng.choice([-1, 1])))
    return values


def _float_labels(values, rng):
    """Labels -1.0 and +1.0 as floats (read from a file, say)."""
    values["y"] = values["y"].astype(float)
    return values


def _integer_x_and_w(values, rng):
    """Integer X and w with a fractional b: ``X @ w`` is an integer array, ``+= b`` cannot stay one."""
    values["X"] = rng.integers(-4, 5, size=values["X"].shape)
    values["w"] = rng.integers(-2, 3, size=values["w"].shape)
    values["b"] = 0.5 + float(rng.integers(-2, 2))
    return values


DOMAIN = Domain(
    seed=1511,
    args=(
        Reals("w", ("d",)),
        Reals("b", ()),
        Reals("X", ("n", "d"), scale=2.0, loc=1.0),
        Labels("y", classes=(-1, 1), alternatives=()),
    ),
    sizes={"n": (1, 7, 2, 300), "d": (1, 3, 2, 5)},
    params=(
        Param(
            "C", 1.0, values=(0.3, 10.0), invalid=(0.0, -1.0, float("nan")), why_invalid="is not a number > 0"
        ),
    ),
    custom={
        "samples on the margin": _on_the_margin,
        "float labels": _float_labels,
        "one class only": _one_class,
        "integer X and w, b = k + 0.5": _integer_x_and_w,
    },
)


@points(2)
def test_every_corner_of_the_domain(svm_objective):
    expect_cases(svm_objective, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


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
            BadInput("b must be a single number, not an array", (w, [0.5], X, [1, -1, 1])),
            BadInput("y has 1 label for 3 rows of X (numpy would broadcast it)", (w, 0.0, X, [1])),
            *DOMAIN.bad_inputs(),
        ],
    )


def _objective_as_given(w, b, X, y, C=1.0):
    """The objective in the inputs' own dtype: a float32 w of 1e20 squares to inf."""
    if not any_float32(w, X):
        return None
    w, X, y = as_given(w), as_given(X), np.asarray(y)
    with np.errstate(all="ignore"):
        margins = y * (X @ w + b)
        return float(0.5 * (w @ w) + C * np.sum(np.maximum(0, 1 - margins)))


@robust()
@points(1)
def test_float32_weights_near_1e20_and_extreme_c(svm_objective):
    """A float32 w of 1e19 to 1e20 (w @ w passes float32's 3.4e38), then C of 1e-300 and 1e300."""
    rng = seeded(1504)
    w, b, X, y = _problem(rng, 6, 3)
    mistakes = (*MISTAKES, Mistake(FLOAT32_OVERFLOW, _objective_as_given))
    big = (rng.uniform(1e19, 1e20, size=3) * rng.choice([-1, 1], size=3)).astype(np.float32)
    for args, C, why in (
        ((big, b, X.astype(np.float32), y), 1.0, "; float32 w of 1e19 to 1e20"),
        ((w, b, X, y), 1e-300, "; C = 1e-300"),
        ((w, b, X, y), 1e300, "; C = 1e300"),
    ):
        outcome = _returned_normally(svm_objective.call(*args, C=C))
        expect_close(outcome, reference(*args, C=C), reference=REFERENCE + why, mistakes=mistakes)


def _fast_inputs(n, rng):
    d = 10
    return {
        "w": rng.normal(size=d),
        "b": 0.5,
        "X": rng.normal(size=(n // d, d)),
        "y": rng.choice([-1, 1], size=n // d),
    }


FAST = Fast(inputs=_fast_inputs, within=5.0, why="n / 10 samples of 10 features")


PROPERTIES = (Differential("svm_objective", DOMAIN, reference, REFERENCE),)
