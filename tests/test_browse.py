"""sedov browse, driven headless: keys in (Textual's Pilot), screen text and state out."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import WriteDataset, event
from textual import events

from sedov_cli.browse.app import HINTS, BrowseApp
from sedov_cli.browse.chronology import PAGE, Chronology, Heading
from sedov_cli.browse.detail import date_marks, life_bar, quote_runs
from sedov_cli.browse.screens import DETAIL_HINTS, DetailScreen, FollowScreen, HelpScreen, PromptScreen
from sedov_cli.browse.widgets import Chronicle, KeyHints
from sedov_cli.browse.words import command_line, parse, words
from sedov_cli.chart import ASCII, UNICODE
from sedov_cli.dataset import load
from sedov_cli.errors import UsageProblem
from sedov_cli.model import Dataset, Event
from sedov_cli.queries import Filters, Hit, by_period, resolve_when, select

Script = Callable[["Driver"], Awaitable[None]]


class Driver:
    """The running app, with the screen as text (the compositor's own lines, as a person sees them)."""

    def __init__(self, app: BrowseApp, pilot: object) -> None:
        self.app, self.pilot = app, pilot

    def lines(self) -> list[str]:
        return [strip.text.rstrip() for strip in self.app.screen._compositor.render_strips()]

    def text(self) -> str:
        return "\n".join(self.lines())

    async def press(self, *keys: str) -> None:
        """Keys in, then one wait until the app has answered them all and its screen is drawn."""
        await self.pilot.press(*keys)  # type: ignore[attr-defined]
        await self.pilot.pause()  # type: ignore[attr-defined]

    async def type(self, text: str) -> None:
        """Keys in, one per character (Pilot waits for the app to go idle after each)."""
        await self.press(*("space" if ch == " " else ch for ch in text))

    async def paste(self, text: str) -> None:
        """Text into the focused prompt as a terminal pastes it: one event, where typing it costs a
        wait per key. (The live search's own test types key by key.) No wait: the key pressed next
        is queued behind it, and reaches the prompt after it."""
        self.app.post_message(events.Paste(text))

    async def until(self, done: Callable[[], bool]) -> None:
        """Let the app work (a live search waits for the typing to pause) until ``done``; never a time limit."""
        for _ in range(400):
            if done():
                return
            await self.pilot.pause(0.05)  # type: ignore[attr-defined]
        raise AssertionError("the app never got there")

    @property
    def current(self) -> str | None:
        hit = self.app.query_one(Chronicle).hit
        return hit.event.id if hit else None

    def ids(self) -> list[str]:
        return [r.event.id for r in self.app.query_one(Chronicle).chronology.rows if not isinstance(r, Heading)]


def drive(app: BrowseApp, script: Script, size: tuple[int, int] = (80, 24)) -> BrowseApp:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await script(Driver(app, pilot))

    asyncio.run(main())
    return app


def browse(ds: Dataset, script: Script, size: tuple[int, int] = (80, 24), **kw: object) -> BrowseApp:
    return drive(BrowseApp(ds, **kw), script, size)  # type: ignore[arg-type]


# --- the first screen -------------------------------------------------------------------


def test_first_screen_shows_the_chronology_grouped_by_period(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        assert [line[:78].rstrip() for line in d.lines()[:13]] == [  # without the scroll bar
            " Lev Sedov: every event",
            " When               Age     Event",
            " Early life",
            " 1905                       His father takes part in the Revolution of 1905",
            " 24 February 1906         0 Born while his father is in prison",
            " 24 February 1906         0 Born",
            " after the October…   11–23 Lives apart from his parents",
            " 1925                    19 Marries at 19",
            " 1926                 19–20 Son Lev born",
            " Exile in Turkey and Germany",
            " 1929                 22–23 Into exile with his parents",
            " between 1929 and …   22–25 The Pfemferts arrange his visa",
            " between 1929 and …   22–26 Sees an eye specialist",
        ]
        assert d.lines()[-2] == " 35 events"
        assert d.current == "revolution-of-1905"

    browse(ds, script)


def test_life_bar_draws_the_eras_and_a_cursor_under_the_event(ds: Dataset) -> None:
    rows = ["".join(text for text, _ in row).rstrip() for row in life_bar(ds, ds.event("moves-to-paris"), 80, UNICODE)]
    assert rows == [
        "                     1906   1910     1915     1920    1925     1930     1935",
        "Exile in Turkey                                               ░███░░",
        "Berlin                                                           ░░█░░",
        "Paris                                                              ░░██████████",
        "Caring for his neph…                                                    ░░█████",
        "moments                                                            ···",
        "                                                                   ▲▲▲",
        "age                         3        8        13      18       23       28",
    ]
    after = ["".join(t for t, _ in row).rstrip() for row in life_bar(ds, ds.event("sudoplatov-denial"), 80, ASCII)]
    assert after[-3:] == ["this event lies after 1938, right of the bar", "",
                          "age                         3        8        13      18       23       28"]  # fmt: skip
    assert len(after) == len(rows) == len(ds.eras) + 4  # one height for every event: the screen does not jump
    assert "^" not in "".join(after) and "#" in "".join(after)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_life_bar_cursor_spans_exactly_the_columns_of_the_event_mark(ds: Dataset, width: int) -> None:
    """A period's bar and a moment's dots each find their columns as the chart does; the cursor under
    them must take the same ones (it was a column wider under 'grave', a period with an open end)."""
    checked = 0
    for shown in ds.events:
        rows = life_bar(ds, shown, width, UNICODE)
        lane, marks = rows[-3], rows[-2]

        def columns(row: tuple[tuple[str, str], ...], wanted: Callable[[str], bool]) -> list[int]:
            cells = [style for text, style in row for _ in text]
            return [i for i, style in enumerate(cells) if wanted(style)]

        under = columns(marks, lambda style: style == "cursor")
        if not under:  # outside the bar: said in words, no mark
            continue
        assert columns(lane, lambda style: style.startswith(("event.", "period."))) == under, (shown.id, width)
        checked += 1
    assert checked >= 30


def test_the_life_bar_follows_the_cursor(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("t")
        await d.paste("1956")
        await d.press("enter")
        assert d.current == "zborowski-testimony"
        assert "this event lies after 1938, right of the bar" in d.lines()
        await d.press("k")
        assert d.current == "zborowski-confirms-death"  # by 1956: it may fall on the bar's last day
        assert "▲" in d.text()
        await d.press("k")
        assert d.current == "grave"  # after his death, with no end: it starts on the bar's last day
        assert "▲" in d.text()

    browse(ds, script)


class Counted(Sequence[Event]):
    """A dataset's events that count how often they are read through."""

    def __init__(self, events: Sequence[Event]) -> None:
        self.events, self.reads = events, 0

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, i: int) -> Event:  # type: ignore[override]
        return self.events[i]

    def __iter__(self) -> Iterator[Event]:
        self.reads += 1
        return iter(self.events)


@pytest.mark.parametrize("born", [True, False])
def test_moving_the_cursor_reads_no_events_for_the_life_bar(ds: Dataset, born: bool) -> None:
    """The bar's years are found once: a draft without a birth spans its events' years, and reading
    every event at every key cost a large dataset most of its answer."""
    subject = ds.person if born else replace(ds.person, birth=None, death=None)
    counted = Counted(ds.events)
    mine = replace(ds, events=counted, people={**ds.people, ds.subject: subject})
    reads: list[int] = []

    async def script(d: Driver) -> None:
        reads.append(counted.reads)
        await d.press("j", "j", "pagedown", "k")
        reads.append(counted.reads)
        assert d.current is not None

    browse(mine, script)
    assert reads[0] == reads[1]


# --- moving -------------------------------------------------------------------------------


def test_vim_and_arrow_keys_move_and_skip_period_headings(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("j")
        assert d.current == "father-in-prison"
        await d.press("down", "down")
        assert d.current == "lives-apart"
        await d.press("k")
        assert d.current == "birth"
        await d.press("up", "up", "up", "k")  # stays on the first event
        assert d.current == "revolution-of-1905"
        await d.press(*"jjjjj")
        assert d.current == "son-born"
        await d.press("j")  # over the heading "Exile in Turkey and Germany"
        assert d.current == "exile"

    browse(ds, script)


def test_pages_and_ends(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        order = d.ids()
        await d.press("G")
        assert d.current == order[-1]
        await d.press("g")
        assert d.current == order[0]
        await d.press("end")
        assert d.current == order[-1]
        await d.press("home", "ctrl+d")
        first_page = d.current
        assert first_page is not None and order.index(first_page) >= 8
        await d.press("pagedown", "pageup", "ctrl+u", "ctrl+u")  # a page up from the top stays there
        assert d.current == order[0]

    browse(ds, script)


def test_the_mouse_moves_the_cursor_and_a_double_click_opens(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.pilot.click(Chronicle, offset=(10, 4))  # type: ignore[attr-defined]
        await d.pilot.pause()  # type: ignore[attr-defined]
        assert d.current == "lives-apart"
        await d.pilot.click(Chronicle, offset=(10, 0))  # type: ignore[attr-defined]  a heading: nothing
        assert d.current == "lives-apart"
        await d.pilot.click(Chronicle, offset=(10, 5), times=2)  # type: ignore[attr-defined]
        await d.pilot.pause()  # type: ignore[attr-defined]
        assert isinstance(d.app.screen, DetailScreen)
        assert "Marries at 19" in d.text()

    browse(ds, script)


def test_a_click_on_a_key_hint_presses_its_key(ds: Dataset) -> None:
    async def click(d: Driver, hints: KeyHints, label: str) -> None:
        at = d.lines()[-1].index(f" {label} ")  # where the person sees it
        await d.pilot.click(hints, offset=(at + 1, 0))  # type: ignore[attr-defined]
        await d.pilot.pause()  # type: ignore[attr-defined]

    async def script(d: Driver) -> None:
        hints = d.app.screen.query_one(KeyHints)
        assert (
            d.lines()[-1] == " q quit  ? help  ⏎ open  f follow  ⌫ back  / search  : filter  t go to  a age at  y copy"
        )
        await click(d, hints, "? help")
        assert isinstance(d.app.screen, HelpScreen)
        await d.press("escape", "j")
        await click(d, hints, "⏎ open")
        assert isinstance(d.app.screen, DetailScreen) and d.lines()[1] == " Born while his father is in prison"
        await click(d, d.app.screen.query_one(KeyHints), "esc back")
        assert d.app.screen is not None and not isinstance(d.app.screen, DetailScreen)
        await click(d, hints, "/ search")
        assert isinstance(d.app.screen, PromptScreen)
        await d.press("escape")
        await d.pilot.click(hints, offset=(99, 0))  # type: ignore[attr-defined]  past the last hint: nothing
        assert d.app.return_code is None and d.current == "father-in-prison"
        await click(d, hints, "q quit")

    assert browse(ds, script, size=(100, 24)).return_code == 0


@pytest.mark.parametrize(
    ("width", "line"),
    [
        (120, " q quit  ? help  ⏎ open  f follow  ⌫ back  / search  : filter  t go to  a age at  y copy"),
        (80, " q quit ? help ⏎ open f follow ⌫ back / search : filter t go to a age at y copy"),  # closer: all fit
        (60, " q quit ? help ⏎ open f follow ⌫ back / search : filter"),  # whole hints only
    ],
)
def test_the_key_hints_fit_the_width(ds: Dataset, width: int, line: str) -> None:
    async def script(d: Driver) -> None:
        assert d.lines()[-1] == line
        at = line.index(" y copy") if " y copy" in line else None
        if at is not None:  # a click on the last hint still presses its key
            await d.pilot.click(KeyHints, offset=(at + 1, 0))  # type: ignore[attr-defined]
            await d.pilot.pause()  # type: ignore[attr-defined]
            assert d.lines()[-2] == " copied: sedov events"
        await d.pilot.resize_terminal(100, 24)  # type: ignore[attr-defined]
        await d.pilot.pause()  # type: ignore[attr-defined]
        assert (
            d.lines()[-1] == " q quit  ? help  ⏎ open  f follow  ⌫ back  / search  : filter  t go to  a age at  y copy"
        )

    browse(ds, script, size=(width, 24))


def test_every_key_hint_names_a_bound_key() -> None:
    bound = {key for binding in BrowseApp.BINDINGS for key in binding.key.split(",")}  # type: ignore[union-attr]
    assert [key for _, _, key in HINTS if key not in bound] == []
    assert [key for _, _, key in DETAIL_HINTS if key not in {k for b in DetailScreen.BINDINGS
                                                             for k in b.key.split(",")}] == []  # type: ignore[union-attr]  # fmt: skip


# --- the event in detail ------------------------------------------------------------------


def test_enter_opens_the_event_with_its_date_bounds_age_and_quote(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("j", "j", "j", "j")  # Marries at 19
        await d.press("enter")
        assert isinstance(d.app.screen, DetailScreen)
        text = d.text()
        for line in [
            " Marries at 19",
            " marriage",
            " 1925  a moment (it happened once)",
            " EDTF 1925",
            " 24 February 1925  inferred from the article: He married at the age of 19, and he turned 19 on 24",
            " 31 December 1925  from the date itself",
            " 19",
            " At “Marries at 19” (1925) Lev Sedov was 19.",
            " stated",
        ]:
            assert line in d.lines(), line
        assert "“He married in 1925 at the age of 19 and had a son, Lev, the following year.”" in text
        opened = d.app.screen
        await d.press("j", "j", "j")  # scrolled down a little
        assert opened.query_one("#detail-scroll").scroll_y == 3
        await d.press("escape")
        assert not isinstance(d.app.screen, DetailScreen)
        await d.press("j", "l")  # the next event, in the same screen (kept: building it again cost a frame)
        assert d.app.screen is opened and opened.query_one("#detail-scroll").scroll_y == 0
        assert d.lines()[:3] == [" event", " Son Lev born", " son-born"]  # from its top
        await d.press("backspace", "k", "enter")
        assert d.app.screen is opened and d.lines()[1] == " Marries at 19"
        await d.press("backspace")
        assert d.current == "marriage"
        await d.pilot.resize_terminal(60, 40)  # type: ignore[attr-defined]
        await d.press("enter")  # the kept screen follows the terminal's new size
        assert d.app.screen is opened and " 24 February 1925  inferred from the article: He married" in d.lines()
        assert " at the age of 19, and he turned 19 on 24 February 1925." in d.lines()  # wrapped at 60 now

    browse(ds, script, size=(100, 40))


def test_the_opened_event_scrolls_as_far_as_the_keys_say_with_vim_keys_too(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("enter")
        opened = d.app.screen
        assert isinstance(opened, DetailScreen)
        scroller = opened.query_one("#detail-scroll")
        for _ in range(5):  # keys that arrive together, in one read of the terminal: no frame between them
            opened.action_scroll(1)
        await d.pilot.pause()  # type: ignore[attr-defined]
        assert scroller.scroll_y == 5
        page = scroller.scrollable_content_region.height - 1
        await d.press("ctrl+d")
        assert scroller.scroll_y == 5 + page
        await d.press("ctrl+u", "ctrl+u")
        assert scroller.scroll_y == 0
        await d.press("G")
        assert scroller.scroll_y == scroller.max_scroll_y > 0
        assert d.lines()[-2] == " participating in the Revolution of 1905.”"  # the end of the quote, the last field
        await d.press("g")
        assert scroller.scroll_y == 0 and d.lines()[1] == " His father takes part in the Revolution of 1905"
        await d.press("pagedown", "end", "home")
        assert scroller.scroll_y == 0 and isinstance(d.app.screen, DetailScreen)

    browse(ds, script)


def test_a_disputed_claim_is_shown_beside_the_claim_it_disputes(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("t")
        await d.paste("murder-hypothesis")
        await d.press("enter", "enter")
        lines = d.lines()
        assert " disputed: claimed by some historians" in lines
        at = lines.index(" disputes")
        assert lines[at + 1] == " Sudoplatov denies Soviet involvement  (1994; disputed: claimed by Pavel Sudoplatov)"
        assert lines[at + 2].startswith(" “In 1994, Pavel Sudoplatov, a lieutenant general in the NKVD")

    browse(ds, script, size=(120, 80))


def test_a_bound_from_outside_knowledge_says_so(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("t")
        await d.paste("eye-treatment")
        await d.press("enter", "enter")
        lines = d.lines()
        reading = " 1 January 1929  inferred from the article: No earlier than his exile"
        assert any(line.startswith(reading) for line in lines)
        assert any(line.startswith(" 30 January 1933  outside knowledge: His Berlin years ended") for line in lines)

    browse(ds, script, size=(120, 60))


def test_the_quote_marks_the_date_expression(ds: Dataset) -> None:
    marriage = ds.event("marriage")
    assert marriage is not None
    assert quote_runs(marriage) == (
        ("“", "quote"), ("He married in ", "quote"), ("1925", "mark"),
        (" at the age of 19 and had a son, Lev, the following year.", "quote"), ("”", "quote"),
    )  # fmt: skip
    bloc = ds.event("bloc-dissolved")
    assert bloc is not None
    assert [bloc.source.quote[a:b] for a, b in date_marks(bloc)] == ["early 1933"]
    followed = ds.event("nkvd-surveillance")
    assert followed is not None and date_marks(followed) == []
    assert quote_runs(followed)[-1] == ("(the quote gives no date of its own; the date comes from its context)", "dim")


def test_wide_terminals_show_the_detail_beside_the_list(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        assert " event" not in [line[60:].rstrip() for line in d.lines()]
        await d.pilot.resize_terminal(120, 40)  # type: ignore[attr-defined]
        await d.pilot.pause()  # type: ignore[attr-defined]
        side = [line[67:].rstrip() for line in d.lines()]
        assert side[1:4] == [" event", " His father takes part in the Revolution of 1905", " revolution-of-1905"]
        await d.press("j")
        side = [line[67:].rstrip() for line in d.lines()]
        assert side[2] == " Born while his father is in prison"
        await d.pilot.resize_terminal(60, 24)  # type: ignore[attr-defined]
        await d.pilot.pause()  # type: ignore[attr-defined]
        assert d.lines()[1:4] == [
            " When           Age     Event",
            " Early life",
            " 1905                   His father takes part in the Revol…",
        ]
        assert all(len(line) <= 60 for line in d.lines())

    browse(ds, script)


# --- following, and back -------------------------------------------------------------------


def test_follow_a_place_narrows_the_list_and_back_returns(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("t")
        await d.paste("sternheim-meets")
        await d.press("enter", "f")
        assert isinstance(d.app.screen, FollowScreen)
        assert "person: Carl Sternheim" in d.text() and "place: Berlin" in d.text()
        await d.press("j", "enter")
        assert d.lines()[0] == " Lev Sedov: --place berlin"
        assert d.current == "sternheim-meets"
        in_berlin = [h.event.id for h in by_period(ds, select(ds, Filters(places=("Berlin",))).hits, lambda h: h.event)]
        assert d.ids() == in_berlin and len(in_berlin) == 4
        await d.press("backspace")
        assert d.lines()[0] == " Lev Sedov: every event"
        assert d.current == "sternheim-meets" and len(d.ids()) == 35
        await d.press("b")
        assert d.lines()[-2] == " Nothing to go back to."

    browse(ds, script)


def test_follow_a_person_from_the_opened_event(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("t")
        await d.paste("visa")
        await d.press("enter", "enter", "f")
        assert isinstance(d.app.screen, FollowScreen)
        await d.press("enter")  # the first: Alexandra Ramm-Pfemfert
        assert d.lines()[0] == " Lev Sedov: --person alexandra-ramm-pfemfert"
        assert d.ids() == ["visa", "eye-treatment"]
        assert not isinstance(d.app.screen, DetailScreen)
        await d.press("backspace")
        assert d.current == "visa"

    browse(ds, script)


def test_an_event_with_no_one_to_follow_says_so(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("t")
        await d.paste("red-book")
        await d.press("enter")
        assert d.current == "red-book"
        await d.press("f")
        assert d.lines()[-2] == " This event names no one and no place to follow."

    browse(ds, script)


# --- search and filters --------------------------------------------------------------------


def test_live_search_narrows_as_you_type_and_escape_undoes(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("slash")
        assert isinstance(d.app.screen, PromptScreen)
        await d.type("nephew")
        await d.until(lambda: d.app.filters.search == "nephew")
        assert d.ids() == ["cares-for-nephew", "sieva-renamed"]  # the list under the prompt, before enter
        await d.press("escape")
        assert d.app.filters.search is None and len(d.ids()) == 35
        await d.press("slash")
        await d.paste("седов")
        await d.press("enter")
        assert d.lines()[0] == " Lev Sedov: --search 'седов'"  # quoted for any shell, whatever its locale
        assert d.ids() == ["birth", "death"]  # both cite the lead, which gives his name in Cyrillic
        await d.press("backspace")
        assert d.app.filters == Filters()

    browse(ds, script)


def test_filter_prompt_takes_the_cli_words(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("colon")
        await d.paste("--place Paris --from 1936 --certainty stated")
        await d.press("enter")
        assert d.lines()[0] == " Lev Sedov: --place Paris --certainty stated --from 1936"
        assert d.ids() == ["cares-for-nephew", "appendicitis", "death"]
        await d.press("y")
        assert d.app.clipboard == "sedov events --place Paris --certainty stated --from 1936"
        assert d.lines()[-2] == " copied: sedov events --place Paris --certainty stated --from 1936"
        await d.press("c")
        assert d.lines()[0] == " Lev Sedov: every event" and len(d.ids()) == 35
        await d.press("backspace")
        assert len(d.ids()) == 3

    browse(ds, script)


BAD_FILTERS = [
    ("--place Pariss", "unknown place 'Pariss' (did you mean 'Paris'?)"),
    ("--person Lev", "person 'Lev' is ambiguous:"),
    ("--from 3/2/1933", "'3/2/1933' is ambiguous"),
    ("--certainty sure", "--certainty 'sure' is not one of stated, inferred, attributed, disputed"),
    ("--colour red", "no such filter '--colour'"),
]


def test_a_bad_filter_is_answered_in_the_prompt_with_the_cli_message(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        for typed, error in BAD_FILTERS:  # one session: each prompt starts afresh, and escape leaves no trace
            await d.press("colon")
            await d.paste(typed)
            await d.press("enter")
            assert isinstance(d.app.screen, PromptScreen), typed
            shown = " ".join(d.text().split())
            assert error in shown, (typed, shown)
            await d.press("escape")
            assert d.app.filters == Filters() and not isinstance(d.app.screen, PromptScreen), typed

    browse(ds, script, size=(120, 30))


def test_an_empty_result_says_so(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("colon")
        await d.paste("--tag health --from 1990")
        await d.press("enter")
        assert d.lines()[2] == " No events match."
        assert d.lines()[-2] == " No events match."
        assert d.current is None
        await d.press("enter", "j", "f")  # nothing to open, move or follow
        assert not isinstance(d.app.screen, DetailScreen)

    browse(ds, script)


def test_words_parse_and_print_as_the_cli(ds: Dataset) -> None:
    filters = parse("--place Paris -t health --tag nkvd --from 'early 1933' --to=1938 --match certain Jeanne Martin")
    assert filters == Filters(places=("Paris",), tags=("health", "nkvd"), start="early 1933", end="1938",
                              match="certain", search="Jeanne Martin")  # fmt: skip
    assert words(filters) == ("--place Paris --tag health --tag nkvd --from 'early 1933' --to 1938 "
                              "--search 'Jeanne Martin' --match certain")  # fmt: skip
    assert parse(words(filters)) == filters
    assert parse("sedov events --person Zborowski") == Filters(people=("Zborowski",))
    assert command_line(Filters(), "my data.json") == "sedov --data 'my data.json' events"
    for bad in ("--from", "--from 1933 --from 1934", "--place 'Paris", "--match sometimes"):
        with pytest.raises(UsageProblem):
            parse(bad)


# --- go to, age-at ------------------------------------------------------------------------


def test_go_to_a_year_date_or_event(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("t")
        await d.paste("1936")
        await d.press("enter")
        assert d.current == "red-book"  # the first event shown that certainly falls in 1936
        await d.press("t")
        await d.paste("Feb 16 1938")
        await d.press("enter")
        assert d.current == "death"
        await d.press("t")
        await d.paste("1939")
        await d.press("enter")
        assert d.current == "red-book-praised"  # nothing certainly falls in 1939: the first that may ("1936 or later")
        await d.press("t")
        await d.paste("marr")
        await d.press("enter")
        assert d.current == "marriage"
        await d.press("t")
        await d.paste("spring 33")  # a season, but not as sedov shows one ("spring 1933" is read)
        await d.press("enter")
        assert isinstance(d.app.screen, PromptScreen)
        assert "write a season as sedov shows one" in " ".join(d.text().split())

    browse(ds, script, size=(120, 30))


def test_age_at_answers_in_a_sentence(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("a")
        await d.paste("1933")
        await d.press("enter")
        assert d.lines()[-2] == " In 1933 Lev Sedov was 26 until 23 February and 27 from 24 February."
        await d.press("a")
        await d.paste("1900")
        await d.press("enter")
        assert d.lines()[-2] == " In 1900 Lev Sedov was not yet born (born 24 February 1906)."
        await d.press("a")
        await d.paste("16/02/1933")  # 16 cannot be a month: one reading
        await d.press("enter")
        assert d.lines()[-2] == " On 16 February 1933 Lev Sedov was 26."
        await d.press("a")
        assert "How old was Lev Sedov at… (as sedov age-at takes it)" in d.text()  # whoever the subject is
        await d.paste("3/2/1933")  # either way round: refused, in the prompt
        await d.press("enter")
        assert isinstance(d.app.screen, PromptScreen)
        await d.press("escape")
        await d.pilot.resize_terminal(80, 24)  # type: ignore[attr-defined]
        await d.press("a")
        await d.paste("bloc-dissolved")
        await d.press("enter")
        assert d.lines()[-3:-1] == [  # an answer that wraps keeps its indent
            " At “The bloc is dissolved” (early 1933) Lev Sedov was 26–27: 26 if by 23",
            " February and 27 if later.",
        ]

    browse(ds, script, size=(100, 24))


# --- help, quitting, colour ------------------------------------------------------------------


def test_help_lists_every_key(ds: Dataset) -> None:
    async def script(d: Driver) -> None:
        await d.press("question_mark")
        assert isinstance(d.app.screen, HelpScreen)
        text = d.text()
        for key in ("j k ↓ ↑", "^d ^u PgDn PgUp", "g G Home End", "enter l", "backspace b", "q ^c"):
            assert f"│ {key} " in text, key
        await d.press("question_mark")
        assert not isinstance(d.app.screen, HelpScreen)
        await d.pilot.resize_terminal(60, 24)  # type: ignore[attr-defined]
        await d.press("question_mark")
        lines = d.lines()
        # a description that wraps stays beside its key
        at = lines.index("│ f               follow a person or place: the list       │")
        assert lines[at + 1] == "│                 narrows to it                            │"

    browse(ds, script)


@pytest.mark.parametrize(("key", "code"), [("q", 0), ("ctrl+c", 130)])
def test_q_quits_and_ctrl_c_interrupts(ds: Dataset, key: str, code: int) -> None:
    async def script(d: Driver) -> None:
        await d.press(key)

    assert browse(ds, script).return_code == code


def _colours(app: BrowseApp) -> set[tuple[int, int, int]]:
    """Every colour on the screen, as drawn (after Textual's filters)."""
    found = set()
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            for colour in (segment.style.color, segment.style.bgcolor) if segment.style else ():
                if colour is not None:
                    found.add(colour.get_truecolor())
    return {(c.red, c.green, c.blue) for c in found}


@pytest.mark.parametrize(("color", "no_color_env"), [(False, False), (True, True), (False, True)])
def test_colour_follows_the_setting_not_only_no_color(
    ds: Dataset, monkeypatch: pytest.MonkeyPatch, color: bool, no_color_env: bool
) -> None:
    if no_color_env:
        monkeypatch.setenv("NO_COLOR", "1")  # what --color always overrides, and auto turns into color=False
    shot: list[str] = []

    colours: list[set[tuple[int, int, int]]] = []

    async def script(d: Driver) -> None:
        shot.append(d.text())
        colours.append(_colours(d.app))

    app = browse(ds, script, color=color)
    grey = all(r == g == b for r, g, b in colours[0])
    assert colours[0] and grey is not color
    assert app.no_color is not color
    # without colour the life bar tells known from uncertain by shape, as sedov chart does
    bar = next(line for line in shot[0].splitlines() if line.startswith("Exile in Turkey"))
    assert bar.split() == ["Exile", "in", "Turkey", "░███░░" if color else ":###::"]


# --- untrusted data, scale ------------------------------------------------------------------


@pytest.fixture
def hostile(write_dataset: WriteDataset) -> Path:
    def change(raw: dict[str, object]) -> None:
        marriage = event(raw, "marriage")  # type: ignore[arg-type]
        marriage["title"] = "\x1b[31mRED\x1b[0m [bold]x[/bold] \u202eevil"
        marriage["summary"] = "bell\x07 :smile: \u200b"
        marriage["note"] = "line\nbreak"
        raw["periods"][0]["name"] = "[link=https://evil]Early[/link]"  # type: ignore[index]
        raw["people"][0]["name"] = "Lev\x1b]0;pwned\x07 Sedov"  # type: ignore[index]

    return write_dataset(change)


def test_hostile_text_is_shown_not_obeyed(hostile: Path) -> None:
    ds = load(str(hostile))

    async def script(d: Driver) -> None:
        screens = [d.text()]
        await d.press("j", "j", "j", "j", "enter")
        screens.append(d.text())
        screens.append(d.app.export_screenshot())
        for text in screens:
            assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\u200b" not in text
        assert " [link=https://evil]Early[/link]" in screens[0]
        assert screens[0].startswith(" Lev\\x1b]0;pwned\\x07 Sedov: every event")
        assert "\\x1b[31mRED\\x1b[0m [bold]x[/bold] \\u202eevil" in screens[0]
        assert " bell\\x07 :smile: \\u200b" in screens[1]
        assert " line\\nbreak" in screens[1]

    browse(ds, script, size=(200, 60))


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from scale import generate  # type: ignore[import-not-found]

    folder = tmp_path_factory.mktemp("big")
    dataset, article = generate(3000)
    (folder / "article.txt").write_text(article, encoding="utf-8")
    path = folder / "big.json"
    path.write_text(json.dumps(dataset), encoding="utf-8")
    return path


def test_a_large_dataset_is_read_a_page_at_a_time(big_file: Path) -> None:
    ds = load(str(big_file))

    async def script(d: Driver) -> None:
        chron = d.app.query_one(Chronicle).chronology
        assert not chron.done and len(chron.rows) == PAGE  # one page for the first screen, not 3,000 events
        assert d.lines()[-2] == f" {PAGE - 1} events read so far; more are read as you scroll"
        await d.press(*["pagedown"] * 3)
        assert len(chron.rows) == PAGE
        chronicle, at = d.app.query_one(Chronicle), d.current
        chronicle.scroll_to(y=PAGE - 5, animate=False, immediate=True)  # the wheel or the scroll bar, not the cursor
        await d.pilot.pause()  # type: ignore[attr-defined]
        assert len(chron.rows) == 2 * PAGE and d.current == at  # read ahead of the view; the cursor stays
        chronicle.scroll_to(y=0, animate=False, immediate=True)
        await d.press(*["pagedown"] * 10)
        assert len(chron.rows) == 2 * PAGE  # what was read ahead, and no more
        order = [hit.event.id for hit in select(ds, Filters())]  # one period: the chronological order
        await d.press("G")
        window = d.app.query_one(Chronicle).chronology
        assert d.current == order[-1]
        assert not window.top and len(window.rows) <= 2 * PAGE  # the end and a page above it, not 3,000 rows
        assert d.ids() == order[-len(d.ids()) :]
        assert d.lines()[-2] == f" {len(d.ids())} events read so far; more are read as you scroll"
        await d.press("k")
        assert d.current == order[-2]
        read = len(d.ids())
        d.app.query_one(Chronicle).scroll_to(y=0, animate=False, immediate=True)  # the wheel, up to the window's top
        await d.pilot.pause()  # type: ignore[attr-defined]
        assert len(d.ids()) > read and d.ids() == order[-len(d.ids()) :]  # the rows above are read, in order
        assert d.current == order[-2]  # and the cursor stays on its event
        await d.press(*["pageup"] * 3)
        assert d.current == order[-2 - 3 * (d.app.query_one(Chronicle).size.height - 1)]
        await d.press("g")
        assert d.current == order[0] and d.app.query_one(Chronicle).chronology.top
        for far in (2500, 1500):  # from the top, then from far down the list
            await d.press("t")
            await d.paste(order[far])  # an event far down: read from there, not from the top
            await d.press("enter")
            jumped = d.app.query_one(Chronicle).chronology
            assert d.current == order[far] and len(jumped.rows) <= 3 * PAGE
            assert d.ids() == order[order.index(d.ids()[0]) :][: len(d.ids())]
            assert d.app.query_one(Chronicle).hit is not None
            await d.press("G")
            assert d.current == order[-1]

    browse(ds, script)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(places=("Paris",)),
        Filters(start="1933", end="1938"),
        Filters(start="1933", end="1938", match="certain"),
        Filters(start="1936"),
        Filters(end="1930", tags=("exile",)),
        Filters(search="his"),
    ],
    ids=["all", "place", "range", "certain", "from", "to-and-tag", "search"],
)
def test_a_window_opened_at_any_event_reads_the_same_rows_both_ways(ds: Dataset, filters: Filters) -> None:
    """A jump reads only near its target (the queries narrowed to its filing day), and the rows
    above and below it, read as the reader scrolls, are exactly the rows read from the top."""
    whole = Chronology(ds, filters)
    whole.load(10_000)
    events = [row.event for row in whole.rows if isinstance(row, Hit)]
    assert events
    for target in events:
        window = Chronology(ds, filters)
        window.rows, window.done = [], False  # as if nothing were read yet
        at = window.at(target)
        assert at == 0 and not window.top, target.id
        while window.load_above():
            pass
        window.load(10_000)
        assert window.rows == whole.rows, target.id
        assert window.complete and window.events_loaded() == len(events)
    left_out = next(e for e in ds.events if e not in events) if len(events) < len(ds.events) else None
    if left_out is not None:
        window = Chronology(ds, filters)
        window.rows, window.done = [], False
        assert window.at(left_out) is None and window.rows == []
    for text in ("1905", "1925", "1929", "Feb 1933", "1936", "1938", "16 February 1938", "1939", "1956", "1994"):
        span = resolve_when(ds, text).span  # a time to go to: one query per period finds what a reading finds
        row = whole.locate(span)
        found = whole.rows[row] if row is not None else None
        assert Chronology(ds, filters).target(span) == (found.event if isinstance(found, Hit) else None), text
    tail = Chronology(ds, filters)
    tail.rows, tail.done = [], False
    last = tail.tail()
    assert last is not None and tail.rows[last] == whole.rows[-1]
    while tail.load_above():
        pass
    assert tail.rows == whole.rows


def test_chronology_reads_the_same_rows_as_the_timeline(ds: Dataset) -> None:
    chron = Chronology(ds, Filters(places=("France",)))
    chron.load(10_000)
    hits = by_period(ds, select(ds, Filters(places=("France",))).hits, lambda h: h.event)
    assert [r.event.id for r in chron.rows if not isinstance(r, Heading)] == [h.event.id for h in hits]
    headings = [r.period.name for r in chron.rows if isinstance(r, Heading)]
    assert headings == ["Exile in Paris", "Death", "After his death"]


def test_the_command_passes_colour_and_data_to_the_explorer(
    monkeypatch: pytest.MonkeyPatch, write_dataset: WriteDataset
) -> None:
    """`sedov [--color never|always] [--data FILE] browse`: what the app is given (its run is stood in for)."""
    from conftest import terminal

    from sedov_cli import cli

    class Tty:
        def isatty(self) -> bool:
            return True

    seen: list[tuple[bool, str | None, int]] = []

    def run(self: BrowseApp) -> None:
        seen.append((self.no_color, self.data, len(self.ds.events)))

    monkeypatch.setattr(BrowseApp, "run", run)  # the app itself is driven by the tests above
    monkeypatch.setattr("sys.stdin", Tty())
    mine = str(write_dataset())
    assert cli.run(["--color", "never", "browse"], terminal(color=True)) == 0
    assert cli.run(["browse", "--color", "always", "--data", mine], terminal(color=False)) == 0
    assert seen == [(True, None, 35), (False, mine, 35)]


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_error_is_one_line_unless_debug(
    ds: Dataset, capsys: pytest.CaptureFixture[str], debug: bool
) -> None:
    class Broken(BrowseApp):
        def action_copy(self) -> None:
            raise RuntimeError("kaboom")

    async def press_y(pilot: object) -> None:
        await pilot.press("y")  # type: ignore[attr-defined]

    app = Broken(ds, debug=debug)
    app.run(headless=True, size=(80, 24), auto_pilot=press_y)  # type: ignore[arg-type]
    assert app.return_code == 1
    if debug:
        assert "Traceback" in capsys.readouterr().err and app.failure is None
    else:
        assert capsys.readouterr().err == ""  # the command says it, once the terminal is restored (launch)
        assert app.failure == "internal error: RuntimeError: kaboom (run with --debug for a traceback)"


def test_the_command_says_an_internal_error_after_the_screen_is_restored(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import terminal

    from sedov_cli import cli

    class Tty:
        def isatty(self) -> bool:
            return True

    def run(self: BrowseApp) -> None:
        self.failure = "internal error: RuntimeError: \x1b[31mkaboom (run with --debug for a traceback)"

    monkeypatch.setattr(BrowseApp, "run", run)
    monkeypatch.setattr("sys.stdin", Tty())
    cli.run(["browse"], terminal())
    err = capsys.readouterr().err
    assert err == "sedov: error: internal error: RuntimeError: \\x1b[31mkaboom (run with --debug for a traceback)\n"
