"""Turtle text exactly as rdflib 7's Turtle serialiser writes it, from N-Triples-term triples.

The build's .ttl and .trig outputs were always rdflib's Turtle of a graph, and must stay
byte for byte the same; rdflib needs its term objects and its indexed store for that, which
cost more than the rest of a build after parsing. This module writes the same text from the
sorted term strings of :mod:`kg.rdf.quads` by following the serialiser's rules:

- prefixes: only those some term uses, found as rdflib finds them (split the IRI after its
  last character that cannot be in a local name, take the longest known namespace that
  extends that split, and use its prefix if it has one), in sorted order;
- subjects by how often they are the object of a triple in the graph, then by IRI;
  predicates rdf:type ("a") first, rdfs:label second, then by IRI; objects by IRI, or by
  rdflib's own ordering of terms when literals are among them;
- literals as rdflib's ``Literal._literal_n3(use_plain=True)`` writes them.

Graph shapes it does not reproduce (blank nodes, RDF lists, rdfs:Class subjects, predicates
in a namespace without a prefix, which rdflib would invent one for) raise :class:`ShapeError`,
and the caller falls back to rdflib itself. The build's graphs have none of them.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import XMLNS, split_uri
from rdflib.term import _is_valid_uri

from kg.rdf.ontology import Namespaces
from kg.rdf.terms import is_literal, split_literal, to_rdflib

_TYPE, _LABEL = f"<{RDF.type}>", f"<{RDFS.label}>"
_NIL, _CLASS = f"<{RDF.nil}>", f"<{RDFS.Class}>"
# rdflib's split_uri for ASCII IRIs: the local name starts after the last character that is
# neither a letter, a digit nor one of -._%() and at the first letter, digit or _ after it.
_SPLIT = re.compile(r"(.*[^A-Za-z0-9\-._%()][\-.%()]*)([A-Za-z0-9_][A-Za-z0-9\-._%()]*)", re.S)
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


class ShapeError(Exception):
    """The graph has a shape this writer does not reproduce; serialise it with rdflib."""


def _split(uri: str) -> tuple[str, str]:
    if uri.isascii() and not uri.startswith(XMLNS):
        m = _SPLIT.fullmatch(uri)
        if m is not None:
            return m.group(1), m.group(2)
    return split_uri(uri)  # raises ValueError as rdflib does; exact for any other IRI


def quote_encode(text: str) -> str:
    """rdflib's ``Literal._quote_encode``: triple quotes for text with a line break."""
    if "\n" in text:
        encoded = text.replace("\\", "\\\\")
        if '"""' in text:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + "\\" + '"'
        encoded = encoded.replace("\r", "\\r")
        return f'"""{encoded}"""'
    encoded = text.replace("\n", "\\n").replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
    return f'"{encoded}"'


class _Prefixes:
    """Prefixed names and literal forms as rdflib's ``TurtleSerializer`` makes them, for one
    set of prefix bindings: computed once per term and shared by every graph written with
    those bindings."""

    def __init__(self, namespaces: Namespaces) -> None:
        self.prefix_of = {ns: prefix for prefix, ns in namespaces if prefix is not None}
        self.known = [ns for _, ns in namespaces]  # what rdflib's namespace trie holds
        self._longer: dict[str, list[str]] = {}
        # uri -> (prefixed name, prefix, namespace) or None; and whether rdflib would invent
        # a prefix for it as a predicate.
        self._names: dict[str, tuple[tuple[str, str, str] | None, bool]] = {}
        self.labels: dict[str, str] = {}

    def _qname(self, uri: str) -> tuple[str | None, str, str]:
        """``(prefix or None, namespace, local name)``: ``NamespaceManager.compute_qname``."""
        if not _is_valid_uri(uri):
            raise ValueError(uri)
        try:
            ns, name = _split(uri)
        except ValueError:
            if not self.prefix_of.get(uri):
                raise
            ns, name = uri, ""
        # A known namespace longer than the split that the IRI starts with wins (the trie).
        longer = self._longer.get(ns)
        if longer is None:
            longer = self._longer[ns] = [k for k in self.known if len(k) > len(ns) and k.startswith(ns)]
        if longer and (matches := [k for k in longer if uri.startswith(k)]):
            ns = max(matches, key=len)
            name = uri[len(ns):]
        return self.prefix_of.get(ns), ns, name

    def _compute(self, uri: str) -> tuple[tuple[str, str, str] | None, bool]:
        """``TurtleSerializer.get_pname``, without the side effect of declaring the prefix."""
        unbound = False
        try:
            prefix, ns, local = self._qname(uri)
            if prefix is None:
                unbound = True
                raise KeyError(ns)
        except (ValueError, KeyError):
            prefix = self.prefix_of.get(uri)
            ns, local = uri, ""
        if prefix is None:
            return None, unbound
        local = _BARE_PERCENT.sub("\\%", local.replace("(", r"\(").replace(")", r"\)"))
        if local.endswith("."):
            return None, unbound
        if prefix.startswith("_"):
            raise ShapeError(f"rdflib would rename the prefix {prefix}")
        return (f"{prefix}:{local}", prefix, ns), unbound

    def name(self, uri: str, verb: bool = False) -> tuple[str, str, str] | None:
        found = self._names.get(uri)
        if found is None:
            found = self._names[uri] = self._compute(uri)
        if verb and found[1]:
            raise ShapeError(f"rdflib would invent a prefix for the predicate <{uri}>")
        return found[0]

    def label(self, term: str) -> str:
        """How ``term`` is written in subject or object position."""
        text = self.labels.get(term)
        if text is not None:
            return text
        if not is_literal(term):
            name = self.name(term[1:-1])
            if name is None and not _is_valid_uri(term[1:-1]):
                raise ValueError(f'"{term[1:-1]}" does not look like a valid URI, I cannot serialize '
                                 "this as N3/Turtle. Perhaps you wanted to urlencode it?")
            text = term if name is None else name[0]
        else:
            lexical, datatype, lang = split_literal(term)
            if datatype is None:
                text = quote_encode(lexical) + (f"@{lang}" if lang else "")
            else:
                typed = Literal(lexical, datatype=URIRef(datatype))
                text = typed._literal_n3(use_plain=True, qname_callback=lambda dt: self._dt_name(str(dt)))
        self.labels[term] = text
        return text

    def _dt_name(self, uri: str) -> str | None:
        name = self.name(uri)
        return None if name is None else name[0]


def _ordered(objects: list[str]) -> list[str]:
    if len(objects) == 1:
        return objects
    if not any(is_literal(o) for o in objects):
        return sorted(objects, key=lambda o: o[1:-1])
    # rdflib compares literals by value (numbers as numbers, dates as dates): let it, with the
    # same stable sort over the same starting order (N-Triples order, as the graph was filled).
    terms: list[Any] = [to_rdflib(o) for o in objects]
    return [objects[i] for i in sorted(range(len(objects)), key=terms.__getitem__)]


class TurtleWriter:
    """Writes graphs as rdflib's Turtle serialiser would, with one set of prefix bindings."""

    def __init__(self, namespaces: Namespaces) -> None:
        self.prefixes = _Prefixes(namespaces)

    def __call__(self, triples: Iterable[tuple[str, str, str]]) -> str:
        """``g.serialize(format="turtle")`` of the graph of ``triples`` (unique, in N-Triples
        line order)."""
        names = self.prefixes
        subjects: dict[str, dict[str, list[str]]] = {}
        refs: Counter[str] = Counter()
        for s, p, o in triples:
            if s[:1] != "<" or p[:1] != "<" or o[:1] not in ('"', "<") or _NIL in (s, o) or (
                    p == _TYPE and o == _CLASS):
                raise ShapeError("blank nodes, lists or rdfs:Class")
            subjects.setdefault(s, {}).setdefault(p, []).append(o)
            refs[o] += 1
        # The prefixes rdflib's preprocess() declares: those of the subjects, predicates
        # (but rdf:type, written "a"), IRI objects and literal datatypes that have one.
        used: dict[str, str] = {}
        predicates = {p for props in subjects.values() for p in props}
        nodes = [*subjects, *(o for o in refs if o[0] == "<")]
        datatypes = {o[o.rfind("<") + 1:-1] for o in refs if o[0] == '"' and o[-1] == ">"}
        for uri, verb in [*((p[1:-1], True) for p in predicates if p != _TYPE),
                          *((n[1:-1], False) for n in nodes), *((d, False) for d in datatypes)]:
            name = names.name(uri, verb)
            if name is not None:
                if used.setdefault(name[1], name[2]) != name[2]:
                    raise ShapeError(f"rdflib would rename the prefix {name[1]}")
        out = []
        for s in sorted(subjects, key=lambda s: (refs.get(s, 0), s[1:-1])):
            props = subjects[s]
            order = [p for p in (_TYPE, _LABEL) if p in props] + sorted(
                (p for p in props if p not in (_TYPE, _LABEL)), key=lambda p: p[1:-1])
            parts = ["\n", names.label(s)]
            for i, p in enumerate(order):
                parts.append(" " if i == 0 else " ;\n    ")
                parts.append("a" if p == _TYPE else names.label(p))
                parts.append(" " + ",\n        ".join(names.label(o) for o in _ordered(props[p])))
            parts.append(" .\n")
            out.append("".join(parts))
        head = "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(used.items()))
        text = head + "".join(out) + "\n"
        # rdflib encodes with errors="replace" and decodes again (a lone surrogate becomes "?").
        return text.encode("utf-8", "replace").decode("utf-8")


def turtle(triples: Iterable[tuple[str, str, str]], namespaces: Namespaces) -> str:
    """``g.serialize(format="turtle")`` of the graph of ``triples`` (unique, in N-Triples line
    order) with ``namespaces`` bound."""
    return TurtleWriter(namespaces)(triples)
