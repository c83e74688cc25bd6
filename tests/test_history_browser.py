"""`mlkata history --html` in a real browser: headless Chromium (the system's) draws the charts.

Like ``tests/test_class_report_browser.py`` (whose browser finder this uses): skipped, saying
why, on a machine without Chromium or playwright; failed in CI if either is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlkata.cli import app
from mlkata.learner.progress import NewGrading, Progress
from tests.learner_project import make_project
from tests.test_class_report_browser import _browser


def _record(progress: Progress) -> None:
    """losses: 3 of 4 gradings pass, 2 stars, drilled at 2:30; metrics: 1 of 4, 1 star, not drilled."""
    gradings = [NewGrading("losses/log_loss", 5, 5, i != 0, "c", "g") for i in range(4)]
    gradings += [NewGrading("metrics/accuracy", 5, 5, i == 0, "c", "g") for i in range(4)]
    progress.record_gradings(gradings, source="check")
    drill = progress.start_drill(3, ["losses/log_loss", "losses/hinge_loss"], 20.0, Path("f"))
    progress.finish_drill(drill, 300.0, {"losses/log_loss": (5, 5), "losses/hinge_loss": (5, 5)})
    progress.record_levels({"losses/log_loss": 2, "metrics/accuracy": 1})


@pytest.fixture(scope="module")
def page_of_history(tmp_path_factory):
    chromium = _browser()
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("history")
    with pytest.MonkeyPatch.context() as patch:
        make_project(folder, patch, topics=("losses", "metrics"))
        _record(Progress())
        page_file = folder / "history.html"
        result = CliRunner().invoke(app, ["history", "--html", str(page_file)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    seen: dict[str, list[str]] = {"errors": [], "requests": [], "console": []}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
            page.on("pageerror", lambda e: seen["errors"].append(str(e)))
            page.on("request", lambda r: seen["requests"].append(r.url))
            page.goto(page_file.as_uri(), wait_until="load")
            bars = page.evaluate(
                """() => [...document.querySelectorAll('svg.chart rect.bar')].map(bar => {
                    const r = bar.getBoundingClientRect();
                    const track = bar.previousElementSibling.getBoundingClientRect();
                    return {chart: bar.closest('svg').id, topic: bar.dataset.topic, label: bar.dataset.label,
                            fill: bar.dataset.fill, w: r.width, h: r.height, track: track.width};
                })"""
            )
            labels = page.evaluate(
                """() => [...document.querySelectorAll('svg.chart text.value')].map(t => t.textContent)"""
            )
            facts = page.evaluate(
                """() => ({scripts: document.scripts.length, text: document.body.innerText,
                          title: document.title, charts: document.querySelectorAll('svg.chart').length})"""
            )
            shot = folder / "history.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    print(f"screenshot of the history page: {shot}")
    return {"bars": bars, "labels": labels, "facts": facts, "seen": seen, "shot": shot}


def _chart(bars: list[dict], chart: str) -> dict[str, dict]:
    return {b["topic"]: b for b in bars if b["chart"] == chart}


def test_three_charts_with_a_bar_per_topic_drawn_as_wide_as_its_number(page_of_history):
    bars = page_of_history["bars"]
    assert page_of_history["facts"]["charts"] == 3
    assert {b["chart"] for b in bars} == {"pass-rate", "stars", "time-per-drill-exercise"}
    rates = _chart(bars, "pass-rate")
    assert (rates["losses"]["label"], rates["metrics"]["label"]) == ("75%", "25%")
    losses, metrics = rates["losses"], rates["metrics"]
    assert losses["track"] > 200 and losses["h"] > 5
    assert losses["w"] == pytest.approx(0.75 * losses["track"], abs=1)
    assert losses["w"] == pytest.approx(3 * metrics["w"], rel=0.02)
    stars = _chart(bars, "stars")
    assert stars["losses"]["label"] == "2/21★" and stars["metrics"]["label"].startswith("1/")
    assert stars["losses"]["w"] == pytest.approx(2 / 21 * stars["losses"]["track"], abs=1)
    times = _chart(bars, "time-per-drill-exercise")
    assert times["losses"]["label"] == "2:30 ×2"
    assert times["losses"]["w"] == pytest.approx(150 / 240 * times["losses"]["track"], abs=1)
    assert times["metrics"]["label"] == "not drilled" and times["metrics"]["w"] == 0
    assert times["metrics"]["fill"] is None, "no number, no bar"


def test_the_labels_are_shown_beside_the_bars(page_of_history):
    labels = page_of_history["labels"]
    for label in ("75%", "25%", "2/21★", "2:30 ×2", "not drilled"):
        assert label in labels
    text = page_of_history["facts"]["text"]
    assert "Your strength by topic" in text and "losses" in text and "metrics" in text


def test_nothing_is_fetched_no_script_runs_and_no_error(page_of_history):
    seen, facts = page_of_history["seen"], page_of_history["facts"]
    assert seen["errors"] == [] and [m for m in seen["console"] if m.startswith("error")] == []
    assert len(seen["requests"]) == 1 and seen["requests"][0].startswith("file://")
    assert facts["scripts"] == 0 and facts["title"] == "mlkata history"
    data = Path(page_of_history["shot"]).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5_000
