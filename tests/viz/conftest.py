"""Fixtures for the viz tests: the hand-written sample graph, pages of it, and a real Chromium."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kg.viz.model import build_graph, load_dataset
from kg.viz.screenshot import CHROMIUM, browser, wait_ready

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "sample.trig"


@pytest.fixture(scope="session")
def sample_graph():
    """The entity-and-event graph of tests/viz/data/sample.trig (see its header)."""
    return build_graph(load_dataset(SAMPLE))


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session; tests using it skip only when it is not installed."""
    # Only a missing browser skips: a missing playwright is a broken test setup and must fail.
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (install chromium or set KG_CHROMIUM)")
    with browser() as b:
        yield b


@dataclass
class Probe:
    """An open page and everything it did: console errors, uncaught errors, requests, dialogs."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)


@pytest.fixture
def open_page(chromium) -> Iterator[Callable[[Path], Probe]]:
    """Open a page file in a fresh context that records what it tries, and blocks the network."""
    contexts = []

    def _open(path: Path) -> Probe:
        ctx = chromium.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(ctx)
        page = ctx.new_page()
        probe = Probe(page)
        page.on("console", lambda m: probe.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: probe.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: probe.requests.append(r.url))

        def _dialog(d: Any) -> None:
            probe.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        page.on("dialog", _dialog)
        # Anything but the page itself is refused, so a stray fetch fails loudly instead of
        # silently working on a machine that happens to be online.
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else route.abort())
        page.goto(path.resolve().as_uri())
        wait_ready(page)
        return probe

    yield _open
    for ctx in contexts:
        ctx.close()
