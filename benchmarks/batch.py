"""Benchmark 2: batch grading throughput of `mlkata grade` against nbgrader autograde.

Both grade the same class: `mlkata.batch.sample` writes N students (the solutions, with a
share of exercises replaced by mutants). `mlkata grade` grades all N in its sandbox; the
same students' files are turned into the release notebooks of `mlkata classroom build`
(each answer cell replaced by the student's module) and `nbgrader autograde` grades the
first few of them (nbgrader takes minutes per student for the whole pack, so its rate is
measured on a subset). The figure compared is students graded per minute.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "bench"


@dataclass(frozen=True)
class Throughput:
    tool: str
    students: int
    seconds: float

    @property
    def per_minute(self) -> float:
        return 60.0 * self.students / self.seconds


def _env(tmp: Path) -> dict[str, str]:
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp / "jupyter-config"), "MLKATA_ROOT": str(ROOT)}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some student lost points
        tail = (done.stdout + done.stderr)[-3000:]
        raise RuntimeError(f"{' '.join(command[2:4])} failed ({done.returncode}):\n{tail}")
    return seconds


def mlkata_grade(submissions: Path, out: Path, topics: list[str], env: dict[str, str]) -> Throughput:
    students = len([p for p in submissions.iterdir() if p.is_dir()])
    command = [
        sys.executable,
        "-m",
        "mlkata.cli",
        "grade",
        str(submissions),
        "--out",
        str(out),
        "--topics",
        ",".join(topics),
        "--jobs",
        str(os.cpu_count() or 1),
        "--force",
    ]
    return Throughput("mlkata grade", students, _run(command, ROOT, env))


def _hand_in(course: Path, submissions: Path, students: list[str]) -> None:
    import nbformat

    for student in students:
        for release in sorted((course / "release" / ASSIGNMENT).glob("*.ipynb")):
            notebook = nbformat.read(release, as_version=4)
            topic = release.stem
            for cell in notebook.cells:
                grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
                if grade_id.endswith("-answer"):
                    module = grade_id.removesuffix("-answer")
                    answer = submissions / student / topic / f"{module}.py"
                    cell.source = answer.read_text(encoding="utf-8")
            folder = course / "submitted" / student / ASSIGNMENT
            folder.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, folder / release.name)


def nbgrader_autograde(
    submissions: Path, course: Path, topics: list[str], students: int, env: dict[str, str]
) -> Throughput:
    from mlkata.classroom.course import build_course

    build_course(course, topics, assignment=ASSIGNMENT, course_id="bench")
    root = f"--CourseDirectory.root={course}"
    _run(["nbgrader", "generate_assignment", ASSIGNMENT, "--force", root], course, env)
    chosen = sorted(p.name for p in submissions.iterdir() if p.is_dir())[:students]
    _hand_in(course, submissions, chosen)
    seconds = _run(["nbgrader", "autograde", ASSIGNMENT, "--force", root], course, env)
    return Throughput("nbgrader autograde", len(chosen), seconds)


def measure(quick: bool) -> str:
    """Grade a generated class both ways and return the markdown table."""
    from mlkata.batch.sample import make_class
    from mlkata.catalog import exercises_of
    from mlkata.curriculum import topics

    TOPICS = topics()

    topics = ["losses"] if quick else list(TOPICS)
    students, nbgrader_students = (2, 1) if quick else (30, 3)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        env = _env(tmp)
        submissions = tmp / "submissions"
        make_class(submissions, students, seed=0, root=ROOT)
        ours = mlkata_grade(submissions, tmp / "out", topics, env)
        theirs = nbgrader_autograde(submissions, tmp / "course", topics, nbgrader_students, env)
    exercises = len(exercises_of(topics, ROOT))
    ratio = ours.per_minute / theirs.per_minute
    lines = [
        f"Whole pack: {len(topics)} topics, {exercises} exercises per student; "
        f"{os.cpu_count()} parallel jobs for mlkata, nbgrader's own sequential autograde.",
        "",
        "| tool | students | seconds | students per minute |",
        "|---|---:|---:|---:|",
        *(f"| {t.tool} | {t.students} | {t.seconds:.1f} | {t.per_minute:.1f} |" for t in (ours, theirs)),
        "",
        f"Ratio: mlkata grades **{ratio:.1f}×** as many students per minute as nbgrader "
        f"(goal ≥ 20× {'✓' if ratio >= 20 else '✗'}).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(measure("--quick" in sys.argv))
