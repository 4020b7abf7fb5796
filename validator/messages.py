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
    # --- command-line errors and notes (validator/cli, validator/atomic.py, the baseline) ---
    # One line on stderr: "report-validator: 错误：<where>: <reason>"; <where> is the file, or
    # the option for a usage error. argparse's own messages are translated into these.
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


def has_message(key: str) -> bool:
    """Whether the catalogue holds ``key`` (for keys built from data, such as an errno name)."""
    return key in _CATALOGUE


def message(key: str, lang: str = "zh", **values: object) -> str:
    """The message ``key`` in ``lang`` (``zh`` or ``en``), with ``values`` filled in."""
    zh, en = _CATALOGUE[key]
    return (en if lang == "en" else zh).format(**values)
