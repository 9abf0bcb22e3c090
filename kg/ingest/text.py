"""``NAME.txt`` articles, with optional ``NAME.meta.json`` beside them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.errors import error
from kg.ingest import reader
from kg.ingest.article import make_article, read_text
from kg.records import Article


def read_meta(path: Path) -> dict:
    """The ``.meta.json`` beside an article, or ``{}`` when there is none."""
    meta_path = path.with_name(path.name[: -len(path.suffix)] + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise error("E004", path=meta_path, detail=str(exc).split(":")[0]) from None
    if not isinstance(meta, dict):
        raise error("E004", path=meta_path, detail="it is not a JSON object")
    return meta


@reader(".txt")
def read_txt(path: Path) -> Iterator[Article]:
    yield make_article(read_text(path), read_meta(path), path=path, name=path.name)
