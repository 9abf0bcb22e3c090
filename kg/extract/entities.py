"""Named entities of one document: found by the model, corrected, typed and resolved.

The statistical model is a start, not an answer. It cuts names short ("Yoon Suk" for "Yoon
Suk Yeol"), types surnames as organisations ("Matsuno"), misses lower-case national bodies
("Japan's defence ministry") and reads typos as unknown places ("Lihuania"). This module
fixes those with span repairs, the gazetteer (:mod:`kg.gazetteer`) and in-document agreement:
a surname belongs to the one full name in the document that contains it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from spacy.tokens import Doc, Span

from kg import gazetteer
from kg.extract.bodies import (
    add_acronyms,
    add_national_bodies,
    add_org_phrases,
    bare_names,
    body_country,
    drop_unmentioned_countries,
    home_country,
    merge_countryless_bodies,
)
from kg.extract.entity_table import (
    MODEL_LABELS,
    PLACE_KIND_NOUNS,
    REGION_HEADS,
    WATER_HEADS,
    EntityTable,
    country_of,
    known_place,
    org_entity,
    place_entity,
)
from kg.extract.names import (
    CREW_ROLES,
    HONORIFICS,
    NOT_ORGS,
    extend_name,
    fold,
    is_common_word,
    name_tokens,
    slug,
    strip_leading,
    strip_possessive,
)
from kg.extract.people import surname_spans, titled_names
from kg.extract.place_mentions import (
    add_coast_owner,
    add_compass_countries,
    add_containment,
    add_country_possessive,
    add_described_containment,
    add_gazetteer_phrases,
    add_named_prefecture,
    add_suffixed_places,
    add_unlabelled_places,
    compass_country,
    lookup_place_head,
    place_class_by_head,
    prefer_namesake_region,
)
from kg.extract.places import capitals
from kg.extract.typos import merge_misspelt_places
from kg.records import Entity

# Wire-copy markers in capitals that the model reads as names ("(END)", "ANALYSIS -").
_WIRE_MARKERS = {
    "end",
    "update",
    "updated",
    "analysis",
    "exclusive",
    "breaking",
    "corrected",
    "refile",
    "urgent",
    "factbox",
    "wrapup",
    "photo",
    "video",
    "live",
    "advisory",
    "news",
    "more",
    "attn",
}


# Names of events, not of organisations: "Ulchi Freedom Shield", "Summit for Democracy".
_EVENT_HEADS = {
    "shield",
    "edge",
    "exercise",
    "exercises",
    "drill",
    "drills",
    "summit",
    "games",
    "olympics",
    "forum",
    "conference",
    "dialogue",
    "talks",
    "war",
    "resolve",
    "storm",
    "guardian",
    "strike",
    "eagle",
    "dragon",
    "tiger",
    "response",
    "falcon",
}


_EVENT_NOUNS = {"exercise", "exercises", "drill", "drills", "summit", "talks", "war", "games", "meeting"}


# One-word "organisations" that are parts of titles or generic bodies ("Secretary of State").
_GENERIC_ORGS = {
    "state",
    "defense",
    "defence",
    "cabinet",
    "government",
    "ministry",
    "parliament",
    "military",
    "army",
    "navy",
    "police",
    "treasury",
    "justice",
    "interior",
    "foreign",
    "presidency",
    "office",
    "council",
    "assembly",
    "court",
    "administration",
    "regime",
    "command",
    "forces",
    "party",
    "agency",
    "department",
    "unification",
}


_TITLE_WORDS = {
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "minister",
    "secretary",
    "president",
    "director",
    "head",
    "official",
    "officials",
    "ambassador",
    "envoy",
    "general",
    "adviser",
    "advisor",
}


# Words that make a run of common words the name of a body ("Security Council", "Coast Guard").
_BODY_HEADS = {"council", "ministry", "agency", "committee", "commission", "party", "army", "navy", "force",
               "forces", "command", "office", "department", "assembly", "court", "bank", "union",
               "organization", "organisation", "association", "institute", "university", "group", "corps",
               "guard", "service", "administration", "bureau", "center", "centre", "foundation", "fund",
               "alliance", "coalition", "league", "parliament", "senate", "congress", "cabinet", "government",
               "staff", "news", "times", "post", "press", "network", "broadcasting", "company", "corporation",
               "house", "board", "authority", "school", "academy", "club", "federation", "chamber",
               # newspapers
               "daily", "mirror", "journal", "herald", "tribune", "sun", "star", "telegraph", "guardian",
               "observer", "review", "gazette", "weekly"}
# Last words of the names of squares, streets and buildings, which are often named after people.
_FACILITY_HEADS = {"square", "street", "avenue", "boulevard", "stadium", "palace", "hall", "hotel", "bridge",
                   "memorial", "mausoleum", "university", "hospital", "tower", "plaza"}
_NAMING_VERBS = {"dubbed", "called", "named", "codenamed", "code-named", "titled"}
_SHIP_PREFIXES = {"USS", "HMS", "ROKS", "JS", "INS", "HMAS", "HMCS", "FS", "USNS"}
_SHIP_NOUNS = {"carrier", "destroyer", "submarine", "frigate", "cruiser", "warship", "vessel", "ship",
               "corvette", "battleship", "icebreaker"}


def _is_event_name(span: Span) -> bool:
    """ "Ulchi Freedom Shield (exercise)", "Summit for Democracy", "drills dubbed Iron Mace",
    "Silver Lance, a 10-day naval exercise": names of events (or ships), not actors."""
    words = fold(span.text).split()
    doc = span.doc
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    if span[0].text in _SHIP_PREFIXES or (span.start > 0 and doc[span.start - 1].text in _SHIP_PREFIXES):
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in _SHIP_NOUNS and doc[span.start - 1].is_lower:
        return True  # "the aircraft carrier Theodore Roosevelt": a ship named after a person
    if span.start > 0 and doc[span.start - 1].lower_ in _NAMING_VERBS:
        return gazetteer.lookup_org(span.text) is None
    if nxt == ",":
        # An apposition that says what it is: ", a 10-day naval exercise".
        for tok in doc[span.end + 1 : min(len(doc), span.end + 7)]:
            if tok.lower_ in _EVENT_NOUNS:
                return gazetteer.lookup_org(span.text) is None
            if tok.text in {",", ".", ";"} or tok.pos_ == "VERB" and tok.dep_ != "amod":
                break  # (", a combined air exercise": a participle before the noun reads on)
    if nxt in _EVENT_NOUNS or (
        span.end + 1 < len(span.doc)
        and span.doc[span.end].text == "("
        and span.doc[span.end + 2].lower_ in _EVENT_NOUNS
        if span.end + 2 < len(span.doc)
        else False
    ):
        return gazetteer.lookup_org(span.text) is None
    return (
        bool(words)
        and (words[-1] in _EVENT_HEADS or words[0] in {"summit", "exercise", "operation"})
        and gazetteer.lookup_org(span.text) is None
    )


# Head words that end the names of natural and administrative places only: a name ending in
# one is never a person's or a work's ("Jangsan Cape", "Ongjin County", "Jeju Island").
_GEO_HEADS = {"cape", "island", "islands", "isle", "peninsula", "province", "prefecture", "county",
              "district", "region", "oblast", "krai", "archipelago", "cosmodrome", "sea", "ocean",
              "strait", "gulf"}
# Labels the model gives place names now and then ("Tungsan Cape" as a work of art).
_OTHER_LABELS = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}


def _label(ent: Span, span: Span) -> str:
    """The model's label, unless the repaired span ends in a place's head ("Vostochny cosmodrome")
    or a name ends in a head only places have ("Jangsan Cape" read as a person)."""
    last = span[-1].lower_
    if ent.label_ == "ORG" and _after_department(ent):
        return "PERSON"
    if (
        ent.label_ in ("ORG", "PERSON")
        and span.end > ent.end
        and (last in REGION_HEADS or last in WATER_HEADS)
    ):
        return "LOC"
    if ent.label_ in {"PERSON"} | _OTHER_LABELS and len(span) > 1 and last in _GEO_HEADS and all(
            t.text[:1].isupper() for t in span if t.is_alpha):
        return "LOC"
    return ent.label_


def _place_named(ent: Span) -> bool:
    """An entity of another label that is a place by its head word ("Tungsan Cape")."""
    return ent.label_ in _OTHER_LABELS and len(ent) > 1 and ent[-1].lower_ in _GEO_HEADS


_PERSON_TITLES = {
    "president",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prime",
    "minister",
    "secretary",
    "senator",
    "premier",
    "chancellor",
    "general",
    "gen",
    "ambassador",
    "leader",
    "sir",
    "lady",
    "governor",
}


def _agree(spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """In-document agreement on what a name is: a name read as a person more often than as
    anything else is a person everywhere ("Biden" once as an organisation, thrice as a person),
    and so is a single word right after a person's title ("President Biden")."""
    votes: dict[str, Counter] = {}
    people: set[int] = set()
    for span, label in spans:
        votes.setdefault(fold(span.text), Counter())[label] += 1
        if label == "PERSON":
            people.update(range(span.start, span.end))
    out = []
    for span, label in spans:
        best, n = votes[fold(span.text)].most_common(1)[0]
        prev = span.doc[span.start - 1].lower_.rstrip(".") if span.start else ""
        if label in ("ORG", "GPE", "NORP") and (
            best == "PERSON"
            and n > votes[fold(span.text)][label]
            or prev in _PERSON_TITLES
            and len(span) == 1
        ):
            label = "PERSON"
        elif label in ("GPE", "LOC", "FAC") and _person_of_country(span):
            label = "PERSON"
        elif (label == "ORG" or label == "GPE" and gazetteer.lookup_place(span.text) is None) \
                and _name_among_people(span, people, words_ok=label == "GPE"):
            label = "PERSON"  # (a place the gazetteer does not know, listed with people: "A, B and C")
        out.append((span, label))
    return out


def _name_among_people(span: Span, people: set[int], *, words_ok: bool = False) -> bool:
    """ "Jake Sullivan of the US and Japan's Takeo Akiba": a name of two or three capitalised
    words, none an English word (unless ``words_ok``: a place no gazetteer knows, "Antony
    Blinken") and no known body, listed with a person is a person."""
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words):
        return False
    if not words_ok and any(is_common_word(t.text) for t in words):
        return False
    if gazetteer.lookup_org(span.text) is not None:
        return False
    root = span.root
    linked = [root.head] if root.dep_ in ("conj", "appos") else []
    linked += [c for c in root.children if c.dep_ in ("conj", "appos")]
    return any(t.i in people for t in linked)


def _is_speaker_tag(span: Span) -> bool:
    """A run of capitals opening a line and ending in ":" or ", ROLE:" (a transcript's tag)."""
    doc = span.doc
    start = span.start
    while start > 0 and doc[start - 1].is_upper and doc[start - 1].is_alpha:
        start -= 1
    at_line_start = start == 0 or "\n" in doc[start - 1].text_with_ws
    nxt = doc[span.end].text if span.end < len(doc) else ""
    return at_line_start and (nxt in {":", ","} or (nxt.isupper() and nxt.isalpha()))


def _skip_unmentioned_parents(table: EntityTable) -> None:
    """A place lies in the nearest place the article names, or else in its country: "Camp David"
    is within the United States unless the article names Maryland. Only named places and
    countries become nodes."""
    named = {m.entity for m in table.mentions}
    for key, ent in list(table.entities.items()):
        parent, seen = ent.within, set()
        while parent and parent not in named and parent not in seen:
            seen.add(parent)
            above = table.entities.get(parent) or known_place(parent)
            if above is None or above.cls == "Country":
                break
            parent = above.within
        if parent != ent.within:
            table.entities[key] = dataclasses.replace(ent, within=parent)
            if parent and parent not in table.entities and (place := gazetteer.place_by_key(parent)):
                table.entities[parent] = place_entity(place, alias=False)
    used = {e.within for e in table.entities.values()} | {e.country for e in table.entities.values()}
    for key in list(table.entities):
        if key not in named and key not in used:
            del table.entities[key]


def _in_title_case_headline(span: Span, text: str) -> bool:
    """A span in a Title Case headline ("Spy Satellite Launch Fails, Debris Falls Into Yellow
    Sea") that names nothing known: the model reads capitalised common words there as names.
    ``text`` is the document's text (spaCy rebuilds ``Doc.text`` on every access)."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words) or line.rstrip().endswith("."):
        return False
    known = (
        gazetteer.lookup_place(span.text)
        or gazetteer.lookup_org(span.text)
        or gazetteer.lookup_demonym(span.text)
    )
    elsewhere = text.count(span.text) > 1
    return known is None and not elsewhere


def _person_of_country(span: Span) -> bool:
    """ "Władysław Kosiniak-Kamysz of Poland": an unknown two- or three-word name followed by
    "of <country>" is a person (a place would be "in Poland")."""
    doc = span.doc
    if not 2 <= len(span.text.split()) <= 3 or gazetteer.lookup_place(span.text) is not None:
        return False
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return False
    nxt = gazetteer.lookup_place(doc[span.end + 1 : span.end + 3].text) or gazetteer.lookup_place(
        doc[span.end + 1].text
    )
    return nxt is not None and nxt.cls == "Country"


_DEPARTMENT_WORDS = {"defense", "defence", "state", "treasury", "energy", "commerce", "homeland",
                     "justice", "foreign", "affairs", "interior", "unification", "national"}


def _after_department(span: Span) -> bool:
    """ "(Secretary of) Defense Lloyd Austin": a department word, then a name of two words or more."""
    doc = span.doc
    return (len(span) > 2 and span.start > 1 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in ("secretary", "minister", "department", "ministry")
            and span[0].lower_ in _DEPARTMENT_WORDS and all(t.text[:1].isupper() for t in span[1:]))


_CLOCK_TIME = re.compile(r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|KST|JST|ET|EST|BST))?", re.I)


# Words of time the model sometimes runs into a place's name.
_TIME_WORDS = {"ago", "weekend", "weekends", "holiday", "holidays", "week", "weeks", "month", "months",
               "year", "years", "decade", "decades", "season", "festival", "eve"}


def _clean(ent: Span) -> Span | None:
    for i, tok in enumerate(ent):
        if i and tok.text in {"-", "\u2013", "\u2014", "--"} and ent[i - 1].whitespace_:
            ent = ent[:i]  # "Kyodo - North Korea": a dateline's dash ends the name
            break
    span = strip_leading(strip_possessive(ent), honorifics=ent.label_ == "PERSON")
    if fold(span.text) in NOT_ORGS or len(span) == 1 and span[0].lower_.rstrip(".") in HONORIFICS:
        return None  # "UTC", or a title alone ("H.E.")
    if ent.label_ in ("GPE", "LOC", "FAC"):
        cut = next((i for i, t in enumerate(span) if i and t.is_lower and t.lower_ in _TIME_WORDS), None)
        if cut is not None:
            if cut == len(span) - 1:
                return None  # "the Easter weekend": a time, not a place
            span = span[:cut]  # "the North decades ago": the place, not when
    if _after_department(span):
        span = span[1:]  # "Secretary of Defense Lloyd Austin": the department is the title's
    if ent.label_ == "PERSON" or _after_department(ent):
        span = extend_name(span)
    if ent.label_ == "PERSON" and len(span) > 1 and span[-1].lower_ in _FACILITY_HEADS:
        return None  # "Kim Il Sung Square": a place named after a person
    doc = span.doc
    while (
        ent.label_ in ("GPE", "LOC", "FAC")
        and span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and not doc[span.end - 1].whitespace_
        and not doc[span.end].whitespace_
        and doc[span.end + 1].is_alpha
        and (
            doc[span.end + 1].is_lower
            and len(doc[span.end + 1]) <= 4
            and doc[span.end + 1].tag_ not in ("VBN", "VBD", "VBG")  # "US-led drills"
            or gazetteer.lookup_place(doc[span.start : span.end + 2].text) is not None
            # "Oshima-Oshima island": a hyphened name before a place's head is one name (a
            # pair of places, "Korea-Japan", is never followed by one)
            or span.end + 2 < len(doc) and doc[span.end + 2].is_lower
            and doc[span.end + 2].lower_ in _GEO_HEADS
        )
    ):
        span = doc[span.start : span.end + 2]  # "Tongchang" + "-ri", not "US" + "-drafted"
    if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON") and span.end < len(span.doc):
        nxt = span.doc[span.end]
        # "Amur region", "Korean peninsula": the model stops before a lower-case head noun
        # (and may have read the name as a person's: "the country's Amur region").
        if (nxt.lower_ in REGION_HEADS or nxt.lower_ in WATER_HEADS) and (
            nxt.is_lower or ent.label_ not in ("ORG", "PERSON")
        ) and (ent.label_ != "PERSON" or nxt.lower_ in _GEO_HEADS):
            span = span.doc[span.start : span.end + 1]
    if ent.label_ == "ORG":
        # "JCS Chairman": a title after an organisation's name is not part of it.
        end = span.end
        while end - span.start > 1 and span.doc[end - 1].lower_ in _TITLE_WORDS:
            end -= 1
        titled = end < span.end or end < len(doc) and doc[end].is_title and doc[end].lower_ in _TITLE_WORDS
        if titled and all(is_common_word(t.text) for t in doc[span.start : end]) and \
                gazetteer.lookup_org(doc[span.start : end].text) is None:
            return None  # "National Security Adviser Jane Roe": a title, no body named
        span = span.doc[span.start : end]
        # "National Assembly committee": lower-case words after a name are not part of it
        # (unless the whole is a known name: "Workers' party").
        while (
            end - span.start > 1
            and span.doc[end - 1].is_lower
            and span.doc[end - 1].is_alpha
            and gazetteer.lookup_org(span.doc[span.start : end].text) is None
        ):
            end -= 1
        span = span.doc[span.start : end]
        if len(span) == 1 and span[0].lower_ in _GENERIC_ORGS:
            return None
        # "South Korea-" of "South Korea-U.S. drills"
    while len(span) > 1 and span[-1].text in {"-", "\u2013"}:
        span = span.doc[span.start : span.end - 1]
    if ent.label_ == "ORG" and span.start > 0:
        prev = span.doc[span.start - 1]
        # "TV Asahi": the model keeps only "Asahi"; a short all-caps word before is the name's.
        if (
            prev.is_upper
            and prev.is_alpha
            and 2 <= len(prev) <= 4
            and prev.ent_type_ == ""
            and not prev.is_sent_start
        ):
            span = span.doc[prev.i : span.end]
    text = span.text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit()) or "\n" in text:
        return None  # a name never runs across a line break: the model joined a heading to a line
    if text.isupper() and fold(text) in _WIRE_MARKERS:
        return None
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "class":
        return None  # "the Ohio-class submarine": a class of ship, not the place
    if _CLOCK_TIME.fullmatch(text):
        return None  # "at 7.23am": a time the model read as a name
    if _is_event_name(span):
        return None
    if ent.label_ == "PERSON" and (any(c.isdigit() for c in text) or re.match(r"^[A-Z]-", text)):
        return None  # "Hwasong-18" is a missile and "J-Alert" a warning system, not people
    return span


def find_entities(doc: Doc, source: str | None = None, text: str | None = None) -> EntityTable:
    """All entity mentions of ``doc``, typed and resolved within the document.

    ``source`` is the article's publisher as its metadata names it ("Yonhap"), which tells
    the country of bodies the text names without one. ``text`` is the text ``doc`` was parsed
    from, when the caller has it: ``Doc.text`` joins every token again on each access.
    """
    table = EntityTable(doc, text=doc.text if text is None else text)
    table.home_country = home_country(table.text, source)
    add_gazetteer_phrases(table)
    add_suffixed_places(table)
    add_org_phrases(table)
    spans = [(s, _label(e, s)) for e in doc.ents
             if (e.label_ in MODEL_LABELS or _place_named(e)) and (s := _clean(e)) is not None]
    bylines = _bylines(table.text)
    crew, crew_tags = _crew_names(table.text)
    # The writers' names anywhere else are the writers too ("Jane Roe is a Seoul-based journalist").
    writers = {fold(s.text) for s, lab in spans if lab == "PERSON" and len(s) > 1
               and any(a <= s.start_char < b for a, b in bylines)} - crew
    # Their words are no one's name in the story either ("Cho" of "Eleanor Cho" is not Cho Tae-yong).
    unnamed = {i for s, lab in spans if lab == "PERSON" and (fold(s.text) in writers or any(
        a <= s.start_char < b for a, b in bylines)) for i in range(s.start, s.end)}
    spans = _agree([(s, lab) for s, lab in spans if not _in_title_case_headline(s, table.text)
                    and not any(a <= s.start_char < b for a, b in bylines)
                    and fold(s.text) not in writers
                    and not (s.text.isupper() and fold(s.text) in crew_tags)])
    # Names beside an office are people, whatever the model read there ("Marcus Hale, a
    # missile analyst", typed as an organisation).
    titled = [s for s in titled_names(doc) if not any(a <= s.start_char < b for a, b in bylines)]
    taken = {t.i for span in titled for t in span}
    spans = [(span, "PERSON") for span in titled] + [
        (s, lab) for s, lab in spans if not any(t.i in taken for t in s)
    ]
    # Full names first, so surnames can be resolved against them.
    full_names = _full_names(spans)
    table.crew = {full_names[k].key for k in crew if k in full_names}
    # A spouse is named in full ("his wife Yuko Kishida", "first lady Jill Biden"): a surname
    # alone is the other person's, even one the article never names in full ("President Biden").
    # Full names are keyed by their slug, so a spouse named in full still finds the same entity.
    spouses = _spouses(spans)
    short_forms = {f: e for f, e in full_names.items() if f not in spouses}
    for span, label in spans:
        _add_span(table, span, label, short_forms)
    for span, folded in surname_spans(doc, set(table._by_token) | unnamed, short_forms):
        table.add(span, full_names[folded])
    add_national_bodies(table)
    _add_untagged_places_of_kind(table)
    add_unlabelled_places(table)
    add_compass_countries(table)
    add_acronyms(table)
    merge_countryless_bodies(table)
    add_containment(table)
    add_described_containment(table)
    add_coast_owner(table)
    add_country_possessive(table)
    prefer_namesake_region(table)
    add_named_prefecture(table)
    _place_untagged_regions(table)
    merge_misspelt_places(table)
    drop_unmentioned_countries(table)
    _skip_unmentioned_parents(table)
    _drop_credited(table, bylines)
    table.mentions.sort(key=lambda m: (m.start, m.end))
    return table


def _drop_credited(table: EntityTable, bylines: list[tuple[int, int]]) -> None:
    """No name of the credit lines is in the story, a place no more than a person ("Jane Roe in
    Hong Kong contributed to this report"), whichever pass found it."""
    inside = [m for m in table.mentions if any(a <= m.start < b for a, b in bylines)]
    if not inside:
        return
    table.mentions = [m for m in table.mentions if m not in inside]
    left = {m.entity for m in table.mentions}
    left |= {k for e in table.entities.values() for k in (e.within, e.country) if k}
    for m in inside:
        if m.entity not in left:
            table.entities.pop(m.entity, None)
    for i, (span, _) in list(table._by_token.items()):
        if any(a <= span.start_char < b for a, b in bylines):
            del table._by_token[i]


# "By Jane Roe", "By Jane Roe in Seoul and John Doe in Tokyo", "By Jane Roe, Senior Fellow": a
# line that names the writers, who are not in the story.
_BYLINE = re.compile(r"^[ \t]*(?:By|BY)[ \t]+[A-Z][^\n]{0,150}$", re.M)
# The desk's credits: "Edited by: Jane Roe", "(Reporting by Jane Roe; Editing by Tom Poe)",
# "Jane Roe in Seoul and Tom Poe in Tokyo contributed to this report."
_CREDITS = re.compile(r"^[ \t]*\(?(?:(?:additional )?reporting|editing|edited|writing|written|compiled|"
                      r"produced|translated)(?: by)?[ \t]*:?[ \t]+[A-Z][^\n]{0,200}$|"
                      r"^[ \t]*[-\u2013\u2014]*[ \t]*with assistance (?:from|by)[ \t]+[A-Z][^\n]{0,200}$|"
                      r"^[^\n]{0,200}\bcontributed (?:reporting|to this (?:report|story|article))"
                      r"[^\n]{0,60}$",
                      re.M | re.I)


# A transcript's label of the programme's own people: "JANE ROE, CORRESPONDENT:".
_CREW_TAG = re.compile(r"^[ \t]*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){1,3}), (?:"
                       + "|".join(sorted(r.upper() for r in CREW_ROLES)) + r")(?: [A-Z]+)?:", re.M)


def _crew_names(text: str) -> tuple[set[str], set[str]]:
    """The folded names (and first names, as a host calls them) of a transcript's crew, and the
    surnames that tag their later lines ("KIM:")."""
    names: set[str] = set()
    tags: set[str] = set()
    for m in _CREW_TAG.finditer(text):
        name = fold(m.group(1))
        names |= {name, name.split()[0]}
        tags.add(name.split()[-1])
    return names, tags


# A byline without "By" among the lines before the story: "Jane Roe in Seoul and agencies".
_WRITER_LINE = re.compile(r"^[ \t]*[A-Z][\w'.-]+(?:[ -][A-Z][\w'.-]+){1,3} in [A-Z][a-z]+(?: [A-Z][a-z]+)?"
                          r"(?:,? and (?:agencies|[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3} in [A-Z][a-z]+))?"
                          r"[ \t]*$",
                          re.M)


# The writers' names on a line of their own above the reading time: "Jane Roe, Tom Poe\n4 Min Read".
_NAMES_THEN_READ = re.compile(r"^[ \t]*[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3}(?:(?:,| and|, and) [A-Z][\w'.-]+"
                              r"(?: [A-Z][\w'.-]+){1,3}){0,4}[ \t]*(?=\n[ \t]*\d+[ \t]*(?i:min(?:ute)?s?)"
                              r"[ \t]+(?i:read)\b)", re.M)


def _bylines(text: str) -> list[tuple[int, int]]:
    """The lines that credit the writers and editors, who are not in the story."""
    out = [(m.start(), m.end()) for m in _BYLINE.finditer(text) if not m.group().rstrip().endswith(".")
           or len(m.group()) < 60] + [(m.start(), m.end()) for m in _CREDITS.finditer(text)]
    out += [(m.start(), m.end()) for m in _NAMES_THEN_READ.finditer(text)]
    # Only between the headline and the first paragraph of the story (a line that ends a sentence).
    first_line = text.find("\n")
    story = re.search(r"[.!?\"\u201d]\s*\n", text)
    end = story.start() if story else len(text)
    out += [(m.start(), m.end()) for m in _WRITER_LINE.finditer(text, max(first_line, 0), end)
            if first_line >= 0]
    return out


def _full_names(spans: list[tuple[Span, str]]) -> dict[str, Entity]:
    """Person names of two words or more, keyed by their folded form."""
    out: dict[str, Entity] = {}
    for span, label in spans:
        if (
            label == "PERSON"
            and len(span.text.split()) >= 2
            and gazetteer.lookup_place(span.text) is None
            and gazetteer.lookup_org(span.text) is None
            and not _names_a_place(span)
        ):
            key = "person:" + slug(_name_order(span.text, out))
            out.setdefault(fold(span.text), Entity(key=key, cls="Person", name=span.text))
    return out


def _names_a_place(span: Span) -> bool:
    """Whether a word of ``span`` is a country, region or sea ("Tohoku Shinkansen")."""
    return any(
        (p := gazetteer.lookup_place(t.text)) is not None and p.cls in ("Country", "Region", "BodyOfWater")
        for t in span
        if t.text[:1].isupper()
    )


def _name_order(name: str, known: dict[str, Entity]) -> str:
    """ "Ishiba Shigeru" (family name first) is the same person as "Shigeru Ishiba": the first
    order seen names the key."""
    words = sorted(name_tokens(name))
    for folded, ent in known.items():
        if sorted(folded.split()) == words:
            return ent.name
    return name


def _persons_for(text: str, full_names: dict[str, Entity], crew: set[str] | frozenset[str] = frozenset()
                 ) -> list[Entity]:
    """The full names of the article that ``text`` is a short form of (several: ambiguous)."""
    if text.isupper():
        return []  # an acronym ("UN") is never part of a person's name ("Kim Jong Un")
    words = name_tokens(text)
    # A short form is a name's first word (Korean and Chinese surnames: "Yoon") or last (most
    # others: "Kishida"), or its first words ("Yoon Suk" cut short by the model).
    hits = {
        e.key: e
        for f, e in full_names.items()
        if f != " ".join(words) and (f.split()[: len(words)] == words or f.split()[-len(words) :] == words)
    }
    if len(hits) > 1 and set(hits) - crew:
        # A transcript's crew present the story and are not in it: "Kim told Putin" is not the
        # correspondent Daniel Kim's.
        hits = {k: e for k, e in hits.items() if k not in crew}
    return [hits[k] for k in sorted(hits)]


_RECENT_CHARS = 400


def _recent(table: EntityTable, candidates: list[Entity], before: int, word: str = "") -> Entity | None:
    """The candidate the bare surname ``word`` at ``before`` stands for: the one it already stood
    for (news name the main person by surname and every namesake in full: "Kim said ... Kim Yong
    Nam, the nominal head of state, also made the trip. Kim and Moon ..."), else the one mentioned
    last, within a few sentences."""
    keys = {e.key: e for e in candidates}
    bare = {m.entity for m in table.mentions
            if m.start < before and m.entity in keys and fold(m.text) == word}
    # (a namesake named in full earlier in the same paragraph is meant: "President Lee Jae-myung
    # sought calm. ... Lee said")
    full = max((m for m in table.mentions if m.start < before and m.entity in keys and " " in m.text.strip()),
               key=lambda m: m.start, default=None)
    here = full is not None and "\n" not in table.text[full.end:before] and full.entity not in bare
    if word and len(bare) == 1 and not here:
        return keys[bare.pop()]
    last = max(
        (m for m in table.mentions if m.entity in keys and m.start < before),
        key=lambda m: m.start,
        default=None,
    )
    if last is None or before - last.end > _RECENT_CHARS:
        return None
    between = table.text[last.end:before]
    others = [e for e in candidates if e.key != last.entity]
    if between.lstrip().startswith(",") and not re.search(r"[.;!?]", between) and len(others) == 1:
        # "Kim Yong-chol, a senior official seen as Mr Kim's right-hand man": a surname in the
        # description of the one just named is another's.
        return others[0]
    return keys[last.entity]


_SPOUSE_WORDS = {"wife", "husband", "spouse"}


def _spouses(spans: list[tuple[Span, str]]) -> set[str]:
    """The folded full names whose first mention follows "wife", "husband", "spouse" or "first lady"."""
    out, seen = set(), set()
    for span, label in sorted(spans, key=lambda sl: sl[0].start):
        name = fold(span.text)
        if label != "PERSON" or len(span) < 2 or name in seen:
            continue
        seen.add(name)
        before = span.doc[max(0, span.start - 3) : span.start]
        if any(t.lower_ in _SPOUSE_WORDS or t.lower_ in ("lady", "gentleman") and t.i > 0
               and span.doc[t.i - 1].lower_ == "first" for t in before):
            out.add(name)
    return out


def _person_for(text: str, full_names: dict[str, Entity], crew: set[str] | frozenset[str] = frozenset()
                ) -> Entity | None:
    """The one full name containing ``text``'s words, or None (none, or several)."""
    hits = _persons_for(text, full_names, crew)
    return hits[0] if len(hits) == 1 else None




def _place_noun_before(span: Span) -> str | None:
    """City or Region when ``span`` follows "the [adjectives] <kind of place> of"."""
    doc = span.doc
    noun = doc[span.start - 2].lower_ if span.start >= 3 else ""
    if doc[span.start - 1].lower_ != "of" or noun not in PLACE_KIND_NOUNS:
        return None
    if not any(t.lower_ == "the" for t in doc[max(0, span.start - 5) : span.start - 2]):
        return None
    if getattr(gazetteer.lookup_place(span.text), "cls", None) == "Country":
        return None  # "the Tokyo region of Japan": the country the region lies in
    return PLACE_KIND_NOUNS[noun]


# "the city of Ise", "Russia's Amur region": a capitalised word the model left untagged, named
# as a place by the noun before or after it.
_KIND_BEFORE = re.compile(r"\bthe (?:[a-z]+ )?(" + "|".join(sorted(PLACE_KIND_NOUNS)) +
                          r") of ([A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+)?)\b")
_KIND_AFTER = re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?) "
                         r"(region|province|prefecture|oblast|krai|county|island)\b")


def _add_untagged_places_of_kind(table: EntityTable) -> None:
    doc = table.doc
    for m in _KIND_BEFORE.finditer(table.text):
        span = doc.char_span(m.start(2), m.end(2))
        if span is not None and not table.taken(span) and not is_common_word(span[0].text) \
                and _place_noun_before(span) is not None:
            _add_place_of_kind(table, span, PLACE_KIND_NOUNS[m.group(1)])
    for m in _KIND_AFTER.finditer(table.text):
        span = doc.char_span(m.start(), m.end())
        if span is None or table.taken(span) or span[0].pos_ != "PROPN" or span[0].is_sent_start:
            continue
        known = gazetteer.lookup_place(m.group(1))
        if known is not None and (known.cls == "Country" or _country_named(table, known)) \
                or gazetteer.lookup_demonym(m.group(1)) is not None:
            continue  # "the Tokyo region" is Tokyo's; "the Russian region" names no place
        table.add(span, Entity(key=f"region:{slug(span.text)}", cls="Region", name=span.text))


def _place_untagged_regions(table: EntityTable) -> None:
    """ "the Amur region" with no country of its own lies in the one country the story names that
    has a first-level subdivision of that name."""
    named = {country_of(table, x.entity) for x in table.mentions if table.cls(x.entity) == "Country"}
    for key, ent in list(table.entities.items()):
        words = ent.name.split()
        if ent.cls == "Region" and ent.within is None and len(words) == 2 and words[1].lower() in (
                "region", "province", "oblast", "krai", "prefecture") and gazetteer.place_by_key(key) is None:
            within = _subdivision_country(words[0], named)
            if within is not None:
                table.entities[key] = dataclasses.replace(ent, within=within)


def _subdivision_country(stem: str, named: set[str | None]) -> str | None:
    """ "the Amur region" in a story that names Russia: the one named country with a first-level
    subdivision of that name (ISO 3166-2: "Amurskaya oblast'")."""
    found = gazetteer.subdivision_countries(stem) & named
    return found.pop() if len(found) == 1 else None


def _kind_in_apposition(span: Span) -> str | None:
    """ "Jikdo, an uninhabited island in the Yellow Sea": the kind of place the apposition says."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].lower_ not in ("a", "an"):
        return None
    for tok in doc[span.end + 2 : min(len(doc), span.end + 5)]:
        if tok.lower_ in PLACE_KIND_NOUNS:
            return PLACE_KIND_NOUNS[tok.lower_]
        if not (tok.is_lower and tok.pos_ in ("ADJ", "VERB", "NOUN")):
            return None
    return None


def _country_named(table: EntityTable, place: gazetteer.Place) -> bool:
    """A capital, or a place in a country the article names or names a place of."""
    country = country_of(table, place.within)
    return place.key in capitals() or any(country_of(table, m.entity) == country for m in table.mentions)


def _add_place_of_kind(table: EntityTable, span: Span, kind: str) -> None:
    """A place of the kind its noun says; the gazetteer's place of that name only when it is of
    that kind and in a country the article names (or a capital)."""
    place = gazetteer.lookup_place(span.text)
    named = place is not None and _country_named(table, place)
    if place is not None and place.cls == kind and named:
        table.add(span, place_entity(place))
        return
    within = country_of(table, place.within) if place is not None and named else None
    for tok in span.doc[max(0, span.start - 5) : span.start - 2]:
        nation = gazetteer.lookup_demonym(tok.text) if tok.text[:1].isupper() else None
        if nation is not None and nation.cls == "Country":
            within = nation.key  # "the Italian island of Capri"
    prefix = "region" if kind == "Region" else "city"
    table.add(span, Entity(key=f"{prefix}:{slug(span.text)}", cls=kind, name=span.text, within=within))


def _add_shared_head_pair(table: EntityTable, span: Span) -> bool:
    """ "North and South Korea": two countries sharing one head word, each its own mention."""
    words = [t for t in span]
    if len(words) != 4 or words[1].lower_ != "and":
        return False
    head = words[3].text
    first = gazetteer.lookup_place(f"{words[0].text} {head}")
    second = gazetteer.lookup_place(f"{words[2].text} {head}")
    if first is None or second is None or first.key == second.key \
            or not first.cls == second.cls == "Country":
        return False
    table.add(span[:1], place_entity(first))
    table.add(span[2:], place_entity(second))
    return True


def _add_span(table: EntityTable, span: Span, label: str, full_names: dict[str, Entity]) -> None:
    text = span.text
    folded = fold(text)
    if _add_shared_head_pair(table, span):
        return
    if label != "NORP" and len(span) <= 3 and (kind := _place_noun_before(span)) is not None and \
            _person_for(text, full_names, table.crew) is None:
        _add_place_of_kind(table, span, kind)
        return
    if text.isupper() and len(text) > 4 and " " in text or (label == "PERSON" and text.isupper()):
        # A dateline ("CAMP DAVID, Md. (AP)") or a transcript's speaker tag ("MATSUNO:"): read
        # it in title case, and keep it only if it names a known place or a person of the article.
        titled = text.title()
        org = gazetteer.lookup_org(text)
        if org is not None:
            table.add(span, org_entity(org))
            return
        place = gazetteer.lookup_place(titled)
        # An acronym ("UN") is never a person's name part, whatever the model's label.
        person = (
            None
            if len(text) <= 5 and " " not in text
            else (_person_for(titled, full_names, table.crew) or full_names.get(folded))
        )
        if person:
            table.add(span, person)
        elif place is not None:
            table.add(span, place_entity(place))
        return
    if folded in {"north", "south"}:
        key = compass_country(table, folded)
        if key:
            table.add(span, table.entities[key])
        return
    if label in ("GPE", "LOC", "FAC"):
        person = _person_for(text, full_names, table.crew) if len(span) == 1 else None
        if person is not None and getattr(gazetteer.lookup_place(text), "cls", None) != "Country":
            table.add(span, person)  # "Austin said": the surname of Lloyd Austin, not the city
            return
        org = gazetteer.lookup_org(text)
        if org is not None and org.cls != "Organization" or org is not None and text.isupper():
            # "the White House" (also an old name of Casablanca), "UN": the organisation.
            table.add(span, org_entity(org))
            return
        place = lookup_place_head(text)
        if place is not None:
            table.add(span, place_entity(place))
            return
        org = gazetteer.lookup_org(text)  # "G7 countries": the model reads G7 as a place
        if org is not None:
            table.add(span, org_entity(org))
            return
        person = _person_for(text, full_names, table.crew)
        if person:
            table.add(span, person)
            return
        if len(span) == 1 and is_common_word(text):
            return  # "Diplomats said ...": a word, not a place the gazetteer missed
        if (
            label == "GPE"
            and len(span) <= 2
            and span[-1].lower_ not in _GEO_HEADS  # "Ongjin County issued an advisory"
            and span.root.dep_ in ("nsubj", "nsubjpass")
            and span.root.head.pos_ in ("VERB", "AUX")
        ):
            # A place the gazetteer doesn't know, acting as the subject of a verb, is more
            # likely a person the model misread ("Kishida said").
            table.add(span, Entity(key="person:" + slug(text), cls="Person", name=text))
            return
        if full_names.get(folded):
            table.add(span, full_names[folded])  # "Daniel Park" read once as a place
            return
        cls = _kind_in_apposition(span) or place_class_by_head(text, label)
        prefix = {"BodyOfWater": "water", "Region": "region", "City": "city"}[cls]
        # "Aomori Prefecture": unknown as such, but its stem names a place of a known country.
        stem = gazetteer.lookup_place(" ".join(text.split()[:-1])) if len(text.split()) > 1 else None
        within = (stem.key if stem.cls == "Country" else country_of(table, stem.within)) if stem else None
        if within and not any(m.entity == within for m in table.mentions):
            within = None  # "Amur region": a namesake town abroad says nothing of where it is
        table.add(span, Entity(key=f"{prefix}:{slug(text)}", cls=cls, name=text, within=within))
        return
    if label == "NORP":
        person = _person_for(text, full_names, table.crew)
        if person:  # "Yoon and Albanese met": a surname the model read as a nationality
            table.add(span, person)
            return
        place = gazetteer.lookup_demonym(text, fuzzy=True) or gazetteer.lookup_place(text, fuzzy=True)
        if place is not None and place.cls == "Country":
            table.add(span, place_entity(place), alias=False)
            return
        exact = gazetteer.lookup_place(text) if gazetteer.lookup_demonym(text) is None else None
        if exact is not None and exact.cls in ("City", "Region"):
            table.add(span, place_entity(exact))  # "the Hamhung area", read as a nationality
            return
        org = gazetteer.lookup_org(text)  # "(Yonhap)": the model reads the agency as a nationality
        if org is not None:
            table.add(span, org_entity(org))
        return
    if label == "ORG":
        if folded in NOT_ORGS:
            return
        person = _person_for(text, full_names, table.crew) or table.entities.get("person:" + slug(text))
        if person:
            table.add(span, person)
            return
        org = gazetteer.lookup_org(text)
        if org is None:
            org = gazetteer.lookup_national_body(text, body_country(table, span))
        if org is not None:
            table.add(span, org_entity(org))
            return
        # A place the model read as an organisation, possibly misspelt ("Okinwa"); a town under
        # another name only in a country the article names.
        place = gazetteer.lookup_place(text) or gazetteer.lookup_place(text, fuzzy=True)
        if place is not None and place.cls == "City" and fold(place.name) != folded and not _country_named(
                table, place):
            place = None  # a variant or misspelling of a town abroad: "Khasan" is not Hassan
        if place is not None:
            table.add(span, place_entity(place))
            return
        if len(span) == 1 and is_common_word(text) and (not text.isupper() or len(text) >= 4):
            return  # "Newest entries at the bottom", a transcript's "HOST:"
        words = [t for t in span if t.is_alpha]
        before = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
        if "of" in before and words and not any(t.lower_ in _BODY_HEADS for t in words) and all(
                is_common_word(t.text) and not t.is_upper for t in words):
            return  # "president of the State Affairs": common words, no body's head, no known name
        if text.isupper() and _is_speaker_tag(span):
            return  # "EMI TANAKA, BYLINE:": a transcript's tag, named properly elsewhere
        if (kind := _kind_in_apposition(span)) is not None:
            _add_place_of_kind(table, span, kind)  # "Sumdo, an uninhabited island": read as a body
            return
        table.add(span, Entity(key="org:" + slug(text), cls="Organization", name=text))
        return
    # PERSON: the model reads some places as people ("Hamhung", "Camp David").
    if len(span) == 1 and span[0].is_sent_start and text[:1].isupper() and not text.isupper() and re.search(
            rf"\b{re.escape(text.lower())}\b", table.text) and folded not in full_names and \
            not _persons_for(text, full_names, table.crew):
        return  # "Hypersonic weapons travel ...": a word the article writes in lower case elsewhere
    person = _person_for(text, full_names, table.crew)
    if not person and len(span) > 1 and folded not in full_names and _names_a_place(span):
        return  # "Tohoku Shinkansen": a thing named after a place, not a person
    place = gazetteer.lookup_place(text)
    if place is not None and not person and folded not in full_names:
        table.add(span, place_entity(place))
        return
    if person is None and len(_persons_for(text, full_names, table.crew)) > 1:
        # "Kim" with two Kims in the article: the one named just before, if one was (news
        # style names a person in full, then by surname); otherwise better unnamed than wrong.
        person = _recent(table, _persons_for(text, full_names, table.crew), span.start_char, folded)
        if person is None:
            return
    if person is None:
        person = full_names.get(folded)
        if person is None:
            if len(span) == 1 and is_common_word(text):
                return  # "Sirens sounded": a capitalised word at a sentence start, not a name
            person = Entity(key="person:" + slug(text), cls="Person", name=text)
    table.add(span, person)


__all__ = ["EntityTable", "bare_names", "find_entities"]
