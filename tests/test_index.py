"""The SQLite index (issue 10): the same answers with and without it, and a cache that is never trusted blindly.

Each command runs three times on one file: with --no-cache, then with an
empty cache (which validates and indexes), then from the index, with the
loader made to fail if it reads the file again. All three must print the
same bytes and exit the same way.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import WriteDataset, swap_id_index
from typer.testing import CliRunner, Result

from sedov_cli import cli, dataset, index

ROOT = Path(__file__).resolve().parents[1]


def _scale() -> Any:
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    """400 generated events: nested places, many people and tags, every date form."""
    data, article = _scale().generate(400, seed=7)
    folder = tmp_path / "synthetic"
    folder.mkdir()
    (folder / "article.txt").write_text(article, encoding="utf-8")
    path = folder / "data.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def invoke(*args: str) -> Result:
    # A fixed generation time: the calendar export stamps one, and runs compared byte for byte
    # must not straddle a second.
    return CliRunner().invoke(cli.app, list(args), env={"SOURCE_DATE_EPOCH": "1700000000"})


def _forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the dataset was parsed again although its index is current")

    monkeypatch.setattr(dataset, "_build", refuse)


def three_ways(path: Path, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    plain = invoke("--no-cache", "--data", str(path), *args)
    first = invoke("--data", str(path), *args)
    with monkeypatch.context() as m:
        _forbid_reading(m)
        again = invoke("--data", str(path), *args)
    assert plain.exit_code in (0, 1, 2), (args, plain.output, plain.exception)
    for result in (first, again):
        assert (result.exit_code, result.stdout, result.stderr) == (plain.exit_code, plain.stdout, plain.stderr), args


SYNTHETIC_COMMANDS = [
    ["timeline", "--json"], ["timeline", "--reverse", "--limit", "7", "--json"], ["timeline", "--format", "tsv"],
    ["events", "--place", "country-3", "--format", "ndjson"], ["events", "--place", "City 4", "--json"],
    ["events", "--place", "country-1", "--place", "country-2", "--reverse", "--format", "csv"],
    ["events", "--person", "Person 3", "--json"], ["events", "--tag", "exile", "--tag", "trial", "--format", "tsv"],
    ["events", "--from", "1910", "--to", "1912", "--json"],
    ["events", "--from", "1910", "--to", "1912", "--match", "certain", "--json"],
    ["events", "--from", "1930", "--format", "tsv"], ["events", "--to", "1905", "--format", "tsv"],
    ["events", "--search", "NUMBER 1", "--json"], ["events", "--search", "ex", "--format", "tsv"],
    ["events", "--search", "no such words", "--json"], ["events", "--certainty", "stated", "--limit", "5", "--json"],
    ["events", "--period", "Life", "--tag", "letter", "--place", "country-0", "--from", "1920", "--json"],
    ["events", "--relative-to", "event-10", "--from", "1925", "--json"],
    ["events", "--place", "Atlantis", "--json"], ["events", "--place", "4", "--json"],
    ["events", "--place", "  CITY 7 ", "--place", "site-9", "--format", "tsv"], ["show", "event-17", "--json"],
    ["show", "event-39"],
    ["show", "event-39", "--json"], ["show", "event-"], ["age-at", "event-"], ["show", "event-4"],
    ["show", "nothing-like-it"], ["age-at", "1920", "--json"],
    ["age-at", "event-12", "--explain"], ["people", "--json"], ["people", "--search", "person 1", "--format", "tsv"],
    ["places", "--json"], ["tags", "--json"], ["stats", "--json"], ["on-this-day", "03-15", "--json"],
    ["export", "--format", "json", "--tag", "exile", "-o", "-"], ["validate"],
]  # fmt: skip

PACKAGED_COMMANDS = [
    ["timeline", "--format", "tsv"], ["events", "--place", "Paris", "--from", "1933", "--json"],
    ["events", "--person", "Zborowski", "--format", "csv"], ["events", "--search", "седов", "--json"],
    ["events", "--relative-to", "death", "--from", "1935", "--json"], ["show", "marriage", "--json"],
    ["show", "murder"], ["age-at", "marriage", "--explain"], ["on-this-day", "02-16", "--json"],
    ["export", "--format", "ics", "-o", "-"], ["export", "--format", "timelinejs", "-o", "-"],
    ["places", "--format", "tsv"], ["chart"],
    # a bound that follows the death: no age for him, his son's counted, the same words either way
    ["show", "zborowski-confirms-death", "--json"], ["show", "grave"],
    ["age-at", "zborowski-confirms-death", "--explain"], ["age-at", "grave", "--person", "lev-son", "--json"],
]  # fmt: skip


@pytest.mark.parametrize("args", SYNTHETIC_COMMANDS, ids=" ".join)
def test_the_index_answers_as_the_file_does(
    args: list[str], synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_ways(synthetic, args, monkeypatch)


@pytest.mark.parametrize("args", PACKAGED_COMMANDS, ids=" ".join)
def test_the_index_answers_as_the_packaged_copy_does(
    args: list[str], write_dataset: WriteDataset, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_ways(write_dataset(), args, monkeypatch)


def test_no_cache_writes_nothing(synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke("--data", str(synthetic), "timeline", "--no-cache", "--json").exit_code == 0
    monkeypatch.setenv("SEDOV_NO_CACHE", "1")
    assert invoke("--data", str(synthetic), "timeline", "--json").exit_code == 0
    assert not cache.exists() or not list(cache.iterdir())


def _index_file(cache: Path) -> Path:
    (found,) = [p for p in cache.iterdir() if p.suffix == ".sqlite"]
    return found


def test_a_changed_file_is_indexed_again(synthetic: Path, cache: Path) -> None:
    assert invoke("--data", str(synthetic), "show", "event-3", "--json").exit_code == 0
    data = json.loads(synthetic.read_text(encoding="utf-8"))
    data["events"][3]["title"] = "A title changed by hand"
    synthetic.write_text(json.dumps(data), encoding="utf-8")
    shown = invoke("--data", str(synthetic), "show", "event-3", "--json")
    assert json.loads(shown.stdout)["title"] == "A title changed by hand"
    assert len([p for p in cache.iterdir() if p.suffix == ".sqlite"]) == 1  # the earlier content's index is gone


def test_a_changed_article_is_checked_again(synthetic: Path, cache: Path) -> None:
    assert invoke("--data", str(synthetic), "timeline", "--json").exit_code == 0
    article = synthetic.parent / "article.txt"
    article.write_text("= Ann Example =\n\nNothing the dataset quotes.\n", encoding="utf-8")
    result = invoke("--data", str(synthetic), "timeline", "--json")
    assert result.exit_code == 1
    assert "does not appear verbatim in the article" in result.stderr


def _replace_with_foreign_database(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as con:
        con.executescript("CREATE TABLE meta (k, v); INSERT INTO meta VALUES (1, 2);")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b"not a database at all\n" * 100), id="garbage"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), id="truncated"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
        pytest.param(_replace_with_foreign_database, id="another-programs-database"),
        pytest.param(
            lambda p: sqlite3.connect(p).executescript("UPDATE meta SET value = '0' WHERE key = 'complete'"),
            id="half-written",
        ),
        pytest.param(
            lambda p: sqlite3.connect(p).executescript("UPDATE meta SET value = '0.0.0' WHERE key = 'version'"),
            id="older-sedov",
        ),
    ],
)
def test_a_damaged_or_foreign_cache_file_is_rebuilt(
    damage: Any, synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = invoke("--data", str(synthetic), "events", "--place", "country-2", "--json")
    damage(_index_file(cache))
    after = invoke("--data", str(synthetic), "events", "--place", "country-2", "--json")
    assert (after.exit_code, after.stdout) == (0, before.stdout)
    with monkeypatch.context() as m:  # and the rebuilt index is used from then on
        _forbid_reading(m)
        assert invoke("--data", str(synthetic), "events", "--place", "country-2", "--json").stdout == before.stdout


@pytest.mark.parametrize(("table", "command"), [("events", ["stats", "--json"]), ("lines", ["timeline", "--json"])])
def test_damage_found_while_reading_is_an_error_and_the_file_goes(
    table: str, command: list[str], synthetic: Path, cache: Path
) -> None:
    """A listing reads the stored lines, and ``stats`` the events: each finds damage to the table it reads."""
    assert invoke("--data", str(synthetic), "timeline", "--json").exit_code == 0
    path = _index_file(cache)
    with sqlite3.connect(path) as con:
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        size = con.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as f:  # the table's first page, overwritten; the header and meta stay readable
        f.seek((root - 1) * size)
        f.write(b"\xff" * size)
    index._seal(path)  # damage the timestamps cannot show (a disk fault): the seal still matches
    result = invoke("--data", str(synthetic), *command)
    assert result.exit_code == 1
    assert "could not be read" in result.stderr and "the next run rebuilds it" in result.stderr
    assert "Traceback" not in result.output
    assert not path.exists()
    assert invoke("--data", str(synthetic), "timeline", "--json").exit_code == 0


def test_an_unwritable_cache_is_only_a_slower_run(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("SEDOV_CACHE_DIR", str(blocker / "cache"))
    result = invoke("--data", str(synthetic), "events", "--place", "country-3", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)


def test_concurrent_indexing_of_one_file(synthetic: Path, cache: Path) -> None:
    """Six processes index the same new file at once: all answer alike, one index remains, no temporary file."""
    env = {**os.environ, "SEDOV_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "sedov_cli", "--data", str(synthetic), "events", "--place", "country-1", "--json"]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(6)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, [r[1] for r in results]
    assert len({r[0] for r in results}) == 1 and all(r[1] == b"" for r in results)
    # one index and no temporary file; a process that hashed the file two seconds after it was written
    # may also have remembered the hash (a .path memo), which is how a busy machine differs from an idle one;
    # each index has its seal (.seal: the file's identity and timestamps as sedov wrote it)
    assert sorted({p.suffix for p in cache.iterdir()} - {".path"}) == [".seal", ".sqlite"]
    assert len([p for p in cache.iterdir() if p.suffix == ".sqlite"]) == 1
    searches = [subprocess.Popen([*command[:-1], "--search", "number 2", "--json"], stdout=subprocess.PIPE, env=env)
                for _ in range(4)]  # fmt: skip
    outputs = {p.communicate(timeout=120)[0] for p in searches}  # four processes race to build the text index
    assert [p.returncode for p in searches] == [0] * 4 and len(outputs) == 1
    plain = invoke("--no-cache", "--data", str(synthetic), "events", "--place", "country-1", "--search", "number 2",
                   "--json")  # fmt: skip
    assert outputs == {plain.stdout.encode()}


def _memos(cache: Path) -> list[Path]:
    return [p for p in cache.iterdir() if p.suffix == ".path"]


def test_a_settled_file_is_known_without_reading_it(
    synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once hashed, an unchanged file is matched to its index by its identity and timestamps alone."""
    monkeypatch.setattr(index, "_SETTLED_NS", 0)  # the file was written a moment ago
    first = invoke("--data", str(synthetic), "show", "event-3", "--json")
    (memo,) = _memos(cache)
    assert json.loads(memo.read_text(encoding="utf-8"))["file"] == str(synthetic.resolve())
    reader = dataset.read_bounded

    def read(path: Path, *args: Any) -> bytes:
        if Path(path).name == synthetic.name:
            pytest.fail("the unchanged dataset was read again")
        return reader(path, *args)  # its article is read and hashed on every run

    with monkeypatch.context() as m:
        m.setattr(dataset, "read_bounded", read)
        again = invoke("--data", str(synthetic), "show", "event-3", "--json")
    assert (again.exit_code, again.stdout) == (0, first.stdout)
    assert invoke("cache", "clear").stdout.startswith("removed 1 file (")
    assert list(cache.iterdir()) == []  # the remembered hash goes with the index


def test_a_file_changed_since_it_was_hashed_is_hashed_again(
    synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "_SETTLED_NS", 0)
    assert invoke("--data", str(synthetic), "show", "event-3", "--json").exit_code == 0
    data = json.loads(synthetic.read_text(encoding="utf-8"))
    data["events"][3]["title"] = data["events"][3]["title"].upper()  # the same size, new bytes
    synthetic.write_text(json.dumps(data), encoding="utf-8")
    shown = invoke("--data", str(synthetic), "show", "event-3", "--json")
    assert json.loads(shown.stdout)["title"] == data["events"][3]["title"]
    assert len([p for p in cache.iterdir() if p.suffix == ".sqlite"]) == 1  # indexed anew, the old one pruned


def test_a_file_changed_moments_ago_is_not_remembered(
    synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write in the same clock tick as the hash could leave the timestamps as they were."""
    changed = synthetic.stat().st_ctime_ns
    monkeypatch.setattr(index, "_clock_ns", lambda: changed + 1_999_999_999)  # not even two seconds on
    assert invoke("--data", str(synthetic), "show", "event-3", "--json").exit_code == 0
    assert _memos(cache) == []
    monkeypatch.setattr(index, "_clock_ns", lambda: changed + 2_000_000_000)
    assert invoke("--data", str(synthetic), "show", "event-3", "--json").exit_code == 0
    assert len(_memos(cache)) == 1


def test_cache_info_and_clear(synthetic: Path, cache: Path) -> None:
    empty = invoke("cache", "info")
    assert empty.stdout == f"cache: {cache} (SEDOV_CACHE_DIR)\n0 files, 0.0 kB\n"
    assert invoke("--data", str(synthetic), "timeline", "--json").exit_code == 0
    (cache / "notes.txt").write_text("mine, not sedov's", encoding="utf-8")
    listed = json.loads(invoke("cache", "info", "--json").stdout)
    (entry,) = listed["indexes"]
    assert listed["folder"] == str(cache) and listed["source"] == "SEDOV_CACHE_DIR"
    assert entry["origin"] == str(synthetic.resolve())
    assert entry["events"] == 400 and entry["current"] is True and entry["bytes"] > 0
    text = invoke("cache", "info").stdout.splitlines()
    assert text[1].startswith("1 file, ") and text[2].startswith(f"  {synthetic.resolve()}: 400 events, ")
    cleared = invoke("cache", "clear")
    assert cleared.exit_code == 0
    assert cleared.stdout.startswith("removed 1 file (") and cleared.stdout.endswith(f") from {cache}\n")
    assert [p.name for p in cache.iterdir()] == ["notes.txt"]
    assert invoke("cache", "clear").stdout == f"removed 0 files (0.0 kB) from {cache}\n"


def test_an_edited_file_leaves_one_index_not_one_per_edit(synthetic: Path, cache: Path) -> None:
    """Each content has its own index; the ones of a file's earlier contents go when it is indexed again,
    so `cache info` lists it once (it listed every edit as current, 36 MB each at 100,000 events)."""
    other = synthetic.with_name("other.json")
    shutil.copy(synthetic, other)
    assert invoke("--data", str(other), "people", "--json").exit_code == 0
    for title in ("changed", "changed again"):
        raw = json.loads(synthetic.read_text(encoding="utf-8"))
        raw["events"][0]["title"] = title
        synthetic.write_text(json.dumps(raw), encoding="utf-8")
        assert invoke("--data", str(synthetic), "people", "--json").exit_code == 0
    origins = [e["origin"] for e in json.loads(invoke("cache", "info", "--json").stdout)["indexes"]]
    assert sorted(origins) == sorted([str(synthetic.resolve()), str(other.resolve())])


def test_cache_folder_follows_xdg(tmp_path: Path) -> None:
    assert index.cache_dir({"SEDOV_CACHE_DIR": "/x/y"}) == Path("/x/y")
    assert index.cache_dir({"XDG_CACHE_HOME": "/xdg"}) == Path("/xdg/sedov")
    assert index.cache_dir({"XDG_CACHE_HOME": "relative"}) == Path.home() / ".cache" / "sedov"
    assert index.cache_dir({}) == Path.home() / ".cache" / "sedov"
    assert [index.cache_wanted({"SEDOV_NO_CACHE": v}) for v in ("", "0", "false", "1", "yes")] == [
        True, True, True, False, False,
    ]  # fmt: skip


def test_people_and_places_are_parsed_only_when_a_command_needs_them(synthetic: Path, cache: Path) -> None:
    """``age-at`` on a million events reads one person, by its row, and ``show`` its event's few places and
    people: damage in the lists they never read whole goes unnoticed until a command reads them, which then
    reports it and removes the index like any other damage."""
    assert invoke("--data", str(synthetic), "places", "--json").exit_code == 0
    shown = invoke("--data", str(synthetic), "show", "event-17", "--json")
    path = _index_file(cache)
    with sqlite3.connect(path) as con:
        broken = '[{"id": '
        for part in ("places", "people"):  # consistent rows: only parsing can tell
            con.execute(
                "UPDATE parts SET value = ?, sum = ? WHERE key = ?", (broken, index.row_sum((part, broken)), part)
            )
    index._seal(path)  # and unchanged timestamps: only parsing can tell
    age = invoke("--data", str(synthetic), "age-at", "1920", "--json")
    assert age.exit_code == 0 and json.loads(age.stdout)["person"] == "subject"
    again = invoke("--data", str(synthetic), "show", "event-17", "--json")
    assert (again.exit_code, again.stdout, again.stderr) == (0, shown.stdout, "")
    assert json.loads(shown.stdout)["places"] or json.loads(shown.stdout)["people"]  # it names some
    places = invoke("--data", str(synthetic), "places", "--json")
    assert places.exit_code == 1 and places.stdout == ""
    assert "could not be read" in places.stderr and "the next run rebuilds it" in places.stderr
    assert "Traceback" not in places.output and not path.exists()
    again = invoke("--data", str(synthetic), "places", "--json")
    assert again.exit_code == 0 and len(json.loads(again.stdout)) == len(json.loads(synthetic.read_text())["places"])


# --- records encoded when the index is built (issue 22) ---------------------------------------

ODD = ("Tab\there, \"quoted\", back\\slash, \u202ebidi\u202c, nel\x85, line\u2028sep, \U0001f600, Седов, "
       "del\x7f, zero\u200bwidth, </b>")  # fmt: skip
"""Every kind of character the JSON encoder or the escaping of invisibles treats specially."""


def _oddly_named(raw: dict[str, Any]) -> None:
    for event in raw["events"][:5]:
        event.update(title=f"{ODD} {event['id']}", summary=ODD, note=ODD)
    raw["events"][1]["wording"] = ODD
    raw["events"][2]["claimed_by"] = ODD
    for record in (*raw["people"][:3], *raw["places"][:30]):
        record["name"] = f"{ODD} {record['id']}"


@pytest.fixture
def odd(synthetic: Path) -> Path:
    """The synthetic dataset with odd characters in titles, summaries, notes, wordings, names and claimants."""
    data = json.loads(synthetic.read_text(encoding="utf-8"))
    _oddly_named(data)
    path = synthetic.with_name("odd.json")
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _expected_lines(path: Path) -> dict[str, str]:
    from sedov_cli.formats.json_format import dumps
    from sedov_cli.records import event_record

    ds = dataset.load(path, use_cache=False)
    return {e.id: dumps(event_record(ds, e, ds.age_at(e)), indent=None) for e in ds.events}


@pytest.mark.parametrize("which", ["packaged", "packaged, oddly named", "synthetic", "synthetic, oddly named"])
def test_each_stored_line_is_the_record_of_its_event(
    which: str, synthetic: Path, odd: Path, write_dataset: WriteDataset, cache: Path
) -> None:
    paths = {"packaged": lambda: write_dataset(), "packaged, oddly named": lambda: write_dataset(_oddly_named),
             "synthetic": lambda: synthetic, "synthetic, oddly named": lambda: odd}  # fmt: skip
    path = paths[which]()
    expected = _expected_lines(path)
    dataset.load(path)
    with sqlite3.connect(_index_file(cache)) as con:
        rows = con.execute("SELECT id, rec FROM events JOIN lines USING (r)").fetchall()
    stored = {ident: rec.split("\x1f", 10)[10] for ident, rec in rows}
    assert stored == expected
    if "oddly" in which:  # the odd characters are there, escaped as the encoder escapes them
        assert any("\\t" in line and "\\u202e" in line and "\\u2028" in line for line in stored.values())


LISTINGS = [
    ["events", "--place", "country-3"], ["timeline"], ["timeline", "--reverse", "--limit", "9"],
    ["events", "--from", "1910", "--to", "1912"], ["events", "--from", "1910", "--to", "1912", "--match", "certain"],
    ["events", "--tag", "exile", "--tag", "trial", "--period", "Life", "--certainty", "stated"],
    ["events", "--person", "Person 3", "--person", "Person 4"],
    ["events", "--relative-to", "event-10", "--from", "1925", "--limit", "30"],
]  # fmt: skip


@pytest.mark.parametrize("fmt", ["ndjson", "json", "tsv", "csv", "markdown"])
@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_a_listing_from_the_index_writes_its_stored_records(
    args: list[str], fmt: str, odd: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same bytes three ways, and from the index no model of a listed event is built: only
    ``--relative-to`` reads one, its reference."""
    three_ways(odd, [*args, "--format", fmt], monkeypatch)
    built: list[str] = []
    real = index._event

    def counted(row: tuple[Any, ...]) -> Any:
        built.append(row[0])
        return real(row)

    monkeypatch.setattr(index, "_event", counted)
    result = invoke("--data", str(odd), *args, "--format", fmt)
    assert result.exit_code == 0 and result.stdout.count("event-") > 3
    assert built == (["event-10"] if "--relative-to" in args else [])


def test_a_damaged_link_table_never_adds_an_event_to_a_listing(
    synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The place filter's link rows carry no sum; the stored places the listing checks do, so a link row
    that names a place the event is not at (a fault the timestamps cannot show) adds nothing."""
    args = ["events", "--place", "country-3", "--format", "ndjson"]
    expected = invoke("--no-cache", "--data", str(synthetic), *args).stdout
    assert invoke("--data", str(synthetic), *args).stdout == expected
    path = _index_file(cache)
    with sqlite3.connect(path) as con:
        inside = {p for (p,) in con.execute("SELECT place FROM place_ancestry WHERE ancestor = 'country-3'")}
        outside = next(n for n, places in con.execute("SELECT n, places FROM events ORDER BY n")
                       if places and not inside.intersection(places.split()))  # fmt: skip
        con.execute("INSERT INTO event_places VALUES (?, ?)", (sorted(inside)[0], outside))
    index._seal(path)
    with monkeypatch.context() as m:
        _forbid_reading(m)
        result = invoke("--data", str(synthetic), *args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


def test_a_place_filter_reads_its_names_row_and_no_place(
    odd: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exact name, in any case and with its accents, is one row of the index: no place is modelled,
    and the answer is the file's. A name no row holds (a word of a name) is resolved from the places."""
    odd_name = json.loads(odd.read_text(encoding="utf-8"))["places"][21]["name"]
    made: list[str] = []
    real = dataset._place

    def counted(p: dict[str, Any]) -> Any:
        made.append(p["id"])
        return real(p)

    for place in ("country-3", "city 40", odd_name.upper(), "4"):
        args = ["events", "--place", place, "--format", "ndjson"]
        expected = invoke("--no-cache", "--data", str(odd), *args)
        assert invoke("--data", str(odd), *args).stdout == expected.stdout
        made.clear()
        with monkeypatch.context() as m:
            _forbid_reading(m)
            m.setattr(dataset, "_place", counted)
            result = invoke("--data", str(odd), *args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, ""), place
        assert expected.stdout.count("event-") > 3
        assert (made == []) == (place != "4"), place


def test_a_damaged_place_name_row_is_damage(synthetic: Path, cache: Path) -> None:
    args = ["events", "--place", "country-3", "--format", "ndjson"]
    assert invoke("--data", str(synthetic), *args).exit_code == 0
    path = _index_file(cache)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE place_keys SET places = places || ' city-1' WHERE key = 'country-3'")
    index._seal(path)  # a change the timestamps cannot show
    result = invoke("--data", str(synthetic), *args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert "the places named 'country-3' do not match their checksum" in result.stderr
    assert not path.exists()


@pytest.mark.parametrize("fmt", ["ndjson", "json", "tsv", "csv", "markdown"])
def test_people_from_the_index_are_their_stored_records(
    fmt: str, odd: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``people`` writes the lines stored at index time: the same bytes three ways, and no person parsed."""
    three_ways(odd, ["people", "--format", fmt], monkeypatch)
    real = index.Header.__getitem__

    def guarded(header: index.Header, key: str) -> Any:
        assert key != "people", "the people were parsed although their records are stored"
        return real(header, key)

    monkeypatch.setattr(index.Header, "__getitem__", guarded)
    result = invoke("--data", str(odd), "people", "--format", fmt)
    assert result.exit_code == 0 and result.stdout.count("person-") > 40


# --- lookups that read rows through their indexes only (issue 22, round 3) --------------------

_BIG_TABLES = ("events", "lines", "people", "places", "people_lines", "event_places", "event_people", "event_tags")


def _statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement the index's connections run, with its parameters filled in."""
    run: list[str] = []
    real = index._connect

    def traced(path: Path) -> sqlite3.Connection:
        con = real(path)
        con.set_trace_callback(run.append)
        return con

    monkeypatch.setattr(index, "_connect", traced)
    return run


def _scans(path: Path, statements: list[str]) -> list[str]:
    """The steps of those statements' query plans that read a large table (or its index) whole."""
    found = []
    with sqlite3.connect(path) as con:
        for sql in statements:
            if sql.lstrip().upper().startswith("SELECT") and "sqlite_master" not in sql:
                for *_, detail in con.execute(f"EXPLAIN QUERY PLAN {sql}"):
                    if detail.startswith("SCAN") and detail.split()[1] in _BIG_TABLES:
                        found.append(f"{detail}: {sql}")
    return found


@pytest.mark.parametrize("args", [
    ["age-at", "1920", "--json"], ["age-at", "event-12", "--json"], ["age-at", "1920", "--person", "person-3"],
    ["show", "event-17", "--json"], ["show", "event-39"], ["show", "event-4"], ["show", "event-"],
    ["age-at", "EVENT-"],
], ids=" ".join)  # fmt: skip
def test_age_at_and_show_read_no_table_whole(
    args: list[str], synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a million events a table read whole is half a second: these answers read rows by their indexes
    (an id that is not there is proved absent by its neighbours in the id index, see IndexedEvents._by_id).
    An unknown id reads every id, but only to suggest the nearest in its error."""
    three_ways(synthetic, args, monkeypatch)
    with monkeypatch.context() as m:
        run = _statements(m)
        result = invoke("--data", str(synthetic), *args)
    assert result.exit_code in (0, 1, 2)  # an answer, a person with no birth (1), an unknown id (2)
    assert run and _scans(_index_file(cache), run) == []


def _lose_from_id_index(path: Path, ident: str) -> None:
    """The id index's b-tree swapped for one without ``ident``, as a lost page would leave it."""
    swap_id_index(path, f"id != '{ident}'")


@pytest.mark.parametrize("args", [
    ["show", "event-17", "--json"], ["show", "event-", "--json", "lost event-102"], ["age-at", "event-17", "--json"],
    ["events", "--relative-to", "event-17", "--json"],
], ids=" ".join)  # fmt: skip
def test_an_id_index_that_lost_one_event_is_damage_for_every_lookup_near_it(
    args: list[str], synthetic: Path, cache: Path
) -> None:
    """Without the proof, `show event-` (the start of every id) would list event-103 where event-102 is
    among the ten ids it may mean, and `show event-17` would say there is no such event."""
    lost = args.pop()[5:] if args[-1].startswith("lost ") else "event-17"
    assert invoke("--data", str(synthetic), "timeline", "--json").exit_code == 0
    path = _index_file(cache)
    _lose_from_id_index(path, lost)
    result = invoke("--data", str(synthetic), *args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"sedov: error: the index {path} could not be read (its id index does not list event "
                             f"'{lost}'); it has been removed, so the next run rebuilds it\n")  # fmt: skip
    again, plain = invoke("--data", str(synthetic), *args), invoke("--no-cache", "--data", str(synthetic), *args)
    assert (again.exit_code, again.stdout) == (plain.exit_code, plain.stdout)


def test_a_prefix_of_many_ids_lists_ten_and_reads_no_more(
    synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`show event-` at a million events decoded every event to list them all in its error (33 s, 2 GB).
    It lists the first ten by id, read and proved through the id index, and says there are more; so an
    index that lost an id beyond those ten answers as the file does."""
    first = sorted(json.loads(synthetic.read_text())["events"], key=lambda e: e["id"])[:10]
    listed = "; ".join(f"{e['title']} [{e['id']}]" for e in first)
    expected = f"sedov: error: event id 'event-' is ambiguous: {listed}; and more. Type more of the id.\n"
    assert "[event-0]; " in expected and "[event-106]; and more." in expected
    plain = invoke("--no-cache", "--data", str(synthetic), "show", "event-")
    assert (plain.exit_code, plain.stdout, plain.stderr) == (2, "", expected)
    assert invoke("--data", str(synthetic), "timeline", "--json").exit_code == 0
    _lose_from_id_index(_index_file(cache), "event-17")
    with monkeypatch.context() as m:
        _forbid_reading(m)
        decoded = []
        real = index._event
        m.setattr(index, "_event", lambda row: decoded.append(row[0]) or real(row))
        result = invoke("--data", str(synthetic), "show", "event-")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)
    assert len(decoded) == 10


def test_an_id_far_from_the_lost_one_is_answered(synthetic: Path, cache: Path) -> None:
    """The proof reads the neighbours of the id asked for, so an index that lost event-17 still answers
    for event-300 (its damage is found where it matters)."""
    assert invoke("--data", str(synthetic), "timeline", "--json").exit_code == 0
    _lose_from_id_index(_index_file(cache), "event-17")
    result = invoke("--data", str(synthetic), "show", "event-300", "--json")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        invoke("--no-cache", "--data", str(synthetic), "show", "event-300", "--json").stdout,
        "",
    )


def test_a_listing_into_a_pipe_runs_its_query_once(
    synthetic: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note for an empty answer is for a terminal: a pipe neither asks first whether anything matched
    (which ran the query a second time) nor reads every person's count for a note it never prints."""
    args = ["--data", str(synthetic), "events", "--place", "country-3", "--format", "ndjson"]
    expected = invoke(*args).stdout
    queries: list[str] = []
    real_stored, real_count = index.IndexedEvents._stored, index.IndexedEvents.count_by

    def stored(self: index.IndexedEvents, *rest: Any) -> Any:
        queries.append("lines")
        return real_stored(self, *rest)

    def count_by(self: index.IndexedEvents, key: Any) -> Any:
        queries.append(f"count_by {key}")
        return real_count(self, key)

    monkeypatch.setattr(index.IndexedEvents, "_stored", stored)
    monkeypatch.setattr(index.IndexedEvents, "count_by", count_by)
    result = invoke(*args)
    assert (result.exit_code, result.stdout, queries) == (0, expected, ["lines"])


def test_an_index_built_again_drops_the_text_index_of_the_one_it_replaces(synthetic: Path, cache: Path) -> None:
    """The text index finds events by their row in the index; an index of another layout or version
    files them differently, so the text index made for it goes when it is replaced."""
    args = ["--data", str(synthetic), "events", "--search", "number 2", "--json"]
    assert invoke(*args).exit_code == 0
    path = _index_file(cache)
    assert index._text_path(path).exists()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = '6' WHERE key = 'layout'")  # as an older sedov left it
    index._seal(path)
    assert invoke("--data", str(synthetic), "timeline", "--json").exit_code == 0  # indexed again
    assert not index._text_path(path).exists() and not index._seal_path(index._text_path(path)).exists()
    again = invoke(*args)
    assert (again.exit_code, again.stdout) == (0, invoke("--no-cache", *args).stdout)
