"""The chosen events as a dataset in the project's own schema, to edit and load back with --data."""

from __future__ import annotations

from ..dataset import dump
from . import ExportContext
from .json_format import dumps


def export(ctx: ExportContext) -> str:
    return dumps(dump(ctx.dataset, ctx.events)) + "\n"
