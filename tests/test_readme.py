"""The README is the user's door: its commands must work and its answers must be true."""

from __future__ import annotations

import itertools
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str) -> str:
    section = README.split(heading, 1)[1]
    return section.split("```sh\n", 1)[1].split("```", 1)[0]


def _examples(heading: str = "## Commands") -> list[tuple[str, str | None]]:
    out = []
    for line in _block_after(heading).splitlines():
        command, _, comment = line.partition("#")
        for part in command.split(";"):
            part = part.split("|")[0].strip()
            if part.startswith("sedov") and "my-dataset.json" not in part and " extract " not in part:
                answer = comment.strip() if re.match(r"(In|On|At) ", comment.strip()) else None
                out.append((part, answer))
    return out


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r'^TEST_CMD="(.*)"$', ci, flags=re.M)
    assert command is not None
    assert f"\n{command.group(1)}\n" in README


def test_readme_has_exactly_two_setup_commands() -> None:
    setup = README.split("## Set up", 1)[1].split("## Commands", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", setup, flags=re.S)
    assert [b.count("\n") for b in blocks] == [1, 1]
    assert "sedov timeline" in blocks[0] and "pytest" in blocks[1]


@pytest.mark.parametrize(("command", "answer"), _examples())
def test_readme_examples_run(command: str, answer: str | None) -> None:
    args = shlex.split(command)[1:]
    out = subprocess.run([sys.executable, "-m", "sedov_cli", *args], capture_output=True, text=True, check=False,
                         timeout=60, cwd="/")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout
    if answer is not None:
        assert out.stdout == answer + "\n"


@pytest.mark.parametrize(("command", "_"), _examples("### Pictures and exports"))
def test_readme_file_examples_write_their_files(command: str, _: None, tmp_path: Path) -> None:
    args = shlex.split(command)[1:]
    out = subprocess.run([sys.executable, "-m", "sedov_cli", *args], capture_output=True, text=True, check=False,
                         timeout=60, cwd=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    written = args[args.index("--output") + 1] if "--output" in args else args[args.index("--svg") + 1]
    assert (tmp_path / written).stat().st_size > 0


def test_the_extract_worked_example_gives_the_output_shown(tmp_path: Path) -> None:
    from conftest import terminal
    from typer.testing import CliRunner

    from sedov_cli import cli

    section = README.split("## Drafting a dataset from any biography", 1)[1]
    blocks = re.findall(r"^```(\w*)\n(.*?)^```$", section, flags=re.S | re.M)
    (sh, script), (_, summary), (_, table) = blocks[:3]
    assert sh == "sh"
    setup, _, commands = script.partition("TEXT\n")
    lines = commands.splitlines()
    assert lines == ["sedov extract ann.txt --output draft.json", "sedov --data draft.json timeline"]
    subprocess.run(["bash", "-c", setup + "TEXT\n"], cwd=tmp_path, check=True)
    extract = subprocess.run([sys.executable, "-m", "sedov_cli", *shlex.split(lines[0])[1:]], cwd=tmp_path,
                             capture_output=True, text=True, check=False, timeout=60)  # fmt: skip
    assert (extract.returncode, extract.stdout, extract.stderr) == (0, "", summary)
    draft = str(tmp_path / "draft.json")
    shown = CliRunner().invoke(cli.app, ["--data", draft, "timeline", "--no-pager"], obj=terminal(80))
    assert [line.rstrip() for line in shown.stdout.splitlines()] == table.splitlines()


def test_every_extract_example_prints_what_the_readme_shows(tmp_path: Path) -> None:
    """The browser page, the saved HTML, standard input and the jq/cut lines: each block's real output."""
    section = README.split("## Drafting a dataset from any biography", 1)[1].split("## Output contract", 1)[0]
    blocks = re.findall(r"^```(\w*)\n(.*?)^```$", section, flags=re.S | re.M)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "COLUMNS": "80"}
    checked = 0
    for (lang, script), (after, shown) in itertools.pairwise(blocks):
        if lang != "sh" or after != "":
            continue
        first = "sedov --data draft.json timeline\n" in script  # the worked example: its table is checked above
        command = script.replace("sedov --data draft.json timeline\n", "")
        run = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, env=env,
                             timeout=120, check=False)  # fmt: skip
        assert run.returncode == 0, (script, run.stderr)
        assert run.stdout + run.stderr == shown, script
        checked += 0 if first else 1
    assert checked == 4  # the page, its events, the HTML page, standard input
