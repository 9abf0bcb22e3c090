"""The writers work from N-Triples term strings, not rdflib: their Turtle must be rdflib's, byte
for byte (the .ttl and .trig outputs always were rdflib's), and their terms rdflib's terms."""
from __future__ import annotations

import json
import random

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.rdf.namespaces import KG
from kg.rdf.ontology import namespaces, rebound
from kg.rdf.quads import Quads
from kg.rdf.serialize import _dumps, _turtle_text, to_trig, to_turtle
from kg.rdf.terms import literal, nt_term, split_literal, to_rdflib
from kg.rdf.turtle import ShapeError, TurtleWriter

ID = "https://w3id.org/kgnews/id/"
IRIS = [URIRef(x) for x in [
    ID + "person/fumio-kishida", ID + "mention/abc/0-154", ID + "mention/abc/0-1540", ID + "x", ID,
    str(KG), KG + "Meeting", KG + "a.b", KG + "ends.", KG + "with(paren)", KG + "pct%20ok", KG + "pct%zz",
    KG + "_under", KG + "-dash", KG + "9digit", "https://sws.geonames.org/1816670/",
    "https://schema.org/sameAs", str(XSD.date), "http://example.org/über/straße", "http://example.org/a/ü",
    "http://www.w3.org/XML/1998/namespacefoo", "urn:isbn:123", "http://example.org/a#",
    "http://purl.org/dc/terms/created", "http://www.w3.org/2002/07/owl#Class",
]]
PREDICATES = [RDF.type, RDFS.label, KG.date, KG.evidence, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
              URIRef("http://purl.org/dc/terms/created"), URIRef(KG + "x(y)")]
LITERALS = [
    Literal("plain"), Literal('with "quotes"'), Literal("multi\nline"), Literal('ends with quote"\n"'),
    Literal('triple """ quote\nx'), Literal("back\\slash"), Literal("tab\there"), Literal("cr\rhere"),
    Literal("unicode ünï €"), Literal("label", lang="en"), Literal("Label", lang="en-GB"), Literal(5),
    Literal(-3), Literal(True), Literal(False), Literal("1000.0", datatype=XSD.decimal),
    Literal("10", datatype=XSD.decimal), Literal(5, datatype=XSD.nonNegativeInteger),
    Literal(12, datatype=XSD.nonNegativeInteger), Literal("2023-03-16", datatype=XSD.date),
    Literal("2023-03-16T07:10:00+09:00", datatype=XSD.dateTime),
    Literal("2023-03-15T22:10:00+00:00", datatype=XSD.dateTime),
    Literal("http://x.org/a", datatype=XSD.anyURI),
    Literal(1.5), Literal("x", datatype=URIRef("http://example.org/dt#t")), Literal(""),
    Literal("line\u2028sep"), Literal("@prefix fake\nline"), Literal("9", datatype=XSD.integer),
    Literal("10", datatype=XSD.integer), Literal("b"), Literal("B"), Literal("a b"),
]


def _rdflib_turtle(triples, ns) -> str:
    g = Graph()
    for prefix, uri in ns:
        if prefix is not None:
            g.bind(prefix, uri, override=True, replace=True)
    for t in triples:
        g.add(tuple(to_rdflib(term) for term in t))
    return g.serialize(format="turtle")


def _sorted_terms(triples) -> list[tuple[str, str, str]]:
    terms = {tuple(nt_term(x) for x in t) for t in triples}
    return sorted(terms, key=lambda t: f"{t[0]} {t[1]} {t[2]} .\n")


def test_turtle_is_rdflibs_on_awkward_terms():
    rnd, ns = random.Random(7), namespaces(True)
    writer = TurtleWriter(ns)
    for _ in range(150):
        triples = {(rnd.choice(IRIS), rnd.choice(PREDICATES), rnd.choice(IRIS + LITERALS))
                   for _ in range(rnd.randint(1, 25))}
        terms = _sorted_terms(triples)
        assert writer(terms) == _rdflib_turtle(terms, ns)


def test_turtle_follows_rdflibs_prefix_rules():
    """A longer namespace wins, a namespace bound twice keeps one prefix, and a predicate whose
    namespace has none (rdflib would invent ns1) is left to rdflib."""
    ns = rebound([("ab", URIRef("http://example.org/ab")), ("ex", URIRef("http://example.org/")),
                  ("dup", URIRef("http://example.org/")), ("kg", URIRef(str(KG)))])
    iris = [URIRef(x) for x in ["http://example.org/abc", "http://example.org/ab", "http://example.org/x",
                                "http://other.org/p", KG + "k"]]
    preds = [RDF.type, URIRef("http://example.org/abp"), KG.p]
    rnd = random.Random(3)
    for _ in range(60):
        terms = _sorted_terms({(rnd.choice(iris), rnd.choice(preds), rnd.choice(iris + LITERALS[:8]))
                               for _ in range(rnd.randint(1, 12))})
        assert _turtle_text(terms, ns) == _rdflib_turtle(terms, ns)
    unbound = _sorted_terms({(iris[0], URIRef("http://other.org/p"), iris[1])})
    with pytest.raises(ShapeError):
        TurtleWriter(ns)(unbound)
    assert _turtle_text(unbound, ns) == _rdflib_turtle(unbound, ns)


@pytest.mark.parametrize("value, datatype", [
    ("text", None), ('q"uote\\ and\nnew\tline\r', None), ("ünï", None), (5, None), (True, None),
    (False, None), (1, None), (0, XSD.nonNegativeInteger), (1816670, None), (1.5, None),
    ("2023-03-16", XSD.date), ("2023-03-16T07:10:00+09:00", XSD.dateTime), ("1000.0", XSD.decimal),
    ("https://example.org/a?b=c", XSD.anyURI),
])
def test_literals_are_rdflibs(value, datatype):
    term = literal(value, str(datatype) if datatype else None)
    expected = Literal(value, datatype=datatype)
    assert term == nt_term(expected)
    assert to_rdflib(term) == expected
    lexical, dt, lang = split_literal(term)
    assert (lexical, dt, lang) == (str(expected), str(expected.datatype) if expected.datatype else None, None)


@pytest.fixture(scope="module")
def seeds_quads():
    from kg.build import build
    from tests.conftest import SEEDS

    data, _, _ = build([SEEDS])
    return data


def test_the_builds_graphs_need_no_rdflib_and_match_it(seeds_quads, monkeypatch):
    by_graph: dict = {}
    for s, p, o, g in seeds_quads.quads:
        by_graph.setdefault(g, []).append((s, p, o))
    writer = TurtleWriter(seeds_quads.namespaces)
    for triples in by_graph.values():
        assert writer(triples) == _rdflib_turtle(triples, seeds_quads.namespaces)

    def no_rdflib(*args, **kwargs):
        raise AssertionError("fell back to rdflib's serialiser")

    monkeypatch.setattr(Graph, "serialize", no_rdflib)
    assert to_trig(seeds_quads) and to_turtle(seeds_quads)


def test_quads_and_rdflib_datasets_convert_both_ways(seeds_quads):
    ds = seeds_quads.to_dataset()
    again = Quads.from_dataset(ds)
    assert again.lines == seeds_quads.lines
    assert isomorphic(Graph().parse(data=seeds_quads.nquads(), format="nquads"),
                      Graph().parse(data=again.nquads(), format="nquads"))


def test_jsonld_text_is_jsons():
    """The hand-rolled indenting matches ``json.dumps(indent=1, ensure_ascii=False)``."""
    rnd = random.Random(5)
    chars = ["a", "é", '"', "\\", "\n", "\t", "\x00", "\x1f", "\u2028", "€", " ", "/", "<"]

    def value(depth: int = 0):
        r = rnd.random()
        if depth > 3 or r < 0.4:
            return "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 6)))
        if r < 0.7:
            return [value(depth + 1) for _ in range(rnd.randint(0, 3))]
        return {str(rnd.random()): value(depth + 1) for _ in range(rnd.randint(0, 3))}

    for _ in range(500):
        v = value()
        assert _dumps(v) == json.dumps(v, indent=1, ensure_ascii=False)
