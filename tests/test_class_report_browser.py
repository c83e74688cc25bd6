"""The class report in a real browser: headless Chromium (the system's) draws its plots.

Playwright drives Debian's ``chromium`` (``executable_path``; no browser of playwright's own).
Outside CI a machine without either skips this, saying why; in CI (``CI=true``, where
``.ci/run`` installs chromium and the dev extra playwright) a missing browser fails it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mlkata.batch.class_report import write_class_report
from tests.test_class_report import HOSTILE, UNICODE, write_class

CHROMIUM_NAMES = ("chromium", "chromium-browser")


def _browser() -> str:
    """The system's Chromium and playwright; skip without them, or fail in CI."""
    found = next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "the python package playwright (the dev extra)"
    else:
        missing = "" if found else "a chromium executable (apt-get install chromium)"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test the report in a browser, but {missing} is not installed")
        pytest.skip(f"no browser to open the report in: {missing} is not installed")
    assert found is not None
    return found


@pytest.fixture(scope="module")
def page_of_report(tmp_path_factory):
    chromium = _browser()
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("browser")
    out = write_class(folder / "out")
    assert not write_class_report(out).error
    seen: dict[str, list[str]] = {"console": [], "errors": [], "requests": [], "dialogs": []}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
            page.on("pageerror", lambda e: seen["errors"].append(str(e)))
            page.on("request", lambda r: seen["requests"].append(r.url))
            page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
            page.goto((out / "report.html").as_uri(), wait_until="load")
            boxes = page.evaluate(
                """() => [...document.querySelectorAll('svg')].map(svg => {
                    const r = svg.getBoundingClientRect();
                    return {id: svg.id, cls: svg.getAttribute('class'), w: r.width, h: r.height};
                })"""
            )
            bars = page.evaluate(
                """() => [...document.querySelectorAll('svg.chart rect.bar')].map(bar => {
                    const r = bar.getBoundingClientRect();
                    return {chart: bar.closest('svg').id, count: bar.dataset.count, rate: bar.dataset.rate,
                            w: r.width, h: r.height};
                })"""
            )
            facts = page.evaluate(
                """() => ({scripts: document.scripts.length, xss: window.__xss === 1,
                          text: document.body.innerText, title: document.title})"""
            )
            screenshot = folder / "report.png"
            page.screenshot(path=str(screenshot), full_page=True)
            histogram = folder / "histogram.png"
            page.locator("#histogram").screenshot(path=str(histogram))
        finally:
            browser.close()
    print(f"screenshot of the class report: {screenshot}")
    return {"boxes": boxes, "bars": bars, "facts": facts, "seen": seen, "shots": (screenshot, histogram)}


def test_every_plot_is_drawn_with_a_size(page_of_report):
    boxes = page_of_report["boxes"]
    charts = {b["id"]: b for b in boxes if b["cls"] == "chart"}
    assert set(charts) == {"histogram", "pass-rates"}
    assert all(b["w"] > 100 and b["h"] > 40 for b in charts.values()), charts
    shares = [b for b in boxes if b["cls"] == "share"]
    assert len(shares) == 3 and all(b["w"] > 0 and b["h"] > 0 for b in shares), shares


def test_the_bars_are_as_tall_and_wide_as_their_numbers(page_of_report):
    bars = page_of_report["bars"]
    histogram = [b for b in bars if b["chart"] == "histogram"]
    assert [int(b["count"]) for b in histogram] == [0, 0, 0, 1, 1, 2, 0, 1, 0, 1]
    one = [b["h"] for b in histogram if b["count"] == "1"]
    two = [b["h"] for b in histogram if b["count"] == "2"]
    assert all(h > 10 for h in one) and two[0] == pytest.approx(2 * one[0], rel=0.02)
    assert all(b["h"] == 0 for b in histogram if b["count"] == "0")
    rates = [(float(b["rate"]), b["w"]) for b in bars if b["chart"] == "pass-rates"]
    assert [rate for rate, _ in rates] == [pytest.approx(1 / 6, abs=1e-4), 0.5]  # MSE, then hinge
    (_, sixth), (_, half) = rates
    assert sixth > 10 and half == pytest.approx(3 * sixth, rel=0.02)


def test_no_console_error_no_request_and_no_script_runs(page_of_report):
    seen, facts = page_of_report["seen"], page_of_report["facts"]
    assert seen["errors"] == [] and seen["dialogs"] == []
    assert [m for m in seen["console"] if m.startswith("error")] == []
    assert all(url.startswith("file://") for url in seen["requests"]), seen["requests"]
    assert len(seen["requests"]) == 1  # the page itself: nothing else is loaded
    assert facts["scripts"] == 0 and not facts["xss"]
    assert facts["title"] == "mlkata class report"


def test_hostile_and_unicode_names_show_as_text(page_of_report):
    text = page_of_report["facts"]["text"]
    assert HOSTILE in text  # shown, not run
    assert UNICODE in text
    assert "4 of 6" in text and "that is the RMSE: the MSE takes no square root" in text


def test_a_screenshot_is_taken(page_of_report):
    for shot in page_of_report["shots"]:
        data = Path(shot).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5_000
