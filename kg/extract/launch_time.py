"""When a launch happened: which time expressions of a sentence belong to which launch unit.

Times hang from the parse like any other argument ("fired ... at 07:10", "Thursday's missile");
when they hang from a verb that is not a launch trigger, the verb may still be about the launch
("The launch took place on Monday", "detected the launches at 11:38 p.m."). Helpers for
:mod:`kg.extract.launch`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.extract import launch_args as args
from kg.extract.temporal import TimeMention

if TYPE_CHECKING:
    from kg.extract.launch import Unit

# Verbs that carry a launch in their object: "detected the launches at 11:38", "confirmed the
# launch on Thursday", "ended the second attempt".
OBSERVE_VERBS = {"detect", "confirm", "report", "announce", "conduct", "carry", "stage", "end",
                 "observe", "spot", "track", "oversee", "watch", "guide", "supervise"}
REPORT_VERBS = {"report", "announce", "confirm"}
_SIGHTING = {"detect", "spot"}
_SAY = {"say", "tell", "report", "announce", "add", "confirm"}
_NAMING = {"call", "describe", "dub", "term", "claim", "consider"}
PRONOUNS = {"it", "they", "this", "that", "both"}
# Nouns that name the launch itself (not the missile, which is in a unit's domain too).
_LAUNCH_NOUNS = {"launch", "launching", "liftoff", "lift-off"}
# Verbs that put a new value in place of one told before: "later corrected the launch time to
# 11:30", "the time was revised to 6:55 a.m.".
CORRECT_VERBS = {"correct", "revise", "amend", "update", "change", "adjust"}
# What such a verb may correct for the new value to be the launch's time.
_TIME_OBJECTS = {"time", "timing", "hour", "figure", "it", "launch", "estimate"}
_STAMP = r"[\d:.]+\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4}"
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def token_at(sent: Span, start: int, end: int) -> Token | None:
    """The head token of the characters ``start:end`` of ``sent``. The tagger may call a part of
    the expression punctuation ("7:50 a.m." with "a.m." as a full stop hung on the main verb):
    its head is not the expression's, so the root is one of the other words."""
    span = sent.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    words = [t for t in span if t.pos_ != "PUNCT" and t.dep_ != "punct"]
    if (root.pos_ == "PUNCT" or root.dep_ == "punct") and words:
        return min(words, key=lambda t: sum(1 for _ in t.ancestors))
    return root


_PLACE_NOUNS = {"base", "coast", "waters", "sea", "area", "border", "site", "facility", "port", "city",
                "town", "region", "province", "peninsula", "island", "county", "airport", "shipyard",
                "coastline", "zone"}


def _clock_phrase(tok: Token) -> bool:
    """ "12:00 local time (03:00 GMT) on Monday": the head of a clock the model left untagged."""
    return tok.lower_ in ("time", "gmt", "utc") and any(c.like_num or ":" in c.text for c in tok.children)


def owner(tok: Token, domain: dict[int, int], *, is_time: bool) -> int | None:
    """The unit a time or quantity hangs from, by walking up the parse."""
    cur = prev = tok
    for _ in range(15):
        if cur.i in domain:
            return domain[cur.i]
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ == "prep" and cur.lower_ in ("since", "until", "till"):
            return None                 # "since July 24": a bound, not the launch's day
        # A clock has no day of its own: "at 5:05 a.m. on July 1" hangs the day on the clock, and
        # both are the launch's.
        placed = (cur.ent_type_ == "TIME" or _clock_phrase(cur)) and tok.ent_type_ == "DATE"
        # "on June 26 and July 1": a day coordinated with another hangs where that one does
        placed = placed or (prev.dep_ == "conj" and cur.ent_type_ == "DATE" == tok.ent_type_)
        # A place has no day: "fired missiles near a base off its coast on Sunday" hangs the day on
        # the base, and it is the launch's.
        placed = placed or (tok.ent_type_ == "DATE" and cur.lower_ in _PLACE_NOUNS)
        if is_time and cur.i != tok.i and cur.pos_ in ("NOUN", "PROPN") and cur.dep_ != "appos" \
                and not placed \
                and not (_actor_subject(cur) and prev.dep_ == "prep" and prev.lower_ in ("on", "at")):
            return None                 # a time of another thing: "a summit in Seoul on Monday"
        if is_time and head.pos_ in ("VERB", "AUX") and head.i not in domain:
            if (said := _said_after(cur, head, domain)) is not None:
                return said
            if (fronted := _before_mark(cur, head, domain)) is not None:
                return fronted
            if head.lemma_.lower() in _NAMING and head.tag_ in ("VBZ", "VBP"):
                # "launched a rocket carrying what it calls a satellite late Sunday": a present-tense
                # naming clause has no day; the day is the launch's.
                prev, cur = cur, head
                continue
            return _via_verb(head, domain)
        prev, cur = cur, head
    return None


def _said_after(tok: Token, verb: Token, domain: dict[int, int]) -> int | None:
    """"X fired the ICBM at 10:05 a.m. last Thursday, the JCS said": the parser hangs the day on
    "said", but a time between the reported clause and the speaker belongs to the clause."""
    if verb.lemma_.lower() not in _SAY:
        return None
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < tok.i and c.i in domain), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if comp is None or subj is None or not comp.right_edge.i < tok.i < subj.i:
        return None
    return domain[comp.i] if tok.i - comp.right_edge.i <= 3 else None


def _before_mark(tok: Token, verb: Token, domain: dict[int, int]) -> int | None:
    """"Late on May 9, as the carrier docked in Busan, it fired ...": the parser hangs the day on
    the subordinate clause's verb, but a time before the clause's conjunction is outside the
    clause; it dates the verb the clause hangs from."""
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    if mark is None or not tok.i < mark.i or verb.dep_ not in ("advcl", "ccomp") or verb.head.i not in domain:
        return None
    return domain[verb.head.i]


def _actor_subject(tok: Token) -> bool:
    """"North Korea on Thursday test-fired ...": the parser hangs the day on the subject, but a
    country, body or person has no day of its own; the day is its verb's."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") \
        and tok.head.pos_ in ("VERB", "AUX")


def _via_verb(verb: Token, domain: dict[int, int]) -> int | None:
    """A time on a verb that is not a trigger still dates the launch the verb is about."""
    for _ in range(4):
        if verb.dep_ in ("acl", "relcl") and verb.head.i in domain:
            return domain[verb.head.i]      # "the attempt ... ended late Monday" (misparsed as acl)
        if verb.dep_ == "conj" and verb.head.i in domain and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return domain[verb.head.i]      # "was launched ... and travelled about 1,050km": one subject
        kids = list(verb.children)
        if verb.lemma_.lower() in _NAMING:
            # "after what Pyongyang called a test of multiple warheads on June 26": the day of
            # what a launch is called is the launch's (not "called the launch a success on ...").
            hit = next((domain[c.i] for c in kids if c.dep_ == "oprd" and c.i in domain), None)
            if hit is not None:
                return hit
        for c in kids:
            # "The launch took place on Monday", "the attempt ended late Monday"; a wire dateline
            # ("SEOUL (AFP) - North Korea's attempt ... failed") is parsed as the subject, with
            # the real one in apposition.
            if c.dep_ in ("nsubj", "nsubjpass"):
                hit = next((domain[t.i] for t in (c, *c.children) if t.i in domain
                            and (t.i == c.i or t.dep_ == "appos")), None)
                if hit is not None:
                    return hit
            # "detected the launches ... at 11:38", "confirmed the missile's launch on Thursday"
            # But "X said the rocket blew up, KCNA reported Tuesday": a clause reported on a day is
            # dated by its report's day only when the report is of seeing it.
            if (c.dep_ == "dobj" or c.dep_ == "ccomp" and verb.lemma_.lower() not in REPORT_VERBS) \
                    and verb.lemma_.lower() in OBSERVE_VERBS:
                hit = next((domain[t.i] for t in c.subtree if t.i in domain), None)
                if hit is not None:
                    return hit
            # "On January 24, the JCS said it had detected cruise missiles": a sighting is told
            # the day it is made.
            if c.dep_ == "ccomp" and verb.lemma_.lower() in _SAY and c.lemma_.lower() in _SIGHTING:
                if c.i in domain:
                    return domain[c.i]
                # "On Monday, the JCS said it detected the launch": so is the launch it saw
                seen = next((domain[o.i] for o in c.children if o.dep_ == "dobj" and o.i in domain), None)
                if seen is not None:
                    return seen
        # "The rocket blew up shortly after lifting off ... at 10:44 pm", "... after liftoff late
        # last night": the missile's own verb dates the launch told in its clause.
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (args.is_missile(subj) or subj.lower_ in PRONOUNS):
            hit = next((domain[t.i] for t in verb.subtree if t.i in domain and (
                t.pos_ == "VERB" or t.lemma_.lower() in _LAUNCH_NOUNS)), None)
            if hit is not None:
                return hit
        # "... launched – last Thursday, ... and on Monday – had been"; "fired what appeared to
        # be a missile ... early on Tuesday"
        # "launched two missiles ... starting at around 3:30 a.m.": the salvo's start is its time
        starting = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in ("start", "begin")
        if (subj is None or subj.tag_ == "WP") and (verb.dep_ in ("conj", "xcomp", "ccomp") or starting) \
                and verb.head.i != verb.i:
            verb = verb.head
            if verb.i in domain:
                return domain[verb.i]
            continue
        return None
    return None


def is_stamp(sent: Span, m: TimeMention, text: str) -> bool:
    """A time alone on its line is a live blog's timestamp, not when anything happened. ``text``
    is the document's."""
    start = sent.start_char + m.start
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    if re.fullmatch(_STAMP, line):
        return True
    # "07:41 — BREAKING: North Korea has fired ...": a stamp that opens its entry's line.
    lead = re.match(_STAMP + r"\s*[—–-]\s", line)
    return lead is not None and not text[line_start:start].strip()


def when_day(sent: Span, tok: Token, times: list[TimeMention]) -> dt.date | None:
    """"since Jan. 14, when it test-fired ...": the day the "when" clause hangs from. A launch
    noun's clause counts too ("since Jan. 25, when Kim oversaw the firing of ...")."""
    clause = [tok]
    while clause[-1].dep_ in ("dobj", "pobj", "prep") and len(clause) < 4:
        clause.append(clause[-1].head)
    when = next((c for t in clause for c in t.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
    if when is None:
        return None
    at = when.idx - sent.start_char
    day = next((m for m in reversed(times) if m.kind == "day" and m.end <= at), None)
    return day.day if day is not None and re.fullmatch(r"[\s,]*", sent.text[day.end:at]) else None


def days_apart(u: Unit, units: list[Unit], domain: dict[int, int]) -> None:
    """"fired an ICBM on Saturday, a day after it launched two missiles": the second launch is
    dated from the first; without a date to count from it is still another launch."""
    trig = u.anchors[0]
    mark = next((c.lower_ for c in trig.children if c.dep_ == "mark" and c.lower_ in ("after", "before")),
                None)
    gap = next((c for c in trig.children if c.dep_ == "npadvmod" and c.lemma_.lower() in ("day", "week")),
               None)
    if mark is None and trig.dep_ == "pcomp" and trig.head.lower_ in ("after", "before"):
        # "fired two missiles on 24 July, two days after launching cruise missiles"
        prep = trig.head
        mark = prep.lower_
        gap = next((c for c in prep.children if c.dep_ == "npadvmod" and c.lemma_.lower() in ("day", "week")),
                   None)
        trig = prep                     # whose head is the launch it is dated from
    if mark is None or gap is None or u.days:
        return
    n = next((_COUNTS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
              for c in gap.children if c.dep_ in ("det", "nummod")), None) or 1
    n *= 7 if gap.lemma_.lower() == "week" else 1
    gov_tok = trig.head
    if gov_tok.i not in domain and gov_tok.pos_ in ("VERB", "AUX"):
        # "Tuesday's launch came two days after the North fired ...": counted from the launch that
        # is the subject of the verb the clause hangs on.
        gov_tok = next((c for c in gov_tok.children if c.dep_ == "nsubj" and c.i in domain), gov_tok)
    gov = units[domain[gov_tok.i]] if gov_tok.i in domain else None
    if gov is not None and len(gov.days) == 1:
        u.days = [gov.days[0] + dt.timedelta(days=-n if mark == "after" else n)]
        u.main = False
    else:
        u.historical = True


def corrected_clock(sent: Span, times: list[TimeMention]) -> tuple[Token, dt.datetime] | None:
    """"The JCS later corrected the launch time to around 11:30am": the verb and the clock a
    correction sets, which replaces the one told before. Only the clock after "to" (not the one
    after "from") is the new value."""
    for m in reversed(times):
        if m.kind != "clock" or m.time is None:
            continue
        root = token_at(sent, m.start, m.end)
        verb = next((a for a in (root.ancestors if root is not None else [])
                     if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or root is None or verb.lemma_.lower() not in CORRECT_VERBS or verb.i > root.i:
            continue
        preps = [t.lower_ for t in sent.doc[verb.i + 1:root.i] if t.lower_ in ("to", "from")]
        if not preps or preps[-1] != "to":
            continue
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if objs and not any(o.lemma_.lower() in _TIME_OBJECTS for o in objs):
            continue
        return verb, m.time
    return None


_APPOSED = re.compile(
    r"\s*,\s*(?P<n>the|a|one|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?)\s*$", re.I)


def apposed_day(sent: Span, tok: Token, times: list[TimeMention]) -> dt.date | None:
    """"When the council met on December 19, the day after Pyongyang launched ...": a launch
    clause counted from a day set beside it is that many days before (or after) that day."""
    mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None:
        return None
    at = mark.idx - sent.start_char
    for m in times:
        gap = _APPOSED.fullmatch(sent.text[m.end:at]) if m.kind == "day" and m.day and m.end <= at else None
        if gap is not None:
            assert m.day is not None  # only a mention with a day is matched
            n = _COUNTS.get(gap["n"].lower(), 1) if not gap["n"].isdigit() else int(gap["n"])
            n *= 7 if gap["unit"].lower().startswith("week") else 1
            return m.day + dt.timedelta(days=-n if mark.lower_ == "after" else n)
    return None
