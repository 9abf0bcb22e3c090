"""The ontology graph and the prefixes every serialisation binds, read once per process.

The ontology is the same in every build, so its quads, the prefix table the Turtle writer
needs and the set of event classes are computed from ``ontology/kg.ttl`` once (rdflib
parses it) and reused.
"""
from __future__ import annotations

import functools
from pathlib import Path

from rdflib import RDFS, SKOS, Dataset, Graph, URIRef
from rdflib.namespace import PROV

from kg.rdf.namespaces import KG, ONTOLOGY_GRAPH, PREFIXES
from kg.rdf.terms import iri, nt_term

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent.parent / "ontology"

Quad = tuple[str, str, str, str | None]


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    ds.bind("skos", SKOS)
    ds.bind("prov", PROV)
    return ds


def load_ontology(ds: Dataset) -> None:
    graph = ds.graph(ONTOLOGY_GRAPH)
    graph.parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


@functools.cache
def _loaded(with_ontology: bool) -> Dataset:
    ds = new_dataset()
    if with_ontology:
        load_ontology(ds)  # also binds the prefixes kg.ttl declares (owl, dcterms, time…)
    return ds


@functools.cache
def ontology_quads() -> tuple[Quad, ...]:
    """The ontology graph's quads, as N-Triples term strings."""
    g = iri(ONTOLOGY_GRAPH)
    return tuple((nt_term(s), nt_term(p), nt_term(o), g) for s, p, o in _loaded(True).graph(ONTOLOGY_GRAPH))


Namespaces = tuple[tuple[str | None, str], ...]


@functools.cache
def namespaces(with_ontology: bool = True) -> Namespaces:
    """The prefixes of the dataset the build makes (see :func:`rebound`)."""
    return rebound(_loaded(with_ontology).namespaces())


def rebound(bindings) -> Namespaces:
    """``(prefix, namespace)`` as bound in the graph a Turtle or TriG block is written from:
    a fresh rdflib graph's defaults overridden by the dataset's ``bindings`` in sorted order
    (as the writers always did, so prefixes resolve to the same names). Namespaces that lost
    their prefix on the way come with prefix None: rdflib still matches IRIs against them."""
    g = Graph()
    known = [str(ns) for _, ns in g.namespaces()]
    for prefix, ns in sorted(bindings):
        g.bind(prefix, ns, override=True, replace=True)
        known.append(str(ns))
    # The store's namespace-to-prefix table is what rdflib's writer consults.
    return tuple((g.store.prefix(URIRef(ns)), ns) for ns in dict.fromkeys(known))


@functools.cache
def event_classes() -> frozenset[str]:
    """``kg:Event`` and its subclasses, at any depth (``rdfs:subClassOf*``), as IRI strings."""
    onto = _loaded(True).graph(ONTOLOGY_GRAPH)
    return frozenset(nt_term(c) for c in onto.subjects(RDFS.subClassOf * "*", KG.Event))  # type: ignore[operator]
