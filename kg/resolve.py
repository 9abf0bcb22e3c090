"""Entity resolution and event identity across articles.

Within one article, :mod:`kg.extract.entities` already maps every mention to a canonical key.
Across articles this module
- merges entities with the same key (aliases united, the most common label preferred);
- maps a person known only by part of a name ("Mr Yoon") to the one full name in the corpus
  that contains it, never when two full names do (Kim Jong Un, Kim Yo Jong);
- gives each event its identity, so the same launch reported by two articles (same launcher,
  same day) becomes one event with both articles as evidence.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg import gazetteer
from kg.extract.entities import bare_names
from kg.extract.entity_table import names_country
from kg.extract.names import fold
from kg.gazetteer.orgs import org_data
from kg.gazetteer.text import possessive
from kg.records import ArticleFacts, Entity, EventRecord, Meeting, MissileLaunch, Role, Statement

# More specific classes win when two articles type one entity differently.
_SPECIFICITY = {
    "Organization": 1,
    "GovernmentBody": 2,
    "MilitaryBody": 2,
    "NewsAgency": 2,
    "InternationalOrganization": 2,
}


_MINOR = {"of", "and", "for", "the", "on", "in"}


def _titled(name: str) -> str:
    """"the Japanese defence ministry" as a label: "Japanese Defence Ministry"."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(w if w.lower() in _MINOR or not w[:1].islower() else w[:1].upper() + w[1:] for w in words)


def _proper(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in _MINOR]
    return bool(words) and all(w[:1].isupper() for w in words)


def _qualified(name: str, country: str) -> str | None:
    """A body's written name with its country: "Ministry of National Defense" of South Korea is
    "South Korea's Ministry of National Defense"; "Japan's defence ministry" stays as written."""
    if names_country(name):
        return _titled(name)
    place = gazetteer.place_by_key(country)
    if place is None or len(name.split()) < 2:
        return None
    return f"{possessive(place.name)} {_titled(name)}"


@dataclass
class Corpus:
    facts: list[ArticleFacts]
    entities: dict[str, Entity] = field(default_factory=dict)
    identity: dict[int, tuple] = field(default_factory=dict)  # id(record) -> (kind, *parts)


def _merge_entities(facts: list[ArticleFacts]) -> tuple[dict[str, Entity], dict[str, str]]:
    by_key: dict[str, list[Entity]] = defaultdict(list)
    label_counts: dict[str, Counter] = defaultdict(Counter)
    for f in facts:
        for ent in f.entities.values():
            by_key[ent.key].append(ent)
        for m in f.mentions:
            label_counts[m.entity][m.text] += 1
    # Partial person names onto the one full name that contains them.
    persons = {k: fold(v[0].name).split() for k, v in by_key.items() if v[0].cls == "Person"}
    remap: dict[str, str] = {}
    # "Ishiba Shigeru" (family name first) and "Shigeru Ishiba" are one person: the key
    # mentioned most (ties: the first in order) stands for both.
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, words in persons.items():
        if len(words) >= 2:
            by_words[tuple(sorted(words))].append(key)
    for keys in by_words.values():
        if len(keys) > 1:
            keep = min(keys, key=lambda k: (-sum(label_counts[k].values()), k))
            remap.update({k: keep for k in keys if k != keep})
    # An article that names both as two people ("President Biden" and "first lady Jill Biden")
    # has told them apart: they stay apart.
    articles_of: dict[str, set[int]] = defaultdict(set)
    for i, f in enumerate(facts):
        for key in f.entities:
            if key in persons:
                articles_of[key].add(i)
    for key, words in persons.items():
        if key in remap:
            continue
        hosts = [k for k, w in persons.items() if k != key and len(w) > len(words) and set(words) <= set(w)]
        if len(hosts) == 1 and not articles_of[key] & articles_of[hosts[0]]:
            remap[key] = hosts[0]
    # A body named without its country in one article ("the Joint Chiefs of Staff said") is the
    # country-specific body of that name named elsewhere, when exactly one country's is.
    national: dict[str, set[str]] = defaultdict(set)
    for key, group in by_key.items():
        if group[0].country and group[0].cls in ("GovernmentBody", "MilitaryBody"):
            for e in group:
                for alias in bare_names(e):
                    national[fold(alias)].add(key)
    for key, group in by_key.items():
        if key.startswith("org:") and not group[0].country and key not in remap:
            bodies = national.get(fold(group[0].name), set())
            if len(bodies) == 1:
                remap[key] = next(iter(bodies))
    merged: dict[str, Entity] = {}
    for key in sorted(by_key):
        target = remap.get(key, key)
        group = by_key[key] + (by_key[target] if target != key else [])
        aliases = frozenset().union(*(e.aliases for e in group))
        counts = label_counts[key] + label_counts[target]
        base = by_key[target][0]
        cls = max((e.cls for e in by_key[target]), key=lambda c: (_SPECIFICITY.get(c, 3), c))
        name = base.name
        if cls == "Person":
            # The most used full form, ties broken alphabetically, so any order of articles agrees.
            full = [(n, c) for n, c in counts.items() if len(fold(n).split()) == len(fold(base.name).split())]
            if full:
                name = sorted(full, key=lambda nc: (-nc[1], nc[0]))[0][0]
        elif base.country and cls in ("GovernmentBody", "MilitaryBody") and target not in org_data().orgs:
            # A generic national body (not a curated one with a name of its own, like the White
            # House) goes by the form the articles use ("China's foreign ministry", "Ministry of
            # National Defense"); see _distinct for two countries' bodies written alike.
            # A name written in capitals stands as written; a lower-case one ("the foreign
            # ministry") is a description and takes its country.
            forms = [(_titled(n) if _proper(n) else _qualified(n, base.country), c)
                     for n, c in counts.items()
                     if n != base.name and not n.isupper() and len(n.split()) >= 2]
            written = [(n, c) for n, c in forms if n]
            if written:
                name = sorted(written, key=lambda nc: (-nc[1], nc[0]))[0][0]
        elif cls in ("City", "Region"):
            name = _written_place_name(base, counts)
        old = merged.get(target)
        if old is not None:
            aliases |= old.aliases
        # The most specific container any article states ("Sapporo, Hokkaido" over Japan).
        withins = sorted({e.within for e in by_key[target] if e.within})
        within = next((w for w in withins if not w.startswith("country:")), withins[0] if withins else None)
        merged[target] = dataclasses.replace(base, cls=cls, name=name, aliases=aliases, within=within)
    _distinct(merged)
    return merged, remap


_PLACE_WORDS = {"province", "prefecture", "region", "county", "island", "city", "state"}


def _written_place_name(base: Entity, counts: Counter) -> str:
    """A place goes by the spelling the articles use most, when it is one of the gazetteer's
    names for it: news write "Jagang province", GeoNames "Chagang Province". A typo the
    articles share ("Okianwa") names nothing in the gazetteer and never becomes the label."""
    def same_place(form: str) -> bool:
        words = form.split()
        bare = len(words) > 1 and words[-1].lower() in _PLACE_WORDS  # "Jagang province"
        forms = [form, " ".join(words[:-1])] if bare else [form]
        return any((p := gazetteer.lookup_place(f)) is not None and p.key == base.key for f in forms)

    own = fold(base.name)
    written = [(n, c) for n, c in counts.items() if _proper(n.split()[0]) and not n.isupper()
               and (fold(n) == own or same_place(n))]
    if not written:
        return base.name
    # Most used first; a tie keeps the gazetteer's spelling, then the alphabet decides.
    best = sorted(written, key=lambda nc: (-nc[1], fold(nc[0]) != own, nc[0]))[0][0]
    return base.name if fold(best) == own else best


def _distinct(merged: dict[str, Entity]) -> None:
    """Two countries' bodies written alike ("the Defense Ministry" of Japan in one article, of
    South Korea in another) are told apart by their countries: "Japan's Defense Ministry"."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key, e in merged.items():
        if e.country and e.cls in ("GovernmentBody", "MilitaryBody"):
            by_name[fold(e.name)].append(key)
    for keys in by_name.values():
        if len({merged[k].country for k in keys}) > 1:
            for k in keys:
                e = merged[k]
                assert e.country is not None  # only bodies with a country are grouped
                merged[k] = dataclasses.replace(e, name=_qualified(e.name, e.country) or e.name)


def _remap_record(rec, remap: dict[str, str]):
    """The record with every entity key replaced through ``remap``."""
    if not remap:
        return rec
    changes: dict[str, object] = {}
    for f in dataclasses.fields(rec):
        value = getattr(rec, f.name)
        if isinstance(value, str) and value in remap:
            changes[f.name] = remap[value]
        elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            changes[f.name] = tuple(dict.fromkeys(remap.get(v, v) for v in value))
        elif isinstance(value, Meeting) and f.name == "part_of":
            changes[f.name] = _remap_record(value, remap)
    return dataclasses.replace(rec, **changes) if changes else rec


def event_identity(rec: EventRecord) -> tuple:
    """What makes two event records the same event, across articles."""
    first = rec.evidence[0] if rec.evidence else None
    local = (first.article, first.start) if first else ()
    day = (rec.date or "")[:10]
    if isinstance(rec, MissileLaunch) and rec.launcher and day:
        return ("MissileLaunch", rec.launcher, day)
    if isinstance(rec, Meeting) and day and rec.place and len(rec.participants) >= 2:
        return (rec.TYPE, day, rec.place, *sorted(rec.participants))
    if isinstance(rec, Statement) and rec.speaker:
        return ("Statement", rec.speaker, fold(rec.quote))
    # Two events of one sentence ("separate talks with A and with B") stay two; so do talks and the
    # forum on whose sidelines the same people hold them.
    own = (rec.TYPE, *local, rec.date, *sorted(getattr(rec, "participants", ())))
    up = getattr(rec, "part_of", None)
    return (*own, "sidelines") if up is not None and event_identity(up) == own else own


def resolve(facts: list[ArticleFacts]) -> Corpus:
    """Merge the facts of many articles into one corpus with canonical keys and event identities."""
    entities, remap = _merge_entities(facts)
    corpus = Corpus(facts=[], entities=entities)
    for f in sorted(facts, key=lambda f: f.article.id):
        new_parts: dict[int, Meeting] = {}
        events = []
        for rec in f.events:
            new = _remap_record(rec, remap)
            if isinstance(rec, Meeting):
                new_parts[id(rec)] = new
            events.append(new)
        # A meeting's part_of must point at the remapped record of the same article.
        events = [
            dataclasses.replace(e, part_of=new_parts.get(id(e.part_of), e.part_of))
            if isinstance(e, Meeting) and e.part_of is not None
            else e
            for e in events
        ]
        roles = [_remap_record(r, remap) for r in f.roles]
        mentions = [dataclasses.replace(m, entity=remap.get(m.entity, m.entity)) for m in f.mentions]
        corpus.facts.append(
            ArticleFacts(article=f.article, entities={}, mentions=mentions, roles=roles, events=events)
        )
        for e in events:
            corpus.identity[id(e)] = event_identity(e)
            if isinstance(e, Meeting) and e.part_of is not None:
                corpus.identity[id(e.part_of)] = event_identity(e.part_of)
    _correct_guessed_roles(corpus)
    return corpus


def _correct_guessed_roles(corpus: Corpus) -> None:
    """A bare title's guessed country gives way to the one other articles state for the same
    person and office: "President X" in an American wire is the president another article calls
    "South Korean President X", not America's."""
    def country(r: Role) -> bool:
        ent = corpus.entities.get(r.org)
        return ent is not None and ent.cls == "Country"

    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in corpus.facts:
        for r in f.roles:
            if not r.guessed and country(r):
                stated[r.person, r.title].add(r.org)
    for f in corpus.facts:
        roles: dict[tuple[str, str, str], Role] = {}
        for r in f.roles:
            known = stated.get((r.person, r.title), set())
            if r.guessed and country(r) and known and r.org not in known:
                if len(known) > 1:
                    continue  # stated for two countries: no guess can pick one
                r = dataclasses.replace(r, org=next(iter(known)), guessed=False)
            roles.setdefault((r.person, r.title, r.org), r)
        f.roles[:] = roles.values()
