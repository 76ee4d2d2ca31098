"""Where output goes, and what that place can show.

One object answers "is this a terminal?", "may I use colour?", "how wide?" and
"can it encode UTF-8?". Commands consult it and never ``sys`` directly, so
tests can hand them a terminal or a pipe without faking file descriptors.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn, TextIO

from .errors import OutputError


class ClosedStream:
    """Stands in for a standard stream that was closed before we started (``>&-``).

    Python sets ``sys.stdout`` to None then, and libraries write to None
    silently or crash. This one fails every write the way a closed descriptor
    does, so the one place that reports write errors can say so.
    """

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


class ReaderAware:
    """Standard output, where a reader that went away ends the run with success.

    ``sedov timeline | head -1`` closes the pipe early, and that is what the
    user asked for. click would exit 1 on it and rich would too, each from
    deep inside a write; wrapping the stream catches it at the write itself,
    whoever writes. Everything else is passed through untouched.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            reader_gone()

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            reader_gone()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def reader_gone() -> NoReturn:
    """The reader closed the pipe: stop writing, quietly, with success."""
    silence_stdout()
    raise SystemExit(0)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush into a closed pipe stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


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
        """Exit quietly with 0 when the reader goes away (``sedov timeline | head -1``),
        and turn any other failure to write into an :class:`OutputError`.

        A closed pipe means the reader has what it wanted, so this is not an
        error. stdout is pointed at /dev/null so the interpreter's final flush
        cannot complain either. A full disk or a closed descriptor is an
        error, and the user is told which.
        """
        try:
            yield
            self.stdout.flush()
        except BrokenPipeError:
            reader_gone()
        except OSError as exc:
            raise OutputError(f"cannot write output: {exc.strerror or exc}") from None

    def write(self, text: str) -> None:
        with self.pipe_guard():
            self.stdout.write(text)
            self.stdout.flush()

    def note(self, text: str) -> None:
        """A remark for a person at a terminal; silent in pipes, as the output contract says."""
        if self.stdout_isatty:
            self.stderr.write(text + "\n")
            self.stderr.flush()
