"""Extraction: a parsed article in, typed records out.

Each extractor is a function from a :class:`Context` to a list of records
(:mod:`kg.records`), registered under a versioned name with :func:`extractor` next to its
definition. :func:`extract` runs entity finding once, then every registered extractor.
Adding an event type is one module here, its tests and its ontology terms.
"""
from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.errors import error
from kg.extract.entities import EntityTable, find_entities
from kg.records import Article, ArticleFacts, Evidence, Role

Extractor = Callable[["Context"], list]
EXTRACTORS: dict[str, Extractor] = {}

# The modules that define extractors; importing one registers what it defines.
MODULES = ["roles", "launch", "meeting", "exercise", "statement", "other_events"]


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register ``func`` as the extractor ``name`` (``"kg.missile_launch.v1"``)."""

    def register(func: Extractor) -> Extractor:
        EXTRACTORS[name] = func
        return func

    return register


def get_extractor(name: str) -> Extractor:
    load_all()
    if name not in EXTRACTORS:
        raise error("E009", kind="extractor", name=name, known=", ".join(sorted(EXTRACTORS)))
    return EXTRACTORS[name]


@functools.cache
def load_all() -> None:
    for module in MODULES:
        try:
            importlib.import_module(f"kg.extract.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kg.extract.{module}":
                raise


@dataclass
class Context:
    """What an extractor sees: the parsed article, its entities, and shared per-document state."""

    doc: Doc
    article: Article
    entities: EntityTable
    cache: dict = field(default_factory=dict)  # for extractors to share per-document work
    text: str = ""  # the document's text (spaCy rebuilds Doc.text on every access)
    sentences: list[Span] = field(default_factory=list)  # likewise Doc.sents

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text
        self.sentences = self.sentences or list(self.doc.sents)

    def evidence(self, span: Span | list[Span]) -> Evidence:
        """The sentence (or run of sentences) around ``span``, verbatim, with offsets."""
        spans = span if isinstance(span, list) else [span]
        start = min(s.sent.start_char for s in spans)
        end = max(s.sent.end_char for s in spans)
        text = self.text[start:end]
        # Offsets of the sentence without its trailing line break or spaces.
        stripped = text.rstrip()
        lead = len(text) - len(text.lstrip())
        return Evidence(self.article.id, start + lead, start + len(stripped), stripped.lstrip())


def extract(doc: Doc, article: Article, *, names: list[str] | None = None) -> ArticleFacts:
    """Run entity finding and the extractors (all registered ones unless ``names``) on one article."""
    load_all()
    try:
        table = find_entities(doc, article.source, article.text)
    except Exception as exc:  # noqa: BLE001 - as for extractors below: warn, keep the build going
        if os.environ.get("KG_DEBUG"):
            raise
        print(f"kg: warning: entity finding failed on {article.name or article.id} ({type(exc).__name__}: "
              f"{exc}); the article is kept without its facts (set KG_DEBUG=1 to see the traceback)",
              file=sys.stderr)
        table = EntityTable(doc, text=article.text)
    ctx = Context(doc=doc, article=article, entities=table, text=table.text)  # Doc.text is rebuilt per access
    facts = ArticleFacts(article=article, entities=dict(table.entities), mentions=list(table.mentions))
    for name in names or sorted(EXTRACTORS):
        try:
            records = list(get_extractor(name)(ctx))
        except Exception as exc:  # noqa: BLE001 - one bad article must not sink a whole build
            if os.environ.get("KG_DEBUG"):
                raise
            print(f"kg: warning: extractor {name} failed on {article.name or article.id} "
                  f"({type(exc).__name__}: {exc}); its facts from this article are left out "
                  f"(set KG_DEBUG=1 to see the traceback)", file=sys.stderr)
            continue
        for record in records:
            (facts.roles if isinstance(record, Role) else facts.events).append(record)
    # Entities that extractors introduced (e.g. a country from a demonym) are in the table now.
    facts.entities = dict(table.entities)
    return facts
