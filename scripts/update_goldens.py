"""Rewrite the golden outputs that keep behaviour unchanged (tests/test_golden_output.py).

Run it only after a change whose new output you have read and meant: the diff of tests/golden/
is the review of that change. The examples' outputs are stored whole; the samples' (real
reports that must not be copied into the project) only as SHA-256 digests.

    python scripts/update_goldens.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.golden_runs import FORMATS, GOLDEN, SAMPLES, SAMPLES_ARG, digest, run


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for fmt in FORMATS:
        (GOLDEN / f"examples.{fmt}").write_text(run(["examples"], fmt), encoding="utf-8")
        if SAMPLES.is_dir():
            (GOLDEN / f"samples.{fmt}.sha256").write_text(digest(run([SAMPLES_ARG], fmt)) + "\n")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    main()
