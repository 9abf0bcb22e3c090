"""``NAME.jsonl``: one article per line, the ``.meta.json`` keys plus ``"text"``."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.errors import error
from kg.ingest import reader
from kg.ingest.article import make_article, read_text
from kg.records import Article


@reader(".jsonl")
def read_jsonl(path: Path) -> Iterator[Article]:
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error("E015", path=path, line=number, detail=exc.msg) from None
        if not isinstance(record, dict):
            raise error("E015", path=path, line=number, detail="not an object")
        text = record.pop("text", None)
        if not isinstance(text, str) or not text.strip():
            raise error("E005", path=f"{path}:{number}", detail='no "text": each line needs the article text')
        yield make_article(text, record, path=path, name=f"{path.name}#{number}")
