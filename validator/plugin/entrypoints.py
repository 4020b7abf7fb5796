"""Entry points of one group, read from the ``entry_points.txt`` files on ``sys.path``.

``importlib.metadata.entry_points(group=...)`` builds a ``Distribution`` for every
installed package and parses each one's metadata with the ``email`` package,
importing ``email``, ``zipfile``, ``csv`` and more on the way: 15-25 ms of every
run's start, for a group that usually only we use. The files it reads are simple
(PyPA's entry points specification: an INI file of ``name = module:attr``
lines in ``[group]`` sections, in ``*.dist-info`` and ``*.egg-info`` directories
of the ``sys.path`` entries), so we read them directly, in the same order and
with the same rule: the first distribution of a name on ``sys.path`` wins.
A ``sys.path`` entry that is a zip archive is only understood by
``importlib.metadata``, which is then asked instead (``None`` from ``scan``).
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import Any, NamedTuple

from validator.regexes import compiled

_INFO_SUFFIXES = (".dist-info", ".egg-info")
_NAME = compiled(r"^([A-Za-z0-9][A-Za-z0-9._-]*?)(?:-[0-9][^-]*)?(?:-py[0-9.]+)?\.(?:dist|egg)-info$")


class EntryPoint(NamedTuple):
    """A ``name = module:attr`` line of a distribution's ``entry_points.txt``."""

    name: str
    value: str
    distribution: str
    version: str

    def load(self) -> Any:
        """The object the entry point names (``module`` or ``module:attr.attr``); extras are ignored."""
        module, _, attrs = self.value.partition(":")
        target: Any = importlib.import_module(module.strip())
        for attr in attrs.split("[")[0].strip().split(".") if attrs.strip() else ():
            target = getattr(target, attr)
        return target


def entry_points(group: str) -> list[EntryPoint]:
    """Every entry point of ``group`` in installed distributions, as ``importlib.metadata`` finds them."""
    found = scan(group, sys.path)
    if found is None:
        return _from_importlib_metadata(group)
    return found


def scan(group: str, path: list[str]) -> list[EntryPoint] | None:
    """The group's entry points under ``path``'s directories; None when an entry is not a directory."""
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in path:
        directory = entry or "."
        if os.path.isfile(directory):
            return None  # a zip archive on sys.path
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        for name in names:
            if not name.endswith(_INFO_SUFFIXES):
                continue
            info = os.path.join(directory, name)
            distribution = _normalize(_distribution_name(name))
            if distribution in seen:
                continue
            entries = _read(os.path.join(info, "entry_points.txt"))
            if entries is None and not os.path.isdir(info):
                continue
            seen.add(distribution)  # the first distribution of a name shadows the others
            lines = _section(entries or "", group)
            if not lines:
                continue
            meta_name, version = _name_and_version(info, name)
            found.extend(EntryPoint(key, value, meta_name, version) for key, value in lines)
    return found


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of section ``[group]`` (comments and blank lines skipped)."""
    lines: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
            continue
        if inside and "=" in line:
            key, _, value = line.partition("=")
            lines.append((key.strip(), value.strip()))
    return lines


def _name_and_version(info: str, directory_name: str) -> tuple[str, str]:
    """``Name`` and ``Version`` from the metadata's header (METADATA, or PKG-INFO for an egg)."""
    text = _read(os.path.join(info, "METADATA")) or _read(os.path.join(info, "PKG-INFO")) or ""
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        if not line.strip():
            break  # the header ends at the first blank line; the description follows
        key, _, value = line.partition(":")
        fields.setdefault(key.strip().lower(), value.strip())
    return fields.get("name", _distribution_name(directory_name)), fields.get("version", "?")


def _distribution_name(directory_name: str) -> str:
    match = _NAME.match(directory_name)
    return match.group(1) if match else directory_name.rsplit(".", 1)[0]


def _normalize(name: str) -> str:
    """PEP 503 normalization, the key ``importlib.metadata`` deduplicates by."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def _from_importlib_metadata(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points as metadata_entry_points

    return [
        EntryPoint(
            point.name,
            point.value,
            point.dist.metadata["Name"] if point.dist else "?",
            point.dist.version if point.dist else "?",
        )
        for point in metadata_entry_points(group=group)
    ]
