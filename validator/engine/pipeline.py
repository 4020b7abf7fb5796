"""The Python API: check a text or a path, get the reports with their results.

    >>> from validator.api import Validator
    >>> validator = Validator()                       # built-ins and installed plugins
    >>> [report] = validator.check_text("某局党组2024年落实全面从严治党主体责任情况报告\\n…")
    >>> [(r.id, r.status) for r in report.results if r.kind == "item"]
    [('title', 'pass'), ...]

``Validator.check_path`` returns a ``FileResult`` whose ``error`` holds the
one-line reason when the file cannot be read; it never raises for bad input.
Configuration problems (a broken checklist, an unknown checklist name) raise
``validator.errors.ConfigError``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from validator.engine.evaluate import check_document
from validator.engine.genre import detect_checklist
from validator.engine.paths import expand_paths as expand_paths
from validator.errors import ConfigError, InputError
from validator.model import Checklist, Document, FileResult, ReportResult, RunSettings
from validator.plugin.registry import Registry

if TYPE_CHECKING:
    from validator.readers import SourceText


@dataclass(frozen=True)
class FileSettings:
    """The settings for one file: the engine's, and the checklist (None: detect the genre)."""

    run: RunSettings = field(default_factory=RunSettings)
    checklist: str | None = None


class Validator:
    """A configured validator: the registry of rules and checklists, and the settings per file.

    ``settings`` and ``checklist`` apply to every file; ``settings_for`` (a function of
    the file's path) replaces both, for settings that vary by file (configuration
    overrides by glob).
    """

    def __init__(
        self,
        registry: Registry | None = None,
        settings: RunSettings | None = None,
        checklist: str | None = None,
        settings_for: Callable[[str], FileSettings] | None = None,
    ) -> None:
        if registry is None:
            from validator.plugin.manager import load_plugins
            from validator.plugin.registry import build_registry

            registry = build_registry(load_plugins())
        self.registry = registry
        fixed = FileSettings(settings or RunSettings(), checklist)
        self.settings_for = settings_for or (lambda _path: fixed)
        self.checklists_used: dict[str, Checklist] = {}  # by the name or path they were asked for
        if checklist:
            self.checklist_named(checklist)  # a wrong name fails now, not at the first file

    def check_text(
        self, text: str, path: str = "<text>", source_format: str = "text", levels: Sequence[int] = ()
    ) -> list[ReportResult]:
        """Check decoded report text (``\\n`` line endings); one result per report in it."""
        from validator.engine.fingerprints import with_fingerprints
        from validator.engine.suppressions import apply_suppressions
        from validator.parse import parse_text

        file_settings = self.settings_for(path)
        forced = self.checklist_named(file_settings.checklist) if file_settings.checklist else None
        parsed = parse_text(text, path, source_format, levels)
        reports = [self._check_document(d, forced, file_settings.run) for d in parsed.documents]
        return with_fingerprints(apply_suppressions(reports, text, file_settings.run.lang), text)

    def _check_document(
        self, document: Document, forced: Checklist | None, settings: RunSettings
    ) -> ReportResult:
        checklist = forced or detect_checklist(document, list(self.registry.checklists.values()))
        return check_document(document, checklist, self.registry.rules, settings)

    def checklist_named(self, name_or_file: str) -> Checklist:
        """A checklist by id or YAML path, resolved once (``ConfigError`` when unknown)."""
        if name_or_file not in self.checklists_used:
            self.checklists_used[name_or_file] = resolve_checklist(self.registry, name_or_file)
        return self.checklists_used[name_or_file]

    def check_path(self, path: str | os.PathLike[str]) -> FileResult:
        """Read and check one file; an unreadable file gives a result with ``error`` set."""
        from validator.readers import read_path

        try:
            source = read_path(path, self.registry.readers)
        except InputError as error:
            return FileResult(path=os.fspath(path), error=error.reason)
        return self.check_source(source)

    def check_bytes(self, data: bytes, path: str) -> FileResult:
        """Check content already in memory (``--stdin``), named ``path``, whose suffix picks the reader."""
        from validator.readers import read_bytes

        try:
            source = read_bytes(data, path, readers=self.registry.readers)
        except InputError as error:
            return FileResult(path=path, error=error.reason)
        return self.check_source(source)

    def check_source(self, source: SourceText) -> FileResult:
        reports = self.check_text(source.text, source.path, source.format, source.levels)
        return FileResult(path=source.path, reports=tuple(reports))

    def check_paths(self, paths: Iterable[str]) -> list[FileResult]:
        """Check files and every supported file below directories, in a stable order."""
        return [self.check_path(path) for path in expand_paths(paths, frozenset(self.registry.readers))]


def resolve_checklist(registry: Registry, name_or_file: str) -> Checklist:
    """A checklist by id, or loaded from a YAML file (which may ``extends`` a registered one)."""
    if name_or_file in registry.checklists:
        return registry.checklists[name_or_file]
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
