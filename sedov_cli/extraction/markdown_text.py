"""A Markdown article as the text a reader sees.

People keep biographies as Markdown: a note-taking app's export, a wiki
page converted by pandoc, a README. Its inline markup is not the prose:
"**Ida Berg** (12 March 1911 – …)" hides the life dates from the reader of
the lead, "[Uppsala](https://…)" hides a place behind its link, and an image
line "![Berg in 1950](berg.jpg)" is a caption, not a claim. So the text is
read as a reader sees it rendered: links become their text, emphasis and
code marks go, images and link definitions are dropped, blockquote marks
are taken off; headings stay as ``#`` lines, which :mod:`.layout` reads.

Like a saved HTML page, the result is saved beside the draft and cited,
because a quote must appear verbatim in the file the dataset names. Only
the standard library is used: the subset above is what biographies use,
and a full CommonMark parser would be a dependency for little more.
"""

from __future__ import annotations

import re

__all__ = ["looks_like_markdown", "markdown_to_text"]

# No inner class holds the character that opens its own pattern ("[", "*", "_"), so a run of them is
# read once, not once per character (a page of "[[[[" stays linear with a small constant).
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)|!\[[^\[\]\n]{0,500}\]\[[^\[\]\n]{0,200}\]")
_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,200}\]")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]{1,200}\]:[ \t]+\S.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
_FOOTNOTE_REF = re.compile(r"\[\^([\w-]{1,20})\]")
_STRONG = re.compile(
    r"\*\*(?=[^\s*])([^*\n]{0,500}?[^\s*](?:[ \t]+(?=\*\*\S))?)\*\*|__(?=[^\s_])([^_\n]{0,500}?[^\s_])__"
)
"""Bold, and the bold label some converters write with its space inside ("**Born: **June 23, 1912")."""
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{0,500}?\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]{0,500}?\S)_(?![\w_])")
_CODE = re.compile(r"`([^`\n]{1,500})`")
_BLOCKQUOTE = re.compile(r"^ {0,3}(?:> ?)+", re.MULTILINE)
_TAG = re.compile(r"</?(?:span|sup|sub|small|b|i|em|strong|u|br|a)(?:\s[^<>\n]{0,500})?/?>", re.IGNORECASE)
_FENCE = re.compile(r" {0,3}(```|~~~)")
_SIGNS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),
    re.compile(r"\[[^\]\n]+\]\([^)\n]+\)"),
    re.compile(r"\*\*[^*\n]+\*\*"),
    re.compile(r"^ {0,3}[-*+][ \t]+\S", re.MULTILINE),
)


def looks_like_markdown(text: str, suffix: str = "") -> bool:
    """A ``.md`` file, or text with at least two kinds of Markdown mark (headings, links, bold, lists).

    One kind alone is common in plain text ("- Born: 1911" is an infobox
    line), so it does not make an article Markdown.
    """
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return True
    sample = text[:65536]
    return sum(1 for sign in _SIGNS if sign.search(sample)) >= 2 and bool(_LINK.search(sample) or "**" in sample)


def _without_comments(text: str) -> str:
    """HTML comments dropped, in one pass: an unclosed ``<!--`` drops the rest, as a browser does."""
    out, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        out.append(text[at:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(out)
        at = end + 3
    out.append(text[at:])
    return "".join(out)


def _without_code_blocks(text: str) -> str:
    """Fenced code blocks dropped (code is not prose), line by line; an unclosed fence runs to the end."""
    out, fence = [], None
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)
        elif fence is not None and m and m.group(1) == fence:
            fence = None
        elif fence is None:
            out.append(line)
    return "\n".join(out)


def markdown_to_text(text: str) -> str:
    """The text of a Markdown article as it reads rendered, one source line per line."""
    text = _without_code_blocks(text)
    text = _without_comments(text)
    text = _LINK_DEFINITION.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _FOOTNOTE_REF.sub(r"[\1]", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = _TAG.sub("", text)
    text = _BLOCKQUOTE.sub("", text)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
