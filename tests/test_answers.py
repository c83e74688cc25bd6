"""The reference-answer store: shipped answers equal live calls, and spare the imports."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zlib

import numpy as np
import pytest

from mlkata.grading import answers
from mlkata.grading.memo import cached_reference
from mlkata.grading.references import LazyReference
from tests.helpers import ROOT


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "120", **extra}
    env.pop("PYTEST_ADDOPTS", None)
    return env


def test_answers_round_trip_exactly():
    values = (
        1.5,
        float("nan"),
        -np.inf,
        np.float32(0.1),
        np.arange(6, dtype=np.int16).reshape(2, 3),
        {"a": [1, (2.0, None)], "b": np.array([True, False])},
        "text",
    )
    back = answers.decode(answers.encode(values))
    assert answers.same(back, values) and type(back[3]) is np.float32 and back[4].dtype == np.int16
    with pytest.raises(answers.Unstorable):
        answers.encode({1: "an int key"})


def test_a_reference_is_computed_once_across_processes(tmp_path, monkeypatch):
    """The user's store keeps an answer for the next run; another library version is another key."""
    monkeypatch.setenv("MLKATA_DATA_DIR", str(tmp_path))
    source = tmp_path / "grader_like.py"
    source.write_text("calls = []\ndef reference(y):\n    calls.append(1)\n    return [v * 2 for v in y]\n")
    namespace: dict = {}
    exec(compile(source.read_text(), str(source), "exec"), namespace)
    first = cached_reference(namespace["reference"])
    assert first([1.0, 2.0]) == [2.0, 4.0] and namespace["calls"] == [1]
    second = cached_reference(namespace["reference"])  # a new process: a new memo, the same store
    assert second([1.0, 2.0]) == [2.0, 4.0] and namespace["calls"] == [1]
    assert (tmp_path / "answers.sqlite3").is_file()
    source.write_text(source.read_text() + "# edited\n")  # the reference's code changed: not its answers
    answers._file.cache_clear()
    assert cached_reference(namespace["reference"])([1.0, 2.0]) == [2.0, 4.0] and namespace["calls"] == [1, 1]
    monkeypatch.setenv("MLKATA_ANSWERS", "off")
    assert cached_reference(namespace["reference"])([1.0, 2.0]) == [2.0, 4.0] and len(namespace["calls"]) == 3


def test_a_direct_library_call_is_answered_from_the_store(tmp_path, monkeypatch):
    monkeypatch.setenv("MLKATA_DATA_DIR", str(tmp_path))
    expit = LazyReference("scipy.special", "expit")
    assert float(expit(0.0)) == 0.5
    key = answers.key_of("call:scipy.special.expit", answers.store().versions(frozenset({"scipy"})), b"")
    assert len(key) == 40
    with sqlite3.connect(tmp_path / "answers.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1
    fresh = LazyReference("scipy.special", "expit")
    assert float(fresh(0.0)) == 0.5 and "imported when first used" in repr(fresh)  # not imported for it


def test_verify_fails_on_a_stored_answer_that_is_not_the_live_one(tmp_path, monkeypatch):
    monkeypatch.setenv("MLKATA_DATA_DIR", str(tmp_path))
    expit = LazyReference("scipy.special", "expit")
    expit(0.0)
    with sqlite3.connect(tmp_path / "answers.sqlite3") as db:
        db.execute("UPDATE answers SET answer = ?", (zlib.compress(b'{"scalar":["<f8",[],"AAAAAAAA8D8="]}'),))
    answers._store_for.cache_clear()
    assert float(LazyReference("scipy.special", "expit")(0.0)) == 1.0  # the store is trusted...
    monkeypatch.setenv("MLKATA_ANSWERS", "verify")
    with pytest.raises(AssertionError, match="is not the live"):
        LazyReference("scipy.special", "expit")(0.0)  # ...but checked on demand


@pytest.mark.parametrize("garbage", ["text, not a blob", b"not zlib", zlib.compress(b"{not json")])
def test_a_row_another_version_wrote_is_computed_again(tmp_path, monkeypatch, garbage):
    """A user's store outlives mlkata versions: a row this one cannot read is a miss, then replaced."""
    monkeypatch.setenv("MLKATA_DATA_DIR", str(tmp_path))
    answers._store_for.cache_clear()
    expit = LazyReference("scipy.special", "expit")
    expit(0.0)
    with sqlite3.connect(tmp_path / "answers.sqlite3") as db:
        db.execute("UPDATE answers SET answer = ?", (garbage,))
    answers._store_for.cache_clear()
    assert float(LazyReference("scipy.special", "expit")(0.0)) == 0.5
    with sqlite3.connect(tmp_path / "answers.sqlite3") as db:
        assert db.execute("SELECT typeof(answer) FROM answers").fetchall() == [("blob",)]


def test_the_shipped_answers_are_those_of_live_calls():
    """Every grader on the solutions, each stored answer it meets checked against a live call."""
    assert answers.SHIPPED.is_file(), "run `mlkata dev answers`"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "graders", "--target", "solutions", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env=_env(MLKATA_ANSWERS="verify", MLKATA_DATA_DIR=os.environ["MLKATA_DATA_DIR"] + "-verify"),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "is not the live" not in result.stdout


def test_a_second_run_of_a_topic_imports_no_reference_library(learner_checkout):
    """The shipped answers cover a learner's first run of losses: scikit-learn is never imported.

    Stale after an edit of a grader or of mlkata.grading: run `mlkata dev answers`.
    """
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "pytest",
            "exercises/losses",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=learner_checkout,
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(),
    )
    assert "not implemented yet" in result.stdout, result.stdout + result.stderr[-2000:]
    imported = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert not imported & {"sklearn", "scipy"}, "the shipped answers are stale: run `mlkata dev answers`"
