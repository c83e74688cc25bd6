"""Shrinking a failed case: the smallest input of the exercise's domain that still fails alike.

Only a case drawn from a :class:`~mlkata.grading.domains.Domain` of the grader is shrunk, and
only to other cases that domain draws (:meth:`Domain.case` at a smaller size, the same corner),
so a shrunk input is never outside what the exercise's docstring allows. Each is judged by the
check's own judge (the :func:`~mlkata.grading.checks.expect_case` call that failed) or, for a
check with a judge of its own, by the grader's property (``Differential``) for that domain, once
it fails the original input the same way. It must fail the same way: the call raises the same
exception, or the failure gives the same hints (:func:`signature`). Anything else keeps the
original input.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from mlkata.grading import capture
from mlkata.grading.capture import FailedCall
from mlkata.learner.repro_script import identical, size_of

SEEDS = 6
"""Cases drawn at each smaller size."""
BUDGET = 12.0
"""Seconds shrinking may take, at most."""


@dataclass(frozen=True)
class Shrunk:
    """The call to reproduce and what shrinking did (``note``, a sentence for the learner)."""

    failed: FailedCall
    note: str
    shrunk: bool = False


def signature(failed: FailedCall) -> tuple[str, tuple[str, ...]]:
    """How a call failed: the exception it raised (``""`` if none) and the failure's hints.

    >>> from mlkata.grading.capture import FailedCall
    >>> signature(FailedCall("t", "f(1)\\n  hint: divide by n", None, (1,), {}))
    ('', ('divide by n',))
    """
    from mlkata.grading.judge import hint_lines

    return failed.raised, tuple(sorted(hint_lines(failed.message)))


def _domains(grader: Path) -> list[tuple[Any, Any]]:
    """The grader module's domains, each with its property (``Differential``) when it has one."""
    from mlkata.engine.specs import grader_module
    from mlkata.grading.checks import Differential
    from mlkata.grading.domains import Domain

    module = grader_module(grader)
    found: list[tuple[Any, Any]] = []
    for prop in getattr(module, "PROPERTIES", ()):
        if isinstance(prop, Differential):
            found.append((prop.domain, prop))
    for value in vars(module).values():
        if isinstance(value, Domain) and all(value is not d for d, _ in found):
            found.append((value, None))
    return found


def _same_case(a: Any, b: Any) -> bool:
    return a.name == b.name and identical(list(a.args), list(b.args)) and identical(a.kwargs, b.kwargs)


def where_drawn(domain: Any, case: Any) -> tuple[str | None, int, int] | None:
    """``(corner, index, count)`` when ``domain`` draws ``case`` (corner ``None``: random), else None.

    ``index`` is its place among the ``count`` cases its corner gives (labels, params).
    """
    if case.name.startswith("random"):
        return next(((None, 0, 1) for drawn in domain.random_cases() if _same_case(drawn, case)), None)
    from mlkata.grading.domains import CORNERS

    for corner in [c for c in domain.corners if c in CORNERS] + list(domain.custom):
        drawn = domain.corner_cases(only=(corner,))
        for index, other in enumerate(drawn):
            if _same_case(other, case):
                return corner, index, len(drawn)
    return None


def attempt(failed: FailedCall, rejudge: Callable[[Any], None], case: Any) -> FailedCall | None:
    """Judge ``case`` as the check judged the failed one: its :class:`FailedCall`, None if it passes."""
    from mlkata.grading.failures import GradeFailure

    capture.check_started()
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            rejudge(case)
    except GradeFailure as failure:
        found = capture.failed_call(failed.check, failure, {failed.function.name: failed.function})
        if found is not None and found.rejudge is None:
            found.rejudge, found.case = rejudge, found.case or case
        return found
    except Exception:  # the grader's own trouble on this case: not a failure of the learner's
        return None
    return None


def _sizes(domain: Any) -> list[int]:
    """The sizes of the domain's first dimension to try, smallest first.

    Every size from the smallest declared to ten more, then the declared ones: :meth:`Domain.case`
    draws any size between the smallest and the largest declared (as the property tests do).

    >>> from mlkata.grading.domains import Domain, Reals
    >>> _sizes(Domain(seed=1, args=(Reals("x"),), sizes={"n": (3, 8, 300, 1)}))
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 300]
    """
    declared = domain.sizes[next(iter(domain.sizes))]
    low, high = min(declared), max(declared)
    return sorted(set(range(low, min(low + 10, high) + 1)) | set(declared))


def shrink(failed: FailedCall, grader: Path) -> Shrunk:
    """The smallest case of the failed case's domain that still fails the same way (see the module)."""
    if failed.case is None:
        return Shrunk(
            failed, "Not shrunk: the check builds this input itself, not from the exercise's domain."
        )
    place = next(
        (
            (domain, prop, found)
            for domain, prop in _domains(grader)
            if (found := where_drawn(domain, failed.case))
        ),
        None,
    )
    if place is None:
        return Shrunk(failed, "Not shrunk: this input is not one the exercise's declared domain draws.")
    domain, prop, (corner, index, count) = place
    rejudge = failed.rejudge
    if rejudge is None and prop is not None and prop.function == failed.function.name:
        rejudge = partial(prop.check, failed.function)
    if rejudge is None:
        return Shrunk(failed, "Not shrunk: the check's judge cannot be run again on another input.")
    again = attempt(failed, rejudge, failed.case)
    if again is None or signature(again) != signature(failed):
        return Shrunk(failed, "Not shrunk: judged again alone, this input does not fail the same way.")
    want, original = signature(failed), size_of(failed.args, failed.kwargs)
    first = next(iter(domain.sizes))
    deadline = time.monotonic() + BUDGET
    for size in _sizes(domain):
        best: FailedCall | None = None
        for k in range(SEEDS):
            if time.monotonic() > deadline:
                break
            candidate = domain.case(index + count * k, corner, size)
            if size_of(candidate.args, candidate.kwargs) >= original:
                continue
            found = attempt(failed, rejudge, candidate)
            if found is not None and signature(found) == want:
                if best is None or size_of(found.args, found.kwargs) < size_of(best.args, best.kwargs):
                    best = found
        if best is not None:
            best.check = failed.check
            where = "random" if corner is None else f"the {corner!r} corner"
            return Shrunk(
                best,
                f"Shrunk from {original} values to {size_of(best.args, best.kwargs)} ({first}={size}, "
                f"{where} of the exercise's domain): it still fails the same way.",
                shrunk=True,
            )
    return Shrunk(failed, "Not shrunk: no smaller input of the exercise's domain fails the same way.")
