"""Reading .txt (+ .meta.json), .jsonl and .html articles, and refusing bad ones clearly."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from kg.errors import KGError
from kg.ingest import read_articles

TEXT = "North Korea fired a ballistic missile on Monday, South Korea's military said.\n"


def test_txt_with_meta(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "T", "published": "2024-01-15",
                                                      "source": "Wire", "url": "https://x/a"}))
    [a] = read_articles([tmp_path])
    assert a.published == dt.date(2024, 1, 15)
    assert (a.title, a.source, a.url) == ("T", "Wire", "https://x/a")
    assert a.text == TEXT.rstrip()


def test_id_is_stable_and_from_url_else_content(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    first = read_articles([tmp_path])[0].id
    assert read_articles([tmp_path])[0].id == first
    (tmp_path / "a.meta.json").write_text(json.dumps({"url": "https://x/a"}))
    assert read_articles([tmp_path])[0].id != first


def test_jsonl_reads_one_article_per_line(tmp_path):
    lines = [{"text": TEXT, "published": "2024-01-15", "url": f"https://x/{i}"} for i in range(3)]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    arts = read_articles([tmp_path / "batch.jsonl"])
    assert len(arts) == 3 and all(a.published == dt.date(2024, 1, 15) for a in arts)


def test_html_keeps_the_article_and_drops_navigation(tmp_path):
    body = " ".join([TEXT.strip()] * 4)
    page = f"""<html><head><title>Missile launch</title></head><body>
    <nav><a href="/">Home</a> <a href="/sport">Sport: Finland wins the cup</a></nav>
    <article><h1>Missile launch</h1><p>{body}</p><p>{body}</p></article>
    <footer>Copyright Example News</footer></body></html>"""
    (tmp_path / "page.html").write_text(page)
    [a] = read_articles([tmp_path / "page.html"])
    assert "ballistic missile" in a.text
    assert "Finland" not in a.text and "Copyright" not in a.text


def test_folders_are_read_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(TEXT + "Second.")
    (tmp_path / "a.txt").write_text(TEXT)
    ids = [a.id for a in read_articles([tmp_path])]
    assert ids == sorted(ids) and len(ids) == 2


@pytest.mark.parametrize("setup, code", [
    (lambda d: None, "E001"),                                            # missing path
    (lambda d: (d / "x.txt").write_text("  \n"), "E002"),                # empty
    (lambda d: (d / "x.txt").write_bytes(b"\x89PNG\x00\x00binary"), "E003"),  # binary
    (lambda d: ((d / "x.txt").write_text(TEXT), (d / "x.meta.json").write_text("{oops")), "E004"),
    (lambda d: ((d / "x.txt").write_text(TEXT),
                (d / "x.meta.json").write_text('{"published": "last week"}')), "E005"),
    (lambda d: (d / "x.jsonl").write_text("not json\n"), "E015"),
])
def test_bad_input_is_a_clear_error(tmp_path, setup, code):
    setup(tmp_path)
    with pytest.raises(KGError) as exc:
        read_articles([tmp_path / "x.txt" if code != "E015" else tmp_path / "x.jsonl"])
    assert exc.value.code == code
    assert "\n" not in exc.value.message


def test_non_utf8_is_read_with_a_warning(tmp_path, capsys):
    (tmp_path / "x.txt").write_bytes("Seoul\u2019s military said it was a missile.".encode("cp1252"))
    [a] = read_articles([tmp_path])
    assert "Seoul\u2019s military" in a.text
    assert "not UTF-8" in capsys.readouterr().err
