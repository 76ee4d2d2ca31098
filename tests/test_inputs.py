"""Issue 21: the inputs people type, and the exact answers they get.

People copy the tool's own display forms back into it, type dates in numbers, forget to
quote, misspell, and reach for options from other tools. Each gets a date read as they
meant it, or a message built from their own words with what to type instead.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sedov_cli import cli
from sedov_cli.dates import parse_when


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("typed", "edtf", "display"),
    [
        ("between 1929 and 1931", "[1929..1931]", "between 1929 and 1931"),
        ("1935–1938", "1935/1938", "1935–1938"),
        ("1935-1938", "1935/1938", "1935–1938"),
        ("1931–33", "1931/1933", "1931–1933"),
        ("by 1933", "[..1933]", "by 1933"),
        ("1936 or later", "[1936..]", "1936 or later"),
        ("between 1932 and early 1933", "[1932..1933-37]", "between 1932 and early 1933"),
        ("early 1930s", "[1930..1933]", "between 1930 and 1933"),
        ("the late 1930s", "[1937..1939]", "between 1937 and 1939"),
        ("before 1930", "[..1929]", "by 1929"),
        ("after 1936", "[1937..]", "1937 or later"),
        ("until 1938", "../1938", "until 1938"),
        ("from 1936", "1936/..", "from 1936"),
        ("between 16 February 1938 and 1956", "[1938-02-16..1956]", "between 16 February 1938 and 1956"),
        ("24 February 1906 – 16 February 1938", "1906-02-24/1938-02-16", "24 February 1906 – 16 February 1938"),
        ("second quarter of 1933", "1933-34", "second quarter of 1933"),
        ("the first half of 1933", "1933-40", "first half of 1933"),
        ("16.02.1938", "1938-02-16", "16 February 1938"),  # 16 cannot be a month
        ("2/16/1938", "1938-02-16", "16 February 1938"),
        # two digits after a hyphen stay EDTF: a month or a part of the year
        ("1933-02", "1933-02", "February 1933"),
        ("1933-37", "1933-37", "early 1933"),
        # seasons as the tool shows them: the northern ones, unless it says southern (EDTF 25–32)
        ("spring 1933", "1933-25", "spring 1933"),
        ("the summer of 1933", "1933-26", "summer 1933"),
        ("Fall 1933", "1933-27", "autumn 1933"),
        ("winter 1933–34", "1933-28", "winter 1933–34"),
        ("winter 1999-2000", "1999-28", "winter 1999–00"),
        ("southern spring 1933", "1933-29", "southern spring 1933"),
    ],
)
def test_the_tools_own_forms_are_read_back(typed: str, edtf: str, display: str) -> None:
    parsed = parse_when(typed)
    assert (parsed.text, parsed.display) == (edtf, display)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["age-at", "3/2/1938"], "'3/2/1938' is ambiguous: the day and the month could be either way round. Write "
         "the month in words (3 February 1938 or 2 March 1938) or as ISO (1938-02-03 or 1938-03-02)"),
        (["age-at", "1933/02/16"], "'1933/02/16': write a day with dashes, as 1933-02-16 (16 February 1933)"),
        # the example is built from the numbers typed
        (["age-at", "16/02/38"], "'16/02/38': write the year in full (which century?), e.g. 16/02/1938 or 16/02/2038"),
        (["events", "--from", "1.2.38"], "'1.2.38': write the year in full (which century?), e.g. 1.2.1938 or "
         "1.2.2038"),
        (["age-at", "31/31/1938"], "'31/31/1938' is not a day: neither 31 nor 31 can be its month"),
        (["age-at", "31 February 1933"], "'31 February 1933': February 1933 has no day 31"),
        (["age-at", "Feb 29 1933"], "'Feb 29 1933': February 1933 has no day 29"),
        (["events", "--from", "between 1933 and 1931"], "'between 1933 and 1931': the range ends before it starts"),
        (["age-at", "Febuary 1933"], "'Febuary 1933' is not a date; write a date like 1933, Feb 1933, 30 January "
         "1933, early 1933, c. 1933 or the 1930s, or an event id (did you mean 'February 1933'?)"),
        (["events", "--from", "murderr"], "'murderr' is not a date; write a date like 1933, Feb 1933, 30 January "
         "1933, early 1933, c. 1933 or the 1930s, or an event id (did you mean the event 'murder-hypothesis'?)"),
        (["show", "murderr"], "unknown event id 'murderr' (did you mean 'murder-hypothesis'?)"),
        (["show", "nonexistent"], "unknown event id 'nonexistent'; sedov timeline --ids shows every id"),
        (["events", "--place", "London"], "unknown place 'London'; the places are: USSR, Turkey, Germany, Berlin, "
         "France, Paris, Clinique Mirabeau, a Paris hospital, Thiais, Cimetière de Thiais, United States, Mexico"),
        (["events", "--period", "exile"], "period 'exile' is ambiguous: Exile in Turkey and Germany "
         "[turkey-germany]; Exile in Paris [paris]. Give more of the name, or the id in brackets (sedov periods "
         "lists them)."),
        (["events", "--period", "childhood"], "unknown period 'childhood'; the periods are: Early life, Exile in "
         "Turkey and Germany, Exile in Paris, Death, After his death"),
        (["events", "Paris"], "events takes no words, only options: did you mean sedov events --place Paris? "
         "(see 'sedov events --help')"),
        (["timeline", "Zborowski"], "timeline takes no words, only options: did you mean sedov timeline --person "
         "Zborowski? (see 'sedov timeline --help')"),
        (["events", "nkvd"], "events takes no words, only options: did you mean sedov events --tag nkvd? "
         "(see 'sedov events --help')"),
        (["events", "red", "book"], "events takes no words, only options: to search the text, write sedov events "
         "--search 'red book' (see 'sedov events --help')"),
        # the shell split a date after --from or --to: the words left over are that date, not a search
        (["timeline", "--from", "30", "January", "1933", "--to", "1934"], "a date of several words needs quotes: "
         "sedov timeline --from '30 January 1933' (see 'sedov timeline --help')"),
        (["events", "--place", "Paris", "--to", "16", "Feb", "1938"], "a date of several words needs quotes: "
         "sedov events --to '16 Feb 1938' (see 'sedov events --help')"),
        (["events", "--from", "Febuary", "1933"], "a date of several words needs quotes: sedov events --from "
         "'Febuary 1933' (see 'sedov events --help')"),
        (["--json", "events"], "--json is an option of a command, so it goes after it: sedov events --json "
         "(see 'sedov --help')"),
        (["events", "--since", "1933"], "no such option: --since (did you mean --from?) (see 'sedov events --help')"),
        (["--since", "1933", "events"], "no such option: --since (did you mean --from?); --from is an option of a "
         "command, so it goes after it: sedov events --from (see 'sedov --help')"),
        (["events", "--match", "certain"], "--match certain does nothing without --from or --to: give a date range"),
        (["age-at", "1933", "--format", "table"],
         "age-at answers in words; --format table does nothing here (try json, csv or tsv)"),
    ],
)  # fmt: skip
def test_mistakes_get_an_answer_built_from_what_was_typed(args: list[str], message: str) -> None:
    assert _run(*args) == (2, "", f"sedov: error: {message}\n")


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["30", "January", "1933"], "On 30 January 1933 Lev Sedov was 26."),  # unquoted words are one date
        (["between 1929 and 1931"], "Between 1929 and 1931 Lev Sedov was 22–25: 22 if by 23 February 1929, "
         "23 if by 23 February 1930, 24 if by 23 February 1931 and 25 if later."),
        (["by", "1933"], "By 1933 Lev Sedov was 0–27 (if it came after the birth, 24 February 1906)."),
        (["first half of 1933"], "In the first half of 1933 Lev Sedov was 26 until 23 February and 27 from "
         "24 February."),
        (["16.02.1938"], "On 16 February 1938 Lev Sedov was 31."),
        (["1933?"], "In 1933 (uncertain) Lev Sedov was 26 until 23 February and 27 from 24 February."),
        (["c.", "1933"], "Around 1933 (read as 1932–1934, a year either side) Lev Sedov was 25–28."),
    ],
)  # fmt: skip
def test_age_at_reads_as_english(args: list[str], sentence: str) -> None:
    assert _run("age-at", *args) == (0, sentence + "\n", "")


def test_about_a_year_is_read_a_year_either_side_in_json_too() -> None:
    code, out, _ = _run("age-at", "about 1933", "--json")
    record = json.loads(out)
    assert (code, record["start"], record["end"], record["age"]) == (0, "1932-01-01", "1934-12-31",
                                                                     {"min": 25, "max": 28})  # fmt: skip


def test_periods_lists_the_life_periods() -> None:
    assert _run("periods") == (0, (
        "id\tname\tsection\tevents\tfirst\tlast\n"
        "life\tEarly life\tLife\t6\t1905-01-01\t1929-12-31\n"
        "turkey-germany\tExile in Turkey and Germany\tExile in Turkey and Germany\t11\t1929-01-01\t1938-02-16\n"
        "paris\tExile in Paris\tExile in Paris\t7\t1932-01-01\t1938-02-16\n"
        "death\tDeath\tDeath\t7\t1938-02-01\t1938-02-16\n"
        "afterwards\tAfter his death\tDeath\t4\t1938-02-16\t1994-12-31\n"
    ), "")  # fmt: skip
    code, out, _ = _run("periods", "--search", "paris", "--json")
    assert (code, [p["id"] for p in json.loads(out)]) == (0, ["paris"])
    assert _run("events", "--period", "paris", "--json")[0] == 0  # one period has the word: it is that one


def test_a_broken_dataset_has_one_error_prefix(tmp_path: object) -> None:
    from pathlib import Path

    bad = Path(str(tmp_path)) / "bad.json"
    bad.write_text('{"x": 1}', encoding="utf-8")
    code, out, err = _run("--data", str(bad), "timeline")
    assert (code, out) == (1, "")
    assert err.count("sedov: error:") == 1 and err.startswith("sedov: error: the dataset cannot be used:\n  ")


def test_explain_says_how_an_approximate_date_was_read() -> None:
    code, out, _ = _run("age-at", "c. 1933", "--explain")
    assert code == 0 and out.splitlines()[2:4] == [
        "Asked: 'c. 1933', EDTF 1933~ (approximate, year precision)",
        "  read one year either side: 1 January 1932 to 31 December 1934",
    ]
