"""The embedded index: a dataset validated once, then answered from SQLite.

Reading and validating a large dataset costs seconds, and most questions need
a few of its rows. So the first load of a file stores it in an SQLite
database in the user's cache, named by the SHA-256 of the file's bytes. Later
runs open that database instead: they read the small indexes (people,
places, periods) whole, and events only as a query asks for them.

A cache file is trusted only when its own record says it was written whole,
by this version of sedov in this layout, for these exact dataset bytes, and
for an article whose bytes still hash the same. Anything else (another
program's file, a truncated one, one SQLite cannot read) is rebuilt. A
database is written under a temporary name and renamed into place, so two
processes indexing one file at once each write a whole database, the last
rename wins, and no reader ever sees half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .dates import filing_day, parse_edtf
from .errors import SedovError
from .model import Bound, CountKey, Event, EventStore, Narrowing, Source, narrow

LAYOUT = "4"  # raise when the tables change: older cache files are then rebuilt
SUFFIX = ".sqlite"
CACHE_ENV = "SEDOV_CACHE_DIR"
NO_CACHE_ENV = "SEDOV_NO_CACHE"
_OPEN_START, _OPEN_END = 0, 99_999_999  # ordinals standing in for an open end (date.max is 3,652,059)
_BUSY_MS = 30_000


class CacheDamaged(SedovError):
    """A cache file that passed its checks failed while being read: it is removed, so the next run rebuilds it."""


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


# --- knowing a file without hashing it --------------------------------------------------

_SETTLED_NS = 2_000_000_000  # a file changed this recently is hashed every time (see remember_key)
_clock_ns = time.time_ns  # the wall clock, one name so that tests can set it instead of racing it


def _signature(info: os.stat_result) -> list[int]:
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _memo_path(file: Path, folder: Path | None) -> Path:
    return (folder or cache_dir()) / f"{digest(os.fsencode(os.path.realpath(file)))}.path"  # a loop does not raise


def known_key(file: Path, folder: Path | None = None) -> str | None:
    """The content hash last computed for ``file``, if the file provably has not changed since.

    Hashing a 350 MB dataset takes half a second of every run. As git's
    index does, the hash is remembered beside the file's identity and
    timestamps. Any write to a file moves its change time (st_ctime, which
    no program can set back), and replacing it changes its inode, so an
    unchanged signature means unchanged bytes.
    """
    try:
        memo = json.loads(_memo_path(file, folder).read_text(encoding="utf-8"))
        info = file.stat()
        if memo["signature"] == _signature(info) and isinstance(memo["key"], str):
            return memo["key"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def remember_key(file: Path, info: os.stat_result, key: str, folder: Path | None = None) -> None:
    """Remember that ``file``, as ``info`` (taken before its bytes were read) describes it, hashes to ``key``.

    A file changed within the last two seconds is not remembered: a write
    in the same clock tick as ``info`` could leave its timestamps unchanged
    (git calls this a racy entry). Never an error: it is only a cache.
    """
    if _clock_ns() - info.st_ctime_ns < _SETTLED_NS:
        return
    target = _memo_path(file, folder)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp.write_text(json.dumps({"file": os.path.realpath(file), "signature": _signature(info), "key": key}))
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


# --- reading an index ---------------------------------------------------------------------


def _damaged(path: Path, exc: Exception) -> CacheDamaged:
    """Damage found after the index was trusted: the file goes, so the next run rebuilds it."""
    with contextlib.suppress(OSError):
        path.unlink()
    return CacheDamaged(f"the index {path} could not be read ({exc}); it has been removed, so the next run rebuilds it")


_APART = ("people", "places")  # the header's large parts, stored (and parsed) apart from the rest


class Header(Mapping[str, Any]):
    """Everything in a dataset but its events, as JSON, with people and places parsed when first read."""

    def __init__(self, small: dict[str, Any], apart: dict[str, str], path: Path) -> None:
        self._small, self._apart, self._path = small, apart, path

    def __getitem__(self, key: str) -> Any:
        if key not in self._small and key in self._apart:
            try:
                self._small[key] = json.loads(self._apart[key])
            except ValueError as exc:
                raise _damaged(self._path, exc) from None
        return self._small[key]

    def __iter__(self) -> Iterator[str]:
        return iter({**self._small, **self._apart})

    def __len__(self) -> int:
        return len({**self._small, **self._apart})


@dataclass(frozen=True)
class Opened:
    """A trusted index: the dataset's small parts as JSON, and its events behind a store."""

    header: Header
    events: IndexedEvents


def open_index(key: str, article_digest: Callable[[str, str], str | None], folder: Path | None = None) -> Opened | None:
    """The index for dataset bytes hashing to ``key``, or None when there is none to trust.

    ``article_digest(name, url)`` hashes the article the dataset names as it
    is now (None if it cannot be read), so an edited article is noticed.
    """
    path = (folder or cache_dir()) / f"{key}{SUFFIX}"
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        con.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
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
        header = Header(json.loads(meta["header"]), {part: meta[f"header.{part}"] for part in _APART}, path)
        return Opened(header, IndexedEvents(con, path, int(meta["events"])))
    except (sqlite3.Error, KeyError, ValueError, TypeError):
        con.close()
        return None


def _event(row: tuple[Any, ...]) -> Event:
    (ident, when, title, summary, period, places, people, tags, certainty, section, quote, bounds, wording, note,
     claimed_by, disputes) = row  # fmt: skip
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
        bounds=tuple(Bound(b[0], date.fromisoformat(b[1]), b[2], b[3], follows=b[4]) for b in json.loads(bounds))
        if bounds
        else (),
        wording=wording,
        note=note,
        claimed_by=claimed_by,
        disputes=tuple(disputes.split()),
    )


_COLUMNS = ("id, date, title, summary, period, places, people, tags, certainty, section, quote, bounds, wording, "
            "note, claimed_by, disputes")  # fmt: skip
_ORDER = "o, hi, n"  # o: the filing day (dates.filing_day), the order of Event.sort_key
_ORDER_BACK = "o DESC, hi DESC, n DESC"


class IndexedEvents(EventStore):
    """The events of an indexed dataset, read from SQLite a query at a time."""

    def __init__(self, con: sqlite3.Connection, path: Path, count: int) -> None:
        self._con, self.path, self._count = con, path, count

    @property
    def key(self) -> str:
        """The SHA-256 of the dataset's bytes, which names the index file."""
        return self.path.name.split(".", 1)[0]

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[tuple[Any, ...]]:
        try:
            cursor = self._con.execute(sql, tuple(params))
            while batch := cursor.fetchmany(512):
                yield from batch
        except sqlite3.DatabaseError as exc:
            raise _damaged(self.path, exc) from None

    def _events(self, where: str = "", params: Iterable[Any] = (), order: str = _ORDER) -> Iterator[Event]:
        sql = f"SELECT {_COLUMNS} FROM events {where} ORDER BY {order}"
        return map(_event, self._rows(sql, params))

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

    def candidates(self, narrowing: Narrowing, reverse: bool = False) -> Iterator[Event]:
        where: list[str] = []
        params: list[Any] = []
        for table, column, wanted in (
            ("event_places", "place", narrowing.places),
            ("event_people", "person", narrowing.people),
            ("event_tags", "tag", narrowing.tags),
        ):
            if wanted is not None:
                where.append(f"n IN (SELECT n FROM {table} WHERE {column} IN (SELECT value FROM json_each(?)))")
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
            where.append("n IN (SELECT rowid FROM event_text WHERE event_text MATCH ?)")
            params.append('"' + narrowing.needle.replace('"', '""') + '"')
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        return self._events(clause, params, _ORDER_BACK if reverse else _ORDER)

    def get(self, event_id: str) -> Event | None:
        return next(self._events("WHERE id = ?", (event_id,)), None)

    def with_folded_id(self, folded: str, *, prefix: bool) -> list[Event]:
        # ids are lower-case ASCII (the schema's pattern), so a casefolded query compares directly
        if not prefix:
            return list(self._events("WHERE id = ?", (folded,), "n"))
        upper = folded[:-1] + chr(ord(folded[-1]) + 1)
        return list(self._events("WHERE id >= ? AND id < ?", (folded, upper), "n"))

    def ids(self) -> Iterator[str]:
        return (row[0] for row in self._rows("SELECT id FROM events ORDER BY n"))

    def count_by(self, key: CountKey) -> dict[str, int]:
        if key == "within":
            return dict(self._rows("SELECT a.ancestor, count(DISTINCT e.n) FROM event_places e "
                                   "JOIN place_ancestry a ON a.place = e.place GROUP BY a.ancestor"))  # fmt: skip
        return dict(self._rows("SELECT id, events FROM counts WHERE field = ?", (key,)))

    def neighbours(self, event: Event) -> tuple[Event | None, Event | None]:
        found = next(self._rows("SELECT o, hi, n FROM events WHERE id = ?", (event.id,)), None)
        if found is None:
            return None, None
        key = tuple(found)
        return (
            next(self._events("WHERE (o, hi, n) < (?, ?, ?)", key, _ORDER_BACK + " LIMIT 1"), None),
            next(self._events("WHERE (o, hi, n) > (?, ?, ?)", key, _ORDER + " LIMIT 1"), None),
        )

    def _text_index(self) -> bool:
        """Whether the full-text index of titles, summaries and quotes exists, building it on the first search.

        It is built on demand because only ``--search`` uses it, and it costs
        more to build than everything else together. The text is folded as
        sedov_cli.text.fold folds a search, and trigrams make any substring of
        three or more characters findable, as the plain search finds it.
        """
        from .text import fold

        try:
            if self._con.execute("SELECT 1 FROM sqlite_master WHERE name = 'event_text'").fetchone():
                return True
            with self._con:
                self._con.execute("BEGIN IMMEDIATE")
                if self._con.execute("SELECT 1 FROM sqlite_master WHERE name = 'event_text'").fetchone():
                    return True
                self._con.execute("CREATE VIRTUAL TABLE event_text USING fts5(body, tokenize = 'trigram')")
                rows = self._con.execute("SELECT n, title, summary, quote FROM events").fetchall()
                self._con.executemany(
                    "INSERT INTO event_text (rowid, body) VALUES (?, ?)",
                    ((n, "\n".join((fold(t), fold(s), fold(q)))) for n, t, s, q in rows),
                )
            return True
        except sqlite3.Error:
            return False  # a read-only or busy cache: the search reads every event instead


# --- writing an index ---------------------------------------------------------------------

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL, o INTEGER NOT NULL,
    date TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL, period TEXT NOT NULL,
    places TEXT NOT NULL, people TEXT NOT NULL, tags TEXT NOT NULL, certainty TEXT NOT NULL,
    section TEXT NOT NULL, quote TEXT NOT NULL, bounds TEXT, wording TEXT, note TEXT, claimed_by TEXT,
    disputes TEXT NOT NULL
);
CREATE TABLE place_ancestry (place TEXT NOT NULL, ancestor TEXT NOT NULL);
"""

_INDEXES = """
CREATE UNIQUE INDEX events_id ON events (id);
CREATE INDEX events_order ON events (o, hi, n);
CREATE INDEX events_end ON events (hi);
CREATE INDEX place_ancestry_place ON place_ancestry (place, ancestor);
"""

# Each event's places, people and tags are stored space-separated (ids hold no
# space, quote or backslash), and these tables are filled from them by SQLite
# itself, sorted, straight into their one b-tree.
_LINKS = (("event_places", "place", "places"), ("event_people", "person", "people"), ("event_tags", "tag", "tags"))


def _link_tables(con: sqlite3.Connection) -> None:
    """The link tables, and how many events cite each id (``people`` lists 50,000 counts at 1M events)."""
    con.execute("CREATE TABLE counts (field TEXT NOT NULL, id TEXT NOT NULL, events INTEGER NOT NULL, "
                "PRIMARY KEY (field, id)) WITHOUT ROWID")  # fmt: skip
    for table, column, field in _LINKS:
        con.execute(f"CREATE TABLE {table} ({column} TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY ({column}, n)) "
                    "WITHOUT ROWID")  # fmt: skip
        con.execute(
            f"INSERT INTO {table} SELECT j.value, e.n FROM events e, "
            f"json_each('[\"' || replace(e.{field}, ' ', '\",\"') || '\"]') j WHERE e.{field} != '' "
            "ORDER BY 1, 2"
        )
        con.execute(f"INSERT INTO counts SELECT '{field}', {column}, count(*) FROM {table} GROUP BY {column}")


@dataclass(frozen=True)
class Article:
    """The article a dataset cites, as the index records it."""

    name: str
    url: str
    sha256: str


def write_index(
    key: str,
    header: dict[str, Any],
    events: Iterable[dict[str, Any]],
    ancestry: Iterable[tuple[str, str]],
    article: Article,
    origin: str,
    folder: Path | None = None,
) -> Path | None:
    """Store a validated dataset; None when the cache cannot be written (it is only a cache).

    ``events`` are the validated file's own event objects: no model of
    them is built, as the span is worked out from the date text (once per
    distinct text) and the bounds. Rows go in before the indexes are built,
    which is several times faster than indexing as they come.
    """
    folder = folder or cache_dir()
    final = folder / f"{key}{SUFFIX}"
    temp = folder / f"{key}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        con = sqlite3.connect(temp, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            con.execute("PRAGMA cache_size = -131072")  # 128 MiB while building: indexes sort in memory
            con.executescript(_TABLES)
            con.execute("BEGIN")
            count = _insert_events(con, events)
            _link_tables(con)
            con.executemany("INSERT INTO place_ancestry VALUES (?, ?)", ancestry)
            for statement in _INDEXES.strip().split(";\n"):  # not executescript, which would commit first
                con.execute(statement)
            meta = {
                "layout": LAYOUT, "version": __version__, "dataset_sha256": key, "article_name": article.name,
                "article_url": article.url, "article_sha256": article.sha256, "events": str(count),
                "header": json.dumps({k: v for k, v in header.items() if k not in _APART}, ensure_ascii=False),
                **{f"header.{part}": json.dumps(header[part], ensure_ascii=False) for part in _APART}, "origin": origin,
                "indexed": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "complete": "1",
            }  # fmt: skip
            con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            con.execute("COMMIT")
        finally:
            con.close()
        os.replace(temp, final)
        return final
    except (OSError, sqlite3.Error, UnicodeEncodeError):  # a lone surrogate cannot be stored: no index, same answers
        with contextlib.suppress(OSError):
            temp.unlink()
        return None


def _ordinals(raw: dict[str, Any], known: dict[str, tuple[int, int, int]]) -> tuple[int, int, int]:
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


def _insert_events(con: sqlite3.Connection, events: Iterable[dict[str, Any]]) -> int:
    known: dict[str, tuple[int, int, int]] = {}
    count = 0

    def rows() -> Iterator[tuple[Any, ...]]:
        nonlocal count
        for n, raw in enumerate(events, start=1):
            count = n
            lo, hi, filed = _ordinals(raw, known)
            bounds = raw.get("bounds")
            yield (
                n, raw["id"], lo, hi, filed, raw["date"], raw["title"], raw["summary"], raw["period"],
                " ".join(raw["places"]), " ".join(raw["people"]), " ".join(raw["tags"]), raw["certainty"],
                raw["source"]["section"], raw["source"]["quote"],
                json.dumps([[b["side"], b["date"], b["basis"], b["note"], b.get("follows")] for b in bounds])
                if bounds else None,
                raw.get("wording"), raw.get("note"), raw.get("claimed_by"), " ".join(raw.get("disputes", ())),
            )  # fmt: skip

    con.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 20)})", rows())
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


def entries(folder: Path | None = None) -> list[Entry]:
    """Every file of ours in the cache folder (other files are never touched)."""
    folder = folder or cache_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if not _is_ours(path) or not path.is_file():
            continue
        meta: dict[str, str] = {}
        if path.suffix == SUFFIX:
            with contextlib.suppress(sqlite3.Error):
                con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    rows = con.execute("SELECT key, value FROM meta WHERE key NOT LIKE 'header%'").fetchall()
                    meta = {str(k): str(v) for k, v in rows}
                finally:
                    con.close()
        current = meta.get("layout") == LAYOUT and meta.get("version") == __version__ and meta.get("complete") == "1"
        events = int(meta["events"]) if meta.get("events", "").isdigit() else None
        found.append(Entry(path, path.stat().st_size, meta.get("origin"), events, meta.get("indexed"), current))
    return found


def clear(folder: Path | None = None) -> tuple[int, int]:
    """Remove every index (and half-written one) of ours; (files, bytes) removed."""
    files = size = 0
    for entry in entries(folder):
        with contextlib.suppress(FileNotFoundError):
            entry.path.unlink()
            files += 1
            size += entry.size
    folder = folder or cache_dir()
    if folder.is_dir():  # the remembered hashes go too, uncounted: they are not indexes
        for path in folder.iterdir():
            if _is_ours(path, (".path",)) or (path.suffix == ".tmp" and _is_ours(path.with_suffix(""), (".path",))):
                with contextlib.suppress(OSError):
                    path.unlink()
    return files, size
