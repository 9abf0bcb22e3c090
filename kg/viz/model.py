"""RDF in, a networkx graph of actors, places and events out, with what the page shows on each.

Nodes are the graph's entities and events, keyed by IRI. Events stay n-ary: a launch is one node
with an edge to its launcher, one to its site, one per reporter... Roles are not nodes: a person
gets an edge labelled with the office's title to the organisation or country it is held in.
Articles and mentions are not nodes either: they become each node's evidence.

Everything here iterates in sorted order, so the same dataset always gives the same graph.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import PROV, RDF, RDFS, SKOS, Dataset, Literal, URIRef
from rdflib.term import Node

from kg.errors import error
from kg.rdf.namespaces import KG
from kg.viz.ontology import Ontology, load_ontology, local_name

FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld",
           ".json": "json-ld", ".n3": "n3", ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".trix": "trix"}

# Links that are provenance or bookkeeping, not relations worth an edge.
NOT_EDGES = {RDF.type, KG.evidence, KG.mentionedIn, KG.holdsRole}
# Literals shown elsewhere on the node (label, aliases, dates) or of no use to an analyst.
NOT_FACTS = {RDFS.label, SKOS.prefLabel, SKOS.altLabel, KG.date, KG.contentHash, KG.fileName}


def load_dataset(path: str | Path) -> Dataset:
    """Read a graph file (TriG, N-Quads, Turtle, N-Triples, JSON-LD) into one Dataset."""
    path = Path(path)
    if not path.is_file():
        raise error("E060", path=path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise error("E061", path=path, suffix=path.suffix, known=", ".join(sorted(FORMATS)))
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format=fmt)
    except Exception as exc:  # noqa: BLE001 - any parser failure is the file's fault, said in one line
        raise error("E011", path=path, detail=f"{type(exc).__name__}: {exc}") from exc
    return ds


def fmt_value(lit: Literal) -> str:
    """A literal as a person reads it: 1000 not 1000.0, yes/no for booleans.

    >>> fmt_value(Literal(70.0)), fmt_value(Literal(True)), fmt_value(Literal("ICBM"))
    ('70', 'yes', 'ICBM')
    """
    value = lit.toPython()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float | Decimal) and value == int(value):
        return str(int(value))
    return str(value)


def _texts(ds: Dataset, s: Node, p: URIRef) -> list[str]:
    return sorted({str(o) for o in ds.objects(s, p) if isinstance(o, Literal)})


def _article_names(ds: Dataset) -> dict[Node, dict[str, str]]:
    """Headline, source and date of every article, for evidence lines."""
    out: dict[Node, dict[str, str]] = {}
    for art in sorted(set(ds.subjects(RDF.type, KG.Article)), key=str):
        name = (_texts(ds, art, KG.headline) or _texts(ds, art, KG.fileName) or [local_name(str(art))])[0]
        out[art] = {"article": name,
                    "source": (_texts(ds, art, KG.source) or [""])[0],
                    "published": (_texts(ds, art, KG.published) or [""])[0]}
    return out


def _evidence(ds: Dataset, subject: Node, articles: dict[Node, dict[str, str]]) -> list[dict[str, Any]]:
    items = []
    for mention in set(ds.objects(subject, KG.evidence)):
        art = next(iter(sorted(ds.objects(mention, KG.article), key=str)), None)
        begin = next((o.toPython() for o in ds.objects(mention, KG.beginIndex) if isinstance(o, Literal)), 0)
        unknown = {"article": local_name(str(art)) if art else "", "source": "", "published": ""}
        info = articles.get(art, unknown) if art is not None else unknown
        for sentence in _texts(ds, mention, KG.sentence):
            items.append({**info, "sentence": sentence, "begin": int(begin) if str(begin).isdigit() else 0})
    return items


def _dedupe(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen = {tuple(sorted(i.items())): i for i in items}
    return [seen[k] for k in sorted(seen, key=lambda k: (dict(k)["published"], dict(k)["article"],
                                                          dict(k)["begin"], dict(k)["sentence"]))]


def _node_label(ds: Dataset, node: URIRef, family: str, cls_label: str, dates: list[str]) -> str:
    names = _texts(ds, node, RDFS.label) or _texts(ds, node, SKOS.prefLabel)
    if names and family != "event":
        return _preferred(ds, node, names)
    if family == "event":
        quotes = _texts(ds, node, KG.quote)
        if quotes:  # a statement is best recognised by what was said
            q = quotes[0]
            return "“" + (q if len(q) <= 40 else q[:39] + "…") + "”"
        return f"{cls_label} {dates[0][:10]}" if dates else cls_label
    return local_name(str(node))


def _preferred(ds: Dataset, node: URIRef, names: list[str]) -> str:
    """An English label if there is one, else the longest (a full name beats a surname)."""
    english = sorted(str(o) for o in ds.objects(node, RDFS.label)
                     if isinstance(o, Literal) and (o.language or "en").startswith("en"))
    pool = english or names
    return sorted(pool, key=lambda n: (-len(n), n))[0]


def build_graph(ds: Dataset, onto: Ontology | None = None) -> nx.MultiDiGraph:
    """The entity-and-event graph of ``ds``; node and edge attributes are what the page shows."""
    onto = onto or load_ontology(ds)
    g = nx.MultiDiGraph()
    articles = _article_names(ds)
    g.graph["articles"] = len(articles)
    types: dict[URIRef, set[URIRef]] = {}
    for s, o in ds.subject_objects(RDF.type):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            types.setdefault(s, set()).add(o)
    for node in sorted(types):
        cls_ = onto.most_specific(types[node])
        if cls_ is None:
            continue
        family = onto.family(cls_) or "actor"
        dates = _texts(ds, node, KG.date)
        labels = set(_texts(ds, node, RDFS.label)) | set(_texts(ds, node, SKOS.altLabel))
        label = _node_label(ds, node, family, onto.label(cls_), dates)
        facts = sorted((onto.label(p), fmt_value(o)) for p, o in set(ds.predicate_objects(node))
                       if isinstance(o, Literal) and p not in NOT_FACTS)
        # Entities say where they are mentioned; events say which article they were derived from.
        sources = {*ds.objects(node, KG.mentionedIn), *ds.objects(node, PROV.wasDerivedFrom)}
        mentioned = sorted({articles.get(a, {}).get("article", local_name(str(a))) for a in sources})
        g.add_node(str(node), iri=str(node), label=label, cls=str(cls_), cls_name=local_name(str(cls_)),
                   cls_label=onto.label(cls_), family=family, actor=KG.Actor in onto.ancestors(cls_),
                   aliases=sorted(labels - {label}), dates=dates, facts=facts,
                   evidence=_evidence(ds, node, articles), articles=mentioned)
    _add_edges(ds, g, onto)
    _add_roles(ds, g, articles)
    _borrow_event_evidence(g)
    for _, data in g.nodes(data=True):
        data["evidence"] = _dedupe(data["evidence"])
    return g


def _borrow_event_evidence(g: nx.MultiDiGraph) -> None:
    """An actor or place shows the sentences of the events it takes part in.

    Entities rarely carry evidence of their own (their facts live on events), and the analyst
    who clicks "Joint Chiefs of Staff" wants to read what it said or did.
    """
    borrowed: dict[str, list[dict[str, Any]]] = {}
    for node, data in g.nodes(data=True):
        if data["family"] == "event":
            continue
        for other in sorted(set(g.predecessors(node)) | set(g.successors(node))):
            if g.nodes[other]["family"] == "event":
                borrowed.setdefault(node, []).extend(g.nodes[other]["evidence"])
    for node, items in borrowed.items():
        g.nodes[node]["evidence"] = g.nodes[node]["evidence"] + items


def _add_edges(ds: Dataset, g: nx.MultiDiGraph, onto: Ontology) -> None:
    for src in sorted(g.nodes):
        for p, o in sorted(set(ds.predicate_objects(URIRef(src)))):
            if p in NOT_EDGES or not isinstance(o, URIRef) or str(o) not in g or str(o) == src:
                continue
            g.add_edge(src, str(o), key=local_name(str(p)), prop=str(p), label=onto.label(p))


def _add_roles(ds: Dataset, g: nx.MultiDiGraph, articles: dict[Node, dict[str, str]]) -> None:
    """A role becomes an edge person → organisation labelled with its title, and a fact."""
    for role in sorted(set(ds.subjects(RDF.type, KG.Role)), key=str):
        titles = _texts(ds, role, KG.title) or ["holds role"]
        holders = sorted(str(h) for h in ds.objects(role, KG.holder) if str(h) in g)
        orgs = sorted(str(o) for o in ds.objects(role, KG.roleIn) if str(o) in g)
        for person in holders:
            targets: list[str | None] = [*orgs] or [None]
            for org in targets:
                where = f" of {g.nodes[org]['label']}" if org else ""
                g.nodes[person]["facts"] = sorted({*g.nodes[person]["facts"], ("role", titles[0] + where)})
                g.nodes[person]["evidence"] += _evidence(ds, role, articles)
                if org:
                    g.add_edge(person, org, key=f"role:{titles[0]}", prop=str(KG.holdsRole), label=titles[0])
