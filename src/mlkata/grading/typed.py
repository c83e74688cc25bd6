"""A domain's cases judged on their values and on the type of the result: a map's promise.

An elementwise map (``leaky_relu``, ``gelu``, ``dropout``) or a layer (``max_pool2d``) promises
more than values: a float numpy array of the input's shape (float64 where the docstring says
so) for an array or a list, and a number for a number. ``expect_close`` widens what it compares,
so a result kept in the input's integer dtype with integer values (max pooling an integer image),
a 0-d array for a number, or the caller's list itself (``p = 0`` in dropout) passes it. These
judge the type after the values, on every case of a domain::

    from mlkata.grading.corners import number_corners
    from mlkata.grading.typed import expect_typed_cases, typed_judge

    DOMAIN = Domain(..., custom={**number_corners("z"), ...})  # z as a float and as an int
    expect_typed_cases(gelu, DOMAIN.corner_cases(), reference, reference_name=REFERENCE)
    PROPERTIES = (Differential("gelu", DOMAIN, judge=typed_judge(reference, REFERENCE)),)

Examples
--------
>>> result_type_problem(np.float64(2.0), -3) is None
True
>>> print(result_type_problem(np.array(-1.5), -3))  # doctest: +NORMALIZE_WHITESPACE
returned a 0-d array, not a number: array(-1.5)
  hint: a number gives a number: return float(result) when the input is a number (np.where and
  arithmetic on np.asarray(z) give a 0-d array)
>>> result_type_problem(np.arange(3), [1, 2, 3]).splitlines()[0]
'returned an array of dtype int64; the result is float'
>>> result_type_problem(np.zeros(3, np.float32), np.zeros(3), float64=True).splitlines()[0]
'returned an array of dtype float32; the docstring promises float64'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from mlkata.grading.checks import case_outcome, case_suffix, case_tolerances
from mlkata.grading.domains import Case
from mlkata.grading.failures import GradeFailure
from mlkata.grading.judge import Mistake, expect_close, with_hints
from mlkata.grading.proxy import StudentFunction

NUMBER_HINT = (
    "a number gives a number: return float(result) when the input is a number (np.where and "
    "arithmetic on np.asarray(z) give a 0-d array)"
)
INTEGER_NUMBER_HINT = (
    "the result is float even for an integer input: return float(result) for a number (a Python "
    "branch such as `z if z > 0 else ...` hands back the integer itself)"
)
FLOAT_HINT = (
    "compute in float: np.asarray(x, dtype=float) first (np.zeros_like, np.empty_like and "
    "astype(x.dtype) of an integer input keep its integer dtype)"
)
WIDEN_HINT = (
    "numpy keeps a float32 input's dtype through arithmetic: convert to float64 first, "
    "np.asarray(x, dtype=np.float64), as the docstring promises float64"
)
ARRAY_HINT = "return a new numpy array of floats, np.asarray(result, dtype=float): not the input, not a list"


def result_type_problem(
    value: Any, given: Any, *, float64: bool = False, same_shape: bool = True
) -> str | None:
    """Why ``value`` is not what a map of ``given`` promises, with a hint; ``None`` when it is.

    A number (not an array) gives a float; an array or list gives a float numpy array (float64
    exactly with ``float64``) of its shape (any shape without ``same_shape``: a layer's output).
    ``value`` is the plain result (numpy scalars are Python numbers by then).
    """
    number = np.ndim(given) == 0 and not isinstance(given, np.ndarray)
    if number:
        if isinstance(value, float):
            return None
        if isinstance(value, np.ndarray):
            return with_hints(f"returned a 0-d array, not a number: {value!r}", NUMBER_HINT)
        return with_hints(f"returned {type(value).__name__} {value!r:.60}, not a float", INTEGER_NUMBER_HINT)
    if not isinstance(value, np.ndarray):
        return with_hints(f"returned {type(value).__name__} {str(value)[:60]}, not a numpy array", ARRAY_HINT)
    if same_shape and value.shape != np.shape(given):
        return f"returned an array of shape {value.shape}; the input has shape {np.shape(given)}"
    if float64 and value.dtype != np.float64:
        hint = WIDEN_HINT if value.dtype.kind == "f" else FLOAT_HINT
        return with_hints(f"returned an array of dtype {value.dtype}; the docstring promises float64", hint)
    if value.dtype.kind != "f":
        return with_hints(f"returned an array of dtype {value.dtype}; the result is float", FLOAT_HINT)
    return None


def expect_typed_case(
    function: StudentFunction,
    case: Case,
    reference: Callable[..., Any],
    *,
    reference_name: str,
    shape_of: int = 0,
    float64: bool = False,
    same_shape: bool = True,
    mistakes: Iterable[Mistake] = (),
    rtol: float = 1e-7,
    atol: float = 1e-12,
) -> None:
    """:func:`~mlkata.grading.checks.expect_case`, then the result's type (:func:`result_type_problem`).

    ``shape_of`` is the position of the argument whose shape the result has (a number for a
    number); ``float64`` and ``same_shape`` as in :func:`result_type_problem`.
    """
    outcome = case_outcome(function, case)
    expected = reference(*case.widened, **case.widened_kwargs)
    rtol, atol = case_tolerances(reference, case, expected, rtol=rtol, atol=atol)
    suffix = case_suffix(case)
    expect_close(
        outcome, expected, reference=reference_name + suffix, rtol=rtol, atol=atol, mistakes=mistakes
    )
    given = case.args[shape_of]
    problem = result_type_problem(outcome.value, given, float64=float64, same_shape=same_shape)
    if problem is not None:
        raise GradeFailure(f"{outcome.call}{suffix}\n  {problem}")


def expect_typed_cases(
    function: StudentFunction, cases: Iterable[Case], reference: Callable[..., Any], **how: Any
) -> None:
    """:func:`expect_typed_case` on each of ``cases`` (the first failure is the message)."""
    for case in cases:
        expect_typed_case(function, case, reference, **how)


def typed_judge(
    reference: Callable[..., Any], reference_name: str, **how: Any
) -> Callable[[StudentFunction, Case], None]:
    """A :class:`~mlkata.grading.checks.Differential` ``judge``: :func:`expect_typed_case`."""

    def judge(function: StudentFunction, case: Case) -> None:
        expect_typed_case(function, case, reference, reference_name=reference_name, **how)

    return judge
