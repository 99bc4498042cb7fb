"""One error base class; the kinds a caller tells apart."""
from __future__ import annotations

import duckdb
import pytest

import onrecord
from onrecord.corpus.store import Store


def test_every_error_is_an_onrecord_error() -> None:
    for cls in (onrecord.BadInput, onrecord.StoreError, onrecord.StoreBusy,
                onrecord.StoreVersionError):
        assert issubclass(cls, onrecord.OnrecordError)
    assert issubclass(onrecord.BadInput, ValueError)  # callers that caught ValueError still do
    assert issubclass(onrecord.StoreBusy, onrecord.StoreError)


def test_unreadable_input_is_bad_input(extractor) -> None:
    with pytest.raises(onrecord.BadInput, match="empty article"):
        extractor.extract("   ")


def test_a_store_of_another_schema_version_is_refused(tmp_path) -> None:
    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE store_meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(onrecord.StoreVersionError, match="schema version 0"):
        Store(path, read_only=True)
