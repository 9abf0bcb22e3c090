"""The three places a query runs: the embedded Oxigraph store, RDF files, a SPARQL endpoint.

Every engine sees the *union* of the dataset's graphs as its default graph, so queries
without ``GRAPH`` see the ontology, the entities and every article at once, on any store.
"""
from __future__ import annotations

import ast
import contextlib
import os
import re
import urllib.error
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.errors import error
from kg.query.prefixes import declare_missing, known_prefixes
from kg.query.result import (
    Result,
    from_json,
    from_oxigraph,
    from_rdflib,
    select_from_oxigraph,
    triples_from,
)
from kg.store.files import rdf_format

# Virtuoso's default ResultSetMaxRows; a result of exactly this size was probably cut short.
SERVER_ROW_CAPS = (10000,)


# ---------------------------------------------------------------- syntax errors

def located(query: str, message: str, line: int | None, col: int | None) -> str:
    """``line 3, column 2 in `?s ?p`: expected OPTIONAL``: where the error is, and the line's text."""
    if line is None:
        return message
    lines = query.splitlines()
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    near = f" in `{text[:80]}`" if text else ""
    return f"line {line}, column {col}{near}: {message}"


def _oxigraph_located(exc: SyntaxError, query: str) -> str:
    m = re.match(r"error at (\d+):(\d+): (.*)", str(exc), re.S)
    if not m:
        return str(exc)
    message = " ".join(m[3].split())
    if "Prefix not found" in message:
        message = "unknown prefix (declare it with PREFIX)"
    elif len(message) > 120:
        message = message[:119] + "…"
    return located(query, message, int(m[1]), int(m[2]))


# ---------------------------------------------------------------- embedded store

@lru_cache(maxsize=8)
def _open(path: str, _identity: tuple[int, int]) -> ox.Store:
    return ox.Store.read_only(path)


def open_store(path: str | os.PathLike[str]) -> ox.Store:
    """The built store at ``path``, read-only so any number of readers (and `kg serve`) coexist.

    Handles are cached per directory identity: a rebuild swaps in a new directory (new inode),
    so a long-lived caller sees the new store rather than a stale snapshot.
    """
    p = Path(path)
    if not (p / "CURRENT").is_file():
        raise error("E012", path=p)
    st = p.stat()
    try:
        return _open(str(p.resolve()), (st.st_ino, st.st_mtime_ns))
    except OSError as exc:
        raise error("E132", path=p, detail=str(exc).splitlines()[0]) from exc


def run_oxigraph(store: ox.Store, query: str, where: str) -> Result:
    try:
        answer = store.query(query, use_default_graph_as_union=True, prefixes=known_prefixes())
    except SyntaxError as exc:
        raise error("E013", where=where, detail=_oxigraph_located(exc, query)) from None
    if isinstance(answer, ox.QuerySolutions):
        return select_from_oxigraph(answer)
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    return Result("graph", triples=list(triples_from(answer, from_oxigraph)))


# ---------------------------------------------------------------- RDF files

def files_store(graphs: Sequence[str | os.PathLike[str]]) -> ox.Store:
    """An in-memory Oxigraph store holding the files' quads (triples go to the default graph)."""
    store = ox.Store()
    for g in graphs:
        path = Path(g)
        if not path.is_file():
            raise error("E001", path=path)
        try:
            store.bulk_load(path=str(path), format=rdf_format(path))
        except (SyntaxError, ValueError) as exc:
            raise error("E011", path=path, detail=str(exc).splitlines()[0]) from None
    return store


def run_rdflib(graphs: Sequence[str | os.PathLike[str]], query: str, where: str) -> Result:
    """rdflib's own engine: the reference the scorer uses, far slower on joins than Oxigraph."""
    from pyparsing import ParseException
    from rdflib import Dataset

    from kg.store.files import rdflib_format

    ds = Dataset(default_union=True)
    for g in graphs:
        path = Path(g)
        if not path.is_file():
            raise error("E001", path=path)
        try:
            ds.parse(path, format=rdflib_format(path))
        except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many unrelated types
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise error("E011", path=path, detail=detail) from None
    try:
        answer = ds.query(query, initNs=known_prefixes())
    except ParseException as exc:
        raise error("E013", where=where, detail=located(query, exc.msg, exc.lineno, exc.col)) from None
    return rdflib_result(answer)


def rdflib_result(answer) -> Result:  # noqa: ANN001 - rdflib.query.Result
    if answer.type == "ASK":
        return Result("ask", boolean=bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        return Result("graph", triples=list(triples_from(answer.graph, from_rdflib)))
    names = [str(v) for v in answer.vars or []]
    rows = [tuple(from_rdflib(row[i]) for i in range(len(names))) for row in answer]
    return Result("select", names, rows)


# ---------------------------------------------------------------- remote endpoints

def run_endpoint(url: str, query: str, where: str, *, user: str | None = None, password: str | None = None,
                 auth: str | None = None, timeout: float | None = None) -> Result:
    """Any SPARQL 1.1 Protocol endpoint, spoken to with SPARQLWrapper."""
    from SPARQLWrapper import BASIC, DIGEST, JSON, POST, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException, Unauthorized

    sw = SPARQLWrapper(url)
    sw.setQuery(declare_missing(query))
    sw.setMethod(POST)              # long queries and VALUES clauses don't fit a GET URL
    sw.setOnlyConneg(True)          # standard Accept negotiation, no vendor `format=` parameter
    if timeout:
        sw.setTimeout(int(timeout))
    if user is not None:
        sw.setHTTPAuth(DIGEST if auth == "digest" else BASIC)
        sw.setCredentials(user, password or "")
    form = sw.queryType
    sw.setReturnFormat(JSON if form in ("SELECT", "ASK") else TURTLE)
    try:
        response = sw.query()
        body = response.response.read()
    except QueryBadFormed as exc:
        raise error("E013", where=where, detail=_remote_syntax_detail(exc, query)) from None
    except Unauthorized:
        raise error("E134", url=url, status=401) from None
    except SPARQLWrapperException as exc:
        raise error("E014", url=url, detail=_first_lines(str(exc))) from None
    except urllib.error.HTTPError as exc:
        raise error("E014", url=url, detail=f"HTTP {exc.code} {exc.reason}") from None
    except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        raise error("E014", url=url, detail=f"{reason}; is the server running and the URL right?") from None
    if form in ("SELECT", "ASK"):
        import json

        data = json.loads(body)
        if "boolean" in data:
            return Result("ask", boolean=bool(data["boolean"]))
        names = list(data["head"].get("vars", []))
        rows = [tuple(from_json(b.get(v)) for v in names) for b in data["results"]["bindings"]]
        result = Result("select", names, rows)
        if len(rows) in SERVER_ROW_CAPS:
            result.notes.append(f"the endpoint returned exactly {len(rows)} rows, a common server cap "
                                "(Virtuoso's ResultSetMaxRows): the answer may be cut short")
        return result
    triples = ox.parse(body, format=ox.RdfFormat.TURTLE)
    return Result("graph", triples=list(triples_from(triples, from_oxigraph)))


def _first_lines(text: str, n: int = 3) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " / ".join(lines[:n])[:300]


def _remote_syntax_detail(exc: Exception, query: str) -> str:
    """The server's message, plus our own line:column when Oxigraph's parser finds the error too."""
    try:
        ox.Store().query(query, prefixes=known_prefixes())
    except SyntaxError as local:
        return _oxigraph_located(local, query)
    except Exception:  # noqa: BLE001,S110 - only a hint; the server's message is what matters
        pass
    said = str(exc).split("Response:", 1)[-1].strip()
    if said.startswith(("b'", 'b"')):
        with contextlib.suppress(ValueError, SyntaxError):
            said = ast.literal_eval(said).decode("utf-8", "replace")
    return f"the server says: {_first_lines(said)}"
