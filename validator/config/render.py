"""``report-validator config [FILE]``: the settings in force, each with the place that set it.

Rendering is apart from loading because it is output, not configuration: it needs only the
merged values and their ``Origin``s, and nothing here may change what a run does. The YAML
form uses JSON for every value, which is also flow-style YAML, so the output can be pasted
back into a configuration file without ``yes``/``no`` surprises.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from typing import Any, Literal

from validator.config.values import EffectiveConfig, ProjectConfig


def render_effective(
    config: ProjectConfig,
    path: str | os.PathLike[str] | None = None,
    *,
    fmt: Literal["yaml", "json"] = "yaml",
) -> str:
    """The settings in force for ``path`` (or for the run), each with where it comes from.

    For ``report-validator config [FILE]``: a user who wonders why a rule is off sees which
    file and line turned it off. ``yaml`` is valid YAML (it could be pasted into a config file),
    each value followed by ``# default`` or ``# file:line key``. ``json`` is ``{"file", "config",
    "settings": {key: {"value", "source"}}}`` with ``source`` null for a default, and for
    ``severity`` also ``"sources": {id: source}``.
    """
    effective = config.for_file(path) if path is not None else config.for_run()
    shown = None if path is None else os.fspath(path)
    if fmt == "json":
        settings: dict[str, dict[str, Any]] = {}
        for key, value, source in _settings(effective):
            settings[key] = {"value": value, "source": source}
        settings["severity"]["sources"] = {
            name: _source(effective, f"severity.{name}") for name in effective.severity
        }
        payload = {"file": shown, "config": [str(file) for file in config.files], "settings": settings}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    rows: list[tuple[str, str | None]] = []
    for key, value, source in _settings(effective):
        if key == "severity" and value:
            rows.append(("severity:", None))
            rows.extend(
                (f"  {name}: {_json(level)}", _source(effective, f"severity.{name}"))
                for name, level in value.items()
            )
        else:
            rows.append((f"{key}: {_json(value)}", source))
    width = max(len(text) for text, _ in rows) + 2
    files = " extends ".join(map(str, config.files)) or "none (all defaults)"
    lines = [f"# file: {shown}" if shown is not None else "# run-wide settings", f"# config: {files}"]
    lines.extend(
        text if text == "severity:" else f"{text:<{width}}# {source or 'default'}" for text, source in rows
    )
    return "\n".join(lines) + "\n"


def _settings(effective: EffectiveConfig) -> list[tuple[str, Any, str | None]]:
    """Each setting as (key, JSON value, source or None for a default), in declaration order."""
    result = []
    for item in dataclasses.fields(EffectiveConfig):
        if item.name != "origins":
            value: Any = getattr(effective, item.name)
            plain = (
                dict(value)
                if isinstance(value, Mapping)
                else list(value)
                if isinstance(value, tuple)
                else value
            )
            result.append((item.name, plain, _source(effective, item.name)))
    return result


def _source(effective: EffectiveConfig, key: str) -> str | None:
    origin = effective.origins.get(key)
    return None if origin is None else str(origin)


def _json(value: Any) -> str:
    """A value as JSON, which is also flow-style YAML (strings always quoted: no ``yes`` surprises)."""
    return json.dumps(value, ensure_ascii=False)
