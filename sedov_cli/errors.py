"""Domain errors, each carrying the exit code the CLI gives it.

Keeping the code on the error means the CLI maps errors to exit codes in one
place (``cli.main``) without a table that could fall out of step.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum


class ExitStatus(IntEnum):
    """The process's exit codes, by name (as httpie's ExitStatus)."""

    SUCCESS = 0
    """Done, including an empty result and a reader that stopped reading early."""
    ERROR = 1
    """A runtime problem: a broken dataset, an unwritable file, output that cannot be written."""
    USAGE = 2
    """The command line asked for something malformed or unknown."""
    INTERRUPTED = 130
    """Ctrl-C (128 + SIGINT), as shells report it."""


class SedovError(Exception):
    """Something the user should read; never shown with a traceback."""

    exit_code: int = ExitStatus.ERROR


class UsageProblem(SedovError):
    """The command line asked for something that does not exist or is malformed."""

    exit_code = ExitStatus.USAGE


class OutputError(SedovError):
    """Standard output cannot be written: a full disk, a closed descriptor."""


class BadWhen(UsageProblem):
    """A date or event id that could not be read."""


class UnknownName(UsageProblem):
    """A place, person, tag, certainty or id the dataset does not have."""

    def __init__(self, kind: str, query: str, suggestions: Sequence[str] = (), otherwise: str = "") -> None:
        """``otherwise`` is said when nothing is near enough to suggest: what there is, or where to look."""
        self.kind, self.query, self.suggestions = kind, query, tuple(suggestions)
        if self.suggestions:
            hint = f" (did you mean {' or '.join(repr(s) for s in self.suggestions)}?)"
        else:
            hint = f"; {otherwise}" if otherwise else ""
        super().__init__(f"unknown {kind} {query!r}{hint}")


class AmbiguousName(UsageProblem):
    """A name that fits more than one record; the message lists them."""

    def __init__(
        self,
        kind: str,
        query: str,
        candidates: Sequence[tuple[str, str]],
        advice: str = "Give a fuller name or the id in brackets.",
        more: bool = False,
    ) -> None:
        """``more``: others fit too, beyond the candidates listed (a prefix a million ids share)."""
        self.kind, self.query, self.candidates = kind, query, tuple(candidates)
        listed = "; ".join(f"{label} [{ident}]" for ident, label in self.candidates)
        if more:
            listed += "; and more"
        super().__init__(f"{kind} {query!r} is ambiguous: {listed}. {advice}")


class OutsideLife(SedovError):
    """A question about an age before the person was born."""


class NoBirth(SedovError):
    """An age asked of a person the dataset gives no birth for: a fact of the data, not a slip of
    the command line, so it exits 1 as a runtime answer does."""
