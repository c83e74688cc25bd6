"""A smoke run of the benchmarks: `benchmarks/run.py --quick` works and covers the curriculum.

Only the shape of the results is checked, never a timing: the figures of a quick run on a
shared machine mean nothing.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.catalog import all_exercises
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, str]:
    out: Path = tmp_path_factory.mktemp("benchmarks") / "RESULTS.md"
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--only", "feedback,solutions", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result, out.read_text(encoding="utf-8") if out.exists() else ""


def _section(text: str, number: int) -> str:
    match = re.search(rf"^## {number}\. .*?(?=^## |\Z)", text, flags=re.MULTILINE | re.DOTALL)
    assert match, f"section {number} is missing from the results"
    return match.group(0)


def test_the_quick_run_succeeds_and_writes_the_results(quick_results):
    result, text = quick_results
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert text.startswith("# mlkata benchmarks")
    for fact in ("CPU", "load average at start", "python", "numpy", "scipy", "scikit-learn", "date"):
        assert f"| {fact} |" in text
    assert "## 2." not in text, "--only left the batch section out"


def test_feedback_has_a_row_for_losses(quick_results):
    _, text = quick_results
    feedback = _section(text, 1)
    topic = r"\| losses \| 7 \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+× \|"
    single = r" [a-z_]+ \| [\d.]+ \| [\d.]+ \| [\d.]+× \| < 0.7× [✓✗] \|"
    row = f"^{topic}{single}$"
    assert re.search(row, feedback, flags=re.MULTILINE), feedback
    assert "error:" not in feedback


def test_solutions_has_a_row_per_exercise_function_and_no_errors(quick_results):
    _, text = quick_results
    solutions = _section(text, 3)
    labels = re.findall(r"^\| ([a-z_]+/[a-z0-9_]+)(?: \([^)]*\))? \| ", solutions, flags=re.MULTILINE)
    wanted = {f"{e.topic}/{f}" for e in all_exercises(ROOT) for f in e.functions}
    assert wanted, "no exercise found"
    assert wanted <= set(labels), f"no benchmark row for {sorted(wanted - set(labels))}"
    rows = [line for line in solutions.splitlines() if re.match(r"^\| [a-z_]+/", line)]
    assert all(re.search(r"\| [\d.]+ \| [\d.]+ \| [\d.]+× \|", row) for row in rows), "a row has no timing"
    assert "error:" not in solutions
    assert "differs from the reference" not in solutions


def _solutions_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("benchmark_solutions", ROOT / "benchmarks" / "solutions.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("solution", "reference", "floor", "numpy_floor", "goal"),
    [
        (0.9, 1.0, None, "", "✓"),
        (1.03, 1.0, None, "", "≈"),
        (2.0, 1.0, None, "", "✗"),
        (2.0, 1.0, 0.5, "one subtract pass", "✗"),  # numpy could do better: a plain miss
        (2.0, 1.0, 1.3, "one subtract pass", "✗ bounded"),  # numpy's least work is slower already
        (2.0, 1.0, 1.3, "", "✗"),  # a floor over the input bytes never excuses a row
    ],
)
def test_a_row_is_bounded_only_when_numpys_least_work_is_slower_than_the_reference(
    solution, reference, floor, numpy_floor, goal
):
    bench = _solutions_module()
    case = bench.Case(
        "distances/pairwise_distances",
        "pairwise_distances",
        "cdist",
        lambda *a: None,
        numpy_floor=numpy_floor,
    )
    row = bench.Row(case, "2000×2000×64", solution, reference, floor, runs=3)
    assert row.goal == goal
    text = bench.table(bench.Report([row], [], n=10, runs=3))
    assert ("†" in text) == bool(numpy_floor and floor)
