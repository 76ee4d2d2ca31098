"""The process boundary: the ``sedov`` script starts here.

It imports nothing heavy itself, so that Ctrl-C while typer and rich are
still being imported is caught like Ctrl-C at any other moment: exit 130 and
no traceback. Everything after start-up is handled by ``cli.run``.

Python does not always let a KeyboardInterrupt through as it is: one raised
inside a descriptor's ``__set_name__`` while a class body is being made
(rich and typer define many) comes out as ``RuntimeError: Error calling
__set_name__``, with the interrupt as its cause. That is Ctrl-C too.

The garbage collector waits until the command starts. Start-up (importing
typer and sedov, building the command) makes some 20,000 objects that live
as long as the process, and no garbage worth a pass, yet the collector ran
nearly forty passes over them: 15 to 20 ms of the 100 ms that ``sedov
timeline | cat`` took (measured on 2 loaded cores). So ``main`` turns it off,
and :func:`start_collecting` (called as the command starts) moves everything
made so far out of its sight (``gc.freeze``) and turns it back on for the
command's own work. ``cli.run`` alone (a test, a program embedding sedov)
leaves the caller's collector as it is.
"""

from __future__ import annotations

import gc
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


_collecting_deferred = False


def start_collecting() -> None:
    """Turn the garbage collector back on, if :func:`main` turned it off; start-up's objects are left out."""
    global _collecting_deferred
    if _collecting_deferred:
        _collecting_deferred = False
        gc.freeze()
        gc.enable()


def main() -> None:
    global _collecting_deferred
    if gc.isenabled():
        gc.disable()
        _collecting_deferred = True
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
