"""PUN-003 成对标点不配对或方向颠倒（unbalanced or reversed paired marks）

引号、书名号、括号必须成对出现，前后方向不能颠倒（GB/T 15834）。中文输入法按同一个键
交替输出前引号和后引号，中间按错一次，此后整段的引号都会反过来（``”三会一课“``）；
删改时也常常只删掉半对括号或书名号。本规则逐段检查：引号按出现顺序两两成对，每一对
必须是“前引号……后引号”；书名号和括号按嵌套配对，多出来的后半个或没有闭合的前半个
都报告。括号全角半角混用（``（试行)``）只作警告（书名号内的由 PUN-006 报告）。段首或分句
开头的 ``1)`` ``a)`` 这类序号不算多余的括号。

合格：

    严格落实“三会一课”制度，认真学习《中国共产党支部工作条例（试行）》。

不合格：

    严格落实”三会一课“制度，认真学习《中国共产党支部工作条例（试行）。

Quotes, book-title marks and brackets come in pairs, each pair opening before it closes
(GB/T 15834). Quotes are paired in order of appearance; brackets by nesting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.datapack import data_cache
from validator.model import Document, Paragraph, Text
from validator.regexes import compiled
from validator.rule import RuleContext, Violation, rule

from ._census import has, register_needles
from ._punctuation import before, book_titles, in_ranges, is_ascii_alnum, joined
from ._text import lazy, span_in

QUOTES = (("“", "”"), ("‘", "’"))
# Opening mark → its family; a family closes with any of its closers ((） and （) mix widths).
OPENERS = {"《": "book", "〈": "angle", "（": "round", "(": "round", "【": "lenticular", "〔": "tortoise"}
CLOSERS = {"》": "book", "〉": "angle", "）": "round", ")": "round", "】": "lenticular", "〕": "tortoise"}
PAIR_OF = {"（": "）", "(": ")"}
_ORDINAL_BEFORE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

# The fast path: all paired marks of a paragraph as one short string, split by kind.
_marks = lazy("[“”‘’《》〈〉（）()【】〔〕]")
_ONLY_QUOTES = str.maketrans("", "", "《》〈〉（）()【】〔〕")
_ONLY_BRACKETS = str.maketrans("", "", "“”‘’")
_OTHER_QUOTES = {"“": str.maketrans("", "", "‘’"), "‘": str.maketrans("", "", "“”")}
_BRACKET_PAIRS = ("《》", "〈〉", "（）", "()", "【】", "〔〕")
register_needles(*"“”‘’", *"".join(_BRACKET_PAIRS))


@rule(
    code="PUN-003",
    name="paired-marks",
    severity="error",
    summary=Text("成对标点不配对或方向颠倒", "Unbalanced or reversed paired marks"),
    source="GB/T 15834-2011《标点符号用法》（引号、括号、书名号）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    whole = joined(context.document)
    if _all_paired(context.document, whole.text):
        return  # the usual report: every paragraph passes the fast paths below
    for paragraph in whole.paragraphs:
        marks = "".join(_marks().findall(paragraph.text))
        if not marks:
            continue
        quotes = marks.translate(_ONLY_QUOTES)
        for opening, closing in QUOTES:
            if (opening in quotes or closing in quotes) and not _alternate(quotes, opening, closing):
                yield from _quotes(paragraph, opening, closing)
        brackets = marks.translate(_ONLY_BRACKETS)
        if brackets and not _nested_brackets(brackets):
            yield from _brackets(paragraph)


def _all_paired(document: Document, text: str) -> bool:
    """Whether, in every line of ``text``, the quotes alternate “”“” and the brackets pair （）《》
    without nesting: then every paragraph passes ``_alternate`` and ``_nested_brackets``.

    Each opening mark must be followed, among the marks of its kind on its line, by its own
    closing mark, and no two closing quotes may follow each other; with as many closing marks as
    opening ones, none is left over. A few fast searches of the whole report instead of a regex
    per paragraph; False sends the report to the full check.
    """
    for opening, closing in QUOTES:
        if not has(document, opening) and not has(document, closing):
            continue
        if text.count(opening) != text.count(closing):
            return False
        unclosed, doubled = _quote_breaks(opening, closing)
        if unclosed.search(text) or doubled.search(text):
            return False
    for pair in _BRACKET_PAIRS:
        opening, closing = pair[0], pair[1]
        if not has(document, opening):
            if has(document, closing):
                return False
            continue
        if text.count(opening) != text.count(closing) or _bracket_break(pair).search(text):
            return False
    return True


@data_cache
def _quote_breaks(opening: str, closing: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An opening quote not closed on its line, and two closing quotes in a row."""
    others = rf"[^{opening}{closing}\n]*"
    return compiled(rf"{opening}{others}(?:{opening}|\n|\Z)"), compiled(f"{closing}{others}{closing}")


@data_cache
def _bracket_break(pair: str) -> re.Pattern[str]:
    """An opening bracket whose next bracket on its line is not its own closing one."""
    marks = re.escape("".join(_BRACKET_PAIRS))
    others = re.escape("".join(_BRACKET_PAIRS).replace(pair[1], ""))
    return compiled(rf"{re.escape(pair[0])}[^{marks}\n]*(?:[{others}]|\n|\Z)")


def _alternate(quotes: str, opening: str, closing: str) -> bool:
    """Fast path: the quotes of one kind are “”“”… (the usual case), checked without positions."""
    own = quotes.translate(_OTHER_QUOTES[opening])
    return len(own) % 2 == 0 and own == (opening + closing) * (len(own) // 2)


def _nested_brackets(brackets: str) -> bool:
    """Fast path: the brackets nest properly with matching widths, checked without positions."""
    while brackets:
        shorter = brackets
        for pair in _BRACKET_PAIRS:
            shorter = shorter.replace(pair, "")
        if shorter == brackets:
            return False
        brackets = shorter
    return True


# ---------------------------------------------------------------------------- quotes


def _quotes(paragraph: Paragraph, opening: str, closing: str) -> Iterator[Violation]:
    """Quotes paired in order of appearance: “…”“…”. Properly nested quotes are accepted too."""
    text = paragraph.text
    marks = [i for i, char in enumerate(text) if char in (opening, closing) and not _apostrophe(text, i)]
    if _nested(text, marks, opening):
        return
    for k in range(0, len(marks) - 1, 2):
        first, second = marks[k], marks[k + 1]
        pair = text[first] + text[second]
        if pair == opening + closing:
            continue
        quoted = _excerpt(text[first : second + 1])
        fixed = opening + quoted[1:-1] + closing
        if pair == closing + opening:
            zh, en = f"引号方向颠倒：{quoted} → {fixed}", "reversed quotation marks"
        else:
            zh, en = f"引号不配对：{quoted} → {fixed}", "quotation marks do not pair"
        yield Violation(span_in(paragraph, first, second + 1), Text(zh, en))
    if len(marks) % 2:
        last = marks[-1]
        zh = "前引号没有与之配对的后引号" if text[last] == opening else "后引号没有与之配对的前引号"
        yield Violation(span_in(paragraph, last, last + 1), Text(zh, "unpaired quotation mark"))


def _nested(text: str, marks: list[int], opening: str) -> bool:
    depth = 0
    for index in marks:
        depth += 1 if text[index] == opening else -1
        if depth < 0:
            return False
    return depth == 0


def _apostrophe(text: str, index: int) -> bool:
    """’ between Latin letters (People’s) is an apostrophe, not a quote."""
    return (
        text[index] == "’"
        and is_ascii_alnum(before(text, index))
        and is_ascii_alnum(text[index + 1 : index + 2])
    )


def _excerpt(quoted: str) -> str:
    return quoted if len(quoted) <= 16 else quoted[:8] + "…" + quoted[-7:]


# ---------------------------------------------------------------------------- brackets


def _brackets(paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text
    titles = book_titles(text)
    stack = _Openers(text)
    for index, char in enumerate(text):
        if char in OPENERS:
            stack.push(index)
        elif char in CLOSERS:
            yield from _close(paragraph, stack, index, titles)
    for index in stack.positions:
        yield _unclosed(paragraph, index)


class _Openers:
    """The open marks, innermost last, with the depths of each family's for a direct lookup.

    Looking down the stack for the family of each closing mark was quadratic on a line of
    10^5 unclosed 《 followed by as many ）; each mark is now pushed and removed once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions: list[int] = []
        self.depths: dict[str, list[int]] = {}  # family -> depths in ``positions``, ascending

    def push(self, index: int) -> None:
        self.depths.setdefault(OPENERS[self.text[index]], []).append(len(self.positions))
        self.positions.append(index)

    def innermost(self, family: str) -> int | None:
        """The depth of the innermost open mark of ``family``."""
        depths = self.depths.get(family)
        return depths[-1] if depths else None

    def cut(self, depth: int) -> list[int]:
        """Remove and return the marks from ``depth`` up (each is last in its family's list)."""
        removed = self.positions[depth:]
        del self.positions[depth:]
        for index in reversed(removed):
            self.depths[OPENERS[self.text[index]]].pop()
        return removed


def _close(
    paragraph: Paragraph, stack: _Openers, index: int, titles: list[tuple[int, int]]
) -> Iterator[Violation]:
    text = paragraph.text
    family = CLOSERS[text[index]]
    depth = stack.innermost(family)
    if depth is None:
        if not _ordinal(text, index):
            zh = f"“{text[index]}”前面没有与之配对的“{_opener_of(text[index])}”"
            yield Violation(
                span_in(paragraph, index, index + 1), Text(zh, "closing mark without its opening")
            )
        return
    opener, *inner_marks = stack.cut(depth)
    for inner in inner_marks:
        yield _unclosed(paragraph, inner)
    # （试行) inside 《》 is left to PUN-006, which reports the halfwidth half.
    if text[opener] in PAIR_OF and PAIR_OF[text[opener]] != text[index] and not in_ranges(index, titles):
        zh = f"括号全角半角混用：“{text[opener]}”与“{text[index]}”应同为全角“（）”"
        yield Violation(
            span_in(paragraph, opener, index + 1),
            Text(zh, "parentheses mix halfwidth and fullwidth"),
            "warning",
        )


def _unclosed(paragraph: Paragraph, index: int) -> Violation:
    char = paragraph.text[index]
    closing = next(
        c for c, family in CLOSERS.items() if family == OPENERS[char] and (c == ")") == (char == "(")
    )
    return Violation(
        span_in(paragraph, index, index + 1),
        Text(f"“{char}”没有闭合的“{closing}”", "opening mark never closed"),
    )


def _opener_of(char: str) -> str:
    return next(o for o, family in OPENERS.items() if family == CLOSERS[char] and (o == "(") == (char == ")"))


def _ordinal(text: str, index: int) -> bool:
    """``1)`` ``a）`` ``12)``: an ordinal at the start of the text or of a clause, not a lone bracket."""
    if text[index] not in ")）":
        return False
    start = index
    while start > 0 and text[start - 1] in _ORDINAL_BEFORE and index - start < 2:
        start -= 1
    if start == index:
        return False
    return start == 0 or text[start - 1] in " \u3000：:；;，,。"
