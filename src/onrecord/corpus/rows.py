"""Turn one extracted article into the rows of the store's tables (no database access here)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any
from urllib.parse import urlparse

from onrecord.corpus.speakers import SpeakerRegistry
from onrecord.lexicon.people import UNNAMED_MENTIONS
from onrecord.model import Article

# Meta keys that may name the outlet, in order of preference.
OUTLET_KEYS = ("outlet", "sitename", "site_name", "source", "publisher", "hostname")
# A first line longer than this is body text, not a headline.
MAX_TITLE_CHARS = 200


@dataclass(slots=True)
class ArticleRows:
    """Rows for every table that one article touches."""

    article: dict[str, Any]
    quotes: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    repairs: list[dict[str, Any]] = field(default_factory=list)
    merges: list[tuple[int, int]] = field(default_factory=list)  # (old speaker, new speaker)


def title_of(article: Article) -> str | None:
    """The headline: meta title, else a short first line."""
    t = article.meta.get("title")
    if isinstance(t, str) and t.strip():
        return t.strip()
    first = next((ln.strip() for ln in article.text.splitlines() if ln.strip()), "")
    return first if first and len(first) <= MAX_TITLE_CHARS else None


def outlet_of(article: Article) -> str | None:
    """The outlet from meta, else the host of the article's url."""
    for k in OUTLET_KEYS:
        v = article.meta.get(k)
        if isinstance(v, str) and v.strip():
            return v.strip()
    url = article.meta.get("url")
    if isinstance(url, str) and url:
        host = urlparse(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


_ATOMS = frozenset({str, int, float, bool})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(v: Any) -> Any:
    """`v` as `dataclasses.asdict` gives it for JSON, without its deep copies."""
    if v is None or type(v) in _ATOMS:
        return v
    if is_dataclass(v) and not isinstance(v, type):
        return {n: _plain(getattr(v, n)) for n in _field_names(type(v))}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def record_of(article: Article) -> dict[str, Any]:
    """`Article.to_dict()` without `text` (the `record` column), built without deep copies."""
    d = {n: _plain(getattr(article, n)) for n in _field_names(Article) if n != "text"}
    if not d["meta"]:
        del d["meta"]
    for q in d["quotes"]:
        del q["explain"]
    return d


def record_json(article: Article) -> str:
    """The `record` column: `record_of` as JSON (workers make it, so the writer need not)."""
    return json.dumps(record_of(article), ensure_ascii=False, default=str)


def article_rows(key: str, article: Article, *, source: str | None, sig: bytes | None,
                 registry: SpeakerRegistry, record: str | None = None) -> ArticleRows:
    """Rows for `article` stored under `key`; speakers are resolved through `registry`;
    `record`: its `record_json` when the worker made it."""
    url = article.meta.get("url")
    rows = ArticleRows(article={
        "id": key, "source_id": None if article.id is None else str(article.id),
        "source": source, "title": title_of(article),
        "url": url if isinstance(url, str) else None, "outlet": outlet_of(article),
        "published": article.published, "text": article.text,
        "record": record if record is not None else record_json(article),
        "n_quotes": len(article.quotes), "minhash": sig,
    })
    local: dict[str, int] = {}
    for ent in article.entities:
        res = registry.resolve(ent.name, kind=ent.kind, titles=ent.titles)
        if res is None:
            continue
        rows.merges.extend((old, res.speaker_id) for old in res.merged)
        for alias in ent.aliases:
            registry.add_alias(res.speaker_id, alias)
        local[ent.id] = res.speaker_id
        for m in ent.mentions:
            if len(m) >= 2:
                rows.mentions.append({
                    "article_id": key, "entity_id": ent.id, "speaker_id": res.speaker_id,
                    "name": ent.name, "kind": ent.kind, "start": int(m[0]), "end": int(m[1])})
    for i, q in enumerate(article.quotes):
        sid = None
        sp = q.speaker
        if sp is not None:
            sid = local.get(sp.id) if sp.id is not None else None
            if sid is None and sp.name and sp.name.lower() not in UNNAMED_MENTIONS:
                res = registry.resolve(sp.name)
                if res is not None:
                    rows.merges.extend((old, res.speaker_id) for old in res.merged)
                    sid = res.speaker_id
        if sid is not None:
            sid = registry.live(sid)
        rows.quotes.append({
            "article_id": key, "idx": i, "kind": q.kind, "text": q.text,
            "start": _int(q.start), "end": _int(q.end), "speaker_id": sid,
            "speaker_name": sp.name if sp else None, "speaker_ref": sp.id if sp else None,
            "speaker_start": _int(sp.start) if sp else None,
            "speaker_end": _int(sp.end) if sp else None,
            "cue": q.cue.text if q.cue else None, "cue_start": _int(q.cue.start) if q.cue else None,
            "cue_end": _int(q.cue.end) if q.cue else None, "addressee": q.addressee,
            "date": q.date, "confidence": float(q.confidence)})
    for i, rep in enumerate(article.repairs):
        rows.repairs.append({"article_id": key, "idx": i, "kind": rep.kind,
                             "start": _int(rep.start), "end": _int(rep.end), "before": rep.before,
                             "after": rep.after})
    for mention in rows.mentions:
        mention["speaker_id"] = registry.live(mention["speaker_id"])
    return rows


def _int(v: object) -> int | None:
    """An offset as an int (None stays None); anything else is a malformed record."""
    if v is None:
        return None
    if isinstance(v, int) and not isinstance(v, bool):
        return v
    raise ValueError(f"offset {v!r} is not an integer")
