"""What a statement says about itself: first sighting, counts, and each variant's word diff."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from onrecord.statements.group import Member, Statement
from onrecord.statements.relate import is_truncation, word_diff
from onrecord.statements.words import quoted_words


def sighting(m: Member) -> dict[str, Any]:
    """One member as a sighting: where and when the words appeared."""
    return {"article_id": m.article_id, "idx": m.idx, "kind": m.kind, "text": m.text,
            "outlet": m.outlet, "url": m.url, "published": m.published,
            "start": m.start, "end": m.end, "speaker": m.speaker}


def variants(st: Statement) -> list[dict[str, Any]]:
    """Members whose words differ from the statement's text, with a word diff and whether the
    difference only leaves words out (a truncation) or changes some (an alteration)."""
    out = []
    for m in st.members:
        ws = quoted_words(m.kind, m.text)
        if ws == st.words:
            continue
        out.append({"article_id": m.article_id, "idx": m.idx, "text": m.text,
                    "truncation": is_truncation(ws, st.words),
                    "diff": [asdict(e) for e in word_diff(st.words, ws)]})
    return out


def describe(st: Statement) -> dict[str, Any]:
    """A statement as the API and `statements --format json` give it."""
    members = sorted(st.members, key=lambda m: m.seen_key)
    first = members[0]
    return {
        "id": st.id, "text": st.text, "speaker": st.speaker,
        "speaker_confidence": round(st.speaker_confidence, 3),
        "kind": first.kind if st.family == "reported" else
        ("direct" if any(m.kind == "direct" for m in members) else first.kind),
        "first_seen": sighting(first),
        "n_articles": len({m.article_id for m in members}),
        "n_outlets": len({m.outlet for m in members if m.outlet}),
        "sightings": [sighting(m) for m in members],
        "variants": variants(st),
    }
