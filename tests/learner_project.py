"""A new learner's project of a few topics, for the tests of the learner's commands.

Only the topics named are linked in (as ``tests/test_learner_cli.py``'s ``project`` does
for losses), so that topics being written elsewhere cannot change what the tests see.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlkata import stubs
from tests.helpers import ROOT


def make_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, topics: tuple[str, ...] = ("losses",)
) -> Path:
    """A checkout of ``topics`` with fresh stubs, its own data folder, and the current folder in it."""
    root = tmp_path / "mlkata"
    for folder in ("solutions", "graders"):
        (root / folder).mkdir(parents=True)
        for topic in topics:
            (root / folder / topic).symlink_to(ROOT / folder / topic)
    (root / "conftest.py").write_text((ROOT / "conftest.py").read_text())
    (root / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    stubs.generate(root=root)
    monkeypatch.setenv("MLKATA_ROOT", str(root))
    monkeypatch.setenv("MLKATA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MLKATA_DB", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(root)
    return root


def solve(root: Path, topic: str, module: str, folder: Path | None = None) -> Path:
    """Copy the reference solution over the learner's file (in ``folder``, else exercises/)."""
    target = (folder or root / "exercises") / topic / f"{module}.py"
    shutil.copy(ROOT / "solutions" / topic / f"{module}.py", target)
    return target
