"""Where the chronology files an event that follows another (sedov_cli.filing), in memory and in the index."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import WriteDataset
from hypothesis import given
from hypothesis import strategies as st

from sedov_cli.dataset import load
from sedov_cli.filing import place_followers
from sedov_cli.index import IndexedEvents
from sedov_cli.model import Dataset, Narrowing


def test_a_follower_filed_before_its_leader_moves_just_after_it() -> None:
    # places 0..4 sorted by their own keys as 3, 0, 1, 4, 2; 3 follows 1, and 4 follows 3 (already after 1)
    order, anchors = place_followers([3, 0, 1, 4, 2], {3: 1, 4: 3})
    assert order == [0, 1, 3, 4, 2]
    assert anchors == {3: 1}


def test_a_chain_of_followers_moves_together() -> None:
    # sorted as 2, 3, 0, 1: 3 follows 2 and 2 follows 1, so both go after 1, 2 first
    assert place_followers([2, 3, 0, 1], {3: 2, 2: 1}) == ([0, 1, 2, 3], {2: 1, 3: 1})


def test_a_follower_already_after_its_leader_keeps_its_place() -> None:
    assert place_followers([0, 1, 2], {2: 0}) == ([0, 1, 2], {})


def test_followers_of_one_event_keep_the_files_order() -> None:
    assert place_followers([5, 4, 0], {5: 0, 4: 0}) == ([0, 4, 5], {4: 0, 5: 0})


@st.composite
def _cases(draw: st.DrawFn) -> tuple[list[int], dict[int, int]]:
    size = draw(st.integers(1, 12))
    order = draw(st.permutations(range(size)))
    follows: dict[int, int] = {}
    for place in range(1, size):  # each may follow an earlier place in the file: no cycle
        if draw(st.booleans()):
            follows[place] = draw(st.integers(0, place - 1))
    return list(order), follows


@given(_cases())
def test_every_event_is_filed_once_and_after_what_it_follows(case: tuple[list[int], dict[int, int]]) -> None:
    order, follows = case
    placed, anchors = place_followers(order, follows)
    assert sorted(placed) == sorted(order)
    where = {p: i for i, p in enumerate(placed)}
    for follower, leader in follows.items():
        assert where[follower] > where[leader]
    unmoved = [p for p in placed if p not in anchors]
    assert unmoved == [p for p in order if p not in anchors]  # the rest keep their own order
    for follower, anchor in anchors.items():
        assert anchor not in anchors and where[follower] > where[anchor]


@pytest.fixture
def indexed(write_dataset: WriteDataset, tmp_path: pytest.TempPathFactory) -> Dataset:
    """The packaged dataset, read through its index."""
    path = write_dataset()
    load(str(path), use_cache=True)  # validates and indexes
    data = load(str(path), use_cache=True)
    assert isinstance(data.events, IndexedEvents)
    return data


def test_the_paris_years_come_after_the_move(ds: Dataset, indexed: Dataset) -> None:
    """Filed at its start's earliest bound (1932), "until 1938" came before the move to Paris it follows."""
    for data in (ds, indexed):
        ids = [e.id for e in data.chronological()]
        at = ids.index("moves-to-paris")
        assert ids[at - 1 : at + 4] == [
            "urges-liquidation", "moves-to-paris", "paris-activist", "nkvd-surveillance", "bloc-dissolved",
        ]  # fmt: skip
        assert [e.id for e in data.chronological(reverse=True)] == ids[::-1]
        activist = data.event("paris-activist")
        assert activist is not None
        before, after = data.neighbours(activist)
        assert (before and before.id, after and after.id) == ("moves-to-paris", "nkvd-surveillance")


def test_a_read_from_a_day_starts_where_the_follower_is_filed(ds: Dataset, indexed: Dataset) -> None:
    """The periods take the move's filing day (1 January 1933), not their own (1 January 1932), so a
    read from mid-1932 starts at the move and finds them after it, with and without the index."""
    for data in (ds, indexed):
        got = [e.id for e in data.candidates_from(Narrowing(), dt.date(1932, 6, 1))][:4]
        assert got == ["moves-to-paris", "paris-activist", "nkvd-surveillance", "bloc-dissolved"], data
        back = [e.id for e in data.candidates_from(Narrowing(), dt.date(1932, 12, 31), reverse=True)][:2]
        assert back == ["urges-liquidation", "bloc-formed"], data
