"""Command-line settings checked as strictly as the configuration file, then laid over it.

``--select NUM-099`` used to select nothing, and a run that checks nothing passes: a typo in a
CI command switched every check off. So the codes in ``--select`` and ``--ignore`` are checked
by the configuration's own rule (``validator.config.ids``) and ``--report-year`` against the
configuration's range; each problem is one ``UsageError`` naming the flag, with a "did you mean".
"""

from __future__ import annotations

import argparse
import dataclasses
import os
from collections.abc import Collection
from typing import TYPE_CHECKING

from validator.cli.usage import UsageError
from validator.config import YEARS
from validator.config.ids import closest, is_known_id
from validator.engine.pipeline import AUTO, NO_CHECKLIST
from validator.messages import message

if TYPE_CHECKING:
    from validator.config import EffectiveConfig


def with_flags(
    effective: EffectiveConfig, args: argparse.Namespace, known_ids: Collection[str]
) -> EffectiveConfig:
    """Command-line flags win over every configuration file; a flag's bad value is a ``UsageError``."""
    lang = args.lang or effective.lang
    flags = {
        "checklist": args.checklist,
        "fail_on": getattr(args, "fail_on", None),
        "lang": args.lang,
        "select": checked_ids("--select", args.select, known_ids, lang),
        "ignore": checked_ids("--ignore", args.ignore, known_ids, lang),
        "report_year": checked_year(args.report_year, lang),
        "redacted": args.redacted or None,
    }
    return dataclasses.replace(effective, **{key: value for key, value in flags.items() if value is not None})


def checked_ids(flag: str, value: str, known_ids: Collection[str], lang: str) -> tuple[str, ...] | None:
    """The comma-separated ids of ``flag`` (None when the flag is absent), each one known."""
    if value is None or value == "":
        return None
    ids = tuple(part.strip() for part in value.split(",") if part.strip())
    if not ids:
        raise UsageError(flag, message("cli.empty_ids", lang))
    for code in ids:
        if not is_known_id(code, known_ids):
            near = closest(code, known_ids)
            hint = message("cli.did_you_mean", lang, close=near) if near else message("cli.see_rules", lang)
            raise UsageError(flag, message("cli.unknown_id", lang, value=code) + hint)
    return ids


def checked_year(year: int | None, lang: str) -> int | None:
    """``--report-year`` within the range the configuration's ``report_year`` allows."""
    if year is not None and not YEARS[0] <= year <= YEARS[1]:
        raise UsageError("--report-year", message("cli.year", lang, low=YEARS[0], high=YEARS[1], value=year))
    return year


CHOICES = (AUTO, NO_CHECKLIST)  # --checklist auto|none: how to choose, not a checklist


def checked_checklist(name: str | None, known: Collection[str], lang: str) -> None:
    """``--checklist`` names an installed checklist or a YAML file; a typo gets a "did you mean"."""
    if name is None or name in known or name in CHOICES or name.endswith((".yaml", ".yml")):
        return
    if "/" in name or os.sep in name:
        return
    near = closest(name, known, families=False)
    listed = (", " if lang == "en" else "、").join(sorted(known))
    hint = message("cli.did_you_mean", lang, close=near) if near else ""
    raise UsageError("--checklist", message("cli.unknown_checklist", lang, value=name, known=listed) + hint)
