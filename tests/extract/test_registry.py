"""The extractor registry: versioned names, clear errors, and one failure kept local."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.errors import KGError
from kg.extract import EXTRACTORS, extract, extractor, get_extractor
from kg.nlp import load_model
from kg.records import Article

TEXT = "North Korea fired a ballistic missile on Monday, South Korea's military said."


def test_unknown_extractor_names_the_known_ones():
    with pytest.raises(KGError) as exc:
        get_extractor("kg.no_such_thing.v1")
    assert "kg.missile_launch.v1" in exc.value.message


def test_every_registered_name_is_versioned():
    get_extractor("kg.missile_launch.v1")
    assert all(name.startswith("kg.") and name.rsplit(".", 1)[-1].startswith("v") for name in EXTRACTORS)


def test_a_failing_extractor_warns_and_the_others_still_run(capsys, monkeypatch):
    monkeypatch.delenv("KG_DEBUG", raising=False)

    @extractor("kg.test_broken.v1")
    def broken(ctx):
        raise RuntimeError("boom")

    try:
        article = Article(id="a", text=TEXT, published=dt.date(2024, 1, 3), name="a.txt")
        facts = extract(load_model()(TEXT), article)
    finally:
        del EXTRACTORS["kg.test_broken.v1"]
    assert any(type(e).__name__ == "MissileLaunch" for e in facts.events)
    err = capsys.readouterr().err
    assert "kg.test_broken.v1 failed on a.txt" in err and "boom" in err
