"""Which reader fits input that has no file name (stdin): JSONL, HTML or plain text, by content.

JSONL only when the first line is a JSON object (or the whole input is one object), HTML only
when it looks like a page or starts with a tag and closes one; anything else is plain text.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum

# Bytes of the first line tried as JSON (a longer one is judged by how it starts).
MAX_SNIFF_LINE = 12_000_000
_PAGE = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
_OPEN_TAG = re.compile(rb"<([a-z][a-z0-9]*)(?:\s[^<>]*)?/?>", re.IGNORECASE)
_CLOSE_TAG = re.compile(rb"</[a-z][a-z0-9]*\s*>", re.IGNORECASE)
# `{"key":`: a JSON object's start, even on a line too broken to parse (the JSONL reader
# then reports that line and reads the rest).
_OBJECT_START = re.compile(rb'\{\s*"(?:[^"\\\n]|\\.){0,200}"\s*:')


class Reader(Enum):
    """The readers stdin can go to."""

    TXT = "txt"
    HTML = "html"
    JSONL = "jsonl"


@dataclass(frozen=True)
class Sniffed:
    """The reader chosen for some bytes and why; `data` is what to give it (a JSON document
    spread over several lines comes back as one JSONL line)."""

    reader: Reader
    why: str
    data: bytes


def sniff(data: bytes) -> Sniffed:
    """Pick the reader for `data` by its content (see the module docstring)."""
    body = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if body.startswith(b"{"):
        return _sniff_json(data, body)
    if body.startswith(b"<"):
        head = body[:4096]
        if _PAGE.search(head):
            return Sniffed(Reader.HTML, "it looks like an HTML page", data)
        tag = _OPEN_TAG.match(body)
        if tag and _CLOSE_TAG.search(body):
            name = tag.group(1).decode("ascii").lower()
            return Sniffed(Reader.HTML, f"it is an HTML fragment (starts with a <{name}> tag)", data)
        return Sniffed(Reader.TXT, "it starts with '<' but has no HTML tags", data)
    return Sniffed(Reader.TXT, "it is neither JSON nor HTML", data)


def _sniff_json(data: bytes, body: bytes) -> Sniffed:
    first = body.split(b"\n", 1)[0]
    problem = _not_object(first) if len(first) <= MAX_SNIFF_LINE else "too long to check"
    if problem is None:
        return Sniffed(Reader.JSONL, "its first line is a JSON object", data)
    if len(body) <= MAX_SNIFF_LINE and b"\n" in body.strip() and _not_object(body) is None:
        one = json.dumps(json.loads(body), ensure_ascii=False).encode("utf-8")
        return Sniffed(Reader.JSONL, "it is one JSON object", one + b"\n")
    if _OBJECT_START.match(first):
        return Sniffed(Reader.JSONL, f"its first line starts a JSON object ({problem})", data)
    return Sniffed(Reader.TXT, f"it starts with '{{' but its first line is not a JSON object "
                               f"({problem})", data)


def _not_object(raw: bytes) -> str | None:
    """None when `raw` is one JSON object, else what it is instead."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return "not UTF-8"
    except json.JSONDecodeError as e:
        return f"invalid JSON: {e.msg}"
    except RecursionError:
        return "JSON nested too deeply"
    return None if isinstance(obj, dict) else f"a JSON {type(obj).__name__}"
