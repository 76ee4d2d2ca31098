"""The command line: parse, ask the domain, render, and map errors to exit codes.

Commands stay thin. Each turns its options into domain values, builds an
:class:`Answer` (the records, and how to draw them as a table) and hands it
to :func:`_respond`, which picks the format and writes. Every error becomes an
exit code in one place, :meth:`SedovGroup.main`.

The :class:`~sedov_cli.environment.Environment` (terminal or pipe, colour,
width, pager) comes in through the context object, as httpie passes ``env``
to ``main``: ``run(argv, env)`` in a test, ``Environment.from_system()`` otherwise.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from . import __version__
from .dataset import DatasetError, Problem, inputs_of, load
from .dates import LifeStatus
from .environment import ClosedStream, Environment, ReaderAware, silence_stdout
from .errors import ExitStatus, OutsideLife, SedovError, UsageProblem
from .formats import chunks, exporter
from .formats.json_format import dumps
from .launch import interrupted
from .model import Dataset, Event
from .options import (
    CACHE_HELP,
    COLOR_HELP,
    DATA_HELP,
    DEBUG_HELP,
    NO_COLOR_HELP,
    PAGER_HELP,
    ColorMode,
    ExportFormat,
    ForceOpt,
    FormatOpt,
    JsonOpt,
    LimitOpt,
    ListingFormat,
    RelativeOpt,
    ReverseOpt,
    State,
    SummaryFormat,
    WordsFormatOpt,
    accept_global_options_after_commands,
    apply_color,
    complete_event,
    complete_person,
    filter_options,
    state,
)
from .queries import (
    Filters,
    age_of,
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
from .text import plural, visible

if TYPE_CHECKING:
    from .relative import Distance


def _say_error(stream: TextIO, message: str) -> None:
    for line in message.splitlines() or [""]:
        stream.write(f"sedov: error: {visible(line)}\n")
    stream.flush()


HELP_MAX = 80
"""Help is laid out to the terminal's width, at most this wide (as click does), and at any narrower width."""


def _help_width() -> int:
    import shutil

    return max(20, min(shutil.get_terminal_size().columns, HELP_MAX) - 2)


_ClickHelp: Any = typer.Context.formatter_class  # typer vendors click: its formatter, by the attribute


class SedovHelp(_ClickHelp):  # type: ignore[misc]
    """click's help formatter, except that lines it keeps whole (the examples, after ``\\b``) are
    wrapped at word boundaries when the terminal is narrower, hanging under their own indent,
    instead of being cut mid-word by the terminal."""

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        # a narrow terminal gives the option names a third of it, so their help keeps some width
        super().write_dl(rows, min(col_max, max(10, self.width // 3)), col_spacing)

    def getvalue(self) -> str:
        from .environment import wrap_prose

        return wrap_prose(super().getvalue(), max(self.width, 20), 4)


class SedovContext(typer.Context):
    formatter_class = SedovHelp


class SedovGroup(TyperGroup):
    """Runs the app and is the one place where errors become exit codes.

    ``debug`` is set once ``--debug`` has been *parsed* as the global option,
    never by spotting the word in argv: ``show -- --debug`` and ``events
    --search --debug`` do not ask for tracebacks. Even under ``--debug``, a
    usage error is reported, not raised: it has no traceback worth reading.
    """

    debug = False

    context_class = SedovContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        accept_global_options_after_commands(self)
        for command in self.commands.values():
            command.context_class = SedovContext
            for sub in getattr(command, "commands", {}).values():
                sub.context_class = SedovContext

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
        shell = _completion_shell(argv, self.commands)
        if shell is not None:  # `sedov --show-completion zsh`: the shell named, not the one detected
            return self._exit(_show_completion(shell), standalone_mode)
        try:
            extra.setdefault("terminal_width", _help_width())
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
            code = self._report(exc, argv)
        except typer.Abort:
            _say_error(sys.stderr, "aborted")
            code = ExitStatus.ERROR
        except KeyboardInterrupt:
            code = ExitStatus.INTERRUPTED
        except Exception as exc:
            if interrupted(exc):  # Ctrl-C wrapped by another error, e.g. during a lazy import's __set_name__
                code = ExitStatus.INTERRUPTED
            elif self.debug:
                raise
            else:
                code = _unexpected(exc)
        return self._exit(code, standalone_mode)

    @staticmethod
    def _exit(code: int, standalone_mode: bool) -> int:
        if not standalone_mode:
            return int(code)
        sys.exit(int(code))

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The commands with their whole summaries, wrapped to the width rather than cut with "...";
        click cuts them at 80 columns less the longest name."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    @staticmethod
    def _report(exc: Exception, argv: Sequence[str] = ()) -> int:
        if isinstance(exc, DatasetError):  # one prefix, then each problem on its own indented line
            sys.stderr.write("sedov: error: the dataset cannot be used:\n")
            sys.stderr.write("".join(f"  {visible(str(p))}\n" for p in exc.problems))
            sys.stderr.flush()
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
        message = _usage_hint(exc, ctx, argv) or message
        if ctx is not None:
            message += f" (see '{ctx.command_path} --help')"
        _say_error(sys.stderr, message)
        return int(getattr(exc, "exit_code", ExitStatus.ERROR))


OPTION_ALIASES = {
    "--since": "--from", "--after": "--from", "--start": "--from", "--until": "--to", "--before": "--to",
    "--end": "--to", "--where": "--place", "--location": "--place", "--who": "--person", "--grep": "--search",
    "--text": "--search", "--query": "--search", "--year": "--from", "--sort": "--reverse", "--no-colour": "--no-color",
}  # fmt: skip
"""Options people reach for from other tools, and ours that do the job (click would suggest by spelling)."""

COMMAND_FILTERS = ("events", "timeline", "chart", "export")


def _usage_hint(exc: Exception, ctx: Any, argv: Sequence[str]) -> str | None:
    """A better message than click's for the slips people make, or None to keep click's.

    click suggests options by spelling, which misleads: ``sedov --json events``
    got "Possible options: --version", ``--since`` got ``--json``.
    """
    command = ctx.command if ctx is not None else None
    if type(exc).__name__ == "NoSuchOption":  # typer vendors click: its classes are known by name here
        name = str(getattr(exc, "option_name", ""))
        if isinstance(command, TyperGroup):  # before the command: `sedov --json events`
            meant = OPTION_ALIASES.get(name, name)
            owners = [n for n, c in command.commands.items() if any(meant in p.opts for p in c.params)]
            typed = [word for word in argv if word in owners]
            if owners:
                instead = "" if meant == name else f"no such option: {name} (did you mean {meant}?); "
                where = (typed or owners)[0]
                return f"{instead}{meant} is an option of a command, so it goes after it: sedov {where} {meant}"
        if name in OPTION_ALIASES and command is not None:
            known = {o for p in command.params for o in getattr(p, "opts", ())}
            if OPTION_ALIASES[name] in known:
                return f"no such option: {name} (did you mean {OPTION_ALIASES[name]}?)"
        return None
    said = " ".join(str(getattr(exc, "format_message", exc.__str__)()).split())
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", said)
    if extra and command is not None and command.name in COMMAND_FILTERS:
        words = extra[1]
        return f"{command.name} takes no words, only options: {_filter_for(ctx, words)}"
    return None


def _filter_for(ctx: Any, words: str) -> str:
    """Which filter the stray words may have meant: a place, a person, a tag, else a search."""
    import shlex

    from .queries import resolve_person, resolve_places, resolve_tag

    quoted = shlex.quote(words)
    try:
        ds = ctx.find_root().obj.dataset
    except Exception:  # the dataset itself is broken: the plain suggestion still helps
        return f"to search the text, write sedov {ctx.command.name} --search {quoted}"
    for option, resolve in (("--place", resolve_places), ("--person", resolve_person), ("--tag", resolve_tag)):
        try:
            resolve(ds, words)
        except SedovError:
            continue
        return f"did you mean sedov {ctx.command.name} {option} {quoted}?"
    return f"to search the text, write sedov {ctx.command.name} --search {quoted}"


# Errors from writing standard output: a full disk, a closed descriptor, a dead device.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EBADF, errno.EIO, errno.EDQUOT, errno.EFBIG})


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _completion_shell(argv: Sequence[str], commands: Any = ()) -> str | None:
    """The shell in ``--show-completion SHELL`` or ``--show-completion=SHELL``, else None (typer's own
    option, which detects the shell, handles the bare flag). A word after it that is neither an
    option nor a command is taken as a shell, so an unsupported one is refused, not ignored."""
    for i, word in enumerate(argv):
        if word == "--":
            return None
        if word.startswith("--show-completion="):
            return word.partition("=")[2]
        if word == "--show-completion" and i + 1 < len(argv):
            after = argv[i + 1]
            if after in SHELLS or not (after.startswith("-") or after in commands):
                return after
    return None


def _show_completion(shell: str) -> int:
    from typer._completion_shared import get_completion_script

    if shell not in SHELLS:
        _say_error(sys.stderr, f"no completion for the shell {shell!r}; choose one of {', '.join(SHELLS)}")
        return ExitStatus.USAGE
    sys.stdout.write(get_completion_script(prog_name="sedov", complete_var="_SEDOV_COMPLETE", shell=shell) + "\n")
    return ExitStatus.SUCCESS


def _unexpected(exc: Exception) -> int:
    """An error no command raises on purpose, in one line."""
    if isinstance(exc, OSError) and exc.errno in _OUTPUT_ERRNOS:  # written through click (help, version)
        _say_error(sys.stderr, f"cannot write output: {exc.strerror or exc}")
    else:
        _say_error(sys.stderr, _internal(exc))
    return ExitStatus.ERROR


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


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"sedov {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        str | None, typer.Option("--data", metavar="PATH", envvar="SEDOV_DATA", show_envvar=True, help=DATA_HELP)
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
    color: Annotated[ColorMode, typer.Option("--color", case_sensitive=False, help=COLOR_HELP)] = ColorMode.AUTO,
    no_color: Annotated[bool, typer.Option("--no-color", help=NO_COLOR_HELP)] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help=PAGER_HELP)] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=CACHE_HELP)] = False,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Explore the life of Lev Sedov (1906–1938).

    Global options may also follow the command: sedov timeline --data my.json
    """
    if debug and isinstance(ctx.command, SedovGroup):
        ctx.command.debug = True
    # The caller's Environment (or a function that makes one as the command starts), else the process's own.
    given = ctx.obj() if callable(ctx.obj) else ctx.obj
    env = given if isinstance(given, Environment) else Environment.from_system()
    apply_color(env, ColorMode.NEVER if no_color else color)
    if no_pager:
        env.pager = None
    ctx.obj = State(data, env, use_cache=False if no_cache else None)


# --- the one skeleton every listing command shares ---------------------------------------


@dataclass(frozen=True)
class Answer:
    """What a command found: the records, and how to draw them at a terminal."""

    listing: Listing
    draw: Callable[[Environment], None]
    empty: str = "Nothing matches."


def _format(fmt: str | None, as_json: bool, default: str) -> str:
    if as_json and fmt not in (None, "json"):
        raise UsageProblem(f"--json conflicts with --format {fmt}")
    return "json" if as_json else (fmt or default)


def _respond(ctx: typer.Context, fmt: ListingFormat | None, as_json: bool, make: Callable[[Dataset], Answer]) -> None:
    """Build the answer and write it: a table at a terminal (paged when long), TSV in a pipe, or as asked."""
    st = state(ctx)
    chosen = _format(fmt, as_json, "table" if st.env.stdout_isatty else "tsv")
    answer = make(st.dataset)
    env = st.env
    if chosen == "table":
        if not answer.listing.records:
            env.note(answer.empty)
            return
        with env.pipe_guard(), env.paged():
            answer.draw(env)
        return
    if answer.listing.is_empty():
        env.note(answer.empty)
    env.write_all(chunks(chosen)(answer.listing))


# --- commands ---------------------------------------------------------------------------


def _events_answer(
    ds: Dataset, filters: Filters, reverse: bool, limit: int | None, *, grouped: bool, ids: bool,
    relative_to: str | None = None,
) -> Answer:  # fmt: skip
    reference = resolve_event(ds, relative_to) if relative_to is not None else None
    selection = select(ds, filters, reverse=reverse, limit=limit)
    ranged = selection.range is not None
    relative: Callable[[Event], Distance] | None = None
    if reference is not None:
        from .relative import distance

        def relative(event: Event) -> Distance:
            return distance(event.span, reference.span, reference.id, same=event.id == reference.id)

    def draw(env: Environment) -> None:
        from . import render

        distances = {h.event.id: relative(h.event) for h in selection.hits} if relative is not None else None
        render.events_table(env, ds, selection.hits, grouped=grouped, ranged=ranged, relative=distances,
                            reverse=reverse, ids=ids)  # fmt: skip

    return Answer(events_listing(ds, selection, ranged, relative), draw, "No events match.")


@app.command()
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
    _respond(ctx, fmt, as_json, lambda ds: _events_answer(ds, filters, reverse, limit, grouped=True, ids=ids))


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
    _respond(ctx, fmt, as_json, lambda ds: _events_answer(ds, filters, reverse, limit, grouped=False, ids=True,
                                                          relative_to=relative_to))  # fmt: skip


@app.command()
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

        def draw(env: Environment) -> None:
            from . import render

            render.event_panel(env, record, before, after)

        return Answer(show_listing(record), draw)

    _respond(ctx, fmt, as_json, make)


AGE_AT_WHEN = (
    "A year, month or day ('Feb 16 1938'), 'between 1929 and 1931', 'c. 1933', '1930s', 'today', or an event id "
    "or its start. Several words are read as one date: age-at 30 January 1933."
)


@app.command("age-at")
def age_at(
    ctx: typer.Context,
    words: Annotated[
        list[str], typer.Argument(metavar="WHEN", help=AGE_AT_WHEN, autocompletion=complete_event, show_default=False)
    ],
    person: Annotated[
        str | None,
        typer.Option(
            "--person", metavar="NAME", help="Whose age (default: the subject).", autocompletion=complete_person
        ),
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show the bounds used and their sources.")] = False,
    fmt: WordsFormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """How old he was at a time: exact for an exact date, a range otherwise.

    Answers in words by default, at a terminal and in a pipe alike.

    \b
    Examples:
      sedov age-at 1933
      sedov age-at "30 January 1933"
      sedov age-at "c. 1933"
      sedov age-at marriage --explain
      sedov age-at 1933 --person lev-son --json
    """
    from .sentences import age_sentence, before_birth
    from .sentences import explain as explanation

    if fmt == "table":  # an answer in words has no table: say so rather than ignore the flag
        raise UsageProblem("age-at answers in words; --format table does nothing here (try json, csv or tsv)")
    when = " ".join(words)  # `sedov age-at 30 January 1933` means the date, as if it were quoted
    st = state(ctx)
    ds = st.dataset
    who = resolve_person(ds, person) if person else ds.person
    asked = resolve_when(ds, when, today=_today())
    answer = age_of(ds, who, asked)
    if answer.status is LifeStatus.BEFORE_BIRTH:
        raise OutsideLife(before_birth(ds, who, asked))
    chosen = _format(fmt, as_json, "text")
    if chosen == "text":
        text = st.env.prose(visible(age_sentence(ds, who, asked, answer))) + "\n"
        if explain:  # a list of facts with their sources: continued lines hang under their fact
            text += "\n" + st.env.prose("".join(visible(line) + "\n" for line in explanation(who, asked, answer)), 2)
        st.env.write(text)
        return
    record = age_record(who, asked, answer)
    if explain:
        record["explanation"] = explanation(who, asked, answer)
    st.env.write(exporter(chosen)(age_listing(record)))


PEOPLE_SEARCH = "Names, aliases, ids and relations containing TEXT (case- and accent-blind)."
PLACES_SEARCH = "Place names, aliases and ids containing TEXT (case- and accent-blind)."
TAGS_SEARCH = "Tags containing TEXT (case- and accent-blind)."


@app.command()
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
        listing = people_listing(ds, matching_people(ds, search))

        def draw(env: Environment) -> None:
            from . import render
            from .dates import parse_edtf

            def words(edtf: str) -> str:
                return parse_edtf(edtf).display if edtf else ""

            render.listing_table(env, listing, ("name", "relation", "birth", "death", "events"), beneath={"name": "id"},
                                 shown={"birth": words, "death": words})  # fmt: skip

        return Answer(listing, draw, "No people match.")

    _respond(ctx, fmt, as_json, make)


@app.command()
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
            from . import render

            # A tree needs the way down to each match, so ancestors come along.
            keep = {p.id for p in matched} | {a.id for p in matched for a in ds.ancestors(p.id)}
            render.place_tree(env, ds, places_listing(ds, [p for p in ds.places.values() if p.id in keep]))

        return Answer(places_listing(ds, matched), draw, "No places match.")

    _respond(ctx, fmt, as_json, make)


PERIODS_SEARCH = "Period names and ids containing TEXT (case- and accent-blind)."


@app.command()
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
    from .records import periods_listing
    from .text import fold

    def make(ds: Dataset) -> Answer:
        chosen = [p for p in ds.periods.values() if search is None or fold(search) in fold(f"{p.id} {p.name}")]
        listing = periods_listing(ds, chosen)

        def draw(env: Environment) -> None:
            from . import render
            from .dates import format_day

            def words(iso: str) -> str:
                return format_day(date.fromisoformat(iso)) if iso else "open"

            render.listing_table(env, listing, ("name", "first", "last", "events"), beneath={"name": "id"},
                                 shown={"first": words, "last": words})  # fmt: skip

        return Answer(listing, draw, "No periods match.")

    _respond(ctx, fmt, as_json, make)


@app.command()
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
            from . import render

            render.listing_table(env, listing)

        return Answer(listing, draw, "No tags match.")

    _respond(ctx, fmt, as_json, make)


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
        bool, typer.Option("--after-death", help="Extend the axis to the dataset's last dated year.")
    ] = False,
    svg: Annotated[
        str | None, typer.Option("--svg", metavar="FILE", help="Also write the chart as SVG (- for stdout only).")
    ] = None,
    force: ForceOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="The rows it draws, and its key, as JSON.")] = False,
) -> None:
    """A picture of the life: residences, activities and periods as bars, moments as marks.

    An uncertain start or end is drawn lighter than a known stretch (':' rather
    than '#' without colour). Filters choose the events; --place also chooses
    the bars.

    \b
    Examples:
      sedov chart
      sedov chart --place France --after-death
      sedov chart --svg sedov.svg
      sedov chart --json | jq -r '.rows[].text'
    """
    from .atomic import write_file
    from .chart import ASCII, UNICODE, Key, chart_record, layout, visible_events
    from .queries import resolve_places

    st = state(ctx)
    ds = st.dataset
    events = [hit.event for hit in select(ds, filters).hits]
    eras = list(ds.eras)
    if filters.places:
        wanted = set().union(*(resolve_places(ds, q) for q in filters.places))
        eras = [era for era in eras if wanted.intersection(era.places)]
    life = ds.subject_life
    known = [d.year for e in ds.events for d in (e.span.earliest, e.span.latest) if d]
    if life is not None and life.birth.earliest is not None:
        first = life.birth.earliest.year
    else:  # no birth given: the axis spans the events
        first = min(known, default=_today().year)
    if life is not None and life.death and life.death.latest:
        last = life.death.latest.year
    else:
        last = max(known, default=first) if life is None else _today().year
    if after_death:  # the whole dataset's reach, so that a filter does not shorten the axis
        last = max([last] + [d.year for e in ds.events for d in (e.span.earliest, e.span.latest) if d])
    shown, before, after = visible_events(events, first, last)
    width = min(st.env.width or 80, CHART_MAX_WIDTH)
    glyphs = UNICODE if st.env.color or as_json else ASCII
    keys: list[Key] = []
    rows = layout(ds, shown, eras, width=width, first_year=first, last_year=last, glyphs=glyphs, keys=keys)
    if as_json:
        if svg is not None:
            raise UsageProblem("--json and --svg each write the chart: choose one")
        st.env.write(dumps(chart_record(rows, keys, first, last, width, before, after)) + "\n")
        return

    from . import render

    if svg != "-":
        with st.env.pipe_guard(), st.env.paged():
            render.chart(st.env, rows)
    if before:
        st.env.note(f"{plural(before, 'event')} before {first} not shown")
    if after:
        st.env.note(f"{plural(after, 'event')} after {last} not shown; --after-death shows them")
    if svg is not None:
        svg_width = max(width, 100)
        svg_rows = layout(ds, shown, eras, width=svg_width, first_year=first, last_year=last, glyphs=UNICODE)
        picture = render.chart_svg(svg_rows, svg_width, f"{ds.person.name}: a life")
        if svg == "-":
            st.env.write(picture)
        else:
            write_file(svg, picture, force=force, inputs=inputs_of(ds, st.data))
            st.env.note(f"wrote {visible(svg)}")


def _window(value: int) -> int:
    if not 0 <= value <= 183:  # half a year either side covers every day
        raise typer.BadParameter(f"{value} is not from 0 to 183")
    return value


@app.command("on-this-day")
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
    from .anniversaries import on_this_day as find
    from .anniversaries import parse_month_day
    from .dates import DateError, format_day
    from .records import anniversaries_listing

    try:
        now = date.fromisoformat(today) if today else _today()
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
            from . import render

            render.anniversaries_table(env, items, heading)

        return Answer(anniversaries_listing(ds, items), draw, f"Nothing is dated to {asked}.")

    _respond(ctx, fmt, as_json, make)


@app.command()
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
    from .stats import summary

    st = state(ctx)
    chosen = _format(fmt, as_json, "table")
    data = summary(st.dataset)
    if chosen == "json":
        from .formats.json_format import dumps

        st.env.write(dumps(data) + "\n")
        return
    from . import render

    with st.env.pipe_guard(), st.env.paged():
        render.stats(st.env, data)


@app.command("export")
@filter_options
def export_command(
    ctx: typer.Context,
    filters: Filters,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False)],
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
      sedov export --format ics --place Paris --output paris.ics
      sedov export --format markdown --from 1929 --to 1933
      sedov export --format json --tag nkvd --output nkvd.json
    """
    from datetime import UTC, datetime

    from .atomic import write_file
    from .formats import ExportContext, export

    st = state(ctx)
    ds = st.dataset
    events = [hit.event for hit in select(ds, filters).hits]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        generated = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    except ValueError:
        raise UsageProblem(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None
    text = export(fmt.value)(ExportContext(ds, events, generated))
    if output is None or output == "-":
        st.env.write(text)
    else:
        write_file(output, text, force=force, inputs=inputs_of(ds, st.data))
        st.env.note(f"wrote {plural(len(events), 'event')} to {visible(output)}")


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None, typer.Argument(help="Dataset file (default: --data, $SEDOV_DATA or the packaged one).")
    ] = None,
    fmt: WordsFormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Check a dataset and list every problem, one per line; exit 1 if there are any.

    Without --format it prints one "file: record: field: message" line per
    problem, like a linter, at a terminal and in a pipe alike.

    \b
    Examples:
      sedov validate
      sedov validate --json
    """
    st = state(ctx)
    target = path if path is not None else st.data
    ds: Dataset | None = None
    try:
        ds = load(target)
        problems: tuple[Problem, ...] = ()
    except DatasetError as exc:
        problems = exc.problems
    shown = target or os.environ.get("SEDOV_DATA") or "the packaged dataset"
    chosen = _format(fmt, as_json, "text")
    if chosen not in ("text", "table"):
        st.env.write(exporter(chosen)(problems_listing(problems)))
    elif problems:
        st.env.write("".join(visible(str(p)) + "\n" for p in problems))
    else:
        assert ds is not None
        st.env.write(
            f"ok: {visible(shown)}: {plural(len(ds.events), 'event')}, {len(ds.people)} people, "
            f"{plural(len(ds.places), 'place')}\n"
        )
    if problems:
        raise typer.Exit(ExitStatus.ERROR)


@app.command()
def extract(
    ctx: typer.Context,
    article: Annotated[
        str,
        typer.Argument(
            metavar="ARTICLE", help="A biography: plain UTF-8 text, a saved HTML page, or - for standard input."
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the draft here (atomically); - or none: stdout."),
    ] = None,
    subject: Annotated[
        str | None, typer.Option("--subject", metavar="NAME", help="Whose life it is (default: the title line).")
    ] = None,
    url: Annotated[
        str, typer.Option("--url", metavar="URL", help="The article's address, for the draft's source.")
    ] = "not given",
    publisher: Annotated[
        str, typer.Option("--publisher", metavar="NAME", help="Who published the article.")
    ] = "not given",
    license_: Annotated[
        str, typer.Option("--license", metavar="LICENCE", help="The article's licence, e.g. 'CC BY-SA'.")
    ] = "not given",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    force: ForceOpt = False,
) -> None:
    """Draft a cited dataset from any biography: one event per dated claim, quoting its sentence.

    It reads a page as a browser copies or saves it (title line, site chrome,
    infobox, headings, references), the packaged = Title = form and Markdown.
    Explicit dates keep the precision the text gives; relative ones ("the
    following year", "at the age of 19", "during this period") are resolved
    only against a date the text gives, and marked inferred with a note. What
    cannot be resolved, and what was skipped as not the life, is listed on
    stderr. The draft passes `sedov validate` and loads with --data; review it
    before trusting it. An HTML page or standard input is saved beside the
    draft as DRAFT.article.txt, the text its quotes cite.

    Then: sedov --data draft.json timeline

    \b
    Examples:
      sedov extract article.txt --output draft.json
      sedov extract page.html --output draft.json
      pbpaste | sedov extract - --output draft.json
      sedov extract article.txt --subject "Leon Sedov" --quiet | jq '.events | length'
    """
    from .atomic import refuse_input, write_file
    from .dataset import check_unwritten
    from .extraction import draft_dataset
    from .extraction.draft import Source, to_json
    from .extraction.files import cited_path, companion_path, read_article
    from .render import progress_callback

    st = state(ctx)
    to_stdout = output is None or output == "-"
    source = read_article(article, _stdin_reader())  # a missing or binary file is reported before where it lies
    read = [] if source.kind == "stdin" else [("the article", article)]
    companion: str | None = None
    if source.needs_copy:
        if to_stdout:
            raise UsageProblem(
                f"extract {'-' if source.kind == 'stdin' else article}: the draft must cite the text it quotes, and "
                f"{'standard input' if source.kind == 'stdin' else 'an HTML page'} is not that text; give "
                "--output FILE, and the text is saved beside it as FILE.article.txt"
            )
        assert output is not None
        companion = companion_path(output)
        refuse_input(companion, read)
        cited = cited_path(companion, output)
    else:
        cited = cited_path(article, None if to_stdout else output)
    if not to_stdout:
        refuse_input(str(output), read)  # before the drafting, which takes seconds on a long article
    with progress_callback(st.env, len(source.text)) as progress:
        draft = draft_dataset(
            source.text, Source(cited, None, publisher, url, license_), subject=subject, progress=progress
        )
    body = to_json(draft.dataset)
    target = "draft.json" if to_stdout else str(output)
    try:
        check_unwritten(body.encode("utf-8"), target, {cited: source.text} if companion else None)
    except DatasetError as exc:  # a bug in extract, not in the user's article: say so plainly
        shown = [str(p) for p in exc.problems[:10]]
        if len(exc.problems) > 10:
            shown.append(f"… and {len(exc.problems) - 10} more")
        raise SedovError(
            "the draft fails validation, which is a bug in sedov extract; nothing was written:\n" + "\n".join(shown)
        ) from None
    if to_stdout:
        st.env.write(body)
    else:
        assert output is not None
        if companion is not None:
            write_file(companion, source.text, force=force, inputs=read)
        write_file(output, body, force=force, inputs=read)
    if not quiet:
        _extract_summary(st.env, draft, None if to_stdout else output, companion)


def _stdin_reader() -> Any:
    """Reads at most N bytes of standard input (``extract -``)."""

    def read(limit: int) -> bytes:
        chunks: list[bytes] = []
        size = 0
        stream = sys.stdin.buffer
        while size <= limit:
            chunk = stream.read(min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)

    return read


SKIPPED_KINDS = {
    "reference section": ("line of a references section", "lines of references sections"),
    "citation": ("citation line", "citation lines"),
    "caption": ("caption", "captions"),
}
UNRESOLVED_SHOWN = 20
"""How many unresolved expressions the summary lists; a long article says how many more."""


def _extract_summary(env: Environment, draft: Any, output: str | None, companion: str | None = None) -> None:
    """The closing account on stderr: what was drafted, what was skipped, every expression left out, and warnings."""
    events = draft.dataset["events"]
    inferred = sum(1 for e in events if e["certainty"] == "inferred")
    people = len(draft.dataset["people"])
    places = len(draft.dataset["places"])
    left = draft.unresolved
    head = (
        f"{plural(len(events), 'claim')} drafted from {plural(draft.sentences, 'sentence')} "
        f"({len(events) - inferred} stated, {inferred} inferred; {people} {'person' if people == 1 else 'people'}, "
        f"{plural(places, 'place')})"
    )
    if left:
        head += f", {plural(len(left), 'expression')} left unresolved:"
    lines = [head] + [f"  - '{u.text}' ({u.section}): {u.reason}" for u in left[:UNRESOLVED_SHOWN]]
    if len(left) > UNRESOLVED_SHOWN:
        lines.append(f"  … and {len(left) - UNRESOLVED_SHOWN} more")
    if draft.skipped:
        kinds = ", ".join(
            f"{n} {SKIPPED_KINDS.get(kind, (kind, kind))[n != 1]}" for kind, n in sorted(draft.skipped.items())
        )
        lines.append(f"skipped as not the life, with dates in them: {kinds}")
    lines += [f"warning: {w}" for w in draft.warnings]
    if output is not None:
        wrote = f"{output} and {companion} (the text it cites)" if companion else output
        lines.append(f"wrote {wrote}; next: sedov --data {output} timeline")
    env.stderr.write("".join(visible(line) + "\n" for line in lines))
    env.stderr.flush()


@app.command()
def browse(ctx: typer.Context) -> None:
    """Explore the life full-screen: scroll the chronology, open an event, follow its people and places.

    Search and filter as you go (the same words as sedov events), jump to a
    date, ask his age, and copy what you found as a sedov events command.
    Press ? inside for every key. Needs a terminal; in a pipe use sedov timeline.

    \b
    Examples:
      sedov browse
      sedov browse --color never
    """
    from .browse.launch import browse as explore

    st = state(ctx)
    debug = bool(getattr(ctx.find_root().command, "debug", False))
    raise typer.Exit(explore(st.env, lambda: st.dataset, st.data, debug=debug))


cache_app = typer.Typer(
    name="cache",
    help="The index of each dataset file, kept so that later runs skip reading and validating it.",
    no_args_is_help=True,
)
app.add_typer(cache_app)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


def _cache_source() -> str:
    from .index import CACHE_ENV

    if os.environ.get(CACHE_ENV):
        return CACHE_ENV
    return "XDG_CACHE_HOME" if os.environ.get("XDG_CACHE_HOME", "").startswith("/") else "default"


@cache_app.command("info")
def cache_info(ctx: typer.Context, fmt: WordsFormatOpt = None, as_json: JsonOpt = False) -> None:
    """Where the cache is, and each dataset indexed there.

    \b
    Examples:
      sedov cache info
      sedov cache info --json
    """
    from .index import cache_dir, entries, trusted_cache

    st = state(ctx)
    folder = cache_dir()
    found = entries(folder)
    problem = trusted_cache().problem
    chosen = _format(fmt, as_json, "text")
    records = [
        {"file": e.path.name, "origin": e.origin, "events": e.events, "bytes": e.size, "indexed": e.indexed,
         "current": e.current}
        for e in found
    ]  # fmt: skip
    if chosen in ("text", "table"):
        total = sum(e.size for e in found)
        lines = [f"cache: {folder} ({_cache_source()})", f"{plural(len(found), 'file')}, {_size(total)}"]
        if problem is not None:
            lines.insert(1, f"not trusted: {problem}; sedov neither reads nor writes it")
        for e in found:
            what = f"{plural(e.events, 'event')}" if e.events is not None else "unreadable or half-written"
            state_word = "" if e.current else " (stale: rebuilt on next use, or removed by sedov cache clear)"
            lines.append(
                f"  {e.origin or e.path.name}: {what}, {_size(e.size)}, indexed {e.indexed or '?'}{state_word}"
            )
        st.env.write("".join(visible(line) + "\n" for line in lines))
        return
    if chosen == "json":
        listed = {"folder": str(folder), "source": _cache_source(), "trusted": problem is None, "indexes": records}
        st.env.write(dumps(listed) + "\n")
        return
    columns = ("file", "origin", "events", "bytes", "indexed", "current")
    rows = [tuple("" if r[c] is None else str(r[c]).lower() if c == "current" else str(r[c]) for c in columns)
            for r in records]  # fmt: skip
    st.env.write(exporter(chosen)(Listing("cache", records, columns, rows)))


@cache_app.command("clear")
def cache_clear(ctx: typer.Context) -> None:
    """Remove every index sedov wrote; other files in the folder are left alone.

    \b
    Examples:
      sedov cache clear
    """
    from .index import cache_dir, clear

    folder = cache_dir()
    files, size = clear(folder)
    state(ctx).env.write(visible(f"removed {plural(files, 'file')} ({_size(size)}) from {folder}") + "\n")


def run(argv: Sequence[str], env: Environment | Callable[[], Environment] | None = None) -> int:
    """Run one command line and return its exit status (see :class:`ExitStatus`).

    ``env`` stands in for the system's terminal or pipe, as in httpie's
    ``main(args, env)``; by default it is read from the process.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # started with `>&-`: fail writes loudly, not silently
            setattr(sys, name, ClosedStream())
    if not isinstance(sys.stdout, ReaderAware):
        sys.stdout = ReaderAware(sys.stdout)
    command = typer.main.get_command(app)
    return int(command.main(list(argv), standalone_mode=False, obj=env))


def main() -> None:
    """Entry point for ``python -m sedov_cli.cli``; the ``sedov`` script uses sedov_cli.launch."""
    sys.exit(run(sys.argv[1:]))
