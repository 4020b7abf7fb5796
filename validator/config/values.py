"""The values a loaded configuration is made of, and how they merge into the settings for a file.

They are kept apart from the loader so that everything reading a configuration (the commands,
``config.render``) depends on these plain frozen records only, never on YAML or TOML. Merging is
here too because it is what the records are for: ``ProjectConfig.for_file`` lays the file's
layers, then every matching ``overrides`` entry, over the built-in defaults, and each value
keeps its ``Origin`` so that ``report-validator config FILE`` can say why a setting is what it is.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from validator.model import Severity
from validator.records import frozen

if TYPE_CHECKING:
    from validator.model import RunSettings

FailOn = Literal["error", "warning", "info", "never"]
Lang = Literal["zh", "en"]

FAIL_ON: tuple[FailOn, ...] = ("error", "warning", "info", "never")
LANGS: tuple[Lang, ...] = ("zh", "en")
YEARS = (1921, 2100)  # the years a report may be about (report_year, --report-year)
TABLE = "report-validator"  # our table in pyproject.toml: [tool.report-validator]
TOML_PREFIX = f"tool.{TABLE}."  # key paths in pyproject.toml start with it


class Origin(NamedTuple):
    """Where a value is written: file, line and key path (``overrides[1].select``)."""

    path: str
    line: int
    key: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.key}"


@frozen
class Layer:
    """What one mapping of one file sets: the top level, or one ``overrides`` entry.

    ``values`` holds only the keys the mapping gives (``severity`` as id → severity);
    ``origins`` is keyed like ``EffectiveConfig.origins``.
    """

    values: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    origins: Mapping[str, Origin] = field(default_factory=lambda: MappingProxyType({}))


@frozen
class Override:
    """An ``overrides`` entry: settings for the files that match one of its globs.

    The globs are relative to ``base``, the directory of the file that wrote them (an extended
    file's globs keep meaning what they meant there).
    """

    files: tuple[str, ...]
    base: str
    layer: Layer
    origin: Origin
    patterns: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)

    def matches(self, path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` (made absolute against the working directory) matches a glob."""
        try:
            relative = os.path.relpath(os.path.abspath(path), self.base).replace(os.sep, "/")
        except ValueError:  # another drive on Windows
            return False
        if relative == ".." or relative.startswith("../"):
            return False
        return any(pattern.fullmatch(relative) for pattern in self.patterns)


@frozen
class EffectiveConfig:
    """The settings in force for one file (or for the run), before command-line flags.

    ``checklist`` is a checklist id or an absolute path to a YAML file, ``None`` to detect the
    genre. ``severity`` maps a rule code or item id to the severity it is reported with.
    ``origins`` says where each value that is not a default was written; the keys are the
    setting names, and ``severity.<id>`` for each severity.
    """

    checklist: str | None = None
    fail_on: FailOn = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    report_year: int | None = None
    redacted: bool = False
    disable_plugins: tuple[str, ...] = ()
    lang: Lang = "zh"
    data: tuple[str, ...] = ()  # data pack files that extend the built-in packs
    vocabulary: Mapping[str, tuple[str, ...]] = field(  # the project's "accept" and "reject" words
        default_factory=lambda: MappingProxyType({"accept": (), "reject": ()})
    )
    origins: Mapping[str, Origin] = field(default_factory=lambda: MappingProxyType({}))

    def run_settings(self) -> RunSettings:
        """The engine's view of these settings (``fail_on`` is the caller's to apply)."""
        from validator.model import RunSettings

        return RunSettings(
            lang=self.lang,
            select=self.select,
            ignore=self.ignore,
            report_year=self.report_year,
            redacted=self.redacted,
            severity=self.severity,
            accept=self.vocabulary["accept"],
        )

    def with_layer(self, layer: Layer) -> EffectiveConfig:
        """These settings with ``layer``'s on top: values replace, ``severity`` merges by id."""
        changes: dict[str, Any] = dict(layer.values)
        if "severity" in changes:
            changes["severity"] = MappingProxyType({**self.severity, **changes["severity"]})
        origins = MappingProxyType({**self.origins, **layer.origins})
        return dataclasses.replace(self, **changes, origins=origins)


@frozen
class ProjectConfig:
    """A loaded configuration: its layers (most distant ``extends`` first) and its overrides.

    ``ProjectConfig()`` is the configuration of a project without a file: all defaults.
    ``files`` lists the file and every file it extends (for messages and cache keys).
    """

    path: Path | None = None
    files: tuple[Path, ...] = ()
    layers: tuple[Layer, ...] = ()
    overrides: tuple[Override, ...] = ()

    def for_run(self) -> EffectiveConfig:
        """The settings without per-file overrides: where ``fail_on``, ``lang``, plugins come from."""
        config = EffectiveConfig()
        for layer in self.layers:
            config = config.with_layer(layer)
        return config

    def for_file(self, path: str | os.PathLike[str]) -> EffectiveConfig:
        """The settings for ``path``: the file's layers, then every matching override in order."""
        return self.with_overrides(self.matching(path))

    def matching(self, path: str | os.PathLike[str]) -> tuple[int, ...]:
        """The positions of the overrides that apply to ``path``: files alike have the same settings."""
        return tuple(at for at, override in enumerate(self.overrides) if override.matches(path))

    def with_overrides(self, matching: tuple[int, ...]) -> EffectiveConfig:
        """The settings with the overrides at ``matching`` (positions from ``matching``), in order."""
        config = self.for_run()
        for at in matching:
            config = config.with_layer(self.overrides[at].layer)
        return config
