"""Mojibake: UTF-8 decoded through the wrong code page, repaired with offsets.

Two passes: ftfy for UTF-8 read as Windows-1252/Latin-1 (`â€œ` -> `“`), configured to repair
encodings only (no quote straightening, no width/ligature/normalisation changes); then UTF-8
read as GBK or another East Asian code page (`鈥渂est鈥` -> `“best”`), which ftfy leaves alone.
"""
from __future__ import annotations

import re

import ftfy

from onrecord.ingest.edits import Edit

# ftfy restricted to encoding repairs: every cosmetic "fix" is off, so clean text is untouched.
FTFY_REPAIR_ONLY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
    fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
    remove_control_chars=False, normalization=None, explain=False)

# Code pages whose decoding of UTF-8 bytes turns up in scraped mirrors, most common first.
EAST_ASIAN_CODECS = ("gb18030", "big5", "shift_jis", "euc_kr")
# A run of characters such a misreading produces (CJK, kana, hangul, fullwidth, U+FFFD),
# optionally followed by the '?' a lossy decoder left for a byte it could not pair.
_EA_RUN = re.compile(
    r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\ufffd]+\??")
# Characters that show the decoded run was really Western text (punctuation, Latin letters).
_WESTERN = re.compile(r"[\u00a0-\u024f\u2000-\u206f\u20ac\u2122]")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufffd]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_TRUNCATED = b"\xe2\x80"  # a 3-byte punctuation sequence whose last byte was lost


def find_mojibake(text: str) -> list[Edit]:
    """Edits that repair Windows-1252 style mojibake (ftfy), line by line, minimal spans."""
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if not line.isascii():
            fixed = ftfy.fix_text(line, FTFY_REPAIR_ONLY)
            if fixed != line:
                line_edits = _diff_edits(line, fixed, pos)
                for e in line_edits:
                    old = text[e.start:e.end]
                    if e.after == "\u2020" and old.rstrip(" ").endswith("\u00e2\u20ac"):
                        # "â€" whose third byte was lost: ftfy reads "â€ " as a dagger
                        space = old[len(old.rstrip(" ")):]
                        e.after = _guess_lost(_fixed_prefix(text, pos, e, line_edits),
                                              space + text[e.end:pos + len(line)]) + space
                edits.extend(line_edits)
        pos += len(line) + 1
    return edits


def _fixed_prefix(text: str, pos: int, upto: Edit, edits: list[Edit]) -> str:
    """The line before `upto` with the earlier edits of the line applied."""
    out, cur = [], pos
    for e in edits:
        if e is upto:
            break
        out += [text[cur:e.start], e.after]
        cur = e.end
    return "".join(out) + text[cur:upto.start]


def _diff_edits(old: str, new: str, base: int) -> list[Edit]:
    """The changed spans between `old` and `new` (local replacements), offset by `base`.

    A linear two-pointer walk: on a difference, the nearest point where both strings agree
    again for ANCHOR characters closes the change (difflib is quadratic on long lines).
    """
    edits: list[Edit] = []
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            i += 1
            j += 1
            continue
        di, dj = _resync(old, new, i, j)
        edits.append(Edit(base + i, base + i + di, new[j:j + dj], "mojibake"))
        i += di
        j += dj
    if i < len(old) or j < len(new):
        edits.append(Edit(base + i, base + len(old), new[j:], "mojibake"))
    return edits


ANCHOR = 2      # characters that must agree again after a change
MAX_OLD = 24    # longest broken sequence looked for
MAX_NEW = 8     # longest repaired sequence looked for


def _resync(old: str, new: str, i: int, j: int) -> tuple[int, int]:
    """(old length, new length) of the smallest change at (i, j) after which both agree."""
    best: tuple[int, int] | None = None
    for di in range(0, MAX_OLD + 1):
        for dj in range(0, MAX_NEW + 1):
            if di + dj == 0 or (best is not None and di + dj >= sum(best)):
                continue
            a, b = old[i + di:i + di + ANCHOR], new[j + dj:j + dj + ANCHOR]
            tail = i + di >= len(old) and j + dj >= len(new)
            if tail or (len(a) == ANCHOR and a == b) or (
                    a == b and i + di + len(a) == len(old) and j + dj + len(b) == len(new)):
                best = (di, dj)
    return best if best is not None else (len(old) - i, len(new) - j)


def find_east_asian_mojibake(text: str) -> list[Edit]:
    """Edits for UTF-8 read as GBK/Big5/Shift-JIS/EUC-KR inside otherwise Latin lines."""
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if not line.isascii() and _mostly_latin(line):
            done, cur = [], 0  # the repaired line so far, for context
            for m in _EA_RUN.finditer(line):
                done.append(line[cur:m.start()])
                fixed = _redecode(m.group(), "".join(done), line[m.end():])
                if fixed is not None:
                    edits.append(Edit(pos + m.start(), pos + m.end(), fixed, "mojibake"))
                done.append(fixed if fixed is not None else m.group())
                cur = m.end()
        pos += len(line) + 1
    return edits


def _mostly_latin(line: str) -> bool:
    """True when Latin letters outnumber CJK characters: real CJK prose is left alone."""
    return len(_LATIN_LETTER.findall(line)) > 2 * len(_CJK.findall(line))


def _redecode(run: str, before: str, after: str) -> str | None:
    """The UTF-8 text that `run` was before a wrong East Asian decoding, or None."""
    core = run.rstrip("?\ufffd")
    tail_lost = len(core) < len(run)
    for codec in EAST_ASIAN_CODECS:
        try:
            raw = core.encode(codec)
        except UnicodeEncodeError:
            continue
        cut = raw.endswith(_TRUNCATED)
        if cut:
            raw = raw[:-2]
        try:
            fixed = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if _CJK.search(fixed) or not (_WESTERN.search(fixed) or cut):
            continue
        if cut:
            fixed += _guess_lost(before + fixed, after)
        elif tail_lost:
            fixed += run[len(core):]
        return fixed
    return None


def _guess_lost(before: str, after: str) -> str:
    """The punctuation whose last byte was lost (“ ” ‘ ’ —), judged from its neighbours:
    the quote left open closes, a mark after a space opens, an elided year takes ’."""
    prev = before[-1:] if before else " "
    nxt = after[:1] if after else " "
    closing = _open_quote(before)
    if closing and not (prev.isspace() and nxt.isalnum()):
        return closing
    if (prev.isspace() or prev in "([") and re.match(r"\d\d(?![\d%])", after):
        return "’"  # ’93
    if (prev.isspace() or prev in "([") and nxt.isalnum():
        return "“"
    if prev.isspace() and (nxt.isspace() or not nxt):
        return "—"
    if prev.isalnum() and not closing:
        return "’"
    return closing or "”"


def _open_quote(before: str) -> str | None:
    """The closing mark for the innermost quotation left open in `before`, if any."""
    double = before.rfind("“") if before.count("“") > before.count("”") else -1
    single = before.rfind("‘")
    if single >= 0:
        rest = before[single + 1:]
        closed = any(c == "’" and not (rest[k - 1:k].isalpha() and rest[k + 1:k + 2].isalpha())
                     for k, c in enumerate(rest))
        if closed:
            single = -1
    if single > double:
        return "’"
    return "”" if double >= 0 else None
