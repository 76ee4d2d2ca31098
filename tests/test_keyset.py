"""Keyset paging (issue 23): a read that starts at an event's place in filing order.

The index seeks to the event (a range of its order index, checked with EXPLAIN QUERY PLAN)
and decodes nothing before it; the in-memory dataset finds its place in the order. Both
must give exactly the events that reading from the first one and passing over the rest
gives, and the explorer's jumps built on them exactly the rows that scrolling gives.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sedov_cli.browse.chronology import PAGE, Chronology, Heading
from sedov_cli.dataset import load
from sedov_cli.dates import Span
from sedov_cli.index import IndexedEvents
from sedov_cli.model import Dataset, Event, EventStore, Narrowing, read_from
from sedov_cli.queries import Filters, Hit, select

ROOT = Path(__file__).resolve().parents[1]


def _generate(n: int, seed: int) -> tuple[dict[str, Any], str]:
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(n, seed=seed)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def periods_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 generated events (every date form), spread over three life periods, so that the rows
    are grouped by period and each period's events are in filing order."""
    data, article = _generate(3000, seed=23)
    data["periods"] = [{"id": f"part-{i}", "name": f"Part {i}", "section": "Life"} for i in range(3)]
    rng = random.Random(23)
    for event in data["events"]:
        event["period"] = f"part-{rng.randrange(3)}"
    folder = tmp_path_factory.mktemp("keyset")
    (folder / "article.txt").write_text(article, encoding="utf-8")
    path = folder / "data.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def indexed(periods_file: Path) -> Dataset:
    load(str(periods_file), use_cache=True)  # validates and indexes
    ds = load(str(periods_file), use_cache=True)
    assert isinstance(ds.events, IndexedEvents)
    return ds


@pytest.fixture(scope="module")
def plain(periods_file: Path) -> Dataset:
    ds = load(str(periods_file), use_cache=False)
    assert not isinstance(ds.events, EventStore)
    return ds


NARROWINGS = {
    "none": Narrowing(),
    "period": Narrowing(periods=frozenset({"part-1"})),
    "span": Narrowing(span=Span(dt.date(1920, 1, 1), None)),
    "tag": Narrowing(tags=frozenset({"exile"}), periods=frozenset({"part-2"})),
}


def _ids(events: Iterator[Event] | Any) -> list[str]:
    return [e.id for e in events]


@pytest.mark.parametrize("which", ["indexed", "plain"])
@pytest.mark.parametrize("name", list(NARROWINGS))
def test_a_read_from_an_event_or_a_day_is_the_rest_of_the_read_from_the_start(
    which: str, name: str, request: pytest.FixtureRequest
) -> None:
    ds: Dataset = request.getfixturevalue(which)
    narrowing = NARROWINGS[name]
    rng = random.Random(name)
    for reverse in (False, True):
        whole = list(ds.candidates(narrowing, reverse))
        order = [e.id for e in whole]
        for event in [whole[0], whole[-1], *rng.sample(whole, 25)]:
            i = order.index(event.id)
            for include in (True, False):
                got = _ids(ds.candidates_from(narrowing, event, reverse=reverse, include=include))
                assert got == order[i if include else i + 1 :], (event.id, reverse, include)
                assert got == _ids(read_from(iter(whole), event, reverse=reverse, include=include))
        for day in (dt.date.min, dt.date(1899, 1, 1), dt.date(1920, 1, 1), dt.date(1933, 2, 16),
                    dt.date(1937, 12, 31), dt.date(1990, 1, 1), dt.date.max):  # fmt: skip
            got = _ids(ds.candidates_from(narrowing, day, reverse=reverse))
            kept = [e.id for e in whole if (e.sort_key()[0] <= day if reverse else e.sort_key()[0] >= day)]
            assert got == kept, (day, reverse)


def test_the_index_and_the_file_keep_one_order(indexed: Dataset, plain: Dataset) -> None:
    assert _ids(indexed.chronological()) == _ids(plain.chronological())
    event = plain.event("event-1234")
    assert event is not None
    for reverse in (False, True):
        assert _ids(indexed.candidates_from(Narrowing(), event, reverse=reverse)) == _ids(
            plain.candidates_from(Narrowing(), event, reverse=reverse)
        )


def _plans(ds: Dataset, run: Any) -> list[list[str]]:
    """The query plans of the statements ``run`` makes the index execute."""
    assert isinstance(ds.events, IndexedEvents)
    con: sqlite3.Connection = ds.events._con
    seen: list[str] = []
    con.set_trace_callback(seen.append)
    try:
        run()
    finally:
        con.set_trace_callback(None)
    return [[row[3] for row in con.execute(f"EXPLAIN QUERY PLAN {sql}")] for sql in seen if sql.startswith("SELECT")]


@pytest.mark.parametrize("reverse", [False, True])
def test_a_read_from_an_event_is_a_range_of_the_order_index(indexed: Dataset, reverse: bool) -> None:
    event = indexed.event("event-2999")
    assert event is not None
    narrowing = Narrowing(periods=frozenset({"part-0"}))
    plans = _plans(indexed, lambda: next(iter(indexed.candidates_from(narrowing, event, reverse=reverse)), None))
    by_id, page = plans[-2:]
    assert by_id[0].startswith("SEARCH events USING") and "INDEX events_id (id=?)" in by_id[0], by_id
    sign = "<" if reverse else ">"
    # the rank is the table's own key: a read from it is a range of the table, in the order it lies
    assert page[0] == f"SEARCH events USING INTEGER PRIMARY KEY (rowid{sign}?)", page
    assert not any("TEMP B-TREE" in step or step.startswith("SCAN events") for step in page), page
    day = _plans(indexed, lambda: next(iter(indexed.candidates_from(narrowing, dt.date(1930, 1, 1))), None))
    assert day[-2][0] == "SEARCH events USING COVERING INDEX events_order (o>?)", day  # the day's first rank
    assert day[-1][0] == "SEARCH events USING INTEGER PRIMARY KEY (rowid>?)", day


def _decoding(ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the events the index decodes from now on."""
    decoded: list[str] = []
    original = IndexedEvents._decode

    def counted(self: IndexedEvents, row: tuple[Any, ...]) -> Event:
        decoded.append(row[1])
        return original(self, row)

    monkeypatch.setattr(IndexedEvents, "_decode", counted)
    return decoded


def test_a_jump_far_down_decodes_a_page_not_the_events_near_its_day(
    indexed: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The jump reads its target and a page below it, then a page above it: nothing else, however
    many events overlap the target's day (an open start overlaps every day before its end)."""
    order = [r.event.id for r in select(indexed, Filters(periods=("part-2",)))]
    event = indexed.event(order[-300])
    assert event is not None
    decoded = _decoding(indexed, monkeypatch)
    window = Chronology(indexed, Filters())
    assert window.at(event) == 0
    window.load(PAGE)
    window.load_above()
    assert len(decoded) == len(window.rows) - sum(isinstance(r, Heading) for r in window.rows)
    assert len(decoded) <= 2 * PAGE + 1


@pytest.mark.parametrize("which", ["indexed", "plain"])
@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(tags=("exile",)), Filters(start="1920", end="1930"), Filters(start="1925", match="certain")],
    ids=["all", "tag", "range", "certain"],
)
def test_a_window_opened_far_down_reads_the_rows_scrolling_reads(
    which: str, filters: Filters, request: pytest.FixtureRequest
) -> None:
    """Over three periods of 1,000 events: a window opened at an event, read up to the top and down
    to the end, is row for row (headings, order, ages, marks) the list read from the top."""
    ds: Dataset = request.getfixturevalue(which)
    whole = Chronology(ds, filters)
    whole.load(10_000)
    assert whole.complete
    events = [row.event for row in whole.rows if isinstance(row, Hit)]
    for target in [events[0], events[-1], *random.Random(str(filters)).sample(events, 12)]:
        window = Chronology(ds, filters)
        window.rows, window.done = [], False  # as if nothing were read yet
        assert window.at(target) == 0, target.id
        while window.load_above():
            pass
        window.load(10_000)
        assert window.rows == whole.rows, target.id


@pytest.mark.parametrize("which", ["indexed", "plain"])
@pytest.mark.parametrize("far", [1010, 2600])
def test_t_far_down_shows_what_scrolling_there_from_the_top_shows(
    which: str, far: int, request: pytest.FixtureRequest
) -> None:
    """``t`` to an event 1,010 rows down (just below a period's heading) or 2,600, and the same
    event reached from the top with the wheel and a click: the same lines on screen, the
    cursor on the same event; then the rows above and below it, read as the reader scrolls."""
    from test_browse import Driver, browse

    from sedov_cli.browse.widgets import Chronicle

    ds: Dataset = request.getfixturevalue(which)
    whole = Chronology(ds, Filters())
    whole.load(10_000)
    target = whole.rows[far]
    assert isinstance(target, Hit)
    jumped: dict[str, Any] = {}

    def shown(d: Driver) -> list[str]:
        chronicle = d.app.query_one(Chronicle)
        region, width = chronicle.region, chronicle.scrollable_content_region.width
        # without the scroll bar, whose thumb says how many rows are read so far
        return [line[:width].rstrip() for line in d.lines()[region.y : region.y + region.height]]

    async def jump(d: Driver) -> None:
        await d.press("t")
        await d.paste(target.event.id)
        await d.press("enter")
        chronicle = d.app.query_one(Chronicle)
        assert d.current == target.event.id and not chronicle.chronology.top  # the window was opened there
        assert len(chronicle.chronology.rows) <= 3 * PAGE
        jumped["lines"] = shown(d)
        jumped["row"] = chronicle.cursor - int(chronicle.scroll_offset.y)  # the cursor's line on screen
        await d.press(*["pageup"] * 3, *["pagedown"] * 6)
        jumped["after"] = (d.current, shown(d))

    async def scroll(d: Driver) -> None:
        chronicle = d.app.query_one(Chronicle)
        goal = far - jumped["row"]
        while (y := int(chronicle.scroll_offset.y)) < goal:  # the wheel, from the top: rows are read as it goes
            chronicle.scroll_to(y=min(goal, y + 100), animate=False, immediate=True)
            await d.pilot.pause()  # type: ignore[attr-defined]
        await d.pilot.click(Chronicle, offset=(10, jumped["row"]))  # type: ignore[attr-defined]
        await d.pilot.pause()  # type: ignore[attr-defined]
        assert d.current == target.event.id and chronicle.chronology.top
        assert shown(d) == jumped["lines"]
        await d.press(*["pageup"] * 3, *["pagedown"] * 6)
        assert (d.current, shown(d)) == jumped["after"]

    browse(ds, jump)
    browse(ds, scroll)


def test_a_date_typed_is_looked_up_as_an_id_once(indexed: Dataset) -> None:
    """A typed date may be an event id ('1920' is a valid id), so it is looked up first; on an index a
    miss is proved from the id index and the chain of ids (a damaged id index must not hide an event),
    never by reading every row. Once, not once for the text and again for its casefolded form."""
    from sedov_cli.queries import resolve_when

    statements: list[str] = []
    assert isinstance(indexed.events, IndexedEvents)
    con: sqlite3.Connection = indexed.events._con
    con.set_trace_callback(statements.append)
    try:
        assert resolve_when(indexed, "1920").span == Span(dt.date(1920, 1, 1), dt.date(1920, 12, 31))
    finally:
        con.set_trace_callback(None)
    assert sum("NOT INDEXED" in sql for sql in statements) == 0, statements
    assert sum("WHERE id < '1920'" in sql for sql in statements) == 1, statements  # the chain's link, read once


@pytest.mark.parametrize("which", ["indexed", "plain"])
def test_the_ends_and_a_jump_read_two_screens_not_pages(which: str, request: pytest.FixtureRequest) -> None:
    """G opens the list at its last rows and reads what the view needs above them once (not a page
    and then another); g and t read two screens from their target, and a page when the reader goes on."""
    from test_browse import Driver, browse

    from sedov_cli.browse.widgets import Chronicle

    ds: Dataset = request.getfixturevalue(which)
    whole = Chronology(ds, Filters())
    whole.load(10_000)
    order = [r.event.id for r in whole.rows if isinstance(r, Hit)]

    async def script(d: Driver) -> None:
        chronicle = d.app.query_one(Chronicle)
        screens = chronicle.screenful()
        assert screens == 2 * chronicle.size.height + 2
        await d.press("G")
        assert d.current == order[-1] and len(chronicle.chronology.rows) == screens
        await d.press("g")
        assert d.current == order[0] and len(chronicle.chronology.rows) == screens
        await d.press("t")
        await d.paste(order[2000])
        await d.press("enter")
        rows = chronicle.chronology.rows
        assert d.current == order[2000] and len(rows) == 2 * screens + 1  # the target, two screens each side
        at = next(i for i, r in enumerate(whole.rows) if isinstance(r, Hit) and r.event.id == order[2000])
        assert rows == whole.rows[at - screens : at + screens + 1]
        await d.press(*["pagedown"] * 2)
        assert len(chronicle.chronology.rows) == 2 * screens + 1 + PAGE  # moving on: a page

    browse(ds, script)


def test_a_date_no_id_could_be_is_not_looked_up(indexed: Dataset) -> None:
    """Ids are lower-case letters, digits and hyphens: '15 June 1931' or 'c. 1933' cannot name one, so no
    lookup (and no scan confirming a miss) runs before they are read as dates; ids still resolve."""
    from sedov_cli.errors import UnknownName
    from sedov_cli.queries import find_event, resolve_event, resolve_when

    statements: list[str] = []
    assert isinstance(indexed.events, IndexedEvents)
    con: sqlite3.Connection = indexed.events._con
    con.set_trace_callback(statements.append)
    try:
        for text in ("15 June 1931", "Feb 1933", "c. 1933", "16.02.1938"):
            resolve_when(indexed, text)
    finally:
        con.set_trace_callback(None)
    assert [sql for sql in statements if "FROM events" in sql] == []
    assert [find_event(indexed, text).id for text in (" Event-1234 ", "EVENT-123")] == ["event-1234", "event-123"]  # type: ignore[union-attr]
    with pytest.raises(UnknownName, match="event-1234"):
        resolve_event(indexed, "event 1234")  # no such id, and the suggestion still comes
