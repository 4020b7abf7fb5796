"""A baseline: the findings a repository has accepted, so that ``check`` reports only new ones.

Word files cannot carry suppression comments, and an old report may hold
defects nobody will fix; ``report-validator baseline`` records the current
findings by their content-anchored fingerprints (``validator.engine.fingerprints``),
and ``check --baseline FILE`` leaves out exactly those. Lines may move (a
paragraph added above) without a recorded finding coming back; a new defect
is reported even in the middle of an old file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from validator import __version__
from validator.atomic import atomic_write
from validator.engine.evaluate import drop_failures
from validator.errors import ConfigError
from validator.model import FileResult, ReportResult
from validator.oserrors import os_reason

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".report-validator-baseline.json"


def baseline_key(path: str, base: str | None = None) -> str:
    """A file's key in the baseline: its path relative to ``base`` (the baseline's directory;
    default the working directory), with / separators, so that ``check`` run from any
    directory of the project matches what ``baseline`` recorded."""
    try:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(base or os.curdir))
    except ValueError:  # another drive on Windows
        relative = path
    return PurePath(relative).as_posix()


def base_of(baseline: str | os.PathLike[str]) -> str:
    """The directory a baseline file's keys are relative to: its own."""
    return os.path.dirname(os.path.abspath(baseline))


def find_baseline(start: Path) -> Path | None:
    """The default baseline file at or above ``start``, found as the configuration is.

    The search stops at the filesystem root, or at a directory holding ``.git`` after
    looking in it, so a checked-out repository never uses its parent's baseline.
    """
    directory = Path(os.path.abspath(start))
    for folder in (directory, *directory.parents):
        candidate = folder / DEFAULT_BASELINE
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def write_baseline(path: str | os.PathLike[str], files: Sequence[FileResult], lang: str = "zh") -> None:
    """Replace the baseline at ``path`` with the findings of ``files`` in one step (never half-written)."""
    atomic_write(path, render_baseline(files, base_of(path)), key="baseline", lang=lang)


def render_baseline(files: Sequence[FileResult], base: str | None = None) -> str:
    """The baseline file for the failed results of ``files`` (JSON, in a stable order)."""
    findings = [
        {
            "path": baseline_key(file.path, base),
            "id": result.id,
            "fingerprint": result.fingerprint,
            "line": result.span.line if result.span else None,  # for people; matching ignores it
            "message": result.message,
        }
        for file in files
        for report in file.reports
        for result in report.results
        if result.status == "fail"
    ]
    findings.sort(key=lambda f: (f["path"], f["line"] or 0, f["id"], f["fingerprint"]))
    payload = {
        "version": BASELINE_VERSION,
        "tool": {"name": "report-validator", "version": __version__},
        "findings": findings,
    }
    import json  # here: every check looks for a baseline, few have one

    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: str) -> frozenset[tuple[str, str]]:
    """The (file key, fingerprint) pairs a baseline file accepts."""
    import json  # here: every check looks for a baseline, few have one

    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise ConfigError(f"无法读取基线文件：{os_reason(error)}", path=path, key="baseline") from None
    except json.JSONDecodeError as error:  # where, not json's English sentence
        raise ConfigError("基线文件不是有效的 JSON", path=path, line=error.lineno, key="baseline") from None
    except UnicodeDecodeError:
        raise ConfigError("基线文件不是 UTF-8 编码", path=path, key="baseline") from None
    except RecursionError:  # arrays or objects nested thousands deep: no baseline we write
        raise ConfigError("基线文件嵌套过深，不是本工具写的基线", path=path, key="baseline") from None
    except ValueError:  # an integer longer than Python converts (4,300 digits)
        raise ConfigError("基线文件中的数值过大，不是本工具写的基线", path=path, key="baseline") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise ConfigError(f"基线文件格式不对（需要 version: {BASELINE_VERSION}）", path=path, key="version")
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("path"), str) and isinstance(f.get("fingerprint"), str)
        for f in findings
    ):
        raise ConfigError("基线文件的 findings 缺少 path 或 fingerprint", path=path, key="findings")
    return frozenset((f["path"], f["fingerprint"]) for f in findings)


def apply_baseline(
    files: Iterable[FileResult],
    accepted: frozenset[tuple[str, str]],
    lang: str = "zh",
    base: str | None = None,
) -> list[FileResult]:
    """The files without the failures the baseline accepts (keys relative to ``base``: ``baseline_key``)."""
    return [
        dataclasses.replace(
            file,
            reports=tuple(
                _filter(report, baseline_key(file.path, base), accepted, lang) for report in file.reports
            ),
        )
        for file in files
    ]


def _filter(report: ReportResult, key: str, accepted: frozenset[tuple[str, str]], lang: str) -> ReportResult:
    message = "accepted in the baseline: {message}" if lang == "en" else "已列入基线：{message}"
    return drop_failures(report, lambda result: (key, result.fingerprint) in accepted, message)
