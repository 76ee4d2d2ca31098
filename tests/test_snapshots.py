"""Every listing command in every format, pinned byte for byte.

The expected outputs live in tests/snapshots/. A missing snapshot fails; set
SEDOV_UPDATE_SNAPSHOTS=1 to write new ones, then read the diff before
committing: that diff is the review of an output change.
"""

from __future__ import annotations

import pytest
from conftest import check_snapshot, terminal
from typer.testing import CliRunner

from sedov_cli import cli

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
    "events-relative": ["events", "--relative-to", "death", "--tag", "health"],
    "on-this-day-0216": ["on-this-day", "02-16", "--today", "2026-11-24"],
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_snapshot(monkeypatch: pytest.MonkeyPatch, name: str, fmt: str) -> None:
    result = CliRunner().invoke(cli.app, [*COMMANDS[name], "--format", fmt], obj=terminal())
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if (name, fmt) == ("age-at-1933", "table"):  # an answer in words has no table, and says so (issue 21)
        assert (result.exit_code, result.stdout) == (2, "")
        return
    assert (result.exit_code, result.stderr) == (0, "")
    check_snapshot(f"{name}.{fmt}.txt", result.stdout)
