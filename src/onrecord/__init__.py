"""onrecord: who said what, to whom, and when, in news text."""
from onrecord.errors import BadDate, BadInput, OnrecordError, StoreBusy, StoreError, StoreVersionError
from onrecord.model import Article, Cue, Entity, Explain, Failure, Quote, Repair, SpeakerRef
from onrecord.pipeline import Extractor, extract, extract_many

__all__ = [
    "Article", "BadDate", "BadInput", "Cue", "Entity", "Explain", "Extractor", "Failure", "OnrecordError",
    "Quote", "Repair", "SpeakerRef", "StoreBusy", "StoreError", "StoreVersionError", "extract",
    "extract_many",
]
__version__ = "0.1.0"
