"""Starting the explorer: refuse what it cannot do, then load the dataset and run.

Kept apart from :mod:`.app` so that the refusal in a pipe costs no Textual
import, and a bad dataset fails with the same error as every other command
before the screen is taken over.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from ..environment import Environment
from ..errors import UsageProblem
from ..model import Dataset
from ..text import visible

NEEDS_TERMINAL = "browse needs a terminal (its input and output); in a pipe, try: sedov timeline"


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def browse(env: Environment, dataset: Callable[[], Dataset], data: str | None, stdin: TextIO | None = None, *,
           debug: bool = False) -> int:  # fmt: skip
    """Run the explorer and return its exit status: 0, 130 after Ctrl-C, 1 after an internal error.

    Raises UsageProblem (exit 2) without a terminal, and the dataset's own
    errors (exit 1) before anything is drawn.
    """
    if not env.stdout_isatty or not _isatty(sys.stdin if stdin is None else stdin):
        raise UsageProblem(NEEDS_TERMINAL)
    ds = dataset()
    from .app import BrowseApp

    app = BrowseApp(ds, data=data, color=env.color, debug=debug)
    app.run()
    if app.failure is not None:
        env.stderr.write(f"sedov: error: {visible(app.failure)}\n")
        env.stderr.flush()
    return app.return_code or 0
