"""Checking an Article against a gold case of tests/gold: names, spans, quotes, entities."""
from __future__ import annotations

import json
import re
import unicodedata
from itertools import permutations
from pathlib import Path
from typing import Any

from onrecord.model import Article, Quote

GOLD = Path(__file__).resolve().parent / "gold"
CASES = sorted(p.stem for p in GOLD.glob("*.json"))

QUOTE_MARKS = "\"“”„‟«»'‘’‚‛"
# Words dropped before comparing names ("the State Department" == "State Department").
NAME_NOISE = {"the", "a", "an", "mr", "ms", "mrs", "dr"}
ADDRESSEE_NOISE = {"the", "a", "an", "her", "his", "their", "its"}
WORD = re.compile(r"\w+")


def norm(s: str) -> str:
    """Text for comparison: NFC, straight quotation marks and apostrophes, single spaces."""
    s = unicodedata.normalize("NFC", s)
    s = s.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return re.sub(r"\s+", " ", s).strip()


def words(s: str, drop: set[str] = NAME_NOISE) -> list[str]:
    """Lower-cased word tokens of `s` without the `drop` words."""
    return [w for w in WORD.findall(unicodedata.normalize("NFC", s).lower()) if w not in drop]


def strip_end(s: str) -> str:
    """`s` without trailing punctuation, quotation marks and spaces (for end-of-quote checks)."""
    return norm(s).rstrip(" .,;:!?" + QUOTE_MARKS)


def person_ok(got: str, want: str) -> bool:
    """Same source: the same last word ("Ms. Joly" for "Melanie Joly"), or the first name alone."""
    g, w = words(got), words(want)
    if not g or not w:
        return False
    return g[-1] == w[-1] or (len(g) == 1 and g[0] == w[0])


def split_joint(name: str) -> list[str]:
    """The people in a joint name ("Gabriela Ruiz and Annie Park" -> two names)."""
    return [p for p in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", name.strip()) if p]


def name_ok(got: str | None, want: str, *, aliases: list[str] | tuple[str, ...] = (),
            strict: bool = False) -> bool:
    """Does the extracted speaker name `got` name the expected speaker (or an accepted alias)?

    `strict` (people sharing a surname) also requires the expected first name in `got`.
    """
    if not got:
        return False
    wanted = split_joint(want)
    if len(wanted) > 1:
        gots = split_joint(got)
        return len(gots) == len(wanted) and any(
            all(person_ok(g, w) for g, w in zip(order, wanted)) for order in permutations(gots))
    if strict:
        g, w = words(got), words(want)
        return bool(g) and g[-1] in (w[0], w[-1]) and w[0] in g
    return any(person_ok(got, form) for form in (want, *aliases))


def at_word_boundary(text: str, start: int, end: int) -> bool:
    """True when text[start:end] neither starts nor ends inside a word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum())


def span_problems(text: str, start: Any, end: Any, what: str) -> list[str]:
    """Problems with a [start, end) span that should cover whole words of `text`."""
    if not (isinstance(start, int) and isinstance(end, int)):
        return [f"{what}: offsets must be ints, got {start!r}, {end!r}"]
    if not 0 <= start < end <= len(text):
        return [f"{what}: offsets {start}:{end} outside the text (length {len(text)})"]
    piece = text[start:end]
    out = []
    if piece != piece.strip():
        out.append(f"{what}: span {piece!r} has surrounding whitespace")
    if not at_word_boundary(text, start, end):
        out.append(f"{what}: span {piece!r} at {start}:{end} cuts a word")
    return out


def record_problems(art: Article) -> list[str]:
    """Contract checks that hold for every quote and entity of any article."""
    text = art.text
    out: list[str] = []
    try:
        json.dumps(art.to_dict(), ensure_ascii=False)
    except (TypeError, ValueError) as e:
        out.append(f"to_dict() is not JSON-serialisable: {e}")
    ids = [e.id for e in art.entities]
    if len(ids) != len(set(ids)):
        out.append(f"entity ids are not unique: {ids}")
    for e in art.entities:
        if e.kind not in ("person", "organization", "source"):
            out.append(f"entity {e.name!r}: kind {e.kind!r} is not person|organization|source")
        for m in e.mentions:
            out += span_problems(text, m[0], m[1], f"entity {e.name!r} mention {m}")
    for i, q in enumerate(art.quotes):
        tag = f"quote {i} {q.text[:40]!r}"
        if q.kind not in ("direct", "mixed", "indirect"):
            out.append(f"{tag}: kind {q.kind!r} is not direct|mixed|indirect")
        if not (0 <= q.start < q.end <= len(text)) or text[q.start:q.end] != q.text:
            out.append(f"{tag}: text[{q.start}:{q.end}] is {text[q.start:q.end]!r}, not q.text")
        if not q.text.strip():
            out.append(f"{tag}: empty quote text")
        if not 0.0 <= q.confidence <= 1.0:
            out.append(f"{tag}: confidence {q.confidence} outside [0, 1]")
        sp = q.speaker
        if sp is not None:
            if not sp.name:
                out.append(f"{tag}: speaker with an empty name (use null for no speaker)")
            if sp.id is not None and sp.id not in ids:
                out.append(f"{tag}: speaker id {sp.id!r} is not an entity id {ids}")
            if (sp.start is None) != (sp.end is None):
                out.append(f"{tag}: speaker start/end must both be set or both null")
            elif sp.start is not None:
                out += span_problems(text, sp.start, sp.end, f"{tag} speaker mention")
        if q.cue is not None:
            c = q.cue
            if not (0 <= c.start < c.end <= len(text)) or text[c.start:c.end] != c.text:
                out.append(f"{tag}: cue text[{c.start}:{c.end}] is "
                           f"{text[c.start:c.end]!r}, not {c.text!r}")
            else:
                out += span_problems(text, c.start, c.end, f"{tag} cue")
            if sp is not None and sp.start is not None and isinstance(sp.start, int):
                lo, hi = sorted((sp.start, c.start))
                if "\n" in text[lo:hi]:
                    out.append(f"{tag}: speaker mention {text[sp.start:sp.end]!r} and cue "
                               f"{c.text!r} are in different paragraphs")
    return out


def last_word(s: str) -> str:
    w = words(s, set())
    return w[-1] if w else ""


def quote_problems(art: Article, q: Quote, exp: dict[str, Any]) -> list[str]:
    """How extracted quote `q` differs from the expected quote `exp`."""
    text = art.text
    tag = f"quote {exp['text_starts']!r}"
    out: list[str] = []
    if q.kind != exp["kind"]:
        out.append(f"{tag}: kind {q.kind!r}, expected {exp['kind']!r}")
    ends = exp.get("text_ends")
    if ends and not strip_end(q.text).endswith(strip_end(ends)):
        out.append(f"{tag}: should end with {ends!r}, but the quote is {q.text!r}")
    if exp["kind"] == "direct" and exp.get("marks", True) and text[q.start:q.end] == q.text:
        before = text[q.start - 1] if q.start > 0 else ""
        after = text[q.end] if q.end < len(text) else ""
        if not (before and before in QUOTE_MARKS and after and after in QUOTE_MARKS):
            out.append(f"{tag}: a direct quote is the text inside the marks; got "
                       f"{before!r}+{q.text!r}+{after!r}")
    want = exp["speaker"]
    got = q.speaker.name if q.speaker else None
    if want is None:
        if q.speaker is not None:
            out.append(f"{tag}: speaker should be null (the article gives none), got {got!r}")
    elif not name_ok(got, want, aliases=exp.get("aliases", ()), strict=exp.get("exact_name", False)):
        out.append(f"{tag}: speaker {got!r}, expected {want!r}")
    if "mention" in exp and q.speaker is not None:
        sp = q.speaker
        if exp["mention"] is None:
            if sp.start is not None or sp.end is not None:
                out.append(f"{tag}: continuation quote has no mention of its own; speaker "
                           f"offsets should be null, got {text[sp.start:sp.end]!r}")
        elif not isinstance(sp.start, int) or not isinstance(sp.end, int):
            out.append(f"{tag}: speaker offsets are null; expected them on {exp['mention']!r}")
        elif last_word(text[sp.start:sp.end]) != last_word(exp["mention"]):
            out.append(f"{tag}: speaker offsets point at {text[sp.start:sp.end]!r}, "
                       f"expected the mention {exp['mention']!r}")
    cue = exp["cue"]
    if cue is None:
        if q.cue is not None:
            out.append(f"{tag}: no cue expected, got {q.cue.text!r}")
    elif q.cue is None:
        out.append(f"{tag}: cue missing, expected {cue!r}")
    elif norm(q.cue.text).lower() != cue.lower():
        out.append(f"{tag}: cue {q.cue.text!r}, expected {cue!r}")
    if "addressee" in exp:
        got_to = q.addressee or ""
        if words(got_to, ADDRESSEE_NOISE) != words(exp["addressee"], ADDRESSEE_NOISE):
            out.append(f"{tag}: addressee {q.addressee!r}, expected {exp['addressee']!r}")
    return out


def title_ok(got_titles: list[str], want: str) -> bool:
    """The expected title, or a longer title ending with it ("Clay County Sheriff" for "Sheriff")."""
    w = words(want, {"a", "an", "the"})
    return any(words(t, {"a", "an", "the"})[-len(w):] == w for t in got_titles if t)


def entity_problems(art: Article, expected: list[dict[str, Any]]) -> list[str]:
    """Expected people exist once each, with their aliases and titles."""
    out: list[str] = []
    used: dict[str, str] = {}
    for exp in expected:
        name = exp["name"]
        found = [e for e in art.entities if words(e.name) == words(name)]
        if not found:
            out.append(f"entity {name!r} missing; entities are "
                       f"{[(e.name, e.aliases) for e in art.entities]}")
            continue
        ent = found[0]
        if ent.id in used:
            out.append(f"entities {used[ent.id]!r} and {name!r} are merged into one ({ent.id})")
        used[ent.id] = name
        forms = [words(a) for a in (ent.name, *ent.aliases)]
        for alias in exp.get("aliases", []):
            if words(alias) not in forms:
                out.append(f"entity {name!r}: alias {alias!r} missing from {ent.aliases}")
        for title in exp.get("titles", []):
            if not title_ok(ent.titles, title):
                out.append(f"entity {name!r}: title {title!r} missing from {ent.titles}")
        if exp.get("single"):
            mine = [words(f) for f in (name, *exp.get("aliases", []))]
            others = [e.name for e in art.entities if e.id != ent.id
                      and any(words(f) in mine for f in (e.name, *e.aliases))]
            if others:
                out.append(f"entity {name!r} is split: other entities {others} use its forms")
    return out


def gold_problems(art: Article, gold: dict[str, Any]) -> list[str]:
    """Everything wrong with `art` compared with the golden expectation."""
    out = record_problems(art)
    pool = list(art.quotes)
    for exp in gold["quotes"]:
        start = norm(exp["text_starts"])
        match = next((q for q in pool if norm(q.text).startswith(start)), None)
        if match is None:
            if not exp.get("optional"):
                out.append(f"missing {exp['kind']} quote starting {exp['text_starts']!r} "
                           f"({exp['speaker']!r}); extracted: {[q.text[:50] for q in art.quotes]}")
            continue
        pool.remove(match)
        out += quote_problems(art, match, exp)
    for absent in gold.get("absent", []):
        for q in art.quotes:
            if norm(absent) in norm(q.text):
                out.append(f"{absent!r} is not a quote (scare quote, title or slogan), "
                           f"but was extracted as {q.kind} {q.text!r}")
    out += entity_problems(art, gold.get("entities", []))
    return out


def load_case(name: str) -> tuple[str, dict[str, Any]]:
    text = (GOLD / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
