"""`mlkata history`'s strength by topic: the numbers, the terminal chart in 80 columns, the HTML page.

The numbers come from made-up gradings and drills; the command tests record a history in a
fresh project's real progress file and run ``mlkata history`` (and ``--html``) on it.
The page itself is opened in a real browser by ``tests/test_history_browser.py``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mlkata.catalog import all_exercises
from mlkata.cli import app
from mlkata.learner.charts import render_html, strength_table, strengths, svg_chart
from mlkata.learner.progress import Drill, Grading, NewGrading, Progress
from tests.helpers import ROOT
from tests.learner_project import make_project

EXERCISES = all_exercises(ROOT)
STAMP = "2026-03-01T12:00:00+00:00"


def grading(key: str, passed: bool, source: str = "check") -> Grading:
    return Grading(key, 5 if passed else 1, 5, passed, "c", "g", STAMP, source)


def finished(exercises: list[str], seconds: float) -> Drill:
    return Drill(1, 3, exercises, 20.0, "f", STAMP, STAMP, seconds, 0, 0, {})


def history():
    gradings = [
        grading("losses/log_loss", True),
        grading("losses/log_loss", False),
        grading("losses/hinge_loss", True, "drill"),
        grading("losses/hinge_loss", True),
        grading("metrics/accuracy", False),
        grading("no_such/exercise", True),  # an exercise no longer in the pack: left out
    ]
    drills = [
        finished(["losses/log_loss", "losses/hinge_loss"], 300.0),  # 2:30 each
        finished(["losses/huber_loss", "metrics/accuracy", "metrics/precision"], 540.0),  # 3:00 each
        Drill(3, 3, ["metrics/recall"], 20.0, "f", STAMP, None, None, None, None, {}),  # unfinished
    ]
    return gradings, drills


def test_each_topic_gets_its_pass_rate_stars_and_time_per_drill_exercise():
    gradings, drills = history()
    levels = {"losses/log_loss": 2, "losses/hinge_loss": 3, "metrics/accuracy": 1}
    found = {s.topic: s for s in strengths(EXERCISES, gradings, drills, levels)}
    assert list(found) == ["losses", "metrics"], "topics practised only, in curriculum order"
    losses, metrics = found["losses"], found["metrics"]
    assert (losses.gradings, losses.passed, losses.pass_rate) == (4, 3, 0.75)
    assert (metrics.gradings, metrics.passed, metrics.pass_rate) == (1, 0, 0.0)
    assert (losses.stars, metrics.stars) == (5, 1)
    assert losses.max_stars == 3 * sum(e.topic == "losses" for e in EXERCISES)
    assert (losses.drilled, losses.seconds_per_drill) == (3, pytest.approx((150 + 150 + 180) / 3))
    assert (metrics.drilled, metrics.seconds_per_drill) == (2, 180.0)
    plain = strengths(EXERCISES, gradings, drills)
    assert all(s.stars is None for s in plain)


def render(table, width: int = 80) -> list[str]:
    console = Console(width=width, color_system=None, record=True, file=io.StringIO())
    console.print(table)
    return console.export_text().splitlines()


def test_the_terminal_chart_draws_each_bar_as_full_as_its_number():
    gradings, drills = history()
    lines = render(strength_table(strengths(EXERCISES, gradings, drills, {"losses/log_loss": 3})))
    assert lines[0].strip() == "Strength by topic"
    assert re.split(r"\s{2,}", lines[1].strip()) == ["topic", "pass rate", "stars", "time per drill exercise"]
    losses = next(line for line in lines if line.startswith(" losses"))
    bars = re.findall(r"([█░]{10}) (\S+)", losses)
    size = 3 * sum(e.topic == "losses" for e in EXERCISES)
    assert bars[0] == ("████████░░", "75%")
    assert bars[1] == ("█" * round(10 * 3 / size) + "░" * (10 - round(10 * 3 / size)), f"3/{size}★")
    assert bars[2][1] == "2:40", "(150 + 150 + 180) / 3 seconds"
    assert bars[2][0].count("█") == round(10 * 160 / 240), "a full bar is the default drill's 4:00 pace"
    assert "×3" in losses
    metrics = next(line for line in lines if line.startswith(" metrics"))
    assert "░░░░░░░░░░ 0%" in metrics and "0/" in metrics


def test_the_terminal_chart_fits_80_columns_with_the_longest_names_and_numbers():
    every = [e.key for e in EXERCISES]
    gradings = [grading(key, True) for key in every]
    drills = [finished(every[:1], 1199.0) for _ in range(120)]  # 19:59 ×120
    levels = dict.fromkeys(every, 3)
    lines = render(strength_table(strengths(EXERCISES, gradings, drills, levels)))
    assert len(lines) == 2 + len({e.topic for e in EXERCISES}), "\n".join(lines)
    assert max(len(line) for line in lines) <= 80, "\n".join(lines)
    assert any("neural_networks" in line for line in lines)
    assert any("19:59 ×120" in line for line in lines), "\n".join(lines)


def test_the_html_page_is_self_contained_and_names_every_bar():
    gradings, drills = history()
    found = strengths(EXERCISES, gradings, drills, {"losses/log_loss": 2})
    page = render_html(found, "2 topics practised.")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert not re.search(r"(src|href)=|url\(|@import", page), "nothing is fetched"
    for chart in ("pass-rate", "stars", "time-per-drill-exercise"):
        assert f'id="{chart}"' in page
    assert page.count('class="bar"') == 3 * len(found)
    assert 'data-topic="losses" data-label="75%" data-fill="0.7500"' in page
    hostile = svg_chart("pass rate", ["<b>x</b>"], [(0.5, "50%")])
    assert "<b>" not in hostile and "&lt;b&gt;x&lt;/b&gt;" in hostile


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


def record(progress: Progress) -> None:
    progress.record_gradings(
        [
            NewGrading("losses/log_loss", 5, 5, True, "c", "g"),
            NewGrading("losses/hinge_loss", 1, 5, False, "c", "g"),
        ],
        source="check",
    )
    drill = progress.start_drill(3, ["losses/log_loss", "losses/huber_loss"], 20.0, Path("f"))
    progress.finish_drill(drill, 400.0, {"losses/log_loss": (5, 5), "losses/huber_loss": (0, 5)})


def test_mlkata_history_shows_the_strength_chart_and_writes_the_page(project, tmp_path):
    progress = Progress()
    record(progress)
    progress.record_level("losses/log_loss", 2)
    page = tmp_path / "out" / "history.html"
    result = CliRunner().invoke(app, ["history", "--html", str(page)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith(" losses"))
    assert re.search(r"█{5}░{5} 50%\s+█░{9} 2/21★\s+█{8}░{2} 3:20 ×2", row), row
    assert f"Wrote {page}: open it in a browser." in " ".join(result.output.split())
    text = page.read_text(encoding="utf-8")
    assert 'data-topic="losses" data-label="50%"' in text and 'data-label="3:20 ×2"' in text


def test_history_html_to_a_place_that_cannot_be_written_says_so(project, tmp_path):
    record(Progress())
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    result = CliRunner().invoke(app, ["history", "--html", str(blocker / "h.html")], catch_exceptions=False)
    assert result.exit_code == 2
    assert f"Could not write {blocker / 'h.html'}" in " ".join(result.output.split())
