"""Why a file operation failed, in the user's language rather than the operating system's English.

``OSError.strerror`` is English (or the C library's locale), which would put ``No space left
on device`` inside a Chinese line. The common causes are worded in the message catalogue by
errno name (``os.ENOSPC``); any other error keeps the system's own words.
"""

from __future__ import annotations

import errno

from validator.messages import has_message, message

__all__ = ["os_reason"]


def os_reason(error: OSError, lang: str = "zh") -> str:
    """The reason for ``error`` in ``lang``: the catalogue's words for its errno, else the system's."""
    key = f"os.{errno.errorcode.get(error.errno or 0, '')}"
    return message(key, lang) if has_message(key) else error.strerror or str(error)
