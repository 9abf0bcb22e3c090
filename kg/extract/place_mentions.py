"""Places in the text beyond the model's entities: regions and seas it misses, untagged place
names, "the North", and the containment the text states ("Hamhung in South Hamgyong Province")."""

from __future__ import annotations

import dataclasses
import functools
import re

from kg import gazetteer
from kg.extract.entity_table import (
    REGION_HEADS,
    WATER_HEADS,
    EntityTable,
    country_of,
    place_entity,
)
from kg.extract.names import fold, slug
from kg.extract.places import find_feature_names
from kg.extract.tokens import tokens
from kg.records import Entity

_PLACE_RANK = {"City": 1, "Region": 2, "Country": 3}


_CONTAINS = re.compile(
    r"^,?\s*(?:(?:the\s+)?(?:area|region|district|county|province|city|town|village|coast)\s+)?"
    r"(?:in|in the|of|of the|the capital of|capital of|a city in|a town in|a village in|"
    r"(?:both |all )?(?:a )?part of(?: the)?)?"
    # A compass word before the container: "Mupyong-ri in northern Jagang province".
    r"(?:(?<=in|of)\s+(?:north|south|east|west|central|(?:north|south)?(?:east|west)?ern|"
    r"(?:north|south)-?(?:east|west)(?:ern)?))?\s*$",
    re.I,
)
# An apposition that places it: "Sapporo, the biggest city on Hokkaido", "Sinpo, on the east
# coast of South Hamgyong Province", "Wonsan, a port city in Kangwon".
_PLACED = re.compile(
    r"^,\s*(?:on\s+)?(?:the|a|an)\s+(?:[a-z-]+\s+){0,3}"
    r"(?:city|town|port|village|county|coast|region|province|area|district|capital)\s+(?:in|on|of)"
    r"(?:\s+the)?\s+$",
)


def add_containment(table: EntityTable) -> None:
    """The containing place an article states: "Hamhung in South Hamgyong Province", "Sapporo,
    Hokkaido", "Russia's Amur region". It replaces the gazetteer's coarser one (a country) when
    both agree on the country, so ``kg:within`` names the most specific place the text gives."""
    mentions = sorted(table.mentions, key=lambda m: m.start)
    for n, (inner, outer) in enumerate(zip(mentions, mentions[1:], strict=False)):
        a, b = table.entities.get(inner.entity), table.entities.get(outer.entity)
        if a is None or b is None or a.key == b.key:
            continue
        gap = table.text[inner.end : outer.start]
        possessive = re.fullmatch(r"['\u2019]s\s+", gap) is not None
        if possessive:
            a, b = b, a  # "Russia's Amur region": the second lies in the first
        elif re.fullmatch(r",?\s+off\s+", gap) and "island" in fold(a.name):
            pass  # "Okushiri island, off Hokkaido": an island belongs to the land it lies off
        elif not _CONTAINS.match(gap) and not _PLACED.match(gap):
            continue
        elif n + 2 < len(mentions) and re.fullmatch(
            r"['\u2019]s\s+", table.text[outer.end : mentions[n + 2].start]
        ):
            # "the Vostochny Cosmodrome in Russia's Amur region": it lies in the region.
            b = table.entities.get(mentions[n + 2].entity) or b
        rank_a, rank_b = _PLACE_RANK.get(a.cls, 0), _PLACE_RANK.get(b.cls, 0)
        stated = possessive or " in" in gap or "of" in gap or " on" in gap
        stated = stated or _island_comma(table, inner, outer)
        # A larger kind of place contains a smaller; a region may lie in a region or a district
        # in a city only when the text says so ("in", "of", a possessive), not in a list.
        if not rank_a or not (
            rank_b > rank_a or stated and (rank_a == rank_b == 2 or (a.cls, b.cls) == ("Region", "City"))
        ):
            continue
        country_a, country_b = country_of(table, a.within) if a.within else None, country_of(table, b.key)
        explicit = re.search(r"\b(?:in|part of)\b", gap) is not None and not possessive
        if country_a and country_b and country_a != country_b and not explicit:
            # The text and the gazetteer disagree: a list of places, not containment. Unless
            # the text says "in" ("Ongjin County in Incheon": a namesake across the border).
            continue
        if a.within and a.within != country_a and a.within != b.key:
            continue  # already more specific than a country
        table.entities[a.key] = dataclasses.replace(a, within=b.key)
        if re.match(r",\s*(?:both|all) ", gap):
            # "Yeonpyeong Island and Baengnyeong Island, both part of Ongjin County": each of them
            for k in range(n - 1, -1, -1):
                prev = table.entities.get(mentions[k].entity)
                link = table.text[mentions[k].end : mentions[k + 1].start]
                if prev is None or prev.cls != a.cls or not re.fullmatch(r",?\s*(?:and\s+)?|,\s*", link):
                    break
                table.entities[prev.key] = dataclasses.replace(prev, within=b.key)


# The natural features whose name a comma and the region they lie in may follow.
_FEATURES = {"island", "islands", "isle", "cape", "peninsula"}


def _island_comma(table: EntityTable, inner, outer) -> bool:
    """ "Rebun Island, Hokkaido, lies ...": an island, a comma, then a region that is no feature
    itself and ends the apposition (not "Rebun Island, Hokkaido and Honshu", a list) lies in it."""
    a, b = table.entities[inner.entity], table.entities[outer.entity]
    if not re.fullmatch(r",\s+", table.text[inner.end:outer.start]) or a.cls != "Region" or b.cls != "Region":
        return False
    inner_words, outer_words = fold(inner.text).split(), fold(outer.text).split()
    if not inner_words or inner_words[-1] not in _FEATURES or not outer_words:
        return False
    if outer_words[-1] in REGION_HEADS - {"province", "prefecture", "county", "region", "state"}:
        return False  # "Rebun Island, Cape Soya": another feature, a list
    after = table.text[outer.end:outer.end + 8]
    return re.match(r"\s*(?:[,;:.)]|\u2014|\u2013)(?!\s*and\b)", after) is not None


def _kind_words(table: EntityTable, key: str) -> set[str]:
    """The last words of a place's names, which say what kind of place it is: "county" of "Ongjin
    County", "spaceport" of the gazetteer's "Vostochny spaceport"."""
    ent, place = table.entities[key], gazetteer.place_by_key(key)
    names = [ent.name, *ent.aliases, *(place.aliases if place is not None else ())]
    return {fold(n).split()[-1] for n in names if len(fold(n).split()) > 1}


def _last_of_kind(table: EntityTable, mentions: list, before: int, noun: str, floor: int) -> str | None:
    """The last place named before ``before`` (and after ``floor``) that is a ``noun``."""
    for m in reversed(mentions):
        if floor <= m.start and m.end <= before and table.cls(m.entity) in ("City", "Region") \
                and noun in _kind_words(table, m.entity):
            return m.entity
    return None


def _put_within(table: EntityTable, key: str, outer: str) -> None:
    """``key`` lies in ``outer``, if the kinds fit and the gazetteer's country agrees."""
    a, b = table.entities[key], table.entities[outer]
    rank_a, rank_b = _PLACE_RANK.get(a.cls, 0), _PLACE_RANK.get(b.cls, 0)
    if key == outer or not rank_a or rank_b < rank_a or (rank_b == rank_a and a.cls != "Region"):
        return
    country_a = country_of(table, a.within) if a.within else None
    if country_a and country_a != country_of(table, outer) or a.within and a.within != country_a:
        return  # another country's namesake, or already more specific than a country
    table.entities[key] = dataclasses.replace(a, within=outer)


# "..., another island in the county", "..., a village in the province": the place named just
# before lies in the one of that kind named earlier.
_IN_THE_KIND = re.compile(r",\s+(?:another|a|an)\s+(?:[a-z-]+\s+){0,2}?(?:island|city|town|village|port|"
                          r"district|county|region)\s+(?:in|of|on)\s+the\s+([a-z]+)\b")
# "the spaceport in Russia's Amur region": the place of that kind named before lies in it.
_THE_KIND_IN = re.compile(r"\bthe\s+([a-z]+)\s+(?:in|on)\s+")


def add_described_containment(table: EntityTable) -> None:
    """Containment stated with a description for one of the places, which stands for the last
    place of that kind named in the paragraph: "Baengnyeong, another island in the county" (the
    county named before), "the spaceport in Russia's Amur region" (the spaceport named before)."""
    mentions = sorted(table.mentions, key=lambda m: m.start)
    for n, m in enumerate(mentions):
        if _PLACE_RANK.get(table.cls(m.entity) or "") is None:
            continue
        floor = table.text.rfind("\n\n", 0, m.start) + 1
        said = _IN_THE_KIND.match(table.text, m.end)
        if said is not None and table.cls(m.entity) != "Country":
            outer = _last_of_kind(table, mentions[:n], m.start, said.group(1), floor)
            if outer is not None:
                _put_within(table, m.entity, outer)
        said = next((x for x in _THE_KIND_IN.finditer(table.text, max(floor, m.start - 40), m.start)
                     if x.end() == m.start), None)
        if said is None:
            continue
        # The place described lies in this paragraph or the one before.
        floor = table.text.rfind("\n\n", 0, table.text.rfind("\n\n", 0, m.start)) + 1
        inner = _last_of_kind(table, mentions[:n], said.start(), said.group(1), floor)
        outer = m.entity
        if n + 1 < len(mentions) and re.fullmatch(r"['\u2019]s\s+", table.text[m.end:mentions[n + 1].start]):
            outer = mentions[n + 1].entity  # "in Russia's Amur region": the region
        if inner is not None:
            _put_within(table, inner, outer)


_ITS_COAST = re.compile(r"(?:\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})*,?\s+(?:on|along|off)\s+its\s+"
                        r"(?:[a-z]+(?:ern)?\s+)?(?:coast|coastline|border|territory)\b")


def add_coast_owner(table: EntityTable) -> None:
    """A place the gazetteer doesn't know lies in the country whose coast the text puts it on:
    "North Korea fired shells from Jangsan Cape and Tungsan Cape on its west coast" (the last
    country named before it in the sentence is what "its" stands for)."""
    mentions = sorted(table.mentions, key=lambda m: m.start)
    for n, m in enumerate(mentions):
        ent = table.entities.get(m.entity)
        if ent is None or ent.cls not in ("Region", "City") or ent.within:
            continue
        if not _ITS_COAST.match(table.text, m.end):
            continue
        sent = table.doc.char_span(m.start, m.end, alignment_mode="expand")
        start = sent.sent.start_char if sent is not None else m.start
        owner = next((table.entities[p.entity] for p in reversed(mentions[:n]) if p.start >= start
                      and table.cls(table.actor(p.entity)) == "Country"), None)
        if owner is not None:
            table.entities[ent.key] = dataclasses.replace(ent, within=table.actor(owner.key))


_THE_COUNTRYS = re.compile(r"\bthe (?:country|nation)['\u2019]s\s+$")


def add_country_possessive(table: EntityTable) -> None:
    """"the country's Amur region": a place the gazetteer doesn't place lies in the country
    named last before it."""
    mentions = sorted(table.mentions, key=lambda m: m.start)
    for n, m in enumerate(mentions):
        ent = table.entities.get(m.entity)
        if ent is None or ent.cls not in ("Region", "City") or ent.within:
            continue
        if not _THE_COUNTRYS.search(table.text, max(0, m.start - 20), m.start):
            continue
        owner = next((p.entity for p in reversed(mentions[:n]) if table.cls(p.entity) == "Country"), None)
        if owner is not None:
            table.entities[ent.key] = dataclasses.replace(ent, within=owner)


def add_named_prefecture(table: EntityTable) -> None:
    """A city or island the gazetteer puts only in its country lies in its prefecture or
    province when the article names that too: "a J-Alert for Okinawa Prefecture ... over
    Ishigaki" (GeoNames' first-level region of the city; a namesake elsewhere has another)."""
    named = {m.entity for m in table.mentions if table.cls(m.entity) == "Region"}
    for key in sorted({m.entity for m in table.mentions}):
        ent = table.entities.get(key)
        if ent is None or ent.cls not in ("City", "Region") or not ent.within \
                or not ent.within.startswith("country:"):
            continue
        region = gazetteer.first_level_region(key)
        if region not in named or table.entities[region].within != ent.within:
            continue
        outer = table.entities[region]
        if fold(ent.name) in {fold(n).split(" prefecture")[0] for n in (outer.name, *outer.aliases)}:
            continue  # "Aomori" beside "Aomori Prefecture": the prefecture's namesake capital, or itself
        table.entities[key] = dataclasses.replace(ent, within=region)


def place_class_by_head(text: str, label: str) -> str:
    head = fold(text).split()[-1] if fold(text) else ""
    first = fold(text).split()[0] if fold(text) else ""
    if head in WATER_HEADS or first in {"sea", "gulf", "bay", "strait", "lake"}:
        return "BodyOfWater"
    if head in REGION_HEADS or label in ("LOC", "FAC"):
        return "Region"
    return "City"


# Romanised Korean and Japanese administrative suffixes: "Mupyong-ni" and "Tongchang-ri" are
# villages, "Yongsan-gu" a district, "Gyeonggi-do" a province, whatever the model took them for.
_SUFFIX_CLASSES = {
    "ri": "City", "ni": "City", "dong": "City", "eup": "City", "myeon": "City", "si": "City",
    "shi": "City", "machi": "City", "mura": "City",
    "gu": "Region", "gun": "Region", "do": "Region", "ku": "Region", "ken": "Region",
}


def place_class_by_suffix(text: str) -> str | None:
    """City or Region for a one-word name with an administrative suffix, else None. Personal
    names have a space ("Kim Sung-han"), so a single hyphenated word is never one."""
    word = text.strip()
    if " " in word or "-" not in word or not word[:1].isupper():
        return None
    return _SUFFIX_CLASSES.get(word.rsplit("-", 1)[1].lower())


_SUFFIXED = re.compile(r"\b[A-Z][a-z]+-(?:" + "|".join(_SUFFIX_CLASSES) + r")\b")


def add_suffixed_places(table: EntityTable) -> None:
    """Villages and districts named with an administrative suffix ("from the Hoejung-ri area"),
    which the model tags as people, cuts short ("Mapo") or misses. Claimed before the model's
    spans are read. A capitalised word just before makes it part of a longer name ("Kim Dong-do"
    is a person), so that is left to the model."""
    doc = table.doc
    for m in _SUFFIXED.finditer(table.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or table.taken(span):
            continue
        before = doc[span.start - 1] if span.start > span.sent.start else None
        if before is not None and before.text[:1].isupper() and before.lower_ != "the":
            continue
        place = gazetteer.lookup_place(m.group())
        if place is not None:
            table.add(span, place_entity(place))
            continue
        cls = place_class_by_suffix(m.group())
        if cls and gazetteer.lookup_org(m.group()) is None:
            key = f"{'city' if cls == 'City' else 'region'}:{slug(m.group())}"
            table.add(span, Entity(key=key, cls=cls, name=m.group()))


def lookup_place_head(text: str) -> gazetteer.Place | None:
    """A place by name, or by its name without a trailing head ("Jagang Province" → "Jagang")."""
    place = gazetteer.lookup_place(text, fuzzy=True)
    words = text.split()
    if place is None and len(words) > 1 and words[-1].lower() in REGION_HEADS | {"city", "district"}:
        place = gazetteer.lookup_place(" ".join(words[:-1]))
        if place is not None and place.cls == "City" and words[-1].lower() != "city":
            return None  # "Aomori Prefecture" is not the city of Aomori (the caller types it)
    return place


def compass_country(table: EntityTable, word: str) -> str | None:
    """ "the North" in an article about North Korea is North Korea: the one named country starting so."""
    hits = {
        m.entity
        for m in table.mentions
        if table.cls(m.entity) == "Country" and fold(table.entities[m.entity].name).split()[0] == word
    }
    return hits.pop() if len(hits) == 1 else None


def add_unlabelled_places(table: EntityTable) -> None:
    """Proper nouns the model left untagged ("from the Hamhung area") that the gazetteer knows
    exactly, kept only when the place's country is named in the article too: a coincidental
    match with some town abroad ("Kora" in India) is thereby left out."""
    doc = table.doc
    named_countries = {m.entity for m in table.mentions if table.cls(m.entity) == "Country"}
    toks = tokens(doc)
    i = 0
    while i < len(toks):
        if toks[i].pos_ != "PROPN" or i in table._by_token or not toks[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(toks) and toks[j].pos_ == "PROPN" and j not in table._by_token and j - i < 4:
            j += 1
        span = doc[i:j]
        if j < len(toks) and toks[j].text == "-" and not toks[j - 1].whitespace_:
            i = j  # "Soo-ah Jeon": part of a hyphenated name, not the town of Soo
            continue
        place = gazetteer.lookup_place(span.text)
        home = country_of(table, place.within) if place is not None and place.within else None
        if place is not None and place.cls == "Country":
            # A country's name or code the model left untagged ("the South Korea-US group").
            table.add(span, place_entity(place))
        elif place is not None and place.cls in ("City", "Region", "BodyOfWater") \
                and not span.text.isupper() and home in named_countries:
            table.add(span, place_entity(place))
        i = j


def add_compass_countries(table: EntityTable) -> None:
    """ "the North's third launch": the model tags no entity there."""
    for m in re.finditer(
        r"\b[Tt]he (North|South)\b(?! (?:Korea|Sudan|Pole|Atlantic|Pacific|China|Sea))", table.text
    ):
        span = table.doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        key = compass_country(table, m.group(1).lower())
        if span is not None and key and not table.taken(span):
            table.add(span, table.entities[key])


def add_gazetteer_phrases(table: EntityTable) -> None:
    """Regions and seas the model missed ("the Korean peninsula"): the gazetteer's multi-word names."""
    doc = table.doc
    for start, end, place in find_feature_names(table.text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not span.text[:1].isupper() or table.taken(span):
            continue
        table.add(span, place_entity(place))


# "Aomori and Iwate prefectures", "Aomori, Akita and Iwate prefectures": names before a plural
# kind noun are each a region of that kind.
_LISTED_BEFORE_KIND = re.compile(r"(?:,\s*[A-Z][\w-]+)*,?\s+and\s+[A-Z][\w-]+\s+(?:prefectures|provinces)\b")
_LAST_BEFORE_KIND = re.compile(r"\s+(?:prefectures|provinces)\b")
_AND_BEFORE = re.compile(r"(?:,|\band)\s*$")


def prefer_namesake_region(table: EntityTable) -> None:
    """A bare name that is both a city and the prefecture or province named after it ("Aomori")
    is the region where the text reads it as one: listed before "prefectures", joined with
    another region ("Aomori and Hokkaido"), or where the article names that region itself."""
    named = {m.entity for m in table.mentions}
    regions: dict[str, Entity] = {}
    for i, m in enumerate(table.mentions):
        ent = table.entities.get(m.entity)
        if ent is None or ent.cls != "City" or " " in m.text.strip():
            continue
        region = _namesake_region(ent)
        if region is None:
            continue
        chars = table.doc.char_span(m.start, m.end, alignment_mode="expand")
        span = table.span_of(table.doc[chars.start]) if chars is not None else None
        if span is None:
            continue
        root = span.root
        joined = [root.head] if root.dep_ == "conj" else []
        joined += [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "from":
            # "from Hokkaido to Nagano": the two ends of one range are of one kind
            joined += [c for c in root.head.head.children if c.dep_ == "pobj"]
        listed = _LISTED_BEFORE_KIND.match(table.text, m.end) or _LAST_BEFORE_KIND.match(table.text, m.end) \
            and _AND_BEFORE.search(table.text, max(0, m.start - 6), m.start)
        if not (region.key in named or listed
                or any(table.cls(table.entity_of(t)) == "Region" for t in joined)):
            continue
        regions[region.key] = region
        table.mentions[i] = dataclasses.replace(m, entity=region.key)
        for tok in range(span.start, span.end):
            table._by_token[tok] = (span, region.key)
    for key, region in regions.items():
        old = table.entities.get(key)
        base = old if old is not None else region
        names = {m.text for m in table.mentions if m.entity == key}
        # "Fukuoka Prefecture", typed by its noun alone, lies where its capital does.
        table.entities[key] = dataclasses.replace(base, aliases=base.aliases | names,
                                                  within=base.within or region.within)
    left = {m.entity for m in table.mentions}
    for key in named - left:
        if table.cls(key) == "City":
            del table.entities[key]


def _namesake_region(city: Entity) -> Entity | None:
    for kind in ("Prefecture", "Province"):
        place = gazetteer.lookup_place(f"{city.name} {kind}")
        if place is not None and place.cls == "Region" and place.within == city.within \
                and fold(place.name).startswith(fold(city.name) + " "):
            return place_entity(place, alias=False)
    # Japan's prefectures, most named after their capitals, from ISO 3166-2 where the curated
    # regions lack one ("Fukuoka").
    code = (city.within or "").removeprefix("country:")
    if code == "JP" and fold(city.name) in _prefectures():
        name = f"{city.name} Prefecture"
        return Entity(key=f"region:{slug(name)}", cls="Region", name=name, within=city.within)
    return None


@functools.lru_cache(maxsize=1)
def _prefectures() -> frozenset[str]:
    return frozenset(fold(name) for name in gazetteer.subdivision_names("JP", "Prefecture"))
