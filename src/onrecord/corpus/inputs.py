"""Corpus inputs: files, folders and globs expanded to files, each read with the ingest readers."""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from onrecord.ingest.readers import SUPPORTED, nothing_to_read
from onrecord.ingest.record import InputRecord
from onrecord.model import Failure

# File endings taken when walking a folder: what the ingest readers know (a file named
# explicitly is always read).
SUFFIXES: tuple[str, ...] = tuple(SUPPORTED)
_GLOB_CHARS = set("*?[")


@dataclass(slots=True)
class Source:
    """One input file, or an input argument that named nothing readable (with the reason)."""

    path: str
    problem: str | None = None


def _wanted(name: str) -> bool:
    low = name.lower()
    return not name.startswith(".") and low.endswith(SUFFIXES)


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if _wanted(f):
                yield os.path.join(root, f)


def expand(inputs: Iterable[str]) -> list[Source]:
    """Files named by `inputs` (files, folders walked recursively, globs), each once, in order."""
    out: list[Source] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            out.append(Source(path))

    for arg in inputs:
        if os.path.isdir(arg):
            files = list(_walk(arg))
            for f in files:
                add(f)
            if not files:
                out.append(Source(arg, nothing_to_read(arg)))
        elif os.path.exists(arg):
            add(arg)
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            for m in matches:
                if os.path.isdir(m):
                    for f in _walk(m):
                        add(f)
                else:
                    add(m)
            if not matches:
                out.append(Source(arg, f"no file matches {arg!r}"))
        else:
            out.append(Source(arg, f"no such file or folder: {arg}"))
    return out


def read_sources(sources: Iterable[Source]) -> Iterator[tuple[str, InputRecord | Failure]]:
    """(file, record) for every record of every source; a bad source gives one Failure."""
    from onrecord.ingest.readers import read_path

    for src in sources:
        if src.problem:
            yield src.path, Failure(id=src.path, error=src.problem)
            continue
        try:
            for rec in read_path(src.path):
                if isinstance(rec, InputRecord) and rec.id is None:
                    rec.id = src.path
                yield src.path, rec
        except Exception as e:  # a reader bug must not stop the run
            yield src.path, Failure(id=src.path, error=f"cannot read {src.path}: "
                                                       f"{type(e).__name__}: {e}")

