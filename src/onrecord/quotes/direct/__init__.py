"""Direct quotes: quoted stretches and how each is attributed (find.py the entry point,
stretch.py a stretch in its sentence, attribution.py the DIRECT family, cue.py and
introduced.py what its rules read after and before the stretch)."""
from onrecord.quotes.direct.find import drop_titles, find_direct

__all__ = ["drop_titles", "find_direct"]
