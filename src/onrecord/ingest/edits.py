"""Apply text edits and keep every repair's offsets pointing into the edited text."""
from __future__ import annotations

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
    kept = []
    for r in repairs:
        if any(s <= r.start and r.end <= t and s < t and not (r.start == r.end in (s, t))
               for s, t, _, _ in spans):
            continue
        kept.append(Repair(kind=r.kind, start=map_offset(r.start, spans),
                           end=map_offset(r.end, spans), before=r.before, after=r.after))
    return "".join(out), sorted(kept + new, key=lambda r: (r.start, r.end))


def map_offset(p: int, spans: list[tuple[int, int, int, int]]) -> int:
    """Old offset -> new offset; an offset strictly inside a changed span maps to its start."""
    delta = 0
    for s, t, ns, nt in spans:
        if t <= p:
            delta = nt - t
        elif s < p:
            return ns
        else:
            break
    return p + delta
