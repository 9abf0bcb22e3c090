"""The meeting/summit extractor: short texts in, Meeting records out.

Each case is a text, its publication day and the meetings it reports, each given by the fields
that matter (missing fields are not checked). People, organisations and places are given by the
names the graph labels them with; ``part_of`` is the participants of the larger meeting;
``evidence`` the number of sentences that contributed. An empty list means: no meeting at all.
"""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import extract
from kg.extract.names import fold
from kg.nlp import load_model
from kg.records import Article, Meeting
from tests.extract.matching import match_records


def meetings(text: str, published: str) -> list[dict]:
    article = Article(id="test", text=text, published=dt.date.fromisoformat(published))
    facts = extract(load_model()(text), article, names=["kg.meeting.v1"])

    def name(key: str | None) -> str | None:
        return fold(facts.entities[key].name) if key in facts.entities else key

    return [{"kind": m.kind, "participants": {name(p) for p in m.participants}, "place": name(m.place),
             "date": m.date, "planned": m.planned, "evidence": len(m.evidence),
             "part_of": {name(p) for p in m.part_of.participants} if m.part_of else None}
            for m in facts.events if isinstance(m, Meeting)]


def _norm(key: str, value):
    if key in ("participants", "part_of") and value is not None:
        return {fold(v) for v in value}
    return fold(value) if key == "place" and value is not None else value


def check(got: list[dict], want: list[dict]) -> None:
    match_records(got, want, _norm)


BIDEN, YOON, KISHIDA = "Joe Biden", "Yoon Suk Yeol", "Fumio Kishida"

CASES = [
    pytest.param(
        "President Joe Biden welcomed the leaders of South Korea and Japan to the Camp David presidential "
        "retreat on Friday for the first stand-alone summit of the three nations. South Korean President "
        "Yoon Suk Yeol and Japanese Prime Minister Fumio Kishida agreed to meet every year.", "2023-08-18",
        [{"kind": "Summit", "participants": {BIDEN, YOON, KISHIDA}, "place": "Camp David",
          "date": "2023-08-18"}],
        id="welcomed-leaders-of-for-summit"),
    pytest.param(
        "US President Joe Biden, South Korean President Yoon Suk Yeol and Japanese Prime Minister Fumio "
        "Kishida held their first trilateral summit at Camp David on Friday.", "2023-08-19",
        [{"kind": "Summit", "participants": {BIDEN, YOON, KISHIDA}, "place": "Camp David",
          "date": "2023-08-18"}],
        id="subjects-held-summit"),
    pytest.param(
        "Japan, South Korea and the United States condemned the launch. The foreign ministers of the three "
        "countries met in Jakarta on Thursday.", "2023-07-14",
        [{"kind": "Meeting", "participants": {"Japan", "South Korea", "United States"}, "place": "Jakarta",
          "date": "2023-07-13"}],
        id="ministers-of-the-three-countries"),
    pytest.param(
        "South Korea and Japan will hold talks in Seoul next week.", "2024-04-02",
        [{"kind": "Meeting", "participants": {"South Korea", "Japan"}, "place": "Seoul", "date": None,
          "planned": True}],
        id="will-hold-talks-next-week"),
    pytest.param(
        "Chilean President Gabriel Boric crossed the bridge at 9:30 a.m. on Friday and shook hands with "
        "Peruvian President Dina Boluarte.", "2023-08-19",
        [{"kind": "Meeting", "participants": {"Gabriel Boric", "Dina Boluarte"}}],
        id="shook-hands-with-someone-is-a-meeting"),
    pytest.param(
        "Chilean President Gabriel Boric arrived in Lima on Friday and met Peruvian President Dina Boluarte.",
        "2023-08-19",
        [{"participants": {"Gabriel Boric", "Dina Boluarte"}, "date": "2023-08-18", "place": "Lima"}],
        id="a-joined-verb-shares-the-day-of-the-one-before"),
    pytest.param(
        "US President Joe Biden held a phone call with South Korean President Yoon Suk Yeol on Tuesday.",
        "2023-08-16",
        [{"kind": "Meeting", "participants": {BIDEN, YOON}, "date": "2023-08-15", "place": None}],
        id="held-a-phone-call"),
    pytest.param(
        "Australian Prime Minister Anthony Albanese said on Saturday that he and New Zealand Prime Minister "
        "Chris Hipkins agreed at a summit in Wellington to deepen trade ties. Albanese, who arrived in the "
        "New Zealand capital on Saturday for a three-day visit, is the first Australian leader to travel to "
        "New Zealand for bilateral talks in nine years.", "2023-07-08",
        [{"kind": "Summit", "participants": {"Anthony Albanese", "Chris Hipkins"}, "place": "Wellington"}],
        id="lone-visitor-for-talks-is-the-summit"),
    pytest.param(
        "Japanese Foreign Minister Yoko Kamikawa and South Korean Foreign Minister Park Jin discussed the "
        "launch in a phone call on Wednesday, Japan's Foreign Ministry said.", "2023-11-22",
        [{"kind": "Meeting", "participants": {"Yoko Kamikawa", "Park Jin"}, "date": "2023-11-22"}],
        id="discussed-in-a-phone-call"),
    pytest.param(
        "Yoon Suk Yeol and Fumio Kishida spoke by phone on Monday.", "2023-08-16",
        [{"kind": "Meeting", "participants": {YOON, KISHIDA}, "date": "2023-08-14"}],
        id="spoke-by-phone"),
    pytest.param(
        "Japanese Prime Minister Fumio Kishida met US President Joe Biden on the sidelines of the G20 "
        "summit in New Delhi on Saturday.", "2023-09-10",
        [{"kind": "Meeting", "participants": {KISHIDA, BIDEN}, "date": "2023-09-09",
          "part_of": {"G20", KISHIDA, BIDEN}},
         {"kind": "Summit", "participants": {"G20", KISHIDA, BIDEN}, "part_of": None}],
        id="sidelines-of-g20-summit"),
    pytest.param(
        "Japanese Prime Minister Fumio Kishida arrived in Vilnius on Tuesday. He is expected to meet South "
        "Korean President Yoon Suk Yeol on the sidelines of the NATO summit. The alliance's leaders summit "
        "in Vilnius, which Yoon is attending, opened on Tuesday.", "2023-07-12",
        [{"kind": "Meeting", "participants": {KISHIDA, YOON}, "place": "Vilnius", "planned": True,
          "part_of": {"NATO", YOON, KISHIDA}},
         {"kind": "Summit", "participants": {"NATO", YOON, KISHIDA}, "place": "Vilnius",
          "date": "2023-07-11", "evidence": 2}],
        id="sidelines-of-nato-summit-he-merged"),
    pytest.param(
        "US President Joe Biden will host Japanese Prime Minister Fumio Kishida and South Korean President "
        "Yoon Suk Yeol for a summit at Camp David on Aug. 18. It will be their first three-way summit since "
        "May, when the three leaders met in Hiroshima on the sidelines of the G7 summit.", "2023-07-01",
        [{"kind": "Summit", "participants": {BIDEN, KISHIDA, YOON}, "place": "Camp David",
          "date": "2023-08-18", "evidence": 2, "planned": True},
         {"kind": "Meeting", "participants": {BIDEN, KISHIDA, YOON}, "place": "Hiroshima",
          "part_of": {"G7", BIDEN, KISHIDA, YOON}},
         {"kind": "Summit", "participants": {"G7", BIDEN, KISHIDA, YOON}, "place": "Hiroshima"}],
        id="since-may-when-they-met-is-another-meeting"),
    pytest.param(
        "Japan's chief cabinet secretary Hirokazu Matsuno said a summit was planned with South Korea, "
        "Australia and New Zealand.", "2023-07-12",
        [{"kind": "Summit", "participants": {"Japan", "South Korea", "Australia", "New Zealand"},
          "planned": True}],
        id="planned-summit-speaker-country-joins"),
    pytest.param(
        "South Korean President Yoon Suk Yeol will meet Japanese Prime Minister Fumio Kishida in Tokyo on "
        "Thursday. The meeting will be the first such visit in 12 years.", "2023-03-14",
        [{"kind": "Meeting", "participants": {YOON, KISHIDA}, "place": "Tokyo", "date": "2023-03-16",
          "evidence": 2, "planned": True}],
        id="will-meet-then-the-meeting"),
    pytest.param(
        "North Korea fired a missile hours before the leaders of South Korea and Japan were due to meet. "
        "South Korean President Yoon Suk Yeol meets Japanese Prime Minister Fumio Kishida in Tokyo later "
        "on Thursday. Security will top the agenda at the Tokyo talks on Thursday.", "2023-03-16",
        [{"kind": "Meeting", "participants": {YOON, KISHIDA}, "place": "Tokyo", "date": "2023-03-16",
          "evidence": 3}],
        id="leaders-of-then-names-then-tokyo-talks"),
    pytest.param(
        "On Sunday, Yoon Suk Yeol held separate talks with Li Qiang and with Fumio Kishida.", "2024-05-27",
        [{"participants": {YOON, "Li Qiang"}, "date": "2024-05-26"},
         {"participants": {YOON, KISHIDA}, "date": "2024-05-26"}],
        id="separate-talks-one-each"),
    pytest.param(
        "The launch followed a summit in Seoul on Monday at which South Korean President Yoon Suk Yeol, "
        "Japanese Prime Minister Fumio Kishida and Chinese Premier Li Qiang agreed to hold such meetings "
        "regularly.", "2024-05-28",
        [{"kind": "Summit", "participants": {YOON, KISHIDA, "Li Qiang"}, "place": "Seoul",
          "date": "2024-05-27"}],
        id="summit-at-which-they-agreed"),
    pytest.param(
        "President Yoon Suk Yeol convened an emergency meeting of the National Security Council on "
        "Thursday.", "2023-12-18",
        [{"kind": "Meeting", "participants": {YOON, "National Security Council"}, "date": "2023-12-14"}],
        id="convened-a-meeting-of-a-body"),
    pytest.param(
        "On Monday, North Korean leader Kim Jong Un told a meeting of the Central Military Commission that "
        "the country must strengthen its deterrence.", "2023-04-13",
        [{"participants": {"Kim Jong Un", "Central Military Commission"}, "date": "2023-04-10"}],
        id="told-a-meeting-of"),
    pytest.param(
        "State media said leader Kim Jong Un watched the launch. Analysts point to the North Korean "
        "leader's Sept. 13 summit with Russian President Vladimir Putin.", "2023-11-22",
        [{"kind": "Summit", "participants": {"Kim Jong Un", "Vladimir Putin"}, "date": "2023-09-13"}],
        id="the-north-korean-leaders-summit-with"),
    pytest.param(
        "South Korean Foreign Minister Cho Tae-yul prepares to travel to Tokyo, where he will meet his "
        "Japanese counterpart Yoko Kamikawa next week.", "2024-04-02",
        [{"participants": {"Cho Tae-yul", "Yoko Kamikawa"}, "place": "Tokyo", "planned": True}],
        id="where-he-will-meet-his-counterpart"),
    pytest.param(
        "Prime Minister Fumio Kishida is set to hold talks with U.S. President Joe Biden in Washington next "
        "month during a state visit.", "2024-03-18",
        [{"kind": "Meeting", "participants": {KISHIDA, BIDEN}, "place": "Washington", "planned": True}],
        id="is-set-to-hold-talks"),
    pytest.param(
        "JCS Chairman Kim Seung-kyum held a video conference with Gen. Paul LaCamera shortly after the "
        "launches.", "2023-08-31",
        [{"participants": {"Kim Seung-kyum", "Paul LaCamera"}}],
        id="video-conference"),
    pytest.param(
        "Before the three-way talks, Joe Biden held separate meetings with South Korean President Yoon Suk "
        "Yeol and with Japanese Prime Minister Fumio Kishida at the retreat.", "2023-08-18",
        [{"participants": {BIDEN, YOON}}, {"participants": {BIDEN, KISHIDA}}],
        id="separate-meetings-bare-anaphor-alone"),
    pytest.param(
        "South Korean President Yoon Suk Yeol will visit Tokyo on Thursday for talks with Japanese Prime "
        "Minister Fumio Kishida.", "2023-03-14",
        [{"participants": {YOON, KISHIDA}, "place": "Tokyo", "date": "2023-03-16", "planned": True}],
        id="visit-for-talks-with"),
    pytest.param(
        "In a call with Japanese Prime Minister Fumio Kishida on Monday, US President Joe Biden said the "
        "alliance was strong.", "2023-08-16",
        [{"participants": {KISHIDA, BIDEN}, "date": "2023-08-14"}],
        id="in-a-call-with"),
    pytest.param(
        "US President Joe Biden hosted South Korean President Yoon Suk Yeol on Wednesday.", "2023-04-27",
        [{"kind": "Meeting", "participants": {BIDEN, YOON}, "date": "2023-04-26"}],
        id="hosted-a-leader"),
    pytest.param(
        "Foreign ministers from Japan, China and South Korea met in Busan on Sunday to prepare for a "
        "leaders' summit.", "2023-11-27",
        [{"kind": "Meeting", "participants": {"Japan", "China", "South Korea"}, "place": "Busan",
          "date": "2023-11-26"}],
        id="ministers-from-met-to-prepare-a-summit"),
    pytest.param(
        "Fumio Kishida is expected to raise the issue at next month's G7 summit in Hiroshima.", "2023-04-20",
        [{"kind": "Summit", "participants": {"G7", KISHIDA}, "place": "Hiroshima"}],
        id="raise-at-upcoming-summit"),
    pytest.param(
        "Donald Trump and Kim Jong Un met three times in 2018 and 2019. Since the Hanoi summit collapsed in "
        "2019, talks have stalled.", "2023-08-18",
        [],
        id="repeated-and-background-meetings"),
    pytest.param(
        "The two leaders agreed to meet every year. Both countries said they would convene their national "
        "security councils. Kishida told a news conference that North Korea had rejected talks with "
        "Washington.", "2023-08-18",
        [],
        id="generic-and-non-meetings"),
    # A meeting timed against another event: "hours before ...", "a day after ...".
    pytest.param(
        "Pyongyang test-fired a cruise missile on Friday morning, hours before Chinese Premier Li Qiang "
        "welcomed Japanese Prime Minister Fumio Kishida to Beijing for a summit.", "2024-06-08",
        [{"kind": "Summit", "participants": {"Li Qiang", KISHIDA}, "place": "Beijing", "date": "2024-06-07"}],
        id="hours-before-takes-the-main-clause-day"),
    pytest.param(
        "Japan's defence ministry said the missile was fired on Monday. The firing came two days after US "
        "Secretary of State Antony Blinken and Chinese Foreign Minister Wang Yi held talks in Beijing.",
        "2024-04-10",
        [{"participants": {"Antony Blinken", "Wang Yi"}, "place": "Beijing", "date": "2024-04-06"}],
        id="days-after-an-event-dated-earlier"),
    pytest.param(
        "North Korea fired a missile on Tuesday. Hours after the launch, Japanese Prime Minister Fumio "
        "Kishida and South Korean President Yoon Suk Yeol spoke by phone.", "2024-04-10",
        [{"participants": {KISHIDA, YOON}, "date": "2024-04-09"}],
        id="hours-after-the-launch-phrase"),
    pytest.param(
        "Seoul said the test was its first in months. The launch came only days after South Korean "
        "President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo.", "2024-04-10",
        [{"participants": {YOON, KISHIDA}, "place": "Tokyo", "date": None}],
        id="vague-days-after-gives-no-day"),
    # Leaders at a summit; ministers meeting on its sidelines accompany them.
    pytest.param(
        "South Korean President Yoon Suk Yeol hosted Japanese Prime Minister Fumio Kishida for a summit in "
        "Seoul on Tuesday. On the sidelines of the summit, South Korean Foreign Minister Cho Tae-yul met "
        "Japanese Foreign Minister Yoko Kamikawa.", "2024-06-05",
        [{"kind": "Summit", "participants": {YOON, KISHIDA}, "place": "Seoul", "date": "2024-06-04"},
         {"kind": "Meeting", "participants": {"Cho Tae-yul", "Yoko Kamikawa"}, "place": "Seoul",
          "date": "2024-06-04", "part_of": {YOON, KISHIDA}}],
        id="ministers-on-the-sidelines-do-not-join-the-summit"),
    pytest.param(
        "US Secretary of State Antony Blinken arrived in Seoul on Monday. He met South Korean Foreign "
        "Minister Cho Tae-yul on the sidelines of a democracy summit hosted by South Korean President Yoon "
        "Suk Yeol.", "2024-03-19",
        [{"kind": "Summit", "participants": {YOON, "Antony Blinken"}},
         {"kind": "Meeting", "participants": {"Antony Blinken", "Cho Tae-yul"},
          "part_of": {YOON, "Antony Blinken"}}],
        id="a-minister-whose-leader-is-absent-attends-the-summit"),
    # The parser hangs the first of two titled names on the second; both take part.
    pytest.param(
        "South Korean President Yoon Suk Yeol and US President Joe Biden will hold a summit at the White "
        "House on Friday, the presidential office said.", "2024-07-29",
        [{"kind": "Summit", "participants": {YOON, BIDEN}, "date": "2024-08-02", "planned": True}],
        id="first-conjunct-hung-on-the-second"),
    pytest.param(
        "The foreign ministers of South Korea, Japan and the United States met on the sidelines of the "
        "ASEAN Regional Forum in Vientiane on Saturday.", "2024-07-29",
        [{"participants": {"South Korea", "Japan", "United States"}, "place": "Vientiane",
          "date": "2024-07-27", "part_of": {"ASEAN Regional Forum"}},
         {"participants": {"ASEAN Regional Forum"}, "place": "Vientiane"}],
        id="place-of-the-forum-on-whose-sidelines"),
    # "their next meeting" is another one, still to come; "the meeting" after a past verb is the last held.
    pytest.param(
        "Japanese Foreign Minister Yoko Kamikawa held talks with Australian Foreign Minister Penny Wong in "
        "Canberra on Monday. Kamikawa and Wong agreed that their defence and foreign ministers would hold "
        "their next meeting in Tokyo later this year, with Australian Defence Minister Richard Marles and "
        "Japanese Defence Minister Minoru Kihara expected to attend. Wong told reporters after the meeting "
        "that ties were strong.", "2024-06-04",
        [{"participants": {"Yoko Kamikawa", "Penny Wong"}, "place": "Canberra", "date": "2024-06-03",
          "planned": False, "evidence": 2},
         {"participants": {"Yoko Kamikawa", "Penny Wong", "Richard Marles", "Minoru Kihara"},
          "place": "Tokyo", "date": None, "planned": True, "evidence": 1}],
        id="next-meeting-is-another-with-people-expected-to-attend"),
    # A participle after the object dates and places the meeting; the verb that mentions it does not.
    pytest.param(
        "China's foreign ministry on Sunday criticised the first meeting of the Japan-Philippines Security "
        "Dialogue, held in Manila last Thursday.", "2024-06-10",
        [{"participants": {"Japan", "Philippines"}, "place": "Manila", "date": "2024-06-06"}],
        id="participle-after-object-and-hyphened-states"),
    # The states that sit in a body are its meeting's parties; an international organisation stays one.
    pytest.param(
        "The launches came days after a meeting of the Nuclear Consultative Group in Washington, at which "
        "American and South Korean officials discussed deterrence.", "2023-12-18",
        [{"participants": {"United States", "South Korea"}}],
        id="body-of-two-states-gives-way-to-them"),
    pytest.param(
        "Pyongyang on Sunday condemned the first meeting of the Japan-US Extended Deterrence Dialogue, "
        "held in Tokyo on Friday.", "2024-06-10",
        [{"participants": {"Japan", "United States"}}],
        id="states-named-in-the-body-are-its-members"),
    pytest.param(
        "Japan and the United States condemned the launch at a meeting of the UN Security Council on Friday, "
        "at which South Korea also spoke.", "2024-06-04",
        [{"participants": {"Japan", "United States", "UN Security Council", "South Korea"},
          "date": "2024-05-31"}],
        id="international-organisation-stays-a-participant"),
    pytest.param(
        "Kim Jong Un travelled by train to the Vostochny Cosmodrome in Russia's far east, where he met "
        "Russian President Vladimir Putin on Wednesday.", "2024-06-08",
        [{"participants": {"Kim Jong Un", "Vladimir Putin"}, "place": "Vostochny Cosmodrome",
          "date": "2024-06-05"}],
        id="where-clause-takes-the-destination"),
    # "their summit" is the subject's; "the Aug. 18, 2023, summit" is definite and dated.
    pytest.param(
        "The leaders of Japan, South Korea and the United States marked the anniversary of their summit at "
        "Camp David on Sunday. US President Joe Biden, South Korean President Yoon Suk Yeol and Japanese "
        "Prime Minister Fumio Kishida issued a joint statement. At the Aug. 18, 2023, summit, the three "
        "leaders agreed to hold annual talks.", "2024-06-10",
        [{"kind": "Summit", "participants": {BIDEN, YOON, KISHIDA}, "place": "Camp David",
          "date": "2023-08-18"}],
        id="their-is-the-subject-and-dated-summit"),
    pytest.param(
        "Kishida and Yoon held a summit in Tokyo on Thursday.", "2023-03-17",
        [{"participants": {"Kishida", "Yoon"}, "place": "Tokyo", "date": "2023-03-16"}],
        id="surnames-only",
        marks=pytest.mark.xfail(reason="with no full name in the text the model types bare surnames as "
                                       "places, so they are not actors", strict=True)),
    pytest.param(
        "CANBERRA, Australia \u2013 Australian Prime Minister Anthony Albanese and his Japanese counterpart "
        "Fumio Kishida have agreed to expand defence ties, signing a security pact at a summit in Canberra.",
        "2024-02-06",
        [{"kind": "Summit", "participants": {"Anthony Albanese", KISHIDA}, "place": "Canberra"}],
        id="dateline-subject-and-participle"),
    pytest.param(
        "President Yoon Suk Yeol hosted Chinese Premier Li Qiang and Japanese Prime Minister Fumio Kishida "
        "here in Seoul on Monday for the first summit of the three countries in years.", "2024-05-28",
        [{"kind": "Summit", "participants": {YOON, "Li Qiang", KISHIDA}, "place": "Seoul",
          "date": "2024-05-27"}],
        id="hosted-here-in-for-summit"),
    pytest.param(
        "Prime Minister Anthony Albanese and New Zealand Prime Minister Chris Hipkins met in Wellington on "
        "Thursday in the first annual summit of the two leaders.", "2023-07-07",
        [{"kind": "Summit", "participants": {"Anthony Albanese", "Chris Hipkins"}, "place": "Wellington",
          "date": "2023-07-06"}],
        id="met-in-a-summit"),
    pytest.param(
        "President Joe Biden spoke by phone on Monday with Japanese Prime Minister Fumio Kishida and South "
        "Korean President Yoon Suk Yeol. The leaders agreed to hold another trilateral summit on the "
        "sidelines of the G20 summit in Rio de Janeiro in November.", "2024-09-10",
        [{"kind": "Meeting", "participants": {BIDEN, KISHIDA, YOON}, "date": "2024-09-09"},
         {"kind": "Summit", "participants": {BIDEN, KISHIDA, YOON}, "place": "Rio de Janeiro",
          "planned": True, "part_of": {"G20", BIDEN, KISHIDA, YOON}},
         {"kind": "Summit", "participants": {"G20", BIDEN, KISHIDA, YOON}, "place": "Rio de Janeiro"}],
        id="the-leaders-plan-a-side-summit"),
    pytest.param(
        "Secretary of State Antony Blinken will travel to Tokyo next week to meet Cho Tae-yul, South Korea's "
        "foreign minister, and Yoko Kamikawa, Japan's foreign minister. The three are scheduled to meet on "
        "Thursday.", "2024-07-01",
        [{"participants": {"Antony Blinken", "Cho Tae-yul", "Yoko Kamikawa"}, "place": "Tokyo",
          "planned": True, "date": "2024-07-04"}],
        id="travel-to-meet-the-three"),
    pytest.param(
        "President Joe Biden spoke by video on Sunday with Japanese Prime Minister Fumio Kishida and South "
        "Korean President Yoon Suk Yeol, one year since the three leaders met at Camp David. The Camp "
        "David summit, held at the retreat in the Catoctin Mountains on Aug. 18, 2023, "
        "produced a crisis hotline.", "2024-08-19",
        [{"kind": "Meeting", "date": "2024-08-18", "place": None},
         {"kind": "Summit", "place": "Camp David", "date": "2023-08-18"}],
        id="since-they-met-is-another-meeting"),
    pytest.param(
        "The warning system that Biden, Yoon and Kishida agreed on at Camp David in August is due to run "
        "by December.", "2023-11-22",
        [{"kind": "Summit", "participants": {"Biden", "Yoon", "Kishida"}, "place": "Camp David"}],
        id="summit-implied-by-venue",
        marks=pytest.mark.xfail(reason="no meeting word: a summit implied by leaders agreeing at a venue",
                                strict=True)),
    pytest.param(
        "The UN Security Council is expected to discuss the launches later this week.", "2023-12-18",
        [{"participants": {"UN Security Council"}, "planned": True}],
        id="council-to-discuss",
        marks=pytest.mark.xfail(reason="a session named only by its verb ('discuss'), not a meeting noun",
                                strict=True)),
    pytest.param(
        "Arab League foreign ministers end their Cairo meeting. The 150th Arab League Council meeting "
        "opened in Cairo on Tuesday. Egypt's Foreign Minister Sameh Shoukry, who chaired the meeting, "
        "called for calm.", "2023-09-07",
        [{"participants": {"Arab League", "Sameh Shoukry"}, "place": "Cairo", "date": "2023-09-05"}],
        id="city-in-front-is-venue-and-who-chaired-the-meeting-joins-it"),
    pytest.param(
        "The African Union foreign ministers' meeting opened in Addis Ababa on Monday. On Tuesday, "
        "French Foreign Minister Catherine Colonna and her German counterpart Annalena Baerbock met on "
        "the sidelines of the African Union meeting in Addis Ababa. Colonna told Baerbock at the start "
        "of their talks that the talks mattered.", "2023-02-14",
        [{"participants": {"African Union"}, "date": "2023-02-13"},
         {"participants": {"Catherine Colonna", "Annalena Baerbock"}, "date": "2023-02-14",
          "part_of": {"African Union"}}],
        id="guests-on-a-blocs-sidelines-are-not-its-members-and-their-talks-is-subject-and-object"),
    pytest.param(
        "Australia, India and Japan will hold a naval drill next week, officials said on Monday. Tensions "
        "have risen in the region. Sailors will train off Goa. The drill stems from a pledge made by the "
        "leaders of the three countries at a summit in Sydney in May.", "2024-06-10",
        [{"kind": "Summit", "participants": {"Australia", "India", "Japan"}, "place": "Sydney"}],
        id="passive-agent-at-a-summit-and-the-three-countries-named-paragraphs-earlier"),
    pytest.param(
        "In Jakarta on Friday, Germany's Foreign Minister Annalena Baerbock and her French counterpart "
        "Catherine Colonna met for an hour. They discussed Ukraine. Other ministers attended a dinner. "
        "Italian Foreign Minister Antonio Tajani is expected to hold a trilateral meeting with the two "
        "ministers next month.", "2023-07-15",
        [{"participants": {"Annalena Baerbock", "Catherine Colonna"}, "date": "2023-07-14"},
         {"participants": {"Antonio Tajani", "Annalena Baerbock", "Catherine Colonna"}, "planned": True}],
        id="the-two-ministers-are-the-pair-named-before-with-an-apposition-and-trilateral-is-one-meeting"),
    pytest.param(
        "French National Security Adviser Emmanuel Bonne spoke by phone with his German and Italian "
        "counterparts, Jens Plötner and Fabrizio Saggio, on Monday.", "2023-05-09",
        [{"participants": {"Emmanuel Bonne", "Jens Plotner", "Fabrizio Saggio"}, "date": "2023-05-08"}],
        id="counterparts-named-after-the-phrase-are-the-people-not-their-leaders"),
    pytest.param(
        "Meeting at a lakeside villa near Geneva on Tuesday, Emmanuel Macron, the German chancellor, Olaf "
        "Scholz, and the Italian prime minister, Giorgia Meloni, agreed to coordinate aid.", "2023-06-14",
        [{"participants": {"Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni"}, "date": "2023-06-13"}],
        id="sentence-opening-participle-and-a-list-chained-through-appositions"),
    pytest.param(
        "Leaders gathered in Oslo for a summit the Norwegian prime minister said would shape the decade. "
        "Prime Minister Jonas Gahr Store and Swedish Prime Minister Ulf Kristersson attended the summit.",
        "2023-06-14",
        [{"participants": {"Jonas Gahr Store", "Ulf Kristersson"}}],
        id="who-said-something-of-a-summit-is-not-thereby-in-it"),
    pytest.param(
        "BERLIN – Chancellor Olaf Scholz and French President Emmanuel Macron agreed Tuesday to deepen "
        "defence ties, in what is expected to be Macron's last summit with Scholz before the election.",
        "2024-11-20",
        [{"participants": {"Olaf Scholz", "Emmanuel Macron"}, "date": "2024-11-19", "planned": False}],
        id="what-is-expected-to-be-the-last-summit-is-the-one-told-not-a-plan"),
    pytest.param(
        "Olaf Scholz's first summit with Emmanuel Macron in Paris, on May 7 last year, came after a freeze.",
        "2024-09-07",
        [{"participants": {"Olaf Scholz", "Emmanuel Macron"}, "date": "2023-05-07"}],
        id="a-date-with-last-year-is-last-years"),
    pytest.param(
        "Olaf Scholz and Emmanuel Macron have begun their summit at the presidential palace in Paris.",
        "2024-09-06",
        [{"participants": {"Olaf Scholz", "Emmanuel Macron"}, "date": "2024-09-06"}],
        id="a-summit-that-has-begun-is-todays"),
    pytest.param(
        "Spain, the UK and Italy on Monday signed a joint declaration, as the allies' finance chiefs met in "
        "Rome.", "2024-07-09",
        [{"participants": {"Spain", "United Kingdom", "Italy"}, "date": "2024-07-08", "place": "Rome"}],
        id="as-clause-shares-the-day-and-the-allies-chiefs-are-the-allies"),
    pytest.param(
        "Xi Jinping held summit talks with visiting Colombian President Gustavo Petro in Beijing "
        "on Tuesday.", "2024-05-15",
        [{"kind": "Summit", "participants": {"Xi Jinping", "Gustavo Petro"}, "place": "Beijing",
          "date": "2024-05-14"}],
        id="talks-with-a-visiting-leader-and-summit-talks-are-a-summit"),
    pytest.param(
        "Later on Friday, Vice President Maria Lopez convened an emergency meeting on its sidelines with "
        "Olaf Scholz, Prime Minister Giorgia Meloni of Italy and the leaders of Spain and Portugal.",
        "2024-05-17",
        [{"participants": {"Maria Lopez", "Olaf Scholz", "Giorgia Meloni", "Spain", "Portugal"},
          "date": "2024-05-17"}],
        id="with-hung-on-sidelines-and-a-list-chained-by-apposition"),
    pytest.param(
        "The UN Security Council is scheduled to meet on Monday to discuss the launch.", "2024-05-17",
        [{"participants": {"UN Security Council"}, "date": "2024-05-20", "planned": True}],
        id="a-council-meets-by-itself"),
    pytest.param(
        "Kenya's National Security Council held an emergency meeting on Tuesday morning chaired by "
        "national security adviser Monica Juma.", "2024-05-17",
        [{"participants": {"Kenya National Security Council", "Monica Juma"}, "date": "2024-05-14"}],
        id="the-chair-of-a-held-meeting-takes-part"),
    pytest.param(
        "Colombian President Gustavo Petro met Chilean President Gabriel Boric on the sidelines of APEC in "
        "Lima on Friday.", "2024-11-16",
        [{"participants": {"Gustavo Petro", "Gabriel Boric"}, "place": "Lima", "date": "2024-11-15",
          "part_of": {"APEC"}},
         {"participants": {"APEC"}, "place": "Lima"}],
        id="whatever-the-sidelines-are-of-is-a-meeting"),
    pytest.param(
        "Chilean President Gabriel Boric will fly to Lima on Saturday morning for a summit that afternoon "
        "with Peruvian President Dina Boluarte, then head to Buenos Aires for his first summit with "
        "Argentine President Javier Milei on Aug. 25.", "2025-08-19",
        [{"kind": "Summit", "participants": {"Gabriel Boric", "Dina Boluarte"}, "place": "Lima",
          "date": "2025-08-23", "planned": True},
         {"kind": "Summit", "participants": {"Gabriel Boric", "Javier Milei"}, "place": "Buenos Aires",
          "date": "2025-08-25", "planned": True}],
        id="his-is-the-clauses-subject-and-an-unlabelled-second-verb-shares-its-tense"),
    pytest.param(
        "Iran fired a missile on Thursday. President Gabriel Boric convened an emergency meeting of the "
        "National Security Council within hours of the launch.", "2024-11-01",
        [{"participants": {"Gabriel Boric", "National Security Council"}, "date": "2024-10-31"}],
        id="within-hours-of-the-launch-is-its-day"),
    pytest.param(
        "The launch followed Wednesday's annual Security Consultative Meeting in Washington, where Defense "
        "Minister Kim Yong-hyun and Defense Secretary Lloyd Austin demanded a withdrawal. Later, Yoon Suk "
        "Yeol spoke by phone with Japanese Prime Minister Shigeru Ishiba.", "2024-11-01",
        [{"participants": {"Kim Yong-hyun", "Lloyd Austin"}, "place": "Washington", "date": "2024-10-30"},
         {"participants": {"Yoon Suk Yeol", "Shigeru Ishiba"}}],
        id="where-clause-people-attend-and-other-people-of-one-country-meet-apart"),
    pytest.param(
        "Defense Minister Minoru Kihara and Defense Secretary Lloyd Austin met on the sidelines of the "
        "Shangri-La Dialogue, an annual security forum that opened Friday in Singapore. On Saturday, Kihara "
        "held bilateral talks with South Korean Defense Minister Shin Won-sik on the margins of the forum. "
        "Austin, who held talks with Chinese Defense Minister Dong Jun on Friday, also on the sidelines of "
        "the forum, spoke a day later.", "2024-06-02",
        [{"participants": {"Minoru Kihara", "Lloyd Austin"}, "place": "Singapore",
          "part_of": {"Minoru Kihara", "Lloyd Austin", "Shin Won-sik", "Dong Jun"}},
         {"participants": {"Minoru Kihara", "Lloyd Austin", "Shin Won-sik", "Dong Jun"}, "place": "Singapore",
          "date": "2024-05-31"},
         {"participants": {"Minoru Kihara", "Shin Won-sik"}, "place": "Singapore", "date": "2024-06-01",
          "part_of": {"Minoru Kihara", "Lloyd Austin", "Shin Won-sik", "Dong Jun"}},
         {"participants": {"Lloyd Austin", "Dong Jun"}, "place": "Singapore", "date": "2024-05-31",
          "part_of": {"Minoru Kihara", "Lloyd Austin", "Shin Won-sik", "Dong Jun"}}],
        id="the-forum-is-the-one-named-before-and-sidelines-hung-anywhere-in-the-sentence"),
    pytest.param(
        "Iran fired a ballistic missile on Thursday, the army said. In Santiago, President Gabriel Boric "
        "chaired an emergency meeting of Chile's National Security Council.", "2024-11-01",
        [{"participants": {"Gabriel Boric", "Chile National Security Council"}, "place": "Santiago",
          "date": "2024-10-31"}],
        id="an-undated-emergency-meeting-is-on-the-day-of-the-launch-it-answers"),
    pytest.param(
        "Iran fired a ballistic missile on Thursday. Iran last fired one less than a month ago, an action "
        "that sparked a UN emergency meeting.", "2024-11-01", [],
        id="an-emergency-meeting-about-an-undated-launch-is-not-dated-by-todays"),
    pytest.param(
        "Chinese President Xi Jinping has hosted Brazilian President Lula da Silva at the Great Hall in "
        "Beijing. Officials say the talks are about trade.", "2024-05-08",
        [{"participants": {"Xi Jinping", "Lula da Silva"}, "date": "2024-05-08"}],
        id="has-hosted-in-the-present-perfect-is-todays-news"),
    pytest.param(
        "Chancellor Olaf Scholz has already met French President Emmanuel Macron.", "2024-05-08",
        [{"participants": {"Olaf Scholz", "Emmanuel Macron"}, "date": None}],
        id="has-already-met-is-no-day"),
    pytest.param(
        "In Lima, Vice President Kamala Harris has met allied leaders. Canadian Prime Minister Justin "
        "Trudeau and Australian Prime Minister Anthony Albanese joined the emergency session, which Harris "
        "had called.", "2024-11-15",
        [{"participants": {"Kamala Harris", "Justin Trudeau", "Anthony Albanese"}, "place": "Lima",
          "date": "2024-11-15"}],
        id="an-emergency-session-is-a-meeting-and-who-called-it-is-in-it"),
    pytest.param(
        "Leaders spoke at the opening session of the forum in Hanoi on Monday.", "2024-05-08", [],
        id="an-opening-session-is-no-meeting-of-its-own"),
    pytest.param(
        "Meeting on the Italian island of Ischia on Monday, NATO defence ministers, among them Defence "
        "Secretary Lloyd Austin and Defence Minister Boris Pistorius, backed the plan.", "2024-05-08",
        [{"participants": {"NATO", "Lloyd Austin", "Boris Pistorius"}, "place": "Ischia"}],
        id="a-participle-meeting-whose-subject-is-an-apposition-among-them"),
    pytest.param(
        "When the Security Council met on March 4, France and Britain demanded a vote. At that March "
        "meeting, Ambassador Barbara Woodward accused two members of stalling.", "2024-05-08",
        [{"participants": {"UN Security Council", "France", "United Kingdom", "Barbara Woodward"},
          "date": "2024-03-04"}],
        id="members-acting-when-a-council-met-and-one-speaker-at-that-month-s-meeting"),
    pytest.param(
        "Iran launched two rockets from the coast starting at around 5 a.m. on Friday. The launch came a day "
        "after the Nuclear Planning Group met for "
        "the first time in Brussels. Jens Stoltenberg chaired Thursday's meeting with Mark Rutte.",
        "2024-05-10",
        [{"participants": {"Nuclear Planning Group", "Jens Stoltenberg", "Mark Rutte"}, "place": "Brussels",
          "date": "2024-05-09"}],
        id="a-group-sits-and-the-meeting-on-its-day-is-its-own-and-a-starting-participle-dates-the-launch"),
    pytest.param(
        "Vietnamese leader To Lam signed a partnership deal with Chinese President Xi Jinping last month, "
        "when Xi visited Hanoi on December 12.", "2024-01-08",
        [{"kind": "Summit", "participants": {"To Lam", "Xi Jinping"}, "place": "Hanoi",
          "date": "2023-12-12"}],
        id="a-visit-during-which-the-host-dealt-with-the-guest"),
    pytest.param(
        "Iran fired a missile when US President Joe Biden visited Riyadh on July 15.", "2024-01-08", [],
        id="a-visit-without-dealings-with-the-host-is-no-meeting"),
    pytest.param(
        "On March 4, commencing at 3:10 p.m. for about 40 minutes, Mr. Taro Kono, Minister for Foreign "
        "Affairs of Japan, held a meeting with Penny Wong, Minister for Foreign Affairs of Australia, and "
        "Marise Payne, Minister for Defence of Australia.",
        "2024-03-05",
        [{"participants": {"Taro Kono", "Penny Wong", "Marise Payne"}, "date": "2024-03-04"}],
        id="formal-readout-dated-by-commencing-clause"),
    pytest.param(
        "On March 4, Foreign Minister Taro Kono held a Japan-Australia Foreign Ministers' Meeting with "
        "Foreign Minister Penny Wong in Perth. Mr. Kono also held a Japan-India Foreign Ministers' Meeting "
        "with Foreign Minister Subrahmanyam Jaishankar on the same day.", "2024-03-05",
        [{"participants": {"Taro Kono", "Penny Wong", "Japan", "Australia"}, "date": "2024-03-04",
          "place": "Perth"},
         {"participants": {"Taro Kono", "Subrahmanyam Jaishankar", "Japan", "India"}, "date": "2024-03-04",
          "place": None}],
        id="same-day-meeting-of-another-name"),
    pytest.param(
        "The defence chiefs of Australia, Japan and the Philippines will hold talks next week on the "
        "sidelines of the Halifax Forum, the annual security conference, which opens on Nov. 22.",
        "2024-11-15",
        [{"participants": {"Australia", "Japan", "Philippines"}, "date": None, "planned": True,
          "part_of": {"Australia", "Japan", "Philippines"}},
         {"participants": {"Australia", "Japan", "Philippines"}, "date": "2024-11-22"}],
        id="forum-dated-by-apposition-hung-on-verb"),
    pytest.param(
        "The Security Council met on Tuesday to discuss the satellite launch. Rosemary DiCarlo, the UN "
        "political affairs chief, told the council that the launch was a threat to aviation. \"We will not "
        "look away,\" said Barbara Woodward, Britain's ambassador to the United Nations. Russia's envoy, "
        "Vassily Nebenzia, blamed Washington. Kim Yo Jong dismissed the council meeting in a statement "
        "carried by KCNA on Wednesday.", "2024-06-01",
        [{"participants": {"UN Security Council", "Rosemary DiCarlo", "Barbara Woodward", "Vassily Nebenzia"},
          "date": "2024-05-28"}],
        id="council-speakers-join-the-sitting"),
    pytest.param(
        "Xi Jinping held summit talks with visiting Indonesian President Joko Widodo in Beijing on Friday. "
        "The two leaders first held talks in a restricted format, attended on the Chinese side by Foreign "
        "Minister Wang Yi, and on the Indonesian side by Foreign Minister Retno Marsudi. They then "
        "continued with one-on-one talks. Xi and Widodo last met "
        "in 2023 in Jakarta.", "2024-04-12",
        [{"kind": "Summit", "participants": {"Xi Jinping", "Joko Widodo"}, "place": "Beijing",
          "date": "2024-04-12"},
         {"participants": {"Xi Jinping", "Joko Widodo", "Wang Yi", "Retno Marsudi"},
          "place": "Beijing", "date": "2024-04-12", "part_of": {"Xi Jinping", "Joko Widodo"}},
         {"participants": {"Xi Jinping", "Joko Widodo"}, "place": "Beijing",
          "date": "2024-04-12", "part_of": {"Xi Jinping", "Joko Widodo"}},
         {"participants": {"Xi Jinping", "Joko Widodo"}, "place": "Jakarta"}],
        id="summit-sittings-by-format"),
    # A participle shares the time of the clause it hangs on; a meeting the dateline's sentence
    # tells with no place of its own is where the dateline puts the story.
    pytest.param(
        "VILNIUS, Lithuania \u2014 Polish President Andrzej Duda and Lithuanian President Gitanas Nauseda "
        "agreed Tuesday to share radar data and to hold joint drills, pledging a new chapter of partnership "
        "at a summit that officials hope will last.", "2024-04-09",
        [{"kind": "Summit", "participants": {"Andrzej Duda", "Gitanas Nauseda"}, "place": "Vilnius",
          "date": "2024-04-09", "planned": False}],
        id="participle-timed-by-main-clause-dateline-place"),
    pytest.param(
        "VILNIUS, Lithuania \u2014 Polish President Andrzej Duda spoke by phone with Lithuanian President "
        "Gitanas Nauseda on Tuesday.", "2024-04-09",
        [{"kind": "Meeting", "participants": {"Andrzej Duda", "Gitanas Nauseda"}, "place": None,
          "date": "2024-04-09"}],
        id="dateline-is-no-place-for-a-call"),
    # Separate talks told right after a summit, with nothing of their own, are held at it; "the
    # meeting" after them is the summit.
    pytest.param(
        "Polish President Andrzej Duda, Lithuanian President Gitanas Nauseda and Estonian President Alar "
        "Karis held a summit in Riga on Tuesday. Before the three sat down together, Duda held separate "
        "talks with Nauseda and then with Karis. Karis called the meeting a turning point.", "2024-04-10",
        [{"kind": "Summit", "participants": {"Andrzej Duda", "Gitanas Nauseda", "Alar Karis"},
          "place": "Riga", "date": "2024-04-09", "evidence": 2},
         {"kind": "Meeting", "participants": {"Andrzej Duda", "Gitanas Nauseda"}, "place": "Riga",
          "date": "2024-04-09", "part_of": {"Andrzej Duda", "Gitanas Nauseda", "Alar Karis"}},
         {"kind": "Meeting", "participants": {"Andrzej Duda", "Alar Karis"}, "place": "Riga",
          "date": "2024-04-09", "part_of": {"Andrzej Duda", "Gitanas Nauseda", "Alar Karis"}}],
        id="separate-talks-then-with-part-of-summit"),
    # "as the leaders met": the time of the main clause, through "agreed Monday to ...".
    pytest.param(
        "Vietnamese President To Lam and Thai Prime Minister Srettha Thavisin agreed Monday to expand trade "
        "on a yearly basis, as the two leaders met in Hanoi for the first time in five years.", "2024-06-18",
        [{"kind": "Meeting", "participants": {"To Lam", "Srettha Thavisin"}, "place": "Hanoi",
          "date": "2024-06-17"}],
        id="as-clause-timed-by-main-clause"),
    # "the same day" in the sentence's own earlier clause.
    pytest.param(
        "On Saturday, Indonesian President Joko Widodo held separate bilateral talks with Malaysian Prime "
        "Minister Anwar Ibrahim and Thai Prime Minister Srettha Thavisin in Jakarta, and Anwar met Srettha "
        "the same day.", "2024-06-10",
        [{"kind": "Meeting", "participants": {"Joko Widodo", "Anwar Ibrahim"}, "date": "2024-06-08"},
         {"kind": "Meeting", "participants": {"Joko Widodo", "Srettha Thavisin"}, "date": "2024-06-08"},
         {"kind": "Meeting", "participants": {"Anwar Ibrahim", "Srettha Thavisin"}, "date": "2024-06-08"}],
        id="same-day-of-the-clause-before"),
    # "The launch came a day after ...": the launch told by a verb of firing.
    pytest.param(
        "North Korea fired a missile at dawn on Thursday, the military said. Leader Kim Jong Un watched "
        "the launch. The launch came a day after Indian Defence Minister Rajnath Singh and Australian "
        "Defence Minister Richard Marles met in Canberra.", "2024-06-15",
        [{"kind": "Meeting", "participants": {"Rajnath Singh", "Richard Marles"}, "place": "Canberra",
          "date": "2024-06-12"}],
        id="day-after-the-launch-told-by-fired"),
    # "met X on Tuesday before joining Y at the opening of the summit": the gerund's subject, the
    # one joined, the summit of the phase noun; a meeting that adds people is not the summit.
    pytest.param(
        "North Korea fired two missiles on Tuesday morning, Japan's defence ministry said, as US Secretary "
        "of State Antony Blinken was in Manila for a regional summit. Blinken met Australian Foreign "
        "Minister Penny Wong on Tuesday before joining Philippine President Ferdinand Marcos at the "
        "opening of the summit.", "2024-07-30",
        [{"kind": "Summit", "participants": {"Antony Blinken", "Ferdinand Marcos"}, "place": "Manila",
          "date": "2024-07-30"},
         {"kind": "Meeting", "participants": {"Antony Blinken", "Penny Wong"}, "date": "2024-07-30"}],
        id="in-city-for-summit-joining-at-opening"),
    # "the meeting of their <body> in <city>": the meeting is in the city.
    pytest.param(
        "The allies held the third meeting of the Nuclear Planning Group in Brussels on Wednesday.",
        "2024-06-14",
        [{"kind": "Meeting", "participants": {"Nuclear Planning Group"}, "place": "Brussels",
          "date": "2024-06-12"}],
        id="meeting-of-body-in-city"),
    pytest.param(
        "Tensions rose in the region. Earlier this month the trade ministers of the two neighbours met in "
        "Canberra. Australian Trade Minister Don Farrell and New Zealand Trade Minister Todd McClay agreed "
        "on March 4 to cut tariffs.", "2025-03-20",
        [{"kind": "Meeting", "participants": {"Don Farrell", "Todd McClay"}, "place": "Canberra",
          "date": "2025-03-04"}],
        id="unnamed-officials-met-named-next"),
    pytest.param(
        "Ministers agree pact\n\nMANILA -- The defence ministers of Australia and Japan signed a "
        "logistics pact in Manila on Tuesday. Australian Defence Minister Richard Marles and Japanese "
        "Defence Minister Gen Nakatani signed the pact after talks at the defence department. The "
        "same day, Marles held talks with Philippine Foreign Secretary Enrique Manalo.", "2025-02-12",
        [{"kind": "Meeting", "participants": {"Richard Marles", "Nakatani"}, "date": "2025-02-11"},
         {"kind": "Meeting", "participants": {"Richard Marles", "Enrique Manalo"}, "date": "2025-02-11"}],
        id="signed-after-talks-lede-day-same-day"),
    pytest.param(
        "Chinese President Xi Jinping welcomed Spanish Prime Minister Pedro Sanchez in Beijing on "
        "Tuesday for a summit. Foreign Minister Wang Yi and Commerce Minister Wang Wentao joined the talks "
        "on the Chinese side, while Spanish Foreign Minister Jose Manuel Albares was part of Sanchez's "
        "delegation.",
        "2025-05-13",
        [{"kind": "Summit", "participants": {"Xi Jinping", "Pedro Sanchez", "Wang Yi",
                                             "Wang Wentao", "Jose Manuel Albares"}, "place": "Beijing",
          "date": "2025-05-13"}],
        id="joined-the-talks-and-delegation"),
    pytest.param(
        "Indian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese toured a "
        "harbour in Sydney on Sunday, the last day of the Quad summit. The two men then held talks on the "
        "sidelines of the summit, after Mr Modi's visit to Canberra in March. Later on Sunday, the pair "
        "were joined by US "
        "President Joe Biden for a brief trilateral meeting.", "2024-09-22",
        [{"kind": "Summit", "participants": {"Quad", "Narendra Modi", "Anthony Albanese", "Joe Biden"}},
         {"kind": "Meeting", "participants": {"Narendra Modi", "Anthony Albanese"},
          "part_of": {"Quad", "Narendra Modi", "Anthony Albanese", "Joe Biden"}},
         {"kind": "Meeting", "participants": {"Narendra Modi", "Anthony Albanese", "Joe Biden"},
          "date": "2024-09-22", "part_of": {"Quad", "Narendra Modi", "Anthony Albanese", "Joe Biden"}}],
        id="pair-joined-by-for-trilateral-on-same-sidelines"),
    pytest.param(
        "British Defence Secretary John Healey and Polish Defence Minister Wladyslaw Kosiniak-Kamysz held "
        "annual security talks in London on Thursday.", "2025-03-08",
        [{"kind": "Meeting", "participants": {"John Healey", "Wladyslaw Kosiniak-Kamysz"}, "place": "London",
          "date": "2025-03-06"}],
        id="annual-talks-held-once"),
    pytest.param(
        "German Chancellor Olaf Scholz and French President Emmanuel Macron agreed on Tuesday to deepen "
        "cooperation on defence at a summit in Paris.", "2024-05-29",
        [{"kind": "Summit", "participants": {"Olaf Scholz", "Emmanuel Macron"}, "place": "Paris",
          "date": "2024-05-28", "planned": False}],
        id="agreed-at-a-summit-is-the-summit"),
    pytest.param(
        "Indian Prime Minister Narendra Modi is due to fly to Tokyo on Thursday and will meet Japanese "
        "Prime Minister Shigeru Ishiba at the prime minister's office on Friday for their annual summit.",
        "2025-08-26",
        [{"kind": "Summit", "participants": {"Narendra Modi", "Shigeru Ishiba"}, "place": "Tokyo",
          "date": "2025-08-29", "planned": True}],
        id="fly-to-city-and-meet-there"),
    pytest.param(
        "US Secretary of State Marco Rubio held talks in Manila on Tuesday. \"We stand with our ally,\" "
        "Rubio told a joint news conference with Philippine Foreign Secretary Enrique Manalo after their "
        "talks. "
        "Rubio also met Philippine President Ferdinand Marcos.", "2025-03-18",
        [{"kind": "Meeting", "participants": {"Marco Rubio", "Enrique Manalo"}, "place": "Manila",
          "date": "2025-03-18"},
         {"kind": "Meeting", "participants": {"Marco Rubio", "Ferdinand Marcos"}, "place": "Manila",
          "date": "2025-03-18"}],
        id="their-talks-with-and-also-met"),
    pytest.param(
        "Canadian Prime Minister Mark Carney, a former central banker, took office in March after the "
        "resignation of his predecessor, Justin Trudeau. He and British Prime Minister Keir Starmer first "
        "met in London on March 16.",
        "2025-06-01",
        [{"participants": {"Mark Carney", "Keir Starmer"}, "place": "London", "date": "2025-03-16"}],
        id="sentence-opening-he-is-the-subject-before"),
    pytest.param(
        "French President Emmanuel Macron greeted Indian Prime Minister Narendra Modi in Paris. After a "
        "welcome ceremony, the leaders held talks for about two hours.", "2025-02-12",
        [{"kind": "Summit", "participants": {"Emmanuel Macron", "Narendra Modi"}}],
        id="heads-of-two-states-hold-a-summit"),
    pytest.param(
        "Australian Foreign Minister Penny Wong and Defence Minister Richard Marles arrived in Singapore on "
        "Saturday. Wong and Marles had flown in from Hanoi, Vietnam, where on Friday they met Indonesian "
        "Foreign Minister Retno Marsudi.", "2024-05-12",
        [{"participants": {"Penny Wong", "Richard Marles", "Retno Marsudi"}, "place": "Hanoi",
          "date": "2024-05-10"}],
        id="capital-and-country-where-they-met"),
    pytest.param(
        "The defence chiefs of Germany, France and Poland signed a pact on Monday. German Defence Minister "
        "Boris Pistorius, French Armed Forces Minister Sebastien Lecornu and Polish Defence Minister "
        "Wladyslaw Kosiniak-Kamysz signed a declaration of intent in Warsaw. It was the first time Poland "
        "had hosted a trilateral defence ministers' meeting.", "2024-06-11",
        [{"participants": {"Boris Pistorius", "Sebastien Lecornu", "Wladyslaw Kosiniak-Kamysz"},
          "place": "Warsaw", "date": "2024-06-10"}],
        id="it-was-the-first-time-the-host-held-the-meeting"),
    pytest.param(
        "HANOI, March 9 (VNA) -- Nguyen Phu Trong, general secretary of the Communist Party of Vietnam and "
        "president of the State Council of Vietnam, met here on Friday with a Lao party delegation headed "
        "by Thongloun Sisoulith. Thongloun arrived in Hanoi on Thursday.", "2024-03-09",
        [{"participants": {"Nguyen Phu Trong", "Thongloun Sisoulith"}, "place": "Hanoi",
          "date": "2024-03-08"}],
        id="delegation-headed-by-met-here-after-dateline"),
    pytest.param(
        "Chinese President Xi Jinping received Russian President Vladimir Putin on Thursday, state media "
        "said.", "2024-05-17",
        [{"participants": {"Xi Jinping", "Vladimir Putin"}, "date": "2024-05-16"}],
        id="received-a-named-visitor"),
    pytest.param(
        "The UN Security Council will hold an emergency meeting on Iran on Friday in New York.", "2024-04-17",
        [{"participants": {"UN Security Council"}, "place": "New York City", "date": "2024-04-19"}],
        id="meeting-on-a-country-is-its-topic"),
    pytest.param(
        "North Korea fired a ballistic missile on Tuesday. Yoon had held talks with Australian Prime "
        "Minister Anthony Albanese in Vilnius the previous evening.", "2023-07-12",
        [{"participants": {"Yoon", "Anthony Albanese"}, "place": "Vilnius", "date": "2023-07-10"}],
        id="the-previous-evening-of-the-news-day"),
    pytest.param(
        "President Emmanuel Macron and Indian Prime Minister Narendra Modi agreed on Friday to deepen "
        "defence ties. The deal was announced after the two leaders held talks at the presidential palace "
        "during Modi's state visit to Paris.", "2023-07-15",
        [{"participants": {"Emmanuel Macron", "Narendra Modi"}, "place": "Paris", "date": "2023-07-14"}],
        id="talks-during-a-visit-on-the-day-before-told"),
    pytest.param(
        "Italian Prime Minister Giorgia Meloni and French President Emmanuel Macron held a summit in Rome on "
        "Tuesday. Closing the summit, the two leaders agreed that Italy and France would join Germany for a "
        "three-way summit on the sidelines of the G20 summit in Rio de Janeiro in November, officials said.",
        "2024-07-10",
        [{"kind": "Summit", "participants": {"Giorgia Meloni", "Emmanuel Macron"}, "place": "Rome",
          "date": "2024-07-09", "part_of": None},
         {"kind": "Summit", "participants": {"Italy", "France", "Germany"}, "place": "Rio de Janeiro",
          "part_of": {"G20", "Italy", "France", "Germany"}},
         {"kind": "Summit", "participants": {"G20", "Italy", "France", "Germany"}, "place": "Rio de Janeiro",
          "part_of": None}],
        id="sidelines-phrase-of-another-summit-in-the-sentence"),
    pytest.param(
        "The allies held the third meeting of their Joint Defence Committee in Canberra on Wednesday. The "
        "committee was founded in 2019. Tokyo's delegation was led by Hiroshi Tanaka, Japan's deputy defence "
        "minister, and the Australian side by Mark Hughes of the Department of Defence.", "2024-03-08",
        [{"kind": "Meeting", "participants": {"Hiroshi Tanaka", "Mark Hughes"}, "place": "Canberra",
          "date": "2024-03-06"}],
        id="delegations-led-by-sit-in-the-meeting"),
    pytest.param(
        "French President Emmanuel Macron hosted German Chancellor Olaf Scholz and Polish Prime Minister "
        "Donald Tusk for a summit at the Elysee Palace on Monday. Before the three-way talks began, Mr "
        "Macron held separate meetings with each of his guests.", "2024-03-13",
        [{"kind": "Summit", "participants": {"Emmanuel Macron", "Olaf Scholz", "Donald Tusk"}},
         {"kind": "Meeting", "participants": {"Emmanuel Macron", "Olaf Scholz"},
          "part_of": {"Emmanuel Macron", "Olaf Scholz", "Donald Tusk"}},
         {"kind": "Meeting", "participants": {"Emmanuel Macron", "Donald Tusk"},
          "part_of": {"Emmanuel Macron", "Olaf Scholz", "Donald Tusk"}}],
        id="separate-meetings-with-each-of-the-guests"),
    pytest.param(
        "North Korea's rocket launch failed late Tuesday, state media said, just hours after the leaders of "
        "South Korea, Japan and China wrapped up their first three-way summit in five years. The launch came "
        "hours after President Lee Jae-myung hosted Japanese Prime Minister Shigeru Ishiba and Chinese "
        "Premier Li Qiang at a summit in Seoul on Tuesday.", "2025-09-10",
        [{"kind": "Summit", "participants": {"Lee Jae-myung", "Shigeru Ishiba", "Li Qiang", "South Korea"},
          "place": "Seoul", "date": "2025-09-09", "evidence": 2}],
        id="leader-of-no-known-country-stands-for-the-country-left"),
    pytest.param(
        "NATO summit: allies pledge more aid\n\nCanadian Prime Minister Mark Carney and Polish President "
        "Andrzej Duda on Wednesday joined NATO leaders in Madrid for talks with the alliance's southern "
        "partners, on the final day of a summit marking its anniversary.\n\nThe two-day summit, which "
        "opened on Tuesday, was hosted by Spanish Prime Minister Pedro Sanchez. Dutch Prime Minister Mark "
        "Rutte also attended, while Italy was represented by Foreign Minister Antonio Tajani.\n\nOn the "
        "sidelines of the summit, Carney and Sanchez met on Wednesday and signed a trade pact.\n\nCarney "
        "and Duda also held a separate meeting on the sidelines on Wednesday, the Polish presidency said.",
        "2025-06-25",
        [{"kind": "Summit", "participants": {"NATO", "Mark Carney", "Andrzej Duda", "Pedro Sanchez",
                                             "Mark Rutte", "Antonio Tajani"},
          "place": "Madrid", "date": "2025-06-24", "part_of": None},
         {"kind": "Meeting", "participants": {"NATO", "Mark Carney", "Andrzej Duda"}, "place": "Madrid",
          "date": "2025-06-25", "part_of": {"NATO", "Mark Carney", "Andrzej Duda", "Pedro Sanchez",
                                            "Mark Rutte", "Antonio Tajani"}},
         {"kind": "Meeting", "participants": {"Mark Carney", "Pedro Sanchez"}, "place": "Madrid",
          "date": "2025-06-25", "part_of": {"NATO", "Mark Carney", "Andrzej Duda", "Pedro Sanchez",
                                            "Mark Rutte", "Antonio Tajani"}},
         {"kind": "Meeting", "participants": {"Mark Carney", "Andrzej Duda"}, "place": "Madrid",
          "date": "2025-06-25", "part_of": {"NATO", "Mark Carney", "Andrzej Duda", "Pedro Sanchez",
                                            "Mark Rutte", "Antonio Tajani"}}],
        id="bloc-summit-opened-hosted-attended-and-its-side-meetings"),
    pytest.param(
        "Rubio visits New Delhi for climate summit\n\nU.S. Secretary of State Marco Rubio was in New Delhi "
        "on Monday for a global conference on climate.\n\nRubio met Indian Foreign Minister Subrahmanyam "
        "Jaishankar on Monday morning before the opening of the Summit for Climate, a forum that India is "
        "hosting this year.\n\nOpening the two-day summit in New Delhi on Monday, Prime Minister Narendra "
        "Modi urged faster action.", "2025-02-10",
        [{"kind": "Summit", "participants": {"Marco Rubio", "Narendra Modi"}, "date": "2025-02-10"},
         {"kind": "Meeting", "participants": {"Marco Rubio", "Subrahmanyam Jaishankar"},
          "date": "2025-02-10", "part_of": None}],
        id="met-before-the-opening-of-a-named-summit-that-another-opened"),
    pytest.param(
        "U.S. Secretary of State Marco Rubio, who arrived in Tokyo on Sunday, met Japanese Foreign Minister "
        "Takeshi Iwaya on Monday.", "2025-02-10",
        [{"kind": "Meeting", "participants": {"Marco Rubio", "Takeshi Iwaya"}, "place": "Tokyo",
          "date": "2025-02-10"}],
        id="where-the-subject-arrived"),
    pytest.param(
        "Iran's envoy addresses UN Security Council\n\nIran's ambassador to the United Nations has "
        "addressed the Security Council for the first time in years. Amir Saeid Iravani told Friday's "
        "emergency meeting that Tehran had acted in self-defence.\n\nThe British ambassador to the UN, "
        "Barbara Woodward, rejected his arguments.", "2025-06-14",
        [{"kind": "Meeting", "participants": {"UN Security Council", "Iran", "Amir Saeid Iravani",
                                              "Barbara Woodward"}, "date": "2025-06-13"}],
        id="addressed-the-council-told-its-emergency-meeting"),
    pytest.param(
        "The test came two weeks after Iran fired a rocket on May 3, hours before French President Emmanuel "
        "Macron held a summit in Paris with German Chancellor Olaf Scholz.", "2025-06-01",
        [{"kind": "Summit", "participants": {"Emmanuel Macron", "Olaf Scholz"}, "place": "Paris",
          "date": "2025-05-03"}],
        id="hours-before-times-the-dated-clause-beside-it"),
    pytest.param(
        "Indian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese signed a trade "
        "pact at the end of a two-day summit in Canberra on Thursday.", "2024-03-08",
        [{"kind": "Summit", "participants": {"Narendra Modi", "Anthony Albanese"}, "place": "Canberra",
          "date": "2024-03-07"}],
        id="signed-at-the-end-of-a-summit"),
    pytest.param(
        "French President Emmanuel Macron and German Chancellor Olaf Scholz held a summit in Paris on "
        "Monday. They first held a one-on-one meeting, then expanded talks joined by Foreign Minister "
        "Annalena Baerbock.", "2024-05-14",
        [{"kind": "Summit", "participants": {"Emmanuel Macron", "Olaf Scholz"}, "place": "Paris",
          "date": "2024-05-13"},
         {"kind": "Meeting", "participants": {"Emmanuel Macron", "Olaf Scholz"},
          "part_of": {"Emmanuel Macron", "Olaf Scholz"}},
         {"kind": "Meeting", "participants": {"Emmanuel Macron", "Olaf Scholz", "Annalena Baerbock"},
          "part_of": {"Emmanuel Macron", "Olaf Scholz"}}],
        id="then-expanded-talks-joined-by-aides"),
    pytest.param(
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday. The "
        "Chinese leader left Moscow on Wednesday for Minsk, where he was due to hold talks with "
        "Belarusian President Alexander Lukashenko.", "2024-05-16",
        [{"kind": "Meeting", "participants": {"Xi Jinping", "Vladimir Putin"}},
         {"kind": "Meeting", "participants": {"Xi Jinping", "Alexander Lukashenko"}}],
        id="where-he-is-the-subject-of-the-main-clause"),
    pytest.param(
        "The summit between French President Emmanuel Macron and German Chancellor Olaf Scholz in Paris "
        "ended on Friday without a joint statement. The two leaders had opened their summit on Thursday "
        "with a dinner. They resumed talks on Friday morning.", "2024-05-11",
        [{"kind": "Summit", "participants": {"Emmanuel Macron", "Olaf Scholz"}, "place": "Paris",
          "date": "2024-05-09"},
         {"kind": "Meeting", "participants": {"Emmanuel Macron", "Olaf Scholz"}, "date": "2024-05-10",
          "part_of": {"Emmanuel Macron", "Olaf Scholz"}}],
        id="summit-ended-the-day-after-it-opened"),
    pytest.param(
        "Indian Prime Minister Narendra Modi and Brazilian President Jair Bolsonaro signed a "
        "trade agreement in Brasilia on Monday. After three hours of closed-door talks at the palace, "
        "the two leaders signed the agreement and spoke to reporters.", "2024-07-09",
        [{"kind": "Summit", "participants": {"Narendra Modi", "Jair Bolsonaro"},
          "date": "2024-07-08"}],
        id="after-hours-of-talks-the-leaders-signed"),
]


@pytest.mark.parametrize(("text", "published", "want"), CASES)
def test_meetings(text: str, published: str, want: list[dict]) -> None:
    check(meetings(text, published), want)


def test_side_meeting_points_at_the_summit_record() -> None:
    text = ("Japanese Prime Minister Fumio Kishida met US President Joe Biden on the sidelines of the G20 "
            "summit in New Delhi.")
    facts = extract(load_model()(text), Article(id="t", text=text, published=dt.date(2023, 9, 10)),
                    names=["kg.meeting.v1"])
    side = next(m for m in facts.events if m.kind == "Meeting")
    assert any(side.part_of is m for m in facts.events), "part_of must be the summit record itself"


def test_evidence_is_verbatim() -> None:
    text = ("South Korean President Yoon Suk Yeol will meet Japanese Prime Minister Fumio Kishida in Tokyo "
            "on Thursday. North Korea fired a missile. The meeting is the first in 12 years.")
    facts = extract(load_model()(text), Article(id="t", text=text, published=dt.date(2023, 3, 14)),
                    names=["kg.meeting.v1"])
    (meeting,) = facts.events
    assert [text[e.start:e.end] for e in meeting.evidence] == [e.sentence for e in meeting.evidence]
    assert len(meeting.evidence) == 2


def test_an_article_without_a_publication_date_keeps_its_meetings_undated(monkeypatch):
    # Relative days cannot be resolved without a publication day: the meeting is still found,
    # with no day, and the extractor does not fail (which would drop every meeting).
    monkeypatch.setenv("KG_DEBUG", "1")
    text = ("North Korea fired a missile on Monday. Hours after the launch, Japan held an emergency "
            "meeting of its National Security Council.")
    article = Article(id="undated", text=text, published=None)
    facts = extract(load_model()(text), article, names=["kg.meeting.v1"])
    [meeting] = facts.events
    assert meeting.date is None


def test_headline_names_the_side_meeting() -> None:
    # A readout's title line is the side meeting it reports, not a meeting of its own.
    title = "Japan-Philippines Foreign Ministers' Meeting"
    text = (f"{title}\n\nOn June 3, Foreign Minister Taro Kono held a Japan-Philippines Foreign Ministers' "
            "Meeting with Foreign Minister Melanie Joly on the margins of the G7 Foreign Ministers' Meeting "
            "in Rome.")
    article = Article(id="t", text=text, published=dt.date(2024, 6, 4), title=title)
    facts = extract(load_model()(text), article, names=["kg.meeting.v1"])
    side = [m for m in facts.events if m.part_of is not None]
    assert len(facts.events) == 2 and len(side) == 1 and side[0].date == "2024-06-03"


def test_headline_present_is_the_news_of_the_day() -> None:
    # A headline's bare present tells what happens as it is written, not a plan; the city visited is
    # no participant.
    title = "Blinken visits Manila for regional summit"
    text = (f"{title}\n\nUS Secretary of State Antony Blinken was in Manila on Tuesday for a regional "
            "summit.")
    article = Article(id="t", text=text, published=dt.date(2024, 7, 30), title=title)
    facts = extract(load_model()(text), article, names=["kg.meeting.v1"])
    assert [(m.kind, m.planned, m.date) for m in facts.events] == [("Summit", False, "2024-07-30")]
    assert [facts.entities[p].name for p in facts.events[0].participants] == ["Antony Blinken"]


def test_headline_present_verb_is_the_news_of_the_day() -> None:
    # "A hosts B at ...": a headline's present is not a schedule; it is the summit the story tells.
    title = "Xi hosts Lula in Beijing as trade talks resume"
    text = (f"{title}\n\nChinese President Xi Jinping welcomed Spanish Prime Minister Pedro Sanchez "
            "in Beijing on Tuesday for a summit.")
    article = Article(id="t", text=text, published=dt.date(2025, 5, 13), title=title)
    facts = extract(load_model()(text), article, names=["kg.meeting.v1"])
    assert [(m.kind, m.planned, m.date) for m in facts.events] == [("Summit", False, "2025-05-13")]


def test_headline_meeting_is_the_delegation_meeting_of_the_lede() -> None:
    # A headline's "A meets B's delegation" is the meeting the story tells with the delegation's head.
    title = "Xi meets Vietnamese delegation in Beijing"
    text = (f"{title}\n\nChinese President Xi Jinping met on Tuesday with a Vietnamese government "
            "delegation led by Pham Minh Chinh.")
    article = Article(id="t", text=text, published=dt.date(2024, 6, 26), title=title)
    facts = extract(load_model()(text), article, names=["kg.meeting.v1"])
    assert len(facts.events) == 1
    assert {facts.entities[p].name for p in facts.events[0].participants} == {"Xi Jinping", "Pham Minh Chinh"}
