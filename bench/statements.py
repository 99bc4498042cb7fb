"""Statement grouping on a generated spread: P/R of grouping, first_seen, altered variants.

    .venv/bin/python bench/statements.py [--data ../shared/data/bbc-news/articles.jsonl]
                                         [--statements N] [--seed S]

Each of N sentences of 8+ words from the BBC articles becomes a known statement by a made-up
speaker, then spreads: exact copies (other case and punctuation), truncations (words cut at
either end), alterations (one word changed), copies with no speaker, and the same words said
by a second speaker (which must stay apart). Each sighting gets an outlet and a date (some
undated). The members go through `statements.group.Grouper` in shuffled order; pairwise
precision and recall of the grouping against the known statements, first_seen accuracy,
altered-variant F1, speaker merges, and time per quote are printed. A copy with no speaker
of words that a second speaker said too has no knowable statement (outlets and dates are
random): it is left out of the scores, counted apart, and still in the mixing count. The
extraction stage is not involved: this measures the grouping alone.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import time
from collections import defaultdict
from pathlib import Path

from onrecord.statements.group import Grouper, Member
from onrecord.statements.relate import is_truncation
from onrecord.statements.words import words

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "bbc-news" / "articles.jsonl"
_SENT = re.compile(r"[^.!?\n]{40,240}[.!?]")


def sentences(path: Path, n: int, rng: random.Random) -> list[str]:
    """N distinct sentences of 8 to 40 words from the articles."""
    seen: set[tuple[str, ...]] = set()
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for s in _SENT.findall(json.loads(line)["text"]):
                ws = words(s)
                if 8 <= len(ws) <= 40 and ws not in seen:
                    seen.add(ws)
                    out.append(s.strip())
    rng.shuffle(out)
    return out[:n]


def day(rng: random.Random) -> str | None:
    """A date in 2024, or none one time in ten."""
    if rng.random() < 0.1:
        return None
    return f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def spread(sents: list[str], rng: random.Random) -> tuple[list[Member], dict, dict, set, set]:
    """Members, their true statement (key -> label), the true first sighting per label, the
    keys of altered members, and the keys of ambiguous copies: a copy with no speaker of words
    that two speakers both said has no knowable statement (its outlet and date are drawn at
    random, like theirs), so it is left out of the scores and counted on its own."""
    members: list[Member] = []
    ambiguous: set[tuple[str, int]] = set()
    truth: dict[tuple[str, int], str] = {}
    altered: set[tuple[str, int]] = set()
    vocab = [w for s in sents[:200] for w in s.split()]
    n_art = itertools.count()

    def emit(label: str, text: str, speaker: str | None, date: str | None) -> None:
        aid = f"art{next(n_art)}"
        members.append(Member(aid, 0, "direct", text, speaker, date, len(members),
                              outlet=f"outlet{rng.randrange(12)}"))
        truth[(aid, 0)] = label

    for i, s in enumerate(sents):
        label, speaker = f"st{i}", f"speaker{i}"
        toks = s.split()
        emit(label, s, speaker, day(rng))
        for _ in range(rng.randint(0, 3)):
            emit(label, rng.choice([s.upper(), s.rstrip(".!?"), s.replace(",", "")]), speaker,
                 day(rng))
        if rng.random() < 0.5:
            cut = rng.randint(2, max(2, len(toks) // 3))
            part = toks[cut:] if rng.random() < 0.5 else toks[:-cut]
            emit(label, " ".join(part), speaker, day(rng))
        if rng.random() < 0.4:
            j = rng.randrange(len(toks))
            emit(label, " ".join([*toks[:j], rng.choice(vocab), *toks[j + 1:]]), speaker, day(rng))
            altered.add((members[-1].article_id, 0))
        unnamed = None
        if rng.random() < 0.3:
            emit(label, s, None, day(rng))
            unnamed = (members[-1].article_id, 0)
        if rng.random() < 0.1:
            emit(f"st{i}-other", s, f"speaker{i}-other", day(rng))
            if unnamed is not None:
                ambiguous.add(unnamed)
    first: dict[str, tuple[str, int]] = {}
    by_label: dict[str, list[Member]] = defaultdict(list)
    for m in members:
        by_label[truth[(m.article_id, m.idx)]].append(m)
    for label, ms in by_label.items():
        ms = [m for m in ms if (m.article_id, m.idx) not in ambiguous]
        f = min(ms, key=lambda m: m.seen_key)
        first[label] = (f.article_id, f.idx)
    return members, truth, first, altered, ambiguous


def pairs(groups: dict[str, list[tuple[str, int]]]) -> set[frozenset]:
    """Every unordered pair of members in the same group."""
    return {frozenset(p) for ks in groups.values() for p in itertools.combinations(ks, 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--statements", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if not a.data.exists():
        raise SystemExit(f"statements: {a.data} not found (../shared is not here)")
    rng = random.Random(a.seed)
    members, truth, first, altered, ambiguous = spread(sentences(a.data, a.statements, rng), rng)
    order = members[:]
    rng.shuffle(order)
    g = Grouper()
    t0 = time.perf_counter()
    got = {(m.article_id, m.idx): g.add(m) for m in order}
    secs = time.perf_counter() - t0
    pred_groups: dict[str, list] = defaultdict(list)
    true_groups: dict[str, list] = defaultdict(list)
    all_groups: dict[str, list] = defaultdict(list)
    for k, sid in got.items():
        all_groups[g.get(sid).id].append(k)
        if k in ambiguous:
            continue
        pred_groups[g.get(sid).id].append(k)
        true_groups[truth[k]].append(k)
    pp, tp = pairs(pred_groups), pairs(true_groups)
    prec = len(pp & tp) / len(pp) if pp else 1.0
    rec = len(pp & tp) / len(tp) if tp else 1.0
    by_key = {(m.article_id, m.idx): m for m in members}
    speakers_merged = sum(len({by_key[k].speaker for k in ks} - {None}) > 1
                          for ks in all_groups.values())
    apart = sum(len(all_groups[g.get(got[k]).id]) == 1 for k in ambiguous)
    ok_first = 0
    for label, key in first.items():
        st = g.get(got[key])  # judged on the members whose statement is knowable
        f = min((m for m in st.members if (m.article_id, m.idx) not in ambiguous),
                key=lambda m: m.seen_key)
        ok_first += (f.article_id, f.idx) == key and len(pred_groups[st.id]) == len(
            true_groups[label])
    pred_alt = set()
    for st in g.statements.values():
        for m in st.members:
            ws = words(m.text)
            if ws != st.words and not is_truncation(ws, st.words):
                pred_alt.add((m.article_id, m.idx))
    alt_p = len(pred_alt & altered) / len(pred_alt) if pred_alt else 1.0
    alt_r = len(pred_alt & altered) / len(altered) if altered else 1.0
    alt_f = 2 * alt_p * alt_r / (alt_p + alt_r) if alt_p + alt_r else 0.0
    print(f"{len(members)} quotes, {len(true_groups)} true statements, "
          f"{len(pred_groups)} found")
    print(f"ambiguous copies (no speaker, words two speakers said; left out of the scores): "
          f"{len(ambiguous)}, {apart} kept apart, {len(ambiguous) - apart} joined one of the two")
    print(f"grouping pairwise precision {prec:.3f} recall {rec:.3f}")
    print(f"first_seen right (and group complete) {ok_first / len(first):.3f}")
    print(f"altered variants P {alt_p:.3f} R {alt_r:.3f} F1 {alt_f:.3f}")
    print(f"groups mixing two speakers' statements: {speakers_merged}")
    print(f"{1000 * secs / len(members):.3f} ms per quote ({secs:.1f} s)")


if __name__ == "__main__":
    main()
