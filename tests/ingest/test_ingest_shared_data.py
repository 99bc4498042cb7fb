"""The team's shared data (skipped when ../shared is absent): the scraped example's repairs,
and no repairs at all on 2,225 clean BBC articles."""
from __future__ import annotations

import json

from onrecord.dates.published import find_published
from onrecord.ingest.clean import clean_text


def test_scraped_example_repairs(shared_dir):
    raw = (shared_dir / "examples" / "scraped-news-article.txt").read_text(encoding="utf-8")
    text, repairs = clean_text(raw)
    kinds = {r.kind: r for r in repairs}
    assert sorted(kinds) == ["boilerplate", "caption", "junk"]
    junk = kinds["junk"]
    assert (junk.before, junk.after, text[junk.start:junk.end]) == (
        "atxjmtzywtack", "attack", "attack")
    assert "RELATED IMAGES" not in text and "view larger image" not in text
    cap = kinds["caption"]
    assert text[cap.start:cap.end].startswith("In this photo provided by")
    assert text[cap.end:].strip() == ""  # the caption is the last line
    assert find_published(text) == "2022-01-18"


def test_clean_bbc_articles_get_no_repairs(shared_dir):
    path = shared_dir / "data" / "bbc-news" / "articles.jsonl"
    changed = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text, repairs = clean_text(rec["text"])
            if repairs or text != rec["text"]:
                changed.append((rec["id"], [(r.kind, r.before) for r in repairs]))
    assert changed == []


def test_scraped_example_reads_like_its_cleaned_copy(shared_dir, extractor):
    raw = (shared_dir / "examples" / "scraped-news-article.txt").read_text(encoding="utf-8")
    cleaned = raw.replace("atxjmtzywtack", "attack").replace(
        "RELATED IMAGESview larger image\n", "")
    assert clean_text(raw)[0] == cleaned

    def said(text: str) -> list[tuple[str, str | None, str | None]]:
        art = extractor.extract(text)
        return [(q.text, q.speaker.name if q.speaker else None, q.date) for q in art.quotes]

    assert said(raw) == said(cleaned)
