"""Which checklist fits a report: scored from its title and its paragraphs.

Each checklist's ``detect`` block gives regexes for the title (worth 3 points)
and for paragraphs (1 point per distinct pattern found). The best score wins;
ties go to the checklist listed first; with no score at all the default
checklist is used. The choice is always named in the output, and
``--checklist`` overrides it.
"""

from __future__ import annotations

from collections.abc import Sequence

from validator.model import Checklist, Document
from validator.safe_regex import compile_safe

TITLE_WEIGHT = 3
DEFAULT_CHECKLIST = "annual-report"


def detect_checklist(
    document: Document, checklists: Sequence[Checklist], default: str = DEFAULT_CHECKLIST
) -> Checklist:
    """The checklist whose genre the report matches best."""
    scored = [
        (genre_score(document, checklist), -order, checklist) for order, checklist in enumerate(checklists)
    ]
    best_score, _, best = max(scored, key=lambda entry: (entry[0], entry[1]))
    if best_score > 0:
        return best
    return next((c for c in checklists if c.id == default), checklists[0])


def genre_score(document: Document, checklist: Checklist) -> int:
    detection = checklist.detection
    score = 0
    if document.title and any(compile_safe(p).search(document.title.text) for p in detection.title_patterns):
        score += TITLE_WEIGHT
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    # (?m): ^ and $ match at each paragraph's start and end, as if searched one by one
    score += sum(1 for pattern in detection.text_patterns if compile_safe(f"(?m){pattern}").search(text))
    return score
