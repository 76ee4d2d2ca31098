"""Terminal rendering: the only module that builds rich objects.

Dataset text enters rich only as :class:`rich.text.Text` built from
:func:`~sedov_cli.text.visible`, never as a markup string, so ``[bold]`` in a
title stays literal. Colour is added only when the Environment allows it.
Under NO_COLOR, TERM=dumb or in a pipe, certainty shows as words, not colour.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from .anniversaries import Anniversary
from .chart import Row
from .environment import Environment
from .model import Dataset, Event
from .queries import Hit, by_period
from .records import Listing, age_json, age_text, age_words
from .relative import Distance
from .sentences import basis_words
from .text import visible

CERTAINTY_STYLE = {
    "stated": "green",
    "inferred": "cyan",
    "attributed": "yellow",
    "disputed": "bold magenta",
}


def console(env: Environment) -> Console:
    return Console(
        file=env.stdout,
        force_terminal=env.stdout_isatty,
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


def events_table(
    env: Environment,
    ds: Dataset,
    hits: Sequence[Hit],
    *,
    grouped: bool,
    ranged: bool,
    relative: Mapping[str, Distance] | None = None,
    reverse: bool = False,
) -> None:
    """The chronology; ``grouped`` gives each life period one heading (see queries.by_period)."""
    table = Table(box=_box(env), show_edge=False, pad_edge=False)
    if not grouped:
        table.add_column("ID", no_wrap=True, style="dim")
    else:
        hits = by_period(ds, hits, lambda hit: hit.event, reverse=reverse)
    table.add_column("When", max_width=22)
    table.add_column("Age", justify="right", max_width=14)
    table.add_column("Event")
    table.add_column("Places", max_width=20)
    table.add_column("Certainty", max_width=20)
    if ranged:
        table.add_column("Match", no_wrap=True)
    if relative is not None:
        table.add_column("Relative", max_width=24)
    extra = ranged + (relative is not None)
    period = None
    for hit in hits:
        event = hit.event
        if grouped and event.period != period:
            if period is not None:
                table.add_section()
            period = event.period
            heading = [Text("")] * (3 if grouped else 4)
            heading[2 if grouped else 3] = _t(ds.periods[period].name, "bold underline")
            table.add_row(*heading, *[Text("")] * (2 + extra))
        cells = [] if grouped else [_t(event.id, "dim")]
        cells += [
            _t(event.when),
            _t(age_words(age_json(hit.age), hit.age.status, event.kind)),
            _t(event.title),
            _t(_places(ds, event)),
            certainty_text(event),
        ]
        if ranged:
            cells.append(_t("possible" if hit.possible else "yes", "italic" if hit.possible else ""))
        if relative is not None:
            cells.append(_t(relative[event.id].text))
        table.add_row(*cells)
    console(env).print(table)


def listing_table(env: Environment, listing: Listing, columns: Iterable[str] | None = None) -> None:
    """A generic table of a listing's flat rows, for the indexes."""
    wanted = list(columns or listing.columns)
    index = [listing.columns.index(c) for c in wanted]
    table = Table(box=_box(env), show_edge=False, pad_edge=False)
    for name in wanted:
        table.add_column(
            name.replace("_", " ").capitalize(),
            justify="right" if name.startswith("events") else "left",
            no_wrap=name in ("id", "name", "tag", "events"),
        )
    for row in listing.rows:
        table.add_row(*[_t(row[i]) for i in index])
    console(env).print(table)


def place_tree(env: Environment, ds: Dataset, listing: Listing) -> None:
    """The gazetteer as a tree, with direct and contained event counts."""
    shown = {r["id"]: r for r in listing.records}
    root = Tree(Text("Places"), guide_style="dim")
    nodes: dict[str | None, Tree] = {}

    def label(rec: dict[str, object]) -> Text:
        text = _t(str(rec["name"]), "bold")
        text.append(_t(f"  {rec['kind']}", "dim"))
        text.append(_t(f"  {rec['events']} event(s), {rec['events_within']} within"))
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
    """Every field of one event, the quote in full, and its neighbours."""
    table = Table(box=None, show_header=False, pad_edge=False, show_edge=False)
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value")
    style = CERTAINTY_STYLE.get(str(record["certainty"]), "")
    for key in ("id", "title", "when", "date", "kind", "start", "end", "age", "status", "period", "places", "people",
                "tags"):  # fmt: skip
        value = record[key]
        if key == "age":
            value = age_words(value if isinstance(value, dict) else None, str(record["status"]), str(record["kind"]))
        if key in ("start", "end"):  # a day from a bound says where it comes from
            basis = record[f"{key}_basis"]
            value = "open" if value is None else f"{value}" + ("" if basis == "date" else f" ({basis_words(basis)})")  # type: ignore[arg-type]
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        table.add_row(key, _t("" if value is None else str(value)))
    certainty = str(record["certainty"]) + (f" (claimed by {record['claimed_by']})" if record["claimed_by"] else "")
    table.add_row("certainty", _t(certainty, style))
    if record["disputes"]:
        table.add_row("disputes", _t(", ".join(map(str, record["disputes"]))))  # type: ignore[call-overload]
    table.add_row("summary", _t(str(record["summary"])))
    if record["note"]:
        table.add_row("note", _t(str(record["note"])))
    for bound in record["bounds"]:  # type: ignore[attr-defined]
        table.add_row(f"{bound['side']} bound", _t(f"{bound['date']} [{basis_words(bound['basis'])}] {bound['note']}"))
    source = record["source"]
    assert isinstance(source, dict)
    table.add_row("section", _t(source["section"]))
    table.add_row("quote", _t(f"“{source['quote']}”", "italic"))
    table.add_row("previous", _t(str(record["previous"] or "(first event)")))
    table.add_row("next", _t(str(record["next"] or "(last event)")))
    console(env).print(table)


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
    table = Table(box=_box(env), show_edge=False, pad_edge=False, title=heading, title_justify="left")
    table.add_column("When", max_width=22)
    table.add_column("Years ago", justify="right", no_wrap=True)
    table.add_column("Age", justify="right", no_wrap=True)
    table.add_column("Event")
    table.add_column("Match", max_width=22)
    for item in items:
        if item.match == "exact":
            match = (
                "this day"
                if item.offset == 0
                else f"{abs(item.offset)} day(s) {'after' if item.offset > 0 else 'before'}"
            )
        else:
            match = "sometime this month"
        table.add_row(
            _t(item.event.when), _t(str(item.years_ago)),
            _t(age_words(age_json(item.age), item.age.status, item.event.kind)),
            _t(item.event.title), _t(match, "italic" if item.match == "month" else ""),
        )  # fmt: skip
    console(env).print(table)


def stats(env: Environment, data: dict[str, Any]) -> None:
    """The summary as a few small tables."""
    out = console(env)
    life = data["lifespan"]
    death_age = life["age_at_death"]
    age = age_text(death_age) if death_age else "unknown"
    out.print(
        _t(
            f"{data['subject']}: born {life['birth']}, "
            + (f"died {life['death']}, aged {age}" if life["death"] else "death not known")
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
          ((e["name"], ", ".join(e["places"]), _range(e["from"]), _range(e["to"]), e["years"]["text"],
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


def _range(bounds: dict[str, str | None]) -> str:
    lo, hi = bounds["earliest"] or "open", bounds["latest"] or "open"
    return lo if lo == hi else f"{lo} to {hi}"
