"""Error categories for PolNeAR runs: what was missed, where boundaries went wrong, whose source.

Used by `polnear.py --errors N` on train or dev (never test). Each category gets a count and
examples: `missed <kind>/<why>`, `boundary <kind>/pred too short|too long (start|end|middle)`,
`wrong-source <type>/no source|other source`, `false-positive/...`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from eval_spans import CONTENT_LEAD, Frags, words

NONCLAUSAL = re.compile(
    r"(?i)(to|by|about|for|on|with|of|how|what|why|whether|if|when|where|who)\b")


def show(text: str, frags: Frags | None, width: int = 110) -> str:
    """The text of a span (fragments joined by …), shortened to `width`."""
    if not frags:
        return "-"
    s = " … ".join(text[a:b] for a, b in frags).replace("\n", " ")
    return s if len(s) <= width else s[:width - 1] + "…"


def why_missed(text: str, content: Frags | None, cue: Frags | None, cue_text: str) -> str:
    """A coarse reason for a missed gold attribution, from its content and cue."""
    ctext = " ".join(text[a:b] for a, b in content) if content else ""
    low = cue_text.lower()
    last = (re.findall(r"[a-z]+", low) or ["?"])[-1]
    if len(ctext.split()) < 4:
        return "short content (<4 words)"
    if NONCLAUSAL.match(ctext):
        return "non-clausal content (to/by/about/wh-)"
    if "according" in low:
        return "according to"
    if content and cue and content[0][0] < cue[0][0]:
        return "content before cue"
    if last.endswith("ing"):
        return "participle cue (-ing)"
    return f"cue '{last}'"


def boundary(text: str, gold: Frags, pred: Frags) -> str:
    """How a predicted content that overlaps the gold one differs from it."""
    g = words(text, gold, drop_lead=CONTENT_LEAD)
    p = words(text, pred, drop_lead=CONTENT_LEAD)
    if p < g:
        diff, kind = g - p, "pred too short"
    elif p > g:
        diff, kind = p - g, "pred too long"
    else:
        return "shifted"
    inner = g if kind == "pred too long" else p
    where = ("end" if min(diff) > max(inner) else "start" if max(diff) < min(inner)
             else "middle")
    return f"{kind} ({where})"


def report(docs: Sequence, results: Sequence, limit: int) -> str:
    """Categories by count, most frequent first, each with up to `limit` examples."""
    cats: dict[str, list[str]] = defaultdict(list)
    for d, res in zip(docs, results):
        t = d.text
        for o in res.outcomes:
            g = o.gold
            kind = o.labels[0] if o.labels else "?"
            head = f"[{d.name}] src={show(t, g.source, 40)!r} cue={g.cue_text!r}"
            if o.content == "miss":
                gw = words(t, g.content) if g.content else frozenset()
                merged = any(p.content and gw & words(t, p.content) for p in res.preds)
                why = ("found, but merged into another attribution" if merged
                       else why_missed(t, g.content, g.cue, g.cue_text))
                cats[f"missed {kind}/{why}"].append(f"{head} content={show(t, g.content)!r}")
                continue
            if o.content == "overlap" and o.pred and o.pred.content and g.content:
                cats[f"boundary {kind}/{boundary(t, g.content, o.pred.content)}"].append(
                    f"{head} gold={show(t, g.content)!r} pred={show(t, o.pred.content)!r}")
            if g.source and not o.source_ok and o.pred is not None:
                typ = next((lab for lab in o.labels if lab.startswith("source:")), "source:?")
                sub = "other source" if o.pred.source else "no source"
                cats[f"wrong-source {typ}/{sub}"].append(
                    f"{head} pred src={show(t, o.pred.source, 40)!r} content={show(t, g.content, 80)!r}")
        for p in res.false_pos:
            pw = words(t, p.content) if p.content else frozenset()
            inside = any(a.content and pw & words(t, a.content) for a in d.attributions)
            sub = "inside another gold attribution" if inside else "no gold attribution"
            cats[f"false-positive/{sub}"].append(
                f"[{d.name}] src={show(t, p.source, 40)!r} cue={p.cue_text!r} "
                f"content={show(t, p.content)!r}")
    out = []
    for cat, lines in sorted(cats.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        out.append(f"## {cat}: {len(lines)}")
        out.extend("  " + x for x in lines[:limit])
    return "\n".join(out)
