"""RDF files: their formats by extension, and reading a dataset graph by graph as it streams."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

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


# A graph IRI (None: the default graph) and its quads, every one of them in that graph. Quads, not
# triples: a loader that sends N-Quads needs nothing more, and `quad.triple` makes a new object
# per quad, a second or more per million.
Run = tuple[str | None, list[ox.Quad]]


class _Counting:
    """A binary file that counts the bytes read from it, for progress."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh, self.count = fh, 0

    def read(self, n: int = -1) -> bytes:
        data = self.fh.read(n)
        self.count += len(data)
        return data


class GraphRuns:
    """A dataset file, read as it streams, as whole graphs: ``for iri, quads in GraphRuns(path)``.

    A graph is yielded as soon as the next graph starts, so work on it begins while the rest
    of the file is still being parsed (`kg build` writes each graph in one piece). A graph
    that comes back later in the file (N-Quads may interleave) is yielded again at the end,
    complete, and listed in :attr:`repeated`: a loader replaces its first, partial run then.
    """

    def __init__(self, path: Path, default_graph: str | None = None) -> None:
        self.path, self.default_graph = Path(path), default_graph
        if not self.path.is_file():
            raise error("E060", path=self.path)
        self.format = rdf_format(self.path)
        self.size = self.path.stat().st_size
        self.repeated: set[str | None] = set()
        self._counter: _Counting | None = None

    @property
    def fraction_read(self) -> float:
        return (self._counter.count / self.size) if self._counter and self.size else 0.0

    def __iter__(self) -> Iterator[Run]:
        whole: dict[str | None, list[ox.Quad]] = {}
        current: object = object()
        run: list[ox.Quad] = []
        named = ox.NamedNode
        # Where quads outside any named graph go: the default graph, or the graph named by the user.
        target = ox.DefaultGraph() if self.default_graph is None else named(self.default_graph)
        with self.path.open("rb") as fh:
            self._counter = _Counting(fh)
            try:
                for quad in ox.parse(self._counter, format=self.format):  # type: ignore[arg-type]
                    g = quad.graph_name
                    key: str | None
                    if type(g) is named:
                        key = g.value
                    else:
                        key = self.default_graph
                        if g != target:      # a blank-node graph, or --default-graph: move the quad
                            quad = ox.Quad(quad.subject, quad.predicate, quad.object, target)
                    if key != current:
                        yield from self._emit(current, run, whole)
                        current, run = key, []
                    run.append(quad)
            except (SyntaxError, ValueError) as exc:
                raise error("E011", path=self.path, detail=str(exc).splitlines()[0]) from None
            yield from self._emit(current, run, whole)
        for again in sorted(self.repeated, key=lambda k: k or ""):
            yield again, whole[again]

    def _emit(self, key: object, run: list[ox.Quad],
              whole: dict[str | None, list[ox.Quad]]) -> Iterator[Run]:
        if not run:
            return
        iri: str | None = key if isinstance(key, str) else None
        if iri in whole:
            whole[iri].extend(run)
            self.repeated.add(iri)
            return
        whole[iri] = run
        yield iri, run
