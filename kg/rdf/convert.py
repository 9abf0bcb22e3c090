"""Records to RDF: the only place that knows how facts become triples.

Each article's statements go into its own named graph; entity descriptions into the entities
graph; the ontology into a graph of its own. An event reported by several articles has one
IRI (see :func:`kg.resolve.event_identity`), so the union of the graphs merges it, and each
article's graph holds what that article says about it.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.rdf.iris import article_iri, entity_iri, event_iri, mention_iri, role_iri
from kg.rdf.namespaces import ENTITIES_GRAPH, GEONAMES, KG, ONTOLOGY_GRAPH, PREFIXES, SCHEMA, article_graph
from kg.records import (
    Article,
    Entity,
    Evidence,
    Meeting,
    MilitaryExercise,
    MissileLaunch,
    OtherEvent,
    Statement,
)
from kg.resolve import Corpus

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent.parent / "ontology"


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


def date_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.dateTime if "T" in value else XSD.date)


def number(value: float) -> Literal:
    """A plain decimal in its canonical Turtle form ("1000.0", "6.5"), so that every output
    format writes, and reads back, the same lexical value."""
    dec = Decimal(str(value)).normalize()
    text = f"{dec:f}"
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _describe_entity(g: Graph, ent: Entity) -> None:
    node = entity_iri(ent.key)
    g.add((node, RDF.type, KG[ent.cls]))
    g.add((node, RDFS.label, Literal(ent.name)))
    g.add((node, SKOS.prefLabel, Literal(ent.name)))
    for alias in sorted(ent.aliases - {ent.name}):
        g.add((node, SKOS.altLabel, Literal(alias)))
    if ent.within:
        g.add((node, KG.within, entity_iri(ent.within)))
    if ent.country:
        g.add((node, KG.country, entity_iri(ent.country)))
    if ent.geonames_id:
        g.add((node, KG.geonamesId, Literal(ent.geonames_id)))
        g.add((node, SCHEMA.sameAs, URIRef(f"{GEONAMES}{ent.geonames_id}/")))
    if ent.iso_code:
        g.add((node, KG.isoCode, Literal(ent.iso_code)))


def _describe_article(g: Graph, a: Article) -> URIRef:
    node = article_iri(a.id)
    g.add((node, RDF.type, KG.Article))
    if a.title:
        g.add((node, KG.headline, Literal(a.title)))
    if a.published:
        g.add((node, KG.published, Literal(a.published.isoformat(), datatype=XSD.date)))
    if a.source:
        g.add((node, KG.source, Literal(a.source)))
    if a.url:
        g.add((node, KG.url, Literal(a.url, datatype=XSD.anyURI)))
    g.add((node, KG.contentHash, Literal(a.content_hash)))
    g.add((node, KG.fileName, Literal(a.name)))
    return node


def _evidence(g: Graph, subject: URIRef, evidence: tuple[Evidence, ...] | list[Evidence]) -> None:
    for ev in evidence:
        m = mention_iri(ev.article, ev.start, ev.end)
        g.add((subject, KG.evidence, m))
        g.add((subject, PROV.wasDerivedFrom, article_iri(ev.article)))
        g.add((m, RDF.type, KG.Mention))
        g.add((m, KG.article, article_iri(ev.article)))
        g.add((m, KG.sentence, Literal(ev.sentence)))
        g.add((m, KG.beginIndex, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
        g.add((m, KG.endIndex, Literal(ev.end, datatype=XSD.nonNegativeInteger)))


def _add(g: Graph, s: URIRef, p: URIRef, key: str | None) -> None:
    if key:
        g.add((s, p, entity_iri(key)))


def _describe_event(g: Graph, node: URIRef, rec, identities: dict[int, tuple]) -> None:
    g.add((node, RDF.type, KG[rec.TYPE]))
    if rec.date:
        g.add((node, KG.date, date_literal(rec.date)))
    if isinstance(rec, MissileLaunch):
        _add(g, node, KG.launcher, rec.launcher)
        for missile in rec.missiles:
            g.add((node, KG.missile, Literal(missile)))
        if rec.count:
            g.add((node, KG.missileCount, Literal(rec.count)))
        _add(g, node, KG.launchSite, rec.site)
        for place in rec.landing:
            _add(g, node, KG.landingArea, place)
        for prop, value in ((KG.rangeKm, rec.range_km), (KG.apogeeKm, rec.apogee_km),
                            (KG.flightMinutes, rec.flight_minutes)):
            if value is not None:
                g.add((node, prop, number(value)))
        for reporter in rec.reporters:
            _add(g, node, KG.reportedBy, reporter)
    elif isinstance(rec, Statement):
        _add(g, node, KG.speaker, rec.speaker)
        g.add((node, KG.quote, Literal(rec.quote)))
        g.add((node, KG.directQuote, Literal(rec.direct)))
    elif isinstance(rec, Meeting | MilitaryExercise | OtherEvent):
        for actor in rec.participants:
            _add(g, node, KG.participant, actor)
        _add(g, node, KG.place, rec.place)
        if rec.name:
            g.add((node, RDFS.label, Literal(rec.name)))
        if isinstance(rec, Meeting):
            if rec.planned:
                g.add((node, KG.planned, Literal(True)))
            if rec.part_of is not None and id(rec.part_of) in identities:
                g.add((node, KG.partOf, event_iri(*identities[id(rec.part_of)])))
        if isinstance(rec, OtherEvent):
            _add(g, node, KG.target, rec.target)
    _evidence(g, node, rec.evidence)


def to_dataset(corpus: Corpus, *, with_ontology: bool = True) -> Dataset:
    """The whole corpus as a dataset of named graphs."""
    ds = new_dataset()
    if with_ontology:
        load_ontology(ds)
    ents = ds.graph(ENTITIES_GRAPH)
    for ent in corpus.entities.values():
        _describe_entity(ents, ent)
    for facts in corpus.facts:
        a = facts.article
        g = ds.graph(article_graph(a.id))
        a_node = _describe_article(g, a)
        for key in sorted({m.entity for m in facts.mentions}):
            g.add((entity_iri(key), KG.mentionedIn, a_node))
        for role in facts.roles:
            r = role_iri(role.person, role.title, role.org)
            g.add((r, RDF.type, KG.Role))
            g.add((r, KG.holder, entity_iri(role.person)))
            g.add((entity_iri(role.person), KG.holdsRole, r))
            g.add((r, KG.title, Literal(role.title)))
            g.add((r, KG.roleIn, entity_iri(role.org)))
            if role.org in corpus.entities:
                g.add((r, RDFS.label, Literal(f"{role.title} of {corpus.entities[role.org].name}")))
            _evidence(g, r, [role.evidence])
        for rec in facts.events:
            _describe_event(g, event_iri(*corpus.identity[id(rec)]), rec, corpus.identity)
    return ds
