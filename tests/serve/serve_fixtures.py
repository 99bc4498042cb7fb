"""Fixtures for the serve tests, imported by each test module (no conftest.py here: another
conftest.py in tests/ would shadow the root one for `from conftest import ...`).

Each server starts once per session however many modules import the fixture."""
from __future__ import annotations

from typing import Any

import pytest
from serve_helpers import ARTICLES, PUBLISHED, ServeProcess

MAX_BODY = 1024 * 1024
_started: dict[str, Any] = {}


def _once(request: pytest.FixtureRequest, key: str, start: Any) -> Any:
    """Start `key` on first use and stop it when the session ends."""
    if key not in _started:
        _started[key] = start()
        stop = getattr(_started[key], "stop", None)

        def finish() -> None:
            obj = _started.pop(key)
            if stop is not None:
                obj.stop()

        request.addfinalizer(finish)  # a session-scoped fixture: runs at session end
    return _started[key]


@pytest.fixture(scope="session")
def server(request):
    """`onrecord serve` with no store and a 1MB body limit."""
    return _once(request, "server", lambda: ServeProcess("--max-body", "1MB"))


@pytest.fixture(scope="session")
def store_path(request, tmp_path_factory, extractor):
    """A real DuckDB store holding the test articles, as extracted by the library."""

    def build():
        from onrecord.corpus.store import Store

        path = tmp_path_factory.mktemp("store") / "quotes.duckdb"
        records = [{"id": k, "text": v, "published": PUBLISHED[k]} for k, v in ARTICLES.items()]
        with Store(path) as store:
            store.add(extractor.pipe(records))
        return path

    return _once(request, "store_path", build)


@pytest.fixture(scope="session")
def store_server(request, store_path):
    return _once(request, "store_server", lambda: ServeProcess("--store", str(store_path)))
