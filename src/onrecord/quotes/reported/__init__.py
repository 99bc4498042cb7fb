"""Reported speech: indirect and mixed quotes hung on a cue verb, "according to X" or a claim
noun. `find_reported` (find.py) is the entry point; the rules are in construction families
(quotes/rules.Family), one module each: aside.py, passive.py, frame.py, content.py (cue.py
tries them in order), according.py and claim.py; speaker.py, clause.py and span.py hold what
they share, and said.py what a rule returns."""
from __future__ import annotations

from onrecord.quotes.reported.find import find_reported

__all__ = ["find_reported"]
