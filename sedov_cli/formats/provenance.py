"""The article a dataset is drawn from, as the exports name it, leaving out what the dataset does not give.

A draft from ``sedov extract`` says "not given" for a publisher, address or
licence the user did not pass; "Drawn from the not given article" is worse
than saying less, so each part is named only when it is known.
"""

from __future__ import annotations

from ..model import SourceInfo

__all__ = ["article_phrase", "known", "licence_phrase"]

NOT_GIVEN = "not given"


def known(value: str) -> str | None:
    """The value, or None when the dataset leaves it blank or says it is not given."""
    return None if value.strip().casefold() in ("", NOT_GIVEN) else value


def article_phrase(src: SourceInfo) -> str:
    """'the Wikipedia article “Lev Sedov” (https://…)', or as much of it as is known."""
    publisher, url = known(src.publisher), known(src.url)
    return f"the {publisher + ' ' if publisher else ''}article “{src.title}”" + (f" ({url})" if url else "")


def licence_phrase(src: SourceInfo) -> str:
    """'licensed CC BY-SA 4.0', or that the licence is not given (so a reader checks before sharing)."""
    licence = known(src.license)
    return f"licensed {licence}" if licence else "under a licence the dataset does not give"
