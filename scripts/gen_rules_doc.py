"""Write docs/rules.md from the built-in rules' metadata and docstrings (see validator/docgen.py)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator.docgen import render_rules  # noqa: E402
from validator.plugin.manager import load_plugins  # noqa: E402
from validator.plugin.registry import build_registry  # noqa: E402

if __name__ == "__main__":
    rules = build_registry(load_plugins(entry_points=False)).rules.values()
    (ROOT / "docs" / "rules.md").write_text(render_rules(rules), encoding="utf-8")
    print(f"wrote docs/rules.md ({len(rules)} rules)")
