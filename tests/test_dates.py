"""The date model: EDTF parsing, bounds, display, and age arithmetic."""

from __future__ import annotations

import datetime
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sedov_cli.dates import (
    AgeAnswer,
    AgeRange,
    DateError,
    EdtfDate,
    Life,
    LifeStatus,
    Point,
    Precision,
    Span,
    birthday_in,
    parse_edtf,
    parse_when,
    years_between,
)

LIKE = "write a date like 1933, Feb 1933, 30 January 1933, early 1933, c. 1933 or the 1930s"
SEDOV = Life(Span.day(date(1906, 2, 24)), Span.day(date(1938, 2, 16)))


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "display"),
    [
        ("1906-02-24", "1906-02-24", "1906-02-24", "24 February 1906"),
        ("1938-02", "1938-02-01", "1938-02-28", "February 1938"),
        ("1936-02", "1936-02-01", "1936-02-29", "February 1936"),
        ("1925", "1925-01-01", "1925-12-31", "1925"),
        ("1933-37", "1933-01-01", "1933-04-30", "early 1933"),
        ("1933-38", "1933-05-01", "1933-08-31", "mid-1933"),
        ("1933-39", "1933-09-01", "1933-12-31", "late 1933"),
        ("1933-33", "1933-01-01", "1933-03-31", "first quarter of 1933"),
        ("1933-41", "1933-07-01", "1933-12-31", "second half of 1933"),
        ("1935/1938", "1935-01-01", "1938-12-31", "1935–1938"),
        ("1931/1933-01-30", "1931-01-01", "1933-01-30", "1931 – 30 January 1933"),
        ("../1933-01-30", None, "1933-01-30", "until 30 January 1933"),
        ("1917-11/..", "1917-11-01", None, "from November 1917"),
        ("[1929..1931]", "1929-01-01", "1931-12-31", "between 1929 and 1931"),
        ("[..1933]", None, "1933-12-31", "by 1933"),
        ("[1936..]", "1936-01-01", None, "1936 or later"),
        ("[1932..1933-37]", "1932-01-01", "1933-04-30", "between 1932 and early 1933"),
        ("[1938-02-16..1956]", "1938-02-16", "1956-12-31", "between 16 February 1938 and 1956"),
        ("[1938-02..1938-02]", "1938-02-01", "1938-02-28", "February 1938"),
        ("193X", "1930-01-01", "1939-12-31", "1930s"),
        ("193X~", "1930-01-01", "1939-12-31", "c. 1930s"),
        ("1931?", "1931-01-01", "1931-12-31", "1931?"),
        ("1931~", "1931-01-01", "1931-12-31", "c. 1931"),
        ("1931-05%", "1931-05-01", "1931-05-31", "c. May 1931?"),
    ],
)
def test_parse_gives_bounds_and_display(text: str, earliest: str | None, latest: str | None, display: str) -> None:
    parsed = parse_edtf(text)
    assert parsed.span == Span(
        date.fromisoformat(earliest) if earliest else None, date.fromisoformat(latest) if latest else None
    )
    assert parsed.display == display


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty date"),
        ("banana", "not an EDTF date: 'banana' (expected e.g. 1933, 1933-02, 1933-01-30)"),
        ("1933-13-45", "'1933-13-45': month 13 does not exist"),
        ("1933-02-30", "'1933-02-30': February 1933 has no day 30"),
        (
            "1933-21",
            "'1933-21': 21 is a season with no hemisphere; use 25–32 (seasons of a hemisphere), 33–36 "
            "(quarters), 37–39 (early/mid/late) or 40–41 (halves)",
        ),
        (
            "1933-50",
            "'1933-50': 50 is not a sub-year code; use 25–32 (seasons of a hemisphere), 33–36 (quarters), 37–39 "
            "(early/mid/late) or 40–41 (halves)",
        ),
        ("../..", "'../..': an interval needs at least one closed end"),
        ("1938/1935", "'1938/1935': the interval ends before it starts"),
        ("1935/1936/1937", "'1935/1936/1937': an interval has exactly one '/'"),
        ("/1933", "'/1933': write an open end as '..', as in ../1933-01-30"),
        ("0000", "year 0 is not supported: '0000'"),
        ("[..]", "'[..]': a range needs at least one closed end"),
        ("[1931..1929]", "'[1931..1929]': the range ends before it starts"),
        (
            "[1929,1931]",
            "'[1929,1931]': write one moment in a range as [1929..1931], [..1933] or [1936..]; lists are not supported",
        ),
        (
            "[1929..1931",
            "'[1929..1931': write one moment in a range as [1929..1931], [..1933] or [1936..]; lists are not supported",
        ),
        ("[1929..1931-13]", "'[1929..1931-13]': month 13 does not exist"),
    ],
)
def test_bad_edtf_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(DateError) as err:
        parse_edtf(text)
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("1933", "1933"),
        ("Feb 1933", "1933-02"),
        ("February 1933", "1933-02"),
        ("30 January 1933", "1933-01-30"),
        ("January 30, 1933", "1933-01-30"),
        ("1933-01-30", "1933-01-30"),
        ("  1933-02 ", "1933-02"),
        ("early 1933", "1933-37"),
        ("Mid-1933", "1933-38"),
        ("late 1933", "1933-39"),
        ("first half of 1933", "1933-40"),
        ("c. 1933", "1933~"),
        ("circa 1933", "1933~"),
        ("about 1933", "1933~"),
        ("ca. Feb 1933", "1933-02~"),
        ("1930s", "193X"),
        ("the 1920s", "192X"),
        ("Feb 16 1938", "1938-02-16"),
        ("16 February 1938", "1938-02-16"),
        ("[1929..1931]", "[1929..1931]"),
    ],
)
def test_parse_when_keeps_the_precision_typed(text: str, edtf: str) -> None:
    assert parse_when(text) == parse_edtf(edtf)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "banana",
            f"'banana' is not a date; {LIKE}",
        ),
        ("1933-13-45", "'1933-13-45': month 13 does not exist"),
        ("", f"no date given; {LIKE}"),
        (
            "February",
            f"'February' has no year; {LIKE}",
        ),
        ("c. 1933/1935", "'c. 1933/1935': 'c.' goes with one year, month or day, as in c. 1933"),
        ("30 January 1933 10:30", "'30 January 1933 10:30': give a day, month or year, not a time"),
    ],
)
def test_parse_when_refuses(text: str, message: str) -> None:
    with pytest.raises(DateError) as err:
        parse_when(text)
    assert str(err.value) == message


@pytest.mark.parametrize(
    "text", ["1906-02-24", "1933-37", "1931/1933-01-30", "../1933-01-30", "1917-11/..", "1931~", "[1929..1931]",
             "[..1933]", "[1936..]"],
)  # fmt: skip
def test_repr_round_trips(text: str) -> None:
    value = parse_edtf(text)
    namespace = {"datetime": datetime, "EdtfDate": EdtfDate, "Point": Point, "Precision": Precision}
    assert parse_edtf(text) == value
    assert eval(repr(value), namespace) == value
    assert eval(repr(value.span), {"datetime": datetime, "Span": Span}) == value.span


@pytest.mark.parametrize(
    ("text", "kind"),
    [("1925", "moment"), ("1933-37", "moment"), ("[1929..1931]", "moment"), ("[1936..]", "moment"),
     ("1935/1938", "period"), ("../1938", "period"), ("1905/1905", "period")],
)  # fmt: skip
def test_an_interval_is_a_period_and_everything_else_a_moment(text: str, kind: str) -> None:
    assert parse_edtf(text).kind == kind


def test_a_moment_range_and_a_period_cover_the_same_days_but_read_differently() -> None:
    moment, period = parse_edtf("[1929..1931]"), parse_edtf("1929/1931")
    assert moment.span == period.span
    assert (moment.display, period.display) == ("between 1929 and 1931", "1929–1931")
    assert (moment.precision, period.precision) == ("one-of", "interval")


def test_construction_is_checked() -> None:
    with pytest.raises(ValueError, match="span ends before it starts"):
        Span(date(1933, 2, 1), date(1933, 1, 1))
    with pytest.raises(ValueError, match="sub-year code goes with SUBYEAR"):
        Point(date(1933, 1, 1), date(1933, 4, 30), Precision.YEAR, subyear=37)
    with pytest.raises(ValueError, match=r"bad age range 3\.\.2"):
        AgeRange(3, 2)
    year = Point(date(1929, 1, 1), date(1929, 12, 31), Precision.YEAR)
    with pytest.raises(ValueError, match="an interval or one of a range, not both"):
        EdtfDate("[1929/1929]", year, year, interval=True, one_of=True)
    with pytest.raises(ValueError, match="an age goes with a status inside the life"):
        AgeAnswer(LifeStatus.AFTER_DEATH, AgeRange(31, 31))


def test_sorting_is_earliest_then_latest() -> None:
    texts = ["1933", "1933-01-30", "1932/1933", "1933-37", "../1933-01-30", "1933-01"]
    ordered = sorted(texts, key=lambda t: parse_edtf(t).span.sort_key())
    assert ordered == ["../1933-01-30", "1932/1933", "1933-01", "1933-37", "1933", "1933-01-30"]


# --- ages -----------------------------------------------------------------------------


def test_known_ages_from_the_article() -> None:
    assert SEDOV.age_over(Span.day(date(1938, 2, 16))).age == AgeRange(31, 31)
    married = parse_edtf("1925").span.narrowed(earliest=date(1925, 2, 24))
    assert SEDOV.age_over(married).age == AgeRange(19, 19)


def test_a_span_across_a_birthday_is_a_range_with_segments() -> None:
    answer = SEDOV.age_over(parse_edtf("1933").span)
    assert answer.age == AgeRange(26, 27)
    assert [(s.age, str(s.span)) for s in answer.segments] == [
        (26, "1933-01-01/1933-02-23"),
        (27, "1933-02-24/1933-12-31"),
    ]


def test_a_span_past_death_counts_only_the_lived_part() -> None:
    answer = SEDOV.age_over(parse_edtf("1935/1940").span)
    assert answer.age == AgeRange(28, 31)
    assert answer.lived == Span(date(1935, 1, 1), date(1938, 2, 16))
    assert answer.clipped


def test_nothing_after_death_and_before_birth() -> None:
    after = SEDOV.age_over(parse_edtf("1956").span)
    assert after.status is LifeStatus.AFTER_DEATH and after.age is None
    before = SEDOV.age_over(parse_edtf("1905").span)
    assert before.status is LifeStatus.BEFORE_BIRTH and before.age is None


def test_a_moment_that_may_fall_after_death_keeps_the_lived_age_and_says_maybe() -> None:
    praised = SEDOV.age_over(parse_edtf("[1936..]").span)
    assert (praised.status, praised.age) == (LifeStatus.MAYBE_AFTER_DEATH, AgeRange(29, 31))
    early = SEDOV.age_over(parse_edtf("[1905..1906]").span)
    assert (early.status, early.age) == (LifeStatus.MAYBE_BEFORE_BIRTH, AgeRange(0, 0))


def test_a_period_that_surely_overlaps_the_life_was_lived_even_past_death() -> None:
    span = parse_edtf("1935/1940").span
    certain = Span(date(1935, 12, 31), date(1940, 1, 1))
    assert SEDOV.age_over(span, certain).status is LifeStatus.LIVED
    assert SEDOV.age_over(span).status is LifeStatus.MAYBE_AFTER_DEATH  # as a moment, it only may have
    after = SEDOV.age_over(parse_edtf("1938-02-17/..").span, Span(date(1938, 2, 17), date(1940, 1, 1)))
    assert (after.status, after.age) == (LifeStatus.AFTER_DEATH, None)


def test_what_follows_the_death_may_share_its_day_and_still_has_no_age() -> None:
    """A confirmation of the death on 16 February 1938 or later: the day alone reads as maybe-lived."""
    confirm = parse_edtf("[1938-02-16..1956]").span
    assert SEDOV.age_over(confirm).status is LifeStatus.MAYBE_AFTER_DEATH  # what days alone can say
    answer = SEDOV.age_over(confirm, follows_death=True)
    assert (answer.status, answer.age, answer.lived) == (LifeStatus.AFTER_DEATH, None, None)
    same_day = SEDOV.age_over(Span.day(date(1938, 2, 16)), follows_death=True)
    assert same_day.status is LifeStatus.AFTER_DEATH
    grave = parse_edtf("1938/..").span.narrowed(earliest=date(1938, 2, 16))
    assert SEDOV.status_of(grave, None, follows_death=True) is LifeStatus.AFTER_DEATH
    # a death known only to the month: following it starts on its first possible day
    month = Life(SEDOV.birth, parse_edtf("1938-02").span)
    assert month.status_of(Span(date(1938, 2, 1), None), follows_death=True) is LifeStatus.AFTER_DEATH


def test_following_the_death_needs_a_death_and_cannot_start_before_it() -> None:
    with pytest.raises(ValueError, match="cannot start before it"):
        SEDOV.status_of(Span(date(1938, 2, 15), None), follows_death=True)
    with pytest.raises(ValueError, match="known death"):
        Life(SEDOV.birth).status_of(Span(date(1938, 2, 16), None), follows_death=True)


def test_what_follows_a_birth_known_as_a_year_is_not_maybe_before_it() -> None:
    """ "Born in 1900": the birth itself, dated 1900, is the birth, not an event that may precede it."""
    year = parse_edtf("1900").span
    life = Life(year)
    assert life.age_over(year).status is LifeStatus.MAYBE_BEFORE_BIRTH  # what days alone can say
    birth = life.age_over(year, follows_birth=True)
    assert (birth.status, birth.age, birth.lived) == (LifeStatus.LIVED, AgeRange(0, 0), year)
    taught = parse_edtf("../1976").span.narrowed(earliest=date(1900, 1, 1))  # "she taught until 1976"
    answer = life.age_over(taught, follows_birth=True)
    assert (answer.status, answer.age) == (LifeStatus.LIVED, AgeRange(0, 76))
    died = Life(year, parse_edtf("1950").span)  # a state "until 1976" may run past a 1950 death
    assert died.status_of(taught, follows_birth=True) is LifeStatus.MAYBE_AFTER_DEATH
    with pytest.raises(ValueError, match="cannot start before it"):
        life.status_of(parse_edtf("1899/1976").span, follows_birth=True)


def test_open_start_is_clipped_at_birth() -> None:
    answer = SEDOV.age_over(parse_edtf("../1933-01-30").span)
    assert answer.age == AgeRange(0, 26)


def test_uncertain_birth_widens_the_age() -> None:
    son = Life(parse_edtf("1926").span)
    assert son.age_over(parse_edtf("1933").span).age == AgeRange(6, 7)
    assert son.age_over(Span.day(date(1926, 6, 1))).age == AgeRange(0, 0)
    assert son.age_over(parse_edtf("1926").span).segments == ()


def test_29_february_birthdays() -> None:
    leap = date(1904, 2, 29)
    assert birthday_in(leap, 1905) == date(1905, 3, 1)
    assert birthday_in(leap, 1908) == date(1908, 2, 29)
    assert years_between(leap, date(1905, 2, 28)) == 0
    assert years_between(leap, date(1905, 3, 1)) == 1
    assert years_between(leap, date(1908, 2, 28)) == 3
    assert years_between(leap, date(1908, 2, 29)) == 4


births = st.dates(min_value=date(1800, 1, 1), max_value=date(2000, 12, 31))
offsets = st.integers(min_value=0, max_value=40000)


@given(births, offsets, offsets)
def test_age_range_min_le_max(birth: date, a: int, b: int) -> None:
    lo, hi = sorted((birth + timedelta(days=a), birth + timedelta(days=b)))
    age = Life(Span.day(birth)).age_over(Span(lo, hi)).age
    assert age is not None and age.min <= age.max


@given(births, offsets, offsets)
def test_a_later_day_never_gives_a_smaller_age(birth: date, a: int, b: int) -> None:
    first, second = sorted((a, b))
    assert years_between(birth, birth + timedelta(days=first)) <= years_between(birth, birth + timedelta(days=second))


@given(births, st.integers(min_value=1, max_value=110))
def test_a_birthday_gives_the_new_age(birth: date, years: int) -> None:
    bday = birthday_in(birth, birth.year + years)
    assert years_between(birth, bday) == years
    assert years_between(birth, bday - timedelta(days=1)) == years - 1


@given(births, st.integers(min_value=0, max_value=3000), offsets, st.integers(min_value=0, max_value=4000))
def test_uncertain_birth_range_contains_every_exact_answer(lo_birth: date, width: int, start: int, length: int) -> None:
    hi_birth = lo_birth + timedelta(days=width)
    span = Span(lo_birth + timedelta(days=start), lo_birth + timedelta(days=start + length))
    answer = Life(Span(lo_birth, hi_birth)).age_over(span)
    assert answer.age is not None
    for birth in (lo_birth, hi_birth):
        for day in (span.earliest, span.latest):
            assert day is not None
            if day >= birth:
                assert answer.age.min <= years_between(birth, day) <= answer.age.max


points = st.builds(
    lambda day, precision: {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[
        precision
    ],
    st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(["day", "month", "year"]),
)


@given(points, points)
def test_a_range_covers_from_its_first_start_to_its_last_end(a: str, b: str) -> None:
    lo, hi = sorted((a, b), key=lambda t: parse_edtf(t).span.sort_key())
    if parse_edtf(lo).span.earliest > parse_edtf(hi).span.latest:  # type: ignore[operator]
        return
    moment = parse_edtf(f"[{lo}..{hi}]")
    assert moment.kind == "moment"
    assert moment.span == Span(parse_edtf(lo).span.earliest, parse_edtf(hi).span.latest)
    assert parse_edtf(moment.text) == moment


@given(births, offsets, st.integers(min_value=-20000, max_value=40000), st.integers(min_value=0, max_value=20000))
def test_life_status_of_a_moment_matches_its_days(birth: date, life: int, start: int, length: int) -> None:
    """Checked against the plain meaning: a moment was lived when every day it may
    fall on lies in the life, and has no age only when none does."""
    death = birth + timedelta(days=life)
    lo = birth + timedelta(days=start)
    span = Span(lo, lo + timedelta(days=length))
    assert span.earliest is not None and span.latest is not None
    answer = Life(Span.day(birth), Span.day(death)).age_over(span)
    in_life = [span.earliest >= birth and span.earliest <= death, span.latest >= birth and span.latest <= death]
    if span.latest < birth:
        assert answer.status is LifeStatus.BEFORE_BIRTH
    elif span.earliest > death:
        assert answer.status is LifeStatus.AFTER_DEATH
    elif all(in_life):
        assert answer.status is LifeStatus.LIVED
    else:
        assert answer.status in (LifeStatus.MAYBE_AFTER_DEATH, LifeStatus.MAYBE_BEFORE_BIRTH)
        assert (answer.status is LifeStatus.MAYBE_AFTER_DEATH) == (span.latest > death)
    if answer.age is not None:
        for day in (max(span.earliest, birth), min(span.latest, death)):
            assert answer.age.min <= years_between(birth, day) <= answer.age.max


def test_what_precedes_a_death_known_as_a_year_is_lived_not_maybe_after_it() -> None:
    """ "After 1938 she fled", her death known only as 1968: her own act, so lived, not "if alive"."""
    life = Life(parse_edtf("1878-11-07").span, parse_edtf("1968").span)
    fled = parse_edtf("1938/..").span.narrowed(latest=date(1968, 12, 31))
    assert life.status_of(fled) is LifeStatus.MAYBE_AFTER_DEATH  # what days alone can say
    answer = life.age_over(fled, precedes_death=True)
    assert (answer.status, answer.age) == (LifeStatus.LIVED, AgeRange(59, 90))
    with pytest.raises(ValueError, match="cannot end after it"):
        life.status_of(parse_edtf("1938/..").span, precedes_death=True)
    with pytest.raises(ValueError, match="cannot end after it"):
        Life(parse_edtf("1878").span).status_of(fled, precedes_death=True)  # no death to precede
