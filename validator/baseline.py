"""A baseline: the findings a repository has accepted, so that ``check`` reports only new ones.

Word files cannot carry suppression comments, and an old report may hold
defects nobody will fix; ``report-validator baseline`` records the current
findings by their content-anchored fingerprints (``validator.fingerprints``),
and ``check --baseline FILE`` leaves out exactly those. Lines may move (a
paragraph added above) without a recorded finding coming back; a new defect
is reported even in the middle of an old file.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from validator import __version__
from validator.engine import drop_failures
from validator.errors import ConfigError
from validator.model import FileResult, ReportResult

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".report-validator-baseline.json"


def baseline_key(path: str) -> str:
    """A file's key in the baseline: its path relative to the working directory, with / separators."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        relative = path
    return PurePath(relative).as_posix()


def render_baseline(files: Sequence[FileResult]) -> str:
    """The baseline file for the failed results of ``files`` (JSON, in a stable order)."""
    findings = [
        {
            "path": baseline_key(file.path),
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
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: str) -> frozenset[tuple[str, str]]:
    """The (file key, fingerprint) pairs a baseline file accepts."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise ConfigError(f"无法读取基线文件：{error.strerror}", path=path, key="baseline") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"基线文件不是有效的 JSON：{error}", path=path, key="baseline") from None
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
    files: Iterable[FileResult], accepted: frozenset[tuple[str, str]], lang: str = "zh"
) -> list[FileResult]:
    """The files without the failures the baseline accepts."""
    return [
        dataclasses.replace(
            file,
            reports=tuple(
                _filter(report, baseline_key(file.path), accepted, lang) for report in file.reports
            ),
        )
        for file in files
    ]


def _filter(report: ReportResult, key: str, accepted: frozenset[tuple[str, str]], lang: str) -> ReportResult:
    message = "every finding is in the baseline" if lang == "en" else "问题均已列入基线"
    return drop_failures(report, lambda result: (key, result.fingerprint) in accepted, message)
