"""Apply text edits and keep every repair's offsets pointing into the edited text."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from onrecord.model import Repair


@dataclass(slots=True)
class Edit:
    """Replace `text[start:end]` (old coordinates) by `after`; reported as a `kind` repair."""

    start: int
    end: int
    after: str
    kind: str


def apply_edits(text: str, edits: list[Edit], repairs: list[Repair],
                ) -> tuple[str, list[Repair]]:
    """Apply non-overlapping `edits` to `text`; shift earlier `repairs` and add one per edit.

    An earlier repair lying wholly inside a span that is changed again is dropped: the later
    edit supersedes it (a mojibake fix inside a boilerplate line that is then removed).
    """
    out: list[str] = []
    new: list[Repair] = []
    spans: list[tuple[int, int, int, int]] = []  # old start, old end, new start, new end
    pos = delta = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            continue  # overlapping edit: the first one wins
        out.append(text[pos:e.start])
        out.append(e.after)
        ns = e.start + delta
        new.append(Repair(kind=e.kind, start=ns, end=ns + len(e.after),
                          before=text[e.start:e.end], after=e.after))
        spans.append((e.start, e.end, ns, ns + len(e.after)))
        delta += len(e.after) - (e.end - e.start)
        pos = e.end
    out.append(text[pos:])
    starts = [sp[0] for sp in spans]
    kept = []
    for r in repairs:
        k = bisect_right(starts, r.start) - 1  # the last change starting at or before r
        if k >= 0:
            s, t, _, _ = spans[k]
            if r.end <= t and s < t and not (r.start == r.end in (s, t)):
                continue
        kept.append(Repair(kind=r.kind, start=map_offset(r.start, spans, starts),
                           end=map_offset(r.end, spans, starts), before=r.before,
                           after=r.after))
    return "".join(out), sorted(kept + new, key=lambda r: (r.start, r.end))


def map_offset(p: int, spans: list[tuple[int, int, int, int]],
               starts: list[int] | None = None) -> int:
    """Old offset -> new offset; an offset strictly inside a changed span maps to its start."""
    if starts is None:
        starts = [sp[0] for sp in spans]
    k = bisect_right(starts, p) - 1
    while k >= 0:
        s, t, ns, nt = spans[k]
        if s < p < t:
            return ns
        if t <= p:
            return p + (nt - t)
        k -= 1  # a zero-width change at p: look further back
    return p
