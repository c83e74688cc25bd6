"""The learner's progress: every grading, hints revealed and drills, in one SQLite file.

Levels reached (:mod:`mlkata.learner.levels`: ★ correct, ★★ robust, ★★★ fast) are kept per
exercise, each with when it was first reached.

The file is ``progress.sqlite3`` in the user's data folder (``platformdirs``), or in
``MLKATA_DATA_DIR`` when set; ``MLKATA_DB`` names the file itself. A file that is not
an mlkata database, or one another program holds locked, raises :class:`ProgressError`
with a message naming the file and what to do; mlkata never deletes or rewrites it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

SCHEMA_VERSION = 2
"""Stored as ``PRAGMA user_version``; bump it with a migration when the tables change."""

LOCK_TIMEOUT = 2.0
"""Seconds to wait for another program's lock before giving up."""

_TABLES = """
CREATE TABLE gradings (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    exercise TEXT NOT NULL,
    score INTEGER NOT NULL,
    max_score INTEGER NOT NULL,
    passed INTEGER NOT NULL,
    content_hash TEXT,
    grader_hash TEXT,
    source TEXT NOT NULL
);
CREATE INDEX gradings_by_exercise ON gradings (exercise, id);
CREATE TABLE hints (
    exercise TEXT PRIMARY KEY,
    revealed INTEGER NOT NULL
);
CREATE TABLE drills (
    id INTEGER PRIMARY KEY,
    seed INTEGER NOT NULL,
    exercises TEXT NOT NULL,
    minutes REAL NOT NULL,
    folder TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,
    seconds REAL,
    score INTEGER,
    max_score INTEGER,
    results TEXT
);
"""

_MIGRATIONS = {
    2: """
CREATE TABLE levels (
    exercise TEXT NOT NULL,
    level INTEGER NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (exercise, level)
);
""",
}
"""Schema version -> the statements that bring a file of the version before up to it."""


class ProgressError(Exception):
    """The progress file cannot be used; ``str(error)`` says which file and what to do."""


def data_dir() -> Path:
    """The folder for mlkata's own files: ``MLKATA_DATA_DIR``, else the user's data folder."""
    env = os.environ.get("MLKATA_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("mlkata", appauthor=False))


def database_path() -> Path:
    """The progress file: ``MLKATA_DB``, else ``progress.sqlite3`` in :func:`data_dir`."""
    env = os.environ.get("MLKATA_DB")
    return Path(env).expanduser() if env else data_dir() / "progress.sqlite3"


def now() -> str:
    """The current time as stored: ISO 8601, UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class NewGrading:
    """A grading to record: the time and source are the recorder's."""

    exercise: str
    score: int
    max_score: int
    passed: bool
    content_hash: str | None
    grader_hash: str | None


@dataclass(frozen=True)
class Grading(NewGrading):
    """A recorded grading: also when, and by what (``check``, ``pytest``, ``drill``)."""

    at: str
    source: str


def _grading(row: tuple) -> Grading:
    """A ``gradings`` row, selected as :data:`_GRADING_COLUMNS`."""
    at, exercise, score, max_score, passed, content_hash, grader_hash, source = row
    return Grading(exercise, score, max_score, bool(passed), content_hash, grader_hash, at, source)


_GRADING_COLUMNS = "at, exercise, score, max_score, passed, content_hash, grader_hash, source"


@dataclass(frozen=True)
class Drill:
    id: int
    seed: int
    exercises: list[str]
    minutes: float
    folder: str
    started: str
    finished: str | None
    seconds: float | None
    score: int | None
    max_score: int | None
    results: dict[str, list[int]]
    """Per exercise: ``[score, max_score]``."""


def _explain(path: Path, error: sqlite3.Error) -> ProgressError:
    text = str(error)
    keep = "Your exercise files are not affected."
    if "locked" in text or "busy" in text:
        return ProgressError(
            f"The progress file {path} is locked by another program (another mlkata, or a "
            f"database browser holding a write transaction). Close it and run the command "
            f"again. {keep}"
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return ProgressError(
            f"The progress file {path} is not a readable mlkata database ({text}). mlkata "
            f"leaves it as it is: move it away (mv '{path}' '{path}.broken') to start a fresh "
            f"progress file, or set MLKATA_DB to another file. {keep}"
        )
    return ProgressError(
        f"The progress file {path} cannot be used ({text}). Check that its folder exists and "
        f"is writable, or set MLKATA_DB (or MLKATA_DATA_DIR) to another place. {keep}"
    )


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once (``BEGIN IMMEDIATE``); rolled back on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _run(connection: sqlite3.Connection, statements: str) -> None:
    for statement in statements.split(";"):
        if statement.strip():
            connection.execute(statement)


class Progress:
    """Read and write the progress file; every method opens, works and closes."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or database_path()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if self.path.is_dir():
            raise ProgressError(
                f"The progress file {self.path} is a folder; set MLKATA_DB to a file name. "
                "Your exercise files are not affected."
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProgressError(
                f"Cannot create the folder of the progress file {self.path} ({error}); "
                "set MLKATA_DATA_DIR or MLKATA_DB to a writable place. Your exercise files are not affected."
            ) from None
        connection = None
        try:
            connection = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, isolation_level=None)
            self._prepare(connection)
            yield connection
        except sqlite3.Error as error:
            raise _explain(self.path, error) from None
        finally:
            if connection is not None:
                connection.close()

    def _prepare(self, connection: sqlite3.Connection) -> None:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise ProgressError(
                f"The progress file {self.path} was written by a newer mlkata (schema {version}, "
                f"this one knows {SCHEMA_VERSION}): upgrade mlkata, or set MLKATA_DB to another file."
            )
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version == 0 and tables:
            raise ProgressError(
                f"The file {self.path} is an SQLite database but not mlkata's progress file; mlkata "
                "leaves it alone. Set MLKATA_DB to another file."
            )
        with _transaction(connection):
            found = connection.execute("PRAGMA user_version").fetchone()[0]  # another may have gone first
            if found == 0:
                _run(connection, _TABLES)
                found = 1
            for step in range(found + 1, SCHEMA_VERSION + 1):
                _run(connection, _MIGRATIONS[step])
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def check(self) -> None:
        """Open the file once, so that a problem shows before any work is done."""
        with self._connect():
            pass

    # --- gradings -------------------------------------------------------------------------

    def record_grading(
        self,
        exercise: str,
        score: int,
        max_score: int,
        passed: bool,
        *,
        content_hash: str | None,
        grader_hash: str | None,
        source: str = "check",
    ) -> None:
        grading = NewGrading(exercise, score, max_score, passed, content_hash, grader_hash)
        self.record_gradings([grading], source=source)

    def record_gradings(self, gradings: list[NewGrading], source: str) -> None:
        """Record ``gradings`` at once, in one transaction, all at the same time."""
        at = now()
        rows = [
            (at, g.exercise, g.score, g.max_score, int(g.passed), g.content_hash, g.grader_hash, source)
            for g in gradings
        ]
        with self._connect() as db, _transaction(db):  # one write to disk for them all
            db.executemany(f"INSERT INTO gradings ({_GRADING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def gradings(self, source: str | None = None) -> list[Grading]:
        """Every grading recorded, oldest first (only those of ``source`` when given)."""
        query = f"SELECT {_GRADING_COLUMNS} FROM gradings"
        args: tuple = ()
        if source is not None:
            query += " WHERE source = ?"
            args = (source,)
        with self._connect() as db:
            rows = db.execute(query + " ORDER BY id", args).fetchall()
        return [_grading(r) for r in rows]

    def latest_gradings(self) -> dict[str, Grading]:
        """The last grading of each exercise's own file (drills excluded)."""
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {_GRADING_COLUMNS} FROM gradings WHERE id IN "
                "(SELECT max(id) FROM gradings WHERE source != 'drill' GROUP BY exercise)"
            ).fetchall()
        return {r[1]: _grading(r) for r in rows}

    # --- levels ---------------------------------------------------------------------------

    def record_level(self, exercise_key: str, level: int) -> None:
        """Record that ``exercise_key`` reached ``level`` (1 ★, 2 ★★, 3 ★★★; 0 records nothing).

        A level already reached keeps the time it was first reached.
        """
        self.record_levels({exercise_key: level})

    def record_levels(self, levels: dict[str, int]) -> None:
        """Record the levels reached by several exercises at once, in one transaction."""
        rows = [(key, level, now()) for key, level in levels.items() if level > 0]
        if not rows:
            return
        with self._connect() as db, _transaction(db):
            db.executemany("INSERT OR IGNORE INTO levels (exercise, level, at) VALUES (?, ?, ?)", rows)

    def best_levels(self) -> dict[str, int]:
        """The best level each exercise ever reached (exercise key -> 1, 2 or 3); none: absent."""
        with self._connect() as db:
            rows = db.execute("SELECT exercise, max(level) FROM levels GROUP BY exercise").fetchall()
        return {exercise: int(level) for exercise, level in rows}

    def levels_reached(self) -> list[tuple[str, str, int]]:
        """``(at, exercise, level)`` for each level each exercise reached, first reached first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT at, exercise, level FROM levels ORDER BY at, exercise, level"
            ).fetchall()
        return [(at, exercise, int(level)) for at, exercise, level in rows]

    # --- hints ----------------------------------------------------------------------------

    def hints_revealed(self, exercise: str) -> int:
        with self._connect() as db:
            row = db.execute("SELECT revealed FROM hints WHERE exercise = ?", (exercise,)).fetchone()
        return int(row[0]) if row else 0

    def reveal_hint(self, exercise: str, available: int) -> int:
        """Reveal one more hint of ``exercise`` (at most ``available``); the new count."""
        with self._connect() as db, _transaction(db):
            row = db.execute("SELECT revealed FROM hints WHERE exercise = ?", (exercise,)).fetchone()
            count = min((int(row[0]) if row else 0) + 1, available)
            db.execute(
                "INSERT INTO hints (exercise, revealed) VALUES (?, ?) "
                "ON CONFLICT (exercise) DO UPDATE SET revealed = excluded.revealed",
                (exercise, count),
            )
        return count

    # --- drills ---------------------------------------------------------------------------

    def start_drill(self, seed: int, exercises: list[str], minutes: float, folder: Path) -> int:
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO drills (seed, exercises, minutes, folder, started) VALUES (?, ?, ?, ?, ?)",
                (seed, json.dumps(exercises), minutes, str(folder), now()),
            )
            return int(cursor.lastrowid or 0)

    def finish_drill(self, drill_id: int, seconds: float, results: dict[str, tuple[int, int]]) -> None:
        score = sum(s for s, _ in results.values())
        most = sum(m for _, m in results.values())
        with self._connect() as db:
            db.execute(
                "UPDATE drills SET finished = ?, seconds = ?, score = ?, max_score = ?, results = ? "
                "WHERE id = ?",
                (now(), seconds, score, most, json.dumps({k: list(v) for k, v in results.items()}), drill_id),
            )

    def drills(self) -> list[Drill]:
        """Every drill, oldest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, seed, exercises, minutes, folder, started, finished, seconds, score, "
                "max_score, results FROM drills ORDER BY id"
            ).fetchall()
        return [
            Drill(
                r[0],
                r[1],
                json.loads(r[2]),
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                json.loads(r[10] or "{}"),
            )
            for r in rows
        ]

    # --- quiz answers ---------------------------------------------------------------------

    def record_answer(self, answer: NewAnswer) -> None:
        """Record one answer to a quiz question, now."""
        row = (now(), answer.question, answer.exercise, answer.text, answer.given, int(answer.correct))
        with self._connect() as db, _transaction(db):
            db.execute(_QUIZ_TABLE)
            db.execute(
                "INSERT INTO quiz (at, question, exercise, text, given, correct) VALUES (?, ?, ?, ?, ?, ?)",
                row,
            )

    def answers(self) -> list[Answer]:
        """Every quiz answer recorded, oldest first."""
        with self._connect() as db:
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'quiz'").fetchone():
                return []
            rows = db.execute(
                "SELECT question, exercise, text, given, correct, at FROM quiz ORDER BY id"
            ).fetchall()
        return [Answer(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]


_QUIZ_TABLE = """
CREATE TABLE IF NOT EXISTS quiz (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    question TEXT NOT NULL,
    exercise TEXT NOT NULL,
    text TEXT NOT NULL,
    given TEXT NOT NULL,
    correct INTEGER NOT NULL
)
"""
"""Made when the first answer is recorded, so files of schema 1 gain it without a migration."""


@dataclass(frozen=True)
class NewAnswer:
    """An answer to a quiz question, to record (the time is the recorder's)."""

    question: str
    """The question's id: stable across runs (see :func:`mlkata.learner.quiz.question_id`)."""
    exercise: str
    text: str
    """The question as asked."""
    given: str
    correct: bool


@dataclass(frozen=True)
class Answer(NewAnswer):
    """A recorded quiz answer: also when."""

    at: str
