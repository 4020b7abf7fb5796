"""The HTML format without a browser: what the page holds, that report text is escaped, and the CSP.

The page is parsed with the standard library's HTMLParser, so assertions are
about elements and attributes, not substrings of markup. What a browser does
with the page (sorting, filtering, no script run, no request) is in
tests/browser.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser

from validator.formatters import FormatOptions
from validator.formatters.html import format_html, unit_of
from validator.model import Checklist, ChecklistItem, FileResult, ReportResult, Result, Source, Span, Text

HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
CHECKLIST = Checklist(
    "annual-report",
    Text("落实全面从严治党主体责任情况报告", "Annual report"),
    (
        ChecklistItem("title", Text("标题", "Title"), "warning", Text(""), ""),
        ChecklistItem("problems", Text("存在的问题", "Problems found"), "error", Text(""), ""),
    ),
)
OPTIONS = FormatOptions(version="0.1.0", checklists={"annual-report": CHECKLIST})
EN = FormatOptions(lang="en", version="0.1.0", checklists={"annual-report": CHECKLIST})


class Page(HTMLParser):
    """Elements with their attributes, the text of each <script>, and every text node."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.texts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.texts.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    def rows(self) -> list[dict[str, str | None]]:
        """The matrix rows: <tr> elements that carry data-unit."""
        return [attrs for attrs in self.tags("tr") if "data-unit" in attrs]


def report(title: str | None, problems: str = "pass", checklist: str = "annual-report") -> ReportResult:
    results: tuple[Result, ...] = ()
    if checklist:
        results = (
            Result("item", "title", "pass", "warning", "线索：报告", Span(1, 1, 1, 5)),
            Result(
                "item", "problems", problems, "error", "未找到“存在的问题”" if problems == "fail" else "线索"
            ),
        )
    findings = tuple(
        Result("rule", "PUN-001", "fail", "warning", "半角“,”应为全角“，”", Span(2, 3 * n + 3, 2, 3 * n + 4))
        for n in range(5)
    )
    return ReportResult(title, 1, checklist, results + findings)


def run() -> list[FileResult]:
    text = "青山县审计局党组关于2024年度落实全面从严治党主体责任情况的报告\n一是,二是,三是,四是,五是,完。\n"
    return [
        FileResult(
            "a.txt",
            (report("青山县审计局党组关于2024年度落实全面从严治党主体责任情况的报告"),),
            source=Source(text),
        ),
        FileResult("b.txt", (report("市统计局党组2024年落实全面从严治党主体责任情况报告", "fail"),)),
        FileResult("c.doc", error="无法识别的文件格式"),
    ]


def test_one_matrix_row_per_report_and_one_column_per_item() -> None:
    page = Page(format_html(run(), OPTIONS))
    assert [row["data-unit"] for row in page.rows()] == [
        "青山县审计局党组 青山县审计局党组关于2024年度落实全面从严治党主体责任情况的报告 a.txt",
        "市统计局党组 市统计局党组2024年落实全面从严治党主体责任情况报告 b.txt",
    ]
    assert [th["data-item"] for th in page.tags("th") if "data-item" in th] == ["title", "problems"]
    cells = [td.get("class") for td in page.tags("td") if "cell" in (td.get("class") or "")]
    assert cells == ["cell pass", "cell pass", "cell pass", "cell error"]


def test_findings_are_folded_as_in_text_with_the_excerpt_marked() -> None:
    html = format_html(run(), OPTIONS)
    page = Page(html)
    assert html.count('<li class="finding warning">') == 6  # three per report, five found in each
    assert sum("同类问题另有 2 处" in text for text in page.texts) == 2
    assert "<mark>,</mark>" in html
    unfolded = format_html(run(), FormatOptions(version="0.1.0", group=False, checklists=OPTIONS.checklists))
    assert unfolded.count('<li class="finding warning">') == 10


def test_rule_totals_count_reports_and_findings() -> None:
    html = format_html(run(), OPTIONS)
    (row,) = re.findall(r"<tr><td><code>PUN-001</code>.*?</tr>", html)
    assert re.findall(r'<td class="count">(\d+)</td>', row) == ["2", "10"]


def test_every_piece_of_report_text_is_escaped() -> None:
    hostile_text = f"{HOSTILE}\n正文{HOSTILE}\n"
    result = Result("rule", "HYG-001", "fail", "error", f"占位符{HOSTILE}", Span(2, 3, 2, 20))
    files = [
        FileResult(
            f"{HOSTILE}.txt",
            (ReportResult(HOSTILE, 1, "annual-report", (result,)),),
            source=Source(hostile_text),
        ),
        FileResult(f"{HOSTILE}.doc", error=f"无法读取{HOSTILE}"),
    ]
    html = format_html(files, OPTIONS)
    page = Page(html)
    assert page.tags("img") == []
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]
    assert not any(name.startswith("on") for _, attrs in page.elements for name in attrs)
    assert sum(HOSTILE in text for text in page.texts) >= 4  # title, path, message, excerpt: shown as text


def test_csp_forbids_outside_loads_and_allows_only_the_pages_script() -> None:
    page = Page(format_html(run(), OPTIONS))
    (meta,) = [m for m in page.tags("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    policy = dict(part.strip().split(" ", 1) for part in (meta["content"] or "").split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["img-src"] == "'none'" and policy["connect-src"] == "'none'"
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert not [attrs for tag, attrs in page.elements if attrs.get("src") or tag == "link"]


def test_the_pages_own_style_and_script_are_not_escaped() -> None:
    html = format_html(run(), OPTIONS)
    assert 'font-family: "Noto Sans CJK SC"' in html
    assert '"use strict";' in Page(html).scripts[0]


def test_a_report_without_a_checklist_has_no_item_cells_and_says_so() -> None:
    files = [*run(), FileResult("d.txt", (report("某某会议纪要", checklist=""),))]
    page = Page(format_html(files, OPTIONS))
    last = page.rows()[-1]
    assert last["data-checklist"] == ""
    assert "未识别文种" in page.texts
    cells = [td.get("class") for td in page.tags("td") if "cell" in (td.get("class") or "")]
    assert cells[-2:] == ["cell empty", "cell empty"]


def test_english_page() -> None:
    html = format_html(run(), EN)
    page = Page(html)
    assert page.tags("html")[0]["lang"] == "en"
    assert "Checklist matrix" in page.texts and "Findings per rule" in page.texts
    assert "Checked 2 reports: 3 passed, 3 failed (11 findings), 1 file could not be read" in page.texts
    assert "检查清单一览" not in html


def test_unit_is_the_issuing_body_named_by_the_title() -> None:
    assert (
        unit_of("中共青山县审计局党组关于2024年度落实全面从严治党主体责任情况的报告", "x.txt")
        == "青山县审计局党组"
    )
    assert unit_of("2023年市水务局党组落实全面从严治党主体责任情况报告", "x.txt") == "市水务局党组"
    assert unit_of("在全面从严治党工作会议上的讲话", "x.txt") == "在全面从严治党工作会议上的讲话"
    assert unit_of(None, "reports/青山县.docx") == "青山县"


def test_jinja2_is_imported_only_for_the_html_format() -> None:
    code = (
        "import sys; from validator.formatters import report_validator_formatters as f;"
        "formats = f(); assert 'jinja2' not in sys.modules;"
        "formats['html']([], __import__('validator.formatters').formatters.FormatOptions());"
        "assert 'jinja2' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
