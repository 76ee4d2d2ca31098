"""The article file a user hands to ``extract``, and where the draft will cite it from.

A user may hand over anything: an empty file, a PDF, a 2 GB log. Each gets a
sentence saying what is wrong, not a traceback, and nothing is written.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from ..errors import SedovError, UsageProblem
from ..reading import Unreadable, read_bounded

__all__ = ["MAX_ARTICLE_BYTES", "cited_path", "read_article"]

MAX_ARTICLE_BYTES = 16 * 1024 * 1024
"""The largest article read: sixteen times the longest Wikipedia biography, and
about a minute of extraction."""


def read_article(path: str) -> str:
    """The text of ``path``, decoded as UTF-8; :class:`SedovError` (exit 1) if it is not usable text."""
    try:
        raw = read_bounded(path, MAX_ARTICLE_BYTES)
    except Unreadable as exc:
        hint = "; extract reads one biography, so split the text" if "limit" in str(exc) else ""
        raise SedovError(f"{path}: {exc}{hint}") from None
    if b"\x00" in raw[:65536]:
        raise SedovError(
            f"{path}: looks like a binary file (it has NUL bytes), not plain text; save the article as text"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SedovError(
            f"{path}: is not UTF-8 text (byte {exc.start} is 0x{raw[exc.start]:02x}); save the article as UTF-8"
        ) from None
    if not text.strip():
        raise SedovError(f"{path}: is empty; there is nothing to extract")
    return text


def cited_path(article: str, output: str | None) -> str:
    """``article`` relative to the folder the draft goes to (the current one for standard output).

    The loader reads an article only inside the dataset's folder, so an article
    outside it is a usage error with a way out, never a path that climbs out.
    """
    folder = Path(output).absolute().parent if output else Path.cwd()
    relative = os.path.relpath(Path(article).absolute(), folder)
    if relative.startswith(".." + os.sep) or relative == ".." or os.path.isabs(relative):
        where = "the current folder" if output is None else f"the folder of {output}"
        raise UsageProblem(
            f"{article} lies outside {where}, and a dataset may only cite an article inside its own folder; "
            f"write the draft beside the article, e.g. --output {Path(article).parent / 'draft.json'}"
        )
    return str(PurePosixPath(*Path(relative).parts))
