"""Issue 21's chart: a title that is not a lifespan after death, marks named by letters, and --json."""

from __future__ import annotations

import json

from conftest import terminal
from typer.testing import CliRunner

from sedov_cli import cli


def _chart(*args: str, width: int = 100) -> str:
    result = CliRunner().invoke(cli.app, ["chart", *args], obj=terminal(width))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_title_after_death_is_not_a_lifespan() -> None:
    assert _chart("--after-death").splitlines()[0] == "Lev Sedov (1906–1938), and after, to 1994"
    assert _chart().splitlines()[0] == "Lev Sedov, 1906–1938"


def test_each_moment_mark_is_named_by_a_letter_and_the_key_says_what_it_is() -> None:
    lines = [line.rstrip() for line in _chart("--place", "France", "--tag", "health", width=80).splitlines()]
    moments = next(i for i, line in enumerate(lines) if line.startswith("moments"))
    assert lines[moments + 1].strip() == "a" and lines[moments + 1].index("a") == lines[moments].index("*")
    assert lines[-4:] == [
        "a  Appendicitis; Zborowski takes him to a private clinic (February 1938);",
        "   Appendectomy at the Clinique Mirabeau (February 1938); Complications, and",
        "   apparently no further treatment (February 1938); Taken to a Paris hospital",
        "   (February 1938)",
    ]


def test_every_moment_of_the_life_has_a_letter_or_is_counted() -> None:
    lines = _chart().splitlines()
    keyed = [line for line in lines if len(line) > 3 and line[0].isalpha() and line[1:3] == "  "]
    assert [line[0] for line in keyed] == list("abcdefghijklmnop")
    # two overlap on the shared last lane, where a mark may be hidden: they are counted, not dropped
    assert lines[-1] == "(2 more moments are drawn without a letter)"


def test_chart_json_gives_the_rows_it_draws() -> None:
    result = CliRunner().invoke(cli.app, ["chart", "--place", "France", "--tag", "health", "--json"],
                                env={"COLUMNS": "60"})  # fmt: skip
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "title": "Lev Sedov, 1906–1938", "first_year": 1906, "last_year": 1938, "width": 60,
        "rows": [
            {"label": "", "text": "1906 1910   1915  1920   1925  1930   1935"},
            {"label": "", "text": "┬────┬──────┬─────┬──────┬─────┬──────┬─────"},
            {"label": "Paris", "text": "                                  ░░███████"},
            {"label": "Caring for his…", "text": "                                      ░░███"},
            {"label": "moments", "text": "                                          ●"},
            {"label": "", "text": "                                          a"},
            {"label": "", "text": "┬────┬──────┬─────┬──────┬─────┬──────┬─────"},
            {"label": "age", "text": "     3      8     13     18    23     28"},
        ],
        "key": [{"key": "a", "events": [
            {"id": "appendicitis", "title": "Appendicitis; Zborowski takes him to a private clinic",
             "when": "February 1938"},
            {"id": "appendectomy", "title": "Appendectomy at the Clinique Mirabeau", "when": "February 1938"},
            {"id": "complications", "title": "Complications, and apparently no further treatment",
             "when": "February 1938"},
            {"id": "taken-to-hospital", "title": "Taken to a Paris hospital", "when": "February 1938"},
        ]}],
        "not_shown": {"before": 0, "after": 0},
    }  # fmt: skip
