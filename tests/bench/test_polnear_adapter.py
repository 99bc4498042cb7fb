"""The PolNeAR brat adapter and span scorer, on a tiny article written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

import eval_constructions
import eval_cues
import eval_spans
import polnear

TEXT = (
    "Mayor Ana Ruiz said on Monday that the new bridge would open in May.\n\n"
    "\"We are proud of this work,\" Ruiz said. \"It took four years.\"\n\n"
    "The council believes the cost will rise.\n\n"
    "He told reporters the budget was fine.\n"
)


def at(s: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of `s` in TEXT."""
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(s, i + 1)
    return i, i + len(s)


def ann_text() -> str:
    """A brat .ann for TEXT: three speech attributions, one belief, notes and a wrapped line."""
    q1, q2 = at('"We are proud of this work,"'), at('"It took four years."')
    rows = [
        ("T1", "Source", [at("Mayor Ana Ruiz")]), ("T2", "Cue", [at("said")]),
        ("T3", "Content", [at("that the new bridge would open in May")]),
        ("T4", "Attribution", [at("said")]),
        ("T5", "Source", [at("Ruiz", 1)]), ("T6", "Cue", [at("said", 1)]),
        ("T7", "Content", [q1, q2]), ("T8", "Attribution", [at("said", 1)]),
        ("T9", "Source", [at("The council")]), ("T10", "Cue", [at("believes")]),
        ("T11", "Content", [at("the cost will rise")]), ("T12", "Attribution", [at("believes")]),
        ("T13", "Source", [at("He")]), ("T14", "Cue", [at("told")]),
        ("T15", "Content", [at("the budget was fine")]), ("T16", "Attribution", [at("told")]),
    ]
    lines = []
    for ident, label, frags in rows:
        spec = ";".join(f"{a} {b}" for a, b in frags)
        lines.append(f"{ident}\t{label} {spec}\t{' '.join(TEXT[a:b] for a, b in frags)}")
    lines[6] += "\nwrapped continuation line of a span text"
    lines += [
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        "E3\tAttribution:T12 Source:T9 Cue:T10 Content:T11",
        "E4\tAttribution:T16 Cue:T14 Source:T13 Content:T15",
        "#1\tAnnotatorNotes T3\tchecked",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    base = tmp_path / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "paper_2016-01-01_bridge.txt").write_text(TEXT, encoding="utf-8")
    (base / "attributions" / "paper_2016-01-01_bridge_ab12.ann").write_text(ann_text(), "utf-8")
    # A second annotator who marked nothing: the loader must keep ab12 (first in sort order).
    (base / "attributions" / "paper_2016-01-01_bridge_zz99.ann").write_text("", "utf-8")
    return tmp_path


def onrecord_record(text: str = TEXT) -> dict:
    """What a perfect onrecord run on TEXT looks like in the record shape."""
    def q(kind, content, speaker, cue, nth_sp=0, nth_cue=0):
        s, e = at(content)
        ss, se = at(speaker, nth_sp)
        cs, ce = at(cue, nth_cue)
        return {"kind": kind, "text": content, "start": s, "end": e,
                "speaker": {"name": speaker, "start": ss, "end": se},
                "cue": {"text": cue, "start": cs, "end": ce}}
    return {"id": "x", "text": text, "quotes": [
        q("indirect", "the new bridge would open in May", "Mayor Ana Ruiz", "said"),
        q("direct", "We are proud of this work,", "Ruiz", "said", 1, 1),
        q("direct", "It took four years.", "Ruiz", "said", 1, 1),
        q("indirect", "the budget was fine", "He", "told"),
        # a belief the gold keeps out of scope: neither right nor wrong
        q("indirect", "the cost will rise", "The council", "believes"),
    ]}


def test_parse_reads_roles_fragments_and_speech(corpus: Path) -> None:
    docs = polnear.load_split("dev", corpus)
    assert [d.annotator for d in docs] == ["ab12"]
    attrs = docs[0].attributions
    assert [a.cue_text for a in attrs] == ["said", "said", "believes", "told"]
    assert [a.speech for a in attrs] == [True, True, False, True]
    assert attrs[1].content is not None and len(attrs[1].content) == 2
    assert TEXT[attrs[0].source[0][0]:attrs[0].source[0][1]] == "Mayor Ana Ruiz"


def test_perfect_run_scores_one_and_ignores_out_of_scope(corpus: Path) -> None:
    doc = polnear.load_split("dev", corpus)[0]
    res, _ = polnear.evaluate([doc], [onrecord_record()])
    for role in polnear.ROLES:
        s = res.roles[role]
        assert (s.gold, s.pred) == (3, 3), role
        assert s.prf("exact")[2] == 1.0 and s.prf("overlap")[2] == 1.0
    assert res.by_label["all"]["attributed"] == 3
    assert res.by_label["direct"]["n"] == 1 and res.by_label["indirect"]["n"] == 2
    assert res.by_label["source:pronoun"]["n"] == 1


def test_short_content_and_wrong_source_count_as_such(corpus: Path) -> None:
    doc = polnear.load_split("dev", corpus)[0]
    rec = onrecord_record()
    first = rec["quotes"][0]
    first["end"] -= len(" in May")  # boundary error: overlap but not exact
    sp = at("The council")
    rec["quotes"][3]["speaker"] = {"name": "The council", "start": sp[0], "end": sp[1]}
    res, per_doc = polnear.evaluate([doc], [rec])
    content = res.roles["content"]
    assert (content.overlap, content.exact) == (3, 2)
    assert res.roles["source"].overlap == 2
    kinds = {o.gold.cue_text + o.content: o.source_ok for o in per_doc[0].outcomes}
    assert kinds == {"saidoverlap": True, "saidexact": True, "toldexact": False}


def test_missing_and_spurious_attributions(corpus: Path) -> None:
    doc = polnear.load_split("dev", corpus)[0]
    span = at("Monday")
    rec = {"id": "x", "text": TEXT, "quotes": [
        {"kind": "indirect", "text": "Monday", "start": span[0], "end": span[1],
         "speaker": None, "cue": None}]}
    res, per_doc = polnear.evaluate([doc], [rec])
    assert res.roles["content"].pred == 1 and res.roles["content"].overlap == 0
    assert len(per_doc[0].false_pos) == 1
    assert all(o.content == "miss" for o in per_doc[0].outcomes)


def test_offsets_in_repaired_text_map_back() -> None:
    noisy = "JUNK LINE\n" + TEXT
    rec = onrecord_record()
    rec["text"] = TEXT  # the system removed the junk line; its offsets point into TEXT
    f = polnear.offset_mapper(TEXT, noisy)
    assert noisy[f(at("Ruiz", 1)[0]):f(at("Ruiz", 1)[1])] == "Ruiz"
    attrs = polnear.predicted(rec, noisy)
    a, b = attrs[0].source[0]
    assert noisy[a:b] == "Mayor Ana Ruiz"


def test_split_quote_sharing_a_cue_is_one_attribution() -> None:
    attrs = polnear.predicted(onrecord_record(), TEXT)
    assert len(attrs) == 4
    assert len(attrs[1].content) == 2


@pytest.mark.parametrize("cue,speech", [
    ("said", True), ("has said", True), ("according to", True), ("told", True),
    ("tweeted", True), ("wrote", True), ("replied", True), ("believes", False), ("wants", False),
    ("called for", False), ("urged", False), ("promised", False), (":", False), ("showed", False), ("think", False)])
def test_speech_cues(cue: str, speech: bool) -> None:
    assert eval_cues.is_speech(cue) is speech


@pytest.mark.parametrize("mention,kind", [
    ("he", "pronoun"), ("They", "pronoun"), ("Donald Trump", "named"), ("Clinton", "named"),
    ("the Trump campaign", "organisational"), ("The New York Post", "organisational"),
    ("FBI", "organisational"), ("a source", "nominal"), ("officials", "nominal"), (None, "none")])
def test_source_types(mention: str | None, kind: str) -> None:
    assert eval_constructions.source_type(mention) == kind


def test_kinds_follow_quotation_marks() -> None:
    text = 'He said "all of it is true" and that "some" was not.\n"Open quote runs on\n'
    regions = eval_constructions.quoted_regions(text)
    def span(s: str) -> eval_spans.Frags:
        i = text.index(s)
        return ((i, i + len(s)),)
    assert eval_constructions.kind_of(text, span('"all of it is true"'), regions) == "direct"
    assert eval_constructions.kind_of(text, span('that "some" was not'), regions) == "mixed"
    assert eval_constructions.kind_of(text, span("He said"), regions) == "indirect"
    assert eval_constructions.kind_of(text, span("Open quote runs on"), regions) == "direct"


def test_match_is_one_to_one_and_prefers_exact() -> None:
    g = [frozenset({1, 2, 3}), frozenset({10, 11})]
    p = [frozenset({1, 2, 3}), frozenset({2, 3}), frozenset({11, 12}), frozenset({50})]
    m = eval_spans.match(g, p, ignore=[frozenset({50, 51})])
    assert sorted(m.pairs) == [(0, 0), (1, 2)]
    assert m.exact == {(0, 0)}
    assert m.ignored_pred == {3}
    score, _ = eval_spans.score_role(g, p, [frozenset({50})])
    assert (score.gold, score.pred, score.exact, score.overlap) == (2, 3, 1, 2)


def test_test_split_refuses_error_listing() -> None:
    with pytest.raises(SystemExit):
        polnear.main(["--split", "test", "--errors", "3"])


def test_cueless_second_half_joins_its_speakers_attribution(corpus: Path) -> None:
    doc = polnear.load_split("dev", corpus)[0]
    rec = onrecord_record()
    second = rec["quotes"][2]  # "It took four years." as onrecord gives it: no cue, no mention
    second["cue"] = None
    second["speaker"] = {"id": "p1", "name": "Ruiz", "start": None, "end": None}
    rec["quotes"][1]["speaker"]["id"] = "p1"
    attrs = polnear.predicted(rec, TEXT)
    assert len(attrs) == 4 and len(attrs[1].content) == 2
    res, _ = polnear.evaluate([doc], [rec])
    assert res.roles["content"].exact == 3 and res.roles["content"].pred == 3


def test_error_report_names_boundary_miss_and_source_errors(corpus: Path) -> None:
    import eval_errors

    doc = polnear.load_split("dev", corpus)[0]
    rec = onrecord_record()
    rec["quotes"][0]["end"] -= len(" in May")  # content cut short at its end
    del rec["quotes"][3]  # "He told reporters ..." missed
    rec["quotes"][1]["speaker"] = {"name": "council", "start": at("council")[0],
                                   "end": at("council")[1]}
    _, per_doc = polnear.evaluate([doc], [rec])
    text = eval_errors.report([doc], per_doc, 1)
    assert "## boundary indirect/pred too short (end): 1" in text
    assert "## missed indirect/cue 'told': 1" in text
    assert "## wrong-source source:named/other source: 1" in text


def test_open_quote_paragraph_joins_the_attribution_that_closes_it() -> None:
    text = ("\u201cWe start today,\u201d Ruiz said.\n\n"
            "\u201cThe first crews arrive at dawn and the work goes on all year.\n\n"
            "\u201cThe bridge opens in May,\u201d she said.\n")
    def q(s: str, cue: str | None, nth: int = 0) -> dict:
        i = text.index(s)
        c = None
        if cue:
            ci = text.index(cue, i)
            c = {"text": cue, "start": ci, "end": ci + len(cue)}
        return {"kind": "direct", "text": s, "start": i, "end": i + len(s), "cue": c,
                "speaker": {"id": "p1", "name": "Ruiz", "start": None, "end": None}}
    rec = {"text": text, "quotes": [
        q("We start today,", "said"),
        q("The first crews arrive at dawn and the work goes on all year.", None),
        q("The bridge opens in May,", "she said")]}
    attrs = polnear.predicted(rec, text)
    assert [len(a.content) for a in attrs] == [1, 2]
    assert text[attrs[1].content[0][0]:].startswith("The first crews")
    # the same paragraph closed by its own mark continues the earlier attribution instead
    closed = text.replace("all year.\n", "all year.\u201d\n")
    rec2 = {"text": closed, "quotes": [dict(x) for x in rec["quotes"]]}
    shift = 1
    rec2["quotes"][2] = {**rec2["quotes"][2], "start": rec2["quotes"][2]["start"] + shift,
                         "end": rec2["quotes"][2]["end"] + shift,
                         "cue": {**rec2["quotes"][2]["cue"],
                                 "start": rec2["quotes"][2]["cue"]["start"] + shift,
                                 "end": rec2["quotes"][2]["cue"]["end"] + shift}}
    attrs2 = polnear.predicted(rec2, closed)
    assert [len(a.content) for a in attrs2] == [2, 1]


def test_error_report_tells_a_merged_attribution_from_a_missed_one(corpus: Path) -> None:
    import eval_errors

    doc = polnear.load_split("dev", corpus)[0]
    rec = onrecord_record()
    told = rec["quotes"][3]
    told["cue"] = dict(rec["quotes"][0]["cue"])  # given the first attribution's cue: merged
    _, per_doc = polnear.evaluate([doc], [rec])
    text = eval_errors.report([doc], per_doc, 1)
    assert "found, but merged into another attribution: 1" in text
