"""``python -m kg.viz.screenshot PAGE.html OUT.png``: a PNG of a `kg viz` page in headless Chromium.

`make run` calls this to leave a picture of the graph beside it. Chromium is optional on a
user's machine: without it the command says so in one line and exits 0, so `make run` still
succeeds. The browser is Debian's (playwright cannot download its own here); the launch flags
keep it from talking to the network, which the page must not need anyway.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1600, "height": 1000}


def chromium_missing() -> str | None:
    """Why headless Chromium cannot run here, or None when it can."""
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (install Debian's chromium or set KG_CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401 - only checking it is importable
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium (playwright's Browser), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield b
        finally:
            b.close()


def wait_ready(page: Any, timeout_ms: int = 20000) -> None:
    """Wait until the page's script has drawn the graph once (it sets ``window.kgReady``)."""
    page.wait_for_function("window.kgReady === true", timeout=timeout_ms)


def screenshot(html: Path, png: Path) -> None:
    """Open ``html`` from disk and save what an analyst would see first as ``png``."""
    png.parent.mkdir(parents=True, exist_ok=True)
    with browser() as b:
        page = b.new_page(viewport=VIEWPORT)
        page.goto(html.resolve().as_uri())
        wait_ready(page)
        page.screenshot(path=str(png), full_page=False)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m kg.viz.screenshot PAGE.html OUT.png", file=sys.stderr)
        return 2
    html, png = Path(args[0]), Path(args[1])
    why = chromium_missing()
    if why:
        print(f"screenshot skipped: {why}")
        return 0
    if not html.is_file():
        print(f"screenshot: {html} does not exist: run `kg viz` first", file=sys.stderr)
        return 2
    screenshot(html, png)
    print(f"wrote {png}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
