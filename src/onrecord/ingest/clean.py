"""Repairs applied to article text before extraction (mojibake, junk, boilerplate)."""
from __future__ import annotations

from onrecord.model import Repair


def clean_text(text: str) -> tuple[str, list[Repair]]:
    """Return the repaired text and the repairs made, offsets into the repaired text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []
