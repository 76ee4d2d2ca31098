"""Explicit dates in a sentence, as EDTF at exactly the precision the words give.

"In 1925" is the whole of 1925, never 1 January; "February 1938" is the month;
"early 1933" is EDTF 1933-37 (January to April, as sedov shows it); "the
mid-1920s" is one year of 1924 to 1926. A qualifier changes the EDTF, never
the precision: "c. 1933" is 1933~.

Whether a date names a moment or a period is read from the words around it:
"between … and", "from … to", a bare range (1949–56), "until", "since",
"during", "throughout" and "while" make a period (an EDTF interval); "by",
"before", "after" and "X or Y" make one moment in a range ([..1930]).

A four-digit number is a year only where it reads as one: "1,925", "19:25",
"1925%", "1500 soldiers", "page 1925" and "1200 BC" are not read. Durations
("5 years in exile") have no year in them and are never dates.

Every date found is checked by :func:`sedov_cli.dates.parse_edtf`, the parser
the rest of sedov uses, so a draft can hold nothing sedov cannot read.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from ..dates import PART_CODES, DateError, parse_edtf

__all__ = [
    "DAY",
    "DECADE_PARTS",
    "MONTH",
    "POINT",
    "QUALIFIER",
    "Mention",
    "Rejected",
    "edtf_ends",
    "find_dates",
    "month_number",
    "parse_point",
    "point_text",
]

_MONTH_NUMBERS = {name[:3].lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)
DAY = r"(?<![\d\w])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR_TAIL = r"(?!\w|[.,:]\d|-[^\W\d_]|\s*(?:%|per\s?cent)|\.(?:com|org|net|cn|io|edu|gov|info)\b)"
"""What may not follow a year: letters or digits, a decimal, a percentage, a web domain ('1688.com' is a name)."""
YEAR = rf"(?:(?<![\w.,/:$£€#])|(?<=\bin)|(?<=\bof))(?:1\d{{3}}|20\d{{2}}){_YEAR_TAIL}"
"""A year; also glued to 'in' or 'of' by a copy that lost the space ('in May of2008')."""
_GLUED_YEAR = rf"(?:1\d{{3}}|20\d{{2}}){_YEAR_TAIL}"
"""A year glued to the day's comma ("March 10,1913"): read only right after a month and a day."""
QUALIFIER = _QUAL = r"(?:(?:c\.|ca\.|circa|about|around|approximately|approx\.|roughly)\s*)"
POINT = _POINT = (
    rf"(?:{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}|{MONTH}\s+{DAY}(?:,?\s+{YEAR}|,{_GLUED_YEAR})|{MONTH},?\s+(?:of\s+|of(?=\d))?{YEAR}"
    rf"|{YEAR})"
)
_DASH = r"\s*(?:–|—|‒|―|-{1,2})\s*"
_TO = rf"(?:{_DASH}|\s+(?:to|until|till|through|and)\s+)"

_DMY = re.compile(rf"(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})")
_MDY = re.compile(rf"(?P<m>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR})|,(?P<y2>{_GLUED_YEAR}))")
_MY = re.compile(rf"(?P<m>{MONTH}),?\s+(?:of\s+|of(?=\d))?(?P<y>{YEAR})")
_Y = re.compile(rf"(?P<y>{YEAR})")

_NOT_A_YEAR_AFTER = re.compile(
    r"(?<!\s)\s*(?:BCE?|B\.C\.|people|persons|men|women|children|soldiers|troops|workers|members|copies|pages|words"
    r"|votes|km|kilometres|kilometers|miles|metres|meters|feet|ft|acres|hectares|tons|tonnes|dollars|pounds"
    r"|francs|roubles|rubles|marks|lire|yen|euros|years|months|days|hours|residents|inhabitants|prisoners)\b"
)
_NOT_A_YEAR_BEFORE = re.compile(r"(?:\b(?:No|no|number|page|pages|p|pp|ISBN|[Rr]oute|[Ff]light|Op|opus|Opus)\.?\s*)$")
_OPERATOR = re.compile(
    r"\b(?P<op>(?:in|on)\s+or\s+(?:after|before)|prior\s+to|up\s+to|(?:beginning|starting)\s+(?:in|from)|following"
    r"|by|before|after|since|until|till|from|during|throughout|no\s+later\s+than|not\s+later\s+than"
    r"|as\s+early\s+as|no\s+earlier\s+than|not\s+earlier\s+than)\s+"
    r"(?:(?:the\s+)?(?:end|beginning|start|middle|course|spring|summer|autumn|fall|winter)\s+of\s+)?(?:the\s+)?"
    r"(?P<event>(?:his|her|their)\s+[a-z]+\s+in\s+|(?<=before\s)[a-z]{3,}ing\b[^,;:.()]{0,60}?\s+(?:in\s+)?"
    r"|(?:he|she|they|(?:(?:his|her|their)\s+[a-z]+\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)\s+(?:had\s+)?"
    r"[a-z]+ed\b(?:[^,;:.()]{0,80}?\s+in|\s+on)\s+)?$",
    re.IGNORECASE,
)
_WHILE = re.compile(r"\bwhile\b[^,;:.]*$", re.IGNORECASE)
_HONOURED_BY = re.compile(r"\b(?:recogni[sz]ed|honou?red|rewarded|acknowledged|crowned)\s+$", re.IGNORECASE)
_BY_THE_TIME = re.compile(r"\bby\s+the\s+time\b[^,;:.]{0,80}$", re.IGNORECASE)
_NOT = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.IGNORECASE)
"""A negation a clause back: 'did not marry until 1930' says she married in 1930."""
_NEGATED = {"no later than": "not-after", "not later than": "not-after", "as early as": "not-after",
            "no earlier than": "not-before", "not earlier than": "not-before",
            "in or after": "not-before", "on or after": "not-before", "in or before": "not-after",
            "on or before": "not-after", "prior to": "before", "up to": "until", "beginning in": "from",
            "beginning from": "from", "starting in": "from", "starting from": "from", "following": "after"}  # fmt: skip
"""Words that say what 'by', 'before', 'after', 'until' or 'from' say ('prior to 1930' is 'before 1930')."""
_PERFECT = re.compile(r"[^.;]*?\b(?:had|has|have)\s+(?:already\s+)?[a-z]+(?:ed|en|wn|ne|t)\b", re.IGNORECASE)
"""'As early as 1930 she had written …' says by then; 'As early as 1956, she released …' says then."""
_WHEN_IT_ENDED = re.compile(r",\s*when\s+(?:he|she|they|(?-i:[A-Z])[\w'’-]+)\s+(?:had\s+)?[a-z]+ed\b")
"""', when he retired' after 'until 1973': what happened at the end of the stretch."""
_OR_LATER = re.compile(r"(?<!\s)\s+or\s+(?P<which>later|after|earlier|before)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """One date in a sentence: where it is (offsets in the sentence), and its EDTF."""

    start: int
    end: int
    text: str
    edtf: str
    note: str | None = None
    named: str = ""
    """The date the words name, before 'by', 'after' or 'until' bends it: what a
    later "the following year" counts from."""
    also: str = ""
    """The date of an event the words name on the way ("until her assassination in
    October 1984", "after he entered the school in 1930"): a claim of its own, beside the bent date."""

    @property
    def period(self) -> bool:
        return "/" in self.edtf


@dataclass(frozen=True)
class Rejected:
    """Words that looked like a date but are not one (31 February, a range that runs backwards)."""

    start: int
    end: int
    text: str
    reason: str


def month_number(name: str) -> int:
    """1 for 'January', 'Jan' or 'Jan.'."""
    return _MONTH_NUMBERS[name[:3].lower()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def point_text(year: int, month: int | None = None, day: int | None = None) -> str:
    """EDTF for a year, a month or a day."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_point(text: str) -> str:
    """EDTF for one point as the text writes it ('24 February 1906' -> 1906-02-24)."""
    text = text.strip()
    for pattern in (_DMY, _MDY):
        m = pattern.fullmatch(text)
        if m:
            year: str = m["y"] or m.groupdict().get("y2") or ""
            return point_text(int(year), month_number(m["m"]), _day(m["d"]))
    m = _MY.fullmatch(text)
    if m:
        return point_text(int(m["y"]), month_number(m["m"]))
    return point_text(int(_Y.fullmatch(text)["y"]))  # type: ignore[index]


def _qualified(text: str) -> tuple[str, bool]:
    m = re.match(_QUAL, text, re.IGNORECASE)
    return (text[m.end() :], True) if m else (text, False)


def _shift(point: str, step: int) -> str:
    """The unit after (step 1) or before (step -1) an EDTF point, at its precision."""
    approx = point.endswith("~")
    point = point.rstrip("~")
    if point.endswith("X"):
        shifted = f"{int(point[:3]) + step:03d}X"
    elif len(point) == 4:
        shifted = f"{int(point) + step:04d}"
    else:
        parsed = parse_edtf(point)
        assert parsed.start is not None
        if len(point) == 10:
            day = parsed.start.earliest + timedelta(days=step)
            shifted = day.isoformat()
        else:  # a month, or a part of a year: the month after its last (or before its first)
            edge = parsed.start.latest if step > 0 else parsed.start.earliest
            year, month = divmod(edge.year * 12 + edge.month - 1 + step, 12)
            shifted = point_text(year, month + 1)
    return shifted + ("~" if approx else "")


def _with_operator(lo: str, hi: str, op: str | None) -> tuple[str, str | None]:
    """EDTF for a date ``lo``..``hi`` (equal for one point) under the word before it, and a note."""
    one = lo if lo == hi else f"[{lo}..{hi}]"
    if op is None:
        return one, None
    if op == "by":
        return f"[..{hi}]", None
    if op == "not-after":
        return f"[..{hi}]", f"read as {hi} at the latest."
    if op == "as-early-as":
        return one, f"'as early as {lo if lo == hi else one}' read as then: the text tells what happened in it."
    if op == "not-before":
        return f"[{lo}..]", f"read as {lo} at the earliest."
    if op == "before":
        return f"[..{_shift(lo, -1)}]", f"'before' read as ending with {_shift(lo, -1)}, the unit before {lo}."
    if op == "after":
        return f"[{_shift(hi, 1)}..]", f"'after' read as starting with {_shift(hi, 1)}, the unit after {hi}."
    if op == "after-event":
        return f"[{lo}..]", f"'after the {lo} …' read as after an event of {lo}: from {lo}, end open."
    if op == "before-event":
        return f"[..{hi}]", f"'before the {hi} …' read as before an event of {hi}: by {hi}."
    if op in ("since", "from"):
        return f"{lo}/..", None
    if op in ("until", "till"):
        return f"../{hi}", None
    return f"{lo}/{hi}", None  # during, throughout, while


Handler = Callable[..., tuple[str, str | None] | tuple[str, str | None, str] | str | None]


def _old_style(m: re.Match[str], sentence: str) -> tuple[str, str | None] | None:
    style = m["style"].upper().replace(" ", "").replace(".", "")
    old_first = style in ("NS", "NEWSTYLE")  # "26 October [N.S. 7 November] 1879": the bracket is the new style
    new_text, old_text = (m["b"], m["a"]) if old_first else (m["a"], m["b"])
    trailing = m["y"]

    def with_year(text: str) -> str:
        return text if re.search(YEAR, text) else f"{text} {trailing}"

    if trailing is None and not (re.search(YEAR, m["a"]) and re.search(YEAR, m["b"])):
        if not re.search(YEAR, new_text) and not re.search(YEAR, old_text):
            return None
        trailing = (re.search(YEAR, new_text) or re.search(YEAR, old_text)).group()  # type: ignore[union-attr]
    new = parse_point(with_year(new_text))
    old_words = with_year(old_text).strip()
    old_point = parse_edtf(parse_point(old_words))
    assert old_point.start is not None
    if not re.search(YEAR, old_text) and old_point.start.earliest > parse_edtf(new).span.earliest:  # type: ignore[operator]
        old_words = old_text.strip() + f" {int(trailing) - 1}"  # 30 December [O.S.] is the year before 12 January
    return new, f"A double date: taken as the New Style {new}; the Old Style (Julian) date is {old_words}."


def _iso(m: re.Match[str], sentence: str) -> str:
    return m["iso"]


def _day_range(m: re.Match[str], sentence: str) -> tuple[str, str | None]:
    year = int(m["y"])
    first = point_text(year, month_number(m["m1"] or m["m"]), _day(m["d1"]))
    last = point_text(year, month_number(m["m"]), _day(m["d2"]))
    return f"{first}/{last}", None


def _month_range(m: re.Match[str], sentence: str) -> tuple[str, str | None]:
    year = int(m["y"])
    first, last = month_number(m["m1"]), month_number(m["m2"])
    if first > last:  # "December–February 1933" would cross a year the text does not give
        raise DateError(f"{m.group()!r} runs backwards within one year")
    lo, hi = point_text(year, first), point_text(year, last)
    return (f"[{lo}..{hi}]" if m["or"] else f"{lo}/{hi}"), None


def _range(m: re.Match[str], sentence: str) -> tuple[str, str | None]:
    a_text, a_approx = _qualified(m["a"])
    b_text, b_approx = _qualified(m["b"])
    lo = parse_point(a_text)
    if re.fullmatch(r"\d{2}", b_text):
        if len(lo) != 4:
            raise DateError(f"{m.group()!r}: a two-digit end goes with a year")
        century = int(lo) // 100 * 100
        end_year = century + int(b_text)
        if end_year <= int(lo):
            end_year += 100
        hi = point_text(end_year)
    else:
        hi = parse_point(b_text)
    lo += "~" if a_approx else ""
    hi += "~" if b_approx or (a_approx and not re.search(r"\d{4}", b_text)) else ""
    if m.re.groupindex.get("sep") and m["sep"] and m["sep"].strip().lower() == "or":
        return f"[{lo}..{hi}]", "The text gives two possible dates; either may be the one."
    return f"{lo}/{hi}", None


def _day_or_day(m: re.Match[str], sentence: str) -> tuple[str, str]:
    """'3 or 4 March 1368', 'March 3 or 4, 1368': either day, a range of the two."""
    year, month = int(m["y"] or m["y2"]), month_number(m["m"] or m["m2"])
    first, second = sorted((_day(m["d1"] or m["d3"]), _day(m["d2"] or m["d4"])))
    if first == second:
        return point_text(year, month, first), ""
    return (f"[{point_text(year, month, first)}..{point_text(year, month, second)}]",
            "The text gives two possible dates; either may be the one.")  # fmt: skip


DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
"""Thirds of ten years, as sedov reads "early 1933" as a third of the year: also the parts of a
decade of life ("in his early twenties")."""


def _decade_part(m: re.Match[str], sentence: str) -> tuple[str, str | None]:
    first, last = DECADE_PARTS[m["part"].lower()]
    decade = int(m["dec"])
    return (
        f"[{point_text(decade + first)}..{point_text(decade + last)}]",
        f"'{m['part'].lower()}' in a decade read as {decade + first}–{decade + last}, a third of it.",
    )


def _decade(m: re.Match[str], sentence: str) -> str:
    decade = int(m["dec"])  # the schema has no 193X: a decade is one moment in its ten years
    return f"[{point_text(decade)}..{point_text(decade + 9)}]"


def _year_part(m: re.Match[str], sentence: str) -> str:
    """The EDTF sub-year code the rest of sedov reads back ('early 1933' is 1933-37)."""
    part = m["part"].lower() if m["part"] else f"{'first' if m['half'].lower() == 'first' else 'second'} half of"
    return f"{m['y']}-{PART_CODES[part]}"


def _pre_post(m: re.Match[str], sentence: str) -> tuple[str, str | None]:
    year = int(m["y"])
    if m["op"].lower() == "post":
        return f"[{year + 1:04d}..]", f"'post-{year}' read as {year + 1} or later."
    return f"[..{year - 1:04d}]", f"'pre-{year}' read as {year - 1} or earlier."


def _single(m: re.Match[str], sentence: str, era: tuple[int, int] | None = None) -> str | None:
    text, approx = _qualified(m.group())
    if _Y.fullmatch(text):
        if _NOT_A_YEAR_AFTER.match(sentence, m.end()) or _NOT_A_YEAR_BEFORE.search(
            sentence, max(0, m.start() - 12), m.start()
        ):
            return None
        if era is not None and not era[0] <= int(text) <= era[1] and _COUNTED.match(sentence, m.end()):
            return None  # "the 1500 maps she drew", in a life of 1898–1961: a count, not a year
    return parse_point(text) + ("~" if approx else "")


_COUNTED = re.compile(r"(?<!\s)\s+(?:[a-z]+ed\s+)?[a-z]+[^s\W]*s\b")
"""A plural noun after a number, maybe with a participle before it: "the 1500 maps", "1000 armed soldiers"."""

SEASON_CODES = {"spring": 25, "summer": 26, "autumn": 27, "fall": 27, "winter": 28}
"""EDTF's seasons of the northern hemisphere (25–28); the southern ones are 29–32."""
_SEASON_MONTHS = {25: "March to May", 26: "June to August", 27: "September to November",
                  28: "December to February"}  # fmt: skip


def _season(m: re.Match[str], sentence: str) -> tuple[str, str | None]:
    name = m["season"].lower()
    code = SEASON_CODES[name]
    year = int(m["y"])
    if m["y2"] is not None:  # "the winter of 1933–34" is the winter that begins in 1933
        second = int(m["y2"]) if len(m["y2"]) == 4 else year // 100 * 100 + int(m["y2"])
        if code != 28 or second != year + 1:
            raise DateError(f"{m.group()!r}: only a winter runs from one year into the next")
    return (
        f"{year:04d}-{code}",
        f"'{name}' read as {_SEASON_MONTHS[code]}, the meteorological {name} of the northern hemisphere "
        "(the text does not say which; a southern one would be six months off).",
    )


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
CENTURY_PARTS = {"early": (0, 32), "mid": (33, 66), "middle": (33, 66), "late": (67, 99),
                 "first half of": (0, 49), "second half of": (50, 99)}  # fmt: skip
"""Thirds of a century, as "early 1933" is a third of a year, and its halves."""


def _century(m: re.Match[str], sentence: str) -> tuple[str, str | None]:
    number = int(m["n"]) if m["n"] else _ORDINALS[" ".join(m["word"].lower().split())]
    first = (number - 1) * 100
    part = " ".join(m["part"].lower().split()).removesuffix(" the") if m["part"] else None
    if part == "turn of":  # "the turn of the 20th century": either side of 1900
        lo, hi, what = first - 5, first + 4, f"the years either side of {first}"
    elif part is not None:
        lo, hi = first + CENTURY_PARTS[part][0], first + CENTURY_PARTS[part][1]
        what = {"early": "its first third", "mid": "its middle third", "middle": "its middle third",
                "late": "its last third"}.get(part, f"its {part.removesuffix(' of')}")  # fmt: skip
    else:
        lo, hi, what = first, first + 99, "the century"
    if lo < 1000:
        raise DateError(f"{m.group()!r}: years before 1000 are not read")
    return (
        f"[{lo:04d}..{hi:04d}]",
        f"'{m.group().strip()}' read as {lo}–{hi}: {what}, counting the century as the hundred years from "
        f"{first} (as EDTF's {first // 100:02d}XX).",
    )


def _century_adjective(m: re.Match[str], sentence: str, era: tuple[int, int] | None = None) -> tuple[str, str | None]:
    """'one of the wealthiest 19th-century businessmen': a state that held in the century, as a claim.

    Only a century that meets the life: "she collected 18th-century furniture" in a life of 1900–1980
    describes the furniture, not her. With no life dates known, the century is not read."""
    edtf, note = _century(m, sentence)
    lo, hi = int(edtf[1:5]), int(edtf[7:11])
    if era is None or hi < era[0] + 100 or lo > era[1] - 100:
        raise _NotADate
    return edtf, note


class _NotADate(Exception):
    """Words a handler declines without a reason to report (a century that describes a thing, not the life)."""


_YEAR_EDGES = {"beginning": "early", "start": "early", "middle": "mid", "end": "late", "close": "late"}


def _year_edge(m: re.Match[str], sentence: str) -> tuple[str, str | None]:
    """'the end of 1925' is late 1925, as 'the beginning' is early and 'the middle' mid: a third of the year."""
    part = _YEAR_EDGES[m["edge"].lower()]
    months = {"early": "January to April", "mid": "May to August", "late": "September to December"}[part]
    return f"{m['y']}-{PART_CODES[part]}", f"'the {m['edge'].lower()} of {m['y']}' read as {part} {m['y']} ({months})."


def _range_to_event(m: re.Match[str], sentence: str) -> tuple[str, str | None, str]:
    """'from January 1980 until her assassination in October 1984': the period, and the event at its end."""
    edtf, note = _range(m, sentence)
    return edtf, note, edtf_ends(edtf)[1] or ""


def _floruit(m: re.Match[str], sentence: str) -> tuple[str, str | None]:
    lo = parse_point(m["a"])
    hi = parse_point(m["b"]) if m["b"] else lo
    return (f"{lo}/{hi}" if hi != lo else lo), "'fl.' (floruit): the years the person is known to have been active."


# Most specific first: a span claimed by an earlier pattern is not read again by a later one.
# Each pattern comes with a cheap test for words it cannot match without, so that most
# sentences are scanned by two or three patterns rather than all of them.
_MONTHS = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"  # a month's first letters: a cheap test


@cache
def _needs(pattern: str) -> re.Pattern[str]:
    """One compiled test per distinct pattern, so that find_dates can run each once per sentence."""
    return re.compile(pattern)


_DECADE_S = r"(?:s['’]?(?!\w)|['’]s\b)"
"""A decade's plural as texts write it: "the 1920s", "the 1930's", "the 1940’s", "the 1950s' winters"."""
_DECADE_NEEDS = r"\d0(?:s|['’]s)\b"

_PATTERNS: tuple[tuple[re.Pattern[str], Handler, bool, re.Pattern[str] | None], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE if insensitive else 0), handler, operators,
     _needs(needs) if needs else None)
    for pattern, handler, operators, insensitive, needs in (
        (r"(?<![\w.-])(?P<iso>\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?)(?![\w-]|/|\.\d)", _iso, True, False, r"\d{4}-\d\d"),
        (
            rf"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{YEAR})(?:\s*[–—-]\s*(?P<y2>\d{{2}}|\d{{4}})\b)?",
            _season, True, True, r"(?i)spring|summer|autumn|fall|winter",
        ),
        (
            r"(?:(?<=\b[Ii]n )|(?<=\b[Dd]uring )|(?<=\b[Bb]y )|(?<=\b[Uu]ntil )|(?<=\b[Ss]ince )|(?<=\b[Ff]rom ))"
            r"the\s+(?:(?P<part>early|mid|middle|late|first\s+half\s+of\s+the|second\s+half\s+of\s+the|turn\s+of\s+the)"
            r"[-\s]+)?(?:(?P<n>1\d|20|21|[1-9])(?:st|nd|rd|th)|(?P<word>(?:twenty[-\s])?first|second|third|fourth|fifth"
            r"|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
            r"|seventeenth|eighteenth|nineteenth|twentieth))[-\s]+century\b",
            _century, True, True, r"(?i)century",
        ),
        (
            r"(?<![\w-])(?:(?P<part>early|mid|late)[-\s]+)?(?:(?P<n>1\d|20|21)(?:st|nd|rd|th)|(?P<word>eleventh|twelfth"
            r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))[-\s]century"
            r"(?=\s+[A-Za-z])(?!\s+(?:and|or|to|in|of|on|at|the|a|an|when|that|which|who|was|is|were|had|has|he|she"
            r"|they|it|its|his|her|their|with|by|for|as)\b)",
            _century_adjective, False, True, r"(?i)century\s+[a-z]",
        ),
        (rf"\bfl\.\s*(?P<a>{_POINT})(?:{_DASH}(?P<b>{_POINT}))?", _floruit, False, False, r"\bfl\."),
        (
            rf"(?P<a>(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY})(?:,?\s+{YEAR})?)\s*[\[(]\s*"
            r"(?P<style>O\.\s?S\.|N\.\s?S\.|OS|NS|Old Style|New Style)[:,]?\s*"
            rf"(?P<b>(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY})(?:,?\s+{YEAR})?)\s*[\])](?:,?\s+(?P<y>{YEAR}))?",
            _old_style, False, False, r"\b[ON]\.?\s?S\b|Style",
        ),
        (
            rf"(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH}))?{_TO}(?P<d2>{DAY})\s+(?P<m>{MONTH}),?\s+(?P<y>{YEAR})",
            _day_range, False, False, _MONTHS,
        ),
        (rf"(?P<m>{MONTH})\s+(?P<d1>{DAY}){_DASH}(?P<d2>{DAY}),?\s+(?P<y>{YEAR})", _day_range, False, False, _MONTHS),
        (
            rf"(?P<m1>{MONTH})(?:{_TO}|\s+(?P<or>or)\s+)(?P<m2>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})",
            _month_range, False, False, _MONTHS,
        ),
        (
            rf"from\s+(?P<a>{_QUAL}?{_POINT})\s+(?:until|till|to)\s+(?:his|her|their)\s+death\s+in\s+"
            rf"(?P<b>{_QUAL}?{_POINT})",
            _range, False, True, r"death\s+in",
        ),
        (
            rf"from\s+(?P<a>{_QUAL}?{_POINT})\s+(?:until|till|to)\s+(?:his|her|their|the)\s+[^,;.()\d]{{1,60}}?\s+in\s+"
            rf"(?P<b>{_QUAL}?{_POINT})",
            _range_to_event, False, True, r"(?i)from\s",
        ),
        (
            rf"between\s+(?P<a>{_QUAL}?{_POINT})\s+(?P<sep>and)\s+(?P<b>{_QUAL}?{_POINT})",
            _range, False, True, r"(?i)between",
        ),
        (
            rf"(?:during|throughout)\s+(?P<a>{_POINT})\s+(?P<sep>and)\s+(?P<b>{_POINT})",
            _range, False, True, r"(?i)during|throughout",
        ),
        (
            rf"from\s+(?:the\s+)?[^,;.()\d]{{1,60}}?\s+in\s+(?P<a>{_POINT})\s+(?:until|till|to)\s+(?:the\s+)?"
            rf"[^,;.()\d]{{1,60}}?\s+in\s+(?P<b>{_POINT})",
            _range, False, True, r"(?i)from\s",
        ),
        (
            rf"(?:from\s+)?(?P<a>{_QUAL}?{_POINT})(?P<sep>{_DASH}|\s+(?:to|until|till|through)\s+)"
            rf"(?P<b>{_QUAL}?{_POINT}|\d{{2}}(?![\d\w-]))",
            _range, False, True, r"(?i)\d{4},?(?:\s*[–—‒―-]|\s+(?:to|until|till|through)\s)",
        ),
        (
            rf"(?P<d1>{DAY})\s+or\s+(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})"
            rf"|(?P<m2>{MONTH})\s+(?P<d3>{DAY})\s+or\s+(?P<d4>{DAY}),?\s+(?P<y2>{YEAR})",
            _day_or_day, False, True, r"(?i)\d\s+or\s+\d",
        ),
        (
            rf"(?P<a>{_QUAL}?{_POINT}),?\s+(?P<sep>or)\s+(?P<b>{_QUAL}?{_POINT}|\d{{2}}(?![\d\w-]))",
            _range, False, True, r"(?i)\d{4},?\s+or\s",
        ),
        (
            rf"(?:the\s+)?(?P<part>early|mid|late)(?:-|–|\s+)(?P<dec>1\d\d0|20\d0){_DECADE_S}",
            _decade_part, True, True, _DECADE_NEEDS,
        ),
        (rf"(?:the\s+)?(?P<dec>1\d\d0|20\d0){_DECADE_S}", _decade, True, True, _DECADE_NEEDS),
        (
            rf"(?:(?P<part>early|mid|late)(?:-|–|\s+)(?:in\s+)?|(?:the\s+)?(?P<half>first|second|latter)\s+half\s+of\s+)"
            rf"(?P<y>{YEAR})",
            _year_part, True, True, r"(?i)early|mid|late|half",
        ),
        (r"\b(?P<op>post|pre)-(?P<y>1\d{3}|20\d\d)\b", _pre_post, False, True, r"(?i)\b(?:post|pre)-\d"),
        (
            rf"(?:the\s+)?(?P<edge>beginning|start|middle|end|close)\s+of\s+(?P<y>{YEAR})",
            _year_edge, True, True, r"(?i)(?:beginning|start|middle|end|close)\s+of\s+\d",
        ),
        (rf"{_QUAL}?{_POINT}", _single, True, False, None),
    )
)  # fmt: skip
_ANY_YEAR = re.compile(r"\d{4}")


def find_dates(
    sentence: str, skip: tuple[tuple[int, int], ...] = (), era: tuple[int, int] | None = None
) -> tuple[list[Mention], list[Rejected]]:
    """Every explicit date in ``sentence``, left to right, and the date-like words refused.

    ``skip`` lists spans already accounted for (a life-date parenthesis).
    ``era`` is the span of years a year plausibly falls in: a bare number
    outside it that is followed by a plural noun is read as a count.
    """
    taken = bytearray(len(sentence))  # 1 where a date (or a skipped span) already stands: checked at C speed
    for x, y in skip:
        taken[x:y] = b"\x01" * (y - x)
    found: list[Mention] = []
    rejected: list[Rejected] = []
    if not _ANY_YEAR.search(sentence) and "entury" not in sentence:  # a year, or a century, in words
        return found, rejected
    present: dict[re.Pattern[str], bool] = {}  # several patterns share a test: run each once
    for pattern, handler, operators, needs in _PATTERNS:
        if needs is not None:
            if needs not in present:
                present[needs] = needs.search(sentence) is not None
            if not present[needs]:
                continue
        for m in pattern.finditer(sentence):
            a, b = m.span()
            if 1 in taken[a:b]:
                continue
            try:
                result = handler(m, sentence, era) if handler in (_single, _century_adjective) else handler(m, sentence)
                if result is None:
                    continue
                also = ""
                if isinstance(result, str):
                    edtf, note = result, None
                elif len(result) == 3:
                    edtf, note, also = result
                else:
                    edtf, note = result
                named, start = edtf, a
                if operators:
                    edtf, note, start, also = _context(sentence, a, edtf, note, b)
                parse_edtf(edtf)
            except _NotADate:
                continue
            except DateError as exc:
                rejected.append(Rejected(a, b, m.group(), str(exc)))
                taken[a:b] = b"\x01" * (b - a)
                continue
            taken[a:b] = b"\x01" * (b - a)
            found.append(Mention(start, b, sentence[start:b], edtf, note, named, also))
    found.sort(key=lambda mention: mention.start)
    return found, rejected


def edtf_ends(edtf: str) -> tuple[str | None, str | None]:
    """The EDTF text of each end of a date, None where it is open ('[..1930]' -> None, '1930')."""
    if edtf.startswith("["):
        lo, _, hi = edtf[1:-1].partition("..")
    elif "/" in edtf:
        lo, _, hi = edtf.partition("/")
    else:
        lo = hi = edtf
    return (lo if lo not in ("", "..") else None), (hi if hi not in ("", "..") else None)


_YEAR_AT = re.compile(r"\d{4}")


def _end_of_year(sentence: str, at: int) -> int:
    """Where the four-digit year that starts at (or just after) ``at`` ends."""
    m = _YEAR_AT.search(sentence, at, at + 12)
    return m.end() if m else at


def _negated(sentence: str, at: int) -> bool:
    """Whether the clause before ``at`` says 'not' or 'never' (no comma, stop or colon between)."""
    window = sentence[max(0, at - 60) : at]
    clause = re.split(r"[,;:.]", window)[-1]
    return _NOT.search(clause) is not None


def _context(sentence: str, at: int, edtf: str, note: str | None, end: int) -> tuple[str, str | None, int, str]:
    """Apply the word before a date ('by', 'until', 'during', a season, 'while …') to it.

    The fourth value is the date of an event named between the word and the date
    ("after he entered the school in 1930"), a claim of its own; else empty."""
    lo, hi = edtf_ends(edtf)
    assert lo is not None and hi is not None  # the patterns that take a word before them are closed
    operator = _OPERATOR.search(sentence, max(0, at - 120), at)
    start = at
    op: str | None = None
    also = ""
    if operator:
        op = " ".join(operator["op"].lower().split())
        start = operator.start()
        if op == "as early as" and not _PERFECT.match(sentence, at, min(len(sentence), at + 80)):
            op = "as-early-as"  # "As early as 1956, she released the single": she released it in 1956
        op = _NEGATED.get(op, op)
        if op in ("until", "till", "before", "after") and _negated(sentence, start):
            op = {"before": "not-before", "after": "not-after"}.get(op)  # "did not marry until 1930": in 1930
        noun_follows = re.match(r"\s+[a-z]", sentence[_end_of_year(sentence, at) :])
        if op == "by" and _HONOURED_BY.search(sentence, max(0, start - 20), start):
            op = None  # "work honoured by the 1950 Oslo Prize": the prize's year, and 'by' names who honoured
        if op in ("after", "before", "until", "till") and operator["event"]:  # "after his release in 1950"
            also = edtf if lo == hi else f"[{lo}..{hi}]"  # the release is a claim; from 1950 on, another
            op += "-event" if op in ("after", "before") else ""
        elif op in ("after", "before") and operator.group().rstrip().lower().endswith("the") and noun_follows:
            op += "-event"  # "after the 1794 declaration": after an event of 1794, which may be in 1794 itself
    elif _BY_THE_TIME.search(sentence, max(0, at - 100), at):  # "By the time of the Centennial (1910)"
        op = "by"
        start = _BY_THE_TIME.search(sentence, max(0, at - 100), at).start()  # type: ignore[union-attr]
    elif _WHILE.search(sentence, max(0, at - 200), at):  # a clause back, not the whole sentence again
        op = "while"
    if op in ("until", "till") and not also and _WHEN_IT_ENDED.match(sentence, end):
        also = hi  # "remained president until 1973, when he retired": the retirement is a claim of 1973 too
    trailing = _OR_LATER.match(sentence, end)
    if trailing and op is None:  # "in 1930 or later", "1930 or before"
        op = "not-before" if trailing["which"].lower() in ("later", "after") else "not-after"
    new, op_note = _with_operator(lo, hi, op)
    notes = [n for n in (note, op_note) if n]
    return new, " ".join(notes) or None, start, also
