"""Sentences, as offsets into the text.

A regular expression for ". " would break "c. 1933", "L. D. Trotsky",
"7 November [O.S. 26 October]" and "St. Petersburg" apart, and a claim
would lose its date. So a full stop ends a sentence only when the word
before it is not a known abbreviation or an initial, and what follows
starts like a sentence: a capital, a digit or an opening quote.

pysbd does this well too, but it took 0.5 s per 100 KB here, ten times our
whole budget for a 1 MB article, so it is not used (see the README).
"""

from __future__ import annotations

import re

__all__ = ["sentences"]

_ABBREVIATIONS = frozenset(
    """c ca fl b d m r st mt ft dr mr mrs ms messrs jr sr prof gen col lt capt cpt sgt maj adm cmdr rev hon
    gov pres sen rep no nos vol vols pp p op cit ed eds trans vs approx est dept univ inc ltd co corp
    bros jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf al viz os ns o.s n.s u.s u.k
    u.s.s.r a.d b.c""".split()  # noqa: SIM905
)
_MARKER = (
    r"\[(?:\d{1,3}|[a-z]{1,2}|note \d{1,3}|citation needed|dead link|clarification needed|better source needed"
    r"|failed verification|page needed|according to whom\?|by whom\?|who\?|when\?|which\?)\]"
)
"""A citation marker, or an editor's note in brackets that a copied page keeps: '[3]', '[citation needed]'."""
_CANDIDATE = re.compile(rf"[.!?…]+(?:[\"'”’)\]]|{_MARKER})*")
"""A sentence's end: its stop, closing quotes and brackets, and citation markers ("rings.[3] She"),
which stay with the sentence they cite."""
_LEADING_MARKERS = re.compile(rf"(?:{_MARKER}\s{{0,3}}){{1,8}}(?=[A-Z\"“‘(])")
"""Citation markers a copied page leaves at the start of a paragraph, before its first sentence's own words."""
_OPENERS = "\"'“‘([«"
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}[A-Z]")


def _starts_sentence(text: str, at: int, end: int) -> bool:
    """Whether the text after position ``at`` (past spaces and openers) begins a sentence."""
    i = at
    while i < end and (text[i].isspace() or text[i] == "\ufffd"):  # a non-breaking space too, or the U+FFFD
        i += 1  # a lost one left ("Barbara.\ufffd On"): a page saved in one encoding and read in another
    if i == at:  # "3.5", "U.S." glued to the next word; but "in 1868.He lived" and "(… 1954).Although" lost it
        glued = at + 1 < end and text[at].isupper() and text[at + 1].islower()
        before = text[at - 2 : at - 1]
        return glued and (before.islower() or before.isdigit() or before in ')”"’') and text[at - 1] in ".!?"
    while i < end and text[i] in _OPENERS:
        i += 1
    return i >= end or text[i].isupper() or text[i].isdigit()


def _abbreviated(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation or an initial, not a sentence."""
    word = _WORD_BEFORE.search(text, max(0, stop - 20), stop)
    if word is None:
        return False
    token = word[1].lower().strip(".")
    if len(token) == 1 and token.isalpha():  # initials: "L. D. Trotsky", "b. 1906"
        return True
    if _INITIALS.fullmatch(word[1].strip(".")):  # initials run together: "J.E. Littlewood", "J.R.R. Tolkien"
        return True
    return token in _ABBREVIATIONS


_ROW = re.compile(r"\n[ \t]*(?=(?:1\d{3}|20\d\d)[ \t]*[-–—:][ \t]+\S)")
"""A timeline's row on a line of its own ("1838 - She meets …"): a sentence of its own, even when the row before
it ends without a stop."""


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as (start, end) offsets, trimmed of spaces."""
    found: list[tuple[int, int]] = []
    here = start
    rows = [m.start() for m in _ROW.finditer(text, start, end)] if text.find("\n", start, end) >= 0 else []
    row = 0
    for mark in _CANDIDATE.finditer(text, start, end):
        stop = mark.end()
        while row < len(rows) and rows[row] < mark.start():  # a row begun before this stop ends the one before it
            if rows[row] > here:
                found.append((here, rows[row]))
                here = rows[row]
            row += 1
        if not _starts_sentence(text, stop, end):
            continue
        stops = len(mark.group()) - len(mark.group().lstrip(".!?…"))
        if stops == 1 and text[mark.start()] == "." and _abbreviated(text, mark.start()):
            continue
        found.append((here, stop))
        here = stop
    for at in rows[row:]:
        if at > here:
            found.append((here, at))
            here = at
    if here < end:
        found.append((here, end))
    trimmed = []
    for a, b in found:
        while a < b and (text[a].isspace() or text[a] == "\ufffd"):
            a += 1
        if text.startswith("[", a) and (markers := _LEADING_MARKERS.match(text, a, b)) and markers.end() < b:
            a = markers.end()  # "[22][23] Her first success …" at a paragraph's start: the markers cite what came
            # before, and the sentence opens after them
        while b > a and (text[b - 1].isspace() or text[b - 1] == "\ufffd"):
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed
