"""The ``report-validator`` command line: parse arguments, run a command, return an exit code.

Exit codes are the public contract of DESIGN.md: 0 nothing failed, 1 a result
failed at or above ``--fail-on``, 2 a usage, configuration, plugin or input
error (one line on stderr, never a traceback). Heavy modules are imported
inside the commands so that ``--help`` and start-up stay fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from validator import __version__
from validator.cli.exitcodes import EXIT_USAGE
from validator.errors import ValidatorError
from validator.messages import message


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors and 0 on --help
        return int(exit_.code or 0)
    try:
        from validator.cli import commands  # imported only now: --help and usage errors stay fast

        return int(getattr(commands, args.run)(args))
    except ValidatorError as error:
        print_error(error, args.lang)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def print_error(error: ValidatorError, lang: str) -> None:
    """One line on stderr: the tool, the file and the reason."""
    print(f"report-validator: {message('error.line', lang, error=error)}", file=sys.stderr)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="report-validator",
        description="检查党组织报告的结构、内容清单与规范表述（离线运行）。",
    )
    parser.add_argument("--version", action="version", version=f"report-validator {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    outline = commands.add_parser("outline", help="显示报告的标题层次（解析树）")
    outline.add_argument("file", metavar="FILE")
    outline.add_argument("--format", choices=("text", "json"), default="text")
    _add_lang(outline)
    outline.set_defaults(run="run_outline")
    _add_check_command(commands)
    baseline = commands.add_parser(
        "baseline", help="把当前问题写入基线文件，此后 check --baseline 只报告新问题"
    )
    baseline.add_argument("paths", nargs="+", metavar="PATH")
    baseline.add_argument("--output", metavar="FILE", default=".report-validator-baseline.json")
    baseline.add_argument("--checklist", metavar="NAME|FILE")
    baseline.add_argument("--strict-plugins", action="store_true", help="插件加载失败时以退出码 2 结束")
    _add_lang(baseline)
    baseline.set_defaults(run="run_baseline")
    plugins = commands.add_parser("plugins", help="列出已加载的插件、版本及其提供的内容")
    plugins.add_argument("--format", choices=("text", "json"), default="text")
    plugins.add_argument("--strict-plugins", action="store_true", help="插件加载失败时以退出码 2 结束")
    _add_lang(plugins)
    plugins.set_defaults(run="run_plugins")
    rules = commands.add_parser("rules", help="列出所有检查清单与规则及其来源")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    _add_lang(rules)
    rules.add_argument("--strict-plugins", action="store_true", help="插件加载失败时以退出码 2 结束")
    rules.set_defaults(run="run_rules")
    return parser


def _add_check_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser("check", help="按检查清单和规则检查报告")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="文件或目录（默认当前目录）")
    check.add_argument("--checklist", metavar="NAME|FILE", help="指定检查清单（默认按文种自动识别）")
    check.add_argument(
        "--format",
        default="text",
        metavar="FORMAT",
        help="输出格式：text、json、sarif、junit、github、gitlab、compact",
    )
    check.add_argument("--output", metavar="FILE", help="把结果写入文件")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"), help="默认 error")
    check.add_argument("--config", metavar="FILE", help="配置文件（默认自当前目录向上查找）")
    check.add_argument(
        "--select", metavar="IDS", default="", help="只报告这些检查项或规则（逗号分隔，可用前缀）"
    )
    check.add_argument(
        "--ignore", metavar="IDS", default="", help="不报告这些检查项或规则（逗号分隔，可用前缀）"
    )
    check.add_argument("--strict-plugins", action="store_true", help="插件加载失败时以退出码 2 结束")
    check.add_argument("--baseline", metavar="FILE", help="不报告基线文件中已记录的问题")
    check.add_argument("--stdin", action="store_true", help="从标准输入读取一份报告（供编辑器使用）")
    check.add_argument("--stdin-filename", metavar="NAME", default="<stdin>", help="--stdin 时报告的文件名")
    check.add_argument("--report-year", type=int, metavar="YEAR", help="标题和导语都没写年度时，报告的年度")
    check.add_argument("--redacted", action="store_true", help="脱敏语料：占位符（XX、**）只作提示")
    _add_speed_flags(check)
    _add_lang(check, default=None)
    check.set_defaults(run="run_check")
    config = commands.add_parser("config", help="显示某个文件实际生效的配置及其来源")
    config.add_argument("file", nargs="?", metavar="FILE")
    config.add_argument("--config", metavar="FILE", help="配置文件（默认自当前目录向上查找）")
    config.add_argument("--format", choices=("yaml", "json"), default="yaml")
    config.add_argument("--strict-plugins", action="store_true", help="插件加载失败时以退出码 2 结束")
    _add_lang(config)
    config.set_defaults(run="run_config")


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
