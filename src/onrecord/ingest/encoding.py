"""Decode the bytes of a text or HTML input: UTF-8 first, else a detected encoding, else an
error that says why."""
from __future__ import annotations

import codecs
import re

from onrecord.errors import BadInput

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Share of control bytes (other than tab, newline, carriage return, form feed) above which
# the input is treated as binary.
MAX_CONTROL_SHARE = 0.01
SNIFF_BYTES = 65536
# When charset-normalizer finds several code pages equally plausible (short Western text
# reads the same in cp1250, cp1252, cp1257...), the one the web uses most wins.
PREFERRED = ("cp1252", "latin_1", "iso8859_15")
CHAOS_TIE = 0.01


class DecodeError(BadInput):
    """The bytes are not text in any encoding onrecord can tell."""


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Text of `data`: BOM, then UTF-8, then the `declared` charset, then charset-normalizer."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc)
    if looks_binary(data):
        raise DecodeError("input looks binary (NUL or control bytes), not text")
    for cand in ("utf-8", declared):  # valid UTF-8 is almost never an accident
        if cand:
            try:
                return data.decode(cand)
            except (UnicodeDecodeError, LookupError):
                pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("cannot tell the text encoding (not UTF-8, and no other encoding "
                          "fits); convert the file to UTF-8")
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos + CHAOS_TIE]
    for m in tied:
        if m.encoding in PREFERRED:
            return str(m)
    return str(best)


def looks_binary(data: bytes) -> bool:
    """True for bytes with NULs or many control characters in their first 64 KiB."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and ctrl / len(head) > MAX_CONTROL_SHARE


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag of its first 4 KiB, if any."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
