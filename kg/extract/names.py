"""Small helpers for names: slugs, honorifics, span boundaries the model gets wrong."""

from __future__ import annotations

import functools
import re
import unicodedata

from spacy.tokens import Doc, Span, Token

# Honorifics and titles that precede a name but are not part of it.
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "madam",
    "lady",
    "lord",
    "gen",
    "general",
    "president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "leader",
    "chairman",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen",
    "rep",
    "governor",
    "ambassador",
    "admiral",
    "adm",
    "col",
    "colonel",
    "lt",
    "captain",
    "capt",
    "marshal",
    "prime",
    "vice",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "commander",
    "chief",
    "supreme",
    "comrade",
    "h.e",  # "H.E. Mr. Cho": His or Her Excellency
    "the",
}

# Acronyms the model tags as organisations but which are time zones, weapons or units, and
# words it takes for names.
NOT_ORGS = {
    "utc",
    "gmt",
    "kst",
    "jst",
    "est",
    "edt",
    "pst",
    "pdt",
    "cet",
    "cest",
    "bst",
    "icbm",
    "icbms",
    "srbm",
    "srbms",
    "irbm",
    "irbms",
    "slbm",
    "slbms",
    "mrbm",
    "mrbms",
    "km",
    "mach",
    "mph",
    "tnt",
    "cvid",
    "eez",
    "dmz",
    # Diseases the model reads as names ("since the Covid pandemic").
    "covid",
    "covid-19",
    "coronavirus",
    "sars",
    "ebola",
}


# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                          "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th"})


# Pure, and called on the same few names over and over (a twentieth of extraction's time).
@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case, accents, apostrophes and punctuation folded, words kept.

    ``"Yoon Suk-yeol"`` → ``"yoon suk yeol"``.

    >>> fold("Kim Jong-un's")
    'kim jong un'
    """
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2019]s\b", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def slug(text: str) -> str:
    """A name as an IRI path segment: ``"Fumio Kishida"`` → ``"fumio-kishida"``."""
    return fold(text).replace(" ", "-") or "unnamed"


def strip_possessive(span: Span) -> Span:
    """``"North Korea's"`` → ``"North Korea"``: the model often keeps the ``'s``."""
    end = span.end
    while end > span.start and span.doc[end - 1].text in {"'s", "\u2019s", "'", "\u2019"}:
        end -= 1
    return span.doc[span.start : end] if end != span.end else span


def strip_leading(span: Span, *, honorifics: bool = False) -> Span:
    """Drop a leading article (and, for persons, honorifics).

    ``"the East Sea"`` → ``"East Sea"``, ``"Mr Yoon"`` → ``"Yoon"``."""
    words = HONORIFICS if honorifics else {"the", "a", "an"}
    start = span.start
    while start < span.end - 1 and (span.doc[start].lower_.rstrip(".") in words or span.doc[start].is_punct):
        start += 1
    return span.doc[start : span.end] if start != span.start else span


def extend_name(span: Span) -> Span:
    """Grow a person's name over the parts the model cut off: ``"Yoon Suk"`` + ``"Yeol"``, ``"Suk-yeol"``."""
    doc: Doc = span.doc
    end = span.end
    while end < len(doc):
        tok = doc[end]
        if tok.text == "-" and end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2  # "Suk" "-" "yeol" when the tokenizer split the hyphen
            continue
        # Korean given names' second syllable is often not tagged a proper noun ("Kim Ju Ae").
        name_like = tok.pos_ == "PROPN" or (len(tok) <= 3 and not tok.is_stop)
        # The parser sometimes starts a sentence inside a name; only punctuation really ends one.
        starts_sentence = tok.is_sent_start and doc[tok.i - 1].is_punct
        if (
            tok.is_alpha
            and tok.text[0].isupper()
            and name_like
            # "Choe Son Hui": the model reads a name's last syllable as a people (the Hui)
            and (tok.ent_type_ in ("", "PERSON") or _syllable_as_group(tok))
            and not starts_sentence
            and end - span.start < 4
        ):
            end += 1
            continue
        break
    return doc[span.start : end] if end != span.end else span


def _syllable_as_group(tok: Token) -> bool:
    """ "Ri Son Hui": a short last syllable the model read as a people ("Hui", "Han"), alone, that
    is no country's demonym, is still part of the name."""
    from kg import gazetteer

    alone = tok.ent_iob_ == "B" and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    return tok.ent_type_ == "NORP" and alone and len(tok) <= 3 and gazetteer.lookup_demonym(tok.text) is None


def name_tokens(name: str) -> list[str]:
    """The folded words of a name, hyphenated parts split: ``"Kim Jong-un"`` → ``['kim', 'jong', 'un']``."""
    return fold(name).split()


def is_common_word(word: str) -> bool:
    """A capitalised English word ("Sirens", "Newest") rather than a name, by WordNet's lemmas."""
    from kg.gazetteer.words import english_words

    w = word.lower()
    if not w.isalpha():
        return False
    words = english_words()
    stems = {
        w,
        w[:-1] if w.endswith("s") else w,
        w[:-2] if w.endswith("es") else w,
        w[:-3] if w.endswith("est") else w,
        w[:-2] if w.endswith("er") else w,
    }
    return any(s in words for s in stems)


# A programme's own people, as a transcript's label names them after the name ("JANE ROE, HOST:").
CREW_ROLES = frozenset({"anchor", "host", "presenter", "reporter", "correspondent", "interviewer",
                        "moderator", "byline", "narrator", "editor", "co-host", "cohost"})
