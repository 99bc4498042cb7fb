"""Readers: .txt, .html and .jsonl files (and stdin) into InputRecords or Failures."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from onrecord.ingest.record import InputRecord
from onrecord.model import Failure


def read_bytes(data: bytes, name: str) -> Iterator[InputRecord | Failure]:
    """Records from the bytes of one input named `name` (its suffix picks the format)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".jsonl":
        for lineno, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield Failure(id=f"{name}:{lineno}", error=f"line {lineno}: invalid JSON ({e.msg})")
                continue
            if not isinstance(obj, dict) or not (obj.get("text") or obj.get("html")):
                rid = obj.get("id") if isinstance(obj, dict) else None
                yield Failure(id=rid, error=f"line {lineno}: record has no 'text' or 'html'")
                continue
            yield InputRecord(id=obj.get("id"), text=obj.get("text"), html=obj.get("html"),
                              published=obj.get("published"))
        return
    text = data.decode("utf-8", errors="strict")
    if suffix in (".html", ".htm"):
        yield InputRecord(id=name, html=text)
    else:
        yield InputRecord(id=name, text=text)


def read_path(path: str) -> Iterator[InputRecord | Failure]:
    """Records from one file path."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        yield Failure(id=path, error=f"cannot read {path}: {e.strerror}")
        return
    try:
        yield from read_bytes(data, path)
    except UnicodeDecodeError as e:
        yield Failure(id=path, error=f"{path} is not UTF-8 text ({e.reason} at byte {e.start})")
