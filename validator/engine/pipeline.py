"""The pipeline: read → parse → choose the checklist → evaluate → suppress → fingerprint.

``Validator.check_source`` is the whole flow for one file on one screen; ``check_path``
reads first, ``check_text`` and ``check_bytes`` start from memory. ``check``, ``outline``,
``baseline``, the Python API (``validator.api``) and the pytest fixture all come through
here, so a plugin's reader works everywhere.

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

import importlib.util
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from validator.engine.evaluate import check_document
from validator.engine.fingerprints import with_fingerprints
from validator.engine.genre import detect_checklist
from validator.engine.suppressions import apply_suppressions
from validator.errors import ConfigError, InputError
from validator.model import Checklist, FileResult, ParsedFile, ReportResult, RunSettings
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
        if checklist:
            self.checklist_named(checklist)  # a wrong name fails now, not at the first file

    def check_source(self, source: SourceText) -> FileResult:
        """The pipeline for one decoded file: parse, choose each report's checklist, evaluate, suppress."""
        settings = self.settings_for(source.path)
        forced = self.checklist_named(settings.checklist) if settings.checklist else None
        reports = []
        for document in self.parse(source).documents:
            checklist = forced or detect_checklist(document, list(self.registry.checklists.values()))
            reports.append(check_document(document, checklist, self.registry.rules, settings.run))
        reports = apply_suppressions(reports, source.text, settings.run.lang)
        if self.fingerprints:
            reports = with_fingerprints(reports, source.text)
        return FileResult(path=source.path, reports=tuple(reports))

    def check_path(self, path: str | os.PathLike[str]) -> FileResult:
        """Read and check one file; an unreadable file gives a result with ``error`` set."""
        try:
            source = self.read(path)
        except InputError as error:
            return FileResult(path=os.fspath(path), error=error.reason)
        return self.check_source(source)

    def read(self, path: str | os.PathLike[str]) -> SourceText:
        """Decode one file with the reader its suffix names, plugins' readers included."""
        from validator.readers import read_path

        return read_path(path, self.registry.readers)

    def parse(self, source: SourceText) -> ParsedFile:
        """The reports of a decoded file, with their paragraphs and heading trees."""
        from validator.parse import parse_text

        return parse_text(source.text, source.path, source.format, source.levels)

    def check_text(
        self, text: str, path: str = "<text>", source_format: str = "text", levels: Sequence[int] = ()
    ) -> list[ReportResult]:
        """Check decoded report text (``\\n`` line endings); one result per report in it."""
        from validator.readers import SourceText

        source = SourceText(path=path, text=text, format=source_format, encoding="", levels=tuple(levels))
        return list(self.check_source(source).reports)

    def check_bytes(self, data: bytes, path: str) -> FileResult:
        """Check content already in memory (``--stdin``), named ``path``, whose suffix picks the reader."""
        from validator.readers import read_bytes

        try:
            source = read_bytes(data, path, readers=self.registry.readers)
        except InputError as error:
            return FileResult(path=path, error=error.reason)
        return self.check_source(source)

    def check_paths(self, paths: Iterable[str]) -> list[FileResult]:
        """Check files and every supported file below directories, in a stable order."""
        return [self.check_path(path) for path in expand_paths(paths, frozenset(self.registry.readers))]

    def checklist_named(self, name_or_file: str) -> Checklist:
        """A checklist by id or YAML path, resolved once (``ConfigError`` when unknown)."""
        if name_or_file not in self.checklists_used:
            self.checklists_used[name_or_file] = resolve_checklist(self.registry, name_or_file)
        return self.checklists_used[name_or_file]


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


# Refused with a conversion hint when named, but not looked for in directories: a
# repository that keeps old originals beside their .docx should not fail every run.
LEGACY_SUFFIXES = frozenset({".doc", ".wps"})


def expand_paths(paths: Iterable[str], suffixes: frozenset[str]) -> list[str]:
    """Files as given, and the readable files under each directory.

    In directories, hidden files and folders, Word's lock files (``~$报告.docx``),
    legacy .doc/.wps files and, without the ``pdf`` extra, PDFs are skipped;
    a file named on the command line is always tried, so it gets its one-line reason.
    """
    found: list[str] = []
    searched = suffixes - LEGACY_SUFFIXES
    if importlib.util.find_spec("pdfminer") is None:
        searched -= {".pdf"}
    for path in paths:
        if os.path.isdir(path):
            found.extend(sorted(_walk(Path(path), searched)))
        else:
            found.append(path)
    return found


def _walk(directory: Path, suffixes: frozenset[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith((".", "~$")) or os.path.splitext(name)[1].lower() not in suffixes:
                continue
            yield os.path.join(root, name)
