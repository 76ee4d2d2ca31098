"""Terminal rendering: the only module that builds rich objects.

Dataset text enters rich only as :class:`rich.text.Text` built from
:func:`~sedov_cli.text.visible`, never as a markup string, so ``[bold]`` in a
title stays literal. Colour is added only when the Environment allows it.
Under NO_COLOR, TERM=dumb or in a pipe, certainty shows as words, not colour.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from .anniversaries import Anniversary
from .chart import Row
from .dates import format_day
from .environment import Environment, _isatty
from .model import Dataset, Event
from .queries import Hit, by_period
from .records import Listing, age_json, age_text, age_words
from .relative import Distance
from .render_layout import Column, fit
from .sentences import basis_words
from .text import plural, visible

CERTAINTY_STYLE = {
    "stated": "green",
    "inferred": "cyan",
    "attributed": "yellow",
    "disputed": "bold magenta",
}


def console(env: Environment) -> Console:
    return Console(
        file=env.stdout,
        force_terminal=env.stdout_isatty or env.color,  # --color always and FORCE_COLOR colour a pipe too
        color_system="auto" if env.color else None,
        width=env.width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def _box(env: Environment) -> box.Box:
    return box.SIMPLE_HEAD if env.unicode else box.ASCII


def _t(value: str | None, style: str = "") -> Text:
    # fold, never ellipsis: a narrow terminal wraps a long word instead of hiding it
    return Text(visible(value or ""), style=style, overflow="fold")


def certainty_text(event: Event) -> Text:
    label: str = event.certainty
    if event.claimed_by:
        label += f": {event.claimed_by}"
    return _t(label, CERTAINTY_STYLE.get(event.certainty, ""))


def _places(ds: Dataset, event: Event) -> str:
    return ", ".join(ds.places[p].name for p in event.places)


TableRow = Sequence[Text] | Text
"""One Text per column, or a bare Text: a section heading (a life period)."""


def _fitted(env: Environment, columns: Sequence[Column], rows: Sequence[TableRow], *, main: int,
            title: str | None = None) -> None:  # fmt: skip
    """A table whose columns fit the width without breaking a word, or, if none can, one block per row.

    ``main`` is the column that names the row (the event's title): it gets
    space first, carries the section headings, and heads each block when stacked.
    """
    out = console(env)
    texts: list[list[str]] = [[] for _ in columns]
    for row in rows:
        if isinstance(row, Text):
            texts[main].append(row.plain)
        else:
            for i, cell in enumerate(row):
                texts[i].append(cell.plain)
    widths = fit(columns, texts, out.width)  # rich's own width: under TERM=dumb it is 80, whatever COLUMNS says
    if widths is None:
        _stacked(out, columns, rows, main, title)
        return
    table = Table(box=_box(env), show_edge=False, pad_edge=False, title=title, title_justify="left")
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column.header, justify=column.justify, width=width, overflow="fold")  # type: ignore[arg-type]
    for n, row in enumerate(rows):
        if isinstance(row, Text):
            if n:
                table.add_section()
            cells = [Text("")] * len(columns)
            cells[main] = row
            table.add_row(*cells)
        else:
            table.add_row(*row)
    out.print(table)


def _stacked(out: Console, columns: Sequence[Column], rows: Sequence[TableRow], main: int, title: str | None) -> None:
    """One block per row: its name, then its other values on an indented line."""
    if title:
        out.print(Text(title, style="bold"))
    for n, row in enumerate(rows):
        if isinstance(row, Text):
            if n:
                out.print()
            out.print(row)
            continue
        name, _, ident = row[main].plain.partition("\n")  # a title, and perhaps its id beneath
        head = Text(name, style="bold")
        if ident:
            head.append("  " + ident, style="dim")
        out.print(head)
        line = Text("  ", overflow="fold")
        shown = [(column, row[i]) for i, column in enumerate(columns) if i != main and row[i].plain]
        for j, (column, cell) in enumerate(shown):
            if j:
                line.append(" · ", style="dim")
            if column.label:
                line.append(column.label + " ", style="dim")
            line.append(cell.plain.replace("\n", ", "), style=cell.style)
        out.print(line)


def _named(title: str, ident: str | None) -> Text:
    """A record's name with its id dim beneath it, to copy into sedov show."""
    text = _t(title)
    if ident:
        text.append("\n")
        text.append_text(_t(ident, "dim"))
    return text


def events_table(
    env: Environment,
    ds: Dataset,
    hits: Sequence[Hit],
    *,
    grouped: bool,
    ranged: bool,
    relative: Mapping[str, Distance] | None = None,
    reverse: bool = False,
    ids: bool = True,
) -> None:
    """The chronology; ``grouped`` gives each life period one heading (see queries.by_period)."""
    if grouped:
        hits = by_period(ds, hits, lambda hit: hit.event, reverse=reverse)
    columns = [
        Column("When", priority=2, max_width=22, comfortable=16),
        Column("Age", priority=6, max_width=16, justify="right", label="age"),
        Column("Event", priority=1),
        Column("Places", priority=4, max_width=24),
        Column("Certainty", priority=3, max_width=28),
    ]
    if relative is not None:
        columns.append(Column("Relative", priority=5, max_width=26))
    rows: list[TableRow] = []
    period = None
    for hit in hits:
        event = hit.event
        if grouped and event.period != period:
            period = event.period
            rows.append(_t(ds.periods[period].name, "bold underline"))
        when = _t(event.when)
        if ranged and hit.possible:  # "certain" is the unmarked case
            when.append("\n")
            when.append_text(_t("possible", "italic"))
        row = [
            when,
            _t(age_words(age_json(hit.age), hit.age.status, event.kind)),
            _named(event.title, event.id if ids else None),
            _t(_places(ds, event)),
            certainty_text(event),
        ]
        if relative is not None:
            row.append(_t(relative[event.id].text))
        rows.append(row)
    _fitted(env, columns, rows, main=2)


def listing_table(
    env: Environment,
    listing: Listing,
    columns: Iterable[str] | None = None,
    *,
    beneath: Mapping[str, str] | None = None,
) -> None:
    """A table of a listing's flat rows, for the indexes. ``beneath`` shows one field dim under another
    (a person's id under the name) instead of in a column of its own."""
    wanted = list(columns or listing.columns)
    under = dict(beneath or {})
    spec = [
        Column(name.replace("_", " ").capitalize(), priority=1 if i == 0 else 2 + i,
               justify="right" if name.startswith("events") else "left", label=name.replace("_", " "))
        for i, name in enumerate(wanted)
    ]  # fmt: skip
    rows: list[TableRow] = []
    for row in listing.rows:
        values = dict(zip(listing.columns, row, strict=True))
        rows.append(
            [_named(values[name], values[under[name]]) if name in under else _t(values[name]) for name in wanted]
        )
    _fitted(env, spec, rows, main=0)


def place_tree(env: Environment, ds: Dataset, listing: Listing) -> None:
    """The gazetteer as a tree, with direct and contained event counts."""
    shown = {r["id"]: r for r in listing.records}
    root = Tree(Text("Places"), guide_style="dim")
    nodes: dict[str | None, Tree] = {}

    def label(rec: dict[str, object]) -> Text:
        text = _t(str(rec["name"]), "bold")
        text.append(_t(f"  {rec['kind']}", "dim"))
        direct = int(str(rec["events"]))
        text.append(_t(f"  {plural(direct, 'event')}, {rec['events_within']} within"))
        return text

    def attach(place_id: str) -> Tree:
        if place_id in nodes:
            return nodes[place_id]
        place = ds.places[place_id]
        parent = root if place.parent is None or place.parent not in shown else attach(place.parent)
        node = parent.add(label(shown[place_id]))
        nodes[place_id] = node
        return node

    for rec in listing.records:
        attach(str(rec["id"]))
    console(env).print(root)


def event_panel(env: Environment, record: dict[str, object]) -> None:
    """Every field of one event, the quote in full, and its neighbours.

    The date comes as the article words it; the EDTF form is labelled as
    such, and each possible first and last day says where it comes from.
    """
    table = Table(box=None, show_header=False, pad_edge=False, show_edge=False)
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value")
    style = CERTAINTY_STYLE.get(str(record["certainty"]), "")
    kind = str(record["kind"])
    rows: list[tuple[str, str]] = [
        ("id", str(record["id"])),
        ("title", str(record["title"])),
        ("when", str(record["when"])),
        ("kind", "a moment (it happened once)" if kind == "moment" else "a period (it lasted)"),
        ("earliest", _day_words(record["start"], record["start_basis"])),
        ("latest", _day_words(record["end"], record["end_basis"])),
        ("age", age_words(record["age"] if isinstance(record["age"], dict) else None, str(record["status"]), kind)
         or _status_words(str(record["status"]))),
        ("period", str(record["period"])),
    ]  # fmt: skip
    for key in ("places", "people", "tags"):
        value = record[key]
        rows.append((key, ", ".join(map(str, value)) if isinstance(value, list) else str(value)))
    for key, value in rows:
        table.add_row(key, _t(value))
    certainty = str(record["certainty"]) + (f" (claimed by {record['claimed_by']})" if record["claimed_by"] else "")
    table.add_row("certainty", _t(certainty, style))
    if record["disputes"]:
        table.add_row("disputes", _t(", ".join(map(str, record["disputes"]))))  # type: ignore[call-overload]
    table.add_row("summary", _t(str(record["summary"])))
    if record["note"]:
        table.add_row("note", _t(str(record["note"])))
    for bound in record["bounds"]:  # type: ignore[attr-defined]
        day = format_day(date.fromisoformat(bound["date"]))
        table.add_row(f"{bound['side']} bound", _t(f"{day} [{basis_words(bound['basis'])}] {bound['note']}"))
    source = record["source"]
    assert isinstance(source, dict)
    table.add_row("section", _t(source["section"]))
    table.add_row("quote", _t(f"“{source['quote']}”", "italic"))
    table.add_row("EDTF", _t(str(record["date"]), "dim"))
    table.add_row("previous", _t(str(record["previous"] or "(first event)")))
    table.add_row("next", _t(str(record["next"] or "(last event)")))
    console(env).print(table)


def _day_words(iso: object, basis: object) -> str:
    if iso is None:
        return "open"
    text = format_day(date.fromisoformat(str(iso)))
    return text if basis == "date" else f"{text} ({basis_words(basis)})"  # type: ignore[arg-type]


def _status_words(status: str) -> str:
    return {"after-death": "none: after his death", "before-birth": "none: before his birth"}.get(status, "")


def lines(env: Environment, texts: Iterable[str], style: str = "") -> None:
    out = console(env)
    for line in texts:
        out.print(_t(line, style))


CHART_STYLES = {
    "title": "bold",
    "axis": "dim",
    "label": "",
    "legend": "dim",
    "residence.known": "blue",
    "residence.uncertain": "blue dim",
    "activity.known": "green",
    "activity.uncertain": "green dim",
    "period.known": "cyan",
    "period.uncertain": "cyan dim",
    "event.exact": "bold yellow",
    "event.loose": "yellow",
    "cursor": "bold red",
}


def _chart_text(rows: Sequence[Row]) -> list[Text]:
    lines = []
    for row in rows:
        line = Text(no_wrap=True, overflow="crop")
        for text, style in row:
            line.append(visible(text), style=CHART_STYLES.get(style, ""))
        lines.append(line)
    return lines


def chart(env: Environment, rows: Sequence[Row]) -> None:
    out = console(env)
    for line in _chart_text(rows):
        out.print(line)


def chart_svg(rows: Sequence[Row], width: int, title: str) -> str:
    """The same picture as an SVG document, through rich's own exporter."""
    recorder = Console(
        file=io.StringIO(), record=True, width=width, force_terminal=True, color_system="truecolor",
        highlight=False, markup=False, emoji=False, legacy_windows=False,
    )  # fmt: skip
    for line in _chart_text(rows):
        recorder.print(line)
    return recorder.export_svg(title=visible(title))


def anniversaries_table(env: Environment, items: Sequence[Anniversary], heading: str) -> None:
    columns = [
        Column("When", priority=2, max_width=22, comfortable=16),
        Column("Years ago", priority=5, justify="right", label="years ago"),
        Column("Age", priority=6, max_width=16, justify="right", label="age"),
        Column("Event", priority=1),
        Column("Match", priority=3, max_width=22),
    ]
    rows: list[TableRow] = []
    for item in items:
        if item.match == "exact":
            days = abs(item.offset)
            side = "after" if item.offset > 0 else "before"
            match = "this day" if item.offset == 0 else f"{plural(days, 'day')} {side}"
        else:
            match = "sometime this month"
        rows.append([
            _t(item.event.when), _t(str(item.years_ago)),
            _t(age_words(age_json(item.age), item.age.status, item.event.kind)),
            _t(item.event.title), _t(match, "italic" if item.match == "month" else ""),
        ])  # fmt: skip
    _fitted(env, columns, rows, main=3, title=heading)


def stats(env: Environment, data: dict[str, Any]) -> None:
    """The summary as a few small tables."""
    out = console(env)
    life = data["lifespan"]
    death_age = life["age_at_death"]
    age = age_text(death_age) if death_age else "unknown"
    out.print(
        _t(
            f"{data['subject']}: born {life['born']}, "
            + (f"died {life['died']}, aged {age}" if life["died"] else "death not known")
            + f"; {data['events']} events",
            "bold",
        )
    )

    def small(title: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        table = Table(box=_box(env), show_edge=False, pad_edge=False, title=title, title_justify="left")
        for h in headers:
            table.add_column(h)
        for row in rows:
            table.add_row(*[_t("" if v is None else str(v)) for v in row])
        out.print()
        out.print(table)

    small("Where and what, in years", ("Era", "Places", "From", "To", "Years", "Certainty"),
          ((e["name"], ", ".join(e["places"]), e["from"]["when"], e["to"]["when"], e["years"]["text"],
            e["certainty"]) for e in data["eras"]))  # fmt: skip
    small("Events per period", ("Period", "Events"), ((p["period"], p["events"]) for p in data["periods"]))
    small("Certainty", ("Certainty", "Events"), data["certainty"].items())
    least = [(e["id"], e["when"], "open-ended" if e["days"] is None else e["days"]) for e in data["least_precise"]]
    small("Least precise dates", ("ID", "When", "Possible days"), least)
    gaps = data["gaps"]
    small("Gaps", ("Kind", "Years"), (
        ("no event can fall in", ", ".join(gaps["no_event_possible"]) or "none"),
        ("no event certainly falls in", ", ".join(gaps["no_event_certain"]) or "none"),
    ))  # fmt: skip
    small("Claims resting on one attribution", ("ID", "Claim", "Certainty", "Claimed by"),
          ((c["id"], c["title"], c["certainty"], c["claimed_by"]) for c in data["single_attribution"]))  # fmt: skip


PROGRESS_FROM = 200_000
"""Characters of article from which ``extract`` shows a progress bar (about a second of work)."""


@contextmanager
def progress_callback(env: Environment, total: int) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr, for a person at a terminal and a long input; None otherwise.

    The bar goes to stderr so that ``extract … > draft.json`` still shows it,
    and never to a pipe or a file, where it would be noise.
    """
    if total < PROGRESS_FROM or not _isatty(env.stderr):
        yield None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Console(file=env.stderr, highlight=False, markup=False, emoji=False)
    with Progress(
        TextColumn("extracting"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"), TimeRemainingColumn(),
        console=bar, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("extract", total=total)

        def advance(done: int, whole: int) -> None:
            progress.update(task, completed=done, total=whole)

        yield advance
