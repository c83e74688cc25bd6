"""Run mlkata's benchmarks on this machine and write their tables to one results file.

    python benchmarks/run.py [--quick] [--out benchmarks/RESULTS.md] [--only feedback,solutions,batch,cluster]

1. ``feedback``: ``pytest exercises/<topic>`` against the floor of importing its references
   (``benchmarks/feedback.py``).
2. ``batch``: batch grading against nbgrader (``benchmarks/batch.py``, once it exists: a module
   with ``measure(quick: bool) -> str`` returning a markdown table).
3. ``solutions``: every reference solution against its scikit-learn/SciPy reference at n = 1e6,
   and the reductions against one pass over memory (``benchmarks/solutions.py``).
4. ``cluster``: ``mlkata grade --cluster`` on 1 and 2 Dask workers against the local ``--jobs 2``
   run, and the cost model (``benchmarks/cluster.py``; needs the ``cluster`` extra).

Every ratio is measured side by side in the same run, so both of its figures see the same
machine. ``--quick`` shrinks every size and times each item once: a smoke run whose figures
mean nothing. The exit status is 1 when a section failed or a solution disagreed with its
reference; timings never fail the run.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shlex
import sys
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTIONS = ("feedback", "batch", "solutions", "cluster")
LIBRARIES = ("numpy", "scipy", "scikit-learn", "mlxtend", "nltk", "shapely", "pytest")
FEEDBACK_RUNS = 3


def load(name: str) -> ModuleType | None:
    """The module ``benchmarks/<name>.py``, loaded by path; ``None`` if there is none."""
    path = HERE / f"{name}.py"
    if not path.exists():
        return None
    module_name = f"mlkata_benchmark_{name}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1 / 5 / 15 min)"
    except OSError:  # pragma: no cover - not on Linux or macOS
        return "unknown"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _blas() -> str:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:  # pragma: no cover
        return "unknown"
    import numpy  # noqa: F401 - loads the BLAS threadpoolctl reports

    pools = [
        f"{p.get('internal_api')} {p.get('version') or '?'} ({p.get('num_threads')} threads)"
        for p in threadpool_info()
    ]
    return ", ".join(pools) or "none found"


def machine() -> str:
    """A markdown table describing this machine and its software."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        usable = os.cpu_count()
    rows = [
        ("date", datetime.now(timezone.utc).isoformat(timespec="seconds")),
        ("CPU", f"{_cpu_model()}; {os.cpu_count()} logical CPUs, {usable} usable by this process"),
        ("load average at start", load_average()),
        ("system", platform.platform()),
        ("python", f"{platform.python_implementation()} {platform.python_version()}"),
        *((name, _version(name)) for name in LIBRARIES),
        ("BLAS / OpenMP pools", _blas()),
    ]
    return "\n".join(["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)])


def feedback_section(quick: bool, runs: int | None) -> str:
    from mlkata.catalog import all_exercises
    from mlkata.curriculum import topics

    TOPICS = topics()

    feedback = load("feedback")
    assert feedback is not None, "benchmarks/feedback.py is missing"
    present = {e.topic for e in all_exercises(ROOT)}
    topics = ["losses"] if quick else [t for t in TOPICS if t in present]
    runs = runs or (1 if quick else FEEDBACK_RUNS)
    rows = feedback.measure(ROOT, topics, runs)
    return (
        f"`pytest exercises/<topic>` on freshly generated stubs, against a fresh interpreter that "
        f"only imports the references the topic's graders import (the *import floor*). The first "
        f"run starts from a new data folder (the shipped reference answers only); the second run "
        f"also has the answers the first one computed, as a learner's next run does. *One "
        f"exercise*: `pytest exercises/<topic>/<module>.py` for the topic's exercise with the "
        f"heaviest references, second run, against its own import floor. Median of {runs} "
        f"run(s), alternating.\n\n{feedback.table(rows)}"
    )


def batch_section(quick: bool, runs: int | None) -> str:
    batch = load("batch")
    if batch is None:
        return "Not measured yet: `benchmarks/batch.py` (batch grading against nbgrader) is not written."
    return batch.measure(quick)


class Problems(Exception):
    """A section ran but found rows that are not valid; the section's text is still written."""

    def __init__(self, text: str, count: int):
        super().__init__(f"{count} row(s) with an error or a result that differs from the reference")
        self.text = text


def solutions_section(quick: bool, runs: int | None) -> str:
    solutions = load("solutions")
    assert solutions is not None, "benchmarks/solutions.py is missing"
    report = solutions.measure(ROOT, quick=quick, runs=runs or solutions.RUNS)
    text = (
        "Each reference solution (`solutions/<topic>/<module>.py`) against the library call its "
        "grader checks it with, on the same inputs; *floor*: one pass over all the input bytes "
        "(`np.dot(a, a)` per input array), for the reductions, or, where marked †, the least work "
        "numpy must do for the row (its footnote says what). Times are milliseconds per call. "
        f"{report.settings()}\n\n{solutions.table(report)}"
    )
    bad = [r for r in report.rows if r.problem]
    if bad:
        raise Problems(text, len(bad))
    return text


def cluster_section(quick: bool, runs: int | None) -> str:
    if importlib.util.find_spec("distributed") is None:
        return 'Not measured: Dask is not installed (`pip install ".[cluster]"`).'
    cluster = load("cluster")
    assert cluster is not None, "benchmarks/cluster.py is missing"
    return cluster.measure(quick)


TITLES = {
    "feedback": "1. Feedback: `pytest exercises/<topic>` against its import floor",
    "batch": "2. Batch grading against nbgrader",
    "solutions": "3. Reference solutions against their scikit-learn / SciPy references",
    "cluster": "4. Batch grading on a Dask cluster: 1 and 2 workers against the local run",
}
RUNNERS = {
    "feedback": feedback_section,
    "batch": batch_section,
    "solutions": solutions_section,
    "cluster": cluster_section,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run mlkata's benchmarks and write benchmarks/RESULTS.md.")
    parser.add_argument("--quick", action="store_true", help="tiny sizes and one run per item: a smoke run")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="the markdown file to write")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections among {', '.join(SECTIONS)} (default: all)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help=f"runs per item (default {FEEDBACK_RUNS} for feedback, 11 for solutions)",
    )
    args = parser.parse_args(argv)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose among {', '.join(SECTIONS)}")

    command = "python benchmarks/run.py" + "".join(f" {shlex.quote(a)}" for a in (argv or sys.argv[1:]))
    parts = [
        "# mlkata benchmarks",
        "",
        f"Command: `{command}`" + (" (quick: a smoke run, not a measurement)" if args.quick else ""),
        "",
        machine(),
    ]
    failed = False
    for name in (s for s in SECTIONS if s in wanted):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        start, before = time.perf_counter(), load_average()
        try:
            body = RUNNERS[name](args.quick, args.runs)
        except Problems as problems:
            body, failed = f"{problems.text}\n\n**{problems}**", True
        except Exception as error:  # a broken section is reported, and the others still run
            body, failed = f"**error: {type(error).__name__}: {error}**", True
        seconds = time.perf_counter() - start
        parts += [
            "",
            f"## {TITLES[name]}",
            "",
            body,
            "",
            f"*Section took {seconds:.0f} s; load average before: {before}, after: {load_average()}.*",
        ]
    text = "\n".join(parts) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    print(f"wrote {args.out}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
