"""Load and validate a dataset, the packaged one or a file a user wrote.

A dataset file is untrusted input: it may be truncated, hand-edited or
hostile. Loading never raises anything but :class:`DatasetError`. That error
carries every problem found, each naming the file, the record, the field and
what is wrong, so a user can fix them all in one pass.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple, cast

from .dates import DateError, EdtfDate, Span, parse_edtf
from .errors import SedovError
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

DATA_PACKAGE = "sedov_cli.data"
DEFAULT_FILE = "sedov.json"
ENV_VAR = "SEDOV_DATA"
# A dataset citing the article this package ships may use the packaged copy
# when no copy lies beside it (an exported dataset saved elsewhere, say).
PACKAGED_ARTICLE_URL = "https://en.wikipedia.org/wiki/Lev_Sedov"


class Problem(NamedTuple):
    """One thing wrong with a dataset, located as precisely as we can."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [self.file, self.record, self.field]
        return ": ".join(p for p in parts if p) + f": {self.message}"


class DatasetError(SedovError):
    """A dataset that cannot be used, with every problem found in it (exit status 1)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


def data_dir() -> Traversable:
    """The packaged data folder (the checkout's ``data/``, shipped in the wheel)."""
    return resources.files(DATA_PACKAGE)


def article_text() -> str:
    return (data_dir() / "article.txt").read_text(encoding="utf-8")


def schema_document() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads((data_dir() / "schema.json").read_text(encoding="utf-8")))


@cache
def _checker() -> SchemaChecker:
    return SchemaChecker(schema_document())


@cache
def load_default() -> Dataset:
    """The packaged dataset, parsed once per process."""
    folder = data_dir()
    raw = (folder / DEFAULT_FILE).read_bytes()
    return _build(raw, DEFAULT_FILE, lambda name: (folder / name).read_text(encoding="utf-8"))


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load ``path``, else ``$SEDOV_DATA``, else the packaged dataset."""
    if path is None:
        path = os.environ.get(ENV_VAR) or None
    if path is None:
        return load_default()
    file = Path(path)
    shown = str(path)
    try:
        raw = read_bounded(file)
    except Unreadable as exc:
        message = "is a directory, not a dataset file" if str(exc) == "is a directory" else str(exc)
        raise DatasetError([Problem(shown, "", "", message)]) from None

    def read_sibling(name: str) -> str:
        folder = file.parent.resolve()
        target = (folder / name).resolve()
        if not target.is_relative_to(folder):
            raise Unreadable("leads outside the dataset's folder (through a symlink)")
        return read_bounded(target).decode("utf-8")

    return _build(raw, shown, read_sibling)


def _confined(name: str) -> str | None:
    """Why ``source.file`` is not a relative path inside the dataset's folder, or None."""
    parts = PurePosixPath(name).parts
    if PurePosixPath(name).is_absolute() or os.path.isabs(name):
        return f"must be a path relative to the dataset's folder, not the absolute {name!r}"
    if ".." in parts:
        return f"must stay inside the dataset's folder; {name!r} climbs out with '..'"
    return None


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


# --- validation -------------------------------------------------------------


def _record_name(raw: Any, path: tuple[str | int, ...]) -> tuple[str, str]:
    """Split a JSON path into a record label and a field name."""
    singular = {"events": "event", "people": "person", "places": "place", "periods": "period"}
    if len(path) >= 2 and path[0] in singular and isinstance(path[1], int):
        kind = singular[str(path[0])]
        try:
            ident = raw[path[0]][path[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            ident = None
        label = f"{kind} {ident!r}" if isinstance(ident, str) else f"{kind} #{path[1] + 1}"
        return label, _join(path[2:])
    return "", _join(path)


def _join(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class _Validator:
    file: str
    raw: dict[str, Any]
    read_sibling: Any

    def __post_init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, record: str, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, record, field, message))

    def unique(self, kind: str, items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        seen: dict[str, dict[str, Any]] = {}
        for item in items:
            if item["id"] in seen:
                self.add(f"{kind} {item['id']!r}", "id", "duplicate id")
            seen[item["id"]] = item
        return seen

    def date(self, record: str, field: str, text: str) -> EdtfDate | None:
        try:
            return parse_edtf(text)
        except DateError as exc:
            self.add(record, field, str(exc))
            return None

    def run(self) -> None:
        raw = self.raw
        periods = self.unique("period", raw["periods"])
        people = self.unique("person", raw["people"])
        places = self.unique("place", raw["places"])
        events = self.unique("event", raw["events"])
        article = self.check_article(raw["source"]["file"], raw["source"]["url"])
        self.check_people(people, raw["subject"], article)
        self.check_places(places)
        for event in raw["events"]:
            self.check_event(event, periods, people, places, events, article)
        self.unique("era", raw.get("eras", []))
        for era in raw.get("eras", []):
            self.check_era(era, places, article)
        for i, item in enumerate(raw.get("not_datable", [])):
            self.quote(f"not_datable #{i + 1}", item, article)

    def check_people(self, people: dict[str, dict[str, Any]], subject: str, article: str | None) -> None:
        for pid, person in people.items():
            record = f"person {pid!r}"
            for which in ("birth", "death"):
                quote = person.get(which, {}).get("source", {}).get("quote")
                if article is not None and quote is not None and quote not in article:
                    self.add(record, f"{which}.source.quote", "does not appear verbatim in the article")
            birth = self.date(record, "birth.date", person["birth"]["date"]) if "birth" in person else None
            death = self.date(record, "death.date", person["death"]["date"]) if "death" in person else None
            for which, when in (("birth", birth), ("death", death)):
                if when is not None and (when.span.earliest is None or when.span.latest is None):
                    self.add(record, f"{which}.date", "needs both ends closed, not an open interval")
            born, died = (birth.span.earliest if birth else None), (death.span.latest if death else None)
            if born and died and died < born:
                self.add(record, "death.date", "is before the birth")
        if subject not in people:
            self.add("dataset", "subject", f"unknown person {subject!r}{_suggest(subject, people)}")
        elif "birth" not in people[subject]:
            self.add(f"person {subject!r}", "birth", "the subject needs a birth date to compute ages")

    def check_places(self, places: dict[str, dict[str, Any]]) -> None:
        for pid, place in places.items():
            parent = place["parent"]
            if parent is not None and parent not in places:
                self.add(f"place {pid!r}", "parent", f"unknown place {parent!r}{_suggest(parent, places)}")
        # Each place is walked up to its root once: a place already settled (on a
        # chain that ended, or in a cycle already reported) stops the walk. So a
        # 4,000-deep chain costs 4,000 steps, not 4,000 walks of 4,000.
        settled: set[str] = set()
        for start in places:
            chain: dict[str, int] = {}  # place -> position on this walk
            here: str | None = start
            while here is not None and here in places and here not in settled and here not in chain:
                chain[here] = len(chain)
                here = places[here]["parent"]
            if here is not None and here in chain:
                loop = list(chain)[chain[here] :]
                path = " → ".join([*loop, here])
                self.add(f"place {here!r}", "parent", f"the gazetteer has a cycle: {path}")
            settled.update(chain)

    def check_article(self, name: str, url: str) -> str | None:
        if (why := _confined(name)) is not None:
            self.add("dataset", "source.file", why)
            return None
        try:
            return cast(str, self.read_sibling(name))
        except FileNotFoundError:
            missing = True
        except Unreadable as exc:
            missing = str(exc).startswith("cannot read: No such file")
            if not missing:
                self.add("dataset", "source.file", f"the article {name!r} {exc}")
                return None
        except (OSError, UnicodeDecodeError) as exc:
            self.add("dataset", "source.file", f"cannot read the article {name!r} beside the dataset: {exc}")
            return None
        if missing and url == PACKAGED_ARTICLE_URL:
            return article_text()
        self.add("dataset", "source.file", f"the article {name!r} is not beside the dataset")
        return None

    def check_event(
        self,
        event: dict[str, Any],
        periods: dict[str, Any],
        people: dict[str, Any],
        places: dict[str, Any],
        events: dict[str, Any],
        article: str | None,
    ) -> None:
        record = f"event {event['id']!r}"
        self.dated(record, "", event)
        if event["period"] not in periods:
            self.add(record, "period", f"unknown period {event['period']!r}{_suggest(event['period'], periods)}")
        for field, index, kind in (("places", places, "place"), ("people", people, "person")):
            for ref in event[field]:
                if ref not in index:
                    self.add(record, field, f"unknown {kind} {ref!r}{_suggest(ref, index)}")
        self.claim(record, "event", event)
        certainty = event["certainty"]
        disputes = event.get("disputes", [])
        if certainty == "disputed" and not disputes:
            self.add(record, "disputes", "a disputed event must name the event it is disputed against")
        if disputes and certainty != "disputed":
            self.add(record, "disputes", "only a disputed event can dispute another")
        for other in disputes:
            if other not in events:
                self.add(record, "disputes", f"unknown event {other!r}{_suggest(other, events)}")
            elif event["id"] not in events[other].get("disputes", []):
                self.add(record, "disputes", f"event {other!r} does not dispute it back")
        self.quote(record, event, article)

    def dated(self, record: str, prefix: str, raw: dict[str, Any]) -> Span | None:
        """Parse ``raw['date']`` and apply its bounds, reporting each problem."""
        when = self.date(record, f"{prefix}date", raw["date"])
        if when is None:
            return None
        span = when.span
        for i, bound in enumerate(raw.get("bounds", [])):
            try:
                span = span.narrowed(**{bound["side"]: date.fromisoformat(bound["date"])})
            except ValueError as exc:
                self.add(record, f"{prefix}bounds[{i}].date", str(exc))
        return span

    def claim(self, record: str, kind: str, raw: dict[str, Any]) -> None:
        certainty = raw["certainty"]
        if certainty in ("attributed", "disputed") and "claimed_by" not in raw:
            article_word = "an" if certainty[0] in "aeiou" else "a"
            self.add(record, "claimed_by", f"{article_word} {certainty} {kind} must say who claims it")
        if certainty == "inferred" and "note" not in raw:
            self.add(record, "note", f"an inferred {kind} must say how it was inferred")

    def quote(self, record: str, raw: dict[str, Any], article: str | None) -> None:
        field, quote = ("source.quote", raw["source"]["quote"]) if "source" in raw else ("quote", raw["quote"])
        if article is not None and quote not in article:
            self.add(record, field, "does not appear verbatim in the article")

    def check_era(self, era: dict[str, Any], places: dict[str, Any], article: str | None) -> None:
        record = f"era {era['id']!r}"
        start = self.dated(record, "from.", era["from"])
        end = self.dated(record, "to.", era["to"])
        if start and end and start.earliest and end.latest and end.latest < start.earliest:
            self.add(record, "to.date", "the era ends before it starts")
        for ref in era["places"]:
            if ref not in places:
                self.add(record, "places", f"unknown place {ref!r}{_suggest(ref, places)}")
        self.claim(record, "era", era)
        self.quote(record, era, article)


def _suggest(word: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --- building ---------------------------------------------------------------


def _build(raw_bytes: bytes, file: str, read_sibling: Any) -> Dataset:
    raw = _Json(file).parse(raw_bytes)
    if not isinstance(raw, dict):
        found = type(raw).__name__
        raise DatasetError([Problem(file, "", "", f"expected a JSON object at the top level, got {found}")])
    schema_problems = [Problem(file, *_record_name(raw, path), message) for path, message in _checker().errors(raw)]
    if schema_problems:
        raise DatasetError(schema_problems)
    validator = _Validator(file, raw, read_sibling)
    validator.run()
    if validator.problems:
        raise DatasetError(validator.problems)
    return _to_model(raw, file)


def _fact(raw: dict[str, Any] | None) -> DatedFact | None:
    if raw is None:
        return None
    source = _source(raw) if "source" in raw else None
    return DatedFact(parse_edtf(raw["date"]), raw["certainty"], raw.get("note"), source)


def _source(raw: dict[str, Any]) -> Source:
    return Source(raw["source"]["section"], raw["source"]["quote"])


def _bounds(raw: dict[str, Any]) -> tuple[Bound, ...]:
    return tuple(Bound(b["side"], date.fromisoformat(b["date"]), b["basis"], b["note"]) for b in raw.get("bounds", []))


def _moment(raw: dict[str, Any]) -> Moment:
    return Moment(parse_edtf(raw["date"]), _bounds(raw))


def _to_model(raw: dict[str, Any], file: str) -> Dataset:
    def events() -> Iterator[Event]:
        for e in raw["events"]:
            yield Event(
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
            )

    return Dataset(
        title=raw["title"],
        subject=raw["subject"],
        source=SourceInfo(**raw["source"]),
        periods={p["id"]: Period(p["id"], p["name"], p["section"]) for p in raw["periods"]},
        people={
            p["id"]: Person(
                p["id"], p["name"], tuple(p["aliases"]), p["relation"], _fact(p.get("birth")), _fact(p.get("death"))
            )
            for p in raw["people"]
        },
        places={
            p["id"]: Place(p["id"], p["name"], tuple(p["aliases"]), p["kind"], p["parent"], p.get("note"))
            for p in raw["places"]
        },
        events=tuple(events()),
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
            {"side": b.side, "date": b.day.isoformat(), "certainty": b.certainty, "basis": b.basis, "note": b.note}
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
                **_optional(claimed_by=e.claimed_by, disputes=list(e.disputes), note=e.note),
                "source": {"section": e.source.section, "quote": e.source.quote},
            }
            for e in ds.events
            if e.id in chosen
        ],
        **_optional(not_datable=[{"section": n.section, "quote": n.quote, "reason": n.reason} for n in ds.not_datable]),
    }
