"""The drill's clock: time left on screen, and the learner's commands typed meanwhile.

Commands, each a line (the word and Enter):

- ``done``: the drill ends now and is graded and scored;
- ``quit`` or ``exit`` (or Ctrl-C): the drill ends now, not scored;
- anything else (a stray Enter, a typo) is ignored; a word is answered with the commands.

When the time is up the drill ends and is graded, as with ``done``.

In a terminal the clock is a panel redrawn in place, with the line being typed inside it:
the terminal's own echo is switched off for the drill (and put back after), so that typing
never pushes the panel down and leaves a stale copy of its border behind, and the panel
stays on screen, bottom border and all, when the drill ends. Elsewhere (input from a
pipe, output to a file) lines are read as they come and nothing is redrawn.
"""

from __future__ import annotations

import contextlib
import os
import queue
import select
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from mlkata.learner.layout import counted

DONE = frozenset({"done"})
QUIT = frozenset({"quit", "exit"})
COMMANDS = "done + Enter: finish and score it · quit + Enter or Ctrl-C: stop, no score"


@dataclass(frozen=True)
class Finish:
    """How a drill ended."""

    seconds: float
    reason: str
    """``"done"`` (the learner said so), ``"time"`` (time up) or ``"quit"`` (quit, exit, Ctrl-C)."""


def clock(seconds: float) -> str:
    """``"19:05"``: minutes and seconds.

    >>> clock(1145.2), clock(-3)
    ('19:05', '0:00')
    """
    seconds = max(0, round(seconds))
    return f"{seconds // 60:d}:{seconds % 60:02d}"


class _Typed:
    """The lines typed so far (a queue) and the line being typed (for the panel)."""

    def __init__(self) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.partial = ""
        self.stop = threading.Event()

    def next_line(self, timeout: float) -> str | None:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            return None


def _read_lines(stream: TextIO, typed: _Typed) -> None:
    """Read whole lines (input from a pipe, or a terminal left in its usual mode)."""
    while not typed.stop.is_set():
        try:
            line = stream.readline()
        except (OSError, ValueError):
            return
        if not line:  # end of input (no terminal) is not "done": the clock decides
            return
        typed.lines.put(line)


def _read_keys(fd: int, typed: _Typed) -> None:
    """Read keys from a terminal in non-canonical mode, keeping the line being typed."""
    while not typed.stop.is_set():
        try:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if not ready:
                continue
            data = os.read(fd, 64).decode(errors="ignore")
        except (OSError, ValueError):
            return
        if not data:
            return
        for key in data:
            if key in "\r\n":
                typed.lines.put(typed.partial)
                typed.partial = ""
            elif key in "\x7f\b":
                typed.partial = typed.partial[:-1]
            elif key == "\x15":  # Ctrl-U: clear the line
                typed.partial = ""
            elif key.isprintable():
                typed.partial += key


@contextlib.contextmanager
def _no_echo(fd: int) -> Iterator[None]:
    """The terminal without echo or line editing (Ctrl-C still interrupts), put back after."""
    import termios

    saved = termios.tcgetattr(fd)
    quiet = termios.tcgetattr(fd)
    quiet[3] &= ~(termios.ICANON | termios.ECHO)
    quiet[6][termios.VMIN] = 1
    quiet[6][termios.VTIME] = 0
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _panel(left: float, count: int, typing: str | None, note: str) -> Panel:
    style = "bold red" if left < 60 else "bold"
    body = Text(f"{clock(left)} left", style=style)
    body.append(f"  ·  {counted(count, 'exercise')}", style="dim")
    lines: list[Text] = [body]
    if typing is not None:
        lines.append(Text(f"> {typing}", style="bold"))
    lines.append(Text(note or COMMANDS, style="yellow" if note else "dim"))
    return Panel(Group(*lines), title="mlkata drill", expand=False)


def _answer(line: str) -> tuple[str | None, str]:
    """What a typed line asks for (``"done"``, ``"quit"`` or ``None``) and what to say to it."""
    word = line.strip().lower()
    if word in DONE:
        return "done", ""
    if word in QUIT:
        return "quit", ""
    if word:
        return None, f"{line.strip()[:30]!r} is not a command. {COMMANDS}"
    return None, ""


def countdown(console: Console, minutes: float, stream: TextIO, exercises: list[str]) -> Finish:
    """Show the time left until the learner types ``done`` or ``quit``, or the time is up."""
    typed = _Typed()
    keys = console.is_terminal and _is_terminal(stream)
    start = time.monotonic()
    total = minutes * 60
    reason = "time"
    if keys:
        fd = stream.fileno()
        reader = threading.Thread(target=_read_keys, args=(fd, typed), name="mlkata-drill-keys", daemon=True)
        echo_off = _no_echo(fd)
    else:
        reader = threading.Thread(
            target=_read_lines, args=(stream, typed), name="mlkata-drill-input", daemon=True
        )
        echo_off = contextlib.nullcontext()
    with echo_off:
        reader.start()
        try:
            reason = _run(console, typed, start, total, len(exercises), keys)
        except KeyboardInterrupt:
            reason = "quit"
        finally:
            typed.stop.set()
            if keys:
                reader.join(timeout=1)
    return Finish(min(time.monotonic() - start, total), reason)


def _run(console: Console, typed: _Typed, start: float, total: float, count: int, keys: bool) -> str:
    """The clock's loop: the reason the drill ended (``"done"``, ``"time"`` or ``"quit"``)."""
    if not console.is_terminal:  # nothing is redrawn: answer each line as it comes
        while (left := total - (time.monotonic() - start)) > 0:
            line = typed.next_line(min(0.25, left))
            if line is None:
                continue
            wanted, note = _answer(line)
            if wanted is not None:
                return wanted
            if note:
                console.print(Text(note, style="yellow"))
        return "time"
    from rich.live import Live

    note = ""

    def panel() -> Panel:
        left = total - (time.monotonic() - start)
        return _panel(left, count, typed.partial if keys else None, note)

    reason = "time"
    with Live(panel(), console=console, auto_refresh=False, transient=False) as live:
        try:
            while (left := total - (time.monotonic() - start)) > 0:
                line = typed.next_line(min(0.1 if keys else 0.25, left))
                if line is not None:
                    wanted, said = _answer(line)
                    if wanted is not None:
                        reason = wanted
                        break
                    note = said or note
                live.update(panel(), refresh=True)
        except KeyboardInterrupt:
            reason = "quit"
        ended = {"done": "done", "time": "time is up", "quit": "stopped, not scored"}[reason]
        live.update(_panel(total - (time.monotonic() - start), count, None, ended), refresh=True)
    return reason
