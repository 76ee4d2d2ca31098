"""`sedov extract`: dates read at the precision given, relative ones resolved only against the text,
and a draft every other command can load. Exact expected output throughout."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from sedov_cli import cli
from sedov_cli.dates import birthday_in, parse_edtf, years_between
from sedov_cli.environment import Environment
from sedov_cli.extraction import NothingToDraft, draft_dataset
from sedov_cli.extraction.draft import Source
from sedov_cli.extraction.expressions import find_dates
from sedov_cli.extraction.files import cited_path
from sedov_cli.extraction.layout import read_layout
from sedov_cli.extraction.names import find_life_dates, find_places
from sedov_cli.extraction.relative import Found, find_relative, resolve
from sedov_cli.extraction.splitting import sentences

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "extract_dev"


def edtf(sentence: str) -> list[tuple[str, str]]:
    return [(m.text, m.edtf) for m in find_dates(sentence)[0]]


# --- explicit dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He married in 1925 at the age of 19.", [("1925", "1925")]),  # a year, never 19:25
        ("He spent 5 years in exile.", []),  # a duration, not a date
        ("She edited it 1949–56.", [("1949–56", "1949/1956")]),
        ("She edited it 1998-03.", [("1998-03", "1998-03")]),  # ISO month, not 1998 to 2003
        ("Her poems appeared in 1960-62.", [("1960-62", "1960/1962")]),  # no month 62: a range of years
        ("Born 24 February 1906.", [("24 February 1906", "1906-02-24")]),
        ("He died on October 29, 1937.", [("October 29, 1937", "1937-10-29")]),
        ("Died: March 10,1913", [("March 10,1913", "1913-03-10")]),  # the year glued to the day's comma
        ("Prior to 1930 she taught.", [("Prior to 1930", "[..1929]")]),
        ("Up to 1930 she taught.", [("Up to 1930", "../1930")]),
        ("Beginning in 1930, she taught.", [("Beginning in 1930", "1930/..")]),
        ("In or after 1930 she taught.", [("In or after 1930", "[1930..]")]),
        ("Following 1930 she wrote.", [("Following 1930", "[1931..]")]),
        ("In February 1938 he fell ill.", [("February 1938", "1938-02")]),
        ("between 1935 and 1938", [("between 1935 and 1938", "1935/1938")]),
        ("from 1929 to 1931", [("from 1929 to 1931", "1929/1931")]),
        ("from 3 March to 5 June 1931", [("3 March to 5 June 1931", "1931-03-03/1931-06-05")]),
        ("on 24–26 February 1906", [("24–26 February 1906", "1906-02-24/1906-02-26")]),
        ("in February–March 1933", [("February–March 1933", "1933-02/1933-03")]),
        ("in 1929 or 1930", [("1929 or 1930", "[1929..1930]")]),
        ("in the 1920s", [("the 1920s", "[1920..1929]")]),
        ("in the mid-1920s", [("the mid-1920s", "[1924..1926]")]),
        ("during the late 1930s", [("during the late 1930s", "1937/1939")]),
        ("in early 1933", [("early 1933", "1933-37")]),
        ("in mid-1933", [("mid-1933", "1933-38")]),
        ("in late 1933", [("late 1933", "1933-39")]),
        ("in the first half of 1933", [("the first half of 1933", "1933-40")]),
        ("c. 1933", [("c. 1933", "1933~")]),
        ("circa 1933", [("circa 1933", "1933~")]),
        ("about March 1933", [("about March 1933", "1933-03~")]),
        ("post-1902", [("post-1902", "[1903..]")]),
        ("by 1930", [("by 1930", "[..1930]")]),
        ("after 1936", [("after 1936", "[1937..]")]),
        ("before February 1930", [("before February 1930", "[..1930-01]")]),
        ("until 1938", [("until 1938", "../1938")]),
        ("since 1930", [("since 1930", "1930/..")]),
        ("during 1933", [("during 1933", "1933/1933")]),
        ("While in Paris in 1935, he wrote.", [("1935", "1935/1935")]),
        ("7 November [O.S. 26 October] 1879", [("7 November [O.S. 26 October] 1879", "1879-11-07")]),
        ("12 January 1919 [O.S. 30 December 1918]", [("12 January 1919 [O.S. 30 December 1918]", "1919-01-12")]),
        ("from 1920 until his death in 1944", [("from 1920 until his death in 1944", "1920/1944")]),
        ("In the spring of 1933 he left.", [("spring of 1933", "1933-25")]),
        ("During the winter of 1933–34 he wrote.", [("During the winter of 1933–34", "1933-28/1933-28")]),
        ("In the late 18th century it grew.", [("the late 18th century", "[1767..1799]")]),
        ("He lived in the nineteenth century.", [("the nineteenth century", "[1800..1899]")]),
        ("By the turn of the 20th century it was.", [("By the turn of the 20th century", "[..1904]")]),
        ("He was one of the greatest painters of the 20th century.", []),
        ("Painter (fl. 1520–1540) of note.", [("fl. 1520–1540", "1520/1540")]),
        ("Born around 1874 in Oslo.", [("around 1874", "1874~")]),
        (
            "She served from 30 September 1966 – 13 July 1980.",
            [("from 30 September 1966 – 13 July 1980", "1966-09-30/1980-07-13")],
        ),
        ("During 1843 and 1844, she suffered.", [("During 1843 and 1844", "1843/1844")]),
        (
            "It ruled from the Battle of Sekigahara in 1600 until the Meiji Restoration in 1868.",
            [("from the Battle of Sekigahara in 1600 until the Meiji Restoration in 1868", "1600/1868")],
        ),
        ("He rejoined them after the 1794 declaration.", [("after the 1794", "[1794..]")]),
        ("It was not until 1930 that she married.", [("until 1930", "1930")]),  # she married in 1930
        ("She did not marry until 1930.", [("until 1930", "1930")]),
        ("She lived there until 1930, not far from Bergen.", [("until 1930", "../1930")]),
        ("She married no later than 1930.", [("no later than 1930", "[..1930]")]),
        ("She married in 1930 or later.", [("1930", "[1930..]")]),
        ("She was never there before 1930.", [("before 1930", "[1930..]")]),
        ("By the time of the Centennial (1910), she sang.", [("By the time of the Centennial (1910", "[..1910]")]),
        ("By the time of his death in 1938 he was famous.", [("By the time of his death in 1938", "[..1938]")]),
        ("At the end of 1925 she left.", [("the end of 1925", "1925-39")]),
        ("At the beginning of 1925 she left.", [("the beginning of 1925", "1925-37")]),
        ("In the middle of 1925 she left.", [("the middle of 1925", "1925-38")]),
        ("By the end of 1925 she had left.", [("By the end of 1925", "[..1925-39]")]),
    ],
)
def test_explicit_dates_keep_the_precision_the_words_give(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert edtf(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The army had 1,500 soldiers.",
        "They met at 19:25.",
        "It grew by 1925%.",
        "A force of 1500 soldiers.",
        "See page 1925.",
        "In 1200 BC the city fell.",
        "A 1500-strong army.",
        "The figure was 3.1925 exactly.",
    ],
)
def test_numbers_that_are_not_years_are_not_read(sentence: str) -> None:
    assert edtf(sentence) == []


def test_an_impossible_day_is_refused_with_a_reason() -> None:
    found, rejected = find_dates("He wrote on 31 February 1933.")
    assert found == []
    assert [(r.text, r.reason) for r in rejected] == [("31 February 1933", "'1933-02-31': February 1933 has no day 31")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She taught until her retirement in 1965.", [("../1965", "1965")]),
        ("He coached him after he entered the school in 1930.", [("[1930..]", "1930")]),
        ("After his release in 1950 he wrote.", [("[1950..]", "1950")]),
        ("She ruled from January 1980 until her assassination in October 1984.", [("1980-01/1984-10", "1984-10")]),
        ("She taught until 1965.", [("../1965", "")]),
    ],
)
def test_an_event_named_on_the_way_to_a_date_is_a_claim_of_its_own(sentence: str, expected: list[Any]) -> None:
    assert [(m.edtf, m.also) for m in find_dates(sentence)[0]] == expected


def test_notes_say_how_a_bent_date_was_read() -> None:
    (after,) = find_dates("after 1936")[0]
    (double,) = find_dates("on 7 November [O.S. 26 October] 1879")[0]
    assert after.note == "'after' read as starting with 1937, the unit after 1936."
    assert double.note == (
        "A double date: taken as the New Style 1879-11-07; the Old Style (Julian) date is 26 October 1879."
    )


def test_a_century_before_the_noun_it_describes_is_read_only_when_it_meets_the_life() -> None:
    def read(sentence: str) -> list[str]:
        return [m.edtf for m in find_dates(sentence, era=(1800, 2030))[0]]  # a life of 1900–1930

    assert read("She was one of the best-known 20th-century poets.") == ["[1900..1999]"]
    assert read("She lived in a mid-19th-century house.") == []  # 1833–1866: before her life, the house's
    assert read("She collected 18th-century furniture.") == []
    assert read("He was one of the greatest painters of the 20th century.") == []
    assert find_dates("She was a 20th-century poet.")[0] == []  # no life known: not read


def test_a_count_far_from_the_life_is_not_a_year() -> None:
    assert edtf("The 1500 maps she drew.") == [("1500", "1500")]
    assert find_dates("The 1500 maps she drew.", era=(1800, 2060))[0] == []
    assert [m.edtf for m in find_dates("The 1930 elections were close.", era=(1800, 2060))[0]] == ["1930"]


# --- relative dates ---------------------------------------------------------------------------------------


def _resolve(text: str, anchor: str | None, born: str | None = "1906-02-24", died: str | None = None) -> Any:
    from sedov_cli.extraction.relative import Anchor

    (found,) = find_relative(text)
    return resolve(
        found,
        Anchor(anchor, "the anchor") if anchor else None,
        parse_edtf(born) if born else None,
        True,
        parse_edtf(died) if died else None,
    )


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("the following year", "1925", "1926"),
        ("the next year", "1925-03-04", "1926"),
        ("two years later", "1925", "1927"),
        ("a year later", "1933-37", "1934"),
        ("three years earlier", "1925", "1922"),
        ("the previous year", "1925", "1924"),
        ("the following month", "1902-05-30", "1902-06"),
        ("the next day", "1940-08-20", "1940-08-21"),
        ("later that year", "1928-03", "[1928-03..1928-12]"),
        ("earlier that year", "1928-03-05", "[1928-01-01..1928-03-05]"),
        ("later that year", "1928", "1928"),
        ("the same year", "1939-02", "1939"),
        ("by that time", "1930", "[..1930]"),
        ("Soon after", "1920-37", "[1920-37..]"),
        ("On 20 August", "1940-05", "1940-08-20"),
        ("on 3 January", "1940-08-21", "1941-01-03"),
        ("by March", "1941-12", "[..1942-03]"),
        ("Then she married", "1925", "[1925..]"),
        ("She then married", "1925-03", "[1925-03..]"),
        ("Soon she married", "1925", "[1925..]"),
        ("She soon married", "1925", "[1925..]"),
        ("After that, she left", "1925", "[1925..]"),
        ("Following this, she left", "1925", "[1925..]"),
        ("Since then she has lived there", "1925", "1925/.."),
        ("Until then she had lived alone", "1925", "[..1925]"),
        ("In the years that followed she wrote", "1925", "[1925..]"),
        ("She was then the only woman there", "1925", "1925"),
        ("A decade later she left", "1925", "1935"),
        ("Two weeks later she left", "1925-05-04", "1925-05-18"),
        ("In the summer she wrote", "1925", "1925-26"),
        ("In the summer of the following year she wrote", "1925-10", "1926-26"),
        ("In December of that year", "1931-03", "1931-12"),
        ("In March of the following year", "1931", "1932-03"),
        ("Late that year", "1925", "1925-39"),
        ("Early the following year", "1925-05", "1926-37"),
        ("At the end of that year", "1925", "1925-39"),
        ("By the end of the year", "1925", "[..1925-39]"),
        ("The next morning", "1925-05-04", "1925-05-05"),
        ("That evening", "1925-05-04", "1925-05-04"),
        ("The year before, she had married", "1925", "1924"),
        ("The year after, she married", "1925", "1926"),
        ("Years later she returned", "1924", "[1924..]"),
        ("She had earlier lived in Bergen", "1924", "[..1924]"),
        ("By that point she was famous", "1924", "[..1924]"),
        ("By then she sang folk songs", "[1912..]", "[1912..]"),  # at a time with no end: that time
        ("That June she married", "1925-03", "1925-06"),
        ("The following June she married", "1925-03", "1925-06"),
        ("The following June she married", "1925", "[1925-06..1926-06]"),  # which June a bare year does not say
        ("In summer she married", "1925", "1925-26"),
        ("At the turn of the century she lived in Paris", "1898", "[1895..1904]"),
        ("By the turn of the century she lived in Paris", "1903-05", "[..1904]"),
        ("By the following year she wrote", "1925", "[..1926]"),
        ("By the next decade she wrote", "1865", "[..1879]"),  # the decade after 1865's: the 1870s
        ("In the next decade she wrote", "1925-05", "1925/1935"),  # the ten years from it, as "the next two decades"
        ("Over the following decade she wrote", "1925", "1925/1935"),
        ("At this point she wrote", "1925", "1925"),
        ("Half a year later she left", "1925", "[1925..]"),  # never 'a year later'
    ],
)
def test_relative_dates_count_from_the_anchor(text: str, anchor: str, expected: str) -> None:
    assert _resolve(text, anchor).edtf == expected


@pytest.mark.parametrize(
    ("text", "anchor", "reason"),
    [
        ("the following year", None, "no date before it in its section to count from"),
        ("the following year", "[..1931]", "the date before it ('the anchor') spans more than one year"),
        ("two months later", "1930/1933", "months cannot be counted from 'the anchor', which is not one month or day"),
        ("the next day", "1933-02", "days cannot be counted from 'the anchor', which is not one day"),
        ("a few years earlier", "1933", "the text does not say how many"),
        ("two years before his death", "1933", "counts from something the text does not date"),
        ("two years before", "1933", "counts from something the text does not date"),
    ],
)
def test_relative_dates_without_an_honest_anchor_are_left_out(text: str, anchor: str | None, reason: str) -> None:
    result = _resolve(text, anchor)
    assert (result.edtf, result.note) == (None, reason)


def test_ages_count_from_the_birth_and_stop_at_the_death() -> None:
    assert _resolve("at the age of 19", None).edtf == "[1925-02-24..1926-02-23]"
    assert _resolve("in his twenties", None).edtf == "[1926-02-24..1936-02-23]"
    assert _resolve("in his early twenties", None).edtf == "[1926-02-24..1930-02-23]"
    assert _resolve("aged 19", None, born="1906").edtf == "[1925-01-01..1926-12-30]"  # to the day, from a year
    assert _resolve("when she was 15", None).edtf == "[1921-02-24..1922-02-23]"
    assert find_relative("at 19") == []  # "at 19" alone is not an age: "at 19 she became" is
    assert _resolve("at 19 she became", None).edtf == "[1925-02-24..1926-02-23]"
    assert _resolve("at the age of 15 months", None).edtf == "[1907-05-24..1907-06-23]"
    assert _resolve("on her 16th birthday", None).edtf == "1922-02-24"
    assert _resolve("in her sixties", None, born="1898-05-03", died="1961-10-11").edtf == "[1958-05-03..1961-10-11]"
    late = _resolve("at the age of 40", None, born="1906-02-24", died="1938-02-16")
    assert (late.edtf, late.note) == (None, "age 40 falls after the subject's death (16 February 1938)")
    unborn = _resolve("at the age of 19", None, born=None)
    assert unborn.note == "the subject's birth is not given, so an age cannot be dated"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aged twenty-two", "[1928-02-24..1929-02-23]"),  # the whole number, never "two"
        ("at the age of twenty two", "[1928-02-24..1929-02-23]"),
        ("At sixteen he left", "[1922-02-24..1923-02-23]"),
        ("he married at twenty-two.", "[1928-02-24..1929-02-23]"),
        ("he retired at 65 in Oslo", "[1971-02-24..1972-02-23]"),
        ("At age of 31", "[1937-02-24..1938-02-23]"),
        ("when he was about sixteen years old", "[1922-02-24~..1923-02-23~]"),  # about: approximate days
        ("he was only nine years old", "[1915-02-24..1916-02-23]"),
        ("At 17, Lev Sedov joined", "[1923-02-24..1924-02-23]"),
        ("at 16 years of age", "[1922-02-24..1923-02-23]"),
        ("As a 17-year-old, he enlisted", "[1923-02-24..1924-02-23]"),
        ("By the age of ten", "[..1917-02-23]"),
        ("From the age of seven", "1913-02-24/.."),
        ("Until the age of 12", "../1919-02-23"),
        ("By the time he was 20, he had", "[..1927-02-23]"),
        ("As a teenager he worked in a mill", "[1919-02-24..1926-02-23]"),
        ("in his 20s", "[1926-02-24..1936-02-23]"),
        ("in his late 30s", "[1943-02-24..1946-02-23]"),
        ("in her late teens", "[1923-02-24..1926-02-23]"),  # 17 to 19: the teens are not a decade
        ("in his early teens", "[1919-02-24..1921-02-23]"),
        ("when he was a year old", "[1907-02-24..1908-02-23]"),
        ("She was 17 when she married", "[1923-02-24..1924-02-23]"),
        ("He was only nine when his father died", "[1915-02-24..1916-02-23]"),
    ],
)
def test_ages_in_words_and_at_the_end_of_a_clause(text: str, expected: str) -> None:
    assert _resolve(text, None).edtf == expected


@pytest.mark.parametrize(
    "text",
    [
        "She arrived at 9 o'clock.",
        "He stayed at one point.",
        "at 19",
        "when she was a student in Paris",
        "She was 1 of 5 children when they moved.",
        "He was 100 miles away when it fell.",
    ],
)
def test_a_number_after_at_is_not_always_an_age(text: str) -> None:
    assert [f.form for f in find_relative(text)] == []


@given(
    birth=st.dates(min_value=date(1000, 1, 1), max_value=date(1950, 12, 31)),
    age=st.integers(min_value=0, max_value=100),
)
def test_an_age_range_holds_exactly_the_days_of_that_age(birth: date, age: int) -> None:
    found: Found = find_relative(f"at the age of {age}")[0]
    result = resolve(found, None, parse_edtf(birth.isoformat()), True)
    assert result.edtf is not None
    span = parse_edtf(result.edtf).span
    assert span.earliest is not None and span.latest is not None
    assert years_between(birth, span.earliest) == age == years_between(birth, span.latest)
    assert years_between(birth, span.latest + timedelta(days=1)) == age + 1
    assert span.earliest == birthday_in(birth, birth.year + age)
    if span.earliest > birth:
        assert years_between(birth, span.earliest - timedelta(days=1)) == age - 1


# --- names, sentences, layout -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lev Sedov (24 February 1906 – 16 February 1938) was", ("Lev Sedov", "1906-02-24", "1938-02-16")),
        ("Thomas Hale (1908 - 1937) was", ("Thomas Hale", "1908", "1937")),
        ("Maria Sokolova (née Orlova; 27 March 1901 – 5 January 1933) was",
         ("Maria Sokolova", "1901-03-27", "1933-01-05")),
        ("met Zakhar Moglin (1897–1937) in Paris", ("Zakhar Moglin", "1897", "1937")),
        ("Ann Lee (born 12 May 1950) is", ("Ann Lee", "1950-05-12", None)),
        ("Ivan Petrov (7 November [O.S. 26 October] 1879 – 1940) was", ("Ivan Petrov", "1879-11-07", "1940")),
        ("Karl Brandt (4 March 1890, Hamburg – 9 June 1944, Berlin) was", ("Karl Brandt", "1890-03-04", "1944-06-09")),
        ("Meanwhile Anna Ek (c. 1850 – 1910) wrote", ("Anna Ek", "1850~", "1910")),
    ],
)  # fmt: skip
def test_life_date_parentheses_in_their_common_shapes(sentence: str, expected: tuple[str, str, str | None]) -> None:
    (life,) = find_life_dates(sentence)
    assert (life.name, life.birth, life.death) == expected


def test_a_span_of_something_else_is_not_a_life() -> None:
    assert find_life_dates("The Red Book on the Moscow Trials (1936) was") == []
    assert find_life_dates("The Journal (1949–56) was") == []
    assert find_life_dates("He lived in Prague (1924–1926) then.") == []
    assert find_life_dates("She wrote for the Times (1920–1930).") == []
    (zina,) = find_life_dates("his half-sister, Zina (1901–1933), died.")
    assert (zina.name, zina.birth, zina.death) == ("Zina", "1901", "1933")


def test_the_first_life_dates_of_the_lead_are_the_subjects_under_any_name() -> None:
    text = (
        "= Leon Trotsky =\n\nLev Davidovich Bronstein (7 November [O.S. 26 October] 1879 – 21 August 1940), "
        "better known as Leon Trotsky, was a revolutionary. He married in 1899.\n"
    )
    person = draft_dataset(text, Source("t.txt")).dataset["people"][0]
    assert (person["name"], person["aliases"], person["birth"]["date"], person["death"]["date"]) == (
        "Leon Trotsky", ["Lev Davidovich Bronstein"], "1879-11-07", "1940-08-21"
    )  # fmt: skip


def test_places_come_only_after_a_preposition_of_place() -> None:
    sentence = (
        "In 1931 he moved to Berlin, worked in the Trotskyist movement in Paris, wrote to Stalin, "
        "and was buried in Cimetière de Thiais near the Seine in February."
    )
    # "the Seine" is a river the gazetteer (cities, countries, states) does not know, and "Seine" names no kind
    # of place: it is left out rather than guessed
    assert find_places(sentence, frozenset()) == ["Berlin", "Paris", "Cimetière de Thiais"]


def test_sentences_do_not_break_at_abbreviations_initials_or_old_style() -> None:
    text = 'L. D. Trotsky was born c. 1879 in St. Petersburg. He left on 7 Nov. [O.S. 26 Oct.] 1902. "Yes." He did.'
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "L. D. Trotsky was born c. 1879 in St. Petersburg.",
        "He left on 7 Nov. [O.S. 26 Oct.] 1902.",
        '"Yes."',
        "He did.",
    ]
    joined = "It was read by G. H. Hardy and J.E. Littlewood in 1913. J.R.R. Tolkien wrote. He left in 1914."
    assert [joined[a:b] for a, b in sentences(joined, 0, len(joined))] == [
        "It was read by G. H. Hardy and J.E. Littlewood in 1913.",  # initials run together are initials
        "J.R.R. Tolkien wrote.",
        "He left in 1914.",
    ]
    glued = "She sang (her first song was recorded in 1954).Although poor, she went on."
    assert [glued[a:b] for a, b in sentences(glued, 0, len(glued))] == [
        "She sang (her first song was recorded in 1954).",  # a stop after a parenthesis, its space lost
        "Although poor, she went on.",
    ]


def test_layout_reads_title_infobox_and_headings_at_any_depth() -> None:
    text = "= Ann =\n\n- Born: 1900\n\nAnn was.\n\n==A==\nOne.\n===B===\nTwo.\n==== C ====\nThree.\n"
    layout = read_layout(text)
    assert layout.title == "Ann"
    assert [(p.section, text[p.start : p.end]) for p in layout.paragraphs] == [
        ("Lead", "Ann was."), ("A", "One."), ("B", "Two."), ("C", "Three."),
    ]  # fmt: skip
    assert [(f.key, text[f.value_start : f.value_end]) for f in layout.infobox] == [("born", "1900")]


# --- the draft ----------------------------------------------------------------------------------------------


def _claims(text: str) -> list[tuple[str, date | None, date | None]]:
    out = []
    for e in draft_dataset(text, Source("a.txt")).dataset["events"]:
        span = parse_edtf(e["date"]).span
        out.append((e["source"]["quote"], span.earliest, span.latest))
    return out


@pytest.mark.parametrize("name", sorted(p.name.removesuffix(".answers.json") for p in DEV.glob("*.answers.json")))
def test_every_claim_of_the_development_set_is_found_and_nothing_else(name: str) -> None:
    text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
    answers = json.loads((DEV / f"{name}.answers.json").read_text(encoding="utf-8"))
    day = lambda s: None if s is None else date.fromisoformat(s)  # noqa: E731
    expected = {(c["sentence"], day(lo), day(hi)) for c in answers["claims"] for lo, hi in c["dates"]}
    drafted = _claims(text)
    found = {c for c in expected if any(c[0] in q and c[1:] == (lo, hi) for q, lo, hi in drafted)}
    extra = [d for d in drafted if not any(c[0] in d[0] and c[1:] == d[1:] for c in expected)]
    assert (sorted(expected - found, key=str), extra) == ([], [])


def test_the_sedov_draft_cites_sentences_and_marks_inference() -> None:
    text = (ROOT / "data" / "article.txt").read_text(encoding="utf-8")
    draft = draft_dataset(text, Source("article.txt"))
    events = draft.dataset["events"]
    assert [(e["date"], e["certainty"]) for e in events][:7] == [
        ("1906-02-24", "stated"), ("1938-02-16", "stated"), ("1905", "stated"),
        ("[1906-02-24..]", "inferred"), ("1925", "stated"), ("1926", "inferred"), ("1929", "stated"),
    ]  # fmt: skip
    apart = events[3]  # "after the October Revolution": the table's day is an outside bound, not the date
    assert (apart["wording"], apart["bounds"][0]["date"], apart["bounds"][0]["basis"]) == (
        "after the October Revolution", "1917-11-07", "outside")  # fmt: skip
    son = events[5]
    assert son["source"] == {
        "section": "Life",
        "quote": "He married in 1925 at the age of 19 and had a son, Lev, the following year.",
    }
    assert son["note"] == (
        "Resolved 'the following year' counted from '1925' ([1925-02-24..1925-12-31]), the last date the text gives "
        "before it."
    )
    assert all(e["source"]["quote"] in text for e in events)
    subject = draft.dataset["people"][0]
    assert (subject["id"], subject["name"], subject["aliases"]) == ("lev-sedov", "Lev Sedov", ["Lev Lvovich Sedov"])


def test_subject_from_the_first_sentence_and_from_subject_option() -> None:
    text = "Ann Lee (3 May 1900 – 1980) was a poet. In 1920 she married.\n"
    assert draft_dataset(text, Source("a.txt")).dataset["people"][0]["name"] == "Ann Lee"
    renamed = draft_dataset(text, Source("a.txt"), subject="Ann Lee Smith").dataset["people"][0]
    assert (renamed["name"], renamed["birth"]["date"]) == ("Ann Lee Smith", "1900-05-03")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("= Ann =\n\nAnn was a poet. She wrote.\n", "found no dated claims in 2 sentences; nothing drafted"),
        ("just words, no name. none at all.\n", "cannot tell whose life this is: the text has no title line, its "
         "first sentence does not open with a name, and no name recurs. Give one with --subject NAME"),
    ],
)  # fmt: skip
def test_nothing_to_draft_says_why(text: str, message: str) -> None:
    with pytest.raises(NothingToDraft) as caught:
        draft_dataset(text, Source("a.txt"))
    assert str(caught.value) == message


def test_a_text_that_dates_only_the_life_is_a_draft_of_the_birth_and_death_with_a_warning() -> None:
    """An obituary's two dates are what its reader wants: drafted, and the summary says that is all."""
    draft = draft_dataset("Ann Lee (1900–1980) was a poet. She wrote a lot.\n", Source("a.txt"))
    assert [(e["date"], e["title"]) for e in draft.dataset["events"]] == [
        ("1900", "Ann Lee is born"), ("1980", "Ann Lee dies")
    ]  # fmt: skip
    assert (
        draft.warnings[0] == "the text dates nothing but Ann Lee's life: the draft holds only the birth and the death"
    )
    born = draft_dataset("Peter Wood was born in Mirfield on 2 December 1924. He was kind.\n", Source("a.txt"))
    assert [e["date"] for e in born.dataset["events"]] == ["1924-12-02"]
    assert born.warnings[0] == "the text dates nothing but Peter Wood's life: the draft holds only that one date"


# --- the command --------------------------------------------------------------------------------------------

BIO = """= Ann Lee =

Ann Lee (3 May 1900 – 9 June 1980) was a poet. She married Tom Ek (1898–1950) in Oslo in 1925.
The following year she moved to Paris. A few years later she wrote a novel.
"""


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli.app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_extract_writes_a_draft_that_every_command_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ann.txt").write_text(BIO, encoding="utf-8")
    result = invoke("extract", "ann.txt", "--output", "draft.json")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "7 claims drafted from 4 sentences (5 stated, 2 inferred; 2 people, 4 places)\n"
        "wrote draft.json; next: sedov --data draft.json timeline\n"
    )
    draft = json.loads(Path("draft.json").read_text(encoding="utf-8"))
    assert draft["source"]["file"] == "ann.txt"
    assert [(e["date"], e["title"]) for e in draft["events"]] == [
        ("1900-05-03", "Ann Lee is born"),
        ("1980-06-09", "Ann Lee dies"),
        ("1898", "Tom Ek is born"),
        ("1950", "Tom Ek dies"),
        ("1925", "She married Tom Ek in Oslo"),
        ("1926", "She moved to Paris"),
        ("[1926..]", "She wrote a novel"),
    ]
    # the country is the gazetteer's (outside knowledge), and its note says so
    assert [(p["name"], p["parent"]) for p in draft["places"]] == [
        ("Norway", None), ("Oslo", "norway"), ("France", None), ("Paris", "france")]  # fmt: skip
    assert "outside knowledge" in draft["places"][1]["note"]
    assert draft["events"][4]["people"] == ["tom-ek"] and draft["events"][4]["places"] == ["oslo"]
    assert draft["events"][6]["note"] == (
        "Resolved 'A few years later' counted from 'The following year' (1926), the last date the text gives "
        "before it: after it, by how many years the text does not say."
    )
    assert invoke("validate", "draft.json").stdout == "ok: draft.json: 7 events, 2 people, 4 places\n"
    ages = invoke("--data", "draft.json", "age-at", "1926", "--json")
    assert json.loads(ages.stdout)["age"] == {"min": 25, "max": 26}
    timeline = invoke("--data", "draft.json", "timeline", "--format", "ndjson")
    assert [json.loads(line)["date"] for line in timeline.stdout.splitlines()][-4:] == [
        "1926", "[1926..]", "1950", "1980-06-09"]  # fmt: skip


def test_extract_to_stdout_is_the_json_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ann.txt").write_text(BIO, encoding="utf-8")
    result = invoke("extract", "ann.txt", "--quiet")
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["subject"] == "ann-lee"


def test_source_file_is_relative_to_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cited_path("texts/ann.txt", "texts/out/../draft.json") == "ann.txt"
    assert cited_path("texts/ann.txt", "draft.json") == "texts/ann.txt"
    assert cited_path("texts/ann.txt", None) == "texts/ann.txt"
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "ann.txt").write_text(BIO, encoding="utf-8")
    ok = invoke("extract", "texts/ann.txt", "--output", "draft.json", "--quiet")
    assert ok.exit_code == 0 and invoke("--data", "draft.json", "validate").exit_code == 0
    assert json.loads(Path("draft.json").read_text(encoding="utf-8"))["source"]["file"] == "texts/ann.txt"
    assert not Path("draft.article.txt").exists()  # inside the draft's folder: cited where it is


def test_an_article_outside_the_drafts_folder_is_copied_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`extract ~/Downloads/bio.txt -o draft.json` works: the loader reads articles only inside a
    dataset's folder, so the text is copied beside the draft, byte for byte, and the summary says so."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "ann.txt").write_bytes(BIO.replace("\n", "\r\n").encode())
    (tmp_path / "out").mkdir()
    result = invoke("extract", "texts/ann.txt", "--output", "out/draft.json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "wrote out/draft.json and out/draft.article.txt (a copy of texts/ann.txt, which lies outside the "
        "draft's folder); next: sedov --data out/draft.json timeline"
    )
    assert (tmp_path / "out" / "draft.article.txt").read_bytes() == (tmp_path / "texts" / "ann.txt").read_bytes()
    assert json.loads((tmp_path / "out" / "draft.json").read_text(encoding="utf-8"))["source"]["file"] == (
        "draft.article.txt"
    )
    assert invoke("--data", "out/draft.json", "validate").stdout == "ok: out/draft.json: 7 events, 2 people, 4 places\n"
    # To standard output there is no folder to copy into: exit 2, with both ways out.
    monkeypatch.chdir(tmp_path / "out")
    to_stdout = invoke("extract", "../texts/ann.txt")
    assert (to_stdout.exit_code, to_stdout.stdout) == (2, "")
    assert to_stdout.stderr == (
        "sedov: error: ../texts/ann.txt lies outside the current folder, and a dataset may only cite an article "
        "inside its own folder; give --output FILE (a copy of the text is saved beside it as FILE.article.txt), "
        "or write the draft beside the article, e.g. --output ../texts/draft.json\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "ann.txt: is empty; there is nothing to extract"),
        (b"  \n\n", "ann.txt: is empty; there is nothing to extract"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "ann.txt: looks like a binary file (it has NUL bytes), not plain text; "
         "save the article as text"),
        (b"Ann \xe9t\xe9 1925", "ann.txt: is not UTF-8 text (byte 4 is 0xe9); save the article as UTF-8"),
        (b"= Ann =\n\nAnn wrote poems. She liked them.\n",
         "ann.txt: found no dated claims in 2 sentences; nothing drafted"),
        ("Ann Lee was born in 1900.\n".encode("utf-16"), "ann.txt: is UTF-16 text, not UTF-8; save the article as "
         "UTF-8 (for example: iconv -f UTF-16 -t UTF-8 ann.txt > ann-utf8.txt)"),
        ("Ann Lee was born in 1900.\n".encode("utf-16-be"), "ann.txt: is UTF-16 text, not UTF-8; save the article "
         "as UTF-8 (for example: iconv -f UTF-16BE -t UTF-8 ann.txt > ann-utf8.txt)"),
        ("Ann Lee (1900 – 1980) – a poet.\n".encode("utf-16-le"), "ann.txt: is UTF-16 text, not UTF-8; save the "
         "article as UTF-8 (for example: iconv -f UTF-16LE -t UTF-8 ann.txt > ann-utf8.txt)"),
    ],
)  # fmt: skip
def test_bad_articles_get_a_sentence_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ann.txt").write_bytes(content)
    result = invoke("extract", "ann.txt", "--output", "draft.json")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"sedov: error: {message}\n")
    assert not Path("draft.json").exists()


def test_a_huge_or_missing_article_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sedov_cli.extraction import files

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(files, "MAX_ARTICLE_BYTES", 1024)
    Path("big.txt").write_text("x" * 2048, encoding="utf-8")
    huge = invoke("extract", "big.txt")
    assert (huge.exit_code, huge.stderr) == (
        1,
        "sedov: error: big.txt: is 2048 bytes, over the 1024 bytes limit; extract reads one biography, so split "
        "the text\n",
    )
    missing = invoke("extract", "nope.txt")
    assert (missing.exit_code, missing.stderr) == (
        1,
        "sedov: error: nope.txt: cannot read: No such file or directory\n",
    )


def test_the_progress_bar_shows_only_at_a_terminal() -> None:
    from sedov_cli.render import PROGRESS_FROM, progress_callback

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    piped = Environment(io.StringIO(), io.StringIO(), False, False, 80, True)
    with progress_callback(piped, PROGRESS_FROM * 2) as none:
        assert none is None
    screen = Terminal()
    at_terminal = Environment(io.StringIO(), screen, True, False, 80, True)
    with progress_callback(at_terminal, PROGRESS_FROM - 1) as short:
        assert short is None
    with progress_callback(at_terminal, PROGRESS_FROM * 2) as bar:
        assert bar is not None
        bar(PROGRESS_FROM, PROGRESS_FROM * 2)
    assert "extracting" in screen.getvalue()


def test_extract_in_a_real_pipe(tmp_path: Path) -> None:
    (tmp_path / "ann.txt").write_text(BIO, encoding="utf-8")
    script = Path(sys.executable).with_name("sedov")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    out = subprocess.run([str(script), "extract", "ann.txt"], cwd=tmp_path, capture_output=True, text=True,
                         env=env, timeout=60, check=False)  # fmt: skip
    assert out.returncode == 0 and "\x1b" not in out.stdout + out.stderr
    assert json.loads(out.stdout)["source"]["file"] == "ann.txt"
    assert out.stderr.startswith("7 claims drafted from 4 sentences")


def test_other_commands_do_not_import_extraction() -> None:
    code = "import sys; from sedov_cli import cli; print(sorted(m for m in sys.modules if 'extraction' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout == "[]\n", out.stderr


def test_a_long_list_of_unresolved_expressions_is_cut_short(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    vague = " ".join(f"A few years earlier she wrote book {n}." for n in range(25))
    Path("ann.txt").write_text(f"Ann Lee (3 May 1900 – 1980) was a poet. In 1920 she married. {vague}\n")
    result = invoke("extract", "ann.txt", "--output", "draft.json")
    lines = result.stderr.splitlines()
    assert lines[0].endswith("25 expressions left unresolved:")
    assert lines[1:3] == ["  - 'A few years earlier' (Lead): the text does not say how many"] * 2
    assert lines[-2:] == ["  … and 5 more", "wrote draft.json; next: sedov --data draft.json timeline"]
    assert len(lines) == 23


def test_the_draft_is_json_with_one_record_per_line() -> None:
    from sedov_cli.extraction.draft import to_json

    data = {"title": "T", "people": [{"id": "a", "name": "Ä"}, {"id": "b"}], "places": [], "source": {"file": "x"}}
    assert to_json(data) == (
        '{\n  "title": "T",\n  "people": [\n    {"id": "a", "name": "Ä"},\n    {"id": "b"}\n  ],\n'
        '  "places": [],\n  "source": {"file": "x"}\n}\n'
    )
    assert json.loads(to_json(data)) == data


def test_two_counts_an_approximate_age_and_a_count_from_an_undated_event_are_read_honestly() -> None:
    """'One or two years later' is either count; 'about fifteen' and 'around this time' are approximate
    ('~'); 'within four months of her arrival' counts from the arrival, or is reported when the text
    does not date it, never from whatever date came last."""
    text = (
        "= Ann Lee =\n\nAnn Lee (3 May 1900 – 9 June 1980) was a poet. She married in 1925. Three or four years "
        "later she entered the college in Oslo. At the age of about fifteen she read Carr. One or two months "
        "later she wrote. In April 1914 she won a prize. Within four months of her arrival in England, the war "
        "began. In 1920 she arrived in Rome. Within two months of her arrival she married. In 1991 she sang. "
        "Around this time, she also appeared in films.\n"
    )
    draft = draft_dataset(text, Source("a.txt"))
    assert [(e["date"], e["title"]) for e in draft.dataset["events"][2:]] == [
        ("1925", "She married"),
        ("[1928..1929]", "She entered the college in Oslo"),
        ("[1915-05-03~..1916-05-02~]", "She read Carr"),
        ("1914-04", "She won a prize"),
        ("1920", "She arrived in Rome"),
        ("[1920..1921-02]", "She married"),
        ("1991", "She sang"),
        ("1991~", "She also appeared in films"),
    ]
    assert [(u.text, u.reason) for u in draft.unresolved] == [
        (
            "One or two months later",
            "months cannot be counted from 'At the age of about fifteen', which is not one month or day",
        ),
        ("Within four months of her arrival", "counts from the arrival, which the text does not date before it"),
    ]


def test_a_time_the_text_cannot_date_stops_the_count_from_running_on_from_an_older_date() -> None:
    """'After the war she moved. Two years later she married': the marriage counts from the move,
    which is not dated, so it is reported, not counted from 1925."""
    text = (
        "= Ann Lee =\n\nAnn Lee (3 May 1900 – 9 June 1980) was a poet. She married in 1925. A few years "
        "earlier she wrote a book. Two years later she moved to Oslo. In 1940 she left. Two years later "
        "she returned.\n"
    )
    draft = draft_dataset(text, Source("a.txt"))
    assert [(e["date"], e["title"]) for e in draft.dataset["events"][2:]] == [
        ("1925", "She married"), ("1940", "She left"), ("1942", "She returned")]  # fmt: skip
    assert [(u.text, u.reason) for u in draft.unresolved] == [
        ("A few years earlier", "the text does not say how many"),
        (
            "Two years later",
            "the time before it ('A few years earlier') could not be dated, so it has nothing to count from",
        ),
    ]
