"""``sedov browse``: the full-screen explorer. Textual is imported only when it starts."""

from __future__ import annotations

import typer

from ..options import state


def browse(ctx: typer.Context) -> None:
    """Explore the life full-screen: scroll the chronology, open an event, follow its people and places.

    Search and filter as you go (the same words as sedov events), jump to a
    date, ask his age, and copy what you found as a sedov events command.
    Press ? inside for every key. Needs a terminal; in a pipe use sedov timeline.

    \b
    Examples:
      sedov browse
      sedov browse --color never
    """
    from ..browse.launch import browse as explore

    st = state(ctx)
    debug = bool(getattr(ctx.find_root().command, "debug", False))
    raise typer.Exit(explore(st.env, lambda: st.dataset, st.data, debug=debug))
