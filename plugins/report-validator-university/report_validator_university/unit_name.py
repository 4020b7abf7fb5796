"""UNI-001 正文把别的高校写成了本单位（another university named as the reporting unit）

报告常常在往年或兄弟院校的报告上改写。改写时漏掉的单位名称——标题是“青山大学党委”，正文里
却还有一句“白水大学党委坚持……”——是最难看出、也最伤报告可信度的错误。本规则在正文里找
**以本单位口吻出现**的高校名称：在句子或分句开头作主语的“某某大学党委”“中共某某学院委员会”，
名称又与本单位无关时，提示核对。

本单位的名称：设置了 ``official_name``（以及 ``short_names``）时用设置的名称，并且标题里的
高校名称与之不符时也提示；没有设置时，从标题推断（“中共青山大学委员会关于……的报告”中的
“青山大学”）。标题里推断不出高校名称（不是高校的报告）时，本规则什么也不做。

为了不误报，本规则只看分句开头、后接“党委”或“委员会”的名称；以“在”“与”“向”“赴”“学习”
“借鉴”等开头的（合作、调研、学习别的学校）不算；名称包含本单位名称或为本单位名称所包含的
（上级学校、下属学院、附属医院）不算；“马克思主义学院党委”这类二级学院的名称不算——只有
以“大学”“师范学院”“职业学院”“职业技术学院”结尾的，或写成“中共……委员会”的，才看作一所学校。

合格：

    中共青山大学委员会关于2024年度落实全面从严治党主体责任情况的报告
    2024年，青山大学党委坚持以习近平新时代中国特色社会主义思想为指导……
    一是与白水大学党委签订党建共建协议，马克思主义学院党委入选全国党建工作标杆院系。

不合格：

    中共青山大学委员会关于2024年度落实全面从严治党主体责任情况的报告
    2024年，白水大学党委坚持以习近平新时代中国特色社会主义思想为指导……

选项：``official_name``（默认空：从标题推断）本单位的正式名称，如“青山大学”；
``short_names``（默认空）本单位的简称，如 ``[青大]``。在项目自己的检查清单里设置::

    rules:
      UNI-001: {options: {official_name: 青山大学, short_names: [青大]}}

Reports are often rewritten from another institution's report. This rule finds a university
named, in the reporting unit's own voice (a clause starting "X大学党委" or "中共X学院委员会"),
that is not the unit of the title (or of ``official_name``), and asks the writer to check it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from validator.model import Document, Paragraph, Span, Text
from validator.rule import RuleContext, Violation, rule

_HAN = "\u4e00-\u9fff"
# The title's unit: after 关于/中共 and an optional year, the shortest name ending in 大学/学院
# that is followed by what follows a unit in a title (党委, 委员会, a year, 关于 …).
_TITLE_PREFIX = re.compile(r"^(?:关于|中共|中国共产党)+")
_TITLE_UNIT = re.compile(
    rf"^(?:(?:20\d\d|二〇[〇一二三四五六七八九]{{2}})年度?)?(?P<name>[{_HAN}]{{2,30}}?(?:大学|学院))"
    r"(?=党委|委员会|党总支|纪委|关于|[0-9０-９]|二〇|年度|落实|全面从严治党|主体责任)"
)
# A unit speaking as the subject of a clause: at a paragraph or clause start, a name followed by
# 党委 or 委员会. The name is the shortest run of Han characters that ends in 大学 or 学院.
_MENTION = re.compile(
    rf"(?:^|(?<=[，。；：、！？“”‘’（）()《》\s,.;:!?．]))(?P<communist>中共|中国共产党)?"
    rf"(?P<name>[{_HAN}]{{2,30}}?(?:大学|学院))(?P<organ>党委|委员会)"
)
# Words that may open a clause before the subject; stripped before the name is judged.
_ADVERBIAL = re.compile(r"^(?:同时|此外|另外|其中|全年|今年|一年来|近年来|过去一年|这一年|本年度)")
# Words after which the university is an object, not the subject: cooperation, visits, study.
_RELATIONAL = re.compile(
    r"^(?:在|与|和|向|对|经|由|受|从|为|赴|到|据|跟|及|被|把|将|协助|帮助|联合|会同|配合|邀请|学习|借鉴"
    r"|对口|支援|兄弟|省内|国内|其他|各|本|我|该|此|全|所属|有关|相关|二级|下属|附属)"
)
# What counts as a school of its own without the 中共…委员会 form: 二级学院 such as
# 马克思主义学院 or 医学院 are part of a university and are named in its reports all the time.
_INSTITUTION = re.compile(r"(?:大学|师范学院|职业学院|职业技术学院)$")
_NOT_A_SCHOOL = re.compile(r"(?:老年|社区|企业|网络|空中)大学$")
_SKIPPED_KINDS = frozenset({"title", "toc_header", "toc"})


@rule(
    code="UNI-001",
    name="unit-name-mismatch",
    severity="warning",
    summary=Text("正文把别的高校写成了本单位", "Another university named as the reporting unit"),
    source="编辑惯例：照抄其他单位报告时遗留的单位名称",
    options={"official_name": "", "short_names": ()},
)
def check(context: RuleContext) -> Iterator[Violation]:
    configured = _configured_names(context.options)
    title_unit = _title_unit(context.document)
    if configured:
        own = configured
        if title_unit and not _related(title_unit, own) and context.document.title is not None:
            yield _title_violation(context.document.title, title_unit, own[0])
    elif title_unit:
        own = (title_unit,)
    else:
        return  # not a university's report, or its title names no unit: nothing to compare with
    for paragraph in context.document.paragraphs:
        if paragraph.kind not in _SKIPPED_KINDS:
            yield from _first_foreign_mention(paragraph, own)


def _configured_names(options: Mapping[str, Any]) -> tuple[str, ...]:
    """``official_name`` first, then ``short_names`` (a list, or one name as a string)."""
    short = options.get("short_names") or ()
    names = [options.get("official_name") or "", *([short] if isinstance(short, str) else short)]
    return tuple(str(name).strip() for name in names if str(name).strip())


def _title_unit(document: Document) -> str | None:
    if document.title is None:
        return None
    match = _TITLE_UNIT.search(_TITLE_PREFIX.sub("", document.title.text))
    return match.group("name") if match else None


def _first_foreign_mention(paragraph: Paragraph, own: tuple[str, ...]) -> Iterator[Violation]:
    """The paragraph's first clause whose subject is a school other than ours (one per paragraph)."""
    for match in _MENTION.finditer(paragraph.text):
        name = match.group("name")
        adverbial = _ADVERBIAL.match(name)
        skipped = adverbial.end() if adverbial else 0
        name = name[skipped:]
        formal = bool(match.group("communist")) and match.group("organ") == "委员会"
        if not _is_school(name, formal) or _related(name, own):
            continue
        start = match.start("communist") if formal else match.start("name") + skipped
        span = Span.on_line(
            paragraph.span.line, paragraph.span.column + start, paragraph.span.column + match.end()
        )
        yield Violation(span, _message(paragraph.text[start : match.end()], own[0]))
        return


def _is_school(name: str, formal: bool) -> bool:
    if len(name) < 4 or _RELATIONAL.match(name) or _NOT_A_SCHOOL.search(name):
        return False
    return formal or bool(_INSTITUTION.search(name))


def _related(name: str, own: Iterable[str]) -> bool:
    """Ours, our parent university, or one of our own schools: one name contains the other."""
    return any(unit in name or name in unit for unit in own)


def _message(mention: str, own: str) -> Text:
    return Text(
        f"正文以本单位口吻写了“{mention}”，而本单位是“{own}”：是否照抄其他单位报告时遗留？",
        f"the body speaks as “{mention}”, but the reporting unit is “{own}”: left over from another report?",
    )


def _title_violation(title: Paragraph, title_unit: str, own: str) -> Violation:
    column = title.span.column + title.text.find(title_unit)
    span = Span.on_line(title.span.line, column, column + len(title_unit))
    return Violation(
        span,
        Text(
            f"标题中的单位“{title_unit}”与设置的本单位名称“{own}”不符",
            f"the title names “{title_unit}”, not the configured unit “{own}”",
        ),
    )

