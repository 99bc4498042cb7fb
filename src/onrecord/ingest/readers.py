"""Readers: files, folders and bytes (.txt, .html, .jsonl[.gz|.zst], .warc[.gz]) into a
stream of InputRecords, with a Failure for each input that cannot be read."""
from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from onrecord.ingest.compressed import open_zstd
from onrecord.ingest.encoding import DecodeError, decode_text, html_charset
from onrecord.ingest.jsonl import bounded_lines, read_jsonl_lines
from onrecord.ingest.record import InputRecord
from onrecord.ingest.warc import read_warc
from onrecord.model import Failure

# A .txt or .html file is one article; a bigger file is refused before it is read (the
# pipeline's limit is 2,000,000 characters).
MAX_ARTICLE_BYTES = 10_000_000
JSONL = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson")
WARC = (".warc", ".warc.gz")
HTML = (".html", ".htm", ".xhtml")
TEXT = (".txt", ".text", ".md")
SUPPORTED = JSONL + WARC + HTML + TEXT


def input_format(name: str) -> str:
    """'jsonl', 'warc', 'html' or 'txt', from the name's suffix (txt when unknown)."""
    low = name.lower()
    for fmt, suffixes in (("jsonl", JSONL), ("warc", WARC), ("html", HTML)):
        if low.endswith(suffixes):
            return fmt
    return "txt"


def read_path(path: str | os.PathLike[str]) -> Iterator[InputRecord | Failure]:
    """Records from a file, or from every supported file under a folder (sorted)."""
    p = Path(path)
    if p.is_dir():
        found = False
        for f in sorted(p.rglob("*")):
            if f.is_file() and f.name.lower().endswith(SUPPORTED) and not f.name.startswith("."):
                found = True
                yield from read_path(f)
        if not found:
            yield Failure(id=str(path), error=nothing_to_read(p))
        return
    name = str(path)
    fmt = input_format(name)
    try:
        if fmt in ("jsonl", "warc"):
            with _open_stream(p) as stream:
                yield from _read_stream(stream, name, fmt)
            return
        size = p.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            yield Failure(id=name, error=(
                f"{name} is too large for one article ({size / 1e6:.1f} MB, limit "
                f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB); split it or give it as JSONL"))
            return
        data = p.read_bytes()
    except OSError as e:
        yield Failure(id=name, error=f"cannot read {name}: {e.strerror or e}")
        return
    yield from read_bytes(data, name)


def nothing_to_read(folder: str | os.PathLike[str]) -> str:
    """Why a folder gave no article: empty, or only files with endings no reader knows."""
    files = sorted(f for f in Path(folder).rglob("*") if f.is_file())
    if not files:
        return f"folder {folder} is empty: no files to read"
    shown = ", ".join(f.name for f in files[:3]) + (" ..." if len(files) > 3 else "")
    return (f"folder {folder} has no file onrecord reads: {len(files)} file"
            f"{'' if len(files) == 1 else 's'} ({shown}), none ending in "
            f"{' '.join(SUPPORTED)} (hidden files are skipped; name a file to read it as text)")


def read_bytes(data: bytes, name: str) -> Iterator[InputRecord | Failure]:
    """Records from the bytes of one input named `name` (its suffix picks the format)."""
    fmt = input_format(name)
    if fmt in ("jsonl", "warc"):
        low = name.lower()
        raw: IO[bytes] = io.BytesIO(data)
        if low.endswith(".jsonl.gz"):
            raw = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
        elif low.endswith(".jsonl.zst"):
            raw = open_zstd(raw)
        yield from _read_stream(raw, name, fmt)
        return
    if len(data) > MAX_ARTICLE_BYTES:
        yield Failure(id=name, error=f"{name} is too large for one article "
                                     f"({len(data) / 1e6:.1f} MB); split it or give it as JSONL")
        return
    if not data.strip():
        yield Failure(id=name, error=f"{name} is empty: no text to read")
        return
    try:
        text = decode_text(data, html_charset(data) if fmt == "html" else None)
    except DecodeError as e:
        yield Failure(id=name, error=f"{name}: {e}")
        return
    if fmt == "html":
        yield InputRecord(id=name, html=text, source=name)
    else:
        yield InputRecord(id=name, text=text, source=name)


def _open_stream(p: Path) -> IO[bytes]:
    low = p.name.lower()
    if low.endswith(".jsonl.gz"):
        return gzip.open(p, "rb")  # type: ignore[return-value]
    if low.endswith(".jsonl.zst"):
        return open_zstd(open(p, "rb"))
    return open(p, "rb")  # .warc.gz is decompressed record by record by warcio


def _read_stream(stream: IO[bytes], name: str, fmt: str) -> Iterator[InputRecord | Failure]:
    if fmt == "warc":
        yield from read_warc(stream, name)
        return
    n = 0
    try:
        for rec in read_jsonl_lines(bounded_lines(stream), name):
            n += 1
            yield rec
    except (OSError, EOFError, zlib.error) as e:
        yield Failure(id=name, error=f"{name}: compressed stream is corrupt or truncated "
                                     f"({type(e).__name__}: {e}); {n} records were read before it")
    except Exception as e:  # zstandard raises its own error type
        if type(e).__module__.startswith("zstandard") or "zstd" in type(e).__name__.lower():
            yield Failure(id=name, error=f"{name}: zstd stream is corrupt ({e}); "
                                         f"{n} records were read before it")
        else:
            raise

