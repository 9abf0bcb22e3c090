"""Page furniture is cut by structure, not by a list of headlines."""
from __future__ import annotations

import pytest

from kg.ingest.furniture import body_end

BODY = "North Korea fired a missile on Monday, officials said.\nIt flew 800km, Seoul said."


def cut(text: str) -> str:
    return text[: body_end(text)]


@pytest.mark.parametrize("tail", [
    # A list of other stories' headlines, then a copyright line.
    "\nMarkets slide as oil prices jump\nWhy the election matters. Video\n'I will not give up'\n"
    "© 2024 Example News. All rights reserved.",
    # Headlines only, one of them a question.
    "\nCan the deal survive the winter?\nFloods hit coastal towns\nThe chef with one table",
    # A related-stories header followed by links.
    "\nRelated Topics\nNorth Korea\nMissiles",
    "\nMore on this story\nSeoul responds to launch\nAnalysis: what the test means",
    # Only a copyright line.
    "\nCopyright 2024 Example Wire Service",
    # A broadcast's break and the trailer of the next items.
    "\n[BREAK]\n\nComing up after the news: central bank chief Ana Ruiz weighs a rate cut, and the "
    "dockworkers' strike enters its third week.",
    "\nStill to come: the finance minister Ana Ruiz on the budget.",
])
def test_furniture_after_the_body_is_cut(tail):
    assert cut(BODY + tail) == BODY


@pytest.mark.parametrize("text", [
    BODY,
    # A byline credit is short but not a headline: it stays (it names the agencies).
    BODY + "\n\nMore to follow as this story develops...\n\nmsh/sdi (AFP, Reuters)",
    # One or two short lines are not a headline list.
    BODY + "\nAnalysis",
    # A subheading in the middle of the article stays.
    "Officials met on Monday.\nNorth Korea criticizes alleged surveillance\nThe talks went on for hours.",
])
def test_article_text_is_kept(text):
    assert cut(text) == text


def test_copyright_in_the_first_half_is_text():
    text = "Copyright holders sued the agency on Monday.\n" + BODY + "\n" + BODY
    assert cut(text) == text
