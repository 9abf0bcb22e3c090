"""Distances and durations in missile-launch reporting, normalised to km and minutes.

Only lengths (km, miles, nautical miles) and durations (minutes, hours, seconds in figures)
count: "90 missiles" or "12 years" are not quantities, and speeds ("5,000 km/h", "km an hour")
are skipped. A unit conversion in brackets or after "or" ("1,000km (620 miles)", "370 miles
(600 km)") is folded into one quantity whose value is the km figure. The role is read from the
words around the number.

>>> q, = find_quantities("It flew about 1,000km (620 miles).")
>>> q.text, q.value, q.unit, q.role, q.approx
('1,000km (620 miles)', 1000.0, 'km', 'range', True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    """One measured value; offsets are character offsets into the text given."""

    start: int
    end: int
    text: str
    value: float        # distances in km, durations in minutes
    unit: str           # "km" | "min"
    role: str | None    # "range" | "apogee" | "flight_time" | "distance" | None
    approx: bool        # hedged: "about", "more than", "higher than", "nearly", "or so" ...


_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
          "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
          "eighty": 80, "ninety": 90, "half an": 0.5, "half a": 0.5}
# Factor to the base unit: km for lengths, minutes for durations.
_UNITS = {"nautical": ("km", 1.852), "kilomet": ("km", 1.0), "km": ("km", 1.0),
          "mi": ("km", 1.609344), "min": ("min", 1.0), "h": ("min", 60.0), "sec": ("min", 1 / 60)}

_MEASURE_RE = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|half\s+an?|an?|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)\s*-?\s*"
    r"(?P<unit>nautical[\s-]+miles?|nautical[\s-]+mile|kilomet(?:er|re)s?|kms|km|miles?|mi"
    r"|minutes?|mins?|hours?|hrs?|seconds?|secs?)(?![a-z])"
    r"(?P<half>\s+and\s+a\s+half\b)?", re.I)
# After a length: it is a speed, not a length.
_SPEED_AFTER = re.compile(r"\s*(?:/\s*(?:h|hr|hour|s|sec)\b|per\s+(?:hour|second)|an\s+hour|a\s+second"
                          r"|ph\b)", re.I)
# Text allowed between a value and its bracketed / "or" conversion.
_CONV_OPEN = re.compile(r"\s*\(\s*(?:(?:about|around|some|roughly|approximately|approx\.|or|nearly)"
                        r"\s+)?|,?\s+or\s+(?:(?:about|around|some|roughly|nearly)\s+)?", re.I)
_HM_JOIN = re.compile(r"\s*(?:,\s*|and\s+|,\s*and\s+)?", re.I)

_APPROX_BEFORE = re.compile(
    r"(?:\babout|\baround|\bapproximately|\bapprox\.|\broughly|\bsome|\bnearly|\balmost|\bmore\s+than"
    r"|\bover|\bhigher\s+than|\bgreater\s+than|\bfarther\s+than|\bfurther\s+than|\bless\s+than"
    r"|\bunder|\bbelow|\bup\s+to|\bat\s+least|\bat\s+most|\bclose\s+to|\bupwards\s+of"
    r"|\b(?:an\s+)?estimated(?:\s+at)?|~)\s*$", re.I)
_APPROX_AFTER = re.compile(r"\s*(?:or\s+(?:so|more|less|longer)\b|plus\b)", re.I)

# Roles. After-number cues are tried first, they are the most specific.
_DIR = r"(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west))?(?:ern)?"
_DISTANCE_AFTER = re.compile(rf"\s*(?:{_DIR}\s+of\b|off\b|away\b|short\s+of\b)", re.I)
_FROM_AFTER = re.compile(r"\s*from\b", re.I)
_APOGEE_AFTER = re.compile(r"\s*-?\s*(?:high|in\s+(?:altitude|height)|altitude|above)\b", re.I)
_RANGE_AFTER = re.compile(r"\s*-?\s*(?:range|in\s+range|flight)\b", re.I)
# "exploded two minutes into its flight": the flight lasted that long.
_FLIGHT_AFTER = re.compile(r"\s*-?\s*(?:long\s+)?(?:flight|in\s+the\s+air|aloft"
                           r"|into\s+(?:its|their|the)\s+flight)\b", re.I)
_APOGEE_CUE = re.compile(r"\b(?:altitude|height|apogee|high|higher|highest|peak|peaked|ceiling|lofted"
                         r"|elevation|soared|climbed|rose|ascended)\b", re.I)
_RANGE_CUE = re.compile(r"\b(?:range|ranges|flew|flown|fly|flies|flying|flight|distance|travell?ed"
                        r"|travell?ing|travels?|covered|covering|traversed|strike|reach|for)\b", re.I)
_LAND_CUE = re.compile(r"\b(?:land(?:ed|ing|s)?|fell|falling|splash(?:ed)?|crash(?:ed)?|impact(?:ed)?"
                       r"|dropped|hit)\b", re.I)
_FLIGHT_CUE = re.compile(r"\b(?:flew|flown|fly|flies|flying|flight|airborne|aloft|in\s+the\s+air)\b",
                         re.I)
# The before-context stops at the start of the clause: sentence end, semicolon, " and ", ", while".
_CLAUSE_CUT = re.compile(r"[;!?]|\.\s|\band\b|,\s*(?:while|but|before|after)\b", re.I)


@dataclass
class _Raw:
    start: int
    end: int
    kind: str           # "km" | "min"
    value: float
    src: str            # unit as written: "km", "mi", "nautical", "h", "min"


def _number(s: str) -> float:
    s = " ".join(s.lower().split())
    return _WORDS[s] if s in _WORDS else float(s.replace(",", ""))


def _raw_measures(text: str) -> list[_Raw]:
    out: list[_Raw] = []
    blocked = 0
    for m in _MEASURE_RE.finditer(text):
        if m.start() < blocked:          # the "an hour" of "5,000 km an hour"
            continue
        u = m["unit"].lower()
        key = next(k for k in ("nautical", "kilomet", "km", "min", "mi", "h", "sec") if u.startswith(k))
        if key == "sec" and not m["num"][0].isdigit():
            continue                     # "a second missile" is no duration; "7,421 seconds" is
        kind, factor = _UNITS[key]
        if kind == "km":
            speed = _SPEED_AFTER.match(text, m.end("unit"))
            if speed:
                blocked = speed.end()
                continue
        value = _number(m["num"]) * factor + (30 if m["half"] and key == "h" else 0)
        end = m.end() if key == "h" else m.end("unit")
        out.append(_Raw(m.start(), end, kind, value, "km" if key == "kilomet" else key))
    return out


def _merge(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Fold conversions ("1,000km (620 miles)") and "1 hour 14 minutes" into single values."""
    out: list[_Raw] = []
    for r in raws:
        prev = out[-1] if out else None
        gap = text[prev.end:r.start] if prev else ""
        if prev and prev.kind == r.kind == "km" and _CONV_OPEN.fullmatch(gap):
            close = re.match(r"\s*\)", text[r.end:])
            is_paren = "(" in gap
            if is_paren and not close:
                out.append(r)
                continue
            # The figure given in km wins; otherwise the first one written.
            value = r.value if r.src == "km" and prev.src != "km" else prev.value
            end = r.end + (close.end() if is_paren and close else 0)
            out[-1] = _Raw(prev.start, end, "km", value, "km" if "km" in (prev.src, r.src) else prev.src)
        elif prev and (prev.src, r.src) == ("h", "min") and r.value < 60 and _HM_JOIN.fullmatch(gap):
            out[-1] = _Raw(prev.start, r.end, "min", prev.value + r.value, "min")
        else:
            out.append(r)
    return out


def _nearest(cues: list[tuple[re.Pattern[str], str]], before: str) -> str | None:
    """The role of the cue that ends closest to the number (last in ``before``)."""
    best: tuple[int, str] | None = None
    for rx, role in cues:
        for m in rx.finditer(before):
            if best is None or m.end() >= best[0]:
                best = (m.end(), role)
    return best[1] if best else None


def _role(text: str, r: _Raw) -> str | None:
    before = text[max(0, r.start - 80):r.start]
    cuts = list(_CLAUSE_CUT.finditer(before))
    before = before[cuts[-1].end():] if cuts else before
    if r.kind == "min":
        if _FLIGHT_AFTER.match(text, r.end) or _nearest([(_FLIGHT_CUE, "flight_time")], before):
            return "flight_time"
        return None
    if _DISTANCE_AFTER.match(text, r.end):
        # "hit a target 700 km away": how far away the target was is how far the missile flew
        if re.search(r"\btargets?\s+(?:some\s+|about\s+|around\s+)?$", text[max(0, r.start - 30):r.start]) \
                and re.match(r"\s*away\b", text[r.end:]):
            return "range"
        return "distance"
    if _APOGEE_AFTER.match(text, r.end):
        return "apogee"
    if _RANGE_AFTER.match(text, r.end):
        return "range"
    near = _nearest([(_APOGEE_CUE, "apogee"), (_RANGE_CUE, "range"), (_LAND_CUE, "distance")], before)
    if _FROM_AFTER.match(text, r.end) and near != "range":
        return "distance"     # "landed 200 km from the coast"; "flew 600 km from ..." stays range
    return near


def find_quantities(text: str) -> list[Quantity]:
    """All lengths (as km) and durations (as minutes) in ``text``, in text order.

    >>> [(q.value, q.role) for q in find_quantities("It reached a maximum height of 1,100 km.")]
    [(1100.0, 'apogee')]
    """
    out = []
    for r in _merge(text, _raw_measures(text)):
        # The value "starts" at its number; hedges are read before it and after the whole span.
        approx = bool(_APPROX_BEFORE.search(text, max(0, r.start - 30), r.start)
                      or _APPROX_AFTER.match(text, r.end))
        out.append(Quantity(r.start, r.end, text[r.start:r.end], r.value, r.kind, _role(text, r), approx))
    return out
