"""Issue 20: a cache nobody else can poison, damage that is reported once, and a busy cache that is only slower.

Another user of the machine is played by root giving files to another uid
with ``os.chown``; those tests are skipped when not run as root. Locks are
held deterministically by the test's own SQLite connection, and the wait is
the index's setting (``_BUSY_MS``), not luck.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from conftest import WriteDataset, swap_id_index
from typer.testing import CliRunner, Result

from sedov_cli import index

STRANGER = 12345  # a uid that is not the user's: "another user of the machine"
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="playing another user needs root (os.chown)")


def invoke(*args: str) -> Result:
    from sedov_cli import cli

    return CliRunner().invoke(cli.app, list(args), env={"SOURCE_DATE_EPOCH": "1700000000"})


def plain(path: Path, *args: str) -> Result:
    return invoke("--no-cache", "--data", str(path), *args)


def _outcome(result: Result) -> tuple[int, str, str]:
    return result.exit_code, result.stdout, result.stderr


def the_index(cache: Path) -> Path:
    (found,) = [p for p in cache.iterdir() if p.suffix == ".sqlite"]
    return found


def warning(folder: Path, problem: str) -> str:
    return f"sedov: warning: not using the cache folder {folder}: {problem}; answering from the dataset itself\n"


def damage_line(path: Path, why: str) -> str:
    return (
        f"sedov: error: the index {path} could not be read ({why}); it has been removed, so the next run rebuilds it\n"
    )


# --- whose cache ------------------------------------------------------------------------------


@as_root
def test_a_cache_folder_another_user_owns_is_ignored(write_dataset: WriteDataset, cache: Path) -> None:
    """/tmp/sedov-cache made first by someone else: the answer comes from the dataset, and nothing goes into it."""
    path = write_dataset()
    cache.mkdir(mode=0o755)
    os.chown(cache, STRANGER, STRANGER)
    result = invoke("--data", str(path), "show", "moves-to-paris", "--json")
    assert (result.exit_code, result.stdout) == (0, plain(path, "show", "moves-to-paris", "--json").stdout)
    assert result.stderr == warning(cache, f"it is owned by another user (uid {STRANGER})")
    assert list(cache.iterdir()) == []
    info = invoke("cache", "info")
    assert info.stdout.splitlines()[1] == (
        f"not trusted: it is owned by another user (uid {STRANGER}); sedov neither reads nor writes it"
    )
    assert json.loads(invoke("cache", "info", "--json").stdout)["trusted"] is False


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_cache_folder_others_may_write_is_ignored(write_dataset: WriteDataset, cache: Path, mode: int) -> None:
    path = write_dataset()
    cache.mkdir()
    cache.chmod(mode)
    result = invoke("--data", str(path), "timeline", "--json")
    assert (result.exit_code, result.stdout) == (0, plain(path, "timeline", "--json").stdout)
    assert result.stderr == warning(cache, f"others may write to it (mode {mode:04o})")
    assert list(cache.iterdir()) == []


def test_a_folder_above_that_others_may_write_is_ignored_unless_sticky(
    write_dataset: WriteDataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another user could rename the cache out of an open folder and put theirs in; not out of a sticky one."""
    path = write_dataset()
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.delenv("SEDOV_NO_CACHE", raising=False)
    monkeypatch.setenv("SEDOV_CACHE_DIR", str(shared / "sedov"))
    result = invoke("--data", str(path), "timeline", "--json")
    assert result.stderr == warning(shared / "sedov", f"others may write to {shared} above it (mode 0777)")
    assert not (shared / "sedov").exists()
    shared.chmod(0o1777)  # as /tmp is
    result = invoke("--data", str(path), "timeline", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert the_index(shared / "sedov").exists()


@as_root
def test_an_index_another_user_planted_is_never_read(write_dataset: WriteDataset, cache: Path) -> None:
    """A genuine index with one row edited, then handed to another uid: its planted answer is never shown."""
    path = write_dataset()
    genuine = invoke("--data", str(path), "show", "moves-to-paris", "--json").stdout
    found = the_index(cache)
    with sqlite3.connect(found) as con:
        con.execute("UPDATE events SET title = 'Sedov was never in Paris (planted)' WHERE id = 'moves-to-paris'")
    con.close()
    index._seal(found)  # even with a seal that matches
    os.chown(found, STRANGER, STRANGER)
    result = invoke("--data", str(path), "show", "moves-to-paris", "--json")
    assert (result.exit_code, result.stdout) == (0, genuine)
    assert result.stderr == (f"sedov: warning: not using the index {found}: it is owned by another user "
                             f"(uid {STRANGER}); answering from the dataset itself\n")  # fmt: skip
    assert found.stat().st_uid == os.geteuid()  # rebuilt as the user's own


def test_an_index_others_may_write_is_never_read(write_dataset: WriteDataset, cache: Path) -> None:
    path = write_dataset()
    genuine = invoke("--data", str(path), "show", "moves-to-paris", "--json").stdout
    found = the_index(cache)
    with sqlite3.connect(found) as con:
        con.execute("UPDATE events SET title = 'planted' WHERE id = 'moves-to-paris'")
    con.close()
    found.chmod(0o666)
    index._seal(found)
    result = invoke("--data", str(path), "show", "moves-to-paris", "--json")
    assert (result.exit_code, result.stdout) == (0, genuine)
    assert result.stderr == (f"sedov: warning: not using the index {found}: it is writable by others (mode 0666); "
                             "answering from the dataset itself\n")  # fmt: skip


def test_an_index_written_to_since_sedov_wrote_it_is_rebuilt(write_dataset: WriteDataset, cache: Path) -> None:
    """The seal: the file's identity and timestamps as sedov left them. An edit moves its change time."""
    path = write_dataset()
    genuine = invoke("--data", str(path), "show", "moves-to-paris", "--json").stdout
    with sqlite3.connect(the_index(cache)) as con:
        con.execute("UPDATE events SET title = 'planted' WHERE id = 'moves-to-paris'")
    con.close()
    result = invoke("--data", str(path), "show", "moves-to-paris", "--json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, genuine, "")


def test_cache_files_are_private_whatever_the_umask(
    write_dataset: WriteDataset, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 0600 dataset indexed into a shared folder must not become readable through its index."""
    monkeypatch.setattr(index, "_SETTLED_NS", 0)  # so the hash is remembered too
    path = write_dataset()
    old = os.umask(0)
    try:
        assert invoke("--data", str(path), "events", "--search", "Paris", "--json").exit_code == 0
    finally:
        os.umask(old)
    modes = {(p.name.split(".", 1)[1], stat.S_IMODE(p.stat().st_mode)) for p in cache.iterdir()}
    assert modes == {("sqlite", 0o600), ("sqlite.seal", 0o600), ("text", 0o600), ("text.seal", 0o600),
                     ("path", 0o600)}  # fmt: skip
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def _memo(cache: Path, path: Path) -> Path:
    return index._memo_path(path, cache)


def test_the_memo_never_follows_a_planted_link(
    write_dataset: WriteDataset, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old temporary name was predictable (MEMO.PID.tmp): a link planted there was written through."""
    monkeypatch.setattr(index, "_SETTLED_NS", 0)
    path = write_dataset()
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    cache.mkdir(mode=0o700)
    memo = _memo(cache, path)
    for pid in (os.getpid(), *range(1, 50)):
        (cache / f"{memo.name}.{pid}.tmp").symlink_to(notes)
    assert invoke("--data", str(path), "timeline", "--json").exit_code == 0
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert json.loads(memo.read_text(encoding="utf-8"))["file"] == str(path.resolve())


def _limited(code: str, cache: Path, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    """A sedov run in its own process under a 1.5 GB address-space limit: a hang times out, a flood fails."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    env = {**os.environ, "SEDOV_CACHE_DIR": str(cache)}
    env.pop("SEDOV_NO_CACHE", None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                          env=env, preexec_fn=limit, check=False)  # fmt: skip


def _run_sedov(*args: str) -> str:
    return f"import sys; sys.argv = ['sedov', *{list(args)!r}]; from sedov_cli.launch import main; main()"


@pytest.mark.parametrize("plant", ["fifo", "dev-zero"])
def test_a_planted_memo_neither_hangs_nor_floods(write_dataset: WriteDataset, cache: Path, plant: str) -> None:
    path = write_dataset()
    assert invoke("--data", str(path), "timeline", "--json").exit_code == 0
    memo = _memo(cache, path)
    memo.unlink(missing_ok=True)
    if plant == "fifo":
        os.mkfifo(memo)
    else:
        memo.symlink_to("/dev/zero")
    out = _limited(_run_sedov("--data", str(path), "timeline", "--json"), cache)
    assert (out.returncode, out.stdout, out.stderr) == (0, plain(path, "timeline", "--json").stdout, "")


@as_root
def test_a_forged_memo_cannot_answer_for_a_private_dataset(
    write_dataset: WriteDataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a folder another user owns, they write a memo with the stat signature of the user's dataset,
    naming the index of a dataset of their own: the user's file would never have been read."""
    mine = write_dataset()
    other = write_dataset(lambda raw: raw["events"][0].update(title="Another dataset entirely"), name="other.json")
    theirs, shared = tmp_path / "theirs", tmp_path / "shared"
    monkeypatch.delenv("SEDOV_NO_CACHE", raising=False)
    monkeypatch.setenv("SEDOV_CACHE_DIR", str(theirs))
    assert invoke("--data", str(other), "timeline", "--json").exit_code == 0  # the planted index, genuine and sealed
    shutil.copytree(theirs, shared)
    forged = {"file": str(mine.resolve()), "signature": index._signature(mine.stat()),
              "key": index.digest(other.read_bytes())}  # fmt: skip
    index._memo_path(mine, shared).write_text(json.dumps(forged), encoding="utf-8")
    for planted in [shared, *shared.iterdir()]:
        os.chown(planted, STRANGER, STRANGER)
    monkeypatch.setenv("SEDOV_CACHE_DIR", str(shared))
    result = invoke("--data", str(mine), "timeline", "--json")
    assert (result.exit_code, result.stdout) == (0, plain(mine, "timeline", "--json").stdout)
    assert result.stderr == warning(shared, f"it is owned by another user (uid {STRANGER})")


# --- damage -----------------------------------------------------------------------------------


def _tamper(found: Path, sql: str, *, resum: bool = True) -> None:
    """Change the index and renew its seal, as a fault the timestamps cannot show would leave it. With
    ``resum``, each row's checksum is renewed too, as a bug in sedov writing a bad row would leave it."""
    con = sqlite3.connect(found)
    con.executescript(sql)
    if resum and con.execute("SELECT type FROM sqlite_master WHERE name = 'events'").fetchone() == ("table",):
        rows = con.execute(f"SELECT {index._STORED} FROM events").fetchall()
        con.executemany("UPDATE events SET sum = ? WHERE r = ?", [(index.row_sum(r), r[0]) for r in rows])
        con.commit()
    con.close()
    index._seal(found)


THIRD = "r = (SELECT r FROM events WHERE n = 3)"
"""The row of ``lines`` (filed by rank) of the file's third event."""
SPAN = "e.n || char(31) || (e.lo{d}) || char(31) || (e.hi{d}) || char(31) || (e.o{d})"
"""How a row of ``lines`` begins: the event's place in the file, span and filing day."""

DAMAGE = {
    "bad JSON in bounds": ("UPDATE events SET bounds = '[[\"latest\", ' WHERE n = 3",
                           "a row does not decode: JSONDecodeError: Expecting value: line 1 column 13 (char 12)"),
    "a bound that is not a day": ("UPDATE events SET bounds = '[[\"latest\", \"1933-02-30\", \"article\", \"x\"]]' "
                                  "WHERE n = 3", "a row does not decode: ValueError: day is out of range for month"),
    "a date that is not EDTF": ("UPDATE events SET date = 'next Tuesday' WHERE n = 3", None),
    "bytes where text goes": ("UPDATE events SET title = x'ff' WHERE n = 3", "a row does not decode: TypeError: a "
                              "column holds bytes or a number where sedov keeps text"),
    "an unknown place": ("UPDATE events SET places = 'atlantis' WHERE n = 3", "event {id!r} names a place, person, "
                         "period or certainty the dataset does not have"),
    "an unknown period": ("UPDATE events SET period = 'no-such-period' WHERE n = 3", "event {id!r} names a place, "
                          "person, period or certainty the dataset does not have"),
    "a recursive view for meta": (
        "DROP TABLE meta; CREATE VIEW meta(key, value) AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
        "FROM c) SELECT 'k' || x, 'v' FROM c", "it holds a view named 'meta', which sedov never writes"),
    "a changed title": ("UPDATE events SET title = 'planted' WHERE n = 3",
                        "the row of event {id!r} does not match its checksum"),
    "a trigger": ("CREATE TRIGGER t AFTER INSERT ON events BEGIN DELETE FROM events; END",
                  "it holds a trigger named 't', which sedov never writes"),
    "a changed stored line": ("UPDATE lines SET rec = replace(rec, '\"title\":\"', '\"title\":\"planted ') "
                              f"WHERE {THIRD}", "the stored line of event {id!r} does not match its checksum"),
    "a stored line moved in time": (  # its span, as the listing reads it, 400 days earlier
        f"UPDATE lines SET rec = (SELECT {SPAN.format(d=' - 400')} FROM events e WHERE e.r = lines.r) || "
        f"substr(rec, length((SELECT {SPAN.format(d='')} FROM events e WHERE e.r = lines.r)) + 1) WHERE {THIRD}",
        "the stored line of event {id!r} does not match its checksum"),
    "bytes where a stored line goes": (f"UPDATE lines SET rec = CAST(rec AS BLOB) WHERE {THIRD}",
                                       "the stored line of event {id!r} does not match its checksum"),
    "a stored line lost": (f"DELETE FROM lines WHERE {THIRD}", "the stored line of event {id!r} does not match its "
                           "checksum"),
    "a changed person's line": ("UPDATE people_lines SET line = replace(line, '\"name\":\"', '\"name\":\"X') "
                                "WHERE n = 2", "the stored line of person 2 does not match its checksum"),
    "a person's line lost": ("DELETE FROM people_lines WHERE n = (SELECT max(n) FROM people_lines)",
                             "it holds {people} people's lines, not the {everyone} it records"),
}  # fmt: skip
PEOPLE_DAMAGE = ("a changed person's line", "a person's line lost")
LINE_DAMAGE = (
    "a changed stored line",
    "a stored line moved in time",
    "bytes where a stored line goes",
    "a stored line lost",
)
"""Damage to what a listing reads (each event's stored line, its span and order), which `timeline --json` finds;
the rest is in what a model of an event is built from, which `stats --json` reads for every event."""


@pytest.mark.parametrize("name", list(DAMAGE))
def test_damage_is_one_message_the_index_goes_and_the_next_run_is_right(
    name: str, write_dataset: WriteDataset, cache: Path
) -> None:
    path = write_dataset()
    assert invoke("--data", str(path), "timeline", "--json").exit_code == 0
    found = the_index(cache)
    ident = sqlite3.connect(found).execute("SELECT id FROM events WHERE n = 3").fetchone()[0]
    sql, why = DAMAGE[name]
    command = ["timeline", "--json"] if name in LINE_DAMAGE else ["stats", "--json"]
    command = ["people", "--json"] if name in PEOPLE_DAMAGE else command
    everyone = sqlite3.connect(found).execute("SELECT count(*) FROM people_lines").fetchone()[0]
    _tamper(found, sql, resum=name not in ("a changed title", *LINE_DAMAGE, *PEOPLE_DAMAGE))
    out = _limited(_run_sedov("--data", str(path), *command), cache)  # a view that never ends: bounded
    assert (out.returncode, out.stdout) == (1, "")
    if why is not None:
        assert out.stderr == damage_line(found, why.format(id=ident, people=everyone - 1, everyone=everyone))
    else:
        assert out.stderr.startswith(f"sedov: error: the index {found} could not be read (a row does not decode: ")
        assert out.stderr.count("\n") == 1 and "internal error" not in out.stderr
    assert not found.exists() and not index._seal_path(found).exists()
    again = invoke("--data", str(path), *command)
    assert (again.exit_code, again.stdout, again.stderr) == (0, plain(path, *command).stdout, "")


@pytest.mark.parametrize("reverse", [False, True], ids=["forward", "reverse"])
@pytest.mark.parametrize("name", LINE_DAMAGE)
def test_damage_to_a_stored_line_stops_a_whole_ndjson_timeline(
    name: str, reverse: bool, write_dataset: WriteDataset, cache: Path
) -> None:
    """A whole timeline as NDJSON writes the stored lines in batches, with no step per event but the check."""
    path = write_dataset()
    command = ["timeline", "--format", "ndjson", *(["--reverse"] if reverse else [])]
    assert invoke("--data", str(path), *command).exit_code == 0
    found = the_index(cache)
    ident = sqlite3.connect(found).execute("SELECT id FROM events WHERE n = 3").fetchone()[0]
    _tamper(found, DAMAGE[name][0], resum=False)
    out = _limited(_run_sedov("--data", str(path), *command), cache)
    assert (out.returncode, out.stdout) == (1, "")
    assert out.stderr == damage_line(found, str(DAMAGE[name][1]).format(id=ident))
    again = invoke("--data", str(path), *command)
    assert (again.exit_code, again.stdout, again.stderr) == (0, plain(path, *command).stdout, "")


def test_a_whole_ndjson_timeline_with_an_event_too_many_is_damage(write_dataset: WriteDataset, cache: Path) -> None:
    path = write_dataset()
    assert invoke("--data", str(path), "timeline", "--format", "ndjson").exit_code == 0
    found = the_index(cache)
    con = sqlite3.connect(found)
    r, rec = con.execute("SELECT r, rec FROM lines ORDER BY r DESC LIMIT 1").fetchone()
    con.execute("INSERT INTO lines VALUES (?, ?, ?)", (r + 1, rec, zlib.crc32(rec.encode(), r + 1)))
    con.commit()
    con.close()
    index._seal(found)
    out = _limited(_run_sedov("--data", str(path), "timeline", "--format", "ndjson"), cache)
    assert (out.returncode, out.stdout) == (1, "")
    assert out.stderr == damage_line(found, f"it holds {r + 1} events, not the {r} it records")


def test_an_id_index_that_misses_an_event_is_damage(write_dataset: WriteDataset, cache: Path) -> None:
    """Without this, `show moves-to-paris` answered "unknown event id 'moves-to-paris' (did you mean
    'moves-to-paris'?)" (exit 2) from an index whose id b-tree had lost the entry."""
    path = write_dataset()
    assert invoke("--data", str(path), "timeline", "--json").exit_code == 0
    found = the_index(cache)
    swap_id_index(found, "0")  # the id index's b-tree swapped for an empty one, as lost pages would leave it
    result = invoke("--data", str(path), "show", "moves-to-paris", "--json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == damage_line(found, "its id index does not list event 'moves-to-paris'")
    again = invoke("--data", str(path), "show", "moves-to-paris", "--json")
    assert (again.exit_code, again.stdout) == (0, plain(path, "show", "moves-to-paris", "--json").stdout)


def test_cache_clear_removes_a_hostile_index_without_reading_it(write_dataset: WriteDataset, cache: Path) -> None:
    path = write_dataset()
    assert invoke("--data", str(path), "timeline", "--json").exit_code == 0
    _tamper(the_index(cache), DAMAGE["a recursive view for meta"][0])
    info = _limited(_run_sedov("cache", "info"), cache)
    assert info.returncode == 0 and "unreadable or half-written" in info.stdout
    cleared = _limited(_run_sedov("cache", "clear"), cache)
    assert (cleared.returncode, cleared.stderr) == (0, "")
    assert cleared.stdout.startswith("removed 1 file (") and list(cache.iterdir()) == []


# --- busy is not damage -----------------------------------------------------------------------


def test_a_lock_taken_while_reading_is_not_damage(
    write_dataset: WriteDataset, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_dataset()
    assert invoke("--data", str(path), "timeline", "--json").exit_code == 0
    found = the_index(cache)
    monkeypatch.setattr(index, "_BUSY_MS", 0)
    opened = index.open_index(index.digest(path.read_bytes()), lambda name, url: index.digest(
        (path.parent / name).read_bytes()), index.trusted_cache().folder or cache)  # fmt: skip
    assert opened is not None
    holder = sqlite3.connect(found, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(index.CacheBusy) as caught:
            list(opened.events.chronological())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert str(caught.value) == (f"the index {found} stayed locked by another process (database is locked); it was "
                                 "left as it is: run again, or use --no-cache")  # fmt: skip
    assert found.exists()
    assert len(list(opened.events.chronological())) == 35  # and once the lock goes, it reads on


def test_a_paused_reader_does_not_fail_a_first_search(write_dataset: WriteDataset, cache: Path) -> None:
    """A streaming reader paused on a pipe holds a shared lock for as long as it likes. The first --search
    builds its text index in a file of its own, so neither waits for the other, and nothing is removed."""
    path = write_dataset()
    assert invoke("--data", str(path), "timeline", "--json").exit_code == 0
    found = the_index(cache)
    sealed = index._seal_path(found).read_bytes()
    reader = sqlite3.connect(found, isolation_level=None)
    reader.execute("BEGIN")
    cursor = reader.execute("SELECT n FROM events")
    assert cursor.fetchone() == (1,)  # the statement stays open: a shared lock
    try:
        searches = [_outcome(invoke("--data", str(path), "events", "--search", "Paris", "--json")) for _ in range(2)]
        assert cursor.fetchone() == (2,)  # the reader reads on
    finally:
        cursor.close()
        reader.execute("ROLLBACK")
        reader.close()
    wanted = plain(path, "events", "--search", "Paris", "--json").stdout
    assert searches == [(0, wanted, "")] * 2
    assert index._text_path(found).exists() and not Path(f"{found}-journal").exists()
    assert index._seal_path(found).read_bytes() == sealed  # the index itself was never written


def test_a_text_index_that_cannot_be_written_leaves_nothing_behind(
    write_dataset: WriteDataset, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_dataset()
    assert invoke("--data", str(path), "timeline", "--json").exit_code == 0
    real = os.replace

    def full(source: str, target: str) -> None:
        if str(target).endswith(index.TEXT_SUFFIX):
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(index.os, "replace", full)
    result = invoke("--data", str(path), "events", "--search", "Paris", "--json")
    assert _outcome(result) == (0, plain(path, "events", "--search", "Paris", "--json").stdout, "")
    assert sorted(p.name.split(".", 1)[1] for p in cache.iterdir()) == ["sqlite", "sqlite.seal"]


# --- interrupted indexing ---------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_an_interrupted_indexing_leaves_no_temporary_file(
    write_dataset: WriteDataset, cache: Path, signum: signal.Signals
) -> None:
    path = write_dataset()
    code = f"""
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal, even if this suite runs under nohup
signal.signal(signal.SIGHUP, signal.SIG_DFL)
import sedov_cli.index as index
real = index._insert_events
def interrupted(con, events):
    assert [n for n in os.listdir({str(cache)!r}) if n.endswith(".tmp")], "the temporary file exists"
    os.kill(os.getpid(), {int(signum)})
    return real(con, events)
index._insert_events = interrupted
{_run_sedov("--data", str(path), "timeline", "--json")}
"""
    out = _limited(code, cache)
    assert (out.returncode, out.stdout, out.stderr) == (128 + signum, "", "")
    assert [p.name for p in cache.iterdir()] == []


# --- the corruption fuzz ----------------------------------------------------------------------

FUZZ_COMMANDS = [
    ["timeline", "--json"], ["events", "--place", "Paris", "--json"], ["events", "--person", "Zborowski", "--json"],
    ["events", "--from", "1933", "--to", "1935", "--json"], ["events", "--search", "Paris", "--json"],
    ["show", "moves-to-paris", "--json"], ["people", "--json"], ["places", "--json"], ["tags", "--json"],
    ["stats", "--json"], ["age-at", "marriage", "--json"],
]  # fmt: skip
FUZZ_SEED = 20


def _answers(path: Path, cached: bool) -> list[tuple[int, str, str]]:
    results = [invoke(*([] if cached else ["--no-cache"]), "--data", str(path), *args) for args in FUZZ_COMMANDS]
    return [(r.exit_code, r.stdout, r.stderr) for r in results]


@pytest.mark.slow
@pytest.mark.parametrize(("seen", "count"), [(True, 10), (False, 30)], ids=["written-to", "unseen-by-timestamps"])
def test_corruption_fuzz_every_answer_is_right_or_damage_is_reported(
    write_dataset: WriteDataset, cache: Path, seen: bool, count: int
) -> None:
    """Single-byte corruptions of an index (seeded, so every run tries the same ones).

    written-to: the byte is written as any program would write it; the seal
    no longer matches, so every answer is the dataset's own. unseen: the seal
    is renewed, as a disk fault would leave the timestamps; then each run
    answers as --no-cache does, or reports damage (exit 1, the index removed).
    """
    path = write_dataset()
    wanted = _answers(path, cached=False)
    assert _answers(path, cached=True)[:1] == wanted[:1]
    assert invoke("--data", str(path), "events", "--search", "Paris", "--json").exit_code == 0  # the text index too
    found = the_index(cache)
    pristine = found.read_bytes()
    rng = random.Random(FUZZ_SEED)
    wrong: list[str] = []
    for _ in range(count):
        offset = rng.randrange(len(pristine))
        corrupted = bytearray(pristine)
        corrupted[offset] ^= 1 << rng.randrange(8)
        for args, expected in zip(FUZZ_COMMANDS, wanted, strict=True):
            found.write_bytes(bytes(corrupted))
            if not seen:
                index._seal(found)
            result = invoke("--data", str(path), *args)
            got = (result.exit_code, result.stdout, result.stderr)
            damaged = (result.exit_code == 1 and result.stderr.startswith(f"sedov: error: the index {found} could "
                       "not be read (") and result.stderr.count("\n") == 1 and not found.exists())  # fmt: skip
            if got != expected and not damaged:
                wrong.append(f"byte {offset}: {' '.join(args)}: {result.exit_code} {result.stderr[:200]!r}")
            if not found.exists() or found.read_bytes() != bytes(corrupted):
                found.write_bytes(pristine)  # rebuilt or removed: the next corruption starts from the same file
    assert wrong == []


def test_reading_needs_no_more_memory_than_the_file(write_dataset: WriteDataset, tmp_path: Path) -> None:
    """Under ulimit -v 1000000 (as batch systems set), a small dataset loads: the 1 GiB bound is not allocated."""
    path = write_dataset()

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_000_000 * 1024, 1_000_000 * 1024))

    code = _run_sedov("--no-cache", "--data", str(path), "validate")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         preexec_fn=limit, check=False)  # fmt: skip
    assert (out.returncode, out.stdout, out.stderr) == (0, f"ok: {path}: 35 events, 17 people, 12 places\n", "")


def test_bounded_reads_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sedov_cli import reading

    big = tmp_path / "big"
    big.write_bytes(bytes(range(256)) * 20_000)  # 5 MB: more than one chunk after the first read
    asked: list[int] = []
    real = os.read

    def read(fd: int, n: int) -> bytes:
        asked.append(n)
        return real(fd, n)

    monkeypatch.setattr(reading.os, "read", read)
    assert reading.read_bounded(big) == big.read_bytes()
    assert asked == [5_120_001, reading.CHUNK]  # the file's own size and one byte, then the end
    asked.clear()
    with pytest.raises(reading.Unreadable, match="is 5 MiB, over the 4 MiB limit"):
        reading.read_bounded(big, 4 * 2**20)
    fd = os.open(big, os.O_RDONLY)
    try:  # a file that grew after its size was taken (said 10 bytes) is read in chunks, to the bound
        with pytest.raises(reading.Unreadable, match="is over the 3 MiB limit"):
            reading.read_descriptor(fd, 10, 3 * 2**20)
    finally:
        os.close(fd)
    assert asked == [11, reading.CHUNK, reading.CHUNK, 3 * 2**20 + 1 - 11 - 2 * reading.CHUNK]


class _FailingCommit:
    """A connection whose COMMIT fails, as on a full disk; everything else is the real connection's."""

    def __init__(self, con: sqlite3.Connection, rolled_back: list[bool]) -> None:
        self._con, self._rolled_back = con, rolled_back

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        if sql == "ROLLBACK":
            self._rolled_back.append(True)
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._con, name)


@pytest.mark.parametrize("which", ["index", "text index"])
def test_a_failed_commit_rolls_back_and_leaves_nothing(
    write_dataset: WriteDataset, cache: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    path = write_dataset()
    args = ["events", "--search", "Paris", "--json"]
    if which == "text index":
        assert invoke("--data", str(path), "timeline", "--json").exit_code == 0
    rolled_back: list[bool] = []
    real = sqlite3.connect

    def connect(target: Any, *args: Any, **kwargs: Any) -> Any:
        con = real(target, *args, **kwargs)
        return _FailingCommit(con, rolled_back) if str(target).endswith(".tmp") else con

    monkeypatch.setattr(index.sqlite3, "connect", connect)
    result = invoke("--data", str(path), *args)
    assert _outcome(result) == (0, plain(path, *args).stdout, "")
    assert rolled_back == [True]
    left = sorted(p.name.split(".", 1)[1] for p in cache.iterdir())
    assert left == ([] if which == "index" else ["sqlite", "sqlite.seal"])
