"""The Python API: check a text or a path, get the reports with their results.

    >>> from validator.api import Validator
    >>> validator = Validator()                       # built-ins and installed plugins
    >>> [report] = validator.check_text("某局党组2024年落实全面从严治党主体责任情况报告\\n…")
    >>> [(r.id, r.status) for r in report.results if r.kind == "item"]
    [('title', 'pass'), ...]

``Validator.check_path`` returns a ``FileResult`` whose ``error`` holds the
one-line reason when the file cannot be read; it never raises for bad input,
and a crash while reading, parsing or checking one file (a bug, ``MemoryError``,
the time budget) is that file's ``error`` too (``validator.guard``).
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

from validator.budget import file_budget
from validator.engine import RunSettings, check_document
from validator.errors import ConfigError, InputError
from validator.genre import detect_checklist
from validator.guard import CHECK, PARSE, READ, guarded
from validator.model import Checklist, Document, FileResult, ReportResult
from validator.registry import Registry
from validator.rule_options import check_rule_options

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
            from validator.plugins import load_plugins
            from validator.registry import build_registry

            registry = build_registry(load_plugins())
        self.registry = registry
        fixed = FileSettings(settings or RunSettings(), checklist)
        self.settings_for = settings_for or (lambda _path: fixed)
        self.checklists_used: dict[str, Checklist] = {}  # by the name or path they were asked for
        self._options_checked: set[str] = set()  # checklist ids whose rule options were checked
        if checklist:
            self.checklist_named(checklist)  # a wrong name fails now, not at the first file

    def check_text(
        self, text: str, path: str = "<text>", source_format: str = "text", levels: Sequence[int] = ()
    ) -> list[ReportResult]:
        """Check decoded report text (``\\n`` line endings); one result per report in it."""
        from validator.fingerprints import with_fingerprints
        from validator.parser import parse_text
        from validator.suppressions import apply_suppressions

        file_settings = self.settings_for(path)
        forced = self.checklist_named(file_settings.checklist) if file_settings.checklist else None
        parsed = guarded(PARSE, path, lambda: parse_text(text, path, source_format, levels))

        def check() -> list[ReportResult]:
            reports = [self._check_document(d, forced, file_settings.run) for d in parsed.documents]
            return with_fingerprints(apply_suppressions(reports, text, file_settings.run.lang), text)

        return guarded(CHECK, path, check)

    def _check_document(
        self, document: Document, forced: Checklist | None, settings: RunSettings
    ) -> ReportResult:
        checklist = forced or detect_checklist(document, list(self.registry.checklists.values()))
        if checklist.id not in self._options_checked:
            check_rule_options(checklist, self.registry.rules)
            self._options_checked.add(checklist.id)
        return check_document(document, checklist, self.registry.rules, settings)

    def checklist_named(self, name_or_file: str) -> Checklist:
        """A checklist by id or YAML path, resolved once (``ConfigError`` when unknown)."""
        if name_or_file not in self.checklists_used:
            checklist = resolve_checklist(self.registry, name_or_file)
            check_rule_options(checklist, self.registry.rules)  # a wrong option fails before any file
            self.checklists_used[name_or_file] = checklist
        return self.checklists_used[name_or_file]

    def check_path(self, path: str | os.PathLike[str]) -> FileResult:
        """Read and check one file; an unreadable file gives a result with ``error`` set."""
        from validator.readers import read_path

        with file_budget():  # one time budget for reading, parsing and checking the file
            try:
                source = guarded(READ, os.fspath(path), lambda: read_path(path, self.registry.readers))
            except InputError as error:
                return FileResult(path=os.fspath(path), error=error.reason)
            return self.check_source(source)

    def check_bytes(self, data: bytes, path: str) -> FileResult:
        """Check content already in memory (``--stdin``), named ``path``, whose suffix picks the reader."""
        from validator.readers import read_bytes

        with file_budget():
            try:
                source = guarded(READ, path, lambda: read_bytes(data, path, readers=self.registry.readers))
            except InputError as error:
                return FileResult(path=path, error=error.reason)
            return self.check_source(source)

    def check_source(self, source: SourceText) -> FileResult:
        """Check text already read; a crash while parsing or checking is this file's ``error``."""
        try:
            reports = self.check_text(source.text, source.path, source.format, source.levels)
        except InputError as error:
            return FileResult(path=source.path, error=error.reason)
        return FileResult(path=source.path, reports=tuple(reports))

    def check_paths(self, paths: Iterable[str]) -> list[FileResult]:
        """Check files and every supported file below directories, in a stable order."""
        return [self.check_path(path) for path in expand_paths(paths, frozenset(self.registry.readers))]


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
    unreadable: list[str] = []  # a folder that cannot be listed is yielded, so it gets its error
    for root, dirs, files in os.walk(directory, onerror=lambda error: unreadable.append(error.filename)):
        yield from unreadable
        unreadable.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith((".", "~$")) or os.path.splitext(name)[1].lower() not in suffixes:
                continue
            yield os.path.join(root, name)
    yield from unreadable
