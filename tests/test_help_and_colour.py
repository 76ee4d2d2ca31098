"""Issue 21: help that prints the global options once and fits the terminal, -V, --no-color,
--color always over NO_COLOR, and completion for the shell named."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from test_processes import SEDOV, run_in_terminal
from typer.testing import CliRunner

from sedov_cli import cli

COMMANDS = ["timeline", "events", "show", "age-at", "people", "places", "periods", "tags", "chart", "on-this-day",
            "stats", "export", "validate", "extract"]  # fmt: skip
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _help(*args: str, columns: int = 80) -> str:
    result = CliRunner().invoke(cli.app, [*args, "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_a_commands_help_names_the_global_options_once(command: str) -> None:
    text = _help(command)
    assert text.count("--no-cache") == 1 and "A dataset file of the same schema" not in text
    assert " ".join(text.split()).endswith(
        "Global options, here or before the command: --data PATH, --debug, --color <auto|always|never>, "
        "--no-color, --no-pager, --no-cache (see sedov --help)."
    )
    assert "[x>=0]" not in text and "x<=" not in text


def test_the_root_help_gives_each_summary_whole() -> None:
    text = _help()
    commands = text.split("Commands:", 1)[1]
    assert "..." not in commands
    joined = " ".join(text.split())
    assert "events Events filtered by place, person, tag, period, certainty, date and text." in joined
    assert "--color <auto|always|never>" in joined and "--no-color Short for --color never." in joined


def test_help_examples_wrap_at_word_boundaries_at_40_columns() -> None:
    lines = ANSI.sub("", run_in_terminal("events", "--help", columns=40)).split("\r\n")
    start = lines.index("  Examples:")
    assert lines[start + 1 : start + 4] == [
        "    sedov events --place Paris --from",
        "        1933",
        "    sedov events --place France --tag",
    ]


def test_version_short_and_long() -> None:
    for flag in ("-V", "--version"):
        assert CliRunner().invoke(cli.app, [flag]).stdout == "sedov 0.1.0\n"


@pytest.mark.parametrize("args", [["--no-color", "timeline"], ["timeline", "--no-color"]])
def test_no_color_turns_colour_off(args: list[str]) -> None:
    out = CliRunner().invoke(cli.app, [*args, "--format", "table"], env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b" not in out and "disputed" in out


def test_color_always_wins_over_no_color_entirely() -> None:
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"} | {"NO_COLOR": "1"}
    out = subprocess.run([*SEDOV, "--color", "always", "timeline", "--format", "table"], capture_output=True,
                         text=True, env=env, check=True).stdout  # fmt: skip
    assert "\x1b[1;35mdisputed" in out  # the certainty's own colour, not just bold


@pytest.mark.parametrize(("shell", "start"), [("zsh", "#compdef sedov"), ("bash", "_sedov_completion() {"),
                                              ("fish", "complete --command sedov")])  # fmt: skip
def test_show_completion_prints_the_shell_named(shell: str, start: str) -> None:
    for args in (["--show-completion", shell], [f"--show-completion={shell}"]):
        out = subprocess.run([*SEDOV, *args], capture_output=True, text=True, check=True).stdout
        assert out.startswith(start), out[:80]


def test_age_at_completes_event_ids() -> None:
    env = os.environ | {"_SEDOV_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "sedov age-at marr"}
    out = subprocess.run(SEDOV, capture_output=True, text=True, env=env, check=True).stdout
    assert out == "_arguments '*: :((\"marriage\"))'\n"


def test_show_completion_refuses_a_shell_it_does_not_know() -> None:
    out = subprocess.run([*SEDOV, "--show-completion", "tcsh"], capture_output=True, text=True, check=False)
    assert (out.returncode, out.stdout, out.stderr) == (
        2,
        "",
        "sedov: error: no completion for the shell 'tcsh'; choose one of bash, zsh, fish, powershell, pwsh\n",
    )
