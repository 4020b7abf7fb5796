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
    "error.line": ("错误：{error}", "error: {error}"),
    # check --format text (validator/formatters/text.py)
    "format.report": (
        "{path}  {title}  第 {line} 行  检查清单：{checklist}",
        "{path}  {title}  line {line}  checklist: {checklist}",
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
    "origin.built-in": ("内置", "built-in"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
}


def origin_word(origin: str, lang: str = "zh") -> str:
    """Where a rule or checklist comes from, in the user's words (``built-in`` is 内置)."""
    return message("origin.built-in", lang) if origin == "built-in" else origin


def message(key: str, lang: str = "zh", **values: object) -> str:
    """The message ``key`` in ``lang`` (``zh`` or ``en``), with ``values`` filled in."""
    zh, en = _CATALOGUE[key]
    return (en if lang == "en" else zh).format(**values)
