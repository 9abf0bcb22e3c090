"""Turning raw text and metadata into an :class:`~kg.records.Article`."""
from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path

from kg.errors import error
from kg.ingest.furniture import blank_inline_furniture, body_end
from kg.records import Article

_SNIFF = 8192


def read_text(path: Path) -> str:
    """A file's text: UTF-8, else Windows-1252 with a warning; binary and empty files refused."""
    data = path.read_bytes()
    if b"\x00" in data[:_SNIFF]:
        raise error("E003", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Old news archives are often Windows-1252; decoding it beats refusing the article.
        text = data.decode("cp1252", errors="replace")
        print(f"kg: warning: {path} is not UTF-8 (byte {exc.start}); read it as Windows-1252",
              file=sys.stderr)
    if not text.strip():
        raise error("E002", path=path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _published(value: object, where: Path) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise error("E005", path=where,
                    detail=f'"published" is {value!r}, not a date: write it as YYYY-MM-DD') from None


def make_article(raw: str, meta: dict, *, path: Path, name: str) -> Article:
    if not raw.strip():
        raise error("E002", path=name)
    text = blank_inline_furniture(raw[: body_end(raw)])
    if not text.strip():
        raise error("E002", path=name)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    url = meta.get("url") or None
    # The URL names the article across re-crawls; without one, its content does.
    ident = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16] if url else digest[:16]
    return Article(
        id=ident, text=text, published=_published(meta.get("published"), path),
        title=meta.get("title") or None, source=meta.get("source") or None, url=url,
        path=str(path), name=name, content_hash=digest,
    )
