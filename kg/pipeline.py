"""Parsing and extracting many articles: in this process, or in worker processes forked from it.

Parsing is three quarters of a build and extraction most of the rest (measured at 1,000
articles), and both are per article, so they are what runs in parallel: each worker parses
*and* extracts a chunk of articles and writes their facts to the cache itself. The parent only
unpickles results and, once all are in, does the cross-article part (resolution, RDF, writing),
about 5% of the work. Results come back in order, so the output does not depend on scheduling.
"""
from __future__ import annotations

import datetime as dt
import functools
import gc
import math
import multiprocessing
import pickle
import sys

from kg.cache import FactsCache, code_fingerprint
from kg.extract import extract, load_all
from kg.extract.places import capitals
from kg.nlp import parse
from kg.records import Article, ArticleFacts

# Articles per parse call. Measured (CPU time, en_core_web_sm): calls of 16 or 32 documents
# parse as fast as one long nlp.pipe stream; 8 cost about a tenth more.
CHUNK = 32
MIN_CHUNK = 8
# With workers, at least this many chunks each, so that no worker idles while another
# finishes a long last chunk (100 articles in chunks of 32 would split 64/36 over two).
CHUNKS_PER_WORKER = 4


def chunk_size(todo: int, n_process: int) -> int:
    if n_process <= 1:
        return CHUNK
    return max(MIN_CHUNK, min(CHUNK, math.ceil(todo / (CHUNKS_PER_WORKER * n_process))))


def _progress(done: int, total: int, quiet: bool) -> None:
    if not quiet and sys.stderr.isatty():
        print(f"\rkg build: {done}/{total} articles", end="" if done < total else "\n", file=sys.stderr)


# Runs the common paths of parsing and extraction once (nothing of it is kept): places,
# demonyms, national bodies, titles, a launch with its waters and numbers, a meeting, a quote.
_WARM_UP = ("WASHINGTON, May 2 (Reuters) - North Korea fired two short-range ballistic missiles "
            "from near Pyongyang into the sea on Monday, flying about 300 km, Japan's defence "
            "ministry and the South Korean military said. The Japanese prime minister met his "
            "counterpart in Seoul. \"We will not tolerate this,\" said Defence Minister Anna Berg.")


def warm_up() -> None:
    """Load what parsing and extraction load on first use (model, gazetteers, word lists,
    compiled patterns), so that forked workers inherit it instead of each loading its own."""
    load_all()
    capitals()
    article = Article(id="warm-up", text=_WARM_UP, published=dt.date(2023, 5, 2), source="Reuters")
    _extract_chunk([article])


def _extract_chunk(articles: list[Article]) -> list[ArticleFacts]:
    """Parse and extract a chunk of articles."""
    docs = parse([a.text for a in articles], batch_size=32)
    return [extract(doc, article) for article, doc in zip(articles, docs, strict=True)]


def _worker_chunk(articles: list[Article], cache: FactsCache | None) -> list[bytes]:
    """:func:`_extract_chunk` in a worker: the facts pickled once, for the cache file and for
    the trip to the parent (which would otherwise pickle them again to cache them)."""
    out = []
    for facts in _extract_chunk(articles):
        data = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
        if cache:
            cache.put_pickled(facts.article, data)
        out.append(data)
    return out


def extract_articles(articles: list[Article], *, n_process: int = 1, quiet: bool = True,
                     cache: FactsCache | None = None) -> list[ArticleFacts]:
    """Extract facts from ``articles``, parsing only those the cache doesn't hold.

    With ``n_process > 1``, the workers are forked from this process, so they share the loaded
    model and gazetteer instead of loading their own.
    """
    found = {a.id: cache.get(a) for a in articles} if cache else {}
    todo = [a for a in articles if found.get(a.id) is None]
    size = chunk_size(len(todo), n_process)
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    done = 0
    parallel = n_process > 1 and len(chunks) > 1 and "fork" in multiprocessing.get_all_start_methods()
    if parallel:
        warm_up()  # everything the workers need, loaded before forking so they inherit it
        if cache:
            code_fingerprint()
    # The model, gazetteer and word lists alive now live as long as the process. Keeping them out
    # of the collector's full scans, which parsing and extraction set off again and again (every
    # Token they build is tracked), takes a fifth off extraction; in forked workers it also keeps
    # the collector from writing to (and so copying) the pages they share.
    gc.freeze()
    try:
        if parallel:
            with multiprocessing.get_context("fork").Pool(min(n_process, len(chunks))) as pool:
                for pickled in pool.imap(functools.partial(_worker_chunk, cache=cache), chunks):
                    for data in pickled:
                        facts = pickle.loads(data)
                        found[facts.article.id] = facts
                    done += len(pickled)
                    _progress(done, len(todo), quiet)
        else:
            for chunk in map(_extract_chunk, chunks):
                for facts in chunk:
                    found[facts.article.id] = facts
                    if cache:
                        cache.put(facts)
                done += len(chunk)
                _progress(done, len(todo), quiet)
    finally:
        gc.unfreeze()
    assert done == len(todo)
    return [found[a.id] for a in articles]  # type: ignore[misc]
