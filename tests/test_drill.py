"""`mlkata drill` as a learner meets it: what the screen says, checking work meanwhile, ending it.

Each test works in a fresh project of the losses topic with its own data folder. The
terminal tests run the real command in a pseudo-terminal and read its screen through
:mod:`tests.screen`, as a learner would see it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlkata.catalog import all_exercises
from mlkata.cli import app
from mlkata.learner.progress import Progress
from tests.helpers import run_pytest
from tests.learner_project import make_project, solve
from tests.screen import Terminal, render


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


def mlkata(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def drill_folder(output: str) -> Path:
    match = re.search(r"Your drill folder: (\S+)", output)
    assert match, output
    return Path(match.group(1))


def flat(output: str) -> str:
    return " ".join(output.split())


def test_the_screen_says_how_to_check_work_in_progress_and_how_to_end(project):
    result = mlkata("drill", "--count", "2", "--seed", "3", input="done\n")
    assert result.exit_code == 0, result.output
    folder = os.path.relpath(drill_folder(result.output))
    text = flat(result.output)
    assert f"`cd {folder} && pytest` (or `mlkata check --folder {folder}`)" in text, text
    assert "Type done + Enter when finished" in text
    assert "quit + Enter, or Ctrl-C, stops the drill without a score" in text
    assert "exercise(s)" not in text and "Drill: 2 exercises" in text


def test_pytest_inside_a_drill_folder_grades_the_drill_and_points_next_inside_it(project):
    result = mlkata("drill", "--count", "2", "--seed", "3", "--minutes", "0.001", input="")
    folder = drill_folder(result.output)
    files = sorted(folder.glob("*/*.py"))
    assert len(files) == 2
    ran = run_pytest([], cwd=folder)  # bare pytest, inside the drill's folder
    out = ran.stdout
    assert ran.returncode == 1, out + ran.stderr
    for path in files:
        assert re.search(rf"{path.parent.name}/{path.stem}\s+0/\d+\s+not implemented yet", out), out
    order = [e.key for e in all_exercises(project)]
    first = min(files, key=lambda p: order.index(f"{p.parent.name}/{p.stem}"))
    relative = f"{first.parent.name}/{first.name}"
    assert f"next: open {relative}, then run pytest {relative}" in out, out

    for path in files:
        solve(project, path.parent.name, path.stem, folder)
    before = Progress().gradings()
    passed = run_pytest([], cwd=folder)
    assert passed.returncode == 0, passed.stdout
    assert "every exercise of this drill passes: type done + Enter" in flat(passed.stdout)
    assert Progress().gradings() == before, "a drill's files are not the learner's own: not recorded"


def test_check_folder_grades_only_the_drills_exercises(project):
    result = mlkata("drill", "--count", "2", "--seed", "3", "--minutes", "0.001", input="")
    folder = drill_folder(result.output)
    files = sorted(folder.glob("*/*.py"))
    checked = mlkata("check", "--folder", str(folder))
    assert checked.exit_code == 1, checked.output
    graded = re.findall(r"^[✓✗·-]\s+(\S+)\s+\d+/\d+", checked.output, re.MULTILINE)
    assert sorted(graded) == sorted(f"{p.parent.name}/{p.stem}" for p in files), checked.output
    assert "missing" not in checked.output
    assert re.search(r"Next: open \S*\.mlkata-drills/\S+\.py", checked.output), checked.output
    for path in files:
        solve(project, path.parent.name, path.stem, folder)
    done = mlkata("check", "--folder", str(folder))
    assert done.exit_code == 0, done.output
    assert "Type done + Enter in the drill's window to score it" in flat(done.output)
    empty = project / "empty"
    empty.mkdir()
    assert "holds no exercise files" in mlkata("check", "--folder", str(empty)).output


@pytest.mark.parametrize("word", ["quit", "exit", "QUIT"])
def test_quit_and_exit_end_the_drill_without_a_score(project, word):
    result = mlkata("drill", "--count", "2", "--seed", "3", input=f"maybe\n{word}\n")
    assert result.exit_code == 0, result.output
    text = flat(result.output)
    assert "'maybe' is not a command" in text
    assert "not scored" in text and "mlkata check --folder" in text
    assert "Drill score" not in text
    (drill,) = Progress().drills()
    assert drill.finished is None and drill.score is None
    assert Progress().gradings() == []
    assert "unfinished" in mlkata("history").output


def test_a_count_beyond_the_pool_is_said(project):
    result = mlkata("drill", "--count", "100", "--seed", "3", input="done\n")
    assert result.exit_code == 0, result.output
    assert "Asked for 100 exercises, but the pool has only 7" in flat(result.output)
    assert "Drill: 7 exercises" in result.output
    assert len(list(drill_folder(result.output).glob("*/*.py"))) == 7


def _terminal(project: Path, *args: str) -> Terminal:
    return Terminal(["drill", "--count", "2", "--seed", "3", *args], cwd=project, env=dict(os.environ))


def test_in_a_terminal_typing_never_redraws_the_border_and_done_keeps_the_panel(project):
    terminal = _terminal(project)
    try:
        assert terminal.wait_for("left", timeout=60), terminal.output
        terminal.read(1.0)
        for keys in ("hello\r", "\r", "\r", "not yet\r"):
            terminal.type(keys)
            terminal.read(0.3)
        assert terminal.wait_for("'not yet' is not a command", timeout=30), terminal.output
        terminal.type("don")
        assert terminal.wait_for("> don", timeout=30), terminal.output
        terminal.read(0.3)
        screen = terminal.screen()
        assert sum(line.startswith("╭") for line in screen) == 1, "\n".join(screen)
        assert sum(line.startswith("╰") for line in screen) == 1, "\n".join(screen)
        assert any("> don" in line for line in screen), "\n".join(screen)
        assert not any(line.strip() in ("hello", "not yet") for line in screen), "typed text is not echoed"
        terminal.type("e\r")
        assert terminal.wait_for("Drill score", timeout=120), terminal.output
        terminal.read(0.5)
        assert terminal.process.wait(timeout=30) == 0
    finally:
        terminal.close()
    screen = terminal.screen()
    top = [i for i, line in enumerate(screen) if line.startswith("╭")]
    bottom = [i for i, line in enumerate(screen) if line.startswith("╰")]
    assert len(top) == len(bottom) == 1 and top[0] < bottom[0], "\n".join(screen)
    assert "done" in screen[bottom[0] - 1], "\n".join(screen)
    assert any(line.startswith("Done after") for line in screen[bottom[0] :]), "\n".join(screen)
    (drill,) = Progress().drills()
    assert drill.finished is not None


def test_in_a_terminal_ctrl_c_stops_the_drill_without_a_score_and_puts_the_terminal_back(project):
    import termios

    terminal = _terminal(project)
    try:
        assert terminal.wait_for("left", timeout=60), terminal.output
        terminal.read(1.0)
        terminal.type("\x03")  # Ctrl-C, through the terminal
        assert terminal.wait_for("not scored (", timeout=30), terminal.output
        assert terminal.process.wait(timeout=30) == 0
        terminal.read(0.3)
        after = termios.tcgetattr(terminal.master)[3]
    finally:
        terminal.close()
    assert after & termios.ECHO and after & termios.ICANON, "the terminal echoes and reads lines again"
    out = flat("\n".join(render(terminal.output)))
    assert "Drill stopped after" in out and "Traceback" not in out and "KeyboardInterrupt" not in out
    (drill,) = Progress().drills()
    assert drill.finished is None
