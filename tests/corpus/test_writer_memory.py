"""The writer's DuckDB memory limit, and what a run says when DuckDB stops writing (issue 15:
a store that outgrew a 1 GB limit stopped at a checkpoint)."""
import duckdb
import pytest

from onrecord.corpus import writer
from onrecord.corpus.store import Store
from onrecord.errors import StoreError, WriterStopped


def test_the_limit_follows_the_machine_or_the_environment(monkeypatch):
    monkeypatch.delenv("ONRECORD_WRITER_MEMORY", raising=False)
    default = writer.writer_memory()
    assert default.endswith("MB") and int(default[:-2]) >= 1024
    monkeypatch.setenv("ONRECORD_WRITER_MEMORY", "3GB")
    assert writer.writer_memory() == "3GB"


def test_a_fatal_duckdb_error_is_a_writer_stop_that_says_how_to_resume(tmp_path, monkeypatch):
    def fail(self, items, sightings):
        raise duckdb.FatalException("FATAL Error: Failed to create checkpoint because of error: "
                                    "failed to pin block of size 256.0 KiB\nPossible solutions")

    with Store(tmp_path / "s.duckdb") as st:
        monkeypatch.setattr(writer.Writer, "_write", fail)
        with pytest.raises(WriterStopped) as e:
            st.write([], [])
    msg = str(e.value)
    assert isinstance(e.value, StoreError)
    assert "failed to pin block" in msg and "run again to resume" in msg
    assert "ONRECORD_WRITER_MEMORY" in msg and "Possible solutions" not in msg
