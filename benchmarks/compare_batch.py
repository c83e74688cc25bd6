"""Batch throughput of two revisions of mlkata, measured side by side on this machine.

``python benchmarks/compare_batch.py --before REV --after REV`` checks both revisions out
(``git worktree``, in a temporary folder), writes one sample class with the *after*
revision's ``mlkata.batch.sample``, and grades it with each revision's ``mlkata grade`` in
turn, alternating for ``--rounds`` rounds so that both see the same load. It prints the
median seconds, students per minute and the after/before ratio. Each side runs in a
virtual environment of its own on the interpreter running this script, seeing its checkout's
``src`` and this interpreter's installed packages (a ``.pth`` file: ``PYTHONPATH`` would not
reach processes started with ``python -I``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _checkout(revision: str, folder: Path) -> Path:
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(folder), revision], cwd=ROOT, check=True)
    venv = folder / ".bench-venv"
    base = os.path.realpath(sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next(p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    (purelib,) = venv.glob("lib/python*/site-packages")
    (purelib / "mlkata-bench.pth").write_text(f"{folder / 'src'}\n{site}\n")
    return folder


def _python(checkout: Path) -> str:
    return str(checkout / ".bench-venv" / "bin" / "python")


def _grade(checkout: Path, submissions: Path, out: Path, jobs: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "MLKATA_ROOT": str(checkout)}
    env.pop("PYTHONPATH", None)
    command = [_python(checkout), "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    command += ["--jobs", str(jobs), "--force"]
    start = time.monotonic()
    subprocess.run(command, cwd=checkout, env=env, check=True, capture_output=True)
    return time.monotonic() - start


def compare(before: str, after: str, students: int, rounds: int, jobs: int) -> dict[str, list[float]]:
    """Seconds of each run, by ``"before"``/``"after"``."""
    work = Path(tempfile.mkdtemp(prefix="mlkata-compare-"))
    checkouts = {"before": _checkout(before, work / "before"), "after": _checkout(after, work / "after")}
    try:
        submissions = work / "class"
        sample = [_python(checkouts["after"]), "-m", "mlkata.batch.sample", str(submissions)]
        sample += ["--students", str(students)]
        subprocess.run(sample, cwd=checkouts["after"], check=True, capture_output=True)
        times: dict[str, list[float]] = {"before": [], "after": []}
        for index in range(rounds):
            order = ("before", "after") if index % 2 == 0 else ("after", "before")
            for side in order:
                times[side].append(_grade(checkouts[side], submissions, work / f"out-{side}", jobs))
        return times
    finally:
        for folder in checkouts.values():
            subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT, check=False)
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args(argv)
    times = compare(options.before, options.after, options.students, options.rounds, options.jobs)
    print("| revision | runs (s) | median (s) | students/min |\n|---|---|---:|---:|")
    medians = {}
    for side, label in (("before", options.before), ("after", options.after)):
        medians[side] = statistics.median(times[side])
        runs = ", ".join(f"{t:.1f}" for t in times[side])
        rate = 60 * options.students / medians[side]
        print(f"| {side} ({label}) | {runs} | {medians[side]:.1f} | {rate:.1f} |")
    print(f"\nafter/before time: {medians['after'] / medians['before']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
