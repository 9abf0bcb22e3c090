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
    # A wire's list of its most saved stories, an advertiser's block.
    "\nMost Saved\n(2nd LD) Port strike ends after talks\nStar chef opens cafe",
    "\nPaid Content\nThe one gadget everyone in Ohio wants",
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


def test_a_wires_keywords_end_the_article():
    long_body = "\n".join([BODY] * 3)
    assert cut(long_body + "\nKeywords\n#missile #Seoul") == long_body


def test_copyright_in_the_first_half_is_text():
    text = "Copyright holders sued the agency on Monday.\n" + BODY + "\n" + BODY
    assert cut(text) == text


@pytest.mark.parametrize("inline", [
    "Read more: How a chip maker became the face of the AI boom\n",
    "Keep reading\nlist of 2 items\nlist 1 of 2\nFloods hit coastal towns\nlist 2 of 2\n"
    "Farmers protest new tax\nend of list\n",
    "RELATED ARTICLE\nOpinion: Why the capital braces for a busy summer\n",
    # A photo's caption and credit, a section trail, the outlet's own promotion.
    "[Photo: Delegates arrive in Lima for the talks. Ann Roe/Getty Images]\n",
    "Photo/Illustration: Shoppers in Sapporo watch the news on Monday. (Ken Ito)\n",
    "Analysis | Defence | South Asia\n",
    "Sign up for our morning briefing on Asian markets.\n",
    "Share this with Facebook Share this with Twitter Share this with Email\n",
    "Date 18.08.2025\n",
    # A broadcaster's image credit line.
    "Image source, Reuters\n",
])
def test_links_between_paragraphs_are_blanked_in_place(inline):
    from kg.ingest.furniture import blank_inline_furniture
    text = "North Korea fired a missile on Monday.\n\n" + inline + "\nIt flew 800km, Seoul said."
    out = blank_inline_furniture(text)
    assert len(out) == len(text)  # offsets of what is kept do not move
    assert out.split() == ["North", "Korea", "fired", "a", "missile", "on", "Monday.", "It", "flew",
                           "800km,", "Seoul", "said."]


@pytest.mark.parametrize("caption, kept", [
    ("Commuters in Osaka watch the news Image: Ken Ito/AP Photo/picture alliance",
     "Commuters in Osaka watch the news"),
    ("Shoppers watch a broadcast in Busan on May 2, 2025. \u00a9 Ann Roe, AFP",
     "Shoppers watch a broadcast in Busan on May 2, 2025."),
])
def test_a_captions_credit_is_blanked_and_the_caption_kept(caption, kept):
    from kg.ingest.furniture import blank_inline_furniture
    text = "North Korea fired a missile.\n" + caption + "\nIt flew 800km."
    out = blank_inline_furniture(text)
    assert len(out) == len(text)
    assert out.split() == ["North", "Korea", "fired", "a", "missile.", *kept.split(), "It", "flew", "800km."]


def test_a_link_late_in_the_article_is_no_end():
    para = "The ministry said the rocket fell into the sea shortly after it lifted off on Monday morning."
    text = "\n\n".join([BODY, BODY, "Read more: Why a violinist became a chess champion", para,
                        "Related stories\nFloods hit coastal towns"])
    assert cut(text).endswith(para)


def test_a_paragraph_that_says_read_more_is_kept():
    from kg.ingest.furniture import blank_inline_furniture
    text = "Analysts urged caution.\nRead more: the ministry said the launch was a test.\nIt flew."
    assert blank_inline_furniture(text) == text
