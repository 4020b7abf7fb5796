"""The ``report-validator`` command line: parse arguments, run a command, return an exit code.

Exit codes are the public contract of DESIGN.md: 0 nothing failed, 1 a result
failed at or above ``--fail-on``, 2 a usage, configuration, plugin or input
error (one line on stderr, never a traceback). Every such line has one shape,
``report-validator: 错误：<where>: <reason>`` (``error:`` with ``--lang en``),
where ``<where>`` is the file, or the option for a usage error. Heavy modules
are imported inside the commands so that ``--help`` and start-up stay fast.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import NoReturn

from validator import __version__
from validator.cli.exitcodes import EXIT_USAGE
from validator.cli.usage import Parser, Reported, UsageError, lang_of
from validator.errors import ConfigError, InputError, ValidatorError
from validator.messages import message

_STRICT_HELP = "插件加载失败时以退出码 2 结束"


def run() -> NoReturn:
    """The ``report-validator`` command: ``main``, then an exit that frees nothing.

    At a normal exit Python frees every object one by one: after a 5 MiB report, about a million,
    which took longer than checking a small report (mypy exits this way for the same reason). The
    exit handlers (the pattern snapshot's) run first and the output is flushed; the process's
    memory is the operating system's to reclaim.
    """
    code = main()
    atexit._run_exitfuncs()  # what a normal exit would run first (CPython's own function for it)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (| head) is not an error
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    from validator.cli.help import localize_help
    from validator.cli.hook_args import protect_file_names

    _tolerant_output()
    words = protect_file_names(sys.argv[1:] if argv is None else argv)
    lang = lang_of(words)
    parser = _build_parser(lang, words)
    localize_help(parser, lang)
    try:
        args = parser.parse_args(words)
    except SystemExit as exit_:  # --help and --version
        return int(exit_.code or 0)
    except UsageError as error:
        print_error(error, lang)
        return EXIT_USAGE
    try:
        with _fewer_collections():  # from the imports on, which make a hundred thousand objects
            from validator.cli import commands  # imported only now: --help and usage errors stay fast
            from validator.engine.guard import set_debug

            set_debug(getattr(args, "debug", False))
            return int(getattr(commands, args.run)(args))
    except ValidatorError as error:
        if not isinstance(error, Reported):
            print_error(error, getattr(args, "lang", None) or lang)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug outside any file's guard: one line, exit 2, never 1
        return _crashed(error, getattr(args, "lang", None) or lang)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Let Python's cycle collector run less often during a command.

    By default it runs every 700 new objects; a check makes millions (spans, paragraphs, results)
    and almost no reference cycles, so those runs find nothing and cost about a tenth of a check.
    A command is a short process: collecting every 200,000 objects instead (as mypy does, for the
    same reason) bounds what cycles may wait; a 5 MiB report's peak memory is unchanged, and a
    check costs about 2 % less than with 50,000. ``prepare`` also freezes what start-up made. Both are
    undone afterwards, for a program that calls ``main`` more than once (the tests do).
    """
    import gc

    before = gc.get_threshold()
    gc.set_threshold(200_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _crashed(error: Exception, lang: str) -> int:
    """One line for an unexpected exception (the traceback with ``--debug``)."""
    from validator.engine.guard import debug_enabled, one_line

    if debug_enabled():
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    detail = one_line(str(error))[:200]
    reason = message("cli.internal_error", lang, kind=type(error).__name__, detail=detail)
    print_error_line("report-validator", reason, lang)
    return EXIT_USAGE


def _tolerant_output() -> None:
    """Characters the terminal's encoding lacks (✔ under GBK) are replaced, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            reconfigure(errors="replace")


def print_error(error: ValidatorError, lang: str) -> None:
    """One line on stderr: the tool, the file (or option) and the reason."""
    where, reason = error_parts(error, lang)
    print_error_line(where, reason, lang)


def print_error_line(where: str, reason: str, lang: str) -> None:
    """``report-validator: 错误：<where>: <reason>``; a line break in either part is escaped (``\\n``)."""
    line = message("cli.error", lang, where=where.translate(_ESCAPED), reason=reason.translate(_ESCAPED))
    print(line, file=sys.stderr)


# Every character at which str.splitlines() breaks, written as Python would escape it.
_ESCAPED = {ord(c): repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def error_parts(error: ValidatorError, lang: str = "zh") -> tuple[str, str]:
    """Where an error is (file and line, or the option) and what it is."""
    if isinstance(error, UsageError):
        return error.where, error.reason
    if isinstance(error, InputError):
        from validator.cli.reasons import in_language

        return error.path, in_language(error.reason, lang)
    if isinstance(error, ConfigError):
        where = f"{error.path}:{error.line}" if error.path and error.line else error.path
        return where or (f"--{error.key}" if error.key else "report-validator"), error.message
    return "report-validator", str(error)


def _build_parser(lang: str, words: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The command line's parser: when ``words`` name a command, only that command's sub-parser.

    argparse takes a few milliseconds to build the six commands (each sub-parser looks up its
    headings' translations on disk); a run needs one. ``--help``, ``--version``, a mistyped or
    missing command get every command, so that they are listed and suggested as before.
    """
    parser = Parser(
        prog="report-validator",
        description="检查党组织报告的结构、内容清单与规范表述（离线运行）。",
        lang=lang,
    )
    parser.add_argument("--version", action="version", version=f"report-validator {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = words[0] if words and words[0] in _COMMANDS else None
    for name, add_command in _COMMANDS.items():
        if chosen in (None, name):
            add_command(commands, lang)
    return parser


def _add_outline_command(commands: argparse._SubParsersAction[Parser], lang: str) -> None:
    outline = commands.add_parser("outline", help="显示报告的标题层次（解析树）", lang=lang)
    outline.add_argument("file", metavar="FILE")
    outline.add_argument("--format", choices=("text", "json"), default="text")
    _add_lang(outline)
    outline.set_defaults(run="run_outline")


def _add_plugins_command(commands: argparse._SubParsersAction[Parser], lang: str) -> None:
    plugins = commands.add_parser("plugins", help="列出已加载的插件、版本及其提供的内容", lang=lang)
    plugins.add_argument("--format", choices=("text", "json"), default="text")
    plugins.add_argument("--strict-plugins", action="store_true", help=_STRICT_HELP)
    _add_lang(plugins)
    plugins.set_defaults(run="run_plugins")


def _add_rules_command(commands: argparse._SubParsersAction[Parser], lang: str) -> None:
    rules = commands.add_parser("rules", help="列出所有检查清单与规则及其来源", lang=lang)
    rules.add_argument("--format", choices=("text", "json"), default="text")
    _add_lang(rules)
    rules.add_argument("--strict-plugins", action="store_true", help=_STRICT_HELP)
    rules.set_defaults(run="run_rules")


def _add_config_command(commands: argparse._SubParsersAction[Parser], lang: str) -> None:
    config = commands.add_parser("config", help="显示某个文件实际生效的配置及其来源", lang=lang)
    config.add_argument("file", nargs="?", metavar="FILE")
    config.add_argument("--config", metavar="FILE", help="配置文件（默认自当前目录向上查找）")
    config.add_argument("--format", choices=("yaml", "json"), default="yaml")
    config.add_argument("--strict-plugins", action="store_true", help=_STRICT_HELP)
    _add_lang(config)
    config.set_defaults(run="run_config")


def _add_check_command(commands: argparse._SubParsersAction[Parser], lang: str) -> None:
    check = commands.add_parser("check", help="按检查清单和规则检查报告", lang=lang)
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="文件或目录（默认当前目录）；- 表示从标准输入读取"
    )
    check.add_argument(
        "--format",
        default="text",
        metavar="FORMAT",
        help="输出格式：text、html、json、sarif、junit、github、gitlab、compact",
    )
    check.add_argument("--output", metavar="FILE", help="把结果写入文件（写完整后才替换原文件）")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"), help="默认 error")
    _add_run_options(check)
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument(
        "--baseline",
        metavar="FILE",
        help="不报告基线文件中已记录的问题（默认自当前目录向上查找 .report-validator-baseline.json）",
    )
    baseline.add_argument("--no-baseline", action="store_true", help="不使用任何基线文件")
    check.add_argument(
        "--stdin",
        action="store_true",
        help="从标准输入读取一份报告（供编辑器使用）；若给出 PATH，它只作报告的名称，不读取该文件",
    )
    check.add_argument("--stdin-filename", metavar="NAME", help="--stdin 时报告的文件名（默认 <stdin>）")
    check.add_argument("--fix", action="store_true", help="修复 .txt/.md 中可安全修复的问题（就地改写）")
    check.add_argument("--unsafe-fixes", action="store_true", help="与 --fix/--diff 同用：也做改变措辞的修复")
    check.add_argument(
        "--diff", action="store_true", help="只显示 --fix 将做的修改（统一差异格式），不写文件"
    )
    check.add_argument("--annotate", action="store_true", help="为 .docx 写出审阅副本（批注与修订）")
    check.add_argument("--annotate-to", metavar="FILE", help="审阅副本的文件名（默认：原名.checked.docx）")
    check.add_argument(
        "--no-group", dest="group", action="store_false", help="列出全部问题（默认同一规则超过 3 处时折叠）"
    )
    check.add_argument(
        "--pre-commit", action="store_true", help="作为 pre-commit 钩子运行：以 - 开头的现有文件名只当作文件"
    )
    _add_speed_flags(check)
    check.set_defaults(run="run_check")


def _add_baseline_command(commands: argparse._SubParsersAction[Parser], lang: str) -> None:
    baseline = commands.add_parser(
        "baseline", help="把当前问题写入基线文件，此后 check 只报告新问题", lang=lang
    )
    baseline.add_argument("paths", nargs="+", metavar="PATH")
    baseline.add_argument(
        "--output",
        metavar="FILE",
        help="基线文件（默认项目根目录的 .report-validator-baseline.json）；有文件无法检查时不写入",
    )
    _add_run_options(baseline)
    baseline.set_defaults(run="run_baseline")


def _add_run_options(command: argparse.ArgumentParser) -> None:
    """The options that choose what is checked and how: the same for ``check`` and ``baseline``."""
    command.add_argument(
        "--checklist",
        metavar="auto|none|NAME|FILE",
        help="检查清单：auto 按文种识别（默认），none 只查通用规则，或清单 id、YAML 文件",
    )
    command.add_argument("--config", metavar="FILE", help="配置文件（默认自当前目录向上查找）")
    command.add_argument(
        "--select", metavar="IDS", default="", help="只报告这些检查项或规则（逗号分隔，可用前缀）"
    )
    command.add_argument(
        "--ignore", metavar="IDS", default="", help="不报告这些检查项或规则（逗号分隔，可用前缀）"
    )
    command.add_argument("--strict-plugins", action="store_true", help=_STRICT_HELP)
    command.add_argument(
        "--report-year", type=int, metavar="YEAR", help="标题和导语都没写年度时，报告的年度（1921–2100）"
    )
    command.add_argument("--redacted", action="store_true", help="脱敏语料：占位符（XX、**）只作提示")
    command.add_argument("--debug", action="store_true", help="某个文件出错时显示完整的调用栈")
    _add_lang(command, default=None)


def _add_speed_flags(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--jobs", "-j", type=_positive, metavar="N", help="并行进程数（默认为可用 CPU 核数；1 为单进程）"
    )
    check.add_argument(
        "--cache-dir", metavar="DIR", help="结果缓存目录（默认项目根目录下 .report-validator-cache）"
    )
    check.add_argument("--no-cache", action="store_true", help="不读也不写结果缓存")


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"须为正整数：{value}")
    return int(value)


def _add_lang(command: argparse.ArgumentParser, default: str | None = "zh") -> None:
    command.add_argument("--lang", choices=("zh", "en"), default=default, help="消息语言（默认中文）")


# The commands in the order ``--help`` lists them.
_COMMANDS: dict[str, Callable[[argparse._SubParsersAction[Parser], str], None]] = {
    "outline": _add_outline_command,
    "check": _add_check_command,
    "baseline": _add_baseline_command,
    "plugins": _add_plugins_command,
    "rules": _add_rules_command,
    "config": _add_config_command,
}
