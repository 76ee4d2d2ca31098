"""Terminal rendering: the only module that builds rich objects.

Dataset text enters rich only as :class:`rich.text.Text` built from
:func:`~sedov_cli.text.visible`, never as a markup string, so ``[bold]`` in a
title stays literal. Colour is added only when the Environment allows it.
Under NO_COLOR, TERM=dumb or in a pipe, certainty shows as words, not colour.
"""

from __future__ import annotations

import calendar
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from rich import box
from rich.cells import cell_len
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
from .render_layout import GLUE, STACK_BELOW, Column, breaks, fit, glue_dates
from .sentences import FOLLOWS_WORDS, PRECEDES_WORDS, basis_words
from .text import plural, visible

CERTAINTY_STYLE = {
    "stated": "green",
    "inferred": "cyan",
    "attributed": "yellow",
    "disputed": "bold magenta",
}


UNBOUNDED = 100_000
"""The width of a table in a pipe when COLUMNS does not give one: every column at its natural width."""


class _Trimmed:
    """A stream that drops the spaces rich pads each line's end with: in a file or a pipe they are noise."""

    def __init__(self, stream: Any) -> None:
        self._stream, self._held = stream, ""

    def write(self, text: str) -> int:
        *whole, self._held = (self._held + text).split("\n")
        if whole:
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in whole))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def console(env: Environment) -> Console:
    return Console(
        file=env.stdout if env.stdout_isatty else _Trimmed(env.stdout),  # type: ignore[arg-type]
        force_terminal=env.stdout_isatty or env.color,  # --color always and FORCE_COLOR colour a pipe too
        color_system="auto" if env.color else None,
        no_color=not env.color,  # rich reads NO_COLOR itself; --color always must win over it
        width=env.width or (None if env.stdout_isatty else UNBOUNDED),
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
    return "; ".join(ds.places[p].name for p in event.places)  # "St Hugh's College, Oxford" has a comma of its own


TableRow = Sequence[Text] | Text
"""One Text per column, or a bare Text: a section heading (a life period)."""


def _fitted(env: Environment, columns: Sequence[Column], rows: Sequence[TableRow], *, main: int,
            title: str | None = None, stack_below: int = STACK_BELOW) -> None:  # fmt: skip
    """A table whose columns fit the width without breaking a word, or, if none can, one block per row.

    ``main`` is the column that names the row (the event's title): it gets
    space first, carries the section headings, and heads each block when stacked.
    """
    out = console(env)
    rows = [_glued(row) if isinstance(row, Text) else [_glued(cell) for cell in row] for row in rows]
    texts: list[list[str]] = [[] for _ in columns]
    for row in rows:
        if isinstance(row, Text):  # a heading spans the row: the other cells are empty
            for i, column_texts in enumerate(texts):
                column_texts.append(row.plain if i == main else "")
        else:
            for i, cell in enumerate(row):
                texts[i].append(cell.plain)
    widths = fit(columns, texts, out.width, main=main, stack_below=stack_below)
    if widths is None:
        _stacked(out, columns, rows, main, title)
        return
    if title:  # above the table, not its title: a title is wrapped to the table's width ("Events per / period")
        out.print(Text(title, style="table.title"))
    table = Table(box=_box(env), show_edge=False, pad_edge=False)
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column.header, justify=column.justify, width=width, overflow="fold")  # type: ignore[arg-type]
    for n, row in enumerate(rows):
        if isinstance(row, Text):
            if n:
                table.add_section()
            cells = [Text("")] * len(columns)
            cells[main] = _wrapped(row, widths[main])
            table.add_row(*cells)
        else:
            table.add_row(*(_wrapped(cell, width) for cell, width in zip(row, widths, strict=True)))
    out.print(table)


def _glued(cell: Text) -> Text:
    """``cell`` with each date in words held on one line (the same length: every style keeps its place)."""
    plain = cell.plain
    glued = glue_dates(plain)
    if glued is plain:
        return cell
    return Text(glued, style=cell.style, justify=cell.justify, overflow=cell.overflow, spans=cell.spans)


def _wrapped(cell: Text, width: int) -> Text:
    """``cell`` broken into lines at its plain spaces, as the widths were weighed (rich would also break
    at the no-break spaces that hold a date together), the no-break spaces then shown as spaces."""
    plain = cell.plain
    cuts = breaks(plain, width)
    if not cuts and GLUE not in plain:
        return cell
    chars = list(plain.replace(GLUE, " "))
    for cut in cuts:
        chars[cut] = "\n"  # a space for a newline: the same length, so every style keeps its place
    return Text("".join(chars), style=cell.style, justify=cell.justify, overflow=cell.overflow, spans=cell.spans)


def _stacked(out: Console, columns: Sequence[Column], rows: Sequence[TableRow], main: int, title: str | None) -> None:
    """One block per row: its name, then its other values on an indented line."""
    if title:
        out.print(Text(title, style="bold"))
    for n, row in enumerate(rows):
        if isinstance(row, Text):
            if n:
                out.print()
            out.print(_wrapped(row, out.width))
            continue
        name, _, ident = row[main].plain.partition("\n")  # a title, and perhaps its id beneath
        head = Text(name, style="bold", overflow="fold")
        if ident:
            head.append("  " + ident, style="dim")
        for piece in _hanging(head, out.width, 0, STACK_CONTINUED):
            out.print(piece)
        line = Text(overflow="fold")
        shown = [(column, row[i]) for i, column in enumerate(columns) if i != main and row[i].plain]
        for j, (column, cell) in enumerate(shown):
            if j:
                line.append(" · ", style="dim")
            if column.label:  # a no-break space: the label stays on the line of its value
                line.append(column.label + "\xa0", style="dim")
            line.append(cell.plain.replace("\n", ", "), style=cell.style)
        for piece in _hanging(line, out.width, STACK_INDENT, STACK_CONTINUED):
            out.print(piece)


STACK_INDENT, STACK_CONTINUED = 2, 4
"""The stacked layout indents a record's details by 2, and every continued line by 4 (a hanging indent)."""


def _hanging(text: Text, width: int, first: int, rest: int) -> list[Text]:
    """``text`` wrapped at word boundaries to ``width``: the first line indented by ``first``,
    the others by ``rest``. Styles are kept; a word wider than a line is folded by rich. A
    separator (" · ") stays at the end of its line, and a no-break space holds two words together."""
    plain = text.plain
    starts: list[int] = []
    room, used = width - first, 0
    for word in re.finditer(r"[^ ]+(?: ·(?= |$))?", plain):
        size = cell_len(word.group())
        if used and used + 1 + size > room:
            starts.append(word.start())
            room, used = width - rest, size
        else:
            used += size + (1 if used else 0)
    pieces = []
    for n, piece in enumerate(text.divide(starts)):
        piece.rstrip()
        lead = len(piece.plain) - len(piece.plain.lstrip(" "))
        indented = Text(" " * (first if n == 0 else rest), overflow="fold")
        rest_of = piece[lead:]
        indented.append_text(Text(rest_of.plain.replace("\xa0", " "), style=rest_of.style, spans=rest_of.spans))
        pieces.append(indented)
    return pieces


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
        Column("When", priority=2),
        Column("Age", priority=6, justify="right", label="age"),
        Column("Event", priority=1),
        Column("Places", priority=4),
        Column("Certainty", priority=3),
    ]
    if relative is not None:
        columns.append(Column("Relative", priority=5))
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
    shown: Mapping[str, Callable[[str], str]] | None = None,
) -> None:
    """A table of a listing's flat rows, for the indexes. ``beneath`` shows one field dim under another
    (a person's id under the name) instead of in a column of its own; ``shown`` turns a field's flat
    value into the words a reader sees (an EDTF date into "24 February 1906")."""
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
        for name, words in (shown or {}).items():
            values[name] = words(values[name])
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
        direct, within = int(str(rec["events"])), int(str(rec["events_within"]))
        count = plural(direct, "event") if direct else "no events"
        if within != direct:  # the places inside add some: say so in words that cannot read as a sum
            count += f" here; {within} counting the places inside"
        text.append(_t(f"  {count}"))
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


def event_panel(env: Environment, record: dict[str, object], before: Event | None, after: Event | None,
                followed: Event | None = None) -> None:  # fmt: skip
    """Every field of one event, the quote in full, and its neighbours by title, date and id.

    The date comes in words (the article's wording where the dataset keeps it); the EDTF form is labelled as
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
        if bound["follows"] in FOLLOWS_WORDS:
            day += f" ({FOLLOWS_WORDS[bound['follows']]})"
        if bound["precedes"] in PRECEDES_WORDS:
            day += f" ({PRECEDES_WORDS[bound['precedes']]})"
        table.add_row(f"{bound['side']} bound", _t(f"{day} [{basis_words(bound['basis'])}] {bound['note']}"))
    source = record["source"]
    assert isinstance(source, dict)
    table.add_row("section", _t(source["section"]))
    table.add_row("quote", _t(f"“{source['quote']}”", "italic"))
    table.add_row("EDTF", _t(str(record["date"]), "dim"))
    if followed is not None:
        table.add_row("follows", _named(f"{followed.title} ({followed.when})", followed.id))
    for label, near, none in (("previous", before, "(first event)"), ("next", after, "(last event)")):
        table.add_row(label, _named(f"{near.title} ({near.when})", near.id) if near else _t(none))
    console(env).print(table)


def _day_words(iso: object, basis: object) -> str:
    if iso is None:
        return "open"
    text = format_day(date.fromisoformat(str(iso)))
    return text if basis == "date" else f"{text} ({basis_words(basis)})"  # type: ignore[arg-type]


def _status_words(status: str) -> str:
    return {"after-death": "none: after the death", "before-birth": "none: before the birth",
            "unknown": "unknown: no birth given"}.get(status, "")  # fmt: skip


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
    "key": "bold",
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
        Column("When", priority=2),
        Column("Years ago", priority=5, justify="right", label="years ago"),
        Column("Age", priority=6, justify="right", label="age"),
        Column("Event", priority=1),
        Column("Match", priority=3),
    ]
    rows: list[TableRow] = []
    for item in items:
        if item.match == "exact":
            days = abs(item.offset)
            side = "after" if item.offset > 0 else "before"
            match = "this day" if item.offset == 0 else f"{plural(days, 'day')} {side}"
        else:  # its month, named: a wide --window touches several
            first = item.event.span.earliest
            match = f"sometime in {calendar.month_name[first.month]}" if first else "sometime this month"
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
            f"{data['subject']}: "
            + (f"born {life['born']}, " if life["born"] else "birth not given, ")
            + (f"died {life['died']}, aged {age}" if life["died"] else "death not known")
            + f"; {data['events']} events",
            "bold",
        )
    )

    def small(title: str, headers: Sequence[str], rows: Iterable[Sequence[object]], main: int = 0,
              none: str = "none") -> None:  # fmt: skip
        """One small table, laid out as the listings are: whole words, stacked when narrow; a table with
        no row says so in a line, rather than showing its headers over nothing."""
        columns = [Column(h, priority=1 if i == main else 2 + i, label=h.lower()) for i, h in enumerate(headers)]
        out.print()
        cells: list[TableRow] = [[_t("" if v is None else str(v)) for v in row] for row in rows]
        if not cells:
            out.print(_t(f"{title}: {none}"))
            return
        _fitted(env, columns, cells, main=main, title=title, stack_below=0)  # a small table is kept while it fits

    small("Where and what, in years", ("Era", "Places", "From", "To", "Years", "Certainty"),
          ((e["name"], ", ".join(e["places"]), e["from"]["when"], e["to"]["when"], e["years"]["text"],
            e["certainty"]) for e in data["eras"]), none="none (the dataset gives no eras)")  # fmt: skip
    small("Events per period", ("Period", "Events"), ((p["period"], p["events"]) for p in data["periods"]))
    small("Certainty", ("Certainty", "Events"), data["certainty"].items())
    least = [(e["id"], e["when"], "open-ended" if e["days"] is None else e["days"]) for e in data["least_precise"]]
    small("Least precise dates", ("ID", "When", "Possible days"), least)
    gaps = data["gaps"]
    small("Gaps", ("Kind", "Years"), (
        ("no event can fall in", ", ".join(gaps["no_event_possible"]) or "none"),
        ("no event certainly falls in", ", ".join(gaps["no_event_certain"]) or "none"),
    ))  # fmt: skip
    small("Claims resting on one attribution", ("Claim", "ID", "Certainty", "Claimed by"),
          ((c["title"], c["id"], c["certainty"], c["claimed_by"]) for c in data["single_attribution"]),
          none="none (no claim is attributed or disputed)")  # fmt: skip


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


class _IndexBar:
    """The bar behind options.IndexBar: "checking" while the file is read and validated (how long
    is not known), then the events as they go into the index."""

    def __init__(self, env: Environment) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Console(file=env.stderr, highlight=False, markup=False, emoji=False)
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=bar, transient=True,
        )  # fmt: skip
        self._progress.start()
        self._task = self._progress.add_task("checking the dataset (first use)", total=None)

    def advance(self, done: int, total: int) -> None:
        # the events go in first; SQLite then sorts them into the index, which the bar cannot count
        what = "indexing" if done < total else "building the index"
        self._progress.update(self._task, description=what, completed=done, total=total)

    def close(self) -> None:
        self._progress.stop()


def index_progress(env: Environment) -> _IndexBar:
    return _IndexBar(env)
