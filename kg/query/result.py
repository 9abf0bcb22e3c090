"""One result shape for every engine: the embedded store, rdflib and remote endpoints.

Terms are small named tuples in the shape of SPARQL 1.1 Query Results JSON (``uri``,
``literal``, ``bnode``), so formatting, comparing and serialising them costs no parsing, and
results from three engines compare equal when the engines agree. ``to_rdflib()`` gives an
rdflib term where a caller wants one.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import pyoxigraph as ox
import rdflib

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# Datatypes that SPARQL JSON leaves implicit: a plain string, or a string with a language tag.
_IMPLICIT = {XSD_STRING, RDF_LANGSTRING}


class Term(NamedTuple):
    """An RDF term: ``kind`` is ``"uri"``, ``"literal"`` or ``"bnode"``.

    >>> Term("literal", "6000", "http://www.w3.org/2001/XMLSchema#decimal").n3()
    '"6000"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return self.value

    def n3(self) -> str:
        """The term in N-Triples / SPARQL syntax, escaped."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = '"' + _escape(self.value) + '"'
        if self.lang:
            return f"{text}@{self.lang}"
        if self.datatype:
            return f"{text}^^<{self.datatype}>"
        return text

    def to_json(self) -> dict[str, str]:
        """The term as a SPARQL 1.1 Query Results JSON binding."""
        out = {"type": self.kind, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype:
            out["datatype"] = self.datatype
        return out

    def to_rdflib(self) -> rdflib.term.Identifier:
        if self.kind == "uri":
            return rdflib.URIRef(self.value)
        if self.kind == "bnode":
            return rdflib.BNode(self.value)
        return rdflib.Literal(self.value, lang=self.lang, datatype=self.datatype if not self.lang else None)

    def to_oxigraph(self) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if self.kind == "uri":
            return ox.NamedNode(self.value)
        if self.kind == "bnode":
            return ox.BlankNode(self.value)
        if self.lang:
            return ox.Literal(self.value, language=self.lang)
        return ox.Literal(self.value, datatype=ox.NamedNode(self.datatype) if self.datatype else None)


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


Row = tuple[Term | None, ...]


@dataclass
class Result:
    """What a query returned.

    ``kind`` is ``"select"`` (``vars`` and ``rows``), ``"ask"`` (``boolean``) or ``"graph"``
    for CONSTRUCT and DESCRIBE (``triples``).
    """

    kind: Literal["select", "ask", "graph"]
    vars: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # caveats for the user, printed on stderr

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)

    def records(self) -> list[dict[str, str | None]]:
        """Rows as dicts of plain strings (IRIs and lexical forms), unbound as None."""
        return [{v: (t.value if t is not None else None) for v, t in zip(self.vars, row, strict=True)}
                for row in self.rows]

    def column(self, var: str) -> list[Term | None]:
        i = self.vars.index(var)
        return [row[i] for row in self.rows]

    def to_graph(self) -> rdflib.Graph:
        """CONSTRUCT/DESCRIBE triples as an rdflib graph, with the project's prefixes bound."""
        from kg.rdf.namespaces import PREFIXES

        graph = rdflib.Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        for s, p, o in self.triples:
            graph.add((s.to_rdflib(), p.to_rdflib(), o.to_rdflib()))  # type: ignore[arg-type]
        return graph


# ---------------------------------------------------------------- from each engine's terms

def from_oxigraph(term: Any) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        return Term("literal", term.value, None if dt in _IMPLICIT else dt, term.language)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    raise TypeError(f"unsupported term {term!r} (RDF-star triples are not used by kg)")


def from_rdflib(term: Any) -> Term | None:
    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return Term("uri", str(term))
    if isinstance(term, rdflib.Literal):
        dt = str(term.datatype) if term.datatype is not None else None
        return Term("literal", str(term), None if dt in _IMPLICIT else dt, term.language)
    if isinstance(term, rdflib.BNode):
        return Term("bnode", str(term))
    raise TypeError(f"unsupported term {term!r}")


def from_json(binding: dict[str, str] | None) -> Term | None:
    """A SPARQL JSON binding; Virtuoso still says ``typed-literal`` (the 2008 draft's name)."""
    if binding is None:
        return None
    kind = binding["type"]
    if kind == "uri":
        return Term("uri", binding["value"])
    if kind == "bnode":
        return Term("bnode", binding["value"])
    dt = binding.get("datatype")
    return Term("literal", binding["value"], None if dt in _IMPLICIT else dt,
                binding.get("xml:lang") or binding.get("lang"))


_new = tuple.__new__


def _term_from_oxigraph(term: Any) -> Term | None:
    """:func:`from_oxigraph` without NamedTuple's Python-level ``__new__``: the hot path of big results."""
    cls = type(term)
    if cls is ox.NamedNode:
        return _new(Term, ("uri", term.value, None, None))  # type: ignore[no-any-return]
    if cls is ox.Literal:
        dt = term.datatype.value
        return _new(Term, ("literal", term.value, None if dt in _IMPLICIT else dt,  # type: ignore[no-any-return]
                           term.language))
    return from_oxigraph(term)


def select_from_oxigraph(solutions: ox.QuerySolutions) -> Result:
    """Every row of a SELECT as :class:`Term` tuples.

    Results repeat terms a lot (types, labels, dates, one launcher on many rows), so each
    distinct term is converted once and shared: a dict lookup costs a fraction of reading a
    term's strings out of Oxigraph and building a new tuple. The cyclic garbage collector is
    paused while the rows are built: the rows are acyclic tuples, and with it running, building
    100,000 of them triggers collections that cost as much as the conversion itself.
    """
    names = [v.value for v in solutions.variables]
    cache: dict[Any, Term | None] = {}
    get = cache.get

    def miss(term: Any) -> Term | None:
        converted = cache[term] = None if term is None else _term_from_oxigraph(term)
        return converted

    paused = gc.isenabled()
    gc.disable()
    try:
        # `get(t) or miss(t)`: a Term is a non-empty tuple, so only unbound cells and new terms miss.
        rows = [tuple([get(t) or miss(t) for t in solution]) for solution in solutions]
    finally:
        if paused:
            gc.enable()
    return Result("select", names, rows)


def triples_from(triples: Iterable[Any], conv: Any) -> Iterator[tuple[Term, Term, Term]]:
    for t in triples:
        s, p, o = (t.subject, t.predicate, t.object) if hasattr(t, "subject") else t
        yield conv(s), conv(p), conv(o)
