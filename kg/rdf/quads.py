"""A dataset as sorted quads of N-Triples term strings: what the build makes and the writers read.

Sorted by their N-Quads line and without duplicates, which is the order every writer needs
(see :mod:`kg.rdf.serialize`), so a dataset is sorted once. rdflib's :class:`Dataset` is one
conversion away (:meth:`Quads.to_dataset`) for code that wants to query or manipulate it.
"""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.ontology import Namespaces, Quad, new_dataset, ontology_quads, rebound
from kg.rdf.ontology import namespaces as bound_namespaces
from kg.rdf.terms import nt_term


def nq_line(s: str, p: str, o: str, g: str | None) -> str:
    return f"{s} {p} {o} .\n" if g is None else f"{s} {p} {o} {g} .\n"


class Quads:
    """Unique quads ``(s, p, o, g)`` (``g`` None for the default graph) in N-Quads line order,
    with the prefix bindings Turtle and TriG are written with."""

    def __init__(self, quads: Iterable[Quad], namespaces: Namespaces) -> None:
        by_line = {nq_line(*q): q for q in quads}
        self.lines = sorted(by_line)
        self.quads = [by_line[line] for line in self.lines]
        self.namespaces = namespaces

    def __len__(self) -> int:
        return len(self.quads)

    def nquads(self) -> str:
        return "".join(self.lines)

    @classmethod
    def build(cls, quads: Iterable[Quad], *, with_ontology: bool = True) -> Quads:
        """The dataset of ``quads`` plus, unless told otherwise, the ontology graph."""
        if with_ontology:
            quads = [*quads, *ontology_quads()]
        return cls(quads, bound_namespaces(with_ontology))

    @classmethod
    def from_dataset(cls, ds: Dataset) -> Quads:
        """An rdflib dataset's quads (it must have no blank nodes, as the build's never do)."""
        out = []
        for s, p, o, g in ds.quads((None, None, None, None)):
            gid = g.identifier if isinstance(g, Graph) else g
            name = None if gid is None or gid == DATASET_DEFAULT_GRAPH_ID else nt_term(gid)
            out.append((nt_term(s), nt_term(p), nt_term(o), name))
        return cls(out, rebound(ds.namespaces()))

    def to_dataset(self) -> Dataset:
        """The same quads in an rdflib :class:`Dataset` (slow: for the API, not the build)."""
        ds = new_dataset()
        for prefix, ns in self.namespaces:
            if prefix is not None:
                ds.bind(prefix, ns, override=True, replace=True)
        ds.parse(data=self.nquads(), format="nquads")
        return ds
