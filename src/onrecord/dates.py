"""The publication date of an article and the date each statement was made."""
from __future__ import annotations

from onrecord.model import Article


def find_published(text: str) -> str | None:
    """The publication date stated in the text (dateline, caption), ISO format, or None."""
    return None


def date_quotes(article: Article) -> None:
    """Set `quote.date` where the text says when a statement was made; else leave None."""
    return None
