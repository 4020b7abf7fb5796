"""Every hook a plugin can implement: the whole contract between report-validator and its plugins.

A plugin is a module (or object) registered under the entry-point group
``report_validator``. It implements any of the hooks below with the
``hookimpl`` marker exported here::

    from validator import hookimpl

    @hookimpl
    def report_validator_checklists():
        return [Path(__file__).parent / "university.yaml"]

The built-in readers, rules, checklists and formatters come through these same
hooks, so the plugin path is exercised on every run. Each hook is called once
per run, when the registry is built (before any file is read); a hook that
raises is reported in one line naming its plugin, and its contribution is
skipped. Every hook takes no arguments and returns a list or a dict, so a
plugin written today keeps working when hooks gain optional features.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

from validator.model import Reader

if TYPE_CHECKING:
    from validator.formatters import Formatter
    from validator.rule import Rule

PROJECT_NAME = "report_validator"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

@hookspec
def report_validator_rules() -> Sequence[Rule]:  # type: ignore[empty-body]
    """Add rules.

    Return a list of ``validator.rule.Rule`` objects. Each rule's ``code`` must
    be unique across all plugins (use your organization's own family, e.g.
    ``UNI-001``); a duplicate code is an error that names both plugins. A rule
    runs on every report whose checklist enables it, or on every report when
    the checklist does not list rules at all and the rule is enabled by default.

    Called once per run, when the registry is built.
    """


@hookspec
def report_validator_checklists() -> Sequence[Path | str]:  # type: ignore[empty-body]
    """Add checklists.

    Return a list of paths to YAML checklist files (see ``docs/checklists.md``).
    A checklist may ``extends`` a built-in one by id. Each file is validated when
    loaded; an invalid file is a one-line error naming the file, line and key.

    Called once per run, when the registry is built.
    """


@hookspec
def report_validator_data() -> Sequence[Path | str]:  # type: ignore[empty-body]
    """Add entries to the data packs: an organization's own 固定提法, typos, regulations, units.

    Return a list of paths to YAML files, each named after the built-in pack it extends
    (``typos.yaml``, ``formulations.yaml``, ``regulations.yaml``, ``timeline.yaml`` …; the
    packs are listed in ``rules/data/`` and described by ``schemas/data/``). A list in the
    file is appended to the built-in list under the same key; a mapping is merged into it.
    The rules then treat the added entries as their own. A file named after no built-in
    pack, or with a key the pack does not have, is a one-line error.

    Called once per run, when the registry is built.
    """


@hookspec
def report_validator_readers() -> Mapping[str, Reader]:  # type: ignore[empty-body]
    """Add readers for file formats.

    Return a dict from a lower-case file suffix (``".docx"``) to a function
    ``reader(data: bytes, path: str) -> validator.readers.SourceText``. The
    reader raises ``validator.errors.InputError`` for a file it cannot read. A
    later plugin's reader for the same suffix replaces an earlier one.

    Called once per run, when the registry is built.
    """


@hookspec
def report_validator_formatters() -> Mapping[str, Formatter]:  # type: ignore[empty-body]
    """Add output formats.

    Return a dict from a format name (``"sarif"``) to a function
    ``formatter(files: Sequence[FileResult], options: FormatOptions) -> str``
    that renders the results of a whole run. The name becomes a choice of
    ``check --format``.

    Called once per run, when the registry is built.
    """
