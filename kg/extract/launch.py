"""Missile launches: who fired what, when, from where, into which sea, how far, high and long.

A launch is rarely told in one sentence. The lede says North Korea fired an ICBM; the next
sentences give the time, the site, the range, and who said so ("It flew about 1,000km", "the
ministry said"). So extraction has two halves:

1. **Units** (one sentence at a time): each launch trigger — a verb ("fired", "was launched",
   "lifted off", "put into orbit"), a noun ("Thursday's launch", "the test-firing of ...") — and,
   in sentences without one, each clause about the missile ("It flew ...", "the missile reached
   ..."). Time expressions, quantities and places go to the unit they hang from in the parse.
   Units that are not one launch are dropped: modal or planned ("could reach", "vowed to launch"),
   generic ("such missiles launched from", "prohibit ... from launching"), tallies ("launched
   more than 90 missiles").
2. **Discourse** (the document): a unit with a day joins the launch of its launcher on that day;
   one without a day joins the launch being told (``current``), unless it is marked as an
   earlier one ("last fired ... less than a month ago"), which stays a launch of its own without
   a day. A lede with no day becomes the latest dated launch of the story, else the
   publication day.

Helpers: :mod:`~kg.extract.launch_clauses` (clauses about the missile), :mod:`~kg.extract.launch_args`
(missile, site, landing, time zone), :mod:`~kg.extract.launch_actors` (launcher, reporters),
:mod:`~kg.extract.launch_time` (which time is whose), :mod:`~kg.extract.launch_story` (discourse).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from kg.extract import Context, extractor
from kg.extract import launch_args as args
from kg.extract.launch_actors import SPEECH_VERBS, agency_naming, launcher_of, reporters_of, subject_orgs
from kg.extract.launch_clauses import SIGHTING_VERBS, clause, continues, missiles_in, referring, stray_flights
from kg.extract.launch_story import Story
from kg.extract.launch_time import (
    CORRECT_VERBS,
    OBSERVE_VERBS,
    PRONOUNS,
    apposed_day,
    corrected_clock,
    days_apart,
    is_stamp,
    owner,
    token_at,
    when_day,
)
from kg.extract.quantities import find_quantities
from kg.extract.statement_speakers import Speakers
from kg.extract.temporal import TimelineEntry, find_times, relative_days, timeline_entries
from kg.extract.tokens import span_tokens
from kg.records import MissileLaunch

FIRE_VERBS = {"fire", "launch", "test", "shoot", "test-fire", "test-launch"}
# Present-tense forms of launch verbs, which the tagger may read as plural nouns.
PRESENT_FIRE = {"fires", "launches", "tests", "test-fires", "test-launches", "shoots"}
ORBIT_VERBS = {"put", "place", "send"}
LAUNCH_NOUNS = {"launch", "launching", "liftoff", "lift-off"}
# Nouns that are a launch only when a missile is named with them ("the test-firing of a ...").
WEAK_NOUNS = {"firing", "test", "test-firing", "attempt", "try", "test-launch"}
# Nouns of a try that, counted ("the second attempt", "a third try"), are one more launch of
# the same kind as the one before.
ATTEMPT_NOUNS = {"attempt", "try"}
# Verbs under which a launch is planned, forbidden or threatened, not done.
NOT_DONE = {"prohibit", "ban", "bar", "prevent", "stop", "vow", "plan", "threaten", "warn", "urge",
            "prepare", "intend", "expect", "want", "aim", "continue", "pledge", "promise", "notify",
            # "was likely to conduct a launch", "is poised to fire": a forecast, not a launch
            "likely", "unlikely", "poised"}
HAPPEN_VERBS = {"take", "occur", "happen", "come", "begin", "end", "fail"}
TRY_VERBS = {"try", "attempt", "fail", "appear", "seem", "manage"}
# Verbs that lend their subject to the infinitive: "a missile appears to have been launched".
RAISING_VERBS = {"appear", "seem", "believe", "think", "presume", "understand"}
# What stands for missiles named before as the object of a launch verb: "launched others",
# "fired another".
ANAPHORS = {"other", "others", "another"}
# What stands for one of the missiles named before as the subject of a passive launch verb:
# "the first was launched at 11:43 a.m.".
ORDINALS = {"first", "second", "third", "fourth", "last", "latter", "former"}
# Marks of an earlier launch than the one being told ("North Korea last fired an ICBM ...").
# Not "earlier": "Earlier, North Korea fired ..." in an update is the same day's launch.
HISTORY_ADVS = {"last", "recently", "previously", "already", "once", "before"}
# Verbs of a flight's end: a sea it ended over is where it came down ("exploded over the Yellow
# Sea"); one it only flew over is not ("headed south over the Yellow Sea").
BREAKUP_VERBS = {"explode", "blow", "disintegrate", "break", "crash", "end"}
# Verbs of a flight that ended on its target ("before hitting a target island").
TARGET_VERBS = {"hit", "strike"}
# Past forms the lemmatiser leaves alone (the tagger may read "oversaw" as an adjective):
# "the leader oversaw Thursday's launch" observes it.
_IRREGULAR = {"oversaw": "oversee", "overseen": "oversee", "saw": "watch", "seen": "watch"}
GENERIC_MODS = {"any", "every", "no", "such", "future", "further", "additional", "repeated", "more",
                "each", "these", "those"}


@dataclass
class Unit:
    """One sentence's say about one launch."""

    sent: Span
    anchors: list[Token]               # trigger, or the verbs of a clause about the missile
    kind: str                          # "event"; "attach": a reference ("the launches"), never a
                                       # launch of its own; "refer": a clause about the missile
    launcher: str | None = None
    missiles: list[str] = field(default_factory=list)
    count: int | None = None
    days: list[dt.date] = field(default_factory=list)
    clock: dt.datetime | None = None
    historical: bool = False
    main: bool = True                  # may become the launch being told
    site: str | None = None
    vague_site: bool = False           # only the region the site is in ("from a site in X")
    landing: list[str] = field(default_factory=list)
    over: list[str] = field(default_factory=list)     # seas flown over ("fired over the Yellow Sea")
    values: dict[str, float] = field(default_factory=dict)
    reporters: list[str] = field(default_factory=list)
    asserts: bool = False              # states the launch itself, so whoever says it reports it
    noun: bool = False                 # told by a noun ("the launch"), which names no new launch
                                       # without a day of its own
    counted: bool = False              # "the second attempt": a launch like the one before it
    from_there: bool = False           # "launched from there": the site told before
    own_word: bool = False             # "X says it tested ...": the launcher's body tells of its
                                       # own launch, which is not a report of it
    corrects: bool = False             # "later corrected the launch time to ...": its clock
                                       # replaces the one told before
    same_waters: bool = False          # "fell into the same waters": the sea told before
    same_day: bool = False             # "Hours later, X fired ...": the day of the launch told before
    definite: bool = False             # "The missile was launched ...": a missile told before


# ------------------------------------------------------------------ triggers

def _has_prt(tok: Token, word: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == word for c in tok.children)


def _missiles_of(tok: Token, triggers: set[int]) -> list[Token]:
    """Missile heads that belong to trigger ``tok``: in its subtree, not under another trigger."""
    out = []
    for t in tok.subtree:
        if t.i == tok.i or not args.is_missile(t):
            continue
        up = t.head
        while up.i != tok.i and up.i not in triggers and up.head.i != up.i:
            up = up.head
        if up.i == tok.i:
            out.append(t)
    if tok.dep_ in ("acl", "relcl", "ccomp"):
        noun = tok.head
        while noun.dep_ == "appos" and not args.is_missile(noun):
            noun = noun.head         # "two missiles, not one, fired from ..."
        if args.is_missile(noun):
            out.insert(0, noun)      # "cruise missiles launched toward ..."
    if tok.dep_ == "ccomp" and tok.head.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in tok.children) \
            and args.is_missile(tok.head.head):
        out.insert(0, tok.head.head)  # "the ICBM the regime says it tested on March 3"
    if tok.lemma_.lower() in ATTEMPT_NOUNS and tok.pos_ == "NOUN":
        # "two attempts to launch a satellite, on May 31 and August 24": what the try launched
        out += [m for c in tok.children if c.dep_ == "acl" and c.i in triggers
                for m in _missiles_of(c, triggers)]
    if tok.dep_ == "attr" and tok.head.lemma_ == "be" and tok.pos_ == "NOUN":
        # "Today's missile is the first ICBM launch since ...": the subject is the launch's missile
        out += [c for c in tok.head.children if c.dep_ == "nsubj" and args.is_missile(c)]
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        # "The missile, which ..., was a Hwasong-18, was launched from ...": coordinated verbs
        # share their subject
        out += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and args.is_missile(c)]
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in RAISING_VERBS:
        # "a missile appears to have been launched", "the missile is believed to have been fired"
        out += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and args.is_missile(c)]
    return out


def _counted(tok: Token) -> bool:
    """"the second attempt", "a third try": a launch counted in a series of tries."""
    return tok.lemma_.lower() in ATTEMPT_NOUNS and tok.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in tok.children)


def _ordinal(tok: Token) -> bool:
    """"the third attempt", "its second launch": a launch counted in a series."""
    return any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in tok.children)


def _candidate(tok: Token) -> str | None:
    """"verb" / "noun" when ``tok`` can be a launch trigger at all."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.tag_ == "VBZ" and tok.dep_ == "pobj" and low in PRESENT_FIRE:
        # "share data on North Korean missile launches": a plural noun the tagger read as a verb
        # (the object of a preposition is no verb).
        return _candidate_noun(tok, "launch" if low == "launches" else lemma)
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
        if lemma in FIRE_VERBS or (lemma in ("lift", "blast") and _has_prt(tok, "off")):
            return "verb"
        into_orbit = any(c.lower_ in ("into", "in") and any(g.lower_ == "orbit" for g in c.children)
                         for c in tok.children)
        if lemma in ORBIT_VERBS and into_orbit:
            return "verb"
        # "The North first flew a solid-fuel ICBM on April 13": flying a missile is launching it.
        if lemma == "fly" and any(c.dep_ == "dobj" and args.is_missile(c) for c in tok.children):
            return "verb"
    if _misread_verb(tok):
        return "verb"
    if tok.pos_ in ("NOUN", "PROPN"):
        return _candidate_noun(tok, lemma)
    return None


def _candidate_noun(tok: Token, lemma: str) -> str | None:
    if tok.dep_ not in ("compound", "amod") and (lemma in LAUNCH_NOUNS | WEAK_NOUNS
                                                 or tok.lower_ in LAUNCH_NOUNS | WEAK_NOUNS):
        return "noun"
    return None


def _misread_verb(tok: Token) -> bool:
    """"The North fires the Hwasong-16B from ...": a launch verb in the present tense that the
    tagger read as a plural noun after its subject (headlines and timelines tell launches so).
    Only right after a name of who fires, and before what is fired."""
    doc = tok.doc
    if tok.tag_ != "NNS" or tok.lower_ not in PRESENT_FIRE or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    actor = before.ent_type_ in ("GPE", "NORP", "ORG", "LOC") or before.lower_ in ("north", "south")
    return actor and before.head.i == tok.i and after.pos_ in ("DET", "NUM", "ADJ", "PROPN", "NOUN", "PRON")


def _candidates(ctx: Context, sent: Span) -> list[tuple[Token, str]]:
    """``(token, kind)`` for the possible triggers of ``sent``, worked out once per sentence
    (both passes over the document, for its launcher and for its launches, ask)."""
    key = ("launch_candidates", sent.start)
    if key not in ctx.cache:
        found = [(t, k) for t in span_tokens(sent) if (k := _candidate(t))]
        found += [(t, "noun") for t in span_tokens(sent) if _series_member(t)]
        ctx.cache[key] = sorted(found, key=lambda f: f[0].i)
    return ctx.cache[key]


def _series_member(tok: Token) -> bool:
    """"It was the third attempt this year. The first, on May 2, ended ...": an ordinal standing
    alone as a subject, right after a sentence that counts launches, is one of them."""
    if not (tok.lower_ in ORDINALS and tok.ent_type_ == "ORDINAL" and tok.dep_ in ("nsubj", "nsubjpass")
            and any(c.lower_ == "the" for c in tok.children)) or tok.head.lemma_.lower() in FIRE_VERBS:
        return False
    if tok.sent.start == 0:
        return False
    before = tok.doc[tok.sent.start - 1].sent
    return any(_ordinal(t) and t.lemma_.lower() in LAUNCH_NOUNS | ATTEMPT_NOUNS for t in before)


def _not_done(tok: Token) -> bool:
    """Negated, modal, conditional, planned or forbidden: no launch happened."""
    chain = [tok]
    while chain[-1].dep_ in ("xcomp", "conj", "pcomp", "prep", "pobj", "acl") and len(chain) < 6:
        chain.append(chain[-1].head)
    for t in chain[:3]:
        for c in t.children:
            # A negated noun is not a negated launch: "two missiles, not one, fired from ...".
            if (c.dep_ == "neg" and t.pos_ in ("VERB", "AUX")) or c.tag_ == "MD" or (
                    c.dep_ == "mark" and c.lower_ in ("if", "unless")):
                return True
    return any(t.lemma_.lower() in NOT_DONE for t in chain[1:])


def _one_day(tok: Token) -> bool:
    """A launch verb dated to one day ("fired 18 missiles on May 30", "May 30, when it fired
    ..."): however many missiles it names, it is one salvo, not a tally."""
    if tok.dep_ == "relcl" and tok.head.ent_type_ == "DATE" and any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in tok.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(
        g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children) for c in tok.children)


def _launch_happens(verb: Token, domain: dict[int, int]) -> bool:
    """``verb`` tells that a launch of the sentence took place ("the launch came weeks after it
    fired ...", "the test took place two days after ..."): its subject is that launch."""
    return verb.lemma_.lower() in HAPPEN_VERBS and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i in domain for c in verb.children)


def _dates_after(tok: Token) -> Token | None:
    """The "on" right after plural launch noun ``tok`` that names several days ("condemned the
    launches on June 26 and July 1"): whatever the parser hung it on, the days are the launches'
    (one reaction is not on two days)."""
    doc = tok.doc
    at = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")  # "attempts, on May 31 and ..."
    prep = doc[at] if at < len(doc) else None
    if prep is None or prep.lower_ != "on" or prep.head.i not in (tok.i, tok.head.i):
        # "two attempts to launch a satellite, on May 31 and August 24, ended ...": the days may
        # also follow what the noun's clause says, when the parse hangs them on the noun itself.
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" and c.i > tok.i), None)
        if prep is None:
            return None
    days = [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ == "DATE"]
    days += [c for d in days for c in d.children if c.dep_ == "conj" and c.ent_type_ == "DATE"]
    return prep if len(days) > 1 else None


def _dated_participle(tok: Token) -> bool:
    """ "has conducted a series of tests, most recently firing cruise missiles on April 14": a
    participle of the clause with a day of its own tells an act done that day."""
    return tok.dep_ == "advcl" and any(c.dep_ == "prep" and c.lower_ == "on" and any(
        o.ent_type_ == "DATE" for o in c.children) for c in tok.children)


def _status(tok: Token, kind: str, missiles: list[Token]) -> str | None:
    """"event", "attach" (refers to a launch told elsewhere) or None (no launch)."""
    lemma = tok.lemma_.lower()
    if kind == "verb":
        if lemma in FIRE_VERBS and not missiles and not any(
                (c.dep_ == "nsubjpass" and (c.lower_ in PRONOUNS or c.lower_ in ORDINALS))
                or (c.dep_ == "dobj" and c.lower_ in ANAPHORS) for c in tok.children):
            return None                 # "launched a partnership", "fired an official"
        if _not_done(tok) or (any(args.is_aggregate(m) for m in missiles) and not _one_day(tok)):
            return None
        if missiles and all(any(c.dep_ == "det" and c.lower_ == "no" for c in m.children) for m in missiles):
            return None                 # "No missile was launched": none was
        if any(c.lower_ in ("has", "have") for c in tok.children if c.dep_ == "aux") and any(
                c.dep_ == "prep" and c.lower_ == "since" for c in tok.children):
            return None                 # "has fired 20 missiles since January": a tally
        if any(c.dep_ == "prep" and c.lower_ == "on" and any(
                o.lemma_.lower() in ("occasion", "time") and o.tag_ == "NNS" for o in c.children)
               for c in tok.children):
            return None                 # "fired cruise missiles on three separate occasions": a tally
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if tok.tag_ == "VB":
            gov = tok.head
            if "to" in aux and not (gov.lemma_.lower() in TRY_VERBS and gov.tag_ in ("VBD", "VBN", "VBZ")):
                return "attach" if gov.lemma_.lower() == "attempt" else None
            if "to" not in aux and not aux & {"did", "does", "do"}:
                return None
        if tok.tag_ == "VBG" and not (tok.dep_ == "pcomp" and tok.head.lower_ in
                                      ("after", "before", "upon", "while", "following")) \
                and not aux & {"is", "was", "are", "were"} and not _dated_participle(tok):
            return None                 # "prohibit Pyongyang from testing ..."
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(
                c.lower_ in GENERIC_MODS for c in tok.head.children if c.dep_ in ("det", "amod")):
            return None                 # "such missiles launched from North Korea could ..."
        return "event"
    # Nouns
    low = tok.lower_
    # "the second attempt", "North Korea's attempt to put a satellite into orbit"
    # "Two earlier attempts, on May 31 and August 24, ended ...": tries with days of their own
    attempt = _counted(tok) or (lemma in ATTEMPT_NOUNS and any(
        c.dep_ == "acl" and _candidate(c) == "verb" for c in tok.children)) or (
        lemma in ATTEMPT_NOUNS and tok.tag_ == "NNS" and _dates_after(tok) is not None)
    if (lemma in WEAK_NOUNS or low in WEAK_NOUNS) and not missiles and not attempt:
        return None
    if tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i and _not_done(tok.head):
        return None                     # "it would conduct a second launch"
    if any(c.dep_ == "prep" and c.lower_ == "of" and not any(
            args.is_missile(g) or g.ent_type_ in ("DATE", "TIME") for g in c.subtree) for c in tok.children):
        return None                     # "the launch of talks", not "the first launch of the week"
    mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "predet")}
    if mods & GENERIC_MODS or (any(args.is_aggregate(m) for m in missiles) and not _one_day(tok)):
        return None  # (but "the launch of 18 missiles on Thursday" is one salvo)
    plural = tok.tag_ in ("NNS", "NNPS", "VBZ")  # (VBZ: a plural noun misread, see _candidate)
    if plural and _dates_after(tok) is not None:
        return "event"                  # "the launches on June 26 and July 1": one on each day
    if plural and not any(c.dep_ in ("det", "poss") for c in tok.children):
        return None                     # "North Korean missile launches" in general
    # "two minutes after the launch", "ahead of the launch": a time reference to it
    if plural or (tok.dep_ == "pobj" and tok.head.lower_ in ("after", "before", "since", "following")):
        return "attach"
    return "event"


# ------------------------------------------------------------------ arguments of a unit

_ROLES = {"range": "range_km", "apogee": "apogee_km", "flight_time": "flight_minutes"}


def _fill(u: Unit, ctx: Context, kind: str, heads: list[Token], home: str | None) -> None:
    """Missiles, site, landing and how the unit is dated, from the parse around its anchors."""
    table = ctx.entities
    for h in heads:
        phrase = args.missile_phrase(h)
        u.missiles += [p for p in [phrase, *args.designations(h)] if p and p not in u.missiles]
        u.count = u.count or args.count_of(h)
    trig = u.anchors[0]
    u.definite = kind == "verb" and bool(heads) and all(
        any(c.dep_ == "det" and c.lower_ == "the" for c in h.children) for h in heads)
    u.launcher = launcher_of(trig, kind, ctx.entities) if u.kind != "refer" else None
    home = u.launcher or home           # whose coast "its east coast" is
    verbs = list(u.anchors)
    # A launch noun's date and place can sit on the verb it is the object of ("detected the
    # launches from the Sunan area").
    if kind == "noun" and trig.dep_ in ("dobj", "nsubj") and trig.head.lemma_.lower() in OBSERVE_VERBS:
        verbs.append(trig.head)
    # "The attempt ended in a fireball over the Yellow Sea" (in a headline-like sentence the
    # parser may hang the verb on the noun)
    happen = [v for v in [trig.head, *trig.children] if kind == "noun" and v.lemma_.lower() in HAPPEN_VERBS
              and ((v.i == trig.head.i and trig.dep_ == "nsubj") or (v.dep_ == "acl" and v.tag_ == "VBD"))]
    if u.kind != "refer":
        # "fired ... from the Wonsan area", "a missile from the Wonsan area", "detected the
        # launches from the Sunan area"; a place the site is only said to be in ("from a site in
        # South Hwanghae Province") gives way to one that names it.
        u.from_there = any(c.dep_ == "prep" and c.lower_ == "from" and any(
            g.lower_ == "there" for g in c.children) for v in verbs for c in v.children)
        for v in verbs + heads:
            if u.site is None or u.vague_site:
                site, _country, vague = args.site_detail(v, table)
                if site and (u.site is None or not vague):
                    u.site, u.vague_site = site, vague
        # The trigger and the flight its clause or the missile's relative clause tells:
        # "fired a missile that flew 570 km and landed off its east coast".
        verbs = clause(trig) + [v for h in heads for c in h.children if c.dep_ in ("relcl", "acl")
                                 for v in clause(c)]
        # "fired a missile from the Pyongyang area that flew 570 km": the parser hangs the
        # flight on the nearest noun, but only the missile flies.
        verbs += [v for r in stray_flights(trig, heads) for v in clause(r)]
        # "The missile, launched at 7:22 a.m., is believed to have flown ... before falling into"
        verbs += [v for h in heads if h.dep_ in ("nsubj", "nsubjpass") and h.head.i != trig.i
                  for v in clause(h.head)]
    elif continues(u.sent, ctx.text) and u.sent.root.pos_ not in ("VERB", "AUX"):
        # "... was launched at 6:29 a.m. | local time from the Sohae station ... and flew south":
        # the parser split the sentence after "a.m."; the fragment's "from" is the launch's site.
        u.site, _country, u.vague_site = args.site_detail(u.sent.root, table)
    # "flew ... over the East Sea before hitting a target island": a flight that ended on a target
    # ended over the sea it flew over.
    on_target = any(v.lemma_.lower() in TARGET_VERBS for v in verbs)
    for v in verbs:
        if (v.i == trig.i or v.lemma_.lower() in args.FLIGHT_VERBS | {"appear", "be"}) and \
                not any(c.dep_ == "neg" for c in v.children):
            u.landing += [w for w in args.landing_of(v, table, home) if w not in u.landing]
            u.same_waters = u.same_waters or args.same_waters(v)
        if (v.i == trig.i and u.kind != "refer") or v.lemma_.lower() in BREAKUP_VERBS or (
                on_target and v.lemma_.lower() in args.FLIGHT_VERBS):
            u.over += [w for w in args.overflown(v, table) if w not in u.over]
    for h in heads:
        u.landing += [w for w in args.landing_of(h, table, home) if w not in u.landing]
    for h in heads + happen:
        u.over += [w for w in args.overflown(h, table) if w not in u.over]
    chain = [trig]
    while chain[-1].dep_ in ("xcomp", "conj", "acl", "relcl", "advcl") and len(chain) < 4:
        chain.append(chain[-1].head)     # "North Korea also recently tried and failed to launch"
    cues = [c for t in chain for c in t.children if c.dep_ == "advmod"]
    u.historical = u.historical or any(c.lower_ in HISTORY_ADVS for c in cues)
    # A launch noun states the launch as the object of a report ("confirmed the launch") or as
    # the subject of its happening ("The launch took place at 06:45"), not in an opinion of it.
    u.asserts = u.kind == "refer" or kind == "verb" or (
        trig.dep_ == "dobj" and _IRREGULAR.get(trig.head.lower_, trig.head.lemma_.lower())
        in OBSERVE_VERBS | SPEECH_VERBS) or (
        trig.dep_ == "nsubj" and trig.head.lemma_.lower() in HAPPEN_VERBS) or (
        # "KCNA said the launch was a successful test of ...": what the launch was
        trig.dep_ == "nsubj" and trig.head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.lemma_.lower() in LAUNCH_NOUNS | WEAK_NOUNS for c in trig.head.children))


def _sentence_units(ctx: Context, sent: Span, home: str | None, last: list[str]) -> list[Unit]:
    """Every launch unit of one sentence, with its times, quantities, places and reporters."""
    pub = ctx.article.published
    cands = _candidates(ctx, sent)
    trig_ids = {t.i for t, _ in cands}
    units: list[Unit] = []
    kinds: list[str] = []
    heads: list[list[Token]] = []
    domain: dict[int, int] = {}
    for tok, kind in cands:
        missiles, status = _read(ctx, tok, kind, trig_ids)
        if status is None:
            continue
        domain[tok.i] = len(units)
        for head in missiles:
            domain.setdefault(head.i, len(units))
        days_on = _dates_after(tok) if kind == "noun" else None
        if days_on is not None:
            domain[days_on.i] = len(units)
        if kind == "noun" and tok.lower_ in ORDINALS and tok.head.pos_ in ("VERB", "AUX"):
            # "The first, on May 2, ended when ...": the verb of the series member is its own
            domain.setdefault(tok.head.i, len(units))
        anchors = [tok] + ([days_on] if days_on is not None else [])
        units.append(Unit(sent, anchors, status, noun=kind == "noun",
                          counted=kind == "noun" and (_counted(tok) or tok.lower_ in ORDINALS)))
        kinds.append(kind)
        heads.append(missiles)
    for missile in _included(sent, set(domain)):
        domain[missile.i] = len(units)
        units.append(Unit(sent, [missile], "event", noun=True))
        kinds.append("noun")
        heads.append([missile])
    # A clause about the missile, unless a launch verb already tells this sentence's launch
    # (a launch noun does not: "KCNA said the satellite had entered orbit and Kim watched the launch").
    if not any(u.kind == "event" and k == "verb" for u, k in zip(units, kinds, strict=True)):
        for verbs in referring(sent, set(domain), ctx.text):
            ref_heads = missiles_in(verbs, set(domain))
            for t in verbs + ref_heads:
                domain.setdefault(t.i, len(units))
            units.append(Unit(sent, verbs, "refer"))
            kinds.append("refer")
            heads.append(ref_heads)
    if not units:
        return []
    text = ctx.text[sent.start_char:sent.end_char]     # = sent.text, without rebuilding it
    entries = _timeline(ctx)
    # Without a publication day no relative date resolves: the launches stay undated (not
    # dated by the day of the build, which would make the output depend on it).
    found = find_times(text, pub) if pub else []
    # A timeline entry's heading dates the entry, not only what the parse hangs it on.
    times = [m for m in found if not is_stamp(sent, m, ctx.text) and not any(
        e.start <= sent.start_char + m.start < e.body for e in entries)]
    counted = relative_days(text, times)
    times = sorted(times + [m for m, _ in counted], key=lambda m: m.start)
    for m in times:
        root = token_at(sent, m.start, m.end)
        i = owner(root, domain, is_time=True) if root is not None else None
        if i is None or root is None or not args.same_line(units[i].anchors[0], root, ctx.text):
            continue
        if m.kind == "day" and m.day is not None:
            units[i].days.append(m.day)
            # "said on Wednesday it had tested it the day before": when both hang on the launch,
            # the day counted from the other is the launch's, the other the telling's.
            anchor = next((a for r, a in counted if r is m), None)
            if anchor is not None and anchor.day in units[i].days[:-1]:
                units[i].days.remove(anchor.day)
        elif m.kind == "clock" and units[i].clock is None and (
                units[i].kind != "refer" or units[i].anchors[0].lemma_.lower() in SIGHTING_VERBS):
            units[i].clock = m.time
        elif m.kind in ("period", "month", "year") and not (
                (m.text.lower().startswith("this") or pub is not None and m.text.strip() == str(pub.year))
                and _ordinal(units[i].anchors[0])) and not _in_series(root):
            # (but "its third attempt this year", "its first launch of 2025" in a 2025 paper,
            # count the launch told among this year's)
            units[i].historical = True
    for u in units:
        day = when_day(sent, u.anchors[0], times)
        if day is not None:
            u.days, u.main = [day], False
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in u.anchors[0].children):
            u.main = False              # "its first launch since it fired an ICBM on Sept. 25"
        if u.noun and u.days and pub is not None and max(u.days) < pub and any(
                c.dep_ == "amod" and c.lower_ in ("last", "previous", "prior")
                for c in u.anchors[0].children):
            u.historical = True         # "North Korea's last launch was on Oct. 31": the one before
        trig = u.anchors[0]
        if trig.dep_ == "advcl" and (trig.head.i in domain or _launch_happens(trig.head, domain)) and any(
                c.dep_ == "mark" and c.lower_ in ("after", "before") for c in trig.children):
            u.main = False              # "fired two missiles on Monday, two days after it launched
                                        # an ICBM": the launch told is Monday's
        if not u.days and (day := apposed_day(sent, u.anchors[0], times)) is not None:
            u.days = [day]
        days_apart(u, units, domain)
    _again(sent, times, units)
    if _LATER_SAME_DAY.match(text):
        for u in units:
            u.same_day = not u.days
    for u in units:
        # "Monday's launch followed Saturday's firing of an ICBM ... at 5:22 p.m.": a clock dated
        # another day than its unit's is the clock of the launch of that day told after it, nearer
        # the clock.
        if u.clock is not None and u.days and u.clock.date() not in u.days:
            other = next((o for o in units if o is not u and o.clock is None and o.days == [u.clock.date()]
                          and o.anchors[0].i > u.anchors[0].i), None)
            if other is not None:
                other.clock, u.clock = u.clock, None
    for u in units:
        # "The first, on May 2, ended when the rocket crashed into ...": a clause about the missile
        # inside the clause of a dated launch is about that launch.
        verb = u.anchors[0]
        gov = units[domain[verb.head.i]] if verb.dep_ == "advcl" and verb.head.i in domain else None
        if u.kind == "refer" and not u.days and gov is not None and gov is not u and len(gov.days) == 1:
            u.days, u.main = list(gov.days), False
    for u in units:
        # "JAN. 11, 2022 - Kim Jong Un watches ... The JCS says the missile flew ...": a launch
        # told in a timeline entry without a day of its own is of the heading's day.
        at = u.anchors[0].idx
        entry = next((e for e in entries if e.body <= at < e.end), None)
        if entry is not None and not u.days and not u.historical:
            u.days = [entry.day]
    alone = [i for i, u in enumerate(units) if u.kind in ("event", "refer")]
    for q in find_quantities(text):
        root = token_at(sent, q.start, q.end)
        role = q.role
        if role is None and q.unit == "min" and args.flight_duration(root):
            role = "flight_time"        # "traveled about 1,000 km for 74 minutes"
        if root is None or role not in _ROLES or not args.factual(root):
            continue
        i = owner(root, domain, is_time=False)
        i = alone[0] if i is None and len(alone) == 1 else i
        if i is not None and args.same_line(units[i].anchors[0], root, ctx.text):
            units[i].values.setdefault(_ROLES[role], q.value)
    for u, kind, hs in zip(units, kinds, heads, strict=True):
        _fill(u, ctx, kind, hs, home)
        if u.asserts:
            u.reporters = reporters_of(sent, u.anchors, ctx.entities, ctx.text, last)
            u.own_word = kind == "verb" and any(c.dep_ == "nsubj" and c.lower_ in ("it", "we")
                                                for c in u.anchors[0].children)
        elif kind == "noun":
            u.reporters = agency_naming(u.anchors[0], ctx.entities)
    units += _first_since(sent, times, domain, units)
    for u in units:
        # "On Monday, the JCS said it detected the launch at around 7:10 a.m.": the sighting's
        # day and clock are those of the launch it saw (the sighting itself is dropped below).
        verb = u.anchors[0]
        seen = next((units[domain[c.i]] for c in verb.children if c.dep_ == "dobj" and c.i in domain), None)
        if u.kind == "refer" and verb.lemma_.lower() in SIGHTING_VERBS and seen is not None and seen is not u:
            if not seen.days and u.days:
                seen.days = list(u.days)
            if seen.clock is None and u.clock is not None:
                seen.clock = u.clock
    # A clause about the missile that says nothing we keep is not evidence of the launch.
    # A source that tells how the launch went reports it ('KCNA acknowledged that the rocket had
    # exploded').
    return [u for u in units if u.kind != "refer" or u.missiles or u.landing or u.values or u.reporters
            or any(v.lemma_.lower() in args.FLIGHT_VERBS for v in u.anchors)]


# A sentence that opens with a short lapse of time tells something of the same day.
_LATER_SAME_DAY = re.compile(r"\s*(?:(?:minutes|hours|an hour|moments) later|later (?:that|the same) day)\b",
                             re.I)


def _in_series(root: Token) -> bool:
    """ "fired missiles on Sunday, the latest in a flurry of tests this month": the period is the
    series', which the launch told ends, not a time before it."""
    return any(a.lower_ in ("latest", "newest", "last") and a.dep_ in ("dobj", "appos", "npadvmod", "attr")
               for a in [root.head, *root.head.ancestors][:3])


def _again(sent: Span, times: list, units: list[Unit]) -> None:
    """ "when it first tested the X on April 2, and again on Jan. 6": the day after "and again" is
    another launch like the one told just before it, wherever the parser hung the phrase."""
    for m in times:
        root = token_at(sent, m.start, m.end) if m.kind == "day" and m.day is not None else None
        prep = root.head if root is not None and root.dep_ == "pobj" else None
        if prep is None or prep.i < sent.start + 2 or prep.doc[prep.i - 1].lower_ != "again" \
                or prep.doc[prep.i - 2].lower_ not in ("and", ","):
            continue
        before = [u for u in units if u.kind == "event" and u.days and u.anchors[0].i < prep.i]
        if before:
            last = max(before, key=lambda u: u.anchors[0].i)
            if m.day not in last.days:
                last.days.append(m.day)


def _timeline(ctx: Context) -> list[TimelineEntry]:
    """The document's timeline entries ("SEPT. 28, 2021 - North Korea fires ..."), found once."""
    if "timeline" not in ctx.cache:
        pub = ctx.article.published
        ctx.cache["timeline"] = timeline_entries(ctx.text, pub) if pub else []
    return ctx.cache["timeline"]


def _included(sent: Span, taken: set[int]) -> list[Token]:
    """ "has launched dozens of missiles since last year, including a Hwasong-18 on July 12": a
    missile picked out of a tally with a day of its own was a launch that day."""
    out = []
    for tok in span_tokens(sent):
        if tok.lower_ != "including" or tok.dep_ != "prep":
            continue
        for missile in (c for c in tok.children
                        if c.dep_ == "pobj" and c.i not in taken and args.is_missile(c)):
            if any(p.dep_ == "prep" and p.lower_ == "on" and any(o.ent_type_ == "DATE" for o in p.children)
                   for p in missile.children):
                out.append(missile)
    return out


def _first_since(sent: Span, times: list, domain: dict[int, int], units: list[Unit]) -> list[Unit]:
    """"the North's first satellite attempt since May 27 last year": there was one of that kind
    on that day, a launch of its own (without this one's place, numbers or sources)."""
    out = []
    for m in times:
        root = token_at(sent, m.start, m.end) if m.kind == "day" and m.day is not None else None
        prep = root.head if root is not None and root.dep_ == "pobj" else None
        if prep is None or prep.lower_ != "since":
            continue
        trig = prep.head
        if trig.lemma_ == "be":
            # "It was the North's first launch since Jan. 25": the parse hangs "since" on "was"
            trig = next((c for c in trig.children if c.dep_ in ("attr", "acomp") and c.i in domain), trig)
        if trig.i not in domain:
            continue
        u = units[domain[trig.i]]
        if u.kind in ("event", "refer") and any(c.lower_ == "first" for c in trig.children):
            out.append(replace(u, kind="event", days=[m.day], main=False, clock=None, site=None, landing=[],
                               over=[], values={}, reporters=[], asserts=False, historical=False))
    return out


def _read(ctx: Context, tok: Token, kind: str, triggers: set[int]) -> tuple[list[Token], str | None]:
    """A trigger's missiles and status, worked out once: both passes over the document (for its
    launcher, then for its launches) ask, with the same triggers of the sentence."""
    key = ("launch_read", tok.i)
    if key not in ctx.cache:
        missiles = _missiles_of(tok, triggers)
        ctx.cache[key] = (missiles, _status(tok, kind, missiles))
    return ctx.cache[key]


def _doc_launcher(ctx: Context, sents: list[Span]) -> str | None:
    """The document's launcher, for units that name none ("The other missiles launched ..."):
    the one its launch verbs name most, else its launch nouns, else the country of a launch site."""
    named: Counter[str] = Counter()
    sites: Counter[str] = Counter()
    # "North Korea has launched dozens of missiles this year. On 12 July it tested ...": a tally is
    # no launch, but it says who does the launching in this story.
    tallies: Counter[str] = Counter()
    for sent in sents:
        cands = _candidates(ctx, sent)
        ids = {t.i for t, _ in cands}
        for tok, kind in cands:
            if _read(ctx, tok, kind, ids)[1] is None:
                if kind == "verb" and (key := launcher_of(tok, kind, ctx.entities)):
                    tallies[key] += 1
                continue
            key = launcher_of(tok, kind, ctx.entities)
            if key:
                named[key] += 2 if kind == "verb" else 1
            site = args.site_of(tok, ctx.entities)[0]
            if site and (country := args.country_of(site, ctx.entities)):
                sites[country] += 1
    best = (named or sites or tallies).most_common(1)
    return best[0][0] if best else None


def _correction(ctx: Context, sent: Span) -> Unit | None:
    """A sentence that corrects the launch time told before ("The JCS later corrected the launch
    time to around 11:30am"): a unit of the launch being told whose clock replaces the earlier one."""
    text = ctx.text[sent.start_char:sent.end_char]
    low = text.lower()
    if not any(v[:5] in low for v in CORRECT_VERBS) or not any(
            t.lemma_.lower() in CORRECT_VERBS for t in sent):
        return None
    pub = ctx.article.published
    times = [m for m in (find_times(text, pub) if pub else []) if not is_stamp(sent, m, ctx.text)]
    found = corrected_clock(sent, times)
    if found is None:
        return None
    verb, clock = found
    return Unit(sent, [verb], "refer", clock=clock, main=False, corrects=True)


@extractor("kg.missile_launch.v1")
def extract_launches(ctx: Context) -> list[MissileLaunch]:
    """Every missile launch the article reports, one record per launcher and day."""
    sents = ctx.sentences
    default = _doc_launcher(ctx, sents)
    story = Story(ctx, default)
    last: list[str] = []
    for sent in sents:
        units = _sentence_units(ctx, sent, default, last)
        for u in units:
            story.feed(u)
        if (fix := _correction(ctx, sent)) is not None:
            story.feed(fix)
        found = [r for u in units for r in u.reporters]
        last = found or subject_orgs(sent, ctx.entities) or last
    carriers = _carriers(ctx)
    return [replace(r, reporters=tuple(dict.fromkeys(
        [k for x in r.reporters for k in (x, *carriers.get(x, ()))]))) if carriers else r
        for r in story.records()]


def _carriers(ctx: Context) -> dict[str, list[str]]:
    """News agencies that carry a body's statements ("the agency said in a statement carried by
    KCNA", "a statement released through the state news agency"): what the body reports in the
    story reaches us through them, so they report it too."""
    table = ctx.entities
    out: dict[str, list[str]] = {}
    for sent in ctx.sentences:
        for tok in span_tokens(sent):
            if tok.lemma_.lower() not in ("carry", "release", "publish", "relay") or tok.dep_ != "acl" \
                    or tok.head.lemma_.lower() not in ("statement", "communique", "announcement"):
                continue
            agencies = [k for p in tok.children if p.dep_ in ("agent", "prep")
                        and p.lower_ in ("by", "through", "via") for o in p.children
                        if o.dep_ == "pobj" and (k := table.entity_of(o)) is not None
                        and table.cls(k) == "NewsAgency"]
            verb = tok.head.head.head if tok.head.dep_ == "pobj" else tok.head.head
            who = Speakers(ctx, set())  # "The agency said ...": the body named before
            speakers = [k for c in verb.children if c.dep_ == "nsubj"
                        for k in [who.of(c)] if k and k not in agencies]
            for k in speakers:
                out.setdefault(k, []).extend(a for a in agencies if a not in out.get(k, []))
    return out
