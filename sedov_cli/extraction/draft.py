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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..dates import DateError, EdtfDate, parse_edtf
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
    for word in words:
        if out and len("-".join([*out, word])) > 40:
            break
        out.append(word)
    return "-".join(out)[:60]


@dataclass
class _Builder:
    text: str
    events: list[dict[str, Any]] = field(default_factory=list)
    event_ids: _Ids = field(default_factory=lambda: _Ids())
    period_ids: _Ids = field(default_factory=lambda: _Ids())
    periods: dict[str, str] = field(default_factory=dict)  # section -> period id

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
            following = sentences(text, end, para_end)
            end = following[0][1] if following else para_end
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
        event["source"] = {"section": sentence.section, "quote": self.quote(sentence, clause)}
        self.events.append(event)


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

    def lose(self, words: str) -> None:
        """An undatable time ("at the age of about fifteen", "after the war"): what follows it cannot count
        from a date before it."""
        self.anchor, self.lost = None, words

    def note(self, words: str, anchor: Anchor) -> None:
        self.anchor, self.lost = anchor, None
        if not self.history or self.history[-1][0] is not words:
            self.history.append((words, anchor))
        else:
            self.history[-1] = (words, anchor)

    def recall(self, stems: tuple[str, ...], owner: str | None) -> Anchor | None:
        """The nearest earlier dated sentence that names the event (and its owner)."""
        for words, anchor in reversed(self.history[-200:]):  # bounded: the recent past, not the whole text
            if words is self.current:
                continue
            folded = words.casefold()
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
        claimant = find_claimant(clause_words) or find_claimant(words[: clause[0]])
        absent = set(ctx.people_in(claimant)) if claimant else set()
        in_clause = [p for p in ctx.people_in(clause_words) if p not in absent]
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

    def the_rest(self, dated_clauses: set[tuple[int, int]]) -> None:
        """The named events no other reading touched, unless a date of the text stands in their clause."""
        for found in self.named:
            fresh = found.year is None and found.start not in self.used
            if fresh and clause_around(self.here.words, found.start) not in dated_clauses:
                self._draft(found)


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
                          r"\s+in\s+\S.*$", re.IGNORECASE)  # fmt: skip
"""The event in 'until her assassination in October 1984': 'her assassination', its title."""
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


def _until_death(words: str, mention: Mention, death: EdtfDate) -> Mention:
    """'from January 1980 until her assassination': the period ends with the subject's death."""
    m = _UNTIL_DEATH.match(words, mention.end)
    if m is None or "/" in death.text or "[" in death.text:
        return mention
    note = f"'{m.group().strip()}' read as ending with the subject's death ({death.display})."
    start = mention.edtf.removesuffix("/..")
    return Mention(mention.start, m.end(), words[mention.start : m.end()], f"{start}/{death.text}", note,
                   mention.named)  # fmt: skip


_WORK_NOUNS = re.compile(
    r"\b(?:series|works|designs|paintings|prints|novels|books|films|albums|songs|poems|plays|operas|symphonies"
    r"|publications|titles|essays|stories|pieces|compositions|recordings|include|includes|including)\b",
    re.IGNORECASE,
)
_WORK_DATE = re.compile(r"(?<=[\w”\"’'),])\s*,?\s*\(\s*(?:c\.\s*)?\d{4}(?:\s*[–—-]\s*\d{2,4})?\s*\)")


def _work_dates(words: str) -> list[tuple[int, int]]:
    """'the series Chushingura (1806), Waterfall (1827-1830)': dates of works in a list of them, not of the life."""
    if "(" not in words or not _WORK_NOUNS.search(words):
        return []
    return [m.span() for m in _WORK_DATE.finditer(words)]


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
        births_and_deaths.append((where, subject_id, edtf, which))
    people[subject_id] = subject_record
    person_words[subject_id] = subject_mod.name_tokens(who)

    life_spans: dict[int, list[tuple[int, int]]] = {}
    if who.life_span is not None:  # life dates with no name before them: the subject's, not a period
        at = next((i for i, s in enumerate(found) if s.start <= who.life_span[0] < s.end), None)
        if at is not None:
            life_spans[at] = [(who.life_span[0] - found[at].start, who.life_span[1] - found[at].start)]
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
    context = _Context(builder, unresolved, places, all_people_words, known_places, people_in, conventions)
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
        mentions, rejected = find_dates(words, spans, era)
        skipped = _in_quotes(words) + _work_dates(words)
        if skipped:
            mentions = [m for m in mentions if not any(a <= m.start < b for a, b in skipped)]
        for bad in rejected:
            unresolved.append(Unresolved(bad.text, sentence.section, bad.reason))
        relatives = [
            r
            for r in find_relative(words)
            if not any(r.start < m.end and m.start < r.end for m in mentions)
            and not any(a <= r.start < b for a, b in spans)
        ]  # "(…; aged 66)": the life dates' own words
        items: list[tuple[int, Mention | None, Found | None]] = [(m.start, m, None) for m in mentions]
        items += [(r.start, None, r) for r in relatives]
        items.sort(key=lambda item: item[0])
        about_subject = _about(words, subject_words)
        dated_words = tuple(date_words(words, m.start, m.end) for m in mentions)  # "in 1927" out of the 1926 title
        kept_words = tuple((r.start, r.end) for r in relatives if r.form != "last_years")  # "she spent her last years"
        here = _SentenceDraft(context, sentence, words, spans + kept_words + dated_words)
        ages = [r for r in relatives if r.form == "age"]
        clauses = {clause_around(words, m.start) for m in mentions}
        # the clauses a date of their own dates; not by a date in a parenthesis ("in the next two decades … (one
        # of his paintings was presented … in 1954)"), which dates only what it says
        asides = _parentheses(words) if "(" in words else []
        dating = {clause_around(words, m.start) for m in mentions if not any(a <= m.start < b for a, b in asides)}
        consumed: set[int] = set()  # relatives joined to a date of their clause
        named = [n for n in find_named_times(words) if not any(a <= n.start < b for a, b in skipped)]
        named_pins = _NamedPins(
            named, birth, lambda text: _about(text, subject_words), here, sentence.section, unresolved
        )
        near: Anchor | None = None  # the last date told earlier in this sentence
        for _, mention, relative in items:
            if mention is not None:
                if mention.edtf in life_dates or (
                    mention.edtf == who.birth and _BORN_AGAIN.fullmatch(words[: mention.start])
                ):  # "Keino was born on 17 January 1940": the birth, drafted above; "Born on 16 March 1839, …" again
                    story.note(words, Anchor(mention.named, mention.text))
                    continue
                if _header_again(words, mention, who.birth, who.death):  # an entry's header, told a second time
                    story.note(words, Anchor(mention.named, mention.text))
                    continue
                if named_pins.with_year(mention):  # "just before Hitler came to power in 1933"
                    story.note(words, Anchor(mention.named, mention.text))
                    continue
                clause = clause_around(words, mention.start)
                age = next((a for a in ages if clause_around(words, a.start) == clause), None)
                if mention.edtf.endswith("/..") and death is not None and about_subject:
                    mention = _until_death(words, mention, death)
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
                    r.form == "yearless"
                    and r.start > mention.start
                    and (mention.start == 0 or clause_around(words, r.start) == clause)
                    and _yearless_day(r)
                    for r in relatives
                ):  # "1913 Born September 12", "at the 2017 election on 23 September": the year is its day's
                    story.note(words, Anchor(mention.named, mention.text))
                    continue
                aged = age is not None and _age_about(words, age, subject_words, about_subject)
                narrow = _narrowed_by_age(mention, age, birth, death) if age and aged and birth else None
                if narrow is not None and age is not None:
                    here.draft(mention.edtf, mention.start, mention.end, note=mention.note, inferred=False,
                               bounds=_age_bounds(narrow, age.text))  # fmt: skip
                    conventions["age with a year"] += 1
                else:
                    here.draft(mention.edtf, mention.start, mention.end, note=mention.note, inferred=False)
                if mention.also:  # "until her assassination in October 1984": the assassination is a claim too
                    what = _NAMED_EVENT.search(mention.text)
                    said = f"The event '{mention.text}' names is dated by its own words: {mention.also}."
                    here.draft(mention.also, mention.start, mention.end, inferred=False, note=said,
                               title=what["what"][:1].upper() + what["what"][1:] if what else None)  # fmt: skip
                story.note(words, Anchor(mention.named, mention.text))
                near = story.anchor
                continue
            assert relative is not None
            if id(relative) in consumed:
                continue
            if relative.form in SAME_TIME and (
                clause_around(words, relative.start) in dating
                or clause_around(words, len(words) - len(words[relative.end :].lstrip())) in dating
            ):  # ", then sent … in 1802": a 'then' that opens a clause belongs to it
                continue  # "in 1925 at the age of 19": the age restates the year of its clause
            if _restated(words, relative, mentions):
                continue  # "Two years later, in 1927, …": the date says it, and wins
            whose = (
                _age_about(words, relative, subject_words, about_subject) if relative.form in _AGES else about_subject
            )
            if relative.form == "event" and (relative.match["det"] or "").lower() == other_pronoun:
                whose = False  # "After his death she lived in Oslo", in a woman's life: his death, not hers
            if relative.form == "offset" and relative.match["own_death"]:
                owner = relative.match["own_death"].lower().split()[0]
                opposite = {"his": _SHE, "her": _HE}.get(owner)
                if owner == other_pronoun or (opposite is not None and opposite.search(words)):
                    whose = False  # "Two years before his death, her father…": the father's, not hers
            result = resolve(relative, story.anchor, birth, whose, death, story.recall, near)
            if relative.form == "event" and clause_around(words, relative.start) in clauses and result.edtf:
                continue  # "in early 1966 (upon the death of Shastri)": the clause's own date dates it
            if relative.form == "age" and _restates_death(words, result.edtf, death):
                continue  # "she died aged 79": the death, told again; it is drafted from its date
            if result.edtf is None and story.lost is not None and result.note == NO_ANCHOR:
                result = Resolution(None, f"the time before it ('{story.lost}') could not be dated, so it has "
                                    "nothing to count from")  # fmt: skip
            if result.edtf is None:
                if named_pins.instead_of(relative):  # the text does not date it; the table may
                    continue
                unresolved.append(Unresolved(relative.text, sentence.section, result.note))
                if not mentions and relative.form not in _RESTATING:  # the story's time is lost here
                    story.lose(relative.text)
                continue
            try:
                parse_edtf(result.edtf)
            except DateError as exc:  # a count that runs past year 9999, or before year 1
                unresolved.append(Unresolved(relative.text, sentence.section, str(exc)))
                continue
            kept = relative.form == "last_years"  # "She spent her last years in Oslo": the words are what she spent
            here.draft(result.edtf, relative.start, relative.start if kept else relative.end, note=result.note,
                       inferred=True)  # fmt: skip
            if relative.form in ("age", "life", "months"):
                conventions["age"] += 1
            if relative.form not in _RESTATING:  # "By then she was famous": the story stays where it was
                story.note(words, Anchor(result.edtf, relative.text))
        named_pins.the_rest(clauses)
        if mentions and here.first is not None:
            _when_clause(words, here.first, here.draft)
    if progress is not None:
        progress(total, total)
    subject_events = [e for e in builder.events if "birth" not in e["tags"] and "death" not in e["tags"]]
    others = [e for e in builder.events if e["people"] and ("birth" in e["tags"] or "death" in e["tags"])]
    if not subject_events and not others:  # the subject's life dates alone are no chronology
        beyond = f" beyond {who.name}'s life dates" if who.birth or who.death else ""
        raise NothingToDraft(f"found no dated claims in {plural(len(found), 'sentence')}{beyond}; nothing drafted")
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


_RESTATING = frozenset({"by_then", "at_time", "during", "rest_of_life", "last_years"})
"""Relative words that say when something held, at a time already told: a later count goes on from that time."""


_ASIDE = re.compile(r"\([^()]{1,300}\)")


def _parentheses(words: str) -> list[tuple[int, int]]:
    """The spans of a sentence's parentheses (one level, as a writer sets an aside)."""
    return [m.span() for m in _ASIDE.finditer(words)]


def _apposed(between: str) -> bool:
    """Nothing but a comma, 'in' or 'on' between two dates: one is set beside the other."""
    return between.strip().lstrip(",").strip() in ("", "in", "on")


def _restated(words: str, relative: Found, mentions: list[Mention]) -> bool:
    """A relative date set beside an explicit one ('Two years later, in 1927', 'In 1927, two years later')."""
    if relative.form == "yearless":  # "1913 Born September 12": the year is the day's, not a restatement
        return False
    for mention in mentions:
        if mention.start >= relative.end and _apposed(words[relative.end : mention.start]):
            return True
        if mention.end <= relative.start and _apposed(words[mention.end : relative.start]):
            return True
    return False


_DIED = re.compile(r"\b(?:died|dies|death|passed\s+away)\b", re.IGNORECASE)
_HEADER_WORD = re.compile(r"(?:(?<=[a-z])|(?<![\w\s])|(?<=[^\w\s]\s)|^)(?P<which>born|died)\s+$")
"""'painterborn ', '; died ': the word of an entry's header right before its date, with no subject before it."""


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


def _warnings(
    who: subject_mod.Subject, layout: Layout, events: list[dict[str, Any]], death: EdtfDate | None,
    conventions: Counter[str],
) -> list[str]:  # fmt: skip
    """What a reviewer should look at first: cheap to spot, expensive to miss."""
    out: list[str] = []
    if who.guessed:
        out.append(f"the text does not say whose life it is; read as {who.name!r}, the name it gives most: "
                   "give the right one with --subject")  # fmt: skip
    if any(word in who.name.casefold() for word in SITE_WORDS) or "from " in who.name.casefold():
        out.append(f"the subject's name {who.name!r} has a site's words in it: give the name with --subject")
    if death is not None and death.span.latest is not None:
        after = [e for e in events if "death" not in e["tags"] and _earliest(e["date"]) > death.span.latest]
        if after:
            out.append(
                f"{len(after)} claim{'s' if len(after) != 1 else ''} fall after {who.name}'s death "
                f"({death.display}): check that each is about the legacy, not a misread date"
            )
    suspicious = sorted({e["source"]["section"] for e in events
                         if any(w in e["source"]["section"].casefold() for w in _REFERENCE_WORDS)})  # fmt: skip
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
            "age": "counted from the subject's birth",
            "age with a year": "narrowed by an age in the same sentence (an article bound)",
        }[what]
        label = {"age with a year": "date"}.get(what, what) + ("s" if count != 1 else "")
        if what == "age":
            label = "ages" if count != 1 else "age"
        out.append(f"convention: {count} {label} {described}")
    if who.birth is None:
        out.append(
            f"no birth date found for {who.name}, so no claim has an age: add a line 'Born: DATE' under the "
            "title (or a birth to the subject in the draft's people) and run extract again"
        )
    if who.birth_at is not None and who.birth_at[2] == "infobox":
        out.append(f"the birth comes from the infobox line, not from the text's prose: {who.birth}")
    return out


def _earliest(edtf: str) -> Any:
    from datetime import date

    span = parse_edtf(edtf).span
    return span.earliest or date.min


_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir|[A-Z][\w'’-]+)\b")
_KIN = re.compile(
    r"(?<!\s)\s+(?:\w+\s+)?(?:son|daughter|child|children|wife|husband|father|mother|brother|sister|friend|partner"
    r"|uncle|aunt|nephew|niece|cousin|grandson|granddaughter|teacher|pupil|student|colleague)s?\b"
)


_OPENERS = frozenset(
    """In At Aged By When After Before During On From Following Later Two Three A An The As Until Till Since Early
    Late Soon Then Shortly Within Over Throughout Upon Once While Having Only Just Already Still For Around About
    Towards Toward Near Despite Although Though Because""".split()  # noqa: SIM905
)
"""Words a sentence may open with before it names whom it is about ("As a 17-year-old, she …")."""


def _about(words: str, subject_words: set[str]) -> bool:
    """Whether an age in this sentence is the subject's: the first person it names is the subject
    (he, she, one of the subject's names), and not "his son" or "her teacher"."""
    return _first_person(words, subject_words) is True


def _first_person(words: str, subject_words: set[str]) -> bool | None:
    """True if the first person ``words`` name is the subject, False if someone else, None if it names no one."""
    for m in _PERSONAL.finditer(words):
        token = m.group()
        if token.lower() in ("he", "she", "they") or token in subject_words:
            return True
        if token.lower() in ("his", "her", "their"):
            return not _KIN.match(words, m.end())
        if m.start() == 0 and token in _OPENERS:
            continue
        if token[0].isupper():
            return False
    return None


_AGES = frozenset({"age", "life", "months", "birthday"})
_OTHER_SEX_KIN = re.compile(
    r"^(?:(?P<her>Her)\s+(?:father|brother|son|husband|uncle|grandfather|nephew)"
    r"|(?P<his>His)\s+(?:mother|sister|daughter|wife|aunt|grandmother|niece))\b"
)
"""'Her father, who died when she was six': 'she' cannot be the father, so it is the 'her' the sentence began with."""


def _age_about(words: str, age: Found, subject_words: set[str], sentence: bool) -> bool:
    """Whether an age is the subject's, read from its own clause when that clause names someone.

    "Life was hard, and Harriet was hired out by the age of five": the age's clause opens on the subject,
    whatever word opens the sentence. "Her father, who died when she was six": the age's own pronoun is
    not the father's, so it is the subject's."""
    named = age.match.groupdict().get("age_who")
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
    kin = _OTHER_SEX_KIN.match(words)
    if pronoun is None or kin is None:
        return False
    return (pronoun["p"].lower() == "she") == bool(kin["her"])


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
    builder.add(sentence, edtf, title=title, summary=" ".join(words.split())[:300], people=people, places=where,
                tags=[which])  # fmt: skip


def to_json(dataset: dict[str, Any]) -> str:
    """The draft as JSON, one record per line.

    A record a line reads and diffs well, and it lets the C encoder do the work:
    ``json.dumps(indent=2)`` falls back to pure Python and took a third of the
    time of a 1 MB extraction. Invisible and bidi characters from the article
    are written as ``\\u`` escapes, as every other JSON output of sedov writes them.
    """
    import json

    from ..text import escape_json_invisibles

    lines = ["{"]
    for i, (key, value) in enumerate(dataset.items()):
        end = "," if i < len(dataset) - 1 else ""
        name = json.dumps(key)
        if isinstance(value, list) and value:
            items = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f"  {name}: [\n{items}\n  ]{end}")
        else:
            lines.append(f"  {name}: {json.dumps(value, ensure_ascii=False)}{end}")
    lines.append("}")
    return escape_json_invisibles("\n".join(lines) + "\n")
