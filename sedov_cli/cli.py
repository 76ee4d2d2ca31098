"""The command line: the app, its global options, and the one place where errors become exit codes.

The commands live in :mod:`sedov_cli.commands`, one module per family; they
stay thin. Each turns its options into domain values, builds an
:class:`~sedov_cli.commands.common.Answer` (the records, and how to draw them
as a table) and hands it to :func:`~sedov_cli.commands.common.respond`, which
picks the format and writes. :data:`COMMANDS` names them here, in the
order ``--help`` lists them. Every error becomes an exit code in one place,
:meth:`SedovGroup.main`.

Start-up is most of what a quick command costs, so the command tree is lazy
(:class:`LazyCommands`): ``sedov timeline`` imports only the listings'
module and makes only its click command; ``sedov --version`` makes none.
Only what lists every command (``sedov --help``, completing a command's
name, a misplaced option's hint) makes them all.

The :class:`~sedov_cli.environment.Environment` (terminal or pipe, colour,
width, pager) comes in through the context object, as httpie passes ``env``
to ``main``: ``run(argv, env)`` in a test, ``Environment.from_system()`` otherwise.
"""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Annotated, Any, TextIO

import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info, get_group_from_info
from typer.models import CommandInfo, TyperInfo

from . import __version__
from .environment import ClosedStream, Environment, ReaderAware, silence_stdout
from .errors import ExitStatus, SedovError
from .launch import interrupted, start_collecting
from .options import (
    CACHE_HELP,
    COLOR_HELP,
    DATA_HELP,
    DEBUG_HELP,
    NO_COLOR_HELP,
    PAGER_HELP,
    ColorMode,
    State,
    accept_global_options,
    apply_color,
)


def _say_error(stream: TextIO, message: str) -> None:
    """Each line of ``message`` after the one prefix; at a terminal, wrapped at word boundaries to its width
    (the terminal would fold "--place" into "--p" and "lace"), with continued lines indented."""
    from .environment import wrap_prose
    from .text import visible

    width = _terminal_width(stream)
    for line in message.splitlines() or [""]:
        text = f"sedov: error: {visible(line)}"
        stream.write((wrap_prose(text, width, hang=2) if width else text) + "\n")
    stream.flush()


def _terminal_width(stream: TextIO) -> int | None:
    """The width of the terminal ``stream`` writes to, or None for a pipe, a file or an unknown size."""
    import os

    try:
        return os.get_terminal_size(stream.fileno()).columns if stream.isatty() else None
    except (AttributeError, OSError, ValueError):
        return None


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
        registered = dict(self.commands)  # any made with app.command(), kept as they are
        self.commands = LazyCommands({name: _maker(name, module, attribute) for name, module, attribute in COMMANDS})
        for name, command in registered.items():
            self.commands[name] = _prepared(command)

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
        from .dataset import DatasetError
        from .environment import wrap_prose
        from .text import visible

        if isinstance(exc, DatasetError):  # one prefix, then each problem on its own indented line
            _say_error(sys.stderr, "the dataset cannot be used:")
            width = _terminal_width(sys.stderr)
            for problem in exc.problems:
                line = f"  {visible(str(problem))}"
                sys.stderr.write((wrap_prose(line, width, hang=2) if width else line) + "\n")
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
        if command is None:
            return None
        known = sorted({o for p in command.params for o in getattr(p, "opts", ()) if o.startswith("--")})
        if name in OPTION_ALIASES and OPTION_ALIASES[name] in known:
            return f"no such option: {name} (did you mean {OPTION_ALIASES[name]}?)"
        elsewhere = _owners(ctx, name)
        if elsewhere and name not in known:  # a real option, of other commands: no spelling guess
            have = "has" if len(elsewhere) == 1 else "have"
            return f"{command.name} has no {name} option ({_listed(elsewhere)} {have} it)"
        number = _negative_number(argv)
        if number is not None and re.fullmatch(r"-\d", name):
            return f"{number} is not an option, nor a date sedov reads (no year before 1); write a year like 1933"
        return f"no such option: {name}{_did_you_mean(name, known)}"
    choice = _bad_choice(exc)
    if choice is not None:
        return choice
    said = " ".join(str(getattr(exc, "format_message", exc.__str__)()).split())
    missing = _missing(exc, command, said)
    if missing is not None:
        if ctx is not None:
            return missing
        names = {name for name, _, _ in COMMANDS}
        typed = [w + " " for w in argv if w in names][:1]  # click gives no context here
        return f"{missing} (see 'sedov {''.join(typed)}--help')"
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", said)
    if extra and command is not None and command.name in COMMAND_FILTERS:
        words = extra[1]
        split = _split_date(argv, words)
        if split is not None:
            return f"a date of several words needs quotes: sedov {command.name} {split}"
        return f"{command.name} takes no words, only options: {_filter_for(ctx, words)}"
    return None


def _did_you_mean(typed: str, candidates: Sequence[str]) -> str:
    """`` (did you mean X?)`` for the candidates nearest in spelling, else nothing.

    British spellings are read as ours first (``--colour`` is ``--color``), and
    only the candidates as near as the nearest are named, so ``--plac`` gets
    ``--place`` and not ``--match``."""
    import difflib

    american = typed.replace("colour", "color")
    if american != typed and american in candidates:
        return f" (did you mean {american}?)"
    scored = sorted(((difflib.SequenceMatcher(None, american, c).ratio(), c) for c in candidates), reverse=True)
    near = [c for score, c in scored if score >= 0.6 and score >= scored[0][0] - 0.05]
    return f" (did you mean {' or '.join(near[:2])}?)" if near else ""


def _bad_choice(exc: Exception) -> str | None:
    """One shape for every closed set of values, click's enums and our own alike:
    ``invalid value for --format: 'jsno' is not one of table, json, … (did you mean json?)``."""
    said = " ".join(str(getattr(exc, "format_message", exc.__str__)()).split())
    found = re.fullmatch(r"Invalid value for '(--[\w-]+)'(?: / '-\w')?: '(.*)' is not one of (.*?)\.?", said)
    if found is None:
        return None
    option, typed, listed = found.groups()
    names = [name.strip().strip("'") for name in listed.split(",")]
    return f"invalid value for {option}: {typed!r} is not one of {', '.join(names)}{_did_you_mean(typed, names)}"


def _negative_number(argv: Sequence[str]) -> str | None:
    """A word like ``-1933`` before any ``--``: click reads it as the option ``-1``."""
    for word in argv:
        if word == "--":
            return None
        if re.fullmatch(r"-\d[\d-]*", word):
            return word
    return None


def _owners(ctx: Any, name: str) -> list[str]:
    """The commands that have the option ``name``."""
    try:
        group = ctx.find_root().command
        commands = group.commands
    except Exception:  # no root group (a test's bare command): nothing to say
        return []
    return [n for n, c in commands.items() if any(name in getattr(p, "opts", ()) for p in c.params)]


def _listed(names: Sequence[str]) -> str:
    """'timeline and events', 'timeline, events, show and 9 more'."""
    if len(names) > 3:
        return f"{', '.join(names[:3])} and {len(names) - 3} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _missing(exc: Exception, command: Any, said: str) -> str | None:
    """click's "Missing argument 'ID'." and "Option '--data' requires an argument." in our words:
    what is missing, and what to type."""
    wants = re.fullmatch(r"Option '(--[\w-]+)' requires an argument\.", said)
    if wants:
        return f"{wants[1]} needs a value after it"
    param = getattr(exc, "param", None)
    if type(exc).__name__ != "MissingParameter" or param is None or command is None:
        return None
    named = re.fullmatch(r"Missing argument '(.*)'\.", said)
    if named:
        example = next((line.strip() for line in (command.help or "").splitlines()
                        if line.strip().startswith(f"sedov {command.name} ")), None)  # fmt: skip
        return f"sedov {command.name} needs {named[1]}" + (f", e.g. {example}" if example else "")
    option = max(param.opts, key=len)
    choices = getattr(param.type, "choices", None)
    return f"sedov {command.name} needs {option}" + (f": one of {', '.join(map(str, choices))}" if choices else "")


DATE_OPTIONS = ("--from", "--to")


def _split_date(argv: Sequence[str], words: str) -> str | None:
    """``--from 30 January 1933``: the shell gave the option one word and left the rest over.
    Returns the option with its words quoted, if the words left over follow a date option's value."""
    import shlex

    rest = shlex.split(words) if words else []
    for i, word in enumerate(argv):
        if word in DATE_OPTIONS and i + 1 < len(argv) and list(argv[i + 2 : i + 2 + len(rest)]) == rest:
            return f"{word} {shlex.quote(' '.join([argv[i + 1], *rest]))}"
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
    start_collecting()  # start-up is over: the command's own work may make garbage
    if debug and isinstance(ctx.command, SedovGroup):
        ctx.command.debug = True
    # The caller's Environment (or a function that makes one as the command starts), else the process's own.
    given = ctx.obj() if callable(ctx.obj) else ctx.obj
    env = given if isinstance(given, Environment) else Environment.from_system()
    apply_color(env, ColorMode.NEVER if no_color else color)
    if no_pager:
        env.pager = None
    ctx.obj = State(data, env, use_cache=False if no_cache else None)


# --- the commands, in the order --help lists them; each lives in its family's module ----------

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("timeline", "listings", "timeline"),
    ("events", "listings", "events"),
    ("show", "listings", "show"),
    ("age-at", "ages", "age_at"),
    ("people", "listings", "people"),
    ("places", "listings", "places"),
    ("periods", "listings", "periods"),
    ("tags", "listings", "tags"),
    ("chart", "pictures", "chart"),
    ("on-this-day", "listings", "on_this_day"),
    ("stats", "listings", "stats"),
    ("export", "exports", "export_command"),
    ("validate", "checks", "validate"),
    ("extract", "extract", "extract"),
    ("browse", "browse", "browse"),
    ("cache", "cache", "cache_app"),
)
"""Each command's name, the module of :mod:`sedov_cli.commands` it lives in, and its function there
(or, for the ``cache`` group, its Typer app). Nothing is imported until the command is looked up."""


class LazyCommands(MutableMapping[str, Any]):
    """The app's commands by name, each made when first looked up: its module imported, its click
    command built from the function's signature, given the global options and sedov's help.

    The names are known from the start, so listing them (for ``--help``, for "no such command",
    for ``in``) makes nothing; looking one up makes that one.
    """

    def __init__(self, makers: dict[str, Callable[[], Any]]) -> None:
        self._makers = makers
        self._made: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        found = self._made.get(name)
        if found is None:
            found = self._made[name] = self._makers[name]()
        return found

    def __setitem__(self, name: str, command: Any) -> None:
        self._made[name] = command
        self._makers.setdefault(name, lambda: command)

    def __delitem__(self, name: str) -> None:
        del self._makers[name]
        self._made.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._makers

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


def _maker(name: str, module: str, attribute: str) -> Callable[[], Any]:
    def make() -> Any:
        # __import__, not importlib.import_module: the latter is invisible to `python -X importtime`
        found = getattr(__import__(f"commands.{module}", globals(), level=1, fromlist=[attribute]), attribute)
        short, markup = app.pretty_exceptions_short, app.rich_markup_mode
        if isinstance(found, typer.Typer):  # a group (``cache``), with the app's settings rather than its own
            command: Any = get_group_from_info(
                TyperInfo(found), pretty_exceptions_short=short, rich_markup_mode=markup,
                suggest_commands=app.suggest_commands,
            )  # fmt: skip
        else:
            command = get_command_from_info(
                CommandInfo(name=name, callback=found), pretty_exceptions_short=short, rich_markup_mode=markup
            )
        return _prepared(command)

    return make


def _prepared(command: Any) -> Any:
    """``command`` given the global options and sedov's help formatter (and so are its subcommands)."""
    accept_global_options(command)
    command.context_class = SedovContext
    for sub in getattr(command, "commands", {}).values():
        sub.context_class = SedovContext
    return command


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
