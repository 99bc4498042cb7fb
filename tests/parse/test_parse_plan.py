"""Which sentences the entity recogniser and the parser read, and that what they skip
changes no quote: names introduced outside speech are still found, by full name or by a
word of a name given elsewhere in the article."""
from onrecord.model import Article
from onrecord.parse.paragraphs import build_paragraphs, name_words, plan
from onrecord.parse.parser import parse_articles

TEXT = ("Tamsin Orrell runs the bakery on Mill Lane.\n\n"
        "The oven broke on a wet morning and the flour ran out by noon.\n\n"
        "Orrell had seen it coming for weeks.\n\n"
        "“We lost a whole day of bread,” she said.")


def sentences_of(text: str):
    names = name_words(text)
    return [(text[s.start:s.end], s.speech, s.names)
            for p in build_paragraphs(text, []) for s in plan(text, p, names)]


def test_plan_marks_speech_and_names():
    got = sentences_of(TEXT)
    assert got[0] == ("Tamsin Orrell runs the bakery on Mill Lane.", False, True)  # full name
    assert got[1][1:] == (False, False)  # no name, no speech: neither model reads it
    assert got[2][1:] == (False, True)   # a word of a name given elsewhere
    assert got[3][1] is True             # quotation marks


def test_name_words_leave_out_common_words():
    words = name_words("In Leeds the mayor met Ana Ruiz. The Prime Minister spoke.")
    assert {"Ana", "Ruiz", "Leeds", "Prime", "Minister"} <= words
    assert "In" not in words and "The" not in words


def test_unread_sentences_keep_their_words_without_a_parse(extractor):
    article = Article(id="t", text=TEXT)
    pieces = parse_articles(extractor.nlp, [article], pos=extractor.pos)[id(article)]
    by_text = {TEXT[p.start:p.end]: p for p in pieces}
    plain = by_text["The oven broke on a wet morning and the flour ran out by noon."]
    assert not plain.parsed and [t.text for t in plain.doc][:2] == ["The", "oven"]
    assert list(plain.doc.ents) == []
    first = by_text["Tamsin Orrell runs the bakery on Mill Lane."]
    assert first.parsed and ("Tamsin Orrell", "PERSON") in [(e.text, e.label_) for e in first.doc.ents]
    assert [p.start for p in pieces] == sorted(p.start for p in pieces)


def test_pronoun_reaches_a_person_named_outside_speech(extractor):
    (out,) = list(extractor.pipe([{"id": "t", "text": TEXT}]))
    assert [(q.text, q.speaker.name) for q in out.quotes] == \
        [("We lost a whole day of bread,", "Tamsin Orrell")]


def test_same_quotes_as_parsing_everything(extractor):
    from onrecord.pipeline import Extractor

    text = TEXT + ("\n\nThe shop reopened on Friday. Its regulars queued in the rain.\n\n"
                   "“It felt like a holiday,” said Dev Marlow, who lives across the road.")
    everything = Extractor(nlp=extractor.nlp, parse_all=True)
    fast, full = (list(x.pipe([{"id": "t", "text": text}]))[0] for x in (extractor, everything))
    assert [(q.start, q.end, q.speaker.name) for q in fast.quotes] == \
        [(q.start, q.end, q.speaker.name) for q in full.quotes]
    assert len(fast.quotes) == 2
