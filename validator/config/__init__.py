"""Project configuration: find it, load it strictly, and say which settings apply to one file.

A project keeps its settings in ``.report-validator.yaml`` (or ``.yml``) or in the
``[tool.report-validator]`` table of ``pyproject.toml``. ``find_config`` looks upward from a
directory and stops at the repository root (a directory with ``.git``), as yamllint and ruff do,
so a checklist repository nested in another project never picks up its parent's settings.

The file is checked when it is loaded, like a checklist: an unknown key, a wrong type, a bad
value or an unknown rule code or item id is a ``ConfigError`` of one line naming the file, the
line and the key, because a typo in ``ignore:`` would otherwise silently report what the team
meant to switch off. The YAML is read with the checklist's node readers (``yaml_nodes``). TOML
has no line numbers in ``tomllib``, so its values are turned into the same YAML nodes with lines
found by a simple text search inside the table (best effort, see ``config.toml``); one set of
readers then checks both formats and words their errors alike.

Precedence, highest first: command-line flags (applied by the caller), per-glob ``overrides``
(later entries win), the file's own keys, the files it ``extends``, built-in defaults. Every
value remembers where it was written (``Origin``), so ``report-validator config FILE`` can show
why a setting is what it is. The format is documented in ``docs/configuration.md`` and described
for editors by ``schemas/config.schema.json``.

This module is the public entry point: it finds the file, loads it, and re-exports the records;
YAML, TOML and the strict readers are imported only when a file is read.
The work is split by job, and each module imports only those named before it here:
``config.values`` (the records and how they merge), ``config.globs`` (``overrides`` globs),
``config.toml`` (the pyproject table as nodes), ``config.files`` (a file → nodes),
``config.loader`` (strict checking, ``extends``), ``config.render`` (``report-validator config``).
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Literal

from validator.config.files import has_table
from validator.config.values import (
    FAIL_ON,
    LANGS,
    TABLE,
    TOML_PREFIX,
    YEARS,
    EffectiveConfig,
    FailOn,
    Lang,
    Layer,
    Origin,
    Override,
    ProjectConfig,
)
from validator.errors import ConfigError

CONFIG_NAMES = (".report-validator.yaml", ".report-validator.yml")
PYPROJECT = "pyproject.toml"


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``, or None.

    In each directory ``.report-validator.yaml``/``.yml`` comes first, then a ``pyproject.toml``
    with a ``[tool.report-validator]`` table (one without it is skipped, as ruff does). The
    search ends at the filesystem root, or at a directory holding ``.git`` after looking in it.
    """
    directory = Path(os.path.abspath(start))
    if not directory.is_dir():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        found = _config_in(folder)
        if found is not None or (folder / ".git").exists():
            return found
    return None


def _config_in(folder: Path) -> Path | None:
    """This directory's configuration file; both YAML spellings at once is an error, not a guess."""
    named = [folder / name for name in CONFIG_NAMES if (folder / name).is_file()]
    if len(named) > 1:
        raise ConfigError(f"同一目录下有两个配置文件，请删去一个：{named[0].name}", path=str(named[1]))
    if named:
        return named[0]
    pyproject = folder / PYPROJECT
    return pyproject if pyproject.is_file() and has_table(pyproject) else None


def load_config(
    path: Path, *, known_ids: Collection[str], known_checklists: Collection[str] | None = None
) -> ProjectConfig:
    """Read, validate and merge the configuration at ``path`` and the files it extends.

    ``known_ids`` are the rule codes and checklist item ids that ``select``, ``ignore`` and
    ``severity`` may name (``select``/``ignore`` also take a family prefix such as ``NUM``).
    ``known_checklists``, when given, are the checklist ids ``checklist`` may name.
    Raises ``ConfigError`` (file, line, key) for every problem.
    """
    from validator.config.loader import Loader  # YAML and the strict readers: only when there is a file

    loader = Loader(frozenset(known_ids), None if known_checklists is None else frozenset(known_checklists))
    loaded = loader.load(Path(path), ())
    return ProjectConfig(Path(path), loaded.files, loaded.layers, loaded.overrides)


def render_effective(
    config: ProjectConfig,
    path: str | os.PathLike[str] | None = None,
    *,
    fmt: Literal["yaml", "json"] = "yaml",
) -> str:
    """``report-validator config``'s text (``config.render``, imported only by that command)."""
    from validator.config.render import render_effective as render

    return render(config, path, fmt=fmt)


__all__ = [
    "CONFIG_NAMES",
    "FAIL_ON",
    "LANGS",
    "TABLE",
    "TOML_PREFIX",
    "YEARS",
    "EffectiveConfig",
    "FailOn",
    "Lang",
    "Layer",
    "Origin",
    "Override",
    "ProjectConfig",
    "find_config",
    "load_config",
    "render_effective",
]
