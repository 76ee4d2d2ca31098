"""The command line: parse, ask the domain, render, and map errors to exit codes.

Commands stay thin. They turn options into domain values (``queries.Filters``),
get records back, and hand them to one output function. Every error is turned
into an exit code in one place, :meth:`SedovGroup.main`: usage errors 2,
runtime errors 1, and a traceback only with ``--debug``.
"""

from __future__ import annotations

import errno
import functools
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from . import __version__
from .dataset import DatasetError, Problem, load
from .dates import LifeStatus
from .environment import ClosedStream, Environment, ReaderAware, silence_stdout
from .errors import ExitStatus, OutsideLife, SedovError, UnknownName, UsageProblem
from .formats import FORMATS, exporter
from .model import Dataset
from .queries import (
    Filters,
    MatchMode,
    age_of,
    all_tags,
    matching_people,
    matching_places,
    neighbours,
    resolve_event,
    resolve_person,
    resolve_when,
    select,
    tag_counts,
)
from .records import (
    Listing,
    age_listing,
    age_record,
    events_listing,
    people_listing,
    places_listing,
    problems_listing,
    show_listing,
    show_record,
    tags_listing,
)
from .text import fold, visible

# Tests replace this to run commands "at a terminal" or "in a pipe".
environment_factory: Callable[[], Environment] = Environment.from_system


def _say_error(stream: TextIO, message: str) -> None:
    for line in message.splitlines() or [""]:
        stream.write(f"sedov: error: {visible(line)}\n")
    stream.flush()


class SedovGroup(TyperGroup):
    """Runs the app and is the one place where errors become exit codes.

    ``debug`` is set by the root callback once ``--debug`` has been *parsed* as
    the global option, never by spotting the word in argv: ``show -- --debug``
    and ``events --search --debug`` do not ask for tracebacks. Even under
    ``--debug``, a usage error is reported, not raised: it has no traceback
    worth reading.
    """

    debug = False

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        self.debug = False
        code: int = ExitStatus.SUCCESS
        try:
            rv = super().main(argv, prog_name or "sedov", complete_var, standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else ExitStatus.SUCCESS
            sys.stdout.flush()  # a failure to write must surface here, not at interpreter exit
        except BrokenPipeError:  # the reader has what it wanted: `sedov --help | head -1`
            silence_stdout()
            code = ExitStatus.SUCCESS
        except (SedovError, typer.TyperException) as exc:
            # under --debug a runtime error shows its traceback; a usage error (exit 2) never has one worth reading
            if self.debug and getattr(exc, "exit_code", ExitStatus.ERROR) != ExitStatus.USAGE:
                raise
            code = self._report(exc)
        except typer.Abort:
            _say_error(sys.stderr, "aborted")
            code = ExitStatus.ERROR
        except KeyboardInterrupt:
            code = ExitStatus.INTERRUPTED
        except OSError as exc:
            if self.debug:
                raise
            if exc.errno not in _OUTPUT_ERRNOS:
                _say_error(sys.stderr, _internal(exc))
            else:  # written through click (help, version) rather than the Environment
                _say_error(sys.stderr, f"cannot write output: {exc.strerror or exc}")
            code = ExitStatus.ERROR
        except Exception as exc:
            if self.debug:
                raise
            _say_error(sys.stderr, _internal(exc))
            code = ExitStatus.ERROR
        if not standalone_mode:
            return int(code)
        sys.exit(int(code))

    @staticmethod
    def _report(exc: Exception) -> int:
        if isinstance(exc, DatasetError):
            _say_error(sys.stderr, "the dataset cannot be used:\n" + "\n".join(map(str, exc.problems)))
            return ExitStatus.ERROR
        if isinstance(exc, SedovError):
            _say_error(sys.stderr, str(exc))
            return exc.exit_code
        assert isinstance(exc, typer.TyperException)
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `sedov`: help is the answer
            sys.stdout.write(exc.format_message() + "\n")
            return ExitStatus.SUCCESS
        message = " ".join(exc.format_message().split())
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            message += f" (see '{ctx.command_path} --help')"
        _say_error(sys.stderr, message)
        return int(getattr(exc, "exit_code", ExitStatus.ERROR))


# Errors from writing standard output: a full disk, a closed descriptor, a dead device.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EBADF, errno.EIO, errno.EDQUOT, errno.EFBIG})


def _internal(exc: BaseException) -> str:
    return f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)"


app = typer.Typer(
    cls=SedovGroup,
    name="sedov",
    help=(
        "Explore the life of Lev Sedov (1906–1938): dated, cited events with honest uncertain dates.\n\n"
        "\b\nExamples:\n  sedov timeline\n  sedov age-at 1933\n  sedov events --place Paris --from 1933\n"
        "  sedov events --json | jq '.[].title'"
    ),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class State:
    """Per-invocation settings from the global options."""

    data: str | None
    env: Environment
    _dataset: Dataset | None = field(default=None, repr=False)

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = load(self.data)
        return self._dataset


def _state(ctx: typer.Context) -> State:
    state = ctx.find_root().obj
    assert isinstance(state, State)
    return state


# --- completion ---------------------------------------------------------------


def _completion_dataset(ctx: typer.Context) -> Dataset | None:
    try:
        return load(ctx.find_root().params.get("data"))
    except Exception:  # completion must never print an error into the shell
        return None


def _complete(names: Callable[[Dataset], list[str]]) -> Callable[[typer.Context, str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        ds = _completion_dataset(ctx)
        if ds is None:
            return []
        prefix = fold(incomplete)
        return sorted({n for n in names(ds) if fold(n).startswith(prefix)})

    return complete


complete_place = _complete(lambda ds: [p.name for p in ds.places.values()])
complete_person = _complete(lambda ds: [n for p in ds.people.values() for n in p.names])
complete_tag = _complete(all_tags)
complete_event = _complete(lambda ds: list(ds.by_id))


# --- options, as reusable aliases ---------------------------------------------

PlaceOpt = Annotated[
    list[str] | None,
    typer.Option("--place", "-p", metavar="NAME", help="Events at a place or anywhere inside it (repeat to OR).",
                 autocompletion=complete_place),
]  # fmt: skip
PersonOpt = Annotated[
    list[str] | None,
    typer.Option("--person", metavar="NAME", help="Events involving a person, by any name or alias (repeat to OR).",
                 autocompletion=complete_person),
]  # fmt: skip
TagOpt = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", metavar="TAG", help="Events with a tag (repeat to OR).", autocompletion=complete_tag),
]
CertaintyOpt = Annotated[
    list[str] | None,
    typer.Option("--certainty", metavar="LEVEL", help="stated, inferred, attributed or disputed (repeat to OR)."),
]
FromOpt = Annotated[str | None, typer.Option("--from", metavar="WHEN", help="Start: a year, month, day or event id.")]
ToOpt = Annotated[str | None, typer.Option("--to", metavar="WHEN", help="End: a year, month, day or event id.")]
MatchOpt = Annotated[
    str,
    typer.Option(
        "--match",
        metavar="MODE",
        help="overlap: events that may fall in the range; within: only those certainly in it.",
    ),
]
SearchOpt = Annotated[
    str | None,
    typer.Option(
        "--search", "-s", metavar="TEXT", help="Text in titles, summaries and quotes (case- and accent-blind)."
    ),
]
ReverseOpt = Annotated[bool, typer.Option("--reverse", "-r", help="Latest first.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=0, metavar="N", help="At most N events.")]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"One of: {', '.join(FORMATS)}. Default: table at a terminal, tsv in a pipe.",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the output file even if it is read-only.")]
RelativeOpt = Annotated[
    str | None,
    typer.Option(
        "--relative-to",
        metavar="ID",
        help="Add each event's distance from this event id, e.g. death.",
        autocompletion=complete_event,
    ),
]


def _format(fmt: str | None, as_json: bool, default: str) -> str:
    if as_json and fmt not in (None, "json"):
        raise UsageProblem(f"--json conflicts with --format {fmt}")
    if as_json:
        return "json"
    if fmt is None:
        return default
    if fmt.lower() not in FORMATS:
        raise UnknownName("format", fmt, [f for f in FORMATS if f.startswith(fmt[:1].lower())][:2])
    return fmt.lower()


def _listing_format(state: State, fmt: str | None, as_json: bool) -> str:
    return _format(fmt, as_json, "table" if state.env.stdout_isatty else "tsv")


def _emit(state: State, listing: Listing, fmt: str, table: Callable[[], None], empty_note: str) -> None:
    """Write a listing in ``fmt``; the table is drawn by ``table``."""
    env = state.env
    if not listing.records:
        env.note(empty_note)
        if fmt == "table":
            return
    if fmt == "table":
        with env.pipe_guard():
            table()
    else:
        env.write(exporter(fmt)(listing))


def _filters(
    place: list[str] | None,
    person: list[str] | None,
    tag: list[str] | None,
    certainty: list[str] | None,
    start: str | None,
    end: str | None,
    match: str,
    search: str | None,
) -> Filters:
    if match not in ("overlap", "within"):
        raise UnknownName("--match mode", match, ["overlap", "within"])
    mode: MatchMode = "within" if match == "within" else "overlap"
    return Filters(
        places=tuple(place or ()),
        people=tuple(person or ()),
        tags=tuple(tag or ()),
        certainties=tuple(certainty or ()),
        start=start,
        end=end,
        match=mode,
        search=search,
    )


FILTER_OPTIONS: dict[str, tuple[Any, Any]] = {
    "place": (PlaceOpt, None),
    "person": (PersonOpt, None),
    "tag": (TagOpt, None),
    "certainty": (CertaintyOpt, None),
    "start": (FromOpt, None),
    "end": (ToOpt, None),
    "match": (MatchOpt, "overlap"),
    "search": (SearchOpt, None),
}


def filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the shared event filters, declared once, as one ``filters: Filters`` argument.

    typer reads options from the signature, so the wrapper's signature is the
    command's own parameters plus the filters (as sqlite-utils' output_options
    does for click).
    """
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "filters"]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        for name, (annotation, default) in FILTER_OPTIONS.items()
    ]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        chosen = {name: kwargs.pop(name) for name in FILTER_OPTIONS}
        command(*args, filters=_filters(**chosen), **kwargs)

    wrapper.__annotations__ = {p.name: p.annotation for p in [*own, *added]} | {"return": None}
    setattr(wrapper, "__signature__", signature.replace(parameters=[*own, *added]))  # noqa: B010
    return wrapper


# --- global options -------------------------------------------------------------


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"sedov {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            metavar="PATH",
            envvar="SEDOV_DATA",
            show_envvar=True,
            help="A dataset file of the same schema to use instead of the packaged one.",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Explore the life of Lev Sedov (1906–1938)."""
    if debug and isinstance(ctx.command, SedovGroup):
        ctx.command.debug = True
    ctx.obj = State(data, environment_factory())


# --- commands ---------------------------------------------------------------------


def _events_command(
    ctx: typer.Context,
    filters: Filters,
    reverse: bool,
    limit: int | None,
    fmt: str | None,
    as_json: bool,
    grouped: bool,
    relative_to: str | None = None,
) -> None:
    state = _state(ctx)
    ds = state.dataset
    chosen = _listing_format(state, fmt, as_json)
    reference = resolve_event(ds, relative_to) if relative_to is not None else None
    selection = select(ds, filters, reverse=reverse, limit=limit)
    ranged = selection.range is not None
    relative = None
    if reference is not None:
        from .relative import distance

        relative = {h.event.id: distance(h.event.span, reference.span, reference.id) for h in selection.hits}
    listing = events_listing(ds, selection.hits, ranged, relative)

    def table() -> None:
        from . import render

        render.events_table(
            state.env, ds, selection.hits, grouped=grouped, ranged=ranged, relative=relative, reverse=reverse
        )

    _emit(state, listing, chosen, table, "No events match.")


@app.command()
@filter_options
def timeline(
    ctx: typer.Context,
    filters: Filters,
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The chronology: every event in order, with his age at it.

    Grouped by life period at a terminal; disputed and attributed claims say
    who makes them.

    \b
    Examples:
      sedov timeline
      sedov timeline --from 1931 --to 1933 --reverse
      sedov timeline --certainty disputed --json
    """
    _events_command(ctx, filters, reverse, limit, fmt, as_json, grouped=True)


@app.command()
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
    """Events filtered by place, person, tag, certainty, period and text.

    Filters of different kinds AND together; a repeated filter ORs. With
    --from/--to, an event that only may fall in the range is marked possible.

    \b
    Examples:
      sedov events --place Paris --from 1933
      sedov events --place France --tag health
      sedov events --person Zborowski --format csv
      sedov events --search седов --json | jq -r '.[].id'
      sedov events --relative-to death --from 1935
    """
    _events_command(ctx, filters, reverse, limit, fmt, as_json, grouped=False, relative_to=relative_to)


@app.command()
def show(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="ID", help="An event id.", autocompletion=complete_event)],
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One event in full: dates, bounds, certainty, the verbatim quote, and its neighbours.

    \b
    Examples:
      sedov show marriage
      sedov show murder-hypothesis --json
    """
    state = _state(ctx)
    ds = state.dataset
    event = resolve_event(ds, event_id)
    before, after = neighbours(ds, event)
    record = show_record(ds, event, before, after)
    chosen = _listing_format(state, fmt, as_json)

    def table() -> None:
        from . import render

        render.event_panel(state.env, record)

    _emit(state, show_listing(record), chosen, table, "")


@app.command("age-at")
def age_at(
    ctx: typer.Context,
    when: Annotated[str, typer.Argument(metavar="WHEN", help="A year, month, day or event id.")],
    person: Annotated[
        str | None,
        typer.Option(
            "--person", metavar="NAME", help="Whose age (default: the subject).", autocompletion=complete_person
        ),
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show the bounds used and their sources.")] = False,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """How old he was at a time: exact for an exact date, a range otherwise.

    \b
    Examples:
      sedov age-at 1933
      sedov age-at "30 January 1933"
      sedov age-at marriage --explain
      sedov age-at 1933 --person "Lev" --json
    """
    from .sentences import age_sentence, before_birth
    from .sentences import explain as explanation

    state = _state(ctx)
    ds = state.dataset
    who = resolve_person(ds, person) if person else ds.person
    asked = resolve_when(ds, when)
    answer = age_of(ds, who, asked)
    if answer.status is LifeStatus.BEFORE_BIRTH:
        raise OutsideLife(before_birth(who, asked))
    chosen = _format(fmt, as_json, "text")
    if chosen in ("text", "table"):
        text = [age_sentence(who, asked, answer)]
        if explain:
            text += ["", *explanation(who, asked, answer)]
        state.env.write("".join(visible(line) + "\n" for line in text))
        return
    record = age_record(who, asked, answer)
    if explain:
        record["explanation"] = explanation(who, asked, answer)
    state.env.write(exporter(chosen)(age_listing(record)))


@app.command()
def people(
    ctx: typer.Context,
    search: SearchOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The people index, with how many events cite each.

    \b
    Examples:
      sedov people
      sedov people --search volkov --json
    """
    state = _state(ctx)
    ds = state.dataset
    listing = people_listing(ds, matching_people(ds, search))
    chosen = _listing_format(state, fmt, as_json)

    def table() -> None:
        from . import render

        render.listing_table(state.env, listing, ("id", "name", "relation", "birth", "death", "events"))

    _emit(state, listing, chosen, table, "No people match.")


@app.command()
def places(
    ctx: typer.Context,
    search: SearchOpt = None,
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
    state = _state(ctx)
    ds = state.dataset
    matched = matching_places(ds, search)
    chosen = _listing_format(state, fmt, as_json)
    listing = places_listing(ds, matched)

    def table() -> None:
        from . import render

        # A tree needs the way down to each match, so ancestors come along.
        keep = {p.id for p in matched} | {a.id for p in matched for a in ds.ancestors(p.id)}
        render.place_tree(state.env, ds, places_listing(ds, [p for p in ds.places.values() if p.id in keep]))

    _emit(state, listing, chosen, table, "No places match.")


@app.command()
def tags(
    ctx: typer.Context,
    search: SearchOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every tag, with how many events carry it.

    \b
    Examples:
      sedov tags
      sedov tags --format json
    """
    state = _state(ctx)
    ds = state.dataset
    listing = tags_listing(tag_counts(ds, search))
    chosen = _listing_format(state, fmt, as_json)

    def table() -> None:
        from . import render

        render.listing_table(state.env, listing)

    _emit(state, listing, chosen, table, "No tags match.")


CHART_MAX_WIDTH = 1000
"""No terminal is wider than this; beyond it a chart only costs time (COLUMNS=1000000)."""


def _today() -> date:
    """Today's date; one place, so that a test can pin it."""
    return date.today()


@app.command()
@filter_options
def chart(
    ctx: typer.Context,
    filters: Filters,
    after_death: Annotated[
        bool, typer.Option("--after-death", help="Extend the axis to the posthumous events.")
    ] = False,
    svg: Annotated[
        str | None, typer.Option("--svg", metavar="FILE", help="Also write the chart as SVG (- for stdout only).")
    ] = None,
    force: ForceOpt = False,
) -> None:
    """A picture of the life: residences and activities as bars, events as marks.

    An uncertain start or end is drawn lighter than a known stretch (':' rather
    than '#' without colour). Filters choose the events; --place also chooses
    the bars.

    \b
    Examples:
      sedov chart
      sedov chart --place France --after-death
      sedov chart --svg sedov.svg
    """
    import shutil

    from .atomic import write_file
    from .chart import ASCII, UNICODE, layout, visible_events
    from .queries import resolve_places

    state = _state(ctx)
    ds = state.dataset
    events = [hit.event for hit in select(ds, filters).hits]
    eras = list(ds.eras)
    if filters.places:
        wanted = set().union(*(resolve_places(ds, q) for q in filters.places))
        eras = [era for era in eras if wanted.intersection(era.places)]
    life = ds.subject_life
    assert life.birth.earliest is not None
    first = life.birth.earliest.year
    last = life.death.latest.year if life.death and life.death.latest else _today().year
    if after_death:
        last = max([last] + [d.year for e in events for d in (e.span.earliest, e.span.latest) if d])
    shown, before, after = visible_events(events, first, last)
    terminal = shutil.get_terminal_size((80, 24)).columns if state.env.stdout_isatty else 80
    width = min(state.env.width or terminal, CHART_MAX_WIDTH)
    glyphs = UNICODE if state.env.color else ASCII
    rows = layout(ds, shown, eras, width=width, first_year=first, last_year=last, glyphs=glyphs)

    from . import render

    if svg != "-":
        with state.env.pipe_guard():
            render.chart(state.env, rows)
    if before:
        state.env.note(f"{before} event(s) before {first} not shown")
    if after:
        state.env.note(f"{after} event(s) after {last} not shown; --after-death shows them")
    if svg is not None:
        svg_width = max(width, 100)
        svg_rows = layout(ds, shown, eras, width=svg_width, first_year=first, last_year=last, glyphs=UNICODE)
        picture = render.chart_svg(svg_rows, svg_width, f"{ds.person.name}: a life")
        if svg == "-":
            state.env.write(picture)
        else:
            write_file(svg, picture, force=force)
            state.env.note(f"wrote {svg}")


@app.command("on-this-day")
def on_this_day(
    ctx: typer.Context,
    month_day: Annotated[str | None, typer.Argument(metavar="[MM-DD]", help="Month and day; default: today.")] = None,
    window: Annotated[
        int, typer.Option("--window", "-w", min=0, max=183, metavar="N", help="Match within ±N days.")
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
      sedov on-this-day 02-20 --window 5 --json
    """
    from .anniversaries import on_this_day as find
    from .anniversaries import parse_month_day
    from .dates import DateError, format_day
    from .records import anniversaries_listing

    state = _state(ctx)
    ds = state.dataset
    try:
        now = date.fromisoformat(today) if today else _today()
    except ValueError:
        raise UsageProblem(f"--today {today!r} is not a day; use YYYY-MM-DD") from None
    try:
        month, day = parse_month_day(month_day) if month_day else (now.month, now.day)
    except DateError as exc:
        raise UsageProblem(str(exc)) from None
    items = find(ds, month, day, now, window)
    listing = anniversaries_listing(ds, items)
    chosen = _listing_format(state, fmt, as_json)
    asked = format_day(date(2000, month, day)).rsplit(" ", 1)[0]
    heading = f"On {asked}" + (f", ±{window} days" if window else "")

    def table() -> None:
        from . import render

        render.anniversaries_table(state.env, items, heading)

    _emit(state, listing, chosen, table, f"Nothing is dated to {asked}.")


@app.command()
def stats(
    ctx: typer.Context,
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help="table or json.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """A summary: lifespan, years in each place, events per period and certainty, gaps.

    \b
    Examples:
      sedov stats
      sedov stats --json | jq .gaps
    """
    from .stats import summary

    state = _state(ctx)
    chosen = _format(fmt, as_json, "table")
    if chosen not in ("table", "json"):
        raise UsageProblem(f"stats is a summary, not a listing: use --format table or json, not {chosen}")
    data = summary(state.dataset)
    if chosen == "json":
        from .formats.json_format import dumps

        state.env.write(dumps(data) + "\n")
        return
    from . import render

    with state.env.pipe_guard():
        render.stats(state.env, data)


@app.command("export")
@filter_options
def export_command(
    ctx: typer.Context,
    filters: Filters,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="timelinejs, ics, csv, markdown or json.")
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here (atomically for a plain file); - is stdout."),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Take the events into other tools: TimelineJS, calendars, spreadsheets, notes, or sedov itself.

    json writes a dataset in sedov's own schema, loadable with --data; a
    disputed claim always comes with the claim it disputes.

    \b
    Examples:
      sedov export --format timelinejs --output sedov-timeline.json
      sedov export --format ics --place Paris > paris.ics
      sedov export --format markdown --from 1929 --to 1933
      sedov export --format json --tag nkvd -o nkvd.json && sedov --data nkvd.json timeline
    """
    from datetime import UTC, datetime

    from .atomic import write_file
    from .formats import EXPORTS, ExportContext, export

    state = _state(ctx)
    ds = state.dataset
    name = fmt.lower()
    if name not in EXPORTS:
        raise UnknownName("export format", fmt, [f for f in EXPORTS if f.startswith(name[:1])][:2])
    events = [hit.event for hit in select(ds, filters).hits]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        generated = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    except ValueError:
        raise UsageProblem(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None
    text = export(name)(ExportContext(ds, events, generated))
    if output is None or output == "-":
        state.env.write(text)
    else:
        write_file(output, text, force=force)
        state.env.note(f"wrote {len(events)} event(s) to {output}")


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None, typer.Argument(help="Dataset file (default: --data, $SEDOV_DATA or the packaged one).")
    ] = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Check a dataset and list every problem, one per line; exit 1 if there are any.

    Without --format it prints one "file: record: field: message" line per
    problem, like a linter, at a terminal and in a pipe alike.

    \b
    Examples:
      sedov validate my-sedov.json
      sedov validate my-sedov.json --json | jq length
    """
    state = _state(ctx)
    target = path if path is not None else state.data
    ds: Dataset | None = None
    try:
        ds = load(target)
        problems: tuple[Problem, ...] = ()
    except DatasetError as exc:
        problems = exc.problems
    shown = target or os.environ.get("SEDOV_DATA") or "the packaged dataset"
    chosen = _format(fmt, as_json, "text")
    if chosen not in ("text", "table"):
        state.env.write(exporter(chosen)(problems_listing(problems)))
    elif problems:
        state.env.write("".join(visible(str(p)) + "\n" for p in problems))
    else:
        assert ds is not None
        state.env.write(
            f"ok: {visible(shown)}: {len(ds.events)} events, {len(ds.people)} people, {len(ds.places)} places\n"
        )
    if problems:
        raise typer.Exit(1)


def run(argv: Sequence[str]) -> int:
    """Run one command line and return its exit status (see :class:`ExitStatus`)."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # started with `>&-`: fail writes loudly, not silently
            setattr(sys, name, ClosedStream())
    if not isinstance(sys.stdout, ReaderAware):
        sys.stdout = ReaderAware(sys.stdout)
    command = typer.main.get_command(app)
    return int(command.main(list(argv), standalone_mode=False))


def main() -> None:
    """Entry point for the ``sedov`` script and ``python -m sedov_cli``."""
    sys.exit(run(sys.argv[1:]))
