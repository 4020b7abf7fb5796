"""Parse the XML parts of an untrusted document with lxml, refusing what XML attacks are made of.

The XML attacks (billion laughs, external entities reading local files or
URLs) all need a DOCTYPE, and a Word part never has one. So a part that
declares one is refused outright, whether the byte scan finds it (UTF-8 and
UTF-16) or lxml reports it after parsing (any other encoding); and the parser
itself resolves no entities, loads no DTD, never touches the network and
keeps lxml's default size limits. Comments and processing instructions are
dropped: they carry no text a reader sees.

lxml is imported on first parse: start-up time belongs to the users of ``.txt``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from validator.errors import InputError

if TYPE_CHECKING:
    from lxml.etree import XMLParser, _Element  # type: ignore[import-untyped, unused-ignore]

__all__ = ["MAX_MARKUP", "SafeXmlParser"]

# Tags (``<``) in one part, counted on the bytes before parsing: lxml keeps some 200 bytes per element, so a
# few megabytes of ``<w:p/>`` would take gigabytes once parsed. A long report's body has some 10^5.
MAX_MARKUP = 2_000_000

_DOCTYPE_MARKS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


class SafeXmlParser:
    """Parses the parts of one file; ``path`` names the file in every error."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._parser: XMLParser | None = None  # built on first use, then reused for every part

    def parse(self, name: str, data: bytes) -> _Element:
        """The root of part ``name``, or ``InputError`` when it is not XML or declares a DOCTYPE."""
        from lxml import etree  # type: ignore[import-untyped, unused-ignore]

        if any(mark in data for mark in _DOCTYPE_MARKS):
            raise InputError(self.path, f"{name} 含有 DOCTYPE 声明（XML 实体攻击的载体），已拒绝")
        if data.count(b"<") > MAX_MARKUP:
            raise InputError(self.path, f"{name} 标记过多（超过 {MAX_MARKUP // 10_000} 万个），已拒绝")
        if self._parser is None:
            self._parser = etree.XMLParser(
                resolve_entities=False,
                no_network=True,
                huge_tree=False,
                load_dtd=False,
                dtd_validation=False,
                remove_comments=True,
                remove_pis=True,
                collect_ids=False,
            )
        try:
            root: _Element = etree.fromstring(data, self._parser)
        except (etree.LxmlError, ValueError):
            raise InputError(self.path, f"{name} 不是合法的 XML") from None
        doctype: object = getattr(root.getroottree().docinfo, "doctype", "")  # lxml-stubs lack it
        if doctype:  # a DOCTYPE in an encoding the byte scan above does not know
            raise InputError(self.path, f"{name} 含有 DOCTYPE 声明（XML 实体攻击的载体），已拒绝")
        return root
