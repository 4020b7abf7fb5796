"""Readers for plain-text formats: ``.txt`` and Markdown.

Both are the same bytes-to-text step; they differ only in the ``format`` they
announce, which tells the parser whether Markdown markup (``#`` headings,
``**``) may appear. Markdown is *not* rendered or stripped here: positions must
stay those of the file the user edits.

A reader takes the file's bytes and the path to name in messages, and returns a
``SourceText`` or raises ``InputError``; that is the shape every entry of
``validator.readers.READERS`` has, including those a plugin will add.
"""

from __future__ import annotations

from validator.errors import InputError
from validator.model import SourceText
from validator.readers.encoding import DecodeError, decode

__all__ = ["read_markdown", "read_text"]


def read_text(data: bytes, path: str) -> SourceText:
    """Read a plain-text report (``.txt``, or a name without suffix such as ``<stdin>``)."""
    return _read(data, path, "text")


def read_markdown(data: bytes, path: str) -> SourceText:
    """Read a Markdown report (``.md``, ``.markdown``); the markup is kept as written."""
    return _read(data, path, "markdown")


def _read(data: bytes, path: str, source_format: str) -> SourceText:
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        raise InputError(path, exc.reason) from None
    return SourceText(path=path, text=text, format=source_format, encoding=encoding)
