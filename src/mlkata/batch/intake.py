"""Reading a class's submissions into one clean, checked copy per student.

``SUBMISSIONS`` holds one entry per student: a folder laid out like ``exercises/``
(``<topic>/<module>.py``), a folder of ``.py`` files dropped flat (matched by module
name), a folder holding a ``.zip`` of either, or a ``.zip`` directly. Only regular files
named like an exercise are kept, never through a symbolic link, never from a zip entry
whose path leaves the archive, and within size limits; everything else is reported in
the student's notes, and a submission that cannot be read still yields a student (who
scores 0 with the reason).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from mlkata.batch.class_report import FILES as CLASS_REPORT_FILES
from mlkata.batch.handed_in import NotANotebook, near_miss, notebook_source
from mlkata.catalog import Exercise
from mlkata.grading.loader import read_source
from mlkata.sandbox.policy import INTAKE_STUDENT_MB

MAX_FILE_BYTES = 1 * 2**20
MAX_ZIP_BYTES = 50 * 2**20
MAX_ENTRIES = 2000
MAX_DEPTH = 8
MAX_STUDENT_BYTES = INTAKE_STUDENT_MB * 2**20
"""What all of one student's kept files may add up to (:data:`~mlkata.sandbox.policy.INTAKE_STUDENT_MB`)."""
_JUNK = {"__MACOSX", "__pycache__", ".DS_Store", ".git", ".ipynb_checkpoints", "Thumbs.db"}


@dataclass
class Submission:
    """What one student handed in, as the graders will see it."""

    student: str
    """The student's folder name in the output: stable, unique, safe (:func:`student_id`)."""
    origin: Path
    files: dict[str, bytes] = field(default_factory=dict)
    """Exercise key (``losses/hinge_loss``) -> the file's bytes."""
    notes: list[str] = field(default_factory=list)
    """What the intake noticed: ignored files, unsafe zip entries, unreadable archives."""
    name: str = ""
    """The student's name as handed in (the entry's name, without ``.zip``)."""

    @property
    def digest(self) -> str:
        hasher = hashlib.sha256()
        for key in sorted(self.files):
            hasher.update(key.encode() + b"\0" + hashlib.sha256(self.files[key]).digest())
        return hasher.hexdigest()

    def stage(self, folder: Path) -> Path:
        """Write the kept files under ``folder`` as ``<topic>/<module>.py``; return ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        for key, data in self.files.items():
            path = folder / f"{key}.py"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
        return folder


@dataclass
class _Budget:
    """What may still be read for one student: only files named like an exercise, up to a total."""

    wanted: frozenset[str]
    topics: dict[str, list[str]] = field(default_factory=dict)
    """A topic's modules: a notebook named after the topic holds them all."""
    left: int = MAX_STUDENT_BYTES
    warned: bool = False

    @property
    def readable(self) -> set[str]:
        return set(self.wanted) | set(self.topics)

    def allows(self, stem: str, size: int, notes: list[str]) -> bool:
        if stem not in self.readable:
            return False
        if size > self.left:
            if not self.warned:
                notes.append(
                    f"the files add up to more than {MAX_STUDENT_BYTES // 2**20} MB: the rest was ignored"
                )
                self.warned = True
            return False
        self.left -= size
        return True


@dataclass
class _Candidate:
    parts: tuple[str, ...]
    data: bytes
    where: str
    whole_topic: bool = False
    """A notebook named after a topic, standing for each of its modules: a file named after the
    module itself is preferred to it."""


def safe_name(name: str) -> str:
    """A student's name usable as a folder name and a CSV cell.

    Examples
    --------
    >>> safe_name("Ana María / 2")
    'Ana_Mar_a___2'
    >>> safe_name("../..")
    'student'
    """
    cleaned = re.sub(r"[^A-Za-z0-9._@+-]", "_", name).strip("._").lstrip("+-@")  # no CSV formulas
    return cleaned[:80] or "student"


RESERVED = frozenset({"grades.csv", *CLASS_REPORT_FILES})
"""Names of the class-wide files in a batch's output folder: no student's folder takes one."""


def student_id(name: str) -> str:
    """The output folder of the student handed in as ``name``: the same whoever else is in the class.

    A name that is already safe is kept; any other becomes its safe form followed by a short
    digest of the original, so that two names never share a folder.

    Examples
    --------
    >>> student_id("ann_lee")
    'ann_lee'
    >>> student_id("Ann Lee") != student_id("Ann_Lee")
    True
    >>> student_id("José Müller 李")
    'Jos__M_ller-7bfe36'
    >>> student_id("report.html").startswith("report.html-")
    True
    """
    name = unicodedata.normalize("NFC", name)
    safe = safe_name(name)
    if safe == name and safe.lower() not in RESERVED:
        return safe
    return f"{safe[:72]}-{hashlib.sha256(name.encode('utf-8', 'surrogateescape')).hexdigest()[:6]}"


def _is_student(entry: Path) -> bool:
    """A student's entry: a folder, or a ``.zip`` file, or the instructor's link to either.

    The entries of the submissions folder are the instructor's own (a link farm into an LMS
    download, say), so a link there is followed, once; links inside a student's folder never are.
    """
    target = entry.resolve() if entry.is_symlink() else entry
    return target.is_dir() or (target.suffix.lower() == ".zip" and target.is_file())


def why_not_student(entry: Path) -> str:
    """Why an entry of the submissions folder is not graded.

    >>> why_not_student(Path("notes.txt"))
    "not a student's folder or .zip"
    """
    if entry.is_symlink() and not entry.exists():
        return f"a link to {os.readlink(entry)}, which does not exist"
    return "not a student's folder or .zip"


def _entries(submissions: Path, skip: Iterable[Path]) -> list[Path]:
    """The entries of ``submissions``, in name order, without hidden files, junk and ``skip``."""
    skipped = {p.resolve() for p in skip}
    return [
        entry
        for entry in sorted(submissions.iterdir(), key=lambda p: p.name)
        if not entry.name.startswith(".") and entry.name not in _JUNK and entry.resolve() not in skipped
    ]


def not_students(submissions: Path, skip: Iterable[Path] = ()) -> dict[str, str]:
    """The entries of ``submissions`` that are not a student (a stray file), each with why."""
    return {
        entry.name: why_not_student(entry) for entry in _entries(submissions, skip) if not _is_student(entry)
    }


def collect(submissions: Path, exercises: list[Exercise], skip: Iterable[Path] = ()) -> list[Submission]:
    """Every student of the ``submissions`` folder, in name order.

    ``skip`` names folders that are not students though they lie there: the batch's own output
    folder, when it is put inside the submissions.
    """
    result: list[Submission] = []
    taken: set[str] = set()
    for entry in _entries(submissions, skip):
        if not _is_student(entry):
            continue
        name = entry.stem if entry.is_file() else entry.name
        student = student_id(name)
        if student in taken:  # "ann" and "ann.zip": the entry's own full name decides
            digest = hashlib.sha256(entry.name.encode("utf-8", "surrogateescape")).hexdigest()[:6]
            student = f"{safe_name(name)[:72]}-{digest}"
        taken.add(student)
        submission = read_submission(entry.resolve() if entry.is_symlink() else entry, exercises, student)
        submission.name = unicodedata.normalize("NFC", name)
        result.append(submission)
    return result


def read_submission(entry: Path, exercises: list[Exercise], student: str) -> Submission:
    submission = Submission(student, entry)
    candidates: list[_Candidate] = []
    ignored: list[str] = []
    topics: dict[str, list[str]] = {}
    for exercise in exercises:
        topics.setdefault(exercise.topic, []).append(exercise.module)
    budget = _Budget(frozenset(e.module for e in exercises), topics)
    try:
        if entry.is_dir():
            _walk(entry, candidates, ignored, submission.notes, budget)
        else:
            _read_zip(entry, entry.name, candidates, ignored, submission.notes, budget)
    except OSError as error:  # an unreadable folder, a full disk: this student only
        submission.notes.append(f"the submission could not be read completely ({error.strerror or error})")
    _match(candidates, exercises, submission, ignored)
    if ignored:
        shown = ", ".join(ignored[:10]) + (f" and {len(ignored) - 10} more" if len(ignored) > 10 else "")
        submission.notes.append(f"ignored (not an exercise file of this batch): {shown}")
    if not submission.files:
        submission.notes.append(
            "no exercise file found: expected <topic>/<module>.py (the layout of exercises/), "
            "<module>.py files, or a .zip of either"
        )
    return submission


def _walk(
    folder: Path, candidates: list[_Candidate], ignored: list[str], notes: list[str], budget: _Budget
) -> None:
    count = 0
    for current, dirs, files in os.walk(folder, followlinks=False):
        here = Path(current)
        depth = len(here.relative_to(folder).parts)
        dirs[:] = sorted(d for d in dirs if d not in _JUNK and not d.startswith(".") and depth < MAX_DEPTH)
        for name in sorted(files):
            if name in _JUNK or name.startswith("."):
                continue
            count += 1
            if count > MAX_ENTRIES:
                notes.append(f"more than {MAX_ENTRIES} files: the rest were not read")
                return
            path = here / name
            shown = path.relative_to(folder).as_posix()
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                notes.append(f"{shown} is a symbolic link: ignored (submit the file itself)")
                continue
            if not stat.S_ISREG(info.st_mode):
                ignored.append(shown)
                continue
            if name.lower().endswith(".zip"):
                _read_zip(path, shown, candidates, ignored, notes, budget)
                continue
            stem, kind = _stem_and_kind(name)
            if kind is None:
                ignored.append(shown)
                continue
            if info.st_size > MAX_FILE_BYTES:
                notes.append(f"{shown} is larger than {MAX_FILE_BYTES // 2**20} MB: ignored")
                continue
            if not budget.allows(stem, info.st_size, notes):
                if stem not in budget.readable:
                    _ignore(shown, stem, budget, ignored, notes)
                continue
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            _add(candidates, path.relative_to(folder).parts, data, shown, kind, budget, notes)


def _stem_and_kind(name: str) -> tuple[str, str | None]:
    for kind in (".py", ".ipynb"):
        if name.endswith(kind):
            return name[: -len(kind)], kind
    return name, None


def _ignore(shown: str, stem: str, budget: _Budget, ignored: list[str], notes: list[str]) -> None:
    """A module-like file that no exercise is named after: ignored, with the name it likely meant."""
    meant = near_miss(stem, budget.wanted)
    if meant is None:
        ignored.append(shown)
    else:
        notes.append(f"{shown} was not graded: rename it {meant}.py (or {meant}.ipynb) to have it graded")


def _add(
    candidates: list[_Candidate],
    parts: tuple[str, ...],
    data: bytes,
    where: str,
    kind: str | None,
    budget: _Budget,
    notes: list[str],
) -> None:
    """A module (or a notebook's code cells, as the module it is named after, or every module of
    the topic it is named after) to match against the exercises."""
    if kind == ".ipynb":
        try:
            data = notebook_source(data).encode("utf-8")
        except NotANotebook as error:
            notes.append(f"{where} is {error}: ignored")
            return
    stem = parts[-1][: -len(kind or "")]
    modules = budget.topics.get(stem, []) if stem not in budget.wanted else [stem]
    whole_topic = stem not in budget.wanted
    for module in modules:
        folder = (stem,) if stem in budget.topics else parts[:-1]
        candidates.append(_Candidate((*folder, f"{module}.py"), data, where, whole_topic))


def _read_zip(
    path: Path,
    shown: str,
    candidates: list[_Candidate],
    ignored: list[str],
    notes: list[str],
    budget: _Budget,
) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
        notes.append(f"{shown} is not a readable zip file ({error}): nothing in it was graded")
        return
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            notes.append(f"{shown} holds more than {MAX_ENTRIES} entries: nothing in it was graded")
            return
        total = 0
        for info in infos:
            name = info.filename
            pure = PurePosixPath(name.replace("\\", "/"))
            if info.is_dir():
                continue
            if pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", name):
                notes.append(f"{shown} holds an unsafe path {name!r} (outside the archive): ignored")
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                notes.append(f"{shown} holds a symbolic link {name!r}: ignored")
                continue
            parts = tuple(p for p in pure.parts if p not in ("", "."))
            if any(p in _JUNK or p.startswith(".") for p in parts) or len(parts) > MAX_DEPTH:
                continue
            where = f"{shown}:{'/'.join(parts)}"
            stem, kind = _stem_and_kind(parts[-1])
            if kind is None:
                ignored.append(where)
                continue
            if info.file_size > MAX_FILE_BYTES:
                notes.append(f"{where} is larger than {MAX_FILE_BYTES // 2**20} MB: ignored")
                continue
            if not budget.allows(stem, info.file_size, notes):
                if stem not in budget.readable:
                    _ignore(where, stem, budget, ignored, notes)
                continue
            total += info.file_size
            if total > MAX_ZIP_BYTES:
                notes.append(
                    f"{shown} unpacks to more than {MAX_ZIP_BYTES // 2**20} MB: the rest was ignored"
                )
                return
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_FILE_BYTES + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as error:
                notes.append(f"{where} cannot be unpacked ({error}): ignored")
                continue
            if len(data) > MAX_FILE_BYTES:
                notes.append(f"{where} is larger than {MAX_FILE_BYTES // 2**20} MB: ignored")
                continue
            _add(candidates, parts, data, where, kind, budget, notes)


def _match(
    candidates: list[_Candidate], exercises: list[Exercise], submission: Submission, ignored: list[str]
) -> None:
    by_module = {e.module: e for e in exercises}
    found: dict[str, list[tuple[int, _Candidate]]] = {}
    for candidate in candidates:
        stem = candidate.parts[-1][:-3]
        exercise = by_module.get(stem)
        if exercise is None:
            ignored.append(candidate.where)
            continue
        in_topic = len(candidate.parts) >= 2 and candidate.parts[-2] == exercise.topic
        rank = (candidate.whole_topic, 0 if in_topic else 1, len(candidate.parts))
        found.setdefault(exercise.key, []).append((rank, candidate))  # type: ignore[arg-type]
    for key, options in found.items():
        options.sort(key=lambda o: o[0])
        chosen = options[0][1]
        submission.files[key] = chosen.data
        if len(options) > 1:
            others = ", ".join(o[1].where for o in options[1:])
            submission.notes.append(f"several files for {key}: graded {chosen.where}, not {others}")
        try:
            read_source(chosen.data)  # as Python reads it: a BOM or a coding line is fine
        except (UnicodeDecodeError, SyntaxError, LookupError):
            submission.notes.append(
                f"{chosen.where} is not UTF-8 text (nor in the encoding its coding line names), "
                "so it cannot be graded"
            )
