"""The contract's eight queries are written for speed: they must answer as their plain form does.

Each shipped file climbs the class hierarchy in fixed steps and looks facts up in sub-SELECTs
(queries/README.md). The plain form below is the obvious one, with rdfs:subClassOf* and
property paths. On every dataset here the two give the same rows, as a multiset, on the embedded
store's engine (Oxigraph) and on rdflib loaded the way the scorer loads a build (the ontology
once more in a graph of its own).
"""
from __future__ import annotations

import collections
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.query import resolve, run
from kg.query.engines import files_store
from kg.rdf.namespaces import KG, ONTOLOGY_GRAPH

ROOT = Path(__file__).resolve().parents[2]
EDGE = Path(__file__).parent / "data" / "edge.trig"
SAMPLE = ROOT / "tests" / "store" / "data" / "sample.trig"
ONTOLOGY = ROOT / "ontology" / "kg.ttl"

PREFIXES = """PREFIX kg:   <https://w3id.org/kgnews/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
PLAIN = {
    "entities": """SELECT DISTINCT ?entity ?label ?type WHERE {
      VALUES ?top { kg:Person kg:Organization kg:Country kg:City kg:Region kg:BodyOfWater }
      ?entity a ?type . ?type rdfs:subClassOf* ?top .
      { ?entity rdfs:label ?label } UNION { ?entity skos:altLabel ?label } }""",
    "roles": """SELECT DISTINCT ?person ?personLabel ?title ?org ?orgLabel WHERE {
      ?role a kg:Role ; kg:holder ?person ; kg:title ?title ; kg:roleIn ?org .
      ?person rdfs:label ?personLabel . ?org rdfs:label ?orgLabel . }""",
    "launches": """SELECT DISTINCT ?launch ?date ?launcherLabel ?missile ?siteLabel ?landingLabel
                                  ?rangeKm ?apogeeKm ?flightMinutes ?reporterLabel WHERE {
      ?launch a/rdfs:subClassOf* kg:MissileLaunch .
      OPTIONAL { ?launch kg:date ?date }
      OPTIONAL { ?launch kg:launcher/rdfs:label ?launcherLabel }
      OPTIONAL { ?launch kg:missile ?missile }
      OPTIONAL { ?launch kg:launchSite/rdfs:label ?siteLabel }
      OPTIONAL { ?launch kg:landingArea/rdfs:label ?landingLabel }
      OPTIONAL { ?launch kg:rangeKm ?rangeKm }
      OPTIONAL { ?launch kg:apogeeKm ?apogeeKm }
      OPTIONAL { ?launch kg:flightMinutes ?flightMinutes }
      OPTIONAL { ?launch kg:reportedBy/rdfs:label ?reporterLabel } }""",
    "meetings": """SELECT DISTINCT ?meeting ?type ?date ?placeLabel ?participantLabel ?partOf WHERE {
      ?meeting a ?type . ?type rdfs:subClassOf* kg:Meeting .
      OPTIONAL { ?meeting kg:date ?date }
      OPTIONAL { ?meeting kg:place/rdfs:label ?placeLabel }
      OPTIONAL { ?meeting kg:participant/rdfs:label ?participantLabel }
      OPTIONAL { ?meeting kg:partOf ?partOf } }""",
    "statements": """SELECT DISTINCT ?statement ?speakerLabel ?quote ?date WHERE {
      ?statement a/rdfs:subClassOf* kg:Statement ; kg:quote ?quote .
      OPTIONAL { ?statement kg:speaker/(rdfs:label|skos:altLabel) ?speakerLabel }
      OPTIONAL { ?statement kg:date ?date } }""",
    "places": """SELECT DISTINCT ?place ?label ?type ?within ?withinLabel WHERE {
      ?place a ?type . ?type rdfs:subClassOf* kg:Place . ?place rdfs:label ?label .
      OPTIONAL { ?place kg:within ?within . ?within rdfs:label ?withinLabel } }""",
    "events": """SELECT DISTINCT ?event ?type ?date WHERE {
      ?event a ?type . ?type rdfs:subClassOf* kg:Event .
      OPTIONAL { ?event kg:date ?date } }""",
    "evidence": """SELECT DISTINCT ?subject ?article ?sentence ?begin ?end WHERE {
      ?subject kg:evidence ?mention .
      ?mention kg:article ?article ; kg:sentence ?sentence .
      OPTIONAL { ?mention kg:beginIndex ?begin ; kg:endIndex ?end } }""",
}


def _with_ontology(path: Path, tmp: Path) -> Path:
    """``path``'s quads plus the ontology in its own named graph, as `kg build` writes it."""
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
    onto = ox.NamedNode(str(ONTOLOGY_GRAPH))
    quads += [ox.Quad(t.subject, t.predicate, t.object, onto)
              for t in ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE)]
    out = tmp / f"{path.stem}-with-ontology.trig"
    out.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))  # type: ignore[arg-type]
    return out


@pytest.fixture(scope="module", params=["sample", "edge", "build"])
def graph(request, tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("contract-queries")
    if request.param == "build":
        return Path(request.getfixturevalue("built_seeds"))   # the ontology graph is in the build
    return _with_ontology(SAMPLE if request.param == "sample" else EDGE, tmp)


def _rdflib_rows(path: Path, query: str) -> tuple[list[str], collections.Counter]:
    # As ../shared/eval/score.py loads a build: union default graph, ontology/*.ttl once more.
    ds = rdflib.Dataset(default_union=True)
    ds.parse(path, format="trig")
    onto = ds.graph(rdflib.URIRef("urn:x-score:ontology"))
    for f in sorted((ROOT / "ontology").glob("*.ttl")):
        onto.parse(f, format="turtle")
    answer = ds.query(query)
    names = [str(v) for v in answer.vars]
    return names, collections.Counter(tuple(row) for row in answer)


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_shipped_query_answers_as_its_plain_form(graph: Path, name: str) -> None:
    shipped, plain = resolve(name).text, PREFIXES + PLAIN[name]
    store = files_store([graph])
    fast, slow = run(shipped, store=store), run(plain, store=store)
    assert fast.vars == slow.vars
    assert collections.Counter(fast.rows) == collections.Counter(slow.rows)
    assert _rdflib_rows(graph, shipped) == _rdflib_rows(graph, plain)


def test_the_corner_cases_are_there(tmp_path: Path) -> None:
    """The edge dataset exercises what the rewrites could get wrong (else the test above proves little)."""
    store = files_store([_with_ontology(EDGE, tmp_path)])
    records = run(resolve("evidence").text, store=store).records()
    evidence = {(r["sentence"], r["begin"], r["end"]) for r in records}
    assert ("S1", None, None) in evidence and ("S3", None, None) in evidence    # one offset only: neither
    launches = run(resolve("launches").text, store=store).records()
    assert {r["launch"].rsplit("/", 1)[1] for r in launches} == {"l1", "l2"}    # one and two levels down
    roles = {r["title"] for r in run(resolve("roles").text, store=store).records()}
    assert roles == {"boss", "chief"}                                            # not the untyped r2


def test_fixed_steps_reach_every_subclass_the_ontology_has() -> None:
    """The queries climb three subClassOf steps: the ontology must not grow deeper than that."""
    onto = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    tops = set()
    for name in PLAIN:
        for values in re.findall(r"VALUES \?top \{([^}]*)\}", resolve(name).text):
            tops |= set(values.split())
    assert {"kg:Event", "kg:Meeting", "kg:Person", "kg:Place"} <= tops
    for top in sorted(tops):
        iri = KG[top.removeprefix("kg:")]
        everything = set(onto.transitive_subjects(rdflib.RDFS.subClassOf, iri))
        within_three = {iri}
        for _ in range(3):
            within_three |= {s for o in within_three for s in onto.subjects(rdflib.RDFS.subClassOf, o)}
        assert everything == within_three, f"{top} has subclasses deeper than three steps: add a step"
