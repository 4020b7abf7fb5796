"""The first bytes that tell file formats apart, whatever their suffix says.

Offices rename files: a ``.doc`` that is a ``.docx``, a ``.docx`` that is an old
binary file or an encrypted one. The readers look at these signatures first;
they live here, apart from any reader, so that readers can consult each other's
without importing each other.
"""

from __future__ import annotations

__all__ = ["OLE_MAGIC", "ZIP_MAGIC"]

# An OLE compound file: .doc, .wps, .xls, and also a password-protected .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"  # .docx, .ofd: a ZIP archive's first local header
