"""Servers for the serve tests: one without a store, one over a store built from test articles."""
from __future__ import annotations

import pytest
from serve_helpers import ARTICLES, PUBLISHED, ServeProcess

MAX_BODY = 1024 * 1024


@pytest.fixture(scope="session")
def server():
    """`onrecord serve` with no store and a 1MB body limit."""
    srv = ServeProcess("--max-body", "1MB")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, extractor):
    """A real DuckDB store holding the test articles, as extracted by the library."""
    from onrecord.corpus.store import Store

    path = tmp_path_factory.mktemp("store") / "quotes.duckdb"
    records = [{"id": k, "text": v, "published": PUBLISHED[k]} for k, v in ARTICLES.items()]
    with Store(path) as store:
        store.add(extractor.pipe(records))
    return path


@pytest.fixture(scope="session")
def store_server(store_path):
    srv = ServeProcess("--store", str(store_path))
    yield srv
    srv.stop()
