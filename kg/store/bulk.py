"""Oxigraph's server, loaded the fast way: many graphs per request, into its bulk loader.

One Graph Store request per named graph costs the Oxigraph server a transaction each, and a
dataset has thousands of small graphs (one per article): `kg load` ran at about 40% of
`oxigraph load`'s rate that way. The server offers more on its ``/store`` endpoint (see
oxigraph's cli/src/main.rs): ``POST /store`` with an N-Quads body loads quads into the graphs
they name, and ``?no_transaction`` sends them through the bulk loader that `oxigraph load`
uses. PUT semantics are kept by a ``DROP SILENT GRAPH`` of every graph of a request, through
the server's SPARQL Update endpoint, before its quads are posted.

This is used only when the server says it is Oxigraph (its ``Server`` header) and the URL is its
``…/store`` endpoint, so ``…/update`` is beside it; every other store gets the standard Graph
Store Protocol, one PUT per graph.
"""
from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.store.http import Response

# Triples per bulk request: small enough that parsing and loading overlap (the first request
# leaves as soon as this much is read), big enough that request overheads vanish. Measured on
# bench/query.py's million triples on two shared cores: 20,000 loads in 9 s, 100,000 in 12 s,
# one request per graph in 21 s.
BULK_BATCH = 20_000


@dataclass(frozen=True)
class BulkEndpoint:
    store_url: str        # POST N-Quads here
    update_url: str       # DROP graphs here
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/n-quads"})


def bulk_endpoint(url: str, response: Response) -> BulkEndpoint | None:
    """Oxigraph's bulk endpoints beside the GSP endpoint ``url``, if ``response`` came from Oxigraph."""
    if not response.headers.get("server", "").startswith("Oxigraph/"):
        return None
    parts = urllib.parse.urlsplit(url)
    if parts.query or not parts.path.endswith("/store"):
        return None      # not the server's own /store path (a proxy, a rewritten path): stay standard
    base = parts.path[: -len("/store")]
    store = urllib.parse.urlunsplit(parts._replace(query="no_transaction"))
    update = urllib.parse.urlunsplit(parts._replace(path=base + "/update"))
    return BulkEndpoint(store, update)


def nquads(quads: list[ox.Quad]) -> bytes:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)  # type: ignore[return-value]
