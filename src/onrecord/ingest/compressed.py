"""Zstandard streams that say when they are cut short (zstandard's own reader stops quietly)."""
from __future__ import annotations

import io
from typing import IO

CHUNK = 1 << 16


class ZstdReader(io.RawIOBase):
    """A readable, frame-by-frame decompressing view of a .zst stream.

    Raises EOFError when the input ends inside a frame (a truncated file).
    """

    def __init__(self, raw: IO[bytes]) -> None:
        import zstandard

        self._zstd = zstandard
        self._raw = raw
        self._dobj = zstandard.ZstdDecompressor().decompressobj()
        self._buf = b""
        self._started = False  # bytes of the current frame were fed

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buf:
            chunk = self._raw.read(CHUNK)
            if not chunk:
                if self._started and not self._dobj.eof:
                    raise EOFError("zstd stream ended inside a frame (file truncated)")
                return 0
            self._feed(chunk)
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n

    def _feed(self, chunk: bytes) -> None:
        while chunk:
            self._started = True
            self._buf += self._dobj.decompress(chunk)
            if not self._dobj.eof:
                return
            chunk = self._dobj.unused_data  # the next frame, if any
            self._dobj = self._zstd.ZstdDecompressor().decompressobj()
            self._started = False

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_zstd(raw: IO[bytes]) -> IO[bytes]:
    """A buffered reader (with readline) over the decompressed content of `raw`."""
    return io.BufferedReader(ZstdReader(raw))
