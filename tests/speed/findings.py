"""Digests of ``check``'s output on the real samples and the examples, to prove speed-ups change nothing.

Only SHA-256 digests are stored (``findings.sha256.json``), never the samples'
text or findings. ``python -m tests.speed.findings SAMPLES_DIR`` rewrites the
file; do that only for a change that is *meant* to alter findings.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from validator.cli import main

HERE = Path(__file__).parent
DIGESTS = HERE / "findings.sha256.json"
EXAMPLES = HERE.parent.parent / "examples"
FORMATS = ("json", "sarif", "text", "junit")


@contextlib.contextmanager
def _inside(directory: Path) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(previous)


def output_digests(directory: Path, *extra: str) -> dict[str, str]:
    """``format/file name`` -> digest of ``check FILE --format FORMAT`` run inside ``directory``."""
    digests = {}
    with _inside(directory):
        for name in sorted(p.name for p in directory.glob("*.txt")):
            for fmt in FORMATS:
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    main(["check", name, "--format", fmt, "--fail-on", "never", *extra])
                digests[f"{fmt}/{name}"] = hashlib.sha256(out.getvalue().encode()).hexdigest()
    return digests


def main_(samples: str) -> None:
    stored = {"examples": output_digests(EXAMPLES), "samples": output_digests(Path(samples).resolve())}
    DIGESTS.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main_(sys.argv[1])
