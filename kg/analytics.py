"""Network analytics over the entity-and-event graph: who is central, who acts together, and when.

The input is the graph :func:`kg.viz.model.build_graph` makes (nodes are actors, places and
events keyed by IRI, with ``label``, ``cls_name``, ``cls_label``, ``family``, ``actor`` and
``dates``). Events are nodes of their own, so two actors "share" an event when both are linked
to the same event node: that is the co-participation graph communities are found in.

Everything is deterministic: graphs are rebuilt in sorted order before an algorithm walks them,
and the algorithms that sample or shuffle take :data:`SEED`. ``kg stats`` prints
:func:`summary`; ``kg viz`` sizes nodes by :func:`centrality`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

SEED = 20230316  # any fixed number: the same graph must always give the same answers
BETWEENNESS_EXACT_UP_TO = 1000  # above this many nodes, betweenness is estimated...
BETWEENNESS_SAMPLE = 256        # ...from this many seeded source nodes: ranks hold, seconds not minutes
FAMILY_ORDER = {"actor": 0, "place": 1, "event": 2}


@dataclass(frozen=True)
class ClassCount:
    family: str
    cls: str
    label: str
    count: int


@dataclass(frozen=True)
class CentralActor:
    iri: str
    label: str
    type: str
    degree: int          # distinct neighbours: events, places, organisations...
    events: int          # events it takes part in, in any role
    betweenness: float   # 0..1: how often it lies on the shortest path between two others


@dataclass(frozen=True)
class Community:
    members: list[str]   # labels, most active first
    iris: list[str]
    shared_events: int   # events at least two members take part in


@dataclass(frozen=True)
class BusyDay:
    date: str
    events: int
    by_class: dict[str, int] = field(default_factory=dict)


def simple_undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """One undirected edge per linked pair, nodes and edges added in sorted order."""
    u = nx.Graph()
    u.add_nodes_from(sorted(g.nodes))
    u.add_edges_from(sorted({tuple(sorted((a, b))) for a, b in g.edges() if a != b}))
    return u


def betweenness(u: nx.Graph) -> dict[str, float]:
    """Normalised betweenness, exact for ordinary graphs and sampled (seeded) for huge ones."""
    if len(u) < 3:
        return {n: 0.0 for n in u}
    k = None if len(u) <= BETWEENNESS_EXACT_UP_TO else BETWEENNESS_SAMPLE
    return {n: round(v, 6) for n, v in nx.betweenness_centrality(u, k=k, seed=SEED).items()}


def centrality(g: nx.MultiDiGraph) -> dict[str, float]:
    """A 0..1 score per node: half degree, half betweenness, each scaled to its maximum.

    Degree alone ranks the country that launches everything first but misses the broker
    between two clusters; betweenness alone gives every leaf zero. The blend sizes both.

    >>> g = nx.MultiDiGraph([("a", "hub"), ("b", "hub"), ("c", "hub")])
    >>> centrality(g)["hub"], centrality(g)["a"]
    (1.0, 0.166667)
    """
    u = simple_undirected(g)
    if not len(u):
        return {}
    degree = dict(u.degree())
    between = betweenness(u)
    top_d, top_b = max(degree.values()) or 1, max(between.values()) or 1.0
    return {n: round(0.5 * degree[n] / top_d + 0.5 * between[n] / top_b, 6) for n in sorted(u)}


def events_of(g: nx.MultiDiGraph, node: str) -> list[str]:
    """The events ``node`` is linked to, whichever way the link points."""
    near = set(g.predecessors(node)) | set(g.successors(node))
    return sorted(n for n in near if n != node and g.nodes[n]["family"] == "event")


def counts_by_class(g: nx.MultiDiGraph) -> list[ClassCount]:
    """How many nodes of each most specific class, actors then places then events."""
    counts = Counter((d["family"], d["cls_name"], d["cls_label"]) for _, d in g.nodes(data=True))
    rows = [ClassCount(f, c, lbl, n) for (f, c, lbl), n in counts.items()]
    return sorted(rows, key=lambda r: (FAMILY_ORDER.get(r.family, 9), -r.count, r.label))


def central_actors(g: nx.MultiDiGraph, top: int = 10) -> list[CentralActor]:
    """The ``top`` actors (people, organisations, countries) by degree, then betweenness."""
    u = simple_undirected(g)
    between = betweenness(u)
    rows = [CentralActor(n, d["label"], d["cls_label"], u.degree(n), len(events_of(g, n)),
                         between.get(n, 0.0))
            for n, d in g.nodes(data=True) if d.get("actor")]
    rows.sort(key=lambda r: (-r.degree, -r.betweenness, r.label, r.iri))
    return rows[:top]


def co_participation(g: nx.MultiDiGraph) -> nx.Graph:
    """Actors linked when they take part in the same event; ``weight`` counts the shared events."""
    pairs: Counter[tuple[str, str]] = Counter()
    active: set[str] = set()
    for event in sorted(n for n, d in g.nodes(data=True) if d["family"] == "event"):
        actors = sorted(n for n in set(g.predecessors(event)) | set(g.successors(event))
                        if g.nodes[n].get("actor"))
        active.update(actors)
        pairs.update(combinations(actors, 2))
    c = nx.Graph()
    c.add_nodes_from(sorted(active))
    c.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(pairs.items()))
    return c


def communities(g: nx.MultiDiGraph, min_size: int = 2) -> list[Community]:
    """Groups of actors who act together (Louvain on the co-participation graph, seeded).

    Largest first; members within a group by the number of events they take part in.
    """
    c = co_participation(g)
    if not c.number_of_edges():
        return []
    groups = nx.community.louvain_communities(c, weight="weight", seed=SEED)
    out = []
    for group in groups:
        if len(group) < min_size:
            continue
        members = sorted(group, key=lambda n: (-len(events_of(g, n)), g.nodes[n]["label"], n))
        shared = {e for n in group for e in events_of(g, n) if _members_in(g, e, group) >= 2}
        out.append(Community([g.nodes[n]["label"] for n in members], members, len(shared)))
    return sorted(out, key=lambda k: (-len(k.members), -k.shared_events, k.members))


def _members_in(g: nx.MultiDiGraph, event: str, group: set[str]) -> int:
    return len((set(g.predecessors(event)) | set(g.successors(event))) & group)


def busiest_days(g: nx.MultiDiGraph, top: int = 10) -> list[BusyDay]:
    """The days with the most events (an event with several dates counts on each day)."""
    days: dict[str, Counter[str]] = {}
    for _, d in g.nodes(data=True):
        if d["family"] != "event":
            continue
        for day in sorted({date[:10] for date in d["dates"]}):
            days.setdefault(day, Counter())[d["cls_label"]] += 1
    rows = [BusyDay(day, sum(c.values()), dict(sorted(c.items()))) for day, c in days.items()]
    rows.sort(key=lambda r: (-r.events, r.date))
    return rows[:top]


def summary(g: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Everything ``kg stats`` reports, as plain JSON-ready data."""
    families = Counter(d["family"] for _, d in g.nodes(data=True))
    return {
        "totals": {"entities": families["actor"] + families["place"], "events": families["event"],
                   "links": g.number_of_edges(), "articles": g.graph.get("articles", 0)},
        "classes": [asdict(r) for r in counts_by_class(g)],
        "central_actors": [asdict(r) for r in central_actors(g, top)],
        "communities": [asdict(r) for r in communities(g)],
        "busiest_days": [asdict(r) for r in busiest_days(g, top)],
    }
