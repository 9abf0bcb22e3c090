"""kg.viz.select and kg.viz.layout: a node by name, neighbourhoods, the size limit, the layout."""
from __future__ import annotations

import math
from itertools import combinations

import networkx as nx
import pytest

from kg.analytics import centrality
from kg.errors import KGError
from kg.viz import layout, select

ID = "https://w3id.org/kgnews/id/"
KISHIDA = ID + "person-fumio-kishida"


@pytest.mark.parametrize("name", ["Fumio Kishida", "fumio kishida", "Prime Minister Fumio Kishida",
                                  "Kishida", "  kishida ", KISHIDA])
def test_find_node_by_label_alias_iri_or_unique_part(sample_graph, name):
    assert select.find_node(sample_graph, name, "sample") == KISHIDA


def test_find_node_prefers_an_exact_label_over_partial_matches(sample_graph):
    # "Japan" is also part of "Sea of Japan".
    assert select.find_node(sample_graph, "japan", "sample") == ID + "country-jp"


def test_find_node_refuses_an_ambiguous_name_and_lists_candidates(sample_graph):
    with pytest.raises(KGError) as info:
        select.find_node(sample_graph, "korea", "sample")
    assert info.value.code == "E063" and "North Korea" in info.value.message


def test_find_node_suggests_a_close_name(sample_graph):
    with pytest.raises(KGError) as info:
        select.find_node(sample_graph, "Kishda", "sample.trig")
    assert info.value.code == "E062"
    assert "'Fumio Kishida'" in info.value.message and "sample.trig" in info.value.message


def test_neighbourhood_follows_links_both_ways_up_to_depth(sample_graph):
    one = select.neighbourhood(sample_graph, KISHIDA, 1)
    labels = {d["label"] for _, d in one.nodes(data=True)}
    # Two meetings point at him; he points at Japan through his role.
    assert labels == {"Fumio Kishida", "Japan", "Meeting 2023-03-16", "Meeting 2023-07-12"}
    two = select.neighbourhood(sample_graph, KISHIDA, 2)
    assert set(one) < set(two) and "Yoon Suk Yeol" in {d["label"] for _, d in two.nodes(data=True)}
    assert list(select.neighbourhood(sample_graph, KISHIDA, 0)) == [KISHIDA]


def test_most_central_keeps_the_top_nodes_and_counts_the_rest(sample_graph):
    scores = centrality(sample_graph)
    kept, left_out = select.most_central(sample_graph, scores, 5)
    assert kept.number_of_nodes() == 5 and left_out == sample_graph.number_of_nodes() - 5
    assert ID + "country-kp" in kept
    assert min(scores[n] for n in kept) >= max(scores[n] for n in sample_graph if n not in kept)
    same, none = select.most_central(sample_graph, scores, 1000)
    assert same is sample_graph and none == 0


def test_positions_are_whole_pixels_for_every_node_and_repeatable(sample_graph):
    pos = layout.positions(sample_graph)
    assert set(pos) == set(sample_graph)
    assert all(isinstance(v, int) for xy in pos.values() for v in xy)
    assert pos == layout.positions(sample_graph.copy())


def test_positions_keep_nodes_apart(sample_graph):
    pos = layout.positions(sample_graph)
    closest = min(math.dist(pos[a], pos[b]) for a, b in combinations(pos, 2))
    assert closest >= layout.MIN_DISTANCE * 0.8   # decluttering leaves room for labels


def test_positions_shelve_small_components_below_the_largest():
    g = nx.MultiDiGraph()
    nx.add_path(g, [f"big{i}" for i in range(12)])
    g.add_edge("pair-a", "pair-b")
    g.add_node("alone")
    pos = layout.positions(g)
    lowest_big = max(pos[f"big{i}"][1] for i in range(12))
    assert pos["alone"][1] > lowest_big and pos["pair-a"][1] > lowest_big
    # A path is laid out wider than tall, to fit a screen.
    xs, ys = [pos[f"big{i}"][0] for i in range(12)], [pos[f"big{i}"][1] for i in range(12)]
    assert max(xs) - min(xs) > max(ys) - min(ys)


def test_positions_of_empty_and_single_node_graphs():
    assert layout.positions(nx.MultiDiGraph()) == {}
    g = nx.MultiDiGraph()
    g.add_node("only")
    assert layout.positions(g) == {"only": (0, 0)}
