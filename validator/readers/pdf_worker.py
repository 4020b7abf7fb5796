"""The PDF reader in a subprocess with a memory limit and a timeout.

pdfminer is a large parser of an untrusted format; ``pdf_bounds`` caps what is known to blow up
(inflated streams, glyphs per page), but a crafted file may find another way to take gigabytes
or minutes. So, where the platform allows (``resource`` and ``fork``-free ``subprocess``: POSIX),
``read_pdf`` runs the reading in ``python -m validator.readers.pdf_worker``: the bytes go in on
stdin, the printed lines come back as JSON on stdout. The child limits its own address space
(``resource.setrlimit(RLIMIT_AS)``, ``REPORT_VALIDATOR_PDF_MEMORY_MB``, 2 GB) before importing
pdfminer, and the parent waits at most what is left of the file's time budget. Exceeding either
is that file's input error; the run goes on. ``REPORT_VALIDATOR_PDF_SUBPROCESS=0`` reads in
process (the bounds of ``pdf_bounds`` still apply).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import astuple

from validator.errors import InputError

__all__ = ["isolated_lines", "isolation_enabled", "main"]

_TOO_BIG = "读取 PDF 时内存不足（超过 {} MB），文件过大或结构异常，已拒绝"
_TOO_SLOW = "读取 PDF 超时（{:g} 秒），文件过大或结构异常，已拒绝；上限见 docs/limits.md"


def isolation_enabled() -> bool:
    """Whether PDFs are read in a subprocess (POSIX, unless ``REPORT_VALIDATOR_PDF_SUBPROCESS=0``)."""
    if os.environ.get("REPORT_VALIDATOR_PDF_SUBPROCESS", "1").strip() == "0":
        return False
    try:
        import resource  # noqa: F401 - POSIX only
    except ImportError:
        return False
    return True


def isolated_lines(data: bytes, path: str) -> list[object]:
    """``pdf.pdf_lines(data, path)`` run in a child process; its ``InputError`` raised here."""
    from validator.budget import remaining
    from validator.limits import current_limits
    from validator.readers.pdf import PdfLine

    limits = current_limits()
    left = remaining()
    timeout = left if left is not None else (limits.seconds or None)
    command = [sys.executable, "-m", "validator.readers.pdf_worker", str(limits.pdf_memory_bytes)]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(path, _TOO_SLOW.format(timeout or 0)) from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        if done.returncode < 0 or b"MemoryError" in done.stderr:
            raise InputError(path, _TOO_BIG.format(limits.pdf_memory_bytes // (1024 * 1024)))
        raise InputError(path, "PDF 读取进程异常退出，无法读取")
    if "error" in answer:
        raise InputError(path, str(answer["error"]))
    return [PdfLine(*fields) for fields in answer["lines"]]


def main() -> int:
    """Read a PDF from stdin under the memory limit given as the first argument; answer in JSON."""
    memory = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    if memory > 0:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    data = sys.stdin.buffer.read()
    from validator.readers.pdf import pdf_lines

    try:
        lines = pdf_lines(data, "<pdf>")
        answer: dict[str, object] = {"lines": [astuple(line) for line in lines]}
    except InputError as error:
        answer = {"error": error.reason}
    except MemoryError:
        limit = memory // (1024 * 1024)
        answer = {"error": _TOO_BIG.format(limit)}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
