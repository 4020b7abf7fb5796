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
    # --- command-line errors and notes (validator/cli, validator/atomic.py, the baseline) ---
    # One line on stderr: "report-validator: 错误：<where>: <reason>"; <where> is the file, or
    # the option for a usage error. argparse's own messages are translated into these.
    "cli.internal_error": (
        "内部错误：{kind}: {detail}（--debug 显示详情）",
        "internal error: {kind}: {detail} (--debug shows the details)",
    ),
    "cli.error": ("report-validator: 错误：{where}: {reason}", "report-validator: error: {where}: {reason}"),
    "cli.unrecognized": ("无法识别的参数", "unrecognized argument"),
    "cli.required": ("缺少必需的参数", "required argument missing"),
    "cli.invalid_choice": (
        "无效的取值 {value}（可用：{choices}）",
        "invalid choice {value} (choose from {choices})",
    ),
    "cli.invalid_value": ("无效的取值 {value}", "invalid value {value}"),
    "cli.expected_one": ("需要一个取值", "expected one value"),
    "cli.expected_some": ("至少需要一个取值", "expected at least one value"),
    "cli.expected_none": ("不接受取值 {value}", "takes no value, got {value}"),
    "cli.ambiguous": ("有歧义的选项，可能是 {matches}", "ambiguous option, could be {matches}"),
    "cli.not_allowed": ("不能与 {other} 同用", "not allowed with {other}"),
    "cli.usage": ("用法错误：{message}", "usage error: {message}"),
    "cli.unknown_id": ("未知的规则代码或检查项 {value}", "unknown rule code or item id {value}"),
    "cli.did_you_mean": ("，是否想写 {close}？", "; did you mean {close}?"),
    "cli.see_rules": (
        "（用 report-validator rules 查看所有代码）",
        " (report-validator rules lists them all)",
    ),
    "cli.empty_ids": ("没有给出规则代码或检查项", "no rule code or item id given"),
    "cli.year": (
        "应为 {low}–{high} 之间的年份，实际是 {value}",
        "should be a year from {low} to {high}, not {value}",
    ),
    "cli.unknown_checklist": (
        "未知的检查清单 {value}（可用：{known}）",
        "unknown checklist {value} (choose from {known})",
    ),
    "cli.unknown_format": (
        "未知的输出格式 {value}（可用：{known}）",
        "unknown format {value} (choose from {known})",
    ),
    "cli.no_files": ("没有可检查的文件（支持 {suffixes}）", "no file to check (supported: {suffixes})"),
    "cli.stdin_paths": (
        "--stdin 时最多给一个路径，仅作报告的名称",
        "--stdin takes at most one PATH, used only as the report's name",
    ),
    "cli.stdin_twice": (
        "不能既给路径又给 --stdin-filename",
        "give either a PATH or --stdin-filename, not both",
    ),
    "cli.plugin_failed": ("插件未能加载，已跳过：{reason}", "plugin not loaded, skipped: {reason}"),
    "cli.write_failed": ("无法写入文件：{reason}", "cannot write the file: {reason}"),
    "baseline.written": ("已把 {count} 个问题写入基线 {path}", "{count} findings written to {path}"),
    "cli.not_written": (
        "{count} 个文件无法检查，未写入，原文件保持不变",
        "{count} file(s) could not be checked: not written, the old file is unchanged",
    ),
    "baseline.applied": (
        "；基线 {path} 隐去 {count} 个已接受的问题",
        "; baseline {path}: {count} accepted finding(s) hidden",
    ),
    # why a write failed, by errno (validator/atomic.py), instead of the OS's English
    "os.ENOSPC": ("磁盘空间不足", "no space left on device"),
    "os.EDQUOT": ("超出磁盘配额", "disk quota exceeded"),
    "os.EACCES": ("权限不足", "permission denied"),
    "os.EPERM": ("权限不足", "permission denied"),
    "os.EROFS": ("只读文件系统", "read-only file system"),
    "os.ENOENT": ("文件或目录不存在", "no such file or directory"),
    "os.ENOTDIR": ("路径中有一段不是目录", "a part of the path is not a directory"),
    "os.EISDIR": ("是目录，不是文件", "is a directory, not a file"),
}


def catalogue_keys(prefix: str) -> list[str]:
    """The keys that start with ``prefix``, in catalogue order (the HTML page takes all of ``html.``)."""
    return [key for key in _CATALOGUE if key.startswith(prefix)]


def origin_word(origin: str, lang: str = "zh") -> str:
    """Where a rule or checklist comes from, in the user's words (``built-in`` is 内置)."""
    return message("origin.built-in", lang) if origin == "built-in" else origin


def has_message(key: str) -> bool:
    """Whether the catalogue holds ``key`` (for keys built from data, such as an errno name)."""
    return key in _CATALOGUE


def message(key: str, lang: str = "zh", **values: object) -> str:
    """The message ``key`` in ``lang`` (``zh`` or ``en``), with ``values`` filled in."""
    zh, en = _CATALOGUE[key]
    return (en if lang == "en" else zh).format(**values)
