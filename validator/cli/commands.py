"""The commands: from parsed arguments to output and an exit code.

``check`` and ``baseline`` go through one path (``check_inputs``): the same configuration,
discovery, flags and checklist choice, so that a baseline records exactly what ``check``
would report. A baseline is not written when any input failed; a report (``--output``) is,
since every format carries the failure; both are written whole (``validator.atomic``).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from validator import __version__
from validator.atomic import atomic_write
from validator.cli import print_error_line
from validator.cli.baselines import default_baseline_path, failures, open_baseline
from validator.cli.exitcodes import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from validator.cli.flags import checked_checklist, with_flags
from validator.cli.inputs import read_inputs
from validator.cli.reasons import in_language
from validator.cli.runner import FORMATS_WITHOUT_FINGERPRINTS
from validator.cli.usage import Reported, UsageError
from validator.messages import message
from validator.model import SEVERITY_RANK, Checklist, FileResult, ParsedFile, Text
from validator.plugin.registry import Registry

if TYPE_CHECKING:
    from validator.config import EffectiveConfig, ProjectConfig
    from validator.engine.pipeline import Validator
    from validator.fix.command import FixRun


def open_registry(args: argparse.Namespace, disabled: Iterable[str] = ()) -> Registry:
    """Plugins and what they give; each failed plugin is one line on stderr (exit 2 with --strict-plugins).

    ``disabled`` adds plugin names to block (from the configuration) to those of
    ``REPORT_VALIDATOR_DISABLE_PLUGINS``.
    """
    from validator.plugin.manager import disabled_from_env, load_plugins
    from validator.plugin.registry import build_registry

    registry = build_registry(load_plugins(disabled=disabled_from_env() | frozenset(disabled)))
    lang = _lang(args)
    for failure in registry.failures:
        reason = message("cli.plugin_failed", lang, reason=failure.reason)
        print_error_line(f"{failure.name} {failure.version}", reason, lang)
    if registry.failures and getattr(args, "strict_plugins", False):
        raise Reported("--strict-plugins")
    return registry


def open_config(args: argparse.Namespace, registry: Registry) -> ProjectConfig:
    """The project configuration: ``--config FILE``, or found upward from the working directory."""
    from validator.config import ProjectConfig, find_config, load_config

    path = Path(args.config) if getattr(args, "config", None) else find_config(Path.cwd())
    if path is None:
        return ProjectConfig()
    return load_config(path, known_ids=known_ids(registry), known_checklists=set(registry.checklists))


def known_ids(registry: Registry, *extra: Checklist) -> set[str]:
    """The rule codes and checklist item ids that ``select``, ``ignore`` and ``severity`` may name."""
    checklists = (*registry.checklists.values(), *extra)
    return set(registry.rules) | {item.id for checklist in checklists for item in checklist.items}


def configured(args: argparse.Namespace) -> tuple[Registry, ProjectConfig]:
    """Registry and configuration; the registry is rebuilt when the configuration disables plugins."""
    registry = open_registry(args)
    config = open_config(args, registry)
    disabled = config.for_run().disable_plugins
    if disabled:
        registry = open_registry(args, disabled)
    use_project_data(registry, config.for_run())
    return registry, config


def use_project_data(registry: Registry, run: EffectiveConfig) -> None:
    """The data packs in force: the plugins', then the project's ``data`` and ``vocabulary.reject``."""
    from validator.datapack import use_packs

    rejected = [{"wrong": word} for word in run.vocabulary["reject"]]
    use_packs([*registry.data_packs, *map(Path, run.data)], {"typos": {"typos": rejected}})


class Checked(NamedTuple):
    """What ``check`` and ``baseline`` share: the files checked, with the settings of the run."""

    registry: Registry
    validator: Validator
    run: EffectiveConfig
    files: list[FileResult]


def check_inputs(
    args: argparse.Namespace, before_reading: Callable[[Validator, str], bool] | None = None
) -> Checked:
    """Configuration, discovery, checklist choice and the files: one path for ``check`` and ``baseline``.

    ``before_reading`` is called with the validator and the run's language once every setting
    is known and before any file is read, so a command can refuse its own bad options first
    (or do its own work first: ``--fix``); when it returns False, no file is checked. The files
    are checked through the result cache and over ``--jobs`` processes (``validator.cli.runner``).
    """
    from validator.cli.runner import checker

    registry, config, run, validator = prepare(args)
    if before_reading is not None and not before_reading(validator, run.lang):
        return Checked(registry, validator, run, [])
    files = read_inputs(args, validator, run.lang, checker(args, validator, config))
    return Checked(registry, validator, run, files)


def prepare(
    args: argparse.Namespace, quiet: bool = False
) -> tuple[Registry, ProjectConfig, EffectiveConfig, Validator]:
    """The registry, configuration, run settings and validator that ``args`` describe.

    The one recipe for them: the command uses it, and so does each worker process that is
    spawned rather than forked (``quiet``: the parent has reported plugin failures already).
    """
    from validator.engine.pipeline import FileSettings, Validator

    with contextlib.redirect_stderr(io.StringIO()) if quiet else contextlib.nullcontext():
        registry, config = configured(args)

    settings: dict[tuple[int, ...], FileSettings] = {}  # by the overrides that apply: made once each

    def settings_for(path: str) -> FileSettings:
        matching = config.matching(path)
        if matching not in settings:
            effective = with_flags(config.with_overrides(matching), args, ids)
            settings[matching] = FileSettings(effective.run_settings(), effective.checklist)
        return settings[matching]

    checked_checklist(args.checklist, registry.checklists, args.lang or config.for_run().lang)
    fingerprints = getattr(args, "fingerprints", True)  # run_check says when its output needs none
    validator = Validator(registry, settings_for=settings_for, fingerprints=fingerprints)
    choice = validator.choice_named(args.checklist or config.for_run().checklist)
    ids = known_ids(registry, *([choice.checklist] if choice and choice.checklist else []))
    args.lang = args.lang or config.for_run().lang  # errors from here on speak the configured language
    gc.freeze()  # start-up's objects live as long as the run (and forked workers share them): not scanned
    return registry, config, with_flags(config.for_run(), args, ids), validator


def run_outline(args: argparse.Namespace) -> int:
    """The heading tree of one file, as text or JSON."""
    from validator.api import Validator
    from validator.cli.outline import outline_json, outline_text

    validator = Validator(open_registry(args))  # plugins' readers read here too
    parsed = validator.parse(validator.read(args.file))
    choices = _outline_choices(validator.registry, parsed)
    text = (
        outline_json(parsed, choices) + "\n"
        if args.format == "json"
        else outline_text(parsed, args.lang, choices)
    )
    _write(text, None)
    return EXIT_OK


def _outline_choices(registry: Registry, parsed: ParsedFile) -> list[tuple[str | None, Text]]:
    """The checklist ``check`` would choose for each report, and why (``--checklist`` aside)."""
    from validator.engine.genre import detect_genre

    checklists = list(registry.checklists.values())
    choices = [detect_genre(document, checklists) for document in parsed.documents]
    return [(choice.checklist.id if choice.checklist else None, choice.basis) for choice in choices]


def run_check(args: argparse.Namespace) -> int:
    """Check the files, leave out what the baseline accepts, format, and say how it went."""
    from validator.formatters import FormatOptions

    fixing: FixRun | None = None

    def preflight(validator: Validator, lang: str) -> bool:  # refuse what would fail only at the end
        nonlocal fixing
        if args.output and os.path.isdir(args.output):
            raise UsageError("--output", message("cli.write_failed", lang, reason=message("os.EISDIR", lang)))
        if args.format not in validator.registry.formatters:
            known = (", " if lang == "en" else "、").join(sorted(validator.registry.formatters))
            raise UsageError("--format", message("cli.unknown_format", lang, value=args.format, known=known))
        if args.fix or args.diff or args.annotate:  # fixes go in before the check, which reports what is left
            from validator.fix.command import fix_before_check

            fixing = fix_before_check(validator, args)
        return not args.diff  # --diff shows the fixes and checks nothing

    baseline = open_baseline(args)  # a broken baseline fails before any report is read
    args.fingerprints = baseline is not None or args.format not in FORMATS_WITHOUT_FINGERPRINTS
    checked = check_inputs(args, preflight)
    if args.diff and fixing is not None:
        return EXIT_USAGE if fixing.refused else EXIT_FINDINGS if fixing.diffs else EXIT_OK
    registry, validator, run, files = checked.registry, checked.validator, checked.run, checked.files
    note = ""
    if baseline is not None:
        files, note = baseline.apply(files, run.lang)
    _print_unreadable(files, run.lang)
    checklists = {**registry.checklists, **{c.id: c for c in validator.checklists_used.values()}}
    labels = {
        checklist.id: {item.id: item.label.get(run.lang) for item in checklist.items}
        for checklist in checklists.values()
    }
    options = FormatOptions(
        lang=run.lang,
        checklist_labels=labels,
        rules=registry.rules,
        checklists=checklists,
        color=wants_color(args.output),
        group=args.group,
    )
    output = registry.formatters[args.format](files, options)
    if note and args.format == "text":
        output = output.rstrip("\n") + note + "\n"
    _write(output, args.output, run.lang)  # written even when a file failed: the formats carry its error
    if fixing is not None:
        from validator.fix.command import fix_after_check, sources

        found = sources(registry.rules, checklists.values())
        if not fix_after_check(validator, args, files, fixing, found, run.lang):
            return EXIT_USAGE
    return exit_code(files, run.fail_on)


def wants_color(output: str | None) -> bool:
    """Colour for a person at a terminal: stdout a tty, no ``--output`` file, ``NO_COLOR`` unset or empty."""
    return output is None and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def run_baseline(args: argparse.Namespace) -> int:
    """Record the current findings of PATHs in a baseline file; nothing is written if a file fails."""
    from validator.engine.baseline import write_baseline

    checked = check_inputs(args)
    lang, files = checked.run.lang, checked.files
    _print_unreadable(files, lang)
    target = args.output or str(default_baseline_path(args))
    failed = sum(1 for file in files if file.error)
    if failed:
        print_error_line(target, message("cli.not_written", lang, count=failed), lang)
        return EXIT_USAGE
    write_baseline(target, files, lang)
    _write(message("baseline.written", lang, count=failures(files), path=target) + "\n", None)
    return EXIT_OK


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
                    "fix": r.fix,
                }
                for r in rules
            ],
        }
        _write(_json_text(payload), None)
        return EXIT_OK
    from validator.messages import origin_word

    lang = args.lang

    def severity(word: str) -> str:
        return message(f"severity.{word}", lang).ljust(8 if lang == "en" else 6)  # 错误 is as wide as error

    lines = ["检查清单：" if lang != "en" else "Checklists:"]
    for checklist in checklists:
        lines.append(
            f"  {checklist.id:<16} {checklist.name.get(lang)}  [{origin_word(checklist.origin, lang)}]"
        )
        lines.extend(
            f"      {item.id:<16} {severity(item.severity)} {item.label.get(lang)}"
            for item in checklist.items
        )
    lines.append("规则：" if lang != "en" else "Rules:")
    lines.extend(
        f"  {r.code:<10} {severity(r.severity)} {r.name:<24} {r.summary.get(lang)}  [{origin}]"
        for r in rules
        for origin in [origin_word(r.origin, lang)]
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
    from validator.messages import origin_word

    registry = open_registry(args)
    names = [
        name for name, _ in registry.plugins.manager.list_name_plugin() if not name.startswith("builtin_")
    ]
    origins = ["built-in", *sorted(registry.plugins.origin(name) for name in names)]
    if args.format == "json":
        plugins = [{"plugin": origin, "adds": registry.provided.get(origin, {})} for origin in origins]
        failed = [{"name": f.name, "version": f.version, "reason": f.reason} for f in registry.failures]
        _write(_json_text({"plugins": plugins, "failed": failed}), None)
        return EXIT_OK
    lines = []
    for origin in origins:
        shown = origin_word(origin, args.lang)
        lines.append(shown if origin != "built-in" else f"{shown} (report-validator {__version__})")
        for kind, provided in sorted(registry.provided.get(origin, {}).items()):
            lines.append(f"  {kind}: {', '.join(provided)}")
    _write("\n".join(lines) + "\n", None)
    return EXIT_OK


def _print_unreadable(files: Sequence[FileResult], lang: str) -> None:
    """One line on stderr per file that could not be read (machine formats carry it too)."""
    for file in files:
        if file.error:
            reason = file.error.removeprefix(f"{file.path}: ")  # said once, after the path
            print_error_line(file.path, in_language(reason, lang), lang)


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "zh"


def _write(output: str, path: str | None, lang: str = "zh") -> None:
    if path is None:
        try:
            sys.stdout.write(output)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader left (| head): the verdict's exit code still stands
            _discard_stdout()
        return
    atomic_write(path, output, key="output", lang=lang)


def _discard_stdout() -> None:
    """Send what is left of standard output nowhere, so that no later flush fails on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _json_text(payload: object) -> str:
    """``rules`` and ``plugins`` as JSON (json is imported here: a check in text never needs it)."""
    import json

    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
