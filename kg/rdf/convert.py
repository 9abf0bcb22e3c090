"""Records to RDF: the only place that knows how facts become triples.

Each article's statements go into its own named graph; entity descriptions into the entities
graph; the ontology into a graph of its own. An event reported by several articles has one
IRI (see :func:`kg.resolve.event_identity`), so the union of the graphs merges it, and each
article's graph holds what that article says about it.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Dataset
from rdflib.namespace import PROV

from kg.rdf.iris import article_iri, entity_iri, event_iri, mention_iri, role_iri
from kg.rdf.namespaces import ENTITIES_GRAPH, GEONAMES, KG, SCHEMA, article_graph
from kg.rdf.ontology import ONTOLOGY_DIR, Quad, load_ontology, new_dataset
from kg.rdf.quads import Quads
from kg.rdf.terms import Vocabulary, iri, literal
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

__all__ = ["ONTOLOGY_DIR", "load_ontology", "new_dataset", "to_dataset", "to_quads"]

# Terms as N-Triples strings (see kg.rdf.terms): the build makes hundreds of thousands of
# them, and rdflib's term objects and indexed store cost several times the whole rest of it.
K = Vocabulary(KG)
A = iri(RDF.type)
LABEL, PREF_LABEL, ALT_LABEL = iri(RDFS.label), iri(SKOS.prefLabel), iri(SKOS.altLabel)
DERIVED_FROM = iri(PROV.wasDerivedFrom)
SAME_AS = iri(SCHEMA.sameAs)
_DATE, _DATETIME, _DECIMAL = str(XSD.date), str(XSD.dateTime), str(XSD.decimal)
_ANY_URI, _NON_NEGATIVE = str(XSD.anyURI), str(XSD.nonNegativeInteger)


class _Graph:
    """Appends ``(s, p, o, graph)`` to a shared list: the one method the describers need."""

    def __init__(self, out: list[Quad], name: str) -> None:
        self.out, self.name = out, iri(name)

    def add(self, s: str, p: str, o: str) -> None:
        self.out.append((s, p, o, self.name))


@functools.lru_cache(maxsize=1 << 16)
def _entity(key: str) -> str:
    return iri(entity_iri(key))  # an entity is named in many triples: build its IRI once


def date_literal(value: str) -> str:
    return literal(value, _DATETIME if "T" in value else _DATE)


def number(value: float) -> str:
    """A plain decimal in its canonical Turtle form ("1000.0", "6.5"), so that every output
    format writes, and reads back, the same lexical value."""
    dec = Decimal(str(value)).normalize()
    text = f"{dec:f}"
    return literal(text if "." in text else text + ".0", _DECIMAL)


def _describe_entity(g: _Graph, ent: Entity) -> None:
    node = _entity(ent.key)
    g.add(node, A, K[ent.cls])
    g.add(node, LABEL, literal(ent.name))
    g.add(node, PREF_LABEL, literal(ent.name))
    for alias in sorted(ent.aliases - {ent.name}):
        g.add(node, ALT_LABEL, literal(alias))
    if ent.within:
        g.add(node, K.within, _entity(ent.within))
    if ent.country:
        g.add(node, K.country, _entity(ent.country))
    if ent.geonames_id:
        g.add(node, K.geonamesId, literal(ent.geonames_id))
        g.add(node, SAME_AS, iri(f"{GEONAMES}{ent.geonames_id}/"))
    if ent.iso_code:
        g.add(node, K.isoCode, literal(ent.iso_code))


def _describe_article(g: _Graph, a: Article) -> str:
    node = iri(article_iri(a.id))
    g.add(node, A, K.Article)
    if a.title:
        g.add(node, K.headline, literal(a.title))
    if a.published:
        g.add(node, K.published, literal(a.published.isoformat(), _DATE))
    if a.source:
        g.add(node, K.source, literal(a.source))
    if a.url:
        g.add(node, K.url, literal(a.url, _ANY_URI))
    g.add(node, K.contentHash, literal(a.content_hash))
    g.add(node, K.fileName, literal(a.name))
    return node


def _evidence(g: _Graph, subject: str, evidence: Iterable[Evidence]) -> None:
    for ev in evidence:
        m = iri(mention_iri(ev.article, ev.start, ev.end))
        article = iri(article_iri(ev.article))
        g.add(subject, K.evidence, m)
        g.add(subject, DERIVED_FROM, article)
        g.add(m, A, K.Mention)
        g.add(m, K.article, article)
        g.add(m, K.sentence, literal(ev.sentence))
        g.add(m, K.beginIndex, literal(ev.start, _NON_NEGATIVE))
        g.add(m, K.endIndex, literal(ev.end, _NON_NEGATIVE))


def _add(g: _Graph, s: str, p: str, key: str | None) -> None:
    if key:
        g.add(s, p, _entity(key))


def _describe_event(g: _Graph, node: str, rec, identities: dict[int, tuple]) -> None:
    g.add(node, A, K[rec.TYPE])
    if rec.date:
        g.add(node, K.date, date_literal(rec.date))
    if isinstance(rec, MissileLaunch):
        _add(g, node, K.launcher, rec.launcher)
        for missile in rec.missiles:
            g.add(node, K.missile, literal(missile))
        if rec.count:
            g.add(node, K.missileCount, literal(rec.count))
        _add(g, node, K.launchSite, rec.site)
        for place in rec.landing:
            _add(g, node, K.landingArea, place)
        for prop, value in ((K.rangeKm, rec.range_km), (K.apogeeKm, rec.apogee_km),
                            (K.flightMinutes, rec.flight_minutes)):
            if value is not None:
                g.add(node, prop, number(value))
        for reporter in rec.reporters:
            _add(g, node, K.reportedBy, reporter)
    elif isinstance(rec, Statement):
        _add(g, node, K.speaker, rec.speaker)
        g.add(node, K.quote, literal(rec.quote))
        g.add(node, K.directQuote, literal(rec.direct))
    elif isinstance(rec, Meeting | MilitaryExercise | OtherEvent):
        for actor in rec.participants:
            _add(g, node, K.participant, actor)
        _add(g, node, K.place, rec.place)
        if rec.name:
            g.add(node, LABEL, literal(rec.name))
        if isinstance(rec, Meeting):
            if rec.planned:
                g.add(node, K.planned, literal(True))
            if rec.part_of is not None and id(rec.part_of) in identities:
                g.add(node, K.partOf, iri(event_iri(*identities[id(rec.part_of)])))
        if isinstance(rec, OtherEvent):
            _add(g, node, K.target, rec.target)
    _evidence(g, node, rec.evidence)


def to_quads(corpus: Corpus, *, with_ontology: bool = True) -> Quads:
    """The whole corpus as quads in named graphs, sorted (see :class:`kg.rdf.quads.Quads`)."""
    out: list[Quad] = []
    ents = _Graph(out, ENTITIES_GRAPH)
    for ent in corpus.entities.values():
        _describe_entity(ents, ent)
    for facts in corpus.facts:
        a = facts.article
        g = _Graph(out, article_graph(a.id))
        a_node = _describe_article(g, a)
        for key in sorted({m.entity for m in facts.mentions}):
            g.add(_entity(key), K.mentionedIn, a_node)
        for role in facts.roles:
            r = iri(role_iri(role.person, role.title, role.org))
            g.add(r, A, K.Role)
            g.add(r, K.holder, _entity(role.person))
            g.add(_entity(role.person), K.holdsRole, r)
            g.add(r, K.title, literal(role.title))
            g.add(r, K.roleIn, _entity(role.org))
            if role.org in corpus.entities:
                g.add(r, LABEL, literal(f"{role.title} of {corpus.entities[role.org].name}"))
            _evidence(g, r, [role.evidence])
        for rec in facts.events:
            _describe_event(g, iri(event_iri(*corpus.identity[id(rec)])), rec, corpus.identity)
    return Quads.build(out, with_ontology=with_ontology)


def to_dataset(corpus: Corpus, *, with_ontology: bool = True) -> Dataset:
    """The whole corpus as an rdflib dataset of named graphs (for the API; the build uses
    :func:`to_quads`)."""
    return to_quads(corpus, with_ontology=with_ontology).to_dataset()
