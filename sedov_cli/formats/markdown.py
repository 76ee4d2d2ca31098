"""Markdown: a GitHub-flavoured table that pastes into notes and issues."""

from __future__ import annotations

from ..records import Listing
from ..text import visible


def _md(value: str) -> str:
    return visible(value.replace("\\", "\\\\")).replace("|", "\\|")


def to_markdown(listing: Listing) -> str:
    lines = [
        "| " + " | ".join(listing.columns) + " |",
        "|" + "|".join("---" for _ in listing.columns) + "|",
    ]
    lines += ["| " + " | ".join(_md(v) for v in row) + " |" for row in listing.rows]
    return "\n".join(lines) + "\n"
