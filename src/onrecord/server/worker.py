"""The extraction worker process: loads one Extractor and answers requests from a pipe."""
from __future__ import annotations

import importlib
import json
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

# A handler takes a request dict and returns (status, value): ("ok", record dict) or
# ("failure", {"id", "error"}) for input the pipeline rejected. The worker sends a record
# back already encoded as JSON bytes, so the server's event loop never serialises it.
Handler = Callable[[dict[str, Any]], tuple[str, Any]]


def extractor_handler() -> Handler:
    """Load one Extractor (one spaCy model) and return the function that runs it."""
    from onrecord.ingest.record import InputRecord
    from onrecord.model import Failure
    from onrecord.pipeline import Extractor

    extractor = Extractor()

    def handle(req: dict[str, Any]) -> tuple[str, Any]:
        rec = InputRecord(id=req.get("id"), text=req.get("text"), html=req.get("html"),
                          published=req.get("published"))
        result = next(extractor.pipe([rec]))
        if isinstance(result, Failure):
            return "failure", result.to_dict()
        return "ok", result.to_dict(explain=bool(req.get("explain")))

    return handle


def load_handler(path: str) -> Handler:
    """Import "module:function" and call it to build the handler."""
    module, _, name = path.partition(":")
    factory = getattr(importlib.import_module(module), name)
    return factory()


def worker_main(conn: Connection, handler_path: str) -> None:
    """Child process body: report ready, then serve one request at a time until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    try:
        handler = load_handler(handler_path)
    except Exception as e:  # report, don't hang the parent
        conn.send(("failed", f"{type(e).__name__}: {e}"))
        return
    conn.send(("ready", os.getpid()))
    parent = os.getppid()
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent:  # the server died without stopping us
                return
            continue
        try:
            req = conn.recv()
        except EOFError:
            return
        if req is None:
            return
        try:
            status, value = handler(req)
            if status == "ok":
                value = json.dumps(value, ensure_ascii=False).encode("utf-8")
            reply = (status, value)
        except Exception as e:
            reply = ("error", f"{type(e).__name__}: {e}")
        conn.send(reply)
