"""Arguments of a missile launch, read off the dependency parse: what was fired, from where, into
which sea, who reported it, and which UTC offset a bare clock time has.

Helpers for :mod:`kg.extract.launch`; each takes tokens of one sentence and the document's
:class:`~kg.extract.entities.EntityTable`. Nothing here knows about discourse or events.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract.entities import EntityTable
from kg.records import ORG_CLASSES, Entity

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
              "recent", "at", "least", "some", "around", "about", "up", "to", "the", "a", "an"}
_NAMES = {"GPE", "ORG", "PERSON", "LOC", "NORP", "DATE", "TIME"}
_CLASS_DEPS = {"amod", "compound", "nmod", "npadvmod", "punct", "advmod", "quantmod"}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a pair of": 2}


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
    if _spelled(tok.text) in ("missile", "missiles"):
        return True
    # A designation heads its phrase ("a Hwasong-18"), not as a modifier of another noun
    # ("a B-1B strategic bomber").
    return bool(_DESIGNATION.match(tok.text)) and tok.dep_ not in ("compound", "nmod", "amod")


def missile_phrase(head: Token) -> str:
    """The class as written: adjectives and compounds up to the head, an acronym in brackets.

    "two short-range ballistic missiles" → "short-range ballistic missiles";
    "an intercontinental ballistic missile (ICBM)" → "intercontinental ballistic missile (ICBM)".
    """
    doc = head.doc
    keep: set[int] = set()
    for child in head.lefts:
        if child.dep_ in _CLASS_DEPS:
            keep.update(t.i for t in child.subtree)
    start = head.i
    # Leftwards while the words modify the head; a name ("North Korea fires ballistic missile"
    # in a headline the tagger misread) is not part of a class.
    while start - 1 in keep and doc[start - 1].ent_type_ not in _NAMES and not (
            doc[start - 1].lemma_.lower() in ("fire", "launch", "test") and doc[start - 2].text != "-"):
        start -= 1
    while start < head.i and (doc[start].lower_ in _NOT_CLASS or doc[start].is_punct
                              or doc[start].like_num):
        start += 1
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


def same_line(a: Token, b: Token) -> bool:
    """Whether two tokens are on one line. The parser runs sentences across the line breaks of
    headlines and live-blog stamps; a time or a speaker on another line is not this clause's."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in a.doc.text[lo:hi]


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
    site = country = None
    # The verb's own "from" first, then one inside its participles ("a rocket carrying ... from").
    preps = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ in ("from", "near") and
             not any(p.pos_ == "VERB" and p.dep_ != "acl" for p in _path_up(t, verb)[1:])]
    preps.sort(key=lambda t: (t.lower_ != "from", len(_path_up(t, verb))))
    for prep in preps:
        for _span, key in _entities_under(table, prep):
            cls = table.cls(key)
            if (cls in _PLACE if prep.lower_ == "from" else cls == "City") and site is None:
                site = key
            elif cls == "Country" and country is None and prep.lower_ == "from" and prep.head.i == verb.i:
                country = key
        if site:
            break
    return site, country


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
    keys = [k for _s, k in table.in_span(phrase)]
    keys = [table.entities[k].within if table.cls(k) == "City" and table.entities[k].within else k
            for k in keys]
    name = None
    if prep.lower_ == "between" or any(t.lower_ == "between" for t in phrase):
        found = set(keys)
        name = next((n for a, b, n in _BETWEEN if found & a and found & b), None)
    elif (d := next((t for t in phrase if t.text.islower() and _DIRECTION.fullmatch(t.text)), None)) is not None:
        side = _DIRECTION.fullmatch(d.text).group(1)  # type: ignore[union-attr]
        if d.head.lemma_.lower() == "coast" or (d.i + 1 < len(d.doc) and d.nbor().lower_ == "coast"):
            # "Japan's west coast", "its east coast": the named country's coast, else the launcher's.
            named = [k for s_, k in table.in_span(phrase) if s_.end <= d.i and k in _SIDE_WATERS]
            target = named[-1] if named else owner
        else:
            # "waters west of Japan", "550km east of the Korean peninsula"
            target = next((k for s_, k in table.in_span(phrase) if s_.start > d.i and k in _SIDE_WATERS), None)
        name = _SIDE_WATERS.get(target or "", {}).get(side)
    place = _water(name) if name else None
    return _register(table, place) if place else None


def landing_of(verb: Token, table: EntityTable, owner: str | None) -> list[str]:
    """Seas a missile was fired into or came down in: preps of ``verb`` (a launch verb or a verb
    of landing) whose object is a body of water, or a directional phrase that points at one."""
    out: list[str] = []
    preps = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in _LAND_PREPS | {"between"}]
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


# ------------------------------------------------------------------ reporters

SPEECH_VERBS = {"say", "tell", "report", "confirm", "announce", "add", "state", "quote", "claim",
                "disclose", "reveal", "brief", "note", "explain", "estimate", "assess", "detect"}
_BODY_WORDS = {"defence": "defence ministry", "defense": "defence ministry",
               "foreign": "foreign ministry", "military": "military"}
REPORTER_CLASSES = set(ORG_CLASSES) | {"Country", "Person"}


def _reporter(tok: Token, table: EntityTable) -> list[str]:
    out = []
    for t in [tok, *tok.conjuncts]:
        key = table.entity_of(t)
        if key and table.cls(key) in REPORTER_CLASSES:
            out.append(key)
    return out


def _cited_official(obj: Token, table: EntityTable) -> str | None:
    """"citing a Japanese defence official" → Japan's defence ministry."""
    country = next((table.entity_of(c) for c in obj.lefts if table.cls(table.entity_of(c)) == "Country"),
                   None)
    body = next((_BODY_WORDS[c.lower_] for c in obj.lefts if c.lower_ in _BODY_WORDS), None)
    if not (country and body) or obj.lemma_.lower() not in ("official", "source", "spokesperson",
                                                            "spokesman", "spokeswoman"):
        return None
    org = gazetteer.lookup_national_body(body, country)
    if org is None:
        return None
    if org.key not in table.entities:
        table.entities[org.key] = Entity(key=org.key, cls=org.cls, name=org.name, country=org.country,
                                         aliases=frozenset([org.name]))
    return org.key


def _reported(verb: Token) -> set[int]:
    """Tokens a speech verb reports: its complement ("said it flew"), or the clause it is tucked
    into ("It flew ..., TV Asahi reported"); not its adjuncts ("told ... before it lifted off")."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "dobj", "conj", "parataxis") or (c.dep_ == "prep" and c.lower_ == "as"):
            out.update(t.i for t in c.subtree)
    if verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head.i != verb.i:
        out.update(t.i for t in verb.head.subtree if t.i not in {x.i for x in verb.subtree})
    return out


def reporters_of(sent: Span, content: list[Token], table: EntityTable,
                 last: list[str] | None = None) -> list[str]:
    """Who the sentence says told us ``content``: "X said", "according to X", "X reported, citing Y".

    ``last`` are the previous sentence's reporters, for a pronoun subject ("..., it said").
    """
    if not content:
        return []
    out: list[str] = []
    inside = {t.i for c in content for t in c.subtree} | {c.i for c in content}
    for tok in sent:
        low = tok.lower_
        if not same_line(tok, content[0]):
            continue
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB" and tok.lemma_.lower() != "detect":
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            scope = _reported(tok)
            subjs = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subjs and tok.i > sent.start and table.entity_of(tok.nbor(-1)):
                subjs = [tok.nbor(-1)]    # "..., South Korea's Joint Chiefs of Staff said" misparsed
            if not subjs or not (inside & (scope - {t.i for s in subjs for t in s.subtree})):
                continue
            for subj in subjs:            # "the state news agency KCNA said": two subjects
                out += last if subj.lower_ in ("it", "they") and last else _reporter(subj, table)
        elif low == "according":
            for to in (c for c in tok.children if c.lower_ == "to"):
                out += [k for c in to.children if c.dep_ == "pobj" for k in _reporter(c, table)]
        elif low == "citing":
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "pobj")):
                found = _reporter(obj, table) or [k for k in [_cited_official(obj, table)] if k]
                out += found
    return list(dict.fromkeys(out))


# ------------------------------------------------------------------ time zones

def country_of(key: str | None, table: EntityTable) -> str | None:
    """The country a place lies in, climbing "Sunan" → "Pyongyang" → North Korea."""
    for _ in range(5):
        if key is None or table.cls(key) == "Country":
            return key
        ent = table.entities.get(key)
        key = ent.within if ent else None
    return None


def utc_offset(country: str | None, day: dt.date, table: EntityTable) -> dt.timedelta | None:
    """The UTC offset of ``country`` on ``day`` when it has one time zone (local clock times
    in launch reports are the launch region's)."""
    if not country or country not in table.entities:
        return None
    iso = table.entities[country].iso_code or country.removeprefix("country:")
    try:
        import pytz  # comes with dateparser; only its country → zone table is used

        zones = pytz.country_timezones.get(iso.lower(), [])
    except ImportError:  # pragma: no cover - dateparser always brings it
        return None
    if len(zones) != 1:
        return None
    return dt.datetime.combine(day, dt.time(12), zoneinfo.ZoneInfo(zones[0])).utcoffset()
