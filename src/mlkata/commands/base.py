"""What the learner's commands share: the console, plain errors, the project and the progress file.

Nothing heavy is imported here (no numpy, no graders), so that ``mlkata --help`` and
``mlkata status`` stay quick.
"""

from __future__ import annotations

import functools
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from mlkata.catalog import Exercise
    from mlkata.learner.progress import Progress

F = TypeVar("F", bound=Callable[..., object])

LISTING = "`mlkata status`"
"""The command that lists every exercise, as error messages name it."""

_TRAILING_SPACES = re.compile(r"[ \t]+(?=\n)")


class Stop(Exception):
    """A problem the learner can fix, said in one message; ``code`` is the exit status."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class _Piped(io.TextIOBase):
    """Standard output as it is when written to, without the spaces rich pads lines with.

    Tables pad each cell to its column's width; in a terminal that is invisible, but in
    piped output (a file, ``grep``, a test) it leaves trailing spaces on every line.
    """

    def write(self, text: str) -> int:
        sys.stdout.write(_TRAILING_SPACES.sub("", text))
        return len(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(sys.stdout, "encoding", None) or "utf-8"


def console() -> Console:
    """The console the commands print to: standard output, no trailing spaces when piped."""
    if sys.stdout.isatty():
        return Console(highlight=False)
    return Console(highlight=False, file=_Piped())


def friendly(command: F) -> F:
    """Turn the problems a learner can meet (no project, a broken progress file) into messages."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        from mlkata.learner.progress import ProgressError

        try:
            return command(*args, **kwargs)
        except (ProgressError, Stop) as problem:
            console().print(Text(str(problem), style="bold red"))
            raise typer.Exit(getattr(problem, "code", 2)) from None

    return run  # type: ignore[return-value]


def project_root() -> Path:
    """The project the commands work on; a :class:`Stop` naming the way out if there is none."""
    from mlkata.paths import project_root as find

    try:
        return find()
    except FileNotFoundError as error:
        raise Stop(str(error)) from None


def open_progress() -> Progress:
    """The learner's progress file, checked to be readable (a :class:`ProgressError` if not)."""
    from mlkata.learner.progress import Progress

    progress = Progress()
    progress.check()
    return progress


def find(name: str, root: Path) -> Exercise:
    """The exercise ``name`` means (a name, a key or a path); a :class:`Stop` with suggestions."""
    from mlkata.catalog import find_exercise

    try:
        return find_exercise(name, root)
    except KeyError as error:
        raise Stop(f"{error.args[0]} ({LISTING} lists them all)") from None
