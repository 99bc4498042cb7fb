"""Print what onrecord finds in one gold article beside the gold quotes (for error analysis)."""
import json
import sys
from pathlib import Path

from onrecord.pipeline import Extractor

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main() -> None:
    want = sys.argv[1]
    for f in sorted(SHARED.glob("dev*.jsonl")):
        for line in f.open(encoding="utf-8"):
            d = json.loads(line)
            if d["id"] != want:
                continue
            art = Extractor().extract(d["text"], id=d["id"])
            print(d["text"])
            print("--- gold")
            for q in d["quotes"]:
                print(" ", q["kind"], q.get("optional") and "OPT" or "", "|", q["speaker"], "|", q["cue"], "|", q["content"][:100])
            print("--- pred")
            for q in art.quotes:
                sp = q.speaker.name if q.speaker else None
                cue = q.cue.text if q.cue else None
                print(" ", q.kind, "|", sp, "|", cue, "|", q.text[:100])


if __name__ == "__main__":
    main()
