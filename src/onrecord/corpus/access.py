"""Who may use a store file when: one writer (a lock file it holds for its whole run) and
readers that get in between the writer's batches.

DuckDB lets one process hold a file read-write, or any number hold it read-only, never both.
A reader that finds the file held leaves a note in STORE.readers/ and retries; the writer
looks for notes after each committed batch and whenever it waits for input or workers (`Door`);
while there are any, it closes the file (its last batch committed and checkpointed) until they
are gone. So a reader sees the store as of the last committed batch, and a run pays nothing
while nobody reads."""
from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from onrecord.errors import StoreBusy

# How long a reader waits for a running writer to let it in (seconds; `--wait` changes it).
READER_WAIT = 30.0
# How long a writer that let readers in waits for them before it goes on anyway.
WRITER_PATIENCE = 60.0
POLL = 0.05


def notes_dir(store: Path) -> Path:
    return Path(f"{store}.readers")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ReaderNote:
    """A reader's note asking the writer to let it in (removed on close)."""

    def __init__(self, store: Path) -> None:
        self.path: Path | None = None
        d = notes_dir(store)
        with contextlib.suppress(OSError):
            d.mkdir(exist_ok=True)
            p = d / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
            p.touch()
            self.path = p

    def close(self) -> None:
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self.path = None


def readers_waiting(store: Path) -> bool:
    """Whether a live reader left a note (notes of dead processes are removed)."""
    d = notes_dir(store)
    try:
        names = os.listdir(d)
    except OSError:
        return False
    live = False
    for n in names:
        pid = n.split("-", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            live = True
        else:
            with contextlib.suppress(OSError):
                os.unlink(d / n)
    return live


class WriterLock:
    """The lock a writer holds on STORE.lock for its whole life (a second writer is refused
    even while the first has let readers into the DuckDB file)."""

    def __init__(self, store: Path) -> None:
        self.path = Path(f"{store}.lock")
        self.file: IO[str] | None = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115
        try:
            fcntl.flock(self.file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.file.seek(0)
            pid = self.file.read().strip() or "another process"
            self.file.close()
            self.file = None
            who = f"process {pid}" if pid.isdigit() else pid
            raise StoreBusy(
                f"store {store} is in use by {who} (an `onrecord run` writing to it); wait for "
                "it to finish (run --wait), or use another --store") from None
        self.file.seek(0)
        self.file.truncate()
        self.file.write(str(os.getpid()))
        self.file.flush()

    def release(self) -> None:
        if self.file is not None:
            fcntl.flock(self.file.fileno(), fcntl.LOCK_UN)
            self.file.close()
            self.file = None


def deadline(seconds: float) -> float:
    return time.monotonic() + max(0.0, seconds)


class Door:
    """Lets readers in while a run waits (for input, or for its workers) instead of only at the
    end of a batch: a thread watches for notes and, when the writer is not using the store,
    calls `let_in`. The writer wraps each use of the store in `using()`."""

    def __init__(self, waiting: Callable[[], bool], let_in: Callable[[], bool],
                 every: float = 0.2) -> None:
        self._waiting, self._let_in, self._every = waiting, let_in, every
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._watch, name="onrecord-door", daemon=True)
        self._thread.start()

    @contextlib.contextmanager
    def using(self) -> Iterator[None]:
        """Hold the store for the writer (waits while readers are let in)."""
        with self._lock:
            if self._error is not None:
                raise self._error
            yield

    def _watch(self) -> None:
        while not self._stop.wait(self._every):
            if not self._waiting() or not self._lock.acquire(blocking=False):
                continue
            try:
                self._let_in()
            except BaseException as e:  # raised to the writer at its next use of the store
                self._error = e
                return
            finally:
                self._lock.release()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
