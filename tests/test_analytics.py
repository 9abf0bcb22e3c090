"""kg.analytics: centrality, communities of actors who share events, busiest days, class counts."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg import analytics
from kg.viz.model import build_graph, load_dataset

SAMPLE = Path(__file__).parent / "viz" / "data" / "sample.trig"
ID = "https://w3id.org/kgnews/id/"


def graph(nodes: dict[str, tuple[str, str, list[str]]], edges: list[tuple[str, str]]) -> nx.MultiDiGraph:
    """A graph shaped like build_graph's: name -> (family, class, dates); edges event -> argument."""
    g = nx.MultiDiGraph()
    for name, (family, cls, dates) in nodes.items():
        g.add_node(name, label=name.title(), cls_name=cls, cls_label=cls, family=family,
                   actor=family == "actor" or cls == "Country", dates=dates)
    for a, b in edges:
        g.add_edge(a, b)
    return g


def person(*dates: str) -> tuple[str, str, list[str]]:
    return ("actor", "Person", list(dates))


def event(cls: str, *dates: str) -> tuple[str, str, list[str]]:
    return ("event", cls, list(dates))


@pytest.fixture(scope="module")
def two_groups() -> nx.MultiDiGraph:
    """Two trios who meet among themselves, and one bridge meeting between b and d."""
    nodes = {p: person() for p in "abcdef"}
    nodes |= {"m1": event("Meeting", "2023-01-01"), "m2": event("Meeting", "2023-01-02"),
              "m3": event("Meeting", "2023-01-02"), "m4": event("Meeting", "2023-01-03"),
              "bridge": event("Meeting", "2023-01-02T10:00:00+09:00")}
    edges = [("m1", "a"), ("m1", "b"), ("m1", "c"), ("m2", "a"), ("m2", "b"), ("m2", "c"),
             ("m3", "d"), ("m3", "e"), ("m3", "f"), ("m4", "d"), ("m4", "e"), ("m4", "f"),
             ("bridge", "b"), ("bridge", "d")]
    return graph(nodes, edges)


@pytest.fixture(scope="module")
def sample() -> nx.MultiDiGraph:
    return build_graph(load_dataset(SAMPLE))


def test_centrality_is_highest_for_the_hub_and_scaled_to_one():
    g = graph({"hub": person(), "x": person(), "y": person(), "z": person()},
              [("hub", "x"), ("hub", "y"), ("hub", "z")])
    scores = analytics.centrality(g)
    assert scores["hub"] == 1.0
    assert scores["x"] == scores["y"] == scores["z"] < 0.5


def test_centrality_ranks_the_broker_above_its_equally_connected_neighbours(two_groups):
    scores = analytics.centrality(two_groups)
    # b and d have the same degree as a and c plus the bridge; betweenness lifts them further.
    assert scores["b"] > scores["a"] and scores["d"] > scores["e"]
    assert max(scores, key=lambda n: (scores[n], n)) in {"b", "d", "bridge"}


def test_centrality_of_an_empty_or_single_node_graph():
    assert analytics.centrality(nx.MultiDiGraph()) == {}
    assert analytics.centrality(graph({"a": person()}, [])) == {"a": 0.0}


def test_co_participation_counts_shared_events(two_groups):
    c = analytics.co_participation(two_groups)
    assert c["a"]["b"]["weight"] == 2      # m1 and m2
    assert c["b"]["d"]["weight"] == 1      # the bridge
    assert not c.has_edge("a", "d")


def test_communities_split_the_two_groups(two_groups):
    groups = analytics.communities(two_groups)
    assert sorted(sorted(g.iris) for g in groups) == [["a", "b", "c"], ["d", "e", "f"]]
    first = groups[0]
    assert first.shared_events == 2            # the bridge has only one member in each group
    assert first.members[0] in {"B", "D"}      # the most active member (three events) leads


def test_communities_leave_out_lone_actors():
    nodes = {"a": person(), "b": person(), "lone": person(), "m": event("Meeting"), "s": event("Statement")}
    g = graph(nodes, [("m", "a"), ("m", "b"), ("s", "lone")])
    assert [c.iris for c in analytics.communities(g)] == [["a", "b"]]
    assert analytics.communities(graph({"a": person()}, [])) == []


def test_busiest_days_count_each_event_once_per_day_and_read_datetimes_as_days(two_groups):
    days = analytics.busiest_days(two_groups)
    assert [(d.date, d.events) for d in days] == [("2023-01-02", 3), ("2023-01-01", 1), ("2023-01-03", 1)]
    assert days[0].by_class == {"Meeting": 3}
    assert len(analytics.busiest_days(two_groups, top=1)) == 1


def test_central_actors_lists_only_actors_most_linked_first(sample):
    rows = analytics.central_actors(sample, top=5)
    assert rows[0].label == "North Korea"      # launcher of every launch in the sample
    assert all(sample.nodes[r.iri]["actor"] for r in rows)
    assert [r.degree for r in rows] == sorted((r.degree for r in rows), reverse=True)
    kp = rows[0]
    assert kp.events == 3 and 0.0 < kp.betweenness <= 1.0


def test_counts_by_class_orders_actors_places_events(sample):
    rows = analytics.counts_by_class(sample)
    families = [r.family for r in rows]
    assert families == sorted(families, key=analytics.FAMILY_ORDER.__getitem__)
    counts = {r.cls: r.count for r in rows}
    assert counts["MissileLaunch"] == 3 and counts["Country"] == 5 and counts["Summit"] == 1
    assert sum(counts.values()) == sample.number_of_nodes()


def test_sample_communities_pair_the_two_leaders(sample):
    groups = [set(c.members) for c in analytics.communities(sample)]
    assert any({"Yoon Suk Yeol", "Fumio Kishida"} <= g for g in groups)


def test_summary_is_json_and_repeatable(sample):
    first = analytics.summary(sample, top=3)
    assert json.loads(json.dumps(first)) == first
    assert first == analytics.summary(build_graph(load_dataset(SAMPLE)), top=3)
    assert first["totals"] == {"entities": 17, "events": 9, "links": sample.number_of_edges(), "articles": 2}
    assert len(first["central_actors"]) == 3
