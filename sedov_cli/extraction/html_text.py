"""A saved HTML page as the text a reader sees, with its headings marked.

Browsers save a biography as HTML: the article's paragraphs sit among menus,
scripts, edit links and reference lists. The standard library's
:mod:`html.parser` is enough to read it (no dependency): scripts, styles and
navigation are dropped, block elements become line breaks, headings become
``== Heading ==`` lines that :mod:`.layout` reads as it reads the packaged
form, and a table row becomes ``cell | cell``, the shape of an infobox line.

The result is plain text, and the draft cites *it* (saved beside the draft),
because a quote must appear verbatim in the file the dataset names.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_like_html"]

_DROPPED = frozenset({"script", "style", "noscript", "nav", "template", "svg", "math", "head", "button", "form",
                      "select", "iframe", "object", "canvas"})  # fmt: skip
_DROPPED_CLASSES = re.compile(
    r"\b(?:mw-editsection|navbox|vertical-navbox|sidebar|mw-jump-link|catlinks|printfooter|noprint|mw-indicators"
    r"|toc|vector-menu|vector-header|mw-footer|site-notice|hatnote|mw-empty-elt|reference-accessdate)\b"
)
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track",
                   "wbr", "param"})  # fmt: skip
_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "section",
                     "article", "main", "aside", "header", "footer", "blockquote", "figure", "figcaption", "pre",
                     "address", "caption", "center", "details", "summary"})  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b|<!--)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML document rather than prose that mentions a tag."""
    return bool(_SNIFF.match(text[:4096])) or (text.count("<p>") + text.count("<p ") >= 2 and "</p>" in text)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skipping: list[str] = []  # the stack of open tags whose content is dropped
        self.heading: int | None = None
        self.cells: list[str] | None = None  # the cells of the open table row
        self.cell: list[str] | None = None
        self.title: list[str] | None = None
        self.page_title = ""

    # text is gathered into the current line, the current cell, or the <title>
    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
            return
        if self.skipping:
            return
        (self.cell if self.cell is not None else self.line).append(data)

    def _break(self) -> None:
        text = _SPACES.sub(" ", "".join(self.line)).strip()
        self.line = []
        if not text:
            return
        if self.heading is not None:
            marks = "=" * self.heading
            text = f"{marks} {text} {marks}"
        self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.skipping and self.title is None and not self.page_title:
            self.title = []
            return
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        classes = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        if tag in _DROPPED or hidden or (classes and _DROPPED_CLASSES.search(classes)):
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _HEADINGS:
            self._break()
            self.heading = _HEADINGS[tag]
        elif tag == "tr":
            self._break()
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")
        elif tag in _BLOCKS or tag == "br":
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            self.page_title = _SPACES.sub(" ", "".join(self.title)).strip()
            self.title = None
            return
        if self.skipping:
            if tag in self.skipping:  # close up to the matching open tag (HTML is often unbalanced)
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag in _HEADINGS:
            self._break()
            self.heading = None
        elif tag in ("td", "th") and self.cells is not None and self.cell is not None:
            self.cells.append(_SPACES.sub(" ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "tr" and self.cells is not None:
            cells = [c for c in self.cells if c]
            self.cells = None
            if cells:
                self.line = [" | ".join(cells)]
                self._break()
        elif tag in _BLOCKS:
            self._break()

    def close(self) -> None:
        super().close()
        self._break()


def html_to_text(html: str) -> str:
    """The page's visible text, a block a line, headings as ``== … ==`` and its <title> as ``= … =``."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    lines = reader.lines
    has_h1 = any(re.match(r"= [^=]", line) for line in lines)
    if reader.page_title and not has_h1:
        lines.insert(0, f"= {reader.page_title} =")
    out: list[str] = []
    for line in lines:  # a blank line between blocks, so that each block is a paragraph of its own
        out.extend((line, ""))
    return "\n".join(out).rstrip() + "\n"
