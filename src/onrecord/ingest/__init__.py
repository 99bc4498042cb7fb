"""Readers and repairs: turn files, pages and records into clean article text."""
from onrecord.ingest.record import InputRecord

__all__ = ["InputRecord"]
