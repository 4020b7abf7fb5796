"""A layout written in a rule case (``layout:``), for the FMT rules' YAML cases.

A case's ``text`` has no typography, so a case of a layout rule says how its
lines are set, as briefly as a reviewer reads it: a ``default`` format for every
line, changes for some ``lines`` (1-based), and the ``sections``. Each line is
one run. Real .docx files are tested in ``tests/checks/test_fmt_layout.py``;
this is the rules' unit test, on the model the .docx reader produces.

    layout:
      default: {font: 仿宋_GB2312, size: 16, first_line_indent: 2, line_spacing: 28.95, line_rule: exact}
      lines:
        1: {font: 宋体, alignment: center}
      sections:
        - {top: 25.4, page_number: {text: "第 1 页", size: 14}}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from validator.model import Layout, PageNumber, PageSetup, ParagraphFormat, RunFormat

__all__ = ["layout_from_case"]

_PAGE = {"width": 210.0, "height": 297.0, "top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}


def layout_from_case(text: str, data: Mapping[str, Any]) -> Layout:
    """The ``Layout`` a case's ``layout:`` mapping describes for the lines of ``text``."""
    default = dict(data.get("default", {}))
    changes = {int(line): dict(value) for line, value in (data.get("lines") or {}).items()}
    paragraphs = []
    for number, line in enumerate(text.split("\n"), start=1):
        spec = {**default, **changes.get(number, {})}
        run = RunFormat(1, len(line) + 1, str(spec.get("font", "")), "", _float(spec.get("size")), False)
        paragraphs.append(
            ParagraphFormat(
                alignment=str(spec.get("alignment", "left")),
                first_line_indent=float(spec.get("first_line_indent", 0)),
                line_spacing=_float(spec.get("line_spacing")),
                line_rule=str(spec.get("line_rule", "auto")),
                runs=(run,) if line else (),
                in_table=bool(spec.get("in_table", False)),
            )
        )
    sections = tuple(_section(dict(section)) for section in data.get("sections", [{}]))
    return Layout(paragraphs=tuple(paragraphs), sections=sections)


def _section(spec: dict[str, Any]) -> PageSetup:
    number = spec.pop("page_number", {"text": "— 1 —", "size": 14})
    pitch = spec.pop("line_pitch", None)
    first_line = int(spec.pop("first_line", 1))
    page = {**_PAGE, **{key: float(value) for key, value in spec.items()}}
    return PageSetup(
        first_line=first_line,
        page_number=PageNumber(str(number["text"]), "", _float(number.get("size"))) if number else None,
        line_pitch=_float(pitch),
        **page,
    )


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]
