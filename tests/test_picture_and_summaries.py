"""chart, on-this-day, stats and events --relative-to."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from conftest import check_snapshot
from typer.testing import CliRunner, Result

from sedov_cli import cli
from sedov_cli.environment import Environment


def run(*args: str, tty: bool = False, color: bool = False, width: int = 100) -> Result:
    if tty:
        cli.environment_factory = lambda: Environment(sys.stdout, sys.stderr, True, color, width, True)
    try:
        result = CliRunner().invoke(cli.app, list(args))
    finally:
        cli.environment_factory = Environment.from_system
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


# --- chart ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args", "color"),
    [
        ("chart-100-unicode", ["chart"], True),
        ("chart-100-ascii", ["chart"], False),
        ("chart-after-death", ["chart", "--after-death"], False),
        ("chart-france", ["chart", "--place", "France", "--tag", "health"], False),
    ],
)
def test_chart_snapshot(name: str, args: list[str], color: bool) -> None:
    result = run(*args, tty=True, color=color)
    assert result.exit_code == 0
    text = result.stdout
    if color:  # compare the picture, not the colour codes
        import re

        assert "\x1b[" in text
        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    check_snapshot(f"{name}.txt", "\n".join(line.rstrip() for line in text.splitlines()) + "\n")


def test_chart_draws_uncertain_ends_differently() -> None:
    lines = run("chart", tty=True, color=False).stdout.splitlines()
    turkey = next(line for line in lines if line.startswith("Exile in Turkey"))
    bar = turkey[len("Exile in Turkey") :].strip()
    assert bar.startswith(":") and bar.endswith(":") and "#" in bar
    russia = next(line for line in lines if line.startswith("Russia")).rstrip()
    assert russia.endswith(":") and "#:" in russia  # known from birth, uncertain end in 1929


def test_chart_fits_the_width() -> None:
    for width in (60, 100, 140):
        lines = run("chart", tty=True, width=width).stdout.splitlines()
        assert max(len(line.rstrip()) for line in lines) <= width


def test_chart_notes_hidden_posthumous_events() -> None:
    result = run("chart", tty=True)
    assert result.stderr == (
        "1 event(s) before 1906 not shown\n2 event(s) after 1938 not shown; --after-death shows them\n"
    )
    assert run("chart", "--after-death", tty=True).stderr == "1 event(s) before 1906 not shown\n"


def test_chart_svg_is_xml(tmp_path: Path) -> None:
    out = tmp_path / "sedov.svg"
    result = run("chart", "--svg", str(out))
    assert result.exit_code == 0
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "Exile in Turkey" in text and "█" in text and "░" in text


# --- on-this-day -------------------------------------------------------------------------


def ids_and_matches(result: Result) -> list[tuple[str, str, int]]:
    return [(r["id"], r["match"], r["years_ago"]) for r in json.loads(result.stdout)]


def test_on_this_day_16_february() -> None:
    result = run("on-this-day", "02-16", "--today", "2026-11-24", "--json")
    assert ids_and_matches(result) == [
        ("death", "exact", 88),
        ("appendicitis", "month", 88),
        ("appendectomy", "month", 88),
        ("complications", "month", 88),
        ("murder-hypothesis", "month", 88),
    ]
    record = json.loads(result.stdout)[0]
    assert record["age"] == {"min": 31, "max": 31} and record["when"] == "16 February 1938"


def test_on_this_day_24_february_is_his_birthday() -> None:
    result = run("on-this-day", "2-24", "--today", "2026-02-24", "--json")
    assert ids_and_matches(result)[0] == ("birth", "exact", 120)
    assert [m for _, m, _ in ids_and_matches(result)[1:]] == ["month"] * 4


def test_on_this_day_29_february() -> None:
    result = run("on-this-day", "02-29", "--today", "2028-02-29", "--json")
    assert [(i, m) for i, m, _ in ids_and_matches(result)] == [
        ("appendicitis", "month"), ("appendectomy", "month"), ("complications", "month"),
        ("murder-hypothesis", "month"),
    ]  # fmt: skip


def test_on_this_day_with_nothing() -> None:
    assert run("on-this-day", "07-04", "--json").stdout == "[]\n"
    quiet = run("on-this-day", "07-04", tty=True)
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "Nothing is dated to 4 July.\n")


def test_on_this_day_window_and_default_today(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("on-this-day", "02-20", "--window", "5", "--today", "2026-11-24", "--json")
    assert [(r["id"], r["offset_days"]) for r in json.loads(result.stdout)][:2] == [("death", -4), ("birth", 4)]
    monkeypatch.setattr(cli, "_today", lambda: date(2030, 2, 24))
    assert ids_and_matches(run("on-this-day", "--json"))[0] == ("birth", "exact", 124)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["on-this-day", "02-30"], "not a month and day: '02-30' (expected MM-DD, e.g. 02-16)"),
        (["on-this-day", "feb"], "not a month and day: 'feb' (expected MM-DD, e.g. 02-16)"),
        (["on-this-day", "--today", "soon"], "--today 'soon' is not a day; use YYYY-MM-DD"),
    ],
)
def test_on_this_day_errors(args: list[str], message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, f"sedov: error: {message}\n")


# --- stats -------------------------------------------------------------------------------


def test_stats_json() -> None:
    data = json.loads(run("stats", "--json").stdout)
    assert data["lifespan"] == {"birth": "1906-02-24", "death": "1938-02-16", "age_at_death": {"min": 31, "max": 31}}
    assert {e["id"]: e["years"]["text"] for e in data["eras"]} == {
        "in-russia": "22.9–23.8 years",
        "in-turkey": "1.0–3.0 years",
        "in-berlin": "0.0–2.1 years",
        "in-paris": "5.0–6.1 years",
        "caring-for-sieva": "2.0–3.1 years",
    }
    assert data["certainty"] == {"stated": 13, "inferred": 12, "attributed": 2, "disputed": 2}
    assert [p["events"] for p in data["periods"]] == [5, 10, 6, 6, 2]
    assert data["gaps"] == {
        "no_event_possible": ["1907–1916"],
        "no_event_certain": ["1907–1924", "1927–1928", "1930", "1934–1935", "1937"],
    }
    assert [e["id"] for e in data["least_precise"]][:3] == ["red-book-praised", "grave", "lives-apart"]
    assert [(c["id"], c["claimed_by"]) for c in data["single_attribution"]] == [
        ("bloc-dissolved", "Pierre Broué"), ("murder-hypothesis", "some historians"),
        ("zborowski-testimony", "Mark Zborowski"), ("sudoplatov-denial", "Pavel Sudoplatov"),
    ]  # fmt: skip


def test_stats_table_and_formats() -> None:
    table = run("stats", tty=True).stdout
    assert table.startswith("Lev Sedov: born 1906-02-24, died 1938-02-16, aged 31; 29 events\n")
    for title in ("Where and what, in years", "Events per period", "Gaps", "Claims resting on one attribution"):
        assert title in table
    bad = run("stats", "--format", "csv")
    assert (bad.exit_code, bad.stderr) == (
        2, "sedov: error: stats is a summary, not a listing: use --format table or json, not csv\n")  # fmt: skip


# --- --relative-to ------------------------------------------------------------------------


def test_relative_to_death() -> None:
    rows = json.loads(run("events", "--relative-to", "death", "--json").stdout)
    texts = {r["id"]: r["relative"]["text"] for r in rows}
    assert texts["birth"] == "31 years before death"
    assert texts["marriage"] == "12 years before death"
    assert texts["red-book"] == "1–2 years before death"
    assert texts["appendicitis"] == "0–15 days before death"
    assert texts["death"] == "same day as death"
    assert texts["grave"] == "on or after death"
    assert texts["red-book-praised"] == "before or after death"
    assert texts["sudoplatov-denial"] == "55–56 years after death"
    assert rows[0]["relative"] == {"direction": "before", "min_days": 11735, "max_days": 12099,
                                   "text": "32–33 years before death"}  # fmt: skip


def test_relative_to_exile_and_months() -> None:
    rows = json.loads(run("events", "--relative-to", "exile", "--json").stdout)
    texts = {r["id"]: r["relative"]["text"] for r in rows}
    assert texts["moves-to-berlin"] == "1–2 years after exile"
    assert texts["visa"] == "before or after exile"
    months = json.loads(run("events", "--relative-to", "bloc-formed", "--tag", "bloc", "--json").stdout)
    assert {r["id"]: r["relative"]["text"] for r in months}["bloc-dissolved"] == "0–15 months after bloc-formed"


def test_relative_to_column_in_tsv_and_unknown_id() -> None:
    header = run("events", "--relative-to", "death").stdout.splitlines()[0]
    assert header.endswith("\tquote\trelative")
    bad = run("events", "--relative-to", "deth")
    assert (bad.exit_code, bad.stderr) == (2, "sedov: error: unknown event id 'deth' (did you mean 'death'?)\n")
