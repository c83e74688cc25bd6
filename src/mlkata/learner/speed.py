"""The speed tier: time a passing function against the reference solution at a large size.

What is measured: the learner's function and the reference solution of the same exercise
(``solutions/<topic>/<module>.py``, plain numpy), called on the same inputs of
:data:`SIZE` values, in this process. Each side is first called untimed (a warm-up, which
for the learner's code also checks that it runs within its time budget), then both are
timed in turns, at least :data:`MIN_ROUNDS` times each, and the best time of each counts.
Times are the process's CPU time, not the wall clock, so that other programs busy on the
machine change neither side much; and while timing, freed memory stays in the process
(:func:`steady_memory`), so that no timed call pays for fresh pages that its predecessor
happened to hand back (with glibc's defaults every other call of a memory-bound function
does, and takes 2-3 times as long). The ratio is the learner's best time over the
reference's. "vectorised ✓" means at most :data:`VECTORISED_WITHIN` times the reference.

Inputs are made from the function's parameter names, for the simple signature families
of the curriculum (two 1-D arrays, labels and probabilities, labels and logits, margins,
vectors, masks, one matrix). The first family whose names cover every required
parameter, and on which the reference runs, is used. An exercise that fits none is not
timed (:data:`NO_FAMILY`), nor one whose reference alone takes over
:data:`REFERENCE_LIMIT` at this size (:data:`TOO_SLOW`).
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import inspect
import io
import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mlkata.catalog import Exercise
from mlkata.paths import project_root

SIZE = 1_000_000
"""Number of input values the functions are timed on."""
CLASSES = 10
VECTORISED_WITHIN = 5.0
MIN_BUDGET = 2.0
"""Seconds the learner's function may take at least (50 times the reference's, if more)."""
REFERENCE_LIMIT = 1.0
"""A reference slower than this at :data:`SIZE` is not a speed test: the exercise is skipped."""
WARM_UPS = 2
"""Untimed calls of the reference before its timed ones (the learner's: one, through the graders' wrapper)."""
MIN_ROUNDS = 3
"""Timed calls of each side at least."""
ROUNDS = 9
"""Timed calls of each side at most."""
TIME_SPENT = 1.5
"""Seconds of the learner's timed calls after which no more rounds start (past :data:`MIN_ROUNDS`)."""
NO_FAMILY = "its inputs are of a kind the speed test does not make"
TOO_SLOW = f"its reference solution alone takes over {REFERENCE_LIMIT:g} s at this size"

_counter = itertools.count()


def _rows(n: int) -> int:
    return max(n // CLASSES, 2)


FAMILIES: tuple[tuple[str, Callable[[np.random.Generator, int], dict[str, Any]]], ...] = (
    ("two 1-D arrays", lambda rng, n: {"y_true": rng.normal(size=n), "y_pred": rng.normal(size=n)}),
    (
        "labels and probabilities",
        lambda rng, n: {
            "y_true": rng.integers(0, 2, size=n),
            "y_prob": rng.uniform(0.01, 0.99, n),
            "y_score": rng.normal(size=n),
        },
    ),
    (
        "labels and class scores",
        lambda rng, n: {
            "y_true": rng.integers(0, CLASSES, size=_rows(n)),
            "probs": rng.dirichlet(np.ones(CLASSES), size=_rows(n)),
            "logits": rng.normal(size=(_rows(n), CLASSES)) * 3,
        },
    ),
    (
        "labels and margins",
        lambda rng, n: {"y_true": rng.choice([-1, 1], size=n), "decision": rng.normal(size=n)},
    ),
    (
        "two label arrays",
        lambda rng, n: {"y_true": rng.integers(0, 2, size=n), "y_pred": rng.integers(0, 2, size=n)},
    ),
    (
        "vectors",
        lambda rng, n: (
            {name: rng.normal(size=n) for name in ("u", "v", "x", "z", "w")} | {"alpha": 0.5, "lam": 0.5}
        ),
    ),
    ("masks", lambda rng, n: {"mask_a": rng.random(n) < 0.5, "mask_b": rng.random(n) < 0.5}),
    ("matrix", lambda rng, n: {"X": rng.normal(size=(_rows(n), CLASSES))}),
)
"""Input families by parameter name: (description, make(rng, n) -> {name: value})."""


def _required(function: Callable) -> list[str]:
    return [
        p.name
        for p in inspect.signature(function).parameters.values()
        if p.default is inspect.Parameter.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    ]


def inputs_for(function: Callable, n: int, seed: int = 0) -> tuple[str, dict[str, Any]] | None:
    """Keyword arguments of size ``n`` on which ``function`` (a reference) runs, and their family."""
    wanted = _required(function)
    if not wanted:
        return None
    for family, make in FAMILIES:
        small = make(np.random.default_rng(seed), 100)
        if not set(wanted) <= small.keys():
            continue
        try:
            function(**{k: small[k] for k in wanted})
        except Exception:
            continue
        values = make(np.random.default_rng(seed), n)
        return family, {k: values[k] for k in wanted}
    return None


def load_reference(exercise: Exercise, root: Path | None = None):
    path = exercise.solution_path(root)
    spec = importlib.util.spec_from_file_location(f"mlkata_reference_{next(_counter)}_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Speed:
    """How one exercise's function compares with its reference solution's, in speed."""

    exercise: str
    verdict: str
    """``"vectorised ✓"``, ``"12× slower"``, ``"> 80× slower"``, or ``"not timed"``."""
    ratio: float | None = None
    """The learner's best time over the reference's (a lower bound when stopped)."""
    learner_seconds: float | None = None
    reference_seconds: float | None = None
    not_timed: str = ""
    """Why it was not timed (:data:`NO_FAMILY`, :data:`TOO_SLOW`, or what the function raised)."""

    @property
    def timed(self) -> bool:
        return not self.not_timed


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
"""glibc's ``mallopt`` parameters (malloc.h)."""
GLIBC_DEFAULT = 128 * 1024


@contextlib.contextmanager
def steady_memory() -> Iterator[None]:
    """While timing, keep freed memory in the process (glibc; elsewhere, nothing changes).

    Large temporaries come from the heap and stay there once freed, so that the next call
    reuses pages already in memory instead of faulting fresh ones in: the timed calls then
    differ by their work, not by the kernel's.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        yield
        return
    mallopt(M_TRIM_THRESHOLD, 1 << 30)
    mallopt(M_MMAP_THRESHOLD, 32 << 20)  # glibc's largest
    try:
        yield
    finally:
        mallopt(M_TRIM_THRESHOLD, GLIBC_DEFAULT)
        mallopt(M_MMAP_THRESHOLD, GLIBC_DEFAULT)


def _fresh(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {k: v.copy() if isinstance(v, np.ndarray) else v for k, v in kwargs.items()}


def cpu_seconds(function: Callable[..., Any], kwargs: dict[str, Any]) -> float:
    """CPU time of one call of ``function`` on fresh copies of ``kwargs`` (copies not counted)."""
    fresh = _fresh(kwargs)
    start = time.process_time()
    function(**fresh)
    return time.process_time() - start


def verdict_of(ratio: float) -> str:
    """``"vectorised ✓"`` within :data:`VECTORISED_WITHIN` of the reference, else ``"N× slower"``.

    >>> verdict_of(1.3), verdict_of(41.6)
    ('vectorised ✓', '42× slower')
    """
    return "vectorised ✓" if ratio <= VECTORISED_WITHIN else f"{ratio:.0f}× slower"


def measure(
    exercise: Exercise, learner_path: Path, root: Path | None = None, size: int | None = None
) -> Speed:
    """Time the learner's file at ``learner_path`` against the reference solution (at :data:`SIZE`).

    With :func:`steady_memory` throughout.

    Parameters
    ----------
    exercise : Exercise
        The exercise (its reference solution is timed too).
    learner_path : Path
        The learner's file, which passes the graders.
    root : Path, optional
        The project root; found from the current folder by default.
    size : int, optional
        Input values to time on (:data:`SIZE` by default).

    Returns
    -------
    Speed
        The verdict, or why the exercise was not timed.
    """
    with steady_memory():
        return _measure(exercise, learner_path, root or project_root(), size or SIZE)


def _measure(exercise: Exercise, learner_path: Path, root: Path, size: int) -> Speed:
    from mlkata.grading.proxy import StudentModule

    reference = load_reference(exercise, root)
    for name in exercise.functions:
        found = inputs_for(getattr(reference, name), size)
        if found is None:
            continue
        module = StudentModule(learner_path, str(learner_path), exercise.allowed_imports)
        return _compare(
            exercise.key,
            getattr(reference, name),
            lambda module=module, name=name: module.function(name),
            found[1],
            name=name,
            size=size,
            path=learner_path,
        )
    return Speed(exercise.key, "not timed", not_timed=NO_FAMILY)


def compare(
    key: str,
    expected: Callable[..., Any],
    learner: Callable[[], Callable[..., Any]],
    kwargs: dict[str, Any],
    *,
    name: str,
    size: int,
    path: Path | None = None,
) -> Speed:
    """Time the learner's function against the reference ``expected`` on the same ``kwargs``.

    The measurement :func:`measure` makes, on inputs chosen by the caller (a grader's
    ``FAST``, :mod:`mlkata.learner.levels`), with :func:`steady_memory` throughout.

    Parameters
    ----------
    key : str
        The exercise (``topic/module``), for the result.
    expected : callable
        The reference solution's function.
    learner : callable
        Gives the learner's function (called once for the warm-up, once for the timed calls).
    kwargs : dict
        The keyword arguments both are called with (fresh copies each call).
    name : str
        The function's name, for messages.
    size : int
        How many values ``kwargs`` holds, for messages.
    path : Path, optional
        The learner's file, for messages.

    Returns
    -------
    Speed
        The verdict, or why the function was not timed.
    """
    with steady_memory():
        return _compare(key, expected, learner, kwargs, name=name, size=size, path=path)


def _compare(
    key: str,
    expected: Callable[..., Any],
    learner: Callable[[], Callable[..., Any]],
    kwargs: dict[str, Any],
    *,
    name: str,
    size: int,
    path: Path | None = None,
) -> Speed:
    from mlkata.grading.failures import GradeFailure
    from mlkata.grading.proxy import StudentFunction

    try:  # the reference's warm-up: the first calls also pay for the memory they take first
        first = min(cpu_seconds(expected, kwargs) for _ in range(WARM_UPS))
    except Exception:  # the inputs suit it at 100 values, not at this size
        return Speed(key, "not timed", not_timed=NO_FAMILY)
    if first > REFERENCE_LIMIT:
        return Speed(key, "not timed", not_timed=TOO_SLOW)
    budget = max(MIN_BUDGET, 50 * first)
    student = StudentFunction(learner, name, path=path, timeout=budget)
    try:
        outcome = student.call(**kwargs)  # the learner's warm-up, within the budget
    except GradeFailure:
        ratio = budget / max(first, 1e-9)
        return Speed(key, f"> {ratio:.0f}× slower", ratio, budget, first)
    if outcome.raised is not None:
        return Speed(key, "not timed", not_timed=f"it raised {outcome.raised.type_name} at n = {size:,}")
    mine = learner()
    learner_times: list[float] = []
    reference_times: list[float] = []
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        for _ in range(ROUNDS):  # in turns, so that a busy spell slows both sides
            try:
                learner_times.append(cpu_seconds(mine, kwargs))
            except Exception as error:
                return Speed(key, "not timed", not_timed=f"it raised {type(error).__name__} at n = {size:,}")
            reference_times.append(cpu_seconds(expected, kwargs))
            if len(learner_times) >= MIN_ROUNDS and sum(learner_times) > TIME_SPENT:
                break
    best, best_reference = min(learner_times), min(reference_times)
    ratio = best / max(best_reference, 1e-6)
    return Speed(key, verdict_of(ratio), ratio, best, best_reference)
