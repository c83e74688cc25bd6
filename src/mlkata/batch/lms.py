"""Grades for an LMS: a Canvas gradebook import CSV and a Moodle grade import CSV.

Both are made from a batch's ``grades.csv`` (:func:`mlkata.batch.report.write_grades`) and
the class roster (:mod:`mlkata.batch.roster`), one row per roster member, in roster order.
A graded student is matched to the roster by the id, email or name ``grades.csv`` has for
them, as ``mlkata grade --roster`` matches a submission (and by a Canvas export's ``SIS User
ID`` or ``SIS Login ID``). Nothing is lost: a graded student on no row of the roster is left
out of the import (an LMS cannot place them) and written, with their grade, to
``<out>-not-on-roster.csv`` beside it; a roster member with no graded submission (``mlkata
grade --roster`` gave them a row of zeros, "no submission", or none) gets 0, or an empty cell
with ``missing="blank"``; :class:`Export` names both.

- **Canvas** (Grades, Import): the columns ``Student``, ``ID``, ``SIS User ID``,
  ``SIS Login ID``, ``Section``, then ``<assignment> (<assignment id>)`` (the name alone makes
  a new assignment), and a first row ``Points Possible``. Canvas matches students by ``ID``,
  ``SIS User ID`` or ``SIS Login ID``: a roster that is Canvas's own gradebook export keeps
  every column as Canvas wrote it; from a ``name,id,email`` roster, ``id`` is the ``SIS User ID``.
- **Moodle** (Grades, Import, CSV file): an identifier column, ``email`` (the roster's email)
  or ``idnumber`` (its id), to map to that user field, and the grade column.

>>> import io
>>> entries = roster_entries(io.StringIO("name,id,email\\nAnn Lee,s042,ann@uni.edu\\nBo Chen,s043,\\n"))
>>> export = moodle_export([GradeRow("ann_lee", "Ann Lee", "", "", 38)], entries, "ps1")
>>> export.rows, [m.name for m in export.no_grade], [m.name for m in export.no_identifier]
([['email', 'ps1'], ['ann@uni.edu', '38']], ['Bo Chen'], ['Bo Chen'])
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from mlkata.batch.roster import Member, Roster, read_roster

CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
MOODLE_IDENTIFIERS = ("email", "idnumber")
MISSING = ("zero", "blank")
"""What a roster member without a grade gets: 0, or an empty cell (the LMS keeps what it has)."""


class GradesError(ValueError):
    """``grades.csv`` cannot be read (not one ``mlkata grade`` wrote)."""


@dataclass(frozen=True)
class GradeRow:
    """One student's row of ``grades.csv``."""

    student: str
    """Their results folder; empty for a roster member who handed nothing in."""
    name: str
    id: str
    email: str
    total: float
    notes: str = ""


@dataclass(frozen=True)
class RosterEntry:
    """A roster member and the row's other columns (``Section``, ``SIS User ID``, ...)."""

    member: Member
    columns: dict[str, str] = field(default_factory=dict)
    """Every column of the row, by its header casefolded."""


@dataclass
class Export:
    """An import file's rows and who is not in it as they are in the roster."""

    rows: list[list[str]]
    not_on_roster: list[GradeRow] = field(default_factory=list)
    """Graded students whom no roster row matches: left out of the import."""
    no_grade: list[Member] = field(default_factory=list)
    """Roster members with no graded submission in grades.csv (given 0, or an empty cell)."""
    no_identifier: list[Member] = field(default_factory=list)
    """Moodle: roster members without the identifier (no email): left out of the import."""
    duplicates: list[str] = field(default_factory=list)
    """Roster members matched by several graded students: the highest total is exported."""
    exported: int = 0


def _number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _text(cell: str) -> str:
    """A cell as ``grades.csv`` stored it: a leading ``'`` guards a formula-like text."""
    return cell[1:] if cell[:2] in ("'=", "'+", "'-", "'@") else cell


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def read_grades(handle: TextIO) -> tuple[list[GradeRow], float]:
    """The students of a ``grades.csv`` and the maximum score (its ``(max)`` row).

    Raises
    ------
    GradesError
        When a column (``name``, ``total``, ``max_score``) or the ``(max)`` row is missing.
    """
    reader = csv.DictReader(handle)
    needed = {"student", "name", "id", "email", "total", "max_score"}
    if not needed <= set(reader.fieldnames or ()):
        missing = ", ".join(sorted(needed - set(reader.fieldnames or ())))
        raise GradesError(f"not a grades.csv of mlkata grade: no column {missing}")
    rows, most = [], None
    for line, row in enumerate(reader, start=2):
        try:
            if row["student"] == "(max)":
                most = _number(row["max_score"])
                continue
            rows.append(
                GradeRow(
                    row["student"],
                    _text(row["name"]),
                    _text(row["id"]),
                    _text(row["email"]),
                    _number(row["total"]),
                    _text(row.get("notes") or ""),
                )
            )
        except (TypeError, ValueError):
            raise GradesError(f"line {line} of grades.csv has no number in total or max_score") from None
    if most is None:
        raise GradesError("grades.csv has no (max) row: it holds no graded student")
    return rows, most


def roster_entries(handle: TextIO) -> list[RosterEntry]:
    """The roster's members (:func:`~mlkata.batch.roster.read_roster`) with their rows' columns.

    A Canvas gradebook export serves as a roster (its ``Student`` column is the name); its
    ``Points Possible`` row is not a member.
    """
    text = handle.read()
    roster = read_roster(io.StringIO(text))
    reader = csv.DictReader(io.StringIO(text))
    fields = {(f or "").strip().casefold(): f for f in reader.fieldnames or []}
    name_field = fields.get("name") or fields.get("student")
    rows = [row for row in reader if (row.get(name_field) or "").strip()]  # the rows read_roster keeps
    return [
        RosterEntry(member, {key: (row.get(original) or "").strip() for key, original in fields.items()})
        for member, row in zip(roster.members, rows, strict=True)
        if member.name.casefold() != "points possible"  # the second row of Canvas's own export
    ]


def match(grades: list[GradeRow], entries: list[RosterEntry]) -> tuple[dict[int, GradeRow], Export]:
    """Each roster entry's grade (by index) and an :class:`Export` naming who matched nothing."""
    roster = Roster([e.member for e in entries])
    index = {id(e.member): i for i, e in enumerate(entries)}
    found: dict[int, GradeRow] = {}
    export = Export([])
    logins = {}  # Canvas's own columns: a submission named by its SIS User ID or SIS Login ID
    for entry in entries:
        for column in ("sis user id", "sis login id"):
            if entry.columns.get(column):
                logins.setdefault(entry.columns[column].casefold(), entry.member)
    for row in grades:
        if not row.student:  # the row of zeros of a roster member who handed nothing in
            continue
        keys = [k for k in (row.id, row.email, row.name) if k]
        member = next((m for k in keys if (m := roster.find(k)) is not None), None)
        member = member or next(
            (logins[k.strip().casefold()] for k in keys if k.strip().casefold() in logins), None
        )
        if member is None:
            export.not_on_roster.append(row)
            continue
        at = index[id(member)]
        if at in found:
            export.duplicates.append(
                f"{member.name}: {found[at].student or 'no submission'} ({_shown(found[at].total)}) "
                f"and {row.student or 'no submission'} ({_shown(row.total)})"
            )
            if row.total <= found[at].total:
                continue
        found[at] = row
    export.no_grade = [e.member for i, e in enumerate(entries) if i not in found]
    return found, export


def _grade(row: GradeRow | None, missing: str) -> str:
    if row is not None:
        return _shown(row.total)
    return "0" if missing == "zero" else ""


def canvas_export(
    grades: list[GradeRow],
    max_score: float,
    entries: list[RosterEntry],
    assignment: str,
    assignment_id: str = "",
    missing: str = "zero",
) -> Export:
    """The rows of a Canvas gradebook import: a header, ``Points Possible``, one per member."""
    found, export = match(grades, entries)
    header = f"{assignment} ({assignment_id})" if assignment_id else assignment
    export.rows = [[*CANVAS_COLUMNS, header], ["Points Possible", "", "", "", "", _shown(max_score)]]
    for i, entry in enumerate(entries):
        columns, member = entry.columns, entry.member
        if "sis user id" in columns:  # Canvas's own export: every column as Canvas wrote it
            ids = [columns.get("id", ""), columns["sis user id"], columns.get("sis login id", "")]
        else:
            ids = ["", member.id, columns.get("sis login id", "")]
        cells = [member.name, *ids, columns.get("section", "")]
        export.rows.append([*(_cell(c) for c in cells), _grade(found.get(i), missing)])
        export.exported += 1
    return export


def moodle_export(
    grades: list[GradeRow],
    entries: list[RosterEntry],
    assignment: str,
    identifier: str = "email",
    missing: str = "zero",
) -> Export:
    """The rows of a Moodle grade import: ``email`` (or ``idnumber``) and the grade."""
    if identifier not in MOODLE_IDENTIFIERS:
        raise ValueError(f"identifier {identifier!r} is not one of {', '.join(MOODLE_IDENTIFIERS)}")
    found, export = match(grades, entries)
    export.rows = [[identifier, assignment]]
    for i, entry in enumerate(entries):
        key = entry.member.email if identifier == "email" else entry.member.id
        if not key:
            export.no_identifier.append(entry.member)
            continue
        export.rows.append([_cell(key), _grade(found.get(i), missing)])
        export.exported += 1
    return export


def side_file(out: Path) -> Path:
    """Where the graded students not on the roster are written, beside ``out``."""
    return out.with_name(f"{out.stem}-not-on-roster.csv")


def write_export(export: Export, out: Path, max_score: float) -> Path | None:
    """Write the import file (atomically) and, if any, the students not on the roster.

    Returns the file of students not on the roster, or ``None`` (and an old one is removed).
    """
    from mlkata.engine.files import atomic_write

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(export.rows)
    atomic_write(out, buffer.getvalue())
    extra = side_file(out)
    if not export.not_on_roster:
        extra.unlink(missing_ok=True)
        return None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "name", "id", "email", "total", "max_score", "notes"])
    for row in export.not_on_roster:
        cells = [row.student, row.name, row.id, row.email]
        writer.writerow([*(_cell(c) for c in cells), _shown(row.total), _shown(max_score), _cell(row.notes)])
    atomic_write(extra, buffer.getvalue())
    return extra
