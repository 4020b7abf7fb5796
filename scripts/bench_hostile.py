"""Time and peak memory of ``report-validator check`` on each hostile input (tox -e bench).

A measurement, not a test: it prints one row per case and never fails on a number (the tests
in tests/hostile hold the behaviour). Each case is built in a temporary directory and checked by
a fresh ``python -m validator check FILE --format json`` process; the row gives the exit code,
the wall time, the child's peak resident memory (``wait4``'s ``ru_maxrss``) and the first line
on stderr. The cases are those of issue 16: crashes, super-linear rules, inputs small on disk
and huge in memory, and special files. ``--only NAME`` runs the cases whose name contains NAME.

POSIX only (``os.wait4``, ``os.mkfifo``).
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile.builders import (  # noqa: E402 - after the path is set
    inflating_stream_pdf,
    overlapping_glyphs_pdf,
    repeated_line,
    repeated_lines,
)

TITLE = "某局党组2024年落实全面从严治党主体责任情况报告"
Case = tuple[str, Callable[[Path], list[str]]]


def _write(folder: Path, name: str, data: str | bytes) -> list[str]:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return [str(path)]


def _docx(document_xml: str, styles_xml: str | None = None) -> bytes:
    """A minimal .docx written part by part (python-docx is too slow for millions of paragraphs)."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
        '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
        'document.main+xml"/>'
        + (
            '<Override PartName="/word/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            if styles_xml
            else ""
        )
        + "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships">'
        + (
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/>'
            if styles_xml
            else ""
        )
        + "</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/_rels/document.xml.rels", document_rels)
        archive.writestr("word/document.xml", document_xml)
        if styles_xml:
            archive.writestr("word/styles.xml", styles_xml)
    return buffer.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _body(paragraphs: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{paragraphs}</w:body></w:document>'
    )


def _para(text: str, style: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _based_on_chain(length: int, paragraphs: int) -> bytes:
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/>'
        + (f'<w:basedOn w:val="s{i - 1}"/>' if i else "")
        + "</w:style>"
        for i in range(length)
    )
    styles_xml = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_W}>{styles}</w:styles>'
    body = _para(TITLE) + _para("全年召开会议12次。", f"s{length - 1}") * paragraphs
    return _docx(_body(body), styles_xml)


def _fifo(folder: Path) -> list[str]:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return [str(path)]


def _config(folder: Path) -> list[str]:
    (folder / "rv.yaml").write_text("report_year: " + "9" * 5000 + "\n", encoding="utf-8")
    return ["--config", str(folder / "rv.yaml"), *_write(folder, "good.txt", f"{TITLE}\n一、总体情况\n")]


def _baseline(folder: Path) -> list[str]:
    (folder / "baseline.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    return [
        "--baseline",
        str(folder / "baseline.json"),
        *_write(folder, "good.txt", f"{TITLE}\n一、总体情况\n"),
    ]


def _sparse(folder: Path) -> list[str]:
    path = folder / "sparse.txt"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024**3)
    return [str(path)]


def _twenty_mb_line(folder: Path) -> list[str]:
    lines = (ROOT / "examples" / "defective-report.txt").read_text(encoding="utf-8").split("\n")
    body = "".join(line for line in lines[1:] if line.strip())
    text = (body * (20_000_000 // len(body.encode()) + 1)).encode()[:20_000_000].decode("utf-8", "ignore")
    return _write(folder, "line.txt", f"{lines[0]}\n{text}\n")


CASES: list[Case] = [
    ("crash: 九十九、 heading", lambda d: _write(d, "a.txt", "九十九、加强政治建设\n一、加强作风建设\n")),
    ("crash: （九十九）", lambda d: _write(d, "a.txt", f"{TITLE}\n一、总体\n（九十九）加强\n（一）强化\n")),
    ("crash: 九十九是", lambda d: _write(d, "a.txt", f"{TITLE}\n九十九是加强学习。一是强化落实。\n")),
    ("config: report_year of 5,000 digits", _config),
    ("baseline nested 100,000 deep", _baseline),
    ("TERM-010: 中纪委 x20,000 on one line", lambda d: _write(d, "a.txt", repeated_line("中纪委", 20_000))),
    ("TERM-010: 中纪委 x80,000 on one line", lambda d: _write(d, "a.txt", repeated_line("中纪委", 80_000))),
    (
        "NUM-011: 一是…二是… 80,000 items, one line",
        lambda d: _write(d, "a.txt", repeated_line("一是加强学习。二是强化落实。", 40_000)),
    ),
    (
        "TERM-006: unquoted 两个维护 x50,000, one line",
        lambda d: _write(d, "a.txt", repeated_line("坚决做到两个维护，", 50_000)),
    ),
    (
        "PUN-003: 《 x50,000 then ） x50,000",
        lambda d: _write(d, "a.txt", f"{TITLE}\n" + "《" * 50_000 + "）" * 50_000 + "\n"),
    ),
    (
        "100,000 lines of 一是…",
        lambda d: _write(d, "a.txt", repeated_lines("一是加强学习。二是强化落实。", 100_000)),
    ),
    ("one 20 MB line", _twenty_mb_line),
    (
        "50,000 suppression comments",
        lambda d: _write(
            d,
            "a.txt",
            repeated_lines("<!-- report-validator: disable=NUM-008 理由 -->\n中纪委通报。", 50_000),
        ),
    ),
    ("3 GB sparse .txt", _sparse),
    ("FIFO named on the command line", _fifo),
    ("PDF: 320,000 overlapping glyphs", lambda d: _write(d, "a.pdf", overlapping_glyphs_pdf(320_000))),
    (
        "PDF: 19,000 overlapping glyphs (under the budget)",
        lambda d: _write(d, "a.pdf", overlapping_glyphs_pdf(19_000)),
    ),
    ("PDF: a stream inflating to 3 GiB", lambda d: _write(d, "a.pdf", inflating_stream_pdf(3 * 1024))),
    (
        ".docx: one paragraph of 中纪委 x111,000",
        lambda d: _write(d, "a.docx", _docx(_body(_para(TITLE) + _para("中纪委" * 111_000)))),
    ),
    (".docx: 7,000,000 empty paragraphs", lambda d: _write(d, "a.docx", _docx(_body("<w:p/>" * 7_000_000)))),
    (".docx: basedOn chain of 16,000 styles", lambda d: _write(d, "a.docx", _based_on_chain(16_000, 2_000))),
]


def measure(arguments: list[str], folder: Path) -> tuple[int, float, float, str]:
    """Exit code, seconds, peak resident MB and first stderr line of one ``check`` run."""
    command = [sys.executable, "-m", "validator", "check", "--format", "json", *arguments]
    with open(folder / "stderr", "w+b") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=folder)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        first = errors.read().decode("utf-8", "replace").strip().splitlines()[:1]
    return process.returncode, seconds, usage.ru_maxrss / 1024, first[0] if first else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    args = parser.parse_args()
    print(f"{'case':<48} {'exit':>4} {'seconds':>8} {'peak MB':>8}  stderr")
    for name, build in CASES:
        if args.only not in name:
            continue
        with tempfile.TemporaryDirectory(prefix="bench-hostile-") as directory:
            folder = Path(directory)
            started = time.perf_counter()
            arguments = build(folder)
            built = time.perf_counter() - started
            code, seconds, peak, first = measure(arguments, folder)
        line = first if len(first) <= 90 else first[:89] + "…"
        print(
            f"{name:<48} {code:>4} {seconds:>8.2f} {peak:>8.0f}  {line}  (built in {built:.1f} s)", flush=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
