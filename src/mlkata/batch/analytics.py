"""Class analytics: what a batch's output folder says about the class as a whole.

:func:`gather` reads the files ``mlkata grade`` wrote into its ``--out`` folder (``grades.csv``
and each student's ``results.json``) and counts: each student's total, each exercise's pass
rate and median points, and for each exercise the known mistakes the graders' hints matched,
with the students who made each. It reads nothing else and writes nothing;
:mod:`mlkata.batch.class_report` renders what it counts.

A matched mistake is identified by its hint, the text of the grader's
:class:`~mlkata.grading.judge.Mistake`: a test's ``mistake: <hint>`` tags
(:func:`mlkata.batch.report.results_json`), or, in a ``results.json`` without tags, the
``hint:`` lines of its output. Hidden checks show neither, so their mistakes are not counted.
A student counts once per exercise and mistake; where one check's input cannot tell two
mistakes apart, the one the student's other checks show alone is counted (:func:`attributed`).

A student whose results are missing or cannot be read is counted and noted
(:class:`Unreadable`), never an error: the rest of the class is counted as usual.
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

MISTAKE_TAG = "mistake: "
"""How a test's ``tags`` name a known mistake its failure matched."""
HINT_LINE = re.compile(r"^\s*hint: (.+?)\s*$", re.MULTILINE)
MAX_RESULTS_BYTES = 64 * 2**20
"""A ``results.json`` larger than this is not read (the batch writes a few hundred KB at most)."""
BINS = 10


class BrokenResults(ValueError):
    """A ``results.json`` that is not the one ``mlkata grade`` writes; the message says why."""


@dataclass(frozen=True)
class Student:
    """One student's results, as their ``results.json`` gives them."""

    folder: str
    """Their output folder's name (stable, safe: :func:`mlkata.batch.intake.student_id`)."""
    name: str
    """Their name as handed in (anything: escape it before showing it)."""
    score: float
    max_score: float
    points: dict[str, tuple[float, float]]
    """Exercise key -> (points, maximum)."""
    mistakes: dict[str, tuple[str, ...]]
    """Exercise key -> the hints of the known mistakes made (:func:`attributed`), in the order met."""
    error: str = ""
    """Why their grading did not finish, if it did not."""


@dataclass(frozen=True)
class Unreadable:
    """A student of the class with no results to count, and why."""

    folder: str
    name: str
    why: str


@dataclass(frozen=True)
class MistakeCount:
    """A known mistake of one exercise and the students (folders) whose answers matched it."""

    hint: str
    students: tuple[str, ...]


@dataclass(frozen=True)
class ExerciseStats:
    """One exercise across the class."""

    key: str
    max_points: float
    points: tuple[float, ...]
    """Each counted student's points, in the order of :attr:`ClassStats.students`."""
    passed: int
    """How many got every point."""
    mistakes: tuple[MistakeCount, ...]
    """Most frequent first."""

    @property
    def pass_rate(self) -> float:
        return self.passed / len(self.points) if self.points else 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.points) if self.points else 0.0


@dataclass
class ClassStats:
    """Everything :func:`gather` counted in a batch's output folder."""

    students: list[Student]
    exercises: list[ExerciseStats]
    unreadable: list[Unreadable] = field(default_factory=list)
    """Students of the class whose results could not be counted."""
    no_submission: list[str] = field(default_factory=list)
    """Roster members who handed nothing in (grades.csv's ``no submission`` rows)."""
    left_out: list[str] = field(default_factory=list)
    """Folders holding results of students no longer in the class (not in grades.csv)."""
    notes: list[str] = field(default_factory=list)
    """What else the reader should know (no grades.csv, say)."""

    @property
    def class_size(self) -> int:
        """The students counted: those with results (the denominator of every share)."""
        return len(self.students)

    @property
    def max_score(self) -> float:
        return max((s.max_score for s in self.students), default=0.0)

    def histogram(self, bins: int = BINS) -> list[int]:
        """How many students scored in each tenth (by default) of their maximum."""
        return histogram([s.score / s.max_score if s.max_score else 0.0 for s in self.students], bins)


def histogram(fractions: list[float], bins: int = BINS) -> list[int]:
    """Counts of ``fractions`` (of full marks, 0 to 1) in ``bins`` equal bins; full marks go in the last.

    Bin ``i`` holds the fractions ``f`` with ``i / bins <= f < (i + 1) / bins``.

    Examples
    --------
    >>> histogram([0.0, 0.05, 0.5, 0.99, 1.0], bins=4)
    [2, 0, 1, 2]
    >>> histogram([], bins=2)
    [0, 0]
    """
    counts = [0] * bins
    for fraction in fractions:
        counts[min(bins - 1, max(0, int(fraction * bins)))] += 1
    return counts


def mistakes_of(test: dict) -> list[str]:
    """The hints of the known mistakes one ``results.json`` test matched.

    Its ``mistake: <hint>`` tags when it has tags, else the ``hint:`` lines of its output.

    Examples
    --------
    >>> mistakes_of({"tags": ["losses", "mistake: that is the RMSE"]})
    ['that is the RMSE']
    >>> mistakes_of({"output": "```\\nmse([1], [2])\\n  got 1.0\\n  hint: that is the RMSE\\n```"})
    ['that is the RMSE']
    >>> mistakes_of({"output": "", "tags": "not a list"})
    []
    """
    tags = test.get("tags")
    if isinstance(tags, list):
        return [t[len(MISTAKE_TAG) :] for t in tags if isinstance(t, str) and t.startswith(MISTAKE_TAG)]
    output = test.get("output")
    return HINT_LINE.findall(output) if isinstance(output, str) else []


def attributed(checks: list[list[str]]) -> tuple[str, ...]:
    """The mistakes one student made in one exercise, from the hints each failing check gave.

    A check whose input cannot tell two mistakes apart gives both hints (with n = 2, dividing
    by n - 1 is the sum). Where another check of the exercise gave one of them alone, that one
    explains the check; a check none of whose hints is explained so counts every hint it gave.
    Each mistake is named once, in the order met.

    Examples
    --------
    >>> attributed([["sum"], ["sum", "n - 1"]])
    ('sum',)
    >>> attributed([["sum", "n - 1"]])
    ('sum', 'n - 1')
    >>> attributed([["sum"], ["median"], ["sum", "n - 1"]])
    ('sum', 'median')
    """
    alone = {hints[0] for hints in checks if len(hints) == 1}
    found: dict[str, None] = {}
    for hints in checks:
        explained = [h for h in hints if h in alone]
        for hint in explained or hints:
            found[hint] = None
    return tuple(found)


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise BrokenResults(f"{what} is not a number")
    return float(value)


def student_of(folder: str, data: object, name: str = "") -> Student:
    """The :class:`Student` a ``results.json`` (parsed) describes; :class:`BrokenResults` if it cannot.

    ``name`` is used when the file names none.

    Examples
    --------
    >>> tests = [
    ...     {"name": "losses/mse :: test_a", "score": 2, "max_score": 2},
    ...     {"name": "losses/mse :: test_b", "score": 0, "max_score": 1, "tags": ["mistake: RMSE"]},
    ...     {"name": "losses/mse :: test_c", "score": 0, "max_score": 1, "tags": ["mistake: RMSE"]},
    ... ]
    >>> data = {"tests": tests, "extra_data": {"mlkata": {"name": "Ann Lee"}}}
    >>> s = student_of("Ann_Lee-1a2b3c", data)
    >>> s.name, s.score, s.max_score, s.points, s.mistakes
    ('Ann Lee', 2.0, 4.0, {'losses/mse': (2.0, 4.0)}, {'losses/mse': ('RMSE',)})
    >>> try:
    ...     student_of("x", ["not", "a", "dict"])
    ... except BrokenResults as error:
    ...     print(error)
    results.json holds no tests
    """
    tests = data.get("tests") if isinstance(data, dict) else None
    if not isinstance(tests, list):
        raise BrokenResults("results.json holds no tests")
    extra = data.get("extra_data") if isinstance(data, dict) else None
    meta = extra.get("mlkata") if isinstance(extra, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    points: dict[str, tuple[float, float]] = {}
    matched: dict[str, list[list[str]]] = {}
    for number, test in enumerate(tests, 1):
        title = test.get("name") if isinstance(test, dict) else None
        if not isinstance(title, str) or " :: " not in title:
            raise BrokenResults(f"test {number} of results.json names no exercise")
        key = title.split(" :: ", 1)[0]
        score = _number(test.get("score"), f"the score of test {number}")
        most = _number(test.get("max_score"), f"the max_score of test {number}")
        got, worth = points.get(key, (0.0, 0.0))
        points[key] = (got + score, worth + most)
        hints = mistakes_of(test)
        if hints:
            matched.setdefault(key, []).append(hints)
    given = meta.get("name")
    error = meta.get("error")
    return Student(
        folder=folder,
        name=given if isinstance(given, str) and given else name or folder,
        score=sum(p for p, _ in points.values()),
        max_score=sum(m for _, m in points.values()),
        points=points,
        mistakes={key: attributed(checks) for key, checks in matched.items()},
        error=error if isinstance(error, str) else "",
    )


def read_student(folder: Path, name: str = "") -> Student | Unreadable:
    """The results of the student whose output folder is ``folder``, or why there are none."""
    path = folder / "results.json"
    try:
        if path.stat().st_size > MAX_RESULTS_BYTES:
            return Unreadable(folder.name, name or folder.name, "results.json is too large to read")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Unreadable(folder.name, name or folder.name, "no results.json (not graded, or not written)")
    except (OSError, UnicodeDecodeError) as error:
        return Unreadable(folder.name, name or folder.name, f"results.json cannot be read ({error})")
    try:
        return student_of(folder.name, json.loads(text), name)
    except ValueError as error:  # json.JSONDecodeError and BrokenResults alike
        why = str(error) if isinstance(error, BrokenResults) else "results.json is not valid JSON"
        return Unreadable(folder.name, name or folder.name, why)


@dataclass
class Grades:
    """What ``grades.csv`` says about who is in the class."""

    students: dict[str, str]
    """Output folder -> name, in the file's order."""
    keys: list[str]
    """The exercise columns, in the batch's order."""
    no_submission: list[str]


def _uncell(text: str) -> str:
    """A cell as :func:`mlkata.batch.report._cell` had it before it guarded a formula.

    >>> _uncell("'=1+1"), _uncell("Ann")
    ('=1+1', 'Ann')
    """
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def read_grades(path: Path) -> Grades:
    """The class of a ``grades.csv``; :class:`OSError` or :class:`ValueError` if it cannot be read."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or rows[0][:2] != ["student", "name"] or "total" not in rows[0]:
        raise ValueError("its header is not mlkata's")
    header = rows[0]
    first = header.index("email") + 1 if "email" in header else 2
    keys = header[first : header.index("total")]
    students: dict[str, str] = {}
    missing = []
    for row in rows[1:]:
        if len(row) < 2 or row[0] == "(max)":
            continue
        if row[0]:
            students[row[0]] = _uncell(row[1])
        elif row[1]:
            missing.append(_uncell(row[1]))
    return Grades(students, keys, missing)


def summarise(students: list[Student], keys: list[str]) -> list[ExerciseStats]:
    """Each exercise's stats over ``students``; an exercise a student's results lack scores 0 there.

    Examples
    --------
    >>> a = Student("a", "A", 3, 4, {"t/e": (3, 4)}, {"t/e": ("RMSE",)})
    >>> b = Student("b", "B", 4, 4, {"t/e": (4, 4)}, {})
    >>> c = Student("c", "C", 0, 0, {}, {})
    >>> [e] = summarise([a, b, c], ["t/e"])
    >>> e.max_points, e.points, e.passed, e.median, e.mistakes
    (4, (3, 4, 0), 1, 3, (MistakeCount(hint='RMSE', students=('a',)),))
    """
    stats = []
    for key in keys:
        most = max((s.points[key][1] for s in students if key in s.points), default=0)
        points = tuple(s.points.get(key, (0, most))[0] for s in students)
        passed = sum(1 for s in students if key in s.points and s.points[key][0] >= s.points[key][1] > 0)
        who: dict[str, list[str]] = {}
        for student in students:
            for hint in student.mistakes.get(key, ()):
                who.setdefault(hint, []).append(student.folder)
        ranked = sorted(who.items(), key=lambda item: -len(item[1]))  # stable: ties keep the order met
        mistakes = tuple(MistakeCount(hint, tuple(folders)) for hint, folders in ranked)
        stats.append(ExerciseStats(key, most, points, passed, mistakes))
    return stats


def _folders(out: Path) -> list[Path]:
    try:
        entries = sorted(out.iterdir())
    except OSError:
        return []
    return [e for e in entries if not e.name.startswith(".") and e.is_dir() and not e.is_symlink()]


def gather(out: Path) -> ClassStats:
    """Count the class a batch graded into ``out``.

    The class is the students of ``out/grades.csv``; a folder of ``out`` that grades.csv leaves
    out is a student whose results could not be read when it has no readable ``results.json``,
    and one who left the class when it has. Without a readable grades.csv every folder of
    ``out`` is a student.
    """
    grades: Grades | None = None
    notes = []
    try:
        grades = read_grades(out / "grades.csv")
    except FileNotFoundError:
        notes.append("no grades.csv: every folder of the results counts as a student")
    except (OSError, UnicodeDecodeError, ValueError, csv.Error) as error:
        notes.append(f"grades.csv cannot be read ({error}): every folder of the results counts as a student")
    folders = {f.name: f for f in _folders(out)}
    listed = grades.students if grades is not None else {}
    students: list[Student] = []
    unreadable: list[Unreadable] = []
    left_out: list[str] = []
    for folder, name in listed.items():
        result = read_student(out / folder, name) if folder in folders else None
        if result is None:
            unreadable.append(Unreadable(folder, name, "no results folder"))
        elif isinstance(result, Unreadable):
            unreadable.append(result)
        else:
            students.append(result)
    for folder, path in folders.items():
        if folder in listed:
            continue
        result = read_student(path)
        if isinstance(result, Unreadable):
            unreadable.append(result)
        elif grades is not None:
            left_out.append(folder)
        else:
            students.append(result)
    keys = list(grades.keys) if grades is not None else []
    for student in students:
        keys += [key for key in student.points if key not in keys]
    return ClassStats(
        students=students,
        exercises=summarise(students, keys),
        unreadable=unreadable,
        no_submission=list(grades.no_submission) if grades is not None else [],
        left_out=left_out,
        notes=notes,
    )
