"""Confidence of a quote by how it was found and how its speaker was named."""
from __future__ import annotations

# Confidence by how the quote and its speaker were found (calibrated on the dev articles;
# the unresolved, object and headline rows are set below the rows they weaken, by hand).
CONFIDENCE = {
    ("direct", "name"): 0.95, ("direct", "pronoun"): 0.88, ("direct", "title"): 0.85,
    ("direct", "source"): 0.85, ("colon", "name"): 0.85, ("colon", "pronoun"): 0.75,
    ("continuation", "carry"): 0.8, ("transcript", "name"): 0.85,
    ("indirect", "name"): 0.85, ("indirect", "pronoun"): 0.78, ("indirect", "title"): 0.78,
    ("indirect", "source"): 0.75, ("according", "name"): 0.85, ("according", "source"): 0.8,
    ("direct", "unresolved"): 0.5, ("indirect", "unresolved"): 0.4, ("object", "name"): 0.6,
    ("object", "pronoun"): 0.55, ("object", "title"): 0.55, ("object", "source"): 0.5,
    ("headline", "name"): 0.7, ("headline", "source"): 0.6,
}
