"""The text format: exact lines, because editors, CI problem matchers and reviewers all read them."""

from __future__ import annotations

import re

from validator.formatters import FormatOptions
from validator.formatters.text import format_text, summary_line
from validator.model import FileResult, ReportResult, Result, Source, Span

TITLE = "中共某某委员会关于2023年度落实全面从严治党主体责任情况的报告"
LABELS = {
    "annual-report": {"political": "党的政治建设", "problems": "存在的问题", "next_steps": "下一步工作打算"}
}
ZH = FormatOptions(version="0.1.0", checklist_labels=LABELS)
EN_LABELS = {"annual-report": {"political": "Political building", "problems": "Problems found"}}
EN = FormatOptions(lang="en", version="0.1.0", checklist_labels=EN_LABELS)

# The shape of a problem-matcher regex as a CI configuration would write it.
FINDING = re.compile(
    r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): (错误|警告|提示) ([A-Z]+-\d{3}) (.+)$"
)


def annual_report() -> ReportResult:
    """A report with a passed and a failed item, failed rules in scrambled order, and passed rules."""
    return ReportResult(
        title=TITLE,
        line=1,
        checklist="annual-report",
        results=(
            Result(
                "item", "political", "pass", "error", "找到“党的政治建设”部分", Span(4, 1, 4, 18), "（一）"
            ),
            Result("item", "problems", "fail", "error", "缺少“存在的问题”部分"),
            Result("item", "next_steps", "pass", "warning", "找到“下一步工作打算”部分", Span(31, 1, 31, 12)),
            Result("rule", "NUM-006", "fail", "error", "序号“（三）”前缺少“（二）”", Span(14, 1, 14, 4)),
            Result("rule", "PUN-003", "fail", "warning", "句末标点重复“。。”", Span(20, 5, 20, 7)),
            Result("rule", "PUN-002", "fail", "warning", "半角逗号“,”应为全角“，”", Span(20, 5, 20, 6)),
            Result("rule", "HYG-001", "fail", "info", "标题后不宜有句号", Span(9, 12, 9, 13)),
            Result("rule", "SEC-008", "fail", "info", "未写明报告时间"),
            Result("rule", "TERM-007", "pass", "warning", "未发现不规范表述"),
            Result("rule", "TIME-002", "pass", "error", "未发现错误的届次"),
        ),
    )


def untitled_report() -> ReportResult:
    return ReportResult(
        title=None,
        line=3,
        checklist="annual-report",
        results=(
            Result("item", "political", "fail", "warning", "未找到“党的政治建设”部分"),
            Result("rule", "NUM-006", "pass", "error", "未发现跳号"),
        ),
    )


def run() -> list[FileResult]:
    return [
        FileResult("reports/2023.txt", (annual_report(),)),
        FileResult("reports/2022.txt", (untitled_report(),)),
        FileResult("reports/scan.doc", error="无法识别的文件格式"),
    ]


def test_whole_output_in_chinese() -> None:
    assert format_text(run(), ZH) == (
        f"reports/2023.txt  {TITLE}  第 1 行  检查清单：annual-report\n"
        "  ✔ 党的政治建设  第 4 行  找到“党的政治建设”部分\n"
        "  ✘ 存在的问题  错误  缺少“存在的问题”部分\n"
        "  ✔ 下一步工作打算  第 31 行  找到“下一步工作打算”部分\n"
        "  规则：通过 2 条，未通过 5 条，共 5 处问题\n"
        "reports/2023.txt:1:1: 提示 SEC-008 未写明报告时间\n"
        "reports/2023.txt:9:12: 提示 HYG-001 标题后不宜有句号\n"
        "reports/2023.txt:14:1: 错误 NUM-006 序号“（三）”前缺少“（二）”\n"
        "reports/2023.txt:20:5: 警告 PUN-002 半角逗号“,”应为全角“，”\n"
        "reports/2023.txt:20:5: 警告 PUN-003 句末标点重复“。。”\n"
        "\n"
        "reports/2022.txt  （无标题）  第 3 行  检查清单：annual-report\n"
        "  ✘ 党的政治建设  警告  未找到“党的政治建设”部分\n"
        "  规则：通过 1 条，未通过 0 条，共 0 处问题\n"
        "\n"
        "检查 2 份报告：通过 5 项，未通过 7 项（7 处问题），1 个文件无法读取\n"
    )


def test_whole_output_in_english() -> None:
    """Tool words in English, severities too; result messages as given; finding lines keep their shape."""
    assert format_text(run(), EN).splitlines() == [
        f"reports/2023.txt  {TITLE}  line 1  checklist: annual-report",
        "  ✔ Political building  line 4  找到“党的政治建设”部分",
        "  ✘ Problems found  error  缺少“存在的问题”部分",
        "  ✔ next_steps  line 31  找到“下一步工作打算”部分",
        "  rules: 2 passed, 5 failed, 5 findings",
        "reports/2023.txt:1:1: info SEC-008 未写明报告时间",
        "reports/2023.txt:9:12: info HYG-001 标题后不宜有句号",
        "reports/2023.txt:14:1: error NUM-006 序号“（三）”前缺少“（二）”",
        "reports/2023.txt:20:5: warning PUN-002 半角逗号“,”应为全角“，”",
        "reports/2023.txt:20:5: warning PUN-003 句末标点重复“。。”",
        "",
        "reports/2022.txt  (untitled)  line 3  checklist: annual-report",
        "  ✘ Political building  warning  未找到“党的政治建设”部分",
        "  rules: 1 passed, 0 failed, 0 findings",
        "",
        "Checked 2 reports: 5 passed, 7 failed (7 findings), 1 file could not be read",
    ]


def test_finding_lines_are_what_a_problem_matcher_expects() -> None:
    """Every failed rule, and nothing else, matches the ``path:line:col: severity CODE message`` regex."""
    matched = [FINDING.match(line) for line in format_text(run(), ZH).splitlines()]
    found = [(m["path"], m[5]) for m in matched if m]
    assert found == [
        ("reports/2023.txt", "SEC-008"),
        ("reports/2023.txt", "HYG-001"),
        ("reports/2023.txt", "NUM-006"),
        ("reports/2023.txt", "PUN-002"),
        ("reports/2023.txt", "PUN-003"),
    ]


def test_rule_without_span_points_at_its_reports_line() -> None:
    report = ReportResult(
        "第二份报告", 42, "annual-report", (Result("rule", "SEC-008", "fail", "info", "未写明报告时间"),)
    )
    output = format_text([FileResult("汇编.txt", (report,))], ZH)
    assert "汇编.txt:42:1: 提示 SEC-008 未写明报告时间" in output.splitlines()


def test_passed_rules_are_counted_not_listed() -> None:
    output = format_text(run(), ZH)
    assert "TERM-007" not in output
    assert "TIME-002" not in output
    assert "  规则：通过 2 条，未通过 5 条，共 5 处问题" in output.splitlines()


def test_every_item_result_appears_exactly_once() -> None:
    lines = format_text(run(), ZH).splitlines()
    block = lines[1 : lines.index("  规则：通过 2 条，未通过 5 条，共 5 处问题")]
    for label in LABELS["annual-report"].values():
        assert (
            sum(line.startswith(f"  ✔ {label}  ") or line.startswith(f"  ✘ {label}  ") for line in block) == 1
        )
    assert len(block) == 3


def test_input_error_is_counted_not_repeated() -> None:
    """The command line says an input error once, on stderr; the text output only counts it."""
    files = [FileResult("scan.doc", error="scan.doc: 无法识别的文件格式")]
    assert format_text(files, ZH).splitlines() == ["检查 0 份报告：通过 0 项，未通过 0 项，1 个文件无法读取"]


def test_a_file_with_an_error_shows_and_counts_none_of_its_reports() -> None:
    files = [FileResult("a.txt", (annual_report(),), error="文件过大")]
    assert format_text(files, ZH).splitlines() == [summary_line(files)]
    assert summary_line(files) == "检查 0 份报告：通过 0 项，未通过 0 项，1 个文件无法读取"


def test_summary_line_in_chinese_and_english() -> None:
    one = [FileResult("a.txt", (untitled_report(),))]
    assert summary_line(one) == "检查 1 份报告：通过 1 项，未通过 1 项（1 处问题）"
    assert summary_line(one, "en") == "Checked 1 report: 1 passed, 1 failed (1 finding)"
    broken = [FileResult("x.doc", error="无法读取"), FileResult("y.doc", error="无法读取")]
    assert (
        summary_line(one + broken, "en")
        == "Checked 1 report: 1 passed, 1 failed (1 finding), 2 files could not be read"
    )
    assert summary_line(run() * 3) == "检查 6 份报告：通过 15 项，未通过 21 项（21 处问题），3 个文件无法读取"


def test_the_summary_is_the_last_line_and_there_is_exactly_one() -> None:
    lines = format_text(run(), EN).splitlines()
    assert lines[-1].startswith("Checked ")
    assert sum(line.startswith("Checked ") for line in lines) == 1


def test_no_color_by_default_and_marks_colored_on_request() -> None:
    assert "\x1b[" not in format_text(run(), ZH)
    colored = format_text(run(), FormatOptions(color=True, checklist_labels=LABELS)).splitlines()
    assert colored[1] == "  \x1b[32m✔\x1b[0m 党的政治建设  第 4 行  找到“党的政治建设”部分"
    assert colored[2] == "  \x1b[31m✘\x1b[0m 存在的问题  \x1b[1;31m错误\x1b[0m  缺少“存在的问题”部分"
    assert "reports/2023.txt:14:1: \x1b[1;31m错误\x1b[0m NUM-006 序号“（三）”前缺少“（二）”" in colored


def test_show_passed_false_hides_passed_items_but_not_the_counts() -> None:
    options = FormatOptions(show_passed=False, checklist_labels=LABELS)
    lines = format_text(run(), options).splitlines()
    assert not any("✔" in line for line in lines)
    assert "  ✘ 存在的问题  错误  缺少“存在的问题”部分" in lines
    assert lines[-1] == "检查 2 份报告：通过 5 项，未通过 7 项（7 处问题），1 个文件无法读取"


def test_item_without_label_is_shown_by_its_id() -> None:
    lines = format_text(run(), FormatOptions()).splitlines()
    assert "  ✘ problems  错误  缺少“存在的问题”部分" in lines


def test_a_message_with_line_breaks_stays_on_one_line() -> None:
    result = Result("rule", "HYG-001", "fail", "warning", "第一行\n第二行", Span(2, 1, 2, 2))
    output = format_text([FileResult("a.txt", (ReportResult("标题", 1, "annual-report", (result,)),))], ZH)
    assert "a.txt:2:1: 警告 HYG-001 第一行 第二行" in output.splitlines()


def test_a_file_without_reports_still_appears() -> None:
    assert format_text([FileResult("empty.txt")], ZH).splitlines() == [
        "empty.txt  （未发现报告）",
        "",
        "检查 0 份报告：通过 0 项，未通过 0 项",
    ]


def test_the_builtin_formatters_come_through_the_plugin_hook() -> None:
    """The built-ins use the same door as plugins: a plugin manager finds both formats."""
    import pluggy

    from validator import formatters
    from validator.formatters.json_format import format_json
    from validator.plugin import hookspecs

    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    manager.register(formatters)
    (formats,) = manager.hook.report_validator_formatters()
    assert formats["text"] is format_text
    files = many_findings(2)
    assert formats["json"](files, FormatOptions()) == format_json(files, FormatOptions())
    assert set(formats) == {"text", "json", "sarif", "junit", "github", "gitlab", "compact", "html"}


def many_findings(count: int) -> list[FileResult]:
    text = "标题\n" + "一是,二是,三是,四是,五是,六是\n"
    findings = tuple(
        Result("rule", "PUN-001", "fail", "warning", "半角“,”应为全角“，”", Span(2, 3 + 4 * n, 2, 4 + 4 * n))
        for n in range(count)
    )
    other = Result("rule", "HYG-001", "fail", "error", "占位符", Span(2, 1, 2, 3))
    report = ReportResult("标题", 1, "annual-report", (*findings, other))
    return [FileResult("a.txt", (report,), source=Source(text))]


def test_a_rule_firing_more_than_three_times_is_folded_after_three() -> None:
    lines = format_text(many_findings(5), ZH).splitlines()
    pun = [line for line in lines if " PUN-001 " in line and line.startswith("a.txt:")]
    assert [line.split(":")[2] for line in pun] == ["3", "7", "11"]
    assert "  … PUN-001 同类问题另有 2 处（--no-group 列出全部）" in lines
    assert lines.index("  … PUN-001 同类问题另有 2 处（--no-group 列出全部）") == lines.index(pun[-1]) + 3
    assert sum(" HYG-001 " in line for line in lines) == 1  # other rules are not affected
    english = format_text(many_findings(5), EN).splitlines()
    assert "  … 2 more PUN-001 finding(s) (--no-group lists all)" in english


def test_three_findings_are_not_folded_and_no_group_lists_all() -> None:
    assert "同类问题" not in format_text(many_findings(3), ZH)
    unfolded = format_text(many_findings(5), FormatOptions(group=False, checklist_labels=LABELS))
    assert sum(line.startswith("a.txt:") and " PUN-001 " in line for line in unfolded.splitlines()) == 5
    assert "同类问题" not in unfolded


def test_excerpt_and_carets_by_display_width() -> None:
    lines = format_text(many_findings(1), ZH).splitlines()
    start = lines.index("a.txt:2:3: 警告 PUN-001 半角“,”应为全角“，”")
    assert lines[start + 1 : start + 3] == [
        "     2 | 一是,二是,三是,四是,五是,六是",
        "       |     ^",
    ]


def test_control_characters_of_a_report_never_reach_the_terminal() -> None:
    text = "标题\n\x1b[2J清屏,\x07\n"
    result = Result("rule", "PUN-001", "fail", "warning", "半角", Span(2, 7, 2, 8))
    files = [FileResult("a.txt", (ReportResult("标题", 1, "annual-report", (result,)),), source=Source(text))]
    output = format_text(files, ZH)
    assert "\x1b" not in output and "\x07" not in output
    assert "     2 | \ufffd[2J清屏,\ufffd" in output.splitlines()


def test_header_names_the_checklist_and_says_when_the_genre_is_unknown() -> None:
    from validator.model import Checklist, Text

    checklist = Checklist("annual-report", Text("年度报告", "Annual report"), ())
    options = FormatOptions(checklists={"annual-report": checklist})
    assert format_text(run(), options).splitlines()[0].endswith("检查清单：annual-report")
    unknown = FileResult("x.txt", (ReportResult("会议纪要", 1, None, ()),))
    header = format_text([unknown], ZH).splitlines()[0]
    assert header == "x.txt  会议纪要  第 1 行  未识别文种：只检查通用规则"
