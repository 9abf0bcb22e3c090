"""Resolution across articles: one node per entity, one event per launch, never a wrong merge."""

from __future__ import annotations

import datetime as dt

from kg.extract import extract
from kg.nlp import load_model
from kg.rdf.convert import to_dataset
from kg.rdf.iris import entity_iri, event_iri
from kg.rdf.namespaces import KG
from kg.records import Article, MissileLaunch
from kg.resolve import event_identity, resolve


def facts(text: str, ident: str, published=dt.date(2024, 3, 18), source=None):
    article = Article(id=ident, text=text, published=published, source=source, content_hash=ident)
    return extract(load_model()(text), article)


def test_surname_in_one_article_is_the_full_name_of_another():
    a = facts("South Korean President Yoon Suk Yeol spoke on Monday.", "a")
    b = facts("Mr Yoon ordered the military to continue drills.", "b")
    corpus = resolve([a, b])
    assert "person:yoon" not in corpus.entities
    assert {m.entity for f in corpus.facts for m in f.mentions if "Yoon" in m.text} == {
        "person:yoon-suk-yeol"
    }


def test_a_surname_an_article_tells_apart_from_a_full_name_stays_apart():
    a = facts("President Harwick met the premier. On Tuesday, first lady Ann Harwick visited a school, "
              "and Harwick hosted a dinner.", "a")
    b = facts("First lady Ann Harwick opened an exhibition.", "b")
    corpus = resolve([a, b])
    assert {"person:harwick", "person:ann-harwick"} <= set(corpus.entities)


def test_people_sharing_a_surname_are_never_merged():
    a = facts("North Korean leader Kim Jong Un watched the launch.", "a")
    b = facts("His sister Kim Yo Jong issued a statement.", "b")
    corpus = resolve([a, b])
    assert {"person:kim-jong-un", "person:kim-yo-jong"} <= set(corpus.entities)


def test_spelling_variants_are_one_entity_with_every_form_as_alias():
    a = facts("Leader Kim Jong Un inspected the site.", "a")
    b = facts("Leader Kim Jong-un inspected the site.", "b")
    corpus = resolve([a, b])
    kim = corpus.entities["person:kim-jong-un"]
    assert {"Kim Jong Un", "Kim Jong-un"} <= kim.aliases


def roles_of(corpus) -> dict[str, set[tuple[str, str, str]]]:
    name = {k: e.name for k, e in corpus.entities.items()}
    return {f.article.id: {(name[r.person], r.title, name[r.org]) for r in f.roles} for f in corpus.facts}


def test_a_guessed_country_gives_way_to_the_one_another_article_states():
    # An American wire leaves its own president unqualified, so "President X" there is a guess.
    a = facts("Chilean President Gabriel Boric visited Santiago's port on Monday.", "a")
    b = facts("U.S. diplomats flew in for a forum. Opening the forum on Tuesday, President Gabriel Boric "
              "warned about fake news.", "b",
              source="The Associated Press")
    assert roles_of(resolve([b])) == {"b": {("Gabriel Boric", "president", "United States")}}
    assert roles_of(resolve([a, b])) == {"a": {("Gabriel Boric", "president", "Chile")},
                                         "b": {("Gabriel Boric", "president", "Chile")}}


def test_a_stated_country_is_never_overridden_by_another_article():
    a = facts("Chilean President Gabriel Boric visited the port on Monday.", "a")
    b = facts("Peruvian President Gabriel Boric visited the port on Tuesday.", "b")
    assert roles_of(resolve([a, b])) == {"a": {("Gabriel Boric", "president", "Chile")},
                                         "b": {("Gabriel Boric", "president", "Peru")}}


def test_the_same_launch_in_two_articles_is_one_event_with_both_as_evidence():
    text = "North Korea fired a ballistic missile into the East Sea on Monday, South Korea's military said."
    a, b = facts(text, "a"), facts(text.replace("fired", "launched"), "b")
    ds = to_dataset(resolve([a, b]), with_ontology=False)
    launches = {s for s, _, o, _ in ds.quads((None, None, KG.MissileLaunch, None))}
    assert len(launches) == 1
    [launch] = launches
    articles = {o for _, _, o, _ in ds.quads((launch, None, None, None)) if "/id/article/" in str(o)}
    assert len(articles) == 2


def test_event_identity_is_by_launcher_and_day_not_by_article():
    one = MissileLaunch(launcher="country:KP", date="2024-03-18T07:44:00+09:00")
    two = MissileLaunch(launcher="country:KP", date="2024-03-18", missiles=("SRBM",))
    assert event_identity(one) == event_identity(two)
    assert event_iri(*event_identity(one)) == event_iri(*event_identity(two))


def test_entity_iris_come_from_type_and_normalised_name():
    assert str(entity_iri("person:fumio-kishida")).endswith("/id/person/fumio-kishida")
    assert entity_iri("country:KP") == entity_iri("country:KP")


def test_a_national_body_is_labelled_as_written():
    a = facts("Australia's Department of Home Affairs said the border was closed. The Department of Home "
              "Affairs said it would reopen on Friday.", "a")
    b = facts("The Australian home affairs department said it was monitoring the situation.", "b")
    names = {e.name for e in resolve([a, b]).entities.values() if e.cls == "GovernmentBody"}
    assert names == {"Department of Home Affairs"}, names


def test_a_body_written_in_lower_case_takes_its_country():
    a = facts("North Korea fired a missile. China's foreign ministry said it was watching.", "a")
    names = {e.name for e in resolve([a]).entities.values() if e.cls == "GovernmentBody"}
    assert names == {"China's Foreign Ministry"}, names


def test_two_countries_bodies_written_alike_are_told_apart():
    a = facts("Japan's Defense Ministry said the missile fell outside the zone. The Defense Ministry said "
              "it was watching.", "a")
    b = facts("South Korea's Defense Ministry said it was on alert. The Defense Ministry said more.", "b")
    names = {e.name for e in resolve([a, b]).entities.values() if e.cls == "GovernmentBody"}
    assert names == {"Japan's Defense Ministry", "South Korea's Defense Ministry"}, names


def test_a_curated_body_keeps_its_own_name():
    a = facts("The White House said the president was briefed. A White House spokesperson declined to "
              "comment.", "a")
    assert resolve([a]).entities["org:us:white-house"].name == "White House"


def test_a_place_goes_by_the_spelling_the_articles_use():
    # GeoNames says "Ryanggang Province" and "Busan"; these articles write "Yanggang" and "Pusan".
    a = facts("North Korea fired a missile from Yanggang province on Monday. Yanggang borders China.", "a")
    b = facts("The ship docked in Pusan on Tuesday.", "b")
    c = facts("Yanggang was sealed off after the launch, while Busan held a drill.", "c")
    entities = resolve([a, b, c]).entities
    assert entities["region:ryanggang-province"].name == "Yanggang"
    assert entities["city:1838524"].name == "Busan"  # a tie keeps the gazetteer's spelling


def test_a_misspelt_place_never_becomes_the_label():
    a = facts("Jets flew over Okianwa on Monday. Residents of Okianwa and Hokkaido were told to stay "
              "inside, and Okinawa reopened its schools.", "a")
    assert resolve([a]).entities["region:okinawa"].name == "Okinawa"
