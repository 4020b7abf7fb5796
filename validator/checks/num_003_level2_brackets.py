"""NUM-003 二级标题使用全角括号（level-2 marker in fullwidth brackets）

GB/T 9704-2012 §7.3.3 的第二层序数是“（一）”，用全角（中文）括号。从网页或纯文本复制来
的文稿常变成半角“(一)”，或者一半全角一半半角“（一)”，排版时括号显得又窄又偏，与正文
不协调。

合格：

    （三）严明纪律规矩

不合格：

    (三)严明纪律规矩

The level-2 marker uses fullwidth brackets (GB/T 9704 §7.3.3): “（三）”, not “(三)” or “（三)”.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._numbering import numbered_by_rank
from validator.model import Text
from validator.rule import RuleContext, Violation, replace, rule


@rule(
    code="NUM-003",
    name="level2-brackets",
    severity="warning",
    summary=Text("二级标题序号使用全角括号", "Level-2 markers use fullwidth brackets"),
    source="GB/T 9704-2012 §7.3.3",
    fix="safe",
)
def check(context: RuleContext) -> Iterator[Violation]:
    for heading in numbered_by_rank(context.document).get(2, ()):
        if heading.style.brackets not in ("halfwidth", "mixed"):
            continue
        written = heading.marker[: len(heading.marker) - len(heading.style.delimiter)]
        canonical = "（" + written.strip("（()）") + "）"
        kind_zh = "半角括号" if heading.style.brackets == "halfwidth" else "全角半角括号混用"
        kind_en = "halfwidth brackets" if heading.style.brackets == "halfwidth" else "mixed brackets"
        yield Violation(
            heading.marker_span,
            Text(
                f"二级标题序号“{written}”用了{kind_zh}，应为全角“{canonical}”",
                f"level-2 marker “{written}” uses {kind_en}: write fullwidth “{canonical}”",
            ),
            fix=replace(heading.marker_span, canonical + heading.style.delimiter),
        )
