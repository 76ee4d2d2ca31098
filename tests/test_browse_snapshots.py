"""SVG snapshots of sedov browse's main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Review a changed snapshot before accepting it: `pytest tests/test_browse_snapshots.py --snapshot-update`,
then open the SVGs under tests/__snapshots__/ (or convert one: rsvg-convert -o x.png FILE.svg).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual import events
from textual.pilot import Pilot

from sedov_cli.browse.app import BrowseApp
from sedov_cli.model import Dataset

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize(
    ("before", "pasted", "press"),
    [
        ([], "", []),  # the chronology and the life bar (and at 120, the detail beside them)
        (["t"], "moves-to-paris", ["enter"]),  # an event inside the life: its bar and cursor
        (["t"], "murder-hypothesis", ["enter", "enter"]),  # a disputed claim opened, its dispute beside it
        ([], "", ["question_mark"]),  # the help
        (["t"], "murder-hypothesis", ["enter", "f"]),  # following a person or place
        (["colon"], "--tag health --from 1990", ["enter"]),  # nothing matches
    ],
    ids=["first", "in-paris", "opened", "help", "follow", "empty"],
)
def test_screens(snap_compare: Callable[..., bool], ds: Dataset, before: list[str], pasted: str, press: list[str],
                 size: tuple[int, int]) -> None:  # fmt: skip
    async def settle(pilot: Pilot[int]) -> None:
        await pilot.press(*before)
        if pasted:  # as a terminal pastes it: one event, where typing costs Pilot a wait per key
            pilot.app.post_message(events.Paste(pasted))
        await pilot.pause()  # the cursor's news (detail, life bar) reaches every widget before the picture

    assert snap_compare(BrowseApp(ds), press=press, terminal_size=size, run_before=settle)
