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


def reference_imports(root: Path, topic: str) -> list[str]:
    """The reference modules the graders of ``topic`` import, plus numpy.

    Also those of the shared grader cores they import (``mlkata.grading.trees`` brings
    scikit-learn to the trees graders), imports inside functions included, as for the graders.
    """
    found = {"numpy"}
    seen: set[str] = set()
    pending = [grader for grader in sorted((root / "graders" / topic).glob("test_*.py"))]
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


def _is_attribute(name: str) -> bool:
    """``scipy.special.softmax`` (a name imported from a module) rather than a module."""
    import importlib.util

    try:
        return importlib.util.find_spec(name) is None
    except (ImportError, ValueError):
        return True


def _seconds(command: list[str], cwd: Path) -> float:
    # The run records its results, as a learner's does, but in a progress file of its own.
    env = {**os.environ, "MLKATA_DATA_DIR": str(cwd / ".progress")}
    env.pop("MLKATA_DB", None)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    return time.perf_counter() - start


@dataclass(frozen=True)
class FeedbackRow:
    topic: str
    exercises: int
    floor: float
    pytest: float

    @property
    def ratio(self) -> float:
        return self.pytest / self.floor


def learner_copy(root: Path, folder: Path) -> Path:
    """A fresh learner checkout: stubs generated, graders and solutions linked."""
    for name in ("solutions", "graders"):
        (folder / name).symlink_to(root / name)
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy(root / name, folder / name)
    stubs.generate(root=folder)
    return folder


def measure(root: Path, topics: list[str], runs: int) -> list[FeedbackRow]:
    rows = []
    env_python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        checkout = learner_copy(root, Path(tmp))
        for topic in topics:
            imports = reference_imports(root, topic)
            floor_cmd = [env_python, "-c", "import " + ", ".join(imports)]
            pytest_cmd = [env_python, "-m", "pytest", f"exercises/{topic}", "-q", "-p", "no:cacheprovider"]
            floors, pytests = [], []
            for _ in range(runs):  # alternate, so load on the machine hits both alike
                floors.append(_seconds(floor_cmd, checkout))
                pytests.append(_seconds(pytest_cmd, checkout))
            rows.append(
                FeedbackRow(
                    topic,
                    len(exercises_of([topic], root)),
                    statistics.median(floors),
                    statistics.median(pytests),
                )
            )
    return rows


def table(rows: list[FeedbackRow]) -> str:
    lines = [
        "| topic | exercises | import floor (s) | `pytest exercises/<topic>` (s) | ratio | goal |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ok = "✓" if r.ratio <= 2.0 else "✗"
        lines.append(
            f"| {r.topic} | {r.exercises} | {r.floor:.2f} | {r.pytest:.2f} | {r.ratio:.2f}× | ≤ 2× {ok} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - run through benchmarks/run.py
    root = Path(__file__).resolve().parents[1]
    print(table(measure(root, ["losses"], int(os.environ.get("RUNS", "3")))))
