"""onrecord: who said what, to whom, and when, in news text."""
from onrecord.model import Article, Cue, Entity, Failure, Quote, Repair, SpeakerRef
from onrecord.pipeline import Extractor, extract, extract_many

__all__ = [
    "Article", "Cue", "Entity", "Extractor", "Failure", "Quote", "Repair", "SpeakerRef",
    "extract", "extract_many",
]
__version__ = "0.1.0"
