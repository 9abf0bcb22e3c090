"""Organisations in the text: national bodies ("Japan's defence ministry", "the ministry said"),
acronyms ("Joint Chiefs of Staff (JCS)", "the JCS"), well-known names the model splits, and the
country an article is written from, which places bodies named without one."""

from __future__ import annotations

import dataclasses
import functools
import re

from spacy.tokens import Doc, Span

from kg import gazetteer
from kg.extract.entity_table import EntityTable, country_of, gazetteer_country, org_entity
from kg.extract.names import (
    fold,
)
from kg.extract.places import find_org_names
from kg.records import Entity, Mention

# Generic national bodies the model often misses in lower case: "Japan's defence ministry".
_BODY_HEADS = (
    r"joint chiefs of staff|(?:defen[cs]e|foreign|unification|interior|finance|trade|"
    r"foreign affairs|home affairs) ministry|ministry of (?:defen[cs]e|foreign affairs|"
    r"unification|national defen[cs]e)|coast guard|national security council|"
    r"state department|defen[cs]e department|department of (?:defen[cs]e|state)|"
    r"national police agency|meteorological agency|space agency|"
    r"nuclear safety commission|national intelligence service|cabinet office|navy|air force|"
    r"marine corps|marines"
)


_BODY = re.compile(rf"\b(?:the\s+)?(?P<head>{_BODY_HEADS})\b", re.I)


def merge_countryless_bodies(table: EntityTable) -> None:
    """ "Joint Chiefs of Staff" with no country named is the article's country-specific one, if
    the article names exactly one body of that name with its country."""
    bodies: dict[str, list[str]] = {}
    for key, ent in table.entities.items():
        if ent.country and ent.cls in ("GovernmentBody", "MilitaryBody"):
            for alias in ent.aliases | {ent.name}:
                bodies.setdefault(fold(alias), []).append(key)
    remap = {}
    for key, ent in table.entities.items():
        if key.startswith("org:") and not ent.country:
            hosts = set(bodies.get(fold(ent.name), []))
            if len(hosts) == 1:
                remap[key] = hosts.pop()
    if not remap:
        return
    for i, (span, key) in list(table._by_token.items()):
        if key in remap:
            table._by_token[i] = (span, remap[key])
    table.mentions = [Mention(m.start, m.end, m.text, remap.get(m.entity, m.entity)) for m in table.mentions]
    for old, new in remap.items():
        ent = table.entities.pop(old)
        host = table.entities[new]
        table.entities[new] = dataclasses.replace(host, aliases=host.aliases | ent.aliases)


def drop_unmentioned_countries(table: EntityTable) -> None:
    """An organisation's country is linked only when the article names it: AFP needn't bring France."""
    named = {m.entity for m in table.mentions}
    for key, ent in list(table.entities.items()):
        if ent.country and ent.country not in named:
            table.entities[key] = dataclasses.replace(ent, country=None)


def _country_before(doc: Doc, start: int, table: EntityTable, window: int = 3) -> str | None:
    """The country that qualifies a national body: a possessive or adjective right before it
    ("Japan's Coast Guard", "the Japanese Coast Guard", "Seoul's Joint Chiefs"), not any country
    nearby ("... and Japan, the JCS said")."""
    i = start - 1
    while i >= 0 and start - i <= window and doc[i].lower_ in {"the", "'s", "\u2019s", "'", "\u2019"}:
        i -= 1
    if i < 0 or doc[i].is_sent_start and doc[i].lower_ in {"the"}:
        return None
    key = table.entity_of(doc[i])
    if key and table.cls(key) == "Country":
        return key
    if key and table.cls(key) == "City" and doc[i + 1].lower_ in {"'s", "\u2019s"}:
        return table.actor(key)  # "Seoul's Joint Chiefs of Staff": a capital for its country
    if doc[i].text[:1].isupper():
        place = gazetteer.lookup_demonym(doc[i].text, fuzzy=True)
        if place is not None and place.cls == "Country":
            return place.key
    return None


def body_country(table: EntityTable, span: Span) -> str | None:
    """The country of a national body: named just before it ("Japan's Coast Guard"), or shared
    with the body it is coordinated with ("Japan's Coast Guard and Defense Ministry"), or that
    of the body with the same head named earlier in the article."""
    doc = span.doc
    country = _country_before(doc, span.start, table, window=3)
    if country:
        return country
    if span.start >= 2 and doc[span.start - 1].lower_ in {"and", ",", "&"}:
        key = table.entity_of(doc[span.start - 2])
        if key and table.entities[key].country:
            return table.entities[key].country
    head = fold(span.text).split()[-1] if fold(span.text) else ""
    for mention in reversed(table.mentions):
        ent = table.entities.get(mention.entity)
        if ent is None or not ent.country or mention.start >= span.start_char:
            continue
        # The body of that kind named before ("the ministry"), or the one these initials stand
        # for ("the JCS" after "South Korea's Joint Chiefs of Staff").
        if head in fold(ent.name) or (span.text.isupper() and span.text in _acronyms_of(ent)):
            return ent.country
    # The country the article gives this body elsewhere ("... the Joint Chiefs of Staff said" and,
    # later, "South Korea's Joint Chiefs of Staff"), before the dateline's country.
    stated = _stated_country(table, span.text) or _military_context(table, span)
    return stated or opening_place(table, span) or table.home_country


def opening_place(table: EntityTable, span: Span) -> str | None:
    """"In Seoul, President Yoon convened the National Security Council": the country of a place
    that opens the sentence."""
    sent = span.sent
    if sent[0].lower_ != "in":
        return None
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None or comma >= span.start or comma - sent.start > 5:
        return None
    countries = {country_of(table, k) for t in span.doc[sent.start + 1:comma] if (k := table.entity_of(t))}
    countries.discard(None)
    return countries.pop() if len(countries) == 1 else None


_MILITARY = re.compile(
    r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:['\u2019]s)? (?:military|armed forces|army|navy|forces)\b"
)
_MILITARY_HEADS = ("joint chiefs", "navy", "air force", "army", "military")


def _military_context(table: EntityTable, span: Span) -> str | None:
    """A military body named bare after "South Korea's military said" in the same stretch of
    text belongs to that country ("..., the Joint Chiefs of Staff said")."""
    if not any(h in span.text.lower() for h in _MILITARY_HEADS):
        return None
    best = None
    for m in _MILITARY.finditer(table.text, max(0, span.start_char - 800), span.start_char):
        words = m.group(1).split()
        for i in range(len(words)):
            name = " ".join(words[i:])
            place = gazetteer.lookup_place(name) or gazetteer.lookup_demonym(name)
            if place is not None and place.cls == "Country":
                best = place.key
                break
    return best


def _stated_country(table: EntityTable, name: str) -> str | None:
    """The one country named right before ``name`` anywhere in the text, if exactly one is."""
    found = set()
    for m in re.finditer(
        rf"([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:['\u2019]s)? (?:the )?{re.escape(name)}\b", table.text
    ):
        words = m.group(1).split()
        for i in range(len(words)):
            candidate = " ".join(words[i:])
            place = gazetteer.lookup_place(candidate) or gazetteer.lookup_demonym(candidate)
            if place is not None and place.cls == "Country":
                found.add(place.key)
                break
    return found.pop() if len(found) == 1 else None


def home_country(text: str, source: str | None) -> str | None:
    """Where the article is written from: its dateline's country ("SEOUL, Jan 30 (Reuters) -"),
    else its publisher's (Yonhap is Korean; a wire service is from anywhere, so it comes second)."""
    # A dateline opens one of the first lines (a headline may stand above it).
    dateline = re.search(r"^\s*([A-Z][A-Z .'-]{2,30}?)(?:,| \(|\s+[-\u2013\u2014])", text[:600], re.M)
    if dateline:
        place = gazetteer.lookup_place(dateline.group(1).strip().title())
        if place is not None:
            return gazetteer_country(place.key)
    for name in re.split(r"[,;/()]| with | and ", source or ""):
        org = gazetteer.lookup_org(name.strip()) if name.strip() else None
        # A foreign outlet's bodies are not the story's ("the National Security Council" in Al
        # Jazeera's report from Seoul is not Qatar's): only a country the text names is home.
        if org is not None and org.country and (words := _country_words(org.country)) is not None \
                and words.search(text):
            return org.country
    return None


@functools.cache
def _country_words(key: str) -> re.Pattern[str] | None:
    """A country's names, demonyms and capital as whole words ("Qatar", "Qatari", "Doha")."""
    from kg.extract.places import capitals
    from kg.gazetteer.sources import curated

    place = gazetteer.place_by_key(key)
    forms = set(place.aliases) if place is not None else set()
    forms |= {name for name, k in curated().demonyms.items() if k == key}
    forms |= {city.name for c in capitals() if (city := gazetteer.place_by_key(c)) and city.within == key}
    forms = {f for f in forms if len(f) > 2}
    if not forms:
        return None
    words = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.I)


def add_national_bodies(table: EntityTable) -> None:
    """Lower-case national bodies ("Japan's defence ministry"), and "the ministry said" anaphora."""
    doc = table.doc
    last_by_head: dict[str, str] = {}
    for m in _BODY.finditer(table.text):
        span = doc.char_span(m.start("head"), m.end("head"), alignment_mode="expand")
        if span is None:
            continue
        if table.taken(span):
            key = table.entity_of(span[0])
            if key:
                last_by_head[_head_word(m.group("head"))] = key
            continue
        country = _country_before(doc, span.start, table, window=3)
        words = m.group("head").split()
        if country is None and len(words) > 1 and all(w[0].isupper() or w in ("of", "for") for w in words):
            # '"...," the Joint Chiefs of Staff said', a name the model missed: the home country's
            country = table.home_country
        org = gazetteer.lookup_national_body(m.group("head"), country) if country else None
        if org is not None:
            table.add(span, org_entity(org))
            last_by_head[_head_word(m.group("head"))] = org.key
    # "the ministry said": the last body of that kind named before.
    for m in re.finditer(r"\bthe (ministry|coast guard|agency|council|department)\b", table.text, re.I):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        key = _last_body(table, m.start(), m.group(1).lower())
        if span is not None and key and not table.taken(span):
            table.add(span, table.entities[key], alias=False)


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]?[A-Z]{1,6})\)")


def add_acronyms(table: EntityTable) -> None:
    """ "Joint Chiefs of Staff (JCS)": the acronym names the entity before it, everywhere in the text."""
    doc = table.doc
    defined: dict[str, str | None] = {}
    for m in _ACRONYM.finditer(table.text):
        paren = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        if paren is None or len(paren) == 0 or paren[0].i == 0:
            continue
        prev = doc[paren[0].i - 1]
        key = table.entity_of(prev)
        span = table.span_of(prev)
        if (
            key
            and span is not None
            and table.cls(key) not in ("Person", None)
            and _initials(span.text) == m.group(1).upper()
        ):
            defined[m.group(1)] = key
        elif key is None:
            # The acronym of something that is not an entity ("Ulchi Freedom Shield (UFS)",
            # an exercise) is not one either.
            words = [t.text for t in doc[max(0, prev.i - 5) : prev.i + 1] if t.text[:1].isupper()]
            if any(_initials(" ".join(words[i:])) == m.group(1).upper() for i in range(len(words))):
                defined[m.group(1)] = None
    # An acronym the article never spells out ("the JCS said" after "Joint Chiefs of Staff"):
    # the one organisation of the article whose initials it is.
    for m in re.finditer(r"\b([A-Z]{2,6})\b", table.text):
        acronym = m.group(1)
        if acronym in defined or gazetteer.lookup_org(acronym) is not None:
            continue
        owners = {
            k
            for k, e in table.entities.items()
            if e.cls not in ("Person", "Country", "City", "Region", "BodyOfWater")
            and acronym in _acronyms_of(e)
        }
        if len(owners) == 1:
            defined[acronym] = owners.pop()
    if not defined:
        return
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, sorted(defined))) + r")\b", table.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None:
            continue
        # The model's own reading of the acronym (often a wrong one) gives way, with whatever
        # it glued to it ("JCS Chairman" read as a person).
        for tok in span:
            hit = table._by_token.get(tok.i)
            if hit is not None:
                for t in hit[0]:
                    table._by_token.pop(t.i, None)
                table.mentions = [
                    x
                    for x in table.mentions
                    if not (x.start == hit[0].start_char and x.end == hit[0].end_char)
                ]
        owner = defined[m.group(1)]
        if owner is not None:
            table.add(span, table.entities[owner])
    for key in list(table.entities):
        if key not in {x.entity for x in table.mentions} and not _is_parent(table, key):
            del table.entities[key]


@functools.lru_cache(maxsize=8192)
def bare_names(ent: Entity) -> frozenset[str]:
    """An organisation's names with and without its country ("South Korea Joint Chiefs of
    Staff" and "Joint Chiefs of Staff")."""
    names = set(ent.aliases | {ent.name})
    country = gazetteer.place_by_key(ent.country) if ent.country else None
    if country is not None:
        for cname in (country.name, *country.aliases):
            names |= {
                re.sub(rf"^{re.escape(cname)}(?:'s)?\s+|\s+of\s+{re.escape(cname)}$", "", n) for n in names
            }
    return frozenset(names)


@functools.lru_cache(maxsize=8192)
def _acronyms_of(ent: Entity) -> frozenset[str]:
    """The initials of an organisation's names, with and without its country ("SKJCS", "JCS")."""
    return frozenset(_initials(n) for n in bare_names(ent))


def _initials(name: str) -> str:
    """ "Joint Chiefs of Staff" → "JCS"; "US Forces Korea" → "USFK" (acronyms inside keep all letters)."""
    out = []
    for word in re.findall(r"[A-Za-z][A-Za-z.]*", name):
        if word.lower() in {"of", "the", "and", "for", "on", "in"}:
            continue
        letters = word.replace(".", "")
        out.append(letters if letters.isupper() else letters[0].upper())
    return "".join(out)


def _is_parent(table: EntityTable, key: str) -> bool:
    return any(e.within == key or e.country == key for e in table.entities.values())


def _head_word(head: str) -> str:
    return fold(head).split()[-1]


def _last_body(table: EntityTable, before: int, head: str) -> str | None:
    """The body of that kind named nearest before ``before`` ("the ministry" → the last ministry)."""
    best, best_start = None, -1
    for mention in table.mentions:
        if best_start < mention.start < before and head in fold(table.entities[mention.entity].name):
            best, best_start = mention.entity, mention.start
    return best


def add_org_phrases(table: EntityTable) -> None:
    """Well-known organisations whose names the model splits ("U.S. Forces Korea")."""
    doc = table.doc
    for start, end, org in find_org_names(table.text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and not table.taken(span):
            table.add(span, org_entity(org))
