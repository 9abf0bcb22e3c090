"""The discourse half of launch extraction: units of many sentences become launch records.

A unit with a day joins the launch of its launcher on that day. A unit without one joins the
launch being told, unless it is marked as an earlier launch ("last fired ... a month ago"),
which becomes a launch of its own without a day. The first unit of a story may have no day
("North Korea fired an ICBM ..."); it waits, and becomes the story's latest dated launch, or
the publication day when the article dates none (breaking news).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import launch_args as args
from kg.records import MissileLaunch

if TYPE_CHECKING:
    from kg.extract.launch import Unit

# A class word alone says less than any phrase with it: dropped when a fuller one is known.
_BARE = {"missile", "missiles"}


@dataclass
class Draft:
    """A launch being assembled from units."""

    launcher: str | None
    day: dt.date | None
    pending: bool = False              # no day yet; resolved at the end
    historical: bool = False
    earlier: bool = False              # dated, but told as an earlier launch ("last fired ... on X")
    aside: bool = False                # told in passing beside a launch of another class; kept only
                                       # when a launch of the story is its own
    units: list[Unit] = field(default_factory=list)


class Story:
    """The launches of one document, fed one unit at a time in text order."""

    def __init__(self, ctx: Context, default_launcher: str | None) -> None:
        self.ctx = ctx
        self.default = default_launcher
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.site: str | None = None       # the launch site told last, for "from there"
        self.landing: list[str] = []       # the sea told last, for "the same waters"

    def _dated(self, launcher: str | None, day: dt.date) -> Draft:
        for d in self.drafts:
            if d.day == day and d.launcher == launcher and not d.pending:
                return d
        d = Draft(launcher, day)
        self.drafts.append(d)
        return d

    def feed(self, u: Unit) -> None:
        if u.site is None and u.from_there and self.site is not None:
            u = replace(u, site=self.site)      # "was launched from there": the site told before
        elif u.site is not None and not u.vague_site:
            self.site = u.site
        if u.same_waters and not u.landing and self.landing:
            u = replace(u, landing=list(self.landing))  # "into the same waters": the sea told before
        elif u.landing:
            self.landing = u.landing
        cur = self.current
        # A unit that names no launcher is about the launcher being told, else the document's.
        launcher = u.launcher or (cur.launcher if cur is not None else self.default)
        days = list(dict.fromkeys(u.days))
        if not days and u.same_day and cur is not None and cur.day is not None:
            days = [cur.day]            # "Hours later, South Korea tested ...": that day's
        if days:
            # A clause about "the missile" dated otherwise is about another launch only when it
            # names the missile ("On May 31, the first Chollima-1 plunged into the sea").
            if u.kind == "refer" and (cur is None or cur.day not in days) and not u.missiles:
                return
            targets = [self._dated(launcher, d) for d in days]
            for t in targets:
                t.earlier |= u.historical  # "last launched ... on October 31": an earlier one
            if len(targets) == 1:
                targets[0].units.append(u)
                if u.main:
                    self.current = targets[0]
            else:
                # "last Thursday, on Saturday and on Monday": one launch a day; what else the
                # sentence gives cannot be shared out, so only the class and evidence are kept.
                for t in targets:
                    t.units.append(_thin(u))
            return
        if u.historical and u.kind == "event":
            self.drafts.append(Draft(launcher, None, historical=True, units=[u]))
            return
        if cur is None and u.kind == "event" and u.definite and self.drafts:
            # "... since it fired an ICBM on April 13. The missile was launched from ...": with no
            # launch being told, "the missile" is the one told just before, not news of its own.
            told = [d for d in self.drafts if d.launcher == launcher and not d.pending and d.units]
            if told:
                last = max(told, key=lambda d: max(x.sent.start for x in d.units))
                last.units.append(u)
                self.current = last
                return
        clash = cur is not None and _clash(u.missiles, cur)
        if cur is not None and (u.launcher is None or u.launcher == cur.launcher) and not clash:
            cur.units.append(u)
        elif u.kind == "refer" or (u.kind == "event" and (not u.noun or clash)):
            # (a launch noun of another class than the launch being told is a launch of its own)
            # "The leaders condemned the launch" with no launch told yet is not one.
            d = Draft(launcher, None, pending=True, units=[u])
            self.drafts.append(d)
            trig = u.anchors[0]
            # "launched an ICBM ..., hours after firing a short-range missile": a launch of
            # another class told in a subordinate clause is not the one the story goes on with.
            if clash and (trig.dep_ in ("pcomp", "advcl") or any(c.dep_ == "mark" for c in trig.children)):
                d.aside = True
            else:
                self.current = d

    def records(self) -> list[MissileLaunch]:
        pub = self.ctx.article.published
        dated = [d for d in self.drafts if d.day is not None]
        merged: dict[tuple, Draft] = {}
        out: list[Draft] = []
        for d in self.drafts:
            if d.pending:
                # Only launches told in their own right, not one dated in passing ("its first
                # launch since March 18, when it fired ...").
                days = [x.day for x in dated if x.launcher == d.launcher and x.day and not x.earlier
                        and any(u.main for u in x.units) and (pub is None or x.day <= pub)
                        and not _clash([m for u in d.units for m in u.missiles], x)]
                if not days and d.aside:
                    continue            # "hours after firing a short-range missile", told no more
                d.day = max(days) if days else pub
            if d.day is None:
                out.append(d)
                continue
            key = (d.launcher, d.day)
            if key in merged:
                merged[key].units += d.units
            else:
                merged[key] = d
                out.append(d)
        _inherit_class(out)
        return [r for d in out if d.launcher and (r := self._record(d)) is not None]

    def _record(self, d: Draft) -> MissileLaunch | None:
        units = sorted(d.units, key=lambda u: u.sent.start)
        if not any(u.kind == "event" or u.missiles for u in units):
            return None                # only references, nothing says a launch happened
        missiles: list[str] = []
        for u in units:
            missiles += [m for m in u.missiles if m.lower() not in {x.lower() for x in missiles}]
        if any(m.lower() not in _BARE for m in missiles):
            missiles = [m for m in missiles if m.lower() not in _BARE]
        values: dict[str, float] = {}
        for u in units:
            for k, v in u.values.items():
                values.setdefault(k, round(v, 1))   # 220 miles is 354.1 km, not 354.05568
        # A site that names the place beats one that only names the region it is in.
        site = next((u.site for u in units if u.site and not u.vague_site), None) or next(
            (u.site for u in units if u.site), None)
        # A sea flown over is where the missile came down only when no landing is told.
        landing = list(dict.fromkeys(w for u in units for w in u.landing)) or list(
            dict.fromkeys(w for u in units for w in u.over))
        # The launching state's own claims are not reports of it, its news agency's are:
        # "North Korea says it tested ..." (or "its Missile Administration says it tested ...") vs
        # "according to the state news agency KCNA". A body of its own that tells what became of
        # the missile is a source ("the space agency said the rocket exploded").
        table = self.ctx.entities

        def reports(r: str, u: Unit) -> bool:
            if r == d.launcher or table.entities[r].country != d.launcher:
                return r != d.launcher
            return table.cls(r) == "NewsAgency" or (
                table.cls(r) not in ("Country", "Person") and not u.own_word)

        reporters = list(dict.fromkeys(r for u in units for r in u.reporters if reports(r, u)))
        if any(table.cls(r) != "Country" for r in reporters):
            # "hours after Japan and South Korea reported a launch": a country stands for the body
            # that told it, which the story names too (its military, its defence ministry).
            reporters = [r for r in reporters if table.cls(r) != "Country"]
        # A corrected time ("later revised the launch time to ...") replaces the one told first.
        clock = next((u.clock for u in reversed(units) if u.corrects and u.clock is not None), None) or next(
            (u.clock for u in units if u.clock is not None), None)
        return MissileLaunch(
            launcher=d.launcher, missiles=tuple(missiles),
            count=next((u.count for u in units if u.count), None), site=site, landing=tuple(landing),
            range_km=values.get("range_km"), apogee_km=values.get("apogee_km"),
            flight_minutes=values.get("flight_minutes"), date=self._date(d, clock, site),
            reporters=tuple(reporters),
            evidence=tuple(dict.fromkeys(self.ctx.evidence(u.sent) for u in units)))

    def _date(self, d: Draft, clock: dt.datetime | None, site: str | None) -> str | None:
        if d.day is None or d.historical:
            return None
        if clock is None:
            return d.day.isoformat()
        tz = clock.tzinfo
        if tz is None:
            # A bare clock time is the launch region's local time.
            table = self.ctx.entities
            offset = args.utc_offset(args.country_of(site, table) or d.launcher, d.day, table)
            tz = dt.timezone(offset) if offset is not None else None
        return dt.datetime.combine(d.day, clock.time(), tz).isoformat()


# Classes of missile that one launch cannot be both of: a clause about an ICBM is not about the
# short-range missile told before it ("On Thursday it fired a short-range ballistic missile ...
# the ICBM flew for 69 minutes").
_RANGES = {"short": ("short-range", "short range", "close-range", "srbm"),
           "long": ("intercontinental", "long-range", "long range", "icbm")}


def _ranges(missiles: list[str]) -> set[str]:
    low = [m.lower() for m in missiles]
    return {r for r, words in _RANGES.items() if any(w in m for m in low for w in words)}


def _clash(missiles: list[str], d: Draft) -> bool:
    """Whether ``missiles`` are of another range class than every missile of launch ``d``."""
    mine = _ranges(missiles)
    theirs = _ranges([m for u in d.units for m in u.missiles])
    return bool(mine and theirs and not mine & theirs)


def _thin(u: Unit) -> Unit:
    return replace(u, site=None, landing=[], over=[], values={}, clock=None, count=None, main=False)


def _inherit_class(drafts: list[Draft]) -> None:
    """"On Aug. 24, a fault ... ended the second attempt": a counted attempt that names no class
    is a try at what was tried before it, the class of the launch told just before it."""
    told = sorted((d for d in drafts if d.units), key=lambda d: min(u.sent.start for u in d.units))
    for k, d in enumerate(told):
        if not any(u.counted for u in d.units) or any(u.missiles for u in d.units):
            continue
        before = next((b for b in reversed(told[:k]) if b.launcher == d.launcher
                       and any(u.missiles for u in b.units)), None)
        if before is not None:
            missiles = list(dict.fromkeys(m for u in before.units for m in u.missiles))
            d.units.append(replace(d.units[0], missiles=missiles, landing=[], over=[], values={},
                                   site=None, clock=None, count=None, reporters=[], main=False))
