"""Who speaks: a reporting verb's subject, resolved to an entity key.

The subject is an entity of the table (a capital stands for its country), a pronoun ("he said":
the last person who was the subject of a clause or a speaker before), a surname the entity
table left unlinked ("Albanese condemned ... he said"), a definite description of a body named
before ("the command added": the last named body whose name has that noun), a titled
description ("the leader stressed": the person the document gave that title), a body of a
country ("the Japanese government": Japan) or someone speaking for a body ("a spokesperson for
the ministry"). Anonymous sources ("officials said", "a South Korean official") are nobody.

When the parser finds no subject at all (it misreads "Yoon, writing on social media, said" and
'"...," Shin, the defence minister, said'), the surface decides: the name between the quote and
its verb, else the first name that opens the verb's clause (at the line start or after a comma,
not after a preposition: "In a statement carried by KCNA, Kim, the leader's sister, called ...").

A country that speaks in a document that names the country's official news agency speaks
through that agency: "North Korea said ... 'X'" beside "the state news agency KCNA said" is the
agency's report.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract import Context
from kg.extract.event_args import HEAD_TITLES, EventArgs
from kg.extract.names import CREW_ROLES, fold
from kg.extract.roles import HEADS, find_roles
from kg.extract.roles_country import body_country
from kg.extract.roles_lexicon import RANKS
from kg.extract.statement_labels import STUDIO
from kg.extract.tokens import tokens

REPORTING = {
    "say", "tell", "add", "warn", "stress", "note", "insist", "urge", "claim", "declare",
    "announce", "state", "write", "tweet", "post", "quote", "ask", "reply", "respond", "explain",
    "caution", "vow", "pledge", "argue", "acknowledge", "admit", "confirm", "report", "describe",
    "call", "emphasise", "emphasize", "underline", "underscore", "reiterate", "remark", "comment",
    "complain", "demand", "accuse", "threaten", "criticise", "criticize", "condemn", "denounce",
    "assert", "maintain", "suggest", "predict", "promise", "brand", "label", "conclude", "recall",
    "reveal", "disclose", "answer", "deny", "dismiss", "boast", "lament", "concede",
    # Verbs of judging, whose quoted object is the speaker's words: "thanked him for his 'x'".
    "thank", "praise", "hail", "welcome", "slam", "blast", "mock", "decry", "deplore", "laud",
    "applaud", "term", "characterise", "characterize", "dub", "single", "refer",
    # Verbs of directing, whose quoted object is the order as given: 'ordered a "stern response"'.
    "order", "instruct", "direct",
    # Feelings put into words: 'expressed "grave concern"', 'voiced "deep regret"'.
    "express", "voice",
}
# Subjects that are a country speaking through its institutions: "the Japanese government said".
_BODIES = {"government", "military", "authorities", "army", "navy", "administration", "ministry",
           "cabinet", "regime"}
# Subjects that speak for the body they are "for": "a spokesperson for the ministry said".
_MOUTHS = {"spokesperson", "spokesman", "spokeswoman", "official", "officials", "representative"}
# Nouns that, with "the", refer back to a body named with that noun: "the command added".
_DESCRIPTIONS = {"ministry", "command", "agency", "department", "office", "council", "committee",
                 "administration", "party", "commission", "bureau", "service", "guard", "force",
                 "forces", "institute", "organisation", "organization", "alliance", "company"}
# Names of state bodies that news refer back to as "the agency".
_AGENCY_WORDS = {"administration", "bureau", "service", "authority", "commission", "office"}
_PRONOUNS = {"he", "she", "him", "her"}
_WORDS = {"argument", "remark", "comment", "claim", "accusation", "allegation", "statement", "word",
          "speech", "assertion", "charge", "criticism", "demand", "proposal", "offer", "threat", "warning"}
_GENDERED = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_HONORIFIC_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
# Words that make a news agency a state's mouthpiece: "the official KCNA", "state-run media".
_STATE = {"state", "official", "state-run", "state-controlled", "government", "government-run"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
SPEAKER_CLASSES = {"Person", "Organization", "GovernmentBody", "MilitaryBody", "NewsAgency",
                   "InternationalOrganization", "Country"}
# What may stand before a name that opens a clause: the line start, a comma, a dash.
_OPENERS = {",", ";", ":", "\u2014", "\u2013", "-", "(", "\n"}


def line(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) around text[start:end]: the parser may run lines together."""
    stop = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


def subjects(verb: Token) -> list[Token]:
    """Who does the reporting: the subjects, climbing to the governing verb for participles.

    "X quoted Y as saying" makes Y the speaker; "Kim, who said" the noun the clause describes.
    The model sometimes gives two subjects ("the state news agency KCNA"): both are returned.
    """
    tok: Token | None = verb
    while tok is not None:
        found = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")
                 and not (tok.dep_ == "relcl" and c.tag_ in ("WP", "WDT"))]
        if tok.lemma_ == "quote":  # "X quoted Y as saying", "Y was quoted as saying"
            found = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + found
        if not found and tok.dep_ == "conj" and tok.lemma_ in REPORTING and tok.head.dep_ == "ccomp" \
                and tok.head.head.lemma_ in REPORTING and all(
                    c.pos_ == "NOUN" for c in tok.head.children if c.dep_ == "nsubj"):
            # 'X said the remarks fell "short" and accused Y of "b"': remarks accuse no one; the
            # parser hung the second verb on the reported clause, not on "said".
            tok = tok.head.head
            continue
        if found:
            return found
        if tok.dep_ == "relcl":
            return [_antecedent(tok) or tok.head]
        if tok.dep_ not in ("advcl", "xcomp", "conj", "pcomp", "prep", "acl") or tok.head is tok:
            return []
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == "," \
                and tok.head.dep_ == "ccomp" and tok.head.head.lemma_ in REPORTING:
            # "X announced that the army would withdraw, describing it as 'a gift'": the participle
            # after the reported clause is the announcer's, wherever the parser hung it.
            tok = tok.head
        tok = tok.head
    return []


def _antecedent(clause: Token) -> Token | None:
    """"a spokesperson for the General Staff (KPA), who warned": who is the noun phrase just
    before the pronoun, whatever the parser hung the clause on."""
    who = next((c for c in clause.children if c.lower_ == "who" and c.dep_ in SUBJECTS), None)
    i = who.i - 1 if who is not None else -1
    while i >= clause.sent.start and clause.doc[i].is_punct:
        i -= 1
    if i < clause.sent.start:
        return None
    tok = clause.doc[i]
    for _ in range(6):
        if tok.dep_ == "appos" or tok.dep_ in ("compound", "nmod", "poss") and tok.head.i > tok.i:
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in ("of", "for", "at") and tok.head.head.pos_ in (
                "NOUN", "PROPN"):
            tok = tok.head.head
        else:
            break
    return tok if tok.pos_ in ("NOUN", "PROPN") else None


def is_journalist(ctx: Context, key: str) -> bool:
    cache = ctx.cache.setdefault("journalists", {})
    if key not in cache:
        cache[key] = _is_journalist(ctx, key)
    return cache[key]


def _is_journalist(ctx: Context, key: str) -> bool:
    """A person the text introduces as one of the programme's own ("correspondent Aiko Sato",
    a label "AIKO SATO, HOST:")."""
    name = fold(ctx.entities.entities[key].name) if key in ctx.entities.entities else None
    for m in re.finditer(r"^([^\W\d][\w .'-]{1,40}), ([A-Za-z-]+)\s*:", ctx.text, re.M):
        if m.group(2).lower() in CREW_ROLES and name and fold(m.group(1)) == name:
            return True
    for sent in ctx.sentences:
        for span, k in ctx.entities.in_span(sent):
            before = ctx.doc[max(sent.start, span.start - 3):span.start]
            if k == key and any(t.lower_ in STUDIO for t in before):
                return True
            # A transcript's own label: "JANE DOE, HOST:", "JOHN ROE, BYLINE:".
            after = ctx.doc[span.end:min(span.end + 2, len(ctx.doc))]
            if k == key and len(after) == 2 and after[0].text == "," and after[1].lower_ in CREW_ROLES:
                return True
    return False


class Speakers:
    """Resolves a reporting verb's subject to an entity key."""

    def __init__(self, ctx: Context, quoted: set[int]):
        self.ctx, self.table, self.doc, self.quoted = ctx, ctx.entities, ctx.doc, quoted
        # Persons named as (part of) a clause's subject, misparsed lists included ("Minister A and
        # Secretary B met", with A a modifier of B): the actors of the story, by token.
        self.actors: list[tuple[int, str]] = []
        for span, key in self.table.in_span(self.doc[:]):
            cur = span.root
            while cur.dep_ in ("compound", "nmod", "conj", "appos") and cur.head.i != cur.i:
                cur = cur.head
            if cur.dep_ in SUBJECTS and span.start not in quoted and self.table.cls(key) == "Person":
                self.actors.append((span.start, key))
        # Actors that were the subject of a clause (outside quotes), in text order: "he" is the
        # last such person, "it" the last such organisation or country.
        self.subjects: list[tuple[int, str]] = []
        for tok in tokens(self.doc):
            if tok.dep_ in SUBJECTS and tok.i not in quoted:
                actor = self.table.actor(self.table.entity_of(tok)) or self.surname(tok) or self._named(tok)
                if actor is not None:
                    self.subjects.append((tok.i, self.bare(tok, actor) or actor))
        self.genders = self._genders()
        self._agencies = self._reporting_agencies()

    def _named(self, tok: Token) -> str | None:
        """The person a subject that is no name stands for: "The US envoy, Jane Roe, rejected it",
        "Roe's deputy, Ann Lee, who warned": the next "she said" may be theirs."""
        if tok.lower_ == "who":
            tok = _antecedent(tok.head) or tok
        # The parser may hang the apposition on the office's object ("ambassador to Peru, Jane Roe").
        objs = [o for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        for child in (tok, *tok.children, *(c for o in objs for c in o.children)):
            if child is tok or child.dep_ == "appos":
                key = self.table.entity_of(child)
                if self.table.cls(key) == "Person":
                    return key
        return None

    def _genders(self) -> dict[str, str]:
        """Persons whose sex the text shows: "Ms Lee", or a possessive in their own clause
        ("Tanaka urged her counterparts"). A person shown both ways is left out."""
        seen: dict[str, set[str]] = {}
        for tok in tokens(self.doc):
            if tok.lower_.rstrip(".") in _HONORIFIC_SEX and tok.i + 1 < len(self.doc):
                key = self.table.entity_of(self.doc[tok.i + 1 + (self.doc[tok.i + 1].text == ".")])
                if self.table.cls(key) == "Person":
                    assert key is not None
                    seen.setdefault(key, set()).add(_HONORIFIC_SEX[tok.lower_.rstrip(".")])
        for i, key in self.subjects:
            tok = self.doc[i]
            if self.table.cls(key) != "Person" or tok.lower_ in _GENDERED:
                continue
            verb = tok.head
            if sum(c.dep_ in SUBJECTS for c in verb.children) != 1:
                continue
            # Not someone's words answered: "Roe rejected his arguments" are another's.
            for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.lemma_ not in _WORDS):
                for poss in (c for c in obj.children if c.dep_ == "poss" and c.lower_ in _GENDERED):
                    seen.setdefault(key, set()).add(_GENDERED[poss.lower_])
        return {k: v.pop() for k, v in seen.items() if len(v) == 1}

    def spoke(self, i: int, key: str) -> None:
        """Record that ``key`` spoke at token ``i``: the next "he said" may be them."""
        self.subjects.append((i, key))
        self.subjects.sort()

    def last_subject(self, before: int, person: bool, sex: str | None = None) -> str | None:
        hit = [k for i, k in self.subjects if i < before and (self.table.cls(k) == "Person") == person]
        if sex is not None and hit:
            # "she said" is not a man's: the last subject not shown to be of the other sex,
            # but one shown to be hers earlier in the paragraph comes first ("Tanaka urged her
            # peers, and Smith agreed. '...,' she said": Tanaka).
            hit = [k for k in hit if self.genders.get(k, sex) == sex] or hit
            lo, _ = line(self.ctx.text, self.doc[before].idx, self.doc[before].idx)
            para = {k for i, k in self.subjects if i < before and self.doc[i].idx >= lo}
            same = [k for k in hit if k in para and self.genders.get(k) == sex]
            if same and self.genders.get(hit[-1]) is None:
                return same[-1]
        if hit or not person:
            return hit[-1] if hit else None
        start = self.doc[before].idx
        persons = [m.entity for m in self.table.mentions
                   if m.start < start and self.table.cls(m.entity) == "Person"]
        return persons[-1] if persons else None

    def bare(self, tok: Token, key: str | None) -> str | None:
        """A bare surname that several persons of the document share ("Kim said"), which the table
        linked to one never named as a subject before, is the last of them who was: not one only
        named in passing since ("Kim was accompanied by his daughter, Kim Ju-yeon. Kim said ...")."""
        span = self.table.span_of(tok)
        if key is None or self.table.cls(key) != "Person" or span is None or len(span) != 1:
            return key
        word = fold(tok.text)
        if fold(self.table.entities[key].name) == word:
            return key
        same = {k for k, e in self.table.entities.items() if e.cls == "Person" and k != key
                and word in fold(e.name).split() and not is_journalist(self.ctx, k)}
        actors = [k for i, k in self.actors if i < tok.i and self.table.span_of(self.doc[i]) != span]
        if not same or key in actors:
            return key
        hit = [k for k in actors if k in same]
        return hit[-1] if hit else key

    def surname(self, tok: Token) -> str | None:
        """An unlinked proper noun that is one word of exactly one person's name."""
        if tok.pos_ != "PROPN" or not tok.is_title or self.table.entity_of(tok) is not None:
            return None
        word = fold(tok.text)
        hits = {k for k, e in self.table.entities.items()
                if e.cls == "Person" and word in fold(e.name).split()}
        if len(hits) > 1:
            # "correspondent Ann Kim ... Kim told Putin": the programme's own people are not
            # whom its reports quote.
            hits = {k for k in hits if not is_journalist(self.ctx, k)}
        if len(hits) > 1:
            # "leader Kim Jong-un vowing ... Kim said ... He was accompanied by Kim Ju-ae": of the
            # persons sharing the word, the last one named as a clause's subject before it.
            actors = [k for i, k in self.actors if i < tok.i and k in hits]
            hits = {actors[-1]} if actors else hits
        return hits.pop() if len(hits) == 1 else None

    def described(self, tok: Token) -> str | None:
        """ "the command": the body named last before with that noun in its name."""
        if not tok.is_lower or tok.lemma_ not in _DESCRIPTIONS or \
                not any(c.lower_ in ("the", "this") for c in tok.children):
            return None
        bodies = [m.entity for m in self.table.mentions if m.end <= tok.idx
                  and self.table.cls(m.entity) not in (None, "Person", "Country", "City", "Region")]
        hits = [k for k in bodies if tok.lemma_ in fold(self.table.entities[k].name).split()]
        if not hits and tok.lemma_ == "agency":
            # "the agency" is also what news call a state's administration, bureau or service
            # ("the National Space Administration said ... The agency added").
            hits = [k for k in bodies if self.table.cls(k) in ("GovernmentBody", "Organization")
                    and _AGENCY_WORDS & set(fold(self.table.entities[k].name).split())]
        return hits[-1] if hits else None

    def titled(self, noun: Token) -> str | None:
        """"the leader": the person the document titled so, most recently before."""
        holders = [r for r in find_roles(self.ctx) if noun.lower_ in r.title.split()
                   and r.evidence.start < noun.idx]
        if holders:
            return holders[-1].person
        # An office no role was read for (its country unsaid): "the Minister stated" after
        # "Minister of Fisheries Ana Ruiz visited ...": the last person the text titled so.
        doc, named = self.doc, None
        for span, key in self.table.in_span(doc[:noun.i]):
            if self.table.cls(key) == "Person" and any(
                    t.lower_ == noun.lower_ for t in doc[max(span.sent.start, span.start - 5):span.start]):
                named = key
        return named

    def of(self, tok: Token) -> str | None:
        # "China's foreign ministry spokesman, Wang Wenbin, said": the person in apposition speaks.
        for child in tok.children:
            if child.dep_ == "appos" and self.table.cls(self.table.entity_of(child)) == "Person":
                return self.table.entity_of(child)
        # "the US ambassador to the UN, Nikki Haley, warned": the parser may hang the name set off
        # after the office on the office's preposition.
        if tok.lower_ in HEADS:
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                named = [g for g in prep.children if g.dep_ in ("pobj", "appos") and g.i > tok.i + 2
                         and self.doc[g.left_edge.i - 1].text == ","
                         and self.table.cls(self.table.entity_of(g)) == "Person"]
                if named:
                    return self.table.entity_of(named[0])
        key = self.described(tok)
        if key is not None:
            return key
        key = self.table.entity_of(tok)
        if key is not None:
            return self.bare(tok, self.table.actor(key))
        if tok.lower_ in _PRONOUNS or tok.lower_ == "it":
            return self.last_subject(tok.i, person=tok.lower_ != "it", sex=_GENDERED.get(tok.lower_))
        for child in tok.children:  # "the state news agency KCNA": the name is an apposition
            if child.dep_ in ("appos", "compound", "nmod") and self.table.entity_of(child):
                # "a senior U.S. defense official" is one anonymous person, not the country.
                if tok.lower_ in _MOUTHS and self.table.cls(self.table.entity_of(child)) == "Country":
                    continue
                return self.table.actor(self.table.entity_of(child))
        key = self.surname(tok)
        if key is not None:
            return key
        if tok.lower_ in HEADS and any(c.lower_ in ("the", "this") for c in tok.children):
            return self._national_head(tok) or self.titled(tok)
        # "a spokesperson for the ministry", "a spokesman for the South Korean government"
        if tok.lower_ in _BODIES or tok.lower_ in _MOUTHS:
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    key = self.of(obj)
                    if key is not None and self.table.cls(key) != "Person":
                        return key
        # "Yoon's office said": a leader's office speaks for the leader.
        if tok.lower_ == "office":
            for owner in (c for c in tok.children if c.dep_ == "poss"):
                key = self.table.entity_of(owner) or self.surname(owner)
                if self.table.cls(key) == "Person":
                    return key
        # "the Japanese government", "North Korea's military"; not "a Japanese official", who is
        # one anonymous person, not the country.
        if tok.lower_ in _BODIES:
            for other in (c for c in tok.children if c.dep_ in ("amod", "compound", "poss")):
                key = self.table.actor(self.table.entity_of(other))
                if self.table.cls(key) == "Country":
                    return key
        return None

    def _national_head(self, noun: Token) -> str | None:
        """"the Japanese leader said", "the South Korean president": the person the document
        makes that country's head of state or government."""
        words = " ".join(t.lower_ for t in noun.children if t.dep_ == "compound") + " " + noun.lower_
        if not HEAD_TITLES.search(words) or noun.lower_ == "minister" and "prime" not in words:
            return None
        for mod in (c for c in noun.children if c.dep_ in ("amod", "compound", "poss")):
            country = self.table.actor(self.table.entity_of(mod))
            if self.table.cls(country) == "Country":
                return EventArgs.of(self.ctx).leader_of(country)
        return None

    # ------------------------------------------------------------ no parsed subject

    def _speaker_at(self, tok: Token) -> str | None:
        key = self.table.actor(self.table.entity_of(tok)) or self.surname(tok)
        return key if self.table.cls(key) in SPEAKER_CLASSES else None

    def surface(self, verb: Token, quotes: list[Span]) -> str | None:
        """The speaker by word order, for a verb the parser left without a subject."""
        doc, text = self.doc, self.ctx.text
        lo, _ = line(text, verb.idx, verb.idx)
        first = next((t.i for t in doc[verb.sent.start:verb.i] if t.idx >= lo), verb.i)
        ends = [q.end for q in quotes if first <= q.end <= verb.i]
        if ends:
            # '"...," Shin Won-sik, South Korea's defence minister, said'
            stretch = doc[max(ends):verb.i]
            if any(t.is_alpha for t in stretch):
                return self.first_name(stretch, opening=False)
            # '"...," said Shin Won-sik'
            nxt = verb.i + 1
            return self._speaker_at(doc[nxt]) if nxt < len(doc) and nxt not in self.quoted else None
        # "Yoon, writing on social media, said:", "In a statement ..., Kim, the sister ..., called"
        return self.first_name(doc[first:verb.i], opening=True)

    def first_name(self, stretch: Span, opening: bool) -> str | None:
        """The first speaker named in ``stretch``, not as a possessive ("Japan's minister ...");
        ``opening``: only a name at the stretch's start or after a comma or dash, not the object
        of a preposition ("carried by KCNA") or a verb."""
        doc = self.doc
        for tok in stretch:
            span = self.table.span_of(tok)
            if tok.i in self.quoted or (span is not None and span.start != tok.i):
                continue
            j = tok.i - 1  # "..., Lt. Gen. Kim Yong Bok, ...": a rank before the name
            while j > stretch.start and (doc[j].text == "." or doc[j].lower_.rstrip(".") + "." in RANKS
                                         or doc[j].lower_.rstrip(".") in RANKS):
                j -= 1
            prev = doc[j] if j >= stretch.start and tok.i > stretch.start else None
            if opening and prev is not None and prev.text not in _OPENERS and not prev.is_space:
                continue
            key = self._speaker_at(tok)
            end = span.end if span is not None else tok.i + 1
            if key is not None and not (end < len(doc) and doc[end].lower_ in ("'s", "\u2019s", "'")):
                return key
        return None

    # ------------------------------------------------------------ a country's voice

    def _reporting_agencies(self) -> dict[str, set[str]]:
        """News agencies the document calls a state's own, by country: "the official Korean
        Central News Agency", "state news agency KCNA" (not a public broadcaster reporting)."""
        out: dict[str, set[str]] = {}
        for tok in tokens(self.doc):
            key = self.table.entity_of(tok)
            if self.table.cls(key) != "NewsAgency" or tok.i in self.quoted:
                continue
            span = self.table.span_of(tok)
            assert key is not None and span is not None  # a news agency's token
            before = {t.lower_ for t in self.doc[max(0, span.start - 3):span.start]}
            country = body_country(self.table, key)
            if before & _STATE and country:
                out.setdefault(country, set()).add(key)
        return out

    def voice(self, key: str) -> str:
        """A country speaks through its news agency when the document cites that agency."""
        agencies = self._agencies.get(key, set()) if self.table.cls(key) == "Country" else set()
        return next(iter(agencies)) if len(agencies) == 1 else key
