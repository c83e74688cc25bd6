"""What a batch writes: Gradescope's ``results.json``, ``feedback.md`` and ``grades.csv``.

Every score here comes from the report the trusted grader process wrote; nothing a
submission printed or wrote is read. Every file is written atomically (a temporary file
in the same folder, then ``os.replace``), so an interrupted batch leaves whole files or
none, and ``results.json`` is written last: its presence marks a student as graded.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mlkata.catalog import Exercise
from mlkata.engine.files import atomic_write

FORMAT = 2
"""The version of results.json's layout; a results.json of another version is graded again.

2: ``output_format``/``test_output_format`` (md), per-test ``number`` and ``tags``.
"""


@dataclass(frozen=True)
class ExpectedCheck:
    name: str
    points: int
    hidden: bool = False


@dataclass
class StudentResult:
    student: str
    digest: str
    topics: list[str]
    exercises: dict[str, dict] = field(default_factory=dict)
    name: str = ""
    """The student's name as handed in."""
    roster_id: str = ""
    email: str = ""
    """The roster's id and email of the student (:mod:`mlkata.batch.roster`), if a roster was given."""
    grading: str = ""
    """What graded it (:func:`mlkata.batch.run.grading_key`): a rerun with another grades again."""
    """Exercise key -> the grader's report for it (``score``, ``max_score``, ``checks``)."""
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    """Why grading did not finish, when it did not (the checks not reached score 0)."""
    seconds: float = 0.0


def expected_checks(exercises: list[Exercise], root: Path) -> dict[str, list[ExpectedCheck]]:
    """The checks each exercise's grader declares, with their points and visibility."""
    from mlkata.engine.specs import GraderSpec

    expected = {}
    for exercise in exercises:
        try:
            checks = GraderSpec.load(exercise.grader_path(root)).checks
        except Exception as error:  # the grader itself is broken: its checks show up as errors
            print(f"mlkata grade: cannot read the grader of {exercise.key}: {error!r}", file=sys.stderr)
            checks = ()
        expected[exercise.key] = [ExpectedCheck(c.name, c.points, c.hidden) for c in checks]
    return expected


def _tests(result: StudentResult, expected: dict[str, list[ExpectedCheck]]) -> list[dict]:
    tests = []
    for key, checks in expected.items():
        reported = {c["name"]: c for c in result.exercises.get(key, {}).get("checks", [])}
        names = [c.name for c in checks] + [n for n in reported if n not in {c.name for c in checks}]
        declared = {c.name: c for c in checks}
        for name in names:
            check = reported.get(name)
            hidden = bool(check.get("hidden")) if check else declared[name].hidden
            points = int(check["points"]) if check else declared[name].points
            if check is None:
                passed = False
                output = "not graded: " + (result.error or "the grading run did not reach this check")
            else:
                passed = bool(check["passed"])
                output = "" if passed else str(check.get("message", ""))
            tests.append(
                {
                    "name": f"{key} :: {name}",
                    "score": points if passed else 0,
                    "max_score": points,
                    "status": "passed" if passed else "failed",
                    "output": "" if hidden else output,
                    "visibility": "hidden" if hidden else "visible",
                }
            )
    return tests


def results_json(result: StudentResult, expected: dict[str, list[ExpectedCheck]]) -> dict:
    """``results.json`` in Gradescope's autograder format (plus mlkata's own ``extra_data``).

    Texts are Markdown (``output_format`` and ``test_output_format`` ``"md"``): a grader's
    message, laid out in columns, is a fenced block. Each test has a ``number``, ``"3.2"`` for
    the second check of the third exercise, and ``tags``: its topic, and ``mistake: <hint>``
    for each known mistake its failure matched (the grader's ``hint:`` lines; none for a hidden
    check). Hidden checks have visibility ``"hidden"``;
    :func:`mlkata.batch.gradescope.with_hidden_visibility` sets another.
    """

    import re

    def fenced(text: str) -> str:  # a fence longer than any run of backticks in the text
        fence = "`" * max(3, 1 + max(map(len, re.findall("`+", text)), default=0))
        return f"{fence}\n{text}\n{fence}"

    tests = _tests(result, expected)
    numbers: dict[str, int] = {key: index for index, key in enumerate(expected, 1)}
    counted: dict[str, int] = {}
    for test in tests:
        key = test["name"].split(" :: ", 1)[0]
        counted[key] = counted.get(key, 0) + 1
        test["number"] = f"{numbers.get(key, len(numbers) + 1)}.{counted[key]}"
        message = test["output"]
        hints = re.findall(r"^\s*hint: (.+?)\s*$", message, flags=re.MULTILINE)
        test["tags"] = [key.split("/", 1)[0], *(f"mistake: {hint}" for hint in hints)]
        test["output"] = fenced(message) if message else ""
    score, most = sum(t["score"] for t in tests), sum(t["max_score"] for t in tests)
    lines = [f"note: {n}" for n in result.notes]
    if result.error:
        lines.append(f"grading did not finish: {result.error}")
    output = f"**mlkata: {score}/{most} points**"
    if lines:
        output += "\n\n" + fenced("\n".join(lines))
    return {
        "score": score,
        "max_score": most,
        "execution_time": round(result.seconds, 2),
        "output": output,
        "output_format": "md",
        "test_output_format": "md",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
        "extra_data": {
            "mlkata": {
                "format": FORMAT,
                "student": result.student,
                "name": result.name or result.student,
                "id": result.roster_id,
                "email": result.email,
                "notes": list(result.notes),
                "digest": result.digest,
                "topics": result.topics,
                "grading": result.grading,
                "exercises": {
                    key: sum(t["score"] for t in tests if t["name"].startswith(f"{key} :: "))
                    for key in expected
                },
                "error": result.error,
            }
        },
    }


def feedback_markdown(result: StudentResult, expected: dict[str, list[ExpectedCheck]]) -> str:
    """A readable per-student feedback file: points and the graders' messages."""
    tests = _tests(result, expected)
    out = io.StringIO()
    total, most = sum(t["score"] for t in tests), sum(t["max_score"] for t in tests)
    out.write(
        f"# mlkata feedback: {result.name or result.student}\n\n"
        f"**{total}/{most} points** ({', '.join(result.topics)})\n\n"
    )
    if result.notes or result.error:
        out.write("About your submission:\n\n")
        for note in result.notes:
            out.write(f"- {note}\n")
        if result.error:
            out.write(f"- grading did not finish: {result.error}\n")
        out.write("\n")
    for key in expected:
        mine = [t for t in tests if t["name"].startswith(f"{key} :: ")]
        score, worth = sum(t["score"] for t in mine), sum(t["max_score"] for t in mine)
        mark = "✓" if score == worth else "✗"
        out.write(f"## {mark} {key}: {score}/{worth}\n\n")
        hidden = [t for t in mine if t["visibility"] == "hidden"]
        shown = [t for t in mine if t["visibility"] != "hidden"]
        said = ""
        for test in shown:
            check = test["name"].split(" :: ", 1)[1]
            status = "passes" if test["status"] == "passed" else "fails"
            out.write(f"- {check}: {status} ({test['score']}/{test['max_score']})\n")
            if test["output"] and test["output"] == said:
                out.write("  (the same reason as above)\n")
            elif test["output"]:
                body = "\n".join("      " + line for line in test["output"].splitlines())
                out.write(f"\n{body}\n\n")
            said = test["output"] or said
        if hidden:
            out.write(f"- {len(hidden)} hidden check(s): their details are not shown\n")
        out.write("\n")
    return out.getvalue()


def read_results(path: Path) -> dict | None:
    """A ``results.json`` this module wrote, or ``None`` when absent or not whole."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    meta = data.get("extra_data", {}).get("mlkata") if isinstance(data, dict) else None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT or "tests" not in data:
        return None
    return data


def _cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: no leading ``=``, ``+``, ``-`` or ``@`` (a formula)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_student(out: Path, result: StudentResult, expected: dict[str, list[ExpectedCheck]]) -> dict:
    folder = out / result.student
    atomic_write(folder / "feedback.md", feedback_markdown(result, expected))
    data = results_json(result, expected)
    atomic_write(folder / "results.json", json.dumps(data, indent=2) + "\n")
    return data


def write_grades(out: Path, rows: list[dict], keys: list[str], missing: list | None = None) -> Path:
    """``grades.csv``: a row per student and one of each exercise's maximum; a column per exercise.

    ``student`` is the output folder, ``name`` the name as handed in, ``notes`` what the intake
    noticed (ignored files, unreadable ones) and why grading did not finish, if it did not;
    ``id`` and ``email`` come from the roster, whose ``missing`` members get a row of zeros.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "name", "id", "email", *keys, "total", "max_score", "notes"])
    for data in sorted(rows, key=lambda d: d["extra_data"]["mlkata"]["student"]):
        meta = data["extra_data"]["mlkata"]
        notes = list(meta.get("notes", []))
        if meta.get("error"):
            notes.append(f"grading did not finish: {meta['error']}")
        writer.writerow(
            [
                meta["student"],
                _cell(meta.get("name", meta["student"])),
                _cell(meta.get("id", "")),
                _cell(meta.get("email", "")),
                *(meta["exercises"].get(k, 0) for k in keys),
                data["score"],
                data["max_score"],
                _cell("; ".join(notes)),
            ]
        )
    if rows:
        tests = rows[0]["tests"]
        most = {k: sum(t["max_score"] for t in tests if t["name"].startswith(f"{k} :: ")) for k in keys}
        best = rows[0]["max_score"]
        for member in missing or []:
            cells = [_cell(member.name), _cell(member.id), _cell(member.email)]
            writer.writerow(["", *cells, *(0 for _ in keys), 0, best, "no submission"])
        writer.writerow(["(max)", "", "", "", *(most[k] for k in keys), best, best, ""])
    path = out / "grades.csv"
    atomic_write(path, buffer.getvalue())
    return path
