"""File names that look like options, from a hook that appends them to the command line.

pre-commit runs ``entry + args + file names``: a committed file named ``--output=notes.md`` would
be read as the option and overwrite ``notes.md``. The entry cannot end with ``--`` (the user's
``args:`` come after it and would become file names), so the hook's entry carries
``--pre-commit`` instead: with it, every argument that starts with ``-`` and names an existing
file is written ``./name`` before the arguments are parsed, so it can only be a file. An option
that happens to share its name with a file becomes a file too, which fails safe (exit 2).
``--`` also works, as everywhere: what follows it is never an option.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

__all__ = ["HOOK_FLAG", "protect_file_names"]

HOOK_FLAG = "--pre-commit"


def protect_file_names(argv: Sequence[str]) -> list[str]:
    """``argv`` with option-like names of existing files made ``./name`` when ``--pre-commit`` is in it."""
    if HOOK_FLAG not in argv:
        return list(argv)
    protected: list[str] = []
    for argument in argv:
        if argument == "--":
            protected.extend(argv[len(protected) :])
            break
        if argument.startswith("-") and argument != HOOK_FLAG and os.path.lexists(argument):
            argument = os.path.join(".", argument)
        protected.append(argument)
    return protected
