"""Which nodes to draw, how big, and where: centrality, neighbourhoods, a seeded layout.

All of it is deterministic: graphs are rebuilt in sorted node order before any algorithm that
walks them, sampling and layout take a fixed seed, and positions are rounded to whole pixels so
the page's bytes do not depend on the last bits of a float.
"""
from __future__ import annotations

import difflib
import math

import networkx as nx

from kg.errors import error

SEED = 20230316          # any fixed number: the same graph must always get the same picture
BETWEENNESS_EXACT_UP_TO = 1500   # above this, betweenness is estimated from a seeded sample


def simple_undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """One undirected edge per linked pair, nodes and edges added in sorted order."""
    u = nx.Graph()
    u.add_nodes_from(sorted(g.nodes))
    u.add_edges_from(sorted({tuple(sorted((a, b))) for a, b in g.edges() if a != b}))
    return u


def centrality(g: nx.MultiDiGraph) -> dict[str, float]:
    """A 0..1 score per node: half degree centrality, half betweenness, each scaled to its max.

    Degree alone ranks a country that launches everything first and misses the broker between
    two clusters; betweenness alone gives every leaf zero. The blend sizes both sensibly.
    """
    u = simple_undirected(g)
    if not len(u):
        return {}
    degree = nx.degree_centrality(u) if len(u) > 1 else {n: 0.0 for n in u}
    k = None if len(u) <= BETWEENNESS_EXACT_UP_TO else BETWEENNESS_EXACT_UP_TO
    between = nx.betweenness_centrality(u, k=k, seed=SEED)
    top_d, top_b = max(degree.values()) or 1.0, max(between.values()) or 1.0
    return {n: round(0.5 * degree[n] / top_d + 0.5 * between[n] / top_b, 6) for n in sorted(u)}


def find_node(g: nx.MultiDiGraph, name: str, where: str) -> str:
    """The node ``name`` means: its IRI, label or alias (any case), else a unique partial match."""
    wanted = name.strip().casefold()
    if name in g:
        return name
    tiers = [
        [n for n, d in g.nodes(data=True) if d["label"].casefold() == wanted],
        [n for n, d in g.nodes(data=True) if wanted in {a.casefold() for a in d["aliases"]}],
        [n for n, d in g.nodes(data=True)
         if any(wanted in t.casefold() for t in [d["label"], *d["aliases"]])],
    ]
    for hits in tiers:
        if len(hits) == 1:
            return hits[0]
        if hits:
            names = sorted(f"{g.nodes[n]['label']} <{n}>" for n in hits)
            more = f", +{len(names) - 5} more" if len(names) > 5 else ""
            raise error("E063", name=name, count=len(hits), path=where, candidates="; ".join(names[:5]) + more)
    labels = sorted({d["label"] for _, d in g.nodes(data=True)})
    close = difflib.get_close_matches(name, labels, n=3)
    hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else \
        "run `kg stats` to see the most central actors"
    raise error("E062", name=name, path=where, hint=hint)


def neighbourhood(g: nx.MultiDiGraph, centre: str, depth: int) -> nx.MultiDiGraph:
    """Everything within ``depth`` links of ``centre``, whatever the links' direction."""
    reach = nx.single_source_shortest_path_length(simple_undirected(g), centre, cutoff=depth)
    return g.subgraph(sorted(reach)).copy()


def most_central(g: nx.MultiDiGraph, scores: dict[str, float], limit: int) -> tuple[nx.MultiDiGraph, int]:
    """The ``limit`` highest-scoring nodes (ties by IRI) and how many were left out."""
    if g.number_of_nodes() <= limit:
        return g, 0
    keep = sorted(g.nodes, key=lambda n: (-scores.get(n, 0.0), n))[:limit]
    return g.subgraph(sorted(keep)).copy(), g.number_of_nodes() - limit


def positions(g: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Seeded force-directed positions in pixels, one connected component at a time.

    Laid out together, an isolated node is flung to the edge and squeezes everything else into
    the middle; so each component gets its own layout and the smaller ones are shelved in rows
    under the largest, biggest first.
    """
    u = simple_undirected(g)
    comps = sorted((sorted(c) for c in nx.connected_components(u)), key=lambda c: (-len(c), c[0]))
    out: dict[str, tuple[int, int]] = {}
    shelf_x = shelf_y = row_h = width = 0.0
    for i, comp in enumerate(comps):
        pos = _component_layout(u.subgraph(comp))
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        w, h = max(xs) - min(xs) + GAP, max(ys) - min(ys) + GAP
        if i == 0:
            dx, dy = -min(xs), -min(ys)
            width, shelf_y = max(w, 6 * GAP), h
        else:
            if shelf_x + w > width and shelf_x > 0:
                shelf_x, shelf_y, row_h = 0.0, shelf_y + row_h, 0.0
            dx, dy = shelf_x - min(xs), shelf_y - min(ys)
            shelf_x, row_h = shelf_x + w, max(row_h, h)
        for n, (x, y) in pos.items():
            out[n] = (round(x + dx), round(y + dy))
    return dict(sorted(out.items()))


GAP = 120   # pixels between components, enough for a label


def _component_layout(u: nx.Graph) -> dict[str, tuple[float, float]]:
    if len(u) == 1:
        return {next(iter(u)): (0.0, 0.0)}
    # method="force" is the dense Fruchterman-Reingold, which needs numpy but not scipy.
    pos = nx.spring_layout(u, seed=SEED, iterations=200, method="force")
    scale = 110 * math.sqrt(len(u))
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in sorted(pos.items())}
