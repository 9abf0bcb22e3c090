"""A graph file in, a page out: the library side of ``kg viz``.

    >>> from kg.viz.render import render_file                          # doctest: +SKIP
    >>> render_file("out/graph.trig", "out/graph.html", focus="Kishida", depth=2)  # doctest: +SKIP

Sizes come from centrality over the *whole* graph, so a node is as big in a neighbourhood view
as in the full one; they are then rescaled to the drawn nodes, so the biggest drawn node is
always full size and a focus view of minor actors is not a field of dots.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.analytics import centrality
from kg.errors import error
from kg.viz.layout import positions
from kg.viz.model import build_graph, load_dataset
from kg.viz.page import PageInfo, render
from kg.viz.select import find_node, most_central, neighbourhood

DEFAULT_MAX_NODES = 1000  # a browser draws this many with labels and stays responsive
DEFAULT_DEPTH = 2         # an entity, its events, and the other parties to those events


@dataclass(frozen=True)
class Rendered:
    """What was drawn, for the CLI's one-line summary."""

    html: str
    drawn: int
    links: int
    total: int
    left_out: int
    focus: str | None = None


def select(g: nx.MultiDiGraph, scores: dict[str, float], *, focus: str | None, depth: int,
           max_nodes: int, where: str) -> tuple[nx.MultiDiGraph, int, str | None]:
    """The subgraph to draw, how many nodes the size limit left out, and the focus node's IRI."""
    if depth < 0:
        raise error("E064", option="--depth", what="0 or more", value=depth)
    if max_nodes < 0:
        raise error("E064", option="--max-nodes", what="0 (no limit) or more", value=max_nodes)
    centre = None
    if focus is not None:
        centre = find_node(g, focus, where)
        g = neighbourhood(g, centre, depth)
    left_out = 0
    if max_nodes and g.number_of_nodes() > max_nodes:
        # The focus node stays whatever its score: it is the one the user asked to see.
        boosted = {**scores, centre: float("inf")} if centre else scores
        g, left_out = most_central(g, boosted, max_nodes)
    return g, left_out, centre


def render_graph(g: nx.MultiDiGraph, *, focus: str | None = None, depth: int = DEFAULT_DEPTH,
                 max_nodes: int = DEFAULT_MAX_NODES, where: str = "the graph") -> Rendered:
    """The page for an entity-and-event graph from :func:`kg.viz.model.build_graph`."""
    scores = centrality(g)
    drawn, left_out, centre = select(g, scores, focus=focus, depth=depth, max_nodes=max_nodes, where=where)
    top = max((scores.get(n, 0.0) for n in drawn), default=0.0) or 1.0
    sizes = {n: round(scores.get(n, 0.0) / top, 6) for n in sorted(drawn)}
    info = PageInfo(total_nodes=g.number_of_nodes(), left_out=left_out,
                    focus=drawn.nodes[centre]["label"] if centre else None, focus_id=centre,
                    depth=depth if centre else None, articles=int(g.graph.get("articles", 0)))
    html = render(drawn, sizes, positions(drawn), info)
    return Rendered(html, drawn.number_of_nodes(), drawn.number_of_edges(), g.number_of_nodes(),
                    left_out, info.focus)


def render_file(graph: str | Path, out: str | Path, **options: object) -> Rendered:
    """Read ``graph``, write its page to ``out`` (parent folders created), return what was drawn."""
    g = build_graph(load_dataset(graph))
    page = render_graph(g, where=str(graph), **options)  # type: ignore[arg-type]
    out = Path(out)
    if out.is_dir():
        raise error("E007", path=out, detail="it is a folder")
    # Written beside and renamed, so a failure never leaves half a page where the last one was.
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        # newline="" keeps "\n" on every platform: the bytes must not depend on where it ran.
        tmp.write_text(page.html, encoding="utf-8", newline="")
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise error("E007", path=out, detail=exc.strerror or exc) from exc
    return page
