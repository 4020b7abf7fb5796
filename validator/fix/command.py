"""What ``check --fix``, ``--unsafe-fixes``, ``--diff`` and ``--annotate`` do, for the command line.

``fix_before_check`` fixes each ``.txt``/``.md`` file (or only shows the diff)
before the usual check runs, so that the findings reported afterwards are those
left; ``fix_after_check`` prints the summary and writes the reviewed copy of
each checked ``.docx``. Messages go to stderr, so that stdout stays the chosen
output format; a file that could not be fixed or copied makes the exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from validator.errors import ConfigError, InputError
from validator.model import Checklist, FileResult, Fix
from validator.rule import Rule

if TYPE_CHECKING:
    from validator.api import Validator
    from validator.model import SourceText

# The formats whose text is the file's own text: what --fix may rewrite.
FIXABLE_FORMATS = frozenset({"text", "markdown"})


@dataclass
class FixRun:
    """What a ``--fix`` or ``--diff`` run did: fixes applied, files changed, diffs, refusals."""

    applied: int = 0
    changed: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def wanted(fix: Fix | None, unsafe: bool) -> bool:
    """Whether a finding's fix is to be applied: safe ones always, unsafe ones with ``--unsafe-fixes``."""
    return fix is not None and (unsafe or fix.applicability == "safe")


def fix_before_check(validator: Validator, args: argparse.Namespace) -> FixRun:
    """``--fix``/``--diff`` before the check (``--diff`` prints the diff); nothing for ``--annotate``."""
    if args.stdin:
        raise ConfigError("--fix、--diff、--annotate 不能与 --stdin 同用", key="stdin")
    if not (args.fix or args.diff):
        return FixRun()
    run = fix_paths(validator, args.paths, unsafe=args.unsafe_fixes, write=not args.diff)
    if args.diff:
        sys.stdout.write("".join(run.diffs))
    return run


def fix_after_check(
    validator: Validator,
    args: argparse.Namespace,
    files: Sequence[FileResult],
    run: FixRun,
    sources: Mapping[str, str],
    lang: str,
) -> bool:
    """The ``--fix`` summary and the ``--annotate`` copies; False when a file could not be fixed or copied."""
    if args.fix:
        print_summary(run, files, args.unsafe_fixes, lang)
    failed = annotate_files(validator, files, args.annotate_to, lang, sources) if args.annotate else 0
    return not run.refused and not failed


def outside_code(text: str, found: list[tuple[str, Fix]]) -> list[tuple[str, Fix]]:
    """The fixes of a Markdown text that touch none of its code (``validator.fix.markdown``)."""
    from validator.fix.markdown import code_ranges
    from validator.fix.text import line_starts, to_edit

    code = code_ranges(text)
    starts = line_starts(text)
    kept = []
    for rule, fix in found:
        edit = to_edit(fix, text, starts)
        if edit is not None and not any(
            s < max(edit.end, edit.start + 1) and edit.start < e for s, e in code
        ):
            kept.append((rule, fix))
    return kept


def finder(validator: Validator, source: SourceText, unsafe: bool) -> Callable[[str], list[tuple[str, Fix]]]:
    """The fixes wanted for a version of ``source``'s text: re-checked as that file, filtered."""

    def find(text: str) -> list[tuple[str, Fix]]:
        reports = validator.check_text(text, source.path, source.format, source.levels)
        found = [
            (result.id, result.fix)
            for report in reports
            for result in report.results
            if result.status == "fail" and result.fix is not None and wanted(result.fix, unsafe)
        ]
        if source.format == "markdown" and found:  # code is never rewritten
            found = outside_code(text, found)
        return found

    return find


def fix_paths(validator: Validator, paths: Iterable[str], unsafe: bool, write: bool) -> FixRun:
    """Fix every readable ``.txt``/``.md`` among ``paths`` (directories expanded); write only if ``write``.

    A file that cannot be read is left to the check that follows, which reports
    it; one that cannot be written back exactly is named on stderr and left alone.
    """
    from validator.api import expand_paths
    from validator.fix.files import fix_bytes, write_atomically
    from validator.readers import read_path

    run = FixRun()
    for path in expand_paths(paths, frozenset(validator.registry.readers)):
        try:
            source = read_path(path, validator.registry.readers)  # its reasons, as the check gives them
        except InputError as error:
            if not write:  # --diff: no check follows to report it
                run.refused.append(str(error))
            continue
        if source.format not in FIXABLE_FORMATS:
            continue
        try:
            with open(path, "rb") as handle:  # read again: changed meanwhile, fix_bytes refuses it
                data = handle.read()
            fixed = fix_bytes(data, path, source.encoding, source.text, finder(validator, source, unsafe))
            if fixed.changed and write:
                write_atomically(path, fixed.after)
        except InputError as error:
            run.refused.append(str(error))
            continue
        except OSError as error:
            run.refused.append(f"{path}: 无法读写：{error.strerror or error}")
            continue
        if fixed.changed:
            run.applied += fixed.applied
            run.changed.append(path)
            run.diffs.append(fixed.diff())
    for line in run.refused:
        print(f"report-validator: {line}", file=sys.stderr)
    return run


def sources(rules: Mapping[str, Rule], checklists: Iterable[Checklist]) -> dict[str, str]:
    """The norm each rule and checklist item cites, by id (for the comments of a reviewed copy)."""
    found = {item.id: item.source for checklist in checklists for item in checklist.items if item.source}
    found.update((code, rule.source) for code, rule in rules.items() if rule.source)
    return found


def remaining(files: Sequence[FileResult]) -> tuple[int, int]:
    """Findings left after fixing: all of them, and those that still carry a fix (unsafe ones)."""
    failed = [r for f in files for report in f.reports for r in report.results if r.status == "fail"]
    return len(failed), sum(1 for r in failed if r.fix is not None)


def print_summary(run: FixRun, files: Sequence[FileResult], unsafe: bool, lang: str) -> None:
    """One line on stderr: how many fixed in how many files, how many remain."""
    left, fixable = remaining(files)
    if lang == "en":
        line = f"fixed {run.applied} finding(s) in {len(run.changed)} file(s); {left} remain"
        if fixable and not unsafe:
            line += f" ({fixable} with a fix that --unsafe-fixes applies)"
    else:
        line = f"已修复 {run.applied} 处（{len(run.changed)} 个文件），剩余 {left} 处问题"
        if fixable and not unsafe:
            line += f"（其中 {fixable} 处可用 --unsafe-fixes 修复）"
    print(f"report-validator: {line}", file=sys.stderr)


def annotate_files(
    validator: Validator,
    files: Sequence[FileResult],
    output: str | None,
    lang: str,
    sources: Mapping[str, str],
) -> int:
    """Write the reviewed copy of each checked ``.docx``; how many could not be written.

    Each copy written, and each failure, is one line on stderr.

    Every fix, safe or unsafe, becomes a tracked change: in a reviewed copy
    nothing is applied without the writer accepting it.
    """
    from validator.fix.docx import reviewed_copy_path, write_reviewed_copy
    from validator.readers import read_path

    docx = [f for f in files if f.error is None and os.path.splitext(f.path)[1].lower() == ".docx"]
    if not output:  # a copy written by an earlier run is not reviewed again (no report.checked.checked.docx)
        docx = [f for f in docx if not f.path.lower().endswith(".checked.docx")]
    if output and len(docx) > 1:
        raise ConfigError("--annotate-to 只能用于一个 .docx 文件", key="annotate-to")
    failed = 0
    for file in docx:
        target = output or reviewed_copy_path(file.path)
        try:
            find = finder(validator, read_path(file.path, validator.registry.readers), unsafe=True)
            write_reviewed_copy(file, target, lang, sources, find)
        except InputError as error:
            print(f"report-validator: {error}", file=sys.stderr)
            failed += 1
            continue
        done = f"审阅副本已写入 {target}" if lang != "en" else f"reviewed copy written to {target}"
        print(f"report-validator: {done}", file=sys.stderr)
    return failed
