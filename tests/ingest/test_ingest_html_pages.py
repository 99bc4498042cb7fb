"""HTML pages: main article text without scripts, styles or menus, plus the page's metadata."""
from __future__ import annotations

import pytest

from onrecord.ingest.html import html_to_text

PAGE = """<!doctype html><html><head>
<title>Council backs bridge plan | The Riverside Gazette</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2023-05-02T09:30:00Z">
<meta property="og:site_name" content="The Riverside Gazette">
<link rel="canonical" href="https://gazette.example/news/bridge">
<style>p { color: red } .said { display: none }</style>
<script>var note = "the mayor said nothing of the sort";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council backs bridge plan</h1>
<p>The council voted on Tuesday to rebuild the old river bridge by next summer, after a
long debate about the cost of the work and the closure of the road.</p>
<p>“We have waited long enough,” the mayor, Ana Ruiz, told reporters after the vote.</p>
<p>Opponents said the money would be better spent on buses and on the town's schools.</p>
</article>
<footer>Copyright 2023 The Riverside Gazette. All rights reserved.</footer>
<script>console.log("tracking");</script>
</body></html>"""


def test_article_text_and_metadata():
    text, meta = html_to_text(PAGE)
    assert "“We have waited long enough,” the mayor, Ana Ruiz, told reporters" in text
    assert "said nothing of the sort" not in text and "color: red" not in text
    assert "tracking" not in text and "All rights reserved" not in text
    assert meta["title"] == "Council backs bridge plan"
    assert meta["author"] == "Jane Roe"
    assert meta["date"] == "2023-05-02"
    assert meta["url"] == "https://gazette.example/news/bridge"
    assert meta["sitename"] == "The Riverside Gazette"


def test_paragraphs_come_back_on_their_own_lines():
    text, _ = html_to_text(PAGE)
    lines = [l for l in text.split("\n") if l.strip()]
    assert any(l.startswith("“We have waited") for l in lines)
    assert any(l.startswith("Opponents said") for l in lines)


def test_unknown_metadata_is_none():
    _, meta = html_to_text("<html><body><p>The minister said the talks would resume "
                           "soon, and that both sides had agreed on a date.</p></body></html>")
    assert meta["author"] is None and meta["date"] is None and meta["url"] is None


@pytest.mark.parametrize("html", [
    "",
    "<html><head><script>var a = 1;</script></head><body></body></html>",
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
])
def test_page_without_article_text_raises_a_clear_error(html):
    with pytest.raises(ValueError, match="no article text"):
        html_to_text(html)
