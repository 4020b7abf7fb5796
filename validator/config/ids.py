"""Which rule codes and item ids a ``select``/``ignore`` list may name, for the file and the flags alike.

The configuration's ``select:`` and the command line's ``--select`` mean the same thing, so one
function decides what counts as known: an exact rule code or checklist item id, or a family
(``NUM`` or ``NUM-``) that names at least one installed code. A typo in either place would
otherwise switch every check off (``--select NUMM`` selects nothing) and the run would pass.
"""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["closest", "is_known_id"]


def is_known_id(value: str, known: Collection[str]) -> bool:
    """Whether ``value`` is a known id, or a family prefix of at least one known code."""
    if value in known:
        return True
    family = value.rstrip("-") + "-"
    return family != "-" and any(code.startswith(family) for code in known)


def closest(value: str, known: Collection[str], *, families: bool = True) -> str | None:
    """The known id (or, with ``families``, rule family) most like ``value``, for a "did you mean"."""
    import difflib  # only to suggest a spelling, after a mistake

    prefixes = {code.split("-")[0] for code in known if "-" in code} if families else set()
    candidates = sorted({*known, *prefixes})
    for spelling in dict.fromkeys((value, value.upper())):
        matches = difflib.get_close_matches(spelling, candidates, n=1)
        if matches:
            return matches[0]
    return None
