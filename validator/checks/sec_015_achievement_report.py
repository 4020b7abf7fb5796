"""SEC-015 对照检查材料写成了成绩汇报（self-examination that reads as a list of achievements）

民主生活会、组织生活会的对照检查材料是查摆问题、剖析根源的材料，不是工作总结。审阅者退回的
常见原因是“成绩讲得多、问题讲得少”：讲成绩的句子（取得…成效、圆满完成、获评…）加起来比
“查摆的问题”部分还长。本规则只看 ``self-review`` 清单的材料：把问题部分的字数，与问题部分
之外讲成绩的句子的字数相比，问题部分更短时提出警告。没有找到问题部分时由清单项本身报告。

合格：

    二、查摆的问题
    （一）在强化政治忠诚方面。对党中央决策部署的学习领会还不够深入，比如对审计领域新要求
    的传达停留在会议层面，研究落实措施不具体，跟踪问效不够。

不合格：

    一年来，班子团结带领全局干部职工取得了显著成效，圆满完成了全年审计任务，审计质量显著
    提升，获评全市审计工作先进单位，多项工作得到上级充分肯定……
    二、查摆的问题
    学习还不够深入。

The problems part of a self-examination material should be longer than the sentences that
report achievements; when it is shorter, the material reads as a work summary.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._parts import self_review_problems
from ._text import lazy

_sentence = lazy(r"[^。！？；]+[。！？；]?")
_achievement = lazy(
    r"取得[^。；]{0,12}(成效|成绩|成果|进展)|成效(明显|显著)|圆满完成|显著(提升|提高|增强)|"
    r"获评|荣获|被评为|受到[^。；]{0,12}(表彰|表扬)|走在(全市|全省|全县|前列)|得到[^。；]{0,12}(肯定|好评)"
)


@rule(
    code="SEC-015",
    name="achievement-report",
    severity="warning",
    summary=Text("对照检查材料写成了成绩汇报", "Self-examination reads as a list of achievements"),
    source="中共中央办公厅年度民主生活会通知（“防止把民主生活会开成工作汇报会”）；编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    part = self_review_problems(context.document, context.evidence)
    if not part:
        return
    inside = {paragraph.index for paragraph in part}
    problems = sum(len(paragraph.text) for paragraph in part)
    praise = sum(
        len(sentence)
        for paragraph in context.document.paragraphs
        if paragraph.index not in inside and paragraph.kind in ("body", "heading", "enum")
        for sentence in _sentence().findall(paragraph.text)
        if _achievement().search(sentence)
    )
    if praise > problems:
        zh = f"材料像成绩汇报：讲成绩的句子共 {praise} 字，多于“查摆的问题”部分的 {problems} 字"
        en = f"reads as a list of achievements: {praise} characters of achievements, {problems} of problems"
        yield Violation(part[0].span, Text(zh, en))
