"""RDF files by extension: the formats `kg build` writes, as Oxigraph and rdflib name them."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import error

# Extension → (Oxigraph format, rdflib format name). `kg build` writes the first five.
FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    ".trig": (ox.RdfFormat.TRIG, "trig"),
    ".nq": (ox.RdfFormat.N_QUADS, "nquads"),
    ".ttl": (ox.RdfFormat.TURTLE, "turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
    ".jsonld": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".rdf": (ox.RdfFormat.RDF_XML, "xml"),
    ".owl": (ox.RdfFormat.RDF_XML, "xml"),
}


def _lookup(path: Path) -> tuple[ox.RdfFormat, str]:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise error("E061", path=path, suffix=path.suffix, known=", ".join(FORMATS)) from None


def rdf_format(path: Path) -> ox.RdfFormat:
    return _lookup(path)[0]


def rdflib_format(path: Path) -> str:
    return _lookup(path)[1]
