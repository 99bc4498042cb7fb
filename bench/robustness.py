"""Run the extractor over every BBC article and every PolNeAR train text: count failed records
and check that every quote, cue and speaker offset points at its words. Prints one line."""
import glob
import json
import sys
from pathlib import Path

from onrecord.pipeline import Extractor

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> int:
    texts = [json.loads(line)["text"] for line in open(SHARED / "bbc-news" / "articles.jsonl")]
    texts += [Path(f).read_text(encoding="utf-8", errors="replace")
              for f in sorted(glob.glob(str(SHARED / "polnear" / "data" / "train" / "text" / "*.txt")))]
    failures, bad_offsets, quotes = [], 0, 0
    for i, r in enumerate(Extractor().pipe(texts)):
        if not hasattr(r, "quotes"):
            failures.append((i, r.error))
            continue
        for q in r.quotes:
            quotes += 1
            ok = r.text[q.start:q.end] == q.text
            ok &= q.cue is None or r.text[q.cue.start:q.cue.end] == q.cue.text
            sp = q.speaker
            ok &= sp is None or sp.start is None or 0 <= sp.start < sp.end <= len(r.text)
            bad_offsets += not ok
    print(f"{len(texts)} articles, {quotes} quotes, {len(failures)} failed records "
          f"{failures[:3]}, {bad_offsets} quotes with inconsistent offsets")
    return 1 if failures or bad_offsets else 0


if __name__ == "__main__":
    sys.exit(main())
