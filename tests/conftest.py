"""Fixtures shared by mlkata's own tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.fixture
def learner_checkout(tmp_path: Path) -> Path:
    """A fresh copy of the project as a new learner has it: stubs, graders, solutions."""
    from mlkata import stubs

    for folder in ("solutions", "graders"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    for name in ("conftest.py", "pyproject.toml"):
        (tmp_path / name).write_text((ROOT / name).read_text())
    stubs.generate(root=tmp_path)
    return tmp_path
