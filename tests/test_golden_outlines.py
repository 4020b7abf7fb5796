"""Golden outlines: every marker form and every look-alike, as the parser reads them.

Each ``tests/outlines/NAME.txt|md`` has a ``NAME.golden`` beside it: one line per
paragraph (line, kind, start of text) and then the heading tree. Review a
change to a golden file as you would review a change to the grammar. After a
deliberate change, rewrite them with ``REPORT_VALIDATOR_REGEN=1 pytest
tests/test_golden_outlines.py`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from validator.cli.outline import outline_text
from validator.model import ParsedFile
from validator.parse import parse_text
from validator.readers import read_path

OUTLINES = Path(__file__).parent / "outlines"
INPUTS = sorted(p for p in OUTLINES.iterdir() if p.suffix in (".txt", ".md"))


def render_golden(parsed: ParsedFile) -> str:
    kinds = [f"{p.span.line:>3} {p.kind:<10} {p.text[:16]}" for p in parsed.paragraphs]
    return "\n".join(kinds) + "\n\n" + outline_text(parsed)


@pytest.mark.parametrize("source", INPUTS, ids=[p.name for p in INPUTS])
def test_golden_outline(source: Path) -> None:
    text = read_path(source)
    parsed = parse_text(text.text, source.name, text.format)
    actual = render_golden(parsed)
    golden = source.with_suffix(".golden")
    if os.environ.get("REPORT_VALIDATOR_REGEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file for {source.name}: run with REPORT_VALIDATOR_REGEN=1"
    assert actual == golden.read_text(encoding="utf-8")
