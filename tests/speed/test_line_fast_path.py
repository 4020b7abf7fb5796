"""The line classifier's fast path gives exactly what Lark gives, on any text.

``classify_lines`` reads plain lines with the grammar's own terminals and sends the rest
to Lark; ``classify_lines_with_lark`` sends every line. They must never differ: not in a
line's kind, marker, indentation, column or text.
"""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from validator import snapshot
from validator.parse.lines import _line_scanner, classify_lines, classify_lines_with_lark

_HEADER = len(snapshot._MAGIC) + 20  # the magic, then the 20-byte key

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "samples"

# Characters that start or end a terminal, so arbitrary text reaches every branch.
MARKS = (
    "<!->一二三四五六七八九十是其第（）()、.．，,:：。！？；0123456789０１２①⑴⒇"
    "目录同志们谢大家报告附件抄送印发此联系人年月日〇○/#"
)
# Spaces and line-break-like characters: only \n ends a line, for the grammar and for the fast path.
SPACES_AND_BREAKS = [" ", "\u3000", "\t", "\u00a0", "\n", "\r", "\u2028", "\x85", "\x1c"]
ALPHABET = st.sampled_from([*MARKS, *SPACES_AND_BREAKS, "X", "正"])
arbitrary_text = st.lists(ALPHABET, max_size=400).map("".join)

# Whole pieces of every line kind, so that each kind meets indentation, # and its neighbours.
PIECES = st.sampled_from(
    ["一、", "一 加强", "十一.", "（一）", "(二)、", "1.", "12、", "1．2024年", "2025年以来", "1.5亿元",
     "10%", "（1）", "⑴", "①", "⑳、", "一是", "一是一、", "其一，", "其二是", "第一，", "第一议题", "目录",
     "目 录  ", "<!-- report-validator: disable=NUM-008 理由 -->", "<!-- x --> y", "同志们：", "各位同志们，",
     "谢谢大家！",
     "谢谢", "某局2024年工作情况报告", "关于某事的通知", "附件：1.某表", "附件2", "（此件公开发布）",
     "抄送：某局", "某市委办公室  2024年1月5日印发", "2024年1月5日", "2024.1.5", "二〇二四年一月五日",
     "#", "##", "### ", "####### ", " ", "  ", "\u3000\u3000", "\t", "\u00a0", "正文。", "X", "”“", "。"]
)  # fmt: skip
pieced_text = st.lists(st.lists(PIECES, max_size=5).map("".join), max_size=15).map("\n".join)


def test_the_fast_path_is_on_for_the_grammar() -> None:
    """A grammar whose line shape the scanner does not know turns the fast path off; ours is known."""
    assert _line_scanner() is not None


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arbitrary_text)
@example("")
@example("\n")
@example("  \n\u3000")
@example("一、\n  （一）x\n\t1.y")
@example("## 一、x\n#\n<!-- a -->  \n  <!-- b -->")
def test_arbitrary_text_classifies_as_lark_does(text: str) -> None:
    assert classify_lines(text) == classify_lines_with_lark(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieced_text)
def test_text_pieced_from_line_kinds_classifies_as_lark_does(text: str) -> None:
    fast = classify_lines(text)
    assert fast == classify_lines_with_lark(text)
    assert [line.line for line in fast] == list(range(1, text.count("\n") + 2))


def test_real_shaped_reports_classify_as_lark_does() -> None:
    """The examples, and the real samples when present, line for line (most lines take the fast path)."""
    paths = sorted((ROOT / "examples").rglob("*.txt")) + sorted((ROOT / "examples").rglob("*.md"))
    paths += sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.md")) if SAMPLES.is_dir() else []
    assert paths
    kinds: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        fast = classify_lines(text)
        assert fast == classify_lines_with_lark(text), path
        kinds.update(line.kind for line in fast)
    assert {"heading", "body", "blank", "title_like"} <= kinds


@pytest.mark.parametrize(
    ("line", "kind", "marker", "column"),
    [
        ("\u3000\u3000（一）加强领导", "heading", "（一）", 3),
        ("1.5亿元已到位。", "body", "", 1),
        ("一是抓学习", "enum", "一是", 1),
        ("  2024年1月5日  ", "date", "", 3),
        ("   ", "blank", "", 4),
    ],
)
def test_a_line_of_each_shape(line: str, kind: str, marker: str, column: int) -> None:
    (classified,) = classify_lines(line)
    assert (classified.kind, classified.marker, classified.column) == (kind, marker, column)
    assert classified == classify_lines_with_lark(line)[0]


PARSE_AND_REPORT_LARK = (
    "import sys; from validator.parse import parse_text; "
    "parsed = parse_text('一、加强学习\\n\\u3000\\u3000正文。\\n', 'x.txt'); "
    "print(len(parsed.paragraphs), 'lark' in sys.modules)"
)


def _run(cache: Path) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}  # the per-user cache: cache/report-validator
    done = subprocess.run(
        [sys.executable, "-c", PARSE_AND_REPORT_LARK], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _facts_file(cache: Path) -> Path:
    (facts,) = (cache / "report-validator" / "snapshots").glob("line-facts-*.marshal")
    return facts


def test_plain_lines_need_no_lark_once_the_grammar_facts_are_kept(tmp_path: Path) -> None:
    """The first run derives the scanner with Lark and keeps it as a snapshot; the next never imports Lark."""
    assert _run(tmp_path) == "2 True"
    facts = snapshot._decode(marshal.loads(_facts_file(tmp_path).read_bytes()[_HEADER:]))
    assert isinstance(facts["comment"], str) and facts["scanner"][0].startswith("(?P<")
    assert _run(tmp_path) == "2 False"


@pytest.mark.parametrize("content", [b"\xff not marshal", b"RVS1", b"", b"RVS1" + b"0" * 40])
def test_a_damaged_facts_file_is_derived_again(tmp_path: Path, content: bytes) -> None:
    assert _run(tmp_path) == "2 True"
    facts = _facts_file(tmp_path)
    good = facts.read_bytes()
    facts.write_bytes(content)
    assert _run(tmp_path) == "2 True"  # derived with Lark again, and the same paragraphs
    assert facts.read_bytes() == good


def test_wrong_shaped_facts_under_the_right_key_are_derived_again(tmp_path: Path) -> None:
    assert _run(tmp_path) == "2 True"
    facts = _facts_file(tmp_path)
    good = facts.read_bytes()
    kept = snapshot._decode(marshal.loads(good[_HEADER:]))
    for scanner in (
        ["(?P<TEXT>.+)", "not flags", []],
        ["(?P<TEXT>.+", 0, []],  # does not compile
        ["(?P<TEXT>.+)", 128, []],  # re.DEBUG would print
        ["(?P<TEXT>.+)", 0, [[["CN_MARKER"], "heading"]]],  # an unhashable marker
    ):
        planted = {**kept, "scanner": scanner}
        facts.write_bytes(good[:_HEADER] + marshal.dumps(snapshot._encode(planted)))
        assert _run(tmp_path) == "2 True"
        assert facts.read_bytes() == good
    facts.write_bytes(good[:_HEADER] + marshal.dumps(snapshot._encode(["not", "a", "dict"])))
    assert _run(tmp_path) == "2 True"
    assert facts.read_bytes() == good
