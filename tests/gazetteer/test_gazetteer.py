"""kg.gazetteer: names, types and containment of places and organisations."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from kg import gazetteer as g
from kg.gazetteer import Org, Place

ROOT = Path(__file__).resolve().parents[2]


# --------------------------------------------------------------------------- normalise
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the Korean Peninsula", "Korean peninsula"),
        ("U.S.", "US"),
        ("N. Korea", "N Korea"),
        ("Tongchang-ri", "tongchang ri"),
        ("P'yŏngyang", "Pyongyang"),
        ("Sinp’o", "Sinpo"),
        ("  The  Hague ", "Hague"),
    ],
)
def test_normalise_folds_case_accents_punctuation_article(a, b):
    assert g.normalise(a) == g.normalise(b)


# --------------------------------------------------------------------------- places
@pytest.mark.parametrize(
    ("name", "key", "cls", "within"),
    [
        ("North Korea", "country:KP", "Country", None),
        ("N Korea", "country:KP", "Country", None),
        ("N. Korea", "country:KP", "Country", None),
        ("DPRK", "country:KP", "Country", None),
        ("Democratic People's Republic of Korea", "country:KP", "Country", None),
        ("South Korea", "country:KR", "Country", None),
        ("ROK", "country:KR", "Country", None),
        ("US", "country:US", "Country", None),
        ("U.S.", "country:US", "Country", None),
        ("United States", "country:US", "Country", None),
        ("America", "country:US", "Country", None),
        ("Britain", "country:GB", "Country", None),
        ("UK", "country:GB", "Country", None),
        ("Russia", "country:RU", "Country", None),
        ("Russian Federation", "country:RU", "Country", None),
        ("Vietnam", "country:VN", "Country", None),
        ("Taiwan", "country:TW", "Country", None),
        ("Lithuania", "country:LT", "Country", None),
        ("Japan's", "country:JP", "Country", None),
        ("Pyongyang", "city:1871859", "City", "country:KP"),
        ("Vilnius", "city:593116", "City", "country:LT"),
        ("Seoul", "city:1835848", "City", "country:KR"),
        ("Kiev", "city:703448", "City", "country:UA"),
        ("Sunan", "region:sunan", "Region", "city:1871859"),
        ("Tongchang-ri", "city:kp-tongchang-ri", "City", "country:KP"),
        ("Sohae", "region:sohae-satellite-launching-station", "Region", "city:kp-tongchang-ri"),
        ("Sinpo", "city:2040959", "City", "country:KP"),
        ("Hamhung", "city:1877449", "City", "country:KP"),
        ("Korean peninsula", "region:korean-peninsula", "Region", None),
        ("the Korean Peninsula", "region:korean-peninsula", "Region", None),
        ("DMZ", "region:korean-demilitarized-zone", "Region", None),
        ("Hokkaido", "region:hokkaido", "Region", "country:JP"),
        ("Okinawa", "region:okinawa", "Region", "country:JP"),
        ("Guam", "region:guam", "Region", "country:US"),
        ("Hong Kong", "region:hong-kong", "Region", "country:CN"),
        ("Crimea", "region:crimea", "Region", "country:UA"),
        ("North Hamgyong Province", "region:north-hamgyong-province", "Region", "country:KP"),
        ("Takeshima", "region:dokdo", "Region", None),
        ("East Sea", "water:sea-of-japan", "BodyOfWater", None),
        ("Sea of Japan", "water:sea-of-japan", "BodyOfWater", None),
        ("West Sea", "water:yellow-sea", "BodyOfWater", None),
        ("Taiwan Strait", "water:taiwan-strait", "BodyOfWater", None),
        ("Tsugaru Strait", "water:tsugaru-strait", "BodyOfWater", "country:JP"),
        ("Pacific", "water:pacific-ocean", "BodyOfWater", None),
        ("California", "region:us-ca", "Region", "country:US"),
    ],
)
def test_lookup_place(name, key, cls, within):
    place = g.lookup_place(name)
    assert place is not None, name
    assert (place.key, place.cls, place.within) == (key, cls, within)


@pytest.mark.parametrize(
    "name",
    ["Kim", "May", "us", "UN", "exclusive economic zone", "EEZ", "Chollima", "Reuters", "", "   ", "Flint",
     "Ri"],  # a Korean surname, not "RI" (Rhode Island): an acronym only matches one written so
)
def test_not_a_place(name):
    assert g.lookup_place(name) is None


def test_canonical_names_are_common_short_forms():
    assert g.lookup_place("DPRK").name == "North Korea"
    assert g.lookup_place("Republic of Korea").name == "South Korea"
    assert g.lookup_place("USA").name == "United States"
    assert g.lookup_place("PRC").name == "China"
    assert g.lookup_place("Russian Federation").name == "Russia"
    assert g.lookup_place("East Sea").name == "Sea of Japan"


def test_country_place_fields():
    kp = g.lookup_place("North Korea")
    assert kp.iso_code == "KP"
    assert kp.geonames_id == 1873107
    assert "DPRK" in kp.aliases


def test_east_sea_is_the_sea_of_japan():
    assert g.lookup_place("East Sea").key == g.lookup_place("Sea of Japan").key


def test_sunan_chain_reaches_north_korea():
    sunan = g.lookup_place("Sunan")
    pyongyang = g.place_by_key(sunan.within)
    assert pyongyang.name == "Pyongyang" and pyongyang.cls == "City"
    assert g.place_by_key(pyongyang.within).name == "North Korea"


def test_washington_is_the_capital_not_the_state():
    place = g.lookup_place("Washington")
    assert place.cls == "City" and place.within == "country:US"
    assert place.geonames_id == 4140963  # Washington, D.C.
    assert "region:us-wa" in {p.key for p in g.place_candidates("Washington")}


def test_georgia_is_ambiguous_the_country_wins():
    # Country outranks a US state; the state stays reachable for context-based choice.
    assert g.lookup_place("Georgia").key == "country:GE"
    assert [p.key for p in g.place_candidates("Georgia")] == ["country:GE", "region:us-ga"]


def test_jordan_is_the_country_not_the_hong_kong_district():
    assert g.lookup_place("Jordan").key == "country:JO"


def test_curated_feature_beats_same_named_city():
    keys = [p.key for p in g.place_candidates("Okinawa")]
    assert keys[0] == "region:okinawa" and any(k.startswith("city:") for k in keys[1:])


def test_place_by_key_round_trip():
    for name in ["Japan", "Pyongyang", "Sunan", "Sea of Japan", "Guam", "Hawaii"]:
        place = g.lookup_place(name)
        assert g.place_by_key(place.key) == place
    assert g.place_by_key("city:0") is None
    assert g.place_by_key("nonsense") is None


# --------------------------------------------------------------------------- fuzzy
@pytest.mark.parametrize(
    ("typo", "key"),
    [
        ("Lihuania", "country:LT"),
        ("Koera", "country:KR"),
        ("Phillipines", "country:PH"),
        ("Noth Korea", "country:KP"),
        ("Pyongyng", "city:1871859"),
        ("Hokaido", "region:hokkaido"),
    ],
)
def test_fuzzy_corrects_typos(typo, key):
    assert g.lookup_place(typo) is None  # only with fuzzy=True
    assert g.lookup_place(typo, fuzzy=True).key == key


@pytest.mark.parametrize(
    "word",
    [
        "Chili",  # correctly spelled English word, not "Chile"
        "Germane",  # English word, not "German(y)"
        "Kimm",  # too short
        "Parks",  # too short / person name
    ],
)
def test_fuzzy_refuses_words_and_short_strings(word):
    assert g.lookup_place(word, fuzzy=True) is None


def test_fuzzy_never_reaches_small_towns():
    # "Kora" is a real (small) town: exact lookup finds it, but the typo "Koera"
    # must go to Korea, never to Kora.
    assert g.lookup_place("Kora").cls == "City"
    assert g.lookup_place("Koera", fuzzy=True).key != g.lookup_place("Kora").key


def test_fuzzy_never_overrides_an_exact_name():
    assert g.lookup_place("Niger", fuzzy=True).key == "country:NE"  # not Nigeria
    assert g.lookup_place("Austria", fuzzy=True).key == "country:AT"  # not Australia


# --------------------------------------------------------------------------- demonyms
@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Japanese", "country:JP"),
        ("South Korean", "country:KR"),
        ("North Korean", "country:KP"),
        ("N. Korean", "country:KP"),
        ("American", "country:US"),
        ("Americans", "country:US"),
        ("U.S.", "country:US"),
        ("Chinese", "country:CN"),
        ("Russian", "country:RU"),
        ("Lithuanian", "country:LT"),
        ("Australian", "country:AU"),
        ("New Zealand", "country:NZ"),
        ("British", "country:GB"),
        ("French", "country:FR"),
        ("German", "country:DE"),
        ("Ukrainian", "country:UA"),
        ("Filipinos", "country:PH"),
        ("Taiwanese", "country:TW"),
    ],
)
def test_lookup_demonym(word, key):
    assert g.lookup_demonym(word).key == key


def test_demonym_typo_only_with_fuzzy():
    assert g.lookup_demonym("Japnaese") is None
    assert g.lookup_demonym("Japnaese", fuzzy=True).key == "country:JP"


@pytest.mark.parametrize("word", ["us", "Kim", "Japan", "Germane"])
def test_not_a_demonym(word):
    assert g.lookup_demonym(word, fuzzy=True) is None


def test_demonyms_cover_g20_nato_asia_oceania():
    import pycountry

    data = json.loads(resources.files("kg.gazetteer").joinpath("data/demonyms.json").read_text("utf-8"))
    territories = json.loads(
        resources.files("kg.gazetteer").joinpath("data/countries.json").read_text("utf-8")
    )["territories"]
    sovereign = {c.alpha_2 for c in pycountry.countries} - set(territories)
    assert sovereign <= set(data)
    for iso in sovereign:
        assert g.lookup_demonym(data[iso][0]).iso_code == iso


# --------------------------------------------------------------------------- organisations
@pytest.mark.parametrize(
    ("name", "key", "cls"),
    [
        ("UN", "org:un", "InternationalOrganization"),
        ("U.N.", "org:un", "InternationalOrganization"),
        ("United Nations", "org:un", "InternationalOrganization"),
        ("UN Security Council", "org:un-security-council", "InternationalOrganization"),
        ("NATO", "org:nato", "InternationalOrganization"),
        ("EU", "org:eu", "InternationalOrganization"),
        ("IAEA", "org:iaea", "InternationalOrganization"),
        ("AFP", "org:afp", "NewsAgency"),
        ("Associated Press", "org:ap", "NewsAgency"),
        ("Yonhap", "org:yonhap", "NewsAgency"),
        ("KCNA", "org:kcna", "NewsAgency"),
        ("Korean Central News Agency", "org:kcna", "NewsAgency"),
        ("Kyodo", "org:kyodo", "NewsAgency"),
        ("Pentagon", "org:us:ministry-of-defense", "GovernmentBody"),
        ("State Department", "org:us:ministry-of-foreign-affairs", "GovernmentBody"),
        ("White House", "org:us:white-house", "GovernmentBody"),
        ("Indo-Pacific Command", "org:us:indo-pacific-command", "MilitaryBody"),
        ("Japan's Coast Guard", "org:jp:coast-guard", "GovernmentBody"),
        ("the Japanese Coast Guard", "org:jp:coast-guard", "GovernmentBody"),
        ("Japanese Defense Ministry", "org:jp:ministry-of-defense", "GovernmentBody"),
        ("Japan's Ministry of Defence", "org:jp:ministry-of-defense", "GovernmentBody"),
        ("South Korea's Joint Chiefs of Staff", "org:kr:joint-chiefs-of-staff", "MilitaryBody"),
        ("the North Korean military", "org:kp:military", "MilitaryBody"),
        ("Seoul's Unification Ministry", "org:kr:ministry-of-unification", "GovernmentBody"),
    ],
)
def test_lookup_org(name, key, cls):
    org = g.lookup_org(name)
    assert org is not None, name
    assert (org.key, org.cls) == (key, cls)


@pytest.mark.parametrize("name", ["who", "Defense Ministry", "Kim", "Japan", "ministry"])
def test_not_an_org(name):
    assert g.lookup_org(name) is None


def test_coast_guard_spellings_share_one_org():
    forms = ["Japan's Coast Guard", "the Japanese Coast Guard", "Japan Coast Guard", "Coast Guard of Japan"]
    orgs = {g.lookup_org(f) for f in forms}
    orgs.add(g.lookup_national_body("Coast Guard", "country:JP"))
    assert len(orgs) == 1
    (org,) = orgs
    assert org.name == "Japan Coast Guard" and org.country == "country:JP"


def test_joint_chiefs_of_staff_is_a_south_korean_military_body():
    org = g.lookup_org("South Korea's Joint Chiefs of Staff")
    assert org.cls == "MilitaryBody"
    assert org.country == "country:KR"
    assert org.name == "South Korea's Joint Chiefs of Staff"
    assert g.lookup_national_body("JCS", "country:KR") == org


@pytest.mark.parametrize(
    "phrase",
    ["Defense Ministry", "defence ministry", "Ministry of Defense", "Ministry of National Defense", "MoD"],
)
def test_defence_ministry_spellings_share_a_key(phrase):
    org = g.lookup_national_body(phrase, "country:JP")
    assert org.key == "org:jp:ministry-of-defense"
    assert org.name == "Japan's Defense Ministry"
    assert "Japanese Defense Ministry" in org.aliases


def test_a_country_is_not_a_portfolio():
    assert g.lookup_national_body("the Japanese ministry", "country:JP") is None
    assert g.lookup_national_body("Ministry of Japan", "country:JP") is None


def test_country_in_phrase_beats_context():
    assert g.lookup_national_body("China's Foreign Ministry", "country:JP").country == "country:CN"


def test_generic_ministry_and_key_round_trip():
    org = g.lookup_org("Chinese Ministry of Commerce")
    assert org.key == "org:cn:ministry-of-commerce" and org.cls == "GovernmentBody"
    assert g.org_by_key(org.key) == org
    assert g.org_by_key("org:jp:coast-guard") == g.lookup_org("Japan Coast Guard")
    assert g.org_by_key("org:un") == g.lookup_org("UN")
    assert g.org_by_key("org:zz:nothing") is None


# --------------------------------------------------------------------------- data and packaging
def test_features_file_is_rich_and_consistent():
    data = json.loads(resources.files("kg.gazetteer").joinpath("data/features.json").read_text("utf-8"))
    assert len(data) >= 80
    assert len({f["key"] for f in data}) == len(data)
    for f in data:
        assert f["cls"] in g.PLACE_CLASSES
        if f["within"]:
            assert g.place_by_key(f["within"]) is not None, f["key"]


def test_organizations_file_is_consistent():
    data = json.loads(resources.files("kg.gazetteer").joinpath("data/organizations.json").read_text("utf-8"))
    assert len({o["key"] for o in data}) == len(data)
    for o in data:
        assert o["cls"] in g.ORG_CLASSES
        if o["country"]:
            assert g.place_by_key(o["country"]) is not None, o["key"]


def test_results_are_frozen_and_deterministic():
    place = g.lookup_place("Pyongyang")
    assert isinstance(place, Place) and place is g.lookup_place("Pyongyang")
    with pytest.raises(AttributeError):
        place.name = "x"  # type: ignore[misc]
    assert isinstance(g.lookup_org("UN"), Org)


def test_cold_load_is_fast():
    # CPU time of a fresh interpreter: import, countries, all 34k cities, orgs.
    code = (
        "import time; t=time.process_time(); import kg.gazetteer as g; "
        "g.lookup_place('Pyongyang'); g.lookup_org(\"Japan's Coast Guard\"); "
        "print(time.process_time()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    # < 1 s on a quiet machine (~0.5 s measured); generous margin for loaded CI machines.
    assert float(out.stdout.strip()) < 2.0


@pytest.mark.parametrize(
    "name, region",
    [
        ("Hakodate", "region:hokkaido"),  # a GeoNames city, by its first-level code
        ("Sinuiju", "region:north-pyongan-province"),
        ("Miyako Island", "region:okinawa"),  # a curated island, by the code it lies in
        ("Okinawa", None),  # a region is not in itself
        ("Paris", None),  # no curated region for the code
    ],
)
def test_first_level_region(name, region):
    place = g.lookup_place(name)
    assert place is not None
    assert g.first_level_region(place.key) == region
