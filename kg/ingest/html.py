"""``NAME.html``: a saved web page; trafilatura finds the article's main text."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import error
from kg.ingest import reader
from kg.ingest.article import make_article, read_text
from kg.ingest.text import read_meta
from kg.records import Article


@reader(".html")
def read_html(path: Path) -> Iterator[Article]:
    import trafilatura

    page = read_text(path)
    # Precision over recall: navigation and teasers are what we must not read as the article.
    doc = trafilatura.bare_extraction(page, include_comments=False, include_tables=False,
                                      favor_precision=True, with_metadata=True)
    # trafilatura answers with a Document, or a dict in some versions: read both alike.
    fields = doc if isinstance(doc, dict) else doc.as_dict() if doc is not None else {}
    text = fields.get("text") or ""
    if not text.strip():
        raise error("E016", path=path)
    meta = {"title": fields.get("title"), "published": fields.get("date"), "source": fields.get("sitename"),
            "url": fields.get("url")}
    meta = {k: v for k, v in meta.items() if v} | read_meta(path)
    yield make_article(text, meta, path=path, name=path.name)
