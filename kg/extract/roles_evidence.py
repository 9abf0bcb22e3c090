"""Evidence for roles and statements: the sentence, cut to the lines that hold the words."""
from __future__ import annotations

from spacy.tokens import Span

from kg.extract import Context
from kg.records import Evidence


def line_evidence(ctx: Context, spans: list[Span]) -> Evidence:
    """``ctx.evidence`` cut to the lines that hold ``spans``.

    The parser runs a headline or a live-blog time stamp into the next line's sentence
    ("13:20 KST\nKim Yo Jong warns ...\nKim Yo Jong, the ..."); the evidence should not.
    """
    ev = ctx.evidence(spans)
    if "\n" not in ev.sentence:
        return ev
    text = ctx.text
    lo, hi = min(s.start_char for s in spans), max(s.end_char for s in spans)
    start = max(ev.start, text.rfind("\n", 0, lo) + 1)
    end = text.find("\n", hi)
    end = ev.end if end < 0 else min(ev.end, end)
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    return Evidence(ev.article, start + lead, start + len(line.rstrip()), line.strip())
