"""kg.viz.page and kg.viz.render: one self-contained, deterministic, injection-proof HTML file."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.viz.model import build_graph, load_dataset
from kg.viz.page import script_json
from kg.viz.render import render_file, render_graph

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
ID = "https://w3id.org/kgnews/id/"
HOSTILE = ['</script><script>alert(1)</script>', '<img src=x onerror=alert(2)>', "<!--", "a & b",
           "line\u2028separator\u2029", '"quoted" \'single\'']


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Tags:
    t = Tags()
    t.feed(html)
    return t


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "the page has no data block"
    return json.loads(match.group(1))


@pytest.mark.parametrize("text", HOSTILE)
def test_script_json_cannot_break_out_and_round_trips(text):
    encoded = script_json({"label": text})
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in encoded
    assert json.loads(encoded) == {"label": text}


def test_page_is_self_contained(sample_graph):
    html = render_graph(sample_graph).html
    tags = parse(html).tags
    names = [t for t, _ in tags]
    assert names.count("script") == 3 and "link" not in names and "iframe" not in names
    for tag, attrs in tags:
        assert "src" not in attrs and "href" not in attrs, f"<{tag}> loads {attrs}"
    assert "cdn" not in html.lower() and "bootstrap" not in html.lower() and "tom-select" not in html


def test_content_security_policy_allows_only_the_inlined_scripts_and_no_network(sample_graph):
    html = render_graph(sample_graph).html
    parsed = parse(html)
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") ==
               "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    code = [s for (t, a), s in zip([x for x in parsed.tags if x[0] == "script"], parsed.scripts, strict=True)
            if a.get("type") != "application/json"]
    assert hashes == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in code}


def test_hostile_text_reaches_the_data_only_as_escaped_json(sample_graph):
    g = sample_graph.copy()
    node = g.nodes[ID + "person-fumio-kishida"]
    node["label"], node["aliases"] = HOSTILE[0], HOSTILE[1:]
    node["evidence"] = [{"article": HOSTILE[0], "source": HOSTILE[1], "published": "", "sentence": HOSTILE[1],
                         "begin": 0}]
    html = render_graph(g).html
    assert "alert(1)</script>" not in html and "<img" not in html
    assert [t for t, _ in parse(html).tags].count("script") == 3
    drawn = {n["id"]: n for n in page_data(html)["nodes"]}[ID + "person-fumio-kishida"]
    assert drawn["label"] == HOSTILE[0] and drawn["kg"]["aliases"] == HOSTILE[1:]
    assert "title" not in drawn   # vis-network would render a string title as HTML


def test_page_data_describes_nodes_edges_and_legend(sample_graph):
    data = page_data(render_graph(sample_graph).html)
    assert len(data["nodes"]) == sample_graph.number_of_nodes()
    assert len(data["edges"]) == sample_graph.number_of_edges()
    launch = {n["id"]: n for n in data["nodes"]}[ID + "launch-bbc-1"]
    assert launch["shape"] == "star" and launch["kg"]["type"] == "Missile launch"
    assert {"launcher", "launch site", "landing area", "reported by"} <= {e["label"] for e in data["edges"]}
    legend = {r["cls"]: r["count"] for r in data["legend"]}
    assert legend["MissileLaunch"] == 3 and legend["Person"] == 3
    assert data["meta"]["date_min"] == "2023-03-13" and data["meta"]["date_max"] == "2023-07-12"
    values = {n["id"]: n["value"] for n in data["nodes"]}
    kinds = {n["id"]: n["kg"]["family"] for n in data["nodes"]}
    central = data["meta"]["central"]
    assert ID + "country-kp" in central and "event" not in {kinds[n] for n in central}
    assert [values[n] for n in central] == sorted((values[n] for n in central), reverse=True)
    assert max(values.values()) == 1.0 and values[ID + "country-kp"] > values[ID + "country-lt"]


def test_max_nodes_keeps_the_most_central_and_says_how_many_are_left_out(sample_graph):
    page = render_graph(sample_graph, max_nodes=5)
    meta = page_data(page.html)["meta"]
    assert page.drawn == 5 and page.left_out == sample_graph.number_of_nodes() - 5
    assert meta["left_out"] == page.left_out and meta["total"] == sample_graph.number_of_nodes()


def test_focus_draws_the_neighbourhood_and_keeps_the_centre_under_the_limit(sample_graph):
    page = render_graph(sample_graph, focus="Kishida", depth=1)
    meta = page_data(page.html)["meta"]
    assert page.drawn == 4 and meta["focus_id"] == ID + "person-fumio-kishida" and meta["depth"] == 1
    tiny = render_graph(sample_graph, focus="Lithuania", depth=3, max_nodes=1)
    assert [n["id"] for n in page_data(tiny.html)["nodes"]] == [ID + "country-lt"]


@pytest.mark.parametrize(("options", "code"), [({"depth": -1, "focus": "Japan"}, "E064"),
                                               ({"max_nodes": -5}, "E064"),
                                               ({"focus": "Atlantis"}, "E062")])
def test_bad_options_are_user_errors(sample_graph, options, code):
    with pytest.raises(KGError) as info:
        render_graph(sample_graph, **options)
    assert info.value.code == code


def test_empty_graph_still_gives_a_page():
    import networkx as nx

    data = page_data(render_graph(nx.MultiDiGraph()).html)
    assert data["nodes"] == [] and data["meta"]["drawn"] == 0


def test_two_renders_give_the_same_bytes(tmp_path: Path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    render_file(SAMPLE, a)
    render_file(SAMPLE, b)
    assert a.read_bytes() == b.read_bytes()


def test_renders_in_separate_processes_give_the_same_bytes(tmp_path: Path):
    # Different hash seeds shuffle every set and dict of strings: nothing may depend on that.
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"page-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg", "viz", str(SAMPLE), "-o", str(out), "-q"],
                       check=True, env=env, capture_output=True, timeout=120)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0] == render_graph(build_graph(load_dataset(SAMPLE))).html.encode("utf-8")


def test_screenshot_without_chromium_says_so_in_one_line_and_succeeds(tmp_path: Path):
    env = {**os.environ, "KG_CHROMIUM": str(tmp_path / "no-chromium")}
    proc = subprocess.run([sys.executable, "-m", "kg.viz.screenshot", "page.html", str(tmp_path / "x.png")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0
    assert len(proc.stdout.strip().splitlines()) == 1 and "Chromium" in proc.stdout
    assert not (tmp_path / "x.png").exists()
