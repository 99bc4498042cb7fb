"""Read-only access to the quote store for the API, one query at a time."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

# Seconds the server waits at start for a run writing to the store to let it in.
START_WAIT = 5.0


class NoStore(Exception):
    """The server was started without --store."""

    def __init__(self) -> None:
        super().__init__("no quote store is open: start the server with "
                         "`onrecord serve --store quotes.duckdb` to search quotes and speakers")


class StoreOpenError(Exception):
    """The --store file could not be opened (missing, locked by a writer, not a store)."""


class StoreView:
    """Wraps `onrecord.corpus.store.Store` (read-only) behind a lock; None means no store.

    The file is opened for each call and closed after it, so that an `onrecord run` can
    write to the store while the server answers (readers get in between its batches)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        if path is not None:
            if not Path(path).is_file():
                raise StoreOpenError(f"no store at {path}: build one with "
                                     f"`onrecord run INPUT --store {path}`")
            try:
                self._open(wait=START_WAIT).close()
            except Exception as e:  # StoreBusy, StoreError, or a file that is not DuckDB
                raise StoreOpenError(str(e)) from e

    def _open(self, wait: float | None = None) -> Any:
        from onrecord.corpus import access
        from onrecord.corpus.store import Store

        return Store(str(self.path), read_only=True,
                     wait=access.READER_WAIT if wait is None else wait)

    @property
    def available(self) -> bool:
        return self.path is not None

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return self._with_store(lambda store: getattr(store, method)(*args, **kwargs))

    def _with_store(self, fn: Any) -> Any:
        """`fn(store)` on the store opened for this call alone."""
        if self.path is None:
            raise NoStore()
        with self._lock, self._open() as store:  # one DuckDB connection at a time
            return fn(store)

    def quotes_page(self, *, limit: int, offset: int, **filters: Any
                    ) -> tuple[list[dict[str, Any]], int]:
        """A page of quotes and their total, read from one state of the store (one open; a
        word search's hits found once for both)."""
        return self._with_store(lambda s: (s.quotes(**filters, limit=limit, offset=offset),
                                           int(s.count_quotes(**filters))))

    def speakers(self, **kw: Any) -> list[dict[str, Any]]:
        return self._call("speakers", **kw)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self._call("article", article_id)

    def statements(self, **filters: Any) -> list[dict[str, Any]]:
        return self._call("statements", **filters)

    def statement(self, sid: str) -> dict[str, Any] | None:
        return self._call("statement", sid)

    def trace(self, words: str) -> dict[str, Any] | None:
        return self._call("trace", words)

    def statement_ids(self, article_ids: list[str]) -> dict[tuple[str, int], str]:
        return self._call("statement_ids", article_ids)

    def summary(self) -> dict[str, Any]:
        """The store at a glance (corpus/summary.py)."""
        from onrecord.corpus.summary import summary

        return self._with_store(summary)

    def report(self, **kwargs: Any) -> Any:
        """The source-diversity report over the store (report/build.py)."""
        from onrecord.report.build import build_report

        return self._with_store(lambda store: build_report(store.con, **kwargs))

    def close(self) -> None:
        """Nothing stays open between calls."""
