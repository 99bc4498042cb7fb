"""Full-date patterns shared by the date stages (the calendar words are in the lexicon)."""
from __future__ import annotations

import re
from datetime import date

from onrecord.lexicon.dates import MONTHS, WEEKDAYS

WD = r"(?P<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"

MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
       r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")

DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

YEAR = r"(?P<year>(?:19|20)\d\d)"

# A full date: [Weekday,] Month Day, Year | [Weekday,] Day Month Year | YYYY-MM-DD.
FULL_DATES = (
    re.compile(rf"\b(?:{WD},?\s+)?{MON}\s+{DAY},?\s+{YEAR}\b", re.I),
    re.compile(rf"\b(?:{WD},?\s+)?{DAY}\s+{MON},?\s+{YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<num>[01]\d)-(?P<day>[0-3]\d)\b"),
)


def full_date(m: re.Match[str]) -> date | None:
    """The date a FULL_DATES match names, or None when invalid or its weekday disagrees."""
    groups = m.groupdict()
    month = int(groups["num"]) if groups.get("num") else MONTHS[groups["mon"][:3].lower()]
    try:
        d = date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
    wd = groups.get("wd")
    if wd and _weekday(wd) != d.weekday():
        return None
    return d


def _weekday(word: str) -> int:
    return next(i for i, w in enumerate(WEEKDAYS) if w.startswith(word.lower().rstrip(".")[:3]))


def iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
