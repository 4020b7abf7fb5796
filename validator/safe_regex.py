"""Regular expressions that come from YAML, compiled with RE2 so that no pattern can hang a run.

Checklists and plugins are data written by people who are not regex experts, and a pattern such
as ``(a+)+$`` makes a backtracking engine (Python's ``re``) take exponential time on one long
paragraph: a CI job or a pre-commit hook would hang. RE2 matches in time linear in the text; the
price is that it has no backreferences (``\\1``) and no lookaround (``(?=…)``, ``(?<!…)``), which
it rejects when compiling. ``compile_safe`` turns that rejection into a ``ValueError`` whose
reason (in Chinese, with RE2's own words after it) the checklist loader puts on one line with the
file, line and key.

How google-re2's Python module behaves (checked against its source, ``re2/__init__.py``):

* errors are ``re2.error`` (pybind11's ``_re2.Error``), whose only argument is RE2's message as
  *bytes* (``b'invalid escape sequence: \\1'``); there are no attributes such as ``pos``;
* flags are not ``re``'s integers but an ``re2.Options`` object; we keep every default except
  ``log_errors``, which is true by default and makes RE2 print each rejected pattern to stderr,
  noise in a linter whose errors are one line each;
* ``max_mem`` (default 8 MiB) bounds the compiled program and its DFA cache; a pattern too large
  for it fails to compile ("pattern too large"), and a DFA that fills its budget flushes it and
  at worst falls back to RE2's NFA, still linear. The default suits our short phrases.

Syntax differences an author meets coming from Python: ``\\d``, ``\\w``, ``\\s`` and ``\\b`` are
ASCII-only (write ``[0-9０-９]``, ``\\p{Han}``, ``[\\s\\x{3000}]``), ``\\Z`` is spelled ``\\z``, and
flags are inline: ``(?i)``, ``(?s)``. We also refuse ``\\C`` (any single *byte*), which RE2
allows but which would cut a Chinese character in half.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, cast


class SafeMatch(Protocol):
    """The part of a google-re2 match object we rely on: offsets in characters, like ``re``."""

    def start(self, group: int = 0) -> int: ...

    def end(self, group: int = 0) -> int: ...

    def group(self, *groups: int | str) -> Any: ...


class SafePattern(Protocol):
    """The part of a compiled google-re2 pattern we rely on."""

    @property
    def pattern(self) -> str: ...

    def search(self, text: str, pos: int | None = None, endpos: int | None = None) -> SafeMatch | None: ...

    def finditer(
        self, text: str, pos: int | None = None, endpos: int | None = None
    ) -> Iterator[SafeMatch]: ...


# RE2's messages for what it refuses on purpose, explained in Chinese. Matched by prefix.
_EXPLAINED: tuple[tuple[str, str], ...] = (
    ("invalid perl operator: (?=", "RE2 不支持环视（lookahead）"),
    ("invalid perl operator: (?!", "RE2 不支持环视（lookahead）"),
    ("invalid perl operator: (?<=", "RE2 不支持环视（lookbehind）"),
    ("invalid perl operator: (?<!", "RE2 不支持环视（lookbehind）"),
    ("invalid escape sequence: \\Z", "RE2 不支持 \\Z，文本末尾请写 \\z"),
    ("missing ]", "缺少 ]"),
    ("missing )", "缺少 )"),
    ("unexpected )", "多余的 )"),
    ("trailing \\", "末尾多了一个反斜杠"),
    ("invalid repetition size", "重复次数无效（RE2 最多 1000 次）"),
    ("bad repetition operator", "重复运算符无效"),
    ("no argument for repetition operator", "重复运算符前缺少内容"),
    ("invalid character class range", "字符类或范围无效"),
    ("invalid named capture group", "命名分组无效"),
    ("pattern too large", "正则表达式过大"),
)


def _explain(raw: str) -> str:
    """RE2's message, prefixed with a Chinese explanation when we have one."""
    escaped = raw.removeprefix("invalid escape sequence: \\")
    if escaped != raw and escaped.isdigit():
        return f"RE2 不支持反向引用（backreference）：{raw}"
    for prefix, meaning in _EXPLAINED:
        if raw.startswith(prefix):
            return f"{meaning}：{raw}"
    return f"正则表达式无效：{raw}"


def _has_byte_escape(pattern: str) -> bool:
    r"""Whether ``pattern`` uses ``\C`` outside a ``\Q…\E`` literal."""
    if "\\C" not in pattern:
        return False  # the usual case, answered without walking the pattern in Python
    index = 0
    while index < len(pattern):
        if pattern.startswith("\\Q", index):
            end = pattern.find("\\E", index + 2)
            if end < 0:
                return False
            index = end + 2
        elif pattern[index] == "\\":
            if pattern[index + 1 : index + 2] == "C":
                return True
            index += 2
        else:
            index += 1
    return False


@functools.lru_cache(maxsize=512)
def compile_safe(pattern: str) -> SafePattern:
    r"""Compile ``pattern`` with RE2; raise ``ValueError(reason)`` if RE2 rejects it.

    Cached, because the engine asks for the same checklist patterns for every report of a run.
    ``re2`` is imported here rather than at the top so that commands which never match a
    pattern (``--help``, ``outline``) do not pay for loading the extension.
    """
    import re2

    if _has_byte_escape(pattern):
        raise ValueError("不支持 \\C（按字节匹配会切开汉字）")
    try:
        compiled = re2.compile(pattern, _quiet())
    except re2.error as error:
        raw = error.args[0] if error.args else ""
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        raise ValueError(_explain(text)) from None
    return cast(SafePattern, compiled)


# A pattern no longer than this, with no counted repetition, cannot outgrow RE2's memory budget
# (\\pL, the largest class, 300 times over: 900 characters, compiles), so parsing it proves it valid.
_LAZY_UP_TO = 500


@functools.lru_cache(maxsize=1024)
def compile_lazy(pattern: str) -> SafePattern:
    r"""``compile_safe(pattern)``, refused now as it would be, but compiled on its first search.

    A run compiles each data-pack pattern once per process (an RE2 pattern cannot be kept
    between processes), yet a report holds few of the texts they look for: the census
    (``validator.checks._census``) reads their sources only, so most are never searched. RE2
    parses a pattern several times faster than it compiles one, and only compiling finds a
    program too large for its memory budget, which needs a counted repetition (``{n,m}``) or a
    long pattern: those are compiled now, so every pattern that would fail still fails here.
    """
    if len(pattern) > _LAZY_UP_TO or _counts(pattern) or _has_byte_escape(pattern) or not _parses(pattern):
        return compile_safe(pattern)  # raises the ValueError that says what is wrong
    return cast(SafePattern, LazyPattern(pattern))


def _counts(pattern: str) -> bool:
    """Whether ``pattern`` may hold a counted repetition (``a{2}``, ``a{2,}``, ``a{2,5}``)."""
    at = pattern.find("{")
    while at >= 0:
        if pattern[at + 1 : at + 2].isdigit():
            return True
        at = pattern.find("{", at + 1)
    return False


def _parses(pattern: str) -> bool:
    """Whether RE2 parses ``pattern`` (what a set's ``Add`` does, without compiling a program)."""
    return set_takes(search_set(), pattern)


def search_set() -> Any:
    """An empty RE2 set: ``Add`` patterns, ``Compile``, then ``Match`` a text for the indexes of
    those that occur in it, in one pass. What RE2 refuses raises ``re2.error``, unlogged."""
    import re2

    return re2.Set.SearchSet(_quiet())


def set_takes(pattern_set: Any, pattern: str) -> bool:
    """Whether ``pattern_set`` took ``pattern`` (False: RE2 refused it, and the set is unchanged)."""
    import re2

    try:
        pattern_set.Add(pattern)
    except re2.error:
        return False
    return True


def _quiet() -> Any:
    """RE2's options with its own error log off: a refused pattern is our error to word, once."""
    import re2

    options = re2.Options()
    options.log_errors = False
    return options


class LazyPattern:
    """A pattern RE2 parsed, compiled on its first search (``compile_lazy``)."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: SafePattern | None = None

    def _regex(self) -> SafePattern:
        compiled = self._compiled
        if compiled is None:  # two threads may both compile: compile_safe's cache gives both one object
            compiled = self._compiled = compile_safe(self.pattern)
        return compiled

    def search(self, text: str, pos: int | None = None, endpos: int | None = None) -> SafeMatch | None:
        return self._regex().search(text, pos, endpos)

    def finditer(self, text: str, pos: int | None = None, endpos: int | None = None) -> Iterator[SafeMatch]:
        return self._regex().finditer(text, pos, endpos)


class EncodedText:
    """A text encoded to UTF-8 once, for many RE2 searches over it.

    google-re2's wrapper encodes a ``str`` afresh on every ``search`` and
    ``finditer`` call (and walks it again to turn a ``pos`` into bytes), so
    searching one report for fifty patterns encodes it fifty times. Searching
    the bytes instead, and turning byte offsets back into characters as the
    matches go by (left to right, so the whole walk stays linear), encodes it once.
    """

    __slots__ = ("ascii", "data", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.ascii = len(self.data) == len(text)

    def spans(self, pattern: SafePattern) -> Iterator[tuple[int, int]]:
        """(start, end) in characters of each match of ``pattern``, left to right, not overlapping."""
        data = self.data
        last_byte = last_char = 0
        for match in pattern.finditer(data):  # type: ignore[arg-type]  # RE2 searches bytes as well
            start, end = match.start(), match.end()
            if self.ascii:
                yield start, end
                continue
            if start == end and start < len(data) and 0x80 <= data[start] < 0xC0:
                continue  # an empty match inside a character: a search of the str steps over it
            if start < last_byte:  # cannot happen for non-overlapping matches; be safe all the same
                last_byte = last_char = 0
            char_start = last_char + len(data[last_byte:start].decode("utf-8"))
            char_end = char_start + len(data[start:end].decode("utf-8"))
            last_byte, last_char = end, char_end
            yield char_start, char_end


def literal(words: Iterable[str]) -> str:
    """An RE2 source matching any of ``words`` as written: like ``"|".join(map(re.escape, words))``
    (so no word, or an empty one, matches everywhere)."""
    return "|".join(f"\\Q{word}\\E" if word and "\\E" not in word else _escape(word) for word in words)


def _escape(word: str) -> str:
    return "".join(char if char.isalnum() else f"\\x{{{ord(char):x}}}" for char in word)


class PhraseSet:
    """Which of many fixed phrases occur in a text, from one RE2 set pass over its UTF-8 bytes.

    Looking for each phrase with ``str.find`` costs a scan of the text per phrase, and most
    phrases occur nowhere; the set scans once for all of them. It only says whether a phrase
    occurs, not where: callers look for the ones that do as before.
    """

    __slots__ = ("_phrases", "_set")

    def __init__(self, phrases: tuple[str, ...]) -> None:
        import re2

        self._phrases = phrases
        self._set: Any = search_set()
        try:
            for phrase in phrases:
                self._set.Add(literal((phrase,)))
            self._set.Compile()
        except re2.error:  # a memory budget too small for the set: every phrase is looked for
            self._set = None

    def occurring(self, data: bytes) -> frozenset[str] | None:
        """The phrases that occur in ``data`` (UTF-8); None when the set could not be built."""
        if self._set is None:
            return None
        return frozenset([self._phrases[index] for index in self._set.Match(data) or ()])
