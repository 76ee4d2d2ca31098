"""The output contract: each result as a JSON-ready record and as a flat row.

Every format works from a :class:`Listing`. The JSON and NDJSON exporters use
``records`` (nested, typed), and CSV, TSV and Markdown use ``columns`` and
``rows`` (strings only). Defining both here keeps the formats from drifting
apart. An event listing can be a :class:`StreamedListing`, produced record by
record, so a million events reach a pipe without being held at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .dates import AgeAnswer, AgeSegment, LifeStatus, Span
from .model import Dataset, Event, EventStore, Period, Person, Place
from .queries import Hit, Selection, When

if TYPE_CHECKING:  # only the commands that produce these import them
    from .anniversaries import Anniversary
    from .relative import Distance

Record = dict[str, Any]


Row = tuple[str, ...]


class Listing:
    """Records in the JSON contract plus their flat form, held in memory."""

    def __init__(
        self,
        kind: str,
        records: Sequence[Record],
        columns: tuple[str, ...],
        rows: Sequence[Row] | Callable[[Record], Row],
        single: bool = False,
    ) -> None:
        """``rows`` may be the function that flattens a record: then rows are made only if a
        flat format asks (50,000 people as JSON need none)."""
        self.kind, self.columns, self.single = kind, columns, single
        self._records = tuple(records)
        self._rows = rows if callable(rows) else tuple(rows)

    @property
    def records(self) -> tuple[Record, ...]:
        return self._records

    @cached_property
    def rows(self) -> tuple[Row, ...]:
        return tuple(map(self._rows, self._records)) if callable(self._rows) else self._rows

    def each_record(self) -> Iterator[Record]:
        """The records one at a time: what a streaming writer walks."""
        return iter(self.records)

    def each_row(self) -> Iterator[Row]:
        return iter(self.rows)

    def is_empty(self) -> bool:
        return not self.records

    def encoded(self) -> Iterator[str] | None:
        """Each record's NDJSON line (no newline), when the listing has them already encoded; else None."""
        return None

    def encoded_text(self) -> Iterator[str] | None:
        """The NDJSON text in large pieces (lines and their newlines), when the listing can give it so
        without a step per record; else None."""
        return None


class StreamedListing(Listing):
    """A listing produced afresh on each pass, one record at a time.

    Writers walk :meth:`each_record` or :meth:`each_row` and never hold the
    whole result; only a terminal table, which must measure every row, reads
    ``records`` and so holds them all.
    """

    def __init__(
        self,
        kind: str,
        produce: Callable[[], Iterator[Record]],
        columns: tuple[str, ...],
        row_of: Callable[[Record], Row],
    ) -> None:
        self.kind, self.columns, self.single = kind, columns, False
        self._produce, self._row_of = produce, row_of

    @cached_property
    def records(self) -> tuple[Record, ...]:
        return tuple(self._produce())

    @cached_property
    def rows(self) -> tuple[Row, ...]:
        return tuple(map(self._row_of, self.records))

    def each_record(self) -> Iterator[Record]:
        return self._produce()

    def each_row(self) -> Iterator[Row]:
        return map(self._row_of, self._produce())

    def is_empty(self) -> bool:
        return next(self._produce(), None) is None


class EncodedListing(StreamedListing):
    """Records encoded when the index was built: events (see :func:`line_encoder`) or people.

    ``lines`` yields each stored line with what the query adds to its record
    (``match``, ``relative``), or None. NDJSON writes the lines, the
    additions spliced in before the closing brace; every other format decodes
    them into the very records :func:`event_record` would have made.
    """

    def __init__(
        self, lines: Callable[[], Iterator[tuple[str, Record | None]]], columns: tuple[str, ...],
        row_of: Callable[[Record], Row], kind: str = "events",
        batches: Callable[[], Iterator[list[str]] | None] | None = None,
    ) -> None:  # fmt: skip
        """``batches`` gives the same lines in lists, when nothing is added to them (see Selection.every_line)."""
        self._batches = batches

        def produce() -> Iterator[Record]:
            for line, extra in lines():
                record: Record = json.loads(line)
                if extra is not None:
                    record.update(extra)
                yield record

        super().__init__(kind, produce, columns, row_of)
        self._lines = lines

    def encoded(self) -> Iterator[str]:
        from .formats.json_format import dumps

        for line, extra in self._lines():
            yield line if extra is None else f"{line[:-1]},{dumps(extra, indent=None)[1:]}"

    def encoded_text(self) -> Iterator[str] | None:
        found = self._batches() if self._batches is not None else None
        return None if found is None else ("\n".join(batch) + "\n" for batch in found)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def age_json(age: AgeAnswer) -> dict[str, int | None] | None:
    return {"min": age.age.min, "max": age.age.max} if age.age else None


def age_text(age: dict[str, int | None] | None, dash: str = "–") -> str:
    """'19' for an exact age, '26–27' for a range, '28 or older' with no upper limit, '' for none."""
    if age is None:
        return ""
    if age["max"] is None:
        return f"{age['min']} or older"
    return str(age["min"]) if age["min"] == age["max"] else f"{age['min']}{dash}{age['max']}"


def age_words(age: dict[str, int | None] | None, status: str, kind: str, dash: str = "–") -> str:
    """An age as a table shows it: a period's age reads as "during", and an age
    that holds only if the date fell within the life says so ("29–31 if alive":
    if he was still alive at it; "0–26 if born": if he was born by then). No age: ''."""
    if age is None:
        return ""
    text = age_text(age, dash)
    if kind == "period":
        text += " (during)"
    if status == LifeStatus.MAYBE_AFTER_DEATH:  # short enough to stand whole in a narrow Age column
        text += " if alive"
    elif status == LifeStatus.MAYBE_BEFORE_BIRTH:
        text += " if born"
    return text


def _dated_fields(event: Event) -> Record:
    """What an event's record says of its date, from "date" to "when"."""
    return {
        "date": event.date.text,
        "kind": event.kind,
        "start": _iso(event.span.earliest),
        "end": _iso(event.span.latest),
        "start_basis": event.start_basis,
        "end_basis": event.end_basis,
        "when": event.when,
    }


def _age_fields(age: AgeAnswer) -> Record:
    return {"age": age_json(age), "status": age.status.value}


def event_record(ds: Dataset, event: Event, age: AgeAnswer) -> Record:
    return {
        "id": event.id,
        **_dated_fields(event),
        "title": event.title,
        "summary": event.summary,
        "places": [ds.places[p].name for p in event.places],
        "people": [ds.people[p].name for p in event.people],
        "tags": list(event.tags),
        **_age_fields(age),
        "certainty": event.certainty,
        "claimed_by": event.claimed_by,
        "disputes": list(event.disputes),
        "period": ds.periods[event.period].name,
        "note": event.note,
        "source": {"section": event.source.section, "quote": event.source.quote},
    }


EVENT_COLUMNS = (
    "id", "date", "kind", "start", "end", "start_basis", "end_basis", "when", "age_min", "age_max", "status",
    "title", "summary", "places", "people", "tags", "certainty", "claimed_by", "period", "section", "quote",
)  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def _event_row(record: Record, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    age = record["age"] or {}
    flat = {
        **record,
        "age_min": age.get("min"),
        "age_max": age.get("max"),
        "section": record["source"]["section"],
        "quote": record["source"]["quote"],
    }
    if "relative" in record:
        flat["relative"] = record["relative"]["text"]
    get = flat.get
    return tuple([v if type(v := get(c)) is str else _cell(v) for c in EVENT_COLUMNS + extra])


class _Names(dict[str, str]):
    """Each place's or person's name as a JSON string, made when first looked up (a plain dict lookup after)."""

    def __init__(self, named: Mapping[str, Place] | Mapping[str, Person]) -> None:
        super().__init__()
        self._named = named

    def __missing__(self, ident: str) -> str:
        from json.encoder import encode_basestring  # what the C encoder uses

        found: str = encode_basestring(self._named[ident].name)
        self[ident] = found
        return found


def line_encoder(ds: Dataset, make_event: Callable[[Mapping[str, Any]], Event]) -> Callable[[Mapping[str, Any]], str]:
    """An encoder of a validated event, as the dataset file holds it, into its NDJSON line: the very
    text of ``dumps(event_record(ds, event, ds.age_at(event)), indent=None)``, at a fraction of its cost.

    The index stores each line when it is built, so that a listing read from
    it writes bytes instead of building a model, an age and a record per
    event. What depends on the date (kind, days, bases, the words shown, age
    and status) comes from :func:`event_record` itself, run on
    ``make_event(raw)`` once per distinct date, bounds and wording; the other
    fields are put in the record's order as the JSON encoder writes them.
    tests/test_index.py checks the two agree on every event.
    """
    from json.encoder import encode_basestring as text  # what the C encoder uses

    from .formats.json_format import dumps
    from .text import escape_json_invisibles

    dated: dict[Any, tuple[str, str]] = {}  # by date text alone, or (text, bounds, wording) when it has those
    places, people = _Names(ds.places), _Names(ds.people)
    periods = {p.id: text(p.name) for p in ds.periods.values()}

    def ids(values: Sequence[str]) -> str:
        """A list of ids as JSON: the schema's id pattern leaves nothing to escape."""
        return '["' + '","'.join(values) + '"]' if values else "[]"

    def optional(value: str | None) -> str:
        return "null" if value is None else str(text(value))

    def date_parts(raw: Mapping[str, Any]) -> tuple[str, str]:
        event = make_event(raw)
        return (dumps(_dated_fields(event), indent=None)[1:-1],
                dumps(_age_fields(ds.age_at(event)), indent=None)[1:-1])  # fmt: skip

    def encode(raw: Mapping[str, Any]) -> str:
        bounds, wording = raw.get("bounds"), raw.get("wording")
        key = raw["date"] if bounds is None and wording is None else (raw["date"], json.dumps(bounds), wording)
        parts = dated.get(key)
        if parts is None:
            parts = dated[key] = date_parts(raw)
        source, disputes = raw["source"], raw.get("disputes")
        line = (
            f'{{"id":"{raw["id"]}",{parts[0]},"title":{text(raw["title"])},"summary":{text(raw["summary"])},'
            f'"places":[{",".join([places[p] for p in raw["places"]])}],'
            f'"people":[{",".join([people[p] for p in raw["people"]])}],"tags":{ids(raw["tags"])},{parts[1]},'
            f'"certainty":"{raw["certainty"]}","claimed_by":{optional(raw.get("claimed_by"))},'
            f'"disputes":{ids(disputes) if disputes else "[]"},"period":{periods[raw["period"]]},'
            f'"note":{optional(raw.get("note"))},'
            f'"source":{{"section":{text(source["section"])},"quote":{text(source["quote"])}}}}}'
        )
        return escape_json_invisibles(line)

    return encode


def events_listing(
    ds: Dataset, hits: Iterable[Hit], ranged: bool, relative: Callable[[Span, str], Distance] | None = None
) -> StreamedListing:
    """Events as records, made as they are written. With a date range, each says
    whether it matched for certain; with a reference event, each gives its distance from it.

    ``hits`` is walked once per pass, so it should be re-iterable (a Selection or a tuple). A
    Selection from an index that stores encoded records gives an :class:`EncodedListing`.
    """
    extra = (("match",) if ranged else ()) + (("relative",) if relative is not None else ())
    columns = EVENT_COLUMNS + extra

    def additions(possible: bool, span: Span | None, ident: str) -> Record | None:
        added: Record = {}
        if ranged:
            added["match"] = "possible" if possible else "certain"
        if relative is not None:
            assert span is not None
            d = relative(span, ident)
            added["relative"] = {"direction": d.direction, "min_days": d.min_days, "max_days": d.max_days,
                                 "text": d.text}  # fmt: skip
        return added or None

    if isinstance(hits, Selection) and hits.encoded(relative is not None) is not None:
        selection = hits

        def lines() -> Iterator[tuple[str, Record | None]]:
            found = selection.encoded(relative is not None)
            assert found is not None
            for line, possible, span, ident in found:
                yield line, additions(possible, span, ident)

        return EncodedListing(lines, columns, lambda r: _event_row(r, extra),
                              batches=None if extra else selection.every_line)  # fmt: skip

    def produce() -> Iterator[Record]:
        for hit in hits:
            record = event_record(ds, hit.event, hit.age)
            record.update(additions(hit.possible, hit.event.span, hit.event.id) or {})
            yield record

    return StreamedListing("events", produce, columns, lambda r: _event_row(r, extra))


def anniversaries_listing(ds: Dataset, items: Sequence[Anniversary]) -> Listing:
    """on-this-day results: the event contract plus ``years_ago`` and ``match``."""
    records = []
    for item in items:
        record = event_record(ds, item.event, item.age)
        record["years_ago"] = item.years_ago
        record["match"] = item.match
        record["offset_days"] = item.offset
        records.append(record)
    extra = ("years_ago", "match", "offset_days")
    return Listing("events", tuple(records), EVENT_COLUMNS + extra, tuple(_event_row(r, extra) for r in records))


def show_record(ds: Dataset, event: Event, before: Event | None, after: Event | None) -> Record:
    record = event_record(ds, event, ds.age_at(event))
    record["bounds"] = [
        {
            "side": b.side,
            "date": b.day.isoformat(),
            "follows": b.follows,
            "precedes": b.precedes,
            "certainty": b.certainty,
            "basis": b.basis,
            "note": b.note,
        }
        for b in event.bounds
    ]
    record["follows"] = event.follows
    record["previous"] = before.id if before else None
    record["next"] = after.id if after else None
    return record


def _bound_basis(bound: dict[str, Any]) -> str:
    """'article', or 'article, after the death' for a bound that follows it."""
    follows = {"death": "after the death", "birth": "at or after the birth"}.get(bound["follows"])
    if bound.get("precedes") == "death":
        follows = "before the death"
    return f"{bound['basis']}, {follows}" if follows else str(bound["basis"])


def show_listing(record: Record) -> Listing:
    """One event as field/value rows, for TSV and friends."""
    rows = []
    for key, value in record.items():
        if key == "source":
            rows += [("section", value["section"]), ("quote", value["quote"])]
        elif key == "age":
            rows.append(("age", "" if value is None else age_text(value, "-")))
        elif key == "bounds":
            rows += [(f"bound.{b['side']}", f"{b['date']} ({_bound_basis(b)}): {b['note']}") for b in value]
        else:
            rows.append((key, _cell(value)))
    return Listing("event", (record,), ("field", "value"), tuple(rows), single=True)


def _life_text(person: Person, which: str) -> str | None:
    fact = getattr(person, which)
    return fact.date.text if fact else None


def person_record(person: Person, events: int) -> Record:
    """A person as ``people`` lists them, with how many events cite them (every event, for the subject)."""
    return {
        "id": person.id,
        "name": person.name,
        "aliases": list(person.aliases),
        "relation": person.relation,
        "birth": _life_text(person, "birth"),
        "death": _life_text(person, "death"),
        "events": events,
    }


PEOPLE_COLUMNS = ("id", "name", "aliases", "relation", "birth", "death", "events")


def _person_row(record: Record) -> Row:
    return tuple(_cell(record[c]) for c in PEOPLE_COLUMNS)


def people_listing(ds: Dataset, people: Sequence[Person]) -> Listing:
    counts = ds.count_by("people")
    records = tuple(person_record(p, len(ds.events) if p.id == ds.subject else counts.get(p.id, 0)) for p in people)
    return Listing("people", records, PEOPLE_COLUMNS, _person_row)


def everyone_listing(ds: Dataset) -> Listing:
    """Every person: the lines the index stored (no person is parsed or built), else :func:`people_listing`."""
    store = ds.events if isinstance(ds.events, EventStore) else None
    if store is not None and store.encoded_people() is not None:

        def lines() -> Iterator[tuple[str, Record | None]]:
            found = store.encoded_people()
            assert found is not None
            return ((line, None) for line in found)

        return EncodedListing(lines, PEOPLE_COLUMNS, _person_row, kind="people")
    return people_listing(ds, list(ds.people.values()))


def place_path(ds: Dataset, place: Place) -> list[str]:
    """Names from the outermost place down to this one."""
    return [p.name for p in reversed([place, *ds.ancestors(place.id)])]


def places_listing(ds: Dataset, places: Sequence[Place]) -> Listing:
    direct = ds.count_by("places")
    within = ds.count_by("within")
    records: list[Record] = []
    for p in places:
        records.append(
            {
                "id": p.id,
                "name": p.name,
                "aliases": list(p.aliases),
                "kind": p.kind,
                "parent": p.parent,
                "path": place_path(ds, p),
                "events": direct.get(p.id, 0),
                "events_within": within.get(p.id, 0),
            }
        )
    columns = ("id", "name", "aliases", "kind", "parent", "path", "events", "events_within")
    return Listing("places", records, columns, lambda r: tuple(" > ".join(r[c]) if c == "path" else _cell(r[c])
                                                                for c in columns))  # fmt: skip


def periods_listing(ds: Dataset, periods: Sequence[Period]) -> Listing:
    """The life periods in the order of the life, with how many events each holds and the days they reach.

    ``first`` and ``last`` are the earliest and latest possible day of the period's events (ISO;
    empty when open), so a reader sees where each period lies without counting on its name.
    """
    counts: dict[str, int] = {}
    first: dict[str, date] = {}
    last: dict[str, date] = {}
    wanted = {p.id for p in periods}
    for event in ds.chronological():
        if event.period not in wanted:
            continue
        counts[event.period] = counts.get(event.period, 0) + 1
        lo, hi = event.span.earliest, event.span.latest
        if lo is not None and (event.period not in first or lo < first[event.period]):
            first[event.period] = lo
        if hi is not None and (event.period not in last or hi > last[event.period]):
            last[event.period] = hi
    records = tuple(
        {"id": p.id, "name": p.name, "section": p.section, "events": counts.get(p.id, 0),
         "first": first[p.id].isoformat() if p.id in first else None,
         "last": last[p.id].isoformat() if p.id in last else None}
        for p in periods
    )  # fmt: skip
    columns = ("id", "name", "section", "events", "first", "last")
    rows = tuple(tuple("" if r[c] is None else str(r[c]) for c in columns) for r in records)
    return Listing("periods", records, columns, rows)


def tags_listing(counts: dict[str, int]) -> Listing:
    records: tuple[Record, ...] = tuple({"tag": t, "events": n} for t, n in counts.items())
    return Listing("tags", records, ("tag", "events"), tuple((t, str(n)) for t, n in counts.items()))


def problems_listing(problems: Sequence[tuple[str, str, str, str]]) -> Listing:
    """Dataset problems (file, record, field, message) as records."""
    columns = ("file", "record", "field", "message")
    records = tuple(dict(zip(columns, p, strict=True)) for p in problems)
    return Listing("problems", records, columns, tuple(tuple(p) for p in problems))


def _segment(seg: AgeSegment) -> Record:
    return {"age": seg.age, "start": _iso(seg.span.earliest), "end": _iso(seg.span.latest)}


def age_record(person: Person, when: When, answer: AgeAnswer) -> Record:
    return {
        "query": when.text,
        "person": person.id,
        "start": _iso(when.span.earliest),
        "end": _iso(when.span.latest),
        "age": age_json(answer),
        # Alive only where the dataset says so: with no death given, nothing says they still lived.
        "alive": None
        if answer.status is LifeStatus.LIVED and person.death is None
        else answer.status is LifeStatus.LIVED,
        "status": answer.status.value,
        "segments": [_segment(s) for s in answer.segments],
    }


_ALIVE = {True: "true", False: "false", None: ""}


def age_listing(record: Record) -> Listing:
    columns = ("query", "person", "start", "end", "age_min", "age_max", "alive")
    age = record["age"] or {}
    row = (
        record["query"], record["person"], _cell(record["start"]), _cell(record["end"]),
        _cell(age.get("min")), _cell(age.get("max")), _ALIVE[record["alive"]],
    )  # fmt: skip
    return Listing("age", (record,), columns, (row,), single=True)
