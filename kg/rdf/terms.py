"""RDF terms as N-Triples strings: the build's cheap stand-in for rdflib's term objects.

The build writes each term once, in the form the N-Quads output uses (``<iri>``,
``"text"``, ``"5"^^<…#integer>``, ``"label"@en``). Strings hash, compare and sort fast, and
a dataset of them costs a fraction of rdflib's indexed in-memory store. Typed literals go
through rdflib once per distinct value, so their lexical forms (which rdflib normalises) are
exactly the ones rdflib would write; plain strings, the bulk of a graph, are escaped here.
"""
from __future__ import annotations

import functools
import re

from rdflib import Literal, URIRef
from rdflib.term import Node

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t"}
_ESCAPED = re.compile(r"\\(.)", re.S)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def nt_term(term: Node) -> str:
    """An rdflib term in N-Triples syntax (``n3()`` would write multi-line literals in triple quotes)."""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != XSD_STRING:
            return f"{text}<{term.datatype}>".replace('"<', '"^^<')
        return text
    return f"<{term}>"


def iri(value: str) -> str:
    return f"<{value}>"


def literal(value: object, datatype: str | None = None) -> str:
    """``Literal(value, datatype=datatype)`` in N-Triples syntax."""
    if datatype is None and type(value) is str:
        return '"' + value.translate(_ESCAPES) + '"'  # what nt_term(Literal(value)) gives
    return _rdflib_literal(value, datatype)


# typed: True and 1 (or 1 and 1.0) are equal keys but different literals.
@functools.lru_cache(maxsize=65536, typed=True)
def _rdflib_literal(value: object, datatype: str | None) -> str:
    # Dates, numbers, booleans and offsets repeat across a corpus: rdflib sees each only once.
    return nt_term(Literal(value, datatype=URIRef(datatype) if datatype else None))


class Vocabulary:
    """``Vocabulary(KG).launcher`` is ``"<…ontology#launcher>"``: a namespace's terms as strings."""

    def __init__(self, base: str) -> None:
        self._base = str(base)

    def __getattr__(self, name: str) -> str:
        term = f"<{self._base}{name}>"
        setattr(self, name, term)  # computed once, then an ordinary attribute
        return term

    def __getitem__(self, name: str) -> str:
        return f"<{self._base}{name}>"


# --------------------------------------------------------------- reading terms back


def is_literal(term: str) -> bool:
    return term[:1] == '"'


def split_literal(term: str) -> tuple[str, str | None, str | None]:
    """``(lexical form, datatype IRI, language)`` of an N-Triples literal."""
    end = term.rfind('"')
    body, rest = term[1:end], term[end + 1:]
    lexical = _ESCAPED.sub(lambda m: _UNESCAPES[m.group(1)], body) if "\\" in body else body
    if rest.startswith("@"):
        return lexical, None, rest[1:]
    if rest.startswith("^^<"):
        return lexical, rest[3:-1], None
    return lexical, None, None


def to_rdflib(term: str) -> Node:
    """The rdflib term an N-Triples term string stands for."""
    if is_literal(term):
        lexical, datatype, lang = split_literal(term)
        return Literal(lexical, lang=lang, datatype=URIRef(datatype) if datatype else None)
    return URIRef(term[1:-1])
