"""How the golden outputs are made: one ``check`` run per format, from the repository root."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from pathlib import Path

from validator.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ROOT.parent / "shared" / "samples"
SAMPLES_ARG = os.path.join("..", "shared", "samples")  # relative: the output names it
FORMATS = ("json", "sarif", "text")


def run(paths: list[str], fmt: str) -> str:
    """The output of ``check PATHS --format FMT`` run from the repository root, without colour.

    Paths are given relative to the root, and the root itself (SARIF names it and the files
    outside it as URIs) is written ``ROOT``, so that the output is the same in any checkout.
    """
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            main(["check", *paths, "--format", fmt, "--fail-on", "never"])
    finally:
        os.chdir(cwd)
    return out.getvalue().replace(ROOT.as_uri(), "file:///ROOT").replace(ROOT.parent.as_uri(), "file:///ROOT/..")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
