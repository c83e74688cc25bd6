"""Benchmark 3: every reference solution against its library reference, at n = 1e6.

One :class:`Case` per exercise function of the curriculum (a few functions get a second
row for another mode, e.g. each metric of ``pairwise_distances``). A case makes inputs of
size n = 1e6, or the matching size for its shape: ``(1e5, 10)`` for row-wise 2-D input,
``1000×1000`` for matrices, ``2000×2000×64`` for pairwise distances, ``1e5×10`` for fits.
It times the solution module (loaded by path, as the speed tier loads it) against the
library call its grader checks it with, configured to compute the same thing; for a
reduction it also times the physical floor: ``np.dot(a, a)`` over every input array, one
pass over all the input bytes.

Timing: a warm-up call of each side first (which also checks that both compute the same
result), then ``runs`` rounds that interleave solution, reference and floor (the order
alternating from round to round), so load on the shared machine hits all alike; each
figure is the median over the rounds. A call shorter than :data:`MIN_SAMPLE` is repeated
within a round and timed as a whole. Cases whose solution module does not exist yet are
skipped and listed.

Iterative fits (logistic regression, SVM, lasso, k-means) stop on different criteria than
their references, so they are timed at the configuration their note gives and get no goal
verdict. Where the grader's reference is exact arithmetic (``fractions.Fraction``, a Python
loop) or finite differences, the reference timed is a numerical computation of the same value,
named in the row.

Two settings keep the two sides comparable on a small shared machine, and both are written
into the results: BLAS and OpenMP run one thread on both sides (:data:`THREADS`), and glibc
keeps freed memory for reuse (:func:`keep_freed_memory`).

Run through ``benchmarks/run.py`` or alone: ``python benchmarks/solutions.py [--quick]``.
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from mlkata.catalog import all_exercises
from mlkata.learner.speed import SIZE, load_reference

if __package__ in (None, ""):  # run as a script, or loaded by path: the case table sits beside it
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases import (
    Case,
    Trial,
    close,
    fmt,
)
from cases import load_all as _load_all

CASES = _load_all()

QUICK_SIZE = 10_000
"""n for ``--quick``: every shape shrinks with it (1000×10, 100×100, 200×200×64, ...)."""
RUNS = 11
"""Timed rounds per case (after the warm-up)."""
MIN_RUNS = 3
"""A case slower than :data:`BUDGET` a round still gets this many rounds."""
BUDGET = 20.0
"""Seconds of timed rounds a case should take at most."""
MIN_SAMPLE = 0.02
"""A call faster than this is repeated within a round until the round takes this long."""
THREADS = 1
"""BLAS and OpenMP threads on both sides: on a shared 2-core machine a second thread mostly waits."""
NOISE = 0.05
"""A ratio up to 1 + NOISE counts as even (≈): run-to-run noise on a shared machine."""


# --- measuring -------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    case: Case
    size: str = ""
    solution: float | None = None
    """Seconds per call (median over the rounds); likewise ``reference`` and ``floor``."""
    reference: float | None = None
    floor: float | None = None
    runs: int = 0
    problem: str = ""
    """An error, or the solution disagreeing with the reference: the row is not valid."""

    @property
    def ratio(self) -> float | None:
        if self.solution is None or not self.reference:
            return None
        return self.solution / self.reference

    @property
    def floor_ratio(self) -> float | None:
        if self.solution is None or not self.floor:
            return None
        return self.solution / self.floor

    @property
    def goal(self) -> str:
        if self.problem or self.ratio is None:
            return "—"
        if self.case.iterative or self.case.unreferenced:
            return "n/a"
        if self.ratio <= 1.0:
            return "✓"
        if self.ratio <= 1.0 + NOISE:
            return "≈"
        return "✗ bounded" if self.bounded else "✗"

    @property
    def bounded(self) -> bool:
        """Whether numpy's least work for the case (its numpy floor) is slower than the reference."""
        return bool(
            self.case.numpy_floor
            and self.floor
            and self.reference
            and self.floor > self.reference * (1.0 + NOISE)
        )


@dataclass(frozen=True)
class Report:
    rows: list[Row]
    missing: list[Case]
    """Cases whose solution module does not exist yet."""
    n: int
    runs: int
    threads: int | None = None
    kept_memory: bool = False

    def settings(self) -> str:
        """How the figures were taken, in a sentence for the results file."""
        threads = f"{self.threads} BLAS/OpenMP thread(s)" if self.threads else "default BLAS/OpenMP threads"
        memory = (
            "freed memory kept for reuse (glibc mallopt)"
            if self.kept_memory
            else "the allocator's default handling of freed memory"
        )
        rounds = (
            (
                f"median of {self.runs} interleaved rounds after a warm-up (fewer, but at least "
                f"{MIN_RUNS}, where {self.runs} would take over {BUDGET:.0f} s)"
            )
            if self.runs > 1
            else ("one run per case (the warm-up itself): a smoke run, not a measurement")
        )
        return f"n = {fmt(self.n)}; {rounds}; {threads}; {memory}."


def _call_time(call: Callable[[], Any], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        call()
    return (time.perf_counter() - start) / number


def _time(trial: Trial, runs: int, quick: bool) -> tuple[list[float | None], int, str]:
    calls = [trial.solution, trial.reference, trial.floor]
    present = [c for c in calls if c is not None]
    first, results = [], []
    for call in present:  # warm-up, and the results to compare
        start = time.perf_counter()
        results.append(call())
        first.append(time.perf_counter() - start)
    problem = ""
    if trial.compare:
        same = trial.same or close
        if not same(results[0], results[1]):
            problem = "the solution's result differs from the reference's"
    if quick:
        samples = [[t] for t in first]
        rounds = 1
    else:
        numbers = [max(1, math.ceil(MIN_SAMPLE / max(t, 1e-9))) for t in first]
        rounds = max(MIN_RUNS, min(runs, int(BUDGET / max(sum(first), 1e-9))))
        samples = [[] for _ in present]
        for r in range(rounds):
            order = list(range(len(present)))
            if r % 2:
                order.reverse()
            for i in order:
                samples[i].append(_call_time(present[i], numbers[i]))
    medians = iter(statistics.median(s) for s in samples)
    return [next(medians) if c is not None else None for c in calls], rounds, problem


def keep_freed_memory() -> bool:
    """Ask glibc to keep freed memory for reuse rather than give it back to the kernel.

    By default glibc returns a freed block of 8 MB (one array of 1e6 floats) to the kernel, and
    the next array of that size faults its pages in afresh. In a virtual machine a page fault
    can cost more than the arithmetic on the page, and whether a call pays it depends on what
    the call before it, often the other side's, freed. With freed memory kept, each side's time
    is its own steady-state time. Returns whether the setting took (glibc only).
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError, TypeError):
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3
    return bool(mallopt(m_mmap_threshold, 1 << 30)) and bool(mallopt(m_trim_threshold, 2**31 - 1))


def measure(
    root: Path,
    quick: bool = False,
    runs: int = RUNS,
    only: list[str] | None = None,
    threads: int | None = THREADS,
    keep_memory: bool = True,
) -> Report:
    """Time every case whose solution exists (those of ``only`` topics/exercises, if given).

    ``threads`` limits BLAS and OpenMP (numpy, scipy and scikit-learn alike); ``None`` leaves
    them as they are. ``keep_memory`` applies :func:`keep_freed_memory` first.
    """
    # threadpoolctl limits only the BLAS/OpenMP pools already loaded: load the references' first.
    import scipy.spatial.distance  # noqa: F401
    import sklearn.cluster
    import sklearn.metrics
    import sklearn.neighbors  # noqa: F401
    from threadpoolctl import threadpool_limits

    kept = keep_freed_memory() if keep_memory else False
    with threadpool_limits(limits=threads):
        report = _measure(root, quick, runs, only)
    return Report(report.rows, report.missing, report.n, report.runs, threads, kept)


def _measure(root: Path, quick: bool, runs: int, only: list[str] | None) -> Report:
    n = QUICK_SIZE if quick else SIZE
    exercises = {e.key: e for e in all_exercises(root)}
    rows, missing = [], []
    modules: dict[str, ModuleType] = {}
    for c in CASES:
        if only and not {c.exercise, c.exercise.split("/")[0], c.function} & set(only):
            continue
        exercise = exercises.get(c.exercise)
        if exercise is None or c.function not in exercise.functions:
            missing.append(c)
            continue
        try:
            if c.exercise not in modules:
                modules[c.exercise] = load_reference(exercise, root)
            trial = c.prepare(modules[c.exercise], n, np.random.default_rng(0))
            gc.collect()
            gc.disable()
            try:
                (solution, reference, floor), rounds, problem = _time(trial, runs, quick)
            finally:
                gc.enable()
        except Exception as error:  # a broken case is a row, not a crash
            rows.append(Row(c, problem=f"error: {type(error).__name__}: {error}"))
            continue
        rows.append(Row(c, trial.size, solution, reference, floor, rounds, problem))
    return Report(rows, missing, n, 1 if quick else runs)


# --- the table -------------------------------------------------------------------------


def ms(seconds: float | None) -> str:
    if seconds is None:
        return ""
    value = seconds * 1e3
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


def times(ratio: float | None) -> str:
    if ratio is None:
        return ""
    return f"{ratio:.0f}×" if ratio >= 100 else f"{ratio:.3g}×"


def table(report: Report) -> str:
    lines = [
        "| exercise | size | reference | solution (ms) | reference (ms) | solution / reference "
        "| floor (ms) | solution / floor | goal ≤ 1× reference | note |",
        "|---|---|---|---:|---:|---:|---:|---:|:---:|---|",
    ]
    escaped = "\\|"
    footnotes = []
    for r in report.rows:
        note = "; ".join(x for x in (r.problem, r.case.note) if x).replace("|", escaped)
        floor = ms(r.floor)
        if r.case.numpy_floor and floor:
            footnotes.append(r)
            floor += "†" * len(footnotes)
        lines.append(
            f"| {r.case.label} | {r.size} | {r.case.against.replace('|', escaped)} | {ms(r.solution)} "
            f"| {ms(r.reference)} | {times(r.ratio)} | {floor} | {times(r.floor_ratio)} "
            f"| {r.goal} | {note} |"
        )
    for number, r in enumerate(footnotes, 1):
        versus = times(r.floor / r.reference) if r.reference else ""
        lines += [
            "",
            f"{'†' * number} {r.case.label}: the floor is numpy's least work, "
            f"{r.case.numpy_floor}; it alone takes {versus} the reference's time.",
        ]
    if report.missing:
        names = sorted({c.exercise for c in report.missing})
        lines += ["", f"Not measured yet (no solution module): {', '.join(names)}."]
    valid = [r for r in report.rows if r.goal in ("✓", "≈", "✗", "✗ bounded")]
    if valid:
        met = sum(not r.goal.startswith("✗") for r in valid)
        bounded = sum(r.goal == "✗ bounded" for r in valid)
        lines += [
            "",
            f"Goal met by {met} of {len(valid)} comparable rows "
            f"(≈: within {NOISE:.0%} of the reference, the noise of this machine)"
            + (
                f"; {bounded} bounded: numpy's least work there is already slower than the "
                "reference, so only compiled code could meet the goal."
                if bounded
                else "."
            ),
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - run through benchmarks/run.py
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"n = {QUICK_SIZE} and one run per case")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--threads", type=int, default=THREADS, help="BLAS/OpenMP threads (0: leave as is)")
    parser.add_argument("--fresh-memory", action="store_true", help="leave glibc's handling of freed memory")
    parser.add_argument("--only", default="", help="comma-separated topics, exercises or functions")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[1]
    only = [o for o in args.only.split(",") if o]
    report = measure(root, args.quick, args.runs, only or None, args.threads or None, not args.fresh_memory)
    print(report.settings() + "\n\n" + table(report))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
