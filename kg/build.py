"""The build: articles in, a dataset out, and the files and store written from it."""
from __future__ import annotations

import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Dataset

from kg.cache import FactsCache
from kg.extract import extract, load_all
from kg.extract.places import capitals
from kg.ingest import read_articles
from kg.nlp import load_model, parse
from kg.rdf.convert import to_dataset
from kg.rdf.namespaces import KG, ONTOLOGY_GRAPH
from kg.records import Article, ArticleFacts
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


def _progress(done: int, total: int, quiet: bool) -> None:
    if not quiet and sys.stderr.isatty():
        print(f"\rkg build: {done}/{total} articles", end="" if done < total else "\n", file=sys.stderr)


# Articles per parse call: spaCy batches well from about 32 documents; fewer per call cost a
# third of the parse speed (measured), more make worse use of two workers on small inputs.
CHUNK = 32


def _extract_chunk(articles: list[Article]) -> list[ArticleFacts]:
    """Parse and extract a chunk of articles (in a worker process, or in this one)."""
    docs = parse([a.text for a in articles], batch_size=32)
    return [extract(doc, article) for article, doc in zip(articles, docs, strict=True)]


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_articles(articles: list[Article], *, n_process: int = 1, quiet: bool = True,
                     cache: FactsCache | None = None) -> list[ArticleFacts]:
    """Extract facts from ``articles``, parsing only those the cache doesn't hold.

    With ``n_process > 1``, worker processes forked from this one (so they share the loaded
    model and gazetteer instead of loading their own) each parse *and* extract a chunk of
    articles: extraction is a quarter of the work, and leaving it to the parent would make it
    the bottleneck. Results come back in order, so the output does not depend on scheduling.
    """
    found = {a.id: cache.get(a) for a in articles} if cache else {}
    todo = [a for a in articles if found.get(a.id) is None]
    chunks = _chunks(todo, CHUNK)
    if n_process > 1 and len(chunks) > 1 and "fork" in multiprocessing.get_all_start_methods():
        load_model()
        load_all()
        capitals()  # warm the gazetteer before forking, so workers inherit it
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            results = pool.imap(_extract_chunk, chunks)
            done = _collect(results, found, cache, len(todo), quiet)
    else:
        done = _collect(map(_extract_chunk, chunks), found, cache, len(todo), quiet)
    assert done == len(todo)
    return [found[a.id] for a in articles]  # type: ignore[misc]


def _collect(results, found: dict, cache: FactsCache | None, total: int, quiet: bool) -> int:
    done = 0
    for chunk in results:
        for facts in chunk:
            found[facts.article.id] = facts
            if cache:
                cache.put(facts)
        done += len(chunk)
        _progress(done, total, quiet)
    return done


def build_dataset(paths: Iterable[Path | str], *, n_process: int = 1, quiet: bool = True,
                  cache: FactsCache | None = None,
                  previous: Iterable[Article] = ()) -> tuple[Dataset, BuildReport, list[Article]]:
    """The dataset of the articles under ``paths`` plus ``previous`` ones (an incremental build).

    Returns the dataset, a report, and every article it holds. New articles whose content an
    old one already has (same id) are skipped.
    """
    t0 = time.perf_counter()
    new = read_articles(paths) if paths else []
    known = {a.id: a for a in previous}
    articles = sorted({**known, **{a.id: a for a in new if a.id not in known}}.values(), key=lambda a: a.id)
    facts = extract_articles(articles, n_process=n_process, quiet=quiet, cache=cache)
    ds = to_dataset(resolve(facts))
    report = BuildReport(articles=len(facts), words=sum(len(f.article.text.split()) for f in facts))
    onto = ds.graph(ONTOLOGY_GRAPH)
    events = {c for c in onto.subjects(RDFS.subClassOf * "*", KG.Event)}  # type: ignore[operator]
    typed = {(s, cls) for s, _, cls, g in ds.quads((None, RDF.type, None, None)) if g != ONTOLOGY_GRAPH}
    for _, cls in sorted(typed):
        name = str(cls).removeprefix(str(KG))
        if name not in {"Article", "Mention", "Role"}:
            (report.events if cls in events else report.entities)[name] += 1
    report.triples = sum(1 for _ in ds.quads((None, None, None, None)))
    report.seconds = time.perf_counter() - t0
    return ds, report, articles

