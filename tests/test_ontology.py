"""The ontology and shapes: the contract's names, documented terms, alignment, and valid SHACL."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace
from rdflib.namespace import SH

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
KG = Namespace("https://w3id.org/kgnews/ontology#")
CONTRACT_CLASSES = [
    "Person",
    "Organization",
    "Country",
    "City",
    "Region",
    "BodyOfWater",
    "Event",
    "MissileLaunch",
    "Meeting",
    "Summit",
    "Statement",
    "MilitaryExercise",
]
ALIGNED_TO = (
    "https://schema.org/",
    "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/2006/time#",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "http://groundedannotationframework.org/gaf#",
)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")


def terms(g: Graph):
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        yield from g.subjects(RDF.type, kind)


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_class_exists(onto, name):
    assert (KG[name], RDF.type, OWL.Class) in onto


def test_summit_is_a_meeting_and_launch_an_event(onto):
    assert (KG.Summit, RDFS.subClassOf, KG.Meeting) in onto
    assert KG.Event in set(onto.transitive_objects(KG.MissileLaunch, RDFS.subClassOf))


def test_every_term_has_a_label_and_a_comment(onto):
    missing = [
        t for t in terms(onto) if onto.value(t, RDFS.label) is None or onto.value(t, RDFS.comment) is None
    ]
    assert not missing


def test_every_class_is_aligned_where_a_standard_has_the_idea(onto):
    unaligned = []
    for cls in onto.subjects(RDF.type, OWL.Class):
        targets = set(onto.objects(cls, RDFS.subClassOf)) | set(onto.objects(cls, None))
        if not any(
            str(t).startswith(ALIGNED_TO) for t in onto.transitive_objects(cls, RDFS.subClassOf)
        ) and not any(str(t).startswith(ALIGNED_TO) for t in targets):
            unaligned.append(cls)
    assert not unaligned


def test_shapes_are_valid_shacl_over_our_classes(onto):
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")
    targets = set(shapes.objects(None, SH.targetClass))
    assert targets and all((t, RDF.type, OWL.Class) in onto for t in targets)
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, RDFS.label) is not None and shapes.value(shape, RDFS.comment) is not None
