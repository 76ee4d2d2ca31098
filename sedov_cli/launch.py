"""The process boundary: the ``sedov`` script starts here.

It imports nothing heavy itself, so that Ctrl-C while typer and rich are
still being imported is caught like Ctrl-C at any other moment: exit 130 and
no traceback. Everything after start-up is handled by ``cli.run``.
"""

from __future__ import annotations

import sys

INTERRUPTED = 130  # errors.ExitStatus.INTERRUPTED, without importing it


def main() -> None:
    try:
        from .cli import run

        code = run(sys.argv[1:])
    except KeyboardInterrupt:
        code = INTERRUPTED
    sys.exit(code)
