"""The ``check`` and ``rules`` commands: from parsed arguments to output and an exit code."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from validator import __version__
from validator.cli.exitcodes import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from validator.errors import ConfigError
from validator.model import SEVERITY_RANK, FileResult
from validator.plugin.registry import Registry

if TYPE_CHECKING:
    from validator.config import EffectiveConfig, ProjectConfig


def open_registry(args: argparse.Namespace, disabled: Iterable[str] = ()) -> Registry:
    """Plugins and what they give; each failed plugin is one line on stderr (exit 2 with --strict-plugins).

    ``disabled`` adds plugin names to block (from the configuration) to those of
    ``REPORT_VALIDATOR_DISABLE_PLUGINS``.
    """
    from validator.plugin.manager import disabled_from_env, load_plugins
    from validator.plugin.registry import build_registry

    registry = build_registry(load_plugins(disabled=disabled_from_env() | frozenset(disabled)))
    for failure in registry.failures:
        print(f"report-validator: {failure}", file=sys.stderr)
    if registry.failures and getattr(args, "strict_plugins", False):
        raise ConfigError("插件加载失败（--strict-plugins）", key="strict-plugins")
    return registry


def open_config(args: argparse.Namespace, registry: Registry) -> ProjectConfig:
    """The project configuration: ``--config FILE``, or found upward from the working directory."""
    from validator.config import ProjectConfig, find_config, load_config

    path = Path(args.config) if getattr(args, "config", None) else find_config(Path.cwd())
    if path is None:
        return ProjectConfig()
    known_ids = set(registry.rules) | {i.id for c in registry.checklists.values() for i in c.items}
    return load_config(path, known_ids=known_ids, known_checklists=set(registry.checklists))


def configured(args: argparse.Namespace) -> tuple[Registry, ProjectConfig]:
    """Registry and configuration; the registry is rebuilt when the configuration disables plugins."""
    registry = open_registry(args)
    config = open_config(args, registry)
    disabled = config.for_run().disable_plugins
    if disabled:
        registry = open_registry(args, disabled)
    return registry, config


def with_flags(effective: EffectiveConfig, args: argparse.Namespace) -> EffectiveConfig:
    """Command-line flags win over every configuration file."""
    flags = {
        "checklist": args.checklist,
        "fail_on": args.fail_on,
        "lang": args.lang,
        "select": _ids(args.select) or None,
        "ignore": _ids(args.ignore) or None,
        "report_year": args.report_year,
        "redacted": args.redacted or None,
    }
    return dataclasses.replace(effective, **{key: value for key, value in flags.items() if value is not None})


def run_outline(args: argparse.Namespace) -> int:
    """The heading tree of one file, as text or JSON."""
    from validator.api import Validator
    from validator.cli.outline import outline_json, outline_text

    validator = Validator(open_registry(args))  # plugins' readers read here too
    parsed = validator.parse(validator.read(args.file))
    _write(outline_json(parsed) + "\n" if args.format == "json" else outline_text(parsed, args.lang), None)
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from validator.cli.runner import check_inputs, check_validator
    from validator.formatters import FormatOptions

    registry, config, run, validator = check_validator(args)
    formatter = registry.formatters.get(args.format)
    if formatter is None:
        known = "、".join(sorted(registry.formatters))
        raise ConfigError(f"未知的输出格式 {args.format}（可用：{known}）", key="format")
    if run.checklist:
        validator.checklist_named(run.checklist)  # an unknown checklist fails before any file is read
    files = check_inputs(args, validator, config)
    if args.baseline:
        from validator.engine.baseline import apply_baseline, load_baseline

        files = apply_baseline(files, load_baseline(args.baseline), run.lang)
    _print_unreadable(files)
    checklists = {**registry.checklists, **{c.id: c for c in validator.checklists_used.values()}}
    labels = {
        checklist.id: {item.id: item.label.get(run.lang) for item in checklist.items}
        for checklist in checklists.values()
    }
    options = FormatOptions(
        lang=run.lang, checklist_labels=labels, rules=registry.rules, checklists=checklists
    )
    _write(formatter(files, options), args.output)
    return exit_code(files, run.fail_on)


def run_baseline(args: argparse.Namespace) -> int:
    """Record the current findings of PATHs in a baseline file."""
    from validator.engine.baseline import render_baseline
    from validator.engine.pipeline import Validator
    from validator.model import RunSettings

    registry = open_registry(args)
    files = Validator(registry, RunSettings(lang=args.lang), args.checklist).check_paths(args.paths)
    _print_unreadable(files)
    _write(render_baseline(files), args.output)
    count = sum(1 for f in files for r in f.reports for x in r.results if x.status == "fail")
    print(
        f"已把 {count} 个问题写入基线 {args.output}"
        if args.lang != "en"
        else f"{count} findings written to {args.output}"
    )
    return EXIT_USAGE if any(file.error for file in files) else EXIT_OK


def exit_code(files: Sequence[FileResult], fail_on: str) -> int:
    """2 when a file could not be read; 1 when a result failed at or above ``fail_on``; else 0."""
    if any(file.error for file in files):
        return EXIT_USAGE
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    failed = (
        result
        for file in files
        for report in file.reports
        for result in report.results
        if result.status == "fail" and SEVERITY_RANK[result.severity] >= threshold
    )
    return EXIT_FINDINGS if any(True for _ in failed) else EXIT_OK


def run_rules(args: argparse.Namespace) -> int:
    """Every checklist and rule, with the plugin each comes from."""
    registry = open_registry(args)
    checklists = sorted(registry.checklists.values(), key=lambda c: c.id)
    rules = sorted(registry.rules.values(), key=lambda r: r.code)
    if args.format == "json":
        payload = {
            "checklists": [
                {
                    "id": c.id,
                    "name": c.name.get(args.lang),
                    "origin": c.origin,
                    "items": [i.id for i in c.items],
                }
                for c in checklists
            ],
            "rules": [
                {
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity,
                    "summary": r.summary.get(args.lang),
                    "source": r.source,
                    "origin": r.origin,
                }
                for r in rules
            ],
        }
        _write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    lines = ["检查清单：" if args.lang != "en" else "Checklists:"]
    for checklist in checklists:
        lines.append(f"  {checklist.id:<16} {checklist.name.get(args.lang)}  [{checklist.origin}]")
        lines.extend(
            f"      {item.id:<16} {item.severity:<8} {item.label.get(args.lang)}" for item in checklist.items
        )
    lines.append("规则：" if args.lang != "en" else "Rules:")
    lines.extend(
        f"  {r.code:<10} {r.severity:<8} {r.name:<24} {r.summary.get(args.lang)}  [{r.origin}]" for r in rules
    )
    _write("\n".join(lines) + "\n", None)
    return EXIT_OK


def run_config(args: argparse.Namespace) -> int:
    """The configuration in force for FILE (or for the run), and where each value comes from."""
    from validator.config import render_effective

    _registry, config = configured(args)
    _write(render_effective(config, args.file, fmt=args.format), None)
    return EXIT_OK


def run_plugins(args: argparse.Namespace) -> int:
    """Each plugin with its version and what it adds; failed plugins are listed too."""
    registry = open_registry(args)
    names = [
        name for name, _ in registry.plugins.manager.list_name_plugin() if not name.startswith("builtin_")
    ]
    origins = ["built-in", *sorted(registry.plugins.origin(name) for name in names)]
    if args.format == "json":
        plugins = [{"plugin": origin, "adds": registry.provided.get(origin, {})} for origin in origins]
        failed = [{"name": f.name, "version": f.version, "reason": f.reason} for f in registry.failures]
        _write(json.dumps({"plugins": plugins, "failed": failed}, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    lines = []
    for origin in origins:
        lines.append(origin if origin != "built-in" else f"built-in (report-validator {__version__})")
        for kind, provided in sorted(registry.provided.get(origin, {}).items()):
            lines.append(f"  {kind}: {', '.join(provided)}")
    _write("\n".join(lines) + "\n", None)
    return EXIT_OK


def _print_unreadable(files: Sequence[FileResult]) -> None:
    """One line on stderr per file that could not be read (the output still lists it)."""
    for file in files:
        if file.error:
            print(f"report-validator: {file.path}: {file.error}", file=sys.stderr)


def _ids(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _write(output: str, path: str | None) -> None:
    if path is None:
        sys.stdout.write(output)
        return
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(output)
    except OSError as error:
        raise ConfigError(f"无法写入输出文件：{error.strerror}", path=path, key="output") from None
