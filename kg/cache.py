"""A cache of extracted facts, one file per article, and the manifest of a build's articles.

Extraction is the slow part of a build. Its result for an article depends only on the
article (its content hash and metadata) and on the code and model that extracted it, so it
is cached under a key made of both: a full rebuild of unchanged articles skips the parser,
and ``kg build --update`` re-resolves old articles from the cache with the new ones. Changing
any source file of ``kg`` or the model changes the fingerprint and so misses the cache.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from pathlib import Path

from kg.rdf.serialize import write_atomic
from kg.records import Article, ArticleFacts

MANIFEST = "manifest.json"


@functools.cache
def code_fingerprint() -> str:
    """A hash of every source and data file of the package and of the model's version."""
    import kg
    from kg.nlp import load_model

    root = Path(kg.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".json", ".toml", ".ttl"} and path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    meta = load_model().meta
    digest.update(f"{meta.get('name')}-{meta.get('version')}".encode())
    return digest.hexdigest()[:16]


def _article_key(article: Article) -> str:
    meta = json.dumps(
        [
            article.id,
            article.published and article.published.isoformat(),
            article.title,
            article.source,
            article.url,
            article.name,
            article.content_hash,
        ]
    )
    return hashlib.sha256(meta.encode()).hexdigest()[:24]


class FactsCache:
    """Extracted facts on disk: ``DIR/<fingerprint>/<article key>.pickle``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, article: Article) -> Path:
        return self.directory / code_fingerprint() / f"{_article_key(article)}.pickle"

    def get(self, article: Article) -> ArticleFacts | None:
        path = self._path(article)
        try:
            with path.open("rb") as fh:
                facts = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        return facts if isinstance(facts, ArticleFacts) else None

    def put(self, facts: ArticleFacts) -> None:
        self.put_pickled(facts.article, pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))

    def put_pickled(self, article: Article, data: bytes) -> None:
        """Store facts already pickled (a worker process pickles them once for both uses)."""
        path = self._path(article)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Unique per process: two workers never write one article, but two builds might.
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs speed


def read_manifest(out_dir: Path) -> list[Article]:
    """The articles of the build in ``out_dir`` (empty if there was none)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return []
    import datetime as dt

    return [
        Article(**{**a, "published": dt.date.fromisoformat(a["published"]) if a.get("published") else None})
        for a in data.get("articles", [])
    ]


def write_manifest(out_dir: Path, articles: list[Article]) -> None:
    rows = [
        {**a.__dict__, "published": a.published.isoformat() if a.published else None}
        for a in sorted(articles, key=lambda a: a.id)
    ]
    write_atomic(out_dir / MANIFEST, json.dumps({"articles": rows}, indent=1, ensure_ascii=False) + "\n")
