"""Load mlkata's grading plugin for every pytest run in this checkout.

Bare ``pytest`` at the root runs the maintainers' suite (``tests/``, the ``testpaths`` of
pyproject.toml), exactly as CI's ``python -m pytest`` does. That suite needs the ``dev``
extra; where it is missing (a learner's ``pip install .``), bare ``pytest`` stops at once
and says how to grade the exercises instead, rather than running half a minute of tests
that are not the learner's. ``pytest exercises/...`` is never affected.
"""

from __future__ import annotations

import pytest

pytest_plugins = ["mlkata.pytest_plugin"]

FOR_LEARNERS = (
    "to grade your exercises: `pytest exercises/losses` (one topic), `pytest exercises` (all), "
    "or `mlkata` to see where you stand"
)


def _runs_the_suite(config: pytest.Config) -> bool:
    return config.args_source is pytest.Config.ArgsSource.TESTPATHS


def _has_the_dev_extra() -> bool:
    try:
        import hypothesis  # noqa: F401  (tests/test_properties.py needs it; the dev extra brings it)
    except ImportError:
        return False
    return True


def pytest_configure(config: pytest.Config) -> None:
    if _runs_the_suite(config) and not _has_the_dev_extra():
        raise pytest.UsageError(
            "bare `pytest` in the checkout runs mlkata's own tests, for its maintainers "
            '(they need `pip install -e ".[dev]"`); ' + FOR_LEARNERS
        )


def pytest_report_header(config: pytest.Config) -> str | None:
    if _runs_the_suite(config):
        return f"mlkata's own tests (for maintainers); {FOR_LEARNERS}"
    return None
