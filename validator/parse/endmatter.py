"""The parts of an official document around the body: 附件, 落款, 成文日期, 附注, 抄送, 印发.

GB/T 9704-2012 (§7.3.5–7.5) orders them: after the body the 附件说明 (``附件：1.…`` with the
further entries ``2.…`` below it), then the 落款 (the issuer's name) and the 成文日期, then
the 附注 in brackets (``（此件公开发布）``), then the 附件 themselves (each starting with a
``附件1`` line, numbered on their own), and last the 版记 (``抄送：…``, ``…印发``).

The grammar recognises the shape of each of these lines (``grammar/report.lark``); this module
decides, by its place, which lines really are end matter: a date line or an ``附件：`` in the
middle of the report is body text. End-matter lines are never headings of the report, so the
list's ``2.…`` raises no numbering finding, and the report's last paragraph is the body's.
Walking back from the end: the 版记, the 附件 bodies, the 附注, the 成文日期 with up to two
lines of 落款 above it (or, without a date, one line that ends like an organ's name), then the
附件说明.
"""

from __future__ import annotations

from collections.abc import Sequence

from validator.parse.lines import ClassifiedLine
from validator.regexes import compiled

ROLES = ("attachment_list", "signature", "date", "note", "attachment", "copy_to", "printed")

_ATTACHMENT_START = compiled(r"附[ \u3000]*件[0-9０-９一二三四五六七八九十]{0,2}[ \t\u3000]*")
_PUNCTUATION = compiled(r"[，。；：！？,.;:!?、“”（）()《》]")
_CLOSING_FORMULA = compiled(r"^特此(报告|通知|通报|函告|说明|请示)")
_ORGAN = compiled(
    r"(党组|党委|委员会|党支部|支部委员会|总支|纪委|纪工委|监委|办公室|办公厅|人民政府|局|厅|院|中心|公司|协会|联合会)$"
)
_SIGNATURE_MAX = 30
_LIST_ENTRY_MAX = 80
_LIST_MAX = 30


def end_matter_roles(group: Sequence[ClassifiedLine], title_at: int | None) -> dict[int, str]:
    """The positions in ``group`` (a report's non-blank lines) that are end matter, with their role."""
    first = title_at + 1 if title_at is not None else 0
    roles: dict[int, str] = {}
    end = len(group)
    while end > first + 1 and group[end - 1].kind in ("copy_to", "printed", "note"):
        end -= 1
        roles[end] = group[end].kind
    start = _attachment_bodies(group, first, end)
    if start is not None:
        roles.update(dict.fromkeys(range(start, end), "attachment"))
        end = start
    end = _closing_block(group, first, end, roles)
    start = _attachment_list(group, first, end)
    if start is not None:
        roles.update(dict.fromkeys(range(start, end), "attachment_list"))
    return roles


def _closing_block(group: Sequence[ClassifiedLine], first: int, end: int, roles: dict[int, str]) -> int:
    """Mark the 附注, 成文日期 and 落款 just above ``end``; returns where they start."""
    while end > first + 1 and group[end - 1].kind == "note":
        end -= 1
        roles[end] = "note"
    if end > first + 1 and group[end - 1].kind == "date":
        end -= 1
        roles[end] = "date"
        for _ in range(2):  # an issuer's name may take two lines (two issuers, or body and person)
            if end > first + 1 and _is_signature(group[end - 1]):
                end -= 1
                roles[end] = "signature"
    elif end > first + 1 and _is_signature(group[end - 1]) and _ORGAN.search(group[end - 1].text.strip()):
        end -= 1
        roles[end] = "signature"
    return end


def _attachment_bodies(group: Sequence[ClassifiedLine], first: int, end: int) -> int | None:
    """Where the 附件 bodies begin: the first ``附件`` / ``附件1`` line alone, after some body text."""
    for position in range(first + 1, end):
        line = group[position]
        if line.kind == "attachment" and _ATTACHMENT_START.fullmatch(line.text):
            return position
    return None


def _attachment_list(group: Sequence[ClassifiedLine], first: int, end: int) -> int | None:
    """Where the 附件说明 above ``end`` begins: ``附件：…`` followed only by its entries."""
    for position in range(end - 1, max(first, end - _LIST_MAX) - 1, -1):
        line = group[position]
        if line.kind == "attachment" and not _ATTACHMENT_START.fullmatch(line.text):
            entries = group[position + 1 : end]
            return position if position > first and all(map(_is_list_entry, entries)) else None
    return None


def _is_list_entry(line: ClassifiedLine) -> bool:
    """``2.青山县…清单``: a numbered (or continued) line, short, with no closing punctuation."""
    text = line.text.strip()
    return (
        line.kind in ("heading", "body", "title_like")
        and 0 < len(text) <= _LIST_ENTRY_MAX
        and text[-1] not in "。；;，,"
    )


def _is_signature(line: ClassifiedLine) -> bool:
    """A short line with no punctuation and no marker: an issuer's (or a signer's) name."""
    text = line.text.strip()
    return (
        line.kind in ("body", "title_like")
        and 0 < len(text) <= _SIGNATURE_MAX
        and not _PUNCTUATION.search(text)
        and not _CLOSING_FORMULA.match(text)
    )


__all__ = ["ROLES", "end_matter_roles"]
