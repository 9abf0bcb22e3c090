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
HAPPEN_VERBS = {"take", "occur", "happen", "come", "begin", "end", "fail"}
TRY_VERBS = {"try", "attempt", "fail", "appear", "seem", "manage"}
HISTORY_ADVS = {"last", "recently", "previously", "earlier", "already", "once", "before"}
GENERIC_MODS = {"any", "every", "no", "such", "future", "further", "additional", "repeated", "more",
                "each", "these", "those"}
DEBRIS = {"fragment", "debris", "wreckage", "piece", "part", "object", "stage"}
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
        if any(c.lower_ in ("has", "have") for c in tok.children if c.dep_ == "aux") and any(
                c.dep_ == "prep" and c.lower_ == "since" for c in tok.children):
            return None                 # "has fired 20 missiles since January": a tally
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
    # "the second attempt", "North Korea's attempt to put a satellite into orbit"
    attempt = lemma == "attempt" and any((c.dep_ == "amod" and c.ent_type_ == "ORDINAL") or
                                         (c.dep_ == "acl" and _candidate(c) == "verb") for c in tok.children)
    if (lemma in WEAK_NOUNS or low in WEAK_NOUNS) and not missiles and not attempt:
        return None
    mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "predet")}
    if mods & GENERIC_MODS or any(args.is_aggregate(m) for m in missiles):
        return None
    plural = tok.tag_ in ("NNS", "NNPS")
    if plural and not any(c.dep_ in ("det", "poss") for c in tok.children):
        return None                     # "North Korean missile launches" in general
    # "two minutes after the launch", "ahead of the launch": a time reference to it
    if plural or (tok.dep_ == "pobj" and tok.head.lower_ in ("after", "before", "since", "following")):
        return "attach"
    return "event"


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
        if head.i == cur.i:
            return None
        if cur.dep_ == "prep" and cur.lower_ in ("since", "until", "till"):
            return None                 # "since July 24": a bound, not the launch's day
        if is_time and cur.i != tok.i and cur.pos_ in ("NOUN", "PROPN") and cur.dep_ != "appos":
            return None                 # a time of another thing: "a summit in Seoul on Monday"
        if is_time and head.pos_ in ("VERB", "AUX") and head.i not in domain:
            return _via_verb(head, domain)
        cur = head
    return None


def _via_verb(verb: Token, domain: dict[int, int]) -> int | None:
    """A time on a verb that is not a trigger still dates the launch the verb is about."""
    for _ in range(4):
        if verb.dep_ in ("acl", "relcl") and verb.head.i in domain:
            return domain[verb.head.i]      # "the attempt ... ended late Monday" (misparsed as acl)
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
        # "... launched – last Thursday, ... and on Monday – had been"; "fired what appeared to
        # be a missile ... early on Tuesday"
        if (subj is None or subj.tag_ == "WP") and verb.dep_ in ("conj", "xcomp", "ccomp") \
                and verb.head.i != verb.i:
            verb = verb.head
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


def _when_day(sent: Span, tok: Token, times: list[TimeMention]) -> dt.date | None:
    """"since Jan. 14, when it test-fired ...": the day the "when" clause hangs from."""
    when = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
    if when is None:
        return None
    at = when.idx - sent.start_char
    day = next((m for m in reversed(times) if m.kind == "day" and m.end <= at), None)
    return day.day if day is not None and re.fullmatch(r"[\s,]*", sent.text[day.end:at]) else None


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _days_apart(u: _Unit, units: list[_Unit], domain: dict[int, int]) -> None:
    """"fired an ICBM on Saturday, a day after it launched two missiles": the second launch is
    dated from the first; without a date to count from it is still another launch."""
    trig = u.anchors[0]
    mark = next((c.lower_ for c in trig.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    gap = next((c for c in trig.children if c.dep_ == "npadvmod" and c.lemma_.lower() in ("day", "week")), None)
    if mark is None or gap is None or u.days:
        return
    n = next((_COUNTS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
              for c in gap.children if c.dep_ in ("det", "nummod")), None) or 1
    n *= 7 if gap.lemma_.lower() == "week" else 1
    gov = units[domain[trig.head.i]] if trig.head.i in domain else None
    if gov is not None and len(gov.days) == 1:
        u.days = [gov.days[0] + dt.timedelta(days=-n if mark == "after" else n)]
        u.main = False
    else:
        u.historical = True


# ------------------------------------------------------------------ arguments of a unit

# "SEOUL, Aug. 31 (Yonhap) --", "WASHINGTON (AP) —", "TOKYO, March 18 (Kyodo) --"
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,[^\n(]{0,30}?)?\s*(?:\([^)\n]{1,30}\))?\s*(?:--|-|–|—)\s")


def _dateline_end(sent: Span) -> int:
    """Character offset where a wire dateline ("SEOUL, Aug. 31 (Yonhap) --") ends, else 0."""
    m = _DATELINE.match(sent.text)
    return sent.start_char + m.end() if m else 0


def _the_north(tok: Token, table) -> str | None:
    """"the North" / "the South" in Korea reporting: the one country of the document so named."""
    if tok.lower_ not in ("north", "south") or not any(c.lower_ == "the" for c in tok.children):
        return None
    found = {k for k, e in table.entities.items() if e.cls == "Country" and e.name.lower().startswith(tok.lower_)}
    return found.pop() if len(found) == 1 else None


def _launcher(tok: Token, kind: str, ctx: Context) -> str | None:
    """The actor: subject of the active verb, agent of the passive, possessor of the noun."""
    table = ctx.entities
    cands: list[Token] = []
    if kind == "verb":
        verb = tok
        while True:
            kids = list(verb.children)
            agent = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            subj = [c for c in kids if c.dep_ == "nsubj"]
            if agent or subj or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
                cands = agent or subj
                break
            verb = verb.head           # "tried and failed to launch": the subject of "tried"
    else:
        cands = [c for c in tok.children if c.dep_ == "poss"]
        cands += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"]
    lead = _dateline_end(tok.sent)
    # "SEOUL, Dec 18 (Reuters) - North Korea fired": the dateline city is parsed as the subject.
    cands = [a for c in cands for a in ([c] if c.idx >= lead else
             [t for t in c.subtree if t.dep_ == "appos" and t.idx >= lead])]
    for c in cands:
        if args.is_missile(c):
            continue
        key = table.actor(table.entity_of(c)) or _the_north(c, table)
        if key is None:
            continue
        if table.cls(key) == "Country":
            return key
        if table.cls(key) != "Person" and table.entities[key].country:
            return table.entities[key].country
    if kind == "noun":
        return args.site_of(tok, table)[1]  # "a launch from North Korea"
    return None


def _clause(verb: Token) -> list[Token]:
    """A verb with the verbs that share its subject: "flew ... before falling into the sea"."""
    out, todo = [], [verb]
    while todo:
        v = todo.pop()
        out.append(v)
        kids = [*v.children, *(g for c in v.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp")]
        for c in kids:
            if c.dep_ == "ccomp" and any(g.tag_ == "WP" and g.dep_ == "nsubj" for g in c.children):
                todo.append(c)          # "fired what appeared to be a missile ... off its coast"
            elif c.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp") and c.pos_ in ("VERB", "AUX", "ADJ") and \
                    c.lemma_.lower() not in args.SPEECH_VERBS and not any(
                    g.dep_ == "nsubj" and not (args.is_missile(g) or g.lower_ in _PRONOUNS) for g in c.children):
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _about_missile(t: Token | None) -> bool:
    return t is not None and (args.is_missile(t) or t.lemma_.lower() in DEBRIS or t.lower_ in ("it", "they"))


def _referring(sent: Span, used: set[int]) -> list[Token]:
    """Verbs of a clause about the missile told before: "It flew ...", "the missile reached ...",
    "detected numerous fragments falling into the Yellow Sea"."""
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.i in used or tok.lemma_.lower() in args.SPEECH_VERBS:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        finite = tok
        if subj is None and tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN"):
            subj, finite = tok.head, tok.head.head     # "fragments falling into ..."
        if not _about_missile(subj) and not (_about_missile(obj) and tok.lemma_.lower() in OBSERVE_VERBS):
            continue
        aux = {c.lower_ for c in finite.children if c.dep_ in ("aux", "auxpass")}
        past = finite.tag_ == "VBD" or bool(aux & {"was", "were", "had", "has", "have", "did"})
        if not past or any(c.tag_ == "MD" for c in finite.children):
            continue
        clause = _clause(tok)
        # "it" is the missile only in a clause of flight or one that names a missile class.
        if subj is not None and subj.lower_ in ("it", "they") and not any(
                v.lemma_.lower() in FLIGHT_VERBS or any(args.is_missile(t) for t in v.subtree) for v in clause):
            continue
        return clause
    return []


def _flight_of(tok: Token | None) -> bool:
    """Whether a duration is how long something flew: it hangs from a verb of flight by "for"."""
    if tok is None or tok.head.lower_ != "for":
        return False
    return tok.head.head.lemma_.lower() in FLIGHT_VERBS


def _factual(tok: Token) -> bool:
    """A value of what happened, not of what a missile can do ("has a range of", "could reach")."""
    verb = next((t for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return True
    if any(c.tag_ == "MD" for c in verb.children):
        return False
    return not (verb.lemma_.lower() in ("have", "be") and verb.tag_ in ("VBZ", "VBP"))


_ROLES = {"range": "range_km", "apogee": "apogee_km", "flight_time": "flight_minutes"}


def _fill(u: _Unit, ctx: Context, kind: str, heads: list[Token], owner: str | None) -> None:
    """Missiles, site, landing and how the unit is dated, from the parse around its anchors."""
    table = ctx.entities
    for h in heads:
        phrase = args.missile_phrase(h)
        u.missiles += [p for p in [phrase, *args.designations(h)] if p and p not in u.missiles]
        u.count = u.count or args.count_of(h)
    trig = u.anchors[0]
    u.launcher = _launcher(trig, kind, ctx) if u.kind != "refer" else None
    verbs = list(u.anchors)
    # A launch noun's date and place can sit on the verb it is the object of ("detected the
    # launches from the Sunan area").
    if kind == "noun" and trig.dep_ in ("dobj", "nsubj") and trig.head.lemma_.lower() in OBSERVE_VERBS:
        verbs.append(trig.head)
    if u.kind != "refer":
        # "fired ... from the Wonsan area", "a missile from the Wonsan area", "detected the
        # launches from the Sunan area"
        for v in verbs + heads:
            u.site = u.site or args.site_of(v, table)[0]
        # The trigger and the flight its clause or the missile's relative clause tells:
        # "fired a missile that flew 570 km and landed off its east coast".
        verbs = _clause(trig) + [v for h in heads for c in h.children if c.dep_ in ("relcl", "acl")
                                 for v in _clause(c)]
        # "The missile, launched at 7:22 a.m., is believed to have flown ... before falling into"
        verbs += [v for h in heads if h.dep_ in ("nsubj", "nsubjpass") and h.head.i != trig.i
                  for v in _clause(h.head)]
    for v in verbs:
        if (v.i == trig.i or v.lemma_.lower() in FLIGHT_VERBS | {"appear", "be"}) and \
                not any(c.dep_ == "neg" for c in v.children):
            u.landing += [w for w in args.landing_of(v, table, owner) if w not in u.landing]
    for h in heads:
        u.landing += [w for w in args.landing_of(h, table, owner) if w not in u.landing]
    chain = [trig]
    while chain[-1].dep_ in ("xcomp", "conj", "acl", "relcl", "advcl") and len(chain) < 4:
        chain.append(chain[-1].head)     # "North Korea also recently tried and failed to launch"
    cues = [c for t in chain for c in t.children if c.dep_ == "advmod"]
    u.historical = u.historical or any(c.lower_ in HISTORY_ADVS for c in cues)
    # A launch noun states the launch as the object of a report ("confirmed the launch") or as
    # the subject of its happening ("The launch took place at 06:45"), not in an opinion of it.
    u.asserts = u.kind == "refer" or kind == "verb" or (
        trig.dep_ == "dobj" and trig.head.lemma_.lower() in OBSERVE_VERBS | args.SPEECH_VERBS) or (
        trig.dep_ == "nsubj" and trig.head.lemma_.lower() in HAPPEN_VERBS)


def _sentence_units(ctx: Context, sent: Span, owner: str | None, last: list[str]) -> list[_Unit]:
    """Every launch unit of one sentence, with its times, quantities, places and reporters."""
    pub = ctx.article.published or dt.date.today()
    cands = [(t, k) for t in sent if (k := _candidate(t))]
    trig_ids = {t.i for t, _ in cands}
    units: list[_Unit] = []
    kinds: list[str] = []
    heads: list[list[Token]] = []
    domain: dict[int, int] = {}
    for tok, kind in cands:
        missiles = _missiles_of(tok, trig_ids)
        status = _status(tok, kind, missiles)
        if status is None:
            continue
        domain[tok.i] = len(units)
        for m in missiles:
            domain.setdefault(m.i, len(units))
        units.append(_Unit(sent, [tok], status))
        kinds.append(kind)
        heads.append(missiles)
    # A clause about the missile, unless a launch verb already tells this sentence's launch
    # (a launch noun does not: "KCNA said the satellite had entered orbit and Kim watched the launch").
    if not any(u.kind == "event" and k == "verb" for u, k in zip(units, kinds, strict=True)):
        verbs = _referring(sent, set(domain))
        if verbs:
            ref_heads = [t for v in verbs for t in v.subtree if args.is_missile(t) and t.i not in domain]
            for t in verbs + ref_heads:
                domain.setdefault(t.i, len(units))
            units.append(_Unit(sent, verbs, "refer"))
            kinds.append("refer")
            heads.append(list(dict.fromkeys(ref_heads)))
    if not units:
        return []
    times = [m for m in find_times(sent.text, pub) if not _is_stamp(sent, m)]
    for m in times:
        root = _root(sent, m.start, m.end)
        i = _owner(root, domain, is_time=True) if root is not None else None
        if i is None or not args.same_line(units[i].anchors[0], root):
            continue
        if m.kind == "day" and m.day is not None:
            units[i].days.append(m.day)
        elif m.kind == "clock" and units[i].clock is None and units[i].kind != "refer":
            units[i].clock = m.time
        elif m.kind in ("period", "month", "year"):
            units[i].historical = True
    for u in units:
        day = _when_day(sent, u.anchors[0], times)
        if day is not None:
            u.days, u.main = [day], False
        _days_apart(u, units, domain)
    alone = [i for i, u in enumerate(units) if u.kind in ("event", "refer")]
    for q in find_quantities(sent.text):
        root = _root(sent, q.start, q.end)
        role = q.role
        if role is None and q.unit == "min" and _flight_of(root):
            role = "flight_time"        # "traveled about 1,000 km for 74 minutes"
        if root is None or role not in _ROLES or not _factual(root):
            continue
        i = _owner(root, domain, is_time=False)
        i = alone[0] if i is None and len(alone) == 1 else i
        if i is not None and args.same_line(units[i].anchors[0], root):
            units[i].values.setdefault(_ROLES[role], q.value)
    for u, kind, hs in zip(units, kinds, heads, strict=True):
        _fill(u, ctx, kind, hs, owner)
        if u.asserts:
            u.reporters = args.reporters_of(sent, u.anchors, ctx.entities, last)
    # A clause about the missile that says nothing we keep is not evidence of the launch.
    return [u for u in units if u.kind != "refer" or u.missiles or u.landing or u.values
            or any(v.lemma_.lower() in FLIGHT_VERBS for v in u.anchors)]


def _doc_launcher(ctx: Context, sents: list[Span]) -> str | None:
    """The document's launcher, for units that name none ("The other missiles launched ..."):
    the one its launch verbs name most, else its launch nouns, else the country of a launch site."""
    named: Counter[str] = Counter()
    sites: Counter[str] = Counter()
    for sent in sents:
        cands = [(t, k) for t in sent if (k := _candidate(t))]
        ids = {t.i for t, _ in cands}
        for tok, kind in cands:
            if _status(tok, kind, _missiles_of(tok, ids)) is None:
                continue
            key = _launcher(tok, kind, ctx)
            if key:
                named[key] += 2 if kind == "verb" else 1
            site = args.site_of(tok, ctx.entities)[0]
            if site and (country := args.country_of(site, ctx.entities)):
                sites[country] += 1
    best = (named or sites).most_common(1)
    return best[0][0] if best else None


@extractor("kg.missile_launch.v1")
def extract_launches(ctx: Context) -> list[MissileLaunch]:
    """Every missile launch the article reports, one record per launcher and day."""
    from kg.extract.launch_story import Story

    sents = list(ctx.doc.sents)
    default = _doc_launcher(ctx, sents)
    story = Story(ctx, default)
    last: list[str] = []
    for sent in sents:
        units = _sentence_units(ctx, sent, default, last)
        for u in units:
            story.feed(u)
        found = [r for u in units for r in u.reporters]
        last = found or last
    return story.records()
