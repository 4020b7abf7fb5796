"""The text output end to end: goldens on examples/, structure on the real samples, Word paragraphs.

Goldens are stored only for our own examples/ (``REPORT_VALIDATOR_REGEN=1``
rewrites them; read the diff). For ../shared/samples no output is stored, since
it would copy their text: the tests check its structure against the JSON output
of the same run instead: the carets stand under exactly the span's characters,
a rule shows at most three findings per report followed by the count of the
rest, ``--no-group`` lists every one, and the counts agree.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from validator.cli import main
from validator.formatters.excerpt import display_width

from ..conftest import REPO_ROOT

GOLDENS = Path(__file__).parent / "goldens"
EXAMPLES = sorted((REPO_ROOT / "examples").glob("*.txt"))
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (错误|警告|提示) (?P<code>[A-Z]+-\d{3}) ")
MORE = re.compile(r"^  … (?P<code>[A-Z]+-\d{3}) 同类问题另有 (?P<count>\d+) 处")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(["check", *argv, "--fail-on", "never"])
    return capsys.readouterr().out


def json_reports(capsys: pytest.CaptureFixture[str], *paths: str) -> list[dict[str, Any]]:
    data = json.loads(run(capsys, *paths, "--format", "json"))
    return [report for file in data["files"] for report in file["reports"]]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_golden_text_output_of_the_examples(
    example: Path, lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO_ROOT)
    actual = run(capsys, f"examples/{example.name}", "--lang", lang)
    golden = GOLDENS / f"{example.stem}.{lang}.txt"
    if os.environ.get("REPORT_VALIDATOR_REGEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with REPORT_VALIDATOR_REGEN=1"
    assert actual == golden.read_text(encoding="utf-8")


def marked_text(excerpt_line: str, caret_line: str) -> str:
    """The characters of the excerpt that stand above the carets, found by display width."""
    text = excerpt_line.split(" | ", 1)[1]
    carets = caret_line.split(" | ", 1)[1]
    start, width = display_width(carets) - display_width(carets.lstrip(" ")), carets.count("^")
    chosen, column = [], 0
    for char in text:
        if start <= column < start + width:
            chosen.append(char)
        column += display_width(char)
    return "".join(chosen)


def check_structure(output: str, source: dict[str, list[str]], grouped: bool) -> dict[tuple[int, str], int]:
    """Assert the excerpt under every finding; return the findings shown (and folded) per report and rule."""
    lines = output.splitlines()
    shown: dict[tuple[int, str], int] = {}
    report = 0
    for number, line in enumerate(lines):
        report += "  检查清单：" in line and not line.startswith(" ")
        finding = FINDING.match(line)
        if finding:
            key = (report, finding["code"])
            shown[key] = shown.get(key, 0) + 1
            assert not grouped or shown[key] <= 3, line  # (after a fold the count is past 3: no more lines)
            excerpt, carets = lines[number + 1], lines[number + 2]
            if " | " not in excerpt:  # a finding without a span (a whole report's) has no excerpt
                continue
            assert excerpt.split(" | ", 1)[0].strip() == finding["line"], line
            marked = marked_text(excerpt, carets)
            original = source[finding["path"]][int(finding["line"]) - 1]
            column = int(finding["col"]) - 1
            assert marked and original[column : column + len(marked)] == marked, (line, marked)
        more = MORE.match(line)
        if more:
            assert grouped
            previous = next(FINDING.match(x) for x in reversed(lines[:number]) if FINDING.match(x))
            assert previous is not None and previous["code"] == more["code"]
            key = (report, more["code"])
            assert shown[key] == 3
            shown[key] += int(more["count"])
    return shown


def test_samples_text_structure(
    samples_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(samples_dir.parent)
    paths = sorted(f"samples/{p.name}" for p in samples_dir.glob("*.txt"))
    source = {path: Path(path).read_text(encoding="utf-8").split("\n") for path in paths}
    reports = json_reports(capsys, *paths)
    failures = [r for report in reports for r in report["results"] if r["status"] == "fail"]
    rule_findings = sum(r["kind"] == "rule" for r in failures)
    grouped_output = run(capsys, *paths)
    all_output = run(capsys, *paths, "--no-group")
    grouped = check_structure(grouped_output, source, grouped=True)
    listed = check_structure(all_output, source, grouped=False)
    assert sum(listed.values()) == rule_findings  # --no-group lists every finding
    assert grouped == listed  # shown + folded = all, per file and rule
    assert any(count > 3 for count in listed.values()), "the samples have a rule firing more than 3 times"
    assert len(grouped_output.splitlines()) < len(all_output.splitlines())
    summary = json.loads(run(capsys, *paths, "--format", "json"))["summary"]
    assert grouped_output.splitlines()[-1] == (
        f"检查 {summary['reports']} 份报告：通过 {summary['passed']} 项，未通过 {summary['failed']} 项"
        f"（{summary['findings']} 处问题）"
    )
    assert summary["findings"] == len(failures)


def test_a_word_file_shows_the_paragraph_around_the_span(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("青山县统计局党组2024年落实全面从严治党主体责任情况报告")
    document.add_paragraph("一、加强政治建设")
    long_tail = "坚持把学习贯彻党的创新理论作为首要政治任务，全年召开党组理论学习中心组学习会议12次"
    document.add_paragraph(f"全年组织集中学习,开展专题研讨。{long_tail}，推动学习成果转化。")
    path = tmp_path / "报告.docx"
    document.save(str(path))
    lines = run(capsys, str(path)).splitlines()
    (number,) = [i for i, line in enumerate(lines) if " PUN-001 " in line]
    excerpt, carets = lines[number + 1], lines[number + 2]
    assert excerpt.startswith("  第 3 段 | 全年组织集中学习,开展专题研讨。")
    assert excerpt.endswith("...")  # a long paragraph is cut: the words around the span, not all of it
    assert marked_text(excerpt, carets) == ","
    assert display_width(excerpt.split(" | ", 1)[1]) <= 63


def test_a_pdf_finding_names_its_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pdfminer")
    from validator.readers.pdf import read_pdf

    from ..readers.test_pdf import REPORT_TXT, build_pdf

    lines = REPORT_TXT.split("\n")
    lines[-2] += "全年学习,研讨。"  # a halfwidth comma late in the report, on a later page
    data = build_pdf(lines)
    pages = read_pdf(data, "report.pdf").pages
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    output = run(capsys, str(path)).splitlines()
    gutters = [
        (int(finding["line"]), output[number + 1].split(" | ", 1)[0].strip())
        for number, finding in ((n, FINDING.match(line)) for n, line in enumerate(output))
        if finding and " | " in output[number + 1]
    ]
    assert gutters and all(gutter == f"第 {pages[line - 1]} 页" for line, gutter in gutters)
    assert any(pages[line - 1] > 1 for line, _ in gutters)
