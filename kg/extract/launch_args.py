"""Arguments of a missile launch, read off the dependency parse: what was fired, from where, into
which sea, and which UTC offset a bare clock time has.

Helpers for :mod:`kg.extract.launch`; each takes tokens of one sentence and the document's
:class:`~kg.extract.entities.EntityTable`. Nothing here knows about discourse or events.
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import re
import zoneinfo
from pathlib import Path

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract.entities import EntityTable
from kg.records import Entity

# ------------------------------------------------------------------ missiles

MISSILE_NOUNS = {"missile", "rocket", "projectile", "satellite", "warhead", "salvo"}
# Acronyms the tagger may read as proper nouns; plural forms are matched by stripping an "s".
MISSILE_ACRONYMS = {"icbm", "srbm", "irbm", "mrbm", "slbm", "slcm", "sslv", "mirv"}
# A type designation: "Hwasong-18", "KN-23", "Pulhwasal-3-31", "Chollima-1".
_DESIGNATION = re.compile(r"^[A-Z][A-Za-z]*(?:-\d+[A-Za-z]?)+$")
# Words a reporter can misspell that we still want to read (and spell right in the graph).
_SPELL = ("missile", "missiles", "ballistic", "intercontinental", "intermediate")
# Leading modifiers that are not part of the class: quantifiers, ordinals, hedges, novelty.
_NOT_CLASS = {"several", "many", "more", "other", "such", "same", "first", "second", "third", "fourth",
              "fifth", "another", "last", "latest", "previous", "further", "additional", "repeated",
              "new", "suspected", "potential", "possible", "apparent", "both", "what", "earlier",
              "recent", "at", "least", "some", "around", "about", "up", "to", "the", "a", "an", "single",
              "lone"}

_CLASS_DEPS = {"amod", "compound", "nmod", "npadvmod", "punct", "advmod", "quantmod"}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _spelled(word: str) -> str | None:
    """The lexicon word ``word`` is a one-letter typo of ("misiles" → "missiles"), if any."""
    low = word.lower()
    if len(low) < 6:
        return None
    if low in _SPELL:
        return word
    return next((w for w in _SPELL if Levenshtein.distance(low, w) == 1), None)


def is_missile(tok: Token) -> bool:
    """A token that names a missile (or a rocket, satellite, warhead) as a noun head."""
    low = tok.lower_
    if tok.pos_ not in ("NOUN", "PROPN", "X") or tok.ent_type_ in ("GPE", "FAC", "LOC"):
        return False                  # "Sohae Satellite Launching Station" is a place
    if tok.pos_ == "PROPN" and tok.text.istitle() and tok.dep_ == "compound" and not is_missile(tok.head):
        return False                  # ... and so is a name the tagger did not type
    if tok.lemma_.lower() in MISSILE_NOUNS or low in MISSILE_NOUNS or low.rstrip("s") in MISSILE_NOUNS:
        return True
    if low in MISSILE_ACRONYMS or (low.endswith("s") and low[:-1] in MISSILE_ACRONYMS):
        return True
    if low in ("vehicle", "vehicles") and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "launch":
        return True                   # a space launch vehicle
    if _spelled(tok.text) in ("missile", "missiles"):
        return True
    # A designation heads its phrase ("a Hwasong-18"), not as a modifier of another noun
    # ("a B-1B strategic bomber").
    return bool(_DESIGNATION.match(tok.text)) and tok.dep_ not in ("compound", "nmod", "amod")


@functools.cache
def _is_place_name(text: str) -> bool:
    return gazetteer.lookup_demonym(text) is not None or gazetteer.lookup_place(text) is not None


def _place_word(tok: Token) -> bool:
    """A word of who fired or when, not of what: "North Korean", "Japan", "Monday". Only names the
    gazetteer knows count: the tagger also calls missile names ("Sarmat") places or peoples."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return True
    return tok.ent_type_ in ("GPE", "LOC", "NORP") and _is_place_name(tok.text)


def missile_phrase(head: Token) -> str:
    """The class as written: adjectives and compounds up to the head, an acronym in brackets.

    "two short-range ballistic missiles" → "short-range ballistic missiles";
    "an intercontinental ballistic missile (ICBM)" → "intercontinental ballistic missile (ICBM)".
    """
    doc = head.doc
    if head.lower_ in ("salvo", "salvos"):
        return ""                     # "a salvo of eight missiles": the class is the missiles'
    keep: set[int] = set()
    for child in head.lefts:
        if child.dep_ in _CLASS_DEPS:
            keep.update(t.i for t in child.subtree)
    start = head.i
    # Leftwards while the words modify the head; a name ("North Korea fires ballistic missile"
    # in a headline the tagger misread) is not part of a class.
    while start - 1 in keep and not _place_word(doc[start - 1]) and not (
            doc[start - 1].lemma_.lower() in ("fire", "launch", "test")
            and doc[start - 2].text != "-" and doc[start - 2].lower_ not in ("space", "satellite")):
        start -= 1
    while start < head.i and (doc[start].lower_ in _NOT_CLASS or doc[start].is_punct
                              or doc[start].like_num):
        # "new-type carrier rocket": the hyphened word goes with the one it joins.
        joined = not doc[start].is_punct and not doc[start].whitespace_ and start + 2 < head.i \
            and doc[start + 1].text == "-" and not doc[start + 1].whitespace_
        start += 3 if joined and doc[start].lower_ in _NOT_CLASS else 1
    words = [_spelled(t.text) or t.text if t.is_alpha else t.text for t in doc[start:head.i + 1]]
    text = "".join(w + t.whitespace_ for w, t in zip(words, doc[start:head.i + 1], strict=True)).strip()
    for child in head.rights:
        before = doc[child.i - 1] if child.i else child
        if child.dep_ == "appos" and before.text == "(" and child.text.isupper():
            text += f" ({child.text})"
    return text


def designations(head: Token) -> list[str]:
    """Names put beside a class in apposition: "its first spy satellite, the Malligyong-1"."""
    return [c.text for c in head.rights if c.dep_ == "appos" and _DESIGNATION.match(c.text)]


def count_of(head: Token) -> int | None:
    """How many missiles a phrase counts: "two missiles" → 2, "at least three missiles" → 3."""
    for child in head.lefts:
        if child.dep_ == "nummod":
            if child.text.replace(",", "").isdigit():
                return int(child.text.replace(",", ""))
            if child.lower_ in _NUMBERS:
                return _NUMBERS[child.lower_]
    return None


_TALLY = {"dozens", "dozen", "hundreds", "scores", "number", "series", "string", "barrage"}


def is_aggregate(head: Token) -> bool:
    """A tally, not one launch: "more than 90 missiles", "dozens of ballistic missiles"."""
    nums = [c.text.replace(",", "") for c in head.lefts if c.dep_ == "nummod"]
    if any(n.isdigit() and int(n) >= 10 for n in nums):
        return True
    # "dozens of ballistic missiles": the tally word governs the missile through "of".
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in _TALLY


# ------------------------------------------------------------------ quantities

# Verbs of flight and landing: "It flew about 1,000km", "the missile fell into the sea".
FLIGHT_VERBS = {"fly", "travel", "reach", "soar", "climb", "land", "fall", "splash", "crash", "plunge",
                "come", "drop", "hit", "strike", "explode", "blow", "enter", "disintegrate", "head"}


def flight_duration(tok: Token | None) -> bool:
    """Whether a duration is how long something flew: it hangs from a verb of flight by "for"."""
    if tok is None or tok.head.lower_ != "for":
        return False
    gov = tok.head.head
    return gov.lemma_.lower() in FLIGHT_VERBS or aloft(gov) or (gov.lower_ == "airborne" and aloft(gov.head))


def aloft(verb: Token) -> bool:
    """"It was in the air for about 40 minutes", "was airborne for ...": being aloft is flying."""
    return verb.lemma_.lower() == "be" and verb.tag_ in ("VBD", "VBN") and any(
        (c.dep_ == "prep" and c.lower_ == "in"
         and any(g.lemma_.lower() in ("air", "flight") for g in c.children))
        or (c.dep_ == "acomp" and c.lower_ == "airborne") for c in verb.children)


def factual(tok: Token) -> bool:
    """A value of what happened, not of what a missile can do ("has a range of", "could reach")."""
    verb = next((t for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return True
    if any(c.tag_ == "MD" for c in verb.children):
        return False
    return not (verb.lemma_.lower() in ("have", "be") and verb.tag_ in ("VBZ", "VBP"))


# ------------------------------------------------------------------ places

_PLACE = {"City", "Region"}
_LAND_PREPS = {"into", "in", "toward", "towards", "to", "onto", "off"}
_DIRECTION = re.compile(r"\b(north|south|east|west)(?:ern)?\b", re.I)
# The sea that lies on one side of a country or peninsula, for "waters west of Japan",
# "landed off its east coast". Only directions that point at one named sea are listed.
_SIDE_WATERS = {
    "country:KP": {"east": "Sea of Japan", "west": "Yellow Sea"},
    "country:KR": {"east": "Sea of Japan", "west": "Yellow Sea", "south": "Korea Strait"},
    "region:korean-peninsula": {"east": "Sea of Japan", "west": "Yellow Sea"},
    "country:JP": {"west": "Sea of Japan", "east": "Pacific Ocean"},
    "country:CN": {"east": "East China Sea"},
}
_KOREA = {"country:KP", "country:KR", "region:korean-peninsula"}
# The sea between two coasts: "the sea between the Korean peninsula and Japan".
_BETWEEN = [({"country:JP"}, _KOREA, "Sea of Japan"), ({"country:CN"}, _KOREA, "Yellow Sea")]


def same_line(a: Token, b: Token, text: str) -> bool:
    """Whether two tokens are on one line of ``text`` (the document's text, ``ctx.text``: spaCy
    rebuilds ``Doc.text`` on every access). The parser runs sentences across the line breaks of
    headlines and live-blog stamps; a time or a speaker on another line is not this clause's."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in text[lo:hi]


def _path_up(tok: Token, stop: Token) -> list[Token]:
    """Tokens from ``tok`` up to (not including) ``stop``; empty when ``stop`` is not an ancestor."""
    path = [tok]
    while path[-1].i != stop.i:
        if path[-1].head.i == path[-1].i:
            return []
        path.append(path[-1].head)
    return path[:-1]


def _entities_under(table: EntityTable, tok: Token) -> list[tuple[Span, str]]:
    return table.in_span(tok.doc[tok.left_edge.i:tok.right_edge.i + 1])


def site_of(verb: Token, table: EntityTable) -> tuple[str | None, str | None]:
    """``(site, country)`` from "from the Sunan area", "from near Pyongyang", "a rocket carrying a
    satellite from Tongchang-ri", "launched toward the East Sea near Sinpo".

    A country after "from" is who launched, not where from ("a launch from North Korea"). A town
    after "near" is where from, wherever it hangs: a town is not where a missile comes down.
    """
    return site_detail(verb, table)[:2]


def _lies_in(table: EntityTable, key: str, outer: str) -> bool:
    """Whether place ``key`` lies within place ``outer`` (a district of a city, a city of a region)."""
    seen = {key}
    cur = table.entities[key].within if key in table.entities else None
    while cur and cur not in seen:
        if cur == outer:
            return True
        seen.add(cur)
        cur = table.entities[cur].within if cur in table.entities else None
    return False


def site_detail(verb: Token, table: EntityTable) -> tuple[str | None, str | None, bool]:
    """:func:`site_of`, and whether the site is vague: only the region a site lies in ("from a
    site in South Hwanghae Province"). A place that names the site itself is preferred."""
    site = country = None
    vague = False
    # The verb's own "from" first, then one inside its participles ("a rocket carrying ... from").
    preps = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ in ("from", "near") and
             not any(p.pos_ == "VERB" and p.dep_ != "acl" for p in _path_up(t, verb)[1:])]
    preps.sort(key=lambda t: (t.lower_ != "from", len(_path_up(t, verb))))
    for prep in preps:
        for span, key in _entities_under(table, prep):
            cls = table.cls(key)
            ok = cls in _PLACE if prep.lower_ == "from" else cls == "City"
            if ok and site is not None and _lies_in(table, key, site):
                site, vague = key, False    # "from Pyongyang's Sunan area": the part, not the whole
                continue
            if ok and (site is None or vague):
                inside = any(t.lower_ == "in" and t.dep_ == "prep" for t in _path_up(span.root, prep))
                if site is None or not inside:
                    site, vague = key, inside
            elif cls == "Country" and country is None and prep.lower_ == "from" and prep.head.i == verb.i:
                country = key
        if site and not vague:
            break
    return site, country, vague


def overflown(verb: Token, table: EntityTable) -> list[str]:
    """Seas a missile flew or blew up over: "fired cruise missiles over the Yellow Sea", "ended in
    a fireball over the Yellow Sea". Where it came down when no other landing is told; a land
    flown over ("over Japan") is not one."""
    out: list[str] = []
    for prep in verb.subtree:
        # "exploded ..., scattering debris over the Yellow Sea": the debris came down there too
        if prep.dep_ != "prep" or prep.lower_ != "over" or any(
                p.pos_ in ("VERB", "AUX") and not _scatters(p) for p in _path_up(prep, verb)[1:]):
            continue
        for _span, key in _entities_under(table, prep):
            if table.cls(key) == "BodyOfWater" and key not in out:
                out.append(key)
    return out


# What a missile that broke up sends down: "scattering debris over ...".
_WRECKAGE = {"debris", "fragment", "wreckage", "piece", "part"}


def _scatters(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _WRECKAGE for c in verb.children)


@functools.cache
def _water(name: str) -> gazetteer.Place | None:
    place = gazetteer.lookup_place(name)
    return place if place is not None and place.cls == "BodyOfWater" else None


def _register(table: EntityTable, place: gazetteer.Place) -> str:
    """Put an inferred place into the table (without a mention), so the graph can label it."""
    if place.key not in table.entities:
        table.entities[place.key] = Entity(key=place.key, cls=place.cls, name=place.name,
                                           within=place.within, geonames_id=place.geonames_id,
                                           iso_code=place.iso_code, aliases=frozenset([place.name]))
    return place.key


def _inferred_water(prep: Token, table: EntityTable, owner: str | None) -> str | None:
    """The sea a directional phrase points at: "waters west of Japan", "off its east coast",
    "the sea between the Korean peninsula and Japan"."""
    phrase = prep.doc[prep.left_edge.i:prep.right_edge.i + 1]
    # A city stands for its country here: "between Busan and Fukuoka" is between Korea and Japan.
    keys = [(table.entities[k].within or k) if table.cls(k) == "City" else k
            for _s, k in table.in_span(phrase)]
    name = None
    if prep.lower_ == "between" or any(t.lower_ == "between" for t in phrase):
        found = set(keys)
        name = next((n for a, b, n in _BETWEEN if found & a and found & b), None)
    elif (d := next((t for t in phrase if t.text.islower() and _DIRECTION.fullmatch(t.text)),
                    None)) is not None:
        side = _DIRECTION.fullmatch(d.text).group(1)  # type: ignore[union-attr]
        if d.head.lemma_.lower() == "coast" or (d.i + 1 < len(d.doc) and d.nbor().lower_ == "coast"):
            # "Japan's west coast", "its east coast": the named country's coast, else the launcher's.
            named = [k for s_, k in table.in_span(phrase) if s_.end <= d.i and k in _SIDE_WATERS]
            target = named[-1] if named else owner
        else:
            # "waters west of Japan", "550km east of the Korean peninsula"
            target = next((k for s_, k in table.in_span(phrase) if s_.start > d.i and k in _SIDE_WATERS),
                          None)
        name = _SIDE_WATERS.get(target or "", {}).get(side)
    place = _water(name) if name else None
    return _register(table, place) if place else None


def landing_of(verb: Token, table: EntityTable, owner: str | None) -> list[str]:
    """Seas a missile was fired into or came down in: preps of ``verb`` (a launch verb or a verb
    of landing) whose object is a body of water, or a directional phrase that points at one."""
    out: list[str] = []
    # "fell outside Japan's exclusive economic zone in the Sea of Japan": the sea the zone is in.
    preps = [c for c in verb.children if c.dep_ in ("prep", "prt")
             and c.lower_ in _LAND_PREPS | {"between", "outside", "inside", "within"}]
    # "landed 550km east of the Korean peninsula", wherever the parser hangs "east".
    preps += [t for t in verb.subtree if _DIRECTION.fullmatch(t.lower_) and t.i != verb.i
              and any(c.lower_ == "of" for c in t.children)
              and not any(p.pos_ == "VERB" for p in _path_up(t, verb)[1:])]
    for prep in preps:
        waters = [k for s, k in _entities_under(table, prep) if table.cls(k) == "BodyOfWater"
                  and not any(t.lower_ in ("from", "over", "across", "past") for t in _path_up(s.root, prep))]
        if not waters:
            inferred = _inferred_water(prep, table, owner)
            waters = [inferred] if inferred else []
        out += [w for w in waters[:1] if w not in out]
    return out


def same_waters(verb: Token) -> bool:
    """"falling into the same waters": the sea named for the launch told before."""
    return any(g.dep_ == "pobj" and g.lemma_.lower() in ("water", "waters", "sea", "area") and any(
        m.dep_ == "amod" and m.lower_ == "same" for m in g.children)
        for c in verb.children if c.dep_ == "prep" and c.lower_ in _LAND_PREPS for g in c.children)


# ------------------------------------------------------------------ time zones

def country_of(key: str | None, table: EntityTable) -> str | None:
    """The country a place lies in, climbing "Sunan" → "Pyongyang" → North Korea."""
    for _ in range(5):
        if key is None or table.cls(key) == "Country":
            return key
        ent = table.entities.get(key)
        key = ent.within if ent else None
    return None


# Used only when no time zone database is installed: fixed offsets of the countries launch
# reports most often give local clock times for.
_FIXED_OFFSETS = {"KP": 9, "KR": 9, "JP": 9, "TW": 8}


@functools.cache
def _country_zones() -> dict[str, tuple[str, ...]]:
    """ISO country code → its IANA zones, from the tz database's ``zone.tab`` (the system's, else
    the ``tzdata`` package's); empty when neither is installed."""
    paths = [Path(d) / "zone.tab" for d in zoneinfo.TZPATH]
    try:
        paths.append(Path(str(importlib.resources.files("tzdata").joinpath("zoneinfo", "zone.tab"))))
    except ModuleNotFoundError:
        pass
    for path in paths:
        if not path.is_file():
            continue
        zones: dict[str, list[str]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 3 and not line.startswith("#"):
                zones.setdefault(cols[0].upper(), []).append(cols[2])
        return {k: tuple(v) for k, v in zones.items()}
    return {}


def utc_offset(country: str | None, day: dt.date, table: EntityTable) -> dt.timedelta | None:
    """The UTC offset of ``country`` on ``day`` when it has one time zone (local clock times
    in launch reports are the launch region's)."""
    if not country or country not in table.entities:
        return None
    iso = (table.entities[country].iso_code or country.removeprefix("country:")).upper()
    zones = _country_zones()
    if not zones:
        hours = _FIXED_OFFSETS.get(iso)
        return dt.timedelta(hours=hours) if hours is not None else None
    if len(zones.get(iso, ())) != 1:
        return None
    try:
        tz = zoneinfo.ZoneInfo(zones[iso][0])
    except zoneinfo.ZoneInfoNotFoundError:
        return None
    return dt.datetime.combine(day, dt.time(12), tz).utcoffset()
