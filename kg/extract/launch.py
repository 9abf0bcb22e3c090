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
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extract import Context, extractor
from kg.extract import launch_args as args
from kg.extract.quantities import find_quantities
from kg.extract.temporal import TimeMention, find_times
from kg.records import MissileLaunch

FIRE_VERBS = {"fire", "launch", "test", "shoot", "test-fire", "test-launch"}
ORBIT_VERBS = {"put", "place", "send"}
LAUNCH_NOUNS = {"launch", "launching", "liftoff", "lift-off", "salvo"}
# Nouns that are a launch only when a missile is named with them ("the test-firing of a ...").
WEAK_NOUNS = {"firing", "test", "test-firing", "attempt", "test-launch"}
# Verbs of flight and landing: "It flew about 1,000km", "the missile fell into the sea".
FLIGHT_VERBS = {"fly", "travel", "reach", "soar", "climb", "land", "fall", "splash", "crash", "plunge",
                "come", "drop", "hit", "strike", "explode", "blow", "enter", "disintegrate", "head"}
# Verbs that carry a launch in their object: "detected the launches at 11:38", "confirmed the
# launch on Thursday", "ended the second attempt".
OBSERVE_VERBS = {"detect", "confirm", "report", "announce", "conduct", "carry", "stage", "end",
                 "observe", "spot", "track"}
# Verbs under which a launch is planned, forbidden or threatened, not done.
NOT_DONE = {"prohibit", "ban", "bar", "prevent", "stop", "vow", "plan", "threaten", "warn", "urge",
            "prepare", "intend", "expect", "want", "aim", "continue", "pledge", "promise", "notify"}
TRY_VERBS = {"try", "attempt", "fail", "appear", "seem", "manage"}
HISTORY_ADVS = {"last", "recently", "previously", "earlier", "already", "once", "before"}
GENERIC_MODS = {"any", "every", "no", "such", "future", "further", "additional", "repeated", "more",
                "each", "these", "those"}
_PRONOUNS = {"it", "they", "this", "that", "both"}


@dataclass
class _Unit:
    """One sentence's say about one launch."""

    sent: Span
    anchors: list[Token]               # trigger, or the verbs of a clause about the missile
    kind: str                          # "event" | "attach" (definite reference only) | "refer"
    launcher: str | None = None
    missiles: list[str] = field(default_factory=list)
    count: int | None = None
    days: list[dt.date] = field(default_factory=list)
    clock: dt.datetime | None = None
    historical: bool = False
    main: bool = True                  # may become the launch being told
    site: str | None = None
    landing: list[str] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)
    reporters: list[str] = field(default_factory=list)
    asserts: bool = False              # states the launch itself, so whoever says it reports it


@dataclass
class _Draft:
    """A launch being assembled from units."""

    launcher: str | None
    day: dt.date | None
    pending: bool = False              # no day yet; resolved at the end
    historical: bool = False
    units: list[_Unit] = field(default_factory=list)


# ------------------------------------------------------------------ triggers

def _has_prt(tok: Token, word: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == word for c in tok.children)


def _missiles_of(tok: Token, triggers: set[int]) -> list[Token]:
    """Missile heads that belong to trigger ``tok``: in its subtree, not under another trigger."""
    out = []
    for t in tok.subtree:
        if t is tok or not args.is_missile(t):
            continue
        up = t.head
        while up is not tok and up.i not in triggers and up.head is not up:
            up = up.head
        if up is tok:
            out.append(t)
    if tok.dep_ in ("acl", "relcl", "ccomp") and args.is_missile(tok.head):
        out.insert(0, tok.head)      # "cruise missiles launched toward ..."
    return out


def _candidate(tok: Token) -> str | None:
    """"verb" / "noun" when ``tok`` can be a launch trigger at all."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
        if lemma in FIRE_VERBS or (lemma in ("lift", "blast") and _has_prt(tok, "off")):
            return "verb"
        if lemma in ORBIT_VERBS and any(c.lower_ in ("into", "in") and any(g.lower_ == "orbit" for g in c.children)
                                        for c in tok.children):
            return "verb"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod"):
        if lemma in LAUNCH_NOUNS | WEAK_NOUNS or low in LAUNCH_NOUNS | WEAK_NOUNS:
            return "noun"
    return None


def _not_done(tok: Token) -> bool:
    """Negated, modal, conditional, planned or forbidden: no launch happened."""
    chain = [tok]
    while chain[-1].dep_ in ("xcomp", "conj", "pcomp", "prep", "pobj", "acl") and len(chain) < 6:
        chain.append(chain[-1].head)
    for t in chain[:3]:
        for c in t.children:
            if c.dep_ == "neg" or c.tag_ == "MD" or (c.dep_ == "mark" and c.lower_ in ("if", "unless")):
                return True
    return any(t.lemma_.lower() in NOT_DONE for t in chain[1:])


def _status(tok: Token, kind: str, missiles: list[Token]) -> str | None:
    """"event", "attach" (refers to a launch told elsewhere) or None (no launch)."""
    lemma = tok.lemma_.lower()
    if kind == "verb":
        if lemma in ("fire", "launch", "test", "shoot", "test-fire") and not missiles and not any(
                c.dep_ == "nsubjpass" and c.lower_ in _PRONOUNS for c in tok.children):
            return None                 # "launched a partnership", "fired an official"
        if _not_done(tok) or any(args.is_aggregate(m) for m in missiles):
            return None
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if tok.tag_ == "VB":
            gov = tok.head
            if "to" in aux and not (gov.lemma_.lower() in TRY_VERBS and gov.tag_ in ("VBD", "VBN", "VBZ")):
                return "attach" if gov.lemma_.lower() == "attempt" else None
            if "to" not in aux and not aux & {"did", "does", "do"}:
                return None
        if tok.tag_ == "VBG" and not (tok.dep_ == "pcomp" and tok.head.lower_ in
                                      ("after", "before", "upon", "while", "following")) \
                and not aux & {"is", "was", "are", "were"}:
            return None                 # "prohibit Pyongyang from testing ..."
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(
                c.lower_ in GENERIC_MODS for c in tok.head.children if c.dep_ in ("det", "amod")):
            return None                 # "such missiles launched from North Korea could ..."
        return "event"
    # Nouns
    low = tok.lower_
    if (lemma in WEAK_NOUNS or low in WEAK_NOUNS) and not missiles and not (
            lemma == "attempt" and any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in tok.children)):
        return None
    mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "predet")}
    if mods & GENERIC_MODS or any(args.is_aggregate(m) for m in missiles):
        return None
    plural = tok.tag_ in ("NNS", "NNPS")
    if plural and not any(c.dep_ in ("det", "poss") for c in tok.children):
        return None                     # "North Korean missile launches" in general
    return "attach" if plural else "event"


# ------------------------------------------------------------------ time attachment

def _root(sent: Span, start: int, end: int) -> Token | None:
    span = sent.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _owner(tok: Token, domain: dict[int, int], *, is_time: bool) -> int | None:
    """The unit a time or quantity hangs from, by walking up the parse."""
    cur = tok
    for _ in range(15):
        if cur.i in domain:
            return domain[cur.i]
        head = cur.head
        if head is cur:
            return None
        if cur.dep_ == "prep" and cur.lower_ in ("since", "until", "till"):
            return None                 # "since July 24": a bound, not the launch's day
        if is_time and cur is not tok and cur.pos_ in ("NOUN", "PROPN") and cur.dep_ != "appos":
            return None                 # a time of another thing: "a summit in Seoul on Monday"
        if is_time and head.pos_ in ("VERB", "AUX") and head.i not in domain:
            return _via_verb(head, domain)
        cur = head
    return None


def _via_verb(verb: Token, domain: dict[int, int]) -> int | None:
    """A time on a verb that is not a trigger still dates the launch the verb is about."""
    for _ in range(4):
        kids = list(verb.children)
        for c in kids:
            # "The launch took place on Monday", "the attempt ended late Monday"
            if c.dep_ in ("nsubj", "nsubjpass") and c.i in domain:
                return domain[c.i]
            # "detected the launches ... at 11:38", "confirmed the missile's launch on Thursday"
            if c.dep_ in ("dobj", "ccomp") and verb.lemma_.lower() in OBSERVE_VERBS:
                hit = next((domain[t.i] for t in c.subtree if t.i in domain), None)
                if hit is not None:
                    return hit
        # "The rocket blew up shortly after lifting off ... at 10:44 pm"
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (args.is_missile(subj) or subj.lower_ in _PRONOUNS):
            hit = next((domain[t.i] for t in verb.subtree if t.i in domain and t.pos_ == "VERB"), None)
            if hit is not None:
                return hit
        if subj is None and verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
            verb = verb.head            # "... launched – last Thursday, ... and on Monday – had been"
            if verb.i in domain:
                return domain[verb.i]
            continue
        return None
    return None


def _is_stamp(sent: Span, m: TimeMention) -> bool:
    """A time alone on its line is a live blog's timestamp, not when anything happened."""
    start = sent.start_char + m.start
    text = sent.doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    return bool(re.fullmatch(r"[\d:.]+\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4}", line))
