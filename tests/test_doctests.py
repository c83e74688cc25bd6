"""The worked examples in every docstring run, in the solutions and in the package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import mlkata
from mlkata.catalog import all_exercises
from tests.helpers import ROOT, load_solution

PACKAGE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(mlkata.__path__, "mlkata.") if m.name != "mlkata.__main__"
)
OPTIONAL = {"mlkata.batch.cluster": "distributed"}
"""Modules that need an optional extra (``cluster``): their examples run where it is installed."""


@pytest.mark.parametrize("exercise", all_exercises(ROOT), ids=lambda e: e.key)
def test_solution_examples_run(exercise):
    module = load_solution(exercise.topic, exercise.module)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{exercise.key} has no worked example"
    assert result.failed == 0


@pytest.mark.parametrize("name", PACKAGE_MODULES)
def test_package_examples_run(name, monkeypatch):
    if name in OPTIONAL:
        pytest.importorskip(OPTIONAL[name])
    monkeypatch.chdir(ROOT)
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
