"""Smoke-test the package as a user gets it (tox -e pkg).

Build the sdist and, from it, the wheel; check that both carry grammar/ and rules/; install the
wheel in a fresh virtual environment; then, from a directory outside the checkout, run
``report-validator outline examples/clean-report.txt`` and fail loudly unless a heading comes out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "clean-report.txt"
EXPECTED_HEADING = "一、"


def fail(message: str) -> None:
    sys.exit(f"pkg smoke test FAILED: {message}")


def run(*args: str | Path, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    print("$", " ".join(str(a) for a in args), flush=True)
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        fail(f"exit code {proc.returncode}\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}")
    return proc.stdout


def build(dist: Path) -> tuple[Path, Path]:
    shutil.rmtree(dist, ignore_errors=True)
    # Without --sdist/--wheel, build makes the sdist and then the wheel *from that sdist*,
    # so a file missing from the sdist shows up as a broken wheel.
    run(sys.executable, "-m", "build", "--outdir", dist, ROOT)
    sdists, wheels = sorted(dist.glob("*.tar.gz")), sorted(dist.glob("*.whl"))
    if len(sdists) != 1 or len(wheels) != 1:
        fail(f"expected one sdist and one wheel in {dist}, found {sdists + wheels}")
    return sdists[0], wheels[0]


def check_contents(sdist: Path, wheel: Path) -> None:
    with tarfile.open(sdist) as tar:
        sdist_names = [name.split("/", 1)[-1] for name in tar.getnames()]
    with zipfile.ZipFile(wheel) as zf:
        wheel_names = zf.namelist()
    wanted = {
        "sdist grammar/*.lark": any(n.startswith("grammar/") and n.endswith(".lark") for n in sdist_names),
        "sdist rules/*": any(n.startswith("rules/") for n in sdist_names),
        "wheel validator/_data/grammar/*.lark": any(
            n.startswith("validator/_data/grammar/") and n.endswith(".lark") for n in wheel_names
        ),
        "wheel validator/_data/rules/*": any(n.startswith("validator/_data/rules/") for n in wheel_names),
        "wheel validator/py.typed": "validator/py.typed" in wheel_names,
        "wheel HTML templates": "validator/formatters/templates/report.html.j2" in wheel_names,
    }
    missing = [what for what, present in wanted.items() if not present]
    if missing:
        fail("missing from the distributions: " + ", ".join(missing))


def executable(venv: Path, name: str) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


def install(wheel: Path, venv: Path) -> None:
    shutil.rmtree(venv, ignore_errors=True)
    run(sys.executable, "-m", "venv", venv)
    pip = (executable(venv, "python"), "-m", "pip")
    run(*pip, "install", "--quiet", "--disable-pip-version-check", wheel)


def smoke(venv: Path, elsewhere: Path) -> None:
    code = "import validator; print(validator.__file__)"
    location = run(executable(venv, "python"), "-c", code, cwd=elsewhere).strip()
    if not Path(location).resolve().is_relative_to(venv.resolve()):
        fail(f"imported validator from {location}, not from the clean venv {venv}")
    output = run(executable(venv, "report-validator"), "outline", SAMPLE, cwd=elsewhere)
    print(output)
    if EXPECTED_HEADING not in output:
        fail(f"`report-validator outline {SAMPLE.name}` printed no {EXPECTED_HEADING} heading")
    command = executable(venv, "report-validator")
    page = run(command, "check", SAMPLE, "--format=html", "--fail-on=never", cwd=elsewhere)
    if not page.startswith("<!DOCTYPE html>"):
        fail("`report-validator check --format html` gave no page (templates or Jinja2 missing?)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, help="scratch directory (default: a temporary one)")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="report-validator-pkg-"))
    workdir.mkdir(parents=True, exist_ok=True)
    sdist, wheel = build(workdir / "dist")
    check_contents(sdist, wheel)
    install(wheel, workdir / "venv")
    smoke(workdir / "venv", workdir)
    print(f"pkg smoke test passed: {wheel.name}")


if __name__ == "__main__":
    main()
