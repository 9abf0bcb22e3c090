"""The queries that ship in the repository's ``queries/`` folder, and how a QUERY argument is read.

A shipped query documents itself in its leading comments: the first ``# `` line is its one-line
description (``kg query --list``), and ``# @param NAME: what it is`` lines name the variables a
caller binds with ``--bind NAME=VALUE``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import kg
from kg.errors import error

QUERIES_DIR = Path(kg.__file__).resolve().parent.parent / "queries"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_PARAM = re.compile(r"^#\s*@param\s+\??([A-Za-z_]\w*)\s*:?\s*(.*)$")


@dataclass(frozen=True)
class QueryText:
    text: str
    source: str                          # for messages: "queries/launches.rq", "my.rq", "query text"
    name: str | None = None              # a shipped query's name
    params: tuple[tuple[str, str], ...] = ()


def shipped() -> dict[str, Path]:
    """Shipped query names → files, sorted by name."""
    if not QUERIES_DIR.is_dir():
        return {}
    return {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq"))}


def description(text: str) -> str:
    """The first ``# `` comment line, which says what the query answers."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") and not _PARAM.match(stripped):
            desc = stripped.lstrip("#").strip()
            if desc:
                return desc
    return ""


def params(text: str) -> tuple[tuple[str, str], ...]:
    found = []
    for line in text.splitlines():
        m = _PARAM.match(line.strip())
        if m:
            found.append((m[1], m[2].strip()))
    return tuple(found)


def list_queries() -> list[tuple[str, str]]:
    """``(name, description)`` of every shipped query."""
    return [(name, description(path.read_text(encoding="utf-8"))) for name, path in shipped().items()]


def _looks_like_sparql(text: str) -> bool:
    form = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text, re.I)
    return form is not None and ("{" in text or "*" in text)


def resolve(arg: str) -> QueryText:
    """A shipped name (``launches``), a ``.rq`` file, or the SPARQL text itself."""
    known = shipped()
    if _NAME.match(arg) and arg in known:
        text = known[arg].read_text(encoding="utf-8")
        return QueryText(text, f"queries/{arg}.rq", arg, params(text))
    if not _looks_like_sparql(arg):
        path = Path(arg)
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            return QueryText(text, str(path), None, params(text))
        if arg.endswith((".rq", ".sparql")) or "/" in arg:
            raise error("E130", path=arg, known=", ".join(known) or "none")
        raise error("E009", kind="query", name=arg, known=", ".join(known) or "none")
    return QueryText(arg, "query text", None, params(arg))


def resolve_query(arg: str) -> tuple[str, str]:
    """``(text, source description)`` for a QUERY argument: the library's entry point."""
    q = resolve(arg)
    return q.text, q.source
