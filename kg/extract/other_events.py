"""Other events: public warnings, sanctions, diplomatic protests and agreements signed.

Each is a light verb with its event noun as object ("lodged a protest", "imposed sanctions",
"signed a partnership program", "issued a navigational warning"), or a verb that is the event
itself ("protested", "sanctioned"); a warning is also an order to the public to take shelter
("J-Alert told residents of Okinawa to take cover"). The actors are the verb's subject, the target
the "against"/"on"/"with" phrase, the place a locative phrase. "Kim warns of consequences" is a
threat, not a warning to the public, and "in an apparent protest against the drills" names no
protest lodged: neither is an event here. These events are not meetings or exercises and stay out
of their counts; they carry evidence like every event.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract import Context, extractor
from kg.extract.event_args import EventArgs, dedupe
from kg.extract.event_setting import conjuncts, pobjs, verb_in
from kg.extract.tokens import tokens
from kg.records import OtherEvent

# kind -> (light verbs, event nouns as their object, verbs that are the event themselves)
FRAMES = {
    "Protest": ({"lodge", "file", "register", "make", "issue", "send", "deliver", "raise", "express"},
                {"protest"}, {"protest"}),
    "Sanction": ({"impose", "slap", "announce", "levy", "unveil", "adopt", "approve", "expand", "tighten",
                  "place", "issue", "put", "extend", "introduce"}, {"sanction"}, {"sanction"}),
    "Agreement": ({"sign", "ink", "conclude", "reach", "seal", "strike", "forge", "finalize", "finalise"},
                  {"agreement", "deal", "pact", "program", "programme", "accord", "treaty", "memorandum",
                   "partnership", "declaration", "arrangement"}, set()),
    "Warning": ({"issue", "send", "sound", "broadcast", "release", "put"},
                {"warning", "alert", "advisory", "evacuation"}, set()),
}
TARGET_PREPS = ("against", "on", "to", "with")
# A warning tells the public what to do.
PUBLIC = {"resident", "people", "citizen", "public", "population", "vessel", "ship", "aircraft",
          "inhabitant", "household", "everyone", "person", "mariner", "pilot"}
TELL = {"tell", "warn", "urge", "advise", "order", "instruct", "ask", "call", "alert"}
SHELTER = re.compile(r"\b(?:shelter|cover|evacuat\w*|indoors|inside|underground|refuge|watch|stay|"
                     r"building|basement|caution|away)\b", re.I)


def _frame(tok: Token) -> tuple[str, Token, Token] | None:
    """(kind, verb, event word) when ``tok`` is the verb of an event of one of the frames."""
    if tok.pos_ != "VERB":
        return None
    obj: Token | None
    for kind, (light, nouns, verbs) in FRAMES.items():
        if verb_in(tok, verbs) and not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) and (
                tok.dep_ not in ("amod", "acl")):
            return kind, tok, tok
        if verb_in(tok, light):
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
                if obj.lemma_.lower() in nouns or obj.lower_ in nouns:
                    return kind, tok, obj
    if verb_in(tok, TELL):  # "told residents of Okinawa to take cover"
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        rest = " ".join(t.text for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl")
                        for t in c.subtree)
        if obj is not None and obj.lemma_.lower() in PUBLIC and SHELTER.search(rest):
            return "Warning", tok, obj
    return None


def _target(args: EventArgs, verb: Token, word: Token) -> str | None:
    for head in (word, verb):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                keys = [k for o in pobjs(c) for k in args.actors(o)]
                if keys:
                    return keys[0]
    if word is verb:  # "sanctioned three North Korean officials"
        return next((k for c in verb.children if c.dep_ == "dobj" for k in args.actors(c)), None)
    return None


def _where(args: EventArgs, verb: Token, word: Token) -> str | None:
    """A locative phrase, or where the warned people are ("residents of Okinawa", "across Hokkaido")."""
    heads = [word, verb, *(o for c in word.children if c.dep_ == "prep" and c.lower_ == "for"
                           for o in pobjs(c))]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "across", "in", "through", "throughout"):
                for o in pobjs(c)[:1]:
                    if args.place_of(o):
                        return args.place_of(o)
    return args.place([verb, word])


def _issuer(args: EventArgs, verb: Token, place: str | None) -> list[str]:
    keys = args.subject_actors(verb)
    if args.subject(verb) is not None and not keys:  # "the J-Alert system": the country it serves
        keys = [k for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                for o in pobjs(c) for k in args.actors(o) if args.t.cls(k) == "Country"]
        ent = args.t.entities.get(place or "")
        while not keys and ent is not None:
            if ent.cls == "Country":
                keys = [ent.key]
            ent = args.t.entities.get(ent.within or "")
    return keys


def _events(ctx: Context, kind: str) -> list[OtherEvent]:
    args = EventArgs.of(ctx)
    key = ("other_events", id(ctx.doc))
    if key not in ctx.cache:
        ctx.cache[key] = [f for tok in tokens(args.doc) if (f := _frame(tok)) is not None]
    out: list[OtherEvent] = []
    seen: set[int] = set()
    for k, verb, word in ctx.cache[key]:
        if k != kind or (kind == "Warning" and verb.sent.start in seen):
            continue  # "issued a warning advising vessels to ...": one warning
        seen.add(verb.sent.start)
        if any(c.dep_ == "neg" for c in verb.children) or any(c.lower_ == "if" for c in verb.children):
            continue
        place = _where(args, verb, word)
        parts = _issuer(args, verb, place) if kind == "Warning" else args.subject_actors(verb)
        if kind == "Agreement":  # "reached an agreement with Japan": both are parties
            parts += args.with_actors(verb, ("with",)) + args.with_actors(word, ("with",))
        parts = dedupe(p for p in parts if args.t.cls(p) != "City" or p in ctx.entities.entities)
        if not parts and out:  # "It warned ...", "We issued the alert": the warning just reported
            prev = out[-1]
            out[-1] = OtherEvent(prev.kind, prev.participants, prev.target, prev.place, prev.date, prev.name,
                                 args.evidence([*(_sents(args, prev)), verb.sent]))
            continue
        if not parts and kind != "Warning":
            continue
        date = args.day(verb.sent, [verb, *conjuncts(verb)], args.is_future(verb))
        target = None if kind == "Agreement" else _target(args, verb, word)
        out.append(OtherEvent(kind=kind, participants=tuple(parts), target=target,
                              place=place, date=date, evidence=args.evidence([verb.sent])))
    return out


def _sents(args: EventArgs, rec: OtherEvent) -> list:
    return [args.doc.char_span(e.start, e.end, alignment_mode="expand") for e in rec.evidence]


@extractor("kg.warning.v1")
def extract_warnings(ctx: Context) -> list[OtherEvent]:
    return _events(ctx, "Warning")


@extractor("kg.sanction.v1")
def extract_sanctions(ctx: Context) -> list[OtherEvent]:
    return _events(ctx, "Sanction")


@extractor("kg.protest.v1")
def extract_protests(ctx: Context) -> list[OtherEvent]:
    return _events(ctx, "Protest")


@extractor("kg.agreement.v1")
def extract_agreements(ctx: Context) -> list[OtherEvent]:
    return _events(ctx, "Agreement")
