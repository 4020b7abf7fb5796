"""TERM-017 党内法规名称（regulation titles as issued）

报告引用党内法规时，书名号内应写法规的全称，照原文书写：《中国共产党支部工作条例（试行）》
《中国共产党问责条例》《关于新形势下党内政治生活的若干准则》。书名号内写简称（《支部工作条例》
《问责条例》）、漏写或多写“（试行）”（问责条例、党组工作条例等已正式施行），审阅者会要求核对
原文。只检查数据包 ``rules/data/regulations.yaml`` 列出的名称；《条例》《规定》之类的回指、
地方和本单位的制度不报告；半角括号由 PUN-006 报告，这里按全角比较。

合格：

    认真贯彻《中国共产党支部工作条例（试行）》和《中国共产党问责条例》。

不合格：

    认真贯彻《支部工作条例》和《中国共产党问责条例（试行）》。

Regulations are cited by their full title as issued (with 试行 where it belongs); short names and
outdated trial titles inside 《》 are reported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from validator.datapack import data_cache, load_data
from validator.errors import ConfigError
from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._text import lazy, span_in, text_paragraphs

_DATA = "regulations"
_book_title = lazy(r"《([^《》]{2,80})》")
_HALFWIDTH = str.maketrans("()", "（）", " \u3000")


@data_cache
def regulation_titles() -> Mapping[str, str]:
    """Each title in ``rules/data/regulations.yaml`` (canonical or wrong, no 《》) → the canonical one."""
    data = load_data(_DATA)
    entries = data.get("regulations") if isinstance(data, Mapping) else None
    if not isinstance(entries, list):
        raise ConfigError("数据包缺少 regulations 列表", key=_DATA)
    titles: dict[str, str] = {}
    for raw in entries:
        if not isinstance(raw, Mapping) or not raw.get("title"):
            raise ConfigError(f"条目缺少 title：{raw!r}", key=_DATA)
        canonical = str(raw["title"])
        titles[canonical] = canonical
        for wrong in map(str, raw.get("wrong") or ()):
            if titles.get(wrong, canonical) != canonical:
                raise ConfigError(f"“{wrong}”同时对应两个规范名称", key=f"{_DATA}.{canonical}")
            titles[wrong] = canonical
    return titles


@rule(
    code="TERM-017",
    name="regulation-titles",
    severity="warning",
    summary=Text("党内法规名称不规范", "Regulation not cited by its title as issued"),
    source="党内法规正式名称（中央党内法规汇编）；编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    titles = regulation_titles()
    for paragraph in text_paragraphs(context.document):
        if "《" not in paragraph.text:
            continue
        for match in _book_title().finditer(paragraph.text):
            written = match.group(1).translate(_HALFWIDTH)
            canonical = titles.get(written)
            if canonical is None or canonical == written:
                continue
            zh = f"《{match.group(1)}》不是法规的规范名称，应为《{canonical}》"
            en = f"《{match.group(1)}》 is not the regulation's title as issued: 《{canonical}》"
            yield Violation(span_in(paragraph, match.start(), match.end()), Text(zh, en))
