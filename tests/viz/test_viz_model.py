"""kg.viz.model and kg.viz.ontology: RDF in, the graph the page draws out."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, Dataset, Literal, URIRef

from kg.errors import KGError
from kg.rdf.namespaces import KG
from kg.viz.model import build_graph, fmt_value, load_dataset
from kg.viz.ontology import load_ontology

SAMPLE = Path(__file__).parent / "data" / "sample.trig"

ID = "https://w3id.org/kgnews/id/"
LAUNCH = ID + "launch-bbc-1"


def edges_from(g, node: str) -> set[tuple[str, str]]:
    return {(d["label"], g.nodes[dst]["label"]) for _, dst, d in g.out_edges(node, data=True)}


def test_nodes_are_the_entities_and_events_only(sample_graph):
    classes = {d["cls_name"] for _, d in sample_graph.nodes(data=True)}
    assert not classes & {"Article", "Mention", "Role"}
    assert sample_graph.number_of_nodes() == 17 + 9   # the fixture's entities + events
    assert sample_graph.graph["articles"] == 2


def test_a_launch_is_one_node_linked_to_its_arguments_with_ontology_labels(sample_graph):
    # The sample has no ontology graph: the labels come from ontology/kg.ttl.
    assert edges_from(sample_graph, LAUNCH) == {
        ("launcher", "North Korea"), ("launch site", "Pyongyang"), ("landing area", "Sea of Japan"),
        ("reported by", "Joint Chiefs of Staff"), ("reported by", "Ministry of Defense")}


def test_a_launch_carries_its_numbers_dates_and_evidence(sample_graph):
    node = sample_graph.nodes[LAUNCH]
    assert node["cls_label"] == "Missile launch" and node["family"] == "event"
    assert node["dates"] == ["2023-03-16T07:10:00+09:00"]
    assert ("range (km)", "1000") in node["facts"] and ("flight time (minutes)", "70") in node["facts"]
    assert node["label"] == "Missile launch 2023-03-16"
    first = node["evidence"][0]
    assert first["sentence"].startswith("North Korea fired an intercontinental ballistic missile")
    assert first["article"] == "North Korea fires ICBM hours before Japan-South Korea summit"
    assert first["source"] == "BBC News" and first["published"] == "2023-03-16"
    # Evidence reads in article order.
    assert [e["begin"] for e in node["evidence"]] == sorted(e["begin"] for e in node["evidence"])


def test_actors_show_the_evidence_of_the_events_they_take_part_in(sample_graph):
    jcs = sample_graph.nodes[ID + "org-kr-jcs"]
    sentences = [e["sentence"] for e in jcs["evidence"]]
    assert any("Joint Chiefs of Staff said" in s for s in sentences)
    assert len(sentences) == len(set(sentences))


def test_roles_become_labelled_edges_and_facts(sample_graph):
    yoon = ID + "person-yoon-suk-yeol"
    assert ("president", "South Korea") in edges_from(sample_graph, yoon)
    assert ("role", "president of South Korea") in sample_graph.nodes[yoon]["facts"]


def test_labels_aliases_and_classes(sample_graph):
    yoon = sample_graph.nodes[ID + "person-yoon-suk-yeol"]
    assert yoon["label"] == "Yoon Suk Yeol" and yoon["aliases"] == ["Mr Yoon", "Yoon"]
    assert sample_graph.nodes[ID + "statement-bbc-1"]["label"] == "“reckless provocations”"
    assert sample_graph.nodes[ID + "summit-dw-1"]["cls_name"] == "Summit"   # not its superclass Meeting
    kp = sample_graph.nodes[ID + "country-kp"]
    assert kp["family"] == "place" and kp["actor"] is True  # a country is both
    assert sample_graph.nodes[ID + "city-tokyo"]["actor"] is False


def test_the_datasets_own_ontology_labels_win_over_the_shipped_file():
    ds = load_dataset(SAMPLE)
    onto_graph = ds.graph(URIRef("https://w3id.org/kgnews/graph/ontology"))
    onto_graph.add((KG.launchSite, RDFS.label, Literal("fired from", lang="en")))
    onto_graph.add((KG.launchSite, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    URIRef("http://www.w3.org/2002/07/owl#ObjectProperty")))
    assert load_ontology(ds).label(KG.launchSite) == "fired from"
    assert ("fired from", "Pyongyang") in edges_from(build_graph(ds), LAUNCH)


@pytest.mark.parametrize(("value", "shown"), [(Literal(70.0), "70"), (Literal(1.5), "1.5"),
                                              (Literal(True), "yes"), (Literal("ICBM"), "ICBM")])
def test_fmt_value(value, shown):
    assert fmt_value(value) == shown


@pytest.mark.parametrize(("name", "text", "code"), [
    ("missing.trig", None, "E060"),
    ("graph.csv", "a,b\n", "E061"),
    ("broken.trig", "<a> <b> .", "E011"),
])
def test_unreadable_graph_files_are_user_errors(tmp_path: Path, name, text, code):
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(KGError) as info:
        load_dataset(path)
    assert info.value.code == code and str(path) in str(info.value)


def test_a_graph_without_entities_gives_an_empty_graph(tmp_path: Path):
    path = tmp_path / "empty.ttl"
    path.write_text("@prefix kg: <https://w3id.org/kgnews/ontology#> .\n", encoding="utf-8")
    g = build_graph(load_dataset(path))
    assert g.number_of_nodes() == 0


def test_graph_is_the_same_whatever_order_the_triples_come_in(tmp_path: Path):
    lines = sorted(Dataset().parse(SAMPLE, format="trig").serialize(format="nquads").splitlines())
    path = tmp_path / "reversed.nq"
    path.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    a, b = build_graph(load_dataset(SAMPLE)), build_graph(load_dataset(path))
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data="label")) == sorted(b.edges(keys=True, data="label"))
