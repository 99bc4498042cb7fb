"""The viewer in Debian's chromium: highlights, keyboard tooltips, escaping, store search."""
from __future__ import annotations

import json

import httpx
import pytest
from browser_helpers import browser, needs_chromium  # noqa: F401 (fixture)
from serve_fixtures import server, store_path, store_server  # noqa: F401 (fixtures)
from serve_helpers import ARTICLES

pytestmark = [pytest.mark.slow, needs_chromium]
sync_api = pytest.importorskip("playwright.sync_api")

XSS_TEXT = (
    '<script>window.__pwned = "script"</script>\n'
    'The chair, Nora Quill, said <img src=x onerror="window.__pwned = \'img\'"> was not a budget.\n'
    '"We <b onmouseover="window.__pwned = \'b\'">will</b> vote on it," Quill said.\n')


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    ctx.close()


def open_viewer(page, base: str) -> None:
    page.goto(f"{base}/")
    page.wait_for_selector("body[data-ready='true']")


def read_article(page, text: str) -> None:
    page.fill("#article-input", text)
    page.click("#read-submit")
    page.wait_for_selector("#read-status:has-text('Found')")


def test_pasted_article_shows_each_quote_highlighted(page, server):
    text = ARTICLES["ferry"]
    record = httpx.post(f"{server.base}/extract", json={"text": text}, timeout=60).json()
    assert record["quotes"]
    open_viewer(page, server.base)
    read_article(page, text)
    marks = page.locator(".article-body mark.q")
    assert marks.count() == len(record["quotes"])
    shown = sorted(marks.evaluate_all("ms => ms.map(m => [Number(m.dataset.q), m.textContent])"))
    assert shown == [[i, q["text"]] for i, q in enumerate(record["quotes"])]
    # One colour per speaker: quotes by the same speaker share it, different speakers differ.
    colours = marks.evaluate_all(
        "ms => ms.map(m => [m.dataset.speaker, getComputedStyle(m).borderBottomColor])")
    by_speaker: dict[str, set[str]] = {}
    for who, colour in colours:
        by_speaker.setdefault(who, set()).add(colour)
    assert all(len(c) == 1 for c in by_speaker.values())
    assert len({next(iter(c)) for c in by_speaker.values()}) == len(by_speaker)
    # The legend counts quotes per speaker.
    counts = page.locator(".legend .count").all_inner_texts()
    assert sum(int(c) for c in counts) == len(record["quotes"])
    assert page.errors == []


def test_keyboard_focus_on_a_quote_shows_its_tooltip(page, server):
    text = ARTICLES["ferry"]
    record = httpx.post(f"{server.base}/extract", json={"text": text}, timeout=60).json()
    open_viewer(page, server.base)
    read_article(page, text)
    page.focus("#read-submit")
    for _ in range(20):  # tab forward until the first quote has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.q')"):
            break
    assert page.evaluate("document.activeElement.matches('mark.q')")
    q = record["quotes"][int(page.evaluate("document.activeElement.dataset.q"))]
    tip = page.locator("#tooltip")
    assert tip.is_visible()
    assert q["speaker"]["name"] in tip.inner_text()
    assert "Confidence" in tip.inner_text()
    assert f"{round(q['confidence'] * 100)}%" in tip.inner_text()
    if q["cue"]:
        assert q["cue"]["text"] in tip.inner_text()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "tooltip"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_article_markup_is_shown_as_text_and_never_runs(page, server):
    open_viewer(page, server.base)
    read_article(page, XSS_TEXT)
    body = page.locator(".article-body")
    assert "<script>" in body.inner_text()
    assert "<img src=x onerror=" in body.inner_text()
    assert body.locator("script, img, b").count() == 0
    for mark in page.locator("mark.q").all():
        mark.hover()
    assert page.evaluate("window.__pwned") is None
    assert page.errors == []


def test_a_record_file_with_markup_in_names_is_escaped(page, server):
    text = 'Quill said "hello there" to the room.\n'
    name = '<img src=x onerror="window.__pwned=1">Quill'
    record = {"id": "<b>t</b>", "text": text, "published": None, "repairs": [],
              "entities": [{"id": "p1", "name": name, "kind": "person",
                            "titles": ["<script>window.__pwned=2</script>"],
                            "aliases": [], "mentions": [[0, 5]]}],
              "quotes": [{"kind": "direct", "text": "hello there", "start": 12, "end": 23,
                          "speaker": {"id": "p1", "name": name, "start": 0, "end": 5},
                          "cue": {"text": "said", "start": 6, "end": 10},
                          "addressee": "<i>the room</i>", "date": None, "confidence": 0.9}]}
    open_viewer(page, server.base)
    page.set_input_files("#article-file", files=[{
        "name": "record.json", "mimeType": "application/json",
        "buffer": json.dumps(record).encode()}])
    page.wait_for_selector(".article-body mark.q")
    page.locator("mark.q").first.focus()
    tip = page.locator("#tooltip").inner_text()
    assert name in tip and "<script>" in tip and "<i>the room</i>" in tip
    assert page.locator(".caller-id code").inner_text() == "<b>t</b>"  # the id, as text
    assert page.locator(".article-title").inner_text() == text.strip()  # never the id
    assert page.locator("#tooltip img, #tooltip script, .legend img, main img, main b").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_without_a_store_the_search_page_is_hidden(page, server):
    open_viewer(page, server.base)
    assert not page.locator("nav a[data-page='search']").is_visible()
    page.goto(f"{server.base}/#/search?speaker=Okafor")
    page.wait_for_selector("#read-status:has-text('--store')")
    assert page.locator("#page-search").is_hidden()


def test_search_the_store_and_open_the_quote_in_its_article(page, store_server):
    open_viewer(page, store_server.base)
    page.click("nav a[data-page='search']")
    page.fill("#search-form input[name='speaker']", "Okafor")
    page.click("#search-form button")
    page.wait_for_selector("#search-results li")
    api = httpx.get(f"{store_server.base}/quotes", params={"speaker": "Okafor"}).json()
    assert page.locator("#search-results li").count() == min(api["total"], 20)
    assert page.locator("#search-status").inner_text().endswith(f"of {api['total']}")
    first = api["items"][0]
    page.locator("#search-results li a").first.click()
    page.wait_for_selector("#page-article mark.q")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == first["text"]
    assert page.locator("#tooltip").is_visible()


def test_speakers_page_lists_counts(page, store_server):
    open_viewer(page, store_server.base)
    page.click("nav a[data-page='speakers']")
    page.wait_for_selector("#speakers-table tbody tr")
    api = httpx.get(f"{store_server.base}/speakers").json()["items"]
    rows = page.locator("#speakers-table tbody tr")
    assert rows.count() == len(api)
    assert rows.first.locator("td.num").first.inner_text() == str(api[0]["quotes"])


def test_overlapping_and_out_of_range_quotes_are_still_listed(page, server):
    text = 'Berg said "the bridge, "our bridge," stays" and left.\n'
    outer = text.index("the bridge")
    inner = text.index("our bridge")
    quote = lambda start, end, words: {  # noqa: E731
        "kind": "direct", "text": words, "start": start, "end": end,
        "speaker": {"id": None, "name": "Berg", "start": 0, "end": 4},
        "cue": None, "addressee": None, "date": None, "confidence": 0.5}
    record = {"id": "overlap", "text": text, "published": None, "repairs": [], "entities": [],
              "quotes": [quote(outer, outer + 31, text[outer:outer + 31]),
                         quote(inner, inner + 10, "our bridge"),
                         quote(500, 520, "not in this text")]}
    open_viewer(page, server.base)
    page.set_input_files("#article-file", files=[{
        "name": "overlap.json", "mimeType": "application/json",
        "buffer": json.dumps(record).encode()}])
    page.wait_for_selector(".article-body mark.q")
    in_text = page.locator(".article-body p mark.q")
    listed = page.locator(".unplaced mark.q")
    assert in_text.count() == 1 and in_text.first.inner_text() == record["quotes"][0]["text"]
    assert listed.all_inner_texts() == ["our bridge", "not in this text"]


def test_repairs_are_listed_and_typos_show_in_the_quote_tooltip(page, server):
    text = '"We will not loose this bridge," Berg said.\n'
    start = text.index("We")
    end = text.index(',"')
    typo = text.index("loose")
    record = {"id": "typo", "text": text, "published": "2026-06-06",
              "repairs": [{"kind": "boilerplate", "start": 0, "end": 0,
                           "before": "RELATED IMAGES view larger image", "after": ""},
                          {"kind": "typo", "start": typo, "end": typo + 5,
                           "before": "loose", "after": "lose"}],
              "entities": [],
              "quotes": [{"kind": "direct", "text": text[start:end], "start": start, "end": end,
                          "speaker": {"id": None, "name": "Berg", "start": 33, "end": 37},
                          "cue": {"text": "said", "start": 38, "end": 42}, "addressee": None,
                          "date": None, "confidence": 0.8}]}
    open_viewer(page, server.base)
    page.set_input_files("#article-file", files=[{
        "name": "typo.json", "mimeType": "application/json",
        "buffer": json.dumps(record).encode()}])
    page.wait_for_selector(".repairs li")
    items = page.locator(".repairs li").all_inner_texts()
    assert len(items) == 2
    assert "RELATED IMAGES" in items[0] and "loose" in items[1] and "lose" in items[1]
    page.locator("mark.q").first.focus()
    assert "loose → lose" in page.locator("#tooltip").inner_text()
    # The quote itself is shown as printed.
    assert page.locator("mark.q").first.inner_text() == "We will not loose this bridge"
