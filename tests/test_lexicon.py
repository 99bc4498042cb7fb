"""The lexicon: every word list lives in onrecord/lexicon/, and its lists agree with each other."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from onrecord.lexicon.people import (
    COURTESY_TITLES,
    FEMALE_TITLES,
    HONORIFICS,
    HONORIFICS_FOR_KEYS,
    HONORIFICS_FOR_TYPO_CHECK,
    MALE_TITLES,
)
from onrecord.lexicon.speech import (
    CLAUSE_TAKERS,
    COLON_CUES,
    HEADLINE_CUES,
    NP_TAKERS,
    REQUEST_CUES,
    SPEECH_FORMS,
    SPEECH_VERBS,
    WH_TAKERS,
    _regular_forms,
)

SRC = Path(__file__).resolve().parent.parent / "src" / "onrecord"
WORD = re.compile(r"[^\W\d_]+(?:['’.&\- ][^\W\d_]+)*")
# Module-level tuples of names that are no words read in text: record fields and table names.
NOT_WORD_LISTS = {
    ("corpus/export.py", "TABLES"),
    ("corpus/rows.py", "OUTLET_KEYS"),
    ("statements/backfill.py", "_QUOTE_COLUMNS"),   # column names
    ("statements/backfill.py", "_ARTICLE_COLUMNS"),
    ("ingest/html.py", "META_KEYS"),
    ("ingest/html.py", "BLOCK_TAGS"),   # HTML tag names
    ("ingest/html.py", "HIDDEN_TAGS"),
    ("ingest/jsonl.py", "META_KEYS"),
}


def _strings(node: ast.expr) -> list[str]:
    """The string items of a tuple/set literal, or of frozenset/set/tuple(literal or "a b".split())."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id in ("frozenset", "set", "tuple") and len(node.args) == 1:
        node = node.args[0]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr == "split" and isinstance(node.func.value, ast.Constant) and \
                isinstance(node.func.value.value, str):
            return node.func.value.value.split()
    if isinstance(node, (ast.Tuple, ast.Set)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


def test_the_check_sees_each_way_a_list_is_written():
    for code in ('X = ("he", "she", "they")', 'X = {"he", "she", "they"}',
                 'X = frozenset({"he", "she", "they"})', 'X = frozenset("he she they".split())'):
        assert _strings(ast.parse(code).body[0].value) == ["he", "she", "they"], code


def test_word_lists_live_in_the_lexicon():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("lexicon/"):
            continue
        for stmt in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(stmt, ast.Assign) and stmt.value is not None:
                targets, value = stmt.targets, stmt.value
            elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                targets, value = [stmt.target], stmt.value
            else:
                continue
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            words = [s for s in _strings(value) if WORD.fullmatch(s)]
            if len(words) >= 3 and not any((rel, n) in NOT_WORD_LISTS for n in names):
                found.append(f"{rel}:{stmt.lineno} {', '.join(names)}: {words[:4]} ...")
    assert not found, "word lists outside onrecord/lexicon/:\n" + "\n".join(found)


def test_every_form_of_a_speech_verb_is_a_speech_form():
    for lemma, irregular in SPEECH_VERBS.items():
        forms = irregular or _regular_forms(lemma)
        assert SPEECH_FORMS.get(lemma) == lemma, lemma
        for form in forms:
            assert form in SPEECH_FORMS, (lemma, form)
    assert SPEECH_FORMS["said"] == "say" and SPEECH_FORMS["stresses"] == "stress"
    assert SPEECH_FORMS["specified"] == "specify" and SPEECH_FORMS["argued"] == "argue"


def test_cue_lists_read_speech_verbs():
    assert all(f in SPEECH_FORMS for f in COLON_CUES)
    assert all(f.lower() in SPEECH_FORMS for f in HEADLINE_CUES)
    for lemmas in (CLAUSE_TAKERS, NP_TAKERS, WH_TAKERS, REQUEST_CUES):
        assert lemmas <= SPEECH_VERBS.keys()


def test_honorific_lists_derive_from_one_base():
    assert COURTESY_TITLES | MALE_TITLES | FEMALE_TITLES <= HONORIFICS
    assert HONORIFICS_FOR_TYPO_CHECK <= HONORIFICS
    assert {"hon"} == HONORIFICS_FOR_KEYS - HONORIFICS
