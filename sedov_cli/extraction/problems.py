"""Why a text cannot be drafted at all: the one refusal extraction makes (exit 1)."""

from __future__ import annotations

from ..errors import SedovError

__all__ = ["NothingToDraft"]


class NothingToDraft(SedovError):
    """The text gave nothing a dataset can be made of; the message says why (exit 1)."""
