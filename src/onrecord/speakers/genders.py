"""The gender a first name usually has, from the statistics that the `nomquamgender` package
ships (names with their share of women among many recorded bearers). Used only for a person
whose article shows no gender of its own (no honorific, no pronouns about them), and silent
for a name that is not clearly one gender ("Kim", "Jean", "Robin") or that few people bear.

The package's data is one 22 MB JSON table that takes seconds to read; the few names clear
enough to use are kept once in a small table in the user's cache directory (built from the
package's own data file, never downloaded), and in memory when the cache cannot be written.
"""
from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from onrecord.spelling import fold_accents

# A name is clearly one gender when at most this share of its recorded bearers are of the
# other one (nomquamgender's own default), and leans to one gender up to LEANING: such a
# name decides only when the article's pronouns say nothing. At 0.2 the table still agrees
# with 99.5% of the genders the BBC articles show by honorifics and pronouns, and covers
# 2-4 points more of them than at 0.1 (bench/name_gender.py, BENCHMARKS.md).
MAX_UNCERTAINTY = 0.1
LEANING = 0.2
# Fewer recorded bearers than this: too rare to tell (the package's own `min_counts`).
MIN_COUNT = 10

_table: dict[str, str] | None = None


def first_name_gender(word: str, *, leaning: bool = False) -> str | None:
    """"m" or "f" for a first name clearly of one gender (with `leaning`, also for one that
    only leans to it); None when unclear, rare, unknown, or the package is not installed."""
    w = fold_accents(word).lower().strip(".")
    if len(w) < 2 or not w.isalpha():
        return None
    g = _names().get(w)
    if g is None or (g.endswith("?") and not leaning):
        return None
    return g.rstrip("?")


def _names() -> dict[str, str]:
    global _table
    if _table is None:
        _table = _load()
    return _table


def _data_file() -> Path | None:
    spec = importlib.util.find_spec("nomquamgender")  # the package is not imported (pandas)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    return path if path.is_file() else None


def _cache_file(data: Path) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "onrecord"
    st = data.stat()
    return base / f"first-names-{st.st_size}-{int(st.st_mtime)}-{MAX_UNCERTAINTY}-{LEANING}-{MIN_COUNT}.tsv"


def _load() -> dict[str, str]:
    data = _data_file()
    if data is None:
        return {}
    cache = _cache_file(data)
    try:
        return dict(line.split("\t", 1) for line in cache.read_text(encoding="utf-8").split("\n")
                    if "\t" in line)
    except OSError:
        pass
    table = build(data)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(table.items())), encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: the table stays in memory for this process
    return table


def build(data: Path) -> dict[str, str]:
    """The first names of the package's table that are one gender: {name: "m" | "f"}, or
    "m?" | "f?" for a name that only leans to it. Each entry of the table is [sources,
    bearers, share of women, ...]."""
    raw = json.loads(data.read_text(encoding="utf-8"))
    out = {}
    for name, row in raw.items():
        if not name.isalpha() or not name.isascii() or row[1] < MIN_COUNT:
            continue
        share = row[2]
        if min(share, 1 - share) > LEANING:
            continue
        out[name] = ("m" if share < 0.5 else "f") + ("" if min(share, 1 - share) <= MAX_UNCERTAINTY
                                                     else "?")
    return out
