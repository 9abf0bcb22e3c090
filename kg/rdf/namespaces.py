"""The project's namespaces and the IRIs of its named graphs."""
from __future__ import annotations

from rdflib import Namespace, URIRef

BASE = "https://w3id.org/kgnews/"
KG = Namespace(BASE + "ontology#")        # classes and properties
ID = Namespace(BASE + "id/")              # entities, events, roles, mentions, articles
GRAPH = Namespace(BASE + "graph/")        # named graphs

ONTOLOGY_GRAPH = URIRef(GRAPH + "ontology")   # the ontology itself, so stores answer rdfs:subClassOf*
ENTITIES_GRAPH = URIRef(GRAPH + "entities")   # entity descriptions: types, labels, places within places

SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
GEONAMES = Namespace("https://sws.geonames.org/")

# Prefixes bound in every serialisation, in this order.
PREFIXES = {
    "kg": KG, "id": ID, "graph": GRAPH, "schema": SCHEMA, "sem": SEM, "nif": NIF, "gaf": GAF,
}


def article_graph(article_id: str) -> URIRef:
    """The named graph holding what one article states."""
    return URIRef(f"{GRAPH}article/{article_id}")
