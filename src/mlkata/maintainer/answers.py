"""``mlkata dev answers``: the shipped reference-answer store, made from the real libraries.

Every grader is run against the solutions, and ``pytest exercises`` in a new learner
workspace of untouched stubs (the inputs a learner's first runs meet), each in a fresh
interpreter, with the store recording (``MLKATA_ANSWERS=record``): each answer a
:func:`~mlkata.grading.memo.cached_reference` computes is written to a new file, which then
replaces ``src/mlkata/answers.sqlite3`` (:data:`mlkata.grading.answers.SHIPPED`). The test
suite checks the file against live calls (``MLKATA_ANSWERS=verify``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from mlkata import workspace


def _env(into: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "MLKATA_ANSWERS": "record",
        "MLKATA_ANSWERS_WRITE": str(into),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("PYTEST_ADDOPTS", None)
    return env


def record(root: Path, target: Path, into: Path, graders: list[str] | None = None) -> int:
    """Run the graders (``graders/`` or those named) on ``target``, recording answers ``into``.

    Returns pytest's exit code.
    """
    command = [sys.executable, "-m", "pytest", *(graders or ["graders"]), "--target", str(target)]
    command += ["-q", "-p", "no:cacheprovider", "--no-record"]
    return subprocess.run(command, cwd=root, env=_env(into), capture_output=True, check=False).returncode


def record_first_runs(root: Path, folder: Path, into: Path) -> int:
    """Run ``pytest exercises`` in a new learner workspace at ``folder``, recording answers ``into``.

    A learner's run of untouched stubs meets inputs a ``--target`` run does not (a stub's call
    returns its "not implemented" outcome, and the check goes on to its reference), so the
    first runs are recorded the way a learner makes them. Returns pytest's exit code (1: the
    stubs fail).
    """
    workspace.init(folder, pack=root)
    command = [sys.executable, "-m", "pytest", "exercises", "-q", "-p", "no:cacheprovider", "--no-record"]
    return subprocess.run(command, cwd=folder, env=_env(into), capture_output=True, check=False).returncode


def make_answers(root: Path, output: Path) -> tuple[int, dict[str, str]]:
    """Write a fresh store to ``output``: ``(answers, library versions)``.

    Raises
    ------
    RuntimeError
        When the graders fail on the solutions (a broken grader records wrong answers).
    """
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "answers.sqlite3"
        code = record(root, root / "solutions", fresh)
        if code != 0:
            raise RuntimeError(f"the graders fail on the solutions (pytest exit {code}): fix them first")
        record_first_runs(root, Path(tmp) / "workspace", fresh)
        with sqlite3.connect(fresh) as connection:
            count = connection.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
            versions = dict(connection.execute("SELECT name, value FROM meta").fetchall())
            connection.execute("VACUUM")
        connection.close()
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fresh, output)
    return count, versions
