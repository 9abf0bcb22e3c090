"""Well-known organisations (``data/organizations.json``) and their lookup.

``lookup_org`` resolves a name to a curated organisation first (international
bodies, news agencies, think tanks, parties and national bodies with proper
names such as the Pentagon or the Korean People's Army); failing that it asks
``lookup_national_body`` whether the phrase is a generic national body with
its country inside ("Japan's Coast Guard", "South Korean Defense Ministry").

Case guard: a one-word alias - an acronym ("WHO", "AP") or a name that is
also an ordinary word ("Diet", "Congress", "Treasury", "Quad") - is not
matched by an all-lower-case query, so "who" or "diet" in running text never
become organisations.  Multi-word names ("united nations") match in any case.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .model import ORG_CLASSES, Org
from .text import is_acronym, normalise, strip_possessive, variants
from .words import data_json


@dataclass
class OrgData:
    orgs: dict[str, Org]
    index: dict[str, list[tuple[str, bool]]]  # norm → [(key, needs_capital)]


def _needs_capital(alias: str) -> bool:
    return is_acronym(alias) or " " not in normalise(alias)


@lru_cache(maxsize=1)
def org_data() -> OrgData:
    orgs: dict[str, Org] = {}
    index: dict[str, list[tuple[str, bool]]] = {}
    for e in data_json("organizations.json"):
        if e["cls"] not in ORG_CLASSES:
            raise ValueError(f"{e['key']}: unknown organisation class {e['cls']!r}")
        aliases = tuple(dict.fromkeys([e["name"], *e.get("aliases", [])]))
        org = Org(e["key"], e["name"], e["cls"], e.get("country"), aliases)
        orgs[org.key] = org
        for a in aliases:
            cap = _needs_capital(a)
            for n in variants(a):
                hits = index.setdefault(n, [])
                prev = next((i for i, (k, _) in enumerate(hits) if k == org.key), None)
                if prev is None:
                    hits.append((org.key, cap))
                elif hits[prev][1] and not cap:
                    hits[prev] = (org.key, False)
    return OrgData(orgs, index)


def curated_org(name: str) -> Org | None:
    """Exact (normalised) match against the curated organisations only."""
    data = org_data()
    for q in dict.fromkeys([name.strip(), strip_possessive(name)]):
        lower = q == q.lower()
        for key, needs_capital in data.index.get(normalise(q), []):
            if not (lower and needs_capital):
                return data.orgs[key]
    return None


@lru_cache(maxsize=65536)  # entity finding asks the same names again and again
def lookup_org(name: str) -> Org | None:
    """Curated organisation, else a national body named with its country."""
    org = curated_org(name)
    if org is not None:
        return org
    from .national import lookup_national_body

    return lookup_national_body(name, None)


def org_by_key(key: str) -> Org | None:
    org = org_data().orgs.get(key)
    if org is not None:
        return org
    from .national import national_body_by_key

    return national_body_by_key(key)
