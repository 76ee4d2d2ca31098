"""The views of the dataset as listings: timeline, events, show, people, places, periods, tags,
on-this-day and stats.

Each builds an :class:`~sedov_cli.commands.common.Answer` and hands it to
:func:`~sedov_cli.commands.common.respond` (stats draws its own summary).
The app registers them in ``cli``, in the order ``--help`` lists them.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ..environment import Environment
from ..errors import UsageProblem
from ..model import Dataset
from ..options import (
    FormatOpt,
    JsonOpt,
    LimitOpt,
    RelativeOpt,
    ReverseOpt,
    SummaryFormat,
    complete_event,
    filter_options,
    state,
)
from ..queries import (
    Bystander,
    Filters,
    bystanders,
    matching_people,
    matching_places,
    neighbours,
    resolve_event,
    select,
    tag_counts,
)
from ..records import (
    events_listing,
    everyone_listing,
    people_listing,
    places_listing,
    show_listing,
    show_record,
    tags_listing,
)
from ..text import plural
from . import common
from .common import Answer, choose_format, respond

if TYPE_CHECKING:
    from ..dates import Span
    from ..relative import Distance


def _events_answer(
    ds: Dataset, filters: Filters, reverse: bool, limit: int | None, *, grouped: bool, ids: bool,
    relative_to: str | None = None,
) -> Answer:  # fmt: skip
    reference = resolve_event(ds, relative_to) if relative_to is not None else None
    selection = select(ds, filters, reverse=reverse, limit=limit)
    ranged = selection.range is not None
    relative: Callable[[Span, str], Distance] | None = None
    if reference is not None:
        from ..relative import distance

        def relative(span: Span, ident: str) -> Distance:
            return distance(span, reference.span, reference.id, same=ident == reference.id)

    def draw(env: Environment) -> None:
        from .. import render

        distances = ({h.event.id: relative(h.event.span, h.event.id) for h in selection.hits}
                     if relative is not None else None)  # fmt: skip
        render.events_table(env, ds, selection.hits, grouped=grouped, ranged=ranged, relative=distances,
                            reverse=reverse, ids=ids)  # fmt: skip

    def empty() -> str:  # only when nothing matched: it reads every count of people, and more
        return " ".join(["No events match.", *(_bystander_note(b) for b in bystanders(ds, filters))])

    return Answer(events_listing(ds, selection, ranged, relative), draw, empty)


def _bystander_note(b: Bystander) -> str:
    """Why a person filter found nothing, and where the name does appear, with the command to see it."""
    where = []
    if b.claims:
        shown = ", ".join(b.claims[:3]) + (f" and {len(b.claims) - 3} more" if len(b.claims) > 3 else "")
        where.append(f"makes the claim of {shown}")
    if b.search is not None:
        where.append(f"is named in {plural(b.found, 'event')}: sedov events --search {shlex.quote(b.search)}")
    said = f"{b.person.name} takes part in no event"
    return f"{said}, but {' and '.join(where)}." if where else f"{said}."


@filter_options
def timeline(
    ctx: typer.Context,
    filters: Filters,
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    ids: Annotated[bool, typer.Option("--ids", help="Show each event's id, for sedov show.")] = False,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The chronology: every event in order, with his age at it.

    At a terminal it is grouped by life period, each period once, in the
    order of the life. Disputed and attributed claims say who makes them.

    \b
    Examples:
      sedov timeline
      sedov timeline --from 1931 --to 1933 --reverse
      sedov timeline --ids --period "Exile in Paris"
      sedov timeline --certainty disputed --json
    """
    respond(ctx, fmt, as_json, lambda ds: _events_answer(ds, filters, reverse, limit, grouped=True, ids=ids))


@filter_options
def events(
    ctx: typer.Context,
    filters: Filters,
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    relative_to: RelativeOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Events filtered by place, person, tag, period, certainty, date and text.

    Filters of different kinds AND together; a repeated filter ORs. With
    --from/--to, an event that only may fall in the range is marked possible.

    \b
    Examples:
      sedov events --place Paris --from 1933
      sedov events --place France --tag health
      sedov events --person Zborowski --format csv
      sedov events --search седов --json
      sedov events --relative-to death --from 1935
    """
    respond(ctx, fmt, as_json, lambda ds: _events_answer(ds, filters, reverse, limit, grouped=False, ids=True,
                                                          relative_to=relative_to))  # fmt: skip


def show(
    ctx: typer.Context,
    event_id: Annotated[
        str, typer.Argument(metavar="ID", help="An event id, or the start of one.", autocompletion=complete_event)
    ],
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One event in full: its date as the article words it, bounds, certainty, the quote, its neighbours.

    \b
    Examples:
      sedov show marriage
      sedov show murder --json
    """

    def make(ds: Dataset) -> Answer:
        event = resolve_event(ds, event_id)
        before, after = neighbours(ds, event)
        record = show_record(ds, event, before, after)
        followed = ds.event(event.follows) if event.follows else None

        def draw(env: Environment) -> None:
            from .. import render

            render.event_panel(env, record, before, after, followed)

        return Answer(show_listing(record), draw)

    respond(ctx, fmt, as_json, make)


PEOPLE_SEARCH = "Names, aliases, ids and relations containing TEXT (case- and accent-blind)."
PLACES_SEARCH = "Place names, aliases and ids containing TEXT (case- and accent-blind)."
TAGS_SEARCH = "Tags containing TEXT (case- and accent-blind)."


def people(
    ctx: typer.Context,
    search: Annotated[str | None, typer.Option("--search", "-s", metavar="TEXT", help=PEOPLE_SEARCH)] = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The people index, with how many events cite each.

    \b
    Examples:
      sedov people
      sedov people --search volkov --json
    """

    def make(ds: Dataset) -> Answer:
        listing = people_listing(ds, matching_people(ds, search)) if search is not None else everyone_listing(ds)

        def draw(env: Environment) -> None:
            from .. import render
            from ..dates import parse_edtf

            def words(edtf: str) -> str:
                return parse_edtf(edtf).display if edtf else ""

            render.listing_table(env, listing, ("name", "relation", "birth", "death", "events"), beneath={"name": "id"},
                                 shown={"birth": words, "death": words})  # fmt: skip

        return Answer(listing, draw, "No people match.")

    respond(ctx, fmt, as_json, make)


def places(
    ctx: typer.Context,
    search: Annotated[str | None, typer.Option("--search", "-s", metavar="TEXT", help=PLACES_SEARCH)] = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The gazetteer as a tree, with event counts (direct and within).

    \b
    Examples:
      sedov places
      sedov places --search thiais
      sedov places --format csv
    """

    def make(ds: Dataset) -> Answer:
        matched = matching_places(ds, search)

        def draw(env: Environment) -> None:
            from .. import render

            # A tree needs the way down to each match, so ancestors come along.
            keep = {p.id for p in matched} | {a.id for p in matched for a in ds.ancestors(p.id)}
            render.place_tree(env, ds, places_listing(ds, [p for p in ds.places.values() if p.id in keep]))

        return Answer(places_listing(ds, matched), draw, "No places match.")

    respond(ctx, fmt, as_json, make)


PERIODS_SEARCH = "Period names and ids containing TEXT (case- and accent-blind)."


def periods(
    ctx: typer.Context,
    search: Annotated[str | None, typer.Option("--search", "-s", metavar="TEXT", help=PERIODS_SEARCH)] = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The life periods, in the order of the life, with their events and the days they reach.

    A period's name or id is what --period takes.

    \b
    Examples:
      sedov periods
      sedov periods --search exile --json
    """
    from ..records import periods_listing
    from ..text import fold

    def make(ds: Dataset) -> Answer:
        chosen = [p for p in ds.periods.values() if search is None or fold(search) in fold(f"{p.id} {p.name}")]
        listing = periods_listing(ds, chosen)

        def draw(env: Environment) -> None:
            from .. import render
            from ..dates import format_day

            def words(iso: str) -> str:
                return format_day(date.fromisoformat(iso)) if iso else "open"

            render.listing_table(env, listing, ("name", "first", "last", "events"), beneath={"name": "id"},
                                 shown={"first": words, "last": words})  # fmt: skip

        return Answer(listing, draw, "No periods match.")

    respond(ctx, fmt, as_json, make)


def tags(
    ctx: typer.Context,
    search: Annotated[str | None, typer.Option("--search", "-s", metavar="TEXT", help=TAGS_SEARCH)] = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every tag, with how many events carry it.

    \b
    Examples:
      sedov tags
      sedov tags --format json
    """

    def make(ds: Dataset) -> Answer:
        listing = tags_listing(tag_counts(ds, search))

        def draw(env: Environment) -> None:
            from .. import render

            render.listing_table(env, listing)

        return Answer(listing, draw, "No tags match.")

    respond(ctx, fmt, as_json, make)


def _window(value: int) -> int:
    if not 0 <= value <= 183:  # half a year either side covers every day
        raise typer.BadParameter(f"{value} is not from 0 to 183")
    return value


def on_this_day(
    ctx: typer.Context,
    month_day: Annotated[
        str | None, typer.Argument(metavar="[DAY]", help="A day of the year: 02-16, 'Feb 16', '16 February'.")
    ] = None,
    window: Annotated[
        int, typer.Option("--window", "-w", metavar="N", callback=_window, help="Match within ±N days (0 to 183).")
    ] = 0,
    today: Annotated[
        str | None, typer.Option("--today", metavar="YYYY-MM-DD", help="Count 'years ago' from this day.")
    ] = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Events on this day of the year; events known only to the month are listed apart.

    \b
    Examples:
      sedov on-this-day
      sedov on-this-day 02-16
      sedov on-this-day "Feb 20" --window 5 --json
    """
    from ..anniversaries import on_this_day as find
    from ..anniversaries import parse_month_day
    from ..dates import DateError, format_day
    from ..records import anniversaries_listing

    try:
        now = date.fromisoformat(today) if today else common.today()
    except ValueError:
        raise UsageProblem(f"--today {today!r} is not a day; use YYYY-MM-DD, e.g. 2026-11-24") from None
    try:
        month, day = parse_month_day(month_day) if month_day else (now.month, now.day)
    except DateError as exc:
        raise UsageProblem(str(exc)) from None
    asked = format_day(date(2000, month, day)).rsplit(" ", 1)[0]
    heading = f"On {asked}" + (f", ±{plural(window, 'day')}" if window else "")

    def make(ds: Dataset) -> Answer:
        items = find(ds, month, day, now, window)

        def draw(env: Environment) -> None:
            from .. import render

            render.anniversaries_table(env, items, heading)

        return Answer(anniversaries_listing(ds, items), draw, f"Nothing is dated to {asked}.")

    respond(ctx, fmt, as_json, make)


def stats(
    ctx: typer.Context,
    fmt: Annotated[
        SummaryFormat | None, typer.Option("--format", "-f", case_sensitive=False, help="Default: table.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """A summary: lifespan, years in each place, events per period and certainty, gaps.

    \b
    Examples:
      sedov stats
      sedov stats --json
    """
    from ..stats import summary

    st = state(ctx)
    chosen = choose_format(fmt, as_json, "table")
    data = summary(st.dataset)
    if chosen == "json":
        from ..formats.json_format import dumps

        st.env.write(dumps(data) + "\n")
        return
    from .. import render

    with st.env.pipe_guard(), st.env.paged():
        render.stats(st.env, data)
