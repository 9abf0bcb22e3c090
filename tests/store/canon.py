"""Comparing answers across engines: the same facts, whatever each engine's spelling of them.

Engines may write ``1000`` as ``1000.0``, a dateTime in another time zone, and a
GROUP_CONCAT in another order; none of that is a different answer. Blank node labels are
never comparable. A row is a tuple of canonical terms; a result is the sorted list of its rows.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from kg.query import Result, Term

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}


def canon_term(term: Term | None) -> tuple:
    # GROUP_CONCAT over nothing is "" in SPARQL 1.1 (Virtuoso) and unbound in Oxigraph 0.5.
    if term is None or (term.kind == "literal" and term.value == "" and not term.datatype):
        return ("unbound",)
    if term.kind == "uri":
        return ("uri", term.value)
    if term.kind == "bnode":
        return ("bnode",)
    if term.datatype in NUMERIC:
        try:
            return ("number", Decimal(term.value).normalize())
        except InvalidOperation:
            return ("number", term.value)
    if term.datatype == XSD + "dateTime":
        moment = dt.datetime.fromisoformat(term.value.replace("Z", "+00:00"))
        return ("dateTime", moment.astimezone(dt.UTC) if moment.tzinfo else moment)
    if term.datatype == XSD + "date":
        return ("date", term.value[:10])
    if term.datatype == XSD + "boolean":
        return ("boolean", term.value in ("true", "1"))
    # GROUP_CONCAT order is the engine's choice: compare the parts as a sorted list.
    parts = sorted(re.split(r"; |, ", term.value))
    return ("string", tuple(parts), (term.lang or "").lower())


def canon(result: Result) -> list[tuple]:
    if result.kind == "ask":
        return [("ask", result.boolean)]
    if result.kind == "graph":
        return sorted(tuple(canon_term(t) for t in triple) for triple in result.triples)
    return sorted((tuple(canon_term(t) for t in row) for row in result.rows), key=repr)
