"""The pipeline: read → parse → choose the checklist → evaluate → suppress → fingerprint.

``Validator.check_source`` is the whole flow for one file on one screen; ``check_path``
reads first, ``check_text`` and ``check_bytes`` start from memory. ``check``, ``outline``,
``baseline``, the Python API (``validator.api``) and the pytest fixture all come through
here, so a plugin's reader works everywhere.

A file that cannot be read gives a ``FileResult`` with ``error`` set, never an exception;
configuration problems raise ``validator.errors.ConfigError`` (see ``validator.api``).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from validator.budget import file_budget
from validator.engine.evaluate import check_document
from validator.engine.genre import GenreChoice, detect_genre, forced_choice
from validator.engine.guard import CHECK, PARSE, READ, guarded
from validator.engine.paths import expand_paths
from validator.engine.rule_options import check_rule_options
from validator.engine.suppressions import apply_suppressions
from validator.errors import ConfigError, InputError
from validator.model import Checklist, FileResult, Layout, ParsedFile, ReportResult, RunSettings, Source
from validator.plugin.registry import Registry

if TYPE_CHECKING:
    from validator.model import SourceText


# ``--checklist`` (and the configuration's ``checklist``) takes a checklist, or one of these:
AUTO = "auto"  # detect the genre (the default)
NO_CHECKLIST = "none"  # no checklist: the rules alone


class FileSettings(NamedTuple):
    """The settings for one file: the engine's, and the checklist (None: detect the genre)."""

    run: RunSettings = RunSettings()  # frozen: one default is safely shared
    checklist: str | None = None


class Validator:
    """A configured validator: the registry of rules and checklists, and the settings per file.

    ``settings`` and ``checklist`` apply to every file; ``settings_for`` (a function of
    the file's path) replaces both, for settings that vary by file (configuration
    overrides by glob). ``fingerprints=False`` skips them, for outputs that never show them.
    """

    def __init__(
        self,
        registry: Registry | None = None,
        settings: RunSettings | None = None,
        checklist: str | None = None,
        settings_for: Callable[[str], FileSettings] | None = None,
        fingerprints: bool = True,
    ) -> None:
        if registry is None:
            from validator.plugin.manager import load_plugins
            from validator.plugin.registry import build_registry

            registry = build_registry(load_plugins())
        self.registry = registry
        self.fingerprints = fingerprints
        fixed = FileSettings(settings or RunSettings(), checklist)
        self.settings_for = settings_for or (lambda _path: fixed)
        self.checklists_used: dict[str, Checklist] = {}  # by the name or path they were asked for
        self._options_checked: set[str] = set()  # checklist ids whose rule options were checked
        if checklist:
            self.choice_named(checklist)  # a wrong name fails now, not at the first file

    def check_source(self, source: SourceText) -> FileResult:
        """The pipeline for one decoded file: parse, choose each report's checklist, evaluate, suppress.

        Any crash while parsing or checking becomes this file's ``error`` (naming the stage and
        the rule), so one hostile file never hides the others' results nor exits 1.
        """
        settings = self.settings_for(source.path)
        forced = self.choice_named(settings.checklist)
        checklists, rules = list(self.registry.checklists.values()), self.registry.rules
        try:
            parsed = guarded(PARSE, source.path, lambda: self.parse(source))

            def evaluate() -> list[ReportResult]:
                reports = []
                for document in parsed.documents:
                    choice = forced or detect_genre(document, checklists)
                    self._check_options(choice.checklist)
                    checked = check_document(document, choice.checklist, rules, settings.run, choice.basis)
                    reports.append(checked)
                return apply_suppressions(reports, source.text, settings.run.lang)

            reports = guarded(CHECK, source.path, evaluate)
        except InputError as error:
            return FileResult(path=source.path, error=error.reason)
        if self.fingerprints:  # imported here: SHA-256 (OpenSSL) costs a text-format run ~3 ms to load
            from validator.engine.fingerprints import with_fingerprints

            reports = with_fingerprints(reports, source.text)
        kept = Source(source.text, source.format, source.pages)  # for excerpts in the output
        return FileResult(source.path, tuple(reports), source=kept)

    def check_path(self, path: str | os.PathLike[str]) -> FileResult:
        """Read and check one file; an unreadable file gives a result with ``error`` set."""
        with file_budget():  # one time budget for reading, parsing and checking the file
            try:
                source = guarded(READ, os.fspath(path), lambda: self.read(path))
            except InputError as error:
                return FileResult(path=os.fspath(path), error=error.reason)
            return self.check_source(source)

    def read(self, path: str | os.PathLike[str]) -> SourceText:
        """Decode one file with the reader its suffix names, plugins' readers included."""
        from validator.readers import read_path

        return read_path(path, self.registry.readers)

    def parse(self, source: SourceText) -> ParsedFile:
        """The reports of a decoded file, with their paragraphs and heading trees (and a .docx's layout)."""
        from validator.parse import parse_text

        parsed = parse_text(source.text, source.path, source.format, source.levels)
        if source.layout is None:
            return parsed
        documents = tuple(dataclasses.replace(d, layout=source.layout) for d in parsed.documents)
        return dataclasses.replace(parsed, documents=documents)

    def check_text(
        self,
        text: str,
        path: str = "<text>",
        source_format: str = "text",
        levels: Sequence[int] = (),
        layout: Layout | None = None,
    ) -> list[ReportResult]:
        """Check decoded report text (``\\n`` line endings); one result per report in it.

        ``layout`` (a ``.docx``'s fonts, sizes and margins) is handed to the layout rules with each report.
        """
        from validator.model import SourceText

        source = SourceText(
            path=path, text=text, format=source_format, encoding="", levels=tuple(levels), layout=layout
        )
        return list(self.check_source(source).reports)

    def check_bytes(self, data: bytes, path: str) -> FileResult:
        """Check content already in memory (``--stdin``), named ``path``, whose suffix picks the reader."""
        from validator.readers import read_bytes

        with file_budget():
            try:
                source = guarded(READ, path, lambda: read_bytes(data, path, readers=self.registry.readers))
            except InputError as error:
                return FileResult(path=path, error=error.reason)
            return self.check_source(source)

    def check_paths(self, paths: Iterable[str]) -> list[FileResult]:
        """Check files and every supported file below directories, in a stable order."""
        return [self.check_path(path) for path in expand_paths(paths, frozenset(self.registry.readers))]

    def choice_named(self, name: str | None) -> GenreChoice | None:
        """The choice ``--checklist``/configuration makes: None (``auto``) lets detection choose."""
        if not name or name == AUTO:
            return None
        return forced_choice(None if name == NO_CHECKLIST else self.checklist_named(name))

    def checklist_named(self, name_or_file: str) -> Checklist:
        """A checklist by id or YAML path, resolved once (``ConfigError`` when unknown)."""
        if name_or_file in (AUTO, NO_CHECKLIST):
            raise ConfigError(f"{name_or_file} 不是检查清单，而是选择方式", key="checklist")
        if name_or_file not in self.checklists_used:
            checklist = resolve_checklist(self.registry, name_or_file)
            self._check_options(checklist)  # a wrong option fails before any file is read
            self.checklists_used[name_or_file] = checklist
        return self.checklists_used[name_or_file]

    def _check_options(self, checklist: Checklist | None) -> None:
        """The checklist's rule options: known names, right types (``ConfigError``), once per checklist."""
        if checklist is not None and checklist.id not in self._options_checked:
            check_rule_options(checklist, self.registry.rules)
            self._options_checked.add(checklist.id)


def resolve_checklist(registry: Registry, name_or_file: str) -> Checklist:
    """A checklist by id, or loaded from a YAML file (which may ``extends`` a registered one)."""
    if name_or_file in registry.checklists:
        return registry.checklists[name_or_file]
    if os.sep in name_or_file and not name_or_file.endswith((".yaml", ".yml")):
        # Not read: a checklist is YAML, and the error of another file would quote its content.
        raise ConfigError(f"检查清单文件应为 .yaml 或 .yml：{name_or_file}", key="checklist")
    if name_or_file.endswith((".yaml", ".yml")) or os.sep in name_or_file:
        from validator.checklist import load_checklist

        return load_checklist(
            name_or_file,
            known_rules=frozenset(registry.rules),
            resolve=registry.checklists.__getitem__,
            origin=name_or_file,
        )
    known = "、".join(sorted(registry.checklists))
    raise ConfigError(f"未知的检查清单 {name_or_file}（可用：{known}）", key="checklist")
