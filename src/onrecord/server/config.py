"""Settings of one `onrecord serve` process, and the size parser for --max-body."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BODY = 10 * 1024 * 1024
# Seconds one extraction may take, queueing included; a slower one gets 504 and its worker
# process is replaced, so it cannot hold up the requests behind it.
DEFAULT_TIMEOUT = 30.0
# The worker function each extraction process loads (module:function returning a handler).
DEFAULT_HANDLER = "onrecord.server.worker:extractor_handler"

_UNITS = {"": 1, "b": 1, "kb": 1024, "k": 1024, "mb": 1024**2, "m": 1024**2,
          "gb": 1024**3, "g": 1024**3}


@dataclass(slots=True)
class ServeConfig:
    """What the app needs: the store (or none), limits and the extraction workers."""

    store: Path | None = None
    max_body: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    workers: int = 1
    handler: str = DEFAULT_HANDLER


def parse_size(value: str | int) -> int:
    """Bytes from "10MB", "512KB", "2g" or a plain number of bytes (binary units)."""
    if isinstance(value, int):
        n = value
    else:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)
        unit = m.group(2).lower() if m else None
        if m is None or unit not in _UNITS:
            raise ValueError(f"not a size: {value!r} (try 10MB, 512KB or a number of bytes)")
        n = int(float(m.group(1)) * _UNITS[unit])
    if n <= 0:
        raise ValueError(f"size must be positive, got {value!r}")
    return n


def human_size(n: int) -> str:
    """A short readable size: 10MB, 512KB, 300 bytes."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= factor and n % factor == 0:
            return f"{n // factor}{unit}"
    return f"{n} bytes"
