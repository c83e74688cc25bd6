"""The type a docstring promises for a result: a float64 numpy array, whatever the inputs.

Many docstrings promise "numpy.ndarray ..., float64" for float32, integer and uint8 inputs,
for lists and for a number (a 0-d array then). Right values can still break that promise:
numpy keeps float32 through arithmetic (float32 in, float32 out), ``astype(np.float32)`` makes
a float32 table, and arithmetic on 0-d arrays gives numpy scalars (``np.float64``), not 0-d
arrays. A value check cannot see any of this (``expect_close`` widens what it compares), so a
grader whose docstring promises float64 arrays adds :func:`expect_float64` after its value
checks, on every call it judges, or judges its domain cases with :func:`expect_float64_case`
(:func:`float64_judge` for its :class:`~mlkata.grading.checks.Differential`)::

    expect_float64_cases(layer_norm, DOMAIN.corner_cases(), reference, reference_name=REFERENCE)
    PROPERTIES = (Differential("layer_norm", DOMAIN, judge=float64_judge(reference, REFERENCE)),)

The float32 corner of a domain (:data:`~mlkata.grading.domains.CORNERS`) is where "float32 in,
float32 out" shows; a grader's own call with a number is where a numpy scalar does.

Examples
--------
>>> from mlkata.grading.outcome import Outcome
>>> x = np.float32([1.0, 2.0])
>>> expect_float64(Outcome("double", (x,), {}, value=2.0 * x.astype(np.float64)))
>>> try:
...     expect_float64(Outcome("double", (x,), {}, value=2.0 * x))
... except GradeFailure as failure:
...     print(failure)  # doctest: +NORMALIZE_WHITESPACE
double(array([1., 2.]))
  returned an array of dtype float32; the docstring promises float64
  hint: numpy keeps a float32 input's dtype through arithmetic (float32 in, float32 out): convert
  the inputs first, np.asarray(x, dtype=np.float64), to return float64 as the docstring says
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from mlkata.grading.checks import case_outcome, case_suffix, case_tolerances
from mlkata.grading.domains import Case
from mlkata.grading.failures import GradeFailure
from mlkata.grading.judge import Mistake, expect_close, returned, with_hints
from mlkata.grading.outcome import Outcome
from mlkata.grading.proxy import StudentFunction

NUMPY_SCALAR_HINT = (
    "arithmetic on 0-d arrays gives numpy scalars (np.float64), not arrays: the docstring promises a "
    "0-d float64 array for a number; np.asarray(result, dtype=np.float64) is one (or write the "
    "result into np.empty(np.shape(x)))"
)
KEPT_INPUT_DTYPE_HINT = (
    "numpy keeps a {dtype} input's dtype through arithmetic ({dtype} in, {dtype} out): convert the "
    "inputs first, np.asarray(x, dtype=np.float64), to return float64 as the docstring says"
)
MADE_DTYPE_HINT = (
    "your result is {dtype}, which no input is: the docstring promises float64 (no astype(np.{dtype}) "
    "or dtype=np.{dtype} when you make the array; np.empty(shape) and np.zeros(shape) are float64)"
)


def _input_dtypes(value: Any) -> set[np.dtype]:
    """The dtypes of the arrays among a call's arguments (also inside lists and tuples)."""
    if isinstance(value, np.ndarray):
        return {value.dtype}
    if isinstance(value, list | tuple):
        return set().union(*(_input_dtypes(item) for item in value)) if value else set()
    if isinstance(value, dict):
        return _input_dtypes(list(value.values()))
    return set()


def _problem(outcome: Outcome, value: Any) -> str | None:
    """Why ``value`` (the result or one part of it) is no float64 array, with a hint; or None."""
    if isinstance(value, np.ndarray):
        if value.dtype == np.float64:
            return None
        text = f"returned an array of dtype {value.dtype}; the docstring promises float64"
        inputs = _input_dtypes((outcome.args, outcome.kwargs))
        if value.dtype.kind == "f" and value.dtype in inputs:
            return with_hints(text, KEPT_INPUT_DTYPE_HINT.format(dtype=value.dtype))
        if value.dtype.kind == "f":
            return with_hints(text, MADE_DTYPE_HINT.format(dtype=value.dtype))
        return with_hints(
            text,
            "return a float64 array whatever the inputs' dtype: np.zeros(shape) is float64, "
            "np.zeros_like of an integer or boolean input is not",
        )
    if isinstance(value, bool | int | float):
        return with_hints(
            f"returned the number {value!r} (a Python or numpy scalar), not a numpy array; the docstring "
            "promises a float64 array",
            NUMPY_SCALAR_HINT,
        )
    return (
        f"returned {type(value).__name__} {str(value)[:80]}, not a numpy array; the docstring promises "
        "a float64 array (np.asarray(result, dtype=np.float64))"
    )


def expect_float64(outcome: Outcome, parts: Sequence[str] = (), *, keys: Sequence[str] = ()) -> None:
    """Check the call returned float64 numpy arrays, as the docstring promises.

    Call it after the value checks: it judges the type only (a number, a list, a float32 or an
    integer array fail; a 0-d float64 array passes).

    Parameters
    ----------
    outcome : Outcome
        The learner's call.
    parts : sequence of str, optional
        For a tuple result, the names of its parts (``("w_new", "velocity_new")``), each of which
        must be a float64 array; the result itself when empty.
    keys : sequence of str, optional
        For a dict result (a fitted model), the keys whose values must be float64 arrays.

    Raises
    ------
    GradeFailure
        Naming the part, the type or dtype returned, with a hint at the usual cause.
    """
    value = returned(outcome)
    if parts:
        items = [(outcome.part(index, name), None) for index, name in enumerate(parts)]
    elif keys:
        items = [(outcome, key) for key in keys]
    else:
        items = [(outcome, None)]
    for part, key in items:
        got = part.value if key is None else value.get(key) if isinstance(value, dict) else None
        problem = _problem(outcome, got)
        if problem is not None:
            label = "" if key is None else f" -> {key!r}"
            raise GradeFailure(f"{part.call}{label}\n  {problem}")


def expect_float64_case(
    function: StudentFunction,
    case: Case,
    reference: Callable[..., Any],
    *,
    reference_name: str,
    mistakes: Iterable[Mistake] = (),
    rtol: float = 1e-7,
    atol: float = 1e-12,
) -> None:
    """:func:`~mlkata.grading.checks.expect_case`, then :func:`expect_float64` on the same call.

    The values are judged first (a wrong answer is the more useful message), then the type.
    """
    outcome = case_outcome(function, case)
    expected = reference(*case.widened, **case.widened_kwargs)
    rtol, atol = case_tolerances(reference, case, expected, rtol=rtol, atol=atol)
    expect_close(
        outcome,
        expected,
        reference=reference_name + case_suffix(case),
        rtol=rtol,
        atol=atol,
        mistakes=mistakes,
    )
    expect_float64(outcome)


def expect_float64_cases(
    function: StudentFunction,
    cases: Iterable[Case],
    reference: Callable[..., Any],
    *,
    reference_name: str,
    mistakes: Iterable[Mistake] = (),
    rtol: float = 1e-7,
    atol: float = 1e-12,
) -> None:
    """:func:`expect_float64_case` on each of ``cases`` in turn (the first failure is the message)."""
    for case in cases:
        expect_float64_case(
            function, case, reference, reference_name=reference_name, mistakes=mistakes, rtol=rtol, atol=atol
        )


def float64_judge(
    reference: Callable[..., Any], reference_name: str, *, rtol: float = 1e-7, atol: float = 1e-12
) -> Callable[[StudentFunction, Case], None]:
    """A :class:`~mlkata.grading.checks.Differential` ``judge``: :func:`expect_float64_case`.

    >>> judge = float64_judge(np.negative, "numpy.negative")
    >>> callable(judge)
    True
    """

    def judge(function: StudentFunction, case: Case) -> None:
        expect_float64_case(function, case, reference, reference_name=reference_name, rtol=rtol, atol=atol)

    return judge
