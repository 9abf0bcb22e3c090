"""National bodies named by a generic head plus a country.

"Japan's Coast Guard", "the Japanese Coast Guard", "Coast Guard of Japan" and
``lookup_national_body("Coast Guard", "country:JP")`` all give one Org, key
``org:jp:coast-guard``.  Heads come from ``data/national_bodies.json`` (with
spelling variants: defence/defense, "Defense Ministry" / "Ministry of
Defense" / "Department of Defense"); any other "Ministry of X" / "X Ministry"
("department" likewise) is built generically as ``ministry-of-x``.

The canonical name is the country's possessive and the head as news writes
it ("South Korea's Joint Chiefs of Staff", "Japan's Defense Ministry"), unless ``organizations.json`` holds an
entry with the same key, which then wins (``org:us:ministry-of-defense`` is
the Pentagon, ``org:kp:military`` the Korean People's Army).  Aliases are
generated deterministically from the country name, its demonym and the head's
surface forms, so every spelling yields the identical Org.

Military heads (Joint Chiefs of Staff, military, army, navy, …) give
MilitaryBody; ministries, agencies, councils and coast guards GovernmentBody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .cities import cities
from .model import Org, Place
from .orgs import curated_org, org_data
from .places import lookup_demonym, lookup_place, place_by_key
from .sources import curated
from .text import normalise, possessive, slugify, strip_possessive
from .words import data_json

_GENERIC_PREFIX = re.compile(r"^(ministry|department) of (?:the )?(.+)$")
_GENERIC_SUFFIX = re.compile(r"^(.+) (ministry|department)$")
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in"}


@dataclass(frozen=True)
class Head:
    slug: str
    name: str
    cls: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def _heads() -> tuple[dict[str, Head], dict[str, Head]]:
    by_slug: dict[str, Head] = {}
    by_norm: dict[str, Head] = {}
    for h in data_json("national_bodies.json")["heads"]:
        head = Head(h["slug"], h["name"], h["cls"], tuple(h["aliases"]))
        by_slug[head.slug] = head
        for a in (head.name, *head.aliases):
            by_norm.setdefault(normalise(a), head)
    return by_slug, by_norm


def _title(words: str) -> str:
    return " ".join(w if w in _SMALL_WORDS else w.capitalize() for w in words.split())


def _generic_head(kind: str, topic: str) -> Head:
    name = f"{kind.capitalize()} of {_title(topic)}"
    return Head(slugify(name), name, "GovernmentBody", (name, f"{_title(topic)} {kind.capitalize()}"))


def resolve_head(text: str) -> Head | None:
    """The generic head a (country-less) phrase names, if any."""
    norm = normalise(text)
    head = _heads()[1].get(norm)
    if head is not None:
        return head
    m = _GENERIC_PREFIX.match(norm)
    if m:
        kind, topic = m.group(1), m.group(2)
    else:
        m = _GENERIC_SUFFIX.match(norm)
        if m is None or len(m.group(1).split()) > 3:
            return None
        topic, kind = m.group(1), m.group(2)
    if country_of(topic) is not None:
        return None  # "Japanese ministry" names a country, not a portfolio
    return _generic_head(kind, topic)


def country_of(text: str) -> str | None:
    """Key of the country (or territory) a name, possessive or demonym denotes.

    A capital city stands for its country ("Seoul's defence ministry").
    """
    text = strip_possessive(text)
    if not normalise(text):
        return None
    place: Place | None = lookup_place(text)
    if place is not None:
        if place.cls == "Country" or place.iso_code:
            return place.key
        if place.cls == "City" and place.geonames_id:
            rec = cities().records.get(place.geonames_id)
            if rec is not None and rec.capital:
                return place.within
    place = lookup_demonym(text)
    return place.key if place is not None else None


def _parse(phrase: str) -> tuple[str | None, Head | None]:
    text = " ".join(phrase.split())
    cut = text.lower().rfind(" of ")
    if cut > 0:  # "Coast Guard of Japan", "Ministry of Defense of Japan"
        head, country = resolve_head(text[:cut]), country_of(text[cut + 4 :])
        if head and country:
            return country, head
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    for i in range(len(words) - 1, 0, -1):  # shortest head first
        head = resolve_head(" ".join(words[i:]))
        if head is not None:
            country = country_of(" ".join(words[:i]))
            if country is not None:
                return country, head
    return None, resolve_head(text)


def lookup_national_body(phrase: str, country_key: str | None = None) -> Org | None:
    """Org for a generic national body; its country is found in the phrase
    ("Japan's Coast Guard", "the Japanese Coast Guard") or else taken from
    ``country_key`` (context, e.g. the article's country).  None when the
    phrase names no known head or no country can be established."""
    org = curated_org(phrase)
    if org is not None and org.country and country_key in (None, org.country):
        return org
    country, head = _parse(phrase)
    country = country or country_key
    if head is None or country is None:
        return None
    return build_national_body(country, head)


@lru_cache(maxsize=1)
def _demonym_table() -> dict[str, list[str]]:
    return {k: v for k, v in data_json("demonyms.json").items() if isinstance(v, list)}


def _demonym(iso: str) -> str | None:
    """Preferred adjective of a country ("Japanese"), for generated aliases."""
    words = _demonym_table().get(iso)
    return words[0] if words else None


@lru_cache(maxsize=1024)
def build_national_body(country_key: str, head: Head) -> Org | None:
    country = place_by_key(country_key)
    if country is None or not country.iso_code:
        return None
    key = f"org:{country.iso_code.lower()}:{head.slug}"
    curated_entry = org_data().orgs.get(key)
    if curated_entry is not None:
        return curated_entry
    cname = country.name
    dem = _demonym(country.iso_code)
    forms = [f"{cname} {head.name}"]
    for a in dict.fromkeys((head.name, *head.aliases)):
        forms += [f"{cname} {a}", f"{cname}'s {a}", f"{a} of {cname}"]
        if dem and dem != cname:
            forms.append(f"{dem} {a}")
    return Org(key, _label(cname, head), head.cls, country.key, tuple(dict.fromkeys(forms)))


def _label(country: str, head: Head) -> str:
    """The body's label as news writes it: "China's Foreign Ministry", "South Korea's Joint Chiefs
    of Staff" (not the made-up "China Ministry of Foreign Affairs")."""
    kind = head.name.split()[0]
    short = head.name
    if head.name.startswith(("Ministry of ", "Department of ")):
        short = next((a for a in head.aliases if a.endswith(f" {kind}") and " of " not in a), head.name)
    return f"{possessive(country)} {short}"


def national_body_by_key(key: str) -> Org | None:
    """Inverse of the key scheme ``org:<iso>:<head-slug>``."""
    parts = key.split(":")
    if len(parts) != 3 or parts[0] != "org":
        return None
    country_key = curated().iso_to_key.get(parts[1].upper())
    slug = parts[2]
    head = _heads()[0].get(slug)
    if head is None:
        m = re.match(r"^(ministry|department)-of-(.+)$", slug)
        if m is None:
            return None
        head = _generic_head(m.group(1), m.group(2).replace("-", " "))
    return build_national_body(country_key, head) if country_key else None
