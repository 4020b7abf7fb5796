"""User-facing messages of the tool itself, in Chinese (default) and English.

Rules and checklists carry their own zh/en messages; this catalogue holds the
words of the command line: headers, summaries and one-line errors.
"""

from __future__ import annotations

_CATALOGUE: dict[str, tuple[str, str]] = {
    "outline.report": (
        "报告 {number}/{count}：{title}（第 {line} 行）",
        "Report {number}/{count}: {title} (line {line})",
    ),
    "outline.untitled": ("（无标题）", "(untitled)"),
    "outline.no_headings": ("（未识别出标题层次）", "(no headings found)"),
    "outline.end_matter": ("正文之后（不属于标题层次）：", "end matter (not part of the heading tree):"),
    "end_matter.attachment_list": ("附件说明", "attachment list"),
    "end_matter.signature": ("落款", "signature"),
    "end_matter.date": ("成文日期", "date"),
    "end_matter.note": ("附注", "note"),
    "end_matter.attachment": ("附件", "attachment"),
    "end_matter.copy_to": ("抄送", "copy to"),
    "end_matter.printed": ("印发", "printed"),
    "error.line": ("错误：{error}", "error: {error}"),
    # check --format text (validator/formatters/text.py)
    "format.report": (
        "{path}  {title}  第 {line} 行  {checklist}",
        "{path}  {title}  line {line}  {checklist}",
    ),
    "format.checklist": ("检查清单：{checklist}（依据：{basis}）", "checklist: {checklist} (basis: {basis})"),
    "format.checklist_forced": ("检查清单：{checklist}", "checklist: {checklist}"),
    "format.no_checklist": ("未识别文种：只检查通用规则", "genre not recognised: common rules only"),
    "format.no_checklist_basis": (
        "未识别文种：只检查通用规则（{basis}）",
        "genre not recognised: common rules only ({basis})",
    ),
    "format.no_reports": ("{path}  （未发现报告）", "{path}  (no reports found)"),
    "format.at_line": ("第 {line} 行", "line {line}"),
    "format.rules": ("规则：通过 {passed} 项，未通过 {failed} 项", "rules: {passed} passed, {failed} failed"),
    "format.input_error": ("{path}: 错误：{error}", "{path}: error: {error}"),
    "format.summary": (
        "检查 {reports} 份报告：通过 {passed} 项，未通过 {failed} 项",
        "Checked {reports} report{s}: {passed} passed, {failed} failed",
    ),
    "format.unreadable": ("，{count} 个文件无法读取", ", {count} file{s} could not be read"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
}


def message(key: str, lang: str = "zh", **values: object) -> str:
    """The message ``key`` in ``lang`` (``zh`` or ``en``), with ``values`` filled in."""
    zh, en = _CATALOGUE[key]
    return (en if lang == "en" else zh).format(**values)
