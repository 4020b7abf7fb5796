"""The engine: the pipeline that turns a file into verdicts, and each of its steps.

``pipeline`` holds ``Validator``, whose ``check_source`` is the whole flow on one screen:
parse → choose the checklist (``genre``) → evaluate items (``items``) and rules (``evaluate``) →
apply inline suppressions (``suppressions``) → fingerprint (``fingerprints``). ``baseline``
filters a run's findings against accepted ones. ``validator.api`` is the stable public name.
"""

from __future__ import annotations

from validator.engine.evaluate import check_document
from validator.engine.pipeline import FileSettings, Validator

__all__ = ["FileSettings", "Validator", "check_document"]
