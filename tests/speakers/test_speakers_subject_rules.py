"""The speaker of a cue verb (speakers/subject.py): the SUBJECT and CLIMB families. Each row is
a sentence written for a rule, the rules that lead to the speaker ("climb.head+subject.
grammatical": the climbs, then the rule that gives the token) and the speaker, read through the
public pipeline (`explain`: `speaker.subject_rule`). A row with no speaker is a rule that
decides there is none: it is read from what the rules decided while the pipeline ran. A
meta-test fails for a rule with no row."""
from __future__ import annotations

import pytest

from onrecord.speakers import subject
from onrecord.speakers.subject import CLIMB, SUBJECT

# (sentence, rules, speaker's name or None)
SUBJECT_ROWS = [
    ("The minister is said to be furious about the leak.", "subject.passive_no_speaker", None),
    ("It is fair to say that the pier needs work.", "climb.head+subject.expletive", None),
    ("The plan was backed by Senator Paul Grant, who said it would create jobs.",
     "subject.relative_pronoun", "Paul Grant"),
    ("Neither has won a state and Whitfield suggested the count was wrong.",
     "subject.coordinated_person", "Whitfield"),
    ("On Monday the mayor was pushed into an apology and said her remarks had been misread.",
     "climb.head+subject.passive_conjunct", "the mayor"),
    ("Mayor Dana Whitfield said the bridge would open in June.", "subject.grammatical",
     "Dana Whitfield"),
]
CLIMB_ROWS = [
    ("The coach began by saying the team had let the fans down.",
     "climb.preposition+subject.grammatical", "The coach"),
    ("Asked whether the pier would reopen, the mayor said it would.", "climb.bare_participle",
     None),
    ("The committee forced the chief executive to admit that the accounts were wrong.",
     "climb.forced_object", "the chief executive"),
    ("There was Dana Whitfield telling reporters the pier was safe.", "climb.named_participle",
     "Dana Whitfield"),
    ("The port authority issued a statement saying the pier would stay shut.",
     "climb.document_issuer", "The port authority"),
    ("The documentary showed Mr Halvorsen, a fisherman, telling the council the harbour was unsafe.",
     "climb.depicted_person", "Halvorsen"),
    ("The council said the pier would close, adding that repairs would take a year.",
     "climb.governing_cue+subject.grammatical", "The council"),
    ("The mayor left early and the council stayed, and said the vote was unfair.",
     "climb.conjunct+subject.grammatical", "the council"),
    ("Whitfield said repairs were planned but stressed that the work would wait.",
     "climb.earlier_cue+subject.grammatical", "Whitfield"),
    ("Grant stood up and said the vote was rigged.", "climb.head+subject.grammatical", "Grant"),
    ("He was the first official to say the pier was unsafe.", "climb.relative_clause",
     "the first official"),
]
ROWS = SUBJECT_ROWS + CLIMB_ROWS
SPEAKER_ROWS = [r for r in ROWS if r[2] is not None]
NOBODY_ROWS = [r[:2] for r in ROWS if r[2] is None]


@pytest.mark.parametrize(("sentence", "rules", "speaker"), SPEAKER_ROWS,
                         ids=[r[1] for r in SPEAKER_ROWS])
def test_the_rules_find_the_speaker(extractor, sentence: str, rules: str, speaker: str) -> None:
    quotes = extractor.extract(sentence).to_dict(explain=True)["quotes"]
    got = [(q["explain"]["speaker"]["subject_rule"], q["speaker"]["name"]) for q in quotes
           if q["speaker"] is not None]
    assert (rules, speaker) in got, got


@pytest.fixture
def traces(monkeypatch):
    """Every (rules, speaker token) the families gave while the pipeline ran."""
    seen: list[tuple[tuple[str, ...], object]] = []
    real = subject.trace

    def record(v):
        out = real(v)
        seen.append(out)
        return out

    monkeypatch.setattr(subject, "trace", record)
    return seen


@pytest.mark.parametrize(("sentence", "rules"), NOBODY_ROWS, ids=[r[1] for r in NOBODY_ROWS])
def test_the_rule_decides_there_is_no_speaker(extractor, traces, sentence: str, rules: str,
                                              ) -> None:
    quotes = extractor.extract(sentence).to_dict(explain=True)["quotes"]
    assert (tuple(rules.split("+")), None) in traces, traces
    assert not [q for q in quotes if q["speaker"] is not None
                and q["explain"]["speaker"]["subject_rule"] == rules]


def test_the_subject_rule_is_shown_by_explain(extractor) -> None:
    q = extractor.extract("Grant stood up and said the vote was rigged.").quotes[0]
    assert q.explain is not None and q.explain.speaker is not None
    assert q.explain.speaker.subject_rule == "climb.head+subject.grammatical"


def test_every_rule_of_both_families_has_a_row() -> None:
    names = SUBJECT.names() + CLIMB.names()
    assert len(names) == len(set(names))
    assert {n for _, rules, _ in ROWS for n in rules.split("+")} <= set(names), \
        "rows name rules no family has"
    # A SUBJECT row ends with its rule (what the climbs led to); a CLIMB row starts with it.
    assert {rules.split("+")[-1] for _, rules, _ in SUBJECT_ROWS} == set(SUBJECT.names())
    assert {rules.split("+")[0] for _, rules, _ in CLIMB_ROWS} == set(CLIMB.names())
