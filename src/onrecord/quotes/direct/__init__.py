"""Direct quotes: quoted stretches and how each is attributed (find.py the entry point,
stretch.py a stretch in its sentence, attribution.py the DIRECT family, cue.py and
introduced.py what its rules read after and before the stretch)."""
from onrecord.quotes.direct.find import find_direct, settle_reported

__all__ = ["find_direct", "settle_reported"]
