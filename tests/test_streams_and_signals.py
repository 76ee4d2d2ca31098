"""Real processes at the edges of output: closed pipes, full disks, closed stdout, Ctrl-C, --debug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("sedov")

# Every command, in every way it can write to stdout.
WRITERS = [
    *(f"timeline --format {fmt}" for fmt in ("table", "json", "ndjson", "csv", "tsv", "markdown")),
    "events --place Paris --format table", "show marriage", "show marriage --format table", "age-at 1933",
    "age-at 1933 --json", "people --format table", "places --format table", "tags --format table", "stats",
    "stats --json", "chart", "on-this-day 02-16 --format table",
    *(f"export --format {fmt}" for fmt in ("timelinejs", "ics", "csv", "markdown", "json")),
    "validate", "--help", "timeline --help", "--version",
]  # fmt: skip


def _statuses(script: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SEDOV_DATA", "COLUMNS")}
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=300, env=env, check=False)
    assert out.stderr == "", out.stderr
    return out.stdout.splitlines()


@pytest.mark.slow
@pytest.mark.parametrize("reader", ["true", "head -c 1"])
def test_a_reader_that_stops_early_is_silent_success_for_every_command(reader: str) -> None:
    script = "".join(f'{SCRIPT} {cmd} | {reader} >/dev/null; echo "{cmd}=${{PIPESTATUS[0]}}"\n' for cmd in WRITERS)
    assert _statuses(script) == [f"{cmd}=0" for cmd in WRITERS]


@pytest.mark.parametrize("cmd", ["timeline", "timeline --format table", "stats", "chart", "--help", "age-at 1933"])
def test_a_full_disk_is_an_error_that_says_so(cmd: str) -> None:
    out = subprocess.run(f"{SCRIPT} {cmd} > /dev/full", shell=True, capture_output=True, text=True, check=False)
    assert (out.returncode, out.stderr) == (1, "sedov: error: cannot write output: No space left on device\n")


@pytest.mark.parametrize("cmd", ["timeline", "--version", "chart", "show marriage"])
def test_a_closed_stdout_is_an_error_not_a_silent_success(cmd: str) -> None:
    out = subprocess.run(f"{SCRIPT} {cmd} >&-", shell=True, capture_output=True, text=True, check=False)
    assert (out.returncode, out.stderr) == (1, "sedov: error: cannot write output: standard output is closed\n")


def _interrupted(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)


def test_ctrl_c_while_importing_exits_130_without_a_traceback() -> None:
    # Ctrl-C arrives while typer is being imported, before any command runs.
    code = """
import builtins, sys
real = builtins.__import__
def interrupt(name, *args, **kwargs):
    if name == "typer":
        raise KeyboardInterrupt
    return real(name, *args, **kwargs)
builtins.__import__ = interrupt
sys.argv = ["sedov", "timeline"]
from sedov_cli.launch import main
main()
"""
    out = _interrupted(code)
    assert (out.returncode, out.stdout, out.stderr) == (130, "", "")


def test_ctrl_c_while_working_exits_130_without_a_traceback() -> None:
    code = """
import sys
import sedov_cli.queries as queries
def interrupt(*args, **kwargs):
    raise KeyboardInterrupt
queries.select = interrupt
import sedov_cli.commands.listings as listings
listings.select = interrupt
sys.argv = ["sedov", "timeline"]
from sedov_cli.launch import main
main()
"""
    out = _interrupted(code)
    assert (out.returncode, out.stdout, out.stderr) == (130, "", "")


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        # --debug is a parsed global option, not a word found anywhere in argv
        # after the command it is the global option too (global options may follow the command)
        (["timeline", "--debug", "--limit", "1"], 0, ""),
        (
            ["show", "--", "--debug"],
            2,
            "sedov: error: unknown event id '--debug'; sedov timeline --ids shows every id\n",
        ),
        (["events", "--search", "--debug", "--json"], 0, ""),
        # under --debug a usage error is still a usage error, with no traceback
        (
            ["--debug", "events", "--place", "Nowhere"],
            2,
            "sedov: error: unknown place 'Nowhere'; the places are: "
            "USSR, Turkey, Germany, Berlin, France, Paris, Clinique Mirabeau, a Paris hospital, Thiais, Cimetière de "
            "Thiais, United States, Mexico\n",
        ),
        (["--debug", "age-at", "banana"], 2, None),
    ],
)
def test_debug_is_a_real_option(args: list[str], code: int, stderr: str | None) -> None:
    out = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, check=False)
    assert out.returncode == code
    assert "Traceback" not in out.stderr
    if stderr is not None:
        assert out.stderr == stderr


def test_debug_shows_the_traceback_of_a_runtime_error() -> None:
    out = subprocess.run([str(SCRIPT), "--debug", "--data", "/nonexistent.json", "timeline"], capture_output=True,
                         text=True, check=False)  # fmt: skip
    assert out.returncode == 1
    assert out.stderr.startswith("Traceback") and "DatasetError: /nonexistent.json: cannot read" in out.stderr


_SET_NAME_INTERRUPT = """
class Interrupting:
    def __set_name__(self, owner, name):
        raise KeyboardInterrupt  # Ctrl-C arriving inside a descriptor's __set_name__, while a class is made
def interrupt():
    class Made:
        field = Interrupting()
"""


def test_ctrl_c_wrapped_by_set_name_while_importing_exits_130() -> None:
    """Python 3.11 wraps it: RuntimeError: Error calling __set_name__ (2 in 250 runs met it while rich loaded)."""
    code = (
        _SET_NAME_INTERRUPT
        + """
import builtins, sys
real = builtins.__import__
def importing(name, *args, **kwargs):
    if name == "typer":
        interrupt()
    return real(name, *args, **kwargs)
builtins.__import__ = importing
sys.argv = ["sedov", "timeline"]
from sedov_cli.launch import main
main()
"""
    )
    out = _interrupted(code)
    assert (out.returncode, out.stdout, out.stderr) == (130, "", "")


def test_ctrl_c_wrapped_by_set_name_while_working_exits_130() -> None:
    """The same during a command, where a lazy import (rich, when a table is drawn) meets it."""
    code = (
        _SET_NAME_INTERRUPT
        + """
import sys
import sedov_cli.commands.listings as listings
listings.select = lambda *args, **kwargs: interrupt()
sys.argv = ["sedov", "timeline"]
from sedov_cli.launch import main
main()
"""
    )
    out = _interrupted(code)
    assert (out.returncode, out.stdout, out.stderr) == (130, "", "")


def test_ctrl_c_while_the_sedov_script_imports_its_entry_point_exits_130() -> None:
    """pip's script runs `from sedov_cli.launch import main` before main can catch anything."""
    code = """
import builtins, sys
sys.argv = ["/usr/local/bin/sedov", "timeline"]
real = builtins.__import__
def importing(name, *args, **kwargs):
    if name == "sedov_cli.launch":
        real("sedov_cli")  # the package's first line has run; Ctrl-C lands while launch is being loaded
        raise KeyboardInterrupt
    return real(name, *args, **kwargs)
builtins.__import__ = importing
from sedov_cli.launch import main
main()
"""
    out = _interrupted(code)
    assert (out.returncode, out.stdout, out.stderr) == (130, "", "")


def test_the_package_leaves_excepthook_alone_when_it_is_not_the_sedov_command() -> None:
    out = _interrupted("import sys; before = sys.excepthook; import sedov_cli; print(sys.excepthook is before)")
    assert (out.returncode, out.stdout) == (0, "True\n")


def test_a_reader_that_stops_early_does_not_cancel_a_file_the_user_named(tmp_path: Path) -> None:
    """`sedov chart --svg sedov.svg | head -1`: the chart on stdout is cut short, the SVG is still written."""
    svg = tmp_path / "sedov.svg"
    script = f'{SCRIPT} chart --svg {svg} | true; echo "rc=${{PIPESTATUS[0]}}"'  # true: closed before it writes
    assert _statuses(script) == ["rc=0"]
    assert svg.read_text(encoding="utf-8").startswith("<svg") and "</svg>" in svg.read_text(encoding="utf-8")
