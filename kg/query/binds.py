"""Query parameters: ``--bind name=Kishida`` becomes a VALUES clause, never pasted text.

The value is turned into one RDF term and written in escaped SPARQL syntax, so a value can
hold quotes, braces or ``}`` without changing the query. The clause opens the query's
outermost WHERE group, so the query's top-level FILTERs and BINDs see the value (a trailing
``ValuesClause`` is joined only after them, which leaves ``?name`` unbound inside
``FILTER(CONTAINS(..., ?name))``), and every engine starts its joins from the bound value. It
goes on the line of the ``{``, so syntax errors keep the line numbers of the user's text.
Queries without such a group (``CONSTRUCT WHERE``) get a trailing VALUES clause instead.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from kg.errors import error
from kg.query.prefixes import known_prefixes
from kg.query.result import Term

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_PREFIXED = re.compile(r"^([A-Za-z][\w.-]*)?:([\w./%-]*)$")
_QUOTED = re.compile(r'^"(?P<text>(?:[^"\\]|\\.)*)"(?:@(?P<lang>[A-Za-z0-9-]+)|\^\^(?P<dt>\S+))?$', re.S)


def parse_value(value: str) -> Term:
    """Read one ``--bind`` value.

    ``<IRI>`` and ``prefix:name`` (the project's prefixes) are IRIs; a quoted value is a literal
    with an optional ``@lang`` or ``^^datatype``; anything else is a plain string.

    >>> parse_value("Kishida")
    Term(kind='literal', value='Kishida', datatype=None, lang=None)
    >>> parse_value("<https://w3id.org/kgnews/id/country/kp>").kind
    'uri'
    >>> parse_value('"6000"^^xsd:decimal').datatype
    'http://www.w3.org/2001/XMLSchema#decimal'
    """
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        return Term("uri", value[1:-1])
    quoted = _QUOTED.match(value)
    if quoted:
        text = re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), quoted["text"])
        dt = quoted["dt"]
        if dt is not None:
            dt_term = parse_value(dt)
            if dt_term.kind != "uri":
                raise error("E017", value=value)
            return Term("literal", text, dt_term.value)
        return Term("literal", text, None, quoted["lang"])
    prefixed = _PREFIXED.match(value)
    if prefixed and (prefixed[1] or "") in known_prefixes():
        return Term("uri", known_prefixes()[prefixed[1] or ""] + prefixed[2])
    return Term("literal", value)


def parse_binds(items: list[str] | None) -> dict[str, Term]:
    """``["name=Kishida", ...]`` from the command line into variable → term."""
    binds: dict[str, Term] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _NAME.match(name):
            raise error("E017", value=item)
        binds[name] = parse_value(value)
    return binds


def uses_variable(query: str, name: str) -> bool:
    return re.search(rf"[?$]{re.escape(name)}\b", query) is not None


# Things inside which a brace is not a brace: comments, long and short strings, IRIs.
_SKIP = re.compile(
    r"#[^\n]*"
    r"|'''(?:[^\\]|\\.)*?'''" r'|"""(?:[^\\]|\\.)*?"""'
    r"|'(?:[^'\\\n]|\\.)*'" r'|"(?:[^"\\\n]|\\.)*"'
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def where_brace(query: str) -> int | None:
    """Offset of the ``{`` that opens the outermost WHERE group, or None.

    >>> q = 'CONSTRUCT { ?s ?p "}" } WHERE { ?s ?p ?o }'
    >>> q[where_brace(q):]
    '{ ?s ?p ?o }'
    """
    depth = parens = 0
    first_top: int | None = None
    last_word = ""
    i = 0
    while i < len(query):
        skip = _SKIP.match(query, i)
        if skip:
            i, last_word = skip.end(), ""
            continue
        word = _WORD.match(query, i)
        if word:
            i, last_word = word.end(), word[0]
            continue
        ch = query[i]
        if ch == "{":
            if depth == 0 and parens == 0:
                if last_word.upper() == "WHERE":
                    return i
                first_top = i if first_top is None else first_top
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch in "()":
            parens += 1 if ch == "(" else -1
        if not ch.isspace():
            last_word = ""
        i += 1
    # SELECT and ASK may leave out the WHERE keyword: then their first top-level group is it.
    form = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", _SKIP.sub(" ", query), re.I)
    if first_top is not None and form and form[1].upper() in ("SELECT", "ASK"):
        return first_top
    return None


def with_values(query: str, binds: Mapping[str, Term | str]) -> str:
    """The query with ``VALUES (?a ?b) { (termA termB) }`` opening its WHERE group.

    >>> with_values("SELECT * WHERE { ?s ?p ?name }", {"name": 'O"Brien'})
    'SELECT * WHERE { VALUES (?name) { ("O\\\\"Brien") } ?s ?p ?name }'
    """
    if not binds:
        return query
    terms = {k: (v if isinstance(v, Term) else Term("literal", v)) for k, v in binds.items()}
    for name in terms:
        if not uses_variable(query, name):
            raise error("E131", name=name)
    names = " ".join(f"?{k}" for k in terms)
    values = " ".join(t.n3() for t in terms.values())
    clause = f"VALUES ({names}) {{ ({values}) }}"
    at = where_brace(query)
    if at is None:
        # A trailing comment without a newline would swallow the clause: start on a new line.
        return f"{query.rstrip()}\n{clause}\n"
    return f"{query[:at + 1]} {clause}{query[at + 1:]}"
