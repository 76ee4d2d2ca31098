"""Assembling the draft: one event per dated claim, each quoting its sentence.

The draft is a plain dict in sedov's schema, so that the CLI can validate it
with the same loader every dataset goes through before writing a byte.
What could not be drafted honestly is kept in :attr:`Draft.unresolved`, what
was skipped as not the life (references, captions, chrome) in
:attr:`Draft.skipped`, and what a reviewer should look at first in
:attr:`Draft.warnings`, for the closing summary.

Relative dates are read in narrative order, as HeidelTime's narrative mode
reads them: "two years later" counts from the last date the text gave before
it (a date worked out from an age included), whatever section it was in.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..dates import LONGEST_LIFE, DateError, EdtfDate, parse_edtf
from ..text import plural
from . import subject as subject_mod
from .expressions import Mention, edtf_ends, find_dates
from .layout import LEAD, Layout, read_layout
from .names import find_life_dates, find_places, slug
from .people import find_claimant, find_people
from .problems import NothingToDraft
from .relative import NO_ANCHOR, SAME_TIME, Anchor, Found, Resolution, find_relative, resolve
from .splitting import sentences
from .tables import SITE_WORDS
from .temponyms import NamedTime, Pinned, find_named_times, pin
from .titles import clause_around, clause_of, date_words, title_for

__all__ = ["Draft", "NothingToDraft", "Source", "Unresolved", "draft_dataset", "to_json"]

MIN_QUOTE = 20


def _ink(text: str, start: int, end: int) -> tuple[int, int]:
    """The first and last non-space offsets of ``text[start:end]``, or (-1, -1) if it is all space."""
    part = text[start:end]
    core = part.strip()
    if not core:
        return -1, -1
    first = start + len(part) - len(part.lstrip())
    return first, first + len(core) - 1


"""The schema's shortest quote: a shorter sentence is quoted with its neighbour."""

MAX_EVENTS_PER_SENTENCE = 12
"""A sentence that lists more dates than this is a table or a list written as prose; the rest are
reported, not drafted, so that one crafted sentence cannot make a draft of hundreds of megabytes."""

LONG_QUOTE = 600
"""A sentence longer than this is quoted by the clause that holds the date, not whole, once per event."""

_PLACE_NOTE = "Drafted by sedov extract: named after a preposition of place."
_PARENT_NOTE = (
    "Drafted by sedov extract: the country is outside knowledge (GeoNames' largest place of that name, "
    "today's borders); the article does not say it."
)
_REFERENCE_WORDS = ("reference", "note", "source", "bibliograph", "citation", "further reading", "link")


@dataclass(frozen=True)
class Unresolved:
    """A date-like expression left out of the draft, and why."""

    text: str
    section: str
    reason: str


@dataclass(frozen=True)
class Source:
    """What the draft says about the article it was drawn from."""

    file: str
    title: str | None = None
    publisher: str = "not given"
    url: str = "not given"
    license: str = "not given"


@dataclass
class Draft:
    dataset: dict[str, Any]
    sentences: int
    unresolved: list[Unresolved] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    """Dated lines left out as not the life, by kind."""
    warnings: list[str] = field(default_factory=list)
    """Cheap-to-spot trouble a reviewer should look at first."""


@dataclass(frozen=True)
class _Sentence:
    section: str
    start: int
    end: int
    paragraph: tuple[int, int]


@dataclass
class _Ids:
    """Ids made unique with -2, -3, …; counting on from where a base left off keeps it linear."""

    taken: set[str] = field(default_factory=set)
    next_suffix: dict[str, int] = field(default_factory=dict)

    def take(self, base: str) -> str:
        n = self.next_suffix.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.next_suffix[base] = n + 1
        self.taken.add(candidate)
        return candidate


def _id_base(year: str, title: str) -> str:
    """'1925-she-married-tom-ek-in-oslo': whole words only, never cut inside a word or a number."""
    words = slug(f"{year} {title}", "event").split("-")
    out: list[str] = []
    length = -1  # len("-".join([*out, word])), kept as the words are added rather than joined again for each
    for word in words:
        length += len(word) + 1
        if out and length > 40:
            break
        out.append(word)
    return "-".join(out)[:60]


@dataclass
class _Builder:
    text: str
    events: list[dict[str, Any]] = field(default_factory=list)
    starts: dict[str, date | None] = field(default_factory=dict)  # where each event can begin (_start_of)
    event_ids: _Ids = field(default_factory=lambda: _Ids())
    period_ids: _Ids = field(default_factory=lambda: _Ids())
    periods: dict[str, str] = field(default_factory=dict)  # section -> period id
    split: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)  # a paragraph's sentences

    def period(self, section: str) -> str:
        if section not in self.periods:
            self.periods[section] = self.period_ids.take(slug(section, "section"))
        return self.periods[section]

    def quote(self, sentence: _Sentence, clause: tuple[int, int] | None = None) -> str:
        """The sentence verbatim; a short one is widened to its neighbour, a very long one narrowed to the clause."""
        text = self.text
        start, end = sentence.start, sentence.end
        if clause is not None and end - start > LONG_QUOTE and clause[1] - clause[0] >= MIN_QUOTE:
            return text[sentence.start + clause[0] : sentence.start + clause[1]].strip()
        para_start, para_end = sentence.paragraph
        if end - start < MIN_QUOTE and end < para_end:
            # the paragraph is split once, however many short sentences it holds ("She left." after "She left.")
            split = self.split.get((para_start, para_end))
            if split is None:
                split = self.split[(para_start, para_end)] = sentences(text, para_start, para_end)
            at = bisect_left(split, (end, end))
            end = split[at][1] if at < len(split) else para_end
        if end - start < MIN_QUOTE and start > para_start:
            start = para_start
        first, last = _ink(text, start, end)  # the first and last non-space characters of the window
        while (last - first + 1 if first >= 0 else 0) < MIN_QUOTE:  # the quote is stripped: blanks do not count
            was = (start, end)
            after = text.find("\n", end)
            next_end = text.find("\n", after + 1) if after >= 0 else -1
            before = text.rfind("\n", 0, start)
            if after == end and after + 1 < len(text) and text[after + 1] != "\n":
                end = next_end if next_end >= 0 else len(text)
            elif before == start - 1 and before > 0 and text[before - 1] != "\n":
                start = text.rfind("\n", 0, before) + 1
            elif end < len(text):  # a run of whitespace is one step, so each step adds a character that counts
                while end < len(text) - 1 and text[end].isspace():
                    end += 1
                end += 1
            elif start > 0:
                while start > 1 and text[start - 1].isspace():
                    start -= 1
                start -= 1
            else:
                break
            for a, b in ((start, was[0]), (was[1], end)):  # only the new part is read, so widening stays linear
                ink_first, ink_last = _ink(text, a, b)
                if ink_first >= 0:
                    first = ink_first if first < 0 else min(first, ink_first)
                    last = max(last, ink_last)
        return text[start:end].strip()

    def add(
        self,
        sentence: _Sentence,
        edtf: str,
        *,
        title: str,
        summary: str,
        people: list[str],
        places: list[str],
        tags: list[str],
        clause: tuple[int, int] | None = None,
        note: str | None = None,
        inferred: bool = False,
        bounds: list[dict[str, Any]] | None = None,
        wording: str | None = None,
        claimed_by: str | None = None,
    ) -> None:
        follows = self._story_before(edtf, bounds)
        year = edtf.strip("[]./~").split("/")[0].split("..")[0][:4] or "date"
        later = [b["date"][:4] for b in bounds or () if b["side"] == "earliest" and b["date"][:4] > year]
        year = max(later, default=year)  # "after the October Revolution" from a 1900 birth is filed as 1917
        event: dict[str, Any] = {
            "id": self.event_ids.take(_id_base(year, title)),
            "date": edtf,
            "title": title,
            "summary": summary,
            "period": self.period(sentence.section),
            "places": places,
            "people": people,
            "tags": tags,
            "certainty": "attributed" if claimed_by else "inferred" if inferred else "stated",
        }
        if claimed_by:
            event["claimed_by"] = claimed_by
        if wording:
            event["wording"] = wording
        if note:
            event["note"] = note
        if inferred:
            bounds = _reading_bounds(edtf, note, bounds or [])
        if bounds:
            event["bounds"] = bounds
        if follows:
            event["follows"] = follows
        event["source"] = {"section": sentence.section, "quote": self.quote(sentence, clause)}
        self.events.append(event)
        self._start_of(event)

    def _story_before(self, edtf: str, bounds: list[dict[str, Any]] | None) -> str | None:
        """The event told just before a claim whose date gives no start ("until 1976", "by 1930"), which the
        chronology then files it after (the dataset's ``follows``): the text tells it there, and its own
        earliest day (the birth, or nothing) would file it before everything it comes after. None when
        the date has a start, or when the claim ends before that event can begin."""
        if not self.events or not edtf.startswith(("..", "[..")):
            return None
        before = self.events[-1]
        try:
            mine = _bounded(edtf, bounds)[1]
        except DateError:
            return None
        theirs = self._start_of(before)
        if mine is not None and theirs is not None and mine < theirs:
            return None  # "before she was ten", told after her 1936 work: it follows nothing
        return str(before["id"])

    def _start_of(self, event: dict[str, Any]) -> date | None:
        """Where a drafted event can begin, as the chronology will file it: its own date's start and bounds
        (not the birth's, which says nothing of where it falls), else the start of the event it follows
        (remembered per event, so a run of "until" claims is not walked back each time)."""
        if event["id"] in self.starts:
            return self.starts[event["id"]]
        try:
            start = _bounded(event["date"], event.get("bounds"), birth=False)[0]
        except DateError:
            start = None
        if start is None and event.get("follows") in self.starts:
            start = self.starts[event["follows"]]
        self.starts[event["id"]] = start
        return start


def _bounded(edtf: str, bounds: list[dict[str, Any]] | None, *, birth: bool = True) -> tuple[date | None, date | None]:
    """A drafted date's earliest and latest day with its bounds applied (``birth`` False: leaving out a bound
    that only says the claim follows the birth). Raises DateError for a date that does not parse."""
    span = parse_edtf(edtf).span
    lo, hi = span.earliest, span.latest
    for bound in bounds or ():
        if not birth and bound.get("follows") == "birth":
            continue
        day = date.fromisoformat(bound["date"])
        if bound["side"] == "earliest":
            lo = day if lo is None or day > lo else lo
        else:
            hi = day if hi is None or day < hi else hi
    return lo, hi


def _after_birth(edtf: str, bounds: list[dict[str, Any]] | None, born: date) -> list[dict[str, Any]] | None:
    """What the subject did began no earlier than the birth: a date the text leaves open at its start ("until
    1935 she lived in Bergen", "by 1930 she was famous") gets an earliest bound on the birth's first possible
    day that follows the birth, so it is not "maybe before the birth"."""
    if any(b["side"] == "earliest" for b in bounds or ()):
        return bounds
    span = parse_edtf(edtf).span
    if span.earliest is not None or (span.latest is not None and span.latest < born):
        return bounds
    bound = {"side": "earliest", "date": born.isoformat(), "certainty": "inferred", "basis": "article",
             "note": "What the subject did came after the birth the text gives.", "follows": "birth"}  # fmt: skip
    return [bound, *(bounds or [])]


def _dated_within(words: str, relative: Found, mentions: list[Mention]) -> bool:
    """Whether a date stands inside the phrase a relative expression opens, before its clause ends: "After
    Austria was annexed by Germany in 1938, …" dates the annexation itself, so nothing is left unresolved."""
    stop = words.find(",", relative.end)  # the phrase's end: without a comma the date may be the main clause's
    return stop >= 0 and any(relative.end <= m.start < stop for m in mentions)  # ("After the war she … in 1976")


def _before_death(edtf: str, bounds: list[dict[str, Any]] | None, died: date) -> list[dict[str, Any]] | None:
    """What the subject did came no later than the death: a date the text leaves open at its end, or lets run
    past the death ("after 1938 she fled to Sweden", "in 1968 she died in Cambridge" for a death on 27 October
    1968), gets a latest bound on the death's last possible day that precedes the death, so it is not "maybe
    after the death". A claim that can only come after the death (a legacy) is left as it is."""
    if any(b["side"] == "latest" or b.get("follows") == "death" for b in bounds or ()):
        return bounds  # its own end, or a claim known to come after the death ("her house became a museum")
    try:
        lo, hi = _bounded(edtf, bounds)
    except DateError:
        return bounds
    if (hi is not None and hi <= died) or (lo is not None and lo >= died):
        return bounds  # over by the death already, or from the death day on ("in 1980 after her death")
    bound = {"side": "latest", "date": died.isoformat(), "certainty": "inferred", "basis": "article",
             "note": "What the subject did came before the death the text gives.", "precedes": "death"}  # fmt: skip
    return [*(bounds or []), bound]


def _reading_bounds(edtf: str, note: str | None, bounds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A date read from the text's context ("two years later") is a reading, not the claim's own date
    words: each end it has gets a bound with the basis 'article' (its note points to the event's note,
    which says how the date was read), unless a bound already gives that end, so that no consumer
    calls the day the article's own date."""
    span = parse_edtf(edtf).span
    have = {b["side"] for b in bounds}
    why = "A reading of the text around the claim" + (": the event's note says how it was read." if note else ".")
    ends = [("earliest", span.earliest), ("latest", span.latest)]
    added = [{"side": side, "date": day.isoformat(), "certainty": "inferred", "basis": "article", "note": why}
             for side, day in ends if day is not None and side not in have]  # fmt: skip
    return sorted([*added, *bounds], key=lambda b: b["side"] != "earliest")


def _split(text: str, layout: Layout) -> list[_Sentence]:
    found = []
    for para in layout.paragraphs:
        for start, end in sentences(text, para.start, para.end):
            found.append(_Sentence(para.section, start, end, (para.start, para.end)))
    return found


_QUOTED = re.compile(r"“[^”]{1,300}”|\"[^\"]{1,300}\"|«[^»]{1,300}»|„[^“”]{1,300}[“”]")
_WHEN_CLAUSE = re.compile(
    r"\b(?:at\s+a\s+time\s+when|when|while|as)\s+(?P<who>(?:his|her|their)\s+[a-z]+(?:\s+[a-z]+)?|[A-Z][\w'’-]+)"
    r"\s+(?P<verb>was|were|had\s+been|lived|worked|served|was\s+living|was\s+working)\b[^,;.]*"
)
"""'when his father was in prison' in a dated sentence: a second claim, at the sentence's own date."""


def _in_quotes(words: str) -> list[tuple[int, int]]:
    """Spans in quotation marks: a year there is in a title or a quotation, not a date of the life."""
    if '"' not in words and "“" not in words and "«" not in words and "„" not in words:
        return []
    return [m.span() for m in _QUOTED.finditer(words)]


@dataclass
class _Narrative:
    """The dates the text has given so far, for relative words to count from."""

    anchor: Anchor | None = None
    history: list[tuple[str, Anchor]] = field(default_factory=list)  # (sentence text, its date)
    current: str = ""  # the sentence being read: an event it names is not dated by itself

    lost: str | None = None  # the words that made the story's time unknown, until a date is given again
    lost_to_table: bool = False  # and they name an event only the named-events table dates

    def lose(self, words: str, *, table: bool = False) -> None:
        """An undatable time ("at the age of about fifteen", "after the war"): what follows it cannot count
        from a date before it."""
        self.anchor, self.lost, self.lost_to_table = None, words, table

    def note(self, words: str, anchor: Anchor) -> None:
        self.anchor, self.lost = anchor, None
        if not self.history or self.history[-1][0] is not words:
            self.history.append((words, anchor))
        else:
            self.history[-1] = (words, anchor)

    def remember(self, words: str, anchor: Anchor) -> None:
        """A date told in an aside: an event it names may be recalled, but the story's time stays where it was."""
        if not self.history or self.history[-1][0] is not words:
            self.history.append((words, anchor))

    def recall(self, stems: tuple[str, ...], owner: str | None) -> Anchor | None:
        """The nearest earlier dated sentence that names the event (and its owner)."""
        for words, anchor in reversed(self.history[-200:]):  # bounded: the recent past, not the whole text
            if words is self.current:
                continue
            folded = words.casefold()
            later = folded.find(" would ")  # "a politician who would serve during the Crimean War" (in 1847): what
            if later >= 0:  # the sentence says would come later is not dated by it
                folded = folded[:later]
            if any(_names(stem, folded) for stem in stems) and (owner is None or owner in folded):
                return anchor
        return None


def _names(stem: str, folded: str) -> bool:
    """Whether a sentence has the stem; 'free+' (a verb's stem) only inflected: 'freed', not 'a free man'."""
    if not stem.endswith("+"):
        return stem in folded
    return re.search(re.escape(stem[:-1]) + "[a-z]", folded) is not None


def _narrowed_by_age(mention: Mention, age: Found, birth: EdtfDate, death: EdtfDate | None) -> dict[str, Any] | None:
    """'died in 1941 at the age of 28': the year, and a bound from the age (an article bound, stated)."""
    if mention.period:
        return None
    by_age = resolve(age, None, birth, True, death)
    if by_age.edtf is None:
        return None
    year = parse_edtf(mention.edtf).span
    aged = parse_edtf(by_age.edtf).span
    if year.earliest is None or year.latest is None or aged.earliest is None or aged.latest is None:
        return None
    lo, hi = max(year.earliest, aged.earliest), min(year.latest, aged.latest)
    if lo > hi or (lo, hi) == (year.earliest, year.latest):
        return None
    return {"lo": lo, "hi": hi, "why": by_age.note, "year": (year.earliest, year.latest)}


def _age_bounds(narrow: dict[str, Any], age_text: str) -> list[dict[str, Any]]:
    bounds = []
    if narrow["lo"] != narrow["year"][0]:
        bounds.append({"side": "earliest", "date": narrow["lo"].isoformat(), "certainty": "inferred",
                       "basis": "article", "note": f"'{age_text}': {narrow['why']}"})  # fmt: skip
    if narrow["hi"] != narrow["year"][1]:
        bounds.append({"side": "latest", "date": narrow["hi"].isoformat(), "certainty": "inferred",
                       "basis": "article", "note": f"'{age_text}': {narrow['why']}"})  # fmt: skip
    return bounds


@dataclass
class _Context:
    """What every sentence's drafting shares: the dataset being built, and what it knows of names."""

    builder: _Builder
    unresolved: list[Unresolved]
    places: dict[str, dict[str, Any]]
    people_words: frozenset[str]
    known_places: frozenset[str]
    people_in: Callable[[str], list[str]]
    conventions: Counter[str]
    born: date | None = None  # the subject's first possible birth day, when the text gives the birth
    subject_words: set[str] = field(default_factory=set)
    died: date | None = None  # the subject's last possible death day, when the text gives the death
    pronoun: str = ""  # "she" or "he" when the text's own pronouns say which the subject is; else ""


@dataclass
class _SentenceDraft:
    """The events of one sentence: each date once, at most MAX_EVENTS_PER_SENTENCE of them."""

    context: _Context
    sentence: _Sentence
    words: str
    life_spans: tuple[tuple[int, int], ...]
    seen: set[tuple[str, tuple[int, int]]] = field(default_factory=set)
    drafted: int = 0
    first: dict[str, Any] | None = None

    def draft(
        self,
        edtf: str,
        at: int,
        end: int,
        *,
        note: str | None,
        inferred: bool,
        bounds: list[dict[str, Any]] | None = None,
        title: str | None = None,
        wording: str | None = None,
        clause: tuple[int, int] | None = None,
    ) -> None:
        ctx, words = self.context, self.words
        own = clause_around(words, at)
        if (edtf, own) in self.seen:  # the same date twice in one clause is one claim
            return
        self.seen.add((edtf, own))
        if self.drafted >= MAX_EVENTS_PER_SENTENCE:
            ctx.unresolved.append(Unresolved(words[at:end], self.sentence.section,
                                             f"the sentence has more than {MAX_EVENTS_PER_SENTENCE} dates; "
                                             "the rest are not drafted"))  # fmt: skip
            return
        self.drafted += 1
        clause = clause or clause_of(words, at, end)
        clause_words = words[clause[0] : clause[1]]
        named = find_places(clause_words, ctx.people_words, ctx.known_places)
        where = []
        for name in named:
            pid = slug(name, "place")
            _place(ctx.places, pid, name)
            if pid not in where:
                where.append(pid)
        # "according to Pierre Broué": his claim, and he takes no part in it; the date's own clause first
        claimant = find_claimant(clause_words) or (find_claimant(words[: clause[0]]) if clause[0] else None)
        absent = set(ctx.people_in(claimant)) if claimant else set()
        in_clause = [p for p in ctx.people_in(clause_words) if p not in absent]
        if (ctx.born is not None or ctx.died is not None) and _first_person(clause_words, ctx.subject_words) is True:
            if ctx.born is not None:
                bounds = _after_birth(edtf, bounds, ctx.born)
            if ctx.died is not None and _acts(clause_words, ctx.subject_words, ctx.pronoun) and not _narrated(words):
                bounds = _before_death(edtf, bounds, ctx.died)
        headline = title or title_for(words, clause, (at, end), self.life_spans)
        ctx.builder.add(self.sentence, edtf, title=headline, summary=" ".join(clause_words.split()),
                        people=in_clause, places=where, tags=[], clause=clause, note=note,
                        inferred=inferred, bounds=bounds, wording=wording, claimed_by=claimant)  # fmt: skip
        if self.first is None:
            self.first = ctx.builder.events[-1]
        if note and "meteorological" in note:
            ctx.conventions["season"] += 1
        elif note and "century" in note:
            ctx.conventions["century"] += 1


@dataclass
class _NamedPins:
    """A sentence's named events ("after the October Revolution"), pinned by outside knowledge.

    A year the text gives the event wins over the table, and so does a date
    the text gives in the same clause, or an earlier sentence that dates the
    event itself: the table (temponyms.tsv) only bounds what the text leaves
    open, and each named event is used once.
    """

    named: list[NamedTime]
    birth: EdtfDate | None
    about: Callable[[str], bool]  # whether a sentence is about the subject (see _about)
    here: _SentenceDraft
    section: str
    unresolved: list[Unresolved]
    used: set[int] = field(default_factory=set)

    def _draft(self, found: NamedTime) -> bool:
        self.used.add(found.start)
        words = self.here.words  # the named event's own words blanked: "before Hitler came to power, Sedov moved"
        about_subject = self.about(words[: found.start] + " " * (found.end - found.start) + words[found.end :])
        pinned = pin(found, self.birth, about_subject)
        if not isinstance(pinned, Pinned):
            if found.year is None:
                self.unresolved.append(Unresolved(found.text, self.section, pinned))
            return False
        wording = found.text[:1].lower() + found.text[1:]  # the words the date is known by, shown as When
        self.here.draft(pinned.edtf, found.start, found.end, note=pinned.note, inferred=True,
                        bounds=list(pinned.bounds), wording=wording)  # fmt: skip
        return True

    def with_year(self, mention: Mention) -> bool:
        """Draft the named event whose year this mention is, if there is one; False leaves the year as read."""
        for found in self.named:
            if found.year_at is not None and mention.start <= found.year_at[0] < mention.end:
                return found.start not in self.used and self._draft(found)
        return False

    def instead_of(self, relative: Found) -> bool:
        """Pin a relative expression the text could not date, when it names an event of the table."""
        for found in self.named:
            if found.year is None and found.start < relative.end and relative.start < found.end:
                if found.start not in self.used:
                    self._draft(found)
                return True
        return False

    def the_rest(self, dated_clauses: set[tuple[int, int]]) -> str | None:
        """The named events no other reading touched, unless a date of the text stands in their clause; the
        words of the last one drafted (the story's time is then the table's, not the text's)."""
        pinned = None
        for found in self.named:
            fresh = found.year is None and found.start not in self.used
            if fresh and clause_around(self.here.words, found.start) not in dated_clauses and self._draft(found):
                pinned = found.text
        return pinned


_WHERE_BEFORE = re.compile(r",\s+(?:where|and\s+there)\s+$", re.IGNORECASE)


def _where_until(
    words: str, mention: Mention, near: Anchor | None, clause: tuple[int, int]
) -> list[dict[str, Any]] | None:
    """'moved to Oslo in 1947, where she taught till 1950': a stretch whose start the text leaves open, told in
    a where-clause after a dated one, began no earlier than that date; its earliest bound, from the article."""
    if near is None or not mention.edtf.startswith("../") or not _WHERE_BEFORE.search(words[: clause[0]]):
        return None
    try:
        first = parse_edtf(near.edtf).span.earliest
    except DateError:
        return None
    end = parse_edtf(mention.edtf).span.latest
    if first is None or end is None or first > end:
        return None
    note = (f"'{mention.text}' gives no start; its where-clause follows {near.words!r} ({near.edtf}) earlier in "
            "its sentence, so it began no earlier.")  # fmt: skip
    return [{"side": "earliest", "date": first.isoformat(), "certainty": "inferred", "basis": "article", "note": note}]


_STAYED_THERE = re.compile(r"\b(?:remained|stayed|lived|continued\s+to\s+live)\s+there\s+$", re.IGNORECASE)


def _stayed_there(
    words: str, mention: Mention, anchor: Anchor | None, clause: tuple[int, int]
) -> tuple[str, str] | None:
    """'He remained there until 1700' after 'in 1695 he went to live with his brother': the stay began where the
    text last was, so it is a period from that date to the end the words give."""
    if anchor is None or not mention.edtf.startswith("../") or "[" in anchor.edtf or "/" in anchor.edtf or mention.also:
        return None
    if not _STAYED_THERE.search(words, clause[0], mention.start) or not re.search(r"\d{4}", anchor.words):
        return None  # only from a date the text states: "Three years later he was sent to Persia" is inferred
    begun, end = edtf_ends(anchor.edtf)[0], mention.edtf[3:]
    try:
        if begun is None or parse_edtf(begun).span.earliest > parse_edtf(end).span.latest:  # type: ignore[operator]
            return None
    except DateError:
        return None
    note = (f"'{mention.text}' ends a stay 'there', which began at the last date the text gives before it, "
            f"{anchor.words!r} ({anchor.edtf}).")  # fmt: skip
    return f"{begun}/{end}", note


def _from_then_until(
    words: str, mention: Mention, relatives: list[Found], anchor: Anchor | None, clause: tuple[int, int]
) -> tuple[str, str, Found] | None:
    """'From this date until 1994', after a dated sentence: the period from that date to 1994."""
    if not mention.edtf.startswith("../") or anchor is None:
        return None
    used = next((r for r in relatives if r.form == "from_then" and r.end <= mention.start
                 and clause_around(words, r.start) == clause), None)  # fmt: skip
    start = edtf_ends(anchor.edtf)[0]
    if used is None or start is None:
        return None
    edtf = f"{start}/{mention.edtf[3:]}"
    try:
        parse_edtf(edtf)
    except DateError:
        return None
    note = (f"Resolved '{words[used.start : mention.end]}' as one period: from {anchor.words!r} ({anchor.edtf}), "
            f"the last date the text gives before it, to {mention.edtf[3:]}.")  # fmt: skip
    return edtf, note, used


_NAMED_EVENT = re.compile(r"\b(?:after|before|until|till|to)\s+(?P<what>(?:(?!\b(?:after|before|until|till|to)\s).)+?)"
                          r"\s+(?:in|on)\s+\S.*$", re.IGNORECASE)  # fmt: skip
"""The event in 'until her assassination in October 1984': 'her assassination', its title."""
_WHEN_ENDED = re.compile(r",\s*when\s+(?P<what>(?:he|she|they|[A-Z][\w'’-]+)\s+(?:had\s+)?[a-z]+ed\b[^,;.]*)")
"""'until 1973, when he retired': the event at the end of the stretch, titled by its own clause."""
_BORN_AGAIN = re.compile(r"Born\s+(?:on\s+|in\s+)?")
_AFTER_CLAUSE = re.compile(r"^(?:After|Following)\s+[^,;]{1,160}?,\s+(?=[a-z]|[A-Z][\w'’-]*\s+[a-z])")


def _after_clause(words: str, mention: Mention) -> Mention:
    """'After receiving her degree in 1964, she studied …': what the sentence tells happened after 1964."""
    m = _AFTER_CLAUSE.match(words)
    if m is None or mention.end > m.end() or mention.period or mention.edtf.startswith("["):
        return mention
    said = words[: m.end()].strip(" ,")
    note = f"'{said}' is dated {mention.edtf}; what follows it happened after: from then, end open."
    return Mention(mention.start, mention.end, mention.text, f"[{mention.edtf}..]", note, mention.named)


_UNTIL_DEATH = re.compile(
    r"(?<!\s)\s*(?:until|till|to)\s+(?:his|her|their)\s+(?P<how>death|assassination|murder|execution|killing|passing)\b",
    re.IGNORECASE,
)


_TO_DEATH_IN = re.compile(r"\b(?:until|till|to)\s+(?:his|her|their)\s+death\s+in\b", re.IGNORECASE)


def _to_the_death_day(mention: Mention, death: EdtfDate) -> Mention:
    """'from 1946 until her death in 1952': the stretch ends on the day of the death the text gives, inside 1952."""
    start, end = edtf_ends(mention.edtf)
    if start is None or end is None or "/" not in mention.edtf or "/" in death.text or "[" in death.text:
        return mention
    if not _death_falls_in(end, death):
        return mention
    note = f"'{mention.text}' read as ending on the subject's death ({death.display}), which falls in {end}."
    return Mention(mention.start, mention.end, mention.text, f"{start}/{death.text}", note, mention.named)


def _death_falls_in(end: str, death: EdtfDate) -> bool:
    """Whether the death's first possible day lies inside the date ``end`` (the year a stretch ends in)."""
    year, died = parse_edtf(end).span, death.span
    if year.earliest is None or year.latest is None or died.earliest is None:
        return False
    return year.earliest <= died.earliest <= year.latest


_BY_DEATH_IN = re.compile(r"by\s+(?:the\s+time\s+of\s+)?(?P<whose>his|her|their)\s+death\s+in\b", re.IGNORECASE)


def _by_the_death_day(mention: Mention, death: EdtfDate) -> Mention:
    """'By the time of her death in 1997, the order numbered …': by the day of the death the text gives, in 1997."""
    start, end = edtf_ends(mention.edtf)
    if start is not None or end is None or not mention.edtf.startswith("[..") or "/" in death.text or "[" in death.text:
        return mention
    if not _death_falls_in(end, death):
        return mention
    note = f"'{mention.text}' read as by the subject's death ({death.display}), which falls in {end}."
    return Mention(mention.start, mention.end, mention.text, f"[..{death.text}]", note, mention.named)


def _until_death(words: str, mention: Mention, death: EdtfDate) -> Mention:
    """'from January 1980 until her assassination': the period ends with the subject's death."""
    m = _UNTIL_DEATH.match(words, mention.end)
    if m is None or "/" in death.text or "[" in death.text:
        return mention
    note = f"'{m.group().strip()}' read as ending with the subject's death ({death.display})."
    start = mention.edtf.removesuffix("/..")
    return Mention(mention.start, m.end(), words[mention.start : m.end()], f"{start}/{death.text}", note,
                   mention.named)  # fmt: skip


_UNTIL_EVENT = re.compile(
    r",?\s+(?:until|till|to)\s+(?:the|his|her|their)\s+[a-z]+(?:\s+of\s+[^,;:()]{1,80}?)?,?\s+(?:on|in)\s+"
)


def _until_dated_event(words: str, mention: Mention, mentions: list[Mention], starts: list[int]) -> Mention:
    """'from January 29, 1891, until the overthrow of the Kingdom on January 17, 1893': the stretch ends with
    the event the words name, dated right after it (the event stays a claim of its own)."""
    at = bisect_left(starts, mention.end)  # the next date after it, by bisection: a sentence may hold thousands
    following = mentions[at] if at < len(mentions) else None
    if following is None or "/" in following.edtf or "[" in following.edtf:
        return mention
    if _UNTIL_EVENT.fullmatch(words, mention.end, following.start) is None:
        return mention
    start = mention.edtf.removesuffix("/..")
    try:
        if parse_edtf(start).span.earliest > parse_edtf(following.edtf).span.latest:  # type: ignore[operator]
            return mention
    except DateError:
        return mention
    until = re.sub(r",?\s+(?:on|in)\s*$", "", words[mention.end : following.start]).strip(" ,")
    note = f"'{until}' read as ending at the date the words give it, {following.text!r}."
    return Mention(mention.start, mention.end, mention.text, f"{start}/{following.edtf}", note, mention.named)


_SPENT = re.compile(r"\bspent\s$")
"""'they spent ten months in the US': the count is what they spent, and stays in the title."""
_WENT = re.compile(
    r"\b(?:went|moved|came|returned|travell?ed|fled|emigrated|sailed|left|sent|arrived|departed)\b", re.IGNORECASE
)
_POINT_OR_FROM = re.compile(r"\d{4}(?:-\d\d){0,2}(?:/\.\.)?")
_SECOND_PREDICATE = re.compile(
    r"\b(?:who|whom|which|where|while)\b|,\s*(?:and|but)\b"
    r"|\band\s+(?!(?:his|her|their|its|the|a|an|my|our|your)\b)(?-i:[a-z])",
    re.IGNORECASE,
)
"""Words that begin another predicate between a date and a duration ("was arrested in 1950 and spent two years in
prison"): the date is the first act's, and the stretch a second claim from it."""


_UNTIL_NAMED = re.compile(
    r"[^,;:()]{0,150}?\s(?:until|till)\s+(?:the|his|her|its|their)\s+[a-z]+(?:\s+of\s+[^,;:()]{1,80}?)?,?\s+(?:on|in)\s+"
)
"""'… succeeded his father as president until his death on …': a stretch that ends at an event dated right after."""


def _until_later(
    words: str, mention: Mention, mentions: list[Mention], starts: list[int], clause: tuple[int, int]
) -> tuple[Mention, str, bool] | None:
    """'In 1920 she taught in Oslo until 1930', 'in 1919 succeeded his father until his death on 26 May 1943': a date
    and an end its clause gives later are one stretch. The end, the stretch, and whether the end is only the
    stretch's ('until 1930') or an event's date too ('his death on …', a claim of its own)."""
    if not _POINT_OR_FROM.fullmatch(mention.edtf) or mention.edtf.endswith("/..") or mention.also:
        return None
    at = bisect_left(starts, mention.end)
    if at >= len(mentions):
        return None
    end_at = mentions[at]
    if end_at.also:
        return None
    if end_at.edtf.startswith("../") and re.match(r"(?:until|till)\b", end_at.text, re.IGNORECASE):
        last, absorb = end_at.edtf[3:], True
        if re.search(r"[,;:()]", words[mention.end : end_at.start]):
            return None
    elif _POINT_OR_FROM.fullmatch(end_at.edtf) and not end_at.edtf.endswith("/.."):
        if _UNTIL_NAMED.fullmatch(words, mention.end, end_at.start) is None:
            return None
        last, absorb = end_at.edtf, False
    else:
        return None
    a, b = clause_of(words, mention.start, mention.end)
    if not (a <= end_at.start < b or clause_around(words, end_at.start) == clause):
        return None
    if _SECOND_PREDICATE.search(words, mention.end, end_at.start) or _WENT.search(words, a, end_at.start):
        return None  # "born in 1901 and studied there until 1919", "went to Rome … until": not one stretch from it
    edtf = f"{mention.edtf}/{last}"
    try:
        if parse_edtf(mention.edtf).span.earliest > parse_edtf(last).span.latest:  # type: ignore[operator]
            return None
        parse_edtf(edtf)
    except DateError:
        return None
    return end_at, edtf, absorb


_OPENING_DATE = re.compile(r"[^,;:()]{0,60}$")


def _opened_by(words: str, mention: Mention, mentions: list[Mention]) -> Mention:
    """'Freed in 1776, he became a trusted employee before joining a rebellion in 1791': what a sentence tells after
    its opening phrase's date and before a dated event happened between the two, [1776..1791]."""
    first = mentions[0] if mentions else None
    if not mention.also or not mention.edtf.startswith("[..") or first is None or first is mention:
        return mention
    if not _POINT_OR_FROM.fullmatch(first.edtf) or first.edtf.endswith("/.."):
        return mention
    if not _OPENING_DATE.fullmatch(words, 0, first.start) or not words.startswith(",", first.end):
        return mention
    lo, hi = edtf_ends(first.edtf)[0], edtf_ends(mention.edtf)[1]
    try:
        if lo is None or hi is None or parse_edtf(lo).span.earliest > parse_edtf(hi).span.latest:  # type: ignore[operator]
            return mention
    except DateError:
        return mention
    note = f"{mention.note} It is told after {words[: first.end]!r}, which opens its sentence: from {lo}."
    return Mention(mention.start, mention.end, mention.text, f"[{lo}..{hi}]", note, mention.named, mention.also)


def _lasting(
    words: str,
    mention: Mention,
    relatives: list[Found],
    relative_starts: list[int],
    mentions: list[Mention],
    starts: list[int],
    consumed: set[int],
    clause: tuple[int, int],
) -> tuple[Found, bool] | None:
    """A duration the clause of a date tells ('In 1969 they spent 10 months in the US', 'Since 1988, she was under
    arrest for almost 14 years'): the stretch it makes from that date, and whether the date is a claim of its own
    too (another predicate comes between them, or the duration is a thing begun: 'began a 40-year friendship')."""
    if not _POINT_OR_FROM.fullmatch(mention.edtf) or mention.also:
        return None
    following = bisect_left(starts, mention.end)
    limit = mentions[following].start if following < len(mentions) else len(words)
    at = bisect_left(relative_starts, mention.end)  # by bisection: a sentence of many dates is not reread
    while at < len(relatives) and id(relatives[at]) in consumed:
        at += 1
    if at < len(relatives):
        relative = relatives[at]
        if relative.start > limit or relative.form not in ("duration", "duration_adj"):
            return None  # only the first duration before the next date, and no other relative word between
        a, b = clause_of(words, mention.start, mention.end)
        if not (a <= relative.start < b or clause_around(words, relative.start) == clause):
            return None
        if _WENT.search(words, mention.end, relative.start) or _WENT.search(words, a, mention.start):
            return None  # "went to London for a year": the date is the going, the year the stay's, not its stretch
        keep = relative.form == "duration_adj" or _SECOND_PREDICATE.search(words, mention.end, relative.start)
        return relative, bool(keep)
    return None


_AFTER_OWN_DEATH = re.compile(r"(?:after|following)\s+(?P<whose>his|her|their)\s+death\b")


def _after_own_death(
    words: str, mention: Mention, death: EdtfDate | None, other_pronoun: str
) -> list[dict[str, Any]] | None:
    """'renamed Gagarin in 1968 after his death', the subject dying in 1968: the year from the death day on."""
    if not words[mention.end : mention.end + 1].isspace():
        return None
    m = _AFTER_OWN_DEATH.match(words, _next_ink(words, mention.end))
    if m is None or death is None or not re.fullmatch(r"\d{4}", mention.edtf):
        return None
    if not other_pronoun or m["whose"].lower() in (other_pronoun, "their"):  # whose death, the text must tell
        return None
    died = death.span.earliest
    if died is None or died != death.span.latest or str(died.year) != mention.edtf or (died.month, died.day) == (1, 1):
        return None
    note = f"'{m.group().strip()}': the subject died on {death.display}, so no earlier than that in {mention.edtf}."
    return [{"side": "earliest", "date": died.isoformat(), "certainty": "inferred", "basis": "article", "note": note}]


_WORK_NOUNS = re.compile(
    r"\b(?:series|works|designs|paintings|prints|novels|books|films|albums|songs|poems|plays|operas|symphonies"
    r"|publications|titles|essays|stories|pieces|compositions|recordings|include|includes|including)\b",
    re.IGNORECASE,
)
_WORK_DATE = re.compile(r"(?<=[\w”\"’'),])\s*,?\s*\(\s*(?:c\.\s*)?\d{4}(?:\s*[–—-]\s*\d{2,4})?\s*\)")


_OPEN_ENDED = frozenset({"soon", "later", "event", "vague", "then", "went_on"})


def _closed_by_later(
    words: str,
    relative: Found,
    result: Resolution,
    mentions: list[Mention],
    starts: list[int],
    asides: list[tuple[int, int]],
) -> Resolution:
    """'She soon raised an army, …, and defeated them at X on 12 February 1817': what a sentence tells before a
    later dated clause of its own happened by that date. An open end ('soon', 'after her death') is closed by
    the first date told after it in another clause, when that date is not before the start."""
    if relative.form not in _OPEN_ENDED or result.edtf is None or not result.edtf.endswith("..]"):
        return result
    lo = result.edtf[1:-3]
    own = clause_around(words, relative.start)
    first = bisect_left(starts, relative.end)
    for mention in mentions[first : first + 8]:  # the next few dates: a long list of them closes nothing more
        if clause_around(words, mention.start) == own:
            continue
        if any(a <= mention.start < b for a, b in asides) or "/" in mention.edtf or "[" in mention.edtf:
            return result
        hi = edtf_ends(mention.edtf)[1]
        if hi is None:
            return result
        begins, last = parse_edtf(lo).span.earliest, parse_edtf(hi).span.latest
        if begins is None or last is None or last < begins:
            return result
        return Resolution(f"[{lo}..{hi}]", f"{result.note} It is told before {mention.text!r} in its sentence, so "
                          f"no later than that ({hi}).")  # fmt: skip
    return result


_CITATION = re.compile(
    r"(?<=[\w”\"’'])\s*\((?:[^()]{0,60},\s*)?(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){0,3}"
    r"(?::\s*[^(),:]{1,60})?,\s*(?:c\.\s*)?\d{4}\s*\)"
)
"""'her book Arctic Days (English translation, London, 1931)', 'her thesis "Ice" (Oslo, 1928)': where and when
a work was printed, its citation, not a time of the life."""
_WORK_SUBJECT = re.compile(
    r"(?:(?:His|Her|Their|(?-i:[A-Z])[\w'’-]+['’]s)\s+)?(?-i:[A-Z])[^()!?;:]{0,80}?(?P<year>\s*\(\s*(?:c\.\s*)?"
    r"\d{4}\s*\))\s+(?:was|is|became|remains|has\s+been)\s+(?P<what>[^.;]{0,200})"
)
"""'Arctic Days (1931) was her first novel', 'Her Cold Sea (1934) is a novel of village life in the 1890s':
a sentence about a work, opening on its title: the year is the work's, and a decade it names is its setting."""
_AWARD_BEFORE = re.compile(r"\b(?:Award|Prize|Medal|Trophy|Cup|Order|Cross)$")
"""An honour's name, whose year in a parenthesis is when it was given, not a work's."""
_DECADE_EDTF = re.compile(r"\d{3}X|\[\d{3}0\.\.\d{3}9\]")


def _work_dates(words: str) -> list[tuple[int, int]]:
    """'the series Chushingura (1806), Waterfall (1827-1830)': dates of works in a list of them, not of the life."""
    if "(" not in words:
        return []
    found = [m.span() for m in _CITATION.finditer(words)]
    opening = _WORK_SUBJECT.match(words)
    if opening is not None:
        found.append(opening.span("year"))
    if _WORK_NOUNS.search(words):  # "accolades, including the Independence Award (1987)": an award's year is when
        found += [
            m.span()
            for m in _WORK_DATE.finditer(words)
            if not _AWARD_BEFORE.search(words, max(0, m.start() - 9), m.start())
        ]
    return found


def _set_in(words: str, mentions: list[Mention]) -> list[Mention]:
    """The decades a sentence about a work names ('a novel of village life in the 1890s'): its setting."""
    opening = _WORK_SUBJECT.match(words) if "(" in words else None
    if opening is None:
        return []
    a, b = opening.span("what")
    return [m for m in mentions if a <= m.start < b and _DECADE_EDTF.fullmatch(m.edtf)]


def draft_dataset(
    text: str,
    source: Source,
    *,
    subject: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Draft:
    """Draft a dataset from ``text``; raise :class:`NothingToDraft` when it gives none."""
    layout = read_layout(text)
    found = _split(text, layout)
    if not found and not layout.infobox:
        raise NothingToDraft("the text has no sentences to read")
    texts = [text[s.start : s.end] for s in found]
    who = subject_mod.find_subject(text, layout, [(s.section, s.start, s.end) for s in found], texts, subject)
    subject_id = slug(who.name, "subject")
    builder = _Builder(text)
    people: dict[str, dict[str, Any]] = {}
    person_words: dict[str, set[str]] = {}
    unresolved: list[Unresolved] = []
    births_and_deaths: list[tuple[int, str, str, str]] = []  # sentence index, person id, edtf, which
    index_of = {s.start: i for i, s in enumerate(found)}

    def fact(edtf: str, at: int) -> dict[str, Any]:
        s = found[at]
        return {"date": edtf, "certainty": "stated", "source": {"section": s.section, "quote": builder.quote(s)}}

    infobox_sentences: dict[int, _Sentence] = {}

    def infobox_sentence(line_start: int, line_end: int) -> int:
        """An infobox line quoted as a sentence of its own (it has no sentence around it)."""
        key = -1 - len(infobox_sentences)
        infobox_sentences[key] = _Sentence(LEAD, line_start, line_end, (line_start, line_end))
        return key

    def sentence_at(at: int) -> _Sentence:
        return infobox_sentences[at] if at < 0 else found[at]

    subject_record: dict[str, Any] = {"id": subject_id, "name": who.name, "aliases": who.aliases,
                                      "relation": "the subject"}  # fmt: skip
    for which, edtf, told in (("birth", who.birth, who.birth_at), ("death", who.death, who.death_at)):
        if edtf is None or told is None:
            continue
        where = index_of.get(told[0]) if told[2] == "sentence" else infobox_sentence(told[0], told[1])
        if where is None:
            continue
        s = sentence_at(where)
        subject_record[which] = {"date": edtf, "certainty": "stated",
                                 "source": {"section": s.section, "quote": builder.quote(s)}}  # fmt: skip
        if which == "death" and who.death_note:  # "died on Thursday at the age of 72": read from the age
            subject_record[which].update(certainty="inferred", note=who.death_note)
        births_and_deaths.append((where, subject_id, edtf, which))
    people[subject_id] = subject_record
    person_words[subject_id] = subject_mod.name_tokens(who)

    life_spans: dict[int, list[tuple[int, int]]] = {}
    if who.life_span is not None:  # life dates with no name before them: the subject's, not a period
        at = next((i for i, s in enumerate(found) if s.start <= who.life_span[0] < s.end), None)
        if at is not None:
            life_spans[at] = [(who.life_span[0] - found[at].start, who.life_span[1] - found[at].start)]
    if who.subtitle is not None:  # "American astronomer (1898–1990)": the subject's life, never a period
        at = next((i for i, s in enumerate(found) if s.start <= who.subtitle[0] < s.end), None)
        if at is not None:
            life_spans.setdefault(at, []).append((who.subtitle[0] - found[at].start, who.subtitle[1] - found[at].start))
    for number, (sentence, words) in enumerate(zip(found, texts, strict=True)):
        for life in find_life_dates(words):
            life_spans.setdefault(number, []).append((life.start, life.end))
            told_here = who.life is not None and who.birth_at is not None and sentence.start == who.birth_at[0]
            if told_here and (life.birth, life.death) == who.life:
                continue
            pid = slug(life.name, "person")
            if pid == subject_id or pid in people:
                continue
            record: dict[str, Any] = {"id": pid, "name": life.name, "aliases": [], "relation": "named in the article"}
            for which, edtf in (("birth", life.birth), ("death", life.death)):
                if edtf is not None:
                    record[which] = fact(edtf, number)
                    births_and_deaths.append((number, pid, edtf, which))
            people[pid] = record
            person_words[pid] = {life.name}
    known_places = frozenset(who.places)
    for words in texts:  # people the prose marks as people: "his partner, Jeanne Martin"
        for marked in find_people(words, known_places):
            pid = slug(marked.name, "person")
            relation = marked.relation
            if relation.split()[0] in ("His", "Her", "Their", "The"):  # it opened the sentence
                relation = relation[:1].lower() + relation[1:]
            if pid in people and people[pid]["relation"] == "named in the article":
                people[pid]["relation"] = relation  # "His father, Baldur Nansen (1817–1885)": dated and related
                continue
            if pid == subject_id or pid in people or marked.name in person_words[subject_id]:
                continue
            people[pid] = {"id": pid, "name": marked.name, "aliases": [], "relation": relation}
            person_words[pid] = {marked.name}
    # A surname alone names a person only when no one else, the subject included, bears it:
    # "Brandt" in a life of Elena Brandt is her, not her father Josef Brandt.
    surnames: dict[str, list[str]] = {}
    for pid, record in people.items():
        for name in (record["name"], *record["aliases"]):
            if len(name.split()) > 1:
                surnames.setdefault(name.split()[-1], []).append(pid)
    for surname, bearers in surnames.items():
        if len(set(bearers)) == 1 and bearers[0] != subject_id:
            person_words[bearers[0]].add(surname)
    # One pattern for every name: a sentence is scanned once, whatever the number of people.
    owners: dict[str, str] = {n: pid for pid, names in person_words.items() if pid != subject_id for n in names}
    names_pattern = (
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(owners, key=len, reverse=True)) + r")(?!\w)")
        if owners
        else None
    )

    def people_in(words: str) -> list[str]:
        if names_pattern is None:
            return []
        return list(dict.fromkeys(owners[m.group()] for m in names_pattern.finditer(words)))

    all_people_words = frozenset(w for names in person_words.values() for n in names for w in n.split())
    places: dict[str, dict[str, Any]] = {}
    life_events: dict[int, list[tuple[str, str, str]]] = {}  # sentence index -> (person, which, date)
    for at, pid, edtf, which in births_and_deaths:
        life_events.setdefault(at, []).append((pid, which, edtf))
    for at in [k for k in life_events if k < 0]:  # infobox births and deaths come first, as the lead would
        for pid, which, edtf in life_events.pop(at):
            _life_event(builder, sentence_at(at), people[pid], which, edtf, who.birth_place if which == "birth"
                        else who.death_place, places)  # fmt: skip
    birth = parse_edtf(who.birth) if who.birth else None
    death = parse_edtf(who.death) if who.death else None
    subject_words = subject_mod.name_tokens(who)
    era = _era(birth, death)
    story = _Narrative()
    other_pronoun = _other_pronoun(texts)
    total = len(text)
    conventions: Counter[str] = Counter()
    context = _Context(builder, unresolved, places, all_people_words, known_places, people_in, conventions,
                       birth.span.earliest if birth else None, subject_words,
                       death.span.latest if death else None)  # fmt: skip
    context.pronoun = {"his": "she", "her": "he"}.get(other_pronoun, "")
    for number, sentence in enumerate(found):
        if progress is not None and number % 64 == 0:
            progress(sentence.start, total)
        words = texts[number]
        story.current = words
        life_dates: set[str] = set()  # the births and deaths this sentence gives: drafted once, as such
        for pid, which, edtf in life_events.get(number, ()):
            place = (who.birth_place if which == "birth" else who.death_place) if pid == subject_id else None
            if place is None and pid == subject_id:  # "Born on June 16, 1971, in New York": the sentence's place
                place = next(iter(find_places(words, all_people_words, known_places)), None)
            _life_event(builder, sentence, people[pid], which, edtf, place, places)
            life_dates.add(edtf)
        spans = tuple(life_spans.get(number, ()))
        life_in = _Spans(spans)
        mentions, rejected = find_dates(words, spans, era)
        skipped = _in_quotes(words) + _work_dates(words)
        skipped_in = _Spans(skipped)
        if skipped:
            mentions = [m for m in mentions if not skipped_in.holds(m.start)]
            setting = _set_in(words, mentions)
            if setting:
                mentions = [m for m in mentions if m not in setting]
        for bad in rejected:
            unresolved.append(Unresolved(bad.text, sentence.section, bad.reason))
        reborn = [m for m in mentions if _birth_again(words, m, birth)]
        if reborn:  # "Born out of wedlock in 1919, at age 15 she …": the birth told again, not a claim of the clause
            mentions = [m for m in mentions if m not in reborn]
            story.note(words, Anchor(reborn[-1].named, reborn[-1].text))
        mention_starts = [m.start for m in mentions]  # in order: find_dates sorts them, and they do not overlap
        relatives = [
            r for r in find_relative(words) if not _overlaps(r, mentions, mention_starts) and not life_in.holds(r.start)
        ]  # "(…; aged 66)": the life dates' own words
        items: list[tuple[int, Mention | None, Found | None]] = [(m.start, m, None) for m in mentions]
        items += [(r.start, None, r) for r in relatives]
        items.sort(key=lambda item: item[0])
        about_subject = _about(words, subject_words) or bool(reborn)  # "Born … in 1919, …": the clause is hers
        dated_words = tuple(date_words(words, m.start, m.end) for m in mentions)  # "in 1927" out of the 1926 title
        kept_words = tuple(
            _in_aside(words, r.start, r.end)
            for r in relatives
            if r.form not in _KEPT
            and not r.match.groupdict().get("old_who")
            and not (r.form == "duration" and _SPENT.search(words, max(0, r.start - 7), r.start))
        )  # "she spent her last years", "Lee was fifteen years old and left home", "they spent ten months in the
        # US": the words say what happened
        told_again = ((0, reborn[-1].end),) if reborn else ()  # "Born … in 1900," is not what the clause tells
        here = _SentenceDraft(context, sentence, words, spans + kept_words + dated_words + told_again)
        ages = [r for r in relatives if r.form == "age"]
        age_of: dict[tuple[int, int], Found] = {}  # each clause's first age, found once per sentence
        for found_age in ages:
            age_of.setdefault(clause_around(words, found_age.start), found_age)
        yearless = [r for r in relatives if r.form == "yearless"]
        clauses = {clause_around(words, m.start) for m in mentions}
        # the clauses a date of their own dates; not by a date in a parenthesis ("in the next two decades … (one
        # of his paintings was presented … in 1954)"), which dates only what it says
        asides = _parentheses(words) if "(" in words else []
        aside_in = _Spans(asides)
        dating = {clause_around(words, m.start) for m in mentions if not aside_in.holds(m.start)}
        consumed: set[int] = set()  # relatives joined to a date of their clause
        aged_clauses: set[tuple[int, int]] = set()  # the clauses an age of this sentence has dated
        dying_in: dict[tuple[int, int], bool] = {}  # whether a clause tells of a death ("She died in 1971 at 87")
        scoped = None
        if len(ages) == 1 and len(mentions) == 1 and clause_around(words, ages[0].start) not in clauses:
            scoped = ages[0] if _scoped_age(words, mentions[0], ages[0]) else None
            if scoped is not None:
                consumed.add(id(scoped))
        named = [n for n in find_named_times(words) if not skipped_in.holds(n.start)]
        named_pins = _NamedPins(
            named, birth, lambda text: _about(text, subject_words), here, sentence.section, unresolved
        )
        near: Anchor | None = None  # the last date told earlier in this sentence
        timed = False  # whether relative words put this sentence in a span ("In the last year of his life …", "At 5")
        absorbed: set[int] = set()  # dates read into a stretch with the one before them ("in 1920 … until 1930")
        lasts = [r.start for r in relatives] if any(r.form in ("duration", "duration_adj") for r in relatives) else []
        tills = "til" in words  # once a sentence: a sentence of thousands of dates is not read once per date
        for _, mention, relative in items:
            if mention is not None and id(mention) in absorbed:
                continue
            if mention is not None:
                if mention.edtf in life_dates or (
                    mention.edtf == who.birth and _BORN_AGAIN.fullmatch(words[: mention.start])
                ):  # "Keino was born on 17 January 1940": the birth, drafted above; "Born on 16 March 1839, …" again
                    story.note(words, Anchor(mention.named, mention.text))
                    continue
                if _header_again(words, mention, who.birth, who.death) or (
                    _birth_told_again(words, mention, birth, subject_words | set(who.name.split()))
                ):  # an entry's header, or the subject's birth, told a second time
                    story.note(words, Anchor(mention.named, mention.text))
                    continue
                if named_pins.with_year(mention):  # "just before Hitler came to power in 1933"
                    story.note(words, Anchor(mention.named, mention.text))
                    continue
                clause = clause_around(words, mention.start)
                age = age_of.get(clause)
                if age is None and scoped is not None:
                    age = scoped  # "In 1950, when she was 16, she …": the fronted year dates the age's clause too
                if mention.edtf.endswith("/..") and death is not None and about_subject:
                    mention = _until_death(words, mention, death)
                if mention.edtf.endswith("/.."):  # "from January 29, 1891, until the overthrow … on January 17, 1893"
                    mention = _until_dated_event(words, mention, mentions, mention_starts)
                if death is not None and about_subject and _TO_DEATH_IN.search(mention.text):
                    mention = _to_the_death_day(mention, death)
                by_death = _BY_DEATH_IN.match(mention.text) if mention.text[:2] in ("By", "by") else None
                if death is not None and about_subject and by_death and by_death["whose"].lower() != other_pronoun:
                    mention = _by_the_death_day(mention, death)  # "her death", in the life of one the text calls "she"
                since = _where_until(words, mention, near, clause)
                if since is not None:  # "moved to Oslo in 1947, where she taught till 1950": from the move
                    here.draft(mention.edtf, mention.start, mention.end, note=since[0]["note"], inferred=True,
                               bounds=since)  # fmt: skip
                    story.note(words, Anchor(mention.named, mention.text))
                    near = story.anchor
                    continue
                stay = _stayed_there(words, mention, near or story.anchor, clause)
                if stay is not None:  # "In 1695 he went to live with his brother. He remained there until 1700"
                    here.draft(stay[0], mention.start, mention.end, note=stay[1], inferred=True)
                    story.note(words, Anchor(mention.named, mention.text))
                    near = story.anchor
                    continue
                joined = _from_then_until(words, mention, relatives, story.anchor, clause)
                if joined is not None:  # "From this date until 1994": one period, from the date before it
                    edtf, note, used = joined
                    consumed.add(id(used))
                    here.draft(edtf, used.start, mention.end, note=note, inferred=True)
                    story.note(words, Anchor(edtf, words[used.start : mention.end]))
                    continue
                opened = _after_clause(words, mention)
                if opened is not mention:  # the dated event itself ("Austria was annexed"), then what came after it
                    after = _AFTER_CLAUSE.match(words).end()  # type: ignore[union-attr]
                    dated = (len(words.split(None, 1)[0]) + 1, after)  # "Austria was annexed by Germany in 1938"
                    here.draft(mention.edtf, mention.start, mention.end, note=mention.note, inferred=False,
                               clause=dated, title=title_for(words, dated, (mention.start, mention.end)))  # fmt: skip
                    own = (after, clause_around(words, after)[1])  # "Meitner was forced to flee", its own clause
                    here.draft(opened.edtf, after, after, note=opened.note, inferred=True, clause=own,
                               title=title_for(words, own, (after, after)))  # fmt: skip
                    story.note(words, Anchor(mention.named, mention.text))
                    continue
                if re.fullmatch(r"\d{4}", mention.edtf) and any(
                    r.start > mention.start
                    and (mention.start == 0 or clause_around(words, r.start) == clause)
                    and _yearless_day(r)
                    for r in yearless
                ):  # "1913 Born September 12", "at the 2017 election on 23 September": the year is its day's
                    story.note(words, Anchor(mention.named, mention.text))
                    continue
                until = _until_later(words, mention, mentions, mention_starts, clause) if tills else None
                if until is not None and not aside_in.holds(mention.start):
                    # "In 1919 he became president until his death on 26 May 1943": one stretch to that end
                    end_at, edtf, absorb = until
                    note = f"{mention.text!r} and {end_at.text!r}, in one clause, read as one stretch."
                    if absorb:
                        absorbed.add(id(end_at))
                    here.draft(edtf, mention.start, mention.end, note=note, inferred=False)
                    story.note(words, Anchor(edtf, words[mention.start : end_at.end]))
                    near = story.anchor
                    continue
                lasting = None
                if lasts:
                    lasting = _lasting(words, mention, relatives, lasts, mentions, mention_starts, consumed, clause)
                if lasting is not None and not aside_in.holds(mention.start):
                    # "Since 1988, she was under arrest for almost 14 years": one stretch, from the date on
                    used, keep = lasting
                    consumed.add(id(used))
                    start = mention.edtf.removesuffix("/..")
                    result = resolve(used, Anchor(start, mention.text), birth, about_subject, death)
                    if result.edtf is not None:
                        if keep:  # "meets Clarke, with whom she begins a 40-year friendship": the meeting, and it
                            here.draft(mention.edtf, mention.start, mention.end, note=mention.note, inferred=False)
                            end = used.start if used.form in _KEPT else used.end  # "a 40-year friendship" stays
                            here.draft(result.edtf, used.start, end, note=result.note, inferred=True)
                            story.note(words, Anchor(mention.named, mention.text))
                        else:
                            here.draft(result.edtf, mention.start, mention.end, note=result.note, inferred=True)
                            story.note(words, Anchor(result.edtf, words[mention.start : used.end]))
                        near = story.anchor
                        continue
                aged = age is not None and _age_about(words, age, subject_words, about_subject)
                narrow = None
                if age is not None and aged and birth is not None:
                    # "She died in 1971 at the age of 87": the age of the death itself is not cut short by that death
                    if clause not in dying_in:  # once a clause: a clause of many dated ages is not read once per age
                        dying_in[clause] = _DIED.search(words, clause[0], clause[1]) is not None
                    dying = dying_in[clause]
                    narrow = _narrowed_by_age(mention, age, birth, None if dying else death)
                if (
                    narrow is not None
                    and age is not None
                    and _FRONTED.fullmatch(words, 0, mention.start)
                    and _JOINED.search(words, mention.end, age.start)
                ):  # "In 1970, she began to compete and, at age nine, won the cup": the year dates both clauses,
                    # and the age narrows only its own
                    here.draft(mention.edtf, mention.start, mention.end, note=mention.note, inferred=False)
                    own = (age.start, clause_around(words, age.end)[1])
                    note = (f"'{age.text}' in a clause joined to '{mention.text}', which opens the sentence: its "
                            f"year, narrowed by the age ({narrow['why']})")  # fmt: skip
                    both = f"[{narrow['lo'].isoformat()}..{narrow['hi'].isoformat()}]"
                    here.draft(both, age.start, age.end, note=note, inferred=True, clause=own)
                    conventions["age with a year"] += 1
                elif narrow is not None and age is not None:
                    here.draft(mention.edtf, mention.start, mention.end, note=mention.note, inferred=False,
                               bounds=_age_bounds(narrow, age.text))  # fmt: skip
                    conventions["age with a year"] += 1
                elif (after_death := _after_own_death(words, mention, death, other_pronoun)) is not None:
                    here.draft(mention.edtf, mention.start, mention.end, note=mention.note, inferred=False,
                               bounds=after_death)  # fmt: skip
                else:
                    mention = _opened_by(words, mention, mentions)
                    here.draft(mention.edtf, mention.start, mention.end, note=mention.note, inferred=False)
                if mention.also:  # "until her assassination in October 1984": the assassination is a claim too
                    what = _NAMED_EVENT.search(mention.text)
                    said = f"The event '{mention.text}' names is dated by its own words: {mention.also}."
                    if what is None and (what := _WHEN_ENDED.match(words, mention.end)) is not None:
                        said = f"'when {what['what']}' is the end of '{mention.text}': {mention.also}."
                    here.draft(mention.also, mention.start, mention.end, inferred=False, note=said,
                               title=what["what"][:1].upper() + what["what"][1:] if what else None)  # fmt: skip
                anchored = Anchor(mention.named, mention.text)
                if narrow is not None:  # "At the age of ten (1907)": what follows counts from the age in that year
                    anchored = Anchor(f"[{narrow['lo'].isoformat()}..{narrow['hi'].isoformat()}]", mention.text)
                apposed = (
                    narrow is not None and age is not None and _AGE_APPOSED.fullmatch(words, age.end, mention.start)
                )
                if aside_in.holds(mention.start) and not apposed:  # "(it was reprinted in 1960)": an aside's date
                    story.remember(words, anchored)  # is not the story's time
                    continue
                story.note(words, anchored)
                near = story.anchor
                continue
            assert relative is not None
            if id(relative) in consumed:
                continue
            if (
                relative.form in SAME_TIME
                and " ".join(relative.text.lower().split()) not in _LEADS
                and (
                    clause_around(words, relative.start) in dating
                    or clause_around(words, _next_ink(words, relative.end)) in dating
                )
            ):  # ", then sent … in 1802": a 'then' that opens a clause belongs to it
                continue  # "in 1925 at the age of 19": the age restates the year of its clause
            if relative.form == "by_then" and clause_around(words, relative.start) in aged_clauses:
                continue  # "Ann was twelve when her father, by then a judge, moved": the age dates the clause
            leads = " ".join(relative.text.lower().split()) in _LEADS  # ", upon which she left": after the date
            if not leads and _restated(words, relative, mentions, mention_starts):
                continue  # "Two years later, in 1927, …": the date says it, and wins
            if relative.form == "then" and _fronted_then(words, relative, mentions):
                continue  # "Finally in 1632 a court met and then exiled him": the opening year dates the whole
            whose = (
                _age_about(words, relative, subject_words, about_subject) if relative.form in _AGES else about_subject
            )
            if relative.form in _OWN_LIFE:  # "It took months, and for the rest of her life, …": hers
                pronoun = re.search(r"\b(?:his|her|their)\b", relative.text, re.IGNORECASE)
                a, b = clause_around(words, relative.start)
                whose = (
                    pronoun is not None
                    and pronoun.group().lower() != other_pronoun
                    and (whose or _first_person(words[a:b], subject_words) is not False)
                )
            if relative.form == "event" and (relative.match["det"] or "").lower() == other_pronoun:
                whose = False  # "After his death she lived in Oslo", in a woman's life: his death, not hers
            if relative.form == "offset" and relative.match["own_death"]:
                owner = relative.match["own_death"].lower().split()[0]
                opposite = {"his": _SHE, "her": _HE}.get(owner)
                if owner == other_pronoun or (opposite is not None and opposite.search(words)):
                    whose = False  # "Two years before his death, her father…": the father's, not hers
            when_year = _when_year(words, relative, mentions) if relative.form == "age" and whose and birth else None
            if when_year is not None and birth is not None:  # "When the army came in 1950, …, she … at the age of 15"
                narrow = _narrowed_by_age(when_year, relative, birth, death)
                if narrow is not None:
                    note = (f"'{relative.text}' is the time of '{words[: words.find(',')]}' ({when_year.edtf}), "
                            "the clause that opens the sentence: its year, narrowed by the age.")  # fmt: skip
                    here.draft(when_year.edtf, relative.start, relative.end, note=note, inferred=True,
                               bounds=_age_bounds(narrow, relative.text))  # fmt: skip
                    conventions["age with a year"] += 1
                    continue
            if timed and relative.form in ("duration", "duration_adj"):
                continue  # "In the last year of his life he was jailed for two months": how long, within that time
            result = resolve(relative, story.anchor, birth, whose, death, story.recall, near)
            opening = relative.form == "event" and relative.start == 0 and bool(relative.match["past"])
            if opening and all(m.start > words.find(",", relative.end) >= 0 for m in mentions):
                pass  # "After he retired, Honda … was named an advisor in 1983": the opening has its own date
            elif relative.form == "event" and clause_around(words, relative.start) in clauses and result.edtf:
                continue  # "in early 1966 (upon the death of Shastri)": the clause's own date dates it
            if relative.form == "age" and _restates_death(words, result.edtf, death):
                continue  # "she died aged 79": the death, told again; it is drafted from its date
            if result.edtf is None and story.lost is not None and result.note == NO_ANCHOR:
                how = ("is dated only by outside knowledge (the named-events table), not by the text"
                       if story.lost_to_table else "could not be dated")  # fmt: skip
                result = Resolution(None, f"the time before it ('{story.lost}') {how}, so it has nothing to count "
                                    "from")  # fmt: skip
            if result.edtf is None and relative.form == "event" and _dated_within(words, relative, mentions):
                continue  # "After Austria was annexed by Germany in 1938, she fled": its own words date it
            if result.edtf is None:
                if named_pins.instead_of(relative):  # the text does not date it; the table may
                    if not mentions:  # and what follows cannot count from a time only the table gives
                        story.lose(relative.text, table=True)
                    continue
                unresolved.append(Unresolved(relative.text, sentence.section, result.note))
                told_here = bool(story.history) and story.history[-1][0] is words and story.anchor is not None
                if not mentions and relative.form not in _RESTATING and not told_here:  # the story's time is lost
                    story.lose(relative.text)  # (not by another's age after a date this sentence gave: "When Ann
                    # was 20, and her son was 2, her husband died")
                continue
            try:
                parse_edtf(result.edtf)
            except DateError as exc:  # a count that runs past year 9999, or before year 1
                unresolved.append(Unresolved(relative.text, sentence.section, str(exc)))
                continue
            result = _closed_by_later(words, relative, result, mentions, mention_starts, asides)
            assert result.edtf is not None
            kept = relative.form in _KEPT or (  # "She spent her last years in Oslo": the words are what she spent
                relative.form == "duration" and _SPENT.search(words, max(0, relative.start - 7), relative.start)
            )
            at = (
                relative.end + 1 if " ".join(relative.text.lower().split()) in _LEADS else relative.start
            )  # it leads the clause after
            here.draft(result.edtf, at, at if kept else max(at, relative.end), note=result.note, inferred=True)
            if relative.form in ("age", "life", "months"):
                conventions["age"] += 1
                aged_clauses.add(clause_around(words, relative.start))
            if relative.form not in _RESTATING:  # "By then she was famous": the story stays where it was
                story.note(words, Anchor(result.edtf, relative.text))
                timed = result.edtf.startswith("[") and None not in edtf_ends(result.edtf)  # a span, as an age's
        pinned = named_pins.the_rest(clauses)
        if pinned is not None and not mentions:  # "After the Second World War she moved": "two years later"
            story.lose(pinned, table=True)  # would count from a day only outside knowledge gives: from nothing
        if (
            mentions
            and here.first is not None
            and not any(a.match["age_who"] or a.text.lower().startswith("when ") for a in ages)
        ):  # "when she was 16" is an age, not a second claim
            _when_clause(words, here.first, here.draft)
    if progress is not None:
        progress(total, total)
    subject_events = [e for e in builder.events if "birth" not in e["tags"] and "death" not in e["tags"]]
    others = [e for e in builder.events if e["people"] and ("birth" in e["tags"] or "death" in e["tags"])]
    life_only = not subject_events and not others
    early = ", ".join(map(repr, _early_years(text[:_EARLY_READ])))
    if life_only and not builder.events:
        raise NothingToDraft(f"found no dated claims in {plural(len(found), 'sentence')}; nothing drafted"
                             + (f": {_EARLY_WORDS.format(early)}" if early else ""))  # fmt: skip
    periods = [{"id": pid, "name": name, "section": name} for name, pid in builder.periods.items()]
    dataset: dict[str, Any] = {
        "title": f"{who.name}: a chronology drafted from {source.file}",
        "subject": subject_id,
        "source": {
            "title": source.title or layout.title or who.name,
            "publisher": source.publisher,
            "url": source.url,
            "license": source.license,
            "file": source.file,
        },
        "periods": periods,
        "people": list(people.values()),
        "places": list(places.values()),
        "events": builder.events,
    }
    draft_out = Draft(dataset, len(found), unresolved, layout.skipped)
    draft_out.warnings = _warnings(who, layout, builder.events, death, conventions)
    if early:
        draft_out.warnings.append(_EARLY_WORDS.format(early) + ": add them to the draft by hand")
    if life_only:  # an obituary's two dates are a draft, but a short one: say so rather than refuse
        held = "the birth and the death" if len(builder.events) > 1 else "that one date"
        draft_out.warnings.insert(0, f"the text dates nothing but {who.name}'s life: the draft holds only {held}")
    return draft_out


_SHE = re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]erself)\b")
_HE = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself)\b")


def _other_pronoun(texts: list[str]) -> str:
    """'his' in the life of a woman the text calls 'she' (and 'her' in a man's): someone else's.

    Read from the text's own pronouns, only when one kind outnumbers the other three to one; else ''."""
    she = sum(len(_SHE.findall(t)) for t in texts[:400])
    he = sum(len(_HE.findall(t)) for t in texts[:400])
    if she >= 3 * max(he, 1):
        return "his"
    if he >= 3 * max(she, 1):
        return "her"
    return ""


def _yearless_day(found: Found) -> bool:
    """Whether a date without a year names a day or a month ('on 23 September'), not just 'that June'."""
    return bool(found.match.groupdict().get("op")) and found.match["op"].lower() in ("on", "in", "born", "died")


_LEADS = frozenset({"whereupon", "upon which"})
"""Relative words that lead the clause after them, dated from the date just told: not that date's restatement."""


_RESTATING = frozenset({"by_then", "at_time", "during", "rest_of_life", "last_years"})
"""Relative words that say when something held, at a time already told: a later count goes on from that time."""


_ASIDE = re.compile(r"\([^()]{1,300}\)")


def _parentheses(words: str) -> list[tuple[int, int]]:
    """The spans of a sentence's parentheses (one level, as a writer sets an aside)."""
    return [m.span() for m in _ASIDE.finditer(words)]


_ASIDE_OPENS = re.compile(r"\(\s*(?:(?:just|only|exactly|barely|some|about|nearly|almost)\s+)?$", re.IGNORECASE)


def _in_aside(words: str, start: int, end: int) -> tuple[int, int]:
    """The span of relative words, with the brackets of an aside that holds nothing else ('(just two years
    later)'): taken out of a title whole, not leaving '(just)' behind."""
    m = _ASIDE_OPENS.search(words, max(0, start - 12), start)
    if m is not None and words.startswith(")", end):
        return m.start(), end + 1
    return start, end


_APPOSED = re.compile(r"[\s,]*\(?\s*(?:(?:in|on|just|only|exactly|barely|some|about|nearly|almost)\s*)?\)?[\s,]*")


def _apposed(between: str) -> bool:
    """Nothing but a comma, 'in' or 'on' between two dates, or the bracket of an aside ('In 1927, (just two years
    later)'), with a word that only weighs the count ('just', 'only'): one is set beside the other."""
    return _APPOSED.fullmatch(between) is not None


def _when_year(words: str, age: Found, mentions: list[Mention]) -> Mention | None:
    """The year of a 'When … in 1950,' clause that opens the sentence, for an age in the main clause after it."""
    if not words.startswith("When ") or not mentions:
        return None
    comma = words.find(",", 0, 300)
    first = mentions[0]
    if comma < 0 or age.start < comma or first.end > comma or first.period or "[" in first.edtf:
        return None
    return first if re.fullmatch(r"\d{4}", first.edtf) else None


_AGE_APPOSED = re.compile(r"(?<!\s)\s*\(\s*(?:in\s+)?")
"""'At the age of ten (1907)': a year in brackets right after an age is the age's own, said again, not an aside."""
_JOINED = re.compile(r"(?:,\s*|\s)and\b(?:\s*,)?\s*(?:then\s+|later\s+)?$")
"""', and, ' right before an age: a clause of its own, joined to the one before ('she began and, at nine, won')."""
_FRONTED = re.compile(r"(?:In|By|During)\s+")
_WHEN_JOIN = re.compile(r",\s*when\s[^,;:()]{0,120}", re.IGNORECASE)


def _scoped_age(words: str, mention: Mention, age: Found) -> bool:
    """An age in another clause that the sentence's one year still dates.

    A fronted year scopes its sentence ("In 1950, when she was 16, she worked"),
    and a 'when' clause is the time of the clause it follows ("at the age of 13,
    when she won the 1975 cup"): the year and the age are one moment. A year
    in a parenthesis, or a year and an age in two clauses joined otherwise ("at
    13 she won, and in 1976 she left"), are two times. A day or a month joined
    so ("on 19 July 1947, when she was two") is the time the age says again.
    """
    if not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", mention.edtf):
        return False
    if _FRONTED.fullmatch(words, 0, mention.start) and words.startswith(",", mention.end):
        return age.start > mention.end
    first_end, second_start = (mention.end, age.start) if mention.start < age.start else (age.end, mention.start)
    gap = words[first_end : second_start + 5]
    return _WHEN_JOIN.fullmatch(gap) is not None


class _Spans:
    """Spans of a sentence (its parentheses, quotes, works' dates), asked 'does one hold this offset?' by
    bisection: a sentence of thousands of dates and as many parentheses is not read once per date."""

    def __init__(self, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def holds(self, at: int) -> bool:
        i = bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.ends[i]


def _next_ink(words: str, at: int) -> int:
    """Where the next non-space character after ``at`` is (or the end): without copying the rest of the sentence."""
    m = _INK.search(words, at)
    return m.start() if m else len(words)


_INK = re.compile(r"\S")


def _overlaps(relative: Found, mentions: list[Mention], starts: list[int]) -> bool:
    """Whether an explicit date overlaps the relative words: only the last date starting before their end can."""
    i = bisect_left(starts, relative.end) - 1
    return i >= 0 and mentions[i].end > relative.start


_FRONTED_DATE = re.compile(r"(?:(?:Finally|Then|Later|And|But|So|Thus),?\s+(?:in|by|during|on)|In|By|During|On)\s+")
"""'In ', 'Finally in ': the words before a date that opens its sentence and scopes every clause of it."""


def _fronted_then(words: str, then: Found, mentions: list[Mention]) -> bool:
    """'In 1914 she announced a plan, and then she paid her staff': a 'then' after a year that opens the
    sentence, with no other date between, is a step within that year's story, not a claim of its own."""
    if not mentions or mentions[0].start > 30 or mentions[0].end > then.start or mentions[0].period:
        return False
    if len(mentions) > 1 and mentions[1].start < then.start:
        return False
    return (
        _FRONTED_DATE.fullmatch(words, 0, mentions[0].start) is not None
        and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", mentions[0].edtf) is not None
    )


def _restated(words: str, relative: Found, mentions: list[Mention], starts: list[int]) -> bool:
    """A relative date set beside an explicit one ('Two years later, in 1927', 'In 1927, two years later').

    Only the dates right after and right before it can be set beside it: found by bisection, so that a
    sentence of many dates and relative words is read in linear time."""
    if relative.form == "yearless":  # "1913 Born September 12": the year is the day's, not a restatement
        return False
    after = bisect_left(starts, relative.end)
    if relative.form == "then":  # "She left school in 1915, then went to Bergen": afterwards, never the same time
        return (
            after < len(mentions)
            and mentions[after].start - relative.end <= 12
            and (_apposed(words[relative.end : mentions[after].start]))
        )
    near_after = after < len(mentions) and mentions[after].start - relative.end <= 12  # ", in" at most between
    if near_after and _apposed(words[relative.end : mentions[after].start]):
        return True
    before = bisect_left(starts, relative.start) - 1
    while before >= 0 and mentions[before].end > relative.start:
        before -= 1
    near = before >= 0 and relative.start - mentions[before].end <= 12
    return near and _apposed(words[mentions[before].end : relative.start])


_DIED = re.compile(r"\b(?:died|dies|death|passed\s+away)\b", re.IGNORECASE)
_HEADER_WORD = re.compile(r"(?:(?<=[a-z])|(?<![\w\s])|(?<=[^\w\s]\s)|^)(?P<which>born|died)\s+$")
"""'painterborn ', '; died ': the word of an entry's header right before its date, with no subject before it."""


_BORN_OPENING = re.compile(r"Born\b[^,;.()]{0,80}?\s(?:in|on)\s+$")


def _birth_again(words: str, mention: Mention, birth: EdtfDate | None) -> bool:
    """'Born out of wedlock in rural Argentina in 1919, …': an opening phrase that tells the birth again (its date
    holds the birth the text gives), so the sentence's claim is what follows it."""
    if birth is None or mention.period or not words.startswith("Born") or mention.start > 120:
        return False
    if not _BORN_OPENING.match(words, 0, mention.start):
        return False
    told, born = parse_edtf(mention.edtf).span, birth.span
    if None in (told.earliest, told.latest, born.earliest, born.latest):
        return False
    return told.earliest <= born.earliest and born.latest <= told.latest  # type: ignore[operator]


_BORN_BEFORE = re.compile(
    r"(?P<who>[^,;:()]{1,80}?)\s(?:was|is)\s+(?:(?:probably|reportedly|apparently|possibly|likely)\s+)?born"
    r"\b[^;:()]{0,80}?\s(?:in|on|of)\s+$"
)
"""'Yi was born in Geoncheon-dong, Seoul on ': the words of a birth before its date, with whose birth it is."""


def _birth_told_again(words: str, mention: Mention, birth: EdtfDate | None, subject_words: set[str]) -> bool:
    """'Carnegie was born on November 25, 1835, in Dunfermline' in the body of a life whose lead gave that day
    (or a day inside the year it gives: 'was born in Nkroful in 1909'): the birth told again, drafted once, from
    its most precise statement; not a claim of its own. Only the subject's birth: 'her son was born in 1909' is a
    claim, and so is a birth the text's birth does not fall inside."""
    if birth is None or mention.period or "born" not in words[max(0, mention.start - 170) : mention.start]:
        return False
    m = _BORN_BEFORE.search(words, max(0, mention.start - 170), mention.start)
    if m is None or m.end() != mention.start or _KIN.search(m["who"]) or re.search(r"['’]s\b", m["who"]):
        return False
    who = m["who"].split()
    if not (who[-1] in subject_words or (len(who) == 1 and who[0] in ("He", "She", "he", "she"))):
        return False
    told, born = parse_edtf(mention.edtf).span, birth.span
    if None in (told.earliest, told.latest, born.earliest, born.latest):
        return False
    return told.earliest <= born.earliest and born.latest <= told.latest  # type: ignore[operator]


def _header_again(words: str, mention: Mention, birth: str | None, death: str | None) -> bool:
    """'▪ Australian painterborn July 28, 1902, …died Aug. 8, 1959': an entry's header for the subject, repeated
    (a page that tells the life twice): its dates are the birth and death, not claims of their own."""
    if mention.edtf not in (birth, death) or len(mention.edtf) < 10:
        return False
    m = _HEADER_WORD.search(words, max(0, mention.start - 12), mention.start)
    return m is not None and (m["which"] == "born") == (mention.edtf == birth)


def _restates_death(words: str, edtf: str | None, death: EdtfDate | None) -> bool:
    """'She died aged 79', when the text dates the death and the age meets it: the age says again when she died."""
    if edtf is None or death is None or not _DIED.search(words):
        return False
    aged, died = parse_edtf(edtf).span, death.span
    if None in (aged.earliest, aged.latest, died.earliest, died.latest):
        return False
    return aged.earliest <= died.latest and died.earliest <= aged.latest  # type: ignore[operator]


def _era(birth: EdtfDate | None, death: EdtfDate | None) -> tuple[int, int] | None:
    """The years a bare number may be a year in: a century either side of the life (None: no life known)."""
    born = birth.span.earliest if birth else None
    died = death.span.latest if death else None
    if born is None and died is None:
        return None
    first = born.year if born else died.year - 120  # type: ignore[union-attr]
    last = died.year if died else first + 100
    return first - 100, last + 100


def _when_clause(words: str, dated: dict[str, Any], draft: Callable[..., None]) -> None:
    """'He was born in 1906, when his father was in prison': the clause happened at the sentence's date."""
    m = _WHEN_CLAUSE.search(words)
    if m is None:
        return
    clause = m.group()
    title = clause.split(None, 1)[1] if clause.lower().startswith(("when ", "while ", "as ")) else clause
    title = re.sub(r"^a\s+time\s+when\s+", "", re.sub(r"^at\s+", "", title))
    draft(
        dated["date"],
        m.start(),
        m.end(),
        note=f"'{clause}' is dated by its sentence: it held at the time of {dated['title']!r} ({dated['date']}).",
        inferred=True,
        title=title[:1].upper() + title[1:],
    )


def _place(places: dict[str, dict[str, Any]], pid: str, name: str, note: str = _PLACE_NOTE) -> None:
    """Enter a place, with its country from the gazetteer as an outside-knowledge parent."""
    if pid in places:
        return
    from .gazetteer import country_of

    country = country_of(name)
    parent = None
    if country and country != name:
        parent = slug(country, "place")
        if parent not in places:
            places[parent] = {"id": parent, "name": country, "aliases": [], "kind": "country", "parent": None,
                              "note": "Drafted by sedov extract from the gazetteer (GeoNames)."}  # fmt: skip
    places[pid] = {"id": pid, "name": name, "aliases": [], "kind": "place", "parent": parent,
                   "note": note if parent is None else f"{note} {_PARENT_NOTE}"}  # fmt: skip


_EARLY = re.compile(
    r"\b(?:A\.D\.|AD)\s?[1-9]\d{0,2}\b|\b[1-9]\d{0,3}\s?(?:BCE|BC|B\.C\.(?:E\.)?)(?!\w)"
    r"|\b[1-9]\d{0,2}\s?(?:AD|A\.D\.|CE|C\.E\.)(?!\w)"
    r"|\((?:c\.\s?|born\s)?[1-9]\d{2}\s?[–—-]\s?(?:c\.\s?)?[1-9]\d{2}\)|\((?:c\.\s?)?[1-9]\d{2}\s?[–—-]"
    r"|\b(?:born|died|b\.|d\.)\s+(?:in\s+|c\.\s?|about\s+|around\s+)?[1-9]\d{2}\b(?![\d,.]\d)"
    r"|\b(?:[Ii]n|[Bb]y|[Ff]rom|[Uu]ntil)\s+[1-9]\d{2}\s?(?:[,;]|\s(?:he|she|they|the)\s)"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s[1-9]\d{2}\b"
    r"(?![\d,.]\d)"
)
"""Dates before the year 1000 ("415 AD", "AD 800", "(c. 350 – 415)", "March 415") and before the Common Era
("44 BC"), which extract does not read yet: said, so that a draft of an ancient life is not silently empty."""
_EARLY_WORDS = "dates before the year 1000 or BC ({}) are not read yet"
_EARLY_READ = 200_000
"""Characters looked through for them: a long text's opening holds its life dates, and the whole of 1 MB took
0.12 s."""


def _early_years(text: str) -> list[str]:
    """Up to three of the text's dates that are too early for extract to read, in the order it gives them."""
    found: list[str] = []
    for m in _EARLY.finditer(text):
        shown = re.sub(r"\s(?:he|she|they|the)\s$", "", m.group()).strip(" ,;()–—-")  # "In 999 she": "In 999"
        if shown not in found:
            found.append(shown)
        if len(found) == 3:
            break
    return found


def _warnings(
    who: subject_mod.Subject, layout: Layout, events: list[dict[str, Any]], death: EdtfDate | None,
    conventions: Counter[str],
) -> list[str]:  # fmt: skip
    """What a reviewer should look at first: cheap to spot, expensive to miss."""
    out: list[str] = []
    if who.guessed:
        out.append(f"the text does not say whose life it is; read as {who.name!r}, the name it gives most: "
                   "give the right one with --subject")  # fmt: skip
    if who.born_named:
        out.append(f"the text names no subject in a title or a first sentence; read as {who.name!r}, whose birth "
                   "it tells first: give the right one with --subject")  # fmt: skip
    if any(word in who.name.casefold() for word in SITE_WORDS) or "from " in who.name.casefold():
        out.append(f"the subject's name {who.name!r} has a site's words in it: give the name with --subject")
    out.extend(_lifespan_warnings(who))
    if death is not None and death.span.latest is not None:
        last = death.span.latest
        earliest = {edtf: _earliest(edtf) for edtf in {e["date"] for e in events}}  # each date read once, not per event
        after = [e for e in events if "death" not in e["tags"] and earliest[e["date"]] > last]
        if after:
            out.append(
                f"{len(after)} claim{'s fall' if len(after) != 1 else ' falls'} after {who.name}'s death "
                f"({death.display}): check that each is about the legacy, not a misread date"
            )
    sections = {e["source"]["section"] for e in events}  # each section's name read once, not once per event
    suspicious = sorted(s for s in sections if any(w in s.casefold() for w in _REFERENCE_WORDS))
    if suspicious:
        out.append(f"claims come from sections that look like references: {', '.join(suspicious)}")
    if layout.site_title:
        out.append(f"the title line was the page's ({layout.site_title!r}); the subject is read as {who.name!r}")
    for what, count in sorted(conventions.items()):
        if what == "age":
            continue  # an age counted from the birth is the rule, not a convention to look at
        described = {
            "season": "read as meteorological seasons of the northern hemisphere (March–May for spring)",
            "century": "read as a century's hundred years from its '00 year (the 19th century is 1800–1899)",
            "age with a year": "narrowed by an age in the same sentence (an article bound)",
        }[what]
        one, many = {"age with a year": ("date", "dates"), "century": ("century", "centuries")}.get(
            what, (what, what + "s")
        )
        label = one if count == 1 else many
        out.append(f"convention: {count} {label} {described}")
    if who.birth is None:
        out.append(
            f"no birth date found for {who.name}, so no claim has an age: add a line 'Born: DATE' under the "
            "title (or a birth to the subject in the draft's people) and run extract again"
        )
    if who.other_birth is not None:
        out.append(f"the birth comes from the infobox line, {who.birth}, and the prose gives another, "
                   f"{who.other_birth}: ages count from the infobox's; check which is right")  # fmt: skip
    elif who.birth_at is not None and who.birth_at[2] == "infobox":
        out.append(f"the birth comes from the infobox line, not from the text's prose: {who.birth}")
    return out


NO_DEATH_AFTER = 100
"""Years since the birth after which a subject with no death read is more likely dead than living: ages
after the death would read as "if still alive"."""


def _lifespan_warnings(who: subject_mod.Subject, today: date | None = None) -> list[str]:
    """Life dates a reader should check: a life longer than any on record, or no death for a birth a
    century ago (an infobox's Died line the layout did not read, or a death the text gives in words)."""
    try:
        born = parse_edtf(who.birth).span if who.birth else None
        died = parse_edtf(who.death).span if who.death else None
    except DateError:
        return []
    if born is None or born.earliest is None:
        return []

    def years(start: date, end: date) -> int:
        return end.year - start.year - ((end.month, end.day) < (start.month, start.day))

    if died is not None and died.latest is not None:
        lived = years(born.earliest, died.latest)
        if lived > LONGEST_LIFE:
            return [f"the life dates give {who.name} a life of about {lived} years (longer than any on record): "
                    "check the birth and the death for a misprint"]  # fmt: skip
        return []
    since = years(born.earliest, today or date.today())
    if died is None and since > NO_DEATH_AFTER:
        return [f"no death found for {who.name}, born {since} years ago: if the text gives one, add a line "
                "'Died: DATE' under the title and run extract again, or every age after it reads as if "
                "alive"]  # fmt: skip
    return []


def _earliest(edtf: str) -> Any:
    span = parse_edtf(edtf).span
    return span.earliest or date.min


_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir|[A-Z][\w'’-]+)\b")
_KIN = re.compile(
    r"(?<!\s)\s+(?:\w+\s+)?(?:son|daughter|child|children|wife|husband|father|mother|brother|sister|friend|partner"
    r"|uncle|aunt|nephew|niece|cousin|grandson|granddaughter|teacher|pupil|student|colleague)s?\b"
)


_NEXT_NAME = re.compile(r" (?P<name>[A-Z][\w'’-]+)")
"""The next word of a run of capitalised words: a first name before the subject's surname."""


_OPENERS = frozenset(
    """In At Aged By When After Before During On From Following Later Two Three A An The As Until Till Since Early
    Late Soon Then Shortly Within Over Throughout Upon Once While Having Only Just Already Still For Around About
    Towards Toward Near Despite Although Though Because""".split()  # noqa: SIM905
)
"""Words a sentence may open with before it names whom it is about ("As a 17-year-old, she …")."""


_PARTICIPLE_OPENING = re.compile(
    r"(?:Born|Raised|Educated|Brought\s+up|Orphaned|Widowed|Trained|Baptised|Baptized)\b[^,;:()]{0,160},\s+"
)
"""A phrase the sentence opens on that tells of the subject of its main clause, naming others on the way."""


_PHRASE_OPENING = re.compile(
    r"(?:After|Following|Before|Upon|During|Since|Until|With)\s+(?:the|a|an)\s[^,;:()]{1,80},\s+(?=[A-Z])"
)
"""'After the death of Tom Ek, ': an opening phrase on a noun, whose people are its objects, not the clause's."""


_MONTH_NAMES = frozenset(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()  # noqa: SIM905
)
"""Month names, in English whatever the locale: a capitalised word that names no person."""


def _about(words: str, subject_words: set[str]) -> bool:
    """Whether an age in this sentence is the subject's: the first person it names is the subject
    (he, she, one of the subject's names), and not "his son" or "her teacher"."""
    return _first_person(words, subject_words) is True


_I_OR_WE = re.compile(r"(?<![\w'’])(?:I|[Ww]e)\s+[a-z]")
_THIRD_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")


def _narrated(words: str) -> bool:
    """Whether someone tells the sentence as their own memory ("Henry and I realised …, and then had the difficult
    task of telling him"): in a life told in the third person, an 'I' or 'we' is a witness's words, and what it
    says was done is theirs, not the subject's. 'World War I ended' is a numeral, after a capitalised word."""
    third = _THIRD_PERSON.search(words)
    for m in _I_OR_WE.finditer(words, 0, third.start() if third else len(words)):
        before = words[: m.start()].split()
        if m.group()[0] == "I" and before and before[-1][:1].isupper() and before[-1] not in ("And", "But"):
            continue
        return True  # the sentence's teller comes first: "Henry and I realised that he …"
    return False  # "Later he told friends that we all need land": he is the sentence's, the "we" only quoted


def _acts(words: str, subject_words: set[str], pronoun: str) -> bool:
    """Whether the subject is who acts in ``words``: the first person named is the subject's own pronoun or
    name, not a possessive ("her house became a museum" is not her act) nor the other sex's pronoun."""
    opening = _PARTICIPLE_OPENING.match(words)
    for m in _PERSONAL.finditer(words, opening.end() if opening is not None else 0):
        token = m.group()
        lowered = token.lower()
        if lowered in ("he", "she"):
            return not pronoun or lowered == pronoun
        if lowered in ("his", "her", "their", "they"):
            return False
        if token in subject_words:
            return words[m.end() : m.end() + 2] not in ("'s", "’s")
        if (m.start() == 0 and token in _OPENERS) or token in _MONTH_NAMES:
            continue
        if token[0].isupper():
            following = _NEXT_NAME.match(words, m.end())
            return following is not None and following["name"] in subject_words
    return False


_AT_PLACE = re.compile(r"\b(?:in|at|near)\s+$")
_PLACE_RUN = re.compile(r"\b(?:in|at|near)\s+(?:[A-Z][\w'’-]*\s+){1,3}$")
"""A capitalised word after 'in', 'at' or 'near', or after the words of a name those began ("in Port Elk"): a
place, not a person."""


def _first_person(words: str, subject_words: set[str]) -> bool | None:
    """True if the first person ``words`` name is the subject, False if someone else, None if it names no one."""
    opening = _PARTICIPLE_OPENING.match(words) or _PHRASE_OPENING.match(words)
    if opening is not None:  # "Born as the first child of Per Berg and Kari Holm, Lee was …": the main clause's;
        words = words[opening.end() :]  # "After the death of Tom Ek, Lee was …": his name is the phrase's object
    for m in _PERSONAL.finditer(words):
        token = m.group()
        if token.endswith(("'s", "’s")) and token[:-2] in subject_words:  # "Lee's first success": hers
            return True
        if token.lower() in ("he", "she", "they") or token in subject_words:
            return True
        if token.lower() in ("his", "her", "their"):
            return not _KIN.match(words, m.end())
        if (m.start() == 0 and token in _OPENERS) or token in _MONTH_NAMES:
            continue  # "In November 1913, at thirteen, Ann Lee joined": a month names no one
        if _AT_PLACE.search(words, max(0, m.start() - 6), m.start()) or _PLACE_RUN.search(
            words, max(0, m.start() - 40), m.start()
        ):
            continue  # "At ten, in Port Elk, Ann saw": a place after 'in', 'at' or 'near' is no one
        if token[0].isupper():  # "Cathy Freeman" in the life of one the text calls "Freeman": the subject
            following = _NEXT_NAME.match(words, m.end())
            return following is not None and following["name"] in subject_words
    return None


_OWN_LIFE = frozenset({"rest_of_life", "last_years", "first_of_life", "last_year"})
"""Words about a life that say whose it is ("for the rest of her life"): the subject's, unless the pronoun is
the other sex's or the clause names someone else first."""
_KEPT = frozenset({"last_years", "first_of_life", "went_on", "duration_adj"})
"""Relative words that are the object of the clause's verb ("she spent her last years in Oslo"): kept in its title."""
_AGES = frozenset({"age", "life", "months", "birthday", "born_when", "first_of_life"})
_OTHER_SEX_KIN = re.compile(
    r"^(?:(?P<her>Her)\s+(?:father|brother|son|husband|uncle|grandfather|nephew)"
    r"|(?P<his>His)\s+(?:mother|sister|daughter|wife|aunt|grandmother|niece))\b"
)
"""'Her father, who died when she was six': 'she' cannot be the father, so it is the 'her' the sentence began with."""


_OWN_KIN = re.compile(
    r"(?P<whose>Her|His)\s+(?:\w+\s+)?(?:father|mother|brother|sister|son|daughter|husband|wife"
    r"|uncle|aunt|grandfather|grandmother|parents?)\b"
)
_WHO = re.compile(r"\b(?:who|whom|whose|that|which)\b|,")


def _age_about(words: str, age: Found, subject_words: set[str], sentence: bool) -> bool:
    """Whether an age is the subject's, read from its own clause when that clause names someone.

    "Life was hard, and Harriet was hired out by the age of five": the age's clause opens on the subject,
    whatever word opens the sentence. "Her father, who died when she was six": the age's own pronoun is
    not the father's, so it is the subject's."""
    groups = age.match.groupdict()
    named = groups.get("age_who") or groups.get("old_who") or groups.get("bw_who") or groups.get("was_who")
    if named:  # "when Temüjin was eight": the name says whose age it is
        return named in subject_words
    a, _ = clause_around(words, age.start)
    if a > 0:  # the person the age's own clause names before it: "…, and Harriet was hired out by the age of five"
        here = _first_person(words[a : age.start], subject_words)
        if here is not None:
            return here
    if sentence:
        return True
    pronoun = re.search(r"\b(?:when|by\s+the\s+time)\s+(?P<p>she|he)\b", age.text, re.IGNORECASE)
    if pronoun is None:
        return False
    kin = _OTHER_SEX_KIN.match(words)
    if kin is not None:
        return (pronoun["p"].lower() == "she") == bool(kin["her"])
    # "Her mother died when she was four": the 'she' of the 'her' the sentence opens on; not "Her mother, who wed
    # when she was 17"
    own = _OWN_KIN.match(words)
    if own is None or _WHO.search(words, own.end(), age.start) is not None:
        return False
    return own["whose"].lower() == {"she": "her", "he": "his"}[pronoun["p"].lower()]


def _life_event(
    builder: _Builder,
    sentence: _Sentence,
    person: dict[str, Any],
    which: str,
    edtf: str,
    place: str | None = None,
    places: dict[str, dict[str, Any]] | None = None,
) -> None:
    name = person["name"]
    title = f"{name} is born" if which == "birth" else f"{name} dies"
    people = [] if person.get("relation") == "the subject" else [person["id"]]
    where: list[str] = []
    if place and places is not None:
        pid = slug(place, "place")
        _place(places, pid, place, "Drafted by sedov extract: the infobox gives it as the place of the "
               f"{'birth' if which == 'birth' else 'death'}.")  # fmt: skip
        where = [pid]
    words = builder.text[sentence.start : sentence.end]
    read = (person.get(which) or {}).get("note")  # a death read from an age is inferred, and says how
    bounds = None
    first = parse_edtf(edtf).span
    if which == "birth" and not people and first.earliest is not None and first.earliest != first.latest:
        # "born in 1900": the birth itself, not an event that may fall before it (see dates.Life.status_of)
        bounds = [{"side": "earliest", "date": first.earliest.isoformat(), "certainty": "inferred",
                   "basis": "article", "note": "The birth itself, known only as its date words give it.",
                   "follows": "birth"}]  # fmt: skip
    if which == "death" and not people and first.latest is not None and first.earliest != first.latest:
        # "died in 1368", "1368 or 1369": the death itself, not an event that may come after it ("if alive")
        bounds = [{"side": "latest", "date": first.latest.isoformat(), "certainty": "inferred",
                   "basis": "article", "note": "The death itself, known only as its date words give it.",
                   "precedes": "death"}]  # fmt: skip
    builder.add(sentence, edtf, title=title, summary=" ".join(words.split())[:300], people=people, places=where,
                tags=[which], note=read, inferred=read is not None, bounds=bounds)  # fmt: skip


def to_json(dataset: dict[str, Any]) -> str:
    """The draft as JSON, one record per line.

    A record a line reads and diffs well, and it lets the C encoder do the work:
    ``json.dumps(indent=2)`` falls back to pure Python and took a third of the
    time of a 1 MB extraction. Invisible and bidi characters from the article
    are written as ``\\u`` escapes, as every other JSON output of sedov writes them.
    """
    import json

    from ..text import escape_json_invisibles

    encode = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(ensure_ascii=False), made once, not per record
    lines = ["{"]
    for i, (key, value) in enumerate(dataset.items()):
        end = "," if i < len(dataset) - 1 else ""
        name = json.dumps(key)
        if isinstance(value, list) and value:
            items = ",\n".join("    " + encode(item) for item in value)
            lines.append(f"  {name}: [\n{items}\n  ]{end}")
        else:
            lines.append(f"  {name}: {json.dumps(value, ensure_ascii=False)}{end}")
    lines.append("}")
    return escape_json_invisibles("\n".join(lines) + "\n")
