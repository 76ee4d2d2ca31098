"""Datasets and command lines that once crashed sedov, and a fuzz loop over both.

Whatever validate accepts, every command handles; whatever it refuses, it
refuses with a message. Nothing ends in "internal error" or a traceback, no
exit code but 0, 1 or 2, and no run takes more than 10 s.
"""

from __future__ import annotations

import copy
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest
from conftest import WriteDataset, event
from typer.testing import CliRunner, Result

from sedov_cli import cli

COMMANDS = [
    ["timeline"], ["timeline", "--format", "table"], ["events", "--from", "1900", "--json"],
    ["events", "--relative-to", "death"], ["show", "death"], ["age-at", "1933"], ["age-at", "death"],
    ["age-at", "1936/.."], ["people"], ["places", "--format", "table"], ["tags"], ["stats"], ["stats", "--json"],
    ["chart"], ["chart", "--after-death"], ["on-this-day", "02-16", "--window", "30"],
    *(["export", "--format", f] for f in ("timelinejs", "ics", "csv", "markdown", "json")), ["validate"],
]  # fmt: skip


def sedov(*args: str) -> Result:
    result = CliRunner().invoke(cli.app, list(args))
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.exception)
    assert "internal error" not in result.stderr and "Traceback" not in result.output, (args, result.stderr)
    return result


VARIANTS: dict[str, Callable[[dict[str, Any]], None]] = {
    "no death date": lambda raw: (  # and so nothing can follow it: its bounds become plain days
        raw["people"][0].pop("death"), [b.pop("follows", None) for e in raw["events"] for b in e.get("bounds", [])]),
    "events outside the chart's axis": lambda raw: (
        event(raw, "red-book").update(date="1936/1945"), event(raw, "father-in-prison").pop("bounds"),
        event(raw, "father-in-prison").update(date="1890")),
    "year 9999": lambda raw: (
        event(raw, "sudoplatov-denial").update(date="9999-12-31"),
        event(raw, "zborowski-testimony").update(date="9999"),
    ),
    "years before 1000": lambda raw: (
        event(raw, "revolution-of-1905").update(date="0999/0999"), event(raw, "father-in-prison").pop("bounds"),
        event(raw, "father-in-prison").update(date="0005")),
    "an uncertain birth": lambda raw: raw["people"][0]["birth"].update(date="1906"),
    "no events": lambda raw: raw.update(events=[], eras=[]),
}  # fmt: skip


@pytest.mark.parametrize("name", list(VARIANTS))
def test_every_command_works_on_what_validate_accepts(write_dataset: WriteDataset, name: str) -> None:
    path = write_dataset(VARIANTS[name])
    assert sedov("validate", str(path)).exit_code == 0
    for command in COMMANDS:
        result = sedov("--data", str(path), *command)
        names_a_missing_event = name == "no events" and "death" in command  # a usage error, said plainly
        assert result.exit_code == (2 if names_a_missing_event else 0), (command, result.stderr)


def test_without_a_death_date_an_open_age_has_no_upper_limit(write_dataset: WriteDataset) -> None:
    path = write_dataset(VARIANTS["no death date"])
    assert sedov("--data", str(path), "age-at", "1936/..").stdout == (
        "From 1936 Lev Sedov would have been 29 or older (if still alive: the dataset gives no death; the span "
        "has no end, so nothing bounds the age).\n"
    )
    grave = json.loads(sedov("--data", str(path), "show", "grave", "--json").stdout)
    assert (grave["age"], grave["status"]) == ({"min": 31, "max": None}, "lived")


def test_ics_dates_are_valid_for_any_year(write_dataset: WriteDataset) -> None:
    def change(raw: dict[str, Any]) -> None:
        VARIANTS["year 9999"](raw)
        VARIANTS["years before 1000"](raw)

    text = sedov("--data", str(write_dataset(change)), "export", "--format", "ics").stdout_bytes.decode()
    assert "DTSTART;VALUE=DATE:00050101\r\n" in text and "DTSTART;VALUE=DATE:09990101\r\n" in text
    assert "DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n" in text
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    assert events["father-in-prison@lev-sedov.sedov"].decoded("DTSTART").isoformat() == "0005-01-01"


# --- what cannot be read is refused, quickly ------------------------------------------------


def _validate(path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sedov_cli", "validate", path], capture_output=True, text=True,
                          timeout=10, check=False)  # fmt: skip


def test_devices_fifos_loops_and_huge_files_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("a.json")
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(1024 * 1024 * 1024 + 1)  # sparse: no time or disk to make
    expected = {
        "/dev/zero": "/dev/zero: is not a regular file (a FIFO, device or socket is not read)\n",
        str(fifo): f"{fifo}: is not a regular file (a FIFO, device or socket is not read)\n",
        str(tmp_path / "a.json"): f"{tmp_path / 'a.json'}: cannot read: Too many levels of symbolic links\n",
        str(huge): f"{huge}: is 1024 MiB, over the 1024 MiB limit\n",
    }
    for path, message in expected.items():
        out = _validate(path)
        assert (out.returncode, out.stdout) == (1, message)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../article.txt", "must stay inside the dataset's folder; '../article.txt' climbs out with '..'"),
        ("/etc/hostname", "must be a path relative to the dataset's folder, not the absolute '/etc/hostname'"),
        ("outside.txt", "the article 'outside.txt' leads outside the dataset's folder (through a symlink)"),
        ("fifo.txt", "the article 'fifo.txt' is not a regular file (a FIFO, device or socket is not read)"),
        ("article.txt\x00.json", "must be a file name; it holds a NUL character, which no path may"),
        ("article.txt/", "must name the article file, not a folder ('article.txt/')"),
        ("sub/.", "must name the article file, not a folder ('sub/.')"),
    ],
)
def test_the_article_is_confined_to_the_dataset_folder(write_dataset: WriteDataset, name: str, message: str) -> None:
    path = write_dataset(lambda raw: raw["source"].update(file=name, url="https://example.org/elsewhere"))
    (path.parent / "outside.txt").symlink_to("/etc/hostname")
    os.mkfifo(path.parent / "fifo.txt")
    out = _validate(str(path))
    assert (out.returncode, out.stdout) == (1, f"{path}: dataset: source.file: {message}\n")


# --- the fuzz loop ----------------------------------------------------------------------------

HOSTILE_VALUES: list[Any] = [
    None, 0, -1, 10**30, 1.5, True, "", " ", "x" * 5000, [], {}, [None], ["x", "x"], {"a": 1},
    "9999", "0001", "0000", "[..]", "[1930..]", "[..1905]", "1938/..", "../1905", "1936/1945", "1900-02-29",
    "2000-02-29", "1933-21", "1933-37", "1933-13", "[1931..1929]", "1935/1930", "1906-02-24", "../..",
    "\x1b[31mred", "\u202eevil", "[bold]x[/]", "=cmd()", "<script>", "\ud800", "лев", "a\u200bb",
]  # fmt: skip
ARG_TOKENS = [
    "timeline", "events", "show", "age-at", "people", "places", "tags", "stats", "chart", "on-this-day", "export",
    "validate", "--json", "--format", "table", "json", "csv", "ndjson", "markdown", "ics", "timelinejs", "yaml",
    "--place", "Paris", "--person", "Lev", "--tag", "nkvd", "--from", "--to", "1933", "1933/..", "[1929..1931]",
    "banana", "--search", "--limit", "-1", "0", "--reverse", "--match", "certain", "--relative-to", "death",
    "--window", "400", "02-30", "--after-death", "--certainty", "disputed", "--", "-", "--debug", "--explain",
    "marriage", "grave", "9999", "0005", "--output", "/dev/null", "",
]  # fmt: skip


def _mutate(raw: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    raw = copy.deepcopy(raw)
    for _ in range(rng.randint(1, 3)):
        section = rng.choice(["events", "events", "events", "people", "places", "eras", "periods"])
        items = raw.get(section) or raw["events"]
        if not items:
            continue
        item = rng.choice(items)
        key = rng.choice(list(item))
        target = item
        if isinstance(item[key], dict) and item[key] and rng.random() < 0.5:  # a nested field: birth.date, from.date
            target = item[key]
            key = rng.choice(list(target))
        action = rng.random()
        if action < 0.15:
            target.pop(key)
        elif action < 0.3 and isinstance(target[key], list):
            target[key] = target[key] * rng.randint(2, 50)
        else:
            target[key] = rng.choice(HOSTILE_VALUES)
    return raw


VALID_DATES = [
    "1", "0005", "0999/0999", "1890", "1905/1905", "1906-02-24", "1906-02-25", "1906", "1917-11/..", "../1920",
    "1925~", "1929?", "1931-05%", "1933-37", "1933-39", "1933-41", "[1929..1931]", "[..1933]", "[1936..]",
    "[1938-02-16..1956]", "1935/1945", "1938-02-16/..", "1938-02-17", "1956", "2000-02-29", "9999-12-31",
]  # fmt: skip
HOSTILE_TEXT = ["\x1b[2Jgone", "\u202eevil", "[bold]x[/]", ":skull:", "=cmd()", "<script>x</script>", "a\u200bb",
                "tab\tnew\nline", "\ud800", "лев седов", "x" * 3000]  # fmt: skip


def _plausible(raw: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A change that validate mostly accepts, so that the commands themselves are exercised."""
    raw = copy.deepcopy(raw)
    for _ in range(rng.randint(1, 4)):
        e = rng.choice(raw["events"])
        choice = rng.random()
        if choice < 0.5:
            e["date"] = rng.choice(VALID_DATES)
            e.pop("bounds", None)
        elif choice < 0.8:
            e[rng.choice(["title", "summary", "wording", "note"])] = rng.choice(HOSTILE_TEXT)
        else:
            subject = raw["people"][0]
            subject["birth"]["date"] = rng.choice(["1906", "1906-02", "1900", "1906-02-29", "1904-02-29"])
            if rng.random() < 0.5:
                subject.pop("death", None)
            else:
                subject["death"] = {"date": rng.choice(["1938", "1938-02-16", "9999"]), "certainty": "stated"}
    return raw


@pytest.mark.slow
def test_fuzz_mutated_datasets(write_dataset: WriteDataset, raw_dataset: dict[str, Any]) -> None:
    rng = random.Random(20261124)
    folder = write_dataset().parent  # the article beside every case
    for case in range(200):
        mutate = _plausible if case % 4 else _mutate  # three in four stay plausible
        path = folder / f"fuzz{case}.json"
        path.write_text(json.dumps(mutate(raw_dataset, rng)), encoding="ascii")  # a lone surrogate as \ud800
        for command in rng.sample(COMMANDS, 2):
            sedov("--data", str(path), *command)


OPTION_VALUES: dict[str, list[str] | None] = {
    "--place": ["Paris", "france", "Nowhere", ""], "--person": ["Zborowski", "Lev", "lev-son", "x"],
    "--tag": ["nkvd", "health", "nope"], "--certainty": ["disputed", "maybe"],
    "--from": ["1933", "[1929..1931]", "1933/..", "9999", "0001", "death", "banana", "early 1933", "../1920"],
    "--to": ["1933", "1906-02-24", "marriage", "1800", "[..1938]"], "--match": ["within", "overlap", "x"],
    "--search": ["", "седов", "\x1b[2J", "--debug"], "--limit": ["0", "3", "-1"], "--reverse": None,
    "--format": ["table", "json", "ndjson", "csv", "tsv", "markdown", "yaml"], "--json": None,
    "--relative-to": ["death", "grave", "birth", "nope"],
}  # fmt: skip
COMMAND_SHAPES = [
    ["timeline"], ["events"], ["chart"], ["show", "grave"], ["show", "red-book-praised"], ["age-at", "1933"],
    ["age-at", "1936/.."], ["age-at", "[1929..1931]"], ["age-at", "grave"], ["age-at", "9999"],
    ["on-this-day", "02-29"], ["stats"], ["people"], ["places"], ["tags"], ["export", "--format", "ics"],
    ["export", "--format", "timelinejs"], ["export", "--format", "markdown"],
]  # fmt: skip


@pytest.mark.slow
def test_fuzz_argument_vectors() -> None:
    rng = random.Random(1938)
    for case in range(300):
        if case % 3 == 0:  # noise
            sedov(*(rng.choice(ARG_TOKENS) for _ in range(rng.randint(1, 6))))
            continue
        argv = list(rng.choice(COMMAND_SHAPES))
        for option in rng.sample(list(OPTION_VALUES), rng.randint(0, 3)):
            values = OPTION_VALUES[option]
            argv += [option] if values is None else [option, rng.choice(values)]
        sedov(*argv)
