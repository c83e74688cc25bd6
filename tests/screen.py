"""A tiny terminal, for tests that look at what a learner's screen shows.

It replays what a program wrote to a pseudo-terminal: printable text, carriage return,
line feed, backspace, and the few control sequences rich's live display uses (cursor up
and down, erase in line, erase below); colours and other modes are ignored. What is left
is the screen as lines of text, which a test can read as the learner would.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

MAIN = "import sys; from mlkata.cli import main; sys.argv[0] = 'mlkata'; main()"
CSI = re.compile(r"\x1b\[([?0-9;]*)([A-Za-z])|\x1b[()][A-Z0-9]|\x1b[=>]|\x1b\]\d*;[^\x07]*\x07")


def render(output: str, width: int = 100) -> list[str]:
    """The lines a terminal ``width`` wide shows after ``output`` (trailing spaces dropped)."""
    rows: list[list[str]] = [[]]
    row = column = 0
    position = 0
    while position < len(output):
        match = CSI.match(output, position)
        if match:
            position = match.end()
            if match.group(2) is None:
                continue
            argument, command = match.group(1), match.group(2)
            count = int(argument) if argument.isdigit() else 1
            if command == "A":
                row = max(0, row - count)
            elif command == "B":
                row += count
            elif command == "G":
                column = max(0, count - 1)
            elif command == "K":
                line = rows[row] if row < len(rows) else []
                if argument in ("", "0"):
                    del line[column:]
                elif argument == "2":
                    line.clear()
                elif argument == "1":
                    line[:column] = [" "] * min(column, len(line))
            elif command == "J" and argument in ("", "0"):
                del rows[row + 1 :]
                if row < len(rows):
                    del rows[row][column:]
            while len(rows) <= row:
                rows.append([])
            continue
        char = output[position]
        position += 1
        if char == "\r":
            column = 0
        elif char == "\n":
            row += 1
            column = 0
        elif char == "\b":
            column = max(0, column - 1)
        elif char == "\x1b" or (ord(char) < 32 and char != "\t"):
            continue
        else:
            if column >= width:
                row, column = row + 1, 0
            while len(rows) <= row:
                rows.append([])
            line = rows[row]
            line.extend(" " * (column - len(line)))
            if column < len(line):
                line[column] = char
            else:
                line.append(char)
            column += 1
        while len(rows) <= row:
            rows.append([])
    return ["".join(line).rstrip() for line in rows]


def _own_terminal() -> None:
    """In the child: a session of its own whose controlling terminal is the pty (so Ctrl-C works)."""
    import fcntl
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """A program run in a pseudo-terminal: type into it, read its screen."""

    def __init__(self, args: list[str], *, cwd: Path, env: dict[str, str], columns: int = 100) -> None:
        import fcntl
        import pty
        import struct
        import termios

        self.columns = columns
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        env = {**env, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm-256color"}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-c", MAIN, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            preexec_fn=_own_terminal,
        )
        os.close(slave)
        self.output = ""

    def read(self, seconds: float = 0.2) -> str:
        """Read what the program wrote for about ``seconds``."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            self.output += data.decode(errors="replace")
        return self.output

    def wait_for(self, text: str, timeout: float = 60) -> bool:
        """Read until the raw output holds ``text``; whether it came in time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.read(0.2):
                return True
            if self.process.poll() is not None:
                return text in self.read(0.2)
        return False

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def screen(self) -> list[str]:
        return render(self.output, self.columns)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        os.close(self.master)
