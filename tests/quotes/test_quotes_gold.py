"""Golden tests: one small written article per construction of issue 2, with its expected quotes.

Each `tests/gold/<construction>.txt` has a `<construction>.json` beside it (format in
tests/gold/README.md). Every problem found in one article is reported together, so a failing
case reads as a to-do list for that construction.
"""
from __future__ import annotations

import pytest

import onrecord
from goldcheck import CASES, GOLD, gold_problems, load_case, name_ok, norm


@pytest.mark.parametrize("name", CASES)
def test_gold_article(name: str) -> None:
    text, gold = load_case(name)
    art = onrecord.extract(text, id=name)
    problems = gold_problems(art, gold)
    if art.text != text:
        problems.insert(0, f"a clean article must come back unchanged; repairs: {art.repairs}")
    if problems:
        pytest.fail(f"{name}: {gold['about']}\n  - " + "\n  - ".join(problems), pytrace=False)


def test_gold_files_are_consistent() -> None:
    """The golden data itself: every expectation points at words that are in its article."""
    readme = (GOLD / "README.md").read_text(encoding="utf-8")
    assert len(CASES) >= 28
    for name in CASES:
        text, gold = load_case(name)
        assert gold["construction"] == name and f"`{name}`" in readme, name
        for exp in gold["quotes"]:
            assert exp["kind"] in ("direct", "mixed", "indirect"), (name, exp)
            for key in ("text_starts", "text_ends", "mention", "addressee"):
                if exp.get(key):
                    assert norm(exp[key]) in norm(text), (name, key, exp[key])
            if exp["cue"]:
                assert exp["cue"].lower() in text.lower(), (name, exp["cue"])
        for absent in gold.get("absent", []):
            assert absent in text, (name, absent)


def test_name_matching_rules() -> None:
    """The matcher used above is strict where it matters."""
    assert name_ok("Joly", "Melanie Joly") and name_ok("Ms. Joly", "Melanie Joly")
    assert not name_ok("Maria Kovac", "Daniel Kovac", strict=True)
    assert not name_ok("Kovac", "Daniel Kovac", strict=True)
    assert name_ok("Daniel", "Daniel Kovac", strict=True)
    assert name_ok("Gabriela and Annie", "Gabriela Ruiz and Annie Park")
    assert not name_ok("Gabriela Ruiz", "Gabriela Ruiz and Annie Park")
    assert name_ok("State Department", "the State Department")
    assert not name_ok("Castelano", "Irene Castellano")
    assert not name_ok(None, "Irene Castellano")
