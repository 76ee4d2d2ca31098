"""What a person at a terminal sees: whole words at every width, a pager, colour on request, help that runs."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import WriteDataset
from test_processes import SEDOV, run_in_terminal
from typer.testing import CliRunner

from sedov_cli import cli
from sedov_cli.browse.launch import NEEDS_TERMINAL
from sedov_cli.formats import REGISTRY
from sedov_cli.options import ExportFormat, ListingFormat

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
WIDTHS = [40, 60, 80, 100, 120]
VIEWS = [
    ["timeline"],
    ["events", "--relative-to", "death", "--from", "1935"],
    ["events", "--place", "Paris"],
    ["people"],
    ["on-this-day", "02-16"],
]


def _words(screen: str) -> set[str]:
    return set(re.findall(r"[\w'’-]+", ANSI.sub("", screen)))


def _expected_words(view: list[str]) -> set[str]:
    """Every word of every title, name and relation the view shows (three letters or more),
    taken from the same view as JSON."""
    import json

    records = json.loads(CliRunner().invoke(cli.app, [*view, "--json"]).stdout)
    texts = [r.get("title") or f"{r['name']} {r['relation']}" for r in records]
    return {w for t in texts for w in re.findall(r"[\w'’-]+", t) if len(w) >= 3}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", VIEWS, ids=lambda v: " ".join(v))
def test_no_word_is_broken_at_any_common_width(view: list[str], width: int) -> None:
    screen = run_in_terminal(*view, columns=width, env={"NO_COLOR": "1"})
    missing = _expected_words(view) - _words(screen)
    assert missing == set(), f"broken or missing at {width} columns: {sorted(missing)}"
    lines = ANSI.sub("", screen).split("\r\n")
    assert max(len(line.rstrip()) for line in lines) <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_a_table_from_60_columns_and_blocks_below(width: int) -> None:
    screen = ANSI.sub("", run_in_terminal("timeline", columns=width, env={"NO_COLOR": "1"}))
    is_table = "When" in screen.split("\r\n", 1)[0] and "Event" in screen.split("\r\n", 1)[0]
    if width >= 80:
        assert is_table
    if width <= 40:
        assert not is_table
    if not is_table:  # around 60 either may come, by whether the words fit; blocks: the title, then details
        assert "Born\r\n  24 February 1906 · age 0 · stated" in screen


def test_each_period_heading_appears_once() -> None:
    screen = ANSI.sub("", run_in_terminal("timeline", columns=120, env={"NO_COLOR": "1"}))
    for name in ("Early life", "Exile in Turkey and Germany", "Exile in Paris", "Death", "After his death"):
        assert len(re.findall(rf"(?m)^\s+{re.escape(name)}\s*$", screen)) == 1, name


def test_timeline_ids_switch() -> None:
    without = ANSI.sub("", run_in_terminal("timeline", "--limit", "3", columns=100, env={"NO_COLOR": "1"}))
    with_ids = ANSI.sub("", run_in_terminal("timeline", "--limit", "3", "--ids", columns=100, env={"NO_COLOR": "1"}))
    assert "father-in-prison" not in without and "father-in-prison" in with_ids


# --- the pager --------------------------------------------------------------------------------

MARK = "sed s/^/PAGED:/"


def test_long_output_goes_through_the_pager_with_its_colour() -> None:
    screen = run_in_terminal("timeline", env={"SEDOV_PAGER": MARK, "LINES": "10"})
    assert "PAGED:" in screen and "\x1b[" in screen  # colour reaches the pager (as less -R shows it)


def test_pager_choice_and_opt_out() -> None:
    via_pager = run_in_terminal("timeline", env={"SEDOV_PAGER": "", "PAGER": MARK, "LINES": "10"})
    assert "PAGED:" in via_pager
    assert "PAGED:" not in run_in_terminal("--no-pager", "timeline", env={"SEDOV_PAGER": MARK, "LINES": "10"})
    assert "PAGED:" not in run_in_terminal("timeline", "--no-pager", env={"SEDOV_PAGER": MARK, "LINES": "10"})
    short = run_in_terminal("timeline", "--limit", "1", env={"SEDOV_PAGER": MARK, "LINES": "40"})
    assert "PAGED:" not in short  # shorter than the screen: written as it is


def test_a_pager_that_cannot_start_is_skipped() -> None:
    screen = run_in_terminal("timeline", env={"SEDOV_PAGER": "no-such-pager-here", "LINES": "10"})
    assert "Born" in screen


# --- colour -------------------------------------------------------------------------------------


def _piped(*args: str, env: dict[str, str] | None = None) -> str:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")}
    out = subprocess.run([*SEDOV, *args], capture_output=True, text=True, env={**base, **(env or {})}, check=True)
    return out.stdout


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {}, False),
        (["--color", "auto"], {}, False),  # a pipe
        (["--color", "auto"], {"FORCE_COLOR": "1"}, True),
        (["--color", "auto"], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # asked for in so many words
    ],
)
def test_color_option_and_environment(args: list[str], env: dict[str, str], coloured: bool) -> None:
    out = _piped(*args, "timeline", "--certainty", "disputed", "--format", "table", env=env)
    assert ("\x1b[" in out) == coloured


def test_never_at_a_terminal() -> None:
    assert "\x1b[" not in run_in_terminal("timeline", "--limit", "2", "--color", "never")


# --- global options after the command -----------------------------------------------------------


def test_global_options_work_after_the_command(write_dataset: WriteDataset) -> None:
    path = write_dataset(lambda raw: raw.update(events=[e for e in raw["events"] if e["id"] in ("birth", "death")]))
    assert _piped("timeline", "--data", str(path)).count("\n") == 3
    assert _piped("events", "--search", "--data").count("\n") == 1  # a value, not the option
    assert _piped("show", "--json", "--", "death").startswith("{")
    assert _piped("show", "death", "--color", "never", "--no-pager", "--json").startswith("{")


# --- help that is true ----------------------------------------------------------------------------


def _help_examples() -> list[list[str]]:
    examples = []
    for name in [None, *sorted(cli.typer.main.get_command(cli.app).commands)]:  # type: ignore[attr-defined]
        args = ["--help"] if name is None else [name, "--help"]
        text = CliRunner().invoke(cli.app, args).stdout
        section = text.split("Examples:", 1)[1] if "Examples:" in text else ""
        for line in section.splitlines():
            line = line.strip()
            if not line.startswith("sedov "):
                if examples and line and not line.startswith("sedov") and section.strip().startswith("sedov"):
                    pass
                continue
            command = line.split("|", 1)[0].split("&&", 1)[0]
            examples.append(shlex.split(command)[1:])
    return examples


EXAMPLES = _help_examples()


def test_help_has_examples_for_every_command() -> None:
    commands = {e[0] for e in EXAMPLES}
    assert commands >= {"timeline", "events", "show", "age-at", "people", "places", "tags", "chart", "on-this-day",
                        "stats", "export", "validate"}  # fmt: skip


@pytest.mark.parametrize("args", EXAMPLES, ids=lambda a: " ".join(a))
def test_every_help_example_runs_as_written(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    from sedov_cli.dataset import article_text

    (tmp_path / "article.txt").write_text(article_text(), encoding="utf-8")  # what extract's examples read
    body = "".join(f"<p>{p}</p>" for p in article_text().split("\n\n"))  # the article saved as a page
    (tmp_path / "page.html").write_text(f"<!DOCTYPE html><html><body>{body}</body></html>", encoding="utf-8")
    result = CliRunner().invoke(cli.app, args)
    if args[0] == "browse":  # it needs a terminal, which CliRunner is not: tests/test_browse_terminal.py runs one
        assert (result.exit_code, result.stderr) == (2, f"sedov: error: {NEEDS_TERMINAL}\n")
        return
    assert result.exit_code == 0, (args, result.stderr)
    assert result.stdout or list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("command", "forbidden"),
    [(["age-at", "--help"], "table at a terminal"), (["validate", "--help"], "table at a terminal"),
     (["events", "--help"], "No such option")],
)  # fmt: skip
def test_help_claims_no_default_it_does_not_have(command: list[str], forbidden: str) -> None:
    assert forbidden not in CliRunner().invoke(cli.app, command).stdout


def test_index_search_help_says_what_it_searches() -> None:
    helps = {
        c: " ".join(CliRunner().invoke(cli.app, [c, "--help"]).stdout.split()) for c in ("people", "places", "tags")
    }
    assert "Names, aliases, ids and relations" in helps["people"]
    assert "Place names, aliases and ids" in helps["places"]
    assert "Tags containing TEXT" in helps["tags"]


def test_the_format_enums_are_the_registry() -> None:
    assert [f.value for f in ListingFormat] == [f.name for f in REGISTRY if f.use == "listing"]
    assert [f.value for f in ExportFormat] == [f.name for f in REGISTRY if f.use == "export"]


def test_chart_after_death_with_a_filter_extends_the_axis() -> None:
    result = CliRunner().invoke(cli.app, ["chart", "--after-death", "--place", "France"])
    assert result.exit_code == 0 and result.stdout.splitlines()[0] == "Lev Sedov (1906–1938), and after, to 1994"


def test_python_is_the_one_running() -> None:
    assert sys.executable


def _as_at_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it: a suite started in the background of a script (``pytest &``, nohup)
    passes its children SIGINT ignored, and the pager would inherit that and never die of it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_a_pager_killed_by_ctrl_c_makes_the_command_exit_130() -> None:
    """Ctrl-C goes to the pager while it runs (less keeps running, as with git); if the pager dies of
    it, the command exits 130 as on any Ctrl-C, not 0. Quitting the pager normally is still 0."""
    import pty

    from conftest import read_until_closed

    def status(pager: str) -> int:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SEDOV_DATA")}
        env.update({"TERM": "xterm-256color", "COLUMNS": "80", "LINES": "10", "SEDOV_PAGER": pager})
        leader, follower = pty.openpty()
        proc = subprocess.Popen([*SEDOV, "timeline"], stdout=follower, stderr=follower, env=env, cwd="/",
                                preexec_fn=_as_at_a_terminal)  # fmt: skip
        os.close(follower)
        read_until_closed(leader)
        os.close(leader)
        return proc.wait(timeout=60)

    assert status("sh -c 'cat >/dev/null; kill -INT $$'") == 130
    assert status("sh -c 'cat >/dev/null'") == 0


def test_an_error_at_a_terminal_wraps_at_words_to_its_width() -> None:
    """The terminal would fold "--place" into "--p" and "lace": the error is wrapped at its width first,
    each continued line indented; in a pipe it stays one line."""
    import fcntl
    import pty
    import struct
    import termios

    from conftest import read_until_closed

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SEDOV_DATA", "COLUMNS")}
    proc = subprocess.Popen([*SEDOV, "events", "Paris"], stdout=subprocess.DEVNULL, stderr=follower, env=env, cwd="/")
    os.close(follower)
    out = read_until_closed(leader).decode().replace("\r\n", "\n")
    os.close(leader)
    assert proc.wait(timeout=60) == 2
    assert out == (
        "sedov: error: events takes no words, only options: did you\n"
        "  mean sedov events --place Paris? (see 'sedov events\n"
        "  --help')\n"
    )
    piped = subprocess.run([*SEDOV, "events", "Paris"], capture_output=True, text=True, env=env, cwd="/")
    assert piped.stderr == (
        "sedov: error: events takes no words, only options: did you mean sedov events --place Paris? "
        "(see 'sedov events --help')\n"
    )


def test_a_bad_dataset_at_a_terminal_lists_its_problems_wrapped_at_words(tmp_path: Path) -> None:
    """Each problem on its own indented line, wrapped at the terminal's width with a hanging indent
    (at 40 columns "column 1" was folded into "colu" and "mn 1"); in a pipe each stays one line."""
    import fcntl
    import pty
    import struct
    import termios

    from conftest import read_until_closed

    (tmp_path / "bad.json").write_text("{\n")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 40, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SEDOV_DATA", "COLUMNS")}
    argv = [*SEDOV, "--data", "bad.json", "timeline"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=follower, env=env, cwd=tmp_path)
    os.close(follower)
    out = read_until_closed(leader).decode().replace("\r\n", "\n")
    os.close(leader)
    assert proc.wait(timeout=60) == 1
    assert out == (
        "sedov: error: the dataset cannot be\n"
        "  used:\n"
        "  bad.json: invalid JSON at line 2,\n"
        "    column 1: Expecting property name\n"
        "    enclosed in double quotes\n"
    )
    piped = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert piped.stderr == (
        "sedov: error: the dataset cannot be used:\n"
        "  bad.json: invalid JSON at line 2, column 1: Expecting property name enclosed in double quotes\n"
    )
