"""Where output goes, and what that place can show.

One object answers "is this a terminal?", "may I use colour?", "how wide?" and
"can it encode UTF-8?". Commands consult it and never ``sys`` directly, so
tests can hand them a terminal or a pipe without faking file descriptors.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import shutil
import signal
import sys
from collections.abc import Iterable, Iterator, Mapping
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


def _positive(text: str | None) -> int | None:
    try:
        value = int(text or "")
    except ValueError:
        return None
    return value if value > 0 else None


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
    pager: str | None = None
    """The command that pages long output at a terminal; None never pages."""
    height: int = 24

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
        # NO_COLOR turns colour off (no-color.org); FORCE_COLOR turns it on even in a pipe.
        color = not env.get("NO_COLOR") and (bool(env.get("FORCE_COLOR")) or (tty and not dumb))
        size = shutil.get_terminal_size((80, 24))
        width: int | None = _positive(env.get("COLUMNS")) or (size.columns if tty else None)
        height = _positive(env.get("LINES")) or size.lines
        pager = (env.get("SEDOV_PAGER") or env.get("PAGER") or "less") if tty and not dumb else None
        return cls(stdout, stderr, tty, color, width, _encodes_unicode(stdout), pager, height)

    @contextmanager
    def paged(self) -> Iterator[None]:
        """Hold what is written inside, then show it through the pager if it is longer than the
        screen (as git and gh do), or write it as it is."""
        if self.pager is None or not self.stdout_isatty:
            yield
            return
        real, buffer = self.stdout, io.StringIO()
        self.stdout = buffer
        try:
            yield
        finally:
            self.stdout = real
        text = buffer.getvalue()
        if text.count("\n") < self.height or not self._page(text):
            self.write(text)

    def _page(self, text: str) -> bool:
        """Run the pager on ``text``; False if it cannot be started."""
        import shlex
        import subprocess

        env = dict(os.environ)
        env.setdefault("LESS", "FRX")  # quit if one screen, keep colour, leave the screen as it is
        env.setdefault("LV", "-c")
        try:
            command = shlex.split(self.pager or "")
            proc = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
        except (OSError, ValueError):
            return False
        assert proc.stdin is not None
        try:
            proc.stdin.write(text.encode(getattr(self.stdout, "encoding", None) or "utf-8", "backslashreplace"))
            proc.stdin.close()
        except BrokenPipeError:  # the reader quit the pager early
            pass
        while True:
            try:
                code = proc.wait()
            except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
                continue
            if code == -signal.SIGINT:  # the pager itself died of the Ctrl-C: so does the command (130)
                raise KeyboardInterrupt
            return True

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

    def write_all(self, pieces: Iterable[str], batch: int = 1 << 16) -> None:
        """Write pieces as they come, about ``batch`` characters at a time: a long
        listing starts flowing at once and is never held whole."""
        with self.pipe_guard():
            held: list[str] = []
            size = 0
            for piece in pieces:
                held.append(piece)
                size += len(piece)
                if size >= batch:
                    self.stdout.write("".join(held))
                    held, size = [], 0
            self.stdout.write("".join(held))
            self.stdout.flush()

    def prose(self, text: str, hang: int = 0) -> str:
        """``text`` wrapped at word boundaries to the terminal's width; as it is in a pipe.
        ``hang`` indents each continued line further than the line it continues."""
        if not self.stdout_isatty or not self.width:
            return text
        return wrap_prose(text, self.width, hang)

    def error_prose(self, text: str, hang: int = 0) -> str:
        """``text`` for stderr: wrapped at word boundaries when stderr is a terminal of known width
        (extract's summary), as it is when stderr goes to a file or a pipe."""
        if not self.width or not _isatty(self.stderr):
            return text
        return wrap_prose(text, self.width, hang)

    def note(self, text: str) -> None:
        """A remark for a person at a terminal; silent in pipes, as the output contract says."""
        if self.stdout_isatty:
            self.stderr.write(self.prose(text) + "\n")
            self.stderr.flush()


def wrap_prose(text: str, width: int, hang: int = 0) -> str:
    """Each line of ``text`` wrapped to ``width`` at spaces, never inside a word or at its hyphen.

    A continued line keeps the line's own indent, plus ``hang`` spaces (so an
    indented list stays readable). A word wider than the line is left
    whole: the terminal folds it, which is better than cutting it here.
    """
    import textwrap

    out = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip(" "))]
        if len(line) <= width or not line.strip():
            out.append(line)
            continue
        wrapper = textwrap.TextWrapper(
            width=width, initial_indent=indent, subsequent_indent=indent + " " * hang, break_long_words=False,
            break_on_hyphens=False,
        )  # fmt: skip
        out.extend(wrapper.wrap(line.strip(" ")) or [line])
    return "\n".join(out)
