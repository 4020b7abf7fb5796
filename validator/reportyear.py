"""The year a report is about: from its title, else its lead paragraph, else the setting.

A 2023 report (due January 2024) should cite what was current in 2023; rules on
outdated formulations and anachronisms need that year. The title says it most
reliably (…2023年落实…报告); the lead's opening (2023年以来，…) comes next; the
``report_year`` setting is the fallback for reports that say neither.
"""

from __future__ import annotations

import re

from validator.model import Document

_TITLE_YEAR = re.compile(r"(20[0-9]{2})\s*年")
_LEAD_YEAR = re.compile(r"^(20[0-9]{2})\s*年(?:度|以来)?[，,]")


def title_year(document: Document) -> int | None:
    match = _TITLE_YEAR.search(document.title.text) if document.title else None
    return int(match.group(1)) if match else None


def lead_year(document: Document) -> int | None:
    match = _LEAD_YEAR.search(document.lead.text) if document.lead else None
    return int(match.group(1)) if match else None


def report_year(document: Document, setting: int | None = None) -> int | None:
    """Title year, else lead year, else ``setting``."""
    return title_year(document) or lead_year(document) or setting
