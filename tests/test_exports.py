"""sedov export: each format exactly on a small dataset, and parsed by a real client."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import icalendar
import pytest
from conftest import WriteDataset, check_snapshot, terminal
from typer.testing import CliRunner, Result

from sedov_cli import cli
from sedov_cli.dataset import load

MINI_EVENTS = ["birth", "moves-to-paris", "bloc-dissolved", "cares-for-nephew", "murder-hypothesis", "death",
               "grave", "sudoplatov-denial"]  # fmt: skip
STAMP = "1700000000"  # SOURCE_DATE_EPOCH: 2023-11-14T22:13:20Z


@pytest.fixture
def mini(write_dataset: WriteDataset) -> Path:
    def keep(raw: dict[str, Any]) -> None:
        raw["events"] = [e for e in raw["events"] if e["id"] in MINI_EVENTS]
        raw["eras"] = [r for r in raw["eras"] if r["id"] in ("in-paris", "caring-for-sieva")]

    return write_dataset(keep, name="mini.json")


def export(data: Path, *args: str, tty: bool = False) -> Result:
    result = CliRunner().invoke(
        cli.app,
        ["--data", str(data), "export", *args],
        env={"SOURCE_DATE_EPOCH": STAMP},
        obj=terminal(100, False) if tty else None,
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def raw(result: Result) -> str:
    """stdout exactly as written (Result.stdout turns CRLF into LF)."""
    return result.stdout_bytes.decode("utf-8")


@pytest.mark.parametrize(("fmt", "suffix"), [("timelinejs", "json"), ("ics", "ics"), ("csv", "csv"),
                                             ("markdown", "md"), ("json", "json")])  # fmt: skip
def test_each_export_exactly(mini: Path, fmt: str, suffix: str) -> None:
    result = export(mini, "--format", fmt)
    assert (result.exit_code, result.stderr) == (0, "")
    check_snapshot(f"export-mini.{fmt}.{suffix}", raw(result))


def test_ics_is_read_by_a_real_client(mini: Path) -> None:
    text = raw(export(mini, "--format", "ics"))
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert list(events) == [f"{i}@lev-sedov.sedov" for i in MINI_EVENTS]
    birth = events["birth@lev-sedov.sedov"]
    assert (str(birth["SUMMARY"]), birth.decoded("DTSTART").isoformat(), birth.decoded("DTEND").isoformat()) == (
        "Born", "1906-02-24", "1906-02-25")  # fmt: skip
    # a moment happened once: one day, its wording in the summary, its uncertainty in the description
    bloc = events["bloc-dissolved@lev-sedov.sedov"]
    assert (bloc.decoded("DTSTART").isoformat(), bloc.decoded("DTEND").isoformat()) == ("1933-01-01", "1933-01-02")
    assert str(bloc["SUMMARY"]) == "The bloc is dissolved (early 1933)"
    description = str(bloc["DESCRIPTION"])
    assert "a moment that happened once, within 1 January 1933 to 30 April 1933." in description
    assert "The day is not known: this entry sits on the first possible day, which is not the day it happened." in (
        description
    )
    assert "“The bloc was dissolved in early 1933, according to Pierre Broué.”" in description
    # a period lasted: it spans every day it may have covered
    nephew = events["cares-for-nephew@lev-sedov.sedov"]
    assert (nephew.decoded("DTSTART").isoformat(), nephew.decoded("DTEND").isoformat()) == (
        "1935-01-01", "1938-02-17")  # fmt: skip
    # a day from outside knowledge is named as such
    move = str(events["moves-to-paris@lev-sedov.sedov"]["DESCRIPTION"])
    assert "Date: just before Adolf Hitler came to power in 1933 (EDTF [..1933])" in move
    assert "Last possible day 30 January 1933, outside knowledge: " in move
    assert str(events["grave@lev-sedov.sedov"]["LOCATION"]) == "Cimetière de Thiais"
    assert "open-ended" in str(events["grave@lev-sedov.sedov"]["DESCRIPTION"])
    assert str(bloc["STATUS"]) == "TENTATIVE" and str(birth["STATUS"]) == "CONFIRMED"


def test_ics_uids_are_stable(mini: Path) -> None:
    assert export(mini, "--format", "ics").stdout == export(mini, "--format", "ics").stdout


# The TimelineJS3 JSON format's documented field names.
TOP = {"events", "title", "eras", "scale"}
SLIDE = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}
DATE = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
TEXT = {"headline", "text"}
ERA = {"start_date", "end_date", "text"}


def _check_date(value: dict[str, Any]) -> None:
    assert set(value) <= DATE and isinstance(value["year"], int)


def test_timelinejs_has_the_documented_shape(mini: Path) -> None:
    data = json.loads(export(mini, "--format", "timelinejs").stdout)
    assert set(data) <= TOP and data["scale"] == "human"
    assert set(data["title"]) <= SLIDE and set(data["title"]["text"]) == TEXT
    for slide in data["events"]:
        assert set(slide) <= SLIDE and set(slide["text"]) <= TEXT
        _check_date(slide["start_date"])
        if "end_date" in slide:
            _check_date(slide["end_date"])
    for era in data["eras"]:
        assert set(era) <= ERA
        _check_date(era["start_date"])
        _check_date(era["end_date"])
    by_id = {s["unique_id"]: s for s in data["events"]}
    assert by_id["birth"]["start_date"] == {"year": 1906, "month": 2, "day": 24}
    # a moment is one slide, at its own precision: "early 1933" is its year, worded, never January
    assert by_id["bloc-dissolved"]["start_date"] == {"year": 1933}
    assert "end_date" not in by_id["bloc-dissolved"]
    assert by_id["bloc-dissolved"]["display_date"] == "early 1933"
    # a day known only from outside knowledge is never a slide's day: the open start falls back to a year
    assert by_id["moves-to-paris"]["start_date"] == {"year": 1932}
    assert "end_date" not in by_id["moves-to-paris"]
    assert "outside knowledge" in by_id["moves-to-paris"]["text"]["text"]
    assert by_id["cares-for-nephew"]["start_date"] == {"year": 1935}
    assert by_id["cares-for-nephew"]["end_date"] == {"year": 1938}
    assert by_id["death"]["group"] == "Death" and by_id["sudoplatov-denial"]["group"] == "After his death"
    assert [e["text"]["headline"] for e in data["eras"]] == ["Paris", "Caring for his nephew Sieva"]


def test_timelinejs_escapes_html(write_dataset: WriteDataset) -> None:
    def change(raw: dict[str, Any]) -> None:
        raw["events"][1].update(title="<script>alert(1)</script>", wording="<b>1906</b>")
        raw["periods"][0].update(name="<i>Early</i>")

    data = json.loads(export(write_dataset(change), "--format", "timelinejs").stdout)
    assert data["events"][1]["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert data["events"][1]["display_date"] == "&lt;b&gt;1906&lt;/b&gt;"
    assert data["events"][1]["group"] == "&lt;i&gt;Early&lt;/i&gt;"


def test_csv_is_flat(mini: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(mini, "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == MINI_EVENTS
    bloc = rows[2]
    assert (bloc["kind"], bloc["earliest"], bloc["latest"], bloc["precision"], bloc["when"]) == (
        "moment", "1933-01-01", "1933-04-30", "subyear", "early 1933")  # fmt: skip
    assert rows[3]["people"] == "Jeanne Martin; Vsevolod Volkov"
    move = rows[1]
    assert (move["earliest"], move["earliest_basis"], move["latest"], move["latest_basis"]) == (
        "1932-01-01", "article", "1933-01-30", "outside")  # fmt: skip
    assert [r["status"] for r in rows if r["status"] != "lived"] == ["after-death", "after-death"]


def test_markdown_has_periods_and_sources(mini: Path) -> None:
    text = export(mini, "--format", "markdown").stdout
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Early life", "## Exile in Turkey and Germany", "## Exile in Paris", "## Death", "## After his death",
        "## Sources",
    ]  # fmt: skip
    assert "licensed CC BY-SA" in text and "<https://en.wikipedia.org/wiki/Lev_Sedov>" in text


def test_json_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    assert export(Path(os.devnull), "--format", "json", "-o", str(out)).exit_code == 1  # /dev/null is no dataset
    result = CliRunner().invoke(cli.app, ["export", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    original, again = load(None), load(out)
    assert again.events == original.events and again.eras == original.eras
    assert dict(again.people) == dict(original.people) and dict(again.places) == dict(original.places)


def test_json_export_keeps_both_sides_of_a_dispute(tmp_path: Path) -> None:
    out = tmp_path / "late.json"
    result = CliRunner().invoke(cli.app, ["export", "--format", "json", "--from", "1990", "-o", str(out)])
    assert result.exit_code == 0
    # the murder hypothesis (before 1990) comes along because Sudoplatov's denial disputes it
    assert [e.id for e in load(out).events] == [
        "sieva-renamed", "red-book-praised", "murder-hypothesis", "grave", "sudoplatov-denial",
    ]  # fmt: skip
    assert len(load(out).not_datable) == 3


def test_output_is_atomic_and_replaces(tmp_path: Path, mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "sedov.ics"
    out.write_text("old", encoding="utf-8")
    assert export(mini, "--format", "ics", "--output", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "mini.json", "sedov.ics"]
    # the note wraps at the terminal's width like all prose, so it is read at a path of a known length
    monkeypatch.chdir(tmp_path)
    note = export(mini, "--format", "ics", "--output", "sedov.ics", tty=True)
    assert note.stderr == "wrote 8 events to sedov.ics\n"


def test_output_failure_leaves_nothing(tmp_path: Path, mini: Path) -> None:
    result = export(mini, "--format", "csv", "--output", str(tmp_path / "missing" / "x.csv"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"sedov: error: cannot write {tmp_path / 'missing' / 'x.csv'}: No such file")
    assert not (tmp_path / "missing").exists()


def test_export_errors(mini: Path) -> None:
    bad = export(mini, "--format", "pdf")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "sedov: error: invalid value for --format: 'pdf' is not one of timelinejs, ics, csv, markdown, json "
        "(see 'sedov export --help')\n",
    )
    missing = export(mini)
    assert missing.exit_code == 2 and "sedov export needs --format: one of timelinejs" in missing.stderr
    assert export(mini, "--format", "ICS").exit_code == 0


def test_a_timelinejs_period_within_one_year_keeps_its_end_date() -> None:
    from typer.testing import CliRunner

    from sedov_cli import cli

    data = json.loads(CliRunner().invoke(cli.app, ["export", "--format", "timelinejs"]).stdout)
    slide = next(s for s in data["events"] if s["unique_id"] == "revolution-of-1905")  # 1905/1905
    assert (slide["start_date"], slide["end_date"]) == ({"year": 1905}, {"year": 1905})


def test_a_timelinejs_slide_with_no_start_sits_at_its_end(write_dataset: WriteDataset) -> None:
    """TimelineJS needs a start date on every slide: "until 1929" with nothing before it is one slide in
    1929, worded as "until 1929", never a slide with a null start."""

    def change(raw: dict[str, Any]) -> None:
        exile = next(e for e in raw["events"] if e["id"] == "exile")
        exile["date"] = "../1929"

    data = json.loads(export(write_dataset(change), "--format", "timelinejs").stdout)
    slide = next(s for s in data["events"] if s["unique_id"] == "exile")
    assert (slide["start_date"], "end_date" in slide, slide["display_date"]) == ({"year": 1929}, False, "until 1929")
    assert all(s["start_date"] is not None for s in data["events"])


def test_a_bound_that_follows_the_birth_is_not_drawn_from_the_birth(write_dataset: WriteDataset) -> None:
    """ "Until 1929", known to come after his birth: a timeline and a calendar draw what the date says,
    not a bar from 24 February 1906 that the bound only allows."""

    def change(raw: dict[str, Any]) -> None:
        exile = next(e for e in raw["events"] if e["id"] == "exile")
        exile["date"] = "../1929"
        exile["bounds"] = [{"side": "earliest", "date": "1906-02-24", "certainty": "inferred", "basis": "article",
                            "note": "What he did came after his birth.", "follows": "birth"}]  # fmt: skip

    path = write_dataset(change)
    slide = next(s for s in json.loads(export(path, "--format", "timelinejs").stdout)["events"]
                 if s["unique_id"] == "exile")  # fmt: skip
    assert (slide["start_date"], "end_date" in slide) == ({"year": 1929}, False)
    ics = raw(export(path, "--format", "ics"))
    entry = ics.split("UID:exile@", 1)[1].split("END:VEVENT", 1)[0]
    assert "DTSTART;VALUE=DATE:19291231\r\n" in entry


def test_exports_leave_out_the_provenance_a_draft_does_not_give(tmp_path: Path) -> None:
    """A draft from extract says 'not given' for the publisher, address and licence the user did not
    pass: the exports say less, never 'Drawn from the not given article'."""
    from typer.testing import CliRunner

    from sedov_cli import cli

    raw = json.loads((Path(__file__).parents[1] / "data" / "sedov.json").read_text(encoding="utf-8"))
    raw["source"].update(publisher="not given", url="not given", license="not given")
    (tmp_path / "article.txt").write_text(
        (Path(__file__).parents[1] / "data" / "article.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "d.json"
    path.write_text(json.dumps(raw), encoding="utf-8")

    def run(fmt: str) -> str:
        return CliRunner().invoke(cli.app, ["--data", str(path), "--no-cache", "export", "--format", fmt]).stdout

    assert json.loads(run("timelinejs"))["title"]["text"]["text"] == (
        "<p>Drawn from the article “Lev Sedov”, under a licence the dataset does not give. Every slide quotes it.</p>"
    )
    assert "- “Lev Sedov”. The dataset does not give the text's licence: check it before sharing this" in run(
        "markdown"
    )
    assert "not given" not in run("ics").replace("\r\n ", "")


def test_a_bound_that_precedes_the_death_gives_an_age_without_if_alive_and_is_not_drawn(
    write_dataset: WriteDataset,
) -> None:
    """Trotsky's praise is not Sedov's act, but the bound is exercised on it: shown in words, in JSON, lived;
    and a timeline draws only what the date says: read as a period from 1936, open, it has no end."""
    from typer.testing import CliRunner

    from sedov_cli import cli

    def change(raw: dict[str, Any]) -> None:
        praised = next(e for e in raw["events"] if e["id"] == "red-book-praised")
        praised["bounds"].append({"side": "latest", "date": "1938-02-16", "certainty": "inferred",
                                  "basis": "article", "note": "His own act.", "precedes": "death"})  # fmt: skip

    path = write_dataset(change)
    shown = CliRunner().invoke(cli.app, ["--data", str(path), "show", "red-book-praised"]).stdout
    assert "age\t29-31\nstatus\tlived\n" in shown
    assert "bound.latest\t1938-02-16 (article, before the death): His own act." in shown
    record = json.loads(CliRunner().invoke(cli.app, ["--data", str(path), "show", "red-book-praised", "--json"]).stdout)
    assert [b["precedes"] for b in record["bounds"]] == [None, "death"]

    def as_period(raw: dict[str, Any]) -> None:
        change(raw)
        next(e for e in raw["events"] if e["id"] == "red-book-praised")["date"] = "1936/.."

    slide = next(s for s in json.loads(export(write_dataset(as_period), "--format", "timelinejs").stdout)["events"]
                 if s["unique_id"] == "red-book-praised")  # fmt: skip
    assert (slide["start_date"], "end_date" in slide) == ({"year": 1936}, False)
