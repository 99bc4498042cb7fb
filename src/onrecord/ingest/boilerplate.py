"""Boilerplate: page furniture lines that are not article prose, removed with a repair each.

A line goes when it consists only of known furniture phrases (`Skip to main content`, `Share`,
`Advertisement`, `RELATED IMAGESview larger image`...), when it is a short cookie, newsletter or
app prompt, or when it is a mirror site's name on the first line. A menu glued in front of a
byline (`HomeNewsWorldBy Jane Doe`) loses the menu and keeps the byline.
"""
from __future__ import annotations

import re

from onrecord.ingest.edits import Edit
from onrecord.lexicon.pages import FURNITURE_PHRASES, MENU_SECTIONS
from onrecord.lexicon.speech import REPORTING_WORDS

# A line made only of furniture phrases, glued or separated by spaces, pipes, bullets or dashes.
_SEP = r"[\s|·•›»:.\-–—/]*"
_FURNITURE = re.compile(rf"{_SEP}(?:(?:{'|'.join(FURNITURE_PHRASES)}){_SEP})+", re.IGNORECASE)
# Short prompts that are page chrome: they address the reader ("we use cookies", "sign up",
# "download the app"); prose about cookies or apps does not match.
_PROMPTS = (
    re.compile(r"\b(?:we|this (?:site|website)) uses? cookies\b|\b(?:accept|allow|manage|"
               r"reject) (?:all )?cookies\b|\bcookie (?:settings|preferences|consent)\b", re.I),
    re.compile(r"^\s*(?:for more,?\s*|want more[^?]{0,60}\?\s*|get |)(?:sign up|subscribe)\b"
               r".{0,80}\bnewsletters?\b|\bnewsletter\b.{0,40}\b(?:in your inbox|sign up now)\b",
               re.I),
    re.compile(r"^\s*(?:for more[^.]{0,60},\s*)?(?:download|get|install|open (?:it )?in)\b"
               r".{0,50}\bapp\b|\bapp (?:store|for (?:ios|android))\b|\bgoogle play\b", re.I),
    re.compile(r"^\s*follow (?:us|\w+) on (?:twitter|facebook|instagram|x|social media)\b", re.I),
    re.compile(r"^\s*(?:copyright\s*)?(?:©|\(c\))\s*\d{4}|\ball rights reserved\.?\s*$", re.I),
)
PROMPT_MAX_CHARS = 200  # a longer line is prose whatever it mentions
_PROSE = re.compile(r"[“”\"]|\b(?:" + "|".join(REPORTING_WORDS) + r")\b", re.I)  # quoted or reported
# Menu words glued in front of a byline.
_MENU_BYLINE = re.compile(
    r"^(?:(?:" + "|".join(MENU_SECTIONS) + r")[\s|·•›»]*){2,}(?=By\s+[A-Z])", re.I)
# A mirror site's name: a domain, or a short line mostly in a non-Latin script.
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|net|org|info|cn|ru|xyz|top|site|online|news|co|io|"
                     r"me|tv|cc|biz|us|uk)\b", re.I)
SITE_NAME_MAX_WORDS = 8
SITE_NAME_MIN_REST = 100  # letters of Latin text after it needed to judge the script


def find_boilerplate(text: str) -> list[Edit]:
    """Edits removing furniture lines (with their newline) and menus glued to bylines."""
    edits: list[Edit] = []
    pos = 0
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), -1)
    for i, line in enumerate(lines):
        end = pos + len(line) + (1 if i < len(lines) - 1 else 0)
        if line.strip():
            if is_furniture(line) or (i == first and is_site_name(line, text)):
                edits.append(Edit(pos, end, "", "boilerplate"))
            else:
                m = _MENU_BYLINE.match(line)
                if m:
                    edits.append(Edit(pos, pos + m.end(), "", "boilerplate"))
        pos += len(line) + 1
    return edits


def is_furniture(line: str) -> bool:
    """True for a line of page furniture: only known phrases, or a short chrome prompt."""
    if _FURNITURE.fullmatch(line):
        return True
    return (len(line) <= PROMPT_MAX_CHARS and not _PROSE.search(line)
            and any(p.search(line) for p in _PROMPTS))


def is_site_name(line: str, text: str) -> bool:
    """True for a short first line naming a mirror site: a domain, or another script."""
    words = line.split()
    if len(words) > SITE_NAME_MAX_WORDS or line.rstrip().endswith((".", "?", "!", "”", '"')):
        return False
    if _DOMAIN.search(line):
        return True
    letters = [c for c in line if c.isalpha()]
    foreign = sum(1 for c in letters if not _latin(c))
    rest = [c for c in text[len(line):len(line) + 2000] if c.isalpha()]
    rest_latin = sum(1 for c in rest if _latin(c))
    return (bool(letters) and foreign > len(letters) / 2 and len(rest) >= SITE_NAME_MIN_REST
            and rest_latin > 0.9 * len(rest))


def _latin(c: str) -> bool:
    return c.isascii() or "\u00c0" <= c <= "\u024f"
