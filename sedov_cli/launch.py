"""The process boundary: the ``sedov`` script starts here.

It imports nothing heavy itself, so that Ctrl-C while typer and rich are
still being imported is caught like Ctrl-C at any other moment: exit 130 and
no traceback. Everything after start-up is handled by ``cli.run``.

Python does not always let a KeyboardInterrupt through as it is: one raised
inside a descriptor's ``__set_name__`` while a class body is being made
(rich and typer define many) comes out as ``RuntimeError: Error calling
__set_name__``, with the interrupt as its cause. That is Ctrl-C too.
"""

from __future__ import annotations

import sys

INTERRUPTED = 130  # errors.ExitStatus.INTERRUPTED, without importing it


def interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` is, or was caused by, a KeyboardInterrupt (following causes and contexts)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def main() -> None:
    try:
        from .cli import run

        code = run(sys.argv[1:])
    except KeyboardInterrupt:
        code = INTERRUPTED
    except Exception as exc:
        if not interrupted(exc):
            raise
        code = INTERRUPTED
    sys.exit(code)
