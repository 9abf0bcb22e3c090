"""What the store tests share besides fixtures: datasets as files plus store, and running back ends."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.query import Result, run
from kg.store.embedded import write_store
from kg.store.http import Auth, Client

OUR_GRAPHS = "https://w3id.org/kgnews/graph/"


@dataclass(frozen=True)
class Dataset:
    """One dataset in the files and the store `kg build` would write."""

    name: str
    trig: Path
    nq: Path
    store: Path
    quads: int
    per_graph: dict[str, int] = field(default_factory=dict)


def make_dataset(name: str, quads: list[ox.Quad], directory: Path) -> Dataset:
    directory.mkdir(parents=True, exist_ok=True)
    trig, nq = directory / "graph.trig", directory / "graph.nq"
    trig.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))  # type: ignore[arg-type]
    nq.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))  # type: ignore[arg-type]
    count = write_store(nq, directory / "store")
    per_graph: dict[str, int] = {}
    for q in set(quads):
        per_graph[q.graph_name.value] = per_graph.get(q.graph_name.value, 0) + 1  # type: ignore[union-attr]
    return Dataset(name, trig, nq, directory / "store", count, per_graph)


@dataclass
class Backend:
    """What a test needs to know about a running store."""

    name: str
    query_url: str
    gsp_url: str
    update_url: str
    auth: Auth | None = None

    @property
    def query_options(self) -> dict[str, object]:
        if self.auth is None:
            return {"endpoint": self.query_url}
        return {"endpoint": self.query_url, "user": self.auth.user, "password": self.auth.password,
                "auth": self.auth.scheme}

    def query(self, text: str, **binds: str) -> Result:
        return run(text, binds=binds, **self.query_options)  # type: ignore[arg-type]

    def graph_counts(self) -> dict[str, int]:
        """Triples per named graph of ours (and kg load's scratch graphs, which should be none)."""
        result = self.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{OUR_GRAPHS}") || STRSTARTS(STR(?g), "urn:x-kg-load:")) }}'
            " GROUP BY ?g")
        return {str(g): int(str(n)) for g, n in result.rows}  # type: ignore[arg-type]

    def count(self) -> int:
        return sum(self.graph_counts().values())

    def clear(self) -> None:
        with Client(self.auth) as client:
            for graph in self.graph_counts():
                body = f"DROP SILENT GRAPH <{graph}>".encode()
                r = client.request("POST", self.update_url, body,
                                   {"Content-Type": "application/sparql-update"})
                assert r.ok, r.text()
        assert self.count() == 0
