"""Grouping quotes into statements: repeats, truncations, extensions, variants, speakers apart."""
from __future__ import annotations

from onrecord.statements.group import Grouper, Member
from onrecord.statements.relate import Relation, relate
from onrecord.statements.view import describe
from onrecord.statements.words import quoted_words, words

WORDS = "We will rebuild every bridge on the river before the winter floods arrive"


def member(article: str, text: str, speaker: str | None = "ana-ruiz", *, kind: str = "direct",
           published: str | None = "2024-03-02", order: int = 0, outlet: str = "a") -> Member:
    return Member(article, 0, kind, text, speaker, published, order, outlet=outlet)


def test_words_ignore_case_and_punctuation():
    assert words("“We WILL rebuild — every bridge!”") == ("we", "will", "rebuild", "every",
                                                           "bridge")


def test_mixed_quote_groups_by_its_quoted_fragments():
    ws = quoted_words("mixed", 'She said the plan was "a disgrace to the town" and "a waste"')
    assert ws == ("a", "disgrace", "to", "the", "town", "a", "waste")


def test_relations():
    full = words(WORDS)
    assert relate(full, words(WORDS.upper() + "!")) is Relation.SAME
    assert relate(words("rebuild every bridge on the river"), full) is Relation.PART
    assert relate(full, words("rebuild every bridge on the river")) is Relation.WHOLE
    altered = words(WORDS.replace("every", "each"))
    assert relate(altered, full) is Relation.VARIANT
    assert relate(words("the river"), full) is Relation.NONE  # too short to be a part
    assert relate(words("The council met on Tuesday to discuss the budget"), full) \
        is Relation.NONE


def test_repeats_truncations_and_variants_join_one_statement():
    g = Grouper()
    ids = {g.add(member("a1", WORDS + ".", published="2024-03-03", order=0, outlet="a")),
           g.add(member("a2", WORDS.lower(), published="2024-03-01", order=1, outlet="b")),
           g.add(member("a3", "rebuild every bridge on the river", order=2, outlet="c")),
           g.add(member("a4", WORDS.replace("every", "each"), order=3, outlet="c"))}
    assert len(ids) == 1
    st = describe(g.get(ids.pop()))
    assert st["n_articles"] == 4 and st["n_outlets"] == 3
    assert st["first_seen"]["article_id"] == "a2"  # earliest date, not first read
    kinds = {v["article_id"]: v["truncation"] for v in st["variants"]}
    assert kinds == {"a3": True, "a4": False}
    a4 = next(v for v in st["variants"] if v["article_id"] == "a4")
    assert a4["diff"] == [{"op": "replace", "before": "every", "after": "each"}]


def test_extension_becomes_the_statement_text_and_keeps_the_first_id():
    g = Grouper()
    first = g.add(member("a1", "rebuild every bridge on the river"))
    second = g.add(member("a2", WORDS))
    assert first == second
    assert g.get(first).text == WORDS


def test_two_speakers_never_join():
    g = Grouper()
    a = g.add(member("a1", WORDS, speaker="ana-ruiz"))
    b = g.add(member("a2", WORDS, speaker="tom-ng"))
    assert a != b


def test_unnamed_copy_joins_the_one_named_speaker_and_is_counted_in_confidence():
    g = Grouper()
    a = g.add(member("a1", WORDS, speaker="ana-ruiz"))
    b = g.add(member("a2", WORDS, speaker=None))
    assert a == b
    st = g.get(a)
    assert st.speaker == "ana-ruiz" and st.speaker_confidence == 0.5


def test_unnamed_copy_of_words_two_speakers_said_stays_apart():
    g = Grouper()
    a = g.add(member("a1", WORDS, speaker="ana-ruiz"))
    b = g.add(member("a2", WORDS, speaker="tom-ng"))
    c = g.add(member("a3", WORDS, speaker=None))
    assert len({a, b, c}) == 3


def test_undated_articles_rank_after_dated_ones():
    g = Grouper()
    sid = g.add(member("a1", WORDS, published=None, order=0))
    g.add(member("a2", WORDS, published="2030-01-01", order=1))
    assert describe(g.get(sid))["first_seen"]["article_id"] == "a2"


def test_reported_and_quoted_words_group_apart():
    g = Grouper()
    a = g.add(member("a1", WORDS))
    b = g.add(member("a2", WORDS, kind="indirect"))
    assert a != b


def test_a_bridging_quote_merges_two_statements_and_old_ids_still_resolve():
    g = Grouper()
    a = g.add(member("a1", "we will rebuild every bridge on the river"))
    b = g.add(member("a2", "every bridge on the river before the winter floods arrive"))
    assert a != b
    c = g.add(member("a3", WORDS))
    assert c == a and g.get(b) is g.get(a)
    assert len(g.get(a).members) == 3 and g.get(a).text == WORDS


def test_every_cut_of_five_words_shares_a_stored_key_with_a_long_quote():
    from onrecord.statements.runs import key_of, stored_keys
    from onrecord.statements.words import shingles

    long = words(WORDS + " and the old ferry will stop running when it opens in the spring")
    kept = stored_keys(long)
    assert len(kept) < len(shingles(long))  # not every run is stored
    for i in range(len(long) - 4):
        cut = long[i:i + 5]
        assert {key_of(r) for r in shingles(cut)} & kept, cut
