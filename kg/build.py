"""The build: articles in, a dataset out, and the files and store written from it."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset

from kg.cache import FactsCache
from kg.ingest import read_articles
from kg.pipeline import extract_articles
from kg.rdf.convert import to_quads
from kg.rdf.namespaces import KG, ONTOLOGY_GRAPH
from kg.rdf.ontology import event_classes
from kg.rdf.quads import Quads
from kg.rdf.terms import iri
from kg.records import Article
from kg.resolve import resolve


@dataclass
class BuildReport:
    articles: int = 0
    words: int = 0
    triples: int = 0
    seconds: float = 0.0
    entities: Counter = field(default_factory=Counter)
    events: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        ents = ", ".join(f"{n} {c}" for c, n in sorted(self.entities.items()))
        evs = ", ".join(f"{n} {c}" for c, n in sorted(self.events.items()))
        return (f"{self.articles} articles, {self.words} words\n"
                f"entities: {sum(self.entities.values())} ({ents})\n"
                f"events: {sum(self.events.values())} ({evs})\n"
                f"{self.triples} triples in {self.seconds:.1f} s")


def build(paths: Iterable[Path | str], *, n_process: int = 1, quiet: bool = True,
          cache: FactsCache | None = None,
          previous: Iterable[Article] = ()) -> tuple[Quads, BuildReport, list[Article]]:
    """The dataset of the articles under ``paths`` plus ``previous`` ones (an incremental build).

    Returns the dataset's sorted quads, a report, and every article it holds. New articles
    whose content an old one already has (same id) are skipped.
    """
    t0 = time.perf_counter()
    new = read_articles(paths) if paths else []
    known = {a.id: a for a in previous}
    articles = sorted({**known, **{a.id: a for a in new if a.id not in known}}.values(), key=lambda a: a.id)
    facts = extract_articles(articles, n_process=n_process, quiet=quiet, cache=cache)
    data = to_quads(resolve(facts))
    report = BuildReport(articles=len(facts), words=sum(len(f.article.text.split()) for f in facts))
    _count(data, report)
    report.seconds = time.perf_counter() - t0
    return data, report, articles


def _count(data: Quads, report: BuildReport) -> None:
    """Entities and events by class (articles, mentions and roles aside), and all quads."""
    a, onto, events = iri(RDF.type), iri(ONTOLOGY_GRAPH), event_classes()
    typed = {(s, cls) for s, p, cls, g in data.quads if p == a and g != onto}
    for _, cls in sorted(typed):
        name = cls[1:-1].removeprefix(str(KG))
        if name not in {"Article", "Mention", "Role"}:
            (report.events if cls in events else report.entities)[name] += 1
    report.triples = len(data)


def build_dataset(paths: Iterable[Path | str], *, n_process: int = 1, quiet: bool = True,
                  cache: FactsCache | None = None,
                  previous: Iterable[Article] = ()) -> tuple[Dataset, BuildReport, list[Article]]:
    """:func:`build` with the dataset as an rdflib :class:`Dataset` (slower: for the API)."""
    data, report, articles = build(paths, n_process=n_process, quiet=quiet, cache=cache, previous=previous)
    return data.to_dataset(), report, articles
