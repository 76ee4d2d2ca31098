"""Load a dataset (the packaged one or a file a user wrote), and write one back.

A dataset file is untrusted input: it may be truncated, hand-edited or
hostile. Loading reads it strictly (duplicate keys and NaN are errors),
checks its shape against the JSON Schema and its meaning with
:mod:`sedov_cli.validation`, and never raises anything but
:class:`DatasetError`, which carries every problem found.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, ValuesView
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from .dates import parse_edtf
from .model import (
    Bound,
    Dataset,
    DatedFact,
    Era,
    Event,
    Moment,
    NotDatable,
    Period,
    Person,
    Place,
    Source,
    SourceInfo,
)
from .reading import Unreadable, read_bounded
from .schema import SchemaChecker
from .validation import (
    PACKAGED_ARTICLE_URL,
    ArticleMissing,
    DatasetError,
    Problem,
    Validator,
    fetch_article,
    record_name,
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["PACKAGED_ARTICLE_URL", "DatasetError", "Problem", "dump", "load", "load_default", "problems_in"]

DATA_PACKAGE = "sedov_cli.data"
DEFAULT_FILE = "sedov.json"
ENV_VAR = "SEDOV_DATA"


@cache
def data_dir() -> Traversable:
    """The packaged data folder (the checkout's ``data/``, shipped in the wheel).

    An installed wheel has it as ``sedov_cli.data``. ``python -m sedov_cli``
    run inside a checkout imports the source tree instead, where the folder
    is the top-level ``data/`` beside the package (setuptools maps it at
    install time only), so that is the fallback.

    An installed package is a folder on disk, found from the package itself:
    importlib.resources (with the zip reader it brings) costs 6 ms of every
    start-up, so it serves only a package that is not a folder (a zip import).
    """
    from importlib import import_module

    try:
        data = import_module(DATA_PACKAGE)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "data"
    if data.__file__ is not None and (folder := Path(data.__file__).parent).is_dir():
        return folder
    from importlib import resources

    return resources.files(DATA_PACKAGE)


def article_text() -> str:
    return (data_dir() / "article.txt").read_text(encoding="utf-8")


def schema_document() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads((data_dir() / "schema.json").read_text(encoding="utf-8")))


@cache
def _checker() -> SchemaChecker:
    return SchemaChecker(schema_document())


def warn_on_stderr(message: str) -> None:
    """The default for ``warn``: one line on stderr, with any control character made visible."""
    import sys

    from .text import visible

    sys.stderr.write(f"sedov: warning: {visible(message)}\n")
    sys.stderr.flush()


@cache
def load_default(use_cache: bool | None = None) -> Dataset:
    """The packaged dataset, parsed once per process."""
    folder = data_dir()
    raw = (folder / DEFAULT_FILE).read_bytes()
    read_sibling = lambda name: (folder / name).read_text(encoding="utf-8")  # noqa: E731
    return _load(raw, DEFAULT_FILE, read_sibling, _cache_folder(use_cache), "the packaged dataset")


class IndexProgress(Protocol):
    """Told how a first load of a file goes, so a person at a terminal can see it (see cli's State)."""

    def checking(self, size: int) -> None:
        """The file (``size`` bytes) is being parsed and validated: how long that takes is not known."""

    def indexing(self, done: int, total: int) -> None:
        """``done`` of ``total`` events are in the index."""


def load(
    path: str | os.PathLike[str] | None = None, *, use_cache: bool | None = None,
    progress: IndexProgress | None = None,
) -> Dataset:  # fmt: skip
    """Load ``path``, else ``$SEDOV_DATA``, else the packaged dataset.

    With the cache (the default unless ``$SEDOV_NO_CACHE`` is set, or
    ``use_cache`` is False), a file seen before is answered from its index
    in :mod:`sedov_cli.index`, and a new one is indexed as it loads,
    telling ``progress`` how far it has got.
    """
    if path is None:
        path = os.environ.get(ENV_VAR) or None
    if path is None:
        return load_default(use_cache)
    file = Path(path)
    shown = str(path)
    read_sibling = _sibling_reader(file)
    folder = _cache_folder(use_cache)
    if folder is not None:
        from . import index

        key = index.known_key(file, folder)
        opened = index.open_index(key, _article_digest(read_sibling), folder, warn_on_stderr) if key else None
        if opened is not None:  # the file is unchanged since it was hashed: not even read
            return _to_model(opened.header, shown, opened.events)
    try:
        before = file.stat()
        raw = read_bounded(file)
    except (Unreadable, OSError) as exc:
        message = str(exc) if isinstance(exc, Unreadable) else f"cannot read: {exc.strerror or exc}"
        message = "is a directory, not a dataset file" if message == "is a directory" else message
        raise DatasetError([Problem(shown, "", "", message)]) from None
    ds = _load(raw, shown, read_sibling, folder, str(file.resolve()), progress)
    if folder is not None:
        from . import index

        if isinstance(ds.events, index.IndexedEvents):
            index.remember_key(file, before, ds.events.key, folder)
    return ds


def inputs_of(ds: Dataset, path: str | os.PathLike[str] | None) -> list[tuple[str, str]]:
    """The files ``ds`` was read from (``path`` as given to :func:`load`): an output must never replace one.

    The dataset file and its article beside it, or the packaged ones. The
    packaged article is listed for every dataset, as it may stand in for a
    missing copy.
    """
    path = path or os.environ.get(ENV_VAR) or None
    packaged = data_dir()
    found: list[tuple[str, str]] = []
    if path is not None:
        found.append(("the dataset", os.fspath(path)))
        with contextlib.suppress(ValueError):  # a NUL in source.file: a dataset that did not load
            found.append(("the dataset's article", os.fspath(Path(path).parent / ds.source.file)))
    elif isinstance(packaged, os.PathLike):
        found.append(("the packaged dataset", os.fspath(Path(packaged) / DEFAULT_FILE)))
    if isinstance(packaged, os.PathLike):
        found.append(("the packaged article", os.fspath(Path(packaged) / "article.txt")))
    return found


def _cache_folder(use_cache: bool | None) -> Path | None:
    """The cache folder to read and write, or None: not wanted, or not trusted (which is said once, on stderr)."""
    from . import index

    if not (index.cache_wanted() if use_cache is None else use_cache):
        return None
    trust = index.trusted_cache()
    if trust.warning is not None:
        warn_on_stderr(trust.warning)
    return trust.folder


def _article_digest(read_sibling: Callable[[str], str]) -> Callable[[str, str], str | None]:
    """Hashes the article a dataset names, as it is now (None if it cannot be read)."""
    from .index import digest

    def article_digest(name: str, url: str) -> str | None:
        try:
            return digest(fetch_article(name, url, read_sibling, article_text).encode("utf-8"))
        except ArticleMissing:
            return None

    return article_digest


def _sibling_reader(file: Path) -> Callable[[str], str]:
    """Reads a file named relative to the dataset's folder, and never outside it."""

    def read_sibling(name: str) -> str:
        folder = file.parent.resolve()
        target = (folder / name).resolve()
        if not target.is_relative_to(folder):
            raise Unreadable("leads outside the dataset's folder (through a symlink)")
        return read_bounded(target).decode("utf-8")

    return read_sibling


def check_unwritten(raw: bytes, path: str | os.PathLike[str], unwritten: Mapping[str, str] | None = None) -> Dataset:
    """Validate ``raw`` as though it were already the file at ``path``, its article read beside it.

    ``extract`` checks a draft this way before writing a byte, with exactly
    the rules ``--data`` will apply to it later. ``unwritten`` holds the text
    of siblings not written yet (the saved copy of an HTML page), by name.
    """
    return _to_model(validate_unwritten(raw, path, unwritten), str(path))


def validate_unwritten(
    raw: bytes, path: str | os.PathLike[str], unwritten: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """:func:`check_unwritten`'s checks, without the model: the file's JSON, once it has passed them all.

    ``extract`` only needs to know that its draft passes before writing it; the model
    of a 1 MB article's 17,600 events took about 0.1 s of CPU to build and throw away.
    """
    on_disk = _sibling_reader(Path(path))
    pending = dict(unwritten or {})
    read = (lambda name: pending[name] if name in pending else on_disk(name)) if pending else on_disk
    return _build(raw, str(path), read)


def problems_in(path: str | os.PathLike[str] | None = None) -> tuple[Problem, ...]:
    """Every problem in a dataset; empty when it loads cleanly."""
    try:
        load(path)
    except DatasetError as exc:
        return exc.problems
    return ()


# --- parsing ----------------------------------------------------------------


class _Json:
    """Strict JSON reading that collects what ``json`` would let through."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.duplicates: list[Problem] = []
        self.constants: list[str] = []

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        fast = dict(pairs)
        if len(fast) == len(pairs):  # no key twice: the common case, at C speed
            return fast
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                owner = out.get("id") if isinstance(out.get("id"), str) else dict(pairs).get("id")
                record = f"object {owner!r}" if isinstance(owner, str) else "an object"
                self.duplicates.append(Problem(self.file, record, key, "duplicate key; JSON objects need unique keys"))
            out[key] = value
        return out

    def constant(self, name: str) -> float:
        self.constants.append(name)
        return 0.0

    def parse(self, raw: bytes) -> Any:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DatasetError(
                [Problem(self.file, "", "", f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}")]
            ) from None
        if not text.strip():
            raise DatasetError([Problem(self.file, "", "", "the file is empty")])
        fast = _without_duplicates(text)
        if fast is not None:
            return fast
        try:
            value = json.loads(text, object_pairs_hook=self.pairs, parse_constant=self.constant)
        except json.JSONDecodeError as exc:
            message = f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            raise DatasetError([Problem(self.file, "", "", message)]) from None
        except RecursionError:
            raise DatasetError([Problem(self.file, "", "", "JSON is nested too deeply to read")]) from None
        problems = list(self.duplicates)
        for name in dict.fromkeys(self.constants):
            where = _locate_constant(text, name)
            problems.append(Problem(self.file, "", "", f"{name} is not valid JSON{where}; write a number or null"))
        if problems:
            raise DatasetError(problems)
        return value


def _without_duplicates(text: str) -> Any:
    """The JSON in ``text`` when it is valid, holds no NaN or Infinity and provably no key twice; else None,
    and the strict reading (which names every problem) decides.

    A hook that sees every object's pairs, to find a key given twice, makes parsing twice as slow (1.3 s
    more for a 100,000-event file). Without it, a key given twice is kept once, so it is found by counting
    colons: in the text, one stands after each key and the rest are inside strings; in the parsed value's
    ``repr``, one stands after each key it kept and the rest are inside the strings it kept. Without a
    ``\\u`` escape (which could write a colon the text does not show) every string's colons are the same
    in both, so the two counts are equal exactly when no key, and no string with it, was dropped.
    """
    if "\\u" in text:
        return None
    constants: list[str] = []
    try:
        value = json.loads(text, parse_constant=constants.append)
        same = not constants and _colons(value) == text.count(":")
    except (ValueError, RecursionError):  # invalid JSON, too deep, a number too long: the strict reading says so
        return None
    return value if same else None


def _colons(value: Any, depth: int = 0) -> int:
    """The colons in ``repr(value)``, counted an element at a time below the second level (an event at a
    time), so that no second copy of a large file is made as one string."""
    if depth < 2 and type(value) is dict:
        return len(value) + "".join(value).count(":") + sum(_colons(v, depth + 1) for v in value.values())
    if depth < 2 and type(value) is list:
        return sum(_colons(v, depth + 1) for v in value)
    return repr(value).count(":")


def _locate_constant(text: str, name: str) -> str:
    in_string = False
    escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif text.startswith(name, i):
            line = text.count("\n", 0, i) + 1
            col = i - (text.rfind("\n", 0, i) + 1) + 1
            return f" (line {line}, column {col})"
    return ""


# --- building ---------------------------------------------------------------


def _load(
    raw_bytes: bytes, file: str, read_sibling: Callable[[str], str], folder: Path | None, origin: str,
    progress: IndexProgress | None = None,
) -> Dataset:  # fmt: skip
    """The dataset in ``raw_bytes``: from its index when one can be trusted, else validated (and then indexed)."""
    if folder is None:
        with _collector_paused():
            return _to_model(_build(raw_bytes, file, read_sibling), file)
    from . import index

    key = index.digest(raw_bytes)
    article_digest = _article_digest(read_sibling)
    opened = index.open_index(key, article_digest, folder, warn_on_stderr)
    if opened is not None:
        return _to_model(opened.header, file, opened.events)
    if progress is not None:
        progress.checking(len(raw_bytes))
    with _collector_paused():
        raw = _build(raw_bytes, file, read_sibling)
        del raw_bytes  # the caller's copy remains, but this frame holds no second one while indexing
        name, url = raw["source"]["file"], raw["source"]["url"]
        header = {k: v for k, v in raw.items() if k != "events"}
        written = index.write_index(
            key,
            header,
            raw["events"],
            _ancestry(raw["places"]),
            index.Article(name, url, article_digest(name, url) or ""),
            origin,
            folder,
            *_encoders(header, file),
            progress=progress.indexing if progress is not None else None,
        )
    # Answer from the index just written, as a repeat run would: the parsed file
    # (three times its size in memory) is dropped, and no model of every event is built.
    opened = index.open_index(key, article_digest, folder) if written is not None else None
    if opened is None:  # the cache cannot be written or read back: answer from memory
        return _to_model(raw, file)
    del raw
    return _to_model(opened.header, file, opened.events)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a file is parsed, checked and indexed: what that makes is acyclic
    (JSON holds no cycles) and lives until the end, yet with millions of objects alive each of the
    collector's full passes walks them all. Parsing the 100,000-event file took 0.78 s with the
    collector on, 0.20 s with it off. A caller's collector is left as it was found."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _ancestry(places: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """(place, place) and (place, each place it lies within), for the index's place filter.

    The loader has ruled out cycles and unknown parents, so every walk ends.
    """
    parent = {p["id"]: p["parent"] for p in places}
    for place in parent:
        yield place, place
        up = parent[place]
        while up is not None:
            yield place, up
            up = parent[up]


def _build(raw_bytes: bytes, file: str, read_sibling: Any) -> dict[str, Any]:
    """The file's JSON, once it has passed every check."""
    raw = _Json(file).parse(raw_bytes)
    if not isinstance(raw, dict):
        found = type(raw).__name__
        raise DatasetError([Problem(file, "", "", f"expected a JSON object at the top level, got {found}")])
    checker = _checker()
    schema_problems = (
        []
        if checker.valid(raw)
        else [Problem(file, *record_name(raw, path), message) for path, message in checker.errors(raw)]
    )
    if schema_problems:
        raise DatasetError(schema_problems)
    validator = Validator(file, raw, read_sibling, article_text)
    validator.run()
    if validator.problems:
        raise DatasetError(validator.problems)
    return cast(dict[str, Any], raw)


def _fact(raw: dict[str, Any] | None) -> DatedFact | None:
    if raw is None:
        return None
    source = _source(raw) if "source" in raw else None
    return DatedFact(parse_edtf(raw["date"]), raw["certainty"], raw.get("note"), source)


def _source(raw: Mapping[str, Any]) -> Source:
    return Source(raw["source"]["section"], raw["source"]["quote"])


def _bounds(raw: Mapping[str, Any]) -> tuple[Bound, ...]:
    return tuple(
        Bound(
            b["side"],
            date.fromisoformat(b["date"]),
            b["basis"],
            b["note"],
            follows=b.get("follows"),
            precedes=b.get("precedes"),
        )
        for b in raw.get("bounds", [])
    )


def _moment(raw: dict[str, Any]) -> Moment:
    return Moment(parse_edtf(raw["date"]), _bounds(raw))


_T = TypeVar("_T")


class _Modelled(Mapping[str, _T]):
    """A dataset's people or places, each turned into its model object when first asked for.

    A million-event dataset names tens of thousands of people and places.
    ``age-at`` needs one person and ``people`` no place, so nothing is
    listed (or, from the index, even parsed) until it is used.
    """

    def __init__(
        self, records: Callable[[], list[dict[str, Any]]], build: Callable[[dict[str, Any]], _T],
        lookup: Callable[[str], dict[str, Any] | None] | None = None,
    ) -> None:  # fmt: skip
        """``lookup`` finds one record by its id (an index's row) without reading them all."""
        self._records, self._build, self._lookup = records, build, lookup
        self._made: dict[str, _T] = {}

    @cached_property
    def _raw(self) -> dict[str, dict[str, Any]]:
        return {r["id"]: r for r in self._records()}

    def _one(self, key: str) -> dict[str, Any] | None:
        if self._lookup is not None and "_raw" not in self.__dict__:
            return self._lookup(key)
        return self._raw.get(key)

    def __getitem__(self, key: str) -> _T:
        found = self._made.get(key)
        if found is None:
            record = self._one(key)
            if record is None:
                raise KeyError(key)
            found = self._made[key] = self._build(record)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self._made or self._one(key) is not None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def values(self) -> ValuesView[_T]:
        return _Built(self)

    def each(self) -> Iterator[_T]:
        """Every model in order, without a lookup per key (resolving a place name walks 40,000 of them)."""
        made, build = self._made, self._build
        for key, record in self._raw.items():
            found = made.get(key)
            if found is None:
                found = made[key] = build(record)
            yield found

    def __repr__(self) -> str:
        return f"{{{', '.join(f'{k!r}: {v!r}' for k, v in self.items())}}}"


class _Built(ValuesView[_T]):
    """The values of a :class:`_Modelled`, walked by :meth:`_Modelled.each`."""

    def __init__(self, mapping: _Modelled[_T]) -> None:
        super().__init__(mapping)
        self._modelled = mapping

    def __iter__(self) -> Iterator[_T]:
        return self._modelled.each()


def _deferred(raw: Mapping[str, Any], key: str) -> Callable[[], list[dict[str, Any]]]:
    """``raw[key]``, read when first needed. A parsed file's list is taken now, so that the
    closure keeps only that list alive, not the whole file (events included); an index's
    header parses the part only when it is read."""
    if isinstance(raw, dict):
        found = raw[key]
        return lambda: found
    return lambda: raw[key]


def _lookup(raw: Mapping[str, Any], key: str) -> Callable[[str], dict[str, Any] | None] | None:
    """How an index's header finds one person or place by id (see index.Header.record); None for a file."""
    lookup = getattr(raw, "lookup", None)
    return lookup(key) if lookup is not None else None


def _person(p: dict[str, Any]) -> Person:
    return Person(p["id"], p["name"], tuple(p["aliases"]), p["relation"], _fact(p.get("birth")), _fact(p.get("death")))


def _place(p: dict[str, Any]) -> Place:
    return Place(p["id"], p["name"], tuple(p["aliases"]), p["kind"], p["parent"], p.get("note"))


def _event(e: Mapping[str, Any]) -> Event:
    return Event(
        id=e["id"],
        date=parse_edtf(e["date"]),
        title=e["title"],
        summary=e["summary"],
        period=e["period"],
        places=tuple(e["places"]),
        people=tuple(e["people"]),
        tags=tuple(e["tags"]),
        certainty=e["certainty"],
        source=_source(e),
        bounds=_bounds(e),
        wording=e.get("wording"),
        note=e.get("note"),
        claimed_by=e.get("claimed_by"),
        disputes=tuple(e.get("disputes", [])),
        follows=e.get("follows"),
    )


def _encoders(
    header: dict[str, Any], file: str
) -> tuple[Callable[[Mapping[str, Any]], str], Callable[[str, int], str]]:
    """How the index encodes each validated event's output record (see records.line_encoder), and each
    person's ``people`` record given how many events cite them."""
    from .formats.json_format import dumps
    from .records import line_encoder, person_record

    ds = _to_model({**header, "events": ()}, file)
    return line_encoder(ds, _event), lambda ident, events: dumps(person_record(ds.people[ident], events), indent=None)


def _to_model(raw: Mapping[str, Any], file: str, stored: Sequence[Event] | None = None) -> Dataset:
    """The model of a validated dataset; ``stored`` stands in for its events when they stay in the index."""

    def events() -> Iterator[Event]:
        for e in raw["events"]:
            yield _event(e)

    return Dataset(
        title=raw["title"],
        subject=raw["subject"],
        source=SourceInfo(**raw["source"]),
        periods={p["id"]: Period(p["id"], p["name"], p["section"]) for p in raw["periods"]},
        people=_Modelled(_deferred(raw, "people"), _person, _lookup(raw, "people")),
        places=_Modelled(_deferred(raw, "places"), _place, _lookup(raw, "places")),
        events=tuple(events()) if stored is None else stored,
        eras=tuple(
            Era(
                id=r["id"],
                name=r["name"],
                kind=r["kind"],
                places=tuple(r["places"]),
                start=_moment(r["from"]),
                end=_moment(r["to"]),
                certainty=r["certainty"],
                source=_source(r),
                note=r.get("note"),
                claimed_by=r.get("claimed_by"),
            )
            for r in raw.get("eras", [])
        ),
        not_datable=tuple(NotDatable(n["section"], n["quote"], n["reason"]) for n in raw.get("not_datable", [])),
        origin=file,
    )


# --- writing ------------------------------------------------------------------


def _dump_bounds(bounds: tuple[Bound, ...]) -> dict[str, Any]:
    if not bounds:
        return {}
    return {
        "bounds": [
            {
                "side": b.side,
                "date": b.day.isoformat(),
                **_optional(follows=b.follows, precedes=b.precedes),
                "certainty": b.certainty,
                "basis": b.basis,
                "note": b.note,
            }
            for b in bounds
        ]
    }


def _optional(**fields: Any) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v not in (None, (), [])}


def dump(ds: Dataset, events: Iterable[Event]) -> dict[str, Any]:
    """``events`` as a dataset in the project's schema, loadable with --data.

    The indexes are kept whole, and a disputed claim always travels with the
    claims it disputes, so that the result validates and the two sides of a
    dispute stay side by side.
    """
    chosen = {e.id for e in events}
    chosen |= {other for e in ds.events if e.id in chosen for other in e.disputes}

    def fact(f: DatedFact | None) -> dict[str, Any] | None:
        if f is None:
            return None
        src = {"source": {"section": f.source.section, "quote": f.source.quote}} if f.source else {}
        return {"date": f.date.text, "certainty": f.certainty, **_optional(note=f.note), **src}

    return {
        "title": ds.title,
        "subject": ds.subject,
        "source": {
            "title": ds.source.title,
            "publisher": ds.source.publisher,
            "url": ds.source.url,
            "license": ds.source.license,
            "file": ds.source.file,
        },
        "periods": [{"id": p.id, "name": p.name, "section": p.section} for p in ds.periods.values()],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "aliases": list(p.aliases),
                "relation": p.relation,
                **_optional(birth=fact(p.birth), death=fact(p.death)),
            }
            for p in ds.people.values()
        ],
        "places": [
            {
                "id": p.id,
                "name": p.name,
                "aliases": list(p.aliases),
                "kind": p.kind,
                "parent": p.parent,
                **_optional(note=p.note),
            }
            for p in ds.places.values()
        ],
        "eras": [
            {
                "id": r.id,
                "name": r.name,
                "kind": r.kind,
                "places": list(r.places),
                "from": {"date": r.start.date.text, **_dump_bounds(r.start.bounds)},
                "to": {"date": r.end.date.text, **_dump_bounds(r.end.bounds)},
                "certainty": r.certainty,
                **_optional(claimed_by=r.claimed_by, note=r.note),
                "source": {"section": r.source.section, "quote": r.source.quote},
            }
            for r in ds.eras
        ],
        "events": [
            {
                "id": e.id,
                "date": e.date.text,
                **_dump_bounds(e.bounds),
                **_optional(wording=e.wording),
                "title": e.title,
                "summary": e.summary,
                "period": e.period,
                "places": list(e.places),
                "people": list(e.people),
                "tags": list(e.tags),
                "certainty": e.certainty,
                **_optional(
                    claimed_by=e.claimed_by,
                    disputes=list(e.disputes),
                    note=e.note,
                    follows=e.follows if e.follows in chosen else None,
                ),
                "source": {"section": e.source.section, "quote": e.source.quote},
            }
            for e in ds.events
            if e.id in chosen
        ],
        **_optional(not_datable=[{"section": n.section, "quote": n.quote, "reason": n.reason} for n in ds.not_datable]),
    }
