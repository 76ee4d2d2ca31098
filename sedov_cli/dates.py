"""Uncertain dates: a small EDTF subset, the days each date allows, and ages.

The article dates things at mixed precision: "1925", "February 1938", "early
1933", "just before Hitler came to power". Reading any of those as one day
would invent precision. So every date here is a set of possible days,
``earliest`` to ``latest`` (either end may be open), and every age is computed
over that whole set. The result is a range wherever the date is not exact.

Supported EDTF (ISO 8601-2):

* ``1906``, ``1938-02``, ``1906-02-24``: year, month and day precision;
* ``1933-37``: the level-2 sub-year groupings with fixed months: quarters
  (33–36), thirds (37–39, shown as "early", "mid", "late"), halves (40–41)
  and the seasons of a hemisphere (25–28 northern, 29–32 southern; a winter
  runs from December into the next February). The bare seasons (21–24) are
  refused, because their months depend on where the reader is;
* ``?`` (uncertain), ``~`` (approximate), ``%`` (both) after a date. They are
  kept and displayed, but they do not widen the bounds;
* intervals ``1935/1938`` and open ends ``../1938-02-16`` and ``1936/..``: a
  *period*, a state that lasts from one date to another;
* "one of a set" ranges ``[1929..1931]``, ``[..1933]`` and ``[1936..]`` (EDTF
  level 2): a *moment*, one day known only to lie somewhere in the range.

A moment and a period can cover the same days and still mean different
things: "his visa was arranged between 1929 and 1931" happened once, while
"he cared for his nephew from 1935 to 1938" lasted. Ages read differently
("at" against "during"), and so do the chart and the calendar export.

This module is domain code: it imports no CLI or terminal library.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Literal

from .values import value

__all__ = [
    "AgeAnswer",
    "AgeRange",
    "AgeSegment",
    "DateError",
    "EdtfDate",
    "Kind",
    "Life",
    "LifeStatus",
    "Point",
    "Precision",
    "Span",
    "birthday_in",
    "filing_day",
    "format_day",
    "parse_edtf",
    "parse_when",
    "years_between",
]

MONTHS = tuple(calendar.month_name)[1:]
LONGEST_LIFE = 122
"""Years: the longest life on record. Life dates further apart are a misread or a misprint ("8th June 2013"
for 1913), and a subject born longer ago than this, with no death given, is not alive today."""


class DateError(ValueError):
    """A date string that is not a date this tool understands."""


class Precision(StrEnum):
    """How finely a single date is known."""

    DAY = "day"
    MONTH = "month"
    SUBYEAR = "subyear"
    YEAR = "year"
    DECADE = "decade"

    def __repr__(self) -> str:
        return f"Precision.{self.name}"


@value
class Span:
    """Every day from ``earliest`` to ``latest``, inclusive.

    ``None`` at either end means the end is open: nothing bounds it.
    """

    earliest: date | None
    latest: date | None

    def __post_init__(self) -> None:
        if self.earliest is not None and self.latest is not None and self.earliest > self.latest:
            raise ValueError(f"span ends before it starts: {self.earliest} > {self.latest}")

    @classmethod
    def day(cls, day: date) -> Span:
        return cls(day, day)

    def overlaps(self, other: Span) -> bool:
        """True when some day could lie in both spans."""
        ends_before = self.latest is not None and other.earliest is not None and self.latest < other.earliest
        starts_after = other.latest is not None and self.earliest is not None and other.latest < self.earliest
        return not (ends_before or starts_after)

    def within(self, other: Span) -> bool:
        """True when every possible day of this span lies inside ``other``."""
        starts_inside = other.earliest is None or (self.earliest is not None and self.earliest >= other.earliest)
        ends_inside = other.latest is None or (self.latest is not None and self.latest <= other.latest)
        return starts_inside and ends_inside

    def narrowed(self, earliest: date | None = None, latest: date | None = None) -> Span:
        """This span with tighter ends; a bound outside the span is an error."""
        new_earliest, new_latest = self.earliest, self.latest
        if earliest is not None:
            if not self.contains(earliest):
                raise ValueError(f"earliest bound {earliest} lies outside {self}")
            new_earliest = earliest
        if latest is not None:
            if not self.contains(latest):
                raise ValueError(f"latest bound {latest} lies outside {self}")
            new_latest = latest
        return Span(new_earliest, new_latest)

    def contains(self, day: date) -> bool:
        return (self.earliest is None or self.earliest <= day) and (self.latest is None or day <= self.latest)

    def sort_key(self) -> tuple[date, date]:
        """Earliest day first, then latest day; open ends sort outermost."""
        return (self.earliest or date.min, self.latest or date.max)

    def __str__(self) -> str:
        return f"{self.earliest or '..'}/{self.latest or '..'}"


_SUBYEAR = {
    33: (1, 3, "first quarter of {y}"),
    34: (4, 6, "second quarter of {y}"),
    35: (7, 9, "third quarter of {y}"),
    36: (10, 12, "fourth quarter of {y}"),
    37: (1, 4, "early {y}"),
    38: (5, 8, "mid-{y}"),
    39: (9, 12, "late {y}"),
    40: (1, 6, "first half of {y}"),
    41: (7, 12, "second half of {y}"),
    # Seasons with a hemisphere (EDTF level 2, 25–32) have fixed months, so they are read; the bare
    # seasons 21–24 are not, because their months depend on where the reader is. A month past 12 is
    # in the next year: a winter (or a southern summer) runs from December into February.
    25: (3, 5, "spring {y}"),
    26: (6, 8, "summer {y}"),
    27: (9, 11, "autumn {y}"),
    28: (12, 14, "winter {y}–{n}"),
    29: (9, 11, "southern spring {y}"),
    30: (12, 14, "southern summer {y}–{n}"),
    31: (3, 5, "southern autumn {y}"),
    32: (6, 8, "southern winter {y}"),
}


def format_day(day: date) -> str:
    """'24 February 1906': no leading zero, no locale dependence."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@value
class Point:
    """One EDTF date (not an interval): the days it allows and how it is known."""

    earliest: date
    latest: date
    precision: Precision
    uncertain: bool = False
    approximate: bool = False
    subyear: int | None = None

    def __post_init__(self) -> None:
        if self.earliest > self.latest:
            raise ValueError(f"point ends before it starts: {self.earliest} > {self.latest}")
        if (self.subyear is not None) != (self.precision is Precision.SUBYEAR):
            raise ValueError("a sub-year code goes with SUBYEAR precision, and only with it")

    @property
    def display(self) -> str:
        if self.precision is Precision.DAY:
            text = format_day(self.earliest)
        elif self.precision is Precision.MONTH:
            text = f"{MONTHS[self.earliest.month - 1]} {self.earliest.year}"
        elif self.precision is Precision.SUBYEAR:
            assert self.subyear is not None
            text = _SUBYEAR[self.subyear][2].format(y=self.earliest.year, n=f"{(self.earliest.year + 1) % 100:02d}")
        elif self.precision is Precision.DECADE:
            text = f"{self.earliest.year}s"
        else:
            text = str(self.earliest.year)
        if self.approximate:
            text = "c. " + text
        if self.uncertain:
            text += "?"
        return text


Kind = Literal["moment", "period"]


@value
class EdtfDate:
    """A parsed EDTF string: a single date, an interval, or one day of a range.

    ``start`` and ``end`` are the same point for a single date; ``None`` marks
    an open end (``..``). ``interval`` is a period (``1935/1938``); ``one_of``
    is a moment somewhere in a range (``[1929..1931]``).
    """

    text: str
    start: Point | None
    end: Point | None
    interval: bool = False
    one_of: bool = False

    def __post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ValueError("a date needs at least one closed end")
        if self.interval and self.one_of:
            raise ValueError("a date is an interval or one of a range, not both")
        if not (self.interval or self.one_of) and self.start != self.end:
            raise ValueError("a single date has the same start and end")
        if self.start is not None and self.end is not None and self.start.earliest > self.end.latest:
            raise ValueError(f"range ends before it starts: {self.text}")

    @property
    def kind(self) -> Kind:
        """'period' for an interval (a state that lasts); 'moment' for everything else."""
        return "period" if self.interval else "moment"

    @property
    def span(self) -> Span:
        return Span(
            self.start.earliest if self.start else None,
            self.end.latest if self.end else None,
        )

    @property
    def precision(self) -> str:
        """'day', 'month', 'subyear' or 'year'; 'interval' or 'open' for periods; 'one-of' for ranges."""
        if self.one_of:
            return "one-of"
        if not self.interval:
            assert self.start is not None
            return self.start.precision.value
        return "interval" if self.start and self.end else "open"

    @property
    def display(self) -> str:
        """The date in words: '1935–1938' lasts, 'between 1929 and 1931' happened once."""
        if not (self.interval or self.one_of):
            assert self.start is not None
            return self.start.display
        if self.start is None:
            assert self.end is not None
            return f"{'by' if self.one_of else 'until'} {self.end.display}"
        if self.end is None:
            return f"{self.start.display} or later" if self.one_of else f"from {self.start.display}"
        left, right = self.start.display, self.end.display
        if left == right:
            return left
        if self.one_of:
            return f"between {left} and {right}"
        sep = "–" if " " not in left + right else " – "
        return f"{left}{sep}{right}"


_POINT = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<qual>[?~%])?$")
_DECADE = re.compile(r"^(?P<decade>\d{3})X(?P<qual>[?~%])?$")  # EDTF level 1: 193X is the 1930s


def _parse_point(text: str, whole: str) -> Point:
    decade = _DECADE.match(text)
    if decade:
        first = int(decade["decade"]) * 10
        if first == 0:
            raise DateError(f"the decade of year 0 is not supported: {whole!r}")
        qual = decade["qual"] or ""
        return Point(date(first, 1, 1), date(first + 9, 12, 31), Precision.DECADE,
                     uncertain=qual in ("?", "%"), approximate=qual in ("~", "%"))  # fmt: skip
    m = _POINT.match(text)
    if not m:
        raise DateError(f"not an EDTF date: {whole!r} (expected e.g. 1933, 1933-02, 1933-01-30)")
    year = int(m["year"])
    if year == 0:
        raise DateError(f"year 0 is not supported: {whole!r}")
    qual = m["qual"] or ""
    flags = {"uncertain": qual in "?%" and qual != "", "approximate": qual in "~%" and qual != ""}
    if m["month"] is None:
        return Point(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, **flags)
    code = int(m["month"])
    if m["day"] is None and code >= 21:
        if code not in _SUBYEAR:
            what = "a season with no hemisphere" if 21 <= code <= 24 else "not a sub-year code"
            raise DateError(
                f"{whole!r}: {code} is {what}; use 25–32 (seasons of a hemisphere), 33–36 (quarters), "
                "37–39 (early/mid/late) or 40–41 (halves)"
            )
        first, last, _ = _SUBYEAR[code]
        end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
        if end_year > 9999:
            raise DateError(f"{whole!r}: the season runs past year 9999")
        end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
        return Point(date(year, first, 1), end, Precision.SUBYEAR, subyear=code, **flags)
    if not 1 <= code <= 12:
        raise DateError(f"{whole!r}: month {code} does not exist")
    last_day = calendar.monthrange(year, code)[1]
    if m["day"] is None:
        return Point(date(year, code, 1), date(year, code, last_day), Precision.MONTH, **flags)
    day = int(m["day"])
    if not 1 <= day <= last_day:
        raise DateError(f"{whole!r}: {MONTHS[code - 1]} {year} has no day {day}")
    exact = date(year, code, day)
    return Point(exact, exact, Precision.DAY, **flags)


_ONE_OF = re.compile(r"^\[(?P<lo>[^\[\]]*?)\.\.(?P<hi>[^\[\]]*)\]$")


def _parse_one_of(text: str) -> EdtfDate:
    """``[1929..1931]``, ``[..1933]`` or ``[1936..]``: one day somewhere in the range."""
    m = _ONE_OF.match(text)
    if not m or "," in text:
        raise DateError(
            f"{text!r}: write one moment in a range as [1929..1931], [..1933] or [1936..]; lists are not supported"
        )
    if not m["lo"] and not m["hi"]:
        raise DateError(f"{text!r}: a range needs at least one closed end")
    start = _parse_point(m["lo"], text) if m["lo"] else None
    end = _parse_point(m["hi"], text) if m["hi"] else None
    if start is not None and end is not None and start.earliest > end.latest:
        raise DateError(f"{text!r}: the range ends before it starts")
    return EdtfDate(text, start, end, one_of=True)


@lru_cache(maxsize=65536)
def parse_edtf(text: str) -> EdtfDate:
    """Parse the supported EDTF subset; raise DateError with a readable reason.

    Cached: the result is frozen, and a large dataset repeats its dates.
    """
    if not isinstance(text, str) or not text.strip():
        raise DateError("empty date")
    text = text.strip()
    if text.startswith("[") or text.endswith("]"):
        return _parse_one_of(text)
    if "/" not in text:
        point = _parse_point(text, text)
        return EdtfDate(text, point, point)
    left, _, right = text.partition("/")
    if "/" in right:
        raise DateError(f"{text!r}: an interval has exactly one '/'")
    if left in ("", "..") and right in ("", ".."):
        raise DateError(f"{text!r}: an interval needs at least one closed end")
    if left == "" or right == "":
        raise DateError(f"{text!r}: write an open end as '..', as in ../1933-01-30")
    start = None if left == ".." else _parse_point(left, text)
    end = None if right == ".." else _parse_point(right, text)
    if start is not None and end is not None and start.earliest > end.latest:
        raise DateError(f"{text!r}: the interval ends before it starts")
    return EdtfDate(text, start, end, interval=True)


# What parse_when reads (dates people type) is compiled when first used, by re's own cache: a dozen
# patterns, 1 ms of every start-up, that a command without a date in its options never needs.
_EDTF_SHAPE = r"^[\d.?~%/\[\]X-]+$"
_DAY_MONTH_NUMBERS = r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})$"
_APPROXIMATE = r"(?i)^(?:circa|about|around|approximately|ca\.|c\.|ca(?=\s)|c(?=\s)|~)\s*(.+)$"
_DECADE_WORDS = r"(?i)^(?:the\s+)?(\d{3})0s$"
_SEASON = r"(?i)\b(spring|summer|autumn|fall|winter)\b"
LIKE = "a date like 1933, Feb 1933, 30 January 1933, early 1933, c. 1933 or the 1930s"
_PART_OF_YEAR = (
    r"(?i)^(?:the\s+)?(early|mid|late|first half of|second half of|first quarter of|second quarter of"
    r"|third quarter of|fourth quarter of)[\s-]*(\d{4})$"
)
PART_CODES = {"early": 37, "mid": 38, "late": 39, "first half of": 40, "second half of": 41}
"""The EDTF sub-year code of each part of a year in words (also read by ``sedov extract``)."""
QUARTER_CODES = {f"{nth} quarter of": 33 + i for i, nth in enumerate(("first", "second", "third", "fourth"))}


_YEAR_FIRST_SLASHES = r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$"
_BETWEEN = r"(?i)^between\s+(.+?)\s+and\s+(.+)$"
_LEADING = r"(?i)^(by|before|until|till|from|since|after)\s+(.+)$"
_TRAILING = r"(?i)^(.+?)\s+or\s+(later|after|earlier|before)$"
_DASHED = r"^(.+?)\s*[–—]\s*(.+)$"  # the tool's own "1935–1938", "24 February 1906 – 1938"
_YEAR_PAIR = r"^(\d{4})-(\d{4})$"  # 1935-1938 (two digits after a hyphen are EDTF: 1933-02, 1933-37)
_DECADE_PART = r"(?i)^(?:the\s+)?(early|mid|late)[\s-]*(?:the\s+)?(\d{3})0s$"
DECADE_THIRDS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
"""The thirds of a decade, as ``sedov extract`` reads them: the early 1930s are 1930–1933."""


def _words_of(iso: str) -> str:
    try:
        return parse_edtf(iso).display
    except DateError:
        return ""


def _numeric_day(text: str, first: int, second: int, year: int, year_digits: int) -> EdtfDate:
    """A day written in numbers only: 16.02.1938 and 2/16/1938 can be read one way, 3/2/1938 two."""
    if year_digits != 4:
        sep = next((c for c in text.strip() if not c.isdigit()), "/")
        head = text.strip().rsplit(sep, 1)[0]
        example = (f"{head}{sep}19{year:02d} or {head}{sep}20{year:02d}" if year_digits == 2
                   else f"{head}{sep}{year:04d}")  # fmt: skip
        raise DateError(f"{text!r}: write the year in full (which century?), e.g. {example}")
    readings = []
    for day, month in ((first, second), (second, first)):
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            readings.append(f"{year:04d}-{month:02d}-{day:02d}")
    readings = list(dict.fromkeys(readings))
    if len(readings) == 1:  # 16 cannot be a month: there is one reading
        return parse_edtf(readings[0])
    if not readings:
        raise DateError(f"{text!r} is not a day: neither {first} nor {second} can be its month")
    words = " or ".join(_words_of(r) for r in readings)
    raise DateError(
        f"{text!r} is ambiguous: the day and the month could be either way round. "
        f"Write the month in words ({words}) or as ISO ({' or '.join(readings)})"
    )


def _single(text: str, whole: str) -> Point:
    """One date inside a range the user typed: a year, month, day or part of a year."""
    inner = parse_when(text)
    if inner.interval or inner.one_of or inner.start is None:
        raise DateError(f"{whole!r}: each end of a range is one date, as in between 1929 and 1931")
    return inner.start


def _point_text(point: Point) -> str:
    """The EDTF of a point, without qualifiers (a range's ends carry none here)."""
    y = f"{point.earliest.year:04d}"
    if point.precision is Precision.DAY:
        return point.earliest.isoformat()
    if point.precision is Precision.MONTH:
        return f"{y}-{point.earliest.month:02d}"
    if point.precision is Precision.SUBYEAR:
        return f"{y}-{point.subyear}"
    if point.precision is Precision.DECADE:
        return f"{y[:3]}X"
    return y


def _before(point: Point) -> str:
    """The EDTF of the last stretch before ``point`` at its own precision ("before 1930" is 1929)."""
    if point.precision is Precision.YEAR:
        return f"{point.earliest.year - 1:04d}"
    if point.precision is Precision.MONTH:
        prev = point.earliest - timedelta(days=1)
        return f"{prev.year:04d}-{prev.month:02d}"
    return (point.earliest - timedelta(days=1)).isoformat()


def _after(point: Point) -> str:
    """The EDTF of the first stretch after ``point`` ("after 1936" is 1937)."""
    if point.precision is Precision.YEAR:
        return f"{point.latest.year + 1:04d}"
    if point.precision is Precision.MONTH:
        nxt = point.latest + timedelta(days=1)
        return f"{nxt.year:04d}-{nxt.month:02d}"
    return (point.latest + timedelta(days=1)).isoformat()


def _spoken(text: str) -> EdtfDate | None:
    """The tool's own display forms read back, because people copy them: "between 1929 and 1931",
    "1935–1938", "by 1933", "until 1938", "1936 or later", "before 1930", "the early 1930s"."""
    part = re.match(_DECADE_PART, text)
    if part:
        decade = int(part[2]) * 10
        first, last = DECADE_THIRDS[part[1].lower()]
        return parse_edtf(f"[{decade + first:04d}..{decade + last:04d}]")
    between = re.match(_BETWEEN, text)
    if between:
        lo, hi = _single(between[1], text), _single(between[2], text)
        return _checked(f"[{_point_text(lo)}..{_point_text(hi)}]", text)
    pair = re.match(_YEAR_PAIR, text)
    dashed = re.match(_DASHED, text)
    if pair or dashed:
        left, right = (pair or dashed).groups()  # type: ignore[union-attr]
        if re.fullmatch(r"\d{2}", right) and re.fullmatch(r"\d{4}", left):  # 1931–33
            right = left[:2] + right
        return _checked(f"{_point_text(_single(left, text))}/{_point_text(_single(right, text))}", text)
    leading = re.match(_LEADING, text)
    if leading:
        word, point = leading[1].lower(), _single(leading[2], text)
        edtf = {
            "by": f"[..{_point_text(point)}]", "before": f"[..{_before(point)}]", "until": f"../{_point_text(point)}",
            "till": f"../{_point_text(point)}", "from": f"{_point_text(point)}/..",
            "since": f"{_point_text(point)}/..", "after": f"[{_after(point)}..]",
        }[word]  # fmt: skip
        return _checked(edtf, text)
    trailing = re.match(_TRAILING, text)
    if trailing:
        point, word = _single(trailing[1], text), trailing[2].lower()
        return _checked(
            f"[{_point_text(point)}..]" if word in ("later", "after") else f"[..{_point_text(point)}]", text
        )
    return None


def _checked(edtf: str, text: str) -> EdtfDate:
    try:
        return parse_edtf(edtf)
    except DateError as exc:
        if "ends before it starts" in str(exc):
            raise DateError(f"{text!r}: the range ends before it starts") from None
        raise


def _mended_months(text: str) -> str | None:
    """``text`` with a misspelt month name put right ('Febuary 1933' → 'February 1933'), if that reads as a date."""
    import difflib

    names = {m.casefold(): m for m in MONTHS}
    words = re.split(r"(\W+)", text)
    changed = False
    for i, word in enumerate(words):
        if len(word) >= 4 and word.isalpha() and word.casefold() not in names:
            close = difflib.get_close_matches(word.casefold(), names, n=1, cutoff=0.75)
            if close:
                words[i], changed = names[close[0]], True
    if not changed:
        return None
    mended = "".join(words)
    try:
        parse_when(mended)
    except DateError:
        return None
    return mended


def _impossible_day(text: str) -> str | None:
    """'February 1933 has no day 31' for a day written in words that its month does not have."""
    months = {name.casefold(): n for n, name in enumerate(calendar.month_name) if name}
    months.update({name.casefold(): n for n, name in enumerate(calendar.month_abbr) if name})
    words = re.findall(r"[^\W\d_]+|\d+", text)
    month = next((months[w.casefold()] for w in words if w.casefold() in months), None)
    year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), None)
    if month is None or year is None or day is None or not 1 <= year <= 9999:
        return None
    if day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{calendar.month_name[month]} {year} has no day {day}"


_SEASON_WORDS = re.compile(
    r"(?i)^(?:the\s+)?(?P<south>southern\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+"
    r"(?P<year>\d{4})(?:\s*[–—-]\s*(?P<next>\d{2}|\d{4}))?$"
)
_SEASON_CODES = {"spring": (25, 29), "summer": (26, 30), "autumn": (27, 31), "fall": (27, 31), "winter": (28, 32)}


def _season(text: str) -> EdtfDate:
    """A season as the tool displays it ("spring 1933", "winter 1933–34", "southern spring 1933"): the
    northern season unless it says southern, as EDTF's codes 25–32 fix them. Other shapes are refused,
    since which months a bare season covers depends on the hemisphere and the reader."""
    m = _SEASON_WORDS.match(text)
    if m is None:
        raise DateError(
            f"{text!r}: write a season as sedov shows one: spring 1933, winter 1933–34 (the northern seasons), "
            "southern spring 1933; or give months (Mar 1933) or a part of the year (early 1933, mid-1933)"
        )
    year = int(m["year"])
    north, south = _SEASON_CODES[m["season"].lower()]
    code = south if m["south"] else north
    crosses = code in (28, 30)  # a northern winter, a southern summer: December into the next February
    if m["next"] is not None:
        following = int(m["next"]) if len(m["next"]) == 4 else (year // 100) * 100 + int(m["next"])
        if not crosses or following != year + 1:
            raise DateError(f"{text!r}: only a season that runs into the next year (winter {year}–"
                            f"{(year + 1) % 100:02d}) names two years, and the second is the next")  # fmt: skip
    return parse_edtf(f"{year:04d}-{code}")


def parse_when(text: str) -> EdtfDate:
    """Parse what a user types for a date: EDTF, or words like 'Feb 1933'.

    The result keeps the precision the user gave: 'Feb 1933' is the whole of
    February, never 1 February, and 'early 1933' is January to April, as
    this tool displays it. Anything with digits, dashes and slashes only
    is read as EDTF, so '1933-13-45' is refused rather than guessed at.
    """
    if not text or not text.strip():
        raise DateError(f"no date given; write {LIKE}")
    text = text.strip()
    numbers = re.match(_DAY_MONTH_NUMBERS, text)
    if numbers:
        return _numeric_day(text, int(numbers[1]), int(numbers[2]), int(numbers[3]), len(numbers[3]))
    if re.search(_SEASON, text):
        return _season(text)
    approximate = re.match(_APPROXIMATE, text)
    if approximate:  # "c. 1933" is EDTF 1933~, at the precision given
        inner = parse_when(approximate[1])
        if inner.interval or inner.one_of or inner.start is None or inner.start.approximate:
            raise DateError(f"{text!r}: 'c.' goes with one year, month or day, as in c. 1933")
        return parse_edtf(inner.text.rstrip("?") + ("%" if inner.start.uncertain else "~"))
    decade = re.match(_DECADE_WORDS, text)
    if decade:
        return parse_edtf(f"{decade[1]}X")
    slashed = re.match(_YEAR_FIRST_SLASHES, text)
    if slashed:  # 1933/02/16: the reader meant a day, so say how to write one
        year, month, day = (int(n) for n in slashed.groups())
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        raise DateError(
            f"{text!r}: write a day with dashes, as {iso}" + (f" ({_words_of(iso)})" if _words_of(iso) else "")
        )
    spoken = _spoken(text)
    if spoken is not None:
        return spoken
    if re.match(_EDTF_SHAPE, text):
        try:
            return parse_edtf(text)
        except DateError as exc:
            if "not an EDTF date" in str(exc):
                raise DateError(f"{text!r} is not a date; write {LIKE}") from None
            raise
    part = re.match(_PART_OF_YEAR, text)
    if part:  # the display forms read back: "early 1933" is 1933-37, "second quarter of 1933" 1933-34
        words = " ".join(part[1].lower().split())
        return parse_edtf(f"{part[2]}-{PART_CODES.get(words) or QUARTER_CODES[words]}")
    # dateutil is only needed for dates written in words: import it lazily.
    from datetime import datetime

    from dateutil import parser as dateutil_parser

    try:
        a = dateutil_parser.parse(text, default=datetime(1, 1, 1))
        b = dateutil_parser.parse(text, default=datetime(2, 2, 2))
    except (ValueError, OverflowError) as exc:
        impossible = _impossible_day(text) if "out of range" in str(exc) else None
        if impossible:  # "31 February 1933": say what is wrong, as 1933-02-31 does
            raise DateError(f"{text!r}: {impossible}") from None
        mended = _mended_months(text)
        hint = f" (did you mean {mended!r}?)" if mended else ""
        raise DateError(f"{text!r} is not a date; write {LIKE}{hint}") from exc
    if a.year != b.year:
        raise DateError(f"{text!r} has no year; write {LIKE}")
    if (a.hour, a.minute, a.second) != (0, 0, 0):
        raise DateError(f"{text!r}: give a day, month or year, not a time")
    if a.month != b.month:
        edtf = f"{a.year:04d}"
    elif a.day != b.day:
        edtf = f"{a.year:04d}-{a.month:02d}"
    else:
        edtf = f"{a.year:04d}-{a.month:02d}-{a.day:02d}"
    return parse_edtf(edtf)


def filing_day(when: EdtfDate, span: Span) -> date | None:
    """The day a chronology files a date under, as a historian files it: where its words put it.

    That is the first day it can fall on, bounds included ("between 1929 and
    1931" goes with 1929, "1936 or later" with 1936), except for a moment
    known only by its latest day: "by 16 February 1938" is filed at 16
    February 1938, and "by 1933" at the start of 1933, not at the earliest day
    a bound allows (which can be years before). None for an open start.
    """
    if when.one_of and when.start is None and when.end is not None:
        day = when.end.earliest
        if span.earliest is not None:
            day = max(day, span.earliest)
        return min(day, span.latest) if span.latest is not None else day
    return span.earliest


# --- ages -----------------------------------------------------------------


def birthday_in(birth: date, year: int) -> date:
    """The birthday in ``year``. A 29 February birth counts from 1 March in common years."""
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return date(year, 3, 1)
    return birth.replace(year=year)


def years_between(birth: date, day: date) -> int:
    """Completed years of age on ``day``. The birthday itself gives the new age."""
    if day < birth:
        raise ValueError(f"{day} is before the birth on {birth}")
    years = day.year - birth.year
    if day < birthday_in(birth, day.year):
        years -= 1
    return years


@value
class AgeRange:
    """An age known to lie between ``min`` and ``max`` completed years.

    ``max`` is None when nothing bounds it: a span that never ends, in a life
    whose death the dataset does not know. The age is then "N or older".
    """

    min: int
    max: int | None

    def __post_init__(self) -> None:
        if self.min < 0 or (self.max is not None and self.max < self.min):
            raise ValueError(f"bad age range {self.min}..{self.max}")

    @property
    def exact(self) -> bool:
        return self.min == self.max

    def __str__(self) -> str:
        if self.max is None:
            return f"{self.min} or older"
        return str(self.min) if self.exact else f"{self.min}–{self.max}"


@value
class AgeSegment:
    """Within a span, the days on which the person had one age."""

    age: int
    span: Span


class LifeStatus(StrEnum):
    """Where a date lies against a life. Only the two certain outsides have no age."""

    BEFORE_BIRTH = "before-birth"
    MAYBE_BEFORE_BIRTH = "maybe-before-birth"
    LIVED = "lived"
    MAYBE_AFTER_DEATH = "maybe-after-death"
    AFTER_DEATH = "after-death"
    UNKNOWN = "unknown"
    """The dataset gives no birth for the person (a draft of a text that does not), so there is no age."""

    @property
    def has_age(self) -> bool:
        return self not in (LifeStatus.BEFORE_BIRTH, LifeStatus.AFTER_DEATH, LifeStatus.UNKNOWN)

    def __repr__(self) -> str:
        return f"LifeStatus.{self.name}"


@value
class AgeAnswer:
    """The age over a span, or why there is none.

    ``lived`` is the part of the span inside the life; ``clipped`` says the span
    reached outside the life and only the lived part was counted. A
    ``maybe-…`` status keeps the age over the lived part, but the date may lie
    outside the life altogether, and a reader must be told so.
    """

    status: LifeStatus
    age: AgeRange | None = None
    lived: Span | None = None
    clipped: bool = False
    segments: tuple[AgeSegment, ...] = ()

    def __post_init__(self) -> None:
        if self.status.has_age != (self.age is not None):
            raise ValueError("an age goes with a status inside the life, and only with it")


@value
class Life:
    """A person's possible birth days and, if known, possible death days."""

    birth: Span
    death: Span | None = None

    def __post_init__(self) -> None:
        if self.birth.earliest is None or self.birth.latest is None:
            raise ValueError("a birth needs both bounds")
        if self.death is not None:
            if self.death.earliest is None or self.death.latest is None:
                raise ValueError("a death needs both bounds")
            if self.death.latest < self.birth.earliest:
                raise ValueError("death before birth")

    @property
    def exact(self) -> bool:
        return self.birth.earliest == self.birth.latest

    def status_of(
        self, span: Span, certain: Span | None = None, *, follows_death: bool = False, follows_birth: bool = False,
        precedes_death: bool = False,
    ) -> LifeStatus:  # fmt: skip
        """Where ``span`` lies against the life.

        ``certain`` is the stretch a period certainly covers (None for a
        moment): a period that surely overlaps the life was lived even if it
        runs past the death, while a moment that may fall after the death
        only maybe was.

        ``follows_death`` says the span is known to come after the death,
        though it may begin on the death's own day: the confirmation of a
        death can be sent the day it happens, and still it cannot precede
        it. Days alone cannot say this (a day holds both the last hours of
        the life and the first after it), so it is a fact of its own.

        ``follows_birth`` says the span comes at or after the birth: the birth
        itself when it is known only as a year ("born in 1900" is not "maybe
        before the birth in 1900"), or a state the text gives no start for
        ("until 1976"), which a person can only be in once born.

        ``precedes_death`` says the span comes at or before the death: the
        subject's own act that the text leaves open at its end ("after 1938
        she fled"), which a person does only while alive.
        """
        b0, b1 = self.birth.earliest, self.birth.latest
        assert b0 is not None and b1 is not None
        d0 = self.death.earliest if self.death else None
        d1 = self.death.latest if self.death else None
        if follows_death:
            if d0 is None:
                raise ValueError("only a life with a known death can be followed by it")
            if span.earliest is None or span.earliest < d0:
                raise ValueError(f"a span that follows the death cannot start before it: {span}")
            return LifeStatus.AFTER_DEATH
        if follows_birth and (span.earliest is None or span.earliest < b0):
            raise ValueError(f"a span that follows the birth cannot start before it: {span}")
        if precedes_death and (d1 is None or span.latest is None or span.latest > d1):
            raise ValueError(f"a span that precedes the death cannot end after it: {span}")
        if span.latest is not None and span.latest < b0:
            return LifeStatus.BEFORE_BIRTH
        if d1 is not None and span.earliest is not None and span.earliest > d1:
            return LifeStatus.AFTER_DEATH
        first = b0 if follows_birth else b1
        last = d1 if precedes_death else d0
        surely_alive = Span(first, last) if last is None or first <= last else None
        if surely_alive is not None:
            if span.within(surely_alive):
                return LifeStatus.LIVED
            if certain is not None and certain.overlaps(surely_alive):
                return LifeStatus.LIVED
        if d0 is not None and (span.latest is None or span.latest > d0):
            return LifeStatus.MAYBE_AFTER_DEATH
        return LifeStatus.MAYBE_BEFORE_BIRTH

    def age_over(
        self, span: Span, certain: Span | None = None, *, segments: bool = True, follows_death: bool = False,
        follows_birth: bool = False, precedes_death: bool = False,
    ) -> AgeAnswer:  # fmt: skip
        """Ages over every day of ``span`` that falls within the life.

        ``certain`` is what a period certainly covers, and ``follows_death``
        and ``follows_birth`` mark a span known to come after the death or
        at or after the birth; see :meth:`status_of`.
        ``segments`` (the age on each stretch between birthdays) are only
        worked out when asked for: age-at shows them, listings do not.
        """
        b0, b1 = self.birth.earliest, self.birth.latest
        assert b0 is not None and b1 is not None
        d1 = self.death.latest if self.death else None
        status = self.status_of(span, certain, follows_death=follows_death, follows_birth=follows_birth,
                                precedes_death=precedes_death)  # fmt: skip
        if not status.has_age:
            return AgeAnswer(status)
        lo = b0 if span.earliest is None else max(span.earliest, b0)
        hi_candidates = [d for d in (span.latest, d1) if d is not None]
        hi = min(hi_candidates) if hi_candidates else None  # a span that never ends, and no known death
        youngest = 0 if lo < b1 else years_between(b1, lo)
        oldest = years_between(b0, hi) if hi is not None else None
        lived = Span(lo, hi)
        clipped = lived != span
        stretches = self._segments(lived) if segments and self.exact and hi is not None else ()
        return AgeAnswer(status, AgeRange(youngest, oldest), lived, clipped, stretches)

    def _segments(self, lived: Span) -> tuple[AgeSegment, ...]:
        b = self.birth.earliest
        assert b is not None and lived.earliest is not None and lived.latest is not None
        out: list[AgeSegment] = []
        start = lived.earliest
        for year in range(lived.earliest.year, lived.latest.year + 1):
            bday = birthday_in(b, year)
            if start < bday <= lived.latest:
                out.append(AgeSegment(years_between(b, start), Span(start, bday - timedelta(days=1))))
                start = bday
        out.append(AgeSegment(years_between(b, start), Span(start, lived.latest)))
        return tuple(out)
