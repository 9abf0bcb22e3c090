"""Writing a dataset to disk in the five formats, byte for byte the same for the same dataset.

rdflib's serialisers do not promise an order, so each format is written from sorted triples:
N-Quads and N-Triples as sorted lines; Turtle and TriG from graphs rebuilt in sorted order
(rdflib's Turtle writer then sorts subjects and predicates itself); JSON-LD by hand from
sorted quads. The dataset has no blank nodes, so sorting by the N-Triples form is total.
Files are written to a temporary name beside the target and renamed, so a failed write never
leaves half a file where the previous output was.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import error

Writer = Callable[[Dataset], str]
FORMATS: dict[str, Writer] = {}


def writer(suffix: str) -> Callable[[Writer], Writer]:
    def register(func: Writer) -> Writer:
        FORMATS[suffix] = func
        return func

    return register


def _quads(ds: Dataset) -> list[tuple]:
    out = []
    for s, p, o, g in ds.quads((None, None, None, None)):
        gid = g.identifier if isinstance(g, Graph) else g
        out.append((s, p, o, None if gid == DATASET_DEFAULT_GRAPH_ID else gid))
    return out


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def nt_term(term) -> str:
    """A term in N-Triples syntax (``n3()`` would write multi-line literals in triple quotes)."""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{text}<{term.datatype}>".replace('"<', '"^^<')
        return text
    return f"<{term}>"


def _nq_line(s, p, o, g) -> str:
    parts = [nt_term(s), nt_term(p), nt_term(o)] + ([nt_term(g)] if g is not None else [])
    return " ".join(parts) + " .\n"


@writer(".nq")
def to_nquads(ds: Dataset) -> str:
    return "".join(sorted({_nq_line(*q) for q in _quads(ds)}))


@writer(".nt")
def to_ntriples(ds: Dataset) -> str:
    return "".join(sorted({_nq_line(s, p, o, None) for s, p, o, _ in _quads(ds)}))


def _sorted_graph(ds: Dataset, triples) -> Graph:
    g = Graph()
    for prefix, ns in sorted(ds.namespaces()):
        g.bind(prefix, ns, override=True, replace=True)
    for t in sorted(triples, key=lambda t: _nq_line(t[0], t[1], t[2], None)):
        g.add(t)
    return g


def _turtle_body(g: Graph) -> tuple[str, str]:
    text = g.serialize(format="turtle")
    head = [line for line in text.splitlines() if line.startswith("@prefix")]
    body = [line for line in text.splitlines() if not line.startswith("@prefix")]
    return "\n".join(sorted(head)), "\n".join(body).strip("\n")


@writer(".ttl")
def to_turtle(ds: Dataset) -> str:
    g = _sorted_graph(ds, {(s, p, o) for s, p, o, _ in _quads(ds)})
    head, body = _turtle_body(g)
    return f"{head}\n\n{body}\n"


@writer(".trig")
def to_trig(ds: Dataset) -> str:
    by_graph: dict[URIRef | None, set] = defaultdict(set)
    for s, p, o, g in _quads(ds):
        by_graph[g].add((s, p, o))
    heads, blocks = set(), []
    for gid in sorted(by_graph, key=lambda g: "" if g is None else str(g)):
        head, body = _turtle_body(_sorted_graph(ds, by_graph[gid]))
        heads.update(head.splitlines())
        # No re-indenting: a multi-line literal's lines are part of its value.
        blocks.append(f"{body}\n" if gid is None else f"{nt_term(gid)} {{\n{body}\n}}\n")
    return "\n".join(sorted(heads)) + "\n\n" + "\n".join(blocks)


def _jsonld_term(o) -> dict:
    if isinstance(o, Literal):
        term: dict = {"@value": str(o)}
        if o.language:
            term["@language"] = o.language
        elif o.datatype:
            term["@type"] = str(o.datatype)
        return term
    return {"@id": str(o)}


@writer(".jsonld")
def to_jsonld(ds: Dataset) -> str:
    """Expanded JSON-LD, one object per named graph, nodes and values in sorted order."""
    tree: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for s, p, o, g in sorted(_quads(ds), key=lambda q: _nq_line(*q)):
        tree["" if g is None else str(g)][str(s)][str(p)].append(_jsonld_term(o))
    graphs = []
    for gid in sorted(tree):
        nodes = [{"@id": s, **{p: vals for p, vals in sorted(props.items())}}
                 for s, props in sorted(tree[gid].items())]
        graphs.append({"@id": gid, "@graph": nodes} if gid else {"@graph": nodes})
    return json.dumps(graphs, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def serialize(ds: Dataset, suffix: str) -> str:
    if suffix not in FORMATS:
        raise error("E008", suffix=suffix, path="output", known=", ".join(sorted(FORMATS)))
    return FORMATS[suffix](ds)


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


def write(ds: Dataset, path: Path) -> None:
    if path.suffix not in FORMATS:
        raise error("E008", suffix=path.suffix, path=path, known=", ".join(sorted(FORMATS)))
    write_atomic(path, serialize(ds, path.suffix))


__all__ = ["FORMATS", "serialize", "write", "write_atomic", "URIRef"]
