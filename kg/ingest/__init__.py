"""Reading articles: files and folders in, :class:`kg.records.Article` records out.

One reader per input format, registered by file suffix (see :data:`READERS`). Every reader
drops page furniture (:mod:`kg.ingest.furniture`) before anything else sees the text.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import error
from kg.records import Article

Reader = Callable[[Path], Iterator[Article]]
READERS: dict[str, Reader] = {}


def reader(suffix: str) -> Callable[[Reader], Reader]:
    """Register a reader for files ending in ``suffix`` (``".txt"``)."""

    def register(func: Reader) -> Reader:
        READERS[suffix] = func
        return func

    return register


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if not path.exists():
            raise error("E001", path=path)
        if path.is_dir():
            # Sorted, so the same folder always gives the same article order.
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in READERS
                              and not p.name.startswith("."))
        else:
            if path.suffix not in READERS:
                raise error("E009", kind="input format", name=path.suffix or path.name,
                            known=", ".join(sorted(READERS)))
            yield path


def read_articles(paths: Iterable[Path | str]) -> list[Article]:
    """Read every article under ``paths``; duplicates (same id) are kept once.

    The result is sorted by article id, so output never depends on argument order.
    """
    # Importing the reader modules registers them.
    from kg.ingest import html, jsonl, text  # noqa: F401

    wanted = [Path(p) for p in paths]
    seen: dict[str, Article] = {}
    for file in _files(wanted):
        for article in READERS[file.suffix](file):
            seen.setdefault(article.id, article)
    if not seen:
        raise error("E006", paths=", ".join(str(p) for p in wanted))
    return sorted(seen.values(), key=lambda a: a.id)
