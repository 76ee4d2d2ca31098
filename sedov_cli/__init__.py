"""sedov: a command-line explorer of the life of Lev Sedov (1906–1938).

Domain modules (``dates``, ``model``, ``dataset``, ``queries``) import no CLI
or terminal library; ``formats``, ``render`` and ``cli`` sit on top of them.

When the ``sedov`` command is what is running, the first thing its code does
is to make an uncaught Ctrl-C silent (exit 130, no traceback): the script pip
writes imports this package, then ``launch``, before ``launch.main`` can
catch anything, and Ctrl-C may land there too. Imported by anything else
(a test, a REPL), the package leaves ``sys.excepthook`` alone.
"""

import os as _os
import sys as _sys

__version__ = "0.1.0"


def _quiet_interrupt(kind: type[BaseException], value: BaseException, traceback: object) -> None:
    """``sys.excepthook`` for the sedov command: Ctrl-C (even wrapped in another error) is exit 130."""
    seen: set[int] = set()
    current: BaseException | None = value
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            for stream in (_sys.stdout, _sys.stderr):
                try:
                    if stream is not None:
                        stream.flush()
                except Exception:  # a closed pipe: nothing more to say
                    pass
            _os._exit(130)
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    _sys.__excepthook__(kind, value, traceback)  # type: ignore[arg-type]


if _sys.argv and _os.path.basename(_sys.argv[0]) == "sedov":
    _sys.excepthook = _quiet_interrupt
