"""Checking a built graph against ``ontology/shapes.ttl`` with pySHACL."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import SH

from kg.errors import error
from kg.rdf.convert import ONTOLOGY_DIR

PARSERS = {".nq": "nquads", ".trig": "trig", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


def read_graph(path: Path) -> Dataset:
    """A graph file of any of our formats, as a dataset whose default graph is the union."""
    if not path.exists():
        raise error("E001", path=path)
    if path.suffix not in PARSERS:
        raise error("E008", suffix=path.suffix, path=path, known=", ".join(sorted(PARSERS)))
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format=PARSERS[path.suffix])
    except Exception as exc:  # noqa: BLE001 - every parser failure is the same user error
        raise error("E011", path=path, detail=str(exc).splitlines()[0][:200]) from None
    return ds


def validate(path: Path) -> list[Violation]:
    """Every violation of the shapes in the graph at ``path``; empty when it conforms."""
    from pyshacl import validate as shacl

    ds = read_graph(path)
    data = Graph()
    for triple in ds.triples((None, None, None)):
        data.add(triple)
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    _, report, _ = shacl(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                         allow_warnings=True)
    out = []
    for res in sorted(set(report.subjects(SH.focusNode, None))):
        focus = report.value(res, SH.focusNode)
        rpath = report.value(res, SH.resultPath)
        message = report.value(res, SH.resultMessage)
        out.append(Violation(str(focus), str(rpath or ""), str(message or "violation")))
    return sorted(out, key=str)
