"""``sedov cache``: where the index of each dataset file is kept, what is there, and clearing it."""

from __future__ import annotations

import os

import typer

from ..formats import exporter
from ..formats.json_format import dumps
from ..options import JsonOpt, WordsFormatOpt, state
from ..records import Listing
from ..text import plural, visible
from .common import choose_format

cache_app = typer.Typer(
    name="cache",
    help="The index of each dataset file, kept so that later runs skip reading and validating it.",
    no_args_is_help=True,
)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


def _cache_source() -> str:
    from ..index import CACHE_ENV

    if os.environ.get(CACHE_ENV):
        return CACHE_ENV
    return "XDG_CACHE_HOME" if os.environ.get("XDG_CACHE_HOME", "").startswith("/") else "default"


@cache_app.command("info")
def cache_info(ctx: typer.Context, fmt: WordsFormatOpt = None, as_json: JsonOpt = False) -> None:
    """Where the cache is, and each dataset indexed there.

    \b
    Examples:
      sedov cache info
      sedov cache info --json
    """
    from ..index import cache_dir, entries, trusted_cache

    st = state(ctx)
    folder = cache_dir()
    found = entries(folder)
    problem = trusted_cache().problem
    chosen = choose_format(fmt, as_json, "text")
    records = [
        {"file": e.path.name, "origin": e.origin, "events": e.events, "bytes": e.size, "indexed": e.indexed,
         "current": e.current}
        for e in found
    ]  # fmt: skip
    if chosen in ("text", "table"):
        total = sum(e.size for e in found)
        lines = [f"cache: {folder} ({_cache_source()})", f"{plural(len(found), 'file')}, {_size(total)}"]
        if problem is not None:
            lines.insert(1, f"not trusted: {problem}; sedov neither reads nor writes it")
        for e in found:
            what = f"{plural(e.events, 'event')}" if e.events is not None else "unreadable or half-written"
            state_word = "" if e.current else " (stale: rebuilt on next use, or removed by sedov cache clear)"
            lines.append(
                f"  {e.origin or e.path.name}: {what}, {_size(e.size)}, indexed {e.indexed or '?'}{state_word}"
            )
        st.env.write("".join(visible(line) + "\n" for line in lines))
        return
    if chosen == "json":
        listed = {"folder": str(folder), "source": _cache_source(), "trusted": problem is None, "indexes": records}
        st.env.write(dumps(listed) + "\n")
        return
    columns = ("file", "origin", "events", "bytes", "indexed", "current")
    rows = [tuple("" if r[c] is None else str(r[c]).lower() if c == "current" else str(r[c]) for c in columns)
            for r in records]  # fmt: skip
    st.env.write(exporter(chosen)(Listing("cache", records, columns, rows)))


@cache_app.command("clear")
def cache_clear(ctx: typer.Context) -> None:
    """Remove every index sedov wrote; other files in the folder are left alone.

    \b
    Examples:
      sedov cache clear
    """
    from ..index import cache_dir, clear

    folder = cache_dir()
    files, size = clear(folder)
    state(ctx).env.write(visible(f"removed {plural(files, 'file')} ({_size(size)}) from {folder}") + "\n")
