"""`onrecord extract`: quotes and speakers of articles in files or on stdin."""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from onrecord.commands.args import name_gender_option
from onrecord.commands.formats import example, format_option
from onrecord.dates.values import date_arg
from onrecord.ingest.record import InputRecord
from onrecord.model import Article, Failure


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "extract", help="print who said what in articles (.txt, .html, .jsonl; stdin if none)",
        description="Read articles and print their quotes and speakers. JSONL in gives JSONL "
                    "out, one record per input record; a record that fails gives "
                    '{"id": ..., "error": ...}. Exit status 1 when any record failed.',
        **example("onrecord extract article.txt",
                  "onrecord extract --format text page.html",
                  "onrecord extract --format jsonl crawl.jsonl.gz > out.jsonl",
                  "cat article.txt | onrecord extract --published 2022-01-18 -"))
    p.add_argument("files", nargs="*", metavar="FILE",
                   help=".txt (any common encoding), .html, .jsonl/.jsonl.gz/.jsonl.zst "
                        '({"id", "text" or "html", "published"?} per line), .warc/.warc.gz, '
                        "or a folder of these; '-' or none: stdin")
    format_option(p, "extract", ["text", "json", "jsonl"], None,
                  help="text (speaker — quote), json (pretty, default for one article) or "
                       "jsonl (default for JSONL, WARC, folders or several inputs)")
    p.add_argument("--published", metavar="DATE", type=date_arg("--published"),
                   help="publication date for inputs that do not state one "
                        "(YYYY-MM-DD, YYYY-MM or YYYY)")
    p.add_argument("--explain", action="store_true",
                   help="give each quote an `explain` object: the rule that found it and how "
                        "its speaker was resolved (mention, entity, rule)")
    p.add_argument("--noun-phrases", action="store_true",
                   help="also give statements whose content is only a noun phrase (`BP "
                        "announced a 26%% rise in profits`); the guidelines leave them out")
    name_gender_option(p)
    p.add_argument("--stdin-format", choices=["txt", "html", "jsonl"], default=None,
                   help="format of stdin (default: by its content: JSONL when its first line "
                        "is a JSON object, HTML when it is a page or starts with a tag, else "
                        "text; a note on stderr says which)")
    p.set_defaults(func=run)


def _records(args: argparse.Namespace, stdin: bytes | None) -> Iterator[InputRecord | Failure]:
    from onrecord.ingest.readers import read_bytes, read_path

    files = args.files or ["-"]
    for f in files:
        if f == "-":
            data, kind = _stdin_reader(args, stdin or b"")
            for rec in _guarded(read_bytes(data, f"stdin.{kind}"), "stdin"):
                if rec.id == f"stdin.{kind}":
                    rec.id = "stdin"  # a whole text or page piped in
                yield rec
        else:
            yield from _guarded(read_path(f), f)


def _guarded(records: Iterator[InputRecord | Failure], name: str,
             ) -> Iterator[InputRecord | Failure]:
    """A reader that breaks down gives one error record for its input; the run goes on."""
    try:
        yield from records
    except Exception as e:
        yield Failure(id=name, error=f"cannot read {name}: {type(e).__name__}: {e}")


def _stdin_reader(args: argparse.Namespace, data: bytes) -> tuple[bytes, str]:
    """The bytes and reader for stdin: --stdin-format, else sniffed (and said on stderr)."""
    from onrecord.ingest.sniff import sniff

    if args.stdin_format:
        return data, args.stdin_format
    if not data.strip():
        return data, "txt"
    found = sniff(data)
    print(f"onrecord: stdin read as {found.reader.value}: {found.why} "
          "(--stdin-format txt|html|jsonl to choose)", file=sys.stderr)
    return found.data, found.reader.value


def _sniffed(data: bytes) -> str:
    from onrecord.ingest.sniff import sniff

    return sniff(data).reader.value if data.strip() else "txt"


def _with_published(recs: Iterator[InputRecord | Failure], published: str | None,
                    ) -> Iterator[InputRecord | Failure]:
    for r in recs:
        if published and isinstance(r, InputRecord) and not r.published:
            r.published = published
        yield r


def write_text(result: Article | Failure, out: TextIO, explain: bool = False) -> None:
    """A readable list: one line per quote, speaker — quote."""
    if isinstance(result, Failure):
        out.write(f"# {result.id}: ERROR {result.error}\n")
        return
    head = f"# {result.id or 'article'}"
    if result.published:
        head += f" ({result.published})"
    n = len(result.quotes)
    out.write(f"{head}: {n} quote{'' if n == 1 else 's'}\n")
    for q in result.quotes:
        who = q.speaker.name if q.speaker else "(no speaker)"
        mark = {"direct": "“{}”", "mixed": "{}", "indirect": "{}"}[q.kind].format(q.text)
        extra = f" [{q.kind}, {q.cue.text}]" if q.cue else f" [{q.kind}]"
        if q.addressee:
            extra += f" to {q.addressee}"
        if q.date:
            extra += f" on {q.date}"
        out.write(f"{who} — {mark}{extra}\n")
        if explain and q.explain is not None:
            sp = q.explain.speaker
            how = f"{sp.mention} {sp.text!r} → {sp.why}" if sp else "no speaker"
            if sp and sp.subject_rule:
                how += f" (subject by {sp.subject_rule})"
            out.write(f"    found by {q.explain.rule} ({q.explain.how}); speaker: {how}\n")
    out.write("\n")


def run(args: argparse.Namespace) -> int:
    from onrecord.ingest.readers import input_format
    from onrecord.pipeline import Extractor

    stdin = sys.stdin.buffer.read() if not args.files or "-" in args.files else None
    fmt = args.format
    if fmt is None:
        several = len(args.files) > 1 or any(
            os.path.isdir(f) or input_format(f) in ("jsonl", "warc") for f in args.files)
        piped_jsonl = stdin is not None and (args.stdin_format or _sniffed(stdin)) == "jsonl"
        fmt = "jsonl" if several or piped_jsonl else "json"
    failed = 0
    extractor = Extractor(noun_phrases=args.noun_phrases, name_gender=args.name_gender)
    out = sys.stdout
    results = extractor.pipe(_with_published(_records(args, stdin), args.published))
    collected: list[dict[str, Any]] = []
    for res in results:
        if isinstance(res, Failure):
            failed += 1
            print(f"onrecord: {res.id}: {res.error}", file=sys.stderr)
        record = res.to_dict(explain=args.explain) if isinstance(res, Article) else res.to_dict()
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        elif fmt == "text":
            write_text(res, out, explain=args.explain)
        else:
            collected.append(record)
    if fmt == "json":
        doc: Any = collected[0] if len(collected) == 1 else collected
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0
