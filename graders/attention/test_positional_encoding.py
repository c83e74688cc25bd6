"""Grader for attention/positional_encoding, against the formula of "Attention Is All You Need".

No library computes the encoding, so the reference is an independent float64 evaluation of
section 3.5 of the paper, entry by entry with ``math.sin``, ``math.cos`` and ``math.pow``
(a different order of operations than a vectorised solution's), plus cases worked by hand
(the docstring's example among them: ``10000^(2/4) = 100``). Every table must be a float64
array, as the docstring promises (:func:`mlkata.grading.result_types.expect_float64`).
"""

import math

import numpy as np

from mlkata.grading import Mistake, expect_close, points, student_function
from mlkata.grading.checks import BadInput, Differential, call_case, case_suffix, expect_rejected
from mlkata.grading.domains import Domain
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import expect_float64
from mlkata.grading.scalars import Integer

positional_encoding = student_function("positional_encoding")
REFERENCE = "PE[p, 2i] = sin(p / 10000^(2i/d_model)), PE[p, 2i+1] = cos(...), entry by entry in float64"


@cached_reference
def reference(n_positions, d_model):
    encoding = np.empty((n_positions, d_model))
    for p in range(n_positions):
        for i in range(d_model // 2):
            angle = p / math.pow(10000.0, 2 * i / d_model)
            encoding[p, 2 * i] = math.sin(angle)
            encoding[p, 2 * i + 1] = math.cos(angle)
    return encoding


def _encoding(n_positions, d_model, *, exponent="pair", swap=False, halves=False, start=0, invert=False):
    """The encoding with one knob per common mistake."""
    column = np.arange(d_model)
    power = {
        "pair": 2 * (column // 2),  # 2i for both columns of pair i
        "column": column,  # 10000^(j / d) for column j
        "double column": 2 * column,  # i taken to be the column index
        "no 2": column // 2,  # 10000^(i / d)
    }[exponent] / d_model
    frequency = np.power(10000.0, power if invert else -power)
    angles = np.arange(start, start + n_positions, dtype=float)[:, None] * frequency
    first, second = (np.cos, np.sin) if swap else (np.sin, np.cos)
    if halves:  # the sines of every frequency, then the cosines
        pair_angles = angles[:, 0::2]
        return np.hstack([first(pair_angles), second(pair_angles)])
    encoding = np.empty((n_positions, d_model))
    encoding[:, 0::2], encoding[:, 1::2] = first(angles[:, 0::2]), second(angles[:, 1::2])
    return encoding


def _wrong(**knobs):
    return lambda n_positions, d_model: _encoding(n_positions, d_model, **knobs)


MISTAKES = (
    Mistake(
        "columns 2i and 2i + 1 share one frequency, 1 / 10000^(2i / d_model): your odd columns used "
        "10000^((2i + 1) / d_model) (the exponent must come from the pair, np.arange(0, d_model, 2))",
        _wrong(exponent="column"),
    ),
    Mistake(
        "i counts the pairs of columns, not the columns: the exponent of column j is 2 * (j // 2) / "
        "d_model, you used 2 * j / d_model",
        _wrong(exponent="double column"),
    ),
    Mistake(
        "the exponent is 2i / d_model: you left out the 2 (use np.arange(0, d_model, 2) / d_model)",
        _wrong(exponent="no 2"),
    ),
    Mistake("the even columns hold the sines, the odd ones the cosines: you swapped them", _wrong(swap=True)),
    Mistake(
        "interleave sines and cosines (column 2i the sine, 2i + 1 the cosine of the same frequency): you "
        "put all the sines first, then all the cosines",
        _wrong(halves=True),
    ),
    Mistake("positions count from 0 (row 0 is [0, 1, 0, 1, ...]): yours start at 1", _wrong(start=1)),
    Mistake("divide the position by 10000^(2i / d_model): you multiplied by it", _wrong(invert=True)),
)


def _check(outcome, n_positions, d_model, what=""):
    expect_close(outcome, reference(n_positions, d_model), reference=REFERENCE + what, mistakes=MISTAKES)
    expect_float64(outcome)


@points(3)
def test_matches_the_formula(positional_encoding):
    for n_positions, d_model in ((1, 2), (3, 4), (10, 6), (50, 16), (128, 64)):
        _check(positional_encoding.call(n_positions, d_model), n_positions, d_model)


@points(1)
def test_cases_worked_by_hand(positional_encoding):
    s1, c1, s2, c2 = math.sin(1), math.cos(1), math.sin(2), math.cos(2)
    cases = (
        ((1, 2), [[0.0, 1.0]], "position 0 is sin 0 = 0 and cos 0 = 1"),
        ((2, 2), [[0.0, 1.0], [s1, c1]], "one pair, frequency 1: [sin 1, cos 1] at position 1"),
        (
            (3, 4),
            [
                [0.0, 1.0, 0.0, 1.0],
                [s1, c1, math.sin(0.01), math.cos(0.01)],
                [s2, c2, math.sin(0.02), math.cos(0.02)],
            ],
            "the docstring's example: the second pair's frequency is 1 / 10000^(2/4) = 1/100",
        ),
    )
    for (n_positions, d_model), want, why in cases:
        outcome = positional_encoding.call(n_positions, d_model)
        expect_close(outcome, np.array(want), reference=f"worked by hand: {why}", mistakes=MISTAKES)
        expect_float64(outcome)


@robust()
@points(1)
def test_long_sequences_and_wide_models(positional_encoding):
    for n_positions, d_model in ((4096, 8), (100, 512)):
        _check(
            positional_encoding.call(n_positions, d_model),
            n_positions,
            d_model,
            ": angles up to 4095 radians must keep float64 accuracy",
        )
    _check(positional_encoding.call(np.int64(5), np.int64(6)), 5, 6, ", sizes given as numpy integers")


def _positions_in_the_thousands(values, rng):
    values.update(n_positions=int(rng.integers(2000, 5000)), d_model=4)
    return values


def _one_pair(values, rng):
    values["d_model"] = 2
    return values


DOMAIN = Domain(
    seed=2411,
    args=(Integer("n_positions", dim="n"), Integer("d_model", dim="half", times=2)),
    sizes={"n": (1, 3, 50, 512), "half": (1, 2, 8, 32)},
    corners=(),
    empty=None,
    custom={"positions in the thousands": _positions_in_the_thousands, "d_model = 2": _one_pair},
)
EXTREME = ("positions in the thousands",)
"""The case of level ★★ (robust), judged by test_positions_in_the_thousands."""


def _judge(function, case):
    _check(call_case(function, case), *case.args, case_suffix(case))


@points(1)
def test_every_case_of_the_domain(positional_encoding):
    for case in DOMAIN.cases():
        if case.name not in EXTREME:
            _judge(positional_encoding, case)


@robust()
@points(1)
def test_positions_in_the_thousands(positional_encoding):
    for case in DOMAIN.corner_cases(only=EXTREME):
        _judge(positional_encoding, case)


@robust()
@points(1)
def test_1e5_positions_and_one_position(positional_encoding):
    """Angles up to 1e5 radians (d_model = 2), and one position of a very wide model."""
    outcome = positional_encoding.call(100_000, 2)
    expect_close(
        outcome,
        reference(100_000, 2),
        reference=REFERENCE + ": 1e5 positions, angles up to 1e5 radians in float64",
        rtol=1e-7,
        atol=1e-9,
        mistakes=MISTAKES,
    )
    expect_float64(outcome)
    _check(positional_encoding.call(1, 4096), 1, 4096, ": one position, d_model = 4096")


@points(1)
def test_rejects_bad_input(positional_encoding):
    expect_rejected(
        positional_encoding,
        [
            BadInput("d_model = 5 is odd: sines and cosines come in pairs", (4, 5)),
            BadInput("d_model = 1 is odd", (4, 1)),
            BadInput("d_model = 0 leaves no dimension", (4, 0)),
            BadInput("d_model = -4 is not a width", (4, -4)),
            BadInput("n_positions = 0: there is no position to encode", (0, 4)),
            BadInput("n_positions = -3 is not a count", (-3, 4)),
            BadInput("n_positions = 2.5 is not an integer", (2.5, 4)),
            BadInput("d_model = 4.0 is a float, not an integer (the docstring refuses it)", (3, 4.0)),
        ],
    )


PROPERTIES = (Differential("positional_encoding", DOMAIN, judge=_judge),)


FAST = Fast(
    inputs=lambda n, rng: {"n_positions": n // 64, "d_model": 64},
    why="a table of n // 64 positions by 64 columns (1e6 entries)",
)
