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
from kg.extract.entities import EntityTable
from kg.extract.names import fold
from kg.gazetteer.words import english_words
from kg.records import ORG_CLASSES, Entity, Evidence, Role

# Office nouns: a title must contain one.
HEADS = {
    "president", "premier", "chancellor", "minister", "secretary", "leader", "spokesperson", "spokesman",
    "spokeswoman", "adviser", "advisor", "ambassador", "envoy", "diplomat", "commander", "chairman",
    "chairwoman", "chair", "chief", "director", "senator", "governor", "mayor", "king", "queen",
    "emperor", "representative", "lawmaker", "researcher", "professor", "analyst", "fellow", "head",
    "administrator", "undersecretary",
}
# Words that build titles from heads: "chief cabinet secretary", "national security adviser".
MODIFIERS = {
    "prime", "vice", "deputy", "first", "chief", "cabinet", "foreign", "defence", "defense",
    "unification", "interior", "home", "finance", "trade", "economy", "justice", "health", "national",
    "security", "state", "staff", "general", "supreme", "affairs", "principal", "senior", "special",
    "top", "acting", "assistant", "executive", "permanent", "under", "ministry", "department",
    "presidential", "military", "army", "navy", "naval", "air", "force", "forces", "intelligence",
    "nuclear", "press", "joint", "chiefs", "party", "policy", "science", "technology", "energy",
    "industry", "environment", "education", "veterans", "homeland", "attorney", "treasury", "commerce",
    "communications", "strategic", "command", "fleet", "research", "associate", "visiting", "managing",
    "parliamentary", "regional",
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
    if low in english_words() and not near_title:
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

    def _demonym(self, i: int) -> str | None:
        """Country of a demonym ending at token ``i`` ("South Korean", "Japnaese")."""
        for start in (i - 1, i):
            if start >= self.doc[i].sent.start and self.doc[start].text[:1].isupper():
                place = gazetteer.lookup_demonym(self.doc[start:i + 1].text, fuzzy=True)
                if place is not None and place.cls == "Country":
                    return place.key
        return None

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
            return self._demonym(i), False
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

    def _run(self, i: int, step: int) -> tuple[list[str], int]:
        """Title words from token ``i`` walking by ``step`` (-1 back, +1 on), in text order, and
        the index where the run stopped. "Secretary-General" and "Secretary of State" join."""
        doc, sent = self.doc, self.doc[i].sent
        words: list[str] = []
        while sent.start <= i < sent.end:
            tok, nxt = doc[i], i + step
            ahead = sent.start <= nxt < sent.end
            hyphen = tok.text in _HYPHENS and not tok.whitespace_ and not doc[i - 1].whitespace_
            if words and ahead and (hyphen or tok.lower_ == "of") and self._is_title_tok(doc[nxt], True):
                words.append("-" if hyphen else "of")
            else:
                word = self._is_title_tok(tok, bool(words) or (ahead and doc[nxt].lower_ in TITLE_WORDS))
                if word is None:
                    break
                words.append(word)
            i = nxt
        return (words[::-1] if step < 0 else words), i

    def title_before(self, start: int) -> tuple[list[str], int] | None:
        """Title words ending just before token ``start`` (ranks skipped), and the first one's index."""
        doc, sent_start = self.doc, self.doc[start].sent.start
        i = start - 1
        # "Gen." is a rank; "General" after "Secretary"/"Secretary-" is part of the office.
        while i > sent_start and doc[i].lower_ in RANKS and doc[i - 1].text not in _HYPHENS \
                and doc[i - 1].lower_ not in ("secretary", "director", "attorney"):
            i -= 1
        if i > sent_start and doc[i].text == "," and title_word(doc[i - 1]):
            i -= 1  # "the country's leader, Kim Jong-un,": the title comes first, then the name
        if i < sent_start:
            return None
        words, stop = self._run(i, -1)
        return (words, stop + 1) if HEADS & set(words) else None

    def title_after(self, i: int) -> tuple[list[str], int] | None:
        """Title words starting at token ``i`` and the index after them."""
        words, stop = self._run(i, 1)
        if not words or not (words[-1] in HEADS or (words[-1] in TAILS and HEADS & set(words))):
            return None
        return words, stop

    def _org_named_at(self, i: int) -> str | None:
        """The one entity named by the proper-noun phrase at token ``i`` ("the Pacific Fleet")."""
        doc, end = self.doc, self.doc[i].sent.end
        i += i < end and doc[i].lower_ == "the"
        span = self.table.span_of(doc[i]) if i < end else None
        # The phrase must end where the entity does: "U.S. Forces Korea" is not the US.
        if span is None or (span.end < end and doc[span.end].is_title and doc[span.end].is_alpha):
            return None
        return self._as_org(self.table.entity_of(doc[i]))

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
        if not salient and (org is None or self._unknown_org(org)):
            # Offices outside the lexicon, between a qualifier and a known head: "India's
            # External Affairs Minister" (which the model may take for an organisation).
            extra: list[str] = []
            while q >= span.sent.start and len(extra) < 4 and self._office_word(self.doc[q]):
                extra.insert(0, self.doc[q].lower_)
                q -= 1
                outer, anaphor = self.qualifier_before(q)
                if anaphor or (outer and not self._unknown_org(outer)):
                    words, org, salient = extra + words, outer, anaphor
                    break
        return _Cand(key, _join(words), org, salient, span)

    def _unknown_org(self, key: str) -> bool:
        return self.table.cls(key) == "Organization" and gazetteer.org_by_key(key) is None

    def _office_word(self, tok: Token) -> bool:
        """A word an office name may have: Title-case ("External") or a lower-case noun."""
        key = self.table.entity_of(tok)
        return tok.is_alpha and (key is None or self._unknown_org(key)) and (
            tok.is_title or (tok.is_lower and tok.pos_ == "NOUN"))

    def after(self, span: Span, key: str) -> _Cand | None:
        """ "X, [the] [qualifier] title [of|at ORG]," after the name."""
        doc, end = self.doc, span.sent.end
        if span.end + 1 >= end or doc[span.end].text != ",":
            return None
        i = span.end + 1 + (doc[span.end + 1].lower_ in ("the", "a", "an"))
        k = next((j for j in range(i, min(i + 5, end)) if self._is_title_tok(doc[j], False)), None)
        # Only a qualifier may stand between: "South Korea's", "the US", "the country's".
        if k is None or (i < end and doc[i].lower_ in NOT_CURRENT) or not all(
                self.table.entity_of(t) or t.lower_ in _POSSESSIVE or t.text[:1].isupper()
                or self._anaphor(t) for t in doc[i:k]):
            return None
        found = self.title_after(k)
        if found is None:
            return None
        (words, j), (org, salient) = found, (self.qualifier_before(k - 1) if k > i else (None, False))
        if j < end and doc[j].lower_ in ("of", "at", "for"):
            named = self._org_named_at(j + 1)
            return _Cand(key, _join(words), named, False, span) if named else None
        # A bare title must end the apposition: not "X, a leader in ...".
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


def _ensure(table: EntityTable, key: str) -> None:
    """Put a country or body the gazetteer gave us into the table, so the role's org has a label."""
    if key in table.entities:
        return
    place, org = gazetteer.place_by_key(key), gazetteer.org_by_key(key)
    if place is not None:
        table.entities[key] = Entity(key=key, cls=place.cls, name=place.name, within=place.within,
                                     geonames_id=place.geonames_id, iso_code=place.iso_code)
    elif org is not None:
        table.entities[key] = Entity(key=key, cls=org.cls, name=org.name, country=org.country,
                                     aliases=frozenset([org.name]))


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
        _ensure(table, org)
        roles.setdefault((c.person, title, org), Role(c.person, title, org, line_evidence(ctx, [c.span])))
    ctx.cache["roles"] = list(roles.values())
    return ctx.cache["roles"]


@extractor("kg.role.v1")
def extract_roles(ctx: Context) -> list[Role]:
    return list(find_roles(ctx))
