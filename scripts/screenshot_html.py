"""Make the HTML page for a folder of reports and photograph it in headless Chromium (for the README).

    python scripts/screenshot_html.py examples docs/report-page.png

(the README shows our own examples: the real samples must not be copied into the project, not
even as a picture).

Also prints the page's size and how long Chromium took to load it (the figures
of docs/output.md; measured here, never asserted by a timed test). Needs
Playwright (``pip install playwright``) and the system's Chromium
(``REPORT_VALIDATOR_CHROMIUM`` or ``chromium`` on PATH).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", help="folder or file of reports")
    parser.add_argument("png", help="where to save the screenshot")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from validator.cli import main as validator

    chromium = os.environ.get("REPORT_VALIDATOR_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        print("no Chromium: apt-get install chromium, or set REPORT_VALIDATOR_CHROMIUM", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "page.html"
        validator(["check", args.reports, "--format", "html", "--output", str(page_path), "--fail-on=never"])
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            times = []
            for _ in range(5):
                started = time.perf_counter()
                page.goto(page_path.as_uri(), wait_until="load")
                times.append(time.perf_counter() - started)
            page.screenshot(path=args.png)
            browser.close()
        size = page_path.stat().st_size
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"{size} bytes; load (5 runs) median {median:.0f} ms, max {worst:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
