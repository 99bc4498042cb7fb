"""PolNeAR (brat standoff) adapter and scorer: source, cue and content spans, exact and overlap.

usage: polnear.py [--root DIR] [--split dev] [--system onrecord] [--limit N] [--errors N]

Reads ``data/<split>/text/<article>.txt`` and ``data/<split>/attributions/<article>_<annotator>.ann``,
keeps speech attributions (`eval_cues.is_speech`), runs one system and prints span P/R/F1 per
role plus recall per construction. ``--errors`` lists misses (never allowed on the test split).
See docs/evaluation.md for the rules (annotator choice, speech filter, span matching).
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval_constructions import constructions, quoted_regions
from eval_cues import is_speech
from eval_spans import CONTENT_LEAD, Frags, RoleScore, keep, score_role, words

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
SPLITS = ("train", "dev", "test")
ROLES = ("source", "cue", "content")
ANN_LINE = re.compile(r"^([TE]\d+)\t([^\t]*)(?:\t(.*))?$")
@dataclass(slots=True)
class Attribution:
    """One annotated (or predicted) attribution: each role is a tuple of character fragments."""

    id: str
    source: Frags | None
    cue: Frags | None
    content: Frags | None
    cue_text: str = ""
    speech: bool = True


@dataclass(slots=True)
class Document:
    """One PolNeAR article with the attributions of the chosen annotator."""

    name: str
    split: str
    annotator: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


def _frags(spec: str) -> Frags:
    """'12 20;25 30' -> ((12, 20), (25, 30))."""
    return tuple(tuple(int(x) for x in part.split()) for part in spec.split(";"))  # type: ignore[misc]


def _join(a: Frags | None, b: Frags) -> Frags:
    return tuple(sorted((a or ()) + b))


def parse_ann(ann: str, text: str) -> list[Attribution]:
    """The attributions of one brat .ann file; cue text is read from `text` at the offsets."""
    spans: dict[str, tuple[str, Frags]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        m = ANN_LINE.match(line)
        if not m:
            continue  # annotator notes, and continuation lines of multi-line span text
        ident, body = m.group(1), m.group(2)
        if ident.startswith("T"):
            label, _, spec = body.partition(" ")
            if spec:
                spans[ident] = (label, _frags(spec))
        else:
            args = [tuple(a.split(":", 1)) for a in body.split() if ":" in a]
            events.append((ident, args))  # type: ignore[arg-type]
    out = []
    for ident, args in events:
        roles: dict[str, Frags | None] = {"source": None, "cue": None, "content": None}
        for role, ref in args[1:]:
            name = role.rstrip("0123456789").lower()
            if name in roles and ref in spans:
                roles[name] = _join(roles[name], spans[ref][1])
        cue = roles["cue"]
        cue_text = " ".join(text[a:b] for a, b in cue) if cue else ""
        out.append(Attribution(ident, roles["source"], cue, roles["content"], cue_text,
                               is_speech(cue_text) if cue_text else False))
    return out


def load_split(split: str, root: Path = DEFAULT_ROOT) -> list[Document]:
    """Every article of a split; where several annotators annotated it, the first id in sort order."""
    base = root / "data" / split
    chosen: dict[str, tuple[str, Path]] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name, _, annotator = ann.stem.rpartition("_")
        if name not in chosen or annotator < chosen[name][0]:
            chosen[name] = (annotator, ann)
    docs = []
    for name, (annotator, ann) in sorted(chosen.items()):
        text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
        docs.append(Document(name, split, annotator, text,
                             parse_ann(ann.read_text(encoding="utf-8"), text)))
    return docs


def offset_mapper(out_text: str, in_text: str) -> Callable[[int], int]:
    """Map offsets in a system's (repaired) text back to the input text."""
    if out_text == in_text:
        return lambda i: i
    sm = difflib.SequenceMatcher(None, out_text, in_text, autojunk=False)
    blocks = [(a, b) for a, b, n in sm.get_matching_blocks() if n] or [(0, 0)]
    starts = [a for a, _ in blocks]

    def f(i: int) -> int:
        k = max(bisect_right(starts, i) - 1, 0)
        a, b = blocks[k]
        return b + (i - a)
    return f


def _opens_into(text: str, q: dict[str, Any], nxt: dict[str, Any]) -> bool:
    """True when quote `q` is left open at its paragraph's end and `nxt` carries it on."""
    between = text[q["end"]:nxt["start"]]
    return "\n" in between and not between.strip(" \t\n\u00a0“\"‘«")


ASIDE_REACH = 6  # words an aside may run on past its cue ("he told me on Friday,")


def without_aside(text: str, start: int, end: int,
                  attribution: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """A content span minus the attribution set inside it ("Acts of protest, Mr. Obama said,
    are ..."), as PolNeAR marks such a content: two fragments around the source and cue."""
    inside = [(a, b) for a, b in attribution if start < a and b < end]
    if not inside:
        return [(start, end)]
    lo, hi = min(a for a, _ in inside), max(b for _, b in inside)
    head = re.search(r"[,—–][^,.;:!?\n—–]*$", text[start:lo])  # ", union members and | leaders say,"
    if head and len(head.group().split()) <= ASIDE_REACH:
        lo = start + head.start()
    tail = re.match(r"[^,.;:!?\n—–]*[,—–]", text[hi:end])
    if tail and len(tail.group().split()) <= ASIDE_REACH:
        hi += tail.end()
    return [(a, b) for a, b in ((start, lo), (hi, end)) if text[a:b].strip()]


def _speaker_key(q: dict[str, Any]) -> Any:
    sp = q.get("speaker") or {}
    return sp.get("id") or sp.get("name")


def predicted(record: dict[str, Any], in_text: str) -> list[Attribution]:
    """A system's record as PolNeAR-style attributions, one per cue.

    Quotes sharing a cue form one attribution. A quote with neither a cue nor a speaker mention
    (the second half of a split quote, a continuation paragraph) joins an attribution of the
    same speaker, because PolNeAR gives every content a cue (all but 1 of 19,868 in train):
    the next one when the quote is left open at its paragraph's end and the next quote carries
    it on (the cue comes after: "... / ... ," she said), otherwise the latest one.
    """
    text = record.get("text") or in_text
    f = offset_mapper(text, in_text)
    qs = [q for q in record.get("quotes") or [] if q.get("start") is not None]
    keys: list[Any] = []
    for i, q in enumerate(qs):
        cue, sp = q.get("cue") or None, q.get("speaker") or None
        if cue and cue.get("start") is not None:
            keys.append((cue["start"], cue["end"]))
        elif sp and sp.get("start") is None:
            keys.append(None)  # a continuation: decided below
        else:
            keys.append(("q", i))
    for i in reversed(range(len(qs) - 1)):
        if (keys[i] is None and keys[i + 1] is not None
                and _speaker_key(qs[i]) == _speaker_key(qs[i + 1])
                and _opens_into(text, qs[i], qs[i + 1])):
            keys[i] = keys[i + 1]
    latest: dict[Any, Any] = {}  # speaker -> key of its latest attribution
    for i, q in enumerate(qs):
        sid = _speaker_key(q)
        if keys[i] is None:
            keys[i] = latest.get(sid, ("q", i)) if sid else ("q", i)
        if sid:
            latest[sid] = keys[i]
    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for key, q in zip(keys, qs):
        groups[key].append(q)
    out = []
    for n, (key, group) in enumerate(groups.items()):
        sp = next((q["speaker"] for q in group if q.get("speaker")
                   and q["speaker"].get("start") is not None), None)
        aside = [(s["start"], s["end"]) for s in (sp, None if key[0] == "q" else
                                                  {"start": key[0], "end": key[1]}) if s]
        content = tuple(sorted((f(a), f(b)) for q in group
                               for a, b in without_aside(text, q["start"], q["end"], aside)))
        source = ((f(sp["start"]), f(sp["end"])),) if sp else None
        cue = ((f(key[0]), f(key[1])),) if key[0] != "q" else None
        cue_text = next(((q.get("cue") or {}).get("text", "") for q in group if q.get("cue")), "")
        out.append(Attribution(f"P{n}", source, cue, content or None, cue_text, True))
    return out


# ---- scoring -------------------------------------------------------------------------

@dataclass(slots=True)
class Outcome:
    """What happened to one gold speech attribution."""

    gold: Attribution
    labels: list[str]
    content: str = "miss"  # miss | overlap | exact
    source_ok: bool = False
    cue_ok: bool = False
    pred: Attribution | None = None


@dataclass(slots=True)
class DocResult:
    """Role scores, gold outcomes and unmatched predictions for one document."""

    roles: dict[str, RoleScore]
    outcomes: list[Outcome]
    false_pos: list[Attribution]
    preds: list[Attribution]


def _role_sets(text: str, attrs: Sequence[Attribution], role: str) -> list[frozenset[int]]:
    lead = CONTENT_LEAD if role == "content" else frozenset()
    return [words(text, getattr(a, role), drop_lead=lead) if getattr(a, role) else frozenset()
            for a in attrs]


def _overlaps(text: str, a: Frags | None, b: Frags | None) -> bool:
    return bool(a and b and words(text, a) & words(text, b))


def score_document(doc: Document, preds: Sequence[Attribution]) -> DocResult:
    """Score one document's predicted attributions against its gold speech attributions."""
    gold = [a for a in doc.attributions if a.speech]
    other = [a for a in doc.attributions if not a.speech]
    regions = quoted_regions(doc.text)
    outcomes = [Outcome(a, constructions(doc.text, a.source, a.cue, a.content, regions))
                for a in gold]
    roles: dict[str, RoleScore] = {}
    pairs_by_role: dict[str, dict[int, int]] = {}  # gold index -> pred index
    ignored: set[int] = set()
    for role in ROLES:
        g_sets, g_idx = keep(_role_sets(doc.text, gold, role))
        p_sets, p_idx = keep(_role_sets(doc.text, preds, role))
        o_sets = [s for s in _role_sets(doc.text, other, role) if s]
        score, m = score_role(g_sets, p_sets, o_sets)
        roles[role] = score
        pairs_by_role[role] = {g_idx[g]: p_idx[p] for g, p in m.pairs}
        if role == "content":
            ignored = {p_idx[p] for p in m.ignored_pred}
            for g, p in m.pairs:
                o = outcomes[g_idx[g]]
                o.content = "exact" if (g, p) in m.exact else "overlap"
                o.pred = preds[p_idx[p]]
    content_pairs = pairs_by_role["content"]
    for gi, pi in content_pairs.items():
        o, p = outcomes[gi], preds[pi]
        o.source_ok = _overlaps(doc.text, o.gold.source, p.source)
        o.cue_ok = _overlaps(doc.text, o.gold.cue, p.cue)
    matched = set(content_pairs.values())
    false_pos = [p for i, p in enumerate(preds) if i not in matched and i not in ignored]
    return DocResult(roles, outcomes, false_pos, list(preds))


@dataclass(slots=True)
class SplitResult:
    """Totals over a split: role scores and recall per construction."""

    roles: dict[str, RoleScore]
    by_label: dict[str, Counter[str]]
    docs: int
    gold_all: int
    gold_speech: int


def aggregate(results: Iterable[DocResult], docs: Sequence[Document]) -> SplitResult:
    """Sum per-document results into a split's table."""
    roles = {r: RoleScore() for r in ROLES}
    by_label: dict[str, Counter[str]] = defaultdict(Counter)
    for res in results:
        for r in ROLES:
            roles[r].add(res.roles[r])
        for o in res.outcomes:
            for lab in ["all", *o.labels]:
                c = by_label[lab]
                c["n"] += 1
                c["content_overlap"] += o.content != "miss"
                c["content_exact"] += o.content == "exact"
                c["attributed"] += o.content != "miss" and (o.source_ok or o.gold.source is None)
    return SplitResult(roles, dict(by_label), len(docs),
                       sum(len(d.attributions) for d in docs),
                       sum(1 for d in docs for a in d.attributions if a.speech))


def evaluate(docs: Sequence[Document], records: Sequence[dict[str, Any]],
             ) -> tuple[SplitResult, list[DocResult]]:
    """Score one system's records (same order as `docs`); error records count as empty."""
    results = [score_document(d, predicted(r, d.text) if "error" not in r else [])
               for d, r in zip(docs, records, strict=True)]
    return aggregate(results, docs), results


def role_table(res: SplitResult) -> str:
    """Markdown rows: role, exact P/R/F1, overlap P/R/F1."""
    rows = ["| role | gold | pred | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in ROLES:
        s = res.roles[r]
        e, o = s.prf("exact"), s.prf("overlap")
        rows.append(f"| {r} | {s.gold} | {s.pred} | " + " | ".join(f"{x:.3f}" for x in (*e, *o)) + " |")
    return "\n".join(rows)


LABEL_ORDER = ("all", "direct", "mixed", "indirect", "source:named", "source:pronoun",
               "source:nominal", "source:organisational", "source:none", "cross-paragraph")


def label_table(res: SplitResult) -> str:
    """Markdown rows: construction, gold count, content recall (overlap, exact), attributed recall."""
    rows = ["| construction | gold | content R (overlap) | content R (exact) | attributed R |",
            "|---|---:|---:|---:|---:|"]
    for lab in LABEL_ORDER:
        c = res.by_label.get(lab)
        if not c or not c["n"]:
            continue
        n = c["n"]
        rows.append(f"| {lab} | {n} | {c['content_overlap'] / n:.3f} | "
                    f"{c['content_exact'] / n:.3f} | {c['attributed'] / n:.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--system", default="onrecord")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    ap.add_argument("--errors", type=int, default=0, help="print N examples per error category")
    a = ap.parse_args(argv)
    if a.errors and a.split == "test":
        ap.error("--errors is for train/dev only: the test split is for reporting numbers")
    from peer_systems import SYSTEMS

    docs = load_split(a.split, a.root)
    if a.limit:
        docs = docs[:a.limit]
    system = SYSTEMS[a.system]()
    system.load()
    records = system.run([{"id": d.name, "text": d.text} for d in docs])
    res, per_doc = evaluate(docs, records)
    print(f"PolNeAR {a.split}: {res.docs} articles, {res.gold_all} attributions, "
          f"{res.gold_speech} speech; system={a.system}")
    print(role_table(res))
    print()
    print(label_table(res))
    if a.errors:
        print()
        from eval_errors import report

        print(report(docs, per_doc, a.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
