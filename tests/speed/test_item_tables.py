"""Items search each report's texts once; ``not_before`` drops earlier hits rather than searching again.

The evidence must be what searching only the headings and paragraphs from that line on finds
(how it was computed before), for every item of every checklist, on the examples and samples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from validator.api import Validator
from validator.engine.items import Evidence, _evidence, _find, _scope_paragraphs, find_evidence
from validator.model import Cues, Document
from validator.parse import parse_text

from .corpus import real_files


def _searched_from(document: Document, cues: Cues, not_before: int) -> Evidence:
    """The evidence found by searching only what stands on line ``not_before`` or later."""
    if cues.scope in ("heading", "paragraph"):
        headings = [h for h in document.all_headings if h.span.line >= not_before]
        by_index = {p.index: p for p in document.paragraphs}
        found = _find([h.title for h in headings], cues.headings, cues.heading_patterns)
        hits = [(by_index[headings[i].paragraph], headings[i].span, matched) for i, matched in found]
        evidence = _evidence(hits, by_heading=True)
        if evidence.paragraphs or cues.scope == "heading":
            return evidence
    scope = _scope_paragraphs(document, cues.scope)
    candidates = [p for p in scope if p.span.line >= not_before]
    found = _find([p.text for p in candidates], cues.paragraphs, cues.paragraph_patterns)
    return _evidence([(candidates[i], candidates[i].span, matched) for i, matched in found], by_heading=False)


@pytest.mark.parametrize("path", real_files(), ids=lambda path: path.name[:12])
def test_evidence_from_a_line_is_what_searching_from_that_line_finds(path: Path) -> None:
    checklists = list(Validator().registry.checklists.values())
    for document in parse_text(path.read_text(encoding="utf-8"), str(path)).documents:
        lines = sorted({p.span.line for p in document.paragraphs})
        starts = [0, *lines[:: max(1, len(lines) // 6)], lines[-1] + 1] if lines else [0]
        for checklist in checklists:
            for item in checklist.items:
                for not_before in starts:
                    assert find_evidence(document, item.cues, not_before) == _searched_from(
                        document, item.cues, not_before
                    ), (checklist.id, item.id, not_before)
