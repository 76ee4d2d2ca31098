"""Checking a dataset against the rules a JSON Schema cannot state.

The schema (``data/schema.json``) checks shapes. Here the rest: ids are
unique and every reference resolves, the gazetteer has no cycle, dates parse
and bounds narrow them, claims say who makes them and disputes are mutual,
and every quote appears verbatim in the article, which must lie inside the
dataset's folder. Each problem names the file, the record and the field, so a
user can fix them all in one pass.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any, NamedTuple

from .dates import DateError, EdtfDate, Span, parse_edtf
from .errors import SedovError
from .reading import Unreadable

# A dataset citing the article this package ships may use the packaged copy
# when no copy lies beside it (an exported dataset saved elsewhere, say).
PACKAGED_ARTICLE_URL = "https://en.wikipedia.org/wiki/Lev_Sedov"


class Problem(NamedTuple):
    """One thing wrong with a dataset, located as precisely as we can."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [self.file, self.record, self.field]
        return ": ".join(p for p in parts if p) + f": {self.message}"


class DatasetError(SedovError):
    """A dataset that cannot be used, with every problem found in it (exit status 1)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


def _confined(name: str) -> str | None:
    """Why ``source.file`` is not a relative path inside the dataset's folder, or None.

    A NUL cannot be in any path the system opens, and a trailing slash names a
    folder (the path library would quietly drop it and read the file).
    """
    if "\x00" in name:
        return "must be a file name; it holds a NUL character, which no path may"
    if name.endswith(("/", os.sep)) or name.split("/")[-1] in ("", "."):
        return f"must name the article file, not a folder ({name!r})"
    parts = PurePosixPath(name).parts
    if PurePosixPath(name).is_absolute() or os.path.isabs(name):
        return f"must be a path relative to the dataset's folder, not the absolute {name!r}"
    if ".." in parts:
        return f"must stay inside the dataset's folder; {name!r} climbs out with '..'"
    return None


def record_name(raw: Any, path: tuple[str | int, ...]) -> tuple[str, str]:
    """Split a JSON path into a record label and a field name."""
    singular = {"events": "event", "people": "person", "places": "place", "periods": "period"}
    if len(path) >= 2 and path[0] in singular and isinstance(path[1], int):
        kind = singular[str(path[0])]
        try:
            ident = raw[path[0]][path[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            ident = None
        label = f"{kind} {ident!r}" if isinstance(ident, str) else f"{kind} #{path[1] + 1}"
        return label, _join(path[2:])
    return "", _join(path)


def _join(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class Validator:
    file: str
    raw: dict[str, Any]
    read_sibling: Any
    packaged_article: Callable[[], str]

    def __post_init__(self) -> None:
        self.problems: list[Problem] = []
        self.found: dict[str, bool] = {}  # quote -> whether the article holds it
        self.death: Span | None = None  # the subject's possible death days, once check_people has read them
        self.birth: Span | None = None  # and birth days

    def add(self, record: str, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, record, field, message))

    def unique(self, kind: str, items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        seen: dict[str, dict[str, Any]] = {}
        for item in items:
            if item["id"] in seen:
                self.add(f"{kind} {item['id']!r}", "id", "duplicate id")
            seen[item["id"]] = item
        return seen

    def date(self, record: str, field: str, text: str) -> EdtfDate | None:
        try:
            return parse_edtf(text)
        except DateError as exc:
            self.add(record, field, str(exc))
            return None

    def run(self) -> None:
        raw = self.raw
        periods = self.unique("period", raw["periods"])
        people = self.unique("person", raw["people"])
        places = self.unique("place", raw["places"])
        events = self.unique("event", raw["events"])
        article = self.check_article(raw["source"]["file"], raw["source"]["url"])
        if article is not None:
            quotes = {e["source"]["quote"] for e in raw["events"]}
            self.found.update(dict.fromkeys(quotes, False))
            self.found.update(dict.fromkeys(verbatim(quotes, article), True))
        self.check_people(people, raw["subject"], article)
        self.check_places(places)
        fine = self.event_is_fine
        for event in raw["events"]:
            if not fine(event, periods, people, places):
                self.check_event(event, periods, people, places, events, article)
        self.unique("era", raw.get("eras", []))
        for era in raw.get("eras", []):
            self.check_era(era, places, article)
        for i, item in enumerate(raw.get("not_datable", [])):
            self.quote(f"not_datable #{i + 1}", item, article)

    def check_people(self, people: dict[str, dict[str, Any]], subject: str, article: str | None) -> None:
        for pid, person in people.items():
            record = f"person {pid!r}"
            for which in ("birth", "death"):
                quote = person.get(which, {}).get("source", {}).get("quote")
                if article is not None and quote is not None and quote not in article:
                    self.add(record, f"{which}.source.quote", "does not appear verbatim in the article")
            birth = self.date(record, "birth.date", person["birth"]["date"]) if "birth" in person else None
            death = self.date(record, "death.date", person["death"]["date"]) if "death" in person else None
            for which, when in (("birth", birth), ("death", death)):
                if when is not None and (when.span.earliest is None or when.span.latest is None):
                    self.add(record, f"{which}.date", "needs both ends closed, not an open interval")
            born, died = (birth.span.earliest if birth else None), (death.span.latest if death else None)
            if born and died and died < born:
                self.add(record, "death.date", "is before the birth")
        if subject in people and "death" in people[subject]:
            with contextlib.suppress(DateError):
                self.death = parse_edtf(people[subject]["death"]["date"]).span
        if subject in people and "birth" in people[subject]:
            with contextlib.suppress(DateError):
                self.birth = parse_edtf(people[subject]["birth"]["date"]).span
        if subject not in people:
            self.add("dataset", "subject", f"unknown person {subject!r}{suggest(subject, people)}")

    def check_places(self, places: dict[str, dict[str, Any]]) -> None:
        for pid, place in places.items():
            parent = place["parent"]
            if parent is not None and parent not in places:
                self.add(f"place {pid!r}", "parent", f"unknown place {parent!r}{suggest(parent, places)}")
        # Each place is walked up to its root once: a place already settled (on a
        # chain that ended, or in a cycle already reported) stops the walk. So a
        # 4,000-deep chain costs 4,000 steps, not 4,000 walks of 4,000.
        settled: set[str] = set()
        for start in places:
            chain: dict[str, int] = {}  # place -> position on this walk
            here: str | None = start
            while here is not None and here in places and here not in settled and here not in chain:
                chain[here] = len(chain)
                here = places[here]["parent"]
            if here is not None and here in chain:
                loop = list(chain)[chain[here] :]
                path = " → ".join([*loop, here])
                self.add(f"place {here!r}", "parent", f"the gazetteer has a cycle: {path}")
            settled.update(chain)

    def check_article(self, name: str, url: str) -> str | None:
        try:
            return fetch_article(name, url, self.read_sibling, self.packaged_article)
        except ArticleMissing as exc:
            self.add("dataset", "source.file", str(exc))
            return None

    def event_is_fine(
        self, event: dict[str, Any], periods: dict[str, Any], people: dict[str, Any], places: dict[str, Any]
    ) -> bool:
        """Whether :meth:`check_event` would find nothing, without building a message.

        A large dataset is nearly all good events, so they take this path:
        one cheap test per rule. Anything it cannot vouch for (a dispute, an
        unparsable date, a missing reference) goes through ``check_event``,
        which says what is wrong.
        """
        if "disputes" in event or "bounds" in event or "follows" in event or event["period"] not in periods:
            return False
        certainty = event["certainty"]
        if certainty == "disputed" or (certainty == "attributed" and "claimed_by" not in event):
            return False
        if certainty == "inferred" and "note" not in event:
            return False
        if not self.found.get(event["source"]["quote"], True):  # True: no article to hold it to
            return False
        for ref in event["places"]:
            if ref not in places:
                return False
        for ref in event["people"]:
            if ref not in people:
                return False
        try:
            parse_edtf(event["date"])
        except DateError:
            return False
        return True

    def check_event(
        self,
        event: dict[str, Any],
        periods: dict[str, Any],
        people: dict[str, Any],
        places: dict[str, Any],
        events: dict[str, Any],
        article: str | None,
    ) -> None:
        record = f"event {event['id']!r}"
        self.dated(record, "", event)
        if event["period"] not in periods:
            self.add(record, "period", f"unknown period {event['period']!r}{suggest(event['period'], periods)}")
        for field, index, kind in (("places", places, "place"), ("people", people, "person")):
            for ref in event[field]:
                if ref not in index:
                    self.add(record, field, f"unknown {kind} {ref!r}{suggest(ref, index)}")
        self.claim(record, "event", event)
        certainty = event["certainty"]
        disputes = event.get("disputes", [])
        if certainty == "disputed" and not disputes:
            self.add(record, "disputes", "a disputed event must name the event it is disputed against")
        if disputes and certainty != "disputed":
            self.add(record, "disputes", "only a disputed event can dispute another")
        for other in disputes:
            if other not in events:
                self.add(record, "disputes", f"unknown event {other!r}{suggest(other, events)}")
            elif event["id"] not in events[other].get("disputes", []):
                self.add(record, "disputes", f"event {other!r} does not dispute it back")
        if "follows" in event:
            self.follows_event(record, event, events)
        self.quote(record, event, article)

    def dated(self, record: str, prefix: str, raw: dict[str, Any]) -> Span | None:
        """Parse ``raw['date']`` and apply its bounds, reporting each problem."""
        when = self.date(record, f"{prefix}date", raw["date"])
        if when is None:
            return None
        span = when.span
        for i, bound in enumerate(raw.get("bounds", [])):
            try:
                span = span.narrowed(**{bound["side"]: date.fromisoformat(bound["date"])})
            except ValueError as exc:
                self.add(record, f"{prefix}bounds[{i}].date", str(exc))
            if "follows" in bound:
                self.follows(record, f"{prefix}bounds[{i}]", bound)
            if "precedes" in bound:
                self.precedes(record, f"{prefix}bounds[{i}]", bound)
        return span

    def precedes(self, record: str, field: str, bound: dict[str, Any]) -> None:
        """A bound that precedes the death is its last possible day, on the latest side."""
        if bound["side"] != "latest":
            self.add(record, f"{field}.side", "a bound that precedes the death must be the latest day")
        if self.death is None or self.death.latest is None:
            self.add(record, f"{field}.precedes", "the subject has no death date for the event to precede")
        elif bound["date"] != self.death.latest.isoformat():
            last = self.death.latest.isoformat()
            self.add(record, f"{field}.date", f"must be {last}, the last possible day of the subject's death")

    def follows(self, record: str, field: str, bound: dict[str, Any]) -> None:
        """A bound that follows the death (or the birth) is its first possible day, on the earliest side."""
        which = bound["follows"]
        life = self.death if which == "death" else self.birth
        if bound["side"] != "earliest":
            self.add(record, f"{field}.side", f"a bound that follows the {which} must be the earliest day")
        if life is None or life.earliest is None:
            self.add(record, f"{field}.follows", f"the subject has no {which} date for the event to follow")
        elif bound["date"] != life.earliest.isoformat():
            first = life.earliest.isoformat()
            self.add(record, f"{field}.date", f"must be {first}, the first possible day of the subject's {which}")

    def follows_event(self, record: str, event: dict[str, Any], events: dict[str, Any]) -> None:
        """The event it follows exists, is not itself, leads back to no cycle, and can begin before it ends."""
        other = event["follows"]
        if other not in events:
            self.add(record, "follows", f"unknown event {other!r}{suggest(other, events)}")
            return
        chain, here = [event["id"]], other
        while here in events and "follows" in events[here] and here not in chain:
            chain.append(here)
            here = events[here]["follows"]
        if here in chain:
            path = " → ".join([*chain[chain.index(here) :], here])
            self.add(record, "follows", f"events follow each other in a circle: {path}")
            return
        with contextlib.suppress(DateError, ValueError, KeyError, TypeError):
            own = self.span_of(event)
            leader = self.span_of(events[other])
            if own.latest is not None and leader.earliest is not None and own.latest < leader.earliest:
                self.add(record, "follows", f"it ends by {own.latest}, before event {other!r} can begin "
                                            f"({leader.earliest})")  # fmt: skip

    @staticmethod
    def span_of(raw: dict[str, Any]) -> Span:
        span = parse_edtf(raw["date"]).span
        for bound in raw.get("bounds", []):
            span = span.narrowed(**{bound["side"]: date.fromisoformat(bound["date"])})
        return span

    def claim(self, record: str, kind: str, raw: dict[str, Any]) -> None:
        certainty = raw["certainty"]
        if certainty in ("attributed", "disputed") and "claimed_by" not in raw:
            article_word = "an" if certainty[0] in "aeiou" else "a"
            self.add(record, "claimed_by", f"{article_word} {certainty} {kind} must say who claims it")
        if certainty == "inferred" and "note" not in raw:
            self.add(record, "note", f"an inferred {kind} must say how it was inferred")

    def quote(self, record: str, raw: dict[str, Any], article: str | None) -> None:
        field, quote = ("source.quote", raw["source"]["quote"]) if "source" in raw else ("quote", raw["quote"])
        if article is None:
            return
        # Event quotes were all looked up at once by run(); others are searched here, once each.
        if quote not in self.found:
            self.found[quote] = quote in article
        if not self.found[quote]:
            self.add(record, field, "does not appear verbatim in the article")

    def check_era(self, era: dict[str, Any], places: dict[str, Any], article: str | None) -> None:
        record = f"era {era['id']!r}"
        start = self.dated(record, "from.", era["from"])
        end = self.dated(record, "to.", era["to"])
        if start and end and start.earliest and end.latest and end.latest < start.earliest:
            self.add(record, "to.date", "the era ends before it starts")
        for ref in era["places"]:
            if ref not in places:
                self.add(record, "places", f"unknown place {ref!r}{suggest(ref, places)}")
        self.claim(record, "era", era)
        self.quote(record, era, article)


_ANCHOR = 16  # characters of a quote looked up in the article's table of positions


def verbatim(quotes: set[str], article: str) -> set[str]:
    """The quotes that appear verbatim in ``article``.

    A search scans the article, so 10,000 quotes in a 500 KB article cost
    5 GB of scanning. With many quotes, one pass over the article instead
    notes where each quote's first characters occur, and each quote is
    compared only there.
    """
    if len(quotes) < 500:  # fewer scans than the one pass costs
        return {q for q in quotes if q in article}
    long = {q for q in quotes if len(q) >= _ANCHOR}
    found = {q for q in quotes - long if q in article}
    anchors = {q[:_ANCHOR] for q in long}
    where: dict[str, list[int]] = {}
    for i in range(len(article) - _ANCHOR + 1):
        piece = article[i : i + _ANCHOR]
        if piece in anchors:
            where.setdefault(piece, []).append(i)
    for q in long:
        if any(article.startswith(q, i) for i in where.get(q[:_ANCHOR], ())):
            found.add(q)
    return found


class ArticleMissing(Exception):
    """The article a dataset names cannot be read; the message says why."""


def fetch_article(name: str, url: str, read_sibling: Callable[[str], str], packaged: Callable[[], str]) -> str:
    """The text of the article ``source.file`` names, beside the dataset.

    A copy of the packaged dataset may leave its article behind: when the
    file is missing and the URL is the packaged article's, the packaged text
    stands in.
    """
    if (why := _confined(name)) is not None:
        raise ArticleMissing(why)
    try:
        return read_sibling(name)
    except FileNotFoundError:
        missing = True
    except Unreadable as exc:
        missing = str(exc).startswith("cannot read: No such file")
        if not missing:
            raise ArticleMissing(f"the article {name!r} {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleMissing(f"cannot read the article {name!r} beside the dataset: {exc}") from None
    if missing and url == PACKAGED_ARTICLE_URL:
        return packaged()
    raise ArticleMissing(f"the article {name!r} is not beside the dataset")


def suggest(word: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
