"""Every listing command in every format, pinned byte for byte.

The expected outputs live in tests/snapshots/. A missing snapshot fails; set
SEDOV_UPDATE_SNAPSHOTS=1 to write new ones, then read the diff before
committing: that diff is the review of an output change.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sedov_cli import cli
from sedov_cli.environment import Environment

SNAPSHOTS = Path(__file__).with_name("snapshots")
FORMATS = ["table", "json", "ndjson", "csv", "tsv", "markdown"]
COMMANDS = {
    "timeline-dispute": ["timeline", "--tag", "dispute"],
    "events-zborowski": ["events", "--person", "Zborowski"],
    "events-ranged": ["events", "--from", "1933", "--to", "1933", "--tag", "bloc"],
    "show-bloc-dissolved": ["show", "bloc-dissolved"],
    "age-at-1933": ["age-at", "1933"],
    "people-pfemfert": ["people", "--search", "pfemfert"],
    "places-paris": ["places", "--search", "paris"],
    "tags-death": ["tags", "--search", "death"],
    "validate": ["validate"],
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_snapshot(monkeypatch: pytest.MonkeyPatch, name: str, fmt: str) -> None:
    monkeypatch.setattr(cli, "environment_factory", lambda: Environment(sys.stdout, sys.stderr, True, False, 100, True))
    result = CliRunner().invoke(cli.app, [*COMMANDS[name], "--format", fmt])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (result.exit_code, result.stderr) == (0, "")
    path = SNAPSHOTS / f"{name}.{fmt}.txt"
    if os.environ.get("SEDOV_UPDATE_SNAPSHOTS") == "1":
        path.write_text(result.stdout, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}; run with SEDOV_UPDATE_SNAPSHOTS=1 and review it"
    assert result.stdout == path.read_text(encoding="utf-8")
