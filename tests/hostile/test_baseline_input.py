"""A hostile baseline file is a one-line configuration error, never a RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.conftest import Run


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("[" * 100_000 + "]" * 100_000, "嵌套过深"),
        ('{"version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}", "嵌套过深"),
        ('{"version": 1, "findings": [{"path": ' + "9" * 5000 + ', "fingerprint": "x"}]}', "数值过大"),
        ('{"version": 1, "findings": [{"path": [[["a"]]], "fingerprint": "x"}]}', "findings"),
    ],
    ids=["deep", "deep-findings", "huge-int", "path-not-string"],
)
def test_hostile_baseline_is_a_configuration_error(
    run: Run, tmp_path: Path, good_file: Path, content: str, needle: str
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    code, out, err = run("check", "--baseline", str(baseline), str(good_file))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and needle in err and "baseline.json" in err
    assert "Traceback" not in err and "内部错误" not in err
