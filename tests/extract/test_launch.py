"""The MissileLaunch extractor: short texts in, launch records out.

Each case is a text, its publication day, and the launches it reports, each given by the fields
that matter for it (missing fields are not checked). ``missile`` is a word that one of the
missile phrases must contain; ``reporters`` is the exact set.
"""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import extract
from kg.nlp import load_model
from kg.records import Article, MissileLaunch

KP, KR = "country:KP", "country:KR"
SEA_OF_JAPAN, YELLOW_SEA = "water:sea-of-japan", "water:yellow-sea"
JCS, JP_MOD = "org:kr:joint-chiefs-of-staff", "org:jp:ministry-of-defense"
SUNAN, PYONGYANG, TONGCHANG_RI = "region:sunan", "city:1871859", "city:kp-tongchang-ri"
JP_COAST_GUARD = "org:jp:coast-guard"
HAMHUNG, NAMPO, KUSONG = "city:1877449", "city:1873757", "city:1875107"
NATA = "org:kp:aerospace-administration"


def launches(text: str, published: str) -> list[MissileLaunch]:
    article = Article(id="test", text=text, published=dt.date.fromisoformat(published))
    facts = extract(load_model()(text), article, names=["kg.missile_launch.v1"])
    return [e for e in facts.events if isinstance(e, MissileLaunch)]


def check(record: MissileLaunch, want: dict) -> None:
    for key, value in want.items():
        if key == "missile":
            assert any(value.lower() in m.lower() for m in record.missiles), record.missiles
        elif key == "reporters":
            assert set(record.reporters) == set(value), record.reporters
        elif key in ("range_km", "apogee_km", "flight_minutes"):
            got = getattr(record, key)
            assert got is not None and abs(got - value) <= 0.02 * value, (key, got)
        else:
            assert getattr(record, key) == value, (key, getattr(record, key))


CASES = [
    pytest.param(
        "SEOUL, Aug 18 (Reuters) - North Korea fired two short-range ballistic missiles off its east "
        "coast on Friday, South Korea's military said.", "2023-08-18",
        [{"date": "2023-08-18", "launcher": KP, "missile": "short-range ballistic missiles", "count": 2,
          "landing": (SEA_OF_JAPAN,)}],
        id="wire-dateline-east-coast"),
    pytest.param(
        "North Korea launched a ballistic missile into the Sea of Japan on Sunday morning, according to "
        "Japan's defence ministry.", "2024-01-14",
        [{"date": "2024-01-14", "launcher": KP, "landing": (SEA_OF_JAPAN,), "reporters": {JP_MOD}}],
        id="according-to"),
    pytest.param(
        "North Korea fired a missile early on Wednesday. The missile flew about 370 miles and reached an "
        "altitude of about 30 miles, Japan's defence ministry said.", "2023-06-14",
        [{"date": "2023-06-14", "range_km": 595.5, "apogee_km": 48.3, "reporters": {JP_MOD}}],
        id="range-in-miles-only"),
    pytest.param(
        "North Korea fired a short-range missile from the Sunan area in Pyongyang at 7:13 a.m. on "
        "Wednesday, South Korea's Joint Chiefs of Staff said.", "2023-06-15",
        [{"date": "2023-06-14T07:13:00+09:00", "site": SUNAN, "reporters": {JCS}}],
        id="sunan-local-time"),
    pytest.param(
        "The J-Alert system told residents of Hokkaido to take cover on Thursday morning after North Korea "
        "fired a ballistic missile. The government later said the missile had fallen into the sea.",
        "2023-04-13",
        [{"date": "2023-04-13", "launcher": KP, "missile": "ballistic missile"}],
        id="j-alert-context"),
    pytest.param(
        "North Korea launched a rocket carrying a reconnaissance satellite from Tongchang-ri at 10:43 p.m. "
        "on Tuesday, but it exploded during the second stage, South Korea's military said.", "2023-05-31",
        [{"date": "2023-05-30T22:43:00+09:00", "site": TONGCHANG_RI, "missile": "rocket"}],
        id="tongchang-ri-satellite"),
    pytest.param(
        "North Korea's navy held drills this week. The North also fired cruise missiles off its west coast "
        "on Wednesday and on Saturday.", "2024-02-05",
        [{"date": "2024-01-31", "missile": "cruise missiles"}, {"date": "2024-02-03", "missile": "cruise"}],
        id="one-launch-per-day"),
    pytest.param("North Korea launched a record 70 ballistic missiles last year.", "2023-01-02", [],
                 id="tally-is-not-a-launch"),
    pytest.param("Analysts warn that North Korea could launch an ICBM in the coming weeks.", "2023-01-02", [],
                 id="modal-is-not-a-launch"),
    pytest.param("UN resolutions bar Pyongyang from launching ballistic missiles.", "2023-01-02", [],
                 id="prohibition-is-not-a-launch"),
    pytest.param("North Korea did not fire any missiles during the holiday.", "2023-01-02", [],
                 id="negated"),
    pytest.param("Experts say such missiles launched from North Korea could reach Guam.", "2023-01-02", [],
                 id="generic-participle"),
    pytest.param("North Korea has test-fired dozens of ballistic missiles since the start of the year.",
                 "2023-06-02", [], id="dozens-is-a-tally"),
    pytest.param("Pyongyang last tested an ICBM in April.", "2023-06-02",
                 [{"date": None, "launcher": KP, "missile": "ICBM"}], id="earlier-launch-has-no-day"),
    pytest.param(
        "Two cruise missiles were fired by North Korea toward the Yellow Sea early on Saturday, Seoul's "
        "military said.", "2024-01-27",
        [{"date": "2024-01-27", "launcher": KP, "count": 2, "landing": (YELLOW_SEA,)}],
        id="passive-with-agent"),
    pytest.param(
        "Pyongyang's latest launch came on Monday, when it fired an intermediate-range ballistic missile "
        "(IRBM) over Japan.", "2022-10-05",
        [{"date": "2022-10-03", "launcher": KP, "missile": "IRBM"}], id="possessor-is-launcher"),
    pytest.param(
        "North Korea fired a ballistic missile on Tuesday, Japan's coast guard said. It flew for about 45 "
        "minutes and reached a height of about 2,000 km before falling into waters west of Japan, Japan's "
        "defence ministry said.", "2023-07-11",
        [{"date": "2023-07-11", "flight_minutes": 45, "apogee_km": 2000, "landing": (SEA_OF_JAPAN,),
          "reporters": {"org:jp:coast-guard", JP_MOD}}],
        id="pronoun-sentence-attaches"),
    pytest.param(
        "Talks stalled again on Tuesday. North Korea has conducted a series of weapons tests this year, most "
        "recently firing short-range rockets off its west coast on March 9.", "2025-05-17",
        [{"date": "2025-03-09", "launcher": "country:KP"}], id="most-recently-firing-on-a-day"),
    pytest.param(
        "Sanctions were discussed at length. Pyongyang has fired more than 40 missiles since January, "
        "including a solid-fuel Pukguksong-5 missile on April 9, which flew for 50 minutes before falling "
        "into the Yellow Sea.", "2024-06-02",
        [{"date": "2024-04-09", "missile": "Pukguksong-5", "flight_minutes": 50, "landing": (YELLOW_SEA,)}],
        id="a-missile-picked-out-of-a-tally-with-a-day-was-a-launch"),
    pytest.param(
        "North Korea fired a ballistic missile into the sea, officials said. The missile flew about 900km. "
        "North Korea's last ballistic missile launch, of a new solid-fuel ICBM, was on 12 March.",
        "2025-04-07",
        [{"date": "2025-04-07"}, {"date": "2025-03-12", "missile": "ICBM"}],
        id="the-last-launch-on-a-past-day-is-the-one-before"),
    pytest.param(
        "North Korea has fired a ballistic missile. The missile was launched near Wonsan at about 07:40 "
        "local time (22:40 GMT) on Sunday and flew about 600km. It is North Korea's first launch of 2025. "
        "Its last launch was on 31 December.", "2025-02-10",
        [{"date": "2025-02-09T07:40:00+09:00"}, {"date": "2024-12-31"}],
        id="a-day-after-a-clock-phrase-and-the-first-launch-of-this-year"),
    pytest.param(
        "North Korea fired a cruise missile on Friday. Satellite images show a launcher like the one used on "
        "March 3, 2023, when North Korea first tested the Hwasal-2, and again on Sept. 9, 2024.",
        "2025-05-10",
        [{"date": "2025-05-09"}, {"date": "2023-03-03", "missile": "Hwasal-2"},
         {"date": "2024-09-09", "missile": "Hwasal-2"}], id="and-again-on-a-day-is-another-launch-alike"),
    pytest.param(
        "North Korea launched a rocket carrying a satellite on Sunday night. Japan's defence ministry said "
        "it detected the launch. The Korean Central News Agency admitted on Monday that the rocket had "
        "broken apart in flight.", "2025-02-10",
        [{"date": "2025-02-09", "reporters": {JP_MOD, "org:kcna"}}],
        id="a-source-telling-how-it-went-reports-it"),
    pytest.param(
        "North Korea fired a short-range ballistic missile on Thursday. The launch took place at 06:45 local "
        "time (2145 GMT Wednesday), South Korea's Joint Chiefs of Staff said.", "2023-03-09",
        [{"date": "2023-03-09T06:45:00+09:00", "reporters": {JCS}}], id="gmt-conversion"),
    pytest.param(
        "North Korea fired a missile on Thursday. In response, South Korea fired two missiles into the East "
        "Sea on Friday.", "2022-10-07",
        [{"date": "2022-10-06", "launcher": KP}, {"date": "2022-10-07", "launcher": KR, "count": 2}],
        id="two-launchers"),
    pytest.param("North Korea fired a balistic misile on Monday.", "2023-03-13",
                 [{"date": "2023-03-13", "missile": "ballistic missile"}], id="typos-in-class"),
    pytest.param("North Korea test-fired a Hwasong-17 on Friday, state media reported.", "2023-02-17",
                 [{"date": "2023-02-17", "missile": "Hwasong-17"}], id="designation"),
    pytest.param(
        "North Korea fired a salvo of eight short-range ballistic missiles from the Sunan area on Sunday "
        "morning.", "2022-06-05",
        [{"date": "2022-06-05", "count": 8, "site": SUNAN}], id="salvo"),
    pytest.param(
        "09:30 KST\nMissile launch\nNorth Korea fired a ballistic missile at about 7:50 a.m., South "
        "Korea's Joint Chiefs of Staff said.", "2024-06-26",
        [{"date": "2024-06-26T07:50:00+09:00", "reporters": {JCS}}], id="live-blog-stamp-is-not-launch-time"),
    pytest.param(
        "North Korea launched what appeared to be a submarine-launched ballistic missile off its east coast "
        "on Wednesday.", "2022-05-11",
        [{"date": "2022-05-11", "missile": "submarine-launched ballistic missile",
          "landing": (SEA_OF_JAPAN,)}], id="what-appeared-to-be"),
    pytest.param("North Korea also tried and failed to launch a spy satellite in May.", "2023-07-12",
                 [{"date": None, "missile": "spy satellite"}], id="failed-attempt-earlier"),
    pytest.param(
        "North Korea fired several short-range ballistic missiles on Monday. It was its first launch since "
        "Jan. 14, when it fired a solid-fuel intermediate-range missile.", "2024-03-18",
        [{"date": "2024-03-18", "missile": "short-range"},
         {"date": "2024-01-14", "missile": "intermediate-range missile"}], id="since-when-is-another-launch"),
    pytest.param(
        "North Korea fired a ballistic missile from near Pyongyang on Tuesday. It landed in the sea between "
        "the Korean peninsula and Japan, the JCS said.", "2023-11-21",
        [{"date": "2023-11-21", "site": PYONGYANG, "landing": (SEA_OF_JAPAN,)}], id="sea-between-coasts"),
    pytest.param(
        "North Korea fired a ballistic missile on Wednesday. Prime Minister Fumio Kishida said the launch "
        "was unacceptable.", "2023-06-14",
        [{"date": "2023-06-14", "reporters": set()}], id="opinion-is-not-a-report"),
    pytest.param(
        "BREAKING: N. Korea fires missile toward East Sea: JCS\nNorth Korea has fired an unidentified "
        "ballistic missile toward the East Sea, South Korea's Joint Chiefs of Staff said.", "2023-08-30",
        [{"date": "2023-08-30", "landing": (SEA_OF_JAPAN,), "reporters": {JCS}}],
        id="breaking-news-is-publication-day"),
    pytest.param(
        "North Korea fired two ballistic missiles on Thursday, hours after it threatened to respond to the "
        "drills. The first flew about 350 km and the second about 400 km.", "2023-03-30",
        [{"date": "2023-03-30", "count": 2, "range_km": 350}], id="ordinal-as-missile"),
    pytest.param(
        "The Japanese government says a ballistic missile launched by North Korea on Thursday morning "
        "passed over Japan and fell into the Pacific Ocean. Officials say the missile was launched at "
        "around 7:20 a.m.", "2022-11-03",
        [{"date": "2022-11-03T07:20:00+09:00", "launcher": KP, "landing": ("water:pacific-ocean",)}],
        id="over-japan-into-the-pacific"),
    pytest.param(
        "MOSCOW, April 20 (Reuters) - Russia test-launched its new Sarmat intercontinental ballistic missile "
        "on Wednesday, the defence ministry said.", "2022-04-20",
        [{"date": "2022-04-20", "launcher": "country:RU", "missile": "Sarmat intercontinental"}],
        id="another-launcher-and-a-name-the-tagger-calls-a-people"),
    pytest.param(
        "North Korea launched two ballistic missiles on Sunday and another on Tuesday. The Sunday missiles "
        "flew about 350 km and the Tuesday missile flew about 800 km.", "2022-10-11",
        [{"date": "2022-10-09", "range_km": 350}, {"date": "2022-10-11", "range_km": 800}],
        id="clauses-dated-apart"),
    pytest.param(
        "North Korea fired a ballistic missile off its east coast on Friday. It was the North's first "
        "ballistic missile launch since it fired an ICBM on Sept. 25. The missile flew 600 km.", "2022-09-30",
        [{"date": "2022-09-30", "range_km": 600}, {"date": "2022-09-25", "missile": "ICBM"}],
        id="since-clause-launch-does-not-take-over"),
    pytest.param(
        "North Korea on Saturday fired a ballistic missile that landed in the waters off Japan's west coast, "
        "a day after it launched two short-range missiles from the Jangyon area.", "2023-04-15",
        [{"date": "2023-04-15", "landing": (SEA_OF_JAPAN,)}, {"date": "2023-04-14", "count": 2}],
        id="a-day-after"),
    pytest.param(
        "SEOUL, May 31 (Yonhap) -- North Korea's attempt to launch a military reconnaissance satellite "
        "failed Wednesday after the rocket carrying it crashed into the Yellow Sea. The North said it would "
        "conduct a second launch as soon as possible.", "2023-05-31",
        [{"date": "2023-05-31", "missile": "reconnaissance satellite", "landing": (YELLOW_SEA,)}],
        id="failed-attempt-today"),
    pytest.param("The launch of the talks on Monday was welcomed by both governments.", "2023-05-31", [],
                 id="launch-of-talks"),
    pytest.param("The G7 ministers condemned North Korea's launch in a joint statement.", "2023-04-18", [],
                 id="a-launch-noun-alone-names-no-launch"),
    pytest.param(
        "North Korea fired two short-range ballistic missiles on Thursday. The first launch of the week, on "
        "Monday, involved a single cruise missile fired from the west coast.", "2022-04-21",
        [{"date": "2022-04-21", "count": 2}, {"date": "2022-04-18", "missile": "cruise missile"}],
        id="launch-of-the-week"),
    pytest.param(
        "North Korea fired an ICBM on Monday, hours after it launched a short-range ballistic missile.",
        "2023-12-18",
        [{"date": "2023-12-18", "missile": "ICBM"}, {"date": None, "missile": "short-range"}],
        marks=pytest.mark.xfail(reason="'hours after' gives no day; the earlier launch is merged into "
                                       "the later one instead of standing apart"),
        id="hours-after-is-another-launch"),
    pytest.param(
        "North Korea's first spy satellite launch failed on May 31. On Aug. 24, a fault in the third stage "
        "ended the second attempt.", "2023-11-22",
        [{"date": "2023-05-31", "missile": "satellite"}, {"date": "2023-08-24", "missile": "satellite"}],
        id="attempt-inherits-no-class"),
    pytest.param(
        "North Korea launched a ballistic missile on Sunday. Kim Jong Un oversaw the test, KCNA said on "
        "Monday. The missile, a new Hwasong-18, flew 1,000 km.", "2023-07-17",
        [{"date": "2023-07-16", "missile": "Hwasong-18", "range_km": 1000}], id="appositive-designation"),
]

# Patterns found on articles written by others (wire, live blogs, analysis); each case is our own
# wording of the pattern, not a sentence of those articles.
GENERAL_CASES = [
    # Triggers
    pytest.param(
        "North Korea fired two ballistic missiles on Friday and launched another toward the Yellow Sea on "
        "Monday.", "2024-03-12",
        [{"date": "2024-03-08", "count": 2, "landing": ()}, {"date": "2024-03-11", "landing": (YELLOW_SEA,)}],
        id="launched-another-is-a-launch-of-its-own"),
    pytest.param(
        "Japan's coast guard says a ballistic missile seems to have been launched by North Korea.",
        "2024-03-12", [{"date": "2024-03-12", "launcher": KP, "missile": "ballistic missile",
                        "reporters": {JP_COAST_GUARD}}],
        id="raising-verb-lends-its-subject"),
    pytest.param(
        "The military said it tracked three cruise missiles, not two, launched from the Hamhung area on "
        "Sunday.",
        "2024-03-12", [{"date": "2024-03-10", "count": 3, "site": HAMHUNG}],
        id="participle-on-an-appositive-and-a-negated-noun"),
    pytest.param(
        "North Korea's first spy satellite launch failed on May 31. A third try, on Dec. 2, also failed.",
        "2023-12-04",
        [{"date": "2023-05-31", "missile": "satellite"}, {"date": "2023-12-02", "missile": "satellite"}],
        id="counted-try-is-a-launch-like-the-one-before"),
    # Clauses about the missile
    pytest.param(
        "North Korea fired a rocket on Monday. On March 3, the first Unha rocket lost power after its engine "
        "stalled and fell into the sea.", "2024-05-13",
        [{"date": "2024-05-13"}, {"date": "2024-03-03", "missile": "Unha rocket"}],
        id="dated-clause-naming-the-missile-is-an-earlier-launch"),
    pytest.param(
        "North Korea fired two missiles on Monday. One of them flew about 600 km, South Korea's Joint Chiefs "
        "of Staff said.", "2024-03-12",
        [{"date": "2024-03-11", "range_km": 600, "reporters": {JCS}}], id="one-of-them-is-the-missile"),
    pytest.param(
        "North Korea fired two cruise missiles on Saturday. The missiles were detected at about 9:10 a.m., "
        "the military said.", "2024-03-12",
        [{"date": "2024-03-09T09:10:00+09:00", "count": 2}], id="time-of-detection-is-launch-time"),
    pytest.param(
        "The missiles were fired from near Nampo, in South Pyongan Province, at around 6:40 a.m. local time "
        "and flew about 300 kilometers before falling into the sea, South Korea's Joint Chiefs of Staff "
        "said.",
        "2024-03-12",
        [{"date": "2024-03-12T06:40:00+09:00", "site": NAMPO, "range_km": 300, "reporters": {JCS}}],
        id="sentence-split-after-a-m-carries-on"),
    pytest.param(
        "North Korea fired a ballistic missile from the Sunan area that flew 700 km before falling into the "
        "East Sea.", "2024-03-09",
        [{"date": "2024-03-09", "site": SUNAN, "range_km": 700, "landing": (SEA_OF_JAPAN,)}],
        id="flight-clause-hung-on-the-site"),
    pytest.param(
        "North Korea fired a ballistic missile on Tuesday. The same missiles have been sold to Russia.",
        "2024-03-09", [{"date": "2024-03-05", "missile": "ballistic missile"}],
        id="the-same-missiles-are-a-kind"),
    # Time attachment
    pytest.param(
        "North Korea fired a cruise missile on Monday. The JCS had said on Monday that it detected a cruise "
        "missile fired from around Nampo, in South Pyongan, at about 6:40 a.m.", "2024-03-12",
        [{"date": "2024-03-11T06:40:00+09:00", "site": NAMPO}],
        id="clock-whose-a-m-is-parsed-as-punctuation"),
    pytest.param(
        "10:12 — North Korea fired a ballistic missile, South Korea's Joint Chiefs of Staff says.",
        "2024-06-26",
        [{"date": "2024-06-26", "reporters": {JCS}}], id="stamp-opening-a-live-blog-line"),
    # Reporters
    pytest.param(
        "North Korea has fired a ballistic missile toward the East Sea, South Korea's Joint Chiefs of Staff "
        "(JCS) says.", "2024-03-12",
        [{"date": "2024-03-12", "landing": (SEA_OF_JAPAN,), "reporters": {JCS}}],
        id="speaker-before-a-bracketed-short-form"),
    pytest.param(
        "North Korea fired a missile on Monday, Japan's coast guard said. South Korea's Joint Chiefs of "
        "Staff later updated its assessment. It now says the missile flew 500 km.", "2024-03-12",
        [{"date": "2024-03-11", "range_km": 500, "reporters": {JP_COAST_GUARD, JCS}}],
        id="it-says-is-the-last-organisation-subject"),
    pytest.param(
        'North Korea fired a ballistic missile on Monday.\nCol. Lee Sung-jun (JCS spokesperson): "The '
        'missile flew about 600 kilometers."', "2024-03-12",
        [{"date": "2024-03-11", "range_km": 600, "reporters": {"person:lee-sung-jun"}}],
        id="speaker-label-and-colon-before-a-quotation"),
    # Landing and site
    pytest.param("North Korea fired several cruise missiles over the Yellow Sea on Friday.", "2024-03-09",
                 [{"date": "2024-03-08", "landing": (YELLOW_SEA,)}], id="fired-over-a-sea"),
    pytest.param(
        "North Korea's attempt to launch a spy satellite ended in an explosion over the Yellow Sea on "
        "Monday.",
        "2024-03-09", [{"date": "2024-03-04", "landing": (YELLOW_SEA,)}], id="ended-over-a-sea"),
    pytest.param(
        "North Korea put a satellite into orbit on Tuesday. The rocket headed south over the Yellow Sea.",
        "2024-03-09", [{"date": "2024-03-05", "landing": ()}], id="flying-over-a-sea-is-not-landing"),
    pytest.param("North Korea fired a ballistic missile over Japan on Tuesday.", "2024-03-09",
                 [{"date": "2024-03-05", "landing": ()}], id="over-a-land-is-not-landing"),
    pytest.param(
        "North Korea fired a missile on Tuesday from a site in North Pyongan Province. The JCS said it was "
        "fired from the Kusong area.", "2024-03-09", [{"date": "2024-03-05", "site": KUSONG}],
        id="named-site-beats-the-province-it-is-in"),
    pytest.param(
        "North Korea fired a ballistic missile from the Sunan area on Thursday. The area has hosted "
        "tests before. On 12 April 2023 an ICBM was launched from there.", "2024-03-09",
        [{"date": "2024-03-07", "site": SUNAN}, {"date": "2023-04-12", "site": SUNAN}],
        id="launched-from-there-is-the-site-told-before"),
    pytest.param(
        "The launch was the first since April 2, when it fired some 12 short-range missiles from the "
        "Sunan area. North Korea fired a cruise missile on Friday.", "2024-05-11",
        [{"date": "2024-04-02", "site": SUNAN}, {"date": "2024-05-10"}],
        id="a-salvo-of-many-missiles-on-one-day-is-one-launch"),
    # Corrections, and time and landing told around the launch
    pytest.param(
        "North Korea launched a ballistic missile at 9:10 a.m. on Monday, South Korea's military said. "
        "The military later revised the launch time to 8:50 a.m., citing a typing mistake.", "2024-03-12",
        [{"date": "2024-03-11T08:50:00+09:00"}], id="a-corrected-time-replaces-the-first"),
    pytest.param(
        "North Korea launched a ballistic missile at 9:10 a.m. on Monday. Officials changed nothing "
        "else, and the drills went on until 4 p.m.", "2024-03-12",
        [{"date": "2024-03-11T09:10:00+09:00"}], id="a-time-that-corrects-nothing-is-not-a-correction"),
    pytest.param(
        "North Korea says its newest attempt to put a spy satellite into orbit failed, with the rocket "
        "breaking up shortly after liftoff late yesterday. The military said the rocket lifted off from "
        "Tongchang-ri at 11:05 p.m.",
        "2024-06-05", [{"date": "2024-06-04T23:05:00+09:00"}], id="day-of-a-breakup-after-liftoff"),
    pytest.param(
        "North Korea fired a rocket on Monday. Minutes later, South Korean radars saw fragments dropping "
        "into the Yellow Sea.", "2024-06-05", [{"date": "2024-06-03", "landing": (YELLOW_SEA,)}],
        id="debris-seen-falling-is-where-it-came-down"),
    # Who launched, who told
    pytest.param(
        "North Korea has kept its missiles on the ground this summer. Last year was different. Then, the "
        "North let its envoys do most of the talking and fired two cruise missiles into the Yellow Sea "
        "on March 3, 2023.", "2024-08-20",
        [{"date": "2023-03-03", "launcher": KP}], id="launch-coordinated-with-a-complement"),
    pytest.param(
        "North Korea launched a rocket carrying a satellite on Monday night. The National Aerospace "
        "Technology Administration said the rocket exploded during first-stage flight.", "2024-05-28",
        [{"date": "2024-05-27", "reporters": {NATA}}], id="launchers-own-agency-telling-the-outcome"),
    # A day the parser hangs on the launcher, a district named with its city, a bare "both", a
    # body that saw the launch.
    pytest.param(
        "Pakistan on Monday test-fired what it later called a new cruise missile, its first launch in a "
        "year.", "2024-03-08", [{"date": "2024-03-04"}],
        id="day-hung-on-the-launcher"),
    pytest.param(
        "North Korea launched a ballistic missile from Pyongyang's Sunan district on Monday.",
        "2024-02-12", [{"date": "2024-02-12", "site": SUNAN}], id="district-of-a-city-is-the-site"),
    pytest.param(
        "North Korea fired two cruise missiles on Friday. Both flew some 600 km at an altitude of about "
        "20 km before falling into the sea.", "2024-02-02",
        [{"date": "2024-02-02", "range_km": 600, "apogee_km": 20}], id="bare-both-is-the-missiles"),
    pytest.param(
        "North Korea fired a ballistic missile on Monday, Japan's defence ministry said. South Korea's "
        "Joint Chiefs of Staff also detected the launch.", "2024-02-12",
        [{"date": "2024-02-12", "reporters": {JP_MOD, JCS}}], id="detecting-the-launch-reports-it"),
    pytest.param(
        "North Korea launched a rocket late on Sunday, South Korea's military said. The agency said the "
        "new-type space launch vehicle exploded in flight, state media reported on Monday.", "2024-06-03",
        [{"date": "2024-06-02", "missile": "space launch vehicle"}],
        id="a-clause-reported-on-a-later-day-is-not-dated-by-the-report-and-new-type-is-no-class"),
    pytest.param(
        "Pyongyang has fired scores of missiles since 2022. On 3 March it tested a Hwasong-12 missile, "
        "which flew for 30 minutes.", "2024-04-10",
        [{"date": "2024-03-03", "launcher": KP}],
        id="it-after-a-tally-is-the-country-that-tallied"),
    pytest.param(
        "North Korea fired a missile from Kusong, North Pyongan Province, at 6:10 a.m. on May 2, and it "
        "flew about 400 kilometers.", "2024-05-20",
        [{"date": "2024-05-02T06:10:00+09:00", "range_km": 400}],
        id="a-day-hung-on-the-clock-is-the-launchs"),
    pytest.param(
        "North Korea has fired a ballistic missile toward the sea. North Korea last fired a ballistic "
        "missile on March 3.", "2024-05-20",
        [{"date": "2024-05-20"}, {"date": "2024-03-03"}],
        id="an-undated-lede-is-not-the-earlier-launch-told-later"),
    pytest.param(
        "North Korea fired a missile from the Sinpo area at 9:40 a.m. last Tuesday, Japan's defence ministry "
        "said.", "2024-05-20",
        [{"date": "2024-05-14T09:40:00+09:00"}],
        id="a-day-between-the-clause-and-its-speaker-is-the-clauses"),
    pytest.param(
        "North Korea launched a rocket carrying what it describes as a weather satellite early Friday.",
        "2024-05-20", [{"date": "2024-05-17"}],
        id="a-day-hung-on-a-present-naming-clause-is-the-launchs"),
    pytest.param(
        "North Korea fired a ballistic missile on Monday, its first launch since March 3.", "2024-05-20",
        [{"date": "2024-05-20"}, {"date": "2024-03-03"}],
        id="the-first-launch-since-a-day-says-there-was-one-that-day"),
    pytest.param(
        "North Korea first flew its Hwasong-15 missile on Nov. 29, 2017.", "2024-05-20",
        [{"date": "2017-11-29"}], id="flying-a-missile-is-launching-it"),
    pytest.param(
        "North Korea fired a ballistic missile on 9 May, three days after launching cruise missiles.",
        "2024-05-20", [{"date": "2024-05-09"}, {"date": "2024-05-06"}],
        id="days-after-launching-is-another-launch-dated-from-the-first"),
    pytest.param(
        "Iran fired a rocket on Sunday, the army said. It was the country's first rocket test since "
        "Feb. 3, when Tehran also oversaw the firing of cruise missiles.", "2024-05-20",
        [{"date": "2024-05-19", "missile": "rocket"}, {"date": "2024-02-03", "missile": "cruise missiles"}],
        id="first-since-a-day-on-the-copula-with-a-when-clause-of-a-launch-noun"),
    pytest.param(
        "The ministers condemned Iran's ballistic missile launches on March 4 and March 9.", "2024-05-20",
        [{"date": "2024-03-04"}, {"date": "2024-03-09"}],
        id="plural-launches-on-two-days-are-two-launches"),
    pytest.param(
        "Iran fired missiles on Monday and Wednesday.", "2024-05-23",
        [{"date": "2024-05-20"}, {"date": "2024-05-22"}], id="coordinated-days-are-two-launches"),
    pytest.param(
        "The army said the missile was launched from near Tehran on Monday and travelled about 1,050km "
        "(650 miles) before falling into the sea.", "2024-05-23",
        [{"date": "2024-05-20", "range_km": 1050}], id="a-second-verb-of-one-subject-is-the-launchs"),
    pytest.param(
        "Iran tested missiles this spring. On March 4, Iraq's army said it had detected several cruise "
        "missiles over the Gulf at around 7 a.m.",
        "2024-05-23", [{"date": "2024-03-04T07:00:00+03:30"}], id="a-sighting-is-told-the-day-it-is-made"),
    pytest.param(
        "Iran fired a ballistic missile on March 1. Four days later, on March 5, the general oversaw the "
        "launch of two submarine-launched cruise missiles.", "2024-05-23",
        [{"date": "2024-03-01"}, {"date": "2024-03-05"}], id="overseeing-a-launch-dates-it"),
    pytest.param(
        "In two weeks, Iran fired cruise missiles on three separate occasions.", "2024-05-23", [],
        id="firing-on-several-occasions-is-a-tally"),
    pytest.param(
        "North Korea fired a missile on Monday. On March 9, the army reported several cruise missiles over "
        "the Gulf.", "2024-05-23",
        [{"date": "2024-05-20"}, {"date": "2024-03-09", "missile": "cruise missiles"}],
        id="a-report-of-missiles-seen-is-a-sighting"),
    pytest.param(
        "Iran's launch of 18 short-range ballistic missiles on Thursday drew protests.", "2024-05-25",
        [{"date": "2024-05-23"}], id="a-launch-of-many-missiles-on-one-day-is-one-salvo"),
    pytest.param(
        "Iran, meanwhile, has kept up its weapons tests. On Nov. 5, it fired seven short-range ballistic "
        "missiles, believed to be Fateh-110s, from near Tabriz, and they flew about 400 km (250 miles) "
        "before falling into the sea.", "2024-11-16", [{"date": "2024-11-05", "range_km": 400}],
        id="it-that-fires-is-the-country-the-sentence-before-is-about"),
    pytest.param(
        "Japan condemned the launches on Monday.", "2024-05-23", [],
        id="one-day-after-plural-launches-may-be-the-reactions"),
    pytest.param(
        "Here is a timeline of Iran's rocket tests:\n\n"
        "MARCH 3, 2019 - Iran fires a new rocket from Semnan province. State television calls it a "
        "success.\n\n"
        "AUG. 9, 2020 - The army's general watches a second test in a month. Iraq's military says the "
        "missile flew about 800 km.\n\n"
        "FEB. 2, 2021 - State media says engineers have run a ground test of a new engine. No missile is "
        "launched.\n",
        "2024-05-23",
        [{"date": "2019-03-03", "missile": "rocket"}, {"date": "2020-08-09", "range_km": 800}],
        id="a-timeline-entry-is-dated-by-its-heading"),
    pytest.param(
        "Iran's missile tests:\n\nJan 4, 2023:\nIran launches a cruise missile off its coast.\n\n"
        "Jan 20, 2023:\nIran fires a ballistic missile.\n", "2024-05-23",
        [{"date": "2023-01-04", "missile": "cruise"}, {"date": "2023-01-20", "missile": "ballistic"}],
        id="a-timeline-heading-on-a-line-of-its-own"),
    pytest.param(
        "Iran fires new ballistic missile\n\nTEHRAN, May 23 - Iran said on Thursday it had fired a new "
        "ballistic missile the day before.",
        "2024-05-23", [{"date": "2024-05-22"}], id="the-day-before-counts-from-the-day-of-saying"),
    pytest.param(
        "The envoys met on March 8, the day after Iran launched a cruise missile. That missile, fired at "
        "6:10 a.m., flew about 900 km.", "2024-05-23",
        [{"date": "2024-03-07T06:10:00+03:30", "range_km": 900}],
        id="a-launch-the-day-before-a-day-set-beside-it"),
    pytest.param(
        "Iraq's military said Iran fired two short-range missiles. The army said the first was launched at "
        "about 9:12 a.m. on Monday.", "2024-05-23",
        [{"date": "2024-05-20T09:12:00+03:30", "count": 2}],
        id="the-first-was-launched-stands-for-a-missile-told-before"),
    pytest.param(
        "Iran launched two cruise missiles from near Bushehr starting at around 4:20 a.m. on Tuesday.",
        "2024-05-23", [{"date": "2024-05-21T04:20:00+03:30"}], id="a-salvo-starting-at-a-time"),
    pytest.param(
        "Iran fired a missile on Monday. Japan's defence ministry said the launch was a successful test of "
        "a new engine.", "2024-05-23",
        [{"date": "2024-05-20", "reporters": {JP_MOD}}],
        id="saying-what-the-launch-was-reports-it"),
    pytest.param(
        "On Monday Iran fired a short-range ballistic missile that flew 300 km. Tuesday's missile was the "
        "first ICBM launch this year. It flew for about 50 minutes.", "2024-05-22",
        [{"date": "2024-05-20", "range_km": 300}, {"date": "2024-05-21", "flight_minutes": 50}],
        id="a-day-on-the-missile-the-launch-noun-is"),
    pytest.param(
        "On Monday Iran fired a short-range ballistic missile that flew 300 km. This is also the first ICBM "
        "launch. The missile flew for about 50 minutes.", "2024-05-22",
        [{"date": "2024-05-20", "range_km": 300}, {"date": "2024-05-22", "flight_minutes": 50}],
        id="an-icbm-is-not-the-short-range-missile-told-before"),
    pytest.param(
        "Iran launched an intercontinental ballistic missile on Tuesday, hours after firing a short-range "
        "ballistic missile. The missile flew for about 50 minutes.", "2024-05-22",
        [{"date": "2024-05-21", "flight_minutes": 50, "missile": "intercontinental"}],
        id="a-launch-of-another-class-in-a-subordinate-clause-is-not-told-on"),
    pytest.param(
        "Iran fired a missile on Monday that flew about 900 km, according to Japan's Ministry of Defense and "
        "South Korea's Joint Chiefs of Staff.", "2024-05-23",
        [{"date": "2024-05-20", "reporters": {JP_MOD, JCS}}], id="according-to-two-bodies-with-possessives"),
    pytest.param(
        "Iran fired a ballistic missile on Monday. Japan's defence ministry said its maximum altitude was "
        "about 90 km.", "2024-05-23",
        [{"date": "2024-05-20", "apogee_km": 90, "reporters": {JP_MOD}}], id="its-altitude-is-the-missiles"),
    pytest.param(
        "On March 3, North Korea launched an ICBM that flew for 60 minutes, and a week later it fired two "
        "short-range ballistic missiles from the Sunan area.", "2025-04-02",
        [{"date": "2025-03-03", "flight_minutes": 60}, {"date": "2025-03-10", "site": SUNAN, "count": 2}],
        id="a-week-later-counts-from-the-day-before-it"),
    pytest.param(
        "North Korea fired a cruise missile on Friday. Friday's launch came three days after the North fired "
        "two cruise missiles at around 6 a.m. from waters near Hamhung.", "2025-04-04",
        [{"date": "2025-04-04"}, {"date": "2025-04-01T06:00:00+09:00", "site": HAMHUNG}],
        id="counted-from-the-launch-the-clause-is-about"),
    # A dateline the parser split from its line ("SEOUL," | "South Korea (AP) — ...") names no
    # launcher.
    pytest.param(
        "Missiles fired as envoy visits\n\nBy JANE ROE and TOM POE\n"
        "Updated 9:52 PM GMT+9, April 3, 2025\n\n"
        "SEOUL, South Korea (AP) — North Korea fired several short-range ballistic missiles toward "
        "its eastern waters on Thursday, South Korea's military said, as the envoy was in Seoul for a "
        "conference.",
        "2025-04-03",
        [{"date": "2025-04-03", "launcher": "country:KP"}],
        id="split-dateline-names-no-launcher"),
    # The launch told on is the main clause's, not the one its "after" clause counts from.
    pytest.param(
        "North Korea fired two cruise missiles on Thursday morning, three days after it launched an "
        "intercontinental ballistic missile (ICBM). The missiles were fired from the Sunan area at 6 a.m.",
        "2025-04-03",
        [{"date": "2025-04-03T06:00:00+09:00", "site": SUNAN}, {"date": "2025-03-31"}],
        id="after-clause-launch-is-not-the-one-told-on"),
    # A clock told after a second launch noun of another day is that launch's.
    pytest.param(
        "Thursday's launch followed Monday's firing of an ICBM from the Sunan area at 4:15 p.m.",
        "2025-04-03",
        [{"date": "2025-04-03"}, {"date": "2025-03-31T16:15:00+09:00", "site": SUNAN}],
        id="clock-of-the-later-launch-noun"),
    pytest.param(
        "North Korea fired cruise missiles on Sunday, state media said. The missiles flew for 5,430 seconds "
        "over the Yellow Sea before hitting a target island.", "2025-04-07",
        [{"date": "2025-04-06", "flight_minutes": 90.5, "landing": (YELLOW_SEA,)}],
        id="flight-in-seconds-over-the-sea-onto-a-target"),
    pytest.param(
        "A North Korean rocket lifted off at 9:15 p.m. Tuesday and blew up about three minutes into its "
        "flight, scattering debris over the Sea of Japan.", "2025-04-09",
        [{"date": "2025-04-08T21:15:00+09:00", "flight_minutes": 3, "landing": (SEA_OF_JAPAN,)}],
        id="debris-scattered-over-a-sea"),
    pytest.param(
        "On Thursday, North Korea fired two cruise missiles, South Korea's Joint Chiefs of Staff said. "
        "KCNA later described that launch as the first test of a new engine.", "2025-04-11",
        [{"date": "2025-04-10", "reporters": {JCS, "org:kcna"}}], id="a-news-agency-describing-the-launch"),
    pytest.param(
        "North Korea fired an ICBM on Sunday. The missile, which Seoul believes was a Hwasong-17, was "
        "launched from the Sunan area at 9:05 am and flew about 900 kilometres, South Korea's Joint Chiefs "
        "of Staff said.", "2025-04-14",
        [{"date": "2025-04-13T09:05:00+09:00", "site": SUNAN, "reporters": {JCS}}],
        id="coordinated-passive-shares-the-missile-subject"),
    pytest.param(
        "North Korea fired an ICBM into the Sea of Japan on Monday. On Sunday, it had fired a cruise missile "
        "from near Hamhung that travelled 300 km before falling into the same waters.", "2025-04-15",
        [{"date": "2025-04-14", "landing": (SEA_OF_JAPAN,)},
         {"date": "2025-04-13", "landing": (SEA_OF_JAPAN,), "range_km": 300}],
        id="the-same-waters-are-the-sea-told-before"),
    pytest.param(
        "North Korea fired a ballistic missile on Sunday. A Japanese interceptor missile launched in a drill "
        "late on Monday crashed soon after takeoff. On Tuesday, Japanese and US forces fired two missiles "
        "into the sea.", "2025-04-16",
        [{"date": "2025-04-13", "launcher": KP}, {"date": "2025-04-14", "launcher": "country:JP"},
         {"date": "2025-04-15", "launcher": "country:JP"}],
        id="the-country-adjective-of-the-missile-or-forces-launches"),
    pytest.param(
        "North Korea launched a rocket carrying a satellite on Monday. The launch was the North's fourth "
        "attempt this year. The first, on Feb. 12, ended when the rocket broke up over the Yellow Sea, and a "
        "second try on April 2 failed.", "2025-06-10",
        [{"date": "2025-06-09"}, {"date": "2025-02-12", "missile": "rocket", "landing": (YELLOW_SEA,)},
         {"date": "2025-04-02", "missile": "rocket", "landing": ()}],
        id="the-first-of-the-attempts-counted"),
    pytest.param(
        "North Korea's two earlier attempts to launch a spy satellite, on March 3 and June 9, ended in "
        "failure.", "2024-10-02",
        [{"date": "2024-03-03", "launcher": KP, "missile": "spy satellite"},
         {"date": "2024-06-09", "launcher": KP, "missile": "spy satellite"}],
        id="attempts-to-launch-on-two-days"),
    pytest.param(
        "Tensions have grown since North Korea fired a new cruise missile on Feb. 2. The missile was "
        "launched from near Nampo at 8:10 a.m. and flew about 500 km, South Korea's Joint Chiefs of Staff "
        "said.", "2024-03-20",
        [{"date": "2024-02-02T08:10:00+09:00", "launcher": KP, "site": NAMPO, "range_km": 500,
          "reporters": {JCS}}],
        id="the-missile-after-a-since-clause-is-that-launch"),
    pytest.param(
        "North Korea fired a cruise missile on Friday, the JCS said, a week after what Pyongyang called a "
        "test of a new hypersonic missile on Oct. 4.", "2024-10-12",
        [{"date": "2024-10-11", "missile": "cruise missile"},
         {"date": "2024-10-04", "missile": "hypersonic missile"}],
        id="what-it-called-a-test-on-a-day"),
    pytest.param(
        "North Korea fired a missile on Monday. Analysts think it was a Hwasong-19, the new ICBM the regime "
        "says it tested on 9 October.", "2024-11-20",
        [{"date": "2024-11-18", "launcher": KP}, {"date": "2024-10-09", "launcher": KP, "missile": "ICBM"}],
        id="the-missile-a-relative-clause-says-was-tested"),
    pytest.param(
        "The ministers of the Quad said they deplored Iran's string of missile tests, including its test of "
        "a new medium-range ballistic missile, the Sejjil-4, on 9 February.", "2025-03-02",
        [{"date": "2025-02-09", "launcher": "country:IR", "missile": "Sejjil-4"}],
        id="its-test-is-the-country-named-before"),
    pytest.param(
        "North Korea fired an ICBM on Sunday. Seoul's defence minister, Kang Min, said the allies would "
        "share real-time data on North Korean missile launches \"within this year\".", "2025-03-02",
        [{"date": "2025-03-02", "missile": "ICBM"}], id="launches-misread-as-a-verb-after-a-preposition"),
    pytest.param(
        "North Korea fired an ICBM on Sunday, Japan's defence ministry said. General Park Min-su said the "
        "North was likely to conduct \"a satellite launch\" before the end of the month.", "2025-03-02",
        [{"date": "2025-03-02", "reporters": {JP_MOD}}], id="likely-to-conduct-is-a-forecast"),
    pytest.param(
        "North Korea fired an ICBM on Tuesday. The state news agency KCNA said leader Kim Jong Un oversaw "
        "Tuesday's launch. Its flight time of 68 minutes was a record.", "2025-03-05",
        [{"date": "2025-03-04", "flight_minutes": 68, "reporters": {"org:kcna"}}],
        id="oversaw-the-launch-reports-it-and-its-flight-time-is-how-long-it-flew"),
    pytest.param(
        "North Korea fired two ballistic missiles from the Pyongyang area on May 3. Then, late on May 9, as "
        "the carrier USS Nimitz arrived in Busan, it launched two more cruise missiles starting at 10:40 "
        "p.m., each flying about 300 km before falling into the Yellow Sea, according to South Korea's Joint "
        "Chiefs of Staff.", "2025-05-12",
        [{"date": "2025-05-03"},
         {"date": "2025-05-09T22:40:00+09:00", "range_km": 300, "landing": (YELLOW_SEA,)}],
        id="a-day-before-an-as-clause-dates-the-main-verb-and-each-flying-is-its-flight"),
    pytest.param(
        "North Korea fired two ballistic missiles from Sinpo on Tuesday. One flew about 450 kilometers "
        "before landing in the Yellow Sea.", "2025-05-12",
        [{"date": "2025-05-06", "range_km": 450, "landing": (YELLOW_SEA,)}],
        id="one-flew-is-one-of-the-missiles"),
    pytest.param(
        "North Korea fired a new ICBM on Friday, its Ministry of National Defence said. The ministry said "
        "in a statement carried by the Korean Central News Agency that it would test another one soon.",
        "2025-05-12",
        [{"date": "2025-05-09", "reporters": {"org:ministry-of-national-defence", "org:kcna"}}],
        id="the-agency-carrying-a-reporters-statements-reports-too"),
    pytest.param(
        "North Korea fired a cruise missile on Tuesday, the military said. The test took place three "
        "weeks after the North launched a Hwasong-15 ICBM on August 2.", "2025-09-24",
        [{"date": "2025-09-23", "missile": "cruise"}, {"date": "2025-08-02", "missile": "Hwasong-15"}],
        id="a-launch-that-came-after-another-is-not-dated-by-it"),
    pytest.param(
        "North Korea fired two ballistic missiles on Saturday. On Sunday, Japanese warplanes fired "
        "four air-to-surface missiles into the sea in a drill.", "2025-06-16",
        [{"date": "2025-06-14", "launcher": KP, "missile": "ballistic"},
         {"date": "2025-06-15", "launcher": "country:JP", "missile": "air-to-surface"}],
        id="a-countrys-warplanes-fire-for-it"),
    pytest.param(
        "North Korea fired a ballistic missile on Friday. It was in the air for about 35 minutes, "
        "Japan's defence ministry said.", "2025-03-08",
        [{"date": "2025-03-07", "flight_minutes": 35}],
        id="in-the-air-for-minutes-is-the-flight-time"),
    pytest.param(
        "North Korea launched a ballistic missile on Friday. The missile fell outside Japan's exclusive "
        "economic zone in the Sea of Japan, the coast guard said.", "2025-03-08",
        [{"date": "2025-03-07", "landing": (SEA_OF_JAPAN,)}],
        id="fell-outside-a-zone-in-a-sea-lands-in-that-sea"),
    pytest.param(
        "North Korea says it has tested a new cruise missile. State media said the test was a success. "
        "On Tuesday, Japan's defence ministry said it detected the launch from the Sinpo area at around "
        "6:10 a.m.", "2025-10-15",
        [{"date": "2025-10-14T06:10:00+09:00", "missile": "cruise"}],
        id="the-day-a-launch-was-detected-is-its-day"),
    pytest.param(
        "North Korea says it has tested a new cruise missile. State media said the test was a success. "
        "On Tuesday, Japan's defence ministry said it detected the launch from the Sinpo area at around "
        "6:10 a.m., and that the missile flew about 800 kilometers.", "2025-10-15",
        [{"date": "2025-10-14T06:10:00+09:00", "missile": "cruise", "range_km": 800}],
        id="the-day-a-launch-was-detected-is-its-day-beside-its-flight"),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES + GENERAL_CASES)
def test_launches(text: str, published: str, expected: list[dict]) -> None:
    got = launches(text, published)
    assert len(got) == len(expected), [(r.date, r.launcher, r.missiles) for r in got]
    by_date = {r.date: r for r in got}
    for want in expected:
        record = by_date.get(want["date"])
        assert record is not None, (want["date"], list(by_date))
        check(record, want)


def test_a_country_is_no_reporter_beside_the_body_that_told_it() -> None:
    got = launches("Japan and South Korea reported a ballistic missile launch by North Korea late on "
                   "Tuesday. South Korea's Joint Chiefs of Staff said the missile was launched at 10:42 p.m. "
                   "and flew 400km.", "2025-11-26")
    assert [r.reporters for r in got] == [(JCS,)]


def test_tries_with_days_of_their_own_are_launches() -> None:
    got = launches("North Korea launched a satellite on Tuesday, officials said. It reached orbit.\n\n"
                   "Two earlier attempts, on March 2 and June 9, ended with the rocket crashing into the "
                   "sea.", "2025-11-26")
    assert sorted(r.date[:10] for r in got) == ["2025-03-02", "2025-06-09", "2025-11-25"]


def test_a_day_hung_on_a_place_and_a_series_period_are_the_launchs() -> None:
    got = launches("North Korea fired several cruise missiles near a naval base off its west coast on "
                   "Sunday, Seoul's military said, the latest in a string of weapons tests this month.",
                   "2025-03-10")
    assert [(r.date, r.launcher) for r in got] == [("2025-03-09", "country:KP")]


def test_hours_later_is_the_same_day() -> None:
    got = launches("Two weeks earlier, on May 3, North Korea fired two short-range missiles from a train. "
                   "Hours later, Japan carried out its first test of a ship-launched cruise missile.",
                   "2025-05-17")
    assert {(r.launcher, r.date) for r in got} == {("country:KP", "2025-05-03"), ("country:JP", "2025-05-03")}


def test_every_launch_has_its_sentences_as_evidence() -> None:
    text = ("North Korea fired a ballistic missile on Tuesday. Leaders met in Tokyo. It flew about 600 km "
            "before falling into the East Sea.")
    (launch,) = launches(text, "2023-11-21")
    assert [e.sentence for e in launch.evidence] == [
        "North Korea fired a ballistic missile on Tuesday.",
        "It flew about 600 km before falling into the East Sea."]


def test_an_article_without_a_publication_date_gives_undated_launches():
    # "on Monday" resolves against the publication day only; without one the launch is kept
    # undated, never dated by the day the graph happens to be built.
    text = "North Korea fired a ballistic missile on Monday, Japan's defence ministry said. It flew 300 km."
    article = Article(id="undated", text=text, published=None)
    facts = extract(load_model()(text), article, names=["kg.missile_launch.v1"])
    [launch] = [e for e in facts.events if isinstance(e, MissileLaunch)]
    assert launch.date is None and launch.range_km == 300
