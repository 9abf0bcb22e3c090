"""A synthetic dataset of any size, made by replicating a built one: for benchmarks and load tests.

Every article graph of the seed is copied ``R`` times with fresh IRIs for its articles,
events, roles and mentions; dates move by a day per copy and measurements vary a little, so
the copies are not identical. Entities are shared the way real news shares them: each copy
refers to one of ``pools`` variants of every seed entity (variant 0 is the seed's own IRI
and name), so entity queries, co-participation and label searches have realistic fan-out.
The ontology graph is kept once, as the build keeps it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.namespaces import ENTITIES_GRAPH, ID, ONTOLOGY_GRAPH

XSD = "http://www.w3.org/2001/XMLSchema#"
LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
          "http://www.w3.org/2004/02/skos/core#altLabel"}
MEASURES = {XSD + "decimal", XSD + "integer", XSD + "double"}
_ID = str(ID)


class Replicator:
    def __init__(self, seed: Iterable[ox.Quad], pools: int = 200) -> None:
        self.pools = pools
        self.ontology: list[ox.Quad] = []
        self.entities: list[ox.Quad] = []
        self.articles: list[ox.Quad] = []
        for q in seed:
            g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
            (self.ontology if g == str(ONTOLOGY_GRAPH) else
             self.entities if g == str(ENTITIES_GRAPH) else self.articles).append(q)
        self.entity_iris = {q.subject.value for q in self.entities if isinstance(q.subject, ox.NamedNode)}

    def replicas_for(self, target: int) -> int:
        # Entity variants take at most a quarter of the target: the rest is articles.
        self.pools = max(1, min(self.pools, target // 4 // max(1, len(self.entities))))
        fixed = len(self.ontology) + len(self.entities) * self.pools
        return max(1, (target - fixed) // max(1, len(self.articles)))

    def quads(self, target: int) -> Iterator[ox.Quad]:
        replicas = self.replicas_for(target)
        yield from self.ontology
        for pool in range(min(self.pools, replicas)):
            for q in self.entities:
                yield ox.Quad(self._iri(q.subject, 0, pool), q.predicate,
                              self._entity_object(q, pool), q.graph_name)
        for k in range(replicas):
            pool = k % self.pools
            for q in self.articles:
                graph = ox.NamedNode(f"{q.graph_name.value}-r{k}")  # type: ignore[union-attr]
                subject, obj = self._iri(q.subject, k, pool), self._object(q.object, k, pool)
                yield ox.Quad(subject, q.predicate, obj, graph)

    def _iri(self, term, k: int, pool: int):  # noqa: ANN001, ANN202 - any pyoxigraph term
        if not isinstance(term, ox.NamedNode) or not term.value.startswith(_ID):
            return term
        if term.value in self.entity_iris:
            return term if pool == 0 else ox.NamedNode(f"{term.value}-v{pool}")
        return ox.NamedNode(f"{term.value}-r{k}")

    def _entity_object(self, q: ox.Quad, pool: int):  # noqa: ANN202
        o = q.object
        if pool and isinstance(o, ox.Literal) and q.predicate.value in LABELS:
            return ox.Literal(f"{o.value} {pool}", language=o.language) if o.language else \
                ox.Literal(f"{o.value} {pool}")
        return self._iri(o, 0, pool)

    def _object(self, o, k: int, pool: int):  # noqa: ANN001, ANN202
        if not isinstance(o, ox.Literal):
            return self._iri(o, k, pool)
        dtype = o.datatype.value
        if dtype in (XSD + "date", XSD + "dateTime") and k:
            day = dt.date.fromisoformat(o.value[:10]) + dt.timedelta(days=k % 3650)
            return ox.Literal(day.isoformat() + o.value[10:], datatype=o.datatype)
        if dtype in MEASURES and k:
            return ox.Literal(str(Decimal(o.value) + k % 50), datatype=o.datatype)
        return o


def write_synthetic(seed: Iterable[ox.Quad], out: Path, target: int = 1_000_000, pools: int = 200) -> int:
    """Write about ``target`` quads as N-Quads to ``out``; return how many were written."""
    count = 0

    def counted(quads: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
        nonlocal count
        for q in quads:
            count += 1
            yield q

    ox.serialize(counted(Replicator(dict.fromkeys(seed), pools).quads(target)), output=str(out),
                 format=ox.RdfFormat.N_QUADS)
    return count
