"""Making untrusted text safe to show.

Dataset text may come from a file a user (or an attacker) wrote. Before it
reaches a terminal or a line-oriented format, every character that could
move the cursor, change colours, reorder the line or split a record is
replaced by a visible escape. Everything else, Cyrillic included, is kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}

# Unicode's format characters (category Cf, as of Unicode 15): invisible, yet they
# reorder a line (bidi overrides), hide text (zero-width spaces, tag characters)
# or pass for nothing at all (U+FEFF).
FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
# Everything that must not reach a terminal or split a record as it is: C0 and C1
# controls, DEL, the line and paragraph separators, lone surrogates, and format characters.
_BEYOND_C0 = f"\x7f-\x9f\u2028\u2029\ud800-\udfff{FORMAT_CHARACTERS}"


@cache
def _unsafe(beyond_c0: bool) -> re.Pattern[str]:
    return re.compile(f"[{_BEYOND_C0}]" if beyond_c0 else f"[\x00-\x1f{_BEYOND_C0}]")


def __getattr__(name: str) -> re.Pattern[str]:
    """``UNSAFE`` (every such character) and ``UNSAFE_BEYOND_C0`` (the same without C0 controls, which
    JSON escapes itself), compiled when first used: 1.2 ms that most runs never need (see visible)."""
    if name in ("UNSAFE", "UNSAFE_BEYOND_C0"):
        return _unsafe(name == "UNSAFE_BEYOND_C0")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON spells an astral character as a surrogate pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def escape_json_invisibles(json_text: str) -> str:
    """JSON text with C1, bidi, zero-width and separator characters and lone surrogates as ``\\u`` escapes.

    ``json.dumps(ensure_ascii=False)`` escapes C0 controls but leaves these raw;
    as data they must not reach a terminal. They can only occur inside strings,
    where such an escape means the same text.
    """
    if json_text.isascii():
        if "\x7f" not in json_text:  # nothing to escape: two C scans, no regex pass
            return json_text
    elif json_text.replace("\n", "").isprintable():  # every such character is one isprintable refuses (see
        return json_text  # visible): Cyrillic and en dashes pass at C speed too, without the pattern's pass.
        # A newline is JSON's own whitespace between records (not one to escape): without the replace, every
        # indented or one-record-a-line text took the pattern's pass, 0.1-0.2 s of a 1 MB article's draft.

    return _unsafe(True).sub(_json_escape, json_text)


def visible(text: str) -> str:
    """Control, format (bidi, zero-width, tag) and lone-surrogate characters as visible escapes.

    Every such character is one ``str.isprintable`` refuses (its categories are Other and
    Separator), so printable text, nearly all of it, is returned at C speed, six times faster
    than the pattern's pass over it.
    """
    return text if text.isprintable() else _unsafe(False).sub(_escape, text)


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for matching what users type."""
    if text.isascii():  # no accents to strip, and casefold is lower: the common case, at C speed
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def plural(n: int, noun: str) -> str:
    """'1 event', '2 events': never 'event(s)'. (Every noun sedov counts takes an s.)"""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def wrap_words(text: str, width: int, hang: int = 0) -> list[str]:
    """``text`` as lines of at most ``width`` characters, broken at spaces only; continued lines
    are indented by ``hang``. A word longer than a line stays whole."""
    import textwrap

    return textwrap.wrap(text, max(width, 1), subsequent_indent=" " * hang, break_long_words=False,
                         break_on_hyphens=False) or [""]  # fmt: skip
