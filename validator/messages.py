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
    "format.rules": (
        "规则：通过 {passed} 条，未通过 {failed} 条，共 {findings} 处问题",
        "rules: {passed} passed, {failed} failed, {findings} findings",
    ),
    "format.more": (
        "… {code} 同类问题另有 {count} 处（--no-group 列出全部）",
        "… {count} more {code} finding(s) (--no-group lists all)",
    ),
    "format.findings": ("（{count} 处问题）", " ({count} finding{s})"),
    "format.no_genre": ("未识别文种", "genre not recognised"),
    "format.page": ("第 {page} 页", "page {page}"),
    "format.paragraph": ("第 {number} 段", "para {number}"),
    "format.input_error": ("{path}: 错误：{error}", "{path}: error: {error}"),
    "format.summary": (
        "检查 {reports} 份报告：通过 {passed} 项，未通过 {failed} 项",
        "Checked {reports} report{s}: {passed} passed, {failed} failed",
    ),
    "format.unreadable": ("，{count} 个文件无法读取", ", {count} file{s} could not be read"),
    # check --format html (validator/formatters/html.py): the page's fixed words
    "html.title": ("报告检查结果", "Report check results"),
    "html.heading": ("报告检查结果一览", "Report check overview"),
    "html.matrix": ("检查清单一览", "Checklist matrix"),
    "html.matrix_hint": (
        "点击列标题排序；✘ 的颜色表示严重程度（红：错误，橙：警告，蓝：提示）。",
        "Click a heading to sort; the colour of ✘ is its severity (red error, orange warning, blue info).",
    ),
    "html.filter_unit": ("按单位筛选", "Filter by unit"),
    "html.filter_unit_placeholder": ("单位、标题或文件名", "unit, title or file name"),
    "html.filter_checklist": ("检查清单", "Checklist"),
    "html.filter_item": ("检查项", "Item"),
    "html.filter_item_status": ("该项结果", "Its result"),
    "html.any": ("全部", "all"),
    "html.failed": ("未通过", "failed"),
    "html.passed": ("通过", "passed"),
    "html.shown": ("显示", "Showing"),
    "html.of": ("份，共", "of"),
    "html.reports_unit": ("份", "reports"),
    "html.unit": ("单位", "Unit"),
    "html.report": ("报告", "Report"),
    "html.checklist": ("检查清单", "Checklist"),
    "html.errors": ("错误", "Errors"),
    "html.warnings": ("警告", "Warnings"),
    "html.infos": ("提示", "Info"),
    "html.not_checked": ("不适用", "not checked"),
    "html.totals": ("各规则问题合计", "Findings per rule"),
    "html.rule": ("规则", "Rule"),
    "html.severity": ("严重程度", "Severity"),
    "html.in_reports": ("涉及报告数", "Reports"),
    "html.findings": ("问题数", "Findings"),
    "html.no_findings": ("未发现规则问题。", "No rule findings."),
    "html.details": ("各报告问题明细", "Findings per report"),
    "html.items_failed": ("未通过的检查项", "Checklist items failed"),
    "html.unreadable": ("无法读取的文件", "Files that could not be read"),
    "html.back": ("返回一览", "back to the matrix"),
    "html.generated": ("本页由 report-validator 离线生成，版本", "Made offline by report-validator, version"),
    # … and its words with values in them (not in page.words: those are filled in per report)
    "report_page.findings": ("规则问题（{count} 处）", "Rule findings ({count})"),
    "report_page.item": ("{label}：{message}", "{label}: {message}"),
    "origin.built-in": ("内置", "built-in"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
}


def catalogue_keys(prefix: str) -> list[str]:
    """The keys that start with ``prefix``, in catalogue order (the HTML page takes all of ``html.``)."""
    return [key for key in _CATALOGUE if key.startswith(prefix)]


def origin_word(origin: str, lang: str = "zh") -> str:
    """Where a rule or checklist comes from, in the user's words (``built-in`` is 内置)."""
    return message("origin.built-in", lang) if origin == "built-in" else origin


def message(key: str, lang: str = "zh", **values: object) -> str:
    """The message ``key`` in ``lang`` (``zh`` or ``en``), with ``values`` filled in."""
    zh, en = _CATALOGUE[key]
    return (en if lang == "en" else zh).format(**values)
