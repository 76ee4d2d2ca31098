"""``sedov export``: the chosen events in another tool's format, or as a sedov dataset."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from ..dataset import inputs_of
from ..errors import UsageProblem
from ..options import ExportFormat, ForceOpt, filter_options, state
from ..queries import Filters, select
from ..text import plural, visible


@filter_options
def export_command(
    ctx: typer.Context,
    filters: Filters,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False)],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here (atomically for a plain file); - is stdout."),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Take the events into other tools: TimelineJS, calendars, spreadsheets, notes, or sedov itself.

    json writes a dataset in sedov's own schema, loadable with --data; a
    disputed claim always comes with the claim it disputes.

    \b
    Examples:
      sedov export --format timelinejs --output sedov-timeline.json
      sedov export --format ics --place Paris --output paris.ics
      sedov export --format markdown --from 1929 --to 1933
      sedov export --format json --tag nkvd --output nkvd.json
    """
    from datetime import UTC, datetime

    from ..atomic import write_file
    from ..formats import ExportContext, export

    st = state(ctx)
    ds = st.dataset
    events = [hit.event for hit in select(ds, filters).hits]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        generated = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    except ValueError:
        raise UsageProblem(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None
    text = export(fmt.value)(ExportContext(ds, events, generated))
    if output is None or output == "-":
        st.env.write(text)
    else:
        write_file(output, text, force=force, inputs=inputs_of(ds, st.data))
        st.env.note(f"wrote {plural(len(events), 'event')} to {visible(output)}")
