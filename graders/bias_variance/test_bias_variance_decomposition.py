"""Grader for bias_variance/bias_variance_decomposition, against mlxtend.

``mlxtend.evaluate.bias_variance_decomp`` trains the model itself on ``num_rounds``
bootstrap samples and predicts the test set after each fit. To give it the learner's
predictions, the grader hands it an estimator that *replays* them: ``fit`` advances a round
counter and ``predict`` returns ``predictions[round]``. The training and test inputs are
dummies (mlxtend only draws bootstrap indices from them), ``loss="mse"``. mlxtend's
``avg_bias`` for ``"mse"`` is already the squared bias and its variance divides by
``num_rounds``.
"""

import numpy as np
from mlxtend.evaluate import bias_variance_decomp

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    part_mistakes,
    points,
    returned,
    seeded,
    student_function,
    with_hints,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    case_outcome,
    case_suffix,
    case_tolerances,
    conditioning_tolerance,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

bias_variance_decomposition = student_function("bias_variance_decomposition")
REFERENCE = "mlxtend.evaluate.bias_variance_decomp(loss='mse') on a replay estimator"
PARTS = ("expected_loss", "bias_squared", "variance")


def _far_from_the_targets(values, rng):
    """Predictions near 1e9 for targets near 0: loss - bias (or loss - variance) cancels."""
    values["predictions"] = values["predictions"] + 1e9
    return values


def _rounds_far_apart(values, rng):
    """Rounds 1e9 above and below the targets: a tiny bias under a huge variance (loss - variance cancels)."""
    P = values["predictions"].copy()
    P[::2] += 1e9
    P[1::2] -= 1e9
    if len(P) % 2:
        P[-1] = values["y_true"] + 0.3
    values["predictions"] = P
    return values


def _square(values, rng):
    """As many rounds as points: the axes can be mixed up without a shape error."""
    n = values["y_true"].shape[0]
    values["predictions"] = values["y_true"] + 0.5 + rng.normal(scale=0.8, size=(n, n))
    return values


DOMAIN = Domain(
    seed=1604,
    args=(
        Reals("predictions", ("r", "n"), uint8=True, offset=True),
        Reals("y_true", ("n",), uint8=True, offset=True),
    ),
    sizes={"r": (5, 30, 12, 1), "n": (8, 4, 7, 6)},
    custom={
        "predictions far from the targets": _far_from_the_targets,
        "rounds far apart": _rounds_far_apart,
        "as many rounds as points": _square,
    },
)
FAR = ("predictions far from the targets", "rounds far apart")
EXTREME = ("offset", *FAR)
"""The corners of level ★★ (robust): values near 1e9, judged by test_values_near_1e9."""


class _Replay:
    """An 'estimator' whose r-th fit predicts the r-th row of ``predictions``."""

    def __init__(self, predictions):
        self.predictions = np.asarray(predictions, dtype=float)
        self.round = -1

    def fit(self, X, y):
        self.round += 1
        return self

    def predict(self, X):
        return self.predictions[self.round]


@cached_reference
def reference(predictions, y_true):
    predictions = np.asarray(predictions, dtype=float)
    y_true = np.asarray(y_true, dtype=float)
    n_rounds, n_points = predictions.shape
    replay = _Replay(predictions)
    dummy = np.zeros((n_points, 1))
    result = bias_variance_decomp(
        replay, dummy, y_true, dummy, y_true, loss="mse", num_rounds=n_rounds, random_seed=0
    )
    assert replay.round == n_rounds - 1, "mlxtend did not fit once per round"
    return tuple(float(v) for v in result)


def _parts(predictions, y_true):
    P = np.asarray(predictions, dtype=float)
    y = np.asarray(y_true, dtype=float)
    return P, y, P.mean(axis=0)


def _loss(P, y):
    return float(np.mean((P - y) ** 2))


def _ddof1(predictions, y_true):
    P, y, main = _parts(predictions, y_true)
    return _loss(P, y), float(np.mean((main - y) ** 2)), float(np.mean(P.var(axis=0, ddof=1)))


def _signed_bias(predictions, y_true):
    P, y, main = _parts(predictions, y_true)
    return _loss(P, y), float(np.mean(main - y)), float(np.mean((P - main) ** 2))


def _abs_bias(predictions, y_true):
    P, y, main = _parts(predictions, y_true)
    return _loss(P, y), float(np.mean(np.abs(main - y))), float(np.mean((P - main) ** 2))


def _bias_then_square(predictions, y_true):
    P, y, main = _parts(predictions, y_true)
    return _loss(P, y), float(np.mean(main - y) ** 2), float(np.mean((P - main) ** 2))


def _variance_over_points(predictions, y_true):
    P, y, main = _parts(predictions, y_true)
    return _loss(P, y), float(np.mean((main - y) ** 2)), float(np.mean(P.var(axis=1)))


def _std(predictions, y_true):
    P, y, main = _parts(predictions, y_true)
    return _loss(P, y), float(np.mean((main - y) ** 2)), float(np.mean(P.std(axis=0)))


def _loss_of_main(predictions, y_true):
    P, y, main = _parts(predictions, y_true)
    bias = float(np.mean((main - y) ** 2))
    return bias, bias, float(np.mean((P - main) ** 2))


def _sums(predictions, y_true):
    P, y, main = _parts(predictions, y_true)
    return float(np.sum((P - y) ** 2) / len(P)), float(np.sum((main - y) ** 2)), float(np.sum(P.var(axis=0)))


def _from_identity(predictions, y_true, which):
    P, y, main = _parts(predictions, y_true)
    loss, bias, variance = np.mean((P - y) ** 2), np.mean((main - y) ** 2), np.mean((P - main) ** 2)
    return (loss, bias, loss - bias) if which == "variance" else (loss, loss - variance, variance)


_WHOLE = (
    (
        "the variance divides by n_rounds, not n_rounds - 1 (ddof=0): only then does "
        "expected_loss = bias_squared + variance",
        _ddof1,
    ),
    ("bias_squared is the mean of the *squared* differences (main prediction - y)**2", _signed_bias),
    (
        "bias_squared is the mean of the *squared* differences (main prediction - y)**2, not "
        "of their absolute values",
        _abs_bias,
    ),
    (
        "square each point's bias before averaging over the points: you squared the mean bias",
        _bias_then_square,
    ),
    (
        "the variance is across the rounds (axis 0) for each point, then averaged over the "
        "points: you took it across the points",
        _variance_over_points,
    ),
    ("the variance is the mean squared deviation, not the standard deviation", _std),
    (
        "expected_loss averages (f_r - y)**2 over every round and point: that is the loss of the "
        "main prediction, which equals bias_squared",
        _loss_of_main,
    ),
    ("average over the points: you summed", _sums),
    (
        "variance = expected_loss - bias_squared cancels when the bias dwarfs the spread (values "
        "near 1e9): compute the variance directly, mean((f - main)**2)",
        lambda P, y: _from_identity(P, y, "variance"),
    ),
    (
        "bias_squared = expected_loss - variance cancels when the spread dwarfs the bias (rounds "
        "1e9 apart): compute it directly, mean((main - y)**2)",
        lambda P, y: _from_identity(P, y, "bias"),
    ),
)
MISTAKES = tuple(Mistake(hint, compute) for hint, compute in _WHOLE)


def expect_decomposition(outcome, expected, *, reference=REFERENCE, rtol=1e-9, atol=1e-12):
    value = returned(outcome)
    if not isinstance(value, tuple | list) or len(value) != 3:
        raise GradeFailure(
            f"{outcome.call}\n  return a tuple (expected_loss, bias_squared, variance), got {value!r:.120}"
        )
    for index, name in enumerate(PARTS):
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=reference,
            rtol=rtol,
            atol=atol,
            mistakes=part_mistakes(MISTAKES, index, whole_must_agree=True),
        )


def _draw(rng, n_rounds, n_points):
    y = rng.normal(size=n_points)
    offset = rng.normal(scale=0.5, size=n_points)
    return y + offset + rng.normal(scale=0.8, size=(n_rounds, n_points)), y


@points(3)
def test_matches_mlxtend_on_random_predictions(bias_variance_decomposition):
    rng = seeded(1601)
    for n_rounds, n_points in ((5, 8), (30, 4), (2, 1), (1, 6), (100, 50)):
        predictions, y = _draw(rng, n_rounds, n_points)
        expect_decomposition(bias_variance_decomposition.call(predictions, y), reference(predictions, y))


@points(1)
def test_expected_loss_is_bias_squared_plus_variance(bias_variance_decomposition):
    rng = seeded(1602)
    for n_rounds, n_points in ((3, 7), (12, 12), (40, 2)):
        predictions, y = _draw(rng, n_rounds, n_points)
        outcome = bias_variance_decomposition.call(predictions, y)
        value = returned(outcome)
        if not isinstance(value, tuple | list) or len(value) != 3:
            raise GradeFailure(f"{outcome.call}\n  return a tuple (expected_loss, bias_squared, variance)")
        loss, bias2, var = (float(v) for v in value)
        if not np.isclose(loss, bias2 + var, rtol=1e-9, atol=1e-12):
            hints = [hint for hint, compute in _WHOLE if np.allclose(value, compute(predictions, y))]
            raise GradeFailure(
                with_hints(
                    f"{outcome.call}\n  expected_loss = {loss!r} but bias_squared + variance = "
                    f"{bias2 + var!r}: for the squared loss the two must be equal",
                    *hints,
                )
            )


@points(1)
def test_edge_cases(bias_variance_decomposition):
    y = np.array([1.0, -2.0, 0.5])
    perfect = np.tile(y, (4, 1))
    expect_decomposition(
        bias_variance_decomposition.call(perfect, y),
        (0.0, 0.0, 0.0),
        reference="every round predicts y exactly: no loss, no bias, no variance",
    )
    constant = np.tile([2.0, 2.0, 2.0], (5, 1))
    expect_decomposition(
        bias_variance_decomposition.call(constant, y),
        reference(constant, y),
        reference=REFERENCE + ": the same prediction every round has no variance",
    )
    unbiased = np.array([[2.0, -3.0, 0.0], [0.0, -1.0, 1.0]])
    expect_decomposition(
        bias_variance_decomposition.call(unbiased, y),
        reference(unbiased, y),
        reference=REFERENCE + ": the main prediction equals y, so bias_squared is 0",
    )


def _judge(function, case):
    outcome = case_outcome(function, case)
    if not isinstance(outcome.value, tuple | list) or len(outcome.value) != 3:
        expect_decomposition(outcome, (0.0, 0.0, 0.0))  # says what to return
    expected = reference(*case.widened)
    for index, name in enumerate(PARTS):

        def part(*args, index=index):
            return reference(*args)[index]

        rtol, atol = case_tolerances(part, case, expected[index], rtol=1e-9, atol=1e-12)
        if case.name in FAR:  # values near 1e9 are known to 1e-7: so is the variance about them
            atol = max(atol, conditioning_tolerance(part, case, expected[index]))
        expect_close(
            outcome.part(index, name),
            expected[index],
            reference=REFERENCE + case_suffix(case),
            rtol=rtol,
            atol=atol,
            mistakes=part_mistakes(MISTAKES, index, whole_must_agree=True),
        )


@points(2)
def test_every_corner_of_the_domain(bias_variance_decomposition):
    for case in DOMAIN.corner_cases():
        if case.name not in EXTREME:
            _judge(bias_variance_decomposition, case)


@robust()
@points(1)
def test_values_near_1e9(bias_variance_decomposition):
    for case in DOMAIN.corner_cases(only=EXTREME):
        _judge(bias_variance_decomposition, case)


@robust()
@points(1)
def test_one_round_one_point_and_extreme_sizes(bias_variance_decomposition):
    """One round and one point, predictions of 1e150 and of 1e-150, a million of them."""
    rng = seeded(1603)
    predictions, y = _draw(rng, 6, 5)
    for P, y_, what in (
        ([[3.5]], [1.0], ": one round, one point: variance 0, loss = bias = 6.25"),
        (predictions[:1], y, ": one round: variance 0"),
        (1e150 * predictions, 1e150 * y, ": values of 1e150 (squares of 1e300)"),
        (1e-150 * predictions, 1e-150 * y, ": values of 1e-150 (squares of 1e-300)"),
        (*_draw(rng, 1000, 1000), ": 1000 rounds of 1000 points"),
    ):
        expect_decomposition(
            bias_variance_decomposition.call(P, y_), reference(P, y_), reference=REFERENCE + what
        )


@points(1)
def test_rejects_bad_input(bias_variance_decomposition):
    expect_rejected(
        bias_variance_decomposition,
        [
            BadInput(
                "predictions must be 2-D (n_rounds, n_points): one row per round",
                ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),
            ),
            BadInput("predictions cover 3 points but y_true has 2", ([[1.0, 2.0, 3.0]], [1.0, 2.0])),
            BadInput(
                "y_true has 1 value for 3 points (do not broadcast it)",
                ([[1.0, 2.0, 3.0], [0.0, 1.0, 2.0]], [1.0]),
            ),
            BadInput("y_true must be 1-D", ([[1.0, 2.0]], [[1.0, 2.0]])),
            BadInput("there are no rounds", (np.zeros((0, 3)), [1.0, 2.0, 3.0])),
            BadInput("there are no points", (np.zeros((4, 0)), [])),
            *DOMAIN.bad_inputs(),
        ],
    )


PROPERTIES = (Differential("bias_variance_decomposition", DOMAIN, judge=_judge),)


def _rounds(n, rng):
    predictions, y = _draw(rng, 100, n // 100)
    return {"predictions": predictions, "y_true": y}


FAST = Fast(inputs=_rounds, why="100 rounds of n // 100 test points")
