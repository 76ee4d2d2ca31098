"""Writing the file a user names, the way a careful user expects.

A plain file is replaced atomically: readers see the old file or the new
one, never half of one, and the file keeps its permission bits. Everything
else is respected rather than replaced:

* a symlink is written through, so the link stays and its target changes;
* a FIFO, a character device or anything under /dev or /proc
  (``/dev/stdout``) is streamed to, never renamed over;
* a read-only file is refused unless ``force`` is given;
* a directory, an empty path or a link that loops is a clear error.

The temporary file is named ``.NAME.sedov-XXXXXXXX.tmp`` beside the target
and removed on any error, Ctrl-C or SIGTERM. Only SIGKILL can leave one
behind, and its name says where it came from.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from .errors import SedovError, UsageProblem

TEMP_MARK = ".sedov-"
_STREAMED_TREES = ("/dev/", "/proc/")


def write_file(path: str, text: str, *, force: bool = False) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path``; see the module for the rules."""
    if not path:
        raise UsageProblem("the output path is empty; give a file name, or - for standard output")
    shown = path
    if os.path.abspath(path).startswith(_STREAMED_TREES):  # /dev/stdout resolves to 'pipe:[…]': open it as named
        _stream(shown, Path(path), text)
        return
    try:
        target = Path(os.path.realpath(path, strict=False))
        info = os.stat(target) if os.path.lexists(path) else None
    except OSError as exc:  # a symlink loop, a component that is not a directory
        raise SedovError(f"cannot write {shown}: {exc.strerror or exc}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise SedovError(f"cannot write {shown}: it is a directory")
    if info is not None and (not stat.S_ISREG(info.st_mode) or str(target).startswith(_STREAMED_TREES)):
        _stream(shown, target, text)
        return
    if info is not None and _read_only(target, info) and not force:
        raise SedovError(f"cannot write {shown}: the file is read-only (use --force to replace it)")
    _replace(shown, target, text, None if info is None else stat.S_IMODE(info.st_mode))


def _read_only(target: Path, info: os.stat_result) -> bool:
    """No write bit for anyone, or none for us. (root may write anything; a user who
    marked a file read-only still meant it.)"""
    return not info.st_mode & 0o222 or not os.access(target, os.W_OK)


def _stream(shown: str, target: Path, text: str) -> None:
    """A FIFO or a device: write into it as it is."""
    try:
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except BrokenPipeError:
        return  # the reader at the other end has what it wanted
    except OSError as exc:
        raise SedovError(f"cannot write {shown}: {exc.strerror or exc}") from None


def _replace(shown: str, target: Path, text: str, mode: int | None) -> None:
    """A plain file, new or old: write beside it, then rename over it."""
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise SedovError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        with _terminate_as_exit(), os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
            if mode is None:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(temp, mode)
            os.replace(temp, target)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise SedovError(f"cannot write {shown}: {exc.strerror or exc}") from None
        raise


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """Turn SIGTERM into an exception while the temporary file exists, so it is cleaned up."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
