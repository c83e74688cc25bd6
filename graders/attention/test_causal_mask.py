"""Grader for attention/causal_mask, against numpy.tril(np.ones((n, n), dtype=bool)).

The mask is judged on its values (True on and below the diagonal) and on its dtype: a mask
is boolean, so that ``np.where(mask, ...)`` and ``~mask`` mean what they say.
"""

import math

import numpy as np

from mlkata.grading import GradeFailure, Mistake, expect_close, points, returned, student_function, with_hints
from mlkata.grading.checks import BadInput, Differential, call_case, expect_rejected
from mlkata.grading.describe import describe_value
from mlkata.grading.domains import Domain
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.scalars import Integer

causal_mask = student_function("causal_mask")
REFERENCE = "numpy.tril(np.ones((n, n), dtype=bool))"


@cached_reference
def reference(n):
    return np.tril(np.ones((n, n), dtype=bool))


MISTAKES = (
    Mistake(
        "that is the upper triangle (np.triu): position i must see the past, keys j <= i, not the future",
        lambda n: np.triu(np.ones((n, n), dtype=bool)),
    ),
    Mistake(
        "keep the diagonal (np.tril with k=0): each position attends to itself, and without it "
        "row 0 has no key at all",
        lambda n: np.tril(np.ones((n, n), dtype=bool), k=-1),
    ),
    Mistake(
        "True means *may attend* here: your mask is inverted (True marks the hidden future, "
        "the convention of torch.nn.Transformer's square subsequent mask)",
        lambda n: ~np.tril(np.ones((n, n), dtype=bool)),
    ),
    Mistake(
        "np.tril's k=1 keeps one diagonal above the main one: each position would see the next "
        "token; k=0 is the main diagonal",
        lambda n: np.tril(np.ones((n, n), dtype=bool), k=1),
    ),
)


def _check(outcome, n, what=""):
    value = returned(outcome)
    expect_close(
        outcome,
        reference(n).astype(float),
        reference=REFERENCE + what,
        rtol=0,
        atol=0,
        mistakes=MISTAKES,
    )
    if not (isinstance(value, np.ndarray) and value.dtype == np.bool_):
        shown = f"dtype {value.dtype}" if isinstance(value, np.ndarray) else describe_value(value)
        raise GradeFailure(
            with_hints(
                f"{outcome.call} returned the right pattern as {shown}",
                "a mask is boolean (dtype=bool): np.ones((n, n), dtype=bool), or a comparison such as "
                "j <= i; a float mask of 0s and 1s is not one (torch would add it to the scores)",
            )
        )


@points(3)
def test_matches_numpy_tril(causal_mask):
    for n in (2, 3, 5, 8, 64):
        _check(causal_mask.call(n), n)


@robust()
@points(1)
def test_a_single_position_and_a_long_sequence(causal_mask):
    _check(causal_mask.call(1), 1, ": one position attends to itself")
    _check(causal_mask.call(1000), 1000)
    _check(causal_mask.call(np.int64(7)), 7, ", n given as a numpy integer")


DOMAIN = Domain(seed=2211, args=(Integer("n"),), sizes={"n": (1, 2, 7, 300)}, corners=(), empty=None)


def _judge(function, case):
    _check(call_case(function, case), case.args[0])


@points(1)
def test_every_size_of_the_domain(causal_mask):
    for case in DOMAIN.random_cases():
        _judge(causal_mask, case)


@points(1)
def test_rejects_bad_input(causal_mask):
    expect_rejected(
        causal_mask,
        [
            BadInput("a sequence of 0 positions has nothing to mask (n must be >= 1)", (0,)),
            BadInput("n = -1 is not a length", (-1,)),
            BadInput("n = 2.5 is not an integer", (2.5,)),
            BadInput("n = 4.0 is a float, not an integer (the docstring refuses it)", (4.0,)),
        ],
    )


PROPERTIES = (Differential("causal_mask", DOMAIN, judge=_judge),)


@robust()
@points(1)
def test_n_of_a_small_numpy_integer_type(causal_mask):
    """n as np.uint8(200) or np.int16(300): n * n overflows those types, the mask must not."""
    for n in (np.uint8(200), np.int16(300), np.uint8(1)):
        _check(causal_mask.call(n), int(n), f", n given as np.{type(n).__name__}({int(n)})")


FAST = Fast(
    inputs=lambda n, rng: {"n": math.isqrt(n)},
    why="an n x n mask of 1e6 entries (n = 1000): the size counts the mask's entries",
)
