"""Military exercises: who drills, where, from when, under which name.

Triggers are the nouns of the trade ("exercise", "drills", "war games", "manoeuvres"). A name is
the run of capitalised words just before the noun ("the annual Ulchi Freedom Shield exercise",
"the 11-day UFS exercise") or given beside it ("drills, called Freedom Edge,", "Freedom Shield,
an 11-day exercise", "the exercise, Ulchi Freedom Shield,"); countries in front of it are
participants ("the joint US exercises", "South Korea-U.S. ... exercise"), as are the subjects of
the verbs that hold an exercise ("the US and South Korea have been carrying out drills", also
through a name or a partitive: "opened Freedom Shield, an exercise", "the first of those drills
began"), "by"/"with"/"involving"/"staged by" phrases. The date is when it started ("Since
Monday", "began on Aug. 21", "ran from March 4 to March 14", "a day after Seoul opened it"); a
verb that only talks about the drills ("denounced the drills on Sunday") does not date them.

One exercise is usually mentioned several times ("joint navy drills" ... "drills around the
Korean peninsula" ... "the joint US exercises"): mentions are merged as meetings are
(:func:`kg.extract.event_merge.merge`); an indefinite "a combined air drill" is a new exercise,
"such exercises" and "regular exercises" none. A later sentence naming a known exercise without
the noun ("will take part in Freedom Edge") adds its evidence.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from kg import gazetteer
from kg.extract import Context, extractor
from kg.extract.event_args import TEMPORAL_PREPS, EventArgs, clauses_of, dedupe, governor
from kg.extract.event_merge import Mention, fold, in_headline, merge
from kg.extract.event_setting import PLACES, pobjs, start_clauses, verb_in
from kg.extract.tokens import tokens
from kg.records import MilitaryExercise

NOUNS = {"exercise", "drill", "wargame", "manoeuvre", "maneuver", "manoeuvres", "maneuvers"}
# Verbs whose subject is a participant of the exercise they govern.
CONDUCT = {"hold", "conduct", "carry", "stage", "begin", "start", "kick", "launch", "wrap", "end", "finish",
           "complete", "continue", "resume", "join", "run", "perform", "mount", "undertake", "participate",
           "take", "go", "engage", "fly", "sail", "practice", "practise", "organize", "organise",
           "plan", "expand", "scale", "open"}
ACTOR_PREPS = ("with", "between", "among", "by")
SERVICES = {"Navy", "Army", "Air", "Force", "Forces", "Marine", "Marines", "Corps", "Coast", "Guard",
            "Military", "Joint", "Combined", "Naval", "Space", "Command", "Self-Defense", "Defense"}
NAMING = {"called", "named", "dubbed", "codenamed", "code-named", "titled"}
CIVIL = {"evacuation", "fire", "earthquake", "disaster", "civil", "emergency", "raid", "shelter", "tsunami"}


def _live_fire(tok: Token) -> bool:
    doc = tok.doc
    return (tok.lower_ == "fire" and tok.i >= 2 and doc[tok.i - 1].text == "-"
            and doc[tok.i - 2].lower_ == "live")


def _trigger(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = tok.lemma_.lower()
    if lemma == "game" or tok.lower_ == "games":  # "war games"
        return any(c.lower_ in ("war", "war-") for c in tok.children)
    if lemma not in NOUNS and tok.lower_ not in NOUNS:
        return False
    if any(c.lower_ in CIVIL and not _live_fire(c) for c in tok.children
           if c.dep_ in ("compound", "amod", "nmod")):
        return False  # "evacuation drills", "fire drill": not military (a "live-fire drill" is)
    return lemma in NOUNS or tok.lower_ in NOUNS


def _name(args: EventArgs, tok: Token) -> str | None:
    """Capitalised words right before the noun, countries excluded: "Ulchi Freedom Shield"."""
    words: list[Token] = []
    acronym = None
    i = tok.i - 1
    while i >= tok.sent.start:
        w = args.doc[i]
        if w.like_num and words == [] and i > tok.sent.start and args.doc[i - 1].is_title:
            i -= 1  # "Freedom Edge 24": the year of an edition is not part of the name
            continue
        if w.text == ")" and i - 2 >= tok.sent.start and args.doc[i - 2].text == "(":
            acronym = acronym or args.doc[i - 1].text  # "(UFS)"
            i -= 3
            continue
        key = args.entity_actor(w)
        if not (w.is_alpha and w.text[0].isupper() and w.pos_ == "PROPN") or args.t.cls(key) == "Country" or (
                gazetteer.lookup_demonym(w.text) or w.is_sent_start):
            break
        words.insert(0, w)
        i -= 1
    name = " ".join(w.text for w in words)
    if name and in_headline(args, tok.sent) and args.ctx.text.count(name) < 2:
        name = ""  # "Marines Conduct Maritime Live-Fire Exercise": a Title Case headline's words
    # "the Navy exercise" names a service, not the exercise.
    return name if name and not set(name.split()) <= SERVICES else acronym or _called(args, tok)


def _called(args: EventArgs, tok: Token) -> str | None:
    """A name given beside the noun: "drills, called Freedom Edge,", "Freedom Shield, an 11-day
    exercise", "the exercise, Pacific Dragon"."""
    doc, i = args.doc, tok.i + 1
    comma = i < tok.sent.end and doc[i].text == ","
    i += comma
    if i < tok.sent.end and doc[i].lower_ in NAMING:
        return _proper(args, doc[i + 1:tok.sent.end], forward=True)
    name = _proper(args, doc[i:tok.sent.end], forward=True) if comma else None
    end = i + len((name or "").split())
    if name and (end >= tok.sent.end or doc[end].text in (",", ")", ".")) and not any(
            args.t.entity_of(w) and args.t.cls(args.t.entity_of(w)) != "Organization" for w in doc[i:end]):
        return name  # "the exercise, Ulchi Freedom Shield, ..."; not "the drills, Kim said"
    if tok.dep_ == "appos" and tok.head.i < tok.i:  # "Freedom Shield, an 11-day exercise"
        return _proper(args, doc[tok.head.left_edge.i:tok.head.i + 1], forward=False)
    named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return _proper(args, doc[named.left_edge.i:named.i + 1], forward=False) if named is not None else None


def _proper(args: EventArgs, span, forward: bool) -> str | None:
    """The run of capitalised words at the start (``forward``) or end of ``span``, if it names no actor."""
    words = list(span) if forward else list(reversed(span))
    run = []
    for w in words:
        if not (w.is_alpha and w.text[0].isupper() and w.pos_ == "PROPN") or w.ent_type_ in ("DATE", "TIME"):
            break
        run.append(w)
    run = run if forward else run[::-1]
    if not run or any(args.t.cls(args.t.entity_of(w)) in PLACES for w in run) or (
            set(w.text for w in run) <= SERVICES):
        return None
    return " ".join(w.text for w in run)


def _countries(args: EventArgs, keys: list[str]) -> list[str]:
    """Exercises are between states: a national body or a person stands for their country."""
    out: list[str | None] = []
    for k in keys:
        cls = args.t.cls(k)
        ent = args.t.entities.get(k)
        if cls == "Country":
            out.append(k)
        elif cls == "Person":
            out.append(args.nationality.get(k))
        elif ent is not None and ent.country:
            out.append(ent.country)
    return dedupe(out)


def _mention(args: EventArgs, tok: Token) -> Mention | None:
    if tok.dep_ in ("appos", "conj") and (_trigger(tok.head) or any(
            _trigger(a) for a in tok.head.ancestors if a.sent == tok.sent)):
        return None  # "..., a largely computer-simulated drill that ...": the same exercise again
    name = _name(args, tok)
    base = tok
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and name:  # "opened Freedom Shield, an exercise"
        base = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("ADJ", "NUM"):
        base = tok.head.head  # "The first of those drills ... began June 27"
    gov, rel = governor(base)
    clause = gov if gov is not None and rel not in TEMPORAL_PREPS else tok
    if args.generic(tok, clause):
        return None
    span = len((name or "").split()) + 3
    named = set(range(tok.i - span, tok.i))
    if name and name in args.doc[tok.i + 1:tok.i + span].text:  # "drills, called Freedom Edge, ..."
        named |= set(range(tok.i + 1, tok.i + span))
    # Countries before the noun ("the joint US exercises", "South Korea-U.S. ... exercise").
    keys = [k for w in args.doc[tok.left_edge.i:tok.i] if w.i not in named or args.t.cls(
        args.t.entity_of(w)) == "Country" for k in args.actors(w) if w.dep_ != "poss"
        and (w.head == tok or w.head.i in range(tok.left_edge.i, tok.i))]
    keys += [k for c in tok.children if c.dep_ == "poss" for k in args.actors(c)]
    keys += args.with_actors(tok, ACTOR_PREPS)
    keys += [k for v in tok.children if v.dep_ == "acl" and v.lemma_ == "involve"
             for c in v.children if c.dep_ == "dobj" for k in args.actors(c)]
    clauses = clauses_of(tok)
    # "drills staged by X and Y", "A drill was held by X"
    held = clauses + ([gov] if gov is not None and rel == "nsubjpass" and verb_in(gov, CONDUCT) else [])
    keys += [k for v in held for c in v.children if c.dep_ == "agent"
             for o in pobjs(c) for k in args.actors(o)]
    # "a drill held by U.S. and Japanese fighter jets": the countries whose forces hold it.
    keys += [k for v in held for c in v.children if c.dep_ == "agent" for o in pobjs(c)
             for m in o.children if m.dep_ in ("nmod", "amod", "compound")
             for k in args.actors(m) if args.t.cls(k) == "Country"]
    # "a joint air drill that the US, South Korea and Japan staged on Sunday"
    keys += [k for v in clauses if v.dep_ == "relcl" and verb_in(v, CONDUCT)
             for s in v.children if s.dep_ == "nsubj" and s.tag_ not in ("WDT", "WP")
             for k in args.actors(s)]
    anchors = [tok] + clauses
    # "an exercise involving 240 warplanes that began on Monday": the parser hangs the start on
    # what is involved, but it is the exercise that began.
    anchors += [r for v in tok.children if v.dep_ == "acl" and v.lemma_ == "involve"
                for c in v.children if c.dep_ == "dobj"
                for r in c.children if r.dep_ == "relcl" and verb_in(r, {"begin", "start"})]
    talked_about = False
    if gov is not None and rel not in TEMPORAL_PREPS:
        anchors.append(gov)
        if rel in ("nsubj", "nsubjpass"):  # "The drills, called X, began June 27": verbs sharing it
            anchors += [v for v in gov.children if v.dep_ == "conj" and v.pos_ == "VERB"
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)]
        # "conducted a live-fire drill off the coast, beginning at 14:00 today": the participle
        # tells when the drill started.
        anchors += start_clauses(gov)
        if verb_in(gov, CONDUCT) and (rel == "dobj" or rel in ("in", "with", "during", "for")) or (
                rel == "during" and any(c.lower_ in ("joint", "combined") for c in tok.children)):
            # "jets dropped bombs during a joint exercise with X": the jets' side is the other party
            keys += args.subject_actors(gov)
        keys += args.with_actors(gov, ("with",))
        # "On Sunday North Korea denounced the drills": the day of the words, not of the drills.
        talked_about = rel == "dobj" and not verb_in(gov, CONDUCT)
    m = Mention("MilitaryExercise", tok.sent, tok, _countries(args, dedupe(keys)), name=name)
    m.definite = any(c.lower_ in ("the", "this", "that", "these", "those", "its", "their") or c.dep_ == "poss"
                     for c in tok.children)
    m.fresh = any(c.lower_ in ("a", "an", "another", "separate") for c in tok.children) and not name
    m.place = args.place(anchors, skip=named)
    m.date, m.month = args.when(tok.sent, [a for a in anchors if not (talked_about and a is gov)], any(
        args.is_future(a) for a in anchors if a.pos_ in ("VERB", "AUX")))
    if m.date is None and (day := args.clock.story_day(tok.sent, anchors)) is not None:
        m.date, m.month = day.isoformat(), day.isoformat()[:7]  # "staged a drill from 3 p.m."
    return m


def _same_day(tok: Token) -> bool:
    """"was held the same day", "on that day": the clause holding the noun says its day is the
    day of the event told just before."""
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    return verb is not None and any(
        d.lemma_ == "day" and (d.head.i == verb.i or d.head.dep_ == "prep" and d.head.head.i == verb.i)
        and any(c.lower_ in ("same", "that") for c in d.children) for d in verb.children
        if d.dep_ in ("npadvmod", "prep") for d in ([d] if d.dep_ == "npadvmod" else pobjs(d)))


@extractor("kg.military_exercise.v1")
def extract_exercises(ctx: Context) -> list[MilitaryExercise]:
    args = EventArgs.of(ctx)
    mentions = [m for tok in tokens(args.doc) if _trigger(tok) and (m := _mention(args, tok)) is not None]
    clusters, _ = merge(args, mentions)
    clusters.sort(key=lambda c: min(m.trigger.i for m in c))
    out = []
    last_day = None
    for cluster in clusters:
        v = fold(cluster)
        if v.date is None and last_day is not None and any(_same_day(m.trigger) for m in cluster):
            v.date = last_day  # "A separate drill was held the same day": the drill told before's day
        last_day = v.date or last_day
        if not (v.participants or v.name):
            continue  # "drills" with nobody and nothing to tell them apart: not an event we can name
        sents = [m.sent for m in cluster]
        for n in {m.name for m in cluster if m.name}:  # "will take part in Freedom Edge": the name alone
            sents += [s for s in ctx.sentences if re.search(rf"\b{re.escape(n)}\b", s.text)]
        out.append(MilitaryExercise(participants=tuple(v.participants), place=v.place, date=v.date,
                                    name=v.name, evidence=args.evidence(sents)))
    return out
