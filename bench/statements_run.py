"""Statements end to end: generated articles spread known statements, through extraction and
the store, scored against what was planted.

    .venv/bin/python bench/statements_run.py [--statements N] [--seed S] [--keep DIR]

Each of N sentences of the BBC articles (8-30 words, no quote marks) becomes a statement by a
made-up person. It is planted in an article ("…," said Full Name, a spokesperson for …), set
among other BBC sentences that name nobody, and spreads through generated articles of other outlets and dates:
a syndicated copy (same story, other boilerplate), re-reports in new text (the same words
with other case and punctuation, a truncation, one word changed, attributed by surname after
the full name), a copy with no name ("…," he said) and the same words said by another
person, which must stay apart. Articles go through `Extractor.pipe` and `Store.add` in
batches, in shuffled order. Scored over the planted quotes the extractor found: pairwise
precision and recall of the store's statements against the planted ones, first_seen, altered
variants, groups mixing two planted speakers, and how many syndicated copies the store filed
as near-duplicates of their original.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from onrecord.corpus.store import Store
from onrecord.pipeline import Extractor
from onrecord.statements.relate import is_truncation
from onrecord.statements.words import words

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "bbc-news" / "articles.jsonl"
_SENT = re.compile(r"[A-Z][^.!?\n\"“”‘’']{40,200}[.!?]")
FIRST = ("Anna", "Brendan", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
         "Kasia", "Liam", "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamsin", "Viktor")
LAST = ("Abernathy", "Brightwater", "Castellano", "Drummond", "Eskildsen", "Fairbrother",
        "Gallardo", "Holmqvist", "Ingleby", "Jaramillo", "Kowalczyk", "Lindqvist", "Montague",
        "Nakashima", "Oyelaran", "Pemberton", "Quintero", "Rasmussen", "Sørlie", "Thistlewood")
ORGS = ("the Harbour Trust", "the Ridgeway Council", "Northgate Mills", "the Lowland Water Board")
BOILER = ("Copyright {o}. All rights reserved.", "Follow {o} for the latest updates.",
          "Sign up for the {o} morning briefing.", "Read more stories like this at {o}.")
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr|Sir|Lord|Lady|he|she|his|her)\b", re.I)
SPEECH = re.compile(r"\b(said|says|told|added|according)\b", re.I)


@dataclass(frozen=True)
class Planted:
    """One planted quote: its article, where its words sit, the true statement and speaker."""
    article: str
    start: int
    end: int
    label: str
    speaker: str | None
    altered: bool
    published: str
    seq: int


def sentences(path: Path, n: int, rng: random.Random) -> list[str]:
    out, seen = [], set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for s in _SENT.findall(json.loads(line)["text"]):
                ws = words(s)
                if 8 <= len(ws) <= 30 and ws not in seen and not SPEECH.search(s):
                    seen.add(ws)
                    out.append(s.strip())
    rng.shuffle(out)
    return out[:n]


class Spread:
    """Generates the articles and remembers what was planted where."""

    def __init__(self, filler: list[str], rng: random.Random) -> None:
        self.filler, self.rng = filler, rng
        self.records: list[dict] = []
        self.planted: list[Planted] = []
        self.copies: list[tuple[str, str]] = []  # (syndicated copy, original)
        self.people = iter(rng.sample([f"{f} {s}" for f in FIRST for s in LAST], len(FIRST) * len(LAST)))

    def _fill(self, k: int) -> str:
        return " ".join(self.rng.choice(self.filler) for _ in range(k))

    def article(self, body: str, quote: str, *, label: str, speaker: str | None, outlet: str,
                altered: bool = False, published: str | None = None) -> str:
        """One article whose `body` holds `{q}` where the quote's words go."""
        aid = f"g{len(self.records)}"
        published = published or f"2024-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        head = self._fill(4) + "\n\n"
        at = len(head) + body.index("{q}")
        text = head + body.replace("{q}", quote) + "\n\n" + self._fill(4) + "\n\n" + \
            self.rng.choice(BOILER).format(o=outlet)
        self.records.append({"id": aid, "text": text, "outlet": outlet, "published": published})
        self.planted.append(Planted(aid, at, at + len(quote), label, speaker, altered, published,
                                    len(self.planted)))
        return aid

    def statement(self, i: int, s: str, vocab: list[str]) -> None:
        rng, label = self.rng, f"st{i}"
        full = next(self.people)
        sur = full.split()[-1]
        q = s.rstrip(".!?")
        org = rng.choice(ORGS)
        outlet = f"Outlet {rng.randrange(12)}"
        orig = self.article(f'"{{q}}," said {full}, a spokesperson for {org}.', q, label=label,
                            speaker=full, outlet=outlet)
        if rng.random() < 0.5:  # syndicated: the same story under another outlet's boilerplate
            rec = dict(self.records[-1])
            other = f"Outlet {rng.randrange(12, 20)}"
            rec["text"] = rec["text"].rsplit("\n\n", 1)[0] + "\n\n" + rng.choice(BOILER).format(o=other)
            rec["id"], rec["outlet"] = f"g{len(self.records)}", other
            self.records.append(rec)
            self.copies.append((rec["id"], orig))
        for _ in range(rng.randint(0, 2)):
            form = rng.choice([q.upper(), q.replace(",", ""), q.lower()])
            self.article(f'{full} spoke on Tuesday. "{{q}}," {sur} said.', form, label=label,
                         speaker=full, outlet=f"Outlet {rng.randrange(12)}")
        toks = q.split()
        if rng.random() < 0.5:
            cut = rng.randint(2, max(2, len(toks) // 3))
            part = " ".join(toks[cut:] if rng.random() < 0.5 else toks[:-cut])
            self.article(f'{full} spoke again on Friday. "{{q}}," {sur} told reporters.', part,
                         label=label, speaker=full, outlet=f"Outlet {rng.randrange(12)}")
        if rng.random() < 0.4:
            j = rng.randrange(len(toks))
            changed = " ".join([*toks[:j], rng.choice(vocab), *toks[j + 1:]])
            if words(changed) != words(q):
                self.article(f'"{{q}}," said {full}.', changed, label=label, speaker=full,
                             outlet=f"Outlet {rng.randrange(12)}", altered=True)
        if rng.random() < 0.3:  # a "he said" that no name in its article resolves; only
            # for words nobody else said too (which of the two it is, nobody can tell)
            self.article('"{q}," he said.', q, label=label, speaker=None,
                         outlet=f"Outlet {rng.randrange(12)}")
        elif rng.random() < 0.2:
            other = next(self.people)
            self.article(f'"{{q}}," said {other}.', q, label=f"{label}-other", speaker=other,
                         outlet=f"Outlet {rng.randrange(12)}")


def pairs(groups: dict[str, list]) -> set[frozenset]:
    return {frozenset(p) for ks in groups.values() for p in itertools.combinations(ks, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--statements", type=int, default=200)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--keep", type=Path, help="write the store here instead of a temporary dir")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the split statements")
    a = ap.parse_args()
    if not a.data.exists():
        raise SystemExit(f"statements_run: {a.data} not found (../shared is not here)")
    rng = random.Random(a.seed)
    sents = sentences(a.data, a.statements + 1000, rng)
    ex = Extractor()
    stated, filler = sents[:a.statements], [  # no people: "he said" has nobody to stand for
        s for s, d in zip(sents[a.statements:], ex.nlp.pipe(sents[a.statements:]))
        if not any(e.label_ in ("PERSON", "NORP") for e in d.ents) and not HONORIFIC.search(s)]
    vocab = [w for s in filler for w in s.split() if w.isalpha() and w.islower()]
    sp = Spread(filler, rng)
    for i, s in enumerate(stated):
        sp.statement(i, s, vocab)
    order = sp.records[:]
    rng.shuffle(order)
    with tempfile.TemporaryDirectory() as tmp:
        path = (a.keep or Path(tmp)) / "statements_run.duckdb"
        path.parent.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        with Store(path) as st:
            batch = []
            for art in ex.pipe(order):
                batch.append(art)
                if len(batch) == a.batch:
                    st.add(batch)
                    batch = []
            if batch:
                st.add(batch)
        secs = time.perf_counter() - t0
        with Store(path, read_only=True) as st:
            con = st.con
            # every input record's stored article: a copy identical but for its boilerplate
            # is a sighting of the article stored for the other, not an article of its own
            ids = dict(con.execute("SELECT source_id, article_id FROM sightings").fetchall())
            quotes = con.execute(
                "SELECT a.source_id, q.idx, q.start, q.\"end\", q.text, m.statement_id, s.text "
                "FROM quotes q JOIN articles a ON a.id = q.article_id "
                "LEFT JOIN statement_members m ON m.article_id = q.article_id AND m.idx = q.idx "
                "LEFT JOIN statements s ON s.id = m.statement_id").fetchall()
            first = dict(con.execute("SELECT id, first_article FROM statements").fetchall())
            dups = dict(con.execute("SELECT article_id, canonical_id FROM duplicates").fetchall())
    by_article = defaultdict(list)
    for row in quotes:
        by_article[ids.get(row[0])].append(row)
    found: dict[int, tuple] = {}
    for p in sp.planted:
        hit = [r for r in by_article.get(ids.get(p.article), []) if r[2] < p.end and p.start < r[3]]
        if hit and hit[0][5] is not None:
            found[p.seq] = hit[0]
    plant = {p.seq: p for p in sp.planted}
    pred, true = defaultdict(list), defaultdict(list)
    for seq, row in found.items():
        pred[row[5]].append(seq)
        true[plant[seq].label].append(seq)
    pp, tp = pairs(pred), pairs(true)
    prec = len(pp & tp) / len(pp) if pp else 1.0
    rec = len(pp & tp) / len(tp) if tp else 1.0
    mixed = sum(len({plant[s].speaker for s in ss} - {None}) > 1 for ss in pred.values())
    twin = {o: c for c, o in sp.copies}  # a syndicated copy has its original's date
    arrived = {r["id"]: i for i, r in enumerate(order)}  # same date: the first one input
    ok_first = n_first = 0
    for label, seqs in true.items():
        # the first sighting among the planted quotes and their syndicated copies
        date, _, art = min((plant[s].published, arrived[x], x) for s in seqs
                           for x in (plant[s].article, twin.get(plant[s].article)) if x)
        sid = found[seqs[0]][5]
        n_first += 1
        ok_first += first.get(sid) == ids.get(art) and sorted(pred[sid]) == sorted(seqs)
        if a.verbose and first.get(sid) != ids.get(art):
            print(f"first_seen {label}: want {art} {date}, got {first.get(sid)}")
    pred_alt = {s for s, r in found.items()
                if words(r[4]) != words(r[6]) and not is_truncation(words(r[4]), words(r[6]))}
    true_alt = {s for s in found if plant[s].altered}
    ap_ = len(pred_alt & true_alt) / len(pred_alt) if pred_alt else 1.0
    ar = len(pred_alt & true_alt) / len(true_alt) if true_alt else 1.0
    if a.verbose:
        for label, seqs in true.items():
            got = {found[x][5] for x in seqs}
            if len(got) > 1:
                print(f"split {label}:", [(plant[x].speaker, found[x][4][:40], found[x][5])
                                          for x in seqs])
    copies = sum(ids.get(c) is not None and ids.get(o) is not None and (
        ids[c] == ids[o] or dups.get(ids[c]) == ids[o] or dups.get(ids[o]) == ids[c])
        for c, o in sp.copies)  # one article, or whichever came first is the canonical one
    same = sum(ids.get(c) is not None and ids.get(c) == ids.get(o) for c, o in sp.copies)
    print(f"{len(sp.records)} articles ({len(sp.copies)} syndicated copies), "
          f"{len(sp.planted)} planted quotes of {len(true)} statements; extracted and stored "
          f"in {secs:.1f} s")
    print(f"planted quotes found by extraction and filed: {len(found)}/{len(sp.planted)}")
    print(f"grouping pairwise precision {prec:.3f} recall {rec:.3f}")
    print(f"first_seen right (and group complete) {ok_first / max(n_first, 1):.3f}")
    print(f"altered variants P {ap_:.3f} R {ar:.3f} F1 {2 * ap_ * ar / (ap_ + ar) if ap_ + ar else 0:.3f}")
    print(f"groups mixing two planted speakers: {mixed}")
    print(f"syndicated copies filed as their original's article or a near-duplicate of it: "
          f"{copies}/{len(sp.copies)} ({same} the same article)")


if __name__ == "__main__":
    main()
