"""The 合格/不合格 examples of the three new checklists in docs/checklists.md behave as documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from validator.api import Validator

DOCS = (Path(__file__).parent.parent.parent / "docs" / "checklists.md").read_text(encoding="utf-8")
SECTION = re.compile(r"^### `(?P<id>[a-z-]+)`：", re.MULTILINE)
EXAMPLE = re.compile(
    r"^(?P<verdict>合格|不合格)[^\n]*：\n\n```text\n(?P<text>.*?)```", re.MULTILINE | re.DOTALL
)


def _examples() -> list[tuple[str, str, str]]:
    found = []
    sections = list(SECTION.finditer(DOCS))
    for section, following in zip(sections, [*sections[1:], None], strict=True):
        body = DOCS[section.end() : following.start() if following else len(DOCS)]
        found += [(section["id"], m["verdict"], m["text"]) for m in EXAMPLE.finditer(body)]
    return found


EXAMPLES = _examples()


def test_each_new_checklist_has_both_examples() -> None:
    pairs = {(checklist, verdict) for checklist, verdict, _ in EXAMPLES}
    for checklist in ("duty-report", "self-review", "inspection-rectification"):
        assert {(checklist, "合格"), (checklist, "不合格")} <= pairs


@pytest.mark.parametrize(("checklist", "verdict", "text"), EXAMPLES, ids=[f"{c}-{v}" for c, v, _ in EXAMPLES])
def test_documented_examples(checklist: str, verdict: str, text: str) -> None:
    [report] = Validator().check_text(text)
    assert report.checklist == checklist
    failed_items = [
        r.id for r in report.results if r.kind == "item" and r.status == "fail" and r.severity != "info"
    ]
    failed_sec = [
        r.id
        for r in report.results
        if r.id.startswith("SEC-") and r.status == "fail" and r.severity != "info"
    ]
    if verdict == "合格":
        assert failed_items == [] and failed_sec == []
    else:
        assert failed_items or failed_sec
