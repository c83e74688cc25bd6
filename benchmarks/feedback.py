"""Benchmark 1: how long `pytest exercises/<topic>` takes against the floor of its imports.

The floor is a fresh interpreter importing exactly the reference libraries that the
topic's graders import (numpy, scipy, scikit-learn, ...): no grader can start faster.
Both are measured side by side, alternating, in the same run.
"""

from __future__ import annotations

import ast
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from mlkata import stubs
from mlkata.catalog import exercises_of
from mlkata.grading.loader import BANNED_PACKAGES

REFERENCE_ROOTS = {p for p in BANNED_PACKAGES if p not in ("mlkata", "solutions", "graders")}


def _imported(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return names


def reference_imports(root: Path, topic: str, module: str | None = None) -> list[str]:
    """The reference modules the graders of ``topic`` (or its one ``module``) import, plus numpy.

    Also those of the shared grader cores they import (``mlkata.grading.trees`` brings
    scikit-learn to the trees graders), imports inside functions included, as for the graders.
    """
    found = {"numpy"}
    seen: set[str] = set()
    pending = sorted((root / "graders" / topic).glob(f"test_{module or '*'}.py"))
    while pending:
        path = pending.pop()
        tree = ast.parse(path.read_text())
        for name in _imported(tree):
            if name.split(".")[0] in REFERENCE_ROOTS:
                found.add(name.rsplit(".", 1)[0] if _is_attribute(name) else name)
            elif name.startswith("mlkata.grading.") and name not in seen:
                seen.add(name)
                core = root / "src" / Path(*name.split(".")).with_suffix(".py")
                if core.is_file():
                    pending.append(core)
    return sorted(found)


WEIGHT = {"mlxtend": 5, "nltk": 4, "sklearn": 3, "shapely": 2, "scipy": 1}
"""How heavy a reference library is to import, roughly: the single-exercise run times the
topic's exercise with the heaviest references (ties: the first in curriculum order)."""


def heaviest_exercise(root: Path, topic: str) -> str:
    """The module of ``topic`` whose grader imports the heaviest references."""

    def weight(module: str) -> int:
        return sum(WEIGHT.get(name.split(".")[0], 0) for name in reference_imports(root, topic, module))

    modules = [e.module for e in exercises_of([topic], root)]
    return max(modules, key=lambda m: (weight(m), -modules.index(m)))


def _is_attribute(name: str) -> bool:
    """``scipy.special.softmax`` (a name imported from a module) rather than a module."""
    import importlib.util

    try:
        return importlib.util.find_spec(name) is None
    except (ImportError, ValueError):
        return True


GOAL = 0.7
"""A run with the reference answers stored should take under this share of the import floor."""


def _seconds(command: list[str], cwd: Path, data: Path) -> float:
    # The run records its results and keeps the answers it computes, as a learner's does, in a
    # data folder of its own (``data``): a new folder is a learner's first run.
    env = {**os.environ, "MLKATA_DATA_DIR": str(data)}
    for name in ("MLKATA_DB", "MLKATA_ANSWERS", "MLKATA_ANSWERS_WRITE"):
        env.pop(name, None)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    return time.perf_counter() - start


@dataclass(frozen=True)
class FeedbackRow:
    """One topic: its import floor; its first and second runs; one exercise's run and floor."""

    topic: str
    exercises: int
    floor: float
    first: float
    """``pytest exercises/<topic>`` with a new data folder (a learner's first run)."""
    second: float
    """The same again: the answers the first run computed are kept."""
    single: str
    single_floor: float
    single_second: float
    """``pytest exercises/<topic>/<single>.py``, second run, against its own import floor."""

    @property
    def ratio(self) -> float:
        return self.second / self.floor

    @property
    def single_ratio(self) -> float:
        return self.single_second / self.single_floor


def learner_copy(root: Path, folder: Path) -> Path:
    """A fresh learner checkout: stubs generated, graders and solutions linked."""
    for name in ("solutions", "graders"):
        (folder / name).symlink_to(root / name)
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy(root / name, folder / name)
    stubs.generate(root=folder)
    return folder


def _import_command(imports: list[str]) -> list[str]:
    return [sys.executable, "-c", "import " + ", ".join(imports)]


def _pytest_command(path: str) -> list[str]:
    return [sys.executable, "-m", "pytest", path, "-q", "-p", "no:cacheprovider"]


def measure(root: Path, topics: list[str], runs: int) -> list[FeedbackRow]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        checkout = learner_copy(root, Path(tmp))
        for topic in topics:
            single = heaviest_exercise(root, topic)
            floor_cmd = _import_command(reference_imports(root, topic))
            single_floor_cmd = _import_command(reference_imports(root, topic, single))
            topic_cmd = _pytest_command(f"exercises/{topic}")
            single_cmd = _pytest_command(f"exercises/{topic}/{single}.py")
            times: dict[str, list[float]] = {k: [] for k in ("floor", "first", "second", "sfloor", "single")}
            for run in range(runs):  # alternate, so load on the machine hits every figure alike
                data = checkout / f".data-{topic}-{run}"
                times["floor"].append(_seconds(floor_cmd, checkout, data))
                times["first"].append(_seconds(topic_cmd, checkout, data))
                times["second"].append(_seconds(topic_cmd, checkout, data))
                times["sfloor"].append(_seconds(single_floor_cmd, checkout, data))
                times["single"].append(_seconds(single_cmd, checkout, data))
            median = {k: statistics.median(v) for k, v in times.items()}
            rows.append(
                FeedbackRow(
                    topic,
                    len(exercises_of([topic], root)),
                    median["floor"],
                    median["first"],
                    median["second"],
                    single,
                    median["sfloor"],
                    median["single"],
                )
            )
    return rows


def table(rows: list[FeedbackRow]) -> str:
    lines = [
        "| topic | exercises | import floor (s) | first run (s) | second run (s) | ratio "
        "| one exercise | its floor (s) | its second run (s) | ratio | goal |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|",
    ]
    for r in rows:
        ok = "✓" if r.ratio < GOAL and r.single_ratio < GOAL else "✗"
        lines.append(
            f"| {r.topic} | {r.exercises} | {r.floor:.2f} | {r.first:.2f} | {r.second:.2f} | "
            f"{r.ratio:.2f}× | {r.single} | {r.single_floor:.2f} | {r.single_second:.2f} | "
            f"{r.single_ratio:.2f}× | < {GOAL:g}× {ok} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - run through benchmarks/run.py
    root = Path(__file__).resolve().parents[1]
    print(table(measure(root, ["losses"], int(os.environ.get("RUNS", "3")))))
