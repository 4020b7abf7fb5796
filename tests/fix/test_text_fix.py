"""``check --fix`` on text: fixes stay inside their spans, fixing is idempotent, bytes round-trip."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.api import Validator
from validator.cli import main
from validator.fix.text import choose, fix_text, line_starts, to_edit
from validator.model import Fix

EXAMPLES = Path(__file__).parent.parent.parent / "examples"

HEAD = (
    "中共某某局党组关于2024年度落实全面从严治党主体责任情况的报告\n"
    "2024年，局党组认真落实主体责任。现将有关情况报告如下。\n"
)
# Fragments that carry findings with fixes, and fragments that look alike but must stay as written.
PIECES = [
    "一、加强政治建设\n",
    "（一）、强化理论武装\n",
    "(二)深化学习教育\n",
    "1、抓好学习。\n",
    "全年开展学习10次,专题研讨3次。",
    "召开会议。。",
    "学习贯彻习总书记重要讲话精神。",
    "坚持新时期好干部标准。",
    "中纪委通报了典型案例。",
    "第一、要加强学习。",
    "资金1,000万元，8:30开会，网址http://example.org/a,b;c。",
    "(含专题会议3次)",
    "全面从严治党",
    "\n",
    "，",
    ",",
    "。",
    "（",
    ")",
    "abc",
    "2024",
    " ",
]
reports = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map(lambda parts: HEAD + "".join(parts))


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def fixes_for(validator: Validator, text: str, unsafe: bool = True) -> list[tuple[str, Fix, object]]:
    return [
        (result.id, result.fix, result.span)
        for report in validator.check_text(text, "report.txt")
        for result in report.results
        if result.status == "fail" and result.fix and (unsafe or result.fix.applicability == "safe")
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=reports)
def test_one_pass_changes_nothing_outside_the_reported_spans(validator: Validator, text: str) -> None:
    found = fixes_for(validator, text)
    starts = line_starts(text)
    for _, fix, span in found:  # a fix never reaches outside its finding
        assert span is not None
        assert (fix.span.line, fix.span.column) >= (span.line, span.column)  # type: ignore[attr-defined]
        assert (fix.span.end_line, fix.span.end_column) <= (span.end_line, span.end_column)  # type: ignore[attr-defined]
    edits = [e for rule, fix, _ in found if (e := to_edit(fix, text, starts, rule))]
    chosen = choose(edits, text)
    fixed = fix_text(text, lambda t: [(r, f) for r, f, _ in fixes_for(validator, t)], max_passes=1).text
    # Every stretch between two fixed spans is in the output unchanged, shifted by what the fixes before it
    # added or removed; the output is no longer than that.
    shift, previous = 0, 0
    for edit in chosen:
        assert fixed[previous + shift : edit.start + shift] == text[previous : edit.start]
        shift += len(edit.replacement) - (edit.end - edit.start)
        previous = edit.end
    assert fixed[previous + shift :] == text[previous:]
    assert len(fixed) == len(text) + shift


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=reports, unsafe=st.booleans())
def test_fixing_twice_equals_fixing_once(validator: Validator, text: str, unsafe: bool) -> None:
    def find(t: str) -> list[tuple[str, Fix]]:
        return [(r, f) for r, f, _ in fixes_for(validator, t, unsafe)]

    once = fix_text(text, find)
    twice = fix_text(once.text, find)
    assert twice.text == once.text
    assert twice.applied == 0
    assert once.text.count("\n") == text.count("\n")  # no fix joins or splits lines


def test_markers_punctuation_and_look_alikes(validator: Validator) -> None:
    text = (
        HEAD
        + "一、总体情况\n（一）、强化理论武装\n(二)深化学习教育\n资金1,000万元，8:30开会,访问http://example.org/a,b。\n"
    )

    def find(t: str) -> list[tuple[str, Fix]]:
        return [(r, f) for r, f, _ in fixes_for(validator, t, unsafe=False)]

    fixed = fix_text(text, find).text
    assert "（一）强化理论武装" in fixed
    assert "（二）深化学习教育" in fixed
    assert "1,000万元" in fixed and "8:30开会，" in fixed and "http://example.org/a,b" in fixed


def write(path: Path, text: str, encoding: str, newline: str) -> bytes:
    data = text.replace("\n", newline).encode(encoding)
    path.write_bytes(data)
    return data


BODY = HEAD + "一、总体情况\n全年开展学习10次,专题研讨3次。\n召开会议。。\n"
FIXED = HEAD + "一、总体情况\n全年开展学习10次，专题研讨3次。\n召开会议。\n"


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [
        ("gbk", "\r\n"),
        ("gb18030", "\n"),
        ("utf-8-sig", "\r\n"),
        ("utf-8", "\r"),
        ("utf-8", "\n"),
        ("utf-16", "\r\n"),
    ],
)
def test_encoding_bom_and_line_endings_round_trip(tmp_path: Path, encoding: str, newline: str) -> None:
    path = tmp_path / "report.txt"
    write(path, BODY, encoding, newline)
    assert main(["check", "--fix", "--fail-on", "never", "--", str(path)]) == 0
    expected = FIXED.replace("\n", newline).encode(encoding)
    assert path.read_bytes() == expected
    assert os.listdir(tmp_path) == ["report.txt"]  # no temporary file left behind


def test_mixed_line_endings_and_trailing_text_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    original = HEAD.encode() + "一、总体情况\r\n学习10次,研讨3次\r召开会议。。\n结尾无换行".encode()
    path.write_bytes(original)
    main(["check", "--fix", "--fail-on", "never", str(path)])
    expected = original.replace("10次,".encode(), "10次，".encode()).replace("。。".encode(), "。".encode())
    assert path.read_bytes() == expected


def test_diff_writes_nothing_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.txt"
    data = write(path, BODY, "utf-8", "\n")
    before = path.stat()
    assert main(["check", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "-全年开展学习10次,专题研讨3次。" in out and "+全年开展学习10次，专题研讨3次。" in out
    assert path.read_bytes() == data and path.stat().st_mtime_ns == before.st_mtime_ns
    path.write_text(FIXED, encoding="utf-8")
    assert main(["check", "--diff", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(FIXED, encoding="utf-8")
    inode = path.stat().st_ino
    main(["check", "--fix", str(path)])
    assert path.stat().st_ino == inode  # os.replace would have made a new file


def test_fix_then_check_leaves_only_findings_without_a_safe_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "defective-report.txt"
    shutil.copy(EXAMPLES / "defective-report.txt", path)
    before = fixes_for(Validator(), path.read_text(encoding="utf-8"), unsafe=False)
    assert before  # the example has safe fixes to make
    main(["check", "--fix", str(path)])
    err = capsys.readouterr().err
    assert f"已修复 {len(before)} 处" in err
    after = path.read_text(encoding="utf-8")
    assert not fixes_for(Validator(), after, unsafe=False)
    first = path.read_bytes()
    main(["check", "--fix", str(path)])
    assert path.read_bytes() == first  # a second --fix changes nothing
    assert "已修复 0 处" in capsys.readouterr().err


def test_unsafe_fixes_change_wording_only_on_request(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(HEAD + "学习贯彻习总书记重要讲话精神，中纪委通报案例。\n", encoding="utf-8")
    main(["check", "--fix", str(path)])
    assert "习总书记" in path.read_text(encoding="utf-8")
    main(["check", "--fix", "--unsafe-fixes", str(path)])
    text = path.read_text(encoding="utf-8")
    assert "习近平总书记" in text and "中央纪委通报" in text


def test_fix_with_stdin_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--fix", "--stdin"]) == 2
    assert "--stdin" in capsys.readouterr().err


def test_a_plugin_rule_fixes_through_the_same_mechanism(tmp_path: Path) -> None:
    """A rule from outside validator/checks attaches a fix the same way and ``--fix`` applies it."""
    from validator.model import Span, Text
    from validator.plugin.manager import load_plugins
    from validator.plugin.registry import build_registry
    from validator.rule import Rule, RuleContext, Violation, replace

    def check(context: RuleContext) -> list[Violation]:
        found = []
        for paragraph in context.document.paragraphs:
            index = paragraph.text.find("青大")
            if index >= 0:
                column = paragraph.span.column + index
                span = Span.on_line(paragraph.span.line, column, column + 2)
                found.append(Violation(span, Text("简称“青大”应写全称"), fix=replace(span, "青山大学")))
        return found

    registry = build_registry(load_plugins())
    registry.rules["UNI-900"] = Rule(
        "UNI-900",
        "unit-short-name",
        "warning",
        Text("单位简称"),
        "本校惯例",
        check,
        fix="safe",
        origin="uni 1.0",
    )
    from validator.fix.command import fix_paths

    path = tmp_path / "report.txt"
    path.write_text(HEAD + "青大党委认真落实主体责任。\n", encoding="utf-8")
    run = fix_paths(Validator(registry), [str(path)], unsafe=False, write=True)
    assert run.applied == 1
    assert "青山大学党委认真落实" in path.read_text(encoding="utf-8")


def test_markdown_code_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    text = (
        "# 某局党组2024年落实全面从严治党主体责任情况报告\n\n正文中文,中文。\n\n"
        "```\n代码中文,中文\n```\n\n行内`中文,中文`代码,中文。\n\n    缩进代码中文,中文\n"
    )
    path.write_text(text, encoding="utf-8")
    main(["check", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == text.replace("正文中文,中文", "正文中文，中文").replace(
        "代码,中文。", "代码，中文。"
    )


def test_a_file_that_cannot_be_written_back_exactly_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.txt"
    data = BODY.encode("utf-16-be")
    path.write_bytes(b"\xfe\xff" + data)  # UTF-16 big-endian: Python's utf-16 would write it little-endian
    assert main(["check", "--fix", str(path)]) == 2
    assert path.read_bytes() == b"\xfe\xff" + data
    err = capsys.readouterr().err
    assert "report.txt" in err and "逐字节写回" in err and "Traceback" not in err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=reports,
    encoding=st.sampled_from(["gbk", "gb18030", "utf-8", "utf-8-sig"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_any_report_round_trips_in_its_encoding_and_line_endings(
    validator: Validator, text: str, encoding: str, newline: str
) -> None:
    """The bytes written are the fixed text in the file's own encoding and line endings, nothing else."""
    from validator.fix.files import fix_bytes
    from validator.readers.encoding import decode

    def find(t: str) -> list[tuple[str, Fix]]:
        return [(r, f) for r, f, _ in fixes_for(validator, t, unsafe=False)]

    data = text.replace("\n", newline).encode(encoding)
    decoded, detected = decode(data)
    fixed = fix_bytes(data, "report.txt", detected, decoded, find)
    expected = fix_text(decoded, find).text.replace("\n", newline).encode(encoding)
    if encoding == "gbk":  # GB18030 is a superset: the same bytes for these characters
        assert detected in ("gb18030", "utf-8")
    assert fixed.after == expected
    assert fixed.changed == (expected != data)


def test_a_symlinked_report_is_fixed_through_its_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text(BODY, encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    main(["check", "--fix", str(link)])
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == FIXED
    assert target.stat().st_mode & 0o777 == 0o640


def test_diff_names_an_unreadable_file_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    assert main(["check", "--diff", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert "bad.txt" in captured.err and "Traceback" not in captured.err
    assert "+全年开展学习10次，专题研讨3次。" in captured.out  # the other file is still diffed
