"""Main text and metadata of an HTML page."""
from __future__ import annotations

import re
from typing import Any

_TAG = re.compile(r"<[^>]+>")


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Return (article text, metadata such as title, author, date, url)."""
    return _TAG.sub(" ", html), {}
