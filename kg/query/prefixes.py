"""The prefixes a query may use without declaring them: the project's own and the usual W3C ones.

Oxigraph and rdflib take them as parser defaults; for a remote endpoint the missing PREFIX
declarations are put in front of the query's first line, so line numbers stay the user's.
"""
from __future__ import annotations

import re
from functools import cache


@cache
def known_prefixes() -> dict[str, str]:
    from kg.rdf.namespaces import PREFIXES

    known = {
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "owl": "http://www.w3.org/2002/07/owl#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "prov": "http://www.w3.org/ns/prov#",
        "time": "http://www.w3.org/2006/time#",
        "dcterms": "http://purl.org/dc/terms/",
    }
    known.update({name: str(ns) for name, ns in PREFIXES.items()})
    return known


def declare_missing(query: str) -> str:
    """Prepend PREFIX declarations for known prefixes the query uses but does not declare.

    >>> declare_missing("SELECT * WHERE { ?s a kg:Event }")[:55]
    'PREFIX kg: <https://w3id.org/kgnews/ontology#> SELECT *'
    """
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w.-]*):", query, re.I)}
    # Strip IRIs, strings and comments first: `<http://x>` and "a:b" are not prefixed names.
    bare = re.sub(r'<[^<>\s]*>|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*', " ", query)
    used = set(re.findall(r"(?<![\w?$])([A-Za-z][\w.-]*):", bare))
    missing = [p for p in known_prefixes() if p in used and p.lower() not in declared]
    return "".join(f"PREFIX {p}: <{known_prefixes()[p]}> " for p in missing) + query
