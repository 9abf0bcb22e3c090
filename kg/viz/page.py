"""The HTML page: one self-contained file, no request leaves it, no article text runs in it.

pyvis assembles the vis-network nodes and edges; the page itself is our own template, because
pyvis's links Bootstrap from a CDN even with ``cdn_resources="in_line"`` and renders tooltips
as HTML. vis-network's script (shipped inside pyvis) and ours are inlined, so is the data.

Untrusted text (names, quotes, sentences, headlines) is only ever in the JSON data block, with
``<``, ``>`` and ``&`` escaped so it cannot close the block; the page's script puts it on screen
with ``textContent``. A Content-Security-Policy allows only our two scripts (by hash) and no
network at all, so even a mistake in that chain could neither run code nor fetch anything.
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pyvis.network import Network

from kg.analytics import SEED
from kg.viz import style

TEMPLATE_DIR = Path(__file__).parent / "template"
VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"

OPTIONS: dict[str, Any] = {
    # Positions come from our seeded layout: physics off keeps them exactly where we put them.
    "physics": {"enabled": False},
    "layout": {"randomSeed": SEED, "improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 3600000, "keyboard": False, "multiselect": False},
    "nodes": {
        "borderWidth": 1,
        "font": {"size": 14, "face": "Liberation Sans, Arial, sans-serif", "strokeWidth": 3,
                 "strokeColor": "#ffffff"},
        # Size and label size follow centrality (the node's "value"). vis skips a label smaller
        # than drawThreshold on screen, so the zoomed-out overview names only the big actors
        # and every name appears as one zooms in: readable at any scale.
        "scaling": {"min": style.MIN_SIZE, "max": style.MAX_SIZE,
                    "label": {"enabled": True, "min": 12, "max": 24, "drawThreshold": 6, "maxVisible": 20}},
    },
    "edges": {"smooth": False, "width": 1, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
              "color": {"color": "#b5b5b5", "highlight": "#333333", "hover": "#666666"},
              "font": {"size": 12, "color": "#555555", "align": "middle", "strokeWidth": 3},
              "scaling": {"label": {"drawThreshold": 7}}},
}
CENTRAL_LISTED = 12  # how many of the most central actors and places the side panel lists


@dataclass(frozen=True)
class PageInfo:
    """What the header says about how the drawn graph relates to the whole one."""

    total_nodes: int
    left_out: int = 0
    focus: str | None = None
    focus_id: str | None = None
    depth: int | None = None
    articles: int = 0


def script_json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element: it cannot close it or open a comment.

    >>> script_json({"q": "</script><!--"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _network(g: nx.MultiDiGraph, scores: dict[str, float], pos: dict[str, tuple[int, int]]) -> Network:
    net = Network(directed=True, cdn_resources="in_line")
    for node in sorted(g.nodes):
        d = g.nodes[node]
        look = style.look(d["cls_name"], d["family"])
        x, y = pos.get(node, (0, 0))
        events = sorted(n for n in set(g.predecessors(node)) | set(g.successors(node))
                        if g.nodes[n]["family"] == "event" and n != node)
        # No "title": vis-network would show it in its own popup, as HTML in some versions.
        net.add_node(node, label=d["label"], shape=look.shape, value=scores.get(node, 0.0),
                     x=x, y=y, color={"background": look.color, "border": "#333333",
                                      "highlight": {"background": look.color, "border": "#000000"},
                                      "hover": {"background": look.color, "border": "#000000"}},
                     kg={"iri": d["iri"], "type": d["cls_label"], "cls": d["cls_name"], "family": d["family"],
                         "aliases": d["aliases"], "dates": d["dates"], "facts": [list(f) for f in d["facts"]],
                         "evidence": d["evidence"], "articles": d["articles"], "events": events})
    for i, (src, dst, key, data) in enumerate(sorted(g.edges(keys=True, data=True))):
        net.add_edge(src, dst, id=f"e{i}", label=data["label"], kg={"prop": data["prop"], "key": key})
    return net


def _legend(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    counts: dict[tuple[str, str, str], int] = {}
    for _, d in g.nodes(data=True):
        k = (d["cls_name"], d["cls_label"], d["family"])
        counts[k] = counts.get(k, 0) + 1
    rows = []
    for (cls_name, label, family), count in counts.items():
        look = style.look(cls_name, family)
        rows.append({"cls": cls_name, "label": label, "family": family, "count": count,
                     "color": look.color, "shape": look.shape})
    return sorted(rows, key=lambda r: (style.FAMILY_ORDER.get(r["family"], 9), r["label"]))


def _central(g: nx.MultiDiGraph, scores: dict[str, float]) -> list[str]:
    """The drawn actors and places to list as shortcuts, most central first."""
    pool = [n for n, d in g.nodes(data=True) if d["family"] != "event"]
    return sorted(pool, key=lambda n: (-scores.get(n, 0.0), g.nodes[n]["label"], n))[:CENTRAL_LISTED]


def render(g: nx.MultiDiGraph, scores: dict[str, float], pos: dict[str, tuple[int, int]],
           info: PageInfo) -> str:
    """The page for ``g`` as a string; the same arguments always give the same bytes."""
    net = _network(g, scores, pos)
    nodes, edges, *_ = net.get_network_data()
    dates = sorted(day[:10] for _, d in g.nodes(data=True) for day in d["dates"])
    meta = {"drawn": len(nodes), "links": len(edges), "total": info.total_nodes, "left_out": info.left_out,
            "focus": info.focus, "focus_id": info.focus_id, "depth": info.depth, "articles": info.articles,
            "date_min": dates[0] if dates else "", "date_max": dates[-1] if dates else "",
            "central": _central(g, scores)}
    data = script_json({"nodes": nodes, "edges": edges, "options": OPTIONS, "legend": _legend(g),
                        "meta": meta})
    vis_js = VIS_JS.read_text(encoding="utf-8")
    app_js = (TEMPLATE_DIR / "page.js").read_text(encoding="utf-8")
    css = (TEMPLATE_DIR / "page.css").read_text(encoding="utf-8")
    for name, text in (("vis-network", vis_js), ("page.js", app_js), ("page.css", css)):
        if "</script" in text.lower() or "</style" in text.lower() or "<!--" in text:
            raise ValueError(f"{name} cannot be inlined: it contains a closing tag or comment opener")
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    csp = ("default-src 'none'; script-src " + _csp_hash(vis_js) + " " + _csp_hash(app_js) +
           "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    return env.get_template("page.html").render(csp=csp, vis_js=vis_js, app_js=app_js, css=css, data=data)
