"""Deterministic IRIs: the same entity, event or article gets the same IRI in every run.

Entities are named by their canonical key (type + normalised name, see
:mod:`kg.extract.entities`), so an entity has one IRI across articles. Events are named by a
hash of what identifies them; mentions by their article and offsets.
"""
from __future__ import annotations

import hashlib

from rdflib import URIRef

from kg.rdf.namespaces import ID


def _digest(*parts: object, length: int = 16) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def entity_iri(key: str) -> URIRef:
    """``"person:fumio-kishida"`` → ``…/id/person/fumio-kishida``; ``"org:jp:coast-guard"`` keeps its path.

    >>> str(entity_iri("country:kp"))
    'https://w3id.org/kgnews/id/country/kp'
    """
    return URIRef(ID + key.replace(":", "/"))


def article_iri(article_id: str) -> URIRef:
    return URIRef(f"{ID}article/{article_id}")


def event_iri(kind: str, *identity: object) -> URIRef:
    return URIRef(f"{ID}event/{kind.lower()}/{_digest(kind, *identity)}")


def role_iri(person: str, title: str, org: str) -> URIRef:
    return URIRef(f"{ID}role/{_digest(person, title, org)}")


def mention_iri(article_id: str, start: int, end: int) -> URIRef:
    return URIRef(f"{ID}mention/{article_id}/{start}-{end}")
