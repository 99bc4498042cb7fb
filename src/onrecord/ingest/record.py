"""One input article as read from a file, a page or a JSONL line, before extraction."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class InputRecord:
    """Raw input: plain `text` or an `html` page, with what the caller knows about it.

    `source` says where the record came from (`file.jsonl:12`, a path, a WARC record id);
    `url` and `outlet` are copied from the input when it gives them.
    """

    id: str | None = None
    text: str | None = None
    html: str | None = None
    published: str | date | None = None  # checked and made ISO by the pipeline
    meta: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    url: str | None = None
    outlet: str | None = None
