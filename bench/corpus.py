"""A generator of varied synthetic news articles for benchmarks (not for extraction tests).

Articles are assembled from sentence patterns with seeded random choices of actors, places,
dates and numbers, so that N articles have realistic length, entity density and variety.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

LAUNCHERS = ["North Korea", "Pyongyang", "the North"]
MISSILES = [
    "a ballistic missile",
    "two short-range ballistic missiles",
    "an intercontinental ballistic missile",
    "a Hwasong-18 solid-fuel ICBM",
    "several cruise missiles",
    "a submarine-launched ballistic missile",
]
SITES = ["the Sunan area of Pyongyang", "Tongchang-ri", "Sinpo", "Wonsan", "Hamhung", "the west coast"]
WATERS = [
    "the East Sea",
    "the Yellow Sea",
    "waters off its east coast",
    "the Sea of Japan",
    "the Pacific Ocean",
]
REPORTERS = [
    "South Korea's Joint Chiefs of Staff",
    "Japan's defence ministry",
    "Yonhap news agency",
    "the Japanese Coast Guard",
    "NHK",
    "KCNA",
    "the US Indo-Pacific Command",
]
PEOPLE = [
    ("South Korean President", "Yoon Suk Yeol"),
    ("Japanese Prime Minister", "Fumio Kishida"),
    ("US Secretary of State", "Antony Blinken"),
    ("Chief Cabinet Secretary", "Hirokazu Matsuno"),
    ("South Korean Defence Minister", "Shin Won-sik"),
    ("US President", "Joe Biden"),
    ("Chinese Foreign Minister", "Wang Yi"),
    ("UN Secretary-General", "Antonio Guterres"),
]
CITIES = ["Seoul", "Tokyo", "Washington", "Beijing", "Jakarta", "Vilnius", "Camp David", "Busan", "Osaka"]
DAYS = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "early on Thursday",
    "on Friday",
    "last Saturday",
    "on Sunday morning",
    "yesterday",
]
FILLER = [
    "Analysts said the test was meant to show progress in the country's weapons programme.",
    "The launch drew swift condemnation from governments across the region.",
    "International sanctions bar the country from testing ballistic missile technology.",
    "The two countries have stepped up military cooperation over the past year.",
    "Officials did not say whether the missile had landed inside the exclusive economic zone.",
    "Experts said the missile's trajectory suggested a lofted angle of fire.",
]


def _article(rng: random.Random, published: dt.date) -> str:
    s = []
    title, person = rng.choice(PEOPLE)
    title2, person2 = rng.choice(PEOPLE)
    s.append(
        f"{rng.choice(LAUNCHERS)} fired {rng.choice(MISSILES)} from {rng.choice(SITES)} into "
        f"{rng.choice(WATERS)} {rng.choice(DAYS)}, {rng.choice(REPORTERS)} said."
    )
    s.append(
        f"The missile flew about {rng.randrange(200, 1200, 10)}km ({rng.randrange(120, 750, 10)} miles) "
        f"and reached an altitude of {rng.randrange(50, 6500, 50)}km, "
        f"flying for {rng.randrange(5, 75)} minutes."
    )
    s.append(
        f'{title} {person} said the launch was "a grave provocation" that threatened peace in the region.'
    )
    s.append(
        f"{person.split()[-1]} is due to meet {title2} {person2} in {rng.choice(CITIES)} {rng.choice(DAYS)}."
    )
    s.extend(rng.sample(FILLER, 3))
    s.append(
        f'"We will respond firmly with our allies," {person2.split()[-1]} told reporters in '
        f"{rng.choice(CITIES)}."
    )
    s.append(
        "The United States and South Korea began joint drills around the Korean peninsula "
        f"{rng.choice(DAYS)}."
    )
    rng.shuffle(s[3:])
    return " ".join(s[:3]) + "\n\n" + "\n\n".join(s[3:])


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[str]:
    """Write ``n`` articles as one JSONL file under ``folder``; returns their texts."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts, lines = [], []
    for i in range(n):
        published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(365))
        text = _article(rng, published)
        texts.append(text)
        lines.append(
            json.dumps(
                {
                    "text": text,
                    "published": published.isoformat(),
                    "title": f"Generated article {i}",
                    "url": f"https://bench.invalid/{i}",
                }
            )
        )
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return texts
