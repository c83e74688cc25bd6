"""A new learner tries the practice tools end to end, typing into a real shell inside tmux.

The learner's terminal is a tmux session (a server of the test's own, on its own socket) running
``bash`` in a fresh project of the losses topic, with ``mlkata`` on ``PATH``. Keys are sent with
``tmux send-keys`` and the screen is read with ``tmux capture-pane``, as the learner sees it.
The learner runs ``mlkata``, takes ``mlkata quiz losses``, tries ``mlkata drill --review`` with
nothing practised, solves an exercise, comes back three days later (the test moves the recorded
times three days back), drills the exercise now due with ``mlkata drill --review`` (writing it in
a second tmux window, as in another terminal), and reads ``mlkata history``.

Without tmux this is skipped, saying why; in CI (``CI=true``; ``.ci/run`` installs tmux) it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from mlkata.catalog import all_exercises, exercises_of
from mlkata.learner.quiz import order, pack_questions
from tests.helpers import ROOT
from tests.learner_project import make_project


def _tmux() -> str:
    found = shutil.which("tmux")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must try the practice tools in tmux, but tmux is not installed")
        pytest.skip("tmux is not installed (apt-get install tmux)")
    return found


class Tmux:
    """A tmux server of the test's own, one session, its windows read as text."""

    def __init__(self, socket: Path, cwd: Path, env: dict[str, str]) -> None:
        self.binary = _tmux()
        self.socket = socket
        self.env = env
        self.run("new-session", "-d", "-s", "learner", "-x", "100", "-y", "50", "-c", str(cwd), self._shell())

    def _shell(self) -> str:
        return "env -i " + " ".join(f"{k}={v!r}" for k, v in self.env.items()) + " bash --norc --noprofile"

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [self.binary, "-S", str(self.socket), *args], capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 0, f"tmux {' '.join(args)}: {done.stderr}"
        return done.stdout

    def new_window(self, cwd: Path) -> None:
        self.run("new-window", "-t", "learner", "-c", str(cwd), self._shell())

    def type(self, text: str, window: int = 0, enter: bool = True) -> None:
        self.run("send-keys", "-t", f"learner:{window}", "-l", "--", text)
        if enter:
            self.run("send-keys", "-t", f"learner:{window}", "Enter")

    def screen(self, window: int = 0) -> str:
        """Everything the window showed (its scrollback too), long lines joined."""
        shown = self.run("capture-pane", "-p", "-J", "-S", "-2000", "-t", f"learner:{window}")
        return shown.rstrip("\n")  # the empty rows below the cursor

    def wait_for(self, pattern: str, window: int = 0, timeout: float = 90, after: int = 0) -> str:
        """Wait until the screen (past its first ``after`` characters) matches ``pattern``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen(window)
            if re.search(pattern, screen[after:]):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{pattern!r} never showed; the screen:\n{self.screen(window)}")

    def command(self, line: str, until: str, window: int = 0, timeout: float = 120) -> str:
        """Type ``line`` at the prompt; what it showed once ``until`` appears and the prompt is back."""
        start = len(self.screen(window))
        self.type(line, window)
        screen = self.wait_for(until, window, timeout, after=start)
        screen = self.wait_for(PROMPT, window, timeout, after=start)
        return screen[start:]

    def close(self) -> None:
        subprocess.run([self.binary, "-S", str(self.socket), "kill-server"], capture_output=True, timeout=30)


PROMPT = r"\n\$ ?$"
"""The shell's prompt (``$ ``) on the last line: the command is over."""


def flat(text: str) -> str:
    return " ".join(text.split())


def shift_history(database: Path, days: int) -> None:
    """Move every recorded time ``days`` back, as if the learner came back ``days`` later."""

    def back(stamp: str | None) -> str | None:
        if stamp is None:
            return None
        return (datetime.fromisoformat(stamp) - timedelta(days=days)).isoformat(timespec="seconds")

    with sqlite3.connect(database) as db:
        db.create_function("back", 1, back)
        db.execute("UPDATE gradings SET at = back(at)")
        db.execute("UPDATE drills SET started = back(started), finished = back(finished)")
        db.execute("UPDATE quiz SET at = back(at)")
    db.close()


def test_a_new_learner_quizzes_reviews_and_reads_history_in_tmux(tmp_path, monkeypatch):
    _tmux()
    root = make_project(tmp_path, monkeypatch)
    data = tmp_path / "data"
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PS1": "$ ",
        "MLKATA_ROOT": str(root),
        "MLKATA_DATA_DIR": str(data),
    }
    assert (Path(sys.executable).parent / "mlkata").exists(), "mlkata is installed beside this python"
    tmux = Tmux(tmp_path / "tmux.sock", root, env)
    try:
        tmux.wait_for(r"^\$ ?$")
        first = tmux.command("mlkata", "Next: losses/mean_absolute_error")
        assert "Welcome to mlkata!" in first and "due for review" not in first

        questions = order(
            pack_questions(exercises_of(["losses"], root)), [], [e.key for e in all_exercises(root)]
        )
        by_text = {flat(q.text): q for q in questions}
        start = len(tmux.screen())
        tmux.type("mlkata quiz losses --count 3")
        for number, right in ((1, True), (2, False), (3, True)):
            screen = tmux.wait_for(rf"{number}/3 · losses/\w+\n(.|\n)*?\n> ?$", after=start)
            asked = screen[start:].rsplit(f"{number}/3 · ", 1)[1].splitlines()[1:]
            shown = flat(" ".join(line for line in asked if not re.match(r"\s+\d+\. |Type |> ?$", line)))
            question = by_text[shown]
            if right:
                tmux.type(question.answer_text())
            else:
                tmux.type(
                    str((int(question.answer) + 1) % len(question.choices) + 1)
                    if question.choices
                    else "-1e9"
                )
            tmux.wait_for("✓ Right." if right else "✗ Not quite", after=len(screen))
        quiz = tmux.wait_for(r"Quiz score: 2/3 \(67%\)(.|\n)*\n\$ ?$", after=start)[start:]
        assert "`mlkata quiz losses` asks the ones you missed" in flat(quiz)

        nothing = tmux.command("mlkata drill --review", "No exercise is due")
        assert "none has been graded or drilled yet" in flat(nothing)

        tmux.command(f"cp {ROOT}/solutions/losses/hinge_loss.py exercises/losses/", PROMPT)
        checked = tmux.command("mlkata check hinge_loss", "hinge_loss")
        assert "passes" in checked, checked
        tomorrow = (date.today() + timedelta(days=1)).isoformat()
        later = tmux.command("mlkata", "Next:")
        assert f"No exercise due for review today; the next is due on {tomorrow}." in flat(later)

        shift_history(data / "progress.sqlite3", 3)  # three days later
        back = tmux.command("mlkata", "Next:")
        assert "1 exercise due for review today (mlkata drill --review)" in flat(back), back

        start = len(tmux.screen())
        tmux.type("mlkata drill --review --minutes 5")
        screen = tmux.wait_for(r"left", after=start)
        assert "Spaced review: 1 due today" in flat(screen[start:])
        found = re.search(r"Your drill folder:\s+(\S+)", screen[start:])
        assert found, screen[start:]
        folder = Path(found.group(1))
        assert (folder / "losses" / "hinge_loss.py").is_file()
        tmux.new_window(root)  # another terminal, where the learner writes the function
        tmux.wait_for(r"^\$ ?$", window=1)
        tmux.command(f"cp {ROOT}/solutions/losses/hinge_loss.py {folder}/losses/", PROMPT, window=1)
        tmux.run("select-window", "-t", "learner:0")
        tmux.type("done", enter=False)
        tmux.wait_for("> done", after=start)
        tmux.type("", enter=True)
        drilled = tmux.wait_for(r"Drill score: (.|\n)*\n\$ ?$", after=start, timeout=180)[start:]
        assert re.search(r"Drill score: (\d+)/\1 \(100%\)", drilled), drilled

        history = tmux.command("mlkata history", "Strength by topic")
        row = next(line for line in history.splitlines() if line.startswith(" losses"))
        assert re.search(r"[█░]{10} \d+%", row) and "×1" in row, history
        assert max(len(line) for line in history.splitlines()) <= 100
        after = tmux.command("mlkata", "Next:")
        in_two_days = (date.today() + timedelta(days=2)).isoformat()
        assert f"the next is due on {in_two_days}" in flat(after), "hinge_loss moved up to box 2"
    finally:
        tmux.close()
