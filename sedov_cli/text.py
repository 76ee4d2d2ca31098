"""Making untrusted text safe to show.

Dataset text may come from a file a user (or an attacker) wrote. Before it
reaches a terminal or a line-oriented format, every character that could
move the cursor, change colours, reorder the line or split a record is
replaced by a visible escape. Everything else, Cyrillic included, is kept.
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _needs_escape(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code <= 0x9F or ch in _BIDI or 0xD800 <= code <= 0xDFFF or ch in "\u2028\u2029"


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control, bidi-override and lone-surrogate characters as visible escapes."""
    if not any(_needs_escape(ch) for ch in text):
        return text
    return "".join(_escape(ch) if _needs_escape(ch) else ch for ch in text)


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for matching what users type."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
