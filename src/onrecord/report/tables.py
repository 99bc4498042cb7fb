"""The tables of a diversity report, counted from its rows: gender of quotes and of distinct
sources, source kinds, roles, words quoted per source and top speakers, each by the chosen
breakdown and by month. Every share has the unknown part beside it."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from onrecord.model import Gender, Role, SourceKind
from onrecord.report.rows import UNDATED, By, Row

UNKNOWN = "unknown"    # a person with no gender the article shows or the name suggests
NO_SOURCE = "none"     # a quote the article gives no source for
NO_ROLE = "no role"
GENDERS = [g.value for g in Gender] + [UNKNOWN]
KINDS = [k.value for k in SourceKind] + [NO_SOURCE]
ROLES = [r.value for r in Role] + [NO_ROLE]


@dataclass(frozen=True, slots=True)
class Table:
    """One table of the report: a name (its key in JSON and CSV), a title and its rows."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "columns": list(self.columns),
                "rows": [list(r) for r in self.rows]}


def _share(n: int, total: int) -> float:
    return round(n / total, 4) if total else 0.0


def _groups(rows: Iterable[Row], by: By) -> dict[str, dict[str, Row]]:
    """Each group's counted units (a quote, or a statement once), first row of each."""
    out: dict[str, dict[str, Row]] = defaultdict(dict)
    for r in rows:
        out[r.group(by)].setdefault(r.unit, r)
    return out


def order(groups: Iterable[str], sizes: dict[str, int], by: By) -> list[str]:
    """Months in time order (undated last); outlets and topics largest first."""
    if by is By.MONTH:
        return sorted(groups, key=lambda g: (g == UNDATED, g))
    return sorted(groups, key=lambda g: (-sizes.get(g, 0), g))


def _breakdown(name: str, title: str, rows: list[Row], by: By, unit: str,
               cats: list[str], cat: Callable[[Row], str | None]) -> Table:
    """Per group: how many units fall in each category (rows `cat` gives None are left out)."""
    counts: dict[str, Counter[str]] = {}
    for g, units in _groups(rows, by).items():
        c = Counter(k for k in map(cat, units.values()) if k is not None)
        if c:
            counts[g] = c
    sizes = {g: sum(c.values()) for g, c in counts.items()}
    out = []
    for g in order(counts, sizes, by):
        c, total = counts[g], sizes[g]
        out.append((g, total, *(c[k] for k in cats), *(_share(c[k], total) for k in cats)))
    cols = (by.value, unit, *cats, *(f"share {k}" for k in cats))
    return Table(name, title, cols, tuple(out))


def source_genders(rows: Iterable[Row]) -> dict[str, str]:
    """Each person source's gender: the one most of its quotes' articles give, else unknown."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.kind == SourceKind.PERSON and r.source is not None:
            seen[r.source][r.gender or UNKNOWN] += 1
    out = {}
    for s, c in seen.items():
        known = [(n, g) for g, n in c.items() if g != UNKNOWN]
        out[s] = max(known)[1] if known else UNKNOWN
    return out


def _sources_table(name: str, rows: list[Row], by: By, genders: dict[str, str]) -> Table:
    per: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.source in genders:
            per[r.group(by)].add(r.source)
    sizes = {g: len(s) for g, s in per.items()}
    out = []
    for g in order(per, sizes, by):
        c = Counter(genders[s] for s in per[g])
        out.append((g, sizes[g], *(c[k] for k in GENDERS),
                    *(_share(c[k], sizes[g]) for k in GENDERS)))
    return Table(name, f"Distinct people quoted, by gender, by {by.value}",
                 (by.value, "sources", *GENDERS, *(f"share {k}" for k in GENDERS)), tuple(out))


def _words_table(name: str, rows: list[Row], by: By, genders: dict[str, str]) -> Table:
    words: dict[str, Counter[str]] = defaultdict(Counter)
    people: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for g, units in _groups(rows, by).items():
        for r in units.values():
            if r.source in genders:
                words[g][genders[r.source]] += r.words
                people[g][genders[r.source]].add(r.source)
    sizes = {g: sum(len(s) for s in people[g].values()) for g in words}
    out = []
    for g in order(words, sizes, by):
        per = [round(words[g][k] / len(people[g][k]), 1) if people[g][k] else 0.0
               for k in GENDERS]
        out.append((g, *per, *(words[g][k] for k in GENDERS)))
    return Table(name, f"Words quoted per person quoted, by gender, by {by.value}",
                 (by.value, *(f"words per source {k}" for k in GENDERS),
                  *(f"words {k}" for k in GENDERS)), tuple(out))


def top_speakers(rows: list[Row], genders: dict[str, str], limit: int = 20,
                 unit: str = "quotes") -> Table:
    """The sources with the most counted units: name, kind, role, gender, articles, words."""
    units: dict[str, dict[str, Row]] = defaultdict(dict)
    for r in rows:
        if r.source is not None:
            units[r.source].setdefault(r.unit, r)
    ranked = sorted(units, key=lambda s: (-len(units[s]), s))[:limit]
    out = []
    for s in ranked:
        rs = list(units[s].values())
        name = Counter(r.name for r in rs).most_common(1)[0][0]
        role = Counter(r.role for r in rs if r.role).most_common(1)
        out.append((name, len(rs), len({r.article for r in rs}), sum(r.words for r in rs),
                    rs[0].kind, role[0][0] if role else None, genders.get(s)))
    return Table("top_speakers", "Top speakers",
                 ("speaker", unit, "articles", "words", "kind", "role", "gender"),
                 tuple(out))


def build_tables(rows: list[Row], by: By, *, count: str = "quotes",
                 top: int = 20) -> list[Table]:
    """Every table of the report, for the breakdown `by` and (when that is not the month)
    over time as well."""
    genders = source_genders(rows)
    unit = "quotes" if count == "quotes" else "statements"
    tables = []
    for b in dict.fromkeys([by, By.MONTH]):
        s = f"_by_{b.value}"
        tables += [
            _breakdown("gender_quotes" + s, f"{unit.capitalize()} by people, by gender, by "
                       f"{b.value}", rows, b, unit, GENDERS,
                       lambda r: (r.gender or UNKNOWN) if r.kind == SourceKind.PERSON else None),
            _sources_table("gender_sources" + s, rows, b, genders),
            _breakdown("kinds" + s, f"{unit.capitalize()} by kind of source, by {b.value}",
                       rows, b, unit, KINDS, lambda r: r.kind or NO_SOURCE),
            _breakdown("roles" + s, f"Attributed {unit} by role of the source, by {b.value}",
                       rows, b, unit, ROLES,
                       lambda r: (r.role or NO_ROLE) if r.kind is not None else None),
            _words_table("words" + s, rows, b, genders),
        ]
    tables.append(top_speakers(rows, genders, top, unit))
    return tables


def totals(rows: list[Row], articles: int, count: str) -> dict[str, Any]:
    """The report's headline numbers."""
    genders = source_genders(rows)
    people = Counter(genders.values())
    units = {r.unit: r for r in rows}
    person_units = [r for r in units.values() if r.kind == SourceKind.PERSON]
    g = Counter(r.gender or UNKNOWN for r in person_units)
    return {
        "articles": articles, "quotes": len(rows), "counted": len(units), "count": count,
        "attributed": sum(1 for r in units.values() if r.kind is not None),
        "by_people": len(person_units),
        "share_women_of_people_quoted": _share(g[Gender.FEMALE], len(person_units)),
        "share_men_of_people_quoted": _share(g[Gender.MALE], len(person_units)),
        "share_unknown_of_people_quoted": _share(g[UNKNOWN], len(person_units)),
        "people": len(genders), **{f"people_{k}": people[k] for k in GENDERS},
        "share_unnamed": _share(sum(1 for r in units.values() if r.kind == SourceKind.UNNAMED),
                                len(units)),
    }
