"""One list of a document's tokens, shared by every extractor.

spaCy builds a new ``Token`` object on every ``doc[i]`` and on every step of iterating a
``Doc`` or a ``Span``; the extractors walk each document a dozen times, and building those
objects was a third of the extraction time. The list of the document being extracted is kept
until the next document comes.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_last: tuple[Doc, list[Token]] | None = None


def tokens(doc: Doc) -> list[Token]:
    """The tokens of ``doc``, built once per document (compare tokens with ``==``, not ``is``)."""
    global _last
    if _last is None or _last[0] is not doc:
        _last = (doc, list(doc))
    return _last[1]


def span_tokens(span: Span) -> list[Token]:
    """The tokens of ``span``, from the document's shared list."""
    return tokens(span.doc)[span.start : span.end]
