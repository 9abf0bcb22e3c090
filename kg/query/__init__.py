"""SPARQL over the knowledge graph: the library behind `kg query`.

>>> from kg.query import run, format_result, resolve_query
>>> text, source = resolve_query("events")              # doctest: +SKIP
>>> print(format_result(run(text, store="out/store"), "csv"))  # doctest: +SKIP

Where a query runs, in order of precedence: ``endpoint`` (any SPARQL 1.1 endpoint), ``graphs``
(RDF files, with Oxigraph in memory or, with ``engine="rdflib"``, rdflib's engine), else the
embedded store `kg build` keeps (default ``out/store``). Parameters are bound with ``binds``,
injected as a VALUES clause (see :mod:`kg.query.binds`).
"""
from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.errors import error
from kg.query.binds import parse_binds, parse_value, with_values
from kg.query.engines import files_store, open_store, run_endpoint, run_oxigraph, run_rdflib
from kg.query.formats import FORMATS, format_result
from kg.query.result import Result, Term
from kg.query.shipped import QUERIES_DIR, QueryText, list_queries, resolve, resolve_query

DEFAULT_STORE = Path("out") / "store"
ENGINES = ("oxigraph", "rdflib")

__all__ = [
    "DEFAULT_STORE", "ENGINES", "FORMATS", "QUERIES_DIR", "QueryText", "Result", "Term", "format_result",
    "list_queries", "parse_binds", "parse_value", "resolve", "resolve_query", "run", "run_named",
]


def run(
    query_text: str,
    *,
    store: str | os.PathLike[str] | ox.Store | None = None,
    graphs: Sequence[str | os.PathLike[str]] = (),
    endpoint: str | None = None,
    binds: Mapping[str, Term | str] | None = None,
    engine: str = "oxigraph",
    user: str | None = None,
    password: str | None = None,
    auth: str | None = None,
    timeout: float | None = None,
    source: str = "query text",
) -> Result:
    """Run one SPARQL query and return its :class:`Result`.

    ``binds`` maps variable names to terms (or plain strings, read as string literals).
    ``source`` names the query in error messages (``queries/launches.rq``).
    """
    text = with_values(query_text, binds or {})
    if endpoint:
        return run_endpoint(endpoint, text, source, user=user, password=password, auth=auth, timeout=timeout)
    if engine not in ENGINES:
        raise error("E009", kind="engine", name=engine, known=", ".join(ENGINES))
    if graphs:
        if engine == "rdflib":
            return run_rdflib(graphs, text, source)
        return run_oxigraph(files_store(graphs), text, source)
    if isinstance(store, ox.Store):
        return run_oxigraph(store, text, source)
    return run_oxigraph(open_store(store if store is not None else DEFAULT_STORE), text, source)


def run_named(query: str, *, binds: Mapping[str, Term | str] | None = None, **where: object) -> Result:
    """Run a shipped query by name (or a .rq path, or text), checking its declared parameters."""
    q = resolve(query)
    missing = [(name, doc) for name, doc in q.params if name not in (binds or {})]
    if missing:
        name, doc = missing[0]
        raise error("E133", query=q.name or q.source, name=name, doc=doc or "a value")
    return run(q.text, binds=binds, source=q.source, **where)  # type: ignore[arg-type]
