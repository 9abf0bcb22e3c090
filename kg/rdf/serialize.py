"""Writing a dataset to disk in the five formats, byte for byte the same for the same dataset.

Every format is written from the dataset's sorted quads (:class:`kg.rdf.quads.Quads`):
N-Quads and N-Triples as sorted lines; Turtle and TriG as rdflib's Turtle serialiser writes a
graph (:mod:`kg.rdf.turtle` reproduces it without rdflib's store; rdflib itself writes any
graph of a shape that module leaves to it); JSON-LD by hand, nodes and values in sorted
order. The dataset has no blank nodes, so sorting by the N-Triples form is total.
Files are written to a temporary name beside the target and renamed, so a failed write never
leaves half a file where the previous output was.
"""
from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from collections.abc import Callable
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import error
from kg.rdf.ontology import Namespaces
from kg.rdf.quads import Quads
from kg.rdf.terms import is_literal, nt_term, split_literal, to_rdflib
from kg.rdf.turtle import ShapeError, TurtleWriter

Writer = Callable[[Quads], str]
FORMATS: dict[str, Writer] = {}


def writer(suffix: str) -> Callable[[Writer], Writer]:
    def register(func: Writer) -> Writer:
        FORMATS[suffix] = func
        return func

    return register


def _as_quads(data: Quads | Dataset) -> Quads:
    return data if isinstance(data, Quads) else Quads.from_dataset(data)


@writer(".nq")
def to_nquads(data: Quads | Dataset) -> str:
    return _as_quads(data).nquads()


def _triples(data: Quads) -> dict[str, tuple[str, str, str]]:
    """The dataset's triples, merged across graphs, by their N-Triples line, in line order."""
    lines = {f"{s} {p} {o} .\n": (s, p, o) for s, p, o, _ in data.quads}
    return {line: lines[line] for line in sorted(lines)}


@writer(".nt")
def to_ntriples(data: Quads | Dataset) -> str:
    return "".join(_triples(_as_quads(data)))


def _turtle_text(triples: list[tuple[str, str, str]], namespaces: Namespaces,
                 writer: TurtleWriter | None = None) -> str:
    """rdflib's Turtle for ``triples`` (in N-Triples line order)."""
    try:
        return (writer or TurtleWriter(namespaces))(triples)
    except ShapeError:
        g = Graph()
        for prefix, ns in namespaces:
            if prefix is not None:
                g.bind(prefix, ns, override=True, replace=True)
        for t in triples:
            g.add(tuple(to_rdflib(term) for term in t))  # type: ignore[arg-type]
        return g.serialize(format="turtle")


def _turtle_body(text: str) -> tuple[str, str]:
    head = [line for line in text.splitlines() if line.startswith("@prefix")]
    body = [line for line in text.splitlines() if not line.startswith("@prefix")]
    return "\n".join(sorted(head)), "\n".join(body).strip("\n")


@writer(".ttl")
def to_turtle(data: Quads | Dataset) -> str:
    data = _as_quads(data)
    head, body = _turtle_body(_turtle_text(list(_triples(data).values()), data.namespaces))
    return f"{head}\n\n{body}\n"


@writer(".trig")
def to_trig(data: Quads | Dataset) -> str:
    data = _as_quads(data)
    by_graph: dict[str | None, list[tuple[str, str, str]]] = defaultdict(list)
    for s, p, o, g in data.quads:  # in line order, so each graph's triples are too
        by_graph[g].append((s, p, o))
    heads, blocks = set(), []
    writer = TurtleWriter(data.namespaces)  # one for all graphs: it caches what it worked out
    for gid in sorted(by_graph, key=lambda g: "" if g is None else g[1:-1]):
        head, body = _turtle_body(_turtle_text(by_graph[gid], data.namespaces, writer))
        heads.update(head.splitlines())
        # No re-indenting: a multi-line literal's lines are part of its value.
        blocks.append(f"{body}\n" if gid is None else f"{gid} {{\n{body}\n}}\n")
    return "\n".join(sorted(heads)) + "\n\n" + "\n".join(blocks)


def _jsonld_term(o: str) -> dict:
    if is_literal(o):
        lexical, datatype, lang = split_literal(o)
        term: dict = {"@value": lexical}
        if lang:
            term["@language"] = lang
        elif datatype:
            term["@type"] = datatype
        return term
    return {"@id": o[1:-1]}


@writer(".jsonld")
def to_jsonld(data: Quads | Dataset) -> str:
    """Expanded JSON-LD, one object per named graph, nodes and values in sorted order."""
    tree: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for s, p, o, g in _as_quads(data).quads:
        tree["" if g is None else g[1:-1]][s[1:-1]][p[1:-1]].append(_jsonld_term(o))
    graphs = []
    for gid in sorted(tree):
        nodes = [{"@id": s, **{p: vals for p, vals in sorted(props.items())}}
                 for s, props in sorted(tree[gid].items())]
        graphs.append({"@id": gid, "@graph": nodes} if gid else {"@graph": nodes})
    return _dumps(graphs) + "\n"


def _dumps(value, depth: int = 0) -> str:
    """``json.dumps(value, indent=1, ensure_ascii=False)`` for lists, dicts and strings, without
    the pure-Python encoder that ``indent`` otherwise costs (five times faster)."""
    if isinstance(value, str):
        return encode_basestring(value)
    pad, inner = "\n" + " " * depth, "\n" + " " * (depth + 1)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(_dumps(v, depth + 1) for v in value) + pad + "]"
    if not value:
        return "{}"
    items = (encode_basestring(k) + ": " + _dumps(v, depth + 1) for k, v in value.items())
    return "{" + inner + ("," + inner).join(items) + pad + "}"


def serialize(data: Quads | Dataset, suffix: str) -> str:
    if suffix not in FORMATS:
        raise error("E008", suffix=suffix, path="output", known=", ".join(sorted(FORMATS)))
    return FORMATS[suffix](_as_quads(data))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise error("E007", path=path, detail=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        # mkstemp makes the file private; an output is an ordinary file (0666 less the umask).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise error("E007", path=path, detail=exc.strerror or str(exc)) from None


def write(data: Quads | Dataset, path: Path) -> None:
    if path.suffix not in FORMATS:
        raise error("E008", suffix=path.suffix, path=path, known=", ".join(sorted(FORMATS)))
    write_atomic(path, serialize(data, path.suffix))


__all__ = ["FORMATS", "nt_term", "serialize", "write", "write_atomic", "URIRef"]
