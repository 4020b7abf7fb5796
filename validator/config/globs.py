"""The glob language of ``overrides[].files``: which patterns are valid, and the regex each means.

A glob is matched against a file's POSIX path relative to the directory of the configuration
file that wrote it, so it means the same in a file reached through ``extends`` as where it was
written. ``fnmatch`` lets ``*`` cross ``/``, and ``pathlib`` has no ``**`` before Python 3.13,
so the few rules users expect from ``.gitignore``-style globs are written out here, and a
pattern that is surely a mistake (a ``\\`` separator, ``..``, an empty segment) is an error
when the file is loaded.
"""

from __future__ import annotations

import re

from yaml.nodes import Node

from validator.checklist.values import read_strings
from validator.yaml_nodes import At, quote


def read_globs(at: At, node: Node, key: str) -> tuple[str, ...]:
    """A non-empty list of relative POSIX globs that can match something below the file's directory."""
    values = read_strings(at, node, key)
    if not values:
        at.fail(node, f"{quote(key)} 不能为空", key)
    for index, (element, pattern) in enumerate(values):
        segments = pattern.removeprefix("./").strip("/").split("/")
        problem = ""
        if "\\" in pattern:
            problem = "路径分隔符请用 /"
        elif ".." in segments:
            problem = "不能用 .. 指向配置文件所在目录之外"
        elif "" in segments:
            problem = "不能有空的路径段（//）"
        if problem:
            at.fail(element, f"{quote(key)} 中的通配模式 {quote(pattern)} 无效", f"{key}[{index}]", problem)
    return tuple(pattern for _, pattern in values)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """The regex for a glob matched against a POSIX path relative to the config file's directory.

    ``*`` and ``?`` stay within one path segment, ``[abc]``/``[!abc]`` is a character class,
    ``**`` as a whole segment is any number of segments (zero included). A pattern without a
    ``/`` matches the file name at any depth (``*.docx``); one with a ``/`` is anchored at the
    directory (a leading ``/`` or ``./`` only anchors); a trailing ``/`` means everything below.
    """
    text = pattern.removeprefix("./")
    if text.endswith("/"):
        text += "**"
    if "/" not in text:
        text = "**/" + text
    segments = text.lstrip("/").split("/")
    parts = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            parts.append(".*" if last else "(?:[^/]+/)*")
        else:
            parts.append(_segment_regex(segment) + ("" if last else "/"))
    return re.compile("".join(parts))


def _segment_regex(segment: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(segment):
        char = segment[index]
        end = _class_end(segment, index) if char == "[" else -1
        if end > 0:
            body = segment[index + 1 : end]
            negate = body.startswith("!")
            escaped = "".join("\\" + c if c in "\\^[]" else c for c in body[negate:])
            out.append(f"[^/{escaped}]" if negate else f"[{escaped}]")
            index = end + 1
            continue
        out.append("[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char))
        index += 1
    return "".join(out)


def _class_end(segment: str, start: int) -> int:
    """The index of the ``]`` closing the class at ``start``, or -1 (then ``[`` is literal, as in fnmatch)."""
    index = start + 1
    if segment[index : index + 1] == "!":
        index += 1
    if segment[index : index + 1] == "]":
        index += 1
    return segment.find("]", index)
