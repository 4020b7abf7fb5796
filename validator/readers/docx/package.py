"""The parts of a ``.docx`` package, found as Word finds them: through relationships.

A part's name is not fixed: the main document is whatever ``_rels/.rels``
calls ``officeDocument``, and its styles and numbering are whatever the
document's own ``.rels`` names, so we follow the relationships (Open Packaging
Conventions) rather than guess file names. This is also where a file that is
not a ``.docx`` at all is told apart and named: an old binary Word file or an
encrypted one (both OLE), or no ZIP at all. The archive and the XML are read
by ``safe_zip`` and ``safe_xml``, which hold the defences.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from validator.errors import InputError
from validator.readers.safe_xml import SafeXmlParser
from validator.readers.safe_zip import SafeZip
from validator.readers.signatures import OLE_MAGIC

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

__all__ = ["DocxPackage"]
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class DocxPackage:
    """The ZIP archive of a ``.docx``, read part by part within a size budget."""

    def __init__(self, data: bytes, path: str) -> None:
        if data.startswith(OLE_MAGIC):  # a .doc renamed to .docx, or a password-protected .docx
            raise InputError(path, "实为旧版 Word/WPS 文件或加密文档：请去掉密码，或用 Word/WPS 另存为 .docx")
        if not data.startswith(b"PK"):
            raise InputError(path, "不是有效的 .docx 文件（不是 ZIP 压缩包）")
        self._archive = SafeZip(data, path)
        self._parser = SafeXmlParser(path)

    def main_part(self) -> str:
        """The main document part, as the package relationships name it (``word/document.xml``)."""
        return self.relationships("").get("officeDocument", "word/document.xml")

    def relationships(self, source: str, by: str = "Type") -> dict[str, str]:
        """Relationship type (last URI segment: ``styles``) → part name, for the part ``source``.

        With ``by="Id"`` the keys are the relationship ids (``rId7``), as a
        section's ``w:footerReference`` names its footer.
        """
        folder, name = posixpath.split(source)
        root = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        found: dict[str, str] = {}
        if root is None:
            return found
        for relationship in root.iterfind(_RELATIONSHIPS + "Relationship"):
            key: str = (relationship.get(by) or "").rpartition("/")[2]
            target: str | None = relationship.get("Target")
            if target and relationship.get("TargetMode") != "External":
                found.setdefault(key, _resolve(folder, target))
        return found

    def raw(self, name: str) -> bytes | None:
        """Part ``name`` inflated (within the budget) but not parsed, or None when there is none."""
        return self._archive.read(name)

    def parse(self, name: str, data: bytes) -> _Element:
        """Part ``name``'s bytes parsed with the package's safe parser."""
        return self._parser.parse(name, data)

    def xml(self, name: str) -> _Element | None:
        """Parse part ``name``, or None when the package has no such part."""
        data = self._archive.read(name)
        if data is None:
            return None
        return self._parser.parse(name, data)


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: relative to the source's folder, or absolute."""
    from urllib.parse import unquote

    target = unquote(target)
    joined = target if target.startswith("/") else posixpath.join("/", folder, target)
    return posixpath.normpath(joined).lstrip("/")
