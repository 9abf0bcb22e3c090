"""The page in a real headless Chromium: offline, complete, clickable, filterable, injection-proof."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from kg.viz.render import render_file

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

PREFIXES = """PREFIX kg: <https://w3id.org/kgnews/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
HOSTILE_TEXT = (
    "TOKYO - Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo"
    " on Thursday.\n\n"
    '"<img src=x onerror=alert(1)>" said Kishida. </script><script>alert(2)</script>\n\n'
    "North Korea fired a ballistic missile into the Sea of Japan on Wednesday, South Korea's Joint"
    ' Chiefs of Staff said. "<svg onload=alert(3)>" Kim Jong Un said.\n'
)
HOSTILE_META = ('{"title": "</script><script>alert(4)</script><b onmouseover=alert(5)>Hostile</b>", '
                '"published": "2023-03-16", "source": "<i>Evil</i> & Co"}')


def dataset(path: Path) -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig")
    return ds


def entities_and_events(ds: Dataset) -> set[str]:
    """Counted independently of kg.viz: every subject of a class under Actor, Place or Event."""
    rows = ds.query(PREFIXES + """SELECT DISTINCT ?s WHERE {
        ?s a ?c . ?c rdfs:subClassOf* ?root . VALUES ?root { kg:Actor kg:Place kg:Event } }""")
    return {str(r.s) for r in rows}


def event_dates(ds: Dataset) -> dict[str, list[str]]:
    rows = ds.query(PREFIXES + """SELECT ?e ?d WHERE {
        ?e a ?c . ?c rdfs:subClassOf* kg:Event . OPTIONAL { ?e kg:date ?d } }""")
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(str(r.e), [])
        if r.d is not None:
            out[str(r.e)].append(str(r.d)[:10])
    return out


@pytest.fixture(scope="module")
def seed_page(built_seeds, tmp_path_factory) -> tuple[Path, Dataset]:
    out = tmp_path_factory.mktemp("page") / "graph.html"
    render_file(built_seeds, out)
    return out, dataset(built_seeds)


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> Path:
    """A page built with `kg build` + `kg viz` from an article full of markup."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "in").mkdir()
    (root / "in" / "evil.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (root / "in" / "evil.meta.json").write_text(HOSTILE_META, encoding="utf-8")
    for args in (["build", str(root / "in"), "-o", str(root / "graph.trig"), "-q", "--no-store"],
                 ["viz", str(root / "graph.trig"), "-o", str(root / "graph.html"), "-q"]):
        proc = subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True,
                              timeout=600)
        assert proc.returncode == 0, proc.stderr
    assert "onerror=alert(1)" in (root / "graph.trig").read_text(encoding="utf-8"), "payload not in graph"
    return root / "graph.html"


def click_node(probe, node_id: str) -> None:
    """Click the middle of a node, after checking nothing else is drawn on top of it there."""
    point = probe.js("""id => {
        const net = window.kg.network, dom = net.canvasToDOM(net.getPosition(id));
        const box = document.getElementById('kg-network').getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y, top: net.getNodeAt(dom)};
    }""", node_id)
    assert point["top"] == node_id, f"{node_id} is covered by {point['top']}"
    probe.page.mouse.click(point["x"], point["y"])


def test_page_loads_with_no_errors_and_no_network(open_page, seed_page):
    path, _ = seed_page
    probe = open_page(path)
    assert probe.errors == []
    assert probe.requests == [path.resolve().as_uri()]
    assert probe.js("document.getElementById('kg-summary').textContent").startswith(
        f"{probe.js('window.kg.nodes.length')} nodes")


def test_every_entity_and_event_is_drawn(open_page, seed_page):
    path, ds = seed_page
    probe = open_page(path)
    expected = entities_and_events(ds)
    assert len(expected) >= 5
    assert set(probe.js("window.kg.nodes.getIds()")) == expected
    assert probe.js("window.kg.network.body.nodeIndices.length") == len(expected)


def uncovered(probe, ids: list[str]) -> list[str]:
    """Those of ``ids`` whose centre no other node is drawn over, so a click there hits them."""
    return probe.js("ids => ids.filter(id => { const n = window.kg.network;"
                    " return n.getNodeAt(n.canvasToDOM(n.getPosition(id))) === id; })", ids)


def test_clicking_a_node_shows_its_evidence(open_page, seed_page):
    path, ds = seed_page
    probe = open_page(path)
    events = sorted(str(r.e) for r in ds.query(PREFIXES + """SELECT DISTINCT ?e WHERE {
        ?e a ?c ; kg:evidence/kg:sentence ?s . ?c rdfs:subClassOf* kg:Event }"""))
    event = uncovered(probe, events)[0]
    click_node(probe, event)
    details = probe.js("document.getElementById('kg-details').innerText")
    sentences = [str(r.s) for r in ds.query(PREFIXES + "SELECT ?s WHERE { ?e kg:evidence/kg:sentence ?s }",
                                             initBindings={"e": URIRef(event)})]
    assert sentences and all(s in details for s in sentences)
    assert "Evidence" in details
    assert probe.js("window.kg.network.getSelectedNodes()") == [event]


def test_hovering_a_node_shows_a_tooltip(open_page, seed_page):
    path, ds = seed_page
    probe = open_page(path)
    ranked = probe.js("() => window.kg.nodes.get().filter(n => n.kg.family !== 'event')"
                      ".sort((a, b) => b.value - a.value).map(n => n.id)")
    node = uncovered(probe, ranked)[0]
    pos = probe.js("""id => { const n = window.kg.network, d = n.canvasToDOM(n.getPosition(id));
        const b = document.getElementById('kg-network').getBoundingClientRect();
        return [b.left + d.x, b.top + d.y]; }""", node)
    probe.page.mouse.move(pos[0] - 3, pos[1] - 3)
    probe.page.mouse.move(*pos)
    probe.page.wait_for_selector("#kg-tooltip:not([hidden])", timeout=5000)
    text = probe.js("document.getElementById('kg-tooltip').innerText")
    labels = [str(o) for o in ds.objects(URIRef(node), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))]
    assert any(label in text for label in labels), (labels, text)
    assert "Evidence" in text


def test_class_filter_hides_that_class_only(open_page, seed_page):
    path, ds = seed_page
    probe = open_page(path)
    # The most common event class, so the test follows whatever the extractors find.
    rows = ds.query(PREFIXES + """SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e a ?c . ?c rdfs:subClassOf+ kg:Event } GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT 1""")
    cls = str(next(iter(rows)).c)
    members = {str(r.e) for r in ds.query(PREFIXES + "SELECT ?e WHERE { ?e a ?c }",
                                          initBindings={"c": URIRef(cls)})}
    total = probe.js("window.kg.nodes.length")
    probe.page.uncheck(f"input[data-cls={cls.rsplit('#', 1)[1]}]")
    visible = set(probe.js("window.kg.visibleNodeIds()"))
    assert not visible & members and len(visible) == total - len(members)
    hidden = "ids => ids.every(id => window.kg.network.body.nodes[id].options.hidden)"
    assert probe.js(hidden, sorted(members))
    probe.page.click("#kg-reset")
    assert len(probe.js("window.kg.visibleNodeIds()")) == total


def test_date_filter_hides_events_outside_the_range(open_page, seed_page):
    path, ds = seed_page
    probe = open_page(path)
    dates = event_dates(ds)
    days = sorted(d for ds_ in dates.values() for d in ds_)
    assert days, "the seeds have no dated event"
    day = max(set(days), key=lambda d: (days.count(d), d))
    for box in ("#kg-date-from", "#kg-date-to"):
        probe.page.fill(box, day)
        probe.page.dispatch_event(box, "change")
    visible = set(probe.js("window.kg.visibleNodeIds()"))
    for event, event_days in dates.items():
        assert (event in visible) == (not event_days or day in event_days), (event, event_days)
    probe.page.uncheck("#kg-undated")
    visible = set(probe.js("window.kg.visibleNodeIds()"))
    assert {e for e, event_days in dates.items() if not event_days}.isdisjoint(visible)


def test_search_box_focuses_a_node(open_page, seed_page):
    path, ds = seed_page
    probe = open_page(path)
    # An entity with a single, unique label: typing it in lower case must find exactly it.
    rows = ds.query(PREFIXES + """SELECT ?e (SAMPLE(?l) AS ?label) WHERE { ?e a ?c ; rdfs:label ?l .
        ?c rdfs:subClassOf* kg:Actor } GROUP BY ?e HAVING (COUNT(DISTINCT ?l) = 1) ORDER BY ?e""")
    counts: dict[str, int] = {}
    pairs = [(str(r.e), str(r.label)) for r in rows]
    for _, label in pairs:
        counts[label.casefold()] = counts.get(label.casefold(), 0) + 1
    node, label = next((e, lbl) for e, lbl in pairs if counts[lbl.casefold()] == 1)
    probe.page.fill("#kg-search", label.lower())
    probe.page.press("#kg-search", "Enter")
    assert probe.js("window.kg.network.getSelectedNodes()") == [node]
    assert probe.js("document.querySelector('#kg-details h3').textContent") == label
    probe.page.fill("#kg-search", "no such name")
    probe.page.press("#kg-search", "Enter")
    assert "Nothing is called" in probe.js("document.getElementById('kg-search-status').textContent")


def test_hostile_article_runs_nothing(open_page, hostile_page):
    probe = open_page(hostile_page)
    ids = probe.js("window.kg.nodes.getIds()")
    for node_id in ids:   # every tooltip and every details panel, markup and all
        probe.js("id => { window.kg.showDetails(id); }", node_id)
        probe.js("""id => { const n = window.kg.network, d = n.canvasToDOM(n.getPosition(id));
                    n.body.emitter.emit('hoverNode', {node: id, pointer: {DOM: d}}); }""", node_id)
    as_json = [str(probe.js("id => JSON.stringify(window.kg.nodes.get(id))", i)) for i in ids]
    kishida = next(i for i, text in zip(ids, as_json, strict=True) if "quote" in text and "onerror" in text)
    probe.js("id => window.kg.showDetails(id)", kishida)
    shown = probe.js("document.getElementById('kg-details').textContent")
    assert "<img src=x onerror=alert(1)>" in shown             # shown as text...
    assert "</script><script>alert(4)</script>" in shown       # ...headline included
    assert probe.dialogs == []                                  # ...and never run
    injected = "document.querySelectorAll('img, iframe, svg script, [onerror], [onload], [onmouseover], b')"
    assert probe.js(injected + ".length") == 0
    assert probe.js("document.scripts.length") == 3
    assert probe.errors == []


def test_screenshot_writes_a_png(chromium, seed_page, tmp_path: Path):
    path, _ = seed_page
    png = tmp_path / "shot" / "graph.png"
    # In a subprocess, as `make run` calls it (and playwright's sync API allows one per thread).
    proc = subprocess.run([sys.executable, "-m", "kg.viz.screenshot", str(path), str(png)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
