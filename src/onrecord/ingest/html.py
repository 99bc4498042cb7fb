"""Main text and metadata of an HTML page, with trafilatura; an HTML fragment (no <html> or
<body>, e.g. `<p>...</p>` pasted from a page) is read whole, one paragraph per block."""
from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache
from typing import Any

from onrecord.errors import BadInput

META_KEYS = ("title", "author", "date", "url", "sitename")
# Extracted text counts as an article only with this many words and a sentence end.
MIN_WORDS = 8
_PAGE = re.compile(r"<(?:!doctype|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
# Tag names, not words read in text: elements that start a paragraph, and ones never shown.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd blockquote pre section article header footer main "
    "aside figure figcaption table tr td th ul ol dl hr address".split())
HIDDEN_TAGS = frozenset("script style noscript template head title".split())


@lru_cache(maxsize=1)
def _config() -> Any:
    """trafilatura's settings with the date search kept to the page's own metadata."""
    from trafilatura.settings import DEFAULT_CONFIG

    cfg = deepcopy(DEFAULT_CONFIG)
    cfg["DEFAULT"]["extensive_date_search"] = "off"  # no dates guessed from body text
    cfg["DEFAULT"]["extraction_timeout"] = "0"       # no signal-based timeout (threads)
    return cfg


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Return (article text, metadata: title, author, date, url, sitename; None when unknown).

    Paragraphs come back one per line. Raises ValueError when the page has no article text.
    """
    import trafilatura

    if not html or not html.strip():
        raise BadInput("empty HTML page: no article text")
    if is_fragment(html):
        text = fragment_text(html)
        if not text:
            raise BadInput("HTML fragment has no text (only tags, scripts or styles)")
        return text, {k: None for k in META_KEYS}
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, include_formatting=False,
        deduplicate=False, config=_config(),
        date_extraction_params={"extensive_search": False, "original_date": True})
    found: dict[str, Any] = doc.as_dict() if doc is not None and not isinstance(doc, dict) \
        else (doc or {})
    text = found.get("text") or ""
    if not _prose(text):
        text = _fallback(html)
    if not text.strip():
        raise BadInput("HTML page has no article text (no main content found; "
                         "is it an index, login or script-only page?)")
    meta = {k: (found.get(k) or None) for k in META_KEYS}
    if meta["date"]:  # checked by the pipeline: one that is not a date is noted and ignored
        meta["date"] = str(meta["date"]).strip()
    return text.strip(), meta


def _fallback(html: str) -> str:
    """Paragraph text for short pages that trafilatura's main-content filter discards."""
    from trafilatura import baseline

    _, text, _ = baseline(html)
    return text if _prose(text or "") else ""


def _prose(text: str) -> bool:
    """True for text with a sentence in it, not a lone menu or button label."""
    return len(text.split()) >= MIN_WORDS and any(c in text for c in ".!?”\"")


def is_fragment(html: str) -> bool:
    """True for markup with no <html>, <head>, <body> or doctype: part of a page."""
    return _PAGE.search(html[:65536]) is None


def fragment_text(html: str) -> str:
    """All visible text of a fragment: blocks and <br> start lines, inline tags join words."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):  # comments and processing instructions
            el.text = ""
        elif el.tag.lower() in HIDDEN_TAGS:
            el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS | {"br"}:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
