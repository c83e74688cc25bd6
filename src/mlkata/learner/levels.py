"""The level an exercise reached: ★ correct, ★★ robust, ★★★ fast (:mod:`mlkata.grading.levels`).

★ and ★★ come from the grading's own check results (each check knows its level: ★★ checks
are the grader's ``@robust()`` ones, ordinary checks that count in the grade). ★★★ is
measured here, only when asked (``mlkata check NAME``) and only once ★★ is reached: the
learner's function and the reference solution timed on the same inputs by
:func:`mlkata.learner.speed.compare` (the best CPU time of several calls of each, in turns),
on the grader's ``FAST.inputs(size, rng)`` or, without them, the inputs
:func:`mlkata.learner.speed.inputs_for` makes from the parameter names. The ★★★ level is
reached when the learner's time is at most ``FAST.within`` times the reference's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from mlkata.catalog import Exercise
from mlkata.engine.results import CheckResult
from mlkata.grading.levels import Fast
from mlkata.learner import speed
from mlkata.paths import project_root

NAMES = {1: "correct", 2: "robust", 3: "fast"}
"""What each level is called."""
SEED = 0
"""The seed of the generator ``FAST.inputs`` is given."""
CHECK_LIMIT = 20
"""Checking that ★★★ can be measured stops a reference call after this many times
:data:`~mlkata.learner.speed.REFERENCE_LIMIT` (wall-clock: a busy machine is slower)."""
VECTORISE = (
    "vectorise: replace the Python loop over the values with numpy operations on whole arrays "
    "(np.sum, np.maximum, broadcasting, boolean masks)"
)
REACH_ROBUST_FIRST = "not measured until every ★ and ★★ check passes"
REFERENCE_RAISES = (
    "the reference solution raises on the grader's FAST inputs: a bug in mlkata, not in your code; "
    "please report it"
)


def label(level: int) -> str:
    """``"★★ robust"`` for level 2.

    >>> label(1), label(3)
    ('★ correct', '★★★ fast')
    """
    return f"{'★' * level} {NAMES[level]}"


def checks_of(checks: Sequence[CheckResult], level: int) -> list[CheckResult]:
    """The checks of ``level`` (1 or 2) among ``checks``.

    >>> [c.name for c in checks_of([CheckResult("a", 1, True), CheckResult("b", 1, True, level=2)], 2)]
    ['b']
    """
    return [c for c in checks if c.level == level]


def checks_level(checks: Sequence[CheckResult]) -> int:
    """The level the check results reach: 0, 1 (every ★ check passes) or 2 (every ★★ one too).

    A grader without ★★ checks reaches 1 at most: ★★ is not given for checks that do not exist.

    Examples
    --------
    >>> one, two = CheckResult("a", 1, True), CheckResult("b", 1, False, level=2)
    >>> checks_level([one, two]), checks_level([one]), checks_level([])
    (1, 1, 0)
    >>> checks_level([one, CheckResult("b", 1, True, level=2)])
    2
    """
    reached = 0
    for level in (1, 2):
        these = checks_of(checks, level)
        if not these or not all(c.passed for c in these):
            break
        reached = level
    return reached


@dataclass(frozen=True)
class FastResult:
    """The ★★★ measurement of one function: passed, failed, or not measured (``passed`` None)."""

    passed: bool | None
    message: str
    """What a learner reads: the verdict, the numbers, what was measured and what to do."""
    ratio: float | None = None
    """The learner's best time over the reference's (a lower bound when the warm-up was stopped)."""
    size: int = speed.SIZE
    within: float = speed.VECTORISED_WITHIN
    function: str = ""
    """The function timed (empty when none could be)."""


def fast_of(exercise: Exercise, root: Path | None = None) -> Fast:
    """The grader's ``FAST`` of ``exercise``, or the default one (``inputs_for``'s inputs)."""
    from mlkata.engine.specs import GraderSpec

    return GraderSpec.load(exercise.grader_path(root or project_root())).fast or Fast()


def fast_case(exercise: Exercise, fast: Fast, reference: Any, size: int) -> tuple[str, dict[str, Any]] | str:
    """The function timed and its keyword arguments at ``size``; or why there are none.

    ``reference`` is the exercise's solution module. Declared inputs (``fast.inputs``) are for
    ``fast.function`` (else the module's first function); without them the first function
    (or ``fast.function``) whose parameter names :func:`~mlkata.learner.speed.inputs_for` knows.
    """
    names = [fast.function] if fast.function else list(exercise.functions)
    if fast.inputs is not None:
        return names[0], dict(fast.inputs(size, np.random.default_rng(SEED)))
    for name in names:
        found = speed.inputs_for(getattr(reference, name), size)
        if found is not None:
            return name, found[1]
    return speed.NO_FAMILY


def measurable(exercise: Exercise, root: Path | None = None) -> str | None:
    """Why ★★★ cannot be measured for ``exercise``, or ``None`` when it can.

    It can when the grader's ``FAST`` (or :func:`~mlkata.learner.speed.inputs_for`) gives
    inputs on which the reference solution runs within :data:`~mlkata.learner.speed.REFERENCE_LIMIT`.
    """
    from mlkata.grading.failures import GradeFailure
    from mlkata.grading.proxy import StudentFunction

    root = root or project_root()
    fast = fast_of(exercise, root)
    reference = speed.load_reference(exercise, root)
    case = fast_case(exercise, fast, reference, fast.size)
    if isinstance(case, str):
        return f"the grader's FAST declares no inputs, and {case}"
    name, kwargs = case
    expected = getattr(reference, name)
    limit = CHECK_LIMIT * speed.REFERENCE_LIMIT
    try:
        with speed.steady_memory():
            outcome = StudentFunction(lambda: expected, name, timeout=limit).call(**kwargs)  # never hangs
            if outcome.raised is not None:
                return f"the reference {name} raises {outcome.raised.type_name} on the ★★★ inputs"
            seconds = min(speed.cpu_seconds(expected, kwargs) for _ in range(speed.WARM_UPS))
    except GradeFailure:
        return f"the reference {name} runs for over {limit:g} s at n = {fast.size:,} ({speed.TOO_SLOW})"
    if seconds > speed.REFERENCE_LIMIT:
        return f"the reference {name} takes {seconds:.2f} s at n = {fast.size:,} ({speed.TOO_SLOW})"
    return None


def measure_fast(
    exercise: Exercise,
    learner: Path | Callable[..., Any],
    root: Path | None = None,
    *,
    fast: Fast | None = None,
    size: int | None = None,
) -> FastResult:
    """Measure ★★★: the learner's function against the reference solution's time.

    Parameters
    ----------
    exercise : Exercise
        The exercise; its grader's ``FAST`` says what is timed, unless ``fast`` is given.
    learner : Path or callable
        The learner's file (which passes ★ and ★★), or the function itself.
    root : Path, optional
        The project root; found from the current folder by default.
    fast : Fast, optional
        What to time instead of the grader's declaration.
    size : int, optional
        The size to time at instead of ``fast.size``.

    Returns
    -------
    FastResult
        Passed when the learner's best time is at most ``fast.within`` times the reference's.
    """
    root = root or project_root()
    fast = fast or fast_of(exercise, root)
    size = size or fast.size
    reference = speed.load_reference(exercise, root)
    case = fast_case(exercise, fast, reference, size)
    if isinstance(case, str):
        return FastResult(None, f"★★★ fast: not measured: {case}", size=size, within=fast.within)
    name, kwargs = case
    if isinstance(learner, Path):
        from mlkata.grading.proxy import StudentModule

        module = StudentModule(learner, str(learner), exercise.allowed_imports)
        resolve: Callable[[], Callable[..., Any]] = lambda: module.function(name)  # noqa: E731
    else:
        resolve = lambda: learner  # noqa: E731
    found = speed.compare(
        exercise.key,
        getattr(reference, name),
        resolve,
        kwargs,
        name=name,
        size=size,
        path=learner if isinstance(learner, Path) else None,
    )
    if fast.inputs is not None and found.not_timed == speed.NO_FAMILY:
        found = replace(found, not_timed=REFERENCE_RAISES)
    return replace(verdict(exercise.key, found, name, fast, size), function=name)


def verdict(key: str, found: speed.Speed, name: str, fast: Fast, size: int) -> FastResult:
    """What a :class:`~mlkata.learner.speed.Speed` of the function ``name`` of ``key`` means for ★★★.

    Examples
    --------
    >>> slow = speed.Speed("losses/hinge_loss", "38× slower", 38.2, 0.19, 0.005)
    >>> print(verdict("losses/hinge_loss", slow, "hinge_loss", Fast(), 1_000_000).message)
    ... # doctest: +ELLIPSIS
    ★★★ fast ✗: 38× the reference solution's time at n = 1,000,000 (allowed 5×): vectorise: ...
      measured: the CPU time of your hinge_loss against the reference solution's ...
    >>> quick = speed.Speed("losses/hinge_loss", "vectorised ✓", 1.26, 0.0063, 0.005)
    >>> verdict("losses/hinge_loss", quick, "hinge_loss", Fast(), 1_000_000).passed
    True
    """
    within = fast.within
    measured = (
        f"  measured: the CPU time of your {name} against the reference solution's "
        f"(solutions/{key}.py) on the same inputs, the best of at least "
        f"{speed.MIN_ROUNDS} calls each"
    )
    if fast.why:
        measured += f"\n  about this test: {fast.why}"
    if found.not_timed.startswith("it raised"):  # the learner's function fails at this size
        text = f"★★★ fast ✗: your {name} {found.not_timed.removeprefix('it ')}, where the reference runs: "
        text += "look for an array of n × n values, or recursion as deep as n"
        return FastResult(False, f"{text}\n{measured}", size=size, within=within)
    if not found.timed:
        return FastResult(None, f"★★★ fast: not measured: {found.not_timed}", size=size, within=within)
    ratio = found.ratio or 0.0
    times = f"{ratio:.1f}×" if ratio < 10 else f"{ratio:.0f}×"
    where = f"at n = {size:,} (allowed {within:g}×)"
    if found.verdict.startswith(">"):
        stopped = f"over {ratio:.0f}× the reference solution's time {where}: it was stopped after "
        stopped += f"{found.learner_seconds:.1f} s"
        return FastResult(False, f"★★★ fast ✗: {stopped}; {VECTORISE}\n{measured}", ratio, size, within)
    if ratio <= within:
        return FastResult(
            True,
            f"★★★ fast ✓: {times} the reference solution's time {where}\n{measured}",
            ratio,
            size,
            within,
        )
    text = f"★★★ fast ✗: {times} the reference solution's time {where}: {VECTORISE}\n{measured}"
    return FastResult(False, text, ratio, size, within)


@dataclass(frozen=True)
class Levels:
    """Where one grading of an exercise stands on each level."""

    checks: tuple[CheckResult, ...]
    fast: FastResult | None = None
    """The ★★★ measurement; ``None`` when it was not made."""

    @property
    def reached(self) -> int:
        """0 to 3: the highest level whose checks, and those of every level below, pass."""
        level = checks_level(self.checks)
        return 3 if level == 2 and self.fast is not None and self.fast.passed else level


def levels_of(
    exercise: Exercise,
    checks: Sequence[CheckResult],
    learner: Path | Callable[..., Any] | None = None,
    root: Path | None = None,
    *,
    size: int | None = None,
) -> Levels:
    """The levels reached by a grading (``checks``), ★★★ measured on ``learner`` when ★★ is reached.

    Without ``learner`` ★★★ is not measured.
    """
    checks = tuple(checks)
    if learner is None or checks_level(checks) < 2:
        return Levels(checks)
    return Levels(checks, measure_fast(exercise, learner, root, size=size))
