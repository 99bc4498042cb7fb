"""The model's layers multiply through numpy's BLAS (not BLIS) on one thread while it runs, give
the same quotes as with BLIS, and hand the caller's thread setting back."""
from __future__ import annotations

import pytest
from threadpoolctl import ThreadpoolController

from onrecord.parse.blas import one_thread, use_numpy_blas
from onrecord.pipeline import Extractor, load_nlp

TEXT = ("Marisol Quenby, who chairs the harbour board, said the ferry would run again in May.\n\n"
        "“We have fixed the ramp and trained two new crews,” Quenby told reporters on Friday.\n\n"
        "Dock workers said they had not been paid for the weeks the ferry was idle.")


def _layer_ops(nlp):
    return {type(node.ops).__name__ + ("/blis" if getattr(node.ops, "use_blis", False) else "")
            for _, pipe in nlp.pipeline if hasattr(pipe, "model") for node in pipe.model.walk()}


def test_loaded_model_uses_numpy_blas(extractor):
    assert _layer_ops(extractor.nlp) == {"NumpyOps"}


def test_blis_on_request(monkeypatch):
    monkeypatch.setenv("ONRECORD_BLAS", "blis")
    nlp = load_nlp()
    assert _layer_ops(nlp) == {"NumpyOps/blis"}
    assert use_numpy_blas(nlp) is False


def test_same_quotes_with_either_library(extractor, monkeypatch):
    monkeypatch.setenv("ONRECORD_BLAS", "blis")
    with_blis = Extractor(load_nlp()).extract(TEXT)
    with_numpy = extractor.extract(TEXT)
    assert with_numpy.to_dict() == with_blis.to_dict()
    assert len(with_numpy.quotes) == 3
    assert {q.speaker.name for q in with_numpy.quotes if q.speaker} == \
        {"Marisol Quenby", "Dock workers"}


def test_one_thread_restores_the_callers_setting():
    ctl = ThreadpoolController()

    def threads():
        return {lib["num_threads"] for lib in ctl.info() if lib["user_api"] == "blas"}

    before = threads()
    if not before:
        pytest.skip("numpy was built without a BLAS threadpoolctl can see")
    with one_thread():
        inside = threads()
    assert inside == {1}
    assert threads() == before
