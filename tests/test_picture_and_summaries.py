"""chart, on-this-day, stats and events --relative-to."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import WriteDataset, check_snapshot, terminal
from typer.testing import CliRunner, Result

from sedov_cli import cli
from sedov_cli.commands import common


def run(*args: str, tty: bool = False, color: bool = False, width: int = 100) -> Result:
    result = CliRunner().invoke(cli.app, list(args), obj=terminal(width, color) if tty else None)
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
    assert not any(line.startswith("Russia") for line in lines)  # the article gives no residence before 1929


def test_chart_draws_periods_as_bars_and_moments_as_marks_over_their_range() -> None:
    lines = run("chart", "--tag", "family", tty=True, color=False).stdout.splitlines()
    periods = next(i for i, line in enumerate(lines) if line.startswith("periods"))
    moments = next(i for i, line in enumerate(lines) if line.startswith("moments"))
    # caring for his nephew (1935–1938) lasted: a bar, solid where certain
    assert "#" in "".join(lines[periods:moments]) and "." not in "".join(lines[periods:moments])
    # Sieva's renaming ("1935 or later") happened once: dots over its possible range, never a bar
    rule = next(i for i in range(moments, len(lines)) if lines[i].lstrip().startswith("+"))
    marks = "".join(lines[moments:rule])
    assert "." in marks and "*" in marks and "#" not in marks


def test_chart_fits_the_width() -> None:
    for width in (60, 100, 140):
        lines = run("chart", tty=True, width=width).stdout.splitlines()
        assert max(len(line.rstrip()) for line in lines) <= width


def test_chart_notes_hidden_posthumous_events() -> None:
    result = run("chart", tty=True)
    assert result.stderr == ("1 event before 1906 not shown\n2 events after 1938 not shown; --after-death shows them\n")
    assert run("chart", "--after-death", tty=True).stderr == "1 event before 1906 not shown\n"


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
        ("nkvd-notified", "month", 88),
        ("appendectomy", "month", 88),
        ("complications", "month", 88),
        ("taken-to-hospital", "month", 88),
    ]
    record = json.loads(result.stdout)[0]
    assert record["age"] == {"min": 31, "max": 31} and record["when"] == "16 February 1938"


def test_on_this_day_24_february_is_his_birthday() -> None:
    result = run("on-this-day", "2-24", "--today", "2026-02-24", "--json")
    assert ids_and_matches(result) == [("father-in-prison", "exact", 120), ("birth", "exact", 120)]
    # the February 1938 events end with his death on the 16th, so none can fall on the 24th


def test_on_this_day_lists_a_month_event_only_where_its_bounds_allow() -> None:
    in_bounds = run("on-this-day", "02-10", "--today", "2026-11-24", "--json")
    assert [i for i, m, _ in ids_and_matches(in_bounds)] == [
        "appendicitis", "nkvd-notified", "appendectomy", "complications", "taken-to-hospital",
    ]  # fmt: skip
    # 17–23 February: after the 16th, when all five end
    assert run("on-this-day", "02-20", "--window", "3", "--today", "2026-11-24", "--json").stdout == "[]\n"
    window = run("on-this-day", "02-20", "--window", "4", "--today", "2026-11-24", "--json")  # 16–24 February
    assert [(i, m) for i, m, _ in ids_and_matches(window)] == [
        ("death", "exact"), ("father-in-prison", "exact"), ("birth", "exact"), ("appendicitis", "month"),
        ("nkvd-notified", "month"), ("appendectomy", "month"), ("complications", "month"),
        ("taken-to-hospital", "month"),
    ]  # fmt: skip


def test_on_this_day_29_february() -> None:
    result = run("on-this-day", "02-29", "--today", "2028-02-29", "--json")
    assert ids_and_matches(result) == []  # 1938 had no 29 February, and his February events end on the 16th


def test_on_this_day_with_nothing() -> None:
    assert run("on-this-day", "07-04", "--json").stdout == "[]\n"
    quiet = run("on-this-day", "07-04", tty=True)
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "Nothing is dated to 4 July.\n")


def test_on_this_day_window_and_default_today(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("on-this-day", "02-20", "--window", "5", "--today", "2026-11-24", "--json")
    assert [(r["id"], r["offset_days"]) for r in json.loads(result.stdout)][:3] == [
        ("death", -4), ("father-in-prison", 4), ("birth", 4),
    ]  # fmt: skip
    monkeypatch.setattr(common, "today", lambda: date(2030, 2, 24))
    assert ids_and_matches(run("on-this-day", "--json"))[1] == ("birth", "exact", 124)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["on-this-day", "02-30"], "'02-30' is not a day of the year; write 02-16, Feb 16 or 16 February"),
        (["on-this-day", "feb"], "'feb' is not a day of the year; write 02-16, Feb 16 or 16 February"),
        (["on-this-day", "Feb 30"], "'Feb 30' is not a day of the year; write 02-16, Feb 16 or 16 February"),
        (["on-this-day", "--today", "soon"], "--today 'soon' is not a day; use YYYY-MM-DD, e.g. 2026-11-24"),
    ],
)
def test_on_this_day_errors(args: list[str], message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, f"sedov: error: {message}\n")


# --- stats -------------------------------------------------------------------------------


def test_stats_json() -> None:
    data = json.loads(run("stats", "--json").stdout)
    assert data["lifespan"] == {"born": "24 February 1906", "died": "16 February 1938", "birth": "1906-02-24",
                                "death": "1938-02-16", "age_at_death": {"min": 31, "max": 31}}  # fmt: skip
    # dates at their own precision, as the article gives them
    assert [(e["from"]["when"], e["to"]["when"]) for e in data["eras"]] == [
        ("1929", "1931"), ("1931", "by 1933"), ("by 1933", "16 February 1938"), ("1935", "1938"),
    ]  # fmt: skip
    # no era before the 1929 exile: the article gives no residence before it
    assert {e["id"]: e["years"]["text"] for e in data["eras"]} == {
        "in-turkey": "1.0–3.0 years",
        "in-berlin": "0.0–2.1 years",  # the move to Paris came by 30 January 1933
        "in-paris": "5.0–6.1 years",
        "caring-for-sieva": "2.0–3.1 years",
    }
    assert data["certainty"] == {"stated": 10, "inferred": 20, "attributed": 3, "disputed": 2}
    assert [p["events"] for p in data["periods"]] == [6, 11, 7, 7, 4]
    assert data["gaps"] == {
        "no_event_possible": ["1907–1916"],
        "no_event_certain": ["1907–1924", "1927–1928", "1930", "1934"],  # 1935–1938 certainly cares for Sieva
    }
    assert [e["id"] for e in data["least_precise"]][:3] == ["sieva-renamed", "red-book-praised", "grave"]
    assert [(c["id"], c["claimed_by"]) for c in data["single_attribution"]] == [
        ("bloc-dissolved", "Pierre Broué"), ("murder-hypothesis", "some historians"),
        ("zborowski-confirms-death", "Mark Zborowski"), ("zborowski-testimony", "Mark Zborowski"),
        ("sudoplatov-denial", "Pavel Sudoplatov"),
    ]  # fmt: skip


def test_stats_table_and_formats() -> None:
    table = run("stats", tty=True).stdout
    assert table.startswith("Lev Sedov: born 24 February 1906, died 16 February 1938, aged 31; 35 events\n")
    assert "1929-01-01" not in table and "Exile in Turkey" in table
    for title in ("Where and what, in years", "Events per period", "Gaps", "Claims resting on one attribution"):
        assert title in table
    bad = run("stats", "--format", "csv")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "sedov: error: invalid value for --format: 'csv' is not one of table, json (see 'sedov stats --help')\n",
    )


def test_stats_says_none_for_a_table_with_no_row(write_dataset: WriteDataset) -> None:
    """A draft has no eras and often no attributed claim: a line saying so, not headers over nothing."""

    def change(raw: dict[str, Any]) -> None:
        raw["eras"] = []
        for e in raw["events"]:
            if e["certainty"] in ("attributed", "disputed"):
                e.update(certainty="inferred", note=e.get("note", "Read so."))
                e.pop("claimed_by", None)
                e.pop("disputes", None)

    table = run("--data", str(write_dataset(change)), "stats", tty=True).stdout.splitlines()
    assert "Where and what, in years: none (the dataset gives no eras)" in table
    assert table[-1] == "Claims resting on one attribution: none (no claim is attributed or disputed)"
    assert not any(line.startswith("Era ") or line.startswith("Claim ") for line in table)


# --- --relative-to ------------------------------------------------------------------------


def test_relative_to_death() -> None:
    rows = json.loads(run("events", "--relative-to", "death", "--json").stdout)
    texts = {r["id"]: r["relative"]["text"] for r in rows}
    assert texts["birth"] == "31 years before death"
    assert texts["marriage"] == "12 years before death"
    assert texts["red-book"] == "1–2 years before death"
    assert texts["appendicitis"] == "0–15 days before death"
    assert texts["death"] == "this event"  # an event is no distance from itself
    assert texts["grave"] == "on or after death"  # a grave follows the death, perhaps the same day
    assert texts["zborowski-confirms-death"] == "0–18 years after death"  # so does its confirmation
    assert texts["murder-hypothesis"] == "0–15 days before death"  # tied to his last illness
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


def test_a_small_tables_heading_is_never_wrapped_to_the_tables_width(tmp_path: Path) -> None:
    """A draft whose only period is 'Lead' has a 15-column table under 'Events per period'."""
    from typer.testing import CliRunner

    from sedov_cli import cli

    (tmp_path / "a.txt").write_text("= Ann Lee =\n\nAnn Lee (3 May 1900 – 1980) was a poet. In 1925 she moved.\n")
    runner = CliRunner()
    assert (
        runner.invoke(cli.app, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "d.json"), "-q"]).exit_code
        == 0
    )
    lines = runner.invoke(cli.app, ["--data", str(tmp_path / "d.json"), "stats"]).stdout.splitlines()
    at = lines.index("Events per period")
    assert lines[at + 1].split() == ["Period", "Events"]


def test_a_chart_of_a_life_with_no_death_does_not_read_as_a_lifespan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The axis runs to today when no death is given: "Ann Lee, 1950–2026" would read as her life."""
    (tmp_path / "ann.txt").write_text("Ann Lee (born 3 May 1950) was a poet. In 1975 she married.\n", encoding="utf-8")
    drafted = run("extract", str(tmp_path / "ann.txt"), "--output", str(tmp_path / "ann.json"), "--quiet")
    assert drafted.exit_code == 0, drafted.stderr
    monkeypatch.setattr(common, "today", lambda: date(2026, 12, 2))
    out = run("--data", str(tmp_path / "ann.json"), "chart", tty=True).stdout
    assert out.splitlines()[0] == "Ann Lee (born 1950; no death given): 1950 to 2026"


def test_a_chart_of_a_life_too_long_ago_to_go_on_today_ends_at_its_last_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No one born in 1304 is alive: with no death given, the axis stops at the last dated event, not at today
    with ages up to 722 (review 7 #14)."""
    (tmp_path / "per.txt").write_text(
        "Per Berg (born 25 February 1304) was a traveller. In 1325 he left home. In 1349 he came back.\n",
        encoding="utf-8",
    )
    drafted = run("extract", str(tmp_path / "per.txt"), "--output", str(tmp_path / "per.json"), "--quiet")
    assert drafted.exit_code == 0, drafted.stderr
    monkeypatch.setattr(common, "today", lambda: date(2026, 12, 2))
    out = run("--data", str(tmp_path / "per.json"), "chart", tty=True).stdout
    assert out.splitlines()[0] == "Per Berg (born 1304; no death given): 1304 to 1349"
