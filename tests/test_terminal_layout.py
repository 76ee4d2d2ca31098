"""Issue 21's layouts, looked at through a real pseudo-terminal at 40, 80 and 120 columns.

Short columns (dates, ages, places, certainty) get their natural width before the event's title
takes the slack; below 60 columns each record is a block with a hanging indent; prose wraps at
word boundaries; a table in a pipe is neither padded nor cut at 80 columns.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from conftest import WriteDataset, check_snapshot, terminal
from test_processes import SEDOV, run_in_terminal
from typer.testing import CliRunner

from sedov_cli import cli
from sedov_cli.dates import filing_day, parse_edtf
from sedov_cli.environment import wrap_prose
from sedov_cli.render_layout import Column, fit, line_count

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _screen(*args: str, columns: int) -> str:
    out = ANSI.sub("", run_in_terminal(*args, columns=columns, env={"NO_COLOR": "1"}))
    return "\n".join(line.rstrip() for line in out.split("\r\n"))


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize(
    ("name", "args"),
    [("events-1935-1936", ["events", "--from", "1935", "--to", "1936"]), ("stats", ["stats"])],
)
def test_layouts_at_three_widths(name: str, args: list[str], width: int) -> None:
    screen = _screen(*args, columns=width)
    check_snapshot(f"terminal-{name}.{width}.txt", screen)
    assert max(len(line) for line in screen.splitlines()) <= width


def test_short_columns_are_not_folded_one_word_a_line() -> None:
    wide = _screen("events", "--from", "1935", "--to", "1936", columns=120)
    assert "29–31 if alive" in wide and "25–31 (during)" in wide  # was "28–31, / if in / the / lifetime"
    narrow = _screen("timeline", columns=80)
    assert "29–31 if" in narrow and "if\n" not in narrow  # the Age column's entries on two lines at most
    # a date in words is never broken ("24 February" over "1906"); "by" may stand above one
    assert "24 February 1906" in narrow and "by                       31" in narrow
    assert "16 February 1938         31   Dies in a Paris hospital" in narrow
    relative = _screen("events", "--relative-to", "death", "--from", "1938", "--to", "1938", columns=80)
    assert "0–15 days before death" in relative  # was "0–15 / days / before / death"
    stats = _screen("stats", columns=80)
    assert "zborowski-confirms-death" in stats  # was "zborowski-confirms-deat / h"


def test_the_stacked_layout_hangs_its_continued_lines() -> None:
    narrow = _screen("events", "--place", "Mexico", columns=40).splitlines()
    assert narrow == [
        "Sieva takes the name Esteban Volkov in",
        "    Mexico  sieva-renamed",
        "  1938 or later · age 31 if alive ·",
        "    Mexico · inferred",
    ]


def test_age_at_and_explain_wrap_at_word_boundaries() -> None:
    screen = _screen("age-at", "bloc-dissolved", "--explain", columns=40).splitlines()
    assert screen[:7] == [
        "At “The bloc is dissolved” (early 1933)",
        "Lev Sedov was 26–27: 26 if by 23",
        "February and 27 if later.",
        "",
        "Asked: event 'bloc-dissolved', “The bloc",
        "  is dissolved”, dated 1933-37",
        "  [attributed]",
    ]


def test_prose_in_a_pipe_is_not_wrapped() -> None:
    result = CliRunner().invoke(cli.app, ["age-at", "bloc-dissolved"])
    assert result.stdout == (
        "At “The bloc is dissolved” (early 1933) Lev Sedov was 26–27: 26 if by 23 February and 27 if later.\n"
    )


def test_wrap_prose_keeps_words_and_hyphens_whole() -> None:
    assert wrap_prose("see sedov age-at 30 January 1933 now", 12) == "see sedov\nage-at 30\nJanuary 1933\nnow"
    assert wrap_prose("  a list item that goes on", 13, 2) == "  a list item\n    that goes\n    on"
    assert wrap_prose("unbreakable-word-here x", 8) == "unbreakable-word-here\nx"


def test_a_table_in_a_pipe_is_not_padded_or_cut_at_80_columns() -> None:
    import subprocess

    out = subprocess.run([*SEDOV, "timeline", "--format", "table"], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "SEDOV_CACHE_DIR": _cache()}).stdout  # fmt: skip
    lines = out.splitlines()
    assert all(line == line.rstrip(" ") for line in lines)
    assert "Helps print and distribute the Bulletin of the Opposition" in out  # one line: nothing wraps
    assert max(len(line) for line in lines) > 80


def _cache() -> str:
    import os

    return os.environ["SEDOV_CACHE_DIR"]


def test_fit_gives_short_columns_their_natural_width_first() -> None:
    columns = [Column("When", 2), Column("Age", 6), Column("Event", 1)]
    cells = [["16 February 1938", "1933"], ["0–15 days before death", "3"], ["A title of some length here", "b"]]
    # 60 columns: 54 to share; the date (16) and the age (22) are whole, the title takes the rest
    assert fit(columns, cells, 60, main=2) == [16, 22, 16]
    assert fit(columns, cells, 100, main=2) == [16, 22, 27]
    assert fit(columns, cells, 59, main=2) is None  # below 60: stacked


def test_line_count_wraps_like_a_cell() -> None:
    assert [line_count("28–31, if in the lifetime", w) for w in (8, 11, 12, 25)] == [4, 3, 2, 1]
    assert line_count("a\nb c", 3) == 2


def test_the_filing_day_is_where_the_words_put_a_date() -> None:
    from sedov_cli.dates import Span

    def filed(edtf: str, earliest: date | None = None, latest: date | None = None) -> date | None:
        when = parse_edtf(edtf)
        return filing_day(when, when.span.narrowed(earliest, latest))

    assert filed("[..1938-02-16]", date(1932, 1, 1)) == date(1938, 2, 16)  # by 16 February 1938
    assert filed("[..1933]", date(1932, 1, 1), date(1933, 3, 23)) == date(1933, 1, 1)  # by 1933
    assert filed("[..1933]", None, date(1932, 6, 1)) == date(1932, 6, 1)  # a bound before the year's start
    assert filed("[1929..1931]") == date(1929, 1, 1)
    assert filed("[1936..]") == date(1936, 1, 1)
    assert filed("../1938", date(1932, 1, 1)) == date(1932, 1, 1)  # a period is filed where it may start
    assert filing_day(parse_edtf("../1938"), Span(None, date(1938, 12, 31))) is None


def test_show_names_its_neighbours_and_files_by_16_february_1938_there() -> None:
    out = CliRunner().invoke(cli.app, ["show", "bloc-dissolved"], obj=terminal(100)).stdout.splitlines()
    assert [line.rstrip() for line in out[-4:]] == [
        "previous   Followed by NKVD agents (until 1938)",
        "           nkvd-surveillance",
        "next       Takes in and cares for his nephew Sieva (1935–1938)",
        "           cares-for-nephew",
    ]
    ids = [line.split("\t")[0] for line in CliRunner().invoke(cli.app, ["events", "--from", "1938"]).stdout.split("\n")]
    assert ids.index("murder-hypothesis") == ids.index("death") - 1


def test_people_show_dates_in_words() -> None:
    out = CliRunner().invoke(cli.app, ["people", "--search", "lev"], obj=terminal(100)).stdout
    assert "24 February 1906" in out and "1906-02-24" not in out


def test_a_date_in_words_is_one_unbreakable_word_and_cells_break_at_plain_spaces() -> None:
    from sedov_cli.render_layout import GLUE, breaks, glue_dates, longest_word

    assert glue_dates("by 16 February 1938") == f"by 16{GLUE}February{GLUE}1938"
    assert glue_dates("March 3, 1920 and May 1921") == f"March{GLUE}3,{GLUE}1920 and May{GLUE}1921"
    assert glue_dates("between 1929 and 1931") == "between 1929 and 1931"  # no date in words: breaks as prose
    assert glue_dates("1 May") == f"1{GLUE}May" and glue_dates("May I") == "May I"
    assert longest_word(glue_dates("by 16 February 1938")) == 16
    assert breaks(glue_dates("by 16 February 1938"), 16) == [2]  # "by" above the whole date
    assert breaks("a bb ccc\nd", 4) == [4] and breaks("aaaaaa b", 3) == [6]  # a long word stays whole
    # and no no-break space ever leaves the table: in a pipe, at a terminal, stacked
    for args in (["timeline", "--format", "table"], ["events", "--format", "table"]):
        assert GLUE not in CliRunner().invoke(cli.app, args).output
    for width in (40, 80, 120):
        for args in (["timeline"], ["stats"], ["events", "--from", "1938"]):
            assert GLUE not in CliRunner().invoke(cli.app, args, obj=terminal(width)).stdout


def test_a_tables_places_are_separated_by_semicolons_as_a_place_name_may_hold_a_comma(
    write_dataset: WriteDataset,
) -> None:
    def two_places(raw: dict[str, Any]) -> None:
        raw["places"].append({"id": "st-hughs", "name": "St Hugh's College, Oxford", "aliases": [],
                              "kind": "place", "parent": None, "note": "A test place."})  # fmt: skip
        event = next(e for e in raw["events"] if e["id"] == "moves-to-paris")
        event["places"] = ["paris", "st-hughs"]

    path = write_dataset(two_places)
    out = CliRunner().invoke(cli.app, ["--data", str(path), "events", "--place", "Oxford"], obj=terminal(160)).stdout
    assert "Paris; St Hugh's College, Oxford" in out
