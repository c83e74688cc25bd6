"""Options shared by several commands behave the same in each (``--topics``)."""

from __future__ import annotations

import subprocess
import sys

import typer

from mlkata.cli import app
from tests.helpers import ROOT


def _commands(group, prefix: str = ""):
    if hasattr(group, "commands"):  # a group (typer's own, whichever click it builds on)
        for name, command in group.commands.items():
            yield from _commands(command, f"{prefix} {name}".strip())
    else:
        yield prefix, group


def test_every_topics_option_takes_commas_and_repeats_alike():
    found = {
        name: param
        for name, command in _commands(typer.main.get_command(app))
        for param in command.params
        if "--topics" in getattr(param, "opts", ())
    }
    assert {"grade", "drill", "generate", "gradescope build", "classroom build"} <= found.keys(), found
    assert all(param.multiple for param in found.values()), {n: p.multiple for n, p in found.items()}
    assert len({param.help for param in found.values()}) == 1


def test_topics_given_both_ways_reach_the_command():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mlkata.cli",
            "generate",
            "--check",
            "--topics",
            "losses,models",
            "--topics",
            "nope",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "nope" in result.stdout + result.stderr
