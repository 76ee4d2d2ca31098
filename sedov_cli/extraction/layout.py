"""The shape of an article: its title, infobox lines, sections and paragraphs.

Everything is kept as offsets into the original text rather than copied and
cleaned, because a quote must be the article's text verbatim: the validator
looks for it character for character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LEAD", "Layout", "Paragraph", "read_layout"]

LEAD = "Lead"
"""The section name of the text before the first heading, as in the packaged dataset."""

_HEADING = re.compile(r"^[ \t]*(=+)[ \t]*(\S.*?)[ \t]*\1[ \t]*$")
_ITEM = re.compile(r"^[ \t]*[-*•][ \t]+\S")
_INFOBOX_FIELD = re.compile(r"^[ \t]*[-*•][ \t]+(?P<key>[A-Z][\w ]{0,30}?)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*$")


@dataclass(frozen=True)
class Paragraph:
    """A run of text between blank lines, headings and list items: ``text[start:end]``."""

    section: str
    start: int
    end: int
    item: bool = False


@dataclass(frozen=True)
class InfoboxField:
    """A ``- Born: 1906-02-24`` line of the lead: the key, and the value's offsets."""

    key: str
    value_start: int
    value_end: int
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Layout:
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    infobox: tuple[InfoboxField, ...]


def read_layout(text: str) -> Layout:
    """Split ``text`` into paragraphs under their headings.

    The first ``= Title =`` line before any prose is the title; every other
    heading, at any depth, names the section that follows it. List lines
    (``- …``) are paragraphs of their own; in the lead, a ``- Key: value``
    list line is an infobox field.
    """
    title: str | None = None
    section = LEAD
    paragraphs: list[Paragraph] = []
    infobox: list[InfoboxField] = []
    start = end = -1
    offset = 0

    def flush() -> None:
        nonlocal start, end
        if start >= 0:
            paragraphs.append(Paragraph(section, start, end))
        start = end = -1

    for line in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        body = line.rstrip("\r\n")
        line_end = line_start + len(body)
        heading = _HEADING.match(body)
        if heading:
            flush()
            name = heading[2]
            if len(heading[1]) == 1 and title is None and not paragraphs:
                title = name
            else:
                section = name
            continue
        if not body.strip():
            flush()
            continue
        if _ITEM.match(body):
            flush()
            lead_in = len(body) - len(body.lstrip())
            paragraphs.append(Paragraph(section, line_start + lead_in, line_end, item=True))
            field = _INFOBOX_FIELD.match(body)
            if field and section == LEAD:
                infobox.append(
                    InfoboxField(field["key"].strip().lower(), line_start + field.start("value"),
                                 line_start + field.end("value"), line_start + lead_in, line_end)
                )  # fmt: skip
            continue
        if start < 0:
            start = line_start + (len(body) - len(body.lstrip()))
        end = line_start + len(body.rstrip())
    flush()
    return Layout(title, tuple(paragraphs), tuple(infobox))
