"""What the FMT rules share: the layout template, font names, size names and the message's wording.

The expectations are data (``rules/data/layout-gbt9704.yaml``): an
organization replaces the file through each rule's ``template`` option (a path
to its own YAML with the same keys), because many units add house rules to
GB/T 9704. A template is read once per path and checked for the keys the rules
read, so a typo is an error naming the key, not a rule that silently passes.

Messages say what is expected and what was found, in the words of a Word user:
``标题应为 2号小标宋体，居中，实为 三号 宋体``, sizes named as Word's size box
names them (三号, 小四) and fonts by the name the document gives.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from validator.datapack import data_cache
from validator.errors import ConfigError
from validator.model import Document, PageSetup, Paragraph, ParagraphFormat, RunFormat, Span, Text

__all__ = [
    "OPTIONS",
    "Grouped",
    "Template",
    "alignment_name",
    "describe",
    "deviations",
    "font_matches",
    "layout_template",
    "message",
    "run_span",
    "section_anchors",
    "section_at",
    "size_name",
    "typeset",
]

Template = Mapping[str, Any]
OPTIONS: dict[str, object] = {"template": ""}  # every FMT rule's options: "" is GB/T 9704

_SIZE_NAMES: dict[float, str] = {
    42: "初号",
    36: "小初",
    26: "一号",
    24: "小一",
    22: "二号",
    18: "小二",
    16: "三号",
    15: "小三",
}
_SIZE_NAMES.update(
    {14: "四号", 12: "小四", 10.5: "五号", 9: "小五", 7.5: "六号", 6.5: "小六", 5.5: "七号", 5: "八号"}
)
_ALIGNMENTS = {
    "center": "居中",
    "left": "左对齐",
    "right": "右对齐",
    "both": "两端对齐",
    "distribute": "分散对齐",
}
_REQUIRED = ("fonts", "title", "body", "headings", "page", "line_spacing", "page_number")


def layout_template(options: Mapping[str, Any]) -> Template:
    """The template the rule's ``template`` option names, or GB/T 9704's."""
    return _load(str(options.get("template") or ""))


@data_cache
def _load(path: str) -> Template:
    if not path:
        from validator.datapack import load_data

        data: Any = load_data("layout-gbt9704")
    else:
        import yaml

        try:
            with open(path, encoding="utf-8") as handle:
                data = yaml.safe_load(handle)
        except OSError as error:
            raise ConfigError(
                f"无法读取版式模板：{error.strerror or error}", path=path, key="template"
            ) from None
        except yaml.YAMLError as error:  # said without the snippet of the file that PyYAML would quote
            mark = getattr(error, "problem_mark", None)
            where = f"第 {mark.line + 1} 行：" if mark is not None else ""
            problem = getattr(error, "problem", None) or "语法错误"
            raise ConfigError(
                f"版式模板不是合法的 YAML：{where}{problem}", path=path, key="template"
            ) from None
    if not isinstance(data, dict):
        raise ConfigError("版式模板应是一个映射", path=path or "layout-gbt9704.yaml", key="template")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise ConfigError(
            f"版式模板缺少键：{'、'.join(missing)}", path=path or "layout-gbt9704.yaml", key=missing[0]
        )
    return data


def _normal(name: str) -> str:
    name = name.replace(" ", "").lower()
    return name[:-1] if name.endswith("体") and len(name) > 2 else name


def font_matches(template: Template, family: str, font: str) -> bool:
    """``font`` (as the document names it) is one of the names of the template's ``family``."""
    names = template["fonts"].get(family, [family])
    return _normal(font) in {_normal(str(name)) for name in names}


def size_name(size: float | None) -> str:
    """A size as Word's size box names it: 三号, 小四; else in points."""
    if size is None:
        return "未知字号"
    return _SIZE_NAMES.get(size, f"{size:g}磅")


def alignment_name(alignment: str) -> str:
    return _ALIGNMENTS.get(alignment, alignment)


def describe(run: RunFormat) -> str:
    """How a run is set, as a Word user would say it: ``三号 宋体``."""
    return f"{size_name(run.size)} {run.font or '未指定中文字体'}"


def mismatched_run(
    fmt: ParagraphFormat,
    expected: Mapping[str, Any],
    template: Template,
    start: int = 1,
    end: int | None = None,
) -> RunFormat | None:
    """The first run starting within columns ``start``…``end`` whose font or size is not the expected one.

    A run is judged where it starts: a run-in heading set in one run with its
    paragraph is judged as the heading, never twice.
    """
    family, size = expected.get("font"), expected.get("size")
    for run in fmt.runs:
        if run.start < start or (end is not None and run.start >= end):
            continue
        if (family and not font_matches(template, str(family), run.font)) or (
            size is not None and (run.size is None or abs(run.size - float(size)) > 0.25)
        ):
            return run
    return None


def typeset(
    document: Document, paragraphs: tuple[Paragraph, ...] | None = None
) -> Iterator[tuple[Paragraph, ParagraphFormat]]:
    """Each paragraph (of ``paragraphs``, else the document's) with its format; nothing without a layout."""
    layout = document.layout
    if layout is None:
        return
    for paragraph in document.paragraphs if paragraphs is None else paragraphs:
        fmt = layout.at(paragraph.span.line)
        if fmt is not None and not fmt.in_table:
            yield paragraph, fmt


def run_span(paragraph: Paragraph, run: RunFormat) -> Span:
    """Where a run stands in its line."""
    return Span.on_line(paragraph.span.line, run.start, run.end)


def deviations(
    fmt: ParagraphFormat,
    expected: Mapping[str, Any],
    template: Template,
    start: int = 1,
    end: int | None = None,
    indent: bool = True,
) -> tuple[list[str], RunFormat | None]:
    """What differs from ``expected`` (the runs' font and size in the columns, alignment, indent), as found.

    The run is the first one set wrongly, for the finding to point at.
    """
    found: list[str] = []
    run = mismatched_run(fmt, expected, template, start, end)
    if run is not None:
        found.append(describe(run))
    alignment = expected.get("alignment")
    if alignment and fmt.alignment != alignment:
        found.append(alignment_name(fmt.alignment))
    chars = expected.get("first_line_indent")
    if indent and chars is not None and abs(fmt.first_line_indent - float(chars)) > 0.25:
        found.append(f"首行缩进 {fmt.first_line_indent:g} 字" if fmt.first_line_indent else "首行不缩进")
    return found, run


def message(what: str, expected: Mapping[str, Any], found: list[str], also: list[int] | None = None) -> Text:
    """``标题应为 2号小标宋体，居中，实为 三号 宋体（GB/T 9704-2012 §7.3.1）``, and in English.

    ``also`` are the other lines set the same wrong way (see ``Grouped``).
    """
    label, clause, shown = expected.get("label", ""), expected.get("clause", ""), "，".join(found)
    zh, en = (
        f"{what}应为 {label}，实为 {shown}",
        f"{_ENGLISH.get(what, what)} should be {expected.get('label_en', label)}; found {shown}",
    )
    if also:
        lines, more = also[:5], len(also) > 5
        zh += f"；共 {len(also) + 1} 段如此，另见第 {'、'.join(map(str, lines))} 行" + ("等" if more else "")
        en += f"; {len(also) + 1} paragraphs alike, also lines {', '.join(map(str, lines))}" + (
            "…" if more else ""
        )
    return Text(zh + (f"（{clause}）" if clause else ""), en + (f" ({clause})" if clause else ""))


_ENGLISH = {
    "标题": "the title",
    "正文": "body text",
    "页面": "the page",
    "行距": "line spacing",
    "页码": "the page number",
}


class Grouped:
    """Findings of one kind gathered by what was found: one finding at the first paragraph, the others named.

    A wrong style or theme sets every paragraph wrong; one finding that says
    where else it happens is read, forty identical ones are not.
    """

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], tuple[Span, Mapping[str, Any], list[str], list[int]]] = {}

    def add(self, what: str, expected: Mapping[str, Any], found: list[str], span: Span) -> None:
        first = self._found.setdefault((what, "，".join(found)), (span, expected, found, []))
        if first[0] is not span:
            first[3].append(span.line)

    def violations(self) -> Iterator[tuple[Span, Text]]:
        for (what, _), (span, expected, found, also) in self._found.items():
            yield span, message(what, expected, found, also)


def section_anchors(document: Document) -> Iterator[tuple[PageSetup, Span]]:
    """Each section holding lines of this report, with its first line here (where a finding points)."""
    layout = document.layout
    if layout is None or not document.paragraphs:
        return
    sections = layout.sections
    for index, section in enumerate(sections):
        last = sections[index + 1].first_line - 1 if index + 1 < len(sections) else document.last_line
        inside = [p for p in document.paragraphs if section.first_line <= p.span.line <= last]
        if inside:
            yield section, inside[0].span


def section_at(document: Document, line: int) -> PageSetup | None:
    """The section that holds line ``line``."""
    layout = document.layout
    if layout is None:
        return None
    return next((s for s in reversed(layout.sections) if s.first_line <= line), None)
