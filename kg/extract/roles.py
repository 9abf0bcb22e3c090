"""Roles: who holds which office of which organisation or country.

News names officials in a few fixed shapes, and these rules read those shapes, not names:

* a title before the name, with its qualifier before that: "South Korean President Yoon Suk
  Yeol", "Japan's Prime Minister Fumio Kishida", "UN Secretary-General Antonio Guterres",
  "JCS Chairman Gen. Kim Seung-kyum";
* an apposition after the name: "Shin Won-sik, South Korea's defence minister,", "Paul Smith,
  commander of the Pacific Fleet,".

The qualifier is an entity of the table (country, organisation; a capital stands for its
country), a demonym (fuzzy, so "Japnaese" is Japan) or an anaphor ("the regime's", "the
country's", "its"), which means the article's topic country. Title words are matched
against a lexicon of general offices, fuzzily, so "Prime Mnister" still reads as a title.

A bare title ("Defence Minister Shin Won-sik") says no country. It gets one, in this order,
from: the same person's qualified title elsewhere in the document; an office only one
country has ("chief cabinet secretary"); a ministry of the same kind the document names
("Defense Minister X" + "Japan's Defense Ministry"); for "leader", the article's topic
country (:func:`topic_country`); the dateline ("TOKYO, March 18 (Kyodo) --" means Japanese officials go
unqualified). Failing all that no role is emitted: a wrong country costs more than a miss.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract import Context, extractor
from kg.extract.names import fold
from kg.records import ORG_CLASSES, Entity, Evidence, Role

# Office nouns: a title must contain one.
HEADS = {
    "president", "premier", "chancellor", "minister", "secretary", "leader", "spokesperson",
    "spokesman", "spokeswoman", "adviser", "advisor", "ambassador", "envoy", "diplomat",
    "commander", "chairman", "chairwoman", "chair", "chief", "director", "senator", "governor",
    "mayor", "king", "queen", "emperor", "representative", "lawmaker", "researcher", "professor",
    "analyst", "fellow", "head", "administrator", "undersecretary",
}
# Words that build titles from heads: "chief cabinet secretary", "national security adviser".
MODIFIERS = {
    "prime", "vice", "deputy", "first", "chief", "cabinet", "foreign", "defence", "defense",
    "unification", "interior", "home", "finance", "trade", "economy", "justice", "health",
    "national", "security", "state", "staff", "general", "supreme", "affairs", "principal",
    "senior", "special", "top", "acting", "assistant", "executive", "permanent", "under",
    "ministry", "department", "presidential", "military", "army", "navy", "naval", "air", "force",
    "forces", "intelligence", "nuclear", "press", "joint", "chiefs", "party", "policy", "science",
    "technology", "energy", "industry", "environment", "education", "veterans", "homeland",
    "attorney", "treasury", "commerce", "communications", "strategic", "command", "fleet",
    "research", "associate", "visiting", "managing", "parliamentary", "regional",
}
TITLE_WORDS = HEADS | MODIFIERS
# Words a title may end with after its head: "secretary general", "minister of defence".
TAILS = {"general", "state", "staff", "defence", "defense", "affairs"}
_VOCAB = sorted(TITLE_WORDS)
# Ranks and honorifics between a title and a name; not part of the office.
RANKS = {"gen", "gen.", "general", "lt", "lt.", "col", "col.", "adm", "adm.", "maj", "maj.", "mr",
         "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sgt", "capt", "capt.",
         "marshal", "admiral", "colonel", "comrade"}
# A title these words precede is not held now ("former President Moon").
NOT_CURRENT = {"former", "ex", "late", "then", "erstwhile", "previous"}
# Nouns that stand for the country the article is about: "the regime's leader".
ANAPHORS = {"regime", "country", "nation", "north", "south", "state", "government", "its",
            "their", "communist", "isolated"}
LEADER_TITLES = {"leader", "supreme leader"}
# Offices only one country has, so a bare one says the country (general knowledge, not names).
NATIONAL_OFFICES = {"chief cabinet secretary": "country:JP", "unification minister": "country:KR",
                    "secretary of state": "country:US"}
_HYPHENS = {"-", "\u2010", "\u2011"}
_POSSESSIVE = {"'s", "\u2019s", "'"}
# "SEOUL, Aug. 31 (Yonhap) --", "TOKYO (AFP) -": a wire dateline names the home country.
_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Z .'-]{2,30}?)\s*(?:,[^()\n]{0,25})?\([^()\n]{2,40}\)"
                       r"\s*(?:--|-|\u2014|\u2013)")


@dataclass
class _Cand:
    person: str
    title: str
    org: str | None
    salient: bool        # the qualifier was an anaphor ("the regime's")
    span: Span           # the person's mention


def _english() -> frozenset[str]:
    try:
        from kg.gazetteer.words import english_words
        return english_words()
    except ImportError:  # pragma: no cover - the gazetteer always ships it
        return frozenset()


def title_word(tok: Token, *, near_title: bool = False) -> str | None:
    """The lexicon word ``tok`` is, allowing typos ("Mnister"); None if it is no title word.

    A correctly spelled English word is only corrected next to an exact title word ("Prime
    Minster"), so "resident" never becomes "president".
    """
    low = tok.lower_
    if low in TITLE_WORDS:
        return low
    if not tok.is_alpha or len(low) < 6:
        return None
    hit = process.extractOne(low, _VOCAB, scorer=fuzz.ratio, score_cutoff=85)
    if hit is None or low in (hit[0] + "s", hit[0] + "es"):  # plurals name no one office
        return None
    if low in _english() and not near_title:
        return None
    return hit[0]


class _Reader:
    """Reads titles around the person mentions of one document."""

    def __init__(self, ctx: Context):
        self.ctx, self.doc, self.table = ctx, ctx.doc, ctx.entities

    # ----------------------------------------------------------- qualifiers

    def _as_org(self, key: str | None) -> str | None:
        """A country or organisation an office can belong to (a capital means its country)."""
        key = self.table.actor(key)
        cls = self.table.cls(key)
        return key if cls == "Country" or cls in ORG_CLASSES else None

    def _anaphor(self, tok: Token) -> bool:
        return tok.lower_ in ANAPHORS and self.table.entity_of(tok) is None or (
            fold(tok.text) in ("north", "south") and self.table.cls(self.table.entity_of(tok)) != "Country")

    def _demonym(self, i: int) -> tuple[str | None, int]:
        """Country of a demonym ending at token ``i`` ("South Korean", "Japnaese"); its start."""
        doc = self.doc
        for start in (i - 1, i):
            if start < doc[i].sent.start or not doc[start].text[:1].isupper():
                continue
            place = gazetteer.lookup_demonym(doc[start:i + 1].text, fuzzy=True)
            if place is not None and place.cls == "Country":
                self._ensure(place.key)
                return place.key, start
        return None, i

    def _ensure(self, key: str) -> None:
        """Put a country the gazetteer gave us into the table, so the role's org has a label."""
        if key not in self.table.entities:
            p = gazetteer.place_by_key(key)
            if p is not None:
                self.table.entities[key] = Entity(key=p.key, cls=p.cls, name=p.name, within=p.within,
                                                  geonames_id=p.geonames_id, iso_code=p.iso_code)

    def qualifier_before(self, i: int) -> tuple[str | None, bool]:
        """(org, salient) for the words ending at token ``i``, just before a title."""
        doc, sent_start = self.doc, self.doc[i].sent.start
        if i < sent_start:
            return None, False
        tok = doc[i]
        if tok.lower_ in _POSSESSIVE and i - 1 >= sent_start:
            owner = doc[i - 1]
            if self._anaphor(owner):
                return None, True
            return self._as_org(self.table.entity_of(owner)), False
        if tok.lower_ in ("its", "their"):
            return None, True
        key = self.table.entity_of(tok)
        if key is not None:
            return self._as_org(key), False
        if tok.text[:1].isupper():
            return self._demonym(i)[0], False
        return None, False

    # ----------------------------------------------------------- titles

    def _is_title_tok(self, tok: Token, near: bool) -> str | None:
        """Title word of ``tok``, unless it belongs to a named entity that is more than a title."""
        word = title_word(tok, near_title=near)
        if word is None:
            return None
        span = self.table.span_of(tok)
        # The model sometimes tags "State" (of "Secretary of State") as an organisation.
        if span is not None and not all(title_word(t) for t in span):
            return None
        return word

    def title_before(self, start: int) -> tuple[list[str], int] | None:
        """Title words ending just before token ``start`` (ranks skipped), and the first one's index."""
        doc, sent_start = self.doc, self.doc[start].sent.start
        i = start - 1
        while i >= sent_start and doc[i].lower_ in RANKS and not (
                i - 1 >= sent_start and doc[i - 1].text in _HYPHENS) and not (
                doc[i].lower_ == "general" and i - 1 >= sent_start
                and doc[i - 1].lower_ in ("secretary", "director", "attorney")):
            i -= 1
        words: list[str] = []
        while i >= sent_start:
            tok = doc[i]
            if tok.text in _HYPHENS and words and i - 1 >= sent_start and not tok.whitespace_:
                words.insert(0, "-")
            elif tok.lower_ == "of" and words and i - 1 >= sent_start and title_word(doc[i - 1]):
                words.insert(0, "of")
            else:
                near = bool(words) or (i - 1 >= sent_start and doc[i - 1].lower_ in TITLE_WORDS)
                word = self._is_title_tok(tok, near)
                if word is None:
                    break
                words.insert(0, word)
            i -= 1
        while words and words[0] in ("-", "of"):
            words.pop(0)
        if not any(w in HEADS for w in words):
            return None
        return words, i + 1

    def title_after(self, i: int) -> tuple[list[str], int] | None:
        """Title words starting at token ``i`` and the index after them."""
        doc, end = self.doc, self.doc[i].sent.end if i < len(self.doc) else i
        words: list[str] = []
        while i < end:
            tok = doc[i]
            if tok.text in _HYPHENS and words and not doc[i - 1].whitespace_:
                words.append("-")
            elif tok.lower_ == "of" and words and i + 1 < end and doc[i + 1].lower_ in TITLE_WORDS \
                    and self.table.entity_of(doc[i + 1]) is None:
                words.append("of")
            else:
                word = self._is_title_tok(tok, bool(words))
                if word is None:
                    break
                words.append(word)
            i += 1
        while words and words[-1] in ("-", "of"):
            words.pop()
            i -= 1
        if not words or not (words[-1] in HEADS or (words[-1] in TAILS and HEADS & set(words))):
            return None
        return words, i

    def _org_named_at(self, i: int) -> tuple[str | None, int]:
        """The one entity named by the proper-noun phrase at token ``i`` ("the Pacific Fleet")."""
        doc, end = self.doc, self.doc[i].sent.end
        if i < end and doc[i].lower_ == "the":
            i += 1
        span = self.table.span_of(doc[i]) if i < end else None
        if span is None:
            return None, i
        j = span.end
        # The phrase must end where the entity does: "U.S. Forces Korea" is not the US.
        if j < end and (doc[j].text[:1].isupper() and doc[j].is_alpha):
            return None, j
        return self._as_org(self.table.entity_of(doc[i])), j

    # ----------------------------------------------------------- candidates

    def before(self, span: Span, key: str) -> _Cand | None:
        found = self.title_before(span.start)
        if found is None:
            return None
        words, first = found
        if any(t.lower_ in NOT_CURRENT for t in self.doc[max(span.sent.start, first - 3):first]):
            return None
        q = first - 1
        if q >= span.sent.start and self.doc[q].lower_ == "the":
            q -= 1
        org, salient = self.qualifier_before(q)
        named = self.table.span_of(self.doc[q]) if q >= span.sent.start else None
        if named is not None and org is not None and self._unknown_org(org):
            # "India's External Affairs Minister": the model took the office for an organisation.
            outer = self.qualifier_before(named.start - 1)
            if outer[0] is not None or outer[1]:
                words = [t.lower_ for t in named] + words
                org, salient = outer
        if org is None and not salient:
            # Offices outside the lexicon, between a qualifier and a known head: "India's
            # External Affairs Minister", "Japan's agriculture minister".
            extra: list[str] = []
            while q >= span.sent.start and len(extra) < 3 and self._office_word(self.doc[q]):
                extra.insert(0, self.doc[q].lower_)
                q -= 1
                org, salient = self.qualifier_before(q)
                if org is not None or salient:
                    words = extra + words
                    break
        return _Cand(key, _join(words), org, salient, span)

    def _unknown_org(self, key: str) -> bool:
        return self.table.cls(key) == "Organization" and gazetteer.org_by_key(key) is None

    def _office_word(self, tok: Token) -> bool:
        """A word an office name may have: Title-case ("External") or a lower-case noun."""
        if not tok.is_alpha or self.table.entity_of(tok) is not None:
            return False
        return tok.is_title or (tok.is_lower and tok.pos_ == "NOUN")

    def after(self, span: Span, key: str) -> _Cand | None:
        doc, end = self.doc, span.sent.end
        i = span.end
        if i >= end or doc[i].text != ",":
            return None
        i += 1
        if i < end and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        if i < end and doc[i].lower_ in NOT_CURRENT:
            return None
        org, salient = None, False
        qual = self.table.span_of(doc[i]) if i < end else None
        if qual is not None and qual.end < end and doc[qual.end].lower_ in _POSSESSIVE:
            org, i = self._as_org(self.table.entity_of(doc[i])), qual.end + 1
        elif i + 1 < end and doc[i + 1].lower_ in _POSSESSIVE and self._anaphor(doc[i]):
            salient, i = True, i + 2
        elif qual is not None:
            org, i = self._as_org(self.table.entity_of(doc[i])), qual.end
        elif i < end and doc[i].text[:1].isupper() and title_word(doc[i]) is None:
            two = i + 1 < end and doc[i + 1].text[:1].isupper() and title_word(doc[i + 1]) is None
            last = i + 1 if two else i
            dem, _ = self._demonym(last)
            if dem is not None:
                org, i = dem, last + 1
        found = self.title_after(i) if i < end else None
        if found is None:
            return None
        words, j = found
        if j < end and doc[j].lower_ in ("of", "at", "for"):
            named, j = self._org_named_at(j + 1)
            if named is None:
                return None
            return _Cand(key, _join(words), named, False, span)
        # A bare title must end the apposition: "X, the leader Y" or "X, a leader in ..." is not one.
        if j < end and doc[j].text not in (",", ".", ")", ";", ":", "\u2014", "\u2013", "-") \
                and doc[j].lower_ not in ("and", "who", "said", "says"):
            return None
        return _Cand(key, _join(words), org, salient, span)


def line_evidence(ctx: Context, spans: list[Span]) -> Evidence:
    """``ctx.evidence`` cut to the lines that hold ``spans``.

    The parser runs a headline or a live-blog time stamp into the next line's sentence
    ("13:20 KST\nKim Yo Jong warns ...\nKim Yo Jong, the ..."); the evidence should not.
    """
    ev = ctx.evidence(spans)
    if "\n" not in ev.sentence:
        return ev
    text = ctx.doc.text
    lo, hi = min(s.start_char for s in spans), max(s.end_char for s in spans)
    start = max(ev.start, text.rfind("\n", 0, lo) + 1)
    end = text.find("\n", hi)
    end = ev.end if end < 0 else min(ev.end, end)
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    return Evidence(ev.article, start + lead, start + len(line.rstrip()), line.strip())


def _join(words: list[str]) -> str:
    return " ".join(words).replace(" - ", "-")


def _dateline_country(ctx: Context) -> str | None:
    m = _DATELINE.match(ctx.doc.text[:120])
    if not m:
        return None
    place = gazetteer.lookup_place(m.group("city").strip().title())
    if place is None:
        return None
    return place.key if place.cls == "Country" else (place.within if place.within and
                                                     place.within.startswith("country:") else None)


def _ministry_country(ctx: Context, title: str) -> str | None:
    """The country of the one ministry of this kind the document names ("defense minister")."""
    words = set(fold(title).replace("defence", "defense").split()) - HEADS - {"vice", "deputy"}
    if "minister" not in title or not words:
        return None
    countries = set()
    for ent in ctx.entities.entities.values():
        name = fold(ent.name).replace("defence", "defense").split()
        if ent.country and ent.cls in ORG_CLASSES and "ministry" in name and words <= set(name):
            countries.add(ent.country)
    return countries.pop() if len(countries) == 1 else None


def topic_country(ctx: Context) -> str | None:
    """The country the article is about, for "the regime's leader" and a bare "leader".

    Mention counts alone (:meth:`EntityTable.salient_country`) favour whoever is reacting
    most; the topic is also the headline's first country and the subject of clauses. A capital
    counts for its country ("Pyongyang said").
    """
    if "topic_country" in ctx.cache:
        return ctx.cache["topic_country"]
    table, score = ctx.entities, Counter()
    for sent in ctx.doc.sents:
        for span, key in table.in_span(sent):
            country = table.actor(key)
            if table.cls(country) == "Country":
                score[country] += 1 + (span.root.dep_ in ("nsubj", "nsubjpass"))
    words = re.findall(r"[\w.'\u2019-]+", ctx.article.title or "")
    first = True
    for i in range(len(words)):
        for n in (3, 2, 1):
            name = " ".join(words[i:i + n]).rstrip(".:,") if i + n <= len(words) else ""
            place = name and (gazetteer.lookup_place(name) or gazetteer.lookup_demonym(name))
            if not place or (place.cls != "Country" and not (place.within or "").startswith("country:")):
                continue
            country = place.key if place.cls == "Country" else place.within
            if place.cls == "Country" or country in table.entities:
                score[country] += 3 if first else 1
                first = False
            break
    best = score.most_common(1)[0][0] if score else table.salient_country()
    ctx.cache["topic_country"] = best
    return best


_BODY_WORDS = ("ministry", "department", "agency", "office", "council", "command")


def _body_in_title(reader: _Reader, title: str, org: str) -> tuple[str, str]:
    """ "Chinese foreign ministry spokesperson": the office is the ministry's, not China's.

    The words up to the body noun name a national body of the country (by the gazetteer); the
    rest is the title. Without a known body, the title stays whole and the country holds it.
    """
    words = title.split()
    cut = max((i for i, w in enumerate(words) if w in _BODY_WORDS), default=None)
    if cut is None or reader.table.cls(org) != "Country" or not HEADS & set(words[cut + 1:]):
        return title, org
    body = gazetteer.lookup_national_body(" ".join(words[:cut + 1]), org)
    if body is None:
        return title, org
    if body.key not in reader.table.entities:
        reader.table.entities[body.key] = Entity(key=body.key, cls=body.cls, name=body.name,
                                                 country=body.country, aliases=frozenset([body.name]))
    return " ".join(words[cut + 1:]), body.key


def find_roles(ctx: Context) -> list[Role]:
    """Every role the document states, once per (person, title, org), with its first sentence."""
    if "roles" in ctx.cache:
        return ctx.cache["roles"]
    reader, table = _Reader(ctx), ctx.entities
    cands: list[_Cand] = []
    for sent in ctx.doc.sents:
        for span, key in table.in_span(sent):
            if table.cls(key) != "Person":
                continue
            cands += [c for c in (reader.before(span, key), reader.after(span, key)) if c]
    known = {(c.person, c.title): c.org for c in cands if c.org}
    dateline, salient = _dateline_country(ctx), topic_country(ctx)
    roles: dict[tuple[str, str, str], Role] = {}
    for c in cands:
        org = c.org
        if org is None and c.salient:
            org = salient
        if org is None:
            org = (known.get((c.person, c.title)) or NATIONAL_OFFICES.get(c.title)
                   or _ministry_country(ctx, c.title)
                   or (salient if c.title in LEADER_TITLES else None) or dateline)
        if org is None:
            continue
        title, org = _body_in_title(reader, c.title, org)
        reader._ensure(org)
        roles.setdefault((c.person, title, org), Role(c.person, title, org, line_evidence(ctx, [c.span])))
    ctx.cache["roles"] = list(roles.values())
    return ctx.cache["roles"]


@extractor("kg.role.v1")
def extract_roles(ctx: Context) -> list[Role]:
    return list(find_roles(ctx))
