"""The embedded index: a dataset validated once, then answered from SQLite.

Reading and validating a large dataset costs seconds, and most questions need
a few of its rows. So the first load of a file stores it in an SQLite
database in the user's cache, named by the SHA-256 of the file's bytes. Later
runs open that database instead: they read the small indexes (people,
places, periods) whole, and events only as a query asks for them.

A cache is trusted only when the user owns it, as ssh's StrictModes and
git's ``safe.directory`` decide: the folder must be the user's, writable by
no one else, inside folders only the user or root can rename it out of; each
file in it must be the user's own regular file, writable by no one else.
Otherwise another user of the machine could plant an index that answers for
the user's dataset. An untrusted folder is ignored with one line on stderr,
and the answer comes from the dataset itself. Folders are created 0700 and
files 0600, so an index of a private dataset is private too.

Within a trusted folder, an index is used only when it is exactly the file
sedov wrote: its identity and timestamps are sealed beside it when written
(``KEY.sqlite.seal``), and any later write to it moves its change time. Then its
own record must say it was written whole, by this version of sedov in this
layout, for these exact dataset bytes, and for an article whose bytes still
hash the same. Anything else (another program's file, a truncated or edited
one) is rebuilt. Each event row, each stored record (an event's or a person's
output, encoded when the index is built, so that a listing writes it as it
is), each count and the record carry a CRC-32. Damage
found after that (a row that does not decode or match its sum, a view or
trigger where sedov keeps tables) is reported once, the file is removed, and
the next run rebuilds it. A busy database is never damage: it only makes a
run slower, and sedov itself never writes an index after making it (the
text index for ``--search`` is a file of its own). A database is written
under a temporary name (``mkstemp``, so never through a planted link) and
renamed into place, so two processes indexing one file at once each write a
whole database, the last rename wins, and no reader ever sees half of one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import json
import os
import sqlite3
import stat
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .atomic import signals_as_exit
from .dates import Span, filing_day, parse_edtf
from .errors import SedovError
from .filing import place_followers
from .model import CERTAINTIES, Bound, CountKey, Event, EventStore, Narrowing, Source, Start, Stored, narrow
from .reading import Unreadable, read_descriptor

LAYOUT = "10"  # raise when the tables change: older cache files are then rebuilt
SUFFIX = ".sqlite"
TEXT_SUFFIX = ".text"
CACHE_ENV = "SEDOV_CACHE_DIR"
NO_CACHE_ENV = "SEDOV_NO_CACHE"
_OPEN_START, _OPEN_END = 0, 99_999_999  # ordinals standing in for an open end (date.max is 3,652,059)
_BUSY_MS = 30_000
"""How long a reader waits for another process's lock before giving up. sedov never writes an index
after making it (the text index is a file of its own), so only another program (an sqlite3 shell) locks one."""
_SMALL_FILE = 4096  # a memo or a seal is under 300 bytes; nothing larger is read
_META_ROWS = 64  # meta holds 14 rows; a table of millions (or a view that never ends) is not read whole


class CacheDamaged(SedovError):
    """A cache file that passed its checks failed while being read: it is removed, so the next run rebuilds it."""


class CacheBusy(SedovError):
    """The index stayed locked by another process for longer than a reader waits; nothing is removed."""


def cache_dir(environ: os._Environ[str] | dict[str, str] | None = None) -> Path:
    """``$SEDOV_CACHE_DIR``, else ``$XDG_CACHE_HOME/sedov``, else ``~/.cache/sedov``."""
    env = os.environ if environ is None else environ
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV])
    base = env.get("XDG_CACHE_HOME") or ""
    root = Path(base) if Path(base).is_absolute() else Path.home() / ".cache"  # the XDG spec ignores a relative one
    return root / "sedov"


def cache_wanted(environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    """False when ``$SEDOV_NO_CACHE`` is set to anything but '', '0' or 'false'."""
    env = os.environ if environ is None else environ
    return env.get(NO_CACHE_ENV, "").strip().lower() in ("", "0", "false", "no")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- trusting the cache -------------------------------------------------------------------


def _mine(info: os.stat_result) -> bool:
    """Owned by the user running sedov, and writable by no one else."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def folder_problem(folder: Path) -> str | None:
    """Why ``folder`` (real, symlinks resolved) cannot hold a trusted cache, or None when it can.

    The folder must be the user's own directory, writable by no one else;
    every folder above it must belong to the user or root, and be writable
    by no one else unless it is sticky (as /tmp is), or another user could
    rename the cache away and put theirs in its place. A folder that does not
    exist yet is judged by the folders above it.
    """
    me = os.geteuid()
    try:
        info = os.lstat(folder)
    except (FileNotFoundError, NotADirectoryError):  # not there (yet): nothing to read, and writing will say
        info = None
    except OSError as exc:
        return f"it cannot be examined ({exc.strerror or exc})"
    if info is not None:
        if not stat.S_ISDIR(info.st_mode):
            return "it is not a folder"
        if info.st_uid != me:
            return f"it is owned by another user (uid {info.st_uid})"
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return f"others may write to it (mode {stat.S_IMODE(info.st_mode):04o})"
    for above in folder.parents:
        try:
            up = os.lstat(above)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            return f"{above} cannot be examined ({exc.strerror or exc})"
        if up.st_uid not in (me, 0):
            return f"{above} above it is owned by another user (uid {up.st_uid})"
        if up.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not up.st_mode & stat.S_ISVTX:
            return f"others may write to {above} above it (mode {stat.S_IMODE(up.st_mode):04o})"
    return None


@dataclass(frozen=True)
class Trust:
    """The cache folder to use (real, symlinks resolved), or None and why not."""

    folder: Path | None
    problem: str | None
    configured: Path

    @property
    def warning(self) -> str | None:
        """The one line a run prints when it ignores the cache, or None."""
        if self.problem is None:
            return None
        return f"not using the cache folder {self.configured}: {self.problem}; answering from the dataset itself"


def trusted_cache(environ: os._Environ[str] | dict[str, str] | None = None) -> Trust:
    """The cache folder, if the user owns it (see :func:`folder_problem`)."""
    configured = cache_dir(environ)
    real = Path(os.path.realpath(configured))  # a loop does not raise; the folder then does not exist
    problem = folder_problem(real)
    return Trust(None if problem else real, problem, configured)


def _make_folder(folder: Path) -> bool:
    """Create ``folder`` and any missing folder above it, 0700; whether it can then be trusted.

    Checked again after creating, as another user may have made it first.
    """
    missing = []
    up = folder
    while not os.path.lexists(up) and up != up.parent:
        missing.append(up)
        up = up.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, 0o700)
    return folder_problem(folder) is None


def _file_problem(path: Path) -> str | None:
    """Why a file in a trusted folder is not ours to trust (a link, another user's file), or None."""
    try:
        info = os.lstat(path)
    except OSError:
        return "missing"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_uid != os.geteuid():
        return f"owned by another user (uid {info.st_uid})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"writable by others (mode {stat.S_IMODE(info.st_mode):04o})"
    return None


def _read_small(path: Path) -> bytes | None:
    """A memo or seal: the user's own regular file of at most 4 KiB, or None.

    Opened without following a link and without blocking (a FIFO planted as
    a memo would otherwise hang the run), checked on the descriptor, and read
    to the bound (a link to /dev/zero is not a regular file).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _mine(info) or info.st_size > _SMALL_FILE:
            return None
        return read_descriptor(fd, info.st_size, _SMALL_FILE)
    except (OSError, Unreadable):
        return None
    finally:
        os.close(fd)


def _write_small(target: Path, text: str) -> None:
    """Write a memo or seal: a new 0600 file (``mkstemp``: O_EXCL, never through a link), renamed into place."""
    with signals_as_exit():
        import tempfile  # only to write: a repeat run never imports it

        fd, temp = tempfile.mkstemp(prefix=f"{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise


def _seal_path(index: Path) -> Path:
    return index.with_name(f"{index.name}.seal")


def _seal(index: Path) -> None:
    """Record the index file's identity and timestamps as sedov leaves it; never an error."""
    with contextlib.suppress(OSError):
        _write_small(_seal_path(index), json.dumps(_signature(os.lstat(index))))


def _sealed(index: Path) -> bool:
    """Whether the index is the file sedov last wrote: any write since has moved its change time."""
    seal = _read_small(_seal_path(index))
    try:
        return seal is not None and json.loads(seal) == _signature(os.lstat(index))
    except (OSError, ValueError):
        return False


# --- knowing a file without hashing it --------------------------------------------------

_SETTLED_NS = 2_000_000_000  # a file changed this recently is hashed every time (see remember_key)
_clock_ns = time.time_ns  # the wall clock, one name so that tests can set it instead of racing it


def _signature(info: os.stat_result) -> list[int]:
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _memo_path(file: Path, folder: Path) -> Path:
    return folder / f"{digest(os.fsencode(os.path.realpath(file)))}.path"  # a loop does not raise


def known_key(file: Path, folder: Path) -> str | None:
    """The content hash last computed for ``file``, if the file provably has not changed since.

    Hashing a 350 MB dataset takes half a second of every run. As git's
    index does, the hash is remembered beside the file's identity and
    timestamps. Any write to a file moves its change time (st_ctime, which
    no program can set back), and replacing it changes its inode, so an
    unchanged signature means unchanged bytes. The memo is the user's own
    file in a trusted folder, and the dataset is opened (not only looked at),
    so a file the user cannot read is never answered for.
    """
    memo_bytes = _read_small(_memo_path(file, folder))
    if memo_bytes is None:
        return None
    try:
        memo = json.loads(memo_bytes)
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            info = os.fstat(fd)
        finally:
            os.close(fd)
        if (memo["signature"] == _signature(info) and memo["file"] == os.path.realpath(file)
                and isinstance(memo["key"], str) and len(memo["key"]) == 64):  # fmt: skip
            return str(memo["key"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def remember_key(file: Path, info: os.stat_result, key: str, folder: Path) -> None:
    """Remember that ``file``, as ``info`` (taken before its bytes were read) describes it, hashes to ``key``.

    A file changed within the last two seconds is not remembered: a write
    in the same clock tick as ``info`` could leave its timestamps unchanged
    (git calls this a racy entry). Never an error: it is only a cache.
    """
    if _clock_ns() - info.st_ctime_ns < _SETTLED_NS:
        return
    with contextlib.suppress(OSError):
        if _make_folder(folder):
            memo = {"file": os.path.realpath(file), "signature": _signature(info), "key": key}
            _write_small(_memo_path(file, folder), json.dumps(memo))


# --- reading an index ---------------------------------------------------------------------


def _damaged(path: Path, exc: Exception | str) -> CacheDamaged:
    """Damage found after the index was trusted: the file goes, so the next run rebuilds it."""
    for gone in (path, _seal_path(path), _text_path(path), _seal_path(_text_path(path))):
        with contextlib.suppress(OSError):
            gone.unlink()
    return CacheDamaged(f"the index {path} could not be read ({exc}); it has been removed, so the next run rebuilds it")


def _text_path(index: Path) -> Path:
    """The full-text index of ``index``: a database of its own, so that building it never locks the index."""
    return index.with_suffix(TEXT_SUFFIX)


def _busy(exc: sqlite3.Error) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED: another process holds the lock, and the file is fine."""
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _busy_error(path: Path) -> CacheBusy:
    return CacheBusy(f"the index {path} stayed locked by another process (database is locked); it was left as it "
                     "is: run again, or use --no-cache")  # fmt: skip


def _connect(path: Path) -> sqlite3.Connection:
    """An index opened to be read as data, not as a program: SQLite's defensive settings.

    ``trusted_schema=OFF`` keeps functions and virtual tables out of views,
    triggers and defaults in a file sedov did not write; ``cell_size_check``
    turns more damage into an error rather than a wrong answer.
    """
    con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, check_same_thread=False, isolation_level=None)
    try:
        con.execute(f"PRAGMA busy_timeout = {int(_BUSY_MS)}")
        con.execute("PRAGMA trusted_schema = OFF")
        con.execute("PRAGMA cell_size_check = ON")
    except sqlite3.Error:
        con.close()
        raise
    return con


def _schema_problem(con: sqlite3.Connection) -> str | None:
    """A view or trigger (or anything but tables and indexes) where sedov keeps only tables: damage."""
    found = con.execute("SELECT type, name FROM sqlite_master WHERE type NOT IN ('table', 'index') LIMIT 1").fetchone()
    return None if found is None else f"it holds a {found[0]} named {found[1]!r}, which sedov never writes"


def _meta_sum(meta: Mapping[str, str]) -> int:
    return row_sum([f"{k}\x1e{v}" for k, v in sorted(meta.items()) if k != "sum"])


def _read_meta(con: sqlite3.Connection) -> dict[str, str]:
    """The ``meta`` table, read as a table (never a view) and to a bound."""
    kind = con.execute("SELECT type FROM sqlite_master WHERE name = 'meta'").fetchone()
    if kind is None or kind[0] != "table":
        raise ValueError("no meta table")
    rows = con.execute(f"SELECT key, value FROM meta LIMIT {_META_ROWS + 1}").fetchall()
    if len(rows) > _META_ROWS or not all(isinstance(k, str) and isinstance(v, str) for k, v in rows):
        raise ValueError("not sedov's meta table")
    return dict(rows)


_APART = ("people", "places")  # the header's large parts, stored (and parsed) apart from the rest


def _query(con: sqlite3.Connection, path: Path, sql: str, params: Iterable[Any] = ()) -> Iterator[tuple[Any, ...]]:
    """Rows of ``sql``; a busy database is CacheBusy, any other failure damage."""
    try:
        cursor = con.execute(sql, tuple(params))
        while batch := cursor.fetchmany(512):
            yield from batch
    except sqlite3.DatabaseError as exc:
        if _busy(exc):  # another process holds the lock: the file is fine, and stays
            raise _busy_error(path) from None
        raise _damaged(path, exc) from None


def _records(value: Any, key: str) -> list[dict[str, Any]]:
    """``value`` as a list of records with string ids, else ValueError."""
    if not isinstance(value, list) or not all(isinstance(r, dict) and isinstance(r.get("id"), str) for r in value):
        raise ValueError(f"its {key} are not a list of records")
    return value


class Header(Mapping[str, Any]):
    """Everything in a dataset but its events, as JSON; people and places are read when first asked for,
    each whole or one by its id (see :meth:`record`)."""

    def __init__(self, small: dict[str, Any], con: sqlite3.Connection, path: Path) -> None:
        self._small, self._con, self._path = small, con, path
        self._one: dict[tuple[str, str], dict[str, Any] | None] = {}

    def __getitem__(self, key: str) -> Any:
        if key not in self._small and key in _APART:
            rows = list(_query(self._con, self._path, "SELECT value, sum FROM parts WHERE key = ?", (key,)))
            try:
                if len(rows) != 1 or type(rows[0][0]) is not str or row_sum((key, rows[0][0])) != rows[0][1]:
                    raise ValueError(f"its {key} do not match their checksum")
                self._small[key] = _records(json.loads(rows[0][0]), key)
            except ValueError as exc:
                raise _damaged(self._path, exc) from None
        return self._small[key]

    def record(self, key: str, ident: str) -> dict[str, Any] | None:
        """The person or place ``ident`` (``key`` is people or places), read through its id index alone;
        None when the dataset has none. The index's miss is proved from the whole list, read then, as a
        caller that misses reads them all anyway: an id the list holds is damage."""
        if (key, ident) in self._one:
            return self._one[key, ident]
        found = None
        rows = list(_query(self._con, self._path, f"SELECT n, id, record, sum FROM {key} WHERE id = ?", (ident,)))
        if rows:
            n, stored, text, checksum = rows[0]
            try:
                if len(rows) > 1 or stored != ident or type(text) is not str or row_sum((n, stored, text)) != checksum:
                    raise ValueError(f"the row of {key} {ident!r} does not match its checksum")
                (found,) = _records([json.loads(text)], key)
                if found["id"] != ident:
                    raise ValueError(f"the row of {key} {ident!r} holds another")
            except ValueError as exc:
                raise _damaged(self._path, exc) from None
        elif any(r["id"] == ident for r in self[key]):
            raise _damaged(self._path, f"its {key} index does not list {ident!r}")
        self._one[key, ident] = found
        return found

    def lookup(self, key: str) -> Callable[[str], dict[str, Any] | None]:
        return functools.partial(self.record, key)

    def ids(self, key: str) -> frozenset[str]:
        """The ids of the header's ``key`` records (people, places, periods)."""
        try:
            return frozenset(r["id"] for r in self[key])
        except (KeyError, TypeError) as exc:
            raise _damaged(self._path, f"its {key} cannot be read: {exc!r}") from None

    def __iter__(self) -> Iterator[str]:
        return iter({**self._small, **dict.fromkeys(_APART)})

    def __len__(self) -> int:
        return len({**self._small, **dict.fromkeys(_APART)})


@dataclass(frozen=True)
class Opened:
    """A trusted index: the dataset's small parts as JSON, and its events behind a store."""

    header: Header
    events: IndexedEvents


def open_index(
    key: str, article_digest: Callable[[str, str], str | None], folder: Path, warn: Callable[[str], None] | None = None
) -> Opened | None:
    """The index for dataset bytes hashing to ``key``, or None when there is none to trust.

    ``article_digest(name, url)`` hashes the article the dataset names as it
    is now (None if it cannot be read), so an edited article is noticed.
    ``warn`` hears of an index file another user owns or may write.
    """
    path = folder / f"{key}{SUFFIX}"
    problem = _file_problem(path)
    if problem is not None:
        if problem != "missing" and warn is not None:
            warn(f"not using the index {path}: it is {problem}; answering from the dataset itself")
        return None
    if not _sealed(path):  # written to since sedov wrote it (or by something else): rebuilt
        return None
    try:
        con = _connect(path)
    except sqlite3.Error:
        return None
    try:
        damage = _schema_problem(con)
        if damage is not None:
            con.close()
            raise _damaged(path, damage)
        meta = _read_meta(con)
        pages = con.execute("PRAGMA page_count").fetchone()[0] * con.execute("PRAGMA page_size").fetchone()[0]
        trusted = (
            meta.get("layout") == LAYOUT
            and meta.get("version") == __version__
            and meta.get("dataset_sha256") == key
            and meta.get("complete") == "1"
            and path.stat().st_size >= pages  # a truncated file is not trusted
            and article_digest(meta["article_name"], meta["article_url"]) == meta.get("article_sha256")
        )
        if not trusted:
            con.close()
            return None
        if meta.get("sum") != str(_meta_sum(meta)):
            con.close()
            raise _damaged(path, "its record does not match its checksum")
        small = json.loads(meta["header"])
        if not isinstance(small, dict):
            raise ValueError("the header is not an object")
        header = Header(small, con, path)
        rows = json.loads(meta["counts"])
        if not isinstance(rows, dict):
            raise ValueError("the counts are not a record")
        events = IndexedEvents(con, path, int(meta["events"]), header, rows, int(meta["people_lines"]),
                               meta["first_id"])  # fmt: skip
        return Opened(header, events)
    except (sqlite3.Error, KeyError, ValueError, TypeError):  # busy included: this run reads the file instead
        con.close()
        return None


@functools.cache
def _joined(count: int) -> str:
    return "\x1f".join(["{}"] * count)


def row_sum(values: Sequence[Any]) -> int:
    """A CRC-32 of a stored row's values, kept beside it.

    SQLite checks its pages' structure, not their contents: a flipped bit in
    a title is a different title. Each event row, count and the meta table
    carry this sum, so a value that changed is damage, never an answer.
    (CRC-32 catches every single-bit error; it is no defence against someone
    rewriting a row, which the cache's ownership rules and the seal are.)
    """
    return zlib.crc32(_joined(len(values)).format(*values).encode("utf-8", "surrogatepass"))


_TEXT_COLUMNS = (*range(11), 15)  # id … quote, and disputes; the four between may be NULL, and follows after


def _event(row: tuple[Any, ...]) -> Event:
    if not all(type(row[i]) is str for i in _TEXT_COLUMNS) or not all(v is None or type(v) is str for v in row[11:]):
        raise TypeError("a column holds bytes or a number where sedov keeps text")
    (ident, when, title, summary, period, places, people, tags, certainty, section, quote, bounds, wording, note,
     claimed_by, disputes, follows) = row  # fmt: skip
    return Event(
        id=ident,
        date=parse_edtf(when),
        title=title,
        summary=summary,
        period=period,
        places=tuple(places.split()),
        people=tuple(people.split()),
        tags=tuple(tags.split()),
        certainty=certainty,
        source=Source(section, quote),
        bounds=tuple(
            Bound(b[0], date.fromisoformat(b[1]), b[2], b[3], follows=b[4], precedes=b[5]) for b in json.loads(bounds)
        )
        if bounds
        else (),
        wording=wording,
        note=note,
        claimed_by=claimed_by,
        disputes=tuple(disputes.split()),
        follows=follows,
    )


_STORED = ("r, n, id, lo, hi, o, date, title, summary, period, places, people, tags, certainty, section, quote, "
           "bounds, wording, note, claimed_by, disputes, next, follows")  # fmt: skip
_COLUMNS = f"{_STORED}, sum"
_SUM = 23  # where the row's sum is, after the 23 stored values
_ORDER, _ORDER_BACK = "r", "r DESC"  # r: the rank in chronological order (Event.sort_key), see _TABLES
_CHECK_NAMES_ONE_BY_ONE = 64
"""Events decoded before the names they cite are checked against every id at once (read whole) rather
than each by its row: ``show`` reads three events, ``stats`` a million."""


_FIRST_PAGE, _LAST_PAGE = 32, 2048  # rows a keyset read asks for first, and at most (see candidates_from)


class IndexedEvents(EventStore):
    """The events of an indexed dataset, read from SQLite a query at a time.

    A row is checked as it is decoded: a value that does not parse, or an id
    that names no place, person or period of the dataset, is damage, reported
    once with the file removed, never an internal error further on.
    """

    def __init__(
        self, con: sqlite3.Connection, path: Path, count: int, header: Header, counted: dict[str, int], people: int,
        first_id: str,
    ) -> None:  # fmt: skip
        self._con, self.path, self._count, self._header, self._people = con, path, count, header, people
        self._counted = counted  # how many ids each field of the counts table holds
        self._first_id = first_id
        self._text_attached = self._text_failed = False
        self._known: tuple[frozenset[str], frozenset[str]] | None = None
        self._periods: frozenset[str] | None = None
        self._named: set[tuple[str, str]] = set()  # (places or people, id) checked one by one
        self._decoded = 0

    @property
    def key(self) -> str:
        """The SHA-256 of the dataset's bytes, which names the index file."""
        return self.path.name.split(".", 1)[0]

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[tuple[Any, ...]]:
        return _query(self._con, self.path, sql, params)

    def _checked(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        if row_sum(row[:_SUM]) != row[_SUM]:
            raise _damaged(self.path, f"the row of event {row[2]!r} does not match its checksum")
        return row

    def _decode(self, row: tuple[Any, ...]) -> Event:
        self._checked(row)
        try:
            event = _event((row[2], *row[6:21], row[22]))
        except Exception as exc:  # any value that does not decode: bad JSON, a date, a type SQLite let through
            raise _damaged(self.path, f"a row does not decode: {type(exc).__name__}: {exc}") from None
        if self._periods is None:
            self._periods = self._header.ids("periods")
        self._decoded += 1
        if self._known is None and self._decoded > _CHECK_NAMES_ONE_BY_ONE:
            self._known = (self._header.ids("places"), self._header.ids("people"))
        if self._known is not None:
            places, people = self._known
            named = places.issuperset(event.places) and people.issuperset(event.people)
        else:
            named = all(self._names("places", p) for p in event.places) and all(
                self._names("people", p) for p in event.people)  # fmt: skip
        if not named or event.period not in self._periods or event.certainty not in CERTAINTIES:
            raise _damaged(self.path, f"event {event.id!r} names a place, person, period or certainty the dataset "
                                      "does not have")  # fmt: skip
        return event

    def _names(self, key: str, ident: str) -> bool:
        """Whether the dataset's ``key`` (places or people) holds ``ident``, read by its row."""
        if (key, ident) not in self._named:
            if self._header.record(key, ident) is None:
                return False
            self._named.add((key, ident))
        return True

    def _events(self, where: str = "", params: Iterable[Any] = (), order: str = _ORDER) -> Iterator[Event]:
        """Events in ``order``, each checked; rows out of that order (a damaged b-tree) are damage,
        and so is a whole table that holds more or fewer events than the dataset."""
        sql = f"SELECT {_COLUMNS} FROM events {where} ORDER BY {order}"
        column = 1 if order.startswith("n") else 0  # the place in the file, or the rank: each under the row's sum
        backwards = "DESC" in order
        previous: int | None = None
        count = 0
        for row in self._rows(sql, params):
            event = self._decode(row)
            key = row[column]
            if previous is not None and (key >= previous if backwards else key <= previous):
                raise _damaged(self.path, f"event {row[2]!r} is out of order")
            previous = key
            count += 1
            yield event
        if not where and count != self._count:
            raise _damaged(self.path, f"it holds {count} events, not the {self._count} it records")

    # Sequence
    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Event]:
        return self._events(order="n")

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._count))]
        n = i + self._count if i < 0 else i
        if not 0 <= n < self._count:
            raise IndexError(i)
        return next(self._events("WHERE n = ?", (n + 1,)))

    # EventStore
    def chronological(self, reverse: bool = False) -> Iterator[Event]:
        return self._events(order=_ORDER_BACK if reverse else _ORDER)

    def _where(self, narrowing: Narrowing) -> tuple[str, list[Any]]:
        """The SQL that keeps what ``narrowing`` asks: exact for places, people, tags, certainties and
        periods; for a span, the events that overlap it; for a text search, those the text index finds."""
        where: list[str] = []
        params: list[Any] = []
        for table, column, wanted in (
            ("event_places", "place", narrowing.places),
            ("event_people", "person", narrowing.people),
            ("event_tags", "tag", narrowing.tags),
        ):
            if wanted is not None:
                where.append(f"r IN (SELECT r FROM {table} WHERE {column} IN (SELECT value FROM json_each(?)))")
                params.append(json.dumps(sorted(wanted)))
        for column, wanted in (("certainty", narrowing.certainties), ("period", narrowing.periods)):
            if wanted is not None:
                where.append(f"{column} IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(sorted(wanted)))
        span = narrowing.span
        if span is not None and span.earliest is not None:
            where.append("hi >= ?")
            params.append(span.earliest.toordinal())
        if span is not None and span.latest is not None:
            where.append("lo <= ?")
            params.append(span.latest.toordinal())
        if narrowing.needle is not None and len(narrowing.needle) >= 3 and self._text_index():
            where.append("r IN (SELECT rowid FROM text.event_text WHERE event_text MATCH ?)")
            params.append('"' + narrowing.needle.replace('"', '""') + '"')
        return ("WHERE " + " AND ".join(where)) if where else "", params

    def candidates(self, narrowing: Narrowing, reverse: bool = False) -> Iterator[Event]:
        clause, params = self._where(narrowing)
        return self._events(clause, params, _ORDER_BACK if reverse else _ORDER)

    def candidates_from(self, narrowing: Narrowing, start: Start, *, reverse: bool = False,
                        include: bool = True) -> Iterator[Event]:  # fmt: skip
        """Keyset paging: the candidates from ``start`` on, read by seeking in filing order.

        The cursor is the event's rank ``r``, its place in filing order and the table's own key, so
        ``r >= ?`` is a range of the table: SQLite starts at the event and reads forward (or backward)
        from there, and no event before it is read or decoded, however far down it is. A day is
        first turned into the rank of the first event filed on or after it (the last on or before
        it, backwards), found in ``events_order``, since the filing day never falls as the rank
        rises. (tests/test_keyset.py checks the plans with EXPLAIN QUERY PLAN.)

        Rows are read a page at a time, each page a query from the last row of the one before:
        the first is small (a jump needs a screen), the next ones larger, as a reader scrolls on.
        One query for every row would step SQLite through 512 rows before the first came back.
        """
        clause, params = self._where(narrowing)
        order = _ORDER_BACK if reverse else _ORDER
        joined = f"{clause} AND" if clause else "WHERE"
        if isinstance(start, Event):
            found = next(self._rows("SELECT r FROM events WHERE id = ?", (start.id,)), None)
            op = ("<=" if include else "<") if reverse else (">=" if include else ">")
        else:
            day = _OPEN_START if start == date.min else start.toordinal()  # an open start files first
            seek = ("SELECT r FROM events WHERE o <= ? ORDER BY o DESC, r DESC LIMIT 1" if reverse
                    else "SELECT r FROM events WHERE o >= ? ORDER BY o, r LIMIT 1")  # fmt: skip
            found, op = next(self._rows(seek, (day,)), None), "<=" if reverse else ">="
        if found is None:
            return
        rank: int = found[0]
        size = _FIRST_PAGE
        previous: int | None = None
        while True:
            sql = f"SELECT {_COLUMNS} FROM events {joined} r {op} ? ORDER BY {order} LIMIT {size}"
            count = 0
            for row in self._rows(sql, [*params, rank]):
                event = self._decode(row)
                if previous is not None and (row[0] >= previous if reverse else row[0] <= previous):
                    raise _damaged(self.path, f"event {row[2]!r} is out of order")
                previous = row[0]
                count += 1
                yield event
            if count < size or previous is None:
                return
            rank, op = previous, "<" if reverse else ">"
            size = min(size * 4, _LAST_PAGE)

    def encoded(self, narrowing: Narrowing, reverse: bool = False, *, spans: bool = False) -> Iterator[Stored] | None:
        """Each event the SQL of ``narrowing`` keeps, as it is stored: its line and what the filters read.

        No model of an event is built: the line is the record the index
        stored (see :func:`_insert_events`), checked against its own sum,
        which also covers the event's rank, span, filing day, id, places, people,
        tags, certainty and period, so the caller can apply its filters to
        checked values (a damaged link table can then drop an event from an
        answer, never add one). Order and count are checked as
        :meth:`_events` checks them. A text search reads the texts
        themselves, so it takes the events' way (None).
        """
        if narrowing.needle is not None:
            return None
        clause, params = self._where(narrowing)
        return self._lines(clause, params, reverse, spans)

    def _stored(self, clause: str, params: list[Any], reverse: bool) -> Iterator[list[str]]:
        """The rows of ``lines`` the clause keeps, in order, each checked and split into its 11 fields.

        Every event read alone: its rows of ``lines`` in rank order, each rank the one after the last (so
        a row lost is found where it is missing). Some: their events' ranks, each with its row of ``lines``.
        """
        order = _ORDER_BACK if reverse else _ORDER
        if clause:
            sql = f"SELECT r, rec, lines.sum FROM events LEFT JOIN lines USING (r) {clause} ORDER BY {order}"
        else:
            sql = f"SELECT r, rec, sum FROM lines ORDER BY {order}"
        step = -1 if reverse else 1
        previous = self._count + 1 if reverse else 0
        count = 0
        crc = zlib.crc32
        for r, rec, checksum in self._rows(sql, params):
            try:
                ok = crc(rec.encode("utf-8", "surrogatepass"), r) == checksum
            except (AttributeError, TypeError, ValueError, OverflowError):
                ok = False
            fields = rec.split(_SEP, 10) if ok else []
            if not clause and r != previous + step:
                ok, r = False, previous + step  # a row missing (or out of place) where this rank should be
            if len(fields) != 11 or not ok:
                raise _damaged(self.path, f"the stored line of event {self._id_at(r)!r} does not match its checksum")
            if clause and count and (r >= previous if reverse else r <= previous):
                raise _damaged(self.path, f"event {fields[4]!r} is out of order")
            previous = r
            count += 1
            yield fields
        if not clause and count != self._count:
            raise _damaged(self.path, f"it holds {count} events, not the {self._count} it records")

    def _id_at(self, r: Any) -> Any:
        """The id of the event ranked ``r``, to name it in a report of damage (its row unchecked)."""
        with contextlib.suppress(sqlite3.Error):
            found = self._con.execute("SELECT id FROM events WHERE r = ?", (r,)).fetchone()
            return found[0] if found else r
        return r

    def _lines(self, clause: str, params: list[Any], reverse: bool, spans: bool) -> Iterator[Stored]:
        for fields in self._stored(clause, params, reverse):
            span = None
            if spans:
                lo, hi = int(fields[1]), int(fields[2])
                span = Span(None if lo == _OPEN_START else date.fromordinal(lo),
                            None if hi == _OPEN_END else date.fromordinal(hi))  # fmt: skip
            yield span, fields[4], fields[10], fields[5], fields[6], fields[7], fields[8], fields[9]

    def stored_lines(self, reverse: bool = False) -> Iterator[list[str]]:
        """Every event's stored line, in chronological order, in batches, each checked as :meth:`encoded`
        checks it: what ``timeline --format ndjson`` writes, with no more than that per event.

        A line is the last field of its row: JSON writes U+001F escaped, and the sum has shown the row to
        be the one sedov wrote.
        """
        order = _ORDER_BACK if reverse else _ORDER
        step = -1 if reverse else 1
        expected = self._count if reverse else 1
        crc = zlib.crc32
        for rows in self._batches(f"SELECT r, rec, sum FROM lines ORDER BY {order}"):
            batch = []
            for r, rec, checksum in rows:
                if r != expected or type(rec) is not str or crc(rec.encode("utf-8", "surrogatepass"), r) != checksum:
                    break
                cut = rec.rfind(_SEP)
                if cut < 0:
                    break
                batch.append(rec[cut + 1 :])
                expected += step
            else:
                yield batch
                continue
            yield batch  # the lines before the damage, which are right
            raise _damaged(self.path, f"the stored line of event {self._id_at(expected)!r} does not match its checksum")
        if expected != (0 if reverse else self._count + 1):
            raise _damaged(self.path, f"it holds {abs(expected - (self._count if reverse else 1))} events, not the "
                                      f"{self._count} it records")  # fmt: skip

    def _batches(self, sql: str) -> Iterator[list[tuple[Any, ...]]]:
        try:
            cursor = self._con.execute(sql)
            while batch := cursor.fetchmany(1024):
                yield batch
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                raise _busy_error(self.path) from None
            raise _damaged(self.path, exc) from None

    def places_within(self, folded: str) -> set[str] | None:
        """The places a folded exact name, alias or id names, and every place inside them, read from
        their one row (see _insert_place_keys); None when no place has that name."""
        rows = list(self._rows("SELECT key, places, sum FROM place_keys WHERE key = ?", (folded,)))
        if not rows:
            return None
        key, places, checksum = rows[0]
        if len(rows) > 1 or key != folded or type(places) is not str or row_sum((key, places)) != checksum:
            raise _damaged(self.path, f"the places named {folded!r} do not match their checksum")
        return set(places.split())

    def encoded_people(self) -> Iterator[str]:
        """Every person's stored ``people`` line, each checked against its sum, in order and in the number
        recorded. The people themselves are not parsed."""
        return self._people_lines()

    def _people_lines(self) -> Iterator[str]:
        count = 0
        for n, line, checksum in self._rows("SELECT n, line, sum FROM people_lines ORDER BY n"):
            count += 1
            if n != count or type(line) is not str or row_sum((n, line)) != checksum:
                raise _damaged(self.path, f"the stored line of person {count} does not match its checksum")
            yield line
        if count != self._people:
            raise _damaged(self.path, f"it holds {count} people's lines, not the {self._people} it records")

    def _by_id(self, low: str, high: str | None) -> list[Event]:
        """The events whose id is ``low`` (``high`` None) or lies in [low, high), in the file's order.

        Found through the id index alone, and its answer is proved: each row
        names its successor in the order of ids under its sum, so the row just
        before ``low`` and the rows found must chain to past the range. A link
        that points into the range to an id not found means the index lost
        it: damage, and the table is read without the index only then, to
        name the event asked for.
        """
        within = "id = ?" if high is None else "id >= ? AND id < ?"
        bounds = (low,) if high is None else (low, high)
        found = [self._checked(row) for row in self._rows(f"SELECT {_COLUMNS} FROM events WHERE {within} ORDER BY id",
                                                          bounds)]  # fmt: skip
        before = [self._checked(row) for row in self._rows(
            f"SELECT {_COLUMNS} FROM events WHERE id < ? ORDER BY id DESC LIMIT 1", (low,))]  # fmt: skip
        expected = before[0][21] if before else self._first_id
        for row in found:
            if row[2] != expected or type(expected) is not str:
                break
            expected = row[21]
        else:
            if type(expected) is str and (expected == "" or (expected > low if high is None else expected >= high)):
                return [self._decode(row) for row in sorted(found, key=lambda row: row[1])]
        if high is None and next(self._rows("SELECT id FROM events NOT INDEXED WHERE id = ?", bounds), None):
            expected = low  # the event asked for is there, and its index lost it
        raise _damaged(self.path, f"its id index does not list event {expected!r}")

    def get(self, event_id: str) -> Event | None:
        return next(iter(self._by_id(event_id, None)), None)

    def with_folded_id(self, folded: str, *, prefix: bool) -> list[Event]:
        # ids are lower-case ASCII (the schema's pattern), so a casefolded query compares directly
        if not prefix:
            return self._by_id(folded, None)
        upper = folded[:-1] + chr(ord(folded[-1]) + 1)
        return self._by_id(folded, upper)

    def starting_with(self, folded: str, limit: int) -> tuple[list[Event], bool]:
        """Read through the id index: all of them when at most ``limit`` (proved as :meth:`_by_id` proves a
        range), else the first ``limit`` by id, proved the same way up to the id after them. Whether there
        are more is all the answer says of the rest, so an id lost from the index beyond them changes nothing."""
        upper = folded[:-1] + chr(ord(folded[-1]) + 1)
        edge = next(self._rows("SELECT id FROM events INDEXED BY events_id WHERE id >= ? AND id < ? ORDER BY id "
                               "LIMIT 1 OFFSET ?", (folded, upper, limit)), None)  # fmt: skip
        if edge is None:
            return self._by_id(folded, upper), False
        return sorted(self._by_id(folded, edge[0]), key=lambda e: e.id), True

    def ids(self) -> Iterator[str]:
        """Every id, in the order of ids: read from the id index alone, not the table (1 GB at a million events)."""
        return (row[0] for row in self._rows("SELECT id FROM events INDEXED BY events_id ORDER BY id"))

    def count_by(self, key: CountKey) -> dict[str, int]:
        counts: dict[str, int] = {}
        for ident, events, checksum in self._rows("SELECT id, events, sum FROM counts WHERE field = ?", (key,)):
            if row_sum((key, ident, events)) != checksum:
                raise _damaged(self.path, f"the {key} count of {ident!r} does not match its checksum")
            counts[ident] = events
        if len(counts) != self._counted.get(key, 0):
            raise _damaged(self.path, f"it holds {len(counts)} {key} counts, not the {self._counted.get(key, 0)} "
                                      "it records")  # fmt: skip
        return counts

    def neighbours(self, event: Event) -> tuple[Event | None, Event | None]:
        found = [self._checked(row) for row in self._rows(f"SELECT {_COLUMNS} FROM events WHERE id = ?", (event.id,))]
        if not found:
            return None, None
        rank = found[0][0]
        return (
            next(self._events("WHERE r < ?", (rank,), _ORDER_BACK + " LIMIT 1"), None),
            next(self._events("WHERE r > ?", (rank,), _ORDER + " LIMIT 1"), None),
        )

    def _text_index(self) -> bool:
        """Whether the full-text index of titles, summaries and quotes is at hand, building it on the first search.

        It is built on demand because only ``--search`` uses it, and it costs
        more to build than everything else together. The text is folded as
        sedov_cli.text.fold folds a search, and trigrams make any substring of
        three or more characters findable, as the plain search finds it.

        It is a database of its own (``KEY.text``), written under a temporary
        name and renamed into place like the index, and trusted by the same
        rules. So the index itself is never written after it is made: a
        reader paused on a pipe, holding its lock as long as it likes, never
        keeps a first search from building the text index, and a builder
        never keeps readers out. If it cannot be built (a read-only folder,
        a full disk), the search reads every event instead.
        """
        if self._text_attached or self._text_failed:
            return self._text_attached
        path = _text_path(self.path)
        if (_file_problem(path) is not None or not _sealed(path)) and not self._build_text(path):
            self._text_failed = True  # tried once: the rest of this run searches every event
            return False
        try:
            self._con.execute("ATTACH DATABASE ? AS text", (f"file:{path}?mode=ro",))
        except sqlite3.Error:
            return False
        try:
            found = self._con.execute(
                "SELECT type, name FROM text.sqlite_master WHERE type NOT IN ('table', 'index') OR name = 'event_text' "
                "ORDER BY name != 'event_text' LIMIT 2"
            ).fetchall()
        except sqlite3.Error:
            found = []
        if [tuple(row) for row in found] != [("table", "event_text")]:
            with contextlib.suppress(sqlite3.Error):
                self._con.execute("DETACH DATABASE text")
            for gone in (path, _seal_path(path)):
                with contextlib.suppress(OSError):
                    gone.unlink()
            return False  # not sedov's text index: removed, and this search reads every event
        self._text_attached = True
        return True

    def _build_text(self, final: Path) -> bool:
        from .text import fold

        with signals_as_exit():
            try:
                import tempfile  # only to write: a repeat run never imports it

                fd, name = tempfile.mkstemp(prefix=f"{final.stem}.", suffix=".tmp", dir=final.parent)
                os.close(fd)
            except OSError:
                return False
            temp = Path(name)
            try:
                out = sqlite3.connect(temp, isolation_level=None)
                try:
                    out.execute("PRAGMA journal_mode = OFF")
                    out.execute("PRAGMA synchronous = OFF")
                    out.execute("BEGIN")
                    out.execute("CREATE VIRTUAL TABLE event_text USING fts5(body, tokenize = 'trigram')")
                    rows = self._con.execute("SELECT r, title, summary, quote FROM events")
                    out.executemany(
                        "INSERT INTO event_text (rowid, body) VALUES (?, ?)",
                        ((n, "\n".join((fold(t), fold(s), fold(q)))) for n, t, s, q in rows),
                    )
                    out.execute("COMMIT")
                except BaseException:
                    _roll_back(out)
                    raise
                finally:
                    out.close()
                os.replace(temp, final)
            except (OSError, sqlite3.Error, TypeError, AttributeError):  # busy or damaged: the plain search decides
                with contextlib.suppress(OSError):
                    temp.unlink()
                return False
            except BaseException:
                with contextlib.suppress(OSError):
                    temp.unlink()
                raise
            _seal(final)
        return True


# --- writing an index ---------------------------------------------------------------------

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (
    r INTEGER PRIMARY KEY, n INTEGER NOT NULL, id TEXT NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL,
    o INTEGER NOT NULL, date TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL, period TEXT NOT NULL,
    places TEXT NOT NULL, people TEXT NOT NULL, tags TEXT NOT NULL, certainty TEXT NOT NULL,
    section TEXT NOT NULL, quote TEXT NOT NULL, bounds TEXT, wording TEXT, note TEXT, claimed_by TEXT,
    disputes TEXT NOT NULL, next TEXT NOT NULL, follows TEXT, sum INTEGER NOT NULL
);
CREATE TABLE lines (r INTEGER PRIMARY KEY, rec TEXT NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE place_ancestry (place TEXT NOT NULL, ancestor TEXT NOT NULL);
CREATE TABLE people_lines (n INTEGER PRIMARY KEY, line TEXT NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE people (n INTEGER PRIMARY KEY, id TEXT NOT NULL, record TEXT NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE places (n INTEGER PRIMARY KEY, id TEXT NOT NULL, record TEXT NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE parts (key TEXT PRIMARY KEY, value TEXT NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE place_keys (key TEXT NOT NULL, places TEXT NOT NULL, sum INTEGER NOT NULL);
"""
"""Events are filed by ``r``, their rank in chronological order (filing day, end, then the file's order
``n``), so that a listing reads its rows in the order the pages lie. ``lines`` holds, under the same
rank, what a listing reads: the event's n, span, filing day, id, places, people, tags, certainty and
period, and its record as its NDJSON line, joined by U+001F (which no id holds and JSON escapes)."""

_INDEXES = """
CREATE UNIQUE INDEX events_id ON events (id);
CREATE UNIQUE INDEX events_n ON events (n);
CREATE INDEX events_order ON events (o);
CREATE INDEX events_end ON events (hi);
CREATE INDEX place_ancestry_place ON place_ancestry (place, ancestor);
CREATE UNIQUE INDEX people_id ON people (id);
CREATE UNIQUE INDEX places_id ON places (id);
CREATE UNIQUE INDEX place_keys_key ON place_keys (key);
"""

# Each event's places, people and tags are stored space-separated (ids hold no
# space, quote or backslash), and these tables are filled from them by SQLite
# itself, sorted, straight into their one b-tree.
_LINKS = (("event_places", "place", "places"), ("event_people", "person", "people"), ("event_tags", "tag", "tags"))


def _link_tables(con: sqlite3.Connection) -> None:
    """The link tables, and how many events cite each id (``people`` lists 50,000 counts at 1M events)."""
    con.execute("CREATE TABLE counts (field TEXT NOT NULL, id TEXT NOT NULL, events INTEGER NOT NULL, "
                "sum INTEGER NOT NULL, PRIMARY KEY (field, id)) WITHOUT ROWID")  # fmt: skip
    for table, column, field in _LINKS:
        con.execute(f"CREATE TABLE {table} ({column} TEXT NOT NULL, r INTEGER NOT NULL, PRIMARY KEY ({column}, r)) "
                    "WITHOUT ROWID")  # fmt: skip
        con.execute(
            f"INSERT INTO {table} SELECT j.value, e.r FROM events e, "
            f"json_each('[\"' || replace(e.{field}, ' ', '\",\"') || '\"]') j WHERE e.{field} != '' "
            "ORDER BY 1, 2"
        )
        con.execute(f"INSERT INTO counts SELECT '{field}', {column}, count(*), "
                    f"sedov_sum('{field}', {column}, count(*)) FROM {table} GROUP BY {column}")  # fmt: skip


@dataclass(frozen=True)
class Article:
    """The article a dataset cites, as the index records it."""

    name: str
    url: str
    sha256: str


def write_index(
    key: str,
    header: dict[str, Any],
    events: Sequence[dict[str, Any]],
    ancestry: Iterable[tuple[str, str]],
    article: Article,
    origin: str,
    folder: Path,
    encode: Callable[[Mapping[str, Any]], str],
    encode_person: Callable[[str, int], str],
    progress: Callable[[int, int], None] | None = None,
) -> Path | None:
    """Store a validated dataset; None when the cache cannot be written (it is only a cache).

    ``encode`` gives an event's output record as its NDJSON line (see
    sedov_cli.records.line_encoder), stored beside the event: a listing read
    from the index then writes what is stored instead of rebuilding each record.
    ``encode_person(id, events)`` does the same for ``people``'s records.
    ``progress(done, total)`` hears every 2,048 events stored, and at the end.

    ``events`` are the validated file's own event objects: no model of
    them is built, as the span is worked out from the date text (once per
    distinct text) and the bounds. They are stored in chronological order
    (see _TABLES), which is found first. Rows go in before the indexes are built,
    which is several times faster than indexing as they come. The file is
    made by ``mkstemp`` (0600, O_EXCL) and removed on any failure, Ctrl-C,
    SIGTERM or SIGHUP.
    """
    final = folder / f"{key}{SUFFIX}"
    with signals_as_exit():
        try:
            if not _make_folder(folder):
                return None
            import tempfile  # only to write: a repeat run never imports it

            fd, name = tempfile.mkstemp(prefix=f"{key}.", suffix=".tmp", dir=folder)
            os.close(fd)
        except OSError:
            return None
        temp = Path(name)
        try:
            _fill(temp, key, header, events, encode, ancestry, article, origin, encode_person, progress)
            for stale in (_text_path(final), _seal_path(_text_path(final))):  # made for the index replaced, if any
                stale.unlink(missing_ok=True)
            os.replace(temp, final)
        except (OSError, sqlite3.Error, UnicodeEncodeError):  # a lone surrogate cannot be stored: no index
            with contextlib.suppress(OSError):
                temp.unlink()
            return None
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        _seal(final)
    _prune_older(folder, final, origin)
    return final


def _prune_older(folder: Path, kept: Path, origin: str) -> None:
    """Remove the indexes of this file's earlier contents: each edit of a 100,000-event file would
    otherwise leave 36 MB behind, listed by ``cache info`` as if it still answered for the file.

    Only our own files whose meta names the same origin go, read through the same bounded meta
    reader as ``cache info``; an index another process still has open stays readable to it.
    """
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if path == kept or path.suffix != SUFFIX or not _is_ours(path) or not path.is_file():
                continue
            if _file_problem(path) is None and _read_entry_meta(path).get("origin") == origin:
                with contextlib.suppress(OSError):
                    path.unlink()
                    _text_path(path).unlink(missing_ok=True)
                    _seal_path(path).unlink(missing_ok=True)


_PROGRESS_STEP = 2048
"""Events between two reports of progress: often enough to move a bar, rarely enough to cost nothing."""


def _fill(
    temp: Path, key: str, header: dict[str, Any], events: Sequence[dict[str, Any]],
    encode: Callable[[Mapping[str, Any]], str], ancestry: Iterable[tuple[str, str]], article: Article, origin: str,
    encode_person: Callable[[str, int], str], progress: Callable[[int, int], None] | None,
) -> None:  # fmt: skip
    con = sqlite3.connect(temp, isolation_level=None)
    try:
        con.create_function("sedov_sum", 3, lambda *values: row_sum(values), deterministic=True)
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        # 32 MiB while building: the indexes still sort in memory, and written pages leave memory as it fills.
        # (With 128 MiB, the whole table, stored lines and all, stayed in memory until the commit: 1.7x json.load.)
        con.execute("PRAGMA cache_size = -32768")
        con.executescript(_TABLES)
        con.execute("BEGIN")
        known: dict[str, tuple[int, int, int]] = {}
        order, anchors = place_followers(_filing_order(events, known), _followed(events))
        after, first = _successors(events)
        total = len(events)

        def filed() -> Iterator[tuple[int, int, dict[str, Any], str, str, dict[str, Any] | None]]:
            for r, n in enumerate(order, start=1):
                if progress is not None and r % _PROGRESS_STEP == 0:
                    progress(r, total)
                raw = events[n - 1]
                anchor = anchors.get(n)
                yield r, n, raw, encode(raw), after[n - 1], None if anchor is None else events[anchor - 1]

        count = _insert_events(con, filed())
        if progress is not None:
            progress(total, total)
        _link_tables(con)
        people = _insert_people(con, header, count, encode_person)
        _insert_named(con, header)
        _insert_place_keys(con, header["places"])
        con.executemany("INSERT INTO place_ancestry VALUES (?, ?)", ancestry)
        con.execute("INSERT INTO counts SELECT 'within', a.ancestor, count(DISTINCT e.r), "
                    "sedov_sum('within', a.ancestor, count(DISTINCT e.r)) FROM event_places e "
                    "JOIN place_ancestry a ON a.place = e.place GROUP BY a.ancestor")  # fmt: skip
        for statement in _INDEXES.strip().split(";\n"):  # not executescript, which would commit first
            con.execute(statement)
        meta = {
            "layout": LAYOUT, "version": __version__, "dataset_sha256": key, "article_name": article.name,
            "article_url": article.url, "article_sha256": article.sha256, "events": str(count),
            "counts": json.dumps(dict(con.execute("SELECT field, count(*) FROM counts GROUP BY field").fetchall())),
            "header": json.dumps({k: v for k, v in header.items() if k not in _APART}, ensure_ascii=False),
            "origin": origin, "indexed": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "people_lines": str(people),
            "first_id": first, "complete": "1",
        }  # fmt: skip
        meta["sum"] = str(_meta_sum(meta))
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        con.execute("COMMIT")
    except BaseException:
        _roll_back(con)
        raise
    finally:
        con.close()


def _filing_order(events: Sequence[Mapping[str, Any]], known: dict[str, tuple[int, int, int]]) -> list[int]:
    """Each event's place in the file (from 1), in chronological order: filing day, end, then that place.

    Each key is packed into one integer (filing day and end are below 2**27, the place below 2**29), so
    that sorting a million of them holds one integer each rather than a tuple of three.
    """
    if len(events) >= 1 << 29:
        raise OSError("too many events to index")  # far past what a readable file holds: answered from memory
    keys = []
    for n, raw in enumerate(events, start=1):
        _, hi, filed = _ordinals(raw, known)
        keys.append((filed << 56) | (hi << 29) | n)
    keys.sort()
    mask = (1 << 29) - 1
    for i, packed in enumerate(keys):
        keys[i] = packed & mask
    return keys


def _followed(events: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """Each following event's place in the file (from 1), to the place of the event it follows."""
    if not any("follows" in raw for raw in events):
        return {}
    places = {raw["id"]: n for n, raw in enumerate(events, start=1)}
    return {n: places[raw["follows"]] for n, raw in enumerate(events, start=1) if "follows" in raw}


def _successors(events: Sequence[Mapping[str, Any]]) -> tuple[list[str], str]:
    """Each event's successor in the order of ids ('' for the last), and the first id ('' for none).

    Each row keeps its successor under its sum, so a lookup by id can prove a miss from the id index's
    neighbours alone (see IndexedEvents._by_id): a damaged id index is found without reading the table.
    """
    ids = [raw["id"] for raw in events]
    ranked = sorted(range(len(ids)), key=ids.__getitem__)
    after = [""] * len(ids)
    for before, following in itertools.pairwise(ranked):
        after[before] = ids[following]
    return after, ids[ranked[0]] if ids else ""


def _insert_people(
    con: sqlite3.Connection, header: dict[str, Any], events: int, encode: Callable[[str, int], str]
) -> int:
    """Each person's ``people`` record as its NDJSON line, in the dataset's order, with the counts just made."""
    counted = dict(con.execute("SELECT id, events FROM counts WHERE field = 'people'").fetchall())
    subject = header["subject"]

    def rows() -> Iterator[tuple[int, str, int]]:
        for n, person in enumerate(header["people"], start=1):
            ident = person["id"]
            line = encode(ident, events if ident == subject else counted.get(ident, 0))
            yield n, line, row_sum((n, line))

    con.executemany("INSERT INTO people_lines VALUES (?, ?, ?)", rows())
    return len(header["people"])


def _insert_named(con: sqlite3.Connection, header: dict[str, Any]) -> None:
    """The people and places, each as a row found by its id, and each list whole in ``parts``.

    ``show`` needs the names of an event's few places and people, and ``age-at`` one person: they
    read their rows, not a list of 50,000. A command that reads them all (``places``, a name to
    resolve) reads the one part.
    """
    for kind in _APART:
        texts = [json.dumps(record, ensure_ascii=False) for record in header[kind]]
        con.executemany(f"INSERT INTO {kind} VALUES (?, ?, ?, ?)",
                        ((n, r["id"], t, row_sum((n, r["id"], t)))
                         for n, (r, t) in enumerate(zip(header[kind], texts, strict=True), start=1)))  # fmt: skip
        whole = "[" + ", ".join(texts) + "]"
        con.execute("INSERT INTO parts VALUES (?, ?, ?)", (kind, whole, row_sum((kind, whole))))


def _insert_place_keys(con: sqlite3.Connection, places: list[dict[str, Any]]) -> None:
    """What ``--place`` resolves each exact name to, ready: every folded id, name and alias, with the
    places it names and every place inside them (see queries.resolve_places).

    A place filter on a repeat then reads one row instead of modelling, folding and walking every
    place (4,020 at 100,000 events). A name that is no row's key is resolved from the places as before.
    """
    from .text import fold

    children: dict[str, list[str]] = {}
    for place in places:
        if place["parent"] is not None:
            children.setdefault(place["parent"], []).append(place["id"])
    inside: dict[str, set[str]] = {}

    def within(ident: str) -> set[str]:
        found = inside.get(ident)
        if found is None:
            found = {ident}
            todo = [ident]
            while todo:
                for child in children.get(todo.pop(), ()):
                    if child not in found:
                        found.add(child)
                        todo.append(child)
            inside[ident] = found
        return found

    named: dict[str, set[str]] = {}
    for place in places:
        for name in (place["id"], place["name"], *place["aliases"]):
            key = fold(name)
            if key:
                named.setdefault(key, set()).update(within(place["id"]))
    rows = ((key, " ".join(sorted(ids))) for key, ids in named.items())
    con.executemany("INSERT INTO place_keys VALUES (?, ?, ?)", ((k, v, row_sum((k, v))) for k, v in rows))


def _roll_back(con: sqlite3.Connection) -> None:
    """After a failed statement or COMMIT: the transaction is undone before the file is removed."""
    if con.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            con.execute("ROLLBACK")


def _ordinals(raw: Mapping[str, Any], known: dict[str, tuple[int, int, int]]) -> tuple[int, int, int]:
    """The event's span as ordinals (open ends stand far out), its bounds applied, and its filing day.

    ``known`` remembers the span of each date text: a large dataset repeats its dates.
    """
    bounds = raw.get("bounds")
    if not bounds:
        found = known.get(raw["date"])
        if found is not None:
            return found
    when = parse_edtf(raw["date"])
    span = when.span
    if bounds:
        span = narrow(span, tuple(Bound(b["side"], date.fromisoformat(b["date"]), b["basis"], b["note"])
                                  for b in bounds))  # fmt: skip
    result = (
        span.earliest.toordinal() if span.earliest else _OPEN_START,
        span.latest.toordinal() if span.latest else _OPEN_END,
        filed.toordinal() if (filed := filing_day(when, span)) else _OPEN_START,
    )
    if not bounds:
        known[raw["date"]] = result
    return result


_SEP = "\x1f"
"""Joins the fields of a listing's row (see _TABLES): no id holds it, and JSON writes it escaped."""


def _insert_events(
    con: sqlite3.Connection, events: Iterable[tuple[int, int, dict[str, Any], str, str, dict[str, Any] | None]]
) -> int:
    """Each validated event, in chronological order, as a row with its sum, and what a listing reads of it
    as a row of ``lines`` with its own.

    ``events`` gives each event's rank, place in the file, object, encoded record, successor id, and the
    event whose filing day it takes when it is filed after the event it follows (sedov_cli.filing).
    The lines are a table of their own, so that the events table stays as
    small as the file, and a listing reads one table in the order it lies.
    The sum of a row of ``lines`` is the CRC-32 of its text started from its
    rank, so a row that moved is caught as surely as one that changed.
    """
    known: dict[str, tuple[int, int, int]] = {}
    count = 0
    crc = zlib.crc32

    def rows() -> Iterator[tuple[tuple[Any, ...], tuple[int, str, int]]]:
        nonlocal count
        for r, n, raw, line, after, anchor in events:
            count = r
            lo, hi, filed = _ordinals(raw, known)
            if anchor is not None:
                filed = _ordinals(anchor, known)[2]
            bounds = raw.get("bounds")
            row = (
                r, n, raw["id"], lo, hi, filed, raw["date"], raw["title"], raw["summary"], raw["period"],
                " ".join(raw["places"]), " ".join(raw["people"]), " ".join(raw["tags"]), raw["certainty"],
                raw["source"]["section"], raw["source"]["quote"],
                json.dumps([[b["side"], b["date"], b["basis"], b["note"], b.get("follows"), b.get("precedes")]
                            for b in bounds])
                if bounds else None,
                raw.get("wording"), raw.get("note"), raw.get("claimed_by"), " ".join(raw.get("disputes", ())), after,
                raw.get("follows"),
            )  # fmt: skip
            rec = _SEP.join((str(n), str(lo), str(hi), str(filed), raw["id"], *row[10:13], raw["certainty"],
                             raw["period"], line))  # fmt: skip
            yield (*row, row_sum(row)), (r, rec, crc(rec.encode("utf-8", "surrogatepass"), r))

    each = rows()
    while batch := list(itertools.islice(each, 2048)):
        con.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 24)})", (row for row, _ in batch))
        con.executemany("INSERT INTO lines VALUES (?, ?, ?)", (line for _, line in batch))
    return count


# --- the cache as a whole (sedov cache info | clear) ------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One index in the cache folder, as ``sedov cache info`` lists it."""

    path: Path
    size: int
    origin: str | None
    events: int | None
    indexed: str | None
    current: bool  # written by this version in this layout, and complete


def _is_ours(path: Path, suffixes: tuple[str, ...] = (SUFFIX, ".tmp")) -> bool:
    stem = path.name.split(".", 1)[0]
    return len(stem) == 64 and all(c in "0123456789abcdef" for c in stem) and path.suffix in suffixes


def _read_entry_meta(path: Path) -> dict[str, str]:
    """What ``cache info`` shows of an index: never more than the meta table's bounded rows."""
    with contextlib.suppress(sqlite3.Error, ValueError):
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("PRAGMA trusted_schema = OFF")
            if _schema_problem(con) is None:
                meta = _read_meta(con)
                return {k: v for k, v in meta.items() if not k.startswith("header")}
        finally:
            con.close()
    return {}


def entries(folder: Path | None = None) -> list[Entry]:
    """Every file of ours in the cache folder (other files are never touched)."""
    folder = folder or cache_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if not _is_ours(path) or not path.is_file():
            continue
        meta = _read_entry_meta(path) if path.suffix == SUFFIX and _file_problem(path) is None else {}
        current = meta.get("layout") == LAYOUT and meta.get("version") == __version__ and meta.get("complete") == "1"
        events = int(meta["events"]) if meta.get("events", "").isdigit() else None
        size = path.stat().st_size
        with contextlib.suppress(OSError):  # its text index, if a search has built one, counts as part of it
            size += _text_path(path).stat().st_size if path.suffix == SUFFIX else 0
        found.append(Entry(path, size, meta.get("origin"), events, meta.get("indexed"), current))
    return found


def clear(folder: Path | None = None) -> tuple[int, int]:
    """Remove every index (and half-written one) of ours; (files, bytes) removed.

    Files are recognised by name alone: nothing in them is read, so a
    damaged or hostile file cannot stop its own removal.
    """
    files = size = 0
    folder = folder or cache_dir()
    if not folder.is_dir():
        return 0, 0
    for path in sorted(folder.iterdir()):
        if _is_ours(path) and path.is_file():
            with contextlib.suppress(OSError):
                found = path.stat().st_size
                with contextlib.suppress(OSError):
                    found += _text_path(path).stat().st_size if path.suffix == SUFFIX else 0
                path.unlink()
                files += 1
                size += found
    for path in folder.iterdir():  # text indexes, remembered hashes and seals go too, counted with their index
        if _is_ours(path, (TEXT_SUFFIX, ".path", ".seal")):
            with contextlib.suppress(OSError):
                path.unlink()
    return files, size
