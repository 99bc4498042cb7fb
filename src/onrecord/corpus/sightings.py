"""Sightings: every input record kept as a sighting of the article its content keys to.

The store keys an article by its content, so a second record with the same text (another id,
url, outlet or date) adds no article; it adds a sighting. A sighting is identified by where it
was read (file and position, plus what the record says), so reading the same file again adds
nothing and a resumed run adds exactly what an uninterrupted one would."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from onrecord.corpus.rows import outlet_of
from onrecord.dates.values import normalize_date
from onrecord.ingest.record import InputRecord
from onrecord.model import Article, Failure

# Sightings of already stored articles kept in memory before they are written on their own.
FLUSH_SIGHTINGS = 2000


@dataclass(frozen=True, slots=True)
class Sighting:
    """One input record of an article (or of an error record): who sent it, from where."""

    article_id: str
    source: str | None
    pos: int | None
    source_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    @property
    def id(self) -> str:
        """A hash of where the record was read and what it says (stable across runs)."""
        h = hashlib.sha256()
        for part in (self.article_id, self.source, self.pos, self.source_id, self.url,
                     self.outlet, self.published):
            h.update(b"\x00" if part is None else f"{part}".encode("utf-8", "surrogatepass"))
            h.update(b"\x01")
        return h.hexdigest()[:32]

    def row(self) -> dict[str, Any]:
        """The row of the `sightings` table (read_at is set by the store)."""
        return {"id": self.id, "article_id": self.article_id, "source": self.source,
                "pos": self.pos, "source_id": self.source_id, "url": self.url,
                "outlet": self.outlet, "published": self.published}


def _text(v: object) -> str | None:
    return v.strip() if isinstance(v, str) and v.strip() else None


def of_record(key: str, rec: InputRecord | Failure, source: str | None,
              pos: int | None) -> Sighting:
    """The sighting of an input record: its id, url, outlet and date as the record gives them
    (a date that is not one is left out: the record's article is stored either way)."""
    if isinstance(rec, Failure):
        return Sighting(key, source, pos, None if rec.id is None else str(rec.id))
    meta = rec.meta or {}
    url = _text(rec.url) or _text(meta.get("url"))
    probe = Article(id=rec.id, text="", meta={**meta, **({"url": url} if url else {}),
                                              **({"outlet": rec.outlet} if rec.outlet else {})})
    try:
        published = normalize_date(rec.published, "published")
    except ValueError:
        published = None
    return Sighting(key, source, pos, None if rec.id is None else str(rec.id), url,
                    outlet_of(probe), published)


def of_result(key: str, result: Article | Failure, source: str | None,
              pos: int | None) -> Sighting:
    """The sighting of an already extracted article (`Store.add`)."""
    if isinstance(result, Failure):
        return Sighting(key, source, pos, None if result.id is None else str(result.id))
    url = result.meta.get("url")
    return Sighting(key, source, pos, None if result.id is None else str(result.id),
                    url if isinstance(url, str) else None, outlet_of(result), result.published)


@dataclass(slots=True)
class Tracker:
    """Holds a run's sightings until their article is written: a sighting is committed in the
    batch that stores its article, or after it, never before (so kill -9 leaves none dangling)."""

    flush: Callable[[list[Sighting]], None]
    pending: dict[str, list[Sighting]] = field(default_factory=dict)  # key -> not yet written
    ready: list[Sighting] = field(default_factory=list)  # their article is in the store
    positions: dict[str | None, int] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)  # keys written since the last look-up

    def position(self, source: str | None) -> int:
        """The next record's position in `source` (0, 1, 2... per file)."""
        n = self.positions.get(source, 0)
        self.positions[source] = n + 1
        return n

    def queued(self, s: Sighting) -> None:
        """The first record of a key sent to extraction."""
        self.pending[s.article_id] = [s]

    def seen(self, s: Sighting) -> None:
        """A record whose key is stored, or queued earlier in this run."""
        waiting = self.pending.get(s.article_id)
        if waiting is not None:
            waiting.append(s)
            return
        self.ready.append(s)
        if len(self.ready) >= FLUSH_SIGHTINGS:
            self.flush(self.take([]))

    def take(self, keys: list[str]) -> list[Sighting]:
        """Sightings to write with a batch storing `keys`: theirs, and every ready one."""
        out, self.ready = self.ready, []
        for k in keys:
            out += self.pending.pop(k, [])
        self.written.update(keys)
        return out
