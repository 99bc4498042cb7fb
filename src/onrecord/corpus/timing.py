"""Where the writer's time goes: seconds per named phase, summed over batches (read by
bench/store_scale.py to see which part of a batch grows with the store). Phases named
`index_*` and `statements_*` are parts of `index_write` and `statements`, timed inside them."""
from __future__ import annotations

import time
from collections import defaultdict

PHASES: defaultdict[str, float] = defaultdict(float)  # this process's totals, by phase


class Laps:
    """Adds the time since the last lap to `PHASES[name]` at each call."""

    def __init__(self) -> None:
        self.t = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        PHASES[name] += now - self.t
        self.t = now
