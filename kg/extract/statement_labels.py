"""Speaker labels: a line that gives the speaker's name, then a colon, then their words.

Broadcast transcripts and live blogs mark soundbites this way instead of with a reporting verb:

    MATSUNO (recorded): We issued the alert ...
    08:15 — Col. Jane Doe (army spokesperson): "The unit is on alert."
    FOREIGN MINISTRY: "We urge restraint."

The label may follow a live blog's time stamp, may carry a rank and a note in parentheses (how
the clip was recorded, or the speaker's title), and names a person or, in capitals, a body. The
label only counts when it names an entity of the document: "UPDATE:", "Tokyo:" and "Context:"
are a blog's own words. Roles read the note (:mod:`kg.extract.roles`), statements the words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg import gazetteer
from kg.extract import Context
from kg.extract.names import HONORIFICS, fold

# An optional live-blog time stamp ("08:15 —", "13:20 KST -"), then the label.
_STAMP = r"(?:\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4})?\s*(?:[\u2014\u2013|-]+\s*)?)?"
_RANK = r"(?i:(?:brig|gen|lt|col|maj|capt|cmdr|adm|vice|rear|sgt|dr|prof|mr|mrs|ms|sen|rep|amb)\.?\s+){0,3}"
_LABEL = re.compile(
    rf"^[ \t]*{_STAMP}{_RANK}(?P<name>[A-Z][A-Za-z.'\u2019\- ]{{1,40}}?)\s*"
    r"(?:\((?P<note>[^)\n]{1,60})\))?:[ \t]+(?P<text>\S.*)$", re.M)
# Labels of the programme's own people and of its furniture, never a quoted speaker.
STUDIO = {"anchor", "host", "presenter", "reporter", "correspondent", "interviewer", "moderator",
          "question", "q", "a", "answer", "narrator", "voice", "editor"}
_SPEAKING = {"Person", "Organization", "GovernmentBody", "MilitaryBody", "NewsAgency",
             "InternationalOrganization"}
_QUOTED = re.compile(r"^[\"\u201c\u2018'](?P<inner>.+?)[\"\u201d\u2019']?\s*$")


@dataclass(frozen=True)
class Label:
    speaker: str                       # entity key
    name: tuple[int, int]              # character range of the label's name
    note: tuple[int, int] | None       # of the words in parentheses, if any
    text: tuple[int, int]              # of the words spoken, quote marks excluded


def _speaker(ctx: Context, name: str, start: int, end: int) -> str | None:
    """The entity a label names: a mention that is all of it, else a person whose name holds all its
    words ("KISHIDA", "SHIGERU ISHIBA"), else a body of the table named so ("STATE DEPARTMENT")."""
    table = ctx.entities
    whole = {m.entity for m in table.mentions if m.start == start and m.end == end}
    whole = {k for k in whole if table.cls(k) in _SPEAKING}
    if len(whole) == 1:
        return whole.pop()
    words = set(fold(name).split())
    words = words - HONORIFICS or words  # "PRESIDENT BIDEN"
    if not words:
        return None
    persons = {k for k, e in table.entities.items()
               if e.cls == "Person" and words <= set(fold(e.name).split())}
    if len(persons) == 1:
        return persons.pop()
    if persons or not name.isupper():
        return None
    for key, ent in table.entities.items():
        names = {fold(ent.name), *(fold(a) for a in ent.aliases)}
        if ent.cls in _SPEAKING and fold(name) in names:
            return key
    org = gazetteer.lookup_org(name.title())
    return org.key if org is not None and org.key in table.entities else None


def find_labels(ctx: Context) -> list[Label]:
    """Every speaker label of the document, in text order."""
    if "labels" in ctx.cache:
        return ctx.cache["labels"]
    out = []
    for m in _LABEL.finditer(ctx.text):
        name = m.group("name").strip()
        low = fold(name)
        if not low or low.split()[-1] in STUDIO or len(low.split()) > 5:
            continue
        # A mixed-case label is only a label with a note or quoted words: "Tokyo: Japan's
        # defence ministry says ..." is a blog's place line, not a soundbite.
        text = m.group("text")
        quoted = _QUOTED.match(text)
        if not name.isupper() and m.group("note") is None and quoted is None:
            continue
        key = _speaker(ctx, name, m.start("name"), m.end("name"))
        if key is None:
            continue
        start = m.start("text")
        span = (start + quoted.start("inner"), start + quoted.end("inner")) if quoted \
            else (start, m.end("text"))
        note = (m.start("note"), m.end("note")) if m.group("note") else None
        out.append(Label(key, (m.start("name"), m.end("name")), note, span))
    ctx.cache["labels"] = out
    return out
