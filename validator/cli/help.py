"""``--help`` in the user's language: argparse's own headings (usage, options, -h) in Chinese or English.

argparse writes ``usage:``, ``positional arguments:``, ``options:`` and "show
this help message and exit" in English whatever the rest of the help says, so
a Chinese help page came out in two languages. These headings are set here, on
every parser and sub-parser, from the language asked for on the command line
(``--lang en`` anywhere in it; Chinese otherwise): the configuration file, which
may also name a language, is only read after the arguments are parsed. With
``--lang en`` the help texts themselves are given in English too.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator

__all__ = ["ENGLISH_HELP", "localize_help"]

_WORDS = {
    "usage": ("用法：", "usage: "),
    "positionals": ("位置参数", "positional arguments"),
    "options": ("选项", "options"),
    "help": ("显示本帮助并退出", "show this help message and exit"),
    "version": ("显示版本号并退出", "show the version number and exit"),
    "commands": ("命令", "commands"),
}


# The English of each Chinese help text of validator/cli/__init__.py (tests/test_cli_output.py checks
# that none is missing).
ENGLISH_HELP = {
    "不读也不写结果缓存": "neither read nor write the result cache",
    "并行进程数（默认为可用 CPU 核数；1 为单进程）": (
        "worker processes (default: the CPU cores available; 1: in-process)"
    ),
    "结果缓存目录（默认项目根目录下 .report-validator-cache）": (
        "the result cache's directory (default: .report-validator-cache at the project root)"
    ),
    "作为 pre-commit 钩子运行：以 - 开头的现有文件名只当作文件": (
        "run as a pre-commit hook: existing file names that start with - are files, never options"
    ),
    "某个文件出错时显示完整的调用栈": "show the whole traceback when a file crashes",
    "--stdin 时报告的文件名（默认 <stdin>）": (
        "the report's file name with --stdin (default <stdin>)"
    ),
    "不使用任何基线文件": (
        "use no baseline file"
    ),
    "不报告基线文件中已记录的问题（默认自当前目录向上查找 .report-validator-baseline.json）": (
        "leave out the findings recorded in a baseline file"
        " (default: .report-validator-baseline.json, looked for upward from the working directory)"
    ),
    "从标准输入读取一份报告（供编辑器使用）；若给出 PATH，它只作报告的名称，不读取该文件": (
        "read one report from standard input (for editors);"
        " a PATH given is only the report's name and is not read"
    ),
    "基线文件（默认项目根目录的 .report-validator-baseline.json）；有文件无法检查时不写入": (
        "the baseline file (default .report-validator-baseline.json at the project root);"
        " not written when a file cannot be checked"
    ),
    "把当前问题写入基线文件，此后 check 只报告新问题": (
        "record the current findings in a baseline file; check then reports only new ones"
    ),
    "把结果写入文件（写完整后才替换原文件）": (
        "write the results to a file (replaced only once written whole)"
    ),
    "文件或目录（默认当前目录）；- 表示从标准输入读取": (
        "files or directories (default: the working directory); - reads standard input"
    ),
    "标题和导语都没写年度时，报告的年度（1921–2100）": (
        "the report's year when neither its title nor its lead names one (1921–2100)"
    ),
    "修复 .txt/.md 中可安全修复的问题（就地改写）": (
        "apply the safe fixes to .txt/.md files (rewrites them in place)"
    ),
    "为 .docx 写出审阅副本（批注与修订）": (
        "write a reviewed copy of each .docx (comments and tracked changes)"
    ),
    "审阅副本的文件名（默认：原名.checked.docx）": (
        "the reviewed copy's file name (default: NAME.checked.docx)"
    ),
    "检查清单：auto 按文种识别（默认），none 只查通用规则，或清单 id、YAML 文件": (
        "checklist: auto detects the genre (default), none checks the common rules only,"
        " or an id or YAML file"
    ),
    "与 --fix/--diff 同用：也做改变措辞的修复": "with --fix/--diff: also apply the fixes that change wording",
    "只显示 --fix 将做的修改（统一差异格式），不写文件": (
        "show what --fix would change (unified diff); write nothing"
    ),
    "检查党组织报告的结构、内容清单与规范表述（离线运行）。": (
        "Check the structure, required content and standard wording of Party-organization reports (offline)."
    ),
    "显示报告的标题层次（解析树）": "show a report's heading tree (the parse)",
    "按检查清单和规则检查报告": "check reports against checklists and rules",
    "显示某个文件实际生效的配置及其来源": "show the configuration for a file and where each value comes from",
    "把当前问题写入基线文件，此后 check --baseline 只报告新问题": (
        "record the current findings in a baseline file; check --baseline then reports only new ones"
    ),
    "列出已加载的插件、版本及其提供的内容": "list the loaded plugins, their versions and what they add",
    "列出所有检查清单与规则及其来源": "list every checklist and rule, with where it comes from",
    "消息语言（默认中文）": "language of the messages (default Chinese)",
    "文件或目录（默认当前目录）": "files or directories (default: the current directory)",
    "指定检查清单（默认按文种自动识别）": "the checklist to use (default: chosen by the detected genre)",
    "输出格式：text、html、json、sarif、junit、github、gitlab、compact": (
        "output format: text, html, json, sarif, junit, github, gitlab, compact"
    ),
    "把结果写入文件": "write the results to FILE",
    "默认 error": "default: error",
    "配置文件（默认自当前目录向上查找）": "configuration file (default: found upward from here)",
    "只报告这些检查项或规则（逗号分隔，可用前缀）": "report only these ids (comma-separated; prefixes)",
    "不报告这些检查项或规则（逗号分隔，可用前缀）": "leave out these ids (comma-separated; prefixes)",
    "插件加载失败时以退出码 2 结束": "exit with code 2 when a plugin fails to load",
    "不报告基线文件中已记录的问题": "leave out the findings recorded in the baseline FILE",
    "从标准输入读取一份报告（供编辑器使用）": "read one report from standard input (for editors)",
    "--stdin 时报告的文件名": "the file name to report with --stdin",
    "标题和导语都没写年度时，报告的年度": "the report's year when neither title nor lead names one",
    "脱敏语料：占位符（XX、**）只作提示": "anonymized corpus: placeholders (XX, **) are only info",
    "列出全部问题（默认同一规则超过 3 处时折叠）": "list every finding (default: fold a rule's after 3)",
}


def localize_help(parser: argparse.ArgumentParser, lang: str) -> None:
    """Put argparse's own words in ``lang`` on ``parser`` and all its sub-parsers."""
    for each in _parsers(parser):
        each.formatter_class = _formatter(_word("usage", lang))
        each._positionals.title = _word("positionals", lang)
        each._optionals.title = _word("options", lang)
        if lang == "en" and each.description:
            each.description = ENGLISH_HELP.get(each.description, each.description)
        for action in _actions(each):
            if isinstance(action, argparse._HelpAction):
                action.help = _word("help", lang)
            elif isinstance(action, argparse._VersionAction):
                action.help = _word("version", lang)
            elif lang == "en" and action.help:
                action.help = ENGLISH_HELP.get(action.help, action.help)


def _actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """A parser's arguments, and the one-line entries of its sub-commands."""
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            yield from action._choices_actions


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # aliases map to the same parser
                yield from _parsers(child)


def _formatter(usage_prefix: str) -> type[argparse.HelpFormatter]:
    class LocalizedFormatter(argparse.HelpFormatter):
        def add_usage(
            self,
            usage: str | None,
            actions: Iterable[argparse.Action],
            groups: Iterable[argparse._MutuallyExclusiveGroup],
            prefix: str | None = None,
        ) -> None:
            super().add_usage(usage, actions, groups, usage_prefix if prefix is None else prefix)

    return LocalizedFormatter


def _word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return en if lang == "en" else zh
