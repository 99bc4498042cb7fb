"""Dates given to onrecord (a record's `published`, --published, --since/--until, the API's
query): one function checks and normalises them all, so every entry accepts the same forms."""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from onrecord.errors import BadDate

# YYYY, YYYY-MM, YYYY-MM-DD, or a full date with an ISO time after it (kept as its date).
_FORM = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?P<time>[T ]\S.*)?)?)?",
                   re.ASCII)
FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


def normalize_date(value: Any, what: str = "date") -> str | None:
    """`value` as an ISO date string: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; None when absent.

    Accepts those three forms (surrounding spaces ignored), an ISO date-time
    ('2022-01-18T10:30:00Z', kept as '2022-01-18'), and `datetime.date`/`datetime` objects.
    Anything else raises BadDate (a BadInput, so a ValueError) naming `what`.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise BadDate(f"{what} must be a date ({FORMS}), not {type(value).__name__}")
    s = value.strip()
    if not s:
        return None
    m = _FORM.fullmatch(s)
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m["y"]), m["m"], m["d"]
        if m["time"]:
            datetime.fromisoformat(s)  # the time part must be valid too
        if day is not None:
            return date(year, int(month), int(day)).isoformat()
        if month is not None:
            return date(year, int(month), 1).isoformat()[:7]
        return date(year, 1, 1).isoformat()[:4]
    except ValueError:
        shown = s if len(s) <= 40 else s[:40] + "..."
        raise BadDate(f"{what} {shown!r} is not a date; use {FORMS}") from None


def until_bound(value: str | None) -> str | None:
    """An inclusive upper bound for comparing ISO strings: '2022-01' covers all of January
    (and every date stored as '2022-01-DD'), '2022' all of 2022."""
    if value is None or len(value) == 10:
        return value
    return value + "\uffff"


def date_arg(what: str) -> Any:
    """An argparse `type` for a date option: the normalised date, or a usage error (exit 2)."""
    import argparse

    def parse(value: str) -> str | None:
        try:
            return normalize_date(value, what)
        except BadDate as e:
            raise argparse.ArgumentTypeError(str(e)) from None

    parse.__name__ = "date"
    return parse
