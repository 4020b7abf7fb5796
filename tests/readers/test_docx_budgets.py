"""Hostile ``.docx`` files of issue 16: refused or read in bounded time and memory, whatever they hold.

Each case was minutes or gigabytes before: a ``basedOn`` chain of 16,000 styles
walked once per paragraph (quadratic, 165 s), seven million empty paragraphs
inside the size limits (2.7 GB, 98 s), one paragraph of 333,000 characters.
The bounds here are generous (a shared 2-core machine); the figures measured
are in the CHANGELOG and docs/inputs.md. Peak memory is measured in a child
process (lxml's allocations are invisible to tracemalloc).
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("docx")

from validator.errors import InputError
from validator.readers.docx import document as document_module
from validator.readers.docx import read_docx
from validator.readers.docx.document import MAX_PARAGRAPHS

from .test_docx import Para, W, build_docx, replace_part


def stored(document: bytes) -> bytes:
    """A .docx whose document part is ``document``, stored uncompressed (no bomb ratio to trip)."""
    source = zipfile.ZipFile(io.BytesIO(build_docx([Para("x")])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info))
        target.writestr("word/document.xml", document)
    return buffer.getvalue()


def chained_styles(depth: int, paragraphs: int) -> bytes:
    """A .docx whose styles form one ``basedOn`` chain ``depth`` long, all paragraphs in the deepest."""
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="S{i}"/>'
        + (f'<w:basedOn w:val="S{i - 1}"/>' if i else '<w:pPr><w:jc w:val="center"/></w:pPr>')
        + ('<w:rPr><w:sz w:val="32"/></w:rPr>' if i == 7 else "")
        + "</w:style>"
        for i in range(depth)
    )
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="S{depth - 1}"/></w:pPr><w:r><w:t>第{i}段</w:t></w:r></w:p>'
        for i in range(paragraphs)
    )
    data = build_docx([Para("x")])
    data = replace_part(data, "word/styles.xml", f"<w:styles {W}>{styles}</w:styles>".encode())
    return replace_part(
        data, "word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>".encode()
    )


def test_a_based_on_chain_of_16000_styles_costs_linear_time() -> None:
    data = chained_styles(16_000, 2_000)
    started = time.perf_counter()
    source = read_docx(data, "chain.docx")
    elapsed = time.perf_counter() - started
    assert source.text.split("\n")[1999] == "第1999段"
    assert source.layout is not None
    last = source.layout.paragraphs[-1]
    # Inherited from 15,999 and 15,992 ancestors away: the chain was really walked.
    assert (last.alignment, last.runs[0].size) == ("center", 16.0)
    assert elapsed < 10, f"{elapsed:.1f} s"  # about 0.3 s; quadratic it was 165 s for the file


def _run_child(code: str) -> tuple[str, int]:
    """Run ``code`` in a fresh interpreter; its output and its peak resident memory in MB."""
    # VmHWM is the new process's own peak; ru_maxrss would count the pages of this (forked) process.
    script = code + textwrap.dedent(
        """
        import re
        with open("/proc/self/status") as status:
            print(int(re.search(r"VmHWM:\\s*(\\d+)", status.read()).group(1)) // 1024)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    *lines, peak = done.stdout.strip().split("\n")
    return "\n".join(lines), int(peak)


def empty_paragraphs(count: int) -> bytes:
    """A .docx of ``count`` empty paragraphs that compresses about 50 times (no bomb by ratio).

    Two spellings of an empty paragraph, drawn at random, keep deflate from
    reaching its usual 1000:1 on repeated text, as in the issue's 558 KB file.
    """
    spelling = random.Random(16).choices((b"<w:p/>", b"<w:p />"), weights=(10, 1), k=count)
    xml = f"<w:document {W}><w:body>".encode() + b"".join(spelling) + b"</w:body></w:document>"
    return replace_part(build_docx([Para("x")]), "word/document.xml", xml)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="peak memory read from /proc")
def test_seven_million_empty_paragraphs_are_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(empty_paragraphs(7_000_000))
    assert path.stat().st_size < 1_000_000
    code = textwrap.dedent(
        f"""
        import time
        from validator.errors import InputError
        from validator.readers import read_path
        started = time.perf_counter()
        try:
            read_path({str(path)!r})
        except InputError as error:
            print(error.reason)
        print(round(time.perf_counter() - started, 2))
        """
    )
    output, peak = _run_child(code)
    reason, seconds = output.split("\n")
    assert "段落过多" in reason
    assert float(seconds) < 5, seconds  # measured 0.4 s; it was 98 s
    assert peak < 250, f"{peak} MB"  # measured ~110 MB (the 42 MB part inflated, then counted); it was 2.7 GB


def test_one_paragraph_of_333000_characters_reads_quickly() -> None:
    data = build_docx([Para("中纪委" * 111_000)])
    started = time.perf_counter()
    source = read_docx(data, "long.docx")
    elapsed = time.perf_counter() - started
    assert len(source.text) == 333_000
    assert elapsed < 3, f"{elapsed:.1f} s"


def test_the_paragraph_budget_counts_only_paragraph_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs, properties, ``w:pPr`` and other prefixes are not paragraphs; one past the limit is refused."""
    assert MAX_PARAGRAPHS == 100_000  # the documented budget; lowered below to keep the test fast
    monkeypatch.setattr(document_module, "MAX_PARAGRAPHS", 50)
    many = b'<w:p w:rsidR="1"><w:pPr/><w:r><w:t>x</w:t></w:r><w:proofErr/></w:p>' * 50
    document = f"<w:document {W}><w:body>".encode() + many + b"</w:body></w:document>"
    assert len(read_docx(stored(document), "ok.docx").text.split("\n")) == 50
    document = document.replace(b"</w:body>", b"<w:p/></w:body>")
    with pytest.raises(InputError, match="段落过多"):
        read_docx(stored(document), "big.docx")


def test_a_part_of_millions_of_tags_is_refused_before_parsing() -> None:
    runs = b"<w:r/>" * 2_100_000  # in one paragraph: not a paragraph flood, still a tree of gigabytes
    document = f"<w:document {W}><w:body><w:p>".encode() + runs + b"</w:p></w:body></w:document>"
    with pytest.raises(InputError, match="标记过多"):
        read_docx(stored(document), "runs.docx")
