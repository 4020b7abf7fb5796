"""Exit codes, in one place: the contract CI scripts rely on (DESIGN.md)."""

from typing import Final

EXIT_OK: Final = 0  # nothing failed at or above --fail-on
EXIT_FINDINGS: Final = 1  # something did
EXIT_USAGE: Final = 2  # usage, configuration, plugin or input error
