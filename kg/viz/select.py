"""Which nodes to draw: the node a name means, its neighbourhood, the most central nodes.

All of it is deterministic: graphs are rebuilt in sorted node order before any algorithm walks
them, and ties are broken by IRI. Where the chosen nodes go is :mod:`kg.viz.layout`'s job.
"""
from __future__ import annotations

import difflib

import networkx as nx

from kg.analytics import simple_undirected
from kg.errors import error


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
            raise error("E063", name=name, count=len(hits), path=where,
                        candidates="; ".join(names[:5]) + more)
    # A misspelt surname should find the full name: match against every name and every word
    # of every name, then suggest the node labels those belong to.
    owners: dict[str, set[str]] = {}
    for _, d in g.nodes(data=True):
        for text in [d["label"], *d["aliases"]]:
            for key in {text.casefold(), *text.casefold().split()}:
                owners.setdefault(key, set()).add(d["label"])
    close = sorted({label for key in difflib.get_close_matches(wanted, sorted(owners), n=3)
                    for label in owners[key]})[:3]
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
