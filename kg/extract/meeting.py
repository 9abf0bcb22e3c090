"""Meetings and summits: who met whom, where, when, and the larger meeting a side meeting sat in.

A *mention* is one trigger in one sentence: a verb ("meets", "met with") or a noun ("summit",
"talks", "meeting", "phone call"). Its arguments come from the dependency parse: subjects and
objects, "with"/"between" phrases, "of"-phrases ("a meeting of the NSC"), relative clauses
("which Yoon is attending"), the verb that governs a noun ("held talks", "told a meeting").

Mentions of one meeting across sentences ("were due to meet" … "meets Kishida in Tokyo later on
Thursday" … "the Tokyo meeting") are one event: :func:`kg.extract.event_merge.merge` (shared
with exercise.py) groups them. A side meeting ("on the sidelines of the NATO summit") is
``part_of`` the summit; the leaders in it attend the summit too, while ministers meeting on its
sidelines accompany theirs. A body the meeting is "of" is a participant unless the text names the
states that sit in it ("the meeting of the NCG, at which US and South Korean officials agreed").
Argument finding lives in :mod:`kg.extract.event_args` and :mod:`kg.extract.event_setting`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract import Context, extractor
from kg.extract.event_args import SPANS, TEMPORAL_PREPS, EventArgs, clauses_of, dedupe, governor
from kg.extract.event_merge import Mention, compatible, fold, in_headline, merge, normalise
from kg.extract.event_setting import (
    FUTURE_HEADS,
    MOVE,
    PLACES,
    SIDELINES,
    conjuncts,
    main_clause,
    month_of,
    participle_hosts,
    pobjs,
    verb_in,
)
from kg.extract.roles import find_roles
from kg.extract.tokens import tokens
from kg.records import ORG_CLASSES, Meeting

NOUNS = {"summit", "meeting", "talks", "call", "conference", "videoconference", "teleconference",
         "conversation"}
# Verbs whose subject takes part in the meeting that is their object ("held talks", "told a meeting").
HOLD = {"hold", "have", "host", "attend", "join", "convene", "chair", "begin", "open", "start", "wrap",
        "conclude", "kick", "resume", "tell", "address", "arrange", "plan", "co-host", "cohost", "skip",
        "participate", "welcome", "invite", "gather", "meet", "arrive", "travel", "fly", "come", "sit",
        "visit", "propose", "schedule", "announce",
        "expand"}  # ("then expanded talks joined by aides": a format read as a verb; they were in them)
# Holding verbs that, in the present perfect or progressive, put the meeting on the day of writing.
NOW_HOLD = {"begin", "hold", "open", "start", "convene", "wrap", "conclude", "kick", "resume"}
# "has already met", "has met him before": a present perfect of experience, not of today's news.
_EARLIER = {"already", "before", "previously", "once", "ever", "recently", "often", "repeatedly"}
MEDIUM_PREPS = {"in", "during", "over", "via", "by", "at", "for"}
RELCL_SUBJ = {"attend", "join", "call", "agree", "pledge", "commit", "discuss", "decide", "vow", "adopt",
              "meet", "gather", "participate", "hold", "sign", "say", "take"}
DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her"}
# Sessions called for the occasion, which are meetings of their own.
_CALLED_SESSION = {"emergency", "special", "extraordinary", "urgent", "closed-door"}
CALL_MODS = {"phone", "telephone", "video", "virtual", "conference"}


def _trigger_noun(tok: Token) -> bool:
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lower_ in SIDELINES:
        return True  # "on the sidelines of the Shangri-La Dialogue": whatever it is called, a meeting
    if lemma == "session" and tok.pos_ == "NOUN":
        # "joined the emergency session", "a session of the Security Council" -- not "the opening
        # session" of a forum, nor a parliament's sitting period.
        return any(c.lower_ in _CALLED_SESSION for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.ent_type_ == "ORG" for o in pobjs(c))
            for c in tok.children)
    if tok.pos_ not in ("NOUN", "PROPN") or (lemma not in NOUNS and low not in NOUNS):
        return False
    if low == "talks":
        return tok.tag_ in ("NNS", "NNPS")
    if lemma in ("call", "conference", "conversation"):  # a phone call, not a news conference
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        with_someone = lemma != "conference" and any(c.dep_ == "prep" and c.lower_ == "with" and any(
            o.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for o in pobjs(c)) for c in tok.children)
        return (bool(mods & CALL_MODS) or with_someone) and not mods & {"news", "press"}
    return True


def _trigger_verb(args: EventArgs, tok: Token) -> bool:
    if tok.pos_ != "VERB" or (tok.lemma_ not in ("meet", "speak", "talk", "receive", "address", "brief",
                                                 "shake") and not tok.lower_.startswith("host")):
        return False  # (the words first: this runs on every verb)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    if tok.lemma_ == "meet":
        return True
    if tok.lemma_ == "shake":  # "X stepped over the border and shook hands with Y": they met
        return any(c.dep_ == "dobj" and c.lower_ == "hands" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(
                args.t.cls(args.t.entity_of(o)) == "Person" for o in pobjs(c)) for c in tok.children)
    if tok.lemma_ in ("address", "brief"):  # "X addressed the Security Council": a sitting of it
        return any(c.dep_ == "dobj" and (k := args.t.entity_of(c))
                   and args.t.cls(k) == "InternationalOrganization" and _deliberative(args, k)
                   for c in tok.children)
    if tok.lemma_ in ("speak", "talk"):  # "spoke by phone", "talked with Yoon": a call or talks
        return any(c.dep_ == "prep" and any(o.lower_ in ("phone", "telephone") or (
            c.lower_ == "with" and o.ent_type_ in ("PERSON", "GPE", "NORP", "ORG")) for o in pobjs(c))
                   for c in tok.children)
    if tok.lemma_ == "receive":  # "Kim received the visiting minister": a named person, not a letter
        people = [k for c in tok.children if c.dep_ in ("nsubj", "dobj") for k in args.actors(c)
                  if args.t.cls(k) == "Person" and args.t.entity_of(c)]
        return len(set(people)) == 2
    if verb_in(tok, {"host"}):  # "Biden hosted Yoon at the White House"
        return any(c.dep_ == "dobj" and not _trigger_noun(c) and args.actors(c) for c in tok.children)
    return False


_CHAIRING = {"chair", "preside", "lead", "host", "convene"}
_GO_ON = {"continue", "proceed", "follow", "begin", "start", "open", "end", "close", "conclude", "wrap"}
_SIDES = {"bilateral": 2, "one-on-one": 2, "two-way": 2, "trilateral": 3, "three-way": 3, "four-way": 4}
# Bodies that meet as themselves ("the Security Council met", "the politburo will meet", "the
# Nuclear Planning Group met").
_DELIBERATIVE = {"council", "committee", "assembly", "parliament", "cabinet", "commission", "board",
                 "congress", "senate", "diet", "politburo", "presidium", "plenum", "group"}


def _deliberative(args: EventArgs, key: str) -> bool:
    ent = args.t.entities.get(key)
    words = ent.name.lower().split() if ent is not None and ent.cls in ORG_CLASSES else []
    return bool(words) and words[-1] in _DELIBERATIVE


_NEWS = {"fire", "launch", "test", "test-fire"}


def _news_day(args: EventArgs, tok: Token) -> dt.date | None:
    """The day of the launch told last before ``tok`` (or in its sentence)."""
    for sent in [s for s in args.clock.sentences if s.start <= tok.sent.start][::-1]:
        news = [t for t in sent if t.lemma_.lower() in _NEWS and t.pos_ in ("VERB", "NOUN") and t.i < tok.i]
        for t in news:
            anchors = [t, t.head] if t.pos_ == "NOUN" else [t]
            day, _ = args.clock.attached(sent, anchors, False, since=False)
            # "an emergency meeting shortly after the launch": the launch told before
            day = day or (args.clock.day_of_event(t) if t.pos_ == "NOUN" else None)
            if day is not None:
                return day
        if news and sent.start == tok.sent.start:
            return None  # "last fired an ICBM a month ago, which sparked an emergency meeting"
    return None


def _loose_sidelines(tok: Token) -> int | None:
    """The one "on the sidelines of X" of the sentence, wherever the parser hung it ("Austin, who
    held talks with Dong on Friday, also on the sidelines of the forum, told ...")."""
    # ("Wrapping up the summit, they agreed to join X for talks on the sidelines of the APEC
    # summit": the phrase belongs to the talks it hangs on, not to the summit being wrapped up.)
    found = [o.i for s in tok.sent if s.lower_ in SIDELINES and s.dep_ == "pobj"
             and s.head.lower_ in ("on", "at", "during") and not _owned(s, tok)
             and (s.head.head.i == tok.i or not _trigger_noun(s.head.head))
             for of in s.children if of.dep_ == "prep" and of.lower_ == "of" for o in pobjs(of)[:1]
             if o.i != tok.i and _trigger_noun(o)]
    return found[0] if len(found) == 1 else None


def _owned(phrase: Token, tok: Token) -> bool:
    """The phrase belongs to another meeting's verb ("..., when the leaders met on the sidelines")."""
    verb = next((a for a in phrase.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i != tok.i and verb.lemma_ in ("meet", "hold", "host", "attend", "talk")


def _sidelines(a: Token) -> int | None:
    """"on the sidelines of the NATO summit": the summit trigger's index. The phrase may hang
    lower in the clause ("met Xi for the first time on the sidelines of ...")."""
    preps = [c for c in a.children if c.dep_ == "prep"]
    preps += [c for c in a.subtree if c.dep_ == "prep" and c.head.i != a.i and c.head.pos_ in ("NOUN", "ADV")
              and next((v for v in c.ancestors if v.pos_ in ("VERB", "AUX")), None) is a]
    for c in preps:
        if c.lower_ in ("on", "at", "during"):
            for o in pobjs(c):
                # ("met on the final day of the summit": held within it, as on its sidelines)
                if o.lemma_.lower() in ("sideline", "sidelines", "margin", "margins") or (
                        o.lemma_.lower() == "day" and c.lower_ == "on" and o.tag_ == "NN"):
                    for of in o.children:
                        for t in (pobjs(of) if of.lower_ == "of" else []):
                            if _trigger_noun(t):
                                return t.i
    return None


def _bare_sidelines(tok: Token) -> bool:
    """"held a separate meeting on the sidelines": sidelines of no meeting named."""
    verb = tok if tok.pos_ == "VERB" else governor(tok)[0]
    return any(c.dep_ == "prep" and c.lower_ in ("on", "at") and any(
        o.lemma_.lower() in SIDELINES and not any(x.dep_ == "prep" and x.lower_ == "of" for x in o.children)
        for o in pobjs(c)) for h in (tok, verb) if h is not None for c in h.children)


def _name(tok: Token) -> str | None:
    """A capitalised meeting name: "the third Summit for Democracy", "the G20 Summit"."""
    if not tok.text[:1].isupper() or tok.is_sent_start:
        return None
    start, end = tok.i, tok.i + 1
    while start > tok.sent.start and _name_word(tok.doc[start - 1]):
        start -= 1
    if end + 1 < tok.sent.end and tok.doc[end].lower_ in ("for", "on", "of") and tok.doc[end + 1].is_title:
        end += 2
    return tok.doc[start:end].text


def _name_word(w: Token) -> bool:
    """A word of a meeting's name: a capitalised proper noun, also one with an apostrophe or
    hyphens inside the name ("the Japan-U.S.-ROK Foreign Ministers' Meeting")."""
    if w.pos_ == "PROPN" and w.text[:1].isupper():
        return w.is_title or w.text[-1:] != "." and any(c.isupper() for c in w.text[1:])
    prev = w.doc[w.i - 1] if w.i > w.sent.start else None
    return prev is not None and prev.pos_ == "PROPN" and (
        w.tag_ == "POS" and w.head.i == prev.i or w.text == "-" and w.whitespace_ == "" == prev.whitespace_)


def _noun_mentions(args: EventArgs, tok: Token) -> list[Mention]:
    # "At the Aug. 18, 2023, summit, they agreed": the parser makes the noun an apposition of its date.
    dated = tok.dep_ == "appos" and tok.head.ent_type_ == "DATE" and tok.head.i < tok.i
    gov, rel = governor(tok.head if dated else tok)
    if gov is not None and _trigger_verb(args, gov) and rel not in TEMPORAL_PREPS:
        # "were due to meet for landmark talks": one mention, the verb's (not "met X before the
        # opening of the summit", another event)
        return []
    if tok.dep_ in ("appos", "conj") and _trigger_noun(tok.head) or rel == "attr" and gov is not None and any(
            c.dep_ == "nsubj" and _trigger_noun(c) for c in gov.children):
        return []  # "the summit ..., a meeting of ...", "The summit will be the first meeting ...": the same
    clause = gov if gov is not None and rel not in TEMPORAL_PREPS else tok
    if args.generic(tok, clause):
        return []
    t = args.t
    # "the Vientiane meeting": a city in front of the noun is the venue, not its capital's state.
    parts = [k for c in tok.children if c.dep_ in ("compound", "nmod", "poss", "amod")
             for cc in conjuncts(c) if not (c.dep_ == "compound" and t.cls(t.entity_of(cc)) == "City")
             for k in args.actors(cc) if t.cls(k) != "City"]
    if not parts and (key := t.entity_of(tok)) and t.cls(key) == "InternationalOrganization":
        parts = [key]  # "on the sidelines of APEC": the forum by its body's name
    forum = [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)
             for k in args.actors(o)]
    # "a meeting of the South Korea-US Nuclear Consultative Group": the states named in the
    # body's own name are its members.
    members = [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)
               for m in o.subtree if m.i < o.i and m.dep_ in ("compound", "amod", "nmod", "npadvmod")
               for k in args.actors(m) if t.cls(k) == "Country"]
    partners = args.with_actors(tok)
    anchors, rest = [tok, tok.head] if dated else [tok], []
    for v in clauses_of(tok):
        anchors.append(v)
        rel_at = [c for p in v.children for c in p.children
                  if c.lower_ in ("which", "where") and c.dep_ == "pobj"]
        where = any(c.dep_ == "advmod" and c.lower_ == "where" for c in v.children)
        if rel_at:  # "a summit ... at which A, B and C agreed"
            rest += args.span_actors(rel_at[0].i + 1, v.i)
        elif where:  # "the meeting in Washington, where A and B demanded ...": they were there
            rest += args.subject_actors(v)
        elif verb_in(v, RELCL_SUBJ) and not (verb_in(v, {"say"})
                                             and any(c.dep_ == "ccomp" for c in v.children)):
            # "the summit, which Yoon is attending" -- but not "a summit the US president said would
            # ...", which only says something of it.
            s = args.subject(v)
            if s is not None and s.i not in range(tok.left_edge.i, tok.i + 1):
                rest += args.actors(s)
        if verb_in(v, HOLD | _CHAIRING):  # "a summit attended by X", not "a statement carried by KCNA"
            rest += [k for c in v.children if c.dep_ == "agent" for o in pobjs(c) for k in args.actors(o)]
    if gov is not None and rel == "nsubjpass" and verb_in(gov, HOLD | _CHAIRING):
        # "The summit, which opened on Tuesday, was hosted by X": the host is there
        rest += [k for c in gov.children if c.dep_ == "agent" for o in pobjs(c) for k in args.actors(o)]
    if gov is not None and rel == "dobj" and verb_in(gov, HOLD):
        # "held an emergency meeting on Tuesday chaired by X": the chair hangs on the verb
        # ("held talks, attended on the Russian side by X and Y, and on the other by Z": every "by")
        rest += [k for c in gov.children if c.dep_ in ("advcl", "acl") and verb_in(c, _CHAIRING | {"attend"})
                 for a in c.subtree if a.dep_ == "agent" or a.dep_ == "prep" and a.lower_ == "by"
                 for o in pobjs(a) for k in args.actors(o)]
    subjects: list[str] = []
    if tok.i == tok.sent.start and tok.lower_ == "meeting" and tok.head is not tok and not any(
            c.dep_ in ("det", "poss") for c in tok.children):
        # "Meeting at the retreat on Friday, A, B and C agreed ...": a participle the tagger read
        # as a noun; the sentence's subject met.
        # ("Meeting on Capri, G7 ministers condemned ...": the parser may hang the subject on it.)
        subjects = args.subject_actors(tok.sent.root) or [k for c in tok.children if c.dep_ == "appos"
                                                          for k in args.actors(c)]
    if gov is not None and rel not in TEMPORAL_PREPS:
        anchors.append(gov)
        if gov.dep_ in ("advcl", "xcomp") and verb_in(gov.head, {"visit"}):
            anchors.append(gov.head)
        # ("They then continued with one-on-one talks": the subject goes on meeting.)
        # ("Blinken was in Seoul for a summit": there for it)
        there = rel == "for" and gov.lemma_ == "be" and args.place([gov]) is not None
        if (rel == "dobj" and verb_in(gov, HOLD)) or (rel in MEDIUM_PREPS and rel != "for") or (
                rel == "for" and verb_in(gov, HOLD)) or (rel == "with" and verb_in(gov, _GO_ON)) or there:
            subjects = args.subject_actors(gov)
            if verb_in(gov, {"join"}) and any(c.dep_ == "nsubjpass" for c in gov.children):
                # "the pair were joined by X for a meeting": X meets them
                subjects += [k for c in gov.children if c.dep_ == "agent" for o in pobjs(c)
                             for k in args.actors(o)]
            # ("joined Yoon at the summit"; not the city of "visits Seoul for a summit", but the
            # leaders of "joined NATO leaders in Washington for talks")
            if verb_in(gov, {"welcome", "invite", "host", "join"}) or rel == "for":
                rest += [k for c in gov.children if c.dep_ == "dobj"
                         and args.t.cls(args.place_of(c, 0)) not in ("City", "Region")
                         for k in args.actors(c)]
        partners += args.with_actors(gov)
    outcome = None
    if gov is not None and rel == "after" and verb_in(gov, _OUTCOME) and tok.tag_ == "NNS" and not subjects \
            and (tok.i > gov.i or _span_of(tok)) and not any(c.dep_ in ("det", "poss") for c in tok.children):
        # "signed the pact after talks at the ministry": the signers held the talks ("After the
        # talks, the ministers signed": talks told before, which others may have held; but "After
        # three hours of talks, the ministers signed": the signers' own talks, timed)
        subjects = args.subject_actors(gov)
        outcome = gov
    kind = "Summit" if tok.lemma_.lower() == "summit" or any(
        c.lower_ in ("leaders", "leaders'") or (c.dep_ == "compound" and c.lower_ == "summit")
        for c in tok.children) else "Meeting"    # "the leaders' meeting", "summit talks"
    # ("After two hours of one-on-one talks, the two leaders signed": a sitting, but the summit's
    # only one told; :func:`find_mentions` makes it a sitting when a summit was told before.)
    if _leaders_hold(args, gov, rel) and not _session(tok) or (
            outcome is not None and _the_leaders(args, outcome)):
        kind = "Summit"
    others = subjects + parts + rest + partners + members
    m = Mention(kind, tok.sent, tok, dedupe(subjects + parts + _forum(args, forum, others) + rest + partners
                                           + (members if len(set(members)) >= 2 else [])),
                name=_name(tok), definite=_definite(tok, gov, rel),
                sides=next((_SIDES[c.lower_] for c in tok.children if c.lower_ in _SIDES), None))
    # "The Camp David summit, held at the retreat in the mountains": the place in the meeting's own
    # name comes first.
    m.place = next((t.entity_of(c) for c in tok.children if c.dep_ in ("compound", "nmod")
                    and t.cls(t.entity_of(c)) in PLACES - {"Country"}), None) or args.place(anchors) or next((
        # "the meeting of their Nuclear Consultative Group in Washington": the body does not sit
        # in the city, its meeting does.
        k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)
        if t.cls(t.entity_of(o)) in ORG_CLASSES for q in o.children
        if q.dep_ == "prep" and q.lower_ in ("in", "at") for x in pobjs(q)[:1]
        if (k := args.place_of(x)) and t.cls(k) != "Country"), None)
    # ("agreed to hold a summit" is a plan; "pledging cooperation at a summit" is not)
    future = gov is not None and (args.is_future(gov) and not _headline_now(args, gov)
                                  or verb_in(gov, FUTURE_HEADS) and rel not in _AT) or any(
        # ("invited them to Washington for a further summit")
        c.lower_ in ("upcoming", "planned", "next", "further") for c in tok.children)
    agreed = gov is not None and rel in _AT and gov.dep_ == "xcomp" and verb_in(gov.head, _OUTCOME | {
        "decide", "vow", "promise"}) and not args.is_future(gov.head)
    if agreed and gov is not None:
        # "A and B agreed on Saturday to deepen ties at a summit in Tokyo": the summit is where
        # they agreed, on the day they did.
        anchors.append(gov.head)
        future = False
    if (outer := _described_in(tok)) is not None:
        # "A and B agreed Friday ..., in what is expected to be A's final summit with B": what is
        # expected is that it is the last; the summit is the one the sentence tells.
        anchors.append(outer)
        future = False
    # "denounced on Sunday the meeting held last Friday": a verb that only talks about the meeting
    # does not date it.
    talked_about = gov is not None and rel == "dobj" and not verb_in(gov, HOLD)
    timed = [a for a in anchors if not (talked_about and a is gov)]
    if gov is not None and rel not in TEMPORAL_PREPS:
        timed += participle_hosts(gov)  # "agreed Friday ..., pledging ... at a summit": Friday's
        if gov.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while")
                                       for c in gov.children):
            timed += main_clause(gov.head)  # "fired on Monday, as X was in Seoul for a summit"
    m.date, m.month = args.when(tok.sent, timed, future)
    if m.date is None and m.month is None and outcome is not None:
        m.date, m.month = _deed_told(args, outcome)
    if m.month is None and args.pub is not None:  # "at that December meeting"
        m.month = next((month_of(c.text, args.pub, future) for c in tok.children
                        if c.dep_ in ("compound", "nmod") and c.ent_type_ == "DATE"), None)
    if m.date is None and not future and gov is not None and rel == "dobj" and verb_in(gov, NOW_HOLD) \
            and _now(gov) and args.pub is not None:
        m.date = args.pub.isoformat()  # "Yoon and Kishida have begun their summit": today's
    m.planned = future or (gov is not None and verb_in(gov, {"plan", "schedule"}))
    m.ended = bool(m.date) and gov is not None and rel == "nsubj" and verb_in(gov, _ENDS)
    m.last = m.date if m.ended else None
    if m.date is None and not m.planned and any(c.lower_ == "emergency" for c in tok.children):
        # "Yoon presided over an emergency meeting of the NSC": called the day of the news it answers
        day = _news_day(args, tok)
        m.date = day.isoformat() if day is not None else None
    if m.planned and rel == "nsubjpass" and gov is not None and not any(
            c.dep_ == "agent" for c in gov.children):
        _add_planner(args, m, gov)
    _it_was(args, tok, m)
    m.parent = next((p for p in map(_sidelines, anchors) if p is not None), None) or _loose_sidelines(tok)
    together = any(c.lower_ in ("trilateral", "three-way", "joint", "multilateral", "four-way")
                   or c.lower_.startswith(("trilateral", "three-way")) for c in tok.children)
    if any(c.lower_ == "separate" for c in tok.children) and len(partners) >= 2 and subjects and not together:
        # "held separate talks with Li and with Kishida": one meeting with each.
        return [dataclasses.replace(m, participants=dedupe(subjects + [p]), separate=True)
                for p in dedupe(partners)]
    return [m]


def _it_was(args: EventArgs, tok: Token, m: Mention) -> None:
    """"A, B and C signed a pact in Oslo. It was the first time Norway had hosted a trilateral
    meeting": "it" is what the sentence before told; its subjects met there, that day. Only when
    the meeting names no one but the states of those people (the host)."""
    root = tok.sent.root
    if root.lemma_ != "be" or tok.sent.start == 0 or not any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this") for c in root.children) or not any(
            c.dep_ == "attr" and tok in c.subtree for c in root.children):
        return
    prev = args.doc[tok.sent.start - 1].sent
    verb = prev.root
    people = [k for k in args.subject_actors(verb) if args.t.cls(k) == "Person" and verb.pos_ == "VERB"]
    states = {args.nationality.get(k) for k in people}
    if len(people) < 2 or not set(m.participants) <= states:
        return
    m.participants = people
    # ("signed a memorandum of cooperation in Oslo": the city may hang deep in the object)
    m.place = m.place or args.place([verb]) or next((
        k for o in verb.subtree if o.dep_ == "pobj" and o.head.lower_ in ("in", "at")
        and (k := args.t.entity_of(o)) and args.t.cls(k) == "City"), None)
    if m.date is None:
        m.date, m.month = args.when(prev, [verb], False)
    before = args.doc[prev.start - 1].sent if prev.start > 0 else None
    if m.date is None and m.month is None and before is not None and before.root.lemma_ == verb.lemma_ and (
            set(args.subject_actors(before.root)) == states):
        # ("The defence chiefs of X, Y and Z signed a pact on Sunday. A, B and C signed ...": one deed)
        m.date, m.month = args.when(before, [before.root], False)


_AT = {"at", "during", "in", "on", "over", "via"}
# What a meeting does on its last day ("the summit broke up on Thursday").
_ENDS = {"end", "conclude", "close", "break", "collapse", "wrap", "finish"}
# What the sides of talks do together at their end.
_OUTCOME = {"sign", "agree", "adopt", "issue", "pledge"}


def _span_of(tok: Token) -> bool:
    """"three hours of talks": the trigger is measured by a stretch of time."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.tag_ == "NNS" \
        and tok.head.head.lemma_.lower() in SPANS


def _deed_told(args: EventArgs, verb: Token) -> tuple[str | None, str | None]:
    """"A and B signed a treaty on Monday. ... After hours of talks, the two signed the treaty":
    the deed done to a thing told before ("the treaty") is the one told before, on its day."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and any(
        d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)), None)
    if obj is None:
        return None, None
    for t in args.doc[:verb.sent.start]:
        if t.lemma_ == verb.lemma_ and t.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_ == obj.lemma_ for c in t.children):
            return args.when(t.sent, [t], False)
    return None, None


def _the_leaders(args: EventArgs, verb: Token) -> bool:
    """"the two leaders signed": the verb's subjects are heads of state or government."""
    return any(s.lemma_.lower() == "leader" and s.tag_ == "NNS" and (keys := args.actors(s))
               and all(args.is_head(k) for k in keys) for s in args.subjects(verb))


def _leaders_hold(args: EventArgs, gov: Token | None, rel: str) -> bool:
    """"After the ceremony, the leaders held talks": the heads of state or government the text
    calls "the leaders" hold a summit."""
    return gov is not None and rel == "dobj" and verb_in(gov, HOLD) and any(
        s.lemma_.lower() == "leader" and s.tag_ == "NNS" and (keys := args.actors(s))
        and all(args.is_head(k) for k in keys) for s in args.subjects(gov))


def _headline_now(args: EventArgs, verb: Token) -> bool:
    """A headline's bare present tells the news of the day, not a schedule ("X fires missiles as
    Y visits Seoul for summit")."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children) \
        and in_headline(args, verb.sent)


def _now(verb: Token) -> bool:
    """A verb in the present perfect or progressive ("have begun", "are holding"): happening as
    the story is written."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ in ("VBN", "VBG") and bool(auxes) and all(a.tag_ in ("VBZ", "VBP") for a in auxes) \
        and verb.dep_ in ("ROOT", "conj")


def _described_in(tok: Token) -> Token | None:
    """The verb of the clause that a "what is ... to be <the summit>" phrase describes."""
    if tok.dep_ != "attr":
        return None
    for a in tok.ancestors:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "what" for c in a.children):
            prep = a.head if a.dep_ == "pcomp" else None
            verb = prep.head if prep is not None and prep.head.pos_ in ("VERB", "AUX") else None
            while verb is not None and verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
                verb = verb.head  # "agreed Friday to keep ..., in what ...": the main verb's day
            return verb
    return None


def _accompanies(args: EventArgs, person: str, summit: list[str]) -> bool:
    """A minister at a summit his country's leader attends ("On the sidelines of the summit, the
    foreign ministers held talks"): not a participant of the summit itself."""
    country = args.nationality.get(person)
    return args.t.cls(person) == "Person" and not args.is_head(person) and country is not None and any(
        args.is_head(p) and args.nationality.get(p) == country for p in summit)


def _definite(tok: Token, gov: Token | None, rel: str) -> bool:
    """"the meeting", "NATO's summit", "This is a historic meeting", "the Aug. 18, 2023, summit" --
    but not "a leaders' summit" nor "their next meeting", which is another one."""
    if rel == "attr" and gov is not None and any(
            c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in gov.children):
        return True
    if any(c.lower_ in ("next", "upcoming", "another", "new") for c in tok.children) or any(
            d.lower_ in ("a", "an") and d.dep_ == "det" for c in tok.children for d in (c, *c.children)):
        return False
    i = tok.i - 1  # a date in front takes the article: "the Aug. 18, 2023, summit"
    while i > tok.sent.start and tok.doc[i].dep_ != "det" and (tok.doc[i].ent_type_ == "DATE"
                                                              or tok.doc[i].text == ","):
        i -= 1
    dated = i < tok.i - 1 and tok.doc[i].dep_ == "det" and tok.doc[i].lower_ in DEFINITE
    return dated or any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in tok.children)


def _forum(args: EventArgs, forum: list[str], others: list[str]) -> list[str]:
    """"a meeting of the NCG, at which US and South Korean officials agreed": when the text names
    the states that sit in a body of no one country, they are the parties and the body is only
    where they meet. International organisations ("a meeting of the UN Security Council") and a
    country's own bodies stay participants."""
    states = {k if args.t.cls(k) == "Country" else args.nationality.get(k) for k in others} - {None}
    if len(states) < 2:
        return forum
    return [k for k in forum if args.t.cls(k) in ("Country", "Person", "InternationalOrganization")
            or getattr(args.t.entities.get(k), "country", None)]


def _add_planner(args: EventArgs, m: Mention, verb: Token) -> None:
    """"X said a summit was planned with A, B and C": the speaker's country takes part too."""
    head = verb.head if verb.dep_ == "ccomp" else None
    s = args.subject(head) if head is not None else None
    if s is None:
        return
    for k in args.actors(s):
        country = k if args.t.cls(k) == "Country" else args.nationality.get(k) or args.t.entities[k].country
        if country and all(args.t.cls(p) == "Country" for p in m.participants):
            m.participants.insert(0, country)


def _verb_mention(args: EventArgs, v: Token) -> Mention | None:
    if args.generic(v, v):
        return None
    parts = args.subject_actors(v)
    parts += [k for c in v.children if c.dep_ == "dobj" for k in args.actors(c)]
    parts += args.with_actors(v)
    if parts and all(_deliberative(args, p) for p in parts) and v.dep_ == "advcl" and any(
            c.lower_ == "when" for c in v.children):
        # "When the council met on Monday, Russia and China blocked a statement": members acting in it
        parts += args.subject_actors(v.head)
    nouns = [o for c in v.children if c.dep_ == "prep" and c.lower_ == "for"
             for o in pobjs(c) if _trigger_noun(o)]
    anchors = [v] + nouns
    if v.dep_ == "advcl" and verb_in(v.head, MOVE) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        anchors.append(v.head)  # "will travel to Seoul this week to meet X": where and when the trip goes
    if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in v.children):
        # "signed a pact on Sunday as their defence chiefs met": the same day ("agreed Monday to
        # hold ..., as the leaders met": the main verb's)
        anchors += main_clause(v.head)
    future = args.is_future(v) and not _headline_now(args, v)  # ("A hosts B at spaceport": today's)
    # "hosted Li and Kishida for the first summit of the three countries": the verb's meeting is that summit.
    # "met at the retreat in the first stand-alone summit of the three leaders": so is the one it is in.
    within = [o for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for o in pobjs(c)]
    kind = "Summit" if any(o.lemma_.lower() == "summit" for o in nouns + within) else "Meeting"
    m = Mention(kind, v.sent, v, dedupe(parts), planned=future)
    m.place = args.place(anchors)
    if m.place is None and v.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in v.children):
        # "is due to fly to Washington on Sunday and will meet X at the White House on Monday": where
        # the trip goes (its day is the trip's, not the meeting's)
        trips = [x for x in v.head.subtree if x.i < v.i and x.pos_ == "VERB" and verb_in(x, MOVE)]
        m.place = args.place(trips[-1:]) if trips else None
    if m.place is None and not future:
        # "A, who arrived in Seoul on Sunday, met B on Monday": where the subject had come to
        m.place = next((k for s in args.subjects(v) for r in s.children
                        if r.dep_ == "relcl" and verb_in(r, {"arrive"})
                        and (k := args.place([r])) and args.t.cls(k) in ("City", "Region")), None)
    m.date, m.month = args.when(v.sent, anchors, future)
    if not parts and not future and (named := _named_next(args, v)) is not None:
        # "The trade ministers of the two countries met in Hanoi. A and B agreed on May 2 to ...":
        # officials met unnamed are the people the next sentence lists, on its day if they had none.
        m.participants, day = named
        m.date = m.date or day
    if m.date is None and m.month is None and not future and verb_in(v, {"meet", "host"}) and _now(v) \
            and args.pub is not None and not any(c.lower_ in _EARLIER for c in v.children):
        m.date = args.pub.isoformat()  # "Biden has hosted Yoon at the White House": the news of the day
    m.parent = _sidelines(v) or _loose_sidelines(v)
    return m


def _named_next(args: EventArgs, v: Token) -> tuple[list[str], str | None] | None:
    """The people the sentence after ``v``'s lists as its subject, and that sentence's day, when
    ``v``'s own subject is a plural of no one named ("the defence ministers of the allies")."""
    subj = args.subject(v)
    if subj is None or subj.tag_ != "NNS" or args.t.entity_of(subj) or v.sent.end >= len(args.doc):
        return None
    nxt = args.doc[v.sent.end].sent
    root = nxt.root
    keys = [k for s in args.subjects(root) if any(c.dep_ == "conj" for c in s.subtree)
            for k in args.actors(s)]
    if sum(args.t.cls(k) == "Person" for k in keys) < 2:
        return None
    day, _ = args.when(nxt, [root], False)
    return dedupe(keys), day


def _visit_city(args: EventArgs, v: Token) -> str | None:
    """The city a visit verb takes its visitor to: "visited Beijing", "was in Tokyo"."""
    if verb_in(v, {"visit"}):
        objs = [o for c in v.children if c.dep_ == "dobj" for o in [c]]
    elif v.lemma_ == "be" or verb_in(v, {"arrive"}):
        objs = [o for c in v.children if c.dep_ == "prep" and c.lower_ == "in" for o in pobjs(c)[:1]]
    else:
        return None
    return next((k for o in objs for k in [args.t.entity_of(o)] if k and args.t.cls(k) == "City"), None)


def _visit_mention(args: EventArgs, v: Token) -> Mention | None:
    """A visitor and the host who dealt with him there: "A signed a pact with B when B visited
    Hanoi on May 2", "B was in Hanoi on May 2, and A showed him the port". The host's clause must
    name the visitor as its partner ("with B") or object ("him"); "A fired a missile when B visited
    Seoul" is no meeting."""
    city = _visit_city(args, v)
    people = [k for k in args.subject_actors(v) if args.t.cls(k) == "Person"] if city else []
    if len(people) != 1 or args.generic(v, v) or args.is_future(v):
        return None
    guest = people[0]
    when = v.dep_ == "advcl" and any(c.lower_ == "when" for c in v.children)
    linked = [v.head] if when else [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for host_verb in linked:
        hosts = [k for k in args.subject_actors(host_verb) if args.t.cls(k) == "Person" and k != guest]
        outside = [t for t in host_verb.subtree if t not in v.subtree]
        partners = [k for t in outside if t.dep_ == "prep" and t.lower_ == "with" for o in pobjs(t)
                    for k in args.actors(o)]
        # "showed him the missiles": the object pronoun is the guest the sentence is about
        objects = [c for c in host_verb.children if c.dep_ in ("dobj", "dative")]
        met = guest in partners or any(o.lower_ in ("him", "her") or guest in args.actors(o) for o in objects)
        home = args.nationality.get(hosts[0]) if hosts else None
        if len(hosts) != 1 or not met or home is not None and home == args.nationality.get(guest):
            continue  # (two of one country: no visit between them)
        leaders = [k for k in (hosts[0], guest) if any(k in heads for heads in args.leaders.values())]
        m = Mention("Summit" if len(leaders) == 2 else "Meeting", v.sent, v, [hosts[0], guest])
        m.place = city
        m.date, m.month = args.when(v.sent, [v], False)
        return m
    return None


def _same_day(tok: Token) -> bool:
    """"also held a meeting with X on the same day", "met Y that day": the day of the event told
    just before."""
    verb = tok if tok.pos_ == "VERB" else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(
        d.lemma_ == "day" and (d.head.i == verb.i or d.head.dep_ == "prep" and d.head.head.i == verb.i)
        and any(c.lower_ in ("same", "that") for c in d.children) for d in verb.subtree)


# Who speaks at a council's sitting: the envoys of its members ("U.S. Ambassador X said", "China's
# envoy, Y, urged ...") and whoever "told the council" or "briefed the council".
_ENVOYS = {"ambassador", "envoy", "representative"}
_ADDRESS = {"tell", "brief", "address"}


def _council_speakers(args: EventArgs, clusters: list[list[Mention]], views: list[Mention]) -> None:
    """Speakers at an international council's meeting told before them join it. A sentence that
    names a month or day speaks of the sitting of that time ("In March, Russia's envoy argued")."""
    t = args.t
    sittings = [(min(m.sent.start for m in clusters[i]), i, bodies) for i, v in enumerate(views)
                if not v.planned and (bodies := [p for p in v.participants
                                                 if t.cls(p) == "InternationalOrganization"
                                                 and _deliberative(args, p)])]
    if not sittings or args.pub is None:
        return
    envoys = {r.person for r in find_roles(args.ctx) if set(r.title.lower().split()) & _ENVOYS}
    for tok in tokens(args.doc):
        if tok.dep_ != "nsubj" or tok.head.pos_ != "VERB":
            continue
        # ("China's envoy, Fu Cong, urged ...": the name in apposition)
        key = t.entity_of(tok) or next((t.entity_of(c) for c in tok.children if c.dep_ == "appos"), None)
        if key is None or t.cls(key) != "Person":
            continue
        told = [i for _, i, bodies in sittings if verb_in(tok.head, _ADDRESS) and any(
            c.dep_ in ("dobj", "dative") and (t.entity_of(c) in bodies or c.lemma_.lower() in {
                t.entities[b].name.lower().split()[-1] for b in bodies}) for c in tok.head.children)]
        # ("The US ambassador to the UN, X, rejected ...": the title in the sentence itself)
        if not told and key not in envoys and tok.lemma_.lower() not in _ENVOYS:
            continue
        day, month = args.clock.attached(tok.sent, [tok.head], False)
        month = day.isoformat()[:7] if day else month
        cands = [i for start, i, _ in sittings if start <= tok.sent.start
                 and (month is None or (views[i].date or views[i].month or "")[:7] == month)]
        cands = [i for i in cands if i in told] if told else cands
        if cands:
            views[cands[-1]].participants = dedupe(views[cands[-1]].participants + [key])


# The formats a summit's talks are held in, one sitting each.
_FORMATS = {"expanded", "extended", "enlarged", "restricted", "narrow", "one-on-one", "tete-a-tete",
            "tête-à-tête", "small-group", "delegation-level"}


def _session(tok: Token) -> bool:
    """"one-on-one talks", "talks in an expanded format", "talks in a restricted format"."""
    words = [tok.doc[tok.left_edge.i:tok.i].text.lower()]
    if tok.i > 0 and tok.head.i == tok.i - 1:
        words.append(tok.head.lower_)  # "then expanded talks": the parser reads the format as a verb
    words += [tok.doc[o.left_edge.i:o.i].text.lower() for c in tok.children if c.dep_ == "prep"
              and c.lower_ == "in" for o in pobjs(c) if o.lemma_.lower() in ("format", "setting", "session")]
    # "They resumed talks on Friday morning": the next sitting of talks already under way
    resumed = tok.dep_ == "dobj" and tok.head.lemma_.lower() == "resume"
    return resumed or any(w in _FORMATS for text in words for w in text.replace(" - ", "-").split())


def _with_each(tok: Token) -> bool:
    """"separate meetings with each of his guests": one meeting per person, the people named before."""
    gov, _ = governor(tok)
    return any(c.lower_ == "separate" for c in tok.children) and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(o.lower_ == "each" for o in pobjs(c))
        for h in (tok, gov) if h is not None for c in h.children)


def find_mentions(args: EventArgs) -> list[Mention]:
    out: list[Mention] = []
    for tok in tokens(args.doc):
        if _trigger_verb(args, tok):
            new = [m for m in [_verb_mention(args, tok)] if m is not None]
        elif _trigger_noun(tok):
            new = _noun_mentions(args, tok)
        elif tok.pos_ in ("VERB", "AUX") and (tok.lemma_ in ("visit", "be", "arrive")):
            new = [m for m in [_visit_mention(args, tok)] if m is not None]
        else:
            continue
        if _trigger_noun(tok) and _session(tok):
            # "Kim and Putin held summit talks ... The two leaders first held talks in an expanded
            # format ... then continued with one-on-one talks": sittings of that summit.
            for m in new:
                top = next((x for x in out[::-1] if x.kind == "Summit" and not x.planned and x.parent is None
                            and len(set(x.participants) & set(m.participants)) >= 2), None)
                if m.parent is None and top is not None:
                    m.parent, m.session, m.kind = top.trigger.i, True, "Meeting"
        if _trigger_noun(tok) and _with_each(tok):
            # "Biden hosted A and B for a summit. Before it began, he held separate meetings with
            # each of his guests": one meeting with each of the other people of the summit told before.
            split = []
            for m in new:
                top = next((x for x in out[::-1] if x.kind == "Summit" and not x.planned
                            and set(m.participants) & set(x.participants)), None)
                guests = [p for p in top.participants if p not in m.participants
                          and args.t.cls(p) == "Person"] if top is not None and m.participants else []
                split += [dataclasses.replace(m, participants=dedupe(m.participants + [p]), separate=True)
                          for p in guests] if len(guests) >= 2 else [m]
            new = split
        # ("On Sunday, A held talks with B, and C met D the same day": the clause before it counts)
        last = next((m.date for m in out[::-1] if m.date and m.trigger.i < tok.i), None)
        for m in new:
            if m.date is None and last and not m.planned and _same_day(tok):
                m.date = last
        out += new
    return out


# "CAMP DAVID, Md. —", "SEOUL, May 27 (Yonhap) --": a dateline opening the story's first sentence.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,30}?\s*(?:,[^\n()\u2013\u2014]{0,30}?)?\s*(?:\([^()\n]{1,40}\))?"
                       r"\s*(?:--|-|\u2013|\u2014)\s")
_CALLS = {"call", "conversation", "videoconference", "teleconference", "speak", "talk"}


def _dateline(args: EventArgs) -> tuple[Span, str] | None:
    """The sentence a dateline opens and the city it names, if the story has one."""
    sents = args.ctx.sentences
    for k, sent in enumerate(sents[:8]):
        found = _DATELINE.match(sent.text + " ")
        key = args.t.entity_of(sent[0]) if found else None
        if found and key is None and sent[0].is_upper:
            # "PYONGYANG, July 27 (Xinhua) --": a capitalised city the tagger missed, named elsewhere
            place = gazetteer.lookup_place(sent[0].text.title())
            key = place.key if place is not None and place.key in args.t.entities else None
        if key is not None:
            if found and not sent.text[found.end():].strip() and k + 1 < len(sents):
                sent = sents[k + 1]  # "TOKYO --" split off as a sentence of its own: the lede follows
            return (sent, key) if args.t.cls(key) in ("City", "Region") else None
    return None


def _lede_place(args: EventArgs, clusters: list[list[Mention]], views: list[Mention]) -> None:
    """A meeting the dateline's sentence tells, with no place of its own, is where the dateline puts
    the story ("CAMP DAVID, Md. — A, B and C agreed Friday ..., at a summit"). Not a call, nor a
    sitting of an international body, which meets in its own seat."""
    found = _dateline(args)
    if found is None:
        return
    lede, city = found
    for c, v in zip(clusters, views, strict=True):
        if v.place is None and not v.planned and any(m.sent.start == lede.start for m in c) and not any(
                m.trigger.lemma_.lower() in _CALLS or any(x.lower_ in CALL_MODS for x in m.trigger.children)
                for m in c) and not any(args.t.cls(p) == "InternationalOrganization" for p in v.participants):
            v.place = city


def _lede_day(args: EventArgs, clusters: list[list[Mention]], views: list[Mention]) -> None:
    """A past meeting with no day of its own, told in a dateline's dated lede or in the sentence
    right after it, is the news the lede dates ("TOKYO -- The ministers signed a pact on Sunday ...
    A, B and C signed it after talks at the ministry"); held in the dateline's city when the text
    gives only its country."""
    found = _dateline(args)
    starts = [s.start for s in args.ctx.sentences]
    if found is None or found[0].start not in starts:
        return
    lede, city = found
    day, _ = args.when(lede, [lede.root], False)
    if day is None:
        return
    near = set(starts[starts.index(lede.start):starts.index(lede.start) + 2])
    for c, v in zip(clusters, views, strict=True):
        if v.date is None and v.month is None and not v.planned and any(m.sent.start in near for m in c):
            v.date = day
            if v.place is not None and args.t.cls(v.place) == "Country" and (
                    args.t.entities[city].within == v.place):
                v.place = city


def _same_day_after(clusters: list[list[Mention]], views: list[Mention]) -> None:
    """"The same day, A and B held talks": the day of the meeting told before, once the meetings
    are put together (its day may come from another sentence than its first mention's)."""
    order = sorted(range(len(views)), key=lambda i: min(m.trigger.i for m in clusters[i]))
    for n, i in enumerate(order):
        if views[i].date is None and not views[i].planned and any(_same_day(m.trigger) for m in clusters[i]):
            before = [views[j].date for j in order[:n] if views[j].date and not views[j].planned]
            views[i].date = before[-1] if before else None


_DAY_WORDS = {"day", "evening", "night"}


def _day_before(args: EventArgs, clusters: list[list[Mention]], views: list[Mention]) -> None:
    """"A had held talks with B in Bangkok the previous evening": the day before the news day the
    story opens with (the first day its opening sentences name), when nothing else dates them."""
    lede = next((m.day for sent in args.clock.sentences[:4] for m in args.clock.times(sent)
                 if m.kind == "day" and m.day is not None), None)
    if lede is None:
        return
    for c, v in zip(clusters, views, strict=True):
        if v.date or v.month or v.planned:
            continue
        for m in c:
            own = {m.trigger.i, m.trigger.head.i}
            if any(t.lemma_.lower() in _DAY_WORDS and t.head.i in own and any(
                    x.dep_ == "det" and x.lower_ == "the" for x in t.children) and any(
                    x.lower_ in ("previous", "preceding") for x in t.children) for t in m.sent):
                v.date = (lede - dt.timedelta(days=1)).isoformat()
                break


def _day_of_prior(args: EventArgs, clusters: list[list[Mention]], views: list[Mention]) -> None:
    """"A and B agreed on Wednesday to ... The pact was announced after the two leaders held talks":
    talks of no day of their own, held by just the people the sentence before has doing something
    on a day, were held that day."""
    starts = [s.start for s in args.ctx.sentences]
    for c, v in zip(clusters, views, strict=True):
        if v.date or v.month or v.planned or len(v.participants) < 2:
            continue
        first = min(c, key=lambda m: m.trigger.i)
        k = starts.index(first.sent.start) if first.sent.start in starts else 0
        if k == 0 or any(x.lower_ in _EARLIER | {"last", "first"} for m in c for x in m.trigger.subtree):
            continue
        prev = args.ctx.sentences[k - 1]
        verb = prev.root
        people = set(normalise(args, args.subject_actors(verb)))
        if verb.pos_ == "VERB" and not args.is_future(verb) and people == set(
                normalise(args, v.participants)):
            day, _ = args.clock.attached(prev, [verb], False)
            v.date = day.isoformat() if day is not None else None


def _also(clusters: list[list[Mention]], views: list[Mention]) -> None:
    """"A held talks with B in Seoul on Monday ... A also met C": on the same trip, where and when
    A's meeting told before was, when the text gives no other."""
    order = sorted(range(len(views)), key=lambda i: min(m.trigger.i for m in clusters[i]))
    for n, i in enumerate(order):
        v = views[i]
        if v.place or v.date or v.month or v.planned or not any(
                c.dep_ == "advmod" and c.lower_ == "also" for m in clusters[i] for c in m.trigger.children):
            continue
        before = [views[j] for j in order[:n] if not views[j].planned and views[j].date
                  and set(views[j].participants) & set(v.participants)]
        if before:
            v.place, v.date = before[-1].place, before[-1].date


def _delegates(args: EventArgs, clusters: list[list[Mention]], views: list[Mention]) -> None:
    """"A and B joined the talks, while C was part of D's delegation": C sits in the meeting of
    the sentence with D."""
    for c, v in zip(clusters, views, strict=True):
        for sent in {m.sent.start: m.sent for m in c}.values():
            for tok in sent:
                if tok.lemma_.lower() != "delegation" or not any(
                        x.dep_ == "poss" and set(args.actors(x)) & set(v.participants) for x in tok.children):
                    continue
                of = tok.head if tok.dep_ == "pobj" else None
                part = of.head if of is not None and of.lower_ in ("of", "in") else None
                be = part.head if part is not None and part.lemma_.lower() == "part" else part
                if be is not None and be.lemma_ == "be":
                    v.participants = dedupe(v.participants + args.subject_actors(be))


_TEAMS = {"delegation", "side", "team"}


def _delegation_heads(args: EventArgs, clusters: list[list[Mention]], views: list[Mention]) -> None:
    """"The allies held a meeting of their consultative group. Seoul's delegation was led by A,
    and the US side by B": the heads of the delegations sat in the meeting told in that sentence
    or in one of the two before; once they speak for two states, a body of no one country is only
    the forum."""
    sents = args.ctx.sentences
    for k, sent in enumerate(sents):
        if not any(tok.lemma_.lower() in _TEAMS and tok.dep_ == "nsubjpass"
                   and verb_in(tok.head, {"lead", "head"}) for tok in sent):
            continue
        # ("and the US side by B": the gapped second clause hangs "by" on its subject)
        heads = [a for x in sent if verb_in(x, {"lead", "head"}) or x.lemma_.lower() in _TEAMS
                 for c in x.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
                 for o in pobjs(c) for a in args.actors(o) if args.t.cls(a) == "Person"]
        if not heads:
            continue
        near = {x.start for x in sents[max(k - 2, 0):k + 1]}
        found = [i for i, c in enumerate(clusters)
                 if not views[i].planned and any(m.sent.start in near for m in c)]
        if not found:
            continue
        v = views[max(found, key=lambda i: max(m.trigger.i for m in clusters[i]))]
        # (two heads are two sides, whatever the text tells of their states; as in _forum, a
        # body of no one country is then where they meet)
        forum = [p for p in v.participants if len(set(heads)) >= 2 and args.t.cls(p) in ORG_CLASSES
                 and args.t.cls(p) != "InternationalOrganization"
                 and not getattr(args.t.entities.get(p), "country", None)]
        v.participants = dedupe([p for p in v.participants if p not in forum] + heads)


def _attendees(args: EventArgs, clusters: list[list[Mention]], views: list[Mention]) -> None:
    """"The summit was hosted by A. B also attended, while C was represented by D": those who
    attend with no object named, or represent a state, sit in the meeting told in that sentence or
    the one before."""
    sents = args.ctx.sentences
    for k, sent in enumerate(sents):
        people = []
        for tok in sent:
            if tok.pos_ != "VERB" or args.is_future(tok):
                continue
            if verb_in(tok, {"attend"}) and not any(c.dep_ in ("dobj", "prep", "xcomp")
                                                    for c in tok.children):
                people += args.subject_actors(tok)
            elif verb_in(tok, {"represent"}) and any(c.dep_ == "nsubjpass" and args.t.cls(
                    args.t.entity_of(c)) == "Country" for c in tok.children):
                people += [a for c in tok.children if c.dep_ == "agent" for o in pobjs(c)
                           for a in args.actors(o)]
        people = [p for p in people if args.t.cls(p) == "Person"]
        near = {x.start for x in sents[max(k - 1, 0):k + 1]}
        found = [i for i, c in enumerate(clusters)
                 if not views[i].planned and any(m.sent.start in near for m in c)]
        if people and found:
            i = max(found, key=lambda i: max(m.trigger.i for m in clusters[i] if m.sent.start in near))
            views[i].participants = dedupe(views[i].participants + people)


def _told_after(args: EventArgs, summit: list[Mention], meeting: list[Mention]) -> bool:
    """``meeting`` is first told in a sentence of ``summit`` or in one of the two after one."""
    sents = [s.start for s in args.ctx.sentences]
    first = min(sents.index(m.sent.start) for m in meeting if m.sent.start in sents)
    return any(0 <= first - sents.index(m.sent.start) <= 2 for m in summit if m.sent.start in sents)


@extractor("kg.meeting.v1")
def extract_meetings(ctx: Context) -> list[Meeting]:
    args = EventArgs.of(ctx)
    clusters, where = merge(args, find_mentions(args))
    views = [fold(c) for c in clusters]
    _council_speakers(args, clusters, views)
    _lede_place(args, clusters, views)
    _lede_day(args, clusters, views)
    _same_day_after(clusters, views)
    _day_before(args, clusters, views)
    _day_of_prior(args, clusters, views)
    _also(clusters, views)
    _delegates(args, clusters, views)
    _delegation_heads(args, clusters, views)
    _attendees(args, clusters, views)
    parent: dict[int, int] = {}
    for i, c in enumerate(clusters):
        up = next((where[m.parent] for m in c if m.parent in where and where[m.parent] != i), None)
        if up is not None and parent.get(up) != i:
            parent[i] = up
    # "held a separate meeting on the sidelines": of the summit told before.
    for i, c in enumerate(clusters):
        if i not in parent and any(_bare_sidelines(m.trigger) for m in c):
            first = min(m.trigger.i for m in c)
            summits = [j for j, w in enumerate(views) if j != i and w.kind == "Summit" and not w.planned
                       and min(m.trigger.i for m in clusters[j]) < first and parent.get(j) != i]
            if summits:
                parent[i] = max(summits, key=lambda j: max(m.trigger.i for m in clusters[j]
                                                           if m.trigger.i < first))
    # A smaller meeting of some of a summit's people at the summit's venue is part of it ("before
    # the three-way talks, Biden held separate meetings with Yoon and with Kishida at the retreat").
    for i, v in enumerate(views):
        people = set(normalise(args, v.participants))
        for j, w in enumerate(views):
            if (i not in parent and v.kind == "Meeting" and w.kind == "Summit" and v.place
                    and v.place == w.place and len(people) >= 2
                    and people < set(normalise(args, w.participants))
                    and compatible(args, v, w) and parent.get(j) != i):
                parent[i] = j
    # A meeting of some of a summit's people told right after it, with no place or day of its own,
    # is held there ("The summit ... Before the three sat down together, A held separate talks with
    # B and then with C").
    for i, v in enumerate(views):
        people = set(normalise(args, v.participants))
        for j, w in enumerate(views):
            if (i not in parent and v.kind == "Meeting" and w.kind == "Summit" and not v.planned
                    and not w.planned and not (v.place or v.date or v.month) and len(people) >= 2
                    and people < set(normalise(args, w.participants)) and parent.get(j) != i
                    and _told_after(args, clusters[j], clusters[i])):
                parent[i] = j
    # A meeting that the people of a side meeting go on to hold with others, told right after it
    # with no place of its own, sits in the same summit ("A and B held talks on the sidelines of
    # the summit ... Later that day, the pair were joined by C for a trilateral meeting").
    for i, v in enumerate(views):
        people = set(normalise(args, v.participants))
        for j, w in enumerate(views):
            if (i not in parent and j in parent and parent[j] != i and not v.planned and not v.place
                    and v.kind == "Meeting" and 2 <= len(set(normalise(args, w.participants))) < len(people)
                    and set(normalise(args, w.participants)) < people
                    and compatible(args, v, w) and _told_after(args, clusters[j], clusters[i])
                    and min(m.trigger.i for m in clusters[j]) < min(m.trigger.i for m in clusters[i])):
                parent[i] = parent[j]
    # A side meeting's people attend the summit, except ministers whose leader is there (they
    # accompany theirs); it takes place where the summit does and, unless it is still to come, on
    # the summit's day when the text gives no other.
    for child, par in parent.items():
        # A bloc's own meeting ("the ASEAN foreign ministers' meeting"): outsiders meeting on its
        # sidelines are guests, not members of it.
        bloc = views[par].kind != "Summit" and any(
            args.t.cls(p) == "InternationalOrganization" for p in views[par].participants)
        # (A sitting of the summit adds no one: its people are the summit's and their aides.)
        sitting = any(m.session for m in clusters[child])
        joining = [] if bloc or sitting else [
            p for p in views[child].participants
            if views[par].kind != "Summit" or not _accompanies(args, p, views[par].participants)]
        views[par].participants = dedupe(views[par].participants + joining)
        views[child].place = views[child].place or views[par].place
        views[par].place = views[par].place or views[child].place  # "met in Hiroshima on the sidelines"
        if not views[child].planned:
            views[child].date = views[child].date or views[par].date
    records: dict[int, Meeting] = {}

    def record(i: int) -> Meeting | None:
        v = views[i]
        parts = normalise(args, v.participants)
        # Two sides meet; one named side will do for "a UN Security Council meeting on Friday", not
        # for a verb with one actor ("is meeting its targets").
        nominal = any(m.trigger.pos_ != "VERB" for m in clusters[i])
        # A council sits by itself: "The Security Council is scheduled to meet on Monday".
        sitting = len(parts) == 1 and _deliberative(args, parts[0])
        if not (len(parts) >= 2 or parts and (nominal or sitting) and (v.place or v.date or v.name)):
            return None
        # One person alone is a fragment of a meeting told in full elsewhere in the article ("A,
        # who arrived in the capital on Sunday for bilateral talks" beside "A and B held a summit
        # there"): it is no meeting of its own.
        if len(parts) == 1 and args.t.cls(parts[0]) == "Person" and i not in parent.values() and any(
                j != i and len(set(normalise(args, w.participants))) >= 2
                and parts[0] in normalise(args, w.participants) and compatible(args, v, w)
                for j, w in enumerate(views)):
            return None
        if i not in records:
            up = record(parent[i]) if i in parent else None
            records[i] = Meeting(kind=v.kind, participants=tuple(parts),
                                 place=v.place, date=v.date, planned=v.planned, name=v.name, part_of=up,
                                 evidence=args.evidence(m.sent for m in clusters[i]))
        return records[i]

    out = [r for i in range(len(views)) if (r := record(i)) is not None]
    return list(dict.fromkeys(out))
