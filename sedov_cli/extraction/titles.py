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

__all__ = ["clause_around", "clause_of", "date_words", "title_for"]

MAX_TITLE_WORDS = 14

_BREAK = re.compile(
    r";\s+|:\s+(?=[A-Z]|(?:in|on|at|by|from|during|after|before)\s)|(?<!\s)\s+[–—]\s+|,\s+(?:with|by|to|for|from|in|of|under)\s+(?:whom|which),?\s+"
    r"|,\s+(?:and|but|while|whereas|whereupon|upon\s+which|where|when|after\s+which|and\s+then|then|yet|so|though|although)\s+"
    r"|(?<!\s)\s+and\s+(?=(?:he|she|they|then|later|in|on|at|by|from|after|before|during|the\s+following|two|three)\b)"
    r"|,\s+(?=(?:he|she|they|He|She|They)\s)"
    r"|,\s+(?=(?:(?:his|her|their|the|an?)\s+)?[a-z]{3,}\s+(?:(?:later|which\s+were|which\s+was)\s+)?"
    r"(?:recogni[sz]ed|honou?red|rewarded|acknowledged|crowned)\s+(?:with|by)\s)"
)
"""Where clauses break. The last form is a summing-up after a comma: ", efforts recognized with the 1922
Nobel Peace Prize" tells the prize, with its own date, not the main clause's."""
_DATE_LEAD_IN = re.compile(
    r"(?:\b(?:in|on|at|around|about|of|during|from|since|by|until|till|after|before|between|circa|c\.|ca\.|the|"
    r"early|late|mid|throughout|through|over|for|within)\s*)+$",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:[\s,;:–—)\]•·*-]|and\b|but\b|then\b|so\b|also\b|while\b|whereupon\b|upon\s+which\b|where\b|when\b|after\s+which\b|which\b)+",
    re.IGNORECASE,
)
_MARKERS = re.compile(r"\[(?:\d{1,3}|[a-z]{1,2}|note \d{1,3}|citation needed)\]")
_ORPHAN_CONJUNCTION = re.compile(r",? (?:and|but|or|then) ?,(?= )")
_DOUBLED_COMMA = re.compile(r",(?=[,;])")
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


_LEAD_IN_WORD = re.compile(r"(?:\b(?:in|on|from|since|until|till|by|during|around|about|circa|c\.)\s+)$", re.I)


def date_words(words: str, start: int, end: int) -> tuple[int, int]:
    """A date's span with the preposition before it ("in 1927"), to be taken out of another claim's title."""
    m = _LEAD_IN_WORD.search(words, max(0, start - 12), start)
    return (m.start() if m else start), end


def clause_of(words: str, at: int, end: int) -> tuple[int, int]:
    """The clause a date at ``words[at:end]`` dates: its own, or the one a phrase holding it leads.

    "In 1925, she was hurt" breaks before "she"; the clause "In 1925" says
    only when, so it dates the clause after it, which gives the event its
    title, places and people. So does a longer phrase before the subject:
    "Two years later, in her first race abroad, she finished fifth". A
    relative clause holding the date (", who broke a record in 1978,") is a
    clause of its own, up to its next comma.
    """
    a, b = clause_around(words, at)
    main = _main_after_fronted(words, a, end)
    if main is not None:
        b = max(b, clause_around(words, main)[1])
    elif at - a < 40 and not (
        _DATE_LEAD_IN.sub("", words[a:at].rstrip()).strip(" ,;:") or words[end:b].strip(" ,;:–—-)")
    ):
        starts, ends = _breaks(words)
        i = bisect_right(starts, b - 1)
        if i < len(starts) and starts[i] == b and words[starts[i] : ends[i]].strip(" ,") == "":
            b = clause_around(words, ends[i])[1]  # only a comma between: the date leads the next clause
    for m in _RELATIVE.finditer(words, a, b):  # ", which is named for …": a clause of its own
        if m.start() >= end:
            return a, m.start()
        if m.end() <= at:
            a = m.end()
            comma = words.find(", ", end, b)
            b = comma if comma >= 0 else b
    return a, b


_RELATIVE = re.compile(r",\s+(?=(?:which|who)\s)")
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:(?:de|von|van|da|du|la|le)\s+)?[A-Z][\w'’-]+){0,3}"
_WHO = re.compile(rf"(?P<name>{_NAME})(?:,\s+(?![^,;()]{{0,80}}?\b(?:was|is|were|are)\s)[^,;()]{{1,80}}?)?,?\s+who\s+")
"""'Karl Berg, a Swedish chemist who discovered the effect': what the clause tells is Karl Berg's (not in
'… of Per Berg and Kari Holm, Lee was a bright child who …': a clause with its verb is no apposition)."""
_NAME_BEFORE_WHO = re.compile(rf"(?<=\s)(?P<name>{_NAME})\s+who\s+$")
"""'… by chemist Rosalind Franklin who had died': with no comma the clause is about the name next to it, but
'Allegra Byron, daughter of Lord Byron and Claire Clairmont, who died' is about Allegra."""
_NOT_A_NAME = frozenset("like as the in on at with by for and but when while after before unlike his her their".split())  # noqa: SIM905
_FRONTED = re.compile(
    rf"(?:[^;:()]|\([^()]{{0,120}}\)){{1,200}}?,\s+(?=(?:[Hh]e|[Ss]he|[Tt]hey|{_NAME})(?:,|\s+[a-z]))"
)
"""'Two years later, in her first race abroad, she …': a phrase before the clause's subject (a comma inside a
parenthesis, "(English translation, London, 1931)", is not the phrase's end)."""
_FRONT_WORDS = frozenset(
    """in on at during after before by from following starting beginning upon later since until between early
    late throughout around about circa the that this two three four five six seven eight nine ten a some several
    shortly soon within over born raised educated orphaned widowed trained""".split()  # noqa: SIM905
)
_APPOSITION = re.compile(rf"^(?P<name>{_NAME}), (?:an?|the|his|her|their) [^,;]{{1,120}}, (?=[a-z])")
"""'Rono, a student at a university in Ohio, set …': the subject, without what the text says they were."""


def _main_after_fronted(words: str, a: int, end: int) -> int | None:
    """Where the main clause starts, when the date ending at ``end`` sits in a phrase before its subject."""
    first = words[a : a + 20].split(None, 1)[:1]
    if not first or (first[0].casefold().strip(",") not in _FRONT_WORDS and not words[a : a + 1].isdigit()):
        return None
    m = _FRONTED.match(words, a)
    if m is None or m.end() < end:
        return None
    return m.end()


_AND_BEFORE = re.compile(r",\s+and\s+$")
_PRONOUN = re.compile(r"(?:He|She|They)\s")
_NOT_A_VERB = frozenset(
    "he she they it i we the a an his her their its in on at by from to for with this that there".split()  # noqa: SIM905
)


def _subject_of(words: str, clause: str) -> str:
    """The sentence's pronoun subject, for a clause after ', and' that starts with its verb; else ''."""
    first = clause.split(None, 1)[:1]
    if not first or not first[0][:1].islower() or first[0].casefold() in _NOT_A_VERB:
        return ""
    return words[:3].strip() if _PRONOUN.match(words) else ""


def _tidy(text: str) -> str:
    if "[" in text:  # each pattern below needs its bracket: most titles have none, and skip the pass
        text = _MARKERS.sub("", text)
    text = " ".join(text.replace("|", " ").split())  # a table's cells: "| 1930 | Joins a choir |"
    if "(" in text or "[" in text:
        text = " ".join(_EMPTY_PARENS.sub(" ", text).split())  # "War (1939–1945) her": the parenthesis was its date
    text = _SPACED_PUNCTUATION.sub("", text)  # "was dissolved , according to": the date words stood there
    if ",," in text or ",;" in text:
        text = _DOUBLED_COMMA.sub("", text)  # "Finally, on 4 June 1913, she ran": "Finally, she ran"
    text = _ORPHAN_CONJUNCTION.sub(",", text)  # "injuries, and during this time, she began": the date went
    text = _LEADING.sub("", text).strip()
    return text.rstrip(" ,;:.–—-!?")


def title_for(
    words: str, clause: tuple[int, int], date: tuple[int, int], skip: tuple[tuple[int, int], ...] = ()
) -> str:
    """The clause without its date words: 'She moved to Paris' from 'The following year she moved to Paris'."""
    a, b = clause
    actor = ""
    for m in _WHO.finditer(words, max(0, a - 160), max(a, date[0])):
        if m.end() > a:  # the last 'NAME, a …, who' before the date: the clause is about NAME, not the subject
            nearest = _NAME_BEFORE_WHO.search(words, m.end("name"), m.end())
            # "in Belgium, with a model by chemist Rosalind Franklin who had died": the name next to "who"
            named = (nearest["name"] if nearest is not None else m["name"]).split()
            while len(named) > 1 and named[0].casefold() in _NOT_A_NAME:
                named.pop(0)  # "Like Ole Dahl, …, who": the sentence's first word is not the name's
            actor, a = " ".join(named), max(a, m.end())
    main = _main_after_fronted(words, a, date[1])
    if main is None and date[0] > a:  # "In addition to his work, Boal served … from 1993": the phrase is background
        front = _main_after_fronted(words, a, a)
        a = front if front is not None and front <= date[0] else a
    if main is not None:  # "Two years later, in her first race abroad, she finished fifth": the main clause
        left, right = "", words[main:b]
        right = _APPOSITION.sub(lambda m: m["name"] + " ", right.lstrip())
    elif _NAMED_BY_YEAR.match(words, date[1]) and _THE_BEFORE.search(words, a, max(a, date[0])):
        left, right = words[a : date[0]], words[date[0] : b]  # "in the 1968 Olympics": the year is in a name
    else:
        left = _DATE_LEAD_IN.sub("", words[a : max(a, date[0])].rstrip())
        right = words[min(b, date[1]) : b]
    if not actor and _AND_BEFORE.search(words, max(0, a - 6), a):
        actor = _subject_of(
            words, left if left.strip() else right
        )  # "He was admitted in 1866, and had a career …": he had it
    text = f"{actor} {left} {right}"
    inside = [(x, y) for x, y in skip if a <= x and y <= b and not (x <= date[0] < y or date[0] <= x < date[1])]
    # a parenthesis with a year in it goes first, before the date words inside it do ("(… to Oslo in 1954)")
    if "(" in text:
        text = _PARENS.sub(lambda m: "" if re.search(r"\d{4}", m.group()) else m.group(), text)
    for x, y in inside[:MAX_TITLE_WORDS]:  # a life-date parenthesis: "Tom Ek (1898–1950)"; relative words; other dates
        text = text.replace(words[x:y], "")
    title = _tidy(text)
    if len(title.split()) < 2:  # the clause was all date: take the sentence without the date instead
        text = _DATE_LEAD_IN.sub("", words[: date[0]].rstrip()) + " " + words[date[1] :]
        for x, y in skip[: MAX_TITLE_WORDS * 4]:  # bounded: a crafted sentence of thousands of dates is not re-read
            text = text.replace(words[x:y], "")
        title = _tidy(text)
    if not title:
        title = _tidy(words) or "Dated claim"
    parts = title.split()
    if len(parts) > MAX_TITLE_WORDS:
        cut = parts[:MAX_TITLE_WORDS]
        # at a whole phrase: before the last preposition or conjunction, or after the last comma
        ends = [i for i in range(6, len(cut)) if cut[i].casefold() in _PHRASE_STARTS]
        commas = [i + 1 for i in range(5, len(cut)) if cut[i].endswith(",") and not cut[i][:1].isdigit()]
        ends += commas
        fronted = cut[0].casefold() in _PHRASE_STARTS or cut[0].endswith("ing") or cut[0].casefold() == "as"
        one_comma = sum(w.endswith(",") for w in cut) == 1
        if one_comma and commas and not fronted and commas[-1] < len(cut) and cut[commas[-1]].casefold() in _ARTICLES:
            ends = [commas[-1]]  # "at the Haginoya, a private school run by …": the appositive goes whole or not at all
        if ends:
            cut = cut[: max(ends)]
        while len(cut) > 6 and cut[-1].casefold() in _DANGLING:
            cut.pop()
        title = " ".join(cut).rstrip(",;:")
    return title[:1].upper() + title[1:]


_ARTICLES = ("a", "an", "the")
_DANGLING = frozenset(
    "the a an of in on at to from by for with and or but his her their its as that which who whom following next same previous this due because according prior owing".split()  # noqa: SIM905, E501
)
_PHRASE_STARTS = frozenset(
    "in on at to from by for with and or but as that which who whom where when while after before during since until into of due because".split()  # noqa: SIM905, E501
)
"""Words a phrase starts with: a title too long to keep whole is cut before one, not inside its phrase."""
_NAMED_BY_YEAR = re.compile(
    r" (?:[A-Z][a-z]+ )?(?:Olympics|Olympic|Games|Cup|Championships?|Exposition|Exhibition|Expo|Revolution|Congress"
    r"|Conference|Festival|Prize|Election|Marathon|Biennale|Salon|Uprising)\b"
)
"""'the 1968 Olympics', 'the 1905 Revolution': a year that is part of a name, kept in the title with it."""
_THE_BEFORE = re.compile(r"\bthe\s+$")
