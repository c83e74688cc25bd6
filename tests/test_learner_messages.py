"""What the learner's commands say: names and suggestions, code shown as is, failure text, speed.

Each test works in a fresh project of a topic or two, through typer's CliRunner (whose
output is piped, as ``mlkata ... | less`` or a file would be).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from mlkata.catalog import split_meta
from mlkata.cli import app
from mlkata.grading.describe import describe_call, describe_value
from mlkata.learner.layout import counted, fails, wrap_message
from tests.helpers import ROOT
from tests.learner_project import make_project, solve

RMSE = (
    "import numpy as np\n\n\n"
    "def mean_squared_error(y_true, y_pred):\n"
    "    print('my debugging line')\n"
    "    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)\n"
    "    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:\n"
    "        raise ValueError('expected two 1-D arrays of one length')\n"
    "    return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


def mlkata(*args: str, input: str | None = None, columns: int | None = None):
    env = {"COLUMNS": str(columns)} if columns else None
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False, env=env)


def flat(output: str) -> str:
    return " ".join(output.split())


# --- names and suggestions -----------------------------------------------------------------------


def test_a_misspelt_topic_is_suggested_as_the_topic(project):
    result = mlkata("check", "loses")
    assert result.exit_code == 2
    assert "did you mean the topic losses" in flat(result.output), result.output


def test_suggestions_name_each_exercise_once(project):
    for typo in ("hinge_los", "mean_square", "cross_entropy_from_logit"):
        output = flat(mlkata("check", typo).output)
        names = re.search(r"did you mean (.+?)\?", output).group(1).split(", ")
        assert len(names) == len(set(names)), output
        assert not any("/" in name for name in names), output  # not hinge_loss and losses/hinge_loss


def test_a_tab_completed_path_names_its_exercise_or_topic(project):
    solve(project, "losses", "hinge_loss")
    one = mlkata("check", "exercises/losses/hinge_loss.py")
    assert one.exit_code == 0, one.output
    assert re.search(r"losses/hinge_loss\s+(\d+)/\1\s+passes", one.output)
    assert mlkata("hint", "./exercises/losses/log_loss.py").exit_code == 0
    topic = mlkata("check", "exercises/losses/")
    assert "losses/mean_absolute_error" in topic.output and "losses/hinge_loss" in topic.output


def test_mlkata_status_lists_the_curriculum_and_errors_cite_it(project):
    status = mlkata("status")
    assert status.exit_code == 0, status.output
    assert "mean_absolute_error" in status.output and "Next: losses/mean_absolute_error" in status.output
    assert mlkata("list").output == status.output  # the old name still works
    error = mlkata("hint", "no_such_thing")
    assert error.exit_code == 2 and "`mlkata status` lists them all" in error.output
    assert "mlkata status" in (ROOT / "README.md").read_text()
    assert "status" in mlkata("--help").output


# --- words and piped output ----------------------------------------------------------------------


def test_counts_take_singular_or_plural():
    assert counted(1, "hint") == "1 hint" and counted(2, "hint") == "2 hints"
    assert fails(1, 1) == "1 of 1 check fails" and fails(2, 4) == "2 of 4 checks fail"


def test_hint_counts_are_proper_words(project):
    outputs = [mlkata("hint", "log_loss").output for _ in range(2)]
    assert "2 more hints: run" in outputs[0]
    assert "1 more hint: run" in outputs[1]
    assert not any("(s)" in output for output in outputs)


def test_piped_output_has_no_trailing_spaces(project):
    solve(project, "losses", "mean_absolute_error")
    (project / "exercises" / "losses" / "mean_squared_error.py").write_text(RMSE)
    for args in (["check", "losses"], ["check", "mean_squared_error"], ["status"], ["hint", "log_loss"]):
        output = mlkata(*args, columns=80).output
        trailing = [line for line in output.splitlines() if line != line.rstrip()]
        assert not trailing, (args, trailing)


def test_check_names_the_next_exercise_after_a_pass(project):
    solve(project, "losses", "mean_absolute_error")
    result = mlkata("check", "mean_absolute_error")
    assert result.exit_code == 0, result.output
    assert (
        "Next: losses/mean_squared_error: open exercises/losses/mean_squared_error.py, "
        "then run `mlkata check mean_squared_error`" in flat(result.output)
    ), result.output


# --- failure text --------------------------------------------------------------------------------


def test_a_failure_shows_what_the_code_printed_and_wraps_under_its_items(project):
    (project / "exercises" / "losses" / "mean_squared_error.py").write_text(RMSE)
    result = mlkata("check", "mean_squared_error", columns=50)
    assert result.exit_code == 1
    assert "your code printed:" in result.output and "my debugging line" in result.output
    lines = result.output.splitlines()
    assert all(len(line) <= 50 for line in lines), result.output
    (hint,) = [i for i, line in enumerate(lines) if "hint: that is the RMSE" in line][:1]
    column = lines[hint].index("that is")
    assert lines[hint + 1].startswith(" " * column) and lines[hint + 1][column] != " ", result.output
    assert "square root" in lines[hint + 1], "the hint's continuation hangs under its text"


def test_wrapped_lines_hang_under_their_item_and_never_end_in_a_space():
    message = (
        "f(array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]), array([1.0, 2.0, 3.0, 4.0]))\n"
        "  expected 1.5  (sklearn.metrics.mean_squared_error, a long name for a reference)\n"
        "  got      2.5\n"
        "  hint: that is the RMSE: the MSE takes no square root, so square the differences and average"
    )
    lines = wrap_message(message, 50, indent=4)
    assert all(len(line) <= 50 and line == line.rstrip() for line in lines), lines
    items = {"f(": 4 + len("f("), "expected": 4 + len("  expected "), "hint:": 4 + len("  hint: ")}
    current = None
    for line in lines:
        stripped = line.lstrip()
        starts = [name for name in items if stripped.startswith(name)]
        if starts:
            current = starts[0]
            continue
        if stripped.startswith("got"):
            current = None
            continue
        assert current is not None, lines
        assert len(line) - len(stripped) == items[current], (current, line, lines)


def test_values_are_never_cut_mid_token_and_keep_their_shape():
    rng = np.random.default_rng(0)
    for value in (rng.normal(size=(50, 3)), rng.normal(size=(4, 5, 6)), rng.integers(0, 9, size=3000)):
        text = describe_value(value, 160)
        assert len(text) <= 160, text
        assert text.endswith(f"(shape {value.shape}, dtype {value.dtype})"), text
        assert "..." in text.split("(shape")[0], text
    call = describe_call("pca", (rng.normal(size=(200, 12)),), {"n_components": 2})
    assert "(shape (200, 12), dtype float64)" in call and call.endswith("n_components=2)"), call
    listed = describe_value([[1.5, 2.25, 3.0]] * 30, 160)
    assert listed.endswith("(shape (30, 3))"), listed
    words = describe_value(["the cat sat on the mat"] * 30, 120)
    assert words.endswith("', ...] (length 30)") and len(words) <= 120, words
    assert all(part.count("'") == 2 for part in words.split(", ")[:-1]), "whole items only"
    prose = describe_value("a sentence of many words " * 20, 60)
    assert prose.endswith(" ...") and len(prose) <= 60, prose
    assert prose[:-4].split()[-1] in {"a", "sentence", "of", "many", "words"}, "cut between words"


# --- solution ------------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [40, 80])
def test_solution_never_wraps_code_so_its_output_runs(project, columns):
    result = mlkata("solution", "cross_entropy_from_logits", "--yes", columns=columns)
    assert result.exit_code == 0, result.output
    code = result.output.split("Your file against the reference")[0]
    ast.parse(code)  # a heading comment, then the reference exactly
    reference, _ = split_meta((ROOT / "solutions" / "losses" / "cross_entropy_from_logits.py").read_text())
    longest = max(reference.splitlines(), key=len)  # of the code shown (the META block is not)
    assert longest in code.splitlines(), "long lines are kept whole"
    assert max(len(line) for line in code.splitlines()) > columns


# --- speed ---------------------------------------------------------------------------------------


@pytest.fixture
def two_topics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch, ("losses", "text"))


def test_the_speed_report_fits_80_columns_and_says_what_it_measures(two_topics, monkeypatch):
    from mlkata.learner import speed

    monkeypatch.setattr(speed, "SIZE", 100_000)
    solve(two_topics, "losses", "mean_absolute_error")
    solve(two_topics, "text", "bag_of_words")
    result = mlkata("check", "--speed", columns=80)
    out = result.output
    assert all(len(line) <= 80 for line in out.splitlines()), out
    assert "Speed: each passing function against the reference solution" in flat(out)
    assert "than numpy" not in out and "at least 3 calls each" in flat(out)
    row = r"^losses/mean_absolute_error\s+[\d.]+ [mµ]?s\s+[\d.]+ [mµ]?s\s+(vectorised ✓|\d+× slower)$"
    assert re.search(row, out, re.MULTILINE), out
    assert re.search(
        r"Not timed, 1 exercise \(the speed test makes its inputs from parameter names", flat(out)
    )
    assert "text/bag_of_words" in out.split("Not timed")[1]


def test_speed_is_the_best_of_several_calls_of_each_side_in_turns(project, monkeypatch):
    from mlkata.catalog import find_exercise
    from mlkata.learner import speed

    calls: list[str] = []
    real = speed.cpu_seconds

    def counting(function, kwargs):
        calls.append("reference" if "mlkata_reference" in function.__module__ else "learner")
        return real(function, kwargs)

    monkeypatch.setattr(speed, "cpu_seconds", counting)
    path = solve(project, "losses", "mean_squared_error")
    found = speed.measure(find_exercise("mean_squared_error", project), path, project, size=50_000)
    assert found.timed and found.ratio is not None
    assert re.fullmatch(r"vectorised ✓|\d+× slower", found.verdict), found
    warm = speed.WARM_UPS  # the reference's warm-ups; the learner's goes through the graders' wrapper
    assert calls[:warm] == ["reference"] * warm
    timed = calls[warm:]
    assert timed.count("learner") >= speed.MIN_ROUNDS and timed.count("reference") >= speed.MIN_ROUNDS
    assert timed[0::2] == ["learner"] * len(timed[0::2]) and timed[1::2] == ["reference"] * len(timed[1::2])


@pytest.mark.skipif(sys.platform != "linux", reason="glibc's malloc settings")
def test_while_timing_no_call_pays_for_fresh_memory():
    """What made ratios swing between runs: every other call faulting its temporaries in anew."""
    import resource

    from mlkata.learner.speed import steady_memory

    values = np.random.default_rng(0).normal(size=1_000_000)

    def faults(calls: int = 6) -> int:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(calls):
            float(np.mean(np.abs(values - values[::-1])))  # two 8 MB temporaries a call
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

    with steady_memory():
        faults(2)  # the warm-up takes the memory once
        assert faults() < 200
