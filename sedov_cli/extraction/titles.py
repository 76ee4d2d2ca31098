"""An event's title and clause: what happened, in whole words.

A sentence often tells two things at two dates: "The following year she moved
to Paris, and in the late 1930s she returned to Bergen." Each event gets the
clause that holds its date ("she moved to Paris"; "she returned to Bergen"),
and its places are that clause's, not the whole sentence's. The title is the
clause without its date words and life-date parentheses, capitalised, and
cut at a whole word: never the sentence's first ten words and "…".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

__all__ = ["clause_around", "title_for"]

MAX_TITLE_WORDS = 14

_BREAK = re.compile(
    r";\s+|:\s+(?=[A-Z])|(?<!\s)\s+[–—]\s+|,\s+(?:with|by|to|for|from|in|of|under)\s+(?:whom|which),?\s+"
    r"|,\s+(?:and|but|while|whereas|where|when|after\s+which|and\s+then|then|yet|so|though|although)\s+"
    r"|(?<!\s)\s+and\s+(?=(?:he|she|they|then|later|in|on|at|by|from|after|before|during|the\s+following|two|three)\b)"
    r"|,\s+(?=(?:he|she|they)\s)"
)
_DATE_LEAD_IN = re.compile(
    r"(?:\b(?:in|on|at|around|about|of|during|from|since|by|until|till|after|before|between|circa|c\.|ca\.|the|"
    r"early|late|mid|throughout|through|over|for|within)\s*)+$",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:[\s,;:–—)\]-]|and\b|but\b|then\b|so\b|also\b|while\b|where\b|when\b|after\s+which\b|which\b)+",
    re.IGNORECASE,
)
_MARKERS = re.compile(r"\[(?:\d{1,3}|[a-z]{1,2}|note \d{1,3}|citation needed)\]")
_EMPTY_PARENS = re.compile(r"\(\s*\)|\[\s*\]")
_SPACED_PUNCTUATION = re.compile(r"(?<=\S) (?=[,;:.!?)\]])")  # after the spaces are joined: one space
_PARENS = re.compile(r"\([^()]{0,300}\)")  # no leading \s*: tried at every space of a long run, it is quadratic


@lru_cache(maxsize=8)
def _breaks(words: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the clauses of a sentence break: their (starts, ends), found once per sentence.

    Every whitespace-led alternative starts only where a run of spaces starts,
    so a sentence of 50,000 spaces is scanned once, not once per space.
    """
    found = [m for m in _BREAK.finditer(words) if not _inside_parentheses(words, m.start())]
    return tuple(m.start() for m in found), tuple(m.end() for m in found)


def _inside_parentheses(words: str, at: int) -> bool:
    """Whether ``at`` lies inside a parenthesis: "(born Temüjin; c. 1162 – August 1227)" is no clause break."""
    opened = words.rfind("(", max(0, at - 300), at)
    return opened >= 0 and words.find(")", opened, at) < 0 and words.find(")", at, at + 300) >= 0


def clause_around(words: str, at: int) -> tuple[int, int]:
    """The clause of ``words`` that holds offset ``at``, as (start, end) offsets in ``words``."""
    starts, ends = _breaks(words)
    i = bisect_right(ends, at)  # breaks that end at or before ``at``
    start = ends[i - 1] if i else 0
    later = [s for s in starts[i : i + 2] if s > at]
    return start, (later[0] if later else len(words))


def _tidy(text: str) -> str:
    text = _MARKERS.sub("", text).replace("|", " ")  # a table's cells: "| 1930 | Joins a choir |"
    text = " ".join(text.split())
    text = " ".join(_EMPTY_PARENS.sub(" ", text).split())  # "War (1939–1945) her": the parenthesis was its date
    text = _SPACED_PUNCTUATION.sub("", text)  # "was dissolved , according to": the date words stood there
    text = _LEADING.sub("", text).strip()
    return text.rstrip(" ,;:.–—-!?")


def title_for(
    words: str, clause: tuple[int, int], date: tuple[int, int], skip: tuple[tuple[int, int], ...] = ()
) -> str:
    """The clause without its date words: 'She moved to Paris' from 'The following year she moved to Paris'."""
    a, b = clause
    left = words[a : max(a, date[0])]
    right = words[min(b, date[1]) : b]
    left = _DATE_LEAD_IN.sub("", left.rstrip())
    text = f"{left} {right}"
    for x, y in skip:  # a life-date parenthesis inside the clause: "Tom Ek (1898–1950)"; relative words
        if a <= x and y <= b:
            text = text.replace(words[x:y], "")
    text = _PARENS.sub(lambda m: "" if re.search(r"\d{4}", m.group()) else m.group(), text)
    title = _tidy(text)
    if len(title.split()) < 2:  # the clause was all date: take the sentence without the date instead
        text = _DATE_LEAD_IN.sub("", words[: date[0]].rstrip()) + " " + words[date[1] :]
        for x, y in skip:
            text = text.replace(words[x:y], "")
        title = _tidy(text)
    if not title:
        title = _tidy(words) or "Dated claim"
    parts = title.split()
    if len(parts) > MAX_TITLE_WORDS:
        cut = parts[:MAX_TITLE_WORDS]
        while len(cut) > 6 and cut[-1].casefold() in _DANGLING:
            cut.pop()
        title = " ".join(cut).rstrip(",;:")
    return title[:1].upper() + title[1:]


_DANGLING = frozenset(
    "the a an of in on at to from by for with and or but his her their its as that which who whom following next same previous this".split()  # noqa: SIM905, E501
)
