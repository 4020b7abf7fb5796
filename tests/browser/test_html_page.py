"""The HTML page in a real browser: matrix shape, sorting, filtering, a hostile report, no network.

Each test makes its page with the real command line (``check --format html
--output``) from our own examples and fixtures, opens it from disk in headless
Chromium and works it as a reviewer would: clicking headings, typing in the
filter, choosing from the menus. The JSON output of the same run is the
reference for what the page should show.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from validator.cli import main

from ..conftest import REPO_ROOT

pytestmark = pytest.mark.browser

EXAMPLES = REPO_ROOT / "examples"
HOSTILE_TITLE = (
    "中共某某局党组关于2024年度落实全面从严治党主体责任情况的报告<script>window.__pwned = 1</script>"
)
HOSTILE_LINE = (
    '一、"><img src=x onerror="window.__pwned = 2">加强政治建设,坚持<svg onload="window.__pwned = 3">'
)


def make_page(tmp_path: Path, *paths: Path | str, lang: str = "zh") -> tuple[Path, dict[str, Any]]:
    """The HTML page and the JSON output of ``check`` on ``paths``."""
    page = tmp_path / "page.html"
    args = [str(path) for path in paths]
    main(["check", *args, "--format", "html", "--output", str(page), "--fail-on", "never", "--lang", lang])
    report = tmp_path / "out.json"
    main(["check", *args, "--format", "json", "--output", str(report), "--fail-on", "never"])
    return page, json.loads(report.read_text(encoding="utf-8"))


def reports_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [report for file in data["files"] for report in file["reports"]]


def open_page(browser: Any, path: Path) -> tuple[Any, list[str]]:
    """A new tab on ``path``, with every request it makes recorded (and any not for the file refused)."""
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    page.goto(path.as_uri())
    return page, requests


def header(page: Any, name: str) -> Any:
    """A matrix column heading by its text (its accessible name gains ▲/▼ once sorted)."""
    return page.locator(f"xpath=//table[@id='matrix']/thead//th[normalize-space(.)='{name}']")


def visible_units(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#matrix tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.cells[0].textContent)"
    )


def column_values(page: Any, header: str) -> list[float]:
    index = page.eval_on_selector_all(
        "#matrix thead th", f"ths => ths.findIndex(th => th.textContent.trim() === {json.dumps(header)})"
    )
    assert index >= 0, header
    return page.eval_on_selector_all(
        "#matrix tbody tr", f"rows => rows.map(r => Number(r.cells[{index}].getAttribute('data-sort')))"
    )


def test_one_row_per_report_and_one_column_per_item(browser: Any, tmp_path: Path) -> None:
    path, data = make_page(tmp_path, EXAMPLES)
    page, _ = open_page(browser, path)
    reports = reports_of(data)
    assert page.locator("#matrix tbody tr").count() == len(reports) >= 4
    items = {r["id"] for report in reports for r in report["results"] if r["kind"] == "item"}
    assert page.locator("#matrix thead th.item").count() == len(items)
    assert page.locator("#matrix tbody tr").first.locator("td.cell").count() == len(items)
    failed = sum(
        r["status"] == "fail" for report in reports for r in report["results"] if r["kind"] == "item"
    )
    assert page.locator("#matrix td.cell:is(.error, .warning, .info)").count() == failed
    assert page.locator("#shown").text_content() == f"显示 {len(reports)} 份，共 {len(reports)} 份"


def test_sorting_by_a_column_both_ways(browser: Any, tmp_path: Path) -> None:
    path, data = make_page(tmp_path, EXAMPLES)
    page, _ = open_page(browser, path)
    before = column_values(page, "警告")
    header(page, "警告").click()
    assert column_values(page, "警告") == sorted(before)
    header(page, "警告").click()
    assert column_values(page, "警告") == sorted(before, reverse=True)
    assert header(page, "警告").get_attribute("aria-sort") == "descending"
    header(page, "单位").click()
    ascending = visible_units(page)
    collated = page.evaluate("units => units.slice().sort((a, b) => a.localeCompare(b, 'zh-CN'))", ascending)
    assert ascending == collated and len(ascending) == len(reports_of(data))
    header(page, "单位").click()
    assert visible_units(page) == ascending[::-1]


def test_filtering_by_unit_checklist_and_item(browser: Any, tmp_path: Path) -> None:
    path, data = make_page(tmp_path, EXAMPLES)
    page, _ = open_page(browser, path)
    page.fill("#filter-unit", "供销")
    assert visible_units(page) == ["县供销合作社党委"]
    total = len(reports_of(data))
    assert page.locator("#shown").text_content() == f"显示 1 份，共 {total} 份"
    page.fill("#filter-unit", "")
    page.select_option("#filter-checklist", "annual-report")
    annual = [report for report in reports_of(data) if report["checklist"] == "annual-report"]
    assert len(visible_units(page)) == len(annual) >= 4
    page.select_option("#filter-item", label="意识形态工作")
    lacking = [
        report["title"]
        for report in annual
        if any(r["id"] == "ideology" and r["status"] == "fail" for r in report["results"])
    ]
    assert len(visible_units(page)) == len(lacking) >= 1
    page.select_option("#filter-status", "pass")
    assert len(visible_units(page)) == len(annual) - len(lacking)


def test_a_hostile_report_runs_no_script_and_shows_its_text(browser: Any, tmp_path: Path) -> None:
    hostile = tmp_path / '"><img src=x onerror=alert(1)>.txt'
    hostile.write_text(f"{HOSTILE_TITLE}\n{HOSTILE_LINE}\n现将有关情况报告如下。\n", encoding="utf-8")
    path, _ = make_page(tmp_path, hostile)
    page, requests = open_page(browser, path)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.reload()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator("img, svg, #matrix script, #details-section script").count() == 0
    assert "<script>window.__pwned = 1</script>" in (
        page.locator("#details-section h3").first.text_content() or ""
    )
    assert page.get_by_text('"><img src=x onerror=alert(1)>.txt').count() >= 1
    assert all(url.startswith("file:") for url in requests)


def test_the_page_makes_no_network_request(browser: Any, tmp_path: Path) -> None:
    path, _ = make_page(tmp_path, EXAMPLES)
    page, requests = open_page(browser, path)
    header(page, "错误").click()
    page.fill("#filter-unit", "统计")
    page.emulate_media(media="print")
    page.pdf(path=str(tmp_path / "page.pdf"), format="A4")  # printing loads nothing either
    assert requests == [path.as_uri()]


def test_english_page(browser: Any, tmp_path: Path) -> None:
    path, data = make_page(tmp_path, EXAMPLES, lang="en")
    page, _ = open_page(browser, path)
    assert page.locator("html").get_attribute("lang") == "en"
    total = len(reports_of(data))
    assert page.locator("#shown").text_content() == f"Showing {total} of {total} reports"
    assert header(page, "Unit").count() == 1


def test_samples_page_size_load_time_and_screenshot(browser: Any, tmp_path: Path, samples_dir: Path) -> None:
    """The 11 real reports: under 1 MB; load time printed (measured, not asserted); a screenshot taken."""
    path, data = make_page(tmp_path, samples_dir)
    size = path.stat().st_size
    assert size < 1_000_000, size
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    started = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load")
    elapsed = time.perf_counter() - started
    print(f"\nsamples page: {size} bytes, {len(reports_of(data))} reports, loaded in {elapsed:.3f} s")
    assert page.locator("#matrix tbody tr").count() == len(reports_of(data)) == 11
    shot = tmp_path / "report-page.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_it_prints_on_a4_without_the_controls(browser: Any, tmp_path: Path) -> None:
    from pdfminer.pdfpage import PDFPage

    path, _ = make_page(tmp_path, EXAMPLES)
    page, _ = open_page(browser, path)
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    assert page.locator("#matrix").is_visible()
    printed = tmp_path / "printed.pdf"
    page.pdf(path=str(printed), prefer_css_page_size=True)
    with printed.open("rb") as handle:
        sizes = {tuple(round(x) for x in p.mediabox[2:]) for p in PDFPage.get_pages(handle)}
    assert sizes == {(842, 595)}  # A4 landscape, in points
