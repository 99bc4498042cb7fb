"""The writer's DuckDB memory limit (fixed by the environment, or growing with what DuckDB
must hold), and what a run says when DuckDB stops writing (issue 15: a store that outgrew a
1 GB limit stopped at a checkpoint)."""
import duckdb
import pytest
from corpus_articles import story_text

from onrecord.corpus import memory, writer
from onrecord.corpus.dedup import signature
from onrecord.corpus.keys import result_key
from onrecord.corpus.memory import GB, STEP, MemoryLimit, parse_size, wanted
from onrecord.corpus.store import Item, Store
from onrecord.errors import StoreError, WriterStopped
from onrecord.model import Article, Entity, Quote, SpeakerRef


def _items(n):
    out = []
    for i in range(n):
        text = story_text(i)
        at = text.index(" ")
        ent = Entity("p1", "Alicia Moreno", "person", [], [], [[0, at]])
        q = Quote("direct", text[at + 1:at + 40], at + 1, at + 40,
                  SpeakerRef("p1", "Alicia Moreno", 0, at), confidence=0.9)
        art = Article(id=f"a{i}", text=text, entities=[ent], quotes=[q])
        out.append(Item(result_key(art), art, "t", signature(art.text)))
    return out


def _setting(con, name):
    return con.execute(f"SELECT current_setting('{name}')").fetchone()[0]


def test_sizes_are_read_in_the_units_duckdb_takes():
    assert parse_size("1GB") == GB and parse_size("512MB") == 512 << 20
    assert parse_size(" 3 gib ") == 3 * GB and parse_size("1.5GB") == 3 * GB // 2
    with pytest.raises(ValueError, match="not a memory size"):
        parse_size("lots")


def test_the_limit_grows_by_steps_only_when_pinned_memory_needs_it():
    assert wanted(pinned=100 << 20, limit=GB, cap=8 * GB) == GB
    grown = wanted(pinned=800 << 20, limit=GB, cap=8 * GB)
    assert grown >= 800 * 1.5 * 2**20 and grown % STEP == 0 and grown < 2 * GB
    assert wanted(pinned=10 * GB, limit=GB, cap=4 * GB) == 4 * GB
    assert wanted(pinned=0, limit=2 * GB, cap=4 * GB) == 2 * GB  # never shrinks


def test_the_environment_fixes_the_limit_else_it_starts_at_1gb(monkeypatch):
    monkeypatch.setenv("ONRECORD_WRITER_MEMORY", "3GB")
    fixed = MemoryLimit.from_env(start=5 * GB)
    assert (fixed.limit, fixed.fixed) == (3 * GB, True)
    monkeypatch.delenv("ONRECORD_WRITER_MEMORY")
    monkeypatch.setattr(memory, "machine_memory", lambda: 16 * GB)
    fresh = MemoryLimit.from_env()
    assert (fresh.limit, fresh.cap, fresh.fixed) == (GB, 8 * GB, False)
    assert MemoryLimit.from_env(start=3 * GB).limit == 3 * GB
    assert MemoryLimit.from_env(start=64 * GB).limit == 8 * GB


def test_a_writer_runs_under_the_limit_and_raises_it_when_duckdb_needs_more(tmp_path,
                                                                           monkeypatch):
    monkeypatch.delenv("ONRECORD_WRITER_MEMORY", raising=False)
    monkeypatch.setattr(memory, "machine_memory", lambda: 4 * GB)
    path = tmp_path / "s.duckdb"
    with Store(path) as st:
        assert _setting(st.con, "memory_limit") == _setting_of(GB)
        st.write(_items(2), [])
        assert st._w.memory.limit == GB  # a small store pins little
        monkeypatch.setattr(memory, "HEADROOM", 1e9)  # any pinned byte now needs the cap
        st.write(_items(4)[2:], [])
        assert st._w.memory.limit == 2 * GB
        assert _setting(st.con, "memory_limit") == _setting_of(2 * GB)
    monkeypatch.setattr(memory, "HEADROOM", 1.5)
    with Store(path) as st:  # the next run starts where this store's writer got to
        assert st._w.memory.limit == 2 * GB
        assert _setting(st.con, "memory_limit") == _setting_of(2 * GB)


def test_the_checkpoint_size_is_128mb_unless_the_environment_sets_one(tmp_path, monkeypatch):
    monkeypatch.delenv("ONRECORD_CHECKPOINT", raising=False)
    with Store(tmp_path / "a.duckdb") as st:
        assert _setting(st.con, "checkpoint_threshold") == _shown("checkpoint_threshold", "128MB")
    monkeypatch.setenv("ONRECORD_CHECKPOINT", "384MB")  # binary units, as ONRECORD_WRITER_MEMORY
    assert MemoryLimit.from_env().checkpoint == 384 << 20
    with Store(tmp_path / "b.duckdb") as st:
        assert _setting(st.con, "checkpoint_threshold") == _shown("checkpoint_threshold", "384MiB")
    monkeypatch.setenv("ONRECORD_CHECKPOINT", "often")
    with pytest.raises(ValueError, match="not a memory size: 'often'"):
        MemoryLimit.from_env()


def _setting_of(size):
    return _shown("memory_limit", f"{size // 2**20}MB")


def _shown(name, value):
    """How DuckDB shows setting `name` once set to `value` (its own units and rounding)."""
    con = duckdb.connect()
    try:
        con.execute(f"SET {name} = '{value}'")
        return _setting(con, name)
    finally:
        con.close()


@pytest.mark.parametrize("env", [None, "1GB"])
def test_a_fatal_duckdb_error_is_a_writer_stop_that_says_how_to_resume(tmp_path, monkeypatch,
                                                                       env):
    if env:
        monkeypatch.setenv("ONRECORD_WRITER_MEMORY", env)
    else:
        monkeypatch.delenv("ONRECORD_WRITER_MEMORY", raising=False)
        monkeypatch.setattr(memory, "machine_memory", lambda: 8 * GB)

    def fail(self, items, sightings):
        raise duckdb.FatalException("FATAL Error: Failed to create checkpoint because of error: "
                                    "failed to pin block of size 256.0 KiB\nPossible solutions")

    path = tmp_path / "s.duckdb"
    with Store(path) as st:
        monkeypatch.setattr(writer.Writer, "_write", fail)
        with pytest.raises(WriterStopped) as e:
            st.write([], [])
    msg = str(e.value)
    assert isinstance(e.value, StoreError)
    assert "failed to pin block" in msg and "run again to resume" in msg
    assert "Possible solutions" not in msg
    if env:
        assert "ONRECORD_WRITER_MEMORY" in msg
    else:
        assert "the next run gives DuckDB 1536MB" in msg
        monkeypatch.undo()
        monkeypatch.delenv("ONRECORD_WRITER_MEMORY", raising=False)
        monkeypatch.setattr(memory, "machine_memory", lambda: 8 * GB)
        with Store(path) as st:
            assert st._w.memory.limit == 1536 << 20
