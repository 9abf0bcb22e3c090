"""What the viz needs to know about the vocabulary: labels, the class tree, each class's family.

The labels and the class tree come from the ontology graph inside the dataset when it has one,
and from ``ontology/kg.ttl`` otherwise, so that a graph written without its ontology (a bare
``.nt`` or ``.ttl`` export) still gets "launch site" on its edges rather than ``launchSite``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

import kg
from kg.rdf.namespaces import KG, ONTOLOGY_GRAPH

# The three kinds of node the page draws. Country is both an actor and a place in the
# ontology; we file it under "place" only for its shape's sake (see FAMILY_ROOTS order).
FAMILY_ROOTS: tuple[tuple[str, URIRef], ...] = (
    ("event", KG.Event),
    ("place", KG.Place),
    ("actor", KG.Actor),
)


def ontology_path() -> Path:
    """Where ``ontology/kg.ttl`` lives in a source checkout or editable install."""
    return Path(kg.__file__).resolve().parent.parent / "ontology" / "kg.ttl"


@lru_cache(maxsize=1)
def _shipped_ontology() -> Graph:
    g = Graph()
    path = ontology_path()
    if path.exists():
        g.parse(path, format="turtle")
    return g


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/kgnews/ontology#launchSite")
    'launchSite'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass
class Ontology:
    """Labels and superclasses of the project's terms (and any others the graph labels)."""

    labels: dict[URIRef, str] = field(default_factory=dict)
    parents: dict[URIRef, set[URIRef]] = field(default_factory=dict)

    @classmethod
    def from_graphs(cls, *graphs: Graph) -> Ontology:
        onto = cls()
        # Earlier graphs win: the dataset's own ontology over the shipped file.
        for g in graphs:
            for term, label in sorted(g.subject_objects(RDFS.label)):
                if isinstance(term, URIRef) and isinstance(label, Literal) and _is_term(g, term):
                    onto.labels.setdefault(term, _prefer_english(g, term) or str(label))
            for sub, sup in sorted(g.subject_objects(RDFS.subClassOf)):
                if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                    onto.parents.setdefault(sub, set()).add(sup)
        return onto

    def label(self, term: Node) -> str:
        """The term's rdfs:label, else its local name (never empty)."""
        return self.labels.get(URIRef(str(term))) or local_name(str(term))

    def ancestors(self, cls_: URIRef) -> set[URIRef]:
        """Every superclass of ``cls_``, itself included (cycles are tolerated)."""
        seen: set[URIRef] = set()
        todo = [cls_]
        while todo:
            c = todo.pop()
            if c not in seen:
                seen.add(c)
                todo.extend(self.parents.get(c, ()))
        return seen

    def family(self, cls_: URIRef) -> str | None:
        """``event``, ``place`` or ``actor`` for a class under one of them, else None."""
        ancestors = self.ancestors(cls_)
        for name, root in FAMILY_ROOTS:
            if root in ancestors:
                return name
        return None

    def most_specific(self, classes: set[URIRef]) -> URIRef | None:
        """Of several classes a node has, the one no other of them is a subclass of.

        Ties (two unrelated classes) go to the one with more ancestors, then the IRI, so the
        answer never depends on the order the triples were read in.
        """
        known = sorted(c for c in classes if self.family(c) is not None)
        if not known:
            return None
        leaves = [c for c in known if not any(o != c and c in self.ancestors(o) for o in known)]
        return sorted(leaves, key=lambda c: (-len(self.ancestors(c)), str(c)))[0]


def _is_term(g: Graph, term: URIRef) -> bool:
    """Classes and properties, not individuals: only these have labels worth borrowing."""
    kinds = {OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property}
    return any((term, RDF.type, k) in g for k in kinds)


def _prefer_english(g: Graph, term: URIRef) -> str | None:
    labels = sorted((str(lbl.language or ""), str(lbl)) for lbl in g.objects(term, RDFS.label)
                    if isinstance(lbl, Literal))
    for lang, text in labels:
        if lang.startswith("en"):
            return text
    return labels[0][1] if labels else None


def load_ontology(dataset: Graph) -> Ontology:
    """The ontology for ``dataset``: its own ontology graph first, then ``ontology/kg.ttl``."""
    # Look the named graph up without creating it (Dataset.graph() would add an empty one).
    # Dataset.graphs() replaces the deprecated contexts(); a plain Graph has neither.
    named = getattr(dataset, "graphs", None) or getattr(dataset, "contexts", None)
    graphs = [g for g in (named() if named else []) if g.identifier == ONTOLOGY_GRAPH and len(g)]
    graphs.append(_shipped_ontology())
    return Ontology.from_graphs(*graphs)
