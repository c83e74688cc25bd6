"""The grading machinery: plain-data copies, loading, and what learners are told."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest

from mlkata.grading import (
    GradeFailure,
    Mistake,
    StudentFunction,
    SubmissionError,
    expect_close,
    part_mistakes,
    with_hints,
)
from mlkata.grading.judge import hint_lines
from mlkata.grading.loader import load_module
from mlkata.grading.plain import NotPlain, to_plain
from mlkata.grading.proxy import StudentModule
from tests.helpers import ROOT


class LyingFloat(float):
    def __eq__(self, other):
        return True

    __ne__ = __lt__ = __gt__ = __le__ = __ge__ = lambda self, other: False


class Anything:
    def __eq__(self, other):
        return True

    def __float__(self):
        return 42.0


class LyingArray(np.ndarray):
    def __eq__(self, other):
        return np.ones(self.shape, bool)


def test_lying_objects_are_copied_or_refused():
    assert type(to_plain(LyingFloat(2.0))) is float
    assert type(to_plain(np.arange(3.0).view(LyingArray))) is np.ndarray
    with pytest.raises(NotPlain, match="Anything"):
        to_plain(Anything())
    with pytest.raises(NotPlain):
        to_plain(np.array([Anything()], dtype=object))


def test_a_lying_result_scores_nothing():
    liar = StudentFunction.of(lambda y, p: Anything(), "mean_squared_error")
    with pytest.raises(GradeFailure, match="Anything"):
        expect_close(liar.call([1.0], [2.0]), 1.0, reference="exact")
    float_liar = StudentFunction.of(lambda y, p: LyingFloat(0.0), "mean_squared_error")
    with pytest.raises(GradeFailure, match=r"expected 1\.0"):
        expect_close(float_liar.call([1.0], [2.0]), 1.0, reference="exact")


def test_arguments_are_copies(tmp_path):
    def mutates(y, p):
        y[0] = 100.0
        return 0.0

    y = np.array([1.0, 2.0])
    StudentFunction.of(mutates).call(y, y)
    assert y[0] == 1.0


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("def f(:\n    pass\n", "syntax error on line 1"),
        ("from sklearn.metrics import hinge_loss\n", "imports sklearn.metrics"),
        ("import scipy.special as sp\n", "imports scipy.special"),
        ("import importlib\nm = importlib.import_module('sklearn')\n", "imports sklearn"),
        ("from solutions.losses import hinge_loss\n", "imports solutions.losses"),
        ("raise RuntimeError('boom')\n", "raised RuntimeError: boom"),
        ("import sys\nsys.exit(0)\n", "raised SystemExit"),
    ],
)
def test_bad_modules_get_a_clear_message(tmp_path, source, message):
    path = tmp_path / "hinge_loss.py"
    path.write_text(source)
    with pytest.raises(SubmissionError, match=message):
        load_module(path, "losses/hinge_loss.py")


def test_missing_file_and_missing_function(tmp_path):
    with pytest.raises(SubmissionError, match="is missing"):
        StudentModule(tmp_path / "nope.py", "losses/nope.py").load()
    (tmp_path / "hinge_loss.py").write_text("def other():\n    pass\n")
    with pytest.raises(SubmissionError, match="defines no function hinge_loss"):
        StudentModule(tmp_path / "hinge_loss.py", "losses/hinge_loss.py").function("hinge_loss")


def test_allowed_imports_are_allowed(tmp_path):
    path = tmp_path / "chi.py"
    path.write_text("from scipy.stats import chi2\n")
    load_module(path, "chi.py", ["scipy.stats.chi2"])
    path.write_text("from scipy.stats import chisquare\n")
    with pytest.raises(SubmissionError):
        load_module(path, "chi.py", ["scipy.stats.chi2"])


def test_an_endless_loop_is_stopped():
    def forever(*args):
        while True:
            pass

    with pytest.raises(GradeFailure, match=r"more than 0\.2 s"):
        StudentFunction(lambda: forever, "forever", timeout=0.2).call(1)


def test_the_learner_traceback_shows_their_line(tmp_path):
    path = tmp_path / "hinge_loss.py"
    path.write_text("def hinge_loss(y, d):\n    return y[10]\n")
    module = StudentModule(path, "losses/hinge_loss.py")
    function = StudentFunction(lambda: module.function("hinge_loss"), "hinge_loss", path=path)
    with pytest.raises(GradeFailure, match=r"IndexError[\s\S]*line 2, in hinge_loss: return y\[10\]"):
        expect_close(function.call([1], [1.0]), 0.0, reference="exact")


def test_an_endless_loop_at_import_is_stopped(tmp_path):
    path = tmp_path / "hinge_loss.py"
    path.write_text("while True:\n    pass\n")
    with pytest.raises(SubmissionError, match="top level"):
        StudentModule(path, "losses/hinge_loss.py", timeout=0.2).load()


# --- hints: a hint is given only when its mistake explains the failure --------------------


def _failure(outcome, expected, **kwargs) -> str:
    with pytest.raises(GradeFailure) as caught:
        expect_close(outcome, expected, reference="exact", **kwargs)
    return str(caught.value)


def test_tiny_values_checked_relatively_match_their_hints_relatively():
    tripled = Mistake("tripled", lambda x: 3 * x)
    learner = StudentFunction.of(lambda x: 2 * x, "tiny").call(1e-14)
    # Absolutely, 2e-14 and 3e-14 are within 1e-12 of each other; relatively they are not.
    doubled = Mistake("doubled", lambda x: 2 * x)
    message = _failure(learner, 1e-14, rtol=1e-7, atol=0, mistakes=[tripled, doubled])
    assert "hint: doubled" in message and "tripled" not in message


def test_a_mistake_that_gives_the_right_answer_here_is_no_explanation():
    # An exact check: the learner's 1 + 1e-9 fails it. "Forgot to square" gives 1 on x = 1,
    # which is close enough to the learner's answer for a hint, but is the right answer here,
    # so it cannot be why the learner is wrong.
    learner = StudentFunction.of(lambda x: x + 1e-9, "square").call(1.0)
    unsquared = Mistake("square it", lambda x: x)
    nudged = Mistake("a nudge", lambda x: x + 1e-9)
    message = _failure(learner, 1.0, rtol=0, atol=0, mistakes=[unsquared, nudged])
    assert "hint: a nudge" in message
    assert "square it" not in message


def test_a_part_mistake_can_be_held_to_the_whole_result():
    def mistake(x):  # gets the first part wrong too, and its second part is 0 as well
        return 3.0 * x, 0.0

    learner = StudentFunction.of(lambda x: (2.0 * x, 0.0), "pair").call(5.0)
    part = learner.part(1, "p")
    loose = part_mistakes([Mistake("wrong statistic", mistake)], 1)
    strict = part_mistakes([Mistake("wrong statistic", mistake)], 1, whole_must_agree=True)
    assert "hint: wrong statistic" in _failure(part, 1e-3, rtol=1e-7, atol=0, mistakes=loose)
    assert "hint" not in _failure(part, 1e-3, rtol=1e-7, atol=0, mistakes=strict)
    same = part_mistakes([Mistake("same whole", lambda x: (2.0 * x, 0.0))], 1, whole_must_agree=True)
    assert "hint: same whole" in _failure(part, 1e-3, rtol=1e-7, atol=0, mistakes=same)


def test_the_first_differing_entry_is_found_with_the_checks_own_tolerance():
    learner = StudentFunction.of(lambda x: np.array([1.0, 1.0 + 1e-9]), "exact").call(0)
    message = _failure(learner, np.array([1.0, 1.0]), rtol=0, atol=0)
    assert "1 of 2 entries differ; first at index 1" in message


# --- hints: one way to write them ---------------------------------------------------------------

HINT_LINE = re.compile(r"(?:^|\n) *hint: ")
"""A hint line written by hand: what :func:`mlkata.grading.with_hints` alone writes."""

NOT_YET_ON_WITH_HINTS = ("optimization", "data", "decomposition")
"""Grader folders whose hints are still written by hand: they join when they land."""


def _hand_written_hints(path: Path) -> list[int]:
    """The lines of ``path`` where a string (after implicit concatenation) starts a hint line.

    Docstrings are prose (an example's output may show a hint), and with_hints itself is the
    one place that writes them.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "with_hints" and path.name == "judge.py":
            allowed |= {id(n) for n in ast.walk(node)}
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            allowed.add(id(body[0].value))  # a docstring
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in allowed
        and HINT_LINE.search(node.value)
    )


def test_hints_are_formatted_in_one_place():
    """Graders and their shared cores give hints through with_hints, never as "\\n  hint: " text."""
    files = [
        path
        for path in sorted((ROOT / "graders").rglob("*.py"))
        if path.relative_to(ROOT / "graders").parts[0] not in NOT_YET_ON_WITH_HINTS
    ]
    files += sorted((ROOT / "src" / "mlkata" / "grading").rglob("*.py"))
    found = {f"{path.relative_to(ROOT)}:{line}" for path in files for line in _hand_written_hints(path)}
    assert not found, f"format these hints with mlkata.grading.with_hints: {sorted(found)}"


def test_with_hints_writes_one_line_for_each_hint():
    assert with_hints("expected 1.0") == "expected 1.0"
    assert with_hints("expected 1.0", "a", "b") == "expected 1.0\n  hint: a\n  hint: b"
    assert hint_lines(with_hints("expected 1.0", "divide by n")) == ["divide by n"]
