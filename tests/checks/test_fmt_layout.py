"""The layout rules on .docx files built with python-docx to GB/T 9704-2012, then changed one way at a time.

The conforming file takes its settings the ways Word files carry them (theme
font through the document defaults, styles based on styles, a ``PAGE`` field
in the footer); each single deviation must give exactly one finding, of the
right rule, at the right line, saying what was expected and what was found;
and an organization's own template must switch the expectations.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("docx")

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from tests.readers.layout_docx import gbt9704_docx, set_east_asian, set_indent_chars
from validator.api import Validator
from validator.model import RuleSetting

EXAMPLE = Path(__file__).parents[2] / "examples" / "clean-report.txt"
LINES = [*EXAMPLE.read_text(encoding="utf-8").rstrip("\n").split("\n"), "青山县审计局党组", "2025年1月20日"]


def layout_findings(
    data: bytes, tmp_path: Path, validator: Validator | None = None
) -> list[tuple[str, int, str]]:
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    result = (validator or Validator()).check_path(path)
    assert result.error is None, result.error
    return [
        (r.id, r.span.line if r.span else 0, r.message)
        for report in result.reports
        for r in report.results
        if r.id.startswith("FMT-") and r.status == "fail"
    ]


def line_of(prefix: str) -> int:
    return next(number for number, line in enumerate(LINES, start=1) if line.startswith(prefix))


def test_a_document_set_to_the_standard_gives_no_layout_finding(tmp_path: Path) -> None:
    assert layout_findings(gbt9704_docx(LINES), tmp_path) == []


def _run(document: object, line: int) -> object:
    return document.paragraphs[line - 1].runs[0]  # type: ignore[attr-defined]


def _title_in_songti(document: object) -> None:
    run = _run(document, 1)
    run.font.size = Pt(16)  # type: ignore[attr-defined]
    set_east_asian(run._r, "宋体")  # type: ignore[attr-defined]


def _body_indent_removed(document: object) -> None:
    set_indent_chars(document.paragraphs[1]._p, 0)  # type: ignore[attr-defined]


def _level1_in_fangsong(document: object) -> None:
    set_east_asian(_run(document, line_of("一、"))._r, "仿宋_GB2312")  # type: ignore[attr-defined]


def _level2_in_heiti(document: object) -> None:
    set_east_asian(_run(document, line_of("（二）"))._r, "黑体")  # type: ignore[attr-defined]


def _word_margins(document: object) -> None:
    document.sections[0].top_margin = Mm(25.4)  # type: ignore[attr-defined]


def _one_and_a_half_lines(document: object) -> None:
    document.paragraphs[1].paragraph_format.line_spacing = 1.5  # type: ignore[attr-defined]


def _page_number_without_dashes(document: object) -> None:
    footer = document.sections[0].footer.paragraphs[0]  # type: ignore[attr-defined]
    for run in footer._p.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"):
        footer._p.remove(run)


def _date_on_the_left(document: object) -> None:
    date = document.paragraphs[len(LINES) - 1]  # type: ignore[attr-defined]
    date.alignment = WD_ALIGN_PARAGRAPH.LEFT
    date.paragraph_format.right_indent = None


def _title_left(document: object) -> None:
    document.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT  # type: ignore[attr-defined]


DEVIATIONS: dict[str, tuple[Callable[[object], None], str, Callable[[], int], str]] = {
    "title-font": (_title_in_songti, "FMT-001", lambda: 1, "标题应为 2号小标宋体，居中，实为 三号 宋体"),
    "title-alignment": (_title_left, "FMT-001", lambda: 1, "实为 左对齐"),
    "body-indent": (_body_indent_removed, "FMT-002", lambda: 2, "实为 首行不缩进"),
    "level-1-font": (
        _level1_in_fangsong,
        "FMT-003",
        lambda: line_of("一、"),
        "一级标题应为 3号黑体，实为 三号 仿宋_GB2312",
    ),
    "level-2-font": (
        _level2_in_heiti,
        "FMT-003",
        lambda: line_of("（二）"),
        "二级标题应为 3号楷体，实为 三号 黑体",
    ),
    "margins": (_word_margins, "FMT-004", lambda: 1, "实为 天头 25.4 mm"),
    "line-spacing": (_one_and_a_half_lines, "FMT-005", lambda: 2, "实为 1.5 倍行距"),
    "page-number": (_page_number_without_dashes, "FMT-006", lambda: 1, "实为 “1”"),
    "date-line": (_date_on_the_left, "FMT-007", lambda: len(LINES), "成文日期应为 居右"),
}


@pytest.mark.parametrize("name", sorted(DEVIATIONS))
def test_each_single_deviation_gives_exactly_its_finding(name: str, tmp_path: Path) -> None:
    change, code, line, message = DEVIATIONS[name]
    findings = layout_findings(gbt9704_docx(LINES, change), tmp_path)
    assert [(c, n) for c, n, _ in findings] == [(code, line())], findings
    assert message in findings[0][2]


def test_the_body_font_comes_from_the_theme(tmp_path: Path) -> None:
    """Only the theme's Chinese minor font changes: every body paragraph is then set in it, in one finding."""
    findings = layout_findings(gbt9704_docx(LINES, theme_font="等线"), tmp_path)
    codes = {code for code, _, _ in findings}
    assert "FMT-002" in codes
    body = next(message for code, _, message in findings if code == "FMT-002")
    assert "实为 三号 等线" in body and "段如此" in body


HOUSE = """
name: 本单位版式
fonts:
  小标宋: [方正小标宋简体]
  仿宋: [仿宋_GB2312]
  黑体: [黑体]
  楷体: [楷体_GB2312]
title: {label: 2号小标宋体，居中, font: 小标宋, size: 22, alignment: center}
body: {label: 3号仿宋体，首行缩进二字, font: 仿宋, size: 16, first_line_indent: 2}
headings:
  - {label: 3号黑体, font: 黑体, size: 16}
  - {label: 3号楷体, font: 楷体, size: 16}
  - {label: 3号仿宋体, font: 仿宋, size: 16}
  - {label: 3号仿宋体, font: 仿宋, size: 16}
page: {label: A4, width: 210, height: 297, top: 37, left: 28, text_width: 156, text_height: 225, tolerance: 1}
line_spacing: {label: 固定值 28 磅, points: 28, tolerance: 0.2, clause: 本单位公文格式细则第 5 条}
page_number: {label: — 1 —, pattern: "— {n} —", size: 14}
"""


def _fixed_28(document: object) -> None:
    document.styles["Normal"].paragraph_format.line_spacing = Pt(28)  # type: ignore[attr-defined]


def test_a_house_template_switches_the_expectations(tmp_path: Path) -> None:
    house = tmp_path / "house.yaml"
    house.write_text(HOUSE, encoding="utf-8")
    settings = [RuleSetting(code, options=(("template", str(house)),)) for code in ("FMT-005",)]
    house_validator = Validator(checklist=_checklist_with(tmp_path, settings))
    at_28 = gbt9704_docx(LINES, _fixed_28)
    at_standard = gbt9704_docx(LINES)
    # GB/T 9704 wants about 28.95 pt: 28 pt is reported; the house style wants 28 pt: it is not, 28.95 is.
    assert [c for c, _, _ in layout_findings(at_28, tmp_path)] == ["FMT-005"]
    assert layout_findings(at_28, tmp_path, house_validator) == []
    found = layout_findings(at_standard, tmp_path, house_validator)
    assert [(c, n) for c, n, _ in found] == [("FMT-005", 2)]
    assert "行距应为 固定值 28 磅，实为 固定值 28.95 磅" in found[0][2]
    assert "本单位公文格式细则第 5 条" in found[0][2]


def _checklist_with(tmp_path: Path, settings: list[RuleSetting]) -> str:
    """A checklist file extending the built-in one, setting the rules' ``template`` option."""
    lines = ["id: house-report", "name: {zh: 本单位年度报告}", "extends: annual-report", "rules:"]
    for setting in settings:
        options = ", ".join(f"{key}: {value}" for key, value in setting.options)
        lines.append(f"  {setting.code}: {{options: {{{options}}}}}")
    path = tmp_path / "house-checklist.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_a_broken_template_is_a_configuration_error_that_quotes_nothing(tmp_path: Path) -> None:
    from validator.checks._layout import layout_template
    from validator.errors import ConfigError

    missing_keys = tmp_path / "partial.yaml"
    missing_keys.write_text("name: x\ntitle: {font: 黑体}\n", encoding="utf-8")
    not_yaml = tmp_path / "secret.yaml"
    not_yaml.write_text("root:x:0:0:root:/root:/bin/bash\nsecret: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="版式模板缺少键：fonts、body"):
        layout_template({"template": str(missing_keys)})
    with pytest.raises(ConfigError, match="无法读取版式模板") as missing:
        layout_template({"template": str(tmp_path / "absent.yaml")})
    assert "absent.yaml" in str(missing.value)
    with pytest.raises(ConfigError, match="不是合法的 YAML") as broken:
        layout_template({"template": str(not_yaml)})
    assert "root:x" not in str(broken.value) and "unclosed" not in str(broken.value)


def test_a_house_style_data_pack_replaces_the_sections_it_names(tmp_path: Path) -> None:
    """A plugin or a project's ``data:`` gives ``layout-gbt9704.yaml``: its sections replace GB/T 9704's."""
    from validator.datapack import use_packs

    pack = tmp_path / "layout-gbt9704.yaml"
    pack.write_text(
        "line_spacing: {label: 固定值 28 磅, points: 28, tolerance: 0.2,"
        " clause: 本单位公文格式细则第 5 条}\n",
        encoding="utf-8",
    )
    at_28 = gbt9704_docx(LINES, _fixed_28)
    validator = Validator()  # its registry puts the plugins' packs in force; the project's follow
    try:
        use_packs([*validator.registry.data_packs, pack])
        assert layout_findings(at_28, tmp_path, validator) == []
        found = layout_findings(gbt9704_docx(LINES), tmp_path, validator)
        assert [(c, n) for c, n, _ in found] == [("FMT-005", 2)]
    finally:
        use_packs([])
    assert [c for c, _, _ in layout_findings(at_28, tmp_path)] == ["FMT-005"]
