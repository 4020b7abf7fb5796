"""Random reports through ``check``: exit 0, 1 or 2, never a traceback, and no file hides another.

Two layers. In process, many random texts built from the pieces rules react to (markers past
九十九, enumerations, slogans, quotes, years, brackets) must be checked without any crash at all:
the guard would turn a crash into a file error, which is why this test asks for none. In a
subprocess under a memory limit (``resource.setrlimit``), a few runs of the real command line on
random text, random and damaged .docx/.pdf bytes and a good report together: the exit code is
0, 1 or 2, stderr holds no traceback, and every file, the good one included, is in the output.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.conftest import GOOD
from validator.api import Validator
from validator.engine.guard import CHECK, PARSE, READ

resource = pytest.importorskip("resource")

PIECES = [
    *("九十九、", "一百、", "（九十九）", "（一）", "（二）", "一、", "二、", "十一、", "1.", "2．", "（1）"),
    *("①", "②", "九十九是", "一是", "二是", "三是", "其一，", "其次，", "第一，", "首先，", "中纪委"),
    *("中央纪委", "两个维护", "“两个维护”", "四个意识", "《", "》", "“", "”", "（", "）", "(", ")"),
    *("2023年", "2019年", "二〇二〇年", "存在的问题", "下一步工作打算", "全面从严治党", "XX", "**"),
    *("。", "，", "、", "：", "；", "？", "！", "\n", "\n\n", " ", "\u3000", "# ", "的的", "地地"),
    "<!-- report-validator: disable=NUM-008 理由 -->",
]
CRASHES = tuple(f"{stage}时" for stage in (READ, PARSE, CHECK))
TITLE = "某局党组2024年落实全面从严治党主体责任情况报告\n"

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=80).map("".join)


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=texts, titled=st.booleans())
def test_random_reports_are_checked_without_a_crash(validator: Validator, body: str, titled: bool) -> None:
    text = (TITLE if titled else "") + body
    result = validator.check_bytes(text.encode("utf-8"), "fuzz.txt")
    # An input error (control characters from st.text) is fine; a guarded crash is not.
    assert result.error is None or not result.error.startswith(CRASHES), result.error


def _docx() -> bytes:
    import docx

    document = docx.Document()
    for line in GOOD.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf() -> bytes:
    from tests.hostile.builders import pdf_document

    return pdf_document(b"BT /F1 12 Tf 72 700 Td (Report 2024) Tj 0 -20 Td (1. Item) Tj ET\n")


def _damaged(data: bytes, edits: list[tuple[int, bytes]]) -> bytes:
    out = bytearray(data)
    for at, chunk in edits:
        position = at % max(1, len(out))
        out[position : position + len(chunk)] = chunk
    return bytes(out)


edits = st.lists(st.tuples(st.integers(0, 1 << 20), st.binary(min_size=1, max_size=8)), max_size=6)

CHILD = """
import resource, sys
limit = 768 * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from validator.cli import main
sys.exit(main(sys.argv[1:]))
"""


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bodies=st.lists(texts, min_size=1, max_size=4),
    docx_edits=st.lists(edits, max_size=2),
    pdf_edits=st.lists(edits, max_size=2),
    raw=st.lists(st.tuples(st.sampled_from([".docx", ".pdf", ".txt"]), st.binary(max_size=3000)), max_size=3),
)
def test_check_under_a_memory_limit_never_crashes_nor_hides_a_file(
    tmp_path_factory: pytest.TempPathFactory,
    bodies: list[str],
    docx_edits: list[list[tuple[int, bytes]]],
    pdf_edits: list[list[tuple[int, bytes]]],
    raw: list[tuple[str, bytes]],
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    files: list[Path] = []
    for number, body in enumerate(bodies):
        files.append(folder / f"text{number}.txt")
        files[-1].write_text(TITLE + body, encoding="utf-8")
    for number, change in enumerate(docx_edits):
        files.append(folder / f"word{number}.docx")
        files[-1].write_bytes(_damaged(_docx(), change))
    for number, change in enumerate(pdf_edits):
        files.append(folder / f"print{number}.pdf")
        files[-1].write_bytes(_damaged(_pdf(), change))
    for number, (suffix, data) in enumerate(raw):
        files.append(folder / f"raw{number}{suffix}")
        files[-1].write_bytes(data)
    good = folder / "zz-good.txt"
    good.write_text(GOOD, encoding="utf-8")
    files.append(good)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "check", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stderr
    listed = {Path(entry["path"]).name: entry for entry in json.loads(done.stdout)["files"]}
    assert set(listed) == {path.name for path in files}
    assert listed["zz-good.txt"]["reports"], "the good report's results are missing"
    for line in done.stderr.splitlines():
        assert line.startswith("report-validator: "), line
