"""Fixtures shared by mlkata's own tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.fixture(autouse=True)
def own_progress_file(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A progress folder of the test's own: no test reads or writes the developer's progress.

    Set in the environment, so the learner's runs a test starts (``pytest exercises/...``,
    ``mlkata check``) record there too.
    """
    folder = tmp_path_factory.mktemp("progress")
    monkeypatch.setenv("MLKATA_DATA_DIR", str(folder))
    monkeypatch.delenv("MLKATA_DB", raising=False)
    return folder / "progress.sqlite3"


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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        default=False,
        help="also run the tests marked slow (each ★★★ mutant timed at a million values)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes seconds each (timing); run with --run-slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow (times code at a million values): run with --run-slow")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)
