"""Where output goes, and what that place can show.

One object answers "is this a terminal?", "may I use colour?", "how wide?" and
"can it encode UTF-8?". Commands consult it and never ``sys`` directly, so
tests can hand them a terminal or a pipe without faking file descriptors.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _encodes_unicode(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-16", "utf-32", "gb18030", "utf-8-sig")
    except LookupError:
        return False


@dataclass
class Environment:
    stdout: TextIO
    stderr: TextIO
    stdout_isatty: bool
    color: bool
    width: int | None
    unicode: bool

    @classmethod
    def from_system(cls, environ: Mapping[str, str] | None = None) -> Environment:
        env = os.environ if environ is None else environ
        stdout, stderr = sys.stdout, sys.stderr
        for stream in (stdout, stderr):
            # A narrow encoding (PYTHONIOENCODING=ascii) must not crash on Cyrillic.
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None and not _encodes_unicode(stream):
                reconfigure(errors="backslashreplace")
        tty = _isatty(stdout)
        dumb = env.get("TERM", "") == "dumb"
        color = tty and not env.get("NO_COLOR") and not dumb
        width: int | None = None
        try:
            columns = int(env.get("COLUMNS", ""))
            width = columns if columns > 0 else None
        except ValueError:
            pass
        return cls(stdout, stderr, tty, color, width, _encodes_unicode(stdout))

    @contextmanager
    def pipe_guard(self) -> Iterator[None]:
        """Exit quietly with 0 when the reader goes away (``sedov timeline | head -1``).

        A closed pipe means the reader has what it wanted, so this is not an
        error. stdout is pointed at /dev/null so the interpreter's final flush
        cannot complain either.
        """
        try:
            yield
        except BrokenPipeError:
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self.stdout.fileno())
            except (OSError, ValueError, AttributeError):
                pass
            raise SystemExit(0) from None

    def write(self, text: str) -> None:
        with self.pipe_guard():
            self.stdout.write(text)
            self.stdout.flush()

    def note(self, text: str) -> None:
        """A remark for a person at a terminal; silent in pipes, as the output contract says."""
        if self.stdout_isatty:
            self.stderr.write(text + "\n")
            self.stderr.flush()
