"""Statements: who said what, as the article quotes it.

A statement is anchored on quotation marks (straight or curly, double or single) and a
reporting verb ("said", "told", "warned", "quoted ... as saying", "according to") whose
complement holds the quote, in any order: '"We will respond," he said.', 'X said: "..."',
'"...," said X.', and partial quotes inside reported speech ('Pyongyang would pay for its
"reckless provocations", he said.'). Broadcast transcripts mark soundbites with a speaker
label instead ("MATSUNO (recorded): We issued the alert ..."), and live blogs a label after a
time stamp ("08:15 — Col. X (JCS spokesperson): '...'"); see :mod:`kg.extract.statement_labels`.

What the quote is: the quoted words when they are the whole reported content (``direct``);
for a partial quote, the reported clause around it, with the quote marks dropped
(``direct=False``). The clause contains the quoted fragment, so a reader (or a scorer) who
wants either finds it, and one statement is made, not two.

Reported speech without quotation marks ("The JCS said the missile flew 1,000km") is not a
statement here: news repeats it for nearly every fact, and those facts are extracted by the
event extractors with the speaker as their source.

A quote that runs over paragraphs (by convention, no closing mark at the end of a paragraph the
next one goes on quoting) is one statement with the verb that closes it. Verbs of judging count
as reporting ("thanked him for his 'courage'", "hailed the 'new era'").

The speaker is the reporting verb's subject, resolved by :mod:`kg.extract.statement_speakers`
(pronouns, surnames, "the ministry", a leader's office, word order where the parse fails, a
state speaking through its official news agency). Anonymous sources ("officials said", "a South
Korean official") are nobody: their quotes are left out rather than put in a country's mouth.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract import Context, extractor
from kg.extract.event_args import PEOPLE_NOUNS, TITLE_NOUNS
from kg.extract.names import fold
from kg.extract.roles import line_evidence
from kg.extract.statement_labels import find_labels
from kg.extract.statement_speakers import (
    REPORTING,
    SPEAKER_CLASSES,
    SUBJECTS,
    Speakers,
    is_journalist,
    line,
    subjects,
)
from kg.extract.temporal import find_times
from kg.records import Statement

# Quote marks: (open, close) pairs, tried in this order.
_PAIRS = (("\u201c", "\u201d"), ("\u2018", "\u2019"))
_LEAD = {"that", "of", "as", "about", "if", "whether", "only", "also", "simply", "just"}


@dataclass
class _Quote:
    start: int       # character offsets of the quoted words, marks excluded
    end: int
    runs_on: bool = False  # an unclosed quote that the next paragraph's quote continues


def find_quotes(text: str) -> list[_Quote]:
    """Quoted passages of ``text``: curly pairs, then straight pairs within a paragraph.

    Straight double quotes pair in order within a paragraph. Single quotes only count at word
    boundaries ("'fatal consequences'"), so apostrophes ("don't", "allies'") are left alone.
    """
    out: list[_Quote] = []
    for open_, close in _PAIRS:
        pat = rf"{open_}([^{open_}{close}\n]+?){close}(?!\w)" if open_ == "\u2018" else \
            rf"{open_}([^{open_}{close}]+?){close}"
        out += [_Quote(m.start(1), m.end(1)) for m in re.finditer(pat, text)]
    for para in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in re.finditer('"', para.group())]
        out += [_Quote(para.start() + a + 1, para.start() + b) for a, b in zip(marks[::2], marks[1::2],
                                                                               strict=False)]
        for m in re.finditer(r"(?:^|(?<=[\s(\[\u2014]))'(?=\w)([^'\n]*?\w[.,!?]?)'(?=[\s.,;:!?)\u2014]|$)",
                             para.group()):
            out.append(_Quote(para.start() + m.start(1), para.start() + m.end(1)))
    out += _run_on(text)
    out = [q for q in out if text[q.start:q.end].strip()]
    # A quote inside a quote ("He said 'no'", in double marks) is part of the outer one.
    out = [q for q in out if not any(o.start < q.start and q.end < o.end for o in out)]
    return sorted(out, key=lambda q: q.start)


def _run_on(text: str) -> list[_Quote]:
    """Quotes running over paragraphs: by convention a quoted paragraph that the next one goes
    on quoting has no closing mark, and the next one opens with a mark again."""
    out = []
    paras = list(re.finditer(r"[^\n]+", text))
    for para, nxt in zip(paras, paras[1:], strict=False):
        line, follow = para.group(), nxt.group().lstrip()
        curly = line.rfind("\u201c") > line.rfind("\u201d") and follow.startswith("\u201c")
        straight = line.count('"') % 2 == 1 and follow.startswith('"')
        if curly or straight:
            start = para.start() + (line.rfind("\u201c") if curly else line.rfind('"')) + 1
            out.append(_Quote(start, para.end(), runs_on=True))
    return out


def _is_name(text: str) -> bool:
    """A quoted name, not speech: "Freedom Edge", "Hwasong-18"."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*|\d[\w-]*", text)]
    return 0 < len(words) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in words)


def _frame(doc: Doc, text: str, qspan: Span) -> Token | None:
    """The reporting verb whose clause holds the quote (nearest ancestor outside the quote)."""
    inside = range(qspan.start, qspan.end)
    lo, hi = line(text, qspan.start_char, qspan.end_char)
    best: tuple[int, Token] | None = None
    # The closing full stop inside the marks hangs on the sentence's root, not on the words quoted
    # ('..., adding that it would keep "close contact."'): it says nothing of the frame.
    words = [t for t in qspan if not t.is_punct] or list(qspan)
    for tok in words:
        depth = 0
        for anc in tok.ancestors:
            depth += 1
            if anc.i in inside:
                continue
            if not lo <= anc.idx < hi:
                continue  # a run-together line's word: look further up, on the quote's line
            if anc.lemma_ in REPORTING and anc.pos_ in ("VERB", "AUX"):
                if best is None or depth < best[0]:
                    best = (depth, anc)
                break
            if anc.lower_ == "according":
                best = (0, anc)
                break
    if best is not None:
        # 'Yoon said the allies would respond to the "illegal cooperation"': quoted words in a
        # reported clause that tells no act of speaking (a modal "would respond", or a thing that
        # cannot speak "maintaining" a posture) are the reporter's; "KCNA said the leader
        # stressed that ..." keeps the leader's.
        verb = best[1]
        while True:
            clause, outer = _reported_clause(verb)
            if outer is None or not (any(c.tag_ == "MD" for t in (verb, clause) for c in t.children)
                                     or _mute(clause)) \
                    or outer.lemma_ not in REPORTING or outer.pos_ not in ("VERB", "AUX") \
                    or not lo <= outer.idx < hi or outer.i in inside:
                break
            verb = outer
        best = (best[0], verb)
    if best is None:
        # "X's message, he added, was "aimed at ..."": a parenthetical reporting clause hangs off
        # the quoted one.
        sent = qspan[0].sent
        # 'X stated in a briefing: "We warn ..."': the parser may also hang the frame before the
        # quote on the quoted verb as its clausal complement.
        best = next(((0, t) for t in doc[sent.start:sent.end] if (t.dep_ == "parataxis" or (
                         t.dep_ == "ccomp" and t.head.i in inside and t.i < qspan.start))
                     and t.lemma_ in REPORTING and t.pos_ == "VERB" and t.i not in inside
                     and t.i < qspan.start and lo <= t.idx < hi
                     and any(c.dep_ == "nsubj" for c in t.children)), None)
    if best is None:
        # "According to X, the missile "flew ..."": the phrase hangs off the quoted clause.
        sent = qspan[0].sent
        best = next(((0, t) for t in doc[sent.start:sent.end] if t.lower_ == "according"
                     and t.i not in inside and lo <= t.idx < hi and _according(t) is not None), None)
    return best[1] if best else None


def _frame_after(doc: Doc, text: str, qspan: Span) -> Token | None:
    """ '"WAR TO END! ... in Korea!" Trump tweeted hours after ...': a reporting verb right after
    the closing mark, with only its subject's name between, frames the quote even when the parser
    started a sentence at the quote's own "!"."""
    lo, hi = line(text, qspan.start_char, qspan.end_char)
    j = qspan.end
    while j < len(doc) and (doc[j].is_quote or doc[j].is_punct) and doc[j].text not in ("(", "["):
        j += 1
    for tok in doc[j:min(len(doc), j + 5)]:
        if not lo <= tok.idx < hi:
            return None
        if tok.lemma_ in REPORTING and tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VBD", "VBZ", "VBN"):
            return tok if tok.i > j else None
        if not (tok.pos_ in ("PROPN", "PRON") or tok.text[:1].isupper()):
            return None
    return None


def _colon_before(doc: Doc, qspan: Span) -> int | None:
    """The index of the colon just before the quote's opening mark, if there is one."""
    i = qspan.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    return i if i >= 1 and doc[i].text == ":" else None


def _told_before_colon(doc: Doc, text: str, qspan: Span) -> Token | None:
    """ '..., when Kim told reporters, after being asked whether ...: "If I ..."': the last act of
    speaking with a subject of its own before the colon that opens the quote, however the parser
    hung the quote's words on the sentence."""
    i = _colon_before(doc, qspan)
    if i is None:
        return None
    lo, _ = line(text, doc[i].idx, doc[i].idx)
    told = [t for t in doc[doc[i].sent.start:i] if t.idx >= lo and t.lemma_ in REPORTING and t.pos_ == "VERB"
            and t.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "nsubj" for c in t.children)]
    return told[-1] if told else None


def _colon_frame(doc: Doc, text: str, qspan: Span) -> Token | None:
    """The colon that introduces a quote after a speaker phrase with no reporting verb the
    parser saw: 'Kishida, speaking to reporters in Bangkok: "..."'. The colon stands for the
    verb; the speaker is the name that opens the phrase (:meth:`Speakers.surface`)."""
    i = _colon_before(doc, qspan)
    if i is None:
        return None
    lo, _ = line(text, doc[i].idx, doc[i].idx)
    phrase = [t for t in doc[doc[i].sent.start:i] if t.idx >= lo]
    # Only a phrase without a finite verb of its own ("The minister visited the base: ..." is
    # no frame): a name, an apposition, a participle.
    if not phrase or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.lemma_ not in REPORTING for t in phrase):
        return None
    return doc[i]


# Subjects that can speak although common nouns ("the leader stressed", "officials said").
_SPEAKING_NOUNS = TITLE_NOUNS | PEOPLE_NOUNS | {"official", "officials", "spokesman", "spokeswoman", "agency",
                                               "ministry", "government", "office", "media", "analyst"}


def _reported_clause(verb: Token) -> tuple[Token, Token | None]:
    """The clause ``verb`` is the act of (climbing "agreed to respond"), and the verb that reports
    that clause: its head for a complement, the verb of the object the parser hung a that-clause
    on ("told the gathering that Seoul would respond", read as a relative clause)."""
    clause = verb
    while clause.dep_ == "xcomp" and clause.head is not clause:
        clause = clause.head
    if clause.dep_ == "ccomp":
        return clause, clause.head
    if clause.dep_ == "relcl" and clause.head.dep_ in ("dobj", "dative") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return clause, clause.head.head
    return clause, None


def _mute(verb: Token) -> bool:
    """The verb's subject is a common noun that does not speak ("the military was maintaining")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() not in _SPEAKING_NOUNS


def _whole_sentences(doc: Doc, qspan: Span) -> bool | None:
    """The quote starts a sentence and nothing but its closing mark follows it in the sentence."""
    first = qspan[0].is_sent_start or (qspan.start > 0 and doc[qspan.start - 1].is_sent_start)
    rest = doc[qspan.end:qspan[-1].sent.end]
    return first and all(t.is_punct or t.is_space for t in rest)


def _opens_sentence(doc: Doc, text: str, q: _Quote, qspan: Span) -> bool | None:
    """A quote that opens its sentence and ends in a comma ('"We will act," ...') is all that
    is reported, whatever the parser makes of the words after it."""
    opens = qspan[0].is_sent_start or (qspan.start > 0 and doc[qspan.start - 1].is_sent_start)
    return opens and (text[q.end - 1:q.end] in (",", "?", "!") or text[q.end + 1:q.end + 2] == ",")


def _according(tok: Token) -> Token | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _content(doc: Doc, text: str, verb: Token, qspan: Span, subj: Token | None) -> tuple[int, int]:
    """Character range of what is reported: the verb's complement that holds the quote."""
    for child in verb.children:
        if child is subj or child.dep_ in SUBJECTS or child.dep_ == "punct":
            continue
        sub = list(child.subtree)
        # "told the gathering that Seoul would ...": the that-clause, not the hearers.
        sub = next((list(c.subtree) for c in child.children if c.dep_ == "relcl"
                    and _reported_clause(c)[1] == verb and c.left_edge.i <= qspan.start <= c.right_edge.i),
                   sub)
        if sub[0].i <= qspan.start < sub[-1].i + 1 or qspan.start <= sub[0].i < qspan.end:
            # 'said the remarks fell "short" and accused Y of "b"': a second act of speaking joined
            # to the clause is a statement of its own (see :func:`subjects`), not part of this one.
            joined = next((t for t in sub if t.dep_ == "conj" and t.i >= qspan.end and t.pos_ == "VERB"
                           and t.lemma_ in REPORTING), None)
            if joined is not None:
                sub = [t for t in sub if t.i < joined.left_edge.i]
                while len(sub) > 1 and (sub[-1].dep_ == "cc" or sub[-1].is_punct and not sub[-1].is_quote):
                    sub.pop()
            lo = min(sub[0].i, qspan.start)
            hi = max(sub[-1].i + 1, qspan.end)
            while lo < hi and (doc[lo].lower_ in _LEAD or doc[lo].is_punct) and lo < qspan.start:
                lo += 1
            first, last = line(text, qspan.start_char, qspan.end_char)
            return max(first, doc[lo].idx), min(last, doc[hi - 1].idx + len(doc[hi - 1]))
    return qspan.start_char, qspan.end_char


def _around(according: Token, parts: list[tuple[_Quote, Span]]) -> tuple[int, int]:
    """What "according to X" attributes: the sentence around the quotes, minus that phrase."""
    sent = parts[0][1][0].sent
    phrase = {t.i for t in according.subtree}
    toks = [t for t in sent if t.i not in phrase and not t.is_space]
    while toks and toks[0].is_punct and not toks[0].is_quote:
        toks.pop(0)
    while toks and toks[-1].is_punct and not toks[-1].is_quote:
        toks.pop()
    if not toks:
        return parts[0][0].start, parts[-1][0].end
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _clean(text: str, start: int, end: int, marks: list[int]) -> str:
    """``text[start:end]`` without the quote marks at ``marks`` and without edge punctuation."""
    chars = [c for i, c in enumerate(text[start:end], start) if i not in marks]
    return " ".join("".join(chars).split()).strip(" ,;:\u2014\u2013-").rstrip(".")


def _date(ctx: Context, sents: list[Span], content: tuple[int, int]) -> str | None:
    """The day the frame names ("said on Sunday"), else publication; None for a vague time."""
    pub = ctx.article.published
    if pub is None:
        return None
    start = min(s.start_char for s in sents)
    text = ctx.text[start:max(s.end_char for s in sents)]
    a, b = content[0] - start, content[1] - start
    masked = text[:a] + " " * (b - a) + text[b:]
    for m in find_times(masked, pub):
        if m.kind in ("day", "clock") and m.day is not None:
            return m.day.isoformat()
        if m.kind == "period":
            return None
    return pub.isoformat()


def _transcript(ctx: Context) -> list[Statement]:
    """Soundbites under a speaker label (:mod:`kg.extract.statement_labels`)."""
    out = []
    for label in find_labels(ctx):
        if ctx.entities.cls(label.speaker) == "Person" and is_journalist(ctx, label.speaker):
            continue
        span = ctx.doc.char_span(*label.text, alignment_mode="expand")
        if span is None:
            continue
        date = ctx.article.published.isoformat() if ctx.article.published else None
        words = " ".join(ctx.text[label.text[0]:label.text[1]].split())
        out.append(Statement(label.speaker, words, True, date, (line_evidence(ctx, [span]),)))
    return out


def _speaker(ctx: Context, speakers: Speakers, verb: Token,
             parts: list[tuple[_Quote, Span]]) -> tuple[str | None, Token | None]:
    """The verb's speaker (by its parsed subject, else by word order) and the subject token."""
    subjs = [_according(verb)] if verb.lower_ == "according" else subjects(verb)
    subj = next((t for t in subjs if t is not None and speakers.of(t)), None)
    if subj is not None:
        return speakers.of(subj), subj
    lo, _ = line(ctx.text, verb.idx, verb.idx)
    if verb.text == ":":  # a colon frame: the first name of the phrase, a title before it or not
        first = next((t.i for t in ctx.doc[verb.sent.start:verb.i] if t.idx >= lo), verb.i)
        return speakers.first_name(ctx.doc[first:verb.i], opening=False), None
    if verb.lower_ != "according" and all(t is None or t.idx < lo for t in subjs):
        # No subject, or one on a headline the parser ran into this line: read the surface.
        return speakers.surface(verb, [s for _, s in parts]), None
    return None, None


def find_statements(ctx: Context) -> list[Statement]:
    doc, text = ctx.doc, ctx.text
    quotes = [q for q in find_quotes(text) if not _is_name(text[q.start:q.end])]
    found = [(q, doc.char_span(q.start, q.end, alignment_mode="expand")) for q in quotes]
    spans = [(q, s) for q, s in found if s is not None and len(s)]
    quoted = {t.i for _, s in spans for t in s}
    speakers = Speakers(ctx, quoted)
    # Quotes sharing one reporting verb ('"A," he said, "B."') are one statement.
    grouped: dict[tuple[int, int], list[tuple[_Quote, Span]]] = {}
    last_on_line: dict[int, int] = {}
    pending: list[tuple[_Quote, Span]] = []  # run-on paragraphs waiting for their verb
    for q, qspan in spans:
        verb = _frame(doc, text, qspan) or _colon_frame(doc, text, qspan) or _frame_after(doc, text, qspan) \
            or _told_before_colon(doc, text, qspan)
        start = line(text, q.start, q.end)[0]
        if verb is None and q.runs_on:
            pending.append((q, qspan))
            continue
        if verb is None and start in last_on_line and _whole_sentences(doc, qspan):
            # '"A," he said. "B."': a quote of whole sentences is the same speaker's, but a
            # statement of its own.
            vi = last_on_line[start]
            grouped.setdefault((vi, q.start), []).extend([*pending, (q, qspan)])
            pending = []
            continue
        elif verb is not None:
            vi = last_on_line[start] = verb.i
        else:
            pending = []
            continue
        grouped.setdefault((vi, -1), []).extend([*pending, (q, qspan)])
        pending = []
    out: list[Statement] = []
    fragments: dict[int, set[str]] = {}  # the quoted words of a partial quote, by statement
    for (vi, _), parts in sorted(grouped.items()):
        verb, parts = doc[vi], sorted(parts, key=lambda p: p[0].start)
        speaker, subj = _speaker(ctx, speakers, verb, parts)
        if speaker is None or ctx.entities.cls(speaker) not in SPEAKER_CLASSES:
            continue
        speakers.spoke(vi, speaker)
        speaker = speakers.voice(speaker)
        marks = [i for q, _ in parts for i in (q.start - 1, q.end)]
        if verb.lower_ == "according":
            content = _around(verb, parts)
            quote, direct = _clean(text, *content, marks), False
        elif len(parts) > 1:
            # '"A," he said. "B."', 'should "A" and "B"': each quoted part is a statement of its
            # own (the words between them are the reporter's). A sentence the frame interrupts
            # ('"A," he said, "and b."') or a quote run on over paragraphs stays one.
            for run in _runs(text, parts):
                pieces = [_clean(text, q.start, q.end, marks) for q, _ in run]
                # Each part keeps its own sentence end: '"A. "B."' over two paragraphs is "A. B".
                piece = " ".join(p + ("." if nxt[:1].isupper() and p[-1:].isalnum() else "")
                                 for p, nxt in zip(pieces, [*pieces[1:], ""], strict=True))
                if len(piece.split()) < 2:
                    continue
                span = (run[0][0].start, run[-1][0].end)
                out.append(Statement(speaker, piece, True, _date(ctx, [s.sent for _, s in run], span),
                                     (line_evidence(ctx, [doc[vi:vi + 1], *(s for _, s in run)]),)))
            continue
        else:
            q, qspan = parts[0]
            content = _content(doc, text, verb, qspan, subj)
            if _opens_sentence(doc, text, q, qspan) and verb.i >= qspan.end:
                content = (q.start, q.end)  # '"...," Shin, the minister, said': misparsed frame
            direct = content[0] >= q.start - 1 and content[1] <= q.end + 1
            quote = _clean(text, q.start, q.end, marks) if direct else _clean(text, *content, marks)
        if len(quote.split()) < 2:
            continue
        sents = list({t.sent.start: t.sent for t in [verb, *(t for _, s in parts for t in s)]}.values())
        sents.sort(key=lambda s: s.start)
        frame = [doc[vi:vi + 1], *(s for _, s in parts)]
        out.append(Statement(speaker, quote, direct, _date(ctx, sents, content),
                             (line_evidence(ctx, frame),)))
        if not direct and len(parts) == 1:
            fragments[id(out[-1])] = _words(text[parts[0][0].start:parts[0][0].end])
    out += _transcript(ctx)
    return _dedupe(_headline_repeats(ctx, out, fragments))


def _headline_repeats(ctx: Context, stmts: list[Statement],
                      fragments: dict[int, set[str]]) -> list[Statement]:
    """A headline's reported clause around a word the body quotes from the same speaker is that
    quote again: "X says it tested 'final' missile" over "X called it "the final version"."."""
    title = (ctx.article.title or "").strip()
    pos = ctx.text.find(title) if title else -1
    if pos < 0:
        return stmts

    def repeat(s: Statement) -> bool:
        words = fragments.get(id(s))
        return words is not None and bool(words) and s.evidence[0].start < pos + len(title) and any(
            k is not s and k.speaker == s.speaker and k.evidence[0].start >= pos + len(title)
            and words <= _words(k.quote) for k in stmts)

    return [s for s in stmts if not repeat(s)]


def _runs(text: str, parts: list) -> list[list]:
    """The quoted parts of one frame grouped into statements: a part joins the one before when
    that one runs on into the next paragraph, or ends in a comma before a lower-case part."""
    runs: list[list] = []
    for q, qspan in parts:
        if runs:
            prev = runs[-1][-1][0]
            said = text[prev.start:prev.end].rstrip()
            if prev.runs_on or (said.endswith(",") and text[q.start:q.start + 1].islower()):
                runs[-1].append((q, qspan))
                continue
        runs.append([(q, qspan)])
    return runs


def _words(text: str) -> set[str]:
    return set(fold(text).split())


def _dedupe(stmts: list[Statement]) -> list[Statement]:
    """One statement per speaker and content: a headline's quote repeats the body's."""
    keep: list[Statement] = []
    for s in sorted(stmts, key=lambda s: -len(s.quote)):
        if not any(k.speaker == s.speaker and _words(s.quote) <= _words(k.quote) for k in keep):
            keep.append(s)
    return sorted(keep, key=lambda s: s.evidence[0].start)


@extractor("kg.statement.v1")
def extract_statements(ctx: Context) -> list[Statement]:
    return find_statements(ctx)
