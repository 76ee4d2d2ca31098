"""Where a chronology files each event: by its own date, or just after the event it follows.

A date is filed where its words put it (dates.filing_day). A few events say
less than the story around them: "where he worked as a labourer" is a period
whose start the article never dates, but it begins with his move to Paris. Filed
by its own words, at the earliest day a bound allows, it would come before the
move it follows. So an event may name the one it ``follows``, and it is then
filed no earlier than that event: where its own date files it when that is
later, else just after it (after the events already filed there that follow it
too, in the file's order).

The dataset in memory and the index order their events with this one function,
so both give the same order. Plain integers: no dates, so it serves the
index's ordinals as well as the model's days.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def place_followers(order: Sequence[int], follows: Mapping[int, int]) -> tuple[list[int], dict[int, int]]:
    """``order`` (events' places in the file, sorted by their own filing keys) with each follower moved
    just after the event it follows, when its own key would file it before that event.

    ``follows`` maps a follower's place to its leader's; validation refuses a cycle. Returns the new
    order and, for each moved follower, the place of the event whose filing day it now takes: its
    leader's, or the leader's own anchor when the leader was moved too.
    """
    if not follows:
        return list(order), {}
    rank = {place: r for r, place in enumerate(order)}
    anchor: dict[int, int] = {}  # moved follower -> the unmoved event it is filed after
    settled: dict[int, int | None] = {}

    def anchor_of(place: int) -> int | None:
        """The unmoved event ``place`` is filed after, or None when it keeps its own place."""
        if place in settled:
            return settled[place]
        chain = []
        here: int | None = place
        while here is not None and here in follows and here not in settled:
            chain.append(here)
            here = follows[here]
        for item in reversed(chain):
            leader = follows[item]
            root = settled.get(leader) if leader in follows else None
            root = leader if root is None else root
            settled[item] = root if rank[item] < rank[root] else None
        return settled.get(place)

    for follower in follows:
        found = anchor_of(follower)
        if found is not None:
            anchor[follower] = found
    if not anchor:
        return list(order), {}
    children: dict[int, list[int]] = {}
    for follower in sorted(anchor):  # the file's order among the followers of one event
        leader = follows[follower]
        children.setdefault(leader, []).append(follower)
    placed: list[int] = []

    def emit(place: int) -> None:
        stack = [place]
        while stack:
            here = stack.pop()
            placed.append(here)
            stack.extend(reversed(children.get(here, ())))

    for place in order:
        if place not in anchor:
            emit(place)
    return placed, anchor
