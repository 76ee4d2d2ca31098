"""Every command through typer's CliRunner, with exact expected output."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import WriteDataset, event, terminal
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from sedov_cli import cli
from sedov_cli.commands import common, listings

Run = Callable[..., Result]


@pytest.fixture
def sedov(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Invoke the app as if at a terminal (tty=True) or in a pipe."""

    def invoke(*args: str, tty: bool = False, color: bool = False, width: int = 100,
               env: dict[str, str] | None = None) -> Result:  # fmt: skip
        result = CliRunner().invoke(cli.app, list(args), env=env, obj=terminal(width, color) if tty else None)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return result

    return invoke


def table(text: str) -> str:
    """Rich pads table lines with spaces; compare without them."""
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def ids(result: Result) -> list[str]:
    return [line.split("\t", 1)[0] for line in result.stdout.splitlines()[1:]]


ALL_IDS = [
    "revolution-of-1905", "father-in-prison", "birth", "lives-apart", "marriage", "son-born", "exile", "visa",
    "eye-treatment", "moves-to-berlin", "sternheim-meets", "languages", "bulletin", "bulletin-editor",
    "bloc-formed", "urges-liquidation", "moves-to-paris", "paris-activist", "nkvd-surveillance", "bloc-dissolved",
    "cares-for-nephew", "red-book", "red-book-praised", "sieva-renamed", "appendicitis", "nkvd-notified",
    "appendectomy", "complications", "taken-to-hospital", "murder-hypothesis", "death", "grave",
    "zborowski-confirms-death", "zborowski-testimony", "sudoplatov-denial",
]  # fmt: skip

HEADER = (
    "id\tdate\tkind\tstart\tend\tstart_basis\tend_basis\twhen\tage_min\tage_max\tstatus\ttitle\tsummary\tplaces\t"
    "people\ttags\tcertainty\tclaimed_by\tperiod\tsection\tquote\n"
)
GRAVE_TSV = (
    "grave\t1938/..\tperiod\t1938-02-16\t\tarticle\t\tfrom 1938\t\t\tafter-death\t"
    "His grave is in the Cimetière de Thiais\tHis grave is in the Cimetière de Thiais, south of Paris.\t"
    "Cimetière de Thiais\t\tdeath; grave\tinferred\t\tAfter his death\tDeath\t"
    "Sedov's grave is in Cimetière de Thiais, south of Paris.\n"
)
GRAVE_RECORD: dict[str, Any] = {
    "id": "grave",
    "date": "1938/..",
    "kind": "period",
    "start": "1938-02-16",
    "end": None,
    "start_basis": "article",
    "end_basis": None,
    "when": "from 1938",
    "title": "His grave is in the Cimetière de Thiais",
    "summary": "His grave is in the Cimetière de Thiais, south of Paris.",
    "places": ["Cimetière de Thiais"],
    "people": [],
    "tags": ["death", "grave"],
    "age": None,
    "status": "after-death",
    "certainty": "inferred",
    "claimed_by": None,
    "disputes": [],
    "period": "After his death",
    "note": (
        "The article gives no burial date, only where the grave is: a period that begins after his death (perhaps "
        "the same day) and lasts."
    ),
    "source": {"section": "Death", "quote": "Sedov's grave is in Cimetière de Thiais, south of Paris."},
}


# --- timeline -----------------------------------------------------------------------


def test_timeline_in_a_pipe_is_tsv_of_every_event_in_order(sedov: Run) -> None:
    result = sedov("timeline")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith(HEADER)
    assert ids(result) == ALL_IDS
    assert result.stdout.splitlines()[6].split("\t")[:11] == [
        "son-born", "1926", "moment", "1926-01-01", "1926-12-31", "article", "article", "1926", "19", "20", "lived",
    ]  # fmt: skip
    assert "\x1b" not in result.stdout


def test_timeline_at_a_terminal_groups_by_period_and_names_claimants(sedov: Run) -> None:
    result = sedov("timeline", "--tag", "dispute", tty=True)
    assert result.exit_code == 0
    assert table(result.stdout) == table(
        """\
When                  Age   Event                                Places   Certainty
────────────────────────────────────────────────────────────────────────────────────────────────────
                            Death
by 16 February 1938    31   Murdered by Stalin's agents?         Paris    disputed: some historians

                            After his death
1994                        Sudoplatov denies Soviet                      disputed: Pavel Sudoplatov
                            involvement
"""
    )


def test_timeline_colours_certainty_only_when_allowed(sedov: Run) -> None:
    coloured = sedov("timeline", "--certainty", "disputed", tty=True, color=True)
    assert "\x1b[" in coloured.stdout
    plain = sedov("timeline", "--certainty", "disputed", tty=True, color=False)
    assert "\x1b" not in plain.stdout and "disputed: some" in plain.stdout


def test_timeline_reverse_and_limit(sedov: Run) -> None:
    assert ids(sedov("timeline", "--reverse", "--limit", "3")) == [
        "sudoplatov-denial", "zborowski-testimony", "zborowski-confirms-death"]  # fmt: skip
    assert ids(sedov("timeline", "--limit", "0")) == []


def test_timeline_all_formats_parse(sedov: Run) -> None:
    data = json.loads(sedov("timeline", "--json").stdout)
    assert [e["id"] for e in data] == ALL_IDS
    lines = sedov("timeline", "--format", "ndjson").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ALL_IDS
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(sedov("timeline", "-f", "csv").stdout)))
    assert [r["id"] for r in rows] == ALL_IDS
    assert rows[2]["quote"].startswith("Lev Lvovich Sedov (Лев Львович Седов")
    md = sedov("timeline", "-f", "markdown").stdout.splitlines()
    assert len(md) == 2 + len(ALL_IDS) and md[1].startswith("|---|")


# --- events: each format, exactly -----------------------------------------------------


def test_events_tsv(sedov: Run) -> None:
    assert sedov("events", "--place", "Thiais").stdout == HEADER + GRAVE_TSV


def test_events_json(sedov: Run) -> None:
    result = sedov("events", "--place", "thiais", "--json")
    assert json.loads(result.stdout) == [GRAVE_RECORD]
    assert result.stdout.startswith('[\n  {\n    "id": "grave",\n')


def test_events_ndjson(sedov: Run) -> None:
    out = sedov("events", "--place", "thiais", "-f", "ndjson").stdout
    assert out == json.dumps(GRAVE_RECORD, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_events_csv(sedov: Run) -> None:
    assert sedov("events", "--place", "thiais", "-f", "csv").stdout == (
        "id,date,kind,start,end,start_basis,end_basis,when,age_min,age_max,status,title,summary,places,people,tags,"
        "certainty,claimed_by,period,section,quote\n"
        "grave,1938/..,period,1938-02-16,,article,,from 1938,,,after-death,His grave is in the Cimetière de "
        'Thiais,"His grave is in the Cimetière de Thiais, south of Paris.",Cimetière de Thiais,,death; grave,inferred,,'
        'After his death,Death,"Sedov\'s grave is in Cimetière de Thiais, south of Paris."\n'
    )


def test_events_markdown(sedov: Run) -> None:
    assert sedov("events", "--place", "thiais", "-f", "markdown").stdout == (
        "| id | date | kind | start | end | start_basis | end_basis | when | age_min | age_max | status | title | "
        "summary | places | people | tags | certainty | claimed_by | period | section | quote |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        "| grave | 1938/.. | period | 1938-02-16 |  | article |  | from 1938 |  |  | after-death | "
        "His grave is in the Cimetière de Thiais | His grave is in the Cimetière de Thiais, south of Paris. | "
        "Cimetière de Thiais |  | death; grave | inferred |  | After his death | Death | "
        "Sedov's grave is in Cimetière de Thiais, south of Paris. |\n"
    )


def test_events_table(sedov: Run) -> None:
    result = sedov("events", "--place", "thiais", "--format", "table", env={"COLUMNS": "80"})
    assert table(result.stdout) == table(
        """\
When        Age   Event                          Places                Certainty
────────────────────────────────────────────────────────────────────────────────
from 1938         His grave is in the            Cimetière de Thiais   inferred
                  Cimetière de Thiais
                  grave
"""
    )


# --- events: filters ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # the alleged murder is tied to his last illness, in February 1938, so it is certainly within
        (["--place", "Paris", "--from", "1937", "--match", "certain"],
         ["appendicitis", "appendectomy", "complications", "taken-to-hospital", "murder-hypothesis", "death"]),
        (["--place", "France", "--tag", "health"],
         ["appendicitis", "appendectomy", "complications", "taken-to-hospital"]),
        (["--place", "cimetiere de thiais"], ["grave"]),
        (["--place", "PARIS", "--tag", "family"], ["cares-for-nephew"]),
        (["--place", "Mirabeau"], ["appendectomy", "complications"]),  # the attack itself was not at the clinic
        (["--place", "Berlin", "--place", "Turkey"],
         ["exile", "moves-to-berlin", "sternheim-meets", "languages", "bulletin"]),
        (["--person", "Zborowski"],
         ["appendicitis", "nkvd-notified", "zborowski-confirms-death", "zborowski-testimony"]),
        (["--person", "sieva"], ["cares-for-nephew", "sieva-renamed"]),
        (["--person", "Esteban Volkov"], ["cares-for-nephew", "sieva-renamed"]),
        (["--place", "Mexico"], ["sieva-renamed"]),
        (["--person", "broue"], []),  # Broué reports the dissolution (claimed_by); he takes no part in it
        # urges-liquidation only compares Sedov's line with Trotsky's: Trotsky takes no part in Sedov's words
        (["--person", "Trotsky", "--tag", "bloc"], ["bloc-formed"]),
        # Hitler only dates the move; Stalin is only the target of Sedov's words in urges-liquidation, and his
        # agents, not he, are said to have murdered him: no one of the two takes part in an event
        (["--person", "Stalin", "--person", "Hitler"], []),
        (["--person", "Stalin", "--person", "Sternheim"], ["sternheim-meets"]),
        (["--tag", "health", "--tag", "portrait"],
         ["eye-treatment", "sternheim-meets", "languages", "appendicitis", "appendectomy", "complications",
          "taken-to-hospital"]),
        (["--certainty", "attributed"], ["bloc-dissolved", "zborowski-confirms-death", "zborowski-testimony"]),
        (["--certainty", "Disputed"], ["murder-hypothesis", "sudoplatov-denial"]),
        (["--search", "СЕДОВ"], ["birth", "death"]),
        (["--search", "cimetiere"], ["grave"]),
        (["--search", "informant"], ["bloc-formed"]),
        # open-ended dates ("1936 or later") may still fall in a range that starts later
        (["--from", "1956"], ["red-book-praised", "sieva-renamed", "grave", "zborowski-confirms-death",
                              "zborowski-testimony", "sudoplatov-denial"]),
        (["--to", "1906"], ["revolution-of-1905", "father-in-prison", "birth"]),
        (["--from", "Feb 1938", "--to", "16 February 1938", "--match", "certain"],
         ["appendicitis", "nkvd-notified", "appendectomy", "complications", "taken-to-hospital", "murder-hypothesis",
          "death"]),
        (["--from", "marriage", "--to", "son-born"], ["lives-apart", "marriage", "son-born"]),
    ],
)  # fmt: skip
def test_events_filters(sedov: Run, args: list[str], expected: list[str]) -> None:
    result = sedov("events", *args)
    assert result.exit_code == 0, result.stderr
    assert ids(result) == expected


def test_subject_as_person_matches_every_event(sedov: Run) -> None:
    assert ids(sedov("events", "--person", "Sedov")) == ALL_IDS


def test_overlap_marks_possible_matches(sedov: Run) -> None:
    rows = [line.split("\t") for line in sedov("events", "--from", "1933", "--to", "1933").stdout.splitlines()]
    assert rows[0][-1] == "match"
    assert [(r[0], r[-1]) for r in rows[1:]] == [
        ("eye-treatment", "possible"), ("sternheim-meets", "possible"), ("languages", "possible"),
        ("bulletin", "possible"), ("bulletin-editor", "possible"), ("urges-liquidation", "possible"),
        ("moves-to-paris", "possible"), ("paris-activist", "possible"), ("nkvd-surveillance", "possible"),
        ("bloc-dissolved", "certain"),
    ]  # fmt: skip
    # the alleged murder is tied to February 1938, so it cannot fall in 1933
    within = sedov("events", "--from", "1933", "--to", "1933", "--match", "certain", "--json")
    assert [(e["id"], e["match"]) for e in json.loads(within.stdout)] == [("bloc-dissolved", "certain")]


def test_possible_is_shown_in_the_table(sedov: Run) -> None:
    out = sedov("events", "--from", "1933", "--to", "1933", "--tag", "bloc", tty=True).stdout
    assert table(out) == table(
        """\
When                            Age   Event                        Places   Certainty
────────────────────────────────────────────────────────────────────────────────────────────────────
between 1932 and early 1933   25–27   Urges a more aggressive               inferred
possible                              line than Trotsky's
                                      urges-liquidation
early 1933                    26–27   The bloc is dissolved                 attributed: Pierre Broué
                                      bloc-dissolved
"""
    )


def test_empty_result(sedov: Run) -> None:
    pipe = sedov("events", "--search", "zzzz")
    assert (pipe.exit_code, pipe.stdout, pipe.stderr) == (0, HEADER, "")
    as_json = sedov("events", "--search", "zzzz", "--json")
    assert (as_json.exit_code, as_json.stdout, as_json.stderr) == (0, "[]\n", "")
    terminal = sedov("events", "--search", "zzzz", tty=True)
    assert (terminal.exit_code, terminal.stdout, terminal.stderr) == (0, "", "No events match.\n")


def test_a_person_who_takes_part_in_nothing_is_explained(sedov: Run) -> None:
    """An event's people take part in it: a claimant or a name that only dates an event matches
    no event, and the empty answer says where the name does appear, with the command to see it."""
    broue = sedov("events", "--person", "Broué", tty=True)
    assert (broue.exit_code, broue.stdout) == (0, "")
    assert " ".join(broue.stderr.split()) == (
        "No events match. Pierre Broué takes part in no event, but makes the claim of bloc-dissolved "
        "and is named in 1 event: sedov events --search 'Pierre Broué'."
    )
    hitler = sedov("events", "--person", "Hitler", "--from", "1920", tty=True)
    assert " ".join(hitler.stderr.split()) == (
        "No events match. Adolf Hitler takes part in no event, but is named in 2 events: "
        "sedov events --search 'Adolf Hitler'."
    )
    # Someone who does take part, filtered to nothing, gets the plain answer; a pipe stays quiet.
    trotsky = sedov("events", "--person", "Trotsky", "--search", "zzzz", tty=True)
    assert trotsky.stderr == "No events match.\n"
    assert sedov("events", "--person", "Broué").stderr == ""


# --- show -----------------------------------------------------------------------------


def test_show_table(sedov: Run) -> None:
    out = sedov("show", "bloc-dissolved", tty=True).stdout
    assert table(out) == table(
        """\
id         bloc-dissolved
title      The bloc is dissolved
when       early 1933
kind       a moment (it happened once)
earliest   1 January 1933
latest     30 April 1933
age        26–27
period     Exile in Turkey and Germany
places
people
tags       politics, bloc
certainty  attributed (claimed by Pierre Broué)
summary    The bloc is dissolved, according to Pierre Broué.
note       'Early 1933' is encoded as the first four months of the year (EDTF code 37).
section    Trotsky's bloc
quote      “The bloc was dissolved in early 1933, according to Pierre Broué.”
EDTF       1933-37
previous   Followed by NKVD agents (until 1938)
           nkvd-surveillance
next       Takes in and cares for his nephew Sieva (1935–1938)
           cares-for-nephew
"""
    )


def test_show_tsv(sedov: Run) -> None:
    assert sedov("show", "marriage").stdout == (
        "field\tvalue\nid\tmarriage\ndate\t1925\nkind\tmoment\nstart\t1925-02-24\nend\t1925-12-31\n"
        "start_basis\tarticle\nend_basis\tdate\nwhen\t1925\n"
        "title\tMarries at 19\nsummary\tHe marries at the age of nineteen.\nplaces\t\npeople\t\n"
        "tags\tfamily; marriage\nage\t19\nstatus\tlived\ncertainty\tstated\nclaimed_by\t\ndisputes\t\n"
        "period\tEarly life\nnote\t\n"
        "section\tLife\nquote\tHe married in 1925 at the age of 19 and had a son, Lev, the following year.\n"
        "bound.earliest\t1925-02-24 (article): He married at the age of 19, and he turned 19 on 24 February 1925.\n"
        "follows\t\nprevious\tlives-apart\nnext\tson-born\n"
    )


def test_show_json(sedov: Run) -> None:
    record = json.loads(sedov("show", "murder-hypothesis", "--json").stdout)
    assert record["disputes"] == ["sudoplatov-denial"] and record["claimed_by"] == "some historians"
    assert record["bounds"] == [
        {"side": "earliest", "date": "1938-02-01", "follows": None, "precedes": None, "certainty": "inferred",
         "basis": "article",
         "note": "The alleged murder is tied to his last illness, which began with the attack of appendicitis in "
                 "February 1938: either in hospital, or by a poisoning 'causing his condition'."},
        {"side": "latest", "date": "1938-02-16", "follows": None, "precedes": None, "certainty": "inferred",
         "basis": "article",
         "note": "No later than his death on 16 February 1938, which the alleged murder is said to have caused."},
    ]  # fmt: skip
    assert (record["kind"], record["date"], record["status"]) == ("moment", "[..1938-02-16]", "lived")
    assert (record["previous"], record["next"]) == ("taken-to-hospital", "death")
    confirmed = json.loads(sedov("show", "zborowski-confirms-death", "--json").stdout)
    assert [(b["date"], b["follows"], b["basis"]) for b in confirmed["bounds"]] == [
        ("1938-02-16", "death", "article"),
        ("1956-12-31", None, "article"),
    ]
    first = json.loads(sedov("show", "revolution-of-1905", "--json").stdout)
    assert (first["previous"], first["age"]) == (None, None)


# --- age-at ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["1933"], "In 1933 Lev Sedov was 26 until 23 February and 27 from 24 February."),
        (["Feb 1933"], "In February 1933 Lev Sedov was 26 until 23 February and 27 from 24 February."),
        (["early 1933"], "In early 1933 Lev Sedov was 26 until 23 February and 27 from 24 February."),
        (["late 1933"], "In late 1933 Lev Sedov was 27."),
        (["1933-03"], "In March 1933 Lev Sedov was 27."),
        (["30 January 1933"], "On 30 January 1933 Lev Sedov was 26."),
        (["1906-02-24"], "On 24 February 1906 Lev Sedov was 0."),
        (["1924-02-24"], "On 24 February 1924 Lev Sedov was 18."),
        (["1938"], "In 1938 Lev Sedov was 31 (died 16 February 1938)."),
        (["1940"], "In 1940 Lev Sedov was no longer alive (died 16 February 1938, aged 31)."),
        (["marriage"], "At “Marries at 19” (1925) Lev Sedov was 19."),
        # a moment happened on one unknown day: its ages are alternatives
        (["bloc-dissolved"], "At “The bloc is dissolved” (early 1933) Lev Sedov was 26–27: 26 if by 23 February "
                             "and 27 if later."),
        (["[1929..1931]"], "Between 1929 and 1931 Lev Sedov was 22–25: 22 if by 23 February 1929, "
                           "23 if by 23 February 1930, 24 if by 23 February 1931 and 25 if later."),
        # a period lasted: its ages are stretches lived
        (["cares-for-nephew"], "During “Takes in and cares for his nephew Sieva” (1935–1938) Lev Sedov was 28 until "
                               "23 February 1935, 29 from 24 February 1935, 30 from 24 February 1936 and 31 from "
                               "24 February 1937."),
        (["red-book-praised"], "At “Trotsky praises the Red Book” (1936 or later) Lev Sedov was 29–31: 29 if by "
                               "23 February 1936, 30 if by 23 February 1937 and 31 if later (if it came before the "
                               "death, 16 February 1938)."),
        (["grave"], "During “His grave is in the Cimetière de Thiais” (from 1938) Lev Sedov was no longer alive "
                    "(died 16 February 1938, aged 31)."),
        (["1937/.."], "From 1937 Lev Sedov was 30 until 23 February 1937 and 31 from 24 February 1937 "
                      "(died 16 February 1938)."),
        (["1935/1938"], "In 1935–1938 Lev Sedov was 28 until 23 February 1935, 29 from 24 February 1935, "
                        "30 from 24 February 1936 and 31 from 24 February 1937 (died 16 February 1938)."),
        # never an ambiguous "Lev": anyone but the subject is named through the subject
        (["1933", "--person", "lev-son"], "In 1933 Lev Sedov's son Lev would have been 6–7 (if still alive: the "
         "dataset gives no death; the birth is known only as 1926)."),
        (["2100", "--person", "lev-son"], "In 2100 Lev Sedov's son Lev would have been 173–174 (if still alive: the "
         "dataset gives no death; the birth is known only as 1926)."),
        # an approximate date reaches one of its units either side, and says so
        (["c. 1933"], "Around 1933 (read as 1932–1934, a year either side) Lev Sedov was 25–28."),
        (["about Feb 1933"], "Around February 1933 (read as 1 January 1933 to 31 March 1933, a month either side) "
                             "Lev Sedov was 26–27."),
        # more than four ages read as a range, not a run-on list of birthdays
        (["1930s"], "In the 1930s Lev Sedov was 23–31 (died 16 February 1938)."),
        (["Feb 16 1938"], "On 16 February 1938 Lev Sedov was 31."),
        (["MARRIAGE"], "At “Marries at 19” (1925) Lev Sedov was 19."),
        (["marr"], "At “Marries at 19” (1925) Lev Sedov was 19."),
        (["1933", "--person", "Lev (son)"], None),
    ],
)  # fmt: skip
def test_age_at_sentences(sedov: Run, args: list[str], expected: str | None) -> None:
    result = sedov("age-at", *args)
    if expected is None:
        assert result.exit_code == 2
        return
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected + "\n", "")


def test_age_at_today(sedov: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    monkeypatch.setattr(common, "today", lambda: date(1933, 2, 24))
    assert sedov("age-at", "today").stdout == "On 24 February 1933 (today) Lev Sedov was 27.\n"
    monkeypatch.setattr(common, "today", lambda: date(2026, 11, 24))
    assert sedov("age-at", "Today").stdout == (
        "On 24 November 2026 (today) Lev Sedov was no longer alive (died 16 February 1938, aged 31).\n"
    )


def test_age_at_before_birth_fails(sedov: Run) -> None:
    result = sedov("age-at", "1900")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "sedov: error: In 1900 Lev Sedov was not yet born (born 24 February 1906).\n"


def test_age_at_explain(sedov: Run) -> None:
    assert sedov("age-at", "marriage", "--explain").stdout == (
        "At “Marries at 19” (1925) Lev Sedov was 19.\n"
        "\n"
        "Asked: event 'marriage', “Marries at 19”, dated 1925 [stated]\n"
        "  as EDTF: 1 January 1925 to 31 December 1925\n"
        "  a moment: it happened once\n"
        "  earliest bound 24 February 1925 [inferred from the article]: He married at the age of 19, and he turned "
        "19 on 24 February 1925.\n"
        "  source (Life): “He married in 1925 at the age of 19 and had a son, Lev, the following year.”\n"
        "  so the event lies within 24 February 1925 to 31 December 1925\n"
        "Born: 24 February 1906 [stated] = 24 February 1906\n"
        "  source (Lead): “Lev Lvovich Sedov (Лев Львович Седов, also known as Leon Sedov; 24 February 1906 – "
        "16 February 1938)”\n"
        "Died: 16 February 1938 [stated] = 16 February 1938\n"
        "  source (Lead): “Lev Lvovich Sedov (Лев Львович Седов, also known as Leon Sedov; 24 February 1906 – "
        "16 February 1938)”\n"
        "Counted: 24 February 1925 to 31 December 1925\n"
        "Age: 19\n"
    )
    crossing = sedov("age-at", "1933", "--explain").stdout
    assert "Birthday: 24 February 1933, turns 27\n" in crossing


def test_age_at_json(sedov: Run) -> None:
    assert json.loads(sedov("age-at", "1933", "--json").stdout) == {
        "query": "1933",
        "person": "lev-sedov",
        "start": "1933-01-01",
        "end": "1933-12-31",
        "age": {"min": 26, "max": 27},
        "alive": True,
        "status": "lived",
        "segments": [
            {"age": 26, "start": "1933-01-01", "end": "1933-02-23"},
            {"age": 27, "start": "1933-02-24", "end": "1933-12-31"},
        ],
    }
    after = json.loads(sedov("age-at", "1956", "--json").stdout)
    assert (after["age"], after["alive"], after["status"]) == (None, False, "after-death")
    explained = json.loads(sedov("age-at", "1933", "--json", "--explain").stdout)
    assert explained["explanation"][-1] == "Age: 26–27"


def test_age_at_tsv(sedov: Run) -> None:
    assert sedov("age-at", "1933", "-f", "tsv").stdout == (
        "query\tperson\tstart\tend\tage_min\tage_max\talive\n1933\tlev-sedov\t1933-01-01\t1933-12-31\t26\t27\ttrue\n"
    )


# --- indexes ----------------------------------------------------------------------------


def test_people(sedov: Run) -> None:
    out = sedov("people", "--search", "volkov", tty=True).stdout
    assert table(out) == table(
        """\
Name              Relation   Birth   Death   Events
───────────────────────────────────────────────────
Vsevolod Volkov   nephew                          2
vsevolod-volkov
"""
    )
    assert sedov("people", "--search", "lev").stdout == (
        "id\tname\taliases\trelation\tbirth\tdeath\tevents\n"
        "lev-sedov\tLev Sedov\tLev Lvovich Sedov; Лев Львович Седов; Leon Sedov\tthe subject\t1906-02-24\t"
        "1938-02-16\t35\n"
        "lev-son\tLev\t\tson\t1926\t\t1\n"
    )
    people = json.loads(sedov("people", "--json").stdout)
    assert len(people) == 17 and people[1] == {
        "id": "leon-trotsky", "name": "Leon Trotsky", "aliases": ["Trotsky"], "relation": "father",
        "birth": None, "death": None, "events": 7,
    }  # fmt: skip


def test_places_tree_and_flat(sedov: Run) -> None:
    assert table(sedov("places", tty=True).stdout) == table(
        """\
Places
├── USSR  country  no events
├── Turkey  country  1 event
├── Germany  country  no events here; 4 counting the places inside
│   └── Berlin  city  4 events
├── France  country  no events here; 11 counting the places inside
│   ├── Paris  city  6 events here; 10 counting the places inside
│   │   ├── Clinique Mirabeau  clinic  2 events
│   │   └── a Paris hospital  hospital  2 events
│   └── Thiais  town  no events here; 1 counting the places inside
│       └── Cimetière de Thiais  cemetery  1 event
├── United States  country  1 event
└── Mexico  country  1 event
"""
    )
    assert sedov("places", "--search", "thiais").stdout == (
        "id\tname\taliases\tkind\tparent\tpath\tevents\tevents_within\n"
        "thiais\tThiais\t\ttown\tfrance\tFrance > Thiais\t0\t1\n"
        "cimetiere-de-thiais\tCimetière de Thiais\tCimetiere de Thiais; Thiais cemetery\tcemetery\tthiais\t"
        "France > Thiais > Cimetière de Thiais\t1\t1\n"
    )


def test_tags(sedov: Run) -> None:
    assert sedov("tags", "--search", "bloc").stdout == "tag\tevents\nbloc\t3\n"
    assert table(sedov("tags", "--search", "bloc", tty=True).stdout) == table(
        "Tag    Events\n─────────────\nbloc        3\n"
    )
    tags = json.loads(sedov("tags", "--json").stdout)
    assert {"tag": "nkvd", "events": 8} in tags and sum(t["events"] for t in tags) == 62


# --- validate, --data and SEDOV_DATA ------------------------------------------------------


def test_validate_packaged(sedov: Run) -> None:
    result = sedov("validate")
    assert (result.exit_code, result.stdout) == (0, "ok: the packaged dataset: 35 events, 17 people, 12 places\n")


def test_validate_lists_every_problem(sedov: Run, write_dataset: WriteDataset) -> None:
    def change(raw: dict[str, Any]) -> None:
        event(raw, "exile")["places"] = ["turky"]
        event(raw, "birth")["date"] = "1906-13-01"

    path = write_dataset(change)
    result = sedov("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}: event 'birth': date: '1906-13-01': month 13 does not exist\n"
        f"{path}: event 'exile': places: unknown place 'turky' (did you mean 'turkey'?)\n"
    )
    as_json = json.loads(sedov("validate", str(path), "--json").stdout)
    assert as_json[1] == {"file": str(path), "record": "event 'exile'", "field": "places",
                          "message": "unknown place 'turky' (did you mean 'turkey'?)"}  # fmt: skip


def test_data_option_and_environment_variable(sedov: Run, write_dataset: WriteDataset) -> None:
    path = write_dataset(lambda raw: raw.update(events=[event(raw, "birth"), event(raw, "death")]))
    assert ids(sedov("--data", str(path), "timeline")) == ["birth", "death"]
    assert ids(sedov("timeline", env={"SEDOV_DATA": str(path)})) == ["birth", "death"]
    ok = sedov("validate", env={"SEDOV_DATA": str(path)})
    assert ok.stdout == f"ok: {path}: 2 events, 17 people, 12 places\n"


def test_broken_dataset_exits_1_naming_file_and_problem(sedov: Run, write_dataset: WriteDataset) -> None:
    path = write_dataset(text='{"title": ')
    result = sedov("--data", str(path), "timeline")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"sedov: error: the dataset cannot be used:\n  {path}: invalid JSON at line 1, column 11: Expecting value\n"
    )
    missing = sedov("--data", "/nonexistent/sedov.json", "events")
    assert missing.exit_code == 1
    assert missing.stderr == (
        "sedov: error: the dataset cannot be used:\n  /nonexistent/sedov.json: cannot read: No such file or directory\n"
    )


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["events", "--place", "Pari"], 2, "unknown place 'Pari' (did you mean 'Paris'?)"),
        (["events", "--person", "Nobody"], 2, "unknown person 'Nobody'"),
        (["events", "--person", "Zborowsky"], 2, "unknown person 'Zborowsky' (did you mean 'Zborowski'?)"),
        (["events", "--person", "Lev"], 2,
         "person 'Lev' is ambiguous: Lev Sedov (the subject) [lev-sedov]; Lev (son) [lev-son]. "
         "Give a fuller name or the id in brackets."),
        (["events", "--tag", "helth"], 2, "unknown tag 'helth' (did you mean 'health'?)"),
        # a closed set of values is an enum: the error lists them
        (["events", "--certainty", "disputd"], 2,
         "invalid value for --certainty: 'disputd' is not one of stated, inferred, attributed, disputed "
         "(did you mean disputed?) (see 'sedov events --help')"),
        (["events", "--from", "banana"], 2,
         "'banana' is not a date; write a date like 1933, Feb 1933, 30 January 1933, early 1933, c. 1933 or the "
         "1930s, or an event id"),
        (["events", "--from", "1933-13-45"], 2, "'1933-13-45': month 13 does not exist"),
        (["age-at", ""], 2,
         "no date given; write a date like 1933, Feb 1933, 30 January 1933, early 1933, c. 1933 or the 1930s, "
         "or an event id"),
        (["age-at", "mo"], 2, "event id 'mo' is ambiguous: Moves to Berlin to study [moves-to-berlin]; Moves to "
         "Paris [moves-to-paris]. Type more of the id."),
        (["age-at", "marrige"], 2,
         "'marrige' is not a date; write a date like 1933, Feb 1933, 30 January 1933, early 1933, c. 1933 or the "
         "1930s, or an event id (did you mean the event 'marriage'?)"),
        (["age-at", "03/02/1933"], 2,
         "'03/02/1933' is ambiguous: the day and the month could be either way round. Write the month in words "
         "(3 February 1933 or 2 March 1933) or as ISO (1933-02-03 or 1933-03-02)"),
        (["age-at", "spring 33"], 2,
         "'spring 33': write a season as sedov shows one: spring 1933, winter 1933–34 (the northern seasons), "
         "southern spring 1933; or give months (Mar 1933) or a part of the year (early 1933, mid-1933)"),
        (["age-at", "winter 1933-35"], 2,
         "'winter 1933-35': only a season that runs into the next year (winter 1933–34) names two years, and the "
         "second is the next"),
        (["show", "marrige"], 2, "unknown event id 'marrige' (did you mean 'marriage'?)"),
        (["show", "mo"], 2, "event id 'mo' is ambiguous: Moves to Berlin to study [moves-to-berlin]; Moves to Paris "
         "[moves-to-paris]. Type more of the id."),
        (["events", "--from", "1935", "--to", "1933"], 2, "--from '1935' is after --to '1933'"),
        (["events", "--format", "jsn"], 2,
         "invalid value for --format: 'jsn' is not one of table, json, ndjson, csv, tsv, markdown "
         "(did you mean json?) (see 'sedov events --help')"),
        (["timeline", "--format", "jsno"], 2,
         "invalid value for --format: 'jsno' is not one of table, json, ndjson, csv, tsv, markdown "
         "(did you mean json?) (see 'sedov timeline --help')"),
        (["events", "--json", "--format", "csv"], 2, "--json conflicts with --format csv"),
        (["events", "--match", "maybe"], 2,
         "invalid value for --match: 'maybe' is not one of possible, certain (see 'sedov events --help')"),
        (["timeline", "--color", "purple"], 2,
         "invalid value for --color: 'purple' is not one of auto, always, never (see 'sedov timeline --help')"),
        (["timeline", "--color", "alway"], 2, "invalid value for --color: 'alway' is not one of auto, always, never "
         "(did you mean always?) (see 'sedov timeline --help')"),
        (["events", "--period", "Exile in Pari"], 2, "unknown period 'Exile in Pari' (did you mean 'Exile in Paris'?)"),
        # another word is not a slip: Berlin is not a misspelt Paris, so the periods are listed
        (["events", "--period", "exile in berlin"], 2, "unknown period 'exile in berlin'; the periods are: Early "
         "life, Exile in Turkey and Germany, Exile in Paris, Death, After his death"),
        (["events", "--plac", "Paris"], 2,
         "no such option: --plac (did you mean --place?) (see 'sedov events --help')"),
        # one shape for every unknown option: the nearest by spelling, British spellings read as ours
        (["timeline", "--colour", "always"], 2,
         "no such option: --colour (did you mean --color?) (see 'sedov timeline --help')"),
        (["timeline", "--no-colour"], 2,
         "no such option: --no-colour (did you mean --no-color?) (see 'sedov timeline --help')"),
        (["timeline", "--jsn"], 2, "no such option: --jsn (did you mean --json?) (see 'sedov timeline --help')"),
        (["timeline", "--formt", "json"], 2,
         "no such option: --formt (did you mean --format?) (see 'sedov timeline --help')"),
        (["timeline", "--xyzzy"], 2, "no such option: --xyzzy (see 'sedov timeline --help')"),
        (["age-at", "-1933"], 2, "-1933 is not an option, nor a date sedov reads (no year before 1); write a year "
         "like 1933 (see 'sedov age-at --help')"),
        (["timelin"], 2, "No such command 'timelin'. Did you mean 'timeline'? (see 'sedov --help')"),
        # what is missing in sedov's words, with the command's own first example
        (["age-at"], 2, "sedov age-at needs WHEN, e.g. sedov age-at 1933 (see 'sedov age-at --help')"),
        (["show"], 2, "sedov show needs ID, e.g. sedov show marriage (see 'sedov show --help')"),
        (["export"], 2, "sedov export needs --format: one of timelinejs, ics, csv, markdown, json "
         "(see 'sedov export --help')"),
        (["events", "--place"], 2, "--place needs a value after it (see 'sedov events --help')"),
        (["--data"], 2, "--data needs a value after it (see 'sedov --help')"),
        # an option of other commands is named as theirs, not guessed at by spelling
        (["chart", "--format", "tsv"], 2,
         "chart has no --format option (timeline, events, show and 9 more have it) (see 'sedov chart --help')"),
        (["stats", "--reverse"], 2, "stats has no --reverse option (timeline and events have it) "
         "(see 'sedov stats --help')"),
    ],
)  # fmt: skip
def test_errors_are_one_line_with_exit_codes(sedov: Run, args: list[str], code: int, message: str) -> None:
    result = sedov(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", f"sedov: error: {message}\n")


def test_no_traceback_without_debug(sedov: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(listings, "select", boom)
    result = sedov("events")
    assert result.exit_code == 1
    assert result.stderr == "sedov: error: internal error: RuntimeError: kaboom (run with --debug for a traceback)\n"
    with pytest.raises(RuntimeError, match="kaboom"):
        CliRunner().invoke(cli.app, ["--debug", "events"], catch_exceptions=False)


# --- help and version -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["timeline", "events", "show", "age-at", "people", "places", "tags", "validate"])
def test_every_command_help_has_an_example(sedov: Run, command: str) -> None:
    result = sedov(command, "--help")
    assert result.exit_code == 0
    assert "Examples:\n" in result.stdout and f"sedov {command}" in result.stdout


def test_bare_sedov_shows_help(sedov: Run) -> None:
    result = sedov()
    assert result.exit_code == 0 and "Commands:" in result.stdout and "timeline" in result.stdout


def test_version(sedov: Run) -> None:
    assert sedov("--version").stdout == "sedov 0.1.0\n"


def test_age_at_json_does_not_say_alive_when_the_dataset_gives_no_death(sedov: Run) -> None:
    son = json.loads(sedov("age-at", "2100", "--person", "lev-son", "--json").stdout)
    assert (son["age"], son["alive"], son["status"]) == ({"min": 173, "max": 174}, None, "lived")
    assert json.loads(sedov("age-at", "1933", "--json").stdout)["alive"] is True  # his death is given
    assert sedov("age-at", "2100", "--person", "lev-son", "--format", "tsv").stdout.splitlines()[1] == (
        "2100\tlev-son\t2100-01-01\t2100-12-31\t173\t174\t"
    )


def test_a_command_registered_on_an_app_is_kept_beside_the_lazy_ones() -> None:
    """SedovGroup names its own commands lazily; one made with app.command() is kept, and given the
    global options like the others (here --debug after it)."""
    import typer

    app = typer.Typer(cls=cli.SedovGroup, rich_markup_mode=None)

    @app.callback()
    def root() -> None:
        """A root."""

    @app.command("hello")
    def hello() -> None:
        """Say hello."""
        print("hi")

    assert CliRunner().invoke(app, ["hello", "--debug"]).stdout == "hi\n"
    group = typer.main.get_command(app)
    assert list(group.commands)[-1] == "hello" and "timeline" in group.commands  # type: ignore[attr-defined]


def test_an_age_of_someone_without_a_birth_is_a_runtime_answer(sedov: Run) -> None:
    """Zina is known; the dataset gives no birth for her. That is a fact of the data (exit 1), not a
    mistake on the command line (exit 2)."""
    result = sedov("age-at", "1933", "--person", "Zina")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", "sedov: error: the dataset has no birth date for Zina, so no age can be given\n")  # fmt: skip


def _suggest_in_full(query: str, names: list[str], starts: bool) -> list[str]:
    """queries._suggest as it was, every name compared in full: what its shortcuts must still answer."""
    import difflib
    import re

    from sedov_cli.text import fold

    by_fold: dict[str, str] = {}
    for name in names:
        by_fold.setdefault(fold(name), name)
    q = fold(query)

    def closeness(f: str) -> float:
        whole = difflib.SequenceMatcher(None, q, f).ratio()
        if starts and len(q) >= 4:
            whole = max(whole, difflib.SequenceMatcher(None, q, f[: len(q)]).ratio())
        return whole

    def slips(f: str) -> bool:
        words = re.split(r"[\s-]+", f)
        return all(any(difflib.SequenceMatcher(None, w, v).ratio() >= 0.75 for v in words) for w in q.split())

    several = len(q.split()) > 1
    scored = sorted(((closeness(f), f) for f in by_fold if not several or slips(f)), reverse=True)
    top = scored[0][0] if scored else 0.0
    best: dict[str, str] = {}
    for score, f in scored:
        if score >= max(0.6, top - 0.1):
            best.setdefault(by_fold[f], by_fold[f])
    return list(best.values())[:2]


@settings(max_examples=400, deadline=None)
@given(st.text("abcdeé -", max_size=9), st.lists(st.text("abcdeÉ -", max_size=12), max_size=14), st.booleans())
def test_a_suggestion_is_the_one_a_full_comparison_gives(query: str, names: list[str], starts: bool) -> None:
    """'did you mean' over a million ids compared every id in full (25 s); it now skips those whose
    length and letters cannot reach the closest start, and must answer exactly as before."""
    from sedov_cli.queries import _suggest

    assert _suggest(query, names, starts=starts) == _suggest_in_full(query, names, starts)


def test_a_suggestion_over_many_ids_compares_few_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    import difflib

    from sedov_cli.queries import _suggest

    calls: list[str] = []
    real = difflib.SequenceMatcher.ratio

    def ratio(self: difflib.SequenceMatcher[str]) -> float:
        calls.append("ratio")
        return real(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", ratio)
    ids = [f"event-{i}" for i in range(5000)]
    assert _suggest("evnt-12", ids, starts=True) == ["event-12", "event-912"]
    assert len(calls) < 1000  # 10,000 before: each id in full and by its start
