"""One input article as read from a file, a page or a JSONL line, before extraction."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class InputRecord:
    """Raw input: plain `text` or an `html` page, with what the caller knows about it."""

    id: str | None = None
    text: str | None = None
    html: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
