"""Markdown: a GitHub-flavoured table that pastes into notes and issues.

Dataset text is data, never markup for the next program: a title cannot
open an HTML tag, a link (``[x](javascript:…)``), a code span or emphasis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..records import Listing
from ..text import visible

_ESCAPES = str.maketrans(
    {"\\": "\\\\", "|": "\\|", "[": "\\[", "]": "\\]", "`": "\\`", "*": "\\*", "_": "\\_", "~": "\\~",
     "<": "&lt;", ">": "&gt;", "&": "&amp;"}
)  # fmt: skip
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


def markdown_text(value: str) -> str:
    """Text that renders as itself in Markdown, and stays in its table cell."""
    return visible(value.translate(_ESCAPES))


def markdown_link(url: str) -> str:
    """An http(s) URL as an autolink; anything else (javascript:, data:) as plain text."""
    return f"<{url}>" if _SAFE_URL.match(url) else markdown_text(url)


def to_markdown(listing: Listing) -> Iterator[str]:
    yield "| " + " | ".join(listing.columns) + " |\n"
    yield "|" + "|".join("---" for _ in listing.columns) + "|\n"
    for row in listing.each_row():
        yield "| " + " | ".join(markdown_text(v) for v in row) + " |\n"
