"""Checks that many graders share: bad inputs rejected, other input types accepted."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from mlkata.grading.bad_inputs import BadInput
from mlkata.grading.capture import note_case, note_case_failure
from mlkata.grading.domains import Case, Domain
from mlkata.grading.failures import GradeFailure, NotImplementedYet
from mlkata.grading.judge import Mistake, expect_close, expect_raises, returned, with_hints
from mlkata.grading.outcome import Outcome
from mlkata.grading.proxy import Handle, StudentFunction


def expect_rejected(function: StudentFunction, bad_inputs: Iterable[BadInput]) -> None:
    """Check every one of ``bad_inputs`` makes ``function`` raise ``ValueError``."""
    for bad in bad_inputs:
        expect_raises(function.call(*bad.args, **bad.kwargs), because=bad.because, mistakes=bad.mistakes)


def _deep(value: Any, convert: Callable[[np.ndarray], Any]) -> Any:
    if isinstance(value, np.ndarray):
        return convert(value)
    if isinstance(value, list | tuple):
        return type(value)(_deep(item, convert) for item in value)
    return value


def as_lists(args: tuple) -> tuple:
    """The same arguments with every numpy array (also inside lists) turned into Python lists."""
    return tuple(_deep(a, lambda x: x.tolist()) for a in args)


def as_float32(args: tuple) -> tuple:
    """The same arguments with every floating-point array (also inside lists) made float32."""
    return tuple(_deep(a, lambda x: x.astype(np.float32) if x.dtype.kind == "f" else x) for a in args)


def expect_input_types_accepted(
    function: StudentFunction,
    args: tuple,
    reference: Callable[..., Any],
    *,
    reference_name: str,
    kwargs: dict | None = None,
) -> None:
    """Check ``function`` gives the reference's answer for lists and for float32 arrays.

    The reference is run on the very values the learner gets (float32 values widened to
    float64), with a tolerance that float32 arithmetic meets.
    """
    kwargs = kwargs or {}
    lists = as_lists(args)
    expect_close(
        function.call(*lists, **kwargs),
        reference(*args, **kwargs),
        reference=f"{reference_name}, inputs given as Python lists",
    )
    single = as_float32(args)
    widened = tuple(
        a.astype(np.float64) if isinstance(a, np.ndarray) and a.dtype == np.float32 else a for a in single
    )
    expect_close(
        function.call(*single, **kwargs),
        reference(*widened, **kwargs),
        reference=f"{reference_name}, inputs given as float32 arrays",
        rtol=2e-5,
        atol=1e-6,
    )


# --- cases drawn from a domain (mlkata.grading.domains) ------------------------------------------

READ_ONLY_HINT = (
    "your function wrote into an input array (the inputs here are read-only): work on a copy, "
    "e.g. x = np.array(x, dtype=float), or write results into a new array"
)
FLOAT32_SAFETY = 32.0
"""How many times the reference's own float32 error a float32 answer may be off by."""


def _learner_values(function: StudentFunction, case: Case) -> tuple[tuple, dict]:
    """``case``'s arguments as the learner's code is handed them; see :func:`call_case`."""
    args, kwargs = case.args, case.kwargs
    if type(function) is StudentFunction:
        args = tuple(_deep(a, _frozen_if_read_only) for a in args)
        kwargs = {k: _deep(v, _frozen_if_read_only) for k, v in kwargs.items()}
    return args, kwargs


def call_case(function: StudentFunction, case: Case) -> Outcome:
    """Call ``function`` on ``case``; read-only arrays stay read-only for the learner's code.

    In-process, the proxy hands the learner deep copies; a :class:`_Frozen` array's copy is a
    plain read-only array, so writing into an input raises there too.
    """
    args, kwargs = _learner_values(function, case)
    note_case(function, case, args)
    return function.call(*args, **kwargs)


def keep_case(function: StudentFunction, case: Case) -> Handle:
    """:meth:`StudentFunction.keep` on ``case`` (a fit whose model a later call uses).

    Read-only arrays stay read-only as in :func:`call_case`; a write into one fails with
    :data:`READ_ONLY_HINT`.
    """
    args, kwargs = _learner_values(function, case)
    try:
        return function.keep(*args, **kwargs)
    except NotImplementedYet:
        raise
    except GradeFailure as failure:
        if "read-only" not in str(failure):
            raise
        raise GradeFailure(with_hints(str(failure), READ_ONLY_HINT)) from None


class _Frozen(np.ndarray):
    """A read-only array whose deep copy is a plain, still read-only, array."""

    def __deepcopy__(self, memo: dict) -> np.ndarray:
        copied = np.array(self, copy=True, subok=False)
        copied.flags.writeable = False
        return copied


def _frozen_if_read_only(x: np.ndarray) -> np.ndarray:
    if x.flags.writeable:
        return x
    frozen = x.view(_Frozen)
    frozen.flags.writeable = False
    return frozen


def _moved_by_rounding(reference: Callable[..., Any], case: Case, want: np.ndarray, eps: float) -> float:
    """How far the reference's answer moves when its float inputs are rounded again at ``eps``."""
    rng = np.random.default_rng(0)
    moved_most = 0.0
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for _ in range(3):

            def nudge(x: np.ndarray) -> np.ndarray:
                if x.dtype.kind != "f":
                    return x
                return x.astype(np.float64) * (1 + eps * rng.uniform(-1, 1, size=x.shape))

            moved = np.asarray(reference(*(_deep(a, nudge) for a in case.args), **case.widened_kwargs), float)
            moved_most = max(moved_most, float(np.nanmax(np.abs(moved - want), initial=0.0)))
    return moved_most


def conditioning_tolerance(reference: Callable[..., Any], case: Case, expected: Any) -> float:
    """An absolute tolerance for an ill-conditioned float64 case (the ``offset`` corner).

    Values near 1e9 are known to 1e-7 only, so correct float64 code may differ from the
    reference by what rounding the inputs once more moves the answer, times
    :data:`FLOAT32_SAFETY`; a formula that cancels catastrophically is off by far more.
    """
    want = np.asarray(expected, dtype=np.float64)
    return FLOAT32_SAFETY * _moved_by_rounding(reference, case, want, float(np.finfo(np.float64).eps))


def float32_tolerance(reference: Callable[..., Any], case: Case, expected: Any) -> float:
    """An absolute tolerance for a float32 ``case``, from the reference's own float32 error.

    Two estimates, the larger wins: the reference run on the float32 arrays themselves (a
    library that computes in float32 shows its own rounding), and the reference's answer moved
    by rounding its float64 inputs to float32 precision again (how sensitive the answer is to
    float32 inputs, for a reference that widens them). A correct float32 implementation stays
    within :data:`FLOAT32_SAFETY` times that, plus a few float32 ulps of the answer.
    """
    want = np.asarray(expected, dtype=np.float64)
    eps = float(np.finfo(np.float32).eps)
    errors = [0.0]
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            own = np.asarray(reference(*case.args, **case.kwargs), dtype=np.float64)
            errors.append(float(np.nanmax(np.abs(own - want), initial=0.0)))
        except Exception:
            pass
    errors.append(_moved_by_rounding(reference, case, want, eps))
    scale = float(np.nanmax(np.abs(want), initial=0.0)) if want.size else 0.0
    return FLOAT32_SAFETY * max(errors) + 8 * eps * scale


def expect_case(
    function: StudentFunction,
    case: Case,
    reference: Callable[..., Any],
    *,
    reference_name: str,
    mistakes: Iterable[Mistake] = (),
    rtol: float = 1e-7,
    atol: float = 1e-12,
) -> None:
    """Check ``function`` gives the reference's answer on one domain ``case``.

    The reference is given the case's values widened to float64; a float32 case is judged with
    :func:`float32_tolerance`. A call that fails before returning (a stub, a ValueError) fails
    here before the reference is computed.
    """
    expected: Any = None
    try:
        outcome = case_outcome(function, case)
        expected = reference(*case.widened, **case.widened_kwargs)
        case_rtol, case_atol = case_tolerances(reference, case, expected, rtol=rtol, atol=atol)
        expect_close(
            outcome,
            expected,
            reference=reference_name + case_suffix(case),
            rtol=case_rtol,
            atol=case_atol,
            mistakes=mistakes,
        )
    except GradeFailure as failure:  # noted for `mlkata repro`, which shrinks a case judged alike
        rejudge = partial(
            expect_case,
            function,
            reference=reference,
            reference_name=reference_name,
            mistakes=mistakes,
            rtol=rtol,
            atol=atol,
        )
        known = expected if expected is not None else partial(_reference_of, reference, case)
        note_case_failure(failure, case, rejudge, known)
        raise


def _reference_of(reference: Callable[..., Any], case: Case) -> Any:
    return reference(*case.widened, **case.widened_kwargs)


def case_outcome(function: StudentFunction, case: Case) -> Outcome:
    """:func:`call_case`, failing at once for a write into a read-only input or no return value.

    For graders that judge a case's result their own way (a tuple, part by part).
    """
    outcome = call_case(function, case)
    if outcome.raised is not None and "read-only" in outcome.raised.message:
        raise GradeFailure(with_hints(f"{outcome.call} raised {outcome.raised.summary()}", READ_ONLY_HINT))
    returned(outcome)
    return outcome


def case_suffix(case: Case) -> str:
    """What a failure message adds to the reference's name: the corner, `` [uint8]``."""
    return f" [{case.name}]" if not case.name.startswith("random") else ""


def case_tolerances(
    reference: Callable[..., Any], case: Case, expected: Any, *, rtol: float, atol: float
) -> tuple[float, float]:
    """``(rtol, atol)`` widened for an ``offset`` or float32 ``case`` (see :func:`expect_case`)."""
    if case.name == "offset":
        atol = max(atol, conditioning_tolerance(reference, case, expected))
    if case.float32:
        atol = max(atol, float32_tolerance(reference, case, expected))
        rtol = max(rtol, 4 * float(np.finfo(np.float32).eps))
    return rtol, atol


def expect_cases(
    function: StudentFunction,
    cases: Iterable[Case],
    reference: Callable[..., Any],
    *,
    reference_name: str,
    mistakes: Iterable[Mistake] = (),
    rtol: float = 1e-7,
    atol: float = 1e-12,
) -> None:
    """:func:`expect_case` on each of ``cases`` in turn (the first failure is the message)."""
    for case in cases:
        expect_case(
            function, case, reference, reference_name=reference_name, mistakes=mistakes, rtol=rtol, atol=atol
        )


@dataclass(frozen=True)
class Differential:
    """One exercise function, its domain and how a case is judged: what property tests explore.

    A grader declares ``PROPERTIES = (Differential("hinge_loss", DOMAIN, reference, REFERENCE),)``
    and ``tests/test_properties.py`` draws cases from ``DOMAIN`` with hypothesis and runs
    :meth:`check` on the solution. ``judge`` replaces the scalar/array comparison for results
    that need their own (a tuple, a fitted model): it takes the function and the case.
    """

    function: str
    domain: Domain
    reference: Callable[..., Any] | None = None
    reference_name: str = ""
    rtol: float = 1e-7
    atol: float = 1e-12
    judge: Callable[[StudentFunction, Case], None] | None = None

    def check(self, function: StudentFunction, case: Case) -> None:
        """Judge ``function`` on ``case`` (a :class:`GradeFailure` when it is wrong)."""
        if self.judge is not None:
            self.judge(function, case)
            return
        assert self.reference is not None, f"{self.function}: a Differential needs a reference or a judge"
        expect_case(
            function, case, self.reference, reference_name=self.reference_name, rtol=self.rtol, atol=self.atol
        )


def expect_empty_maps_to_empty(function: StudentFunction, **kwargs: Any) -> None:
    """Check an elementwise map gives an empty float array for empty input, as numpy does.

    Both ``[]`` and a ``(0, 3)`` array are tried; the result must keep the input's shape.
    """
    for empty in ([], np.zeros((0, 3))):
        outcome = function.call(empty, **kwargs)
        value = returned(outcome)
        shape = np.shape(empty)
        if not (isinstance(value, np.ndarray) and value.shape == shape and value.dtype.kind == "f"):
            shown = (
                f"array of shape {value.shape}, dtype {value.dtype}"
                if isinstance(value, np.ndarray)
                else repr(value)
            )
            raise GradeFailure(
                f"{outcome.call} returned {shown}\n  an elementwise map of an empty input is an empty "
                f"float array of the same shape {shape} (as numpy and scipy.special give), not an error"
            )
