"""Word's automatic numbering: number formats, and counters that restart or continue as Word's do."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

etree = pytest.importorskip("lxml.etree")

from validator.readers.docx.numbering import Numbering, NumberingCounter  # noqa: E402
from validator.readers.docx.numbering_formats import format_number  # noqa: E402
from validator.readers.docx.styles import Styles  # noqa: E402

from .test_docx import GB_LEVELS, Para, W, abstract_xml, build_docx, level_xml, lines, num_xml  # noqa: E402


def numbering(*parts: str, styles: Styles | None = None) -> Numbering:
    root = etree.fromstring(f"<w:numbering {W}>{''.join(parts)}</w:numbering>")
    return Numbering.from_xml(root, styles or Styles())


def count(numbering: Numbering, steps: Sequence[tuple[int, int]]) -> list[str]:
    """The markers of paragraphs numbered (numId, ilvl), in order."""
    counter = NumberingCounter(numbering)
    return [counter.marker(num_id, ilvl) for num_id, ilvl in steps]


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        ("chineseCounting", [1, 2, 9, 10, 11, 19, 20, 21, 99], "一 二 九 十 十一 十九 二十 二十一 九十九"),
        (
            "chineseCountingThousand",
            [10, 100, 101, 110, 1010, 2024],
            "十 一百 一百零一 一百一十 一千零一十 二千零二十四",
        ),
        ("chineseLegalSimplified", [1, 10, 12], "壹 壹拾 壹拾贰"),
        ("ideographTraditional", [1, 2, 10], "甲 乙 癸"),
        ("ideographZodiac", [1, 12], "子 亥"),
        ("decimal", [1, 12], "1 12"),
        ("decimalZero", [3, 12], "03 12"),
        ("decimalFullWidth", [3, 12], "３ １２"),
        ("decimalEnclosedCircle", [1, 20, 21], "① ⑳ 21"),
        ("decimalEnclosedCircleChinese", [3], "③"),
        ("decimalEnclosedParen", [1, 20], "⑴ ⒇"),
        ("decimalEnclosedFullstop", [1], "⒈"),
        ("upperRoman", [4, 1999], "IV MCMXCIX"),
        ("lowerRoman", [9], "ix"),
        ("upperLetter", [1, 26, 27, 53], "A Z AA AAA"),
        ("lowerLetter", [2], "b"),
        ("ideographDigital", [10, 2024], "一〇 二〇二四"),
        ("somethingNew", [7], "7"),
    ],
)
def test_number_formats(fmt: str, values: list[int], expected: str) -> None:
    assert " ".join(format_number(value, fmt) for value in values) == expected


def test_huge_counts_fall_back_to_digits_instead_of_growing_without_bound() -> None:
    assert format_number(10_000, "upperLetter") == "10000"
    assert format_number(5000, "upperRoman") == "5000"
    assert format_number(0, "chineseCounting") == "〇"
    assert format_number(0, "decimal") == "0"


def test_gb_levels_render_and_lower_levels_restart_under_a_new_parent() -> None:
    definitions = numbering(abstract_xml(1, GB_LEVELS), num_xml(1, 1))
    steps = [(1, 0), (1, 1), (1, 2), (1, 2), (1, 1), (1, 2), (1, 0), (1, 1), (1, 3)]
    assert count(definitions, steps) == [
        "一、",
        "（一）",
        "1.",
        "2.",
        "（二）",
        "1.",
        "二、",
        "（一）",
        "（1）",
    ]


def test_lvl_restart_zero_numbers_a_level_continuously_across_parents() -> None:
    levels = (
        level_xml(0, "chineseCounting", "（%1）"),
        level_xml(1, "decimal", "%2.", restart=0),
    )
    definitions = numbering(abstract_xml(1, levels), num_xml(1, 1))
    assert count(definitions, [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1)]) == [
        "（一）",
        "1.",
        "2.",
        "（二）",
        "3.",
    ]


def test_lvl_restart_names_the_level_that_restarts_it() -> None:
    levels = (
        level_xml(0, "chineseCounting", "%1、"),
        level_xml(1, "chineseCounting", "（%2）"),
        level_xml(2, "decimal", "%3.", restart=1),  # restarts under each 一、, not under each （一）
    )
    definitions = numbering(abstract_xml(1, levels), num_xml(1, 1))
    steps = [(1, 0), (1, 1), (1, 2), (1, 1), (1, 2), (1, 0), (1, 2)]
    assert count(definitions, steps) == ["一、", "（一）", "1.", "（二）", "2.", "二、", "1."]


def test_lists_sharing_an_abstract_definition_continue_each_other() -> None:
    definitions = numbering(abstract_xml(1, GB_LEVELS), num_xml(1, 1), num_xml(2, 1))
    assert count(definitions, [(1, 0), (2, 0), (1, 0)]) == ["一、", "二、", "三、"]


def test_start_override_restarts_on_the_lists_first_use_only() -> None:
    definitions = numbering(abstract_xml(1, GB_LEVELS), num_xml(1, 1), num_xml(2, 1, {0: 1}))
    assert count(definitions, [(1, 0), (1, 0), (2, 0), (2, 0), (1, 0)]) == [
        "一、",
        "二、",
        "一、",
        "二、",
        "三、",
    ]


def test_separate_single_level_lists_restarted_by_hand() -> None:
    """The other way offices number: one list per level, "restart numbering" for each group."""
    definitions = numbering(
        abstract_xml(1, [level_xml(0, "chineseCounting", "%1、")]),
        abstract_xml(2, [level_xml(0, "chineseCounting", "（%1）")]),
        num_xml(1, 1),
        num_xml(2, 2),
        num_xml(3, 2, {0: 1}),
    )
    steps = [(1, 0), (2, 0), (2, 0), (1, 0), (3, 0), (3, 0)]
    assert count(definitions, steps) == ["一、", "（一）", "（二）", "二、", "（一）", "（二）"]


def test_start_values_multi_level_text_and_legal_numbering() -> None:
    levels = (
        level_xml(0, "chineseCounting", "第%1章", start=3),
        level_xml(1, "decimal", "%1.%2", legal=True),
        level_xml(2, "bullet", "\uf0b7"),
        level_xml(3, "none", ""),
    )
    definitions = numbering(abstract_xml(1, levels), num_xml(1, 1))
    assert count(definitions, [(1, 0), (1, 1), (1, 2), (1, 3), (1, 1)]) == ["第三章", "3.1", "", "", "3.2"]


def test_unknown_lists_and_levels_number_nothing() -> None:
    definitions = numbering(abstract_xml(1, GB_LEVELS), num_xml(1, 1), num_xml(2, 99))
    assert count(definitions, [(9, 0), (2, 0), (1, 12), (1, 7)]) == ["", "", "", ""]


def test_num_style_link_takes_the_levels_of_the_linked_style() -> None:
    styles = Styles.from_xml(
        etree.fromstring(
            f'<w:styles {W}><w:style w:type="numbering" w:styleId="GBList"><w:name w:val="公文编号"/>'
            '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>'
        )
    )
    definitions = numbering(
        abstract_xml(1, GB_LEVELS).replace(
            "<w:multiLevelType", '<w:styleLink w:val="GBList"/><w:multiLevelType'
        ),
        abstract_xml(2, (), link="GBList"),
        num_xml(1, 1),
        num_xml(2, 2),
        styles=styles,
    )
    assert count(definitions, [(2, 0), (2, 1), (1, 0)]) == ["一、", "（一）", "二、"]


def test_malformed_and_cyclic_definitions_do_not_break_the_reader() -> None:
    styles = Styles.from_xml(
        etree.fromstring(
            f'<w:styles {W}><w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/>'
            '<w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/>'
            '<w:basedOn w:val="A"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>'
        )
    )
    # The cycle A → B → A ends where it closes: A inherits B's outline level, and nothing loops.
    assert (styles.heading_level("A"), styles.heading_level("B"), styles.num_id("A")) == (2, 2, None)
    definitions = numbering(
        abstract_xml(1, [level_xml(0, "decimal", "%1.", start=10**12).replace('"1000000000000"', '"x"')]),
        f'<w:num {W} w:numId="abc"><w:abstractNumId w:val="1"/></w:num>',
        num_xml(1, 1),
        abstract_xml(5, (), link="Missing"),
        num_xml(5, 5),
    )
    assert count(definitions, [(1, 0), (1, 0), (5, 0)]) == ["1.", "2.", ""]


def test_paragraphs_of_a_real_docx_with_a_restarted_list() -> None:
    data = build_docx(
        [Para("甲", num=1, ilvl=0), Para("乙", num=1, ilvl=0), Para("丙", num=2, ilvl=0), Para("丁", num=2)],
        abstracts=[abstract_xml(60, [level_xml(0, "chineseCounting", "（%1）")])],
        nums=[num_xml(1, 60), num_xml(2, 60, {0: 1})],
    )
    assert lines(data) == ["（一）甲", "（二）乙", "（一）丙", "（二）丁"]


def test_a_plain_arabic_number_is_kept_apart_from_the_text() -> None:
    data = build_docx(
        [Para("总则", num=1, ilvl=0), Para("分则", num=1, ilvl=0)],
        abstracts=[abstract_xml(60, [level_xml(0, "decimal", "%1")])],
        nums=[num_xml(1, 60)],
    )
    assert lines(data) == ["1 总则", "2 分则"]
