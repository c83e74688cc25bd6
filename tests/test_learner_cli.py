"""The learner's commands, driven as a learner would: `mlkata list`, `check`, `hint`, ...

Each test works in a fresh copy of the project (the losses topic, stubs just generated)
with its own data folder, through typer's CliRunner or, for watch and drill, a real
subprocess of the `mlkata` command.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlkata import stubs
from mlkata.cli import app
from mlkata.learner import progress as progress_module
from mlkata.learner.drill import choose
from mlkata.learner.progress import Progress
from tests.helpers import ROOT

TOPIC = "losses"
LOSSES = [
    "mean_absolute_error",
    "mean_squared_error",
    "huber_loss",
    "log_loss",
    "cross_entropy",
    "cross_entropy_from_logits",
    "hinge_loss",
]
HINGE_WITHOUT_MAX = (
    "import numpy as np\n\n\n"
    "def hinge_loss(y_true, decision):\n"
    "    return float(np.mean(1 - np.asarray(y_true) * np.asarray(decision)))\n"
)
MAE_WITH_A_LOOP = (
    "import numpy as np\n\n\n"
    "def mean_absolute_error(y_true, y_pred):\n"
    "    y_true = np.asarray(y_true, dtype=float)\n"
    "    y_pred = np.asarray(y_pred, dtype=float)\n"
    "    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:\n"
    "        raise ValueError('expected two 1-D inputs of one length')\n"
    "    total = 0.0\n"
    "    for t, p in zip(y_true.tolist(), y_pred.tolist()):\n"
    "        total += abs(t - p)\n"
    "    return total / len(y_true)\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new learner's checkout of the losses topic, with an empty data folder.

    Only the losses topic is linked in, so that topics being written elsewhere cannot
    change what these tests see.
    """
    root = tmp_path / "mlkata"
    for folder in ("solutions", "graders"):
        (root / folder).mkdir(parents=True)
        (root / folder / TOPIC).symlink_to(ROOT / folder / TOPIC)
    stubs.generate(root=root)
    monkeypatch.setenv("MLKATA_ROOT", str(root))
    monkeypatch.setenv("MLKATA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MLKATA_DB", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(root)
    return root


def mlkata(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def solve(root: Path, module: str) -> Path:
    target = root / "exercises" / TOPIC / f"{module}.py"
    shutil.copy(ROOT / "solutions" / TOPIC / f"{module}.py", target)
    return target


def exercise_files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "exercises" / TOPIC).iterdir())}


def state_of(output: str, module: str) -> str:
    match = re.search(rf"^\s*\d+\s+{module}\s+[★☆]{{3}}\s+\S+\s+(.+?)\s*$", output, re.MULTILINE)
    assert match, output
    return match.group(1)


# --- list ----------------------------------------------------------------------------------------


def test_list_on_a_fresh_checkout_shows_everything_not_started(project):
    for args in ([], ["list"]):
        result = mlkata(*args)
        assert result.exit_code == 0, result.output
        assert "Welcome to mlkata" in result.output
        for number, module in enumerate(LOSSES, start=1):
            assert re.search(rf"^\s*{number}\s+{module}\s", result.output, re.MULTILINE), result.output
            assert state_of(result.output, module) == "· not started"
        assert "0/7 exercises pass" in result.output
        assert (
            "Next: losses/mean_absolute_error: open exercises/losses/mean_absolute_error.py" in result.output
        )


def test_list_is_fast_and_grades_nothing(project):
    (project / "exercises" / TOPIC / "huber_loss.py").write_text(
        "def huber_loss(y_true, y_pred):\n    pass\n"
    )
    start = time.perf_counter()
    result = mlkata("list")
    assert time.perf_counter() - start < 3.0
    assert state_of(result.output, "huber_loss") == "? edited, not checked"
    assert "run `mlkata check`" in result.output
    assert Progress().gradings() == []


# --- check ---------------------------------------------------------------------------------------


def test_check_passes_a_solved_exercise_and_records_it(project):
    solve(project, "mean_absolute_error")
    result = mlkata("check", "mean_absolute_error")
    assert result.exit_code == 0, result.output
    assert re.search(r"✓\s+losses/mean_absolute_error\s+(\d+)/\1\s+passes", result.output), result.output
    (recorded,) = Progress().gradings()
    assert (recorded.exercise, recorded.passed, recorded.source) == (
        "losses/mean_absolute_error",
        True,
        "check",
    )
    assert recorded.score == recorded.max_score > 0
    listing = mlkata("list").output
    assert state_of(listing, "mean_absolute_error").startswith("✓ passing")
    assert "Next: losses/mean_squared_error" in listing


def test_check_fails_a_wrong_exercise_with_the_graders_hint(project):
    (project / "exercises" / TOPIC / "hinge_loss.py").write_text(HINGE_WITHOUT_MAX)
    result = mlkata("check", "hinge_loss")
    assert result.exit_code == 1
    assert re.search(r"✗\s+losses/hinge_loss\s+\d+/\d+\s+\d+ of \d+ checks fail", result.output), (
        result.output
    )
    assert "did you forget the max(0, ...)?" in result.output
    assert "expected" in result.output and "got" in result.output
    assert "mlkata hint hinge_loss" in result.output
    assert state_of(mlkata("list").output, "hinge_loss").startswith("✗ failing")
    (project / "exercises" / TOPIC / "hinge_loss.py").write_text(HINGE_WITHOUT_MAX + "\n# tried again\n")
    assert state_of(mlkata("list").output, "hinge_loss") == "? edited, not checked"


def test_check_a_topic_shows_a_table_of_every_exercise(project):
    solve(project, "mean_squared_error")
    result = mlkata("check", "losses")
    assert result.exit_code == 1
    for module in LOSSES:
        assert f"losses/{module}" in result.output
    assert re.search(r"losses/mean_absolute_error\s+0/\d+\s+not implemented yet", result.output)
    assert "1 of 7 exercises pass" in result.output
    assert "Next: open exercises/losses/mean_absolute_error.py" in result.output
    assert len(Progress().gradings()) == 7


def test_a_module_that_does_not_load_fails_every_check_with_the_reason(project):
    (project / "exercises" / TOPIC / "log_loss.py").write_text("def log_loss(y_true, y_prob:\n    return 0\n")
    result = mlkata("check", "log_loss")
    assert result.exit_code == 1
    assert re.search(r"losses/log_loss\s+0/\d+\s+(\d+) of \1 checks fail", result.output), result.output
    assert "has a syntax error on line 1" in result.output
    (project / "exercises" / TOPIC / "log_loss.py").write_text("from sklearn.metrics import log_loss\n")
    assert "imports sklearn.metrics" in mlkata("check", "log_loss").output


def test_unknown_names_get_a_suggestion(project):
    result = mlkata("check", "hinge")
    assert result.exit_code == 2
    assert "did you mean hinge_loss?" in result.output


def test_speed_tier_tells_vectorised_code_from_a_python_loop(project, monkeypatch):
    from mlkata.learner import speed

    monkeypatch.setattr(speed, "SIZE", 300_000)
    solve(project, "mean_squared_error")
    (project / "exercises" / TOPIC / "mean_absolute_error.py").write_text(MAE_WITH_A_LOOP)
    result = mlkata("check", "losses", "--speed")
    speed = result.output.split("Speed:")[1]
    assert "against the reference solution" in speed and "than numpy" not in result.output, speed
    assert re.search(r"losses/mean_squared_error\s.*s\s+vectorised ✓", speed), result.output
    assert re.search(r"losses/mean_absolute_error\s.*s\s+>?\s?\d+× slower", speed), result.output


# --- hint ----------------------------------------------------------------------------------------


def test_hint_reveals_one_more_each_time_until_none_remain(project):
    from mlkata.catalog import find_exercise

    hints = find_exercise("log_loss", project).hints
    assert len(hints) == 3
    outputs = [mlkata("hint", "log_loss").output for _ in range(4)]
    for count, output in enumerate(outputs[:3], start=1):
        assert f"({count} of 3)" in output, output
        flat = " ".join(output.split())
        assert all(" ".join(h.split()) in flat for h in hints[:count])
        assert all(" ".join(h.split()) not in flat for h in hints[count:])
    assert "2 more hints: run" in outputs[0] and "(s)" not in outputs[0]
    assert "That was the last hint" in outputs[2]
    assert "No more hints" in outputs[3] and "mlkata solution log_loss" in outputs[3]
    assert Progress().hints_revealed("losses/log_loss") == 3


def test_hint_without_a_name_is_for_the_next_exercise(project):
    solve(project, "mean_absolute_error")
    mlkata("check", "mean_absolute_error")
    result = mlkata("hint")
    assert result.exit_code == 0
    assert "Hints for losses/mean_squared_error (1 of 3)" in result.output


# --- reset ---------------------------------------------------------------------------------------


def test_reset_asks_backs_up_and_restores_the_stub(project, tmp_path):
    path = project / "exercises" / TOPIC / "hinge_loss.py"
    path.write_text(HINGE_WITHOUT_MAX)
    declined = mlkata("reset", "hinge_loss", input="n\n")
    assert declined.exit_code == 1 and "Nothing changed" in declined.output
    assert path.read_text() == HINGE_WITHOUT_MAX

    accepted = mlkata("reset", "hinge_loss", input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert "Reset exercises/losses/hinge_loss.py to the stub?" in accepted.output
    (backup,) = (tmp_path / "data" / "backups" / TOPIC).glob("hinge_loss.*.py")
    assert backup.read_text() == HINGE_WITHOUT_MAX
    from mlkata.catalog import find_exercise

    state = stubs.stub_state(find_exercise("hinge_loss", project), project)
    assert state.is_pristine and state.current == state.expected
    assert "already the stub" in mlkata("reset", "hinge_loss").output

    path.write_text("# take two\n")
    assert mlkata("reset", "hinge_loss", "--yes").exit_code == 0
    assert len(list((tmp_path / "data" / "backups" / TOPIC).glob("hinge_loss.*.py"))) == 2


# --- solution ------------------------------------------------------------------------------------


def test_solution_asks_first_when_the_exercise_does_not_pass(project):
    declined = mlkata("solution", "hinge_loss", input="n\n")
    assert declined.exit_code == 1
    assert "You haven't solved losses/hinge_loss yet. Show the solution anyway?" in declined.output
    assert "np.maximum" not in declined.output

    shown = mlkata("solution", "hinge_loss", input="y\n")
    assert shown.exit_code == 0, shown.output
    assert "np.maximum(0.0, 1.0 - y_true * decision)" in shown.output
    assert "### BEGIN META" not in shown.output and "HINTS" not in shown.output
    assert "### BEGIN SOLUTION" not in shown.output
    assert "--- exercises/losses/hinge_loss.py (yours)" in shown.output
    assert "-    raise NotImplementedError()" in shown.output


def test_solution_of_a_solved_exercise_needs_no_confirmation(project):
    solve(project, "mean_squared_error")
    mlkata("check", "mean_squared_error")
    result = mlkata("solution", "mean_squared_error")
    assert result.exit_code == 0
    assert "Show the solution anyway?" not in result.output
    assert "Reference solution of losses/mean_squared_error" in result.output


# --- drill and history -----------------------------------------------------------------------------


def test_drill_draws_by_seed_copies_stubs_and_records_the_score(project):
    before = exercise_files(project)
    result = mlkata("drill", "--count", "3", "--seed", "11", "--minutes", "5", input="done\n")
    assert result.exit_code == 0, result.output
    folder = Path(re.search(r"Your drill folder: (\S+)", result.output).group(1))
    from mlkata.catalog import all_exercises

    expected = choose(list(all_exercises(project)), 3, 11)
    assert sorted(p.stem for p in folder.glob("*/*.py")) == sorted(e.module for e in expected)
    assert "Done after" in result.output
    assert re.search(r"Drill score: 0/\d+ \(0%\)", result.output)
    (drill,) = Progress().drills()
    assert drill.seed == 11 and drill.exercises == [e.key for e in expected]
    assert drill.finished is not None and drill.score == 0 and drill.max_score > 0
    assert exercise_files(project) == before
    again = mlkata("drill", "--count", "3", "--seed", "11", input="done\n")
    folder_again = Path(re.search(r"Your drill folder: (\S+)", again.output).group(1))
    assert folder_again != folder
    assert sorted(p.name for p in folder_again.glob("*/*.py")) == sorted(
        p.name for p in folder.glob("*/*.py")
    )


def test_drill_grades_by_itself_when_time_is_up(project):
    start = time.monotonic()
    result = mlkata("drill", "--count", "1", "--seed", "2", "--minutes", "0.02", input="")
    assert result.exit_code == 0, result.output
    assert time.monotonic() - start >= 1.2
    assert "Time's up!" in result.output
    (drill,) = Progress().drills()
    assert drill.seconds == pytest.approx(1.2, abs=0.3)


def _reader(stream) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in iter(stream.readline, ""):
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _read_until(lines: queue.Queue, pattern: str, seen: list[str], timeout: float) -> re.Match | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            seen.append(lines.get(timeout=0.1))
        except queue.Empty:
            continue
        match = re.search(pattern, seen[-1])
        if match:
            return match
    return None


def _spawn(args: list[str], **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200", "PYTHONDONTWRITEBYTECODE": "1"}
    code = "import sys; from mlkata.cli import main; sys.argv[0] = 'mlkata'; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        **kwargs,
    )


def test_a_drill_in_a_real_terminal_session_scores_the_work_done(project):
    child = _spawn(["drill", "--count", "2", "--seed", "5", "--topics", "losses"], stdin=subprocess.PIPE)
    seen: list[str] = []
    try:
        lines = _reader(child.stdout)
        match = _read_until(lines, r"Your drill folder: (\S+)", seen, timeout=30)
        assert match, "".join(seen)
        folder = Path(match.group(1))
        for path in folder.glob("*/*.py"):
            shutil.copy(ROOT / "solutions" / path.parent.name / path.name, path)
        child.stdin.write("\nnot yet\n")  # a stray Enter or other words do not end the drill
        child.stdin.flush()
        assert not _read_until(lines, r"Grading", seen, timeout=2), "".join(seen)
        child.stdin.write("done\n")
        child.stdin.flush()
        assert _read_until(lines, r"Drill score:", seen, timeout=60), "".join(seen)
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
    out = "".join(seen)
    assert re.search(r"Drill score: (\d+)/\1 \(100%\)", out), out
    history = mlkata("history")
    assert history.exit_code == 0
    assert "Drills" in history.output and "100%" in history.output and "█" in history.output


def test_check_grades_another_folder_and_records_nothing(project, tmp_path):
    drill = tmp_path / "drill"
    (drill / TOPIC).mkdir(parents=True)
    (drill / TOPIC / "hinge_loss.py").write_text(
        "import numpy as np\n\n\ndef hinge_loss(y_true, decision):\n"
        "    return float(np.mean(1 - np.asarray(y_true) * np.asarray(decision)))\n"
    )
    shutil.copy(ROOT / "solutions" / TOPIC / "mean_absolute_error.py", drill / TOPIC)
    result = mlkata("check", TOPIC, "--folder", str(drill))
    assert result.exit_code == 1, result.output
    assert re.search(r"mean_absolute_error\s+(\d+)/\1\s+passes", result.output), result.output
    assert "did you forget the max(0, ...)?" in result.output
    assert f"`mlkata check hinge_loss --folder {drill}` shows every one" in result.output.replace("\n", "")
    assert state_of(mlkata("list").output, "mean_absolute_error") == "· not started"  # nothing recorded
    assert mlkata("check", "--folder", str(tmp_path / "nowhere")).exit_code == 2


def test_history_shows_progress_over_time(project):
    assert "No history yet" in mlkata("history").output
    solve(project, "mean_absolute_error")
    solve(project, "mean_squared_error")
    mlkata("check", "losses")
    result = mlkata("history")
    assert result.exit_code == 0
    assert "Exercises passing, by day" in result.output
    assert re.search(r"\d{4}-\d\d-\d\d\s+█+░+ 2/7", result.output), result.output
    assert "No drills yet" in result.output


# --- the progress file ---------------------------------------------------------------------------


def test_a_corrupt_progress_file_gives_a_clear_message_and_touches_nothing(project, tmp_path):
    database = tmp_path / "data" / "progress.sqlite3"
    database.parent.mkdir(parents=True)
    junk = b"these are my notes, not a database\n" * 40
    database.write_bytes(junk)
    solve(project, "hinge_loss")
    before = exercise_files(project)
    for args in (["check", "hinge_loss"], ["list"], ["hint", "hinge_loss"], ["history"]):
        result = mlkata(*args)
        assert result.exit_code == 2, result.output
        assert f"The progress file {database} is not a readable mlkata database" in result.output
        assert "Your exercise files are not affected" in result.output
        assert "Traceback" not in result.output
    assert database.read_bytes() == junk
    assert exercise_files(project) == before


def test_a_locked_progress_file_gives_a_clear_message(project, tmp_path, monkeypatch):
    monkeypatch.setattr(progress_module, "LOCK_TIMEOUT", 0.2)
    assert mlkata("hint", "log_loss").exit_code == 0
    holder = sqlite3.connect(tmp_path / "data" / "progress.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = mlkata("hint", "log_loss")
        assert result.exit_code == 2
        assert "is locked by another program" in result.output
        assert str(tmp_path / "data" / "progress.sqlite3") in result.output
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    again = mlkata("hint", "log_loss")
    assert again.exit_code == 0 and "(2 of 3)" in again.output


def test_mlkata_db_names_the_file_and_foreign_or_newer_files_are_left_alone(project, tmp_path, monkeypatch):
    own = tmp_path / "elsewhere" / "mine.sqlite3"
    monkeypatch.setenv("MLKATA_DB", str(own))
    assert mlkata("hint", "log_loss").exit_code == 0
    assert own.is_file() and not (tmp_path / "data" / "progress.sqlite3").exists()

    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    monkeypatch.setenv("MLKATA_DB", str(foreign))
    result = mlkata("list")
    assert result.exit_code == 2 and "not mlkata's progress file" in result.output

    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as db:
        db.execute("PRAGMA user_version = 99")
    monkeypatch.setenv("MLKATA_DB", str(newer))
    result = mlkata("list")
    assert result.exit_code == 2 and "newer mlkata" in result.output


# --- watch ---------------------------------------------------------------------------------------


def test_watch_regrades_on_save_and_stops_cleanly_on_ctrl_c(project):
    child = _spawn(["watch"])
    seen: list[str] = []
    try:
        lines = _reader(child.stdout)
        assert _read_until(lines, r"Watching exercises/", seen, timeout=30), "".join(seen)
        assert "mean_absolute_error" in "".join(seen) and "not implemented yet" in "".join(seen)
        passed = None
        for _ in range(10):  # the watcher may need a moment to start: save again until seen
            solve(project, "mean_absolute_error")
            passed = _read_until(lines, r"mean_absolute_error passes!", seen, timeout=3)
            if passed:
                break
        assert passed, "".join(seen)
        assert _read_until(lines, r"Watching exercises/", seen, timeout=10)
        child.send_signal(signal.SIGINT)
        assert child.wait(timeout=20) == 0
    finally:
        if child.poll() is None:
            child.kill()
    rest = child.stdout.read()
    out = "".join(seen) + rest
    while not lines.empty():
        out += lines.get()
    assert "Next: losses/mean_squared_error: open exercises/losses/mean_squared_error.py" in out
    assert "Stopped watching" in out, out
    assert "Traceback" not in out and "KeyboardInterrupt" not in out
    assert any(g.source == "watch" and g.passed for g in Progress().gradings())


def test_watch_can_stop_after_a_number_of_saves(project):
    path = project / "exercises" / TOPIC / "hinge_loss.py"
    stop = threading.Event()

    def keep_saving():
        while not stop.wait(0.5):
            path.write_text(HINGE_WITHOUT_MAX + f"# {time.time()}\n")

    saver = threading.Thread(target=keep_saving, daemon=True)
    saver.start()
    try:
        result = mlkata("watch", "hinge_loss", "--max-events", "1")
    finally:
        stop.set()
        saver.join()
    assert result.exit_code == 0, result.output
    assert result.output.count("mlkata watch · exercises/losses/hinge_loss.py") == 2
    assert "did you forget the max(0, ...)?" in result.output


def test_the_learner_commands_import_nothing_heavy():
    code = (
        "import sys, mlkata.commands.learner\n"
        "print(sorted(m for m in ('numpy', 'sklearn') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
