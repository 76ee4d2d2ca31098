"""The article a user hands to ``extract``, and where the draft will cite it from.

A user may hand over anything: an empty file, a PDF, a 2 GB log, a page saved
from a browser as HTML, or text piped in. Each gets either its text or a
sentence saying what is wrong, not a traceback, and nothing is written.

A draft's quotes must appear verbatim in the file it cites. A plain text file
is cited as it is. Text read from standard input, or the visible text of an
HTML page or a Markdown article, exists only in memory, so it is saved beside the draft (as
``DRAFT.article.txt``) and the draft cites that copy. So is a text file that
lies outside the draft's folder ("extract ~/Downloads/bio.txt -o draft.json"),
because the loader reads an article only inside the dataset's own folder.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import SedovError, UsageProblem
from ..reading import Unreadable, read_bounded
from .html_text import html_to_text, looks_like_html
from .markdown_text import looks_like_markdown, markdown_to_text

__all__ = [
    "MAX_ARTICLE_BYTES", "Article", "cited_path", "companion_path", "decode_article", "lies_inside", "read_article",
]  # fmt: skip

MAX_ARTICLE_BYTES = 16 * 1024 * 1024
"""The largest article read: sixteen times the longest Wikipedia biography, and
about a minute of extraction."""

STDIN = "-"


@dataclass(frozen=True)
class Article:
    """The text to draft from, and whether it must be saved for the draft to cite."""

    text: str
    shown: str  # how messages name it: the path, or "standard input"
    kind: str  # "text", "html", "markdown" or "stdin"

    @property
    def needs_copy(self) -> bool:
        return self.kind != "text"


def _utf16_without_mark(head: bytes) -> str | None:
    """Text saved as UTF-16 with no byte-order mark: nearly every other byte is NUL (the high byte of a
    Latin letter), while the bytes between are mostly printable; a binary file's NULs fall anywhere."""
    if len(head) < 8:
        return None
    for zeros, chars, name in ((head[1::2], head[0::2], "UTF-16LE"), (head[0::2], head[1::2], "UTF-16BE")):
        printable = sum(1 for c in chars if 32 <= c < 127 or c in (9, 10, 13))
        if zeros.count(0) >= 0.7 * len(zeros) and chars.count(0) == 0 and printable >= 0.7 * len(chars):
            return name
    return None


def decode_article(raw: bytes, shown: str, *, html: bool | None = None) -> tuple[str, bool]:
    """The text of ``raw`` (UTF-8, with or without a byte-order mark) and whether it was HTML."""
    utf16 = "UTF-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else _utf16_without_mark(raw[:4096])
    if utf16 is not None:
        name = shown if shown != "standard input" else "FILE"
        stem = name.rsplit(".", 1)[0] if "." in name.rsplit("/", 1)[-1] else name
        raise SedovError(
            f"{shown}: is UTF-16 text, not UTF-8; save the article as UTF-8 (for example: "
            f"iconv -f {utf16} -t UTF-8 {shlex.quote(name)} > {shlex.quote(stem + '-utf8.txt')})"
        )
    if b"\x00" in raw[:65536]:
        raise SedovError(
            f"{shown}: looks like a binary file (it has NUL bytes), not plain text; save the article as text"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SedovError(
            f"{shown}: is not UTF-8 text (byte {exc.start} is 0x{raw[exc.start]:02x}); save the article as UTF-8"
        ) from None
    is_html = looks_like_html(text) if html is None else html
    if is_html:
        text = html_to_text(text)
    if not text.strip():
        what = "has no visible text" if is_html else "is empty"
        raise SedovError(f"{shown}: {what}; there is nothing to extract")
    return text, is_html


def read_article(path: str, read_stdin: Callable[[int], bytes] | None = None) -> Article:
    """The article at ``path`` (``-``: standard input); :class:`SedovError` (exit 1) if it is not usable text."""
    if path == STDIN:
        if read_stdin is None:
            raise UsageProblem("extract -: there is no standard input to read")
        raw = read_stdin(MAX_ARTICLE_BYTES + 1)
        if len(raw) > MAX_ARTICLE_BYTES:
            raise SedovError("standard input: is over the 16 MiB limit; extract reads one biography, so split the text")
        text, is_html = decode_article(raw, "standard input")
        if not is_html and looks_like_markdown(text):
            text = markdown_to_text(text)
        return Article(text, "standard input", "stdin")
    try:
        raw = read_bounded(path, MAX_ARTICLE_BYTES)
    except Unreadable as exc:
        hint = "; extract reads one biography, so split the text" if "limit" in str(exc) else ""
        raise SedovError(f"{path}: {exc}{hint}") from None
    suffix = Path(path).suffix.lower()
    text, is_html = decode_article(raw, path, html=True if suffix in (".html", ".htm", ".xhtml") else None)
    if is_html:
        return Article(text, path, "html")
    if looks_like_markdown(text, suffix):
        return Article(markdown_to_text(text), path, "markdown")
    return Article(text, path, "text")


def companion_path(output: str) -> str:
    """Where the text of an HTML page or of standard input is saved for a draft written to ``output``."""
    out = Path(output)
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return str(out.with_name(f"{stem}.article.txt"))


def _relative(article: str, output: str | None) -> str:
    folder = Path(output).absolute().parent if output else Path.cwd()
    return os.path.relpath(Path(article).absolute(), folder)


def lies_inside(article: str, output: str | None) -> bool:
    """Whether the draft written to ``output`` (None: standard output, the current folder) can cite ``article``."""
    relative = _relative(article, output)
    return not (relative.startswith(".." + os.sep) or relative == ".." or os.path.isabs(relative))


def cited_path(article: str, output: str | None) -> str:
    """``article`` relative to the folder the draft goes to (the current one for standard output).

    The loader reads an article only inside the dataset's folder, so an article
    outside it is a usage error with a way out, never a path that climbs out.
    """
    if not lies_inside(article, output):
        where = "the current folder" if output is None else f"the folder of {output}"
        raise UsageProblem(
            f"{article} lies outside {where}, and a dataset may only cite an article inside its own folder; "
            f"give --output FILE (a copy of the text is saved beside it as FILE.article.txt), or write the draft "
            f"beside the article, e.g. --output {Path(article).parent / 'draft.json'}"
        )
    return str(PurePosixPath(*Path(_relative(article, output)).parts))
