"""People the model misses or mistypes, found from the words around them.

- A run of capitalised words next to an office is a person's name, whatever the model says:
  "Foreign Minister Choe Son Hui", "Marcus Hale, a missile analyst at ...", "Ri Pyong-chol,
  the party secretary". The model often types such names as organisations or not at all.
- A bare surname the model left untagged ("Albanese, on his first trip ...") is the one full
  name of the article that it ends or begins.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.extract.names import fold, is_common_word
from kg.extract.tokens import span_tokens, tokens

# Words of an office, which make the capitalised words beside them a person's name.
OFFICE_WORDS = {
    "minister",
    "president",
    "ambassador",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "adviser",
    "advisor",
    "chairman",
    "chairwoman",
    "premier",
    "leader",
    "general",
    "gen",
    "envoy",
    "director",
    "commander",
    "chancellor",
    "senator",
    "governor",
    "analyst",
    "researcher",
    "professor",
    "official",
    "chief",
    "head",
    "sister",
    "daughter",
    "brother",
    "wife",
    "son",
    "admiral",
    "marshal",
    "lawmaker",
    "representative",
    "diplomat",
    "secretary-general",
    "vice",
    "deputy",
    "fellow",
    "expert",
    "mayor",
    "king",
    "queen",
}
_MAX_NAME = 4


def _name_run(doc: Doc, start: int) -> int:
    """The end of a run of name words from ``start`` ("Ri Pyong - chol"), or ``start`` if none."""
    end = start
    toks: list[Token] = tokens(doc)  # the shared list: doc[i] builds a Token each time
    while end < len(toks) and end - start < _MAX_NAME + 2:
        tok = toks[end]
        if tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper or (len(tok) == 1 and tok.is_upper):
            end += 1
        elif (
            tok.text == "-"
            and end > start
            and not toks[end - 1].whitespace_
            and end + 1 < len(toks)
            and toks[end + 1].is_alpha
        ):
            end += 2  # a hyphenated given name the tokenizer split: "Pyong-chol"
        else:
            break
    return end


def _is_name(span: Span, *, lenient: bool = False) -> bool:
    """Every word could be a name's. ``lenient`` (a name set off after its office) lets a word
    also be a town's ("Nikki" is one in Benin), not a country's or a region's."""
    words = [t for t in span_tokens(span) if t.is_alpha]
    if not 2 <= len(words) <= _MAX_NAME:
        return False
    if gazetteer.lookup_place(span.text) is not None or gazetteer.lookup_org(span.text) is not None:
        return False
    # No word may be a place, an office or a common word ("Foreign Minister", "North Korean").
    doc = tokens(span.doc)
    for tok in words:
        low = tok.lower_
        # Half of a hyphenated given name is a name, whatever the word ("Choe Son-hui").
        hyphened = (tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_
                    and doc[tok.i + 2].text[:1].islower())
        place = gazetteer.lookup_place(tok.text)
        if (
            (low in OFFICE_WORDS and not hyphened)
            or place is not None and not (lenient and place.cls == "City")
            or gazetteer.lookup_demonym(tok.text) is not None
        ):
            return False
        if is_common_word(tok.text) and tok.pos_ != "PROPN":
            return False
    return True


def _office_after(doc: Doc, end: int) -> bool:
    """ ", the foreign minister", ", a missile analyst at", ", 52, a professor", ", who heads the"."""
    toks = tokens(doc)
    if end >= len(toks) or toks[end].text != ",":
        return False
    window = toks[end + 1 : min(len(toks), end + 7)]
    if len(window) > 1 and window[0].lower_ == "who" and window[1].lower_ in _HEADS_VERBS:
        return True  # ", who heads the National Security Office"
    for tok in window:
        if tok.lower_ in OFFICE_WORDS:
            return True
        if tok.text in {",", ".", ";", "said", "says"}:
            return False
    return False


# "X, who heads the ...": a relative clause that gives an office.
_HEADS_VERBS = {"heads", "leads", "chairs", "headed", "led", "chaired"}
_COURTESY = {"mr", "mrs", "ms", "miss", "dr", "mx"}
_SPEAKING = {"say", "tell", "add", "warn", "write", "note", "insist"}


def _speaks(doc: Doc, end: int) -> bool:
    """"Choe Son-hui said ...": a name that is the subject of a verb of saying (which the model
    may not have read as a person)."""
    return end < len(doc) and doc[end].pos_ in ("VERB", "AUX") and doc[end].lemma_ in _SPEAKING and any(
        c.dep_ == "nsubj" and c.i == end - 1 for c in doc[end].children) and not all(
        is_common_word(t.text) or t.is_stop for t in doc[end - 1].subtree if t.is_alpha)  # not "The Ministry"


def titled_names(doc: Doc) -> list[Span]:
    """Names of people next to an office word, in text order."""
    out: list[Span] = []
    lowers = [t.lower_.rstrip(".") for t in tokens(doc)]  # read once: each doc[i] builds a new Token
    texts = [t.text for t in tokens(doc)]
    opening = OFFICE_WORDS | _COURTESY
    i = 0
    while i < len(texts):
        if lowers[i] in _COURTESY:
            i += 1  # "Mr Biden, the US president": the name starts after the courtesy title
            continue
        starts = i > 0 and lowers[i - 1] in opening
        if (
            texts[i][:1].isupper()
            and texts[i].isalpha()
            and (starts or i == 0 or not texts[i - 1][:1].isupper())
        ):
            end = _name_run(doc, i)
            span = doc[i:end]
            # "Minister of Foreign Affairs, and ...": the office's department, not a name
            department = i > 1 and lowers[i - 1] == "of" and lowers[i - 2] in OFFICE_WORDS
            # "the US ambassador to the UN, Nikki Haley,": a full name set off after its office
            after_office = end - i >= 2 and i > 1 and texts[i - 1] == "," and any(
                w in OFFICE_WORDS for w in lowers[max(0, i - 7):i - 1]) and not any(
                w in (".", ";") for w in texts[max(0, i - 7):i - 1])
            beside_office = starts or after_office or _office_after(doc, end) or _speaks(doc, end)
            if end > i and not department and _is_name(span, lenient=after_office) and beside_office:
                out.append(span)
                i = end
                continue
        i += 1
    return out


def surname_spans(doc: Doc, covered: set[int], full_names: Mapping[str, object]) -> list[tuple[Span, str]]:
    """Untagged single words that are the first or last word of exactly one full name."""
    ends: dict[str, set[str]] = {}
    for folded in full_names:
        words = folded.split()
        for w in {words[0], words[-1]}:
            ends.setdefault(w, set()).add(folded)
    out = []
    for tok in tokens(doc):
        if tok.i in covered or not tok.is_alpha or not tok.text[:1].isupper() or tok.is_upper:
            continue
        hosts = ends.get(fold(tok.text), set())
        if len(hosts) == 1 and not (is_common_word(tok.text) and tok.pos_ != "PROPN"):
            out.append((doc[tok.i : tok.i + 1], hosts.pop()))
    return out
