"""The GitHub format: workflow-command syntax, the toolkit's escaping, annotation caps, the job summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from validator.formatters import FormatOptions
from validator.formatters.github import (
    STEP_SUMMARY_LIMIT,
    command,
    escape_data,
    escape_property,
    format_github,
    step_summary,
)
from validator.model import FileResult, ReportResult, Result, Severity, Span, Text
from validator.rule import Rule

TITLE = "中共某某委员会关于2023年度落实全面从严治党主体责任情况的报告"
LABELS = {"annual-report": {"political": "党的政治建设", "problems": "存在的问题"}}
NUM_006 = Rule("NUM-006", "numbering-gap", "error", Text("序号跳号", "Numbering gap"), "GB/T", lambda c: ())
OPTIONS = FormatOptions(checklist_labels=LABELS, rules={"NUM-006": NUM_006})

# ::name, then optionally a space and key=value pairs, then :: and the data; nothing may hold a raw CR or LF.
COMMAND = re.compile(
    r"^::(?P<name>error|warning|notice)"
    r"(?: (?P<props>[A-Za-z]+=[^,:\r\n]*(?:,[A-Za-z]+=[^,:\r\n]*)*))?"
    r"::(?P<data>[^\r\n]*)$"
)


def unescape(text: str) -> str:
    """Undo the escaping, as the runner does (actions/runner ActionCommand.cs): ``%25`` last."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the runner reads it: name, properties, data."""
    match = COMMAND.match(line)
    assert match, line
    pairs = match["props"].split(",") if match["props"] else []
    properties = dict(pair.split("=", 1) for pair in pairs)
    return match["name"], {k: unescape(v) for k, v in properties.items()}, unescape(match["data"])


def report() -> ReportResult:
    return ReportResult(
        title=TITLE,
        line=3,
        checklist="annual-report",
        results=(
            Result("item", "political", "pass", "error", "找到“党的政治建设”部分", Span(5, 1, 5, 18)),
            Result("item", "problems", "fail", "error", "缺少“存在的问题”部分"),
            Result("rule", "HYG-001", "fail", "info", "标题后不宜有句号", Span(9, 12, 9, 13)),
            Result("rule", "PUN-002", "fail", "warning", "半角逗号“,”应为全角“，”", Span(20, 5, 20, 6)),
            Result("rule", "NUM-006", "fail", "error", "序号“（三）”前缺少“（二）”", Span(14, 1, 14, 4)),
            Result("rule", "SEC-008", "fail", "warning", "问题部分过短", Span(30, 1, 32, 7)),
            Result("rule", "TERM-007", "pass", "warning", "未发现问题"),
        ),
    )


def run() -> list[FileResult]:
    return [
        FileResult("reports/2023.txt", (report(),)),
        FileResult("reports/scan.doc", error="无法识别的文件格式"),
    ]


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty working directory and no job summary, unless a test asks for one."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def commands(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::")]


# ---------------------------------------------------------------------------- escaping


def test_escaping_is_the_toolkits() -> None:
    assert escape_data("100% 完成\r\n第二行") == "100%25 完成%0D%0A第二行"
    assert escape_data("a:b,c") == "a:b,c"  # data keeps colons and commas
    assert escape_property("100% a:b,c\r\n") == "100%25 a%3Ab%2Cc%0D%0A"
    assert escape_data("%0A") == "%250A"  # a literal escape sequence survives the round trip
    assert unescape(escape_data("%0A")) == "%0A"


def test_command_leaves_out_empty_properties_like_the_toolkit() -> None:
    assert command("warning", {}, "x") == "::warning::x"
    assert command("error", {"file": "a.txt", "line": 3, "title": ""}, "x") == "::error file=a.txt,line=3::x"


def test_chinese_commas_colons_percent_and_newlines_round_trip_in_messages_and_paths() -> None:
    path = "报告/第1,2部分: 100%.txt"
    message = "第一行：序号“（三）”,缺少 50%\n第二行\r\n第三行"
    result = Result("rule", "NUM-006", "fail", "error", message, Span(2, 3, 2, 5))
    output = format_github([FileResult(path, (ReportResult(TITLE, 1, "annual-report", (result,)),))], OPTIONS)
    [line] = commands(output)
    name, properties, data = parse(line)
    assert name == "error"
    assert data == message
    assert properties == {
        "file": path,
        "line": "2",
        "col": "3",
        "endLine": "2",
        "endColumn": "5",
        "title": "NUM-006 序号跳号",
    }
    assert "\n" not in line and "\r" not in line


# ---------------------------------------------------------------------------- annotations


def test_every_command_line_follows_the_syntax_most_severe_first() -> None:
    lines = commands(format_github(run(), OPTIONS))
    parsed = [parse(line) for line in lines]
    assert [(name, props.get("title")) for name, props, _ in parsed] == [
        ("error", "problems 存在的问题"),
        ("error", "NUM-006 序号跳号"),
        ("error", None),  # the unreadable file
        ("warning", "PUN-002"),
        ("warning", "SEC-008"),
        ("notice", "HYG-001"),
    ]


def test_places_columns_only_on_one_line_and_title_line_without_span() -> None:
    parsed = {
        props.get("title"): props for _, props, _ in map(parse, commands(format_github(run(), OPTIONS)))
    }
    assert parsed["problems 存在的问题"] == {
        "file": "reports/2023.txt",
        "line": "3",
        "title": "problems 存在的问题",
    }
    assert parsed["SEC-008"] == {
        "file": "reports/2023.txt",
        "line": "30",
        "endLine": "32",
        "title": "SEC-008",
    }
    assert parsed["HYG-001"]["col"] == "12" and parsed["HYG-001"]["endColumn"] == "13"


def test_input_error_is_an_error_on_the_file() -> None:
    assert "::error file=reports/scan.doc::无法识别的文件格式" in format_github(run(), OPTIONS).splitlines()


def test_paths_are_relative_to_the_working_directory() -> None:
    files = [FileResult(str(Path.cwd() / "sub" / "a.txt"), error="文件不存在")]
    assert commands(format_github(files, OPTIONS)) == ["::error file=sub/a.txt::文件不存在"]


def test_passes_give_no_annotation_and_the_summary_line_ends_the_output() -> None:
    output = format_github(run(), OPTIONS)
    assert "TERM-007" not in output and "political" not in output
    assert output.splitlines()[-1] == "检查 1 份报告：通过 2 项，未通过 5 项（5 处问题），1 个文件无法读取"
    assert output.endswith("\n")


def many(count: int, severity: Severity) -> list[Result]:
    return [
        Result("rule", "PUN-001", "fail", severity, f"第 {n} 处", Span(n, 1, n, 2))
        for n in range(1, count + 1)
    ]


def annotations_for(results: list[Result]) -> list[str]:
    files = [FileResult("a.txt", (ReportResult(TITLE, 1, "annual-report", tuple(results)),))]
    return commands(format_github(files, OPTIONS))


def test_no_extra_notice_within_the_limits() -> None:
    lines = annotations_for(many(10, "error") + many(10, "warning") + many(10, "info"))
    assert len(lines) == 30
    assert not any("report-validator" in line for line in lines)


def test_one_extra_notice_first_when_a_level_overflows() -> None:
    lines = annotations_for(many(12, "error") + many(3, "warning") + many(11, "info"))
    assert len(lines) == 27  # every annotation is still printed
    name, properties, data = parse(lines[0])
    assert (name, properties) == ("notice", {"title": "report-validator"})
    # 2 errors over 10; 11 notices where 9 fit beside this one: 2 more
    assert "另有 4 条未显示为注释" in data and "全部 26 条" in data
    assert sum(line.startswith("::notice title=report-validator::") for line in lines) == 1
    assert [parse(line)[0] for line in lines[1:]] == ["error"] * 12 + ["warning"] * 3 + ["notice"] * 11


def test_the_extra_notice_in_english_names_the_summary_when_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    files = [FileResult("a.txt", (ReportResult(TITLE, 1, "annual-report", tuple(many(11, "warning"))),))]
    [first, *_] = commands(format_github(files, FormatOptions(lang="en")))
    assert parse(first)[2] == (
        "GitHub shows at most 10 error, 10 warning and 10 notice annotations per step: "
        "1 more are not shown as annotations; all 11 are in this step's log and the job summary"
    )


# ---------------------------------------------------------------------------- the job summary


def test_summary_is_appended_when_github_step_summary_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.md"
    target.write_text("## earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    format_github(run(), OPTIONS)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("## earlier step\n\n## report-validator 检查结果\n")
    lines = text.splitlines()
    assert f"### ✘ reports/2023.txt · {TITLE}" in lines
    assert "| 检查项 / 规则 | 结果 | 严重程度 | 行 | 说明 |" in lines
    assert "| political 党的政治建设 | ✔ |  | 5 | 找到“党的政治建设”部分 |" in lines
    assert "| problems 存在的问题 | ✘ | 错误 |  | 缺少“存在的问题”部分 |" in lines
    assert "| NUM-006 序号跳号 | ✘ | 错误 | 14 | 序号“（三）”前缺少“（二）” |" in lines
    assert "通过的规则：TERM-007" in lines
    assert "无法读取：无法识别的文件格式" in lines
    assert "检查 1 份报告：通过 2 项，未通过 5 项（5 处问题），1 个文件无法读取" in lines


def test_no_summary_file_without_the_variable(tmp_path: Path) -> None:
    format_github(run(), OPTIONS)
    assert list(tmp_path.iterdir()) == []


def test_summary_escapes_markdown_and_html(tmp_path: Path) -> None:
    result = Result(
        "rule", "PUN-001", "fail", "warning", "a|b <script> *x* \\ 第一行\n第二行", Span(1, 1, 1, 2)
    )
    files = [FileResult("a_b.txt", (ReportResult("标题", 1, "annual-report", (result,)),))]
    markdown = step_summary(files, OPTIONS)
    assert "a\\|b &lt;script&gt; \\*x\\* \\\\ 第一行<br>第二行" in markdown
    assert "### ✘ a\\_b.txt · 标题" in markdown


def test_summary_is_cut_to_fit_its_budget_with_a_note() -> None:
    results = many(2000, "warning")
    files = [FileResult("a.txt", (ReportResult(TITLE, 1, "annual-report", tuple(results)),))]
    whole = step_summary(files, OPTIONS)
    assert whole.count("\n| PUN-001 ") == 2000
    cut = step_summary(files, OPTIONS, budget=20_000)
    assert len(cut.encode("utf-8")) <= 20_000
    kept = cut.count("\n| PUN-001 ")
    assert 0 < kept < 2000
    assert cut.splitlines()[-1] == (
        f"（摘要已截断，以免超过 GitHub 的 1 MiB 上限：另有 {2000 - kept} 行结果未列出，"
        "完整结果见本步骤日志）"
    )
    assert step_summary(files, OPTIONS, budget=10) == ""


def test_the_file_stays_under_one_mib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.md"
    target.write_bytes(b"x" * (STEP_SUMMARY_LIMIT - 30_000) + b"\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    files = [FileResult("a.txt", (ReportResult(TITLE, 1, "annual-report", tuple(many(2000, "warning"))),))]
    format_github(files, OPTIONS)
    size = target.stat().st_size
    assert STEP_SUMMARY_LIMIT - 30_000 < size <= STEP_SUMMARY_LIMIT
    assert "摘要已截断" in target.read_text(encoding="utf-8")


def test_an_unwritable_summary_is_a_warning_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))  # a directory
    lines = commands(format_github(run(), OPTIONS))
    name, properties, data = parse(lines[-1])
    assert (name, properties) == ("warning", {"title": "report-validator"})
    assert data.startswith(f"无法写入作业摘要 {tmp_path}：")
