"""Real processes: pipes, terminals, hostile environments and datasets, packaging."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import WriteDataset, event, read_until_closed

SEDOV = [sys.executable, "-m", "sedov_cli"]
SCRIPT = Path(sys.executable).with_name("sedov")


def run(*args: str, env: dict[str, str] | None = None, cwd: str = "/", **kw: Any) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "SEDOV_DATA", "TERM")}
    full_env.update(env or {})
    return subprocess.run(
        [*SEDOV, *args], capture_output=True, text=True, env=full_env, cwd=cwd, timeout=60, check=False, **kw
    )


def run_in_terminal(*args: str, env: dict[str, str] | None = None, columns: int = 100) -> str:
    """Run with stdout on a pseudo-terminal, as a person at a shell would."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SEDOV_DATA")}
    # `cat` as the pager: long output still goes through the paging path, without waiting for a key
    full_env.update({"TERM": "xterm-256color", "COLUMNS": str(columns), "SEDOV_PAGER": "cat"}, **(env or {}))
    leader, follower = pty.openpty()
    proc = subprocess.Popen([*SEDOV, *args], stdout=follower, stderr=follower, env=full_env, cwd="/")
    os.close(follower)
    out = read_until_closed(leader)
    proc.wait(timeout=30)
    os.close(leader)
    assert proc.returncode == 0
    return out.decode("utf-8", errors="replace")


def test_pipe_closed_early_is_silent() -> None:
    script = f'{SCRIPT} timeline | head -1; echo "status=${{PIPESTATUS[0]}}"'
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert out.stdout.splitlines() == [out.stdout.splitlines()[0], "status=0"]
    assert out.stdout.startswith("id\tdate\t")
    assert out.stderr == ""


def test_reader_that_never_reads_is_silent() -> None:
    # `true` exits at once, so every write meets a closed pipe
    script = f'{SCRIPT} timeline --json | true; echo "status=${{PIPESTATUS[0]}}"'
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert (out.stdout, out.stderr) == ("status=0\n", "")


def test_non_terminal_stdout_gets_plain_tsv() -> None:
    out = run("timeline")
    assert out.returncode == 0 and out.stderr == ""
    lines = out.stdout.splitlines()
    assert lines[0].startswith("id\tdate\tkind\tstart\tend\t")
    assert len(lines) == 36 and all(line.count("\t") == 20 for line in lines)
    assert "\x1b" not in out.stdout


def test_terminal_gets_a_coloured_table() -> None:
    screen = run_in_terminal("timeline")
    assert "\x1b[" in screen
    plain = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", screen).split())
    assert "Exile in Paris" in plain and "disputed: Pavel" in plain and "early 1933 26–27" in plain
    assert "24 February 1906 0 Born" in plain  # a date in words stays on one line


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_terminal_without_colour(env: dict[str, str]) -> None:
    screen = run_in_terminal("timeline", env=env)
    assert "\x1b" not in screen
    assert "disputed: some" in screen or ("disputed:" in screen and "historians" in screen)
    assert "Sudoplatov" in screen  # words whole, at any width


@pytest.mark.parametrize(
    "env",
    [{"LC_ALL": "C"}, {"NO_COLOR": "1"}, {"TERM": "dumb"}, {"COLUMNS": "20"}, {"PYTHONIOENCODING": "ascii"}],
)
@pytest.mark.parametrize("args", [["timeline"], ["timeline", "-f", "table"], ["show", "birth", "-f", "table"],
                                  ["places", "-f", "table"], ["age-at", "1933"], ["events", "--json"]])  # fmt: skip
def test_hostile_environments_still_work(env: dict[str, str], args: list[str]) -> None:
    out = run(*args, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert out.stdout


def test_ascii_output_escapes_cyrillic_visibly() -> None:
    out = run("events", "--place", "thiais", env={"PYTHONIOENCODING": "ascii"})
    assert "Cimeti\\xe8re de Thiais" in out.stdout
    as_json = run("show", "birth", "--json", env={"PYTHONIOENCODING": "ascii"})
    assert json.loads(as_json.stdout)["source"]["quote"].startswith("Lev Lvovich Sedov (Лев Львович Седов")


def test_narrow_terminal_wraps_without_losing_text() -> None:
    screen = run_in_terminal("age-at", "1933", columns=20, env={"NO_COLOR": "1"})
    assert "".join(screen.split()) == "In1933LevSedovwas26until23Februaryand27from24February."


def test_completion_offers_dataset_names() -> None:
    def complete(words: str, cword: int) -> list[str]:
        env = {"_SEDOV_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
        out = subprocess.run([str(SCRIPT)], capture_output=True, text=True, env={**os.environ, **env}, timeout=60,
                             check=False)  # fmt: skip
        return out.stdout.split()

    assert complete("sedov events --place Pa", 3) == ["Paris"]
    assert complete("sedov events --person Zbo", 3) == ["Zborowski"]
    assert complete("sedov events --tag he", 3) == ["health"]
    assert complete("sedov show murd", 2) == ["murder-hypothesis"]
    assert complete("sedov age-at 1933 --person Esteb", 4) == ["Esteban", "Volkov"]


def test_debug_shows_a_traceback_and_default_does_not() -> None:
    quiet = run("--data", "/nonexistent.json", "timeline")
    assert quiet.returncode == 1 and "Traceback" not in quiet.stderr
    loud = run("--debug", "--data", "/nonexistent.json", "timeline")
    assert loud.returncode == 1 and "Traceback" in loud.stderr and "DatasetError" in loud.stderr


# --- a hostile dataset -------------------------------------------------------------


HOSTILE_TITLE = "[bold red]Pwned[/] :skull: \x1b[2J\x1b]8;;http://x\x07link \u202eevil\u202c \x9b31m"


@pytest.fixture
def hostile(write_dataset: WriteDataset) -> Path:
    def change(raw: dict[str, Any]) -> None:
        birth = event(raw, "birth")
        birth["title"] = HOSTILE_TITLE
        birth["summary"] = "tab\there\nnewline \\ backslash"
        for place in raw["places"]:
            if place["id"] == "paris":
                place["name"] = "[link=http://x]Paris[/link]"
        raw["eras"][0]["name"] = "Russia \x1b[31mred\u202e"

    path = write_dataset(change)
    # a lone surrogate can only arrive as a JSON escape
    text = path.read_text(encoding="utf-8").replace('"relation": "mother"', '"relation": "mother \\udc80"')
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["tsv", "csv", "markdown", "table"])
def test_hostile_text_is_shown_not_obeyed(hostile: Path, fmt: str) -> None:
    out = run("--data", str(hostile), "events", "--limit", "3", "-f", fmt, env={"COLUMNS": "400"})
    assert out.returncode == 0, out.stderr
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in out.stdout
    literal = "\\[bold red\\]Pwned\\[/\\] :skull:" if fmt == "markdown" else "[bold red]Pwned[/] :skull:"
    assert literal in out.stdout  # shown as text; in Markdown, escaped so that it renders as text
    assert "\\x1b" in out.stdout and "\\u202eevil\\u202c" in out.stdout and "\\x9b31m" in out.stdout


def test_hostile_text_in_a_terminal(hostile: Path) -> None:
    screen = run_in_terminal("--data", str(hostile), "timeline", "--limit", "3", env={"NO_COLOR": "1"})
    assert "\x1b[2J" not in screen and "\u202e" not in screen
    assert "[bold red]Pwned[/]" in "".join(screen.split("\r\n"))
    shown = run_in_terminal("--data", str(hostile), "places", env={"NO_COLOR": "1"})
    assert "[link=http://x]Paris[/link]" in shown


@pytest.mark.parametrize(
    "args",
    [["chart"], ["stats"], ["export", "--format", "markdown"], ["export", "--format", "ics"],
     ["export", "--format", "csv"], ["export", "--format", "timelinejs"], ["on-this-day", "02-24"]],
)  # fmt: skip
def test_hostile_text_in_pictures_and_exports(hostile: Path, args: list[str]) -> None:
    out = run("--data", str(hostile), *args, env={"COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in out.stdout, raw


def test_hostile_tsv_keeps_one_record_per_line(hostile: Path) -> None:
    out = run("--data", str(hostile), "events", "--limit", "3")
    lines = out.stdout.splitlines()
    assert len(lines) == 4
    assert "tab\\there\\nnewline \\\\ backslash" in lines[3]


def test_hostile_json_stays_valid_and_escaped(hostile: Path) -> None:
    out = run("--data", str(hostile), "events", "--limit", "3", "--json")
    assert "\x1b" not in out.stdout and "\u202e" not in out.stdout
    assert json.loads(out.stdout)[2]["title"] == HOSTILE_TITLE
    people = run("--data", str(hostile), "people", "--json")
    assert people.returncode == 0 and "\\udc80" in people.stdout
    assert run("--data", str(hostile), "people").stdout.count("mother \\udc80") == 1


# --- packaging and architecture -------------------------------------------------------


def test_python_dash_m_and_the_script_agree() -> None:
    script = subprocess.run([str(SCRIPT), "age-at", "1933"], capture_output=True, text=True, cwd="/", check=False)
    module = run("age-at", "1933")
    assert script.stdout == module.stdout == "In 1933 Lev Sedov was 26 until 23 February and 27 from 24 February.\n"


@pytest.mark.slow  # a wheel build is 3 s; CI's new-user path installs one and runs it as well
def test_the_wheel_ships_the_data(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
         str(root)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("sedov-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"sedov_cli/data/sedov.json", "sedov_cli/data/schema.json", "sedov_cli/data/article.txt"} <= names
    assert "sedov_cli/cli.py" in names and "sedov_cli/formats/json_format.py" in names


DOMAIN = [
    "values", "dates", "model", "dataset", "schema", "queries", "records", "sentences", "text", "errors",
    "relative", "anniversaries", "stats", "chart", "atomic", "formats", "formats.ical", "formats.timelinejs",
    "validation", "reading", "index", "extraction", "extraction.draft", "extraction.expressions",
    "extraction.relative", "extraction.names", "extraction.layout", "extraction.splitting", "extraction.files",
    "browse", "browse.chronology", "browse.detail", "browse.words", "browse.launch",
]  # fmt: skip


def test_domain_modules_import_neither_typer_nor_rich() -> None:
    code = (
        "import sys\n"
        + "".join(f"import sedov_cli.{m}\n" for m in DOMAIN)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click'))\n"
        + "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout == "[]\n", out.stderr


def test_the_pipe_path_does_not_import_rich() -> None:
    out = run("timeline", env={"PYTHONPROFILEIMPORTTIME": "1"})
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "|" in line}
    assert "sedov_cli.cli" in imported
    assert not {m for m in imported if m.startswith("rich")}


def imported_by(*args: str) -> set[str]:
    """The modules a real run of ``sedov ARGS`` imports, from ``-X importtime``."""
    out = run(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert out.returncode == 0, out.stderr
    return {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "|" in line}


COMMAND_MODULES = {f"sedov_cli.commands.{m}" for m in
                   ("listings", "ages", "pictures", "exports", "checks", "extract", "browse", "cache")}  # fmt: skip


def test_version_imports_no_command_and_no_dataset() -> None:
    """``sedov --version`` makes no command: nothing of the dataset, its model or the queries is imported."""
    imported = imported_by("--version")
    assert "sedov_cli.cli" in imported
    assert not imported & COMMAND_MODULES
    assert not imported & {f"sedov_cli.{m}" for m in ("model", "dates", "dataset", "queries", "records", "formats")}


@pytest.mark.parametrize("args", [["timeline"], ["events", "--place", "Paris", "--format", "ndjson"],
                                  ["events", "--help"]])  # fmt: skip
def test_a_command_imports_only_its_own_family(args: list[str]) -> None:
    imported = imported_by(*args)
    assert imported & COMMAND_MODULES == {"sedov_cli.commands.listings"}


def test_a_repeat_reads_its_index_without_the_writing_modules(cache: Path) -> None:
    """The first run writes the index (tempfile, for mkstemp); a repeat only reads it, and imports neither
    tempfile nor importlib.resources (the packaged folder is found from its package)."""
    imported_by("timeline")
    assert not imported_by("timeline") & {"tempfile", "importlib.resources", "zipfile"}


GC_PROBE = """
import atexit, gc, sys
atexit.register(lambda: print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr))
sys.argv = ["sedov", *sys.argv[1:]]
from sedov_cli.launch import main
main()
"""


@pytest.mark.parametrize(("args", "after"), [(["timeline"], "True True"), (["cache", "info"], "True True"),
                                             (["--version"], "False False")])  # fmt: skip
def test_the_collector_waits_for_the_command(args: list[str], after: str) -> None:
    """The sedov process collects no garbage during start-up; once the command starts, the collector is
    back on with start-up's objects frozen out of its sight. (--version ends before any command starts.)"""
    out = subprocess.run([sys.executable, "-c", GC_PROBE, *args], capture_output=True, text=True, cwd="/",
                         timeout=60, check=False)  # fmt: skip
    assert out.returncode == 0
    assert out.stderr.splitlines()[-1] == after


def test_run_leaves_the_collector_alone() -> None:
    """``cli.run`` (a test, a program embedding sedov) never touches the caller's collector."""
    code = "import gc, io, sys\nfrom sedov_cli import cli\nsys.stdout = io.StringIO()\ncli.run(['timeline'])\n"
    code += "print(gc.isenabled(), gc.get_freeze_count(), file=sys.stderr)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", timeout=60,
                         check=False)  # fmt: skip
    assert out.stderr.splitlines()[-1] == "True 0"


@pytest.mark.parametrize(("args", "family"), [(["age-at", "1933"], "ages"), (["cache", "info"], "cache"),
                                              (["validate"], "checks")])  # fmt: skip
def test_other_families_load_alone_too(args: list[str], family: str) -> None:
    assert imported_by(*args) & COMMAND_MODULES == {f"sedov_cli.commands.{family}"}


def test_help_lists_every_command_in_order() -> None:
    """The lazy command tree still lists every command, each with its summary, in the order of cli.COMMANDS."""
    out = run("--help")
    rows = out.stdout.split("Commands:")[1].splitlines()
    listed = [line.split()[0] for line in rows if line.startswith("  ") and not line.startswith("   ")]
    assert listed == ["timeline", "events", "show", "age-at", "people", "places", "periods", "tags", "chart",
                      "on-this-day", "stats", "export", "validate", "extract", "browse", "cache"]  # fmt: skip


@pytest.mark.parametrize("args", [["timeline"], ["show", "birth"], ["--help"], ["chart"], ["browse"]])
def test_only_the_explorer_imports_textual(args: list[str]) -> None:
    """Textual costs about 0.2 s to import: no other command pays it, nor browse when it refuses a pipe."""
    out = run(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "|" in line}
    assert "sedov_cli.cli" in imported
    assert not {m for m in imported if m.split(".")[0] == "textual"}
    assert ("sedov_cli.browse.launch" in imported) is (args == ["browse"])


def test_install_completion_writes_the_shell_hook(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    out = subprocess.run([str(SCRIPT), "--install-completion", "bash"], capture_output=True, text=True, env=env,
                         timeout=60, check=False)  # fmt: skip
    assert out.returncode == 0, out.stderr
    script = tmp_path / ".bash_completions" / "sedov.sh"
    assert "_SEDOV_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_chart_degrades_to_plain_characters(env: dict[str, str]) -> None:
    screen = run_in_terminal("chart", env=env)
    assert "\x1b" not in screen and "█" not in screen and "░" not in screen
    assert "#" in screen and ":" in screen and "# certainly  : maybe" in screen


def test_chart_in_colour_uses_blocks() -> None:
    screen = run_in_terminal("chart")
    assert "\x1b[" in screen and "█" in screen and "░" in screen
