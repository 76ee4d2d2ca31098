"""The shape of an article: its title, infobox lines, sections and paragraphs, and what is not the life.

People hand ``extract`` a biography in many shapes: the packaged ``= Title =``
form, Markdown, or a page as a browser copies it, with a title line, site
chrome ("From Wikipedia, the free encyclopedia", "[edit]"), an infobox
(``Born: …``, ``Born | …``, ``BornJune 29, 1907(1907-06-29)``), image
captions, headings as short unpunctuated lines, and a References section.
Each line is classified once, left to right, with no backtracking pattern
(a line of 8,000 ``=`` signs is read in linear time).

Everything is kept as offsets into the original text rather than copied and
cleaned, because a quote must be the article's text verbatim: the validator
looks for it character for character. What is skipped is counted by kind,
so the summary can say what was left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .tables import (
    CHROME_LINES,
    CHROME_PATTERNS,
    CHROME_PREFIXES,
    CITATION_MARKS,
    CITATION_PREFIXES,
    INFOBOX_KEYS,
    INFOBOX_SECTIONS,
    REFERENCE_SECTIONS,
    SITE_WORDS,
    SKIP_SECTIONS,
)

__all__ = ["LEAD", "InfoboxField", "Layout", "Paragraph", "clean_title", "read_layout"]

LEAD = "Lead"
"""The section name of the text before the first heading, as in the packaged dataset."""

_ITEM = re.compile(r"[-*•–]\s+(?=\S)")
_TIMELINE = re.compile(r"(?:1\d{3}|20\d{2})(?:\s*[–-]\s*\d{2,4})?:?\s+(?=[A-Z])")
"""'1913 Born September 12 in Danville': a line of a timeline, a paragraph of its own."""
_MARKDOWN = re.compile(r"(#{1,6})\s+(?=\S)")
_EDIT_SUFFIX = re.compile(r"(?:(?<!\s)\s*\[\s*edit(?:\s+source)?\s*\]|(?<=[a-z)\]])Edit)$")
_KEY = re.compile(r"[^\W\d_][\w()/' -]{0,30}")
_YEARISH = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2})(?!\d)")
_HEADING_DATES = re.compile(
    r"(?:[(,:–—-]\s*(?:c\.\s*)?(?:1\d{3}|20\d{2})(?:\s*[–—-]\s*(?:(?:1\d{3}|20\d{2})|\d{2}|present))?\)?\s*$)"
    r"|^(?:1\d{3}|20\d{2})\s*[–—-]\s*(?:1\d{3}|20\d{2}|\d{2}|present)\s*[:]?"
)
_INVERTED_NAME = re.compile(
    r"(?:[-*•–]\s+)?(?P<family>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?),\s+(?P<given>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})"
)
"""'Namatjira, Albert' on a line of its own before the prose: the name as an index or encyclopedia lists it."""
_TABLE_ROW = re.compile(r"\|?\s*(?P<key>[^|.!?]{1,40}?)\s*\|(?P<value>[^|]*)\|")
"""A row of a table copied as text ('Reign | 1206 – August 1227 | ||||'): cells, not a sentence."""
_TABLE_RULE = re.compile(r"[\s|:+-]*-[\s|:+-]*")
"""The rule under a table's head row ('---|---|---')."""
_SENTENCE_END = '.!?:;,"”’'
_CITATION_MARKER = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed)\]")


@dataclass(frozen=True)
class Paragraph:
    """A run of text between blank lines, headings and list items: ``text[start:end]``."""

    section: str
    start: int
    end: int
    item: bool = False


@dataclass(frozen=True)
class InfoboxField:
    """An infobox line (``Born: 23 March 1882, Erlangen``): its key, and its value's offsets."""

    key: str
    value_start: int
    value_end: int
    line_start: int
    line_end: int
    more: tuple[int, int] | None = None
    """The line after it that carries on its value (a browser copies a cell's lines apart)."""


@dataclass(frozen=True)
class Layout:
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    infobox: tuple[InfoboxField, ...]
    skipped: Counter[str] = field(default_factory=Counter)
    """Dated lines left out, by kind: 'reference section', 'citation', 'caption', 'infobox', 'chrome'."""
    site_title: str | None = None
    """The title line as the page gave it, when site words were taken off it ("X - Wikipedia")."""


def clean_title(line: str) -> tuple[str, bool]:
    """A title line without the site's name: ('Emmy Noether', True) for 'Emmy Noether - Wikipedia'."""
    text = line.strip()
    changed = False
    for sep in (" - ", " – ", " — ", " | ", " · ", " : "):
        head, found, tail = text.rpartition(sep)
        if found and head and any(word in tail.casefold() for word in SITE_WORDS):
            text, changed = head.strip(), True
    folded = text.casefold()
    for prefix in ("from wikipedia", "wikipedia:"):
        if folded.startswith(prefix):
            text, changed = text[len(prefix) :].strip(" ,:-"), True
            folded = text.casefold()
    for suffix in ("from wikipedia, the free encyclopedia", "from wikipedia", "wikipedia, the free encyclopedia"):
        if folded.endswith(suffix):
            text, changed = text[: -len(suffix)].strip(" ,:-"), True
            folded = text.casefold()
    return text, changed


_GLUED = re.compile(r"[a-z][A-Z]")
"""'ArtsAutosBooksBusiness…': a menu copied without its spaces."""


_BREADCRUMB = re.compile(r"\S\s+[>›»]\s+\S")
"""'Home > Biographies > Painters': where the page sits on its site."""
_BYLINE = re.compile(
    r"(?:[Bb]y|[Ww]ritten\s+by|[Pp]osted\s+by)\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:$|[|•·]|[,–—-]\s*(?:\d|[A-Z][a-z]+\s+\d)|\s+on\s)"
)
"""'By John Smith | Published May 12, 2015': the article's author and dates, not the life's."""
_DATELINE = re.compile(
    r"(?:published|updated|posted|last\s+updated|first\s+published|date)\s*(?:on\s+|:\s*)?"
    r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
)
"""'Published May 12, 2015', 'Updated 3 March 2020': when the page was written, on a line of its own."""
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_BARE_DATE = re.compile(
    rf"(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
    r"(?:\s*[|•·,]?\s*\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?)?"
)
"""A date alone on a line, with a day and maybe a time: a page's date stamp, never a claim of the life."""
_PUBLISHED_NOTE = re.compile(
    r"this\s+(?:biography|article|entry|essay|profile|page|piece)\b[^.]{0,120}?\b(?:was|has\s+been|is)\s+"
    r"(?:first\s+|originally\s+|last\s+)?(?:published|written|updated|revised|posted|printed|reviewed)\b"
)
"""'This biography, written by …, was first published in the Dictionary of … in 1996. It was updated in …': the
page's own history, set above the life as a dictionary of biography sets it, not a claim of the life."""


def _is_furniture(stripped: str, folded: str) -> bool:
    """A site's own lines about the page: a breadcrumb, a byline, a copyright."""
    if len(stripped) > 200:
        return False
    if "©" in stripped or "all rights reserved" in folded or (folded.startswith("copyright") and ". " not in stripped):
        return True
    if _BREADCRUMB.search(stripped) and not stripped.endswith(".") and ". " not in stripped:
        return True
    if _DATELINE.match(folded) and ". " not in stripped:
        return True
    if _PUBLISHED_NOTE.match(folded):
        return True
    return _BYLINE.match(stripped) is not None and ". " not in stripped


_CHROME_PATTERN = re.compile("|".join(f"(?:{p})" for p in CHROME_PATTERNS))


def _is_chrome(folded: str, stripped: str = "") -> bool:
    if folded in CHROME_LINES or folded.startswith(CHROME_PREFIXES):
        return True
    if folded.endswith("|") and folded.rstrip("| ") in CHROME_LINES:  # "Contents |": a table copy's cell of it
        return True
    if len(folded) < 40 and _CHROME_PATTERN.fullmatch(folded):  # "7 minute read"
        return True
    if stripped and _is_furniture(stripped, folded):
        return True
    if stripped and len(_GLUED.findall(stripped)) >= 4 and len(stripped.split()) <= 3:
        return True
    return len(folded) < 80 and ("wikipedia" in folded or "encyclopedia" in folded) and not folded.endswith(".")


_SOURCE_LINE = re.compile(r"[^\W\d][^.!?]{1,60}\.\s+\(?(?:1\d{3}|20\d{2})\)?\.?")
"""'Universalium. 2010.': a work and its year on a line of their own, the source of the text, not a sentence."""


def _is_citation(folded: str) -> bool:
    if folded.startswith(CITATION_PREFIXES):
        return True
    if len(folded) < 80 and _SOURCE_LINE.fullmatch(folded):
        return True
    return any(mark in folded for mark in CITATION_MARKS)


def _heading_level(stripped: str) -> tuple[int, str] | None:
    """``== Name ==`` (any depth, the two sides may differ) or ``## Name``: (level, name)."""
    if stripped.startswith("="):
        left = len(stripped) - len(stripped.lstrip("="))
        right = len(stripped) - len(stripped.rstrip("="))
        if right and left + right < len(stripped):
            name = stripped[left : len(stripped) - right].strip()
            if name:
                return min(left, right), name
        return None
    md = _MARKDOWN.match(stripped)
    if md:
        return len(md[1]), stripped[md.end() :].strip().rstrip("#").strip()
    return None


def _infobox_key(stripped: str) -> tuple[str, int] | None:
    """The key of an infobox line, and where its value starts in ``stripped``."""
    body = stripped
    lead_in = 0
    item = _ITEM.match(body)
    if item:
        lead_in, body = item.end(), body[item.end() :]
    m = _KEY.match(body)
    if m is None:
        return None
    # the longest known key at the start: "Resting place", "Spouse(s)"
    words = body[: m.end()]
    for cut in range(len(words), 0, -1):
        key = words[:cut].strip()
        ends_word = cut == len(body) or not body[cut : cut + 1].isalpha() or body[cut].isupper()
        if key.casefold() in INFOBOX_KEYS and ends_word:
            rest = body[cut:]
            sep = rest.lstrip(" \t")
            if sep[:1] in (":", "|", "\t"):
                value_at = cut + (len(rest) - len(sep)) + 1
            elif rest[:1] == "\t" or rest.startswith("  "):
                value_at = cut + (len(rest) - len(rest.lstrip()))
            elif (
                rest[:1].isupper() | rest[:1].isdigit() | (rest[:1] in "([")
                and body[cut - 1].islower()
                and (key in ("Born", "Died") or len(stripped) <= _GLUED_LINE_MAX)
            ):
                value_at = cut  # "BornJune 29, 1907(1907-06-29)", "ReignJanuary 29, 1891 – …": cells lost
            elif not rest.strip():
                value_at = len(body)  # "Born" alone: the value is on the next line
            else:
                continue
            value = body[value_at:]
            return key.casefold(), lead_in + value_at + (len(value) - len(value.lstrip()))
    return None


_RUNS_ON = frozenset(
    """the a an of in on at to from by for with and or but nor he she they it his her their its where when who
    whom whose which that as than was were is are be been being had has have into onto upon after before
    during while until since between among about under over met became made took gave said""".split()  # noqa: SIM905
)
"""Words a line ends with when it is a wrapped sentence, not a heading: "where he met" runs on."""


_INITIALS = re.compile(r"\b(?:[A-Z]|c)\.\s")
"""'James J. Williams', 'c. 1891': stops that end no sentence."""


_TRAILING_MARKERS = re.compile(rf"(?:{_CITATION_MARKER.pattern})+$")


def _plain_heading(stripped: str, following: str) -> bool:
    """A short line with no sentence in it, a heading as a browser copies one; not a hard-wrapped line."""
    if len(stripped) > 80 or len(stripped.split()) > 10 or not stripped[0].isupper():
        return False
    ended = _TRAILING_MARKERS.sub("", stripped) or stripped  # "in 1919.[1]": a sentence, its citation after it
    if ended[-1] in _SENTENCE_END and not ended.endswith(")"):
        return False
    if ". " in _INITIALS.sub("", stripped) or "; " in stripped or stripped.rsplit(None, 1)[-1].casefold() in _RUNS_ON:
        return False
    return not (following[:1].islower() and len(stripped) >= 40)  # the next line goes on with it


def _continues_a_field(stripped: str) -> bool:
    """A short line with no sentence in it, between infobox fields: the value of the one above it."""
    return len(stripped) <= 80 and stripped[-1] not in ".!?:" and ". " not in stripped and len(stripped.split()) <= 8


def _same_name(line: str, title: str) -> bool:
    """'Amalie Emmy Noether' under the title 'Emmy Noether': the subject named again."""
    words, named = set(line.casefold().split()), set(title.casefold().split())
    return bool(named) and named <= words


_LOOK_AHEAD = 12
"""How many lines past a line before the prose are read to see whether the lead opens below it."""
_LEAD_OPENING = re.compile(r"[^.]{0,160}?(?:\(|\b(?:was|is|were|are)\b)")


def _before_the_lead(lines: list[str], at: int, title: str, line: str = "") -> bool:
    """Whether the first prose line after ``lines[at - 1]`` opens the lead: it names the title's subject.

    A short line between the title and the lead's first sentence is the page's chrome (a mirror's banner,
    an ad line), not a section: the lead is the text before the first heading, and the subject's life
    dates are read from it. Only a few lines ahead are read, so the whole text stays linear.
    """
    named = {w for w in title.casefold().split() if len(w) > 2}
    for line in lines[at : at + _LOOK_AHEAD]:
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) <= 80 and stripped[-1] not in ".!?" and ". " not in stripped:
            continue  # another short line: chrome too, or the heading this line stands over
        opening = set(stripped[:120].casefold().replace(",", " ").replace("(", " ").split()[:6])
        # or the prose names the subject itself: "John Butler Yeats Biography" over "Painter John Butler Yeats was",
        # "Botanist (1871–1944)" over "Botanist Nora Vik was" (two capitalised words of its opening are a name)
        capitals = {w.casefold() for w in stripped.split() if w[:1].isupper() and len(w) > 2}
        shared = bool(named & opening) or len(capitals & opening) >= 2
        return shared and _LEAD_OPENING.match(stripped) is not None
    return False


_LABELLED = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,2}: [^.!?]{1,60}")
"""A profile's field that no infobox key names: 'Chinese Zodiac: Monkey', 'Generation: Greatest Generation'."""

_GLUED_LINE_MAX = 120
"""An infobox row copied without its cells is short: 'ReignJanuary 29, 1891 – January 17, 1893'."""
_PICTURE = re.compile(
    r"(?:Portrait|Photograph|Photo|Picture|Image|Painting|Drawing|Engraving|Bust|Statue)\s+(?:of|by)\s"
)
"""What a caption opens with: 'Portrait by James J. Williams, c. 1891'."""


def _is_caption(stripped: str) -> bool:
    """A short unpunctuated line with a date in it, not as a heading dates a section ('Noether in 1907')."""
    if not _YEARISH.search(stripped):
        return False
    return _PICTURE.match(stripped) is not None or not _HEADING_DATES.search(stripped)


@dataclass
class _State:
    title: str | None = None
    site_title: str | None = None
    section: str = LEAD
    skipping_level: int | None = None  # inside a References-like section headed at this level (0: plain)
    paragraphs: list[Paragraph] = field(default_factory=list)
    infobox: list[InfoboxField] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    prose_seen: bool = False
    start: int = -1
    end: int = -1
    pending_key: str | None = None  # "Born" on a line of its own: the next line is its value
    past_the_life: bool = False  # a plain "References" heading: what follows (links, navigation boxes) is not the life
    in_box: bool = False  # the last line with words was an infobox field: a "Label: value" line goes on with it
    in_contents: bool = False  # under a "Contents" line: numbered section names ("1.1 Early life") follow

    def flush(self) -> None:
        if self.start >= 0:
            self.paragraphs.append(Paragraph(self.section, self.start, self.end))
            self.prose_seen = True
        self.start = self.end = -1

    def heading(self, level: int, name: str) -> None:
        self.flush()
        self.pending_key = None
        folded = name.casefold().strip(" :")
        inside = self.skipping_level is not None and (
            (self.skipping_level == 0 and (folded in SKIP_SECTIONS or self.past_the_life))
            or (self.skipping_level or 0) < level
        )
        if inside:
            return  # a part of the references section (plain headings: another such heading, or anything after one)
        if folded in SKIP_SECTIONS:
            self.skipping_level = level
            self.past_the_life = level == 0 and folded in REFERENCE_SECTIONS
            return
        self.skipping_level = None
        self.section = name


_CONTENTS_HEADS = frozenset({"contents", "table of contents", "contents hide", "contents [hide"})
_CONTENTS_LINE = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?[ \t]+[^\s.!?][^.!?]{0,100}")
"""'1.1.2 August 1857 – June 1858': a numbered section name in a table of contents (no sentence: no stop)."""


def read_layout(text: str) -> Layout:
    """Split ``text`` into paragraphs under their headings, and note what is not the life.

    The first title line before any prose (``= Title =``, ``# Title``, or a
    short line of its own) is the title; every other heading names the section
    that follows it. List lines (``- …``) are paragraphs of their own; an
    infobox line (a known key, then its value) is a field, not prose.
    """
    st = _State()
    offset = 0
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        line_start, offset = offset, offset + len(line)
        body = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        if not stripped:
            st.flush()
            continue
        lead_in = len(body) - len(body.lstrip())
        first, last = line_start + lead_in, line_start + len(body.rstrip())
        in_box, st.in_box = st.in_box, False
        marked = _heading_level(stripped)
        edit = _EDIT_SUFFIX.search(stripped) if marked is None and len(stripped) <= 90 else None
        if edit:  # "Early life[edit]", "Early lifeEdit": a heading, whatever it looks like
            marked = (0, stripped[: edit.start()].strip())
        if marked is not None and marked[1]:
            level, name = marked
            if level <= 1 and st.title is None and not st.prose_seen and st.start < 0 and edit is None:
                st.title, changed = clean_title(name)
                st.site_title = name if changed else None
            else:
                st.heading(level, name)
            continue
        folded = stripped.casefold()
        in_contents, st.in_contents = st.in_contents, False
        if folded.rstrip(" []") in _CONTENTS_HEADS or folded in ("contents [hide]", "contents[hide]"):
            st.flush()  # a page's table of contents: its lines are the page's headings, not the life's dates
            st.in_contents = True
            continue
        if in_contents and _CONTENTS_LINE.fullmatch(stripped):
            st.in_contents = True
            if _YEARISH.search(stripped):
                st.skipped["contents"] += 1
            continue
        if st.skipping_level is not None:
            if _YEARISH.search(stripped):
                st.skipped["reference section"] += 1
            continue
        if _is_citation(folded):
            st.flush()
            st.skipped["citation"] += 1
            continue
        if _is_chrome(folded, stripped):
            st.flush()
            if _YEARISH.search(stripped):
                st.skipped["site furniture"] += 1
            if st.title is None and not st.prose_seen and "wikipedia" in folded and " - " in stripped:
                st.title, _ = clean_title(stripped)
                st.site_title = stripped
            continue
        if st.pending_key is not None:
            key, st.pending_key = st.pending_key, None
            st.flush()
            st.infobox.append(InfoboxField(key, first, last, first, last))
            st.in_box = True
            continue
        if _BARE_DATE.fullmatch(folded) and not (st.infobox and not st.prose_seen):
            st.flush()  # "February 15, 2024" on a line of its own: the day the page was written, not the life's
            st.skipped["site furniture"] += 1
            continue
        # "Quick Facts" above its lines: still the infobox; and a field among fields, wherever the box stands
        boxed = st.section.casefold() in INFOBOX_SECTIONS  # a copy that keeps the box under its own heading
        before_prose = st.section == LEAD or not st.prose_seen or in_box or boxed
        field_at = _infobox_key(stripped) if before_prose and len(stripped) < 400 else None
        labelled = _LABELLED.fullmatch(stripped.lstrip("-*•· ")) if in_box or boxed else None
        if field_at is None and labelled and not _YEARISH.search(stripped):
            st.in_box = True  # "Chinese Zodiac: Monkey" between "Born:" and "Died:": a field no key names, no heading
            continue
        if field_at is None and stripped.count("|") >= 2 and len(stripped) < 400:
            row = _TABLE_ROW.match(stripped)
            if row is not None and _YEARISH.match(row["key"].strip(" |")):
                st.flush()  # "| 1930 | Joins a choir |": a timeline set as a table, each row a line of the life
                st.paragraphs.append(Paragraph(st.section, first, last, item=True))
                st.prose_seen = True
                continue
            if row is not None or _TABLE_RULE.fullmatch(stripped):  # "Reign | 1206 – August 1227 | |||": a table
                st.flush()
                if row is not None and row["key"].casefold() in INFOBOX_KEYS and before_prose:
                    value = row.start("value") + len(row["value"]) - len(row["value"].lstrip())
                    st.infobox.append(InfoboxField(row["key"].casefold(), first + value, last, first, last))
                elif _YEARISH.search(stripped):
                    st.skipped["table row"] += 1
                continue
        if field_at is not None:
            key, value_at = field_at
            st.flush()
            if value_at >= len(stripped):
                st.pending_key = key
            else:
                st.infobox.append(InfoboxField(key, first + value_at, last, first, last))
            st.in_box = True
            continue
        if st.infobox and st.start < 0 and not st.prose_seen and _continues_a_field(stripped):
            # "Uppsala, Sweden" under "Born  12 March 1911": the field's value goes on, it is no heading
            last_field = st.infobox[-1]
            if last_field.more is None:
                st.infobox[-1] = InfoboxField(last_field.key, last_field.value_start, last_field.value_end,
                                              last_field.line_start, last_field.line_end, (first, last))  # fmt: skip
            continue
        inverted = _INVERTED_NAME.fullmatch(stripped)
        if inverted and st.title is None and not st.prose_seen and st.start < 0:
            st.title = f"{inverted['given']} {inverted['family']}"  # "Namatjira, Albert": an index entry's name
            continue
        item = _ITEM.match(stripped) or _TIMELINE.match(stripped)
        if item:
            st.flush()
            st.paragraphs.append(Paragraph(st.section, first, last, item=True))
            st.prose_seen = True
            continue
        following = lines[number + 1].lstrip() if number + 1 < len(lines) else ""
        after_a_stop = (
            st.start >= 0
            and text[st.end - 1 : st.end] in ".!?"
            and (
                following[:1].isupper() or following[:1] in "^↑"  # "References" above "^ Retrieved …"
            )
        )
        if (st.start < 0 or after_a_stop) and _plain_heading(stripped, following):
            if _is_caption(stripped):
                st.skipped["caption"] += 1
                continue
            if st.title is None and not st.prose_seen and st.start < 0:
                st.title, changed = clean_title(stripped)
                st.site_title = stripped if changed else None
            elif not st.prose_seen and st.title is not None and _same_name(stripped, st.title):
                pass  # the name again above an infobox, or a caption naming the subject: not a section
            elif (st.start < 0 and not st.prose_seen and st.title is not None
                  and _before_the_lead(lines, number + 1, st.title, stripped)):  # fmt: skip
                pass  # a mirror's banner or ad line ("Watch videos on African life") above the lead: chrome
            elif not st.prose_seen and st.title is not None and _infobox_key(following.strip()) is not None:
                pass  # "Queen of the Hawaiian Islands" over "Reign…": the infobox's own heading, not a section
            else:
                st.heading(0, stripped)
            continue
        if st.start < 0:
            st.start = first
        st.end = last
    st.flush()
    return Layout(st.title, tuple(st.paragraphs), tuple(st.infobox), st.skipped, st.site_title)


def citation_marker_at(text: str, at: int) -> int:
    """The end of the citation markers (``[3]``, ``[a]``) that start at ``at``, or ``at`` if none."""
    while True:
        m = _CITATION_MARKER.match(text, at)
        if m is None:
            return at
        at = m.end()
