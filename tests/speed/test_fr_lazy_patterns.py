"""Data-pack patterns are compiled on their first search; they must be refused and match as before.

``compile_lazy`` parses a pattern now and compiles it when first searched. A pattern
``compile_safe`` refuses must be refused by ``compile_lazy`` at once, with the same reason; one it
accepts must find what the compiled pattern finds.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from validator.safe_regex import LazyPattern, compile_lazy, compile_safe

# Pieces of RE2 syntax, valid and not, so that arbitrary patterns reach every kind of refusal.
PIECES = st.sampled_from(
    ["问题", "a", "(", ")", "(?:", "(?=", "(?<!", "[", "]", "[^】\\n]", "{0,10}", "{2}", "{1001}", "{,3}",
     "*", "+", "?", "|", "\\", "\\1", "\\C", "\\Z", "\\z", "\\pL", "\\p{Han}", "\\Q", "\\E", "^", "$",
     "(?P<name>", "(?i)", ".", "\\x{3000}", "{"]
)  # fmt: skip
patterns = st.lists(PIECES, max_size=8).map("".join)
TEXT = "问题a(1)\n】【填写】aa问题 \u3000Z"


def _outcome(compile_pattern: object, pattern: str) -> tuple[str, object]:
    """The reason a pattern is refused, or what it finds in ``TEXT`` (as str and as UTF-8)."""
    assert callable(compile_pattern)
    try:
        compiled = compile_pattern(pattern)
    except ValueError as error:
        return "refused", str(error)
    first = compiled.search(TEXT)
    return "found", (
        first and first.span(),
        [match.span() for match in compiled.finditer(TEXT)],
        [match.span() for match in compiled.finditer(TEXT.encode("utf-8"))],
    )


@given(patterns)
@example("\\pL{1000}")  # parses, but too large for RE2's memory budget: refused at once all the same
@example("(?:\\pL{100}){10}")
@example("a\\Cb")
def test_lazy_patterns_are_refused_and_match_as_compiled_ones(pattern: str) -> None:
    compile_lazy.cache_clear()
    assert _outcome(compile_lazy, pattern) == _outcome(compile_safe.__wrapped__, pattern)


def test_a_short_plain_pattern_is_compiled_only_when_searched() -> None:
    pattern = compile_lazy("问题|不足（?三）?")
    assert isinstance(pattern, LazyPattern) and pattern._compiled is None
    assert pattern.search("存在的不足三") is not None and pattern._compiled is not None


@pytest.mark.parametrize("pattern", ["a{2,5}", "x" * 501])
def test_a_pattern_that_may_outgrow_the_budget_is_compiled_at_once(pattern: str) -> None:
    assert not isinstance(compile_lazy(pattern), LazyPattern)
