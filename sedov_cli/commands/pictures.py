"""``sedov chart``: the life as a picture, at the terminal, as SVG or as the JSON rows it draws."""

from __future__ import annotations

from typing import Annotated

import typer

from ..dataset import inputs_of
from ..dates import LONGEST_LIFE
from ..errors import UsageProblem
from ..formats.json_format import dumps
from ..options import ForceOpt, filter_options, state
from ..queries import Filters, select
from ..text import plural, visible
from . import common

CHART_MAX_WIDTH = 1000
"""No terminal is wider than this; beyond it a chart only costs time (COLUMNS=1000000)."""


@filter_options
def chart(
    ctx: typer.Context,
    filters: Filters,
    after_death: Annotated[
        bool, typer.Option("--after-death", help="Extend the axis to the dataset's last dated year.")
    ] = False,
    svg: Annotated[
        str | None, typer.Option("--svg", metavar="FILE", help="Also write the chart as SVG (- for stdout only).")
    ] = None,
    force: ForceOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="The rows it draws, and its key, as JSON.")] = False,
) -> None:
    """A picture of the life: residences, activities and periods as bars, moments as marks.

    An uncertain start or end is drawn lighter than a known stretch (':' rather
    than '#' without colour). Filters choose the events; --place also chooses
    the bars.

    \b
    Examples:
      sedov chart
      sedov chart --place France --after-death
      sedov chart --svg sedov.svg
      sedov chart --json | jq -r '.rows[].text'
    """
    from ..atomic import write_file
    from ..chart import ASCII, UNICODE, Key, chart_record, layout, visible_events
    from ..queries import resolve_places

    st = state(ctx)
    ds = st.dataset
    events = [hit.event for hit in select(ds, filters).hits]
    eras = list(ds.eras)
    if filters.places:
        wanted = set().union(*(resolve_places(ds, q) for q in filters.places))
        eras = [era for era in eras if wanted.intersection(era.places)]
    life = ds.subject_life
    known = [d.year for e in ds.events for d in (e.span.earliest, e.span.latest) if d]
    if life is not None and life.birth.earliest is not None:
        first = life.birth.earliest.year
    else:  # no birth given: the axis spans the events
        first = min(known, default=common.today().year)
    if life is not None and life.death and life.death.latest:
        last = life.death.latest.year
    elif life is None:
        last = max(known, default=first)
    else:  # no death given: to today, unless no one born then can be alive (a 14th-century traveller)
        last = common.today().year
        born = life.birth.latest.year if life.birth.latest else first
        if last - born > LONGEST_LIFE:
            last = max([year for year in known if year >= first], default=first)
    if after_death:  # the whole dataset's reach, so that a filter does not shorten the axis
        last = max([last] + [d.year for e in ds.events for d in (e.span.earliest, e.span.latest) if d])
    shown, before, after = visible_events(events, first, last)
    width = min(st.env.width or 80, CHART_MAX_WIDTH)
    glyphs = UNICODE if st.env.color or as_json else ASCII
    keys: list[Key] = []
    rows = layout(ds, shown, eras, width=width, first_year=first, last_year=last, glyphs=glyphs, keys=keys)
    if as_json:
        if svg is not None:
            raise UsageProblem("--json and --svg each write the chart: choose one")
        st.env.write(dumps(chart_record(rows, keys, first, last, width, before, after)) + "\n")
        return

    from .. import render

    picture = None
    if svg is not None:  # the file first: a reader of stdout that stops early must not cancel it
        svg_width = max(width, 100)
        svg_rows = layout(ds, shown, eras, width=svg_width, first_year=first, last_year=last, glyphs=UNICODE)
        picture = render.chart_svg(svg_rows, svg_width, f"{ds.person.name}: a life")
        if svg != "-":
            write_file(svg, picture, force=force, inputs=inputs_of(ds, st.data))
    if svg != "-":
        with st.env.pipe_guard(), st.env.paged():
            render.chart(st.env, rows)
    if before:
        st.env.note(f"{plural(before, 'event')} before {first} not shown")
    if after:
        st.env.note(f"{plural(after, 'event')} after {last} not shown; --after-death shows them")
    if svg == "-":
        assert picture is not None
        st.env.write(picture)
    elif svg is not None:
        st.env.note(f"wrote {visible(svg)}")
