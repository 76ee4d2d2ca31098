"""Every option, declared once: the aliases commands share, the filters, and the global options.

Options with a closed set of values are enums, so ``--help`` lists them,
completion offers them and a typo is answered with the valid values.
Commands take ``Annotated`` aliases from here (as fastapi-cli does) and never
spell an option twice.

The global options (``--data``, ``--debug``, ``--color``, ``--no-pager``, ``--no-cache``) are
accepted after the command too: ``sedov timeline --data FILE`` works as
``sedov --data FILE timeline`` does. They are parsed by click as options of
each command, so ``show -- --data`` and ``--search --data`` mean what they say.

``cli`` imports this module for every command line, ``sedov --version`` included, so the
domain (the dataset, its model, the queries) is imported only where a value is used.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup, TyperOption

from .environment import Environment
from .errors import UsageProblem

if TYPE_CHECKING:
    from .model import Dataset
    from .queries import Filters


@dataclass
class State:
    """Per-invocation settings from the global options, and the dataset they choose."""

    data: str | None
    env: Environment
    use_cache: bool | None = None  # None: the index unless $SEDOV_NO_CACHE says otherwise
    _dataset: Dataset | None = field(default=None, repr=False)

    @property
    def dataset(self) -> Dataset:
        from .dataset import load

        if self._dataset is None:
            bar = IndexBar(self.env)
            try:
                self._dataset = load(self.data, use_cache=self.use_cache, progress=bar)
            finally:
                bar.close()
        return self._dataset


INDEX_PROGRESS_FROM = 5_000_000
"""Bytes of dataset from which a first load shows a progress bar (about 15,000 events, half a second)."""


class IndexBar:
    """A progress bar on stderr while a large dataset is validated and indexed for the first time.

    Only for a person at a terminal: never in a pipe or a file, and never for a
    file seen before (which is not indexed again). rich is imported only when a
    bar is actually drawn, so a pipe's start-up does not pay for it.
    """

    def __init__(self, env: Environment) -> None:
        self._env = env
        self._bar: Any = None

    def checking(self, size: int) -> None:
        from .environment import _isatty

        # both at a terminal: in a pipe nothing goes to stderr (the output contract), whoever reads it
        if size >= INDEX_PROGRESS_FROM and self._env.stdout_isatty and _isatty(self._env.stderr):
            from .render import index_progress

            self._bar = index_progress(self._env)

    def indexing(self, done: int, total: int) -> None:
        if self._bar is not None:
            self._bar.advance(done, total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def state(ctx: typer.Context) -> State:
    found = ctx.find_root().obj
    assert isinstance(found, State)
    return found


# --- closed sets of values ----------------------------------------------------------


class ListingFormat(StrEnum):
    """The formats of formats.REGISTRY with use 'listing' (a test keeps the two in step)."""

    TABLE = "table"
    JSON = "json"
    NDJSON = "ndjson"
    CSV = "csv"
    TSV = "tsv"
    MARKDOWN = "markdown"


class ExportFormat(StrEnum):
    """The formats of formats.REGISTRY with use 'export'."""

    TIMELINEJS = "timelinejs"
    ICS = "ics"
    CSV = "csv"
    MARKDOWN = "markdown"
    JSON = "json"


class SummaryFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class CertaintyLevel(StrEnum):
    STATED = "stated"
    INFERRED = "inferred"
    ATTRIBUTED = "attributed"
    DISPUTED = "disputed"


class Match(StrEnum):
    """How an event must fall in a --from/--to range: the same two words as the output's ``match``."""

    POSSIBLE = "possible"
    CERTAIN = "certain"


class ColorMode(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


# --- completion ---------------------------------------------------------------------


def _completion_dataset(ctx: typer.Context) -> Dataset | None:
    from .dataset import load

    try:
        return load(ctx.find_root().params.get("data"))
    except Exception:  # completion must never print an error into the shell
        return None


def _complete(names: Callable[[Dataset], list[str]]) -> Callable[[typer.Context, str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from .text import fold

        ds = _completion_dataset(ctx)
        if ds is None:
            return []
        prefix = fold(incomplete)
        return sorted({n for n in names(ds) if fold(n).startswith(prefix)})

    return complete


complete_place = _complete(lambda ds: [p.name for p in ds.places.values()])
complete_person = _complete(lambda ds: [n for p in ds.people.values() for n in p.names])
complete_tag = _complete(lambda ds: _all_tags(ds))


def _all_tags(ds: Dataset) -> list[str]:
    from .queries import all_tags

    return all_tags(ds)


complete_event = _complete(lambda ds: list(ds.by_id))
complete_period = _complete(lambda ds: [p.name for p in ds.periods.values()])


# --- options, as reusable aliases ---------------------------------------------------

WHEN_HELP = "a year (1933), month (Feb 1933), day (30 January 1933), 'early 1933', 'c. 1933', '1930s' or an event id"

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
PeriodOpt = Annotated[
    list[str] | None,
    typer.Option("--period", metavar="NAME", help="Events of a life period, by name or id (repeat to OR).",
                 autocompletion=complete_period),
]  # fmt: skip
CertaintyOpt = Annotated[
    list[CertaintyLevel] | None,
    typer.Option("--certainty", case_sensitive=False, help="How the article supports the event (repeat to OR)."),
]
FromOpt = Annotated[str | None, typer.Option("--from", metavar="WHEN", help=f"Start: {WHEN_HELP}.")]
ToOpt = Annotated[str | None, typer.Option("--to", metavar="WHEN", help=f"End: {WHEN_HELP}.")]
MatchOpt = Annotated[
    Match | None,
    typer.Option(
        "--match",
        case_sensitive=False,
        help="With --from/--to: possible (the default) keeps events that may fall in the range; certain only those "
        "surely in it.",
    ),
]
SearchOpt = Annotated[
    str | None,
    typer.Option(
        "--search", "-s", metavar="TEXT", help="Text in titles, summaries and quotes (case- and accent-blind)."
    ),
]
ReverseOpt = Annotated[bool, typer.Option("--reverse", "-r", help="Latest first.")]


def at_least_zero(value: int | None) -> int | None:
    """A count of zero or more, checked here rather than by an IntRange, whose "[x>=0]" help says nothing."""
    if value is not None and value < 0:
        raise typer.BadParameter(f"{value} is less than 0; give 0 or more")
    return value


LimitOpt = Annotated[
    int | None, typer.Option("--limit", "-n", metavar="N", callback=at_least_zero, help="At most N events (0 or more).")
]
FormatOpt = Annotated[
    ListingFormat | None,
    typer.Option("--format", "-f", case_sensitive=False, help="Default: table at a terminal, tsv in a pipe."),
]
WordsFormatOpt = Annotated[
    ListingFormat | None,
    typer.Option("--format", "-f", case_sensitive=False, help="Default: words, at a terminal and in a pipe alike."),
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


# --- the shared filters -------------------------------------------------------------------

FILTER_OPTIONS: dict[str, tuple[Any, Any]] = {
    "place": (PlaceOpt, None),
    "person": (PersonOpt, None),
    "tag": (TagOpt, None),
    "period": (PeriodOpt, None),
    "certainty": (CertaintyOpt, None),
    "start": (FromOpt, None),
    "end": (ToOpt, None),
    "match": (MatchOpt, None),
    "search": (SearchOpt, None),
}


def _filters(
    place: list[str] | None,
    person: list[str] | None,
    tag: list[str] | None,
    period: list[str] | None,
    certainty: list[CertaintyLevel] | None,
    start: str | None,
    end: str | None,
    match: Match | None,
    search: str | None,
) -> Filters:
    from .queries import Filters

    if match is not None and start is None and end is None:  # a flag that would silently do nothing
        raise UsageProblem(f"--match {match.value} does nothing without --from or --to: give a date range")
    return Filters(
        places=tuple(place or ()),
        people=tuple(person or ()),
        tags=tuple(tag or ()),
        periods=tuple(period or ()),
        certainties=tuple(c.value for c in certainty or ()),
        start=start,
        end=end,
        match="certain" if match is Match.CERTAIN else "possible",
        search=search,
    )


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


# --- global options, before or after the command --------------------------------------------

DATA_HELP = "A dataset file of the same schema to use instead of the packaged one."
DEBUG_HELP = "Show tracebacks for runtime errors."
COLOR_HELP = "Colour in tables: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it), always or never."
PAGER_HELP = "Never page long output (a pager is used at a terminal: SEDOV_PAGER, PAGER or less)."
CACHE_HELP = "Read the dataset file itself, not its index in the cache (SEDOV_NO_CACHE=1 does the same)."
NO_COLOR_HELP = "Short for --color never."
GLOBAL_EPILOG = (
    "Global options, here or before the command: --data PATH, --debug, --color <auto|always|never>, --no-color, "
    "--no-pager, --no-cache (see sedov --help)."
)
"""Each command's help names the global options once, as gh lists inherited flags, instead of
repeating their twelve lines of help."""


def apply_color(env: Environment, mode: ColorMode | str | None) -> None:
    if mode is None or mode == ColorMode.AUTO:
        return
    env.color = mode == ColorMode.ALWAYS


def _set_data(ctx: typer.Context, param: object, value: str | None) -> None:
    if value is not None:
        state(ctx).data = value
        state(ctx)._dataset = None


def _set_debug(ctx: typer.Context, param: object, value: bool) -> None:
    root = ctx.find_root().command
    if value and hasattr(root, "debug"):
        root.debug = True


def _set_color(ctx: typer.Context, param: object, value: str | None) -> None:
    if value is None:
        return
    try:
        mode = ColorMode(value.lower())
    except ValueError:
        choices = ", ".join(m.value for m in ColorMode)
        raise typer.BadParameter(f"{value!r} is not one of {choices}", param_hint="'--color'") from None
    apply_color(state(ctx).env, mode)


def _set_no_color(ctx: typer.Context, param: object, value: bool) -> None:
    if value:
        apply_color(state(ctx).env, ColorMode.NEVER)


def _set_no_pager(ctx: typer.Context, param: object, value: bool) -> None:
    if value:
        state(ctx).env.pager = None


def _set_no_cache(ctx: typer.Context, param: object, value: bool) -> None:
    if value:
        state(ctx).use_cache = False
        state(ctx)._dataset = None


def _global_options() -> list[TyperOption]:
    return [
        TyperOption(param_decls=["--data"], metavar="PATH", callback=_set_data, expose_value=False, help=DATA_HELP),
        TyperOption(param_decls=["--debug"], is_flag=True, callback=_set_debug, expose_value=False, help=DEBUG_HELP),
        TyperOption(param_decls=["--color"], metavar="<auto|always|never>", callback=_set_color, expose_value=False,
                    help=COLOR_HELP),
        TyperOption(param_decls=["--no-color"], is_flag=True, callback=_set_no_color, expose_value=False,
                    help=NO_COLOR_HELP),
        TyperOption(param_decls=["--no-pager"], is_flag=True, callback=_set_no_pager, expose_value=False,
                    help=PAGER_HELP),
        TyperOption(param_decls=["--no-cache"], is_flag=True, callback=_set_no_cache, expose_value=False,
                    help=CACHE_HELP),
    ]  # fmt: skip


def accept_global_options(command: Any) -> None:
    """Give a command the global options, so they may follow it; its help names them in one line."""
    names = {name for p in command.params for name in getattr(p, "opts", ())}
    added = [o for o in _global_options() if not names.intersection(o.opts)]
    for option in added:
        option.hidden = True
    command.params += added
    if added and not isinstance(command, TyperGroup):
        command.epilog = GLOBAL_EPILOG
