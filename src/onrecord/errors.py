"""The errors onrecord raises: one base class, and the few kinds a caller tells apart."""
from __future__ import annotations


class OnrecordError(Exception):
    """Base class of every error onrecord raises on purpose."""


class BadInput(OnrecordError, ValueError):
    """An article that cannot be read (binary, empty, too long, no text in the page...)."""


class StoreError(OnrecordError):
    """A corpus store that cannot be opened or used as asked."""


class WriterStopped(StoreError):
    """DuckDB failed fatally while writing (out of memory, disk full): committed batches are
    kept, and a new run resumes after them."""


class StoreBusy(StoreError):
    """Another process holds the store open for writing."""


class StoreVersionError(StoreError):
    """The store was written by an onrecord with another schema version."""


class BadDate(BadInput):
    """A date that is not YYYY-MM-DD, YYYY-MM or YYYY (a record's `published`, --since...)."""


class BadArgument(OnrecordError, ValueError):
    """An option or parameter out of range (a negative --limit, a huge --offset, an export
    folder that already holds files...)."""
